# sys.version_info and other interpreter facts a host must reproduce (not sys.version's build text).
import sys, platform
print(sys.version_info, sys.version_info[:3], sys.version_info >= (3, 14), sys.hexversion == 0x030E02F0)
print(sys.implementation.name, sys.implementation.version[:2], sys.platform, sys.byteorder, sys.maxsize, sys.maxunicode)
print(sys.int_info.bits_per_digit, sys.int_info.sizeof_digit, sys.get_int_max_str_digits(), sys.hash_info.width, sys.float_repr_style)
print(sys.getdefaultencoding(), sys.getfilesystemencoding(), sys.flags.optimize, sys.flags.dont_write_bytecode, sys.flags.isolated)
print(sys.argv, sys.path[0], __name__, __file__, __spec__, __package__)
print(platform.python_implementation(), platform.python_version_tuple()[:2], platform.system())
try:
    int("1" * 5000)
except ValueError as e:
    print("ValueError:", str(e)[:60])
print(len(str(10 ** 4000)), sys.getrecursionlimit(), sys.getsizeof(0) > 0, sys.intern("abc") is sys.intern("abc"))
