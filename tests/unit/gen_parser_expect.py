"""Writes tests/unit/parser_expect.txt from CPython 3.14 (run with py314).
Line format:  S <escaped source> (G for a known gap) / E <ast.dump> / X <type>|<msg>|<lineno>|<offset>|<end_lineno>|<end_offset>"""
import ast, os, sys
try:
    from parser_cases import OK, ERR, GAPS
except ImportError:  # py314 runs a single file: see the Makefile note
    pass

def esc(s):
    out = []
    for ch in s.encode('utf-8'):
        c = chr(ch)
        if c == '\\': out.append('\\\\')
        elif c == '\n': out.append('\\n')
        elif 32 <= ch < 127: out.append(c)
        else: out.append('\\x%02x' % ch)
    return ''.join(out)

# Valid snippets: ast.parse (the parser alone).  Error snippets: compile(),
# because cmonty's parser also raises a few errors CPython leaves to its
# compiler (starred assignment value, __debug__); only such ones are listed.
for src in OK + ERR + GAPS:
    print(('G ' if src in GAPS else 'S ') + esc(src))
    try:
        if src in ERR or src in GAPS:
            compile(src, '<test>', 'exec', flags=ast.PyCF_ONLY_AST)
            compile(src, '<test>', 'exec')
        print('E ' + esc(ast.dump(ast.parse(src))))
    except SyntaxError as e:
        print('X %s|%s|%s|%s|%s|%s' % (type(e).__name__, esc(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset))
    except (MemoryError, RecursionError) as e:
        print('X %s|%s|None|None|None|None' % (type(e).__name__, esc(str(e))))
