# csv in memory: readers, writers, dialects, quoting, DictReader/DictWriter, Sniffer.
import csv, io
rows = [["name", "qty", "note"], ["apple", 3, "red, round"], ["quote", 1, 'say "hi"'], ["multi", 2, "line1\nline2"], ["empty", "", None]]
buf = io.StringIO()
w = csv.writer(buf)
w.writerows(rows)
print(repr(buf.getvalue()))
print(list(csv.reader(io.StringIO(buf.getvalue()))))
for q in (csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_MINIMAL, csv.QUOTE_STRINGS, csv.QUOTE_NOTNULL):
    b = io.StringIO()
    csv.writer(b, quoting=q, lineterminator="\n").writerow(["a", 1, 2.5, None, ""])
    print(q, repr(b.getvalue()))
b = io.StringIO()
dw = csv.DictWriter(b, fieldnames=["id", "name"], lineterminator="\n", extrasaction="ignore")
dw.writeheader()
dw.writerows([{"id": 1, "name": "x", "extra": 0}, {"id": 2, "name": "y, z"}])
print(repr(b.getvalue()))
print(list(csv.DictReader(io.StringIO(b.getvalue()))))
tsv = "a\tb\tc\n1\t\"2\t3\"\t4\n"
print(list(csv.reader(io.StringIO(tsv), delimiter="\t")), list(csv.reader(io.StringIO(tsv), dialect="excel-tab")))
csv.register_dialect("pipes", delimiter="|", quotechar="'", escapechar="\\", quoting=csv.QUOTE_NONE, lineterminator="\n")
b = io.StringIO()
csv.writer(b, dialect="pipes").writerow(["a|b", "c'd", "e"])
print(repr(b.getvalue()), list(csv.reader(io.StringIO(b.getvalue()), dialect="pipes")), sorted(csv.list_dialects()))
sample = "id;name;score\n1;ann;3.5\n2;bob;4.0\n"
d = csv.Sniffer().sniff(sample)
print(d.delimiter, csv.Sniffer().has_header(sample), list(csv.reader(io.StringIO(sample), d))[1])
try:
    list(csv.reader(io.StringIO('a,"b\n'), strict=True))
except csv.Error as e:
    print("csv.Error:", e)
print(list(csv.reader(['x, "y" ,z'], skipinitialspace=True)), list(csv.reader(["1,2", "", "3"])))
