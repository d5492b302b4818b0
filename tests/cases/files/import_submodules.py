# `import a.b` imports the parent first; the first missing part is named.
import os.path
print(os.path.join('a', 'b'), os.path.basename('/x/y.txt'))
import os.path as p
print(p is os.path, p.splitext('f.tar.gz'))
from os.path import dirname
print(dirname('/x/y/z'))
import io
print(io.StringIO('abc').read(), io.BytesIO(b'xy').read(), io.SEEK_SET)
from io import StringIO
print(StringIO is io.StringIO)
for name in ['foo.bar', 'os.nope', 'io.x.y']:
    try:
        __import__(name)
    except ImportError as e:
        print(type(e).__name__, e, e.name)
try:
    import foo.bar
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    import os.nope.deeper
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
