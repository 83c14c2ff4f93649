# The standard streams as a program started with `python FILE < /dev/null > out 2> err` sees them.
# Pyodide wires them to JavaScript callbacks, which shows in their buffering (see the .md).
import sys
print("stdin:", repr(sys.stdin.read()), sys.stdin.isatty(), sys.stdin.encoding)
print("stdout:", sys.stdout.isatty(), sys.stdout.line_buffering, sys.stdout.write_through, type(sys.stdout.buffer).__name__)
print("stderr:", sys.stderr.isatty(), sys.stderr.line_buffering, sys.stderr.errors)
print("fds:", sys.stdin.fileno(), sys.stdout.fileno(), sys.stderr.fileno())
try:
    input()
except EOFError as e:
    print("input() at end of file: EOFError", repr(str(e)))
sys.stderr.write("to stderr\n")
