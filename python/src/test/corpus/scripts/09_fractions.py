# fractions.Fraction arithmetic and conversions.
from fractions import Fraction as F
import math
a, b = F(3, 4), F("-5/6")
print(a + b, a - b, a * b, a / b, a ** 2, b ** -2, -a, abs(b))
print(F(0.1), F("0.1"), F(1.5), F("3.1415926535").limit_denominator(100), F(math.pi).limit_denominator(1000))
print(F(10, -4), F(0, 5), F("  7/ 21 ".replace(" ", "")), F(2, 4).numerator, F(2, 4).denominator)
print(float(F(1, 3)), int(F(-7, 2)), round(F(5, 2)), round(F(7, 2)), round(F(22, 7), 3), math.floor(F(-7, 2)), math.ceil(F(-7, 2)))
print(F(1, 3) == 1 / 3, F(1, 2) == 0.5, F(1, 3) < 0.34, sorted([F(1, 3), 0.3, F(2, 7), 1]))
print(sum(F(1, n) for n in range(1, 11)), F(1, 3).as_integer_ratio(), F(6, 4).is_integer(), F(4, 2).is_integer())
print(f"{F(1, 3):.5f}", f"{F(22, 7):>10}", format(F(-1, 8), "e"), str(F(5)), repr(F(5, 3)))
print(F(1, 2) + 1, 1 - F(1, 3), F(1, 2) * 2.0, F(3, 4) // F(1, 8), F(7, 3) % F(1, 2), divmod(F(7, 3), F(1, 2)))
try:
    F(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    F("1/x")
except ValueError as e:
    print("ValueError:", e)
