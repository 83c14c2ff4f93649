# Runs one corpus script the way `python FILE` would, inside an already booted interpreter.
# Shared by record.mjs (Pyodide in node) and the Java host: both exec this file, then call
# corpus_run(path). It returns the process exit status `python FILE` would give.
#
# What `python FILE` does that this reproduces:
#   - a fresh module named __main__ in sys.modules, with __file__ = path, __cached__ = None,
#     __spec__ = None, __builtins__ = the builtins module;
#   - sys.argv = [path]; sys.path[0] = the script's directory;
#   - SystemExit: None -> 0, int -> that int, anything else -> str() on stderr + newline, status 1;
#   - any other uncaught exception: sys.excepthook's traceback on stderr (frames of this file
#     are cut off, so the first frame is the script's <module>), status 1;
#   - stdout and stderr flushed at the end.


_RUN_MAIN_FILE = corpus_run_file = (lambda: None).__code__.co_filename


def corpus_run(path):
    import builtins
    import os
    import sys
    import types
    from importlib.machinery import SourceFileLoader

    with open(path, "rb") as f:
        source = f.read()
    module = types.ModuleType("__main__")
    module.__file__ = path
    module.__cached__ = None
    module.__builtins__ = builtins
    module.__loader__ = SourceFileLoader("__main__", path)
    sys.modules["__main__"] = module
    sys.argv[:] = [path]
    if sys.path and sys.path[0] in ("", os.path.dirname(path)):
        sys.path[0] = os.path.dirname(path)
    else:
        sys.path.insert(0, os.path.dirname(path))

    status = 0
    try:
        code = compile(source, path, "exec")
        exec(code, module.__dict__)
    except SystemExit as exc:
        status = _exit_status(exc)
    except BaseException as exc:
        tb = exc.__traceback__
        # drop this file's frame: CPython's traceback starts at the script's <module> frame
        # (a SyntaxError from compile() has no script frame at all)
        if tb is not None and tb.tb_frame.f_code.co_filename == _RUN_MAIN_FILE:
            tb = tb.tb_next
        try:
            # the C hook prints exc.__traceback__, so the cut has to be stored on the exception
            exc.__traceback__ = tb
            sys.__excepthook__(type(exc), exc, tb)
        finally:
            status = 1
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:
                pass
    return status


def _exit_status(exc):
    import sys

    code = exc.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    sys.stderr.write(str(code) + "\n")
    return 1
