# open() argument checking happens before any file access, so these errors
# are the same with or without a file system.
def attempt(label, f):
    try:
        f()
        print(label, 'opened')
    except Exception as e:
        print(label, type(e).__name__ + ':', e)

for mode in ['rw', 'rr', 'q', '', 'b', 't', 'rbt', 'U', 'rU', '+', 'r++', 'wa', 'xr+', 'bb', 'rtb']:
    attempt(repr(mode), lambda: open('data.txt', mode))
attempt('mode int', lambda: open('data.txt', 1))
attempt('mode None', lambda: open('data.txt', None))
attempt('buffering str', lambda: open('data.txt', 'r', 'x'))
attempt('buffering float', lambda: open('data.txt', 'r', 1.0))
attempt('encoding int', lambda: open('data.txt', encoding=1))
attempt('errors list', lambda: open('data.txt', errors=[]))
attempt('newline int', lambda: open('data.txt', newline=1))
attempt('rb encoding', lambda: open('data.txt', 'rb', encoding='utf-8'))
attempt('wb errors', lambda: open('data.txt', 'wb', errors='strict'))
attempt('ab newline', lambda: open('data.txt', 'ab', newline=''))
attempt('closefd', lambda: open('data.txt', closefd=False))
attempt('file list', lambda: open(['data.txt']))
attempt('file None', lambda: open(None))
attempt('file float', lambda: open(1.5))
attempt('no args', lambda: open())
attempt('9 args', lambda: open('a', 'r', -1, None, None, None, True, None, 1))
attempt('bad kw', lambda: open('a', foo=1))
attempt('file twice', lambda: open('a', file='b'))


class NotAPath:
    def __fspath__(self):
        return 42


attempt('bad fspath', lambda: open(NotAPath()))
