# Integer arithmetic, big integers and conversions.
a = 2 ** 200 + 12345
b = -(3 ** 123)
print(a)
print(b)
print(a * b)
print(divmod(a, 97), divmod(b, 97))
print(a // -7, a % -7, -a // 7, -a % 7)
print(pow(3, 10**5, 10**9 + 7), pow(7, -1, 101))
print(a.bit_length(), b.bit_length(), (255).bit_count())
print(hex(a), oct(12345), bin(-37))
print(int("ff", 16), int("0b1011", 0), int("  -42  "), int("1_000_000"))
print((1234).to_bytes(4, "big"), int.from_bytes(b"\x01\x02\x03", "little", signed=True))
print((-1).to_bytes(2, "big", signed=True))
print(10**50 // 3, 10**50 % 3)
print(str(7 ** 700)[:40], len(str(7 ** 700)))
print(abs(-5), round(12345, -2), round(-2.5), round(3.5))
print(True + True, int(3.99), int(-3.99), 7 // 2, -7 // 2)
import math
print(math.gcd(2**64, 6**30), math.lcm(12, 18, 27), math.isqrt(10**40 + 1))
print(math.factorial(30), math.comb(60, 30), math.perm(10, 4))
try:
    int("12a")
except ValueError as e:
    print("ValueError:", e)
try:
    1 // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
