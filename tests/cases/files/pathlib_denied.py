# File operations on paths that do not exist: OSError subclasses, and the
# os.path predicates answer False (they swallow OSError, as in CPython).
import os
from pathlib import Path

missing = Path('/nonexistent_cmonty_dir') / 'notes.txt'
print(missing, missing.name, missing.suffix, missing.parent)
for label, op in [('read_text', missing.read_text), ('read_bytes', missing.read_bytes),
                  ('write_text', lambda: missing.write_text('x')),
                  ('unlink', missing.unlink), ('open', missing.open),
                  ('open wb', lambda: missing.open('wb')),
                  ('listdir', lambda: os.listdir('/nonexistent_cmonty_dir')),
                  ('remove', lambda: os.remove('/nonexistent_cmonty_dir/x'))]:
    try:
        op()
        print(label, 'done')
    except OSError:
        print(label, 'OSError')
print(os.path.exists(str(missing)), os.path.isfile(missing), os.path.isdir('/nonexistent_cmonty_dir'))
try:
    missing.write_text(b'x')
except TypeError as e:
    print('TypeError', e)
try:
    missing.read_text(newline='x')
except (OSError, ValueError) as e:
    print('refused')
print(list(os.walk('/nonexistent_cmonty_dir')), os.path.abspath('/a/./b/../c'))
