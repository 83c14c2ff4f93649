# textwrap, str.format mini-language, f-strings, string.Template, pprint.
import textwrap, string, pprint
text = "The quick brown fox jumps over the lazy dog. " * 3
print(textwrap.wrap(text, 30))
print(textwrap.fill(text, width=25, initial_indent="* ", subsequent_indent="  "))
print(textwrap.shorten(text, 40, placeholder=" [...]"), textwrap.dedent("    a\n      b\n    c"), sep="\n")
print(textwrap.indent("one\ntwo\n\nthree", "> "))
print("{0}-{1}-{0}".format("a", "b"), "{name:>8}|{val:<6.2f}|{pct:.1%}".format(name="x", val=3.14159, pct=0.256))
print("{:08.3f} {:+d} {: d} {:x} {:#X} {:#o} {:b} {:,} {:_}".format(-3.14159, 5, 5, 255, 255, 8, 10, 1234567, 1234567))
print("{:*^20}".format("centered"), "{!r:>10}".format("s"), "{0[1]} {1[k]} {2.real}".format([1, 2], {"k": "v"}, 3 + 4j))
width, prec, val = 12, 3, 2.718281828
print(f"{val:{width}.{prec}f}|{val=}|{val!s:>5.3}|{'nested ' + str(prec)}|{{braces}}|{width * 2:#06x}")
name = "world"
print(f"{name.upper()!r} {len(name):03d} {name:>{width}} {3.0:g} {1e-10:g} {123456789.0:g}")
print(f"{'multi' if width > 10 else 'single'} {[x * 2 for x in range(3)]} {dict(a=1)['a']}")
t = string.Template("$who likes ${what}; $$5 cost")
print(t.substitute(who="tim", what="kung pao"), t.safe_substitute(who="tim"), t.get_identifiers())
try:
    t.substitute(who="x")
except KeyError as e:
    print("KeyError:", e)
print(string.ascii_letters, string.digits, string.punctuation, repr(string.whitespace), string.capwords("hello   big world"))
data = {"key%d" % i: list(range(i)) for i in range(6)}
pprint.pprint(data, width=40)
print(pprint.pformat({"z": 1, "a": {"nested": [1, 2, 3] * 5}}, width=30, sort_dicts=True))
print(format(1234.5, "n"), format(0.000012345, ".3g"), format(123, "c"), "%-6s|%6s|%06.2f|%x|%c|%%" % ("l", "r", 3.14159, 255, 65))
