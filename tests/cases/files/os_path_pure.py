import os
import os.path

P = os.path
paths = ['', '/', '//', '///', 'a', 'a/', 'a/b', '/a/b/', 'a//b', '/a/./b/../c',
         '../x', 'a/../..', '//a/b', '.', './.hidden', '.bashrc', 'a.b/c',
         'x.tar.gz', '/..', 'a/b.', '..', '...', '..a', 'a/..b.c', 'dir/file.py']
for p in paths:
    print(repr(p), P.split(p), P.splitext(p), P.normpath(p), P.isabs(p),
          repr(P.basename(p)), repr(P.dirname(p)))
print(P.join('a', 'b', 'c.txt'), P.join('a', 'b', '/c', 'd'), P.join('a/', 'b'))
print(repr(P.join('', 'x')), repr(P.join('a', '')), P.join('/'), P.abspath('/a/b/../c'))
print(os.sep, os.curdir, os.pardir, os.extsep, P.sep, os.name)
print(P.join(P.dirname('/srv/app/main.py'), 'config', 'settings.json'))
base, ext = P.splitext(P.basename('/data/report.final.csv'))
print(base, ext)
try:
    P.join('a', 1)
except TypeError as e:
    print('TypeError')
