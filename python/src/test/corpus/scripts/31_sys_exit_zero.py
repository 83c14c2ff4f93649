# sys.exit() with no argument: status 0, nothing on stderr; code after it never runs.
import sys
print("exiting with no argument")
try:
    sys.exit()
finally:
    print("finally runs before exit")
print("not reached")
