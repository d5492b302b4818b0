/*
** test_tb_locations.c — where tracebacks point: the error locations the
** compiler records (assert test, iterable of for / comprehensions, f-string
** replacement field, whole import statement) and the caret lines
** traceback.c draws from them, compared with CPython 3.14's full
** traceback text for the same programs (file "t.py").
*/
#include <stdio.h>
#include <string.h>

#include "cmonty.h"

static int passed, failed;

typedef struct tb_case {
  const char *src;
  const char *want;
} tb_case;

static const tb_case cases[] = {
    {"x = 1\n"
     "assert x == 2\n",
     "Traceback (most recent call last):\n"
     "  File \"t.py\", line 2, in <module>\n"
     "    assert x == 2\n"
     "           ^^^^^^\n"
     "AssertionError\n"},
    {"assert(0)\n",
     "Traceback (most recent call last):\n"
     "  File \"t.py\", line 1, in <module>\n"
     "    assert(0)\n"
     "           ^\n"
     "AssertionError\n"},
    {"x = 1\n"
     "assert (x ==\n"
     "   2), 'm'\n",
     "Traceback (most recent call last):\n"
     "  File \"t.py\", line 2, in <module>\n"
     "    assert (x ==\n"
     "            ^^^^\n"
     "       2), 'm'\n"
     "       ^\n"
     "AssertionError: m\n"},
    {"for x in 42:\n"
     "    pass\n",
     "Traceback (most recent call last):\n"
     "  File \"t.py\", line 1, in <module>\n"
     "    for x in 42:\n"
     "             ^^\n"
     "TypeError: 'int' object is not iterable\n"},
    {"def f():\n"
     "    return [x for x in 5]\n"
     "f()\n",
     "Traceback (most recent call last):\n"
     "  File \"t.py\", line 3, in <module>\n"
     "    f()\n"
     "    ~^^\n"
     "  File \"t.py\", line 2, in f\n"
     "    return [x for x in 5]\n"
     "                       ^\n"
     "TypeError: 'int' object is not iterable\n"},
    {"x = sum(y for y in 5)\n",
     "Traceback (most recent call last):\n"
     "  File \"t.py\", line 1, in <module>\n"
     "    x = sum(y for y in 5)\n"
     "                       ^\n"
     "TypeError: 'int' object is not iterable\n"},
    {"x = 5\n"
     "y = f'a{x:d} b{x!r:>{x}} {x:zz}'\n",
     "Traceback (most recent call last):\n"
     "  File \"t.py\", line 2, in <module>\n"
     "    y = f'a{x:d} b{x!r:>{x}} {x:zz}'\n"
     "                             ^^^^^^\n"
     "ValueError: Unknown format code 'z' for object of type 'int'\n"},
    {"import nonexistent_a\n",
     "Traceback (most recent call last):\n"
     "  File \"t.py\", line 1, in <module>\n"
     "    import nonexistent_a\n"
     "ModuleNotFoundError: No module named 'nonexistent_a'\n"},
    {"from nonexistent_c import d\n",
     "Traceback (most recent call last):\n"
     "  File \"t.py\", line 1, in <module>\n"
     "    from nonexistent_c import d\n"
     "ModuleNotFoundError: No module named 'nonexistent_c'\n"},
    {"raise []\n",
     "Traceback (most recent call last):\n"
     "  File \"t.py\", line 1, in <module>\n"
     "    raise []\n"
     "TypeError: exceptions must derive from BaseException\n"},
    {"x = 1\n"
     "if x: raise []\n",
     "Traceback (most recent call last):\n"
     "  File \"t.py\", line 2, in <module>\n"
     "    if x: raise []\n"
     "          ^^^^^^^^\n"
     "TypeError: exceptions must derive from BaseException\n"},
    {"a = [1]\n"
     "for i in a:\n"
     "    for j in i:\n"
     "        pass\n",
     "Traceback (most recent call last):\n"
     "  File \"t.py\", line 3, in <module>\n"
     "    for j in i:\n"
     "             ^\n"
     "TypeError: 'int' object is not iterable\n"},
    {"x = {y: 1 for y in None}\n",
     "Traceback (most recent call last):\n"
     "  File \"t.py\", line 1, in <module>\n"
     "    x = {y: 1 for y in None}\n"
     "                       ^^^^\n"
     "TypeError: 'NoneType' object is not iterable\n"},
};

int main(void) {
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    cmonty_vm *vm = cmonty_new(NULL, NULL);
    if (!vm) {
      failed++;
      continue;
    }
    cmonty_status st = cmonty_exec(vm, cases[i].src, strlen(cases[i].src), "t.py");
    const char *got = st == CMONTY_EXCEPTION ? cmonty_error_traceback(vm) : "";
    if (!strcmp(got, cases[i].want)) {
      passed++;
    } else {
      failed++;
      fprintf(stderr, "case %zu (%s)\n--- want\n%s--- got\n%s\n", i, cases[i].src,
              cases[i].want, got);
    }
    cmonty_free(vm);
  }
  printf("%d passed, %d failed\n", passed, failed);
  return failed != 0;
}
