# math and cmath functions, exactness and special values.
import math, cmath
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(2), math.cbrt(27), math.exp(1), math.log(100, 10), math.log2(1024), math.log10(0.001), math.log1p(1e-10), math.expm1(1e-10))
print(math.sin(math.pi / 6), math.cos(math.pi / 3), math.tan(math.pi / 4), math.atan2(1, -1), math.hypot(3, 4), math.hypot(1, 2, 2))
print(math.degrees(math.pi), math.radians(180), math.asin(1), math.acosh(2), math.erf(0.5), math.erfc(0.5), math.gamma(5.5), math.lgamma(100))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7), math.modf(-3.25), math.frexp(40.0), math.ldexp(0.625, 6), math.fmod(-7, 3))
print(math.copysign(1, -0.0), math.isclose(0.1 + 0.2, 0.3), math.isfinite(1e308), math.isinf(-math.inf), math.remainder(7, 4))
print(math.prod([1.5, 2, 4]), math.dist((0, 0), (3, 4)), math.sumprod([1, 2, 3], [4, 5, 6]), math.nextafter(1.0, 2.0), math.ulp(1.0))
print(math.fma(2.0, 3.0, 1.0), math.exp2(10))
for bad in [lambda: math.log(0), lambda: math.exp(1000), lambda: math.acos(2), lambda: math.factorial(-1)]:
    try:
        bad()
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
z = complex(3, 4)
print(abs(z), z.conjugate(), z * 1j, z / (1 - 1j), z ** 2, cmath.phase(z), cmath.polar(z), cmath.rect(2, math.pi / 2))
print(cmath.sqrt(-1), cmath.exp(1j * math.pi), cmath.log(-1), cmath.sin(1 + 1j), cmath.isclose(cmath.exp(1j * math.pi), -1))
print(complex("1+2j"), complex(1.5), repr(complex(0, -0.0)), complex(math.inf, math.nan), cmath.inf, cmath.nanj)
