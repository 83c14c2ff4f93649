# decimal: contexts, rounding, quantize, signals.
from decimal import Decimal, getcontext, localcontext, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN, InvalidOperation, DivisionByZero, Inexact
import decimal
print(Decimal("0.1") + Decimal("0.2"), Decimal(0.1), Decimal("1.10") * 3, Decimal(1) / Decimal(7))
print(getcontext().prec, getcontext().rounding)
with localcontext() as ctx:
    ctx.prec = 50
    print(Decimal(2).sqrt(), Decimal(1).exp(), Decimal(10).ln())
for r in (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN):
    print(r, [str(Decimal(x).quantize(Decimal("1"), rounding=r)) for x in ("2.5", "3.5", "-2.5", "2.49")])
print(Decimal("123.4567").quantize(Decimal("0.01")), Decimal("1E+3").normalize(), Decimal("100").normalize())
print(Decimal("-0"), Decimal("Infinity"), Decimal("NaN").is_nan(), Decimal("sNaN").is_snan())
print(Decimal("3.14159").as_tuple(), Decimal((0, (1, 2, 3), -2)), Decimal("12.50").as_integer_ratio())
print(round(Decimal("2.675"), 2), int(Decimal("-7.9")), float(Decimal("1.5")), Decimal(10) ** -3)
print(Decimal("7") // Decimal("-2"), Decimal("7") % Decimal("-2"), divmod(Decimal(-7), Decimal(2)))
print(f"{Decimal('1234567.891'):,.2f}", f"{Decimal('0.000123'):.2e}", Decimal("1.23E-10"), Decimal("123E5"))
print(sorted([Decimal("1.5"), Decimal("-2"), Decimal("1.50"), Decimal("0")]), max(Decimal("1.0"), Decimal("1")))
try:
    Decimal(1) / Decimal(0)
except DivisionByZero as e:
    print("DivisionByZero", type(e).__mro__[1].__name__)
try:
    Decimal("abc")
except InvalidOperation as e:
    print("InvalidOperation", type(e).__name__)
ctx = decimal.Context(prec=5, traps=[Inexact])
try:
    ctx.divide(Decimal(1), Decimal(3))
except Inexact:
    print("Inexact trapped")
print(decimal.Context(prec=3).create_decimal("3.14159"), Decimal("3.14159").compare(Decimal("3")))
