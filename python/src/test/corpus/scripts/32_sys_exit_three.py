# sys.exit(3): status 3; a caught SystemExit does not end the program.
import sys
try:
    sys.exit(7)
except SystemExit as e:
    print("caught SystemExit", e.code, repr(e))
print("exiting with 3")
sys.stdout.flush()
raise SystemExit(3)
