"""sys.version_info: a tuple with named fields, as programs test it before choosing an API."""
import sys
print(sys.version_info)
print(sys.version_info >= (3, 7), sys.version_info < (3, 12), sys.version_info[:2], sys.version_info[0])
print(sys.version_info.major, sys.version_info.minor, sys.version_info.releaselevel)
major, minor, *rest = sys.version_info
print(major, minor, rest, len(sys.version_info), 3 in sys.version_info)
print(sys.version_info == (3, 11, 7, 'final', 0), type(sys.version_info), f"{sys.version_info}")
print(tuple(sys.version_info), list(sys.version_info), hash(sys.version_info) == hash((3, 11, 7, 'final', 0)))
if sys.version_info >= (3, 8) and sys.platform.startswith('win'):
    print('windows')
print(sys.version.split()[0], sys.version_info.count(3))
