# json: dumps options, loads edge cases, errors.
import json
data = {"name": "Ligature", "nums": [1, 2.5, -3e10, 10**30], "nested": {"t": True, "f": False, "n": None},
        "unicode": "é☃😀", "esc": "tab\tquote\"back\\slash\n", "empty": {}, "list": []}
print(json.dumps(data))
print(json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False))
print(json.dumps(data, separators=(",", ":"), sort_keys=True))
print(json.dumps([float("inf"), float("-inf"), float("nan"), 0.1, 1e-7, 1e22]))
print(json.loads('{"a": [1, 2.0, "x", null, true], "b": {"c": -0.0}}'))
print(json.loads('"\\ud83d\\ude00 \\u00e9"'), json.loads("1e400"), json.loads("123456789012345678901234567890"))
print(json.loads('[1.5, 2]', parse_float=str, parse_int=lambda s: int(s) * 100))
print(json.loads('{"a": 1, "a": 2}'), json.loads('{"b":1,"a":2}', object_pairs_hook=list))
print(json.dumps((1, 2)), json.dumps({1: "int key", 2.5: "float key", None: "none", True: "bool"}))
for bad in ['{"a": }', "[1, 2", "{'a': 1}", '"abc', "", "[1,]", "NaNx"]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), "->", e.msg, e.lineno, e.colno, e.pos)
try:
    json.dumps({"s": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, complex):
            return [o.real, o.imag]
        return super().default(o)
print(json.dumps({"z": 1 + 2j}, cls=Enc))
