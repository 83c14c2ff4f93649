# warnings go to stderr with the source line; the status stays 0.
import warnings
def old_api():
    warnings.warn("old_api is deprecated", DeprecationWarning, stacklevel=2)
    return 1
print("start")
warnings.warn("a plain user warning")
warnings.simplefilter("always", DeprecationWarning)
old_api()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("captured", RuntimeWarning)
    old_api()
print([(w.category.__name__, str(w.message), w.lineno) for w in caught])
warnings.filterwarnings("error", category=UserWarning)
try:
    warnings.warn("now an error")
except UserWarning as e:
    print("raised:", e)
print("end")
