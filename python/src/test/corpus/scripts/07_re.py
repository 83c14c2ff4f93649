# Regular expressions: groups, flags, substitution, splitting.
import re
text = "John Smith: 555-1234, jane.doe@example.com; Bob: 555-9876 bob@test.org"
print(re.findall(r"\d{3}-\d{4}", text))
print([m.groupdict() for m in re.finditer(r"(?P<user>[\w.]+)@(?P<host>[\w.]+)", text)])
m = re.search(r"(\w+) (\w+):", text)
print(m.group(0), m.group(1, 2), m.span(2), m.start(), m.end(), m.lastindex)
print(re.sub(r"(\d{3})-(\d{4})", r"\2-\1", text))
print(re.sub(r"\d", lambda m: str(9 - int(m.group())), "a1b2c3"), re.subn("o", "0", "foo boo"))
print(re.split(r"[;,]\s*", text), re.split(r"(\s)", "a b c", maxsplit=1))
print(re.match(r"^hello$", "HELLO", re.I) is not None, re.findall(r"^\w", "a\nb\nc", re.M), re.findall(".", "a\nb", re.S))
print(re.fullmatch(r"[a-z]+\d*", "abc123") is not None, re.fullmatch(r"[a-z]+", "abc1"))
verbose = re.compile(r"""
    (?P<year>\d{4}) -  # year
    (?P<month>\d\d) -  # month
    (?P<day>\d\d)      # day
""", re.X)
print(verbose.match("2024-02-29").groupdict(), verbose.pattern.count("\n"), verbose.groups, sorted(verbose.groupindex))
print(re.findall(r"(?<=\$)\d+", "cost $30 and $45"), re.findall(r"\b\w+(?=ing\b)", "singing and dancing"))
print(re.findall(r"\w+", "naïve café 日本語"), re.findall(r"\w+", "naïve café", re.A))
print(re.escape("a.b*c?"), re.sub(r"(?i)HELLO", "bye", "Hello hello"))
print(re.findall(r"(a)(b)?", "ab a"), re.findall(r"a*?", "aaa"), re.sub("x*", "-", "abxd"))
print(re.match(rb"(\d+)", b"123abc").group(1), re.compile(r"(a|b)+").match("abab").groups())
try:
    re.compile(r"(unclosed")
except re.error as e:
    print("re.error:", e, e.pos)
