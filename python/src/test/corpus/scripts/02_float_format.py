# Float repr, formatting and special values.
import math, sys
vals = [0.1, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e-7, 123456789.123456789, -0.0, 5e-324, 1.7976931348623157e308]
for v in vals:
    print(repr(v), str(v), f"{v:.3f}", f"{v:e}", f"{v:g}", f"{v:.17g}")
print(float("inf"), float("-inf"), float("nan"), -float("inf"))
print(math.isnan(float("nan")), float("nan") == float("nan"))
print(f"{1234567.891:,.2f}", f"{0.25:%}", f"{-3.5:+08.2f}", f"{3.14159:^12.4}", f"{1e100:.5e}")
print(format(2.5, ".0f"), format(3.5, ".0f"), round(2.675, 2), round(0.5), round(1.5))
print((0.1).hex(), float.fromhex("0x1.999999999999ap-4"), (1.5).as_integer_ratio())
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
print(float("1e500"), float("-1e-500"), 1e308 * 10)
print(math.fsum([0.1] * 10), sum([0.1] * 10))
print(int(1e20), float(2**63), float(10**30))
print("%.2f %5.1e %g %r" % (2.345, 12345.678, 0.00001234, 1.0))
print(7.0 // 2, 7.0 % -2, divmod(-7.5, 2), 2.0 ** 0.5, (-8) ** (1 / 3))
try:
    float("abc")
except ValueError as e:
    print("ValueError:", e)
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
