# Unicode normalisation, casefolding and the unicodedata database.
import unicodedata as ud
samples = ["é", "e\u0301", "Å", "ﬁ", "①", "Ǆ", "한", "ẛ̣"]
for s in samples:
    forms = [ud.normalize(f, s) for f in ("NFC", "NFD", "NFKC", "NFKD")]
    print(ascii(s), [ascii(f) for f in forms], [len(f) for f in forms])
print(ud.normalize("NFC", "e\u0301") == "é", ud.is_normalized("NFD", "é"))
print("Straße".casefold(), "Straße".lower(), "STRASSE".casefold() == "straße".casefold())
print("ΣΑΣ".lower(), "ς".upper(), "ﬃ".casefold(), "İ".casefold())
for ch in "A é€☃😀\u0301٣":
    print(ascii(ch), ud.name(ch, "?"), ud.category(ch), ud.bidirectional(ch), ud.combining(ch), ud.east_asian_width(ch))
print(ud.lookup("SNOWMAN"), ud.decimal("٣"), ud.numeric("½"), ud.digit("9"))
print(ud.decomposition("é"), ud.mirrored("("), ud.unidata_version)
