# Opening a file that does not exist fails with an OSError at open(), for
# every mode, and whatever else is wrong with the call (CPython opens the
# file before it looks at the encoding or the newline argument).
missing = '/nonexistent_cmonty_dir/sub/data.txt'
for mode in ['r', 'rb', 'r+', 'w', 'wb', 'w+b', 'a', 'ab', 'a+', 'x', 'xb']:
    try:
        f = open(missing, mode)
        print(mode, 'opened', f)
    except OSError as e:
        print(mode, 'OSError', isinstance(e, OSError))
for kw in [{'encoding': 'latin-1'}, {'encoding': 'no-such-codec'}, {'newline': 'x'},
           {'buffering': 0}]:
    try:
        open(missing, **kw)
    except OSError:
        print(sorted(kw), 'OSError')
try:
    with open(missing) as f:
        print('unreachable')
except OSError:
    print('with: OSError')
print(PermissionError.__mro__[1].__name__, issubclass(FileNotFoundError, OSError))
