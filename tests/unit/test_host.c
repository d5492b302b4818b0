/*
** test_host.c — the native host API (include/cmonty.h "The host API"):
** values both ways, programs, every progress kind and resume path, call
** ids, kwargs, pausing in every kind of place, OS calls, misuse.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmonty.h"

#include "check.h"

static cmonty_program *compile(cmonty_vm *vm, const char *src, const char *ext) {
  const char *names[8];
  size_t n = 0;
  static char buf[256];
  if (ext) {
    snprintf(buf, sizeof buf, "%s", ext);
    for (char *p = strtok(buf, ","); p && n < 8; p = strtok(NULL, ",")) names[n++] = p;
  }
  cmonty_program *p = NULL;
  cmonty_status st = cmonty_compile(vm, src, strlen(src), "main.py", names, n, NULL, 0, &p);
  if (st != CMONTY_OK)
    fprintf(stderr, "compile failed: %s: %s\n", cmonty_error_type(vm), cmonty_error_message(vm));
  return p;
}

static int str_is(cmonty_vm *vm, cmonty_val v, const char *s) {
  const char *p;
  size_t n;
  return cmonty_get_str(vm, v, &p, &n) == CMONTY_OK && n == strlen(s) && !memcmp(p, s, n);
}

static int repr_is(cmonty_vm *vm, cmonty_val v, const char *s) {
  return str_is(vm, cmonty_repr(vm, v), s);
}

static int64_t int_of(cmonty_vm *vm, cmonty_val v) {
  int64_t i = -999999;
  cmonty_get_int(vm, v, &i);
  return i;
}

static void test_values(void) {
  cmonty_vm *vm = cmonty_new(NULL, NULL);
  CHECK(cmonty_kind_of(vm, cmonty_none(vm)) == CMONTY_KIND_NONE);
  int b = 0;
  CHECK(cmonty_get_bool(vm, cmonty_bool(vm, 1), &b) == CMONTY_OK && b == 1);
  CHECK(int_of(vm, cmonty_int(vm, INT64_MIN)) == INT64_MIN);
  CHECK(int_of(vm, cmonty_int(vm, 42)) == 42);
  cmonty_val big = cmonty_int_from_str(vm, "-123456789012345678901234567890", 31);
  CHECK(cmonty_kind_of(vm, big) == CMONTY_KIND_INT);
  int64_t i;
  CHECK(cmonty_get_int(vm, big, &i) == CMONTY_MISUSE);
  CHECK(str_is(vm, cmonty_int_str(vm, big), "-123456789012345678901234567890"));
  CHECK(cmonty_int_from_str(vm, "12x", 3) == 0);
  double d;
  CHECK(cmonty_get_float(vm, cmonty_float(vm, NAN), &d) == CMONTY_OK && isnan(d));
  CHECK(cmonty_get_float(vm, cmonty_float(vm, -INFINITY), &d) == CMONTY_OK && isinf(d) && d < 0);
  CHECK(repr_is(vm, cmonty_float(vm, 0.1), "0.1"));
  cmonty_val s = cmonty_str(vm, "h\xc3\xa9llo \xf0\x9f\x98\x80", 11);
  CHECK(cmonty_len(vm, s) == 7);
  CHECK(cmonty_str(vm, "\xff\xfe", 2) == 0);
  CHECK(strlen(cmonty_last_error(vm)) > 0);
  CHECK(cmonty_str(vm, NULL, 3) == 0);
  cmonty_val by = cmonty_bytes(vm, "a\0b", 3);
  const uint8_t *bp;
  size_t bn;
  CHECK(cmonty_get_bytes(vm, by, &bp, &bn) == CMONTY_OK && bn == 3 && bp[1] == 0);
  cmonty_val items[3] = {cmonty_int(vm, 1), s, by};
  cmonty_val l = cmonty_list(vm, items, 3);
  CHECK(cmonty_kind_of(vm, l) == CMONTY_KIND_LIST && cmonty_len(vm, l) == 3);
  CHECK(int_of(vm, cmonty_item(vm, l, 0)) == 1);
  CHECK(cmonty_item(vm, l, 3) == 0);
  cmonty_val t = cmonty_tuple(vm, items, 2);
  CHECK(repr_is(vm, t, "(1, 'h\xc3\xa9llo \xf0\x9f\x98\x80')"));
  cmonty_val keys[2] = {cmonty_int(vm, 7), t}, vals[2] = {l, cmonty_none(vm)};
  cmonty_val dct = cmonty_dict(vm, keys, vals, 2);
  CHECK(cmonty_kind_of(vm, dct) == CMONTY_KIND_DICT && cmonty_len(vm, dct) == 2);
  CHECK(int_of(vm, cmonty_item(vm, dct, 0)) == 7);
  CHECK(cmonty_kind_of(vm, cmonty_dict_value(vm, dct, 1)) == CMONTY_KIND_NONE);
  cmonty_val unh[1] = {l};
  CHECK(cmonty_dict(vm, unh, vals, 1) == 0); /* unhashable key */
  CHECK(cmonty_set(vm, unh, 1, 0) == 0);
  cmonty_val fs = cmonty_set(vm, items, 2, 1);
  CHECK(cmonty_kind_of(vm, fs) == CMONTY_KIND_FROZENSET && cmonty_len(vm, fs) == 2);
  CHECK(cmonty_kind_of(vm, cmonty_set(vm, items, 1, 0)) == CMONTY_KIND_SET);
  cmonty_val pth = cmonty_path(vm, "/a/b", 4);
  CHECK(cmonty_kind_of(vm, pth) == CMONTY_KIND_PATH && str_is(vm, pth, "/a/b"));
  /* JSON view */
  const char *j;
  size_t jn;
  CHECK(cmonty_to_json(vm, t, &j, &jn) == CMONTY_OK);
  cmonty_val back = cmonty_from_json(vm, j, jn);
  CHECK(cmonty_kind_of(vm, back) == CMONTY_KIND_TUPLE);
  CHECK(cmonty_from_json(vm, "{\"a\":", 5) == 0);
  CHECK(cmonty_from_json(vm, "\"\xff\"", 3) == 0);
  /* bad handles */
  CHECK(cmonty_kind_of(vm, 0) == CMONTY_KIND_INVALID);
  CHECK(cmonty_kind_of(vm, 0xFFFFFFFFu) == CMONTY_KIND_INVALID);
  cmonty_val tmp = cmonty_int(vm, 5);
  cmonty_val_free(vm, tmp);
  CHECK(cmonty_kind_of(vm, tmp) == CMONTY_KIND_INVALID);
  cmonty_val_free(vm, tmp);
  CHECK(cmonty_list(vm, &tmp, 1) == 0);
  CHECK(cmonty_get_int(vm, s, &i) == CMONTY_MISUSE);
  CHECK(cmonty_get_int(vm, big, NULL) == CMONTY_MISUSE);
  CHECK(cmonty_len(vm, cmonty_none(vm)) == -1);
  cmonty_free(vm);
  /* NULL vm everywhere */
  CHECK(cmonty_int(NULL, 1) == 0);
  CHECK(cmonty_kind_of(NULL, 1) == CMONTY_KIND_INVALID);
  CHECK(cmonty_resume(NULL, 1, NULL) == CMONTY_MISUSE);
  CHECK(cmonty_start(NULL, NULL, NULL, 0, NULL) == CMONTY_MISUSE);
  CHECK(cmonty_compile(NULL, "", 0, NULL, NULL, 0, NULL, 0, NULL) == CMONTY_MISUSE);
  cmonty_abort(NULL);
  CHECK(cmonty_is_paused(NULL) == 0);
}

static void test_run(void) {
  cmonty_vm *vm = cmonty_new(NULL, NULL);
  cmonty_set_capture(vm, 1);
  const char *in[] = {"x", "y"};
  cmonty_program *p = NULL;
  const char *src = "print('sum', x + y)\nz = x * y\n";
  CHECK(cmonty_compile(vm, src, strlen(src), "calc.py", NULL, 0, in, 2, &p) == CMONTY_OK);
  for (int k = 0; k < 3; k++) { /* compile once, run many */
    cmonty_val args[2] = {cmonty_int(vm, k), cmonty_int(vm, 10)};
    cmonty_progress pr;
    CHECK(cmonty_run(vm, p, args, 2, &pr) == CMONTY_OK);
    CHECK(pr.kind == CMONTY_PROGRESS_COMPLETE);
    char want[32];
    snprintf(want, sizeof want, "sum %d\n", k + 10);
    CHECK(pr.out_len == strlen(want) && !strcmp(pr.out, want));
    CHECK(pr.usage.instructions > 0);
  }
  cmonty_val one = cmonty_int(vm, 1);
  cmonty_progress pr;
  CHECK(cmonty_run(vm, p, &one, 1, &pr) == CMONTY_MISUSE); /* wrong count */
  CHECK(cmonty_run(vm, p, NULL, 2, &pr) == CMONTY_MISUSE);
  cmonty_val bad[2] = {one, 0};
  CHECK(cmonty_run(vm, p, bad, 2, &pr) == CMONTY_MISUSE);
  CHECK(cmonty_program_free(vm, p) == CMONTY_OK);
  CHECK(cmonty_program_free(vm, p) == CMONTY_MISUSE);
  /* syntax error */
  p = NULL;
  CHECK(cmonty_compile(vm, "def (:", 6, "bad.py", NULL, 0, NULL, 0, &p) == CMONTY_EXCEPTION && !p);
  CHECK(!strcmp(cmonty_error_type(vm), "SyntaxError"));
  const char *badname[] = {"a b"};
  CHECK(cmonty_compile(vm, "1", 1, NULL, badname, 1, NULL, 0, &p) == CMONTY_MISUSE);
  /* errors with frames */
  p = compile(vm, "def f(a):\n    return 1 / a\nf(0)\n", NULL);
  CHECK(cmonty_run(vm, p, NULL, 0, &pr) == CMONTY_OK && pr.kind == CMONTY_PROGRESS_ERROR);
  CHECK(!strcmp(cmonty_error_type(vm), "ZeroDivisionError"));
  CHECK(!strcmp(cmonty_error_message(vm), "division by zero"));
  CHECK(strstr(cmonty_error_traceback(vm), "Traceback (most recent call last):") != NULL);
  CHECK(cmonty_error_frame_count(vm) == 2);
  cmonty_frame fr;
  CHECK(cmonty_error_frame(vm, 1, &fr) == CMONTY_OK && fr.line == 2 &&
        !strcmp(fr.function, "f") && !strcmp(fr.source_line, "return 1 / a") &&
        !strcmp(fr.filename, "main.py") && fr.col == 11 && fr.end_col == 16);
  CHECK(cmonty_error_frame(vm, 2, &fr) == CMONTY_MISUSE);
  /* OS calls and external functions in cmonty_run */
  p = compile(vm, "import os\ntry:\n    os.getenv('HOME')\nexcept PermissionError:\n    print('denied')\n"
                  "from pathlib import Path\ntry:\n    Path('/etc/passwd').read_text()\n"
                  "except PermissionError:\n    print('denied2')\nprint(Path('/a') / 'b.txt')\n"
                  "try:\n    undefined_name\nexcept NameError as e:\n    print(e)\n"
                  "fetch(1)\n", "fetch");
  CHECK(cmonty_run(vm, p, NULL, 0, &pr) == CMONTY_OK && pr.kind == CMONTY_PROGRESS_ERROR);
  CHECK(!strcmp(pr.out, "denied\ndenied2\n/a/b.txt\nname 'undefined_name' is not defined\n"));
  CHECK(!strcmp(cmonty_error_type(vm), "RuntimeError"));
  cmonty_free(vm); /* frees the programs left */
}

/* ---- suspension ------------------------------------------------------------ */

static cmonty_vm *svm;
static cmonty_progress spr;

/* Runs src answering every CALL of `f` with args[0] * 10 (ints) and
   returns the printed output. */
static const char *answer_all(const char *src, int *ncalls) {
  static char out[4096];
  out[0] = '\0';
  cmonty_program *p = compile(svm, src, "f,g");
  *ncalls = 0;
  if (!p) return "<compile error>";
  cmonty_start(svm, p, NULL, 0, &spr);
  uint32_t last = 0;
  while (spr.kind == CMONTY_PROGRESS_CALL) {
    if (*ncalls && spr.call_id != last + 1) return "<bad call id>";
    last = spr.call_id;
    strncat(out, spr.out, sizeof out - strlen(out) - 1);
    (*ncalls)++;
    cmonty_val a0 = cmonty_item(svm, spr.args, 0);
    cmonty_resume(svm, cmonty_int(svm, int_of(svm, a0) * 10), &spr);
  }
  strncat(out, spr.out, sizeof out - strlen(out) - 1);
  if (spr.kind == CMONTY_PROGRESS_ERROR) {
    strncat(out, "ERROR ", sizeof out - strlen(out) - 1);
    strncat(out, cmonty_error_message(svm), sizeof out - strlen(out) - 1);
  }
  cmonty_program_free(svm, p);
  return out;
}

#define EXPECT_CALLS(src, want, n)                                      \
  do {                                                                  \
    int nc_;                                                            \
    const char *got_ = answer_all(src, &nc_);                           \
    if (strcmp(got_, want) || nc_ != (n))                               \
      fprintf(stderr, "  got %d calls, output [%s]\n", nc_, got_);      \
    CHECK(!strcmp(got_, want) && nc_ == (n));                           \
  } while (0)

static void test_pause_places(void) {
  EXPECT_CALLS("print(f(1))", "10\n", 1);
  EXPECT_CALLS("def h(x):\n    return f(x) + 1\nprint(h(2))", "21\n", 1);
  EXPECT_CALLS("t = 0\nfor i in range(5):\n    t += f(i)\nprint(t)", "100\n", 5);
  EXPECT_CALLS("try:\n    x = f(1)\nfinally:\n    print('fin', f(2))\nprint(x)", "fin 20\n10\n", 2);
  EXPECT_CALLS("print([f(i) for i in range(3)])", "[0, 10, 20]\n", 3);
  EXPECT_CALLS("print({i: f(i) for i in range(2)})", "{0: 0, 1: 10}\n", 2);
  EXPECT_CALLS("def gen():\n    for i in range(3):\n        yield f(i)\nfor v in gen():\n    print(v)",
               "0\n10\n20\n", 3);
  EXPECT_CALLS("print(sorted([3, 1, 2], key=f))", "[1, 2, 3]\n", 3);
  EXPECT_CALLS("while True:\n    if f(1) == 10:\n        break\nprint('ok')", "ok\n", 1);
  /* nested run: __eq__ called by a dict lookup cannot pause */
  EXPECT_CALLS("class K:\n    def __hash__(self):\n        return 1\n"
               "    def __eq__(self, o):\n        return f(1) == 10\n"
               "d = {K(): 1}\ntry:\n    d[K()]\nexcept RuntimeError as e:\n    print(e)",
               "cannot call external function 'f' here (inside a nested call)\n", 0);
}

/* DESIGN.md rule 2: the common consumers pause and resume like any other
   code when their argument calls a host function (each call answered with
   arg * 10): the five former "known limits" first, then one case per
   consumer. */
static void test_consumer_pauses(void) {
  EXPECT_CALLS("print(list(f(i) for i in range(3)))", "[0, 10, 20]\n", 3);
  EXPECT_CALLS("print(list(map(f, [1, 2])))", "[10, 20]\n", 2);
  EXPECT_CALLS("print(max([3, 1, 2], key=f))", "3\n", 3);
  EXPECT_CALLS("print(sum(f(i) for i in range(4)))", "60\n", 4);
  EXPECT_CALLS("print(','.join(str(f(i)) for i in range(2)))", "0,10\n", 2);
  /* constructors */
  EXPECT_CALLS("print(tuple(f(i) for i in range(3)))", "(0, 10, 20)\n", 3);
  EXPECT_CALLS("print(sorted(set(f(i) for i in range(3))))", "[0, 10, 20]\n", 3);
  EXPECT_CALLS("print(frozenset(map(f, [1])))", "frozenset({10})\n", 1);
  EXPECT_CALLS("print(dict((i, f(i)) for i in range(2)))", "{0: 0, 1: 10}\n", 2);
  EXPECT_CALLS("print(dict(zip('ab', map(f, [1, 2]))))", "{'a': 10, 'b': 20}\n", 2);
  EXPECT_CALLS("x = [1]\nx.extend(f(i) for i in range(2))\nprint(x)", "[1, 0, 10]\n", 2);
  /* lazy iterators */
  EXPECT_CALLS("print(list(filter(f, [0, 1, 2])))", "[1, 2]\n", 3);
  EXPECT_CALLS("print(list(filter(None, (f(i) for i in range(3)))))", "[10, 20]\n", 3);
  EXPECT_CALLS("print(list(zip([1, 2], map(f, [1, 2]))))", "[(1, 10), (2, 20)]\n", 2);
  EXPECT_CALLS("for i, v in enumerate(map(f, [1, 2])):\n    print(i, v)", "0 10\n1 20\n", 2);
  EXPECT_CALLS("for v in map(f, [1, 2]):\n    print(v)", "10\n20\n", 2);
  EXPECT_CALLS("print(list(map(g, [1], [2])))", "[10]\n", 1);
  /* sorting and reductions */
  EXPECT_CALLS("print(sorted(f(i) for i in range(3)))", "[0, 10, 20]\n", 3);
  EXPECT_CALLS("print(sorted([3, 1, 2], key=lambda x: -f(x)))", "[3, 2, 1]\n", 3);
  EXPECT_CALLS("print(min([3, 1, 2], key=f))", "1\n", 3);
  EXPECT_CALLS("print(max(f(i) for i in range(3)))", "20\n", 3);
  EXPECT_CALLS("print(sum(map(f, [1, 2]), 5))", "35\n", 2);
  EXPECT_CALLS("print(any(f(i) for i in range(3)))", "True\n", 2);
  EXPECT_CALLS("print(all(f(i) for i in range(3)))", "False\n", 1);
  EXPECT_CALLS("print('-'.join(map(lambda i: str(f(i)), [1, 2])))", "10-20\n", 2);
  /* unpacking and star arguments */
  EXPECT_CALLS("a, b = (f(i) for i in range(2))\nprint(a, b)", "0 10\n", 2);
  EXPECT_CALLS("a, *b = map(f, [1, 2, 3])\nprint(a, b)", "10 [20, 30]\n", 3);
  EXPECT_CALLS("def inf():\n    i = 0\n    while True:\n        yield f(i)\n        i += 1\n"
               "try:\n    a, b = inf()\nexcept ValueError as e:\n    print(e)",
               "too many values to unpack (expected 2)\n", 3);
  EXPECT_CALLS("print(*(f(i) for i in range(2)))", "0 10\n", 2);
  EXPECT_CALLS("def h(*a, **k):\n    return a, k\nprint(h(*map(f, [1, 2]), x=f(3)))",
               "((10, 20), {'x': 30})\n", 3);
  EXPECT_CALLS("print([0, *map(f, [1])], {*map(f, [2])})", "[0, 10] {20}\n", 2);
  /* user iterators: for, list(), sum(), unpacking, star */
  static const char it_cls[] = "class It:\n    def __init__(s):\n        s.i = 0\n"
                               "    def __iter__(s):\n        return s\n"
                               "    def __next__(s):\n        s.i += 1\n"
                               "        if s.i > 2:\n            raise StopIteration\n"
                               "        return f(s.i)\n";
  char src[1024];
  snprintf(src, sizeof src, "%sfor v in It():\n    print(v)", it_cls);
  EXPECT_CALLS(src, "10\n20\n", 2);
  snprintf(src, sizeof src, "%sprint(list(It()), sum(It()))", it_cls);
  EXPECT_CALLS(src, "[10, 20] 30\n", 4);
  snprintf(src, sizeof src, "%sa, b = It()\nprint(a, b, *It())", it_cls);
  EXPECT_CALLS(src, "10 20 10 20\n", 4);
  snprintf(src, sizeof src, "%si = It()\nprint(next(i), next(i), next(i, 'd'))", it_cls);
  EXPECT_CALLS(src, "10 20 d\n", 2);
  /* next() on generators, keeping StopIteration.value */
  EXPECT_CALLS("def r():\n    yield f(1)\n    return f(2)\ng = r()\nprint(next(g))\n"
               "try:\n    next(g)\nexcept StopIteration as e:\n    print('stop', e.value)\n"
               "print(next(g, 'd'))",
               "10\nstop 20\nd\n", 2);
  /* constructors and __call__ run as bytecode too */
  EXPECT_CALLS("class A:\n    def __init__(s, k=0):\n        s.x = f(1) + k\n"
               "print(A().x, A(k=2).x)", "10 12\n", 2);
  EXPECT_CALLS("class C:\n    def __call__(s, x, y=0):\n        return f(x) + y\n"
               "print(C()(2), C()(2, y=1), list(map(C(), [3])))", "20 21 [30]\n", 3);
  /* still exotic: a host call in __hash__ while a set is built */
  EXPECT_CALLS("class K:\n    def __hash__(self):\n        return f(1)\n"
               "try:\n    set(K() for _ in range(1))\nexcept RuntimeError as e:\n    print(e)",
               "cannot call external function 'f' here (inside a nested call)\n", 0);
}

static void test_progress_kinds(void) {
  cmonty_vm *vm = svm;
  cmonty_progress pr;
  cmonty_program *p = compile(vm, "r = f(1, 'two', k=[3], z=None)\nprint(r)\n"
                                  "try:\n    f(2)\nexcept ValueError as e:\n    print('VE', e)\n"
                                  "try:\n    f(3)\nexcept Exception as e:\n    print(type(e).__name__, e)\n"
                                  "print(missing + 1)\ntry:\n    missing2\nexcept NameError as e:\n    print(e)\n"
                                  "try:\n    f(4)\nexcept NameError as e:\n    print(e)\n"
                                  "r2 = f(5)\n", "f");
  CHECK(cmonty_start(vm, p, NULL, 0, &pr) == CMONTY_OK);
  CHECK(pr.kind == CMONTY_PROGRESS_CALL && !strcmp(pr.name, "f") && pr.call_id == 0 && pr.method_call == 0);
  CHECK(repr_is(vm, pr.args, "(1, 'two')"));
  CHECK(repr_is(vm, pr.kwargs, "{'k': [3], 'z': None}"));
  CHECK(cmonty_is_paused(vm) == 1);
  /* wrong order while paused */
  CHECK(cmonty_start(vm, p, NULL, 0, &pr) == CMONTY_MISUSE);
  CHECK(cmonty_exec(vm, "1", 1, NULL) == CMONTY_MISUSE);
  CHECK(cmonty_program_free(vm, p) == CMONTY_MISUSE);
  CHECK(cmonty_resume(vm, 0, &pr) == CMONTY_MISUSE);
  CHECK(cmonty_resume(vm, cmonty_none(vm), NULL) == CMONTY_MISUSE);
  cmonty_val ks[1] = {cmonty_str(vm, "a", 1)}, vs[1] = {cmonty_float(vm, INFINITY)};
  CHECK(cmonty_resume(vm, cmonty_dict(vm, ks, vs, 1), &pr) == CMONTY_OK);
  CHECK(pr.kind == CMONTY_PROGRESS_CALL && pr.call_id == 1);
  CHECK(!strcmp(pr.out, "{'a': inf}\n"));
  CHECK(cmonty_resume_exception(vm, "ValueError", "bad value", &pr) == CMONTY_OK);
  CHECK(pr.kind == CMONTY_PROGRESS_CALL && pr.call_id == 2 && !strcmp(pr.out, "VE bad value\n"));
  CHECK(cmonty_resume_exception(vm, "NoSuchError", "x", &pr) == CMONTY_OK);
  CHECK(!strcmp(pr.out, "RuntimeError x\n"));
  CHECK(pr.kind == CMONTY_PROGRESS_NAME_LOOKUP && !strcmp(pr.name, "missing") && pr.call_id == 3);
  CHECK(cmonty_resume(vm, cmonty_int(vm, 41), &pr) == CMONTY_OK);
  CHECK(!strcmp(pr.out, "42\n"));
  CHECK(pr.kind == CMONTY_PROGRESS_NAME_LOOKUP && !strcmp(pr.name, "missing2"));
  CHECK(cmonty_resume_not_found(vm, &pr) == CMONTY_OK);
  CHECK(!strcmp(pr.out, "name 'missing2' is not defined\n"));
  CHECK(pr.kind == CMONTY_PROGRESS_CALL);
  CHECK(cmonty_resume_not_found(vm, &pr) == CMONTY_OK);
  CHECK(!strcmp(pr.out, "name 'f' is not defined\n"));
  CHECK(pr.kind == CMONTY_PROGRESS_CALL && pr.call_id == 6);
  cmonty_val big = cmonty_int_from_str(vm, "99999999999999999999999", 23);
  CHECK(cmonty_resume(vm, big, &pr) == CMONTY_OK && pr.kind == CMONTY_PROGRESS_COMPLETE);
  CHECK(cmonty_is_paused(vm) == 0);
  CHECK(cmonty_resume(vm, big, &pr) == CMONTY_MISUSE); /* after completion */
  CHECK(cmonty_resume_not_found(vm, &pr) == CMONTY_MISUSE);
  CHECK(cmonty_resume_exception(vm, "ValueError", "x", &pr) == CMONTY_MISUSE);
  /* abort, then a fresh run */
  CHECK(cmonty_start(vm, p, NULL, 0, &pr) == CMONTY_OK && pr.kind == CMONTY_PROGRESS_CALL);
  cmonty_abort(vm);
  CHECK(cmonty_is_paused(vm) == 0);
  CHECK(cmonty_resume(vm, big, &pr) == CMONTY_MISUSE);
  CHECK(cmonty_exec(vm, "a = 1", 5, NULL) == CMONTY_OK);
  CHECK(cmonty_start(vm, p, NULL, 0, &pr) == CMONTY_OK && pr.call_id == 0);
  CHECK(cmonty_resume_exception(vm, "KeyError", NULL, &pr) == CMONTY_OK);
  CHECK(pr.kind == CMONTY_PROGRESS_ERROR && !strcmp(cmonty_error_type(vm), "KeyError"));
  CHECK(cmonty_program_free(vm, p) == CMONTY_OK);
}

static void test_os_calls(void) {
  cmonty_vm *vm = svm;
  cmonty_progress pr;
  cmonty_program *p = compile(vm, "import os\nfrom pathlib import Path\n"
                                  "print(os.getenv('HOME', 'none'))\n"
                                  "print(os.getenv('NOPE', 'dflt'))\n"
                                  "p = Path('/data') / 'a.txt'\n"
                                  "print(p.exists())\nprint(p.read_text())\n"
                                  "print(p.write_text('hi'))\n"
                                  "print(Path('/b').read_bytes())\n"
                                  "try:\n    Path('/x').read_text()\nexcept FileNotFoundError as e:\n    print(e)\n"
                                  "try:\n    Path('/y').unlink()\nexcept PermissionError as e:\n    print('PE', e)\n",
                              NULL);
  CHECK(cmonty_start(vm, p, NULL, 0, &pr) == CMONTY_OK);
  CHECK(pr.kind == CMONTY_PROGRESS_OS_CALL && !strcmp(pr.name, "os.getenv"));
  CHECK(repr_is(vm, pr.args, "('HOME', 'none')"));
  cmonty_resume(vm, cmonty_str(vm, "/home/u", 7), &pr);
  CHECK(pr.kind == CMONTY_PROGRESS_OS_CALL && !strcmp(pr.out, "/home/u\n"));
  cmonty_resume_not_found(vm, &pr);
  CHECK(!strcmp(pr.out, "dflt\n"));
  CHECK(pr.kind == CMONTY_PROGRESS_OS_CALL && !strcmp(pr.name, "Path.exists"));
  cmonty_val a0 = cmonty_item(vm, pr.args, 0);
  CHECK(cmonty_kind_of(vm, a0) == CMONTY_KIND_PATH && str_is(vm, a0, "/data/a.txt"));
  cmonty_resume(vm, cmonty_bool(vm, 1), &pr);
  CHECK(!strcmp(pr.name, "Path.read_text") && !strcmp(pr.out, "True\n"));
  cmonty_resume(vm, cmonty_str(vm, "content", 7), &pr);
  CHECK(!strcmp(pr.out, "content\n"));
  CHECK(!strcmp(pr.name, "Path.write_text") && cmonty_len(vm, pr.args) == 2);
  cmonty_resume(vm, cmonty_int(vm, 2), &pr);
  CHECK(!strcmp(pr.name, "Path.read_bytes") && !strcmp(pr.out, "2\n"));
  cmonty_val bl[2] = {cmonty_int(vm, 104), cmonty_int(vm, 105)};
  cmonty_resume(vm, cmonty_list(vm, bl, 2), &pr); /* list of ints -> bytes */
  CHECK(!strcmp(pr.out, "b'hi'\n"));
  cmonty_resume_not_found(vm, &pr);
  CHECK(!strcmp(pr.out, "[Errno 2] No such file or directory: '/x'\n"));
  cmonty_resume_exception(vm, "PermissionError", "no", &pr);
  CHECK(!strcmp(pr.out, "PE no\n") && pr.kind == CMONTY_PROGRESS_COMPLETE);
  cmonty_program_free(vm, p);
}


static cmonty_program *compile_in(cmonty_vm *vm, const char *src, const char *ext,
                                  const char *const *inputs, size_t n_in) {
  cmonty_program *p = NULL;
  const char *e[1] = {ext};
  if (cmonty_compile(vm, src, strlen(src), "main.py", e, ext ? 1 : 0, inputs, n_in, &p) !=
      CMONTY_OK)
    fprintf(stderr, "compile failed: %s: %s\n", cmonty_error_type(vm), cmonty_error_message(vm));
  return p;
}

/* A Point(x, y) dataclass handle with type_id tid. */
static cmonty_val point(cmonty_vm *vm, uint64_t tid, int64_t x, int64_t y, int frozen) {
  static const char *const fields[2] = {"x", "y"};
  cmonty_val ks[2] = {cmonty_str(vm, "x", 1), cmonty_str(vm, "y", 1)};
  cmonty_val vs[2] = {cmonty_int(vm, x), cmonty_int(vm, y)};
  return cmonty_dataclass(vm, "Point", 5, tid, fields, 2, cmonty_dict(vm, ks, vs, 2), frozen);
}

static void test_dataclass(void) {
  cmonty_vm *vm = svm;
  cmonty_progress pr;
  /* builder and readers */
  cmonty_val p = point(vm, UINT64_MAX, 1, 2, 0);
  CHECK(cmonty_kind_of(vm, p) == CMONTY_KIND_DATACLASS);
  CHECK(repr_is(vm, p, "Point(x=1, y=2)"));
  const char *nm;
  size_t nl;
  uint64_t tid = 0;
  int fr = -1;
  CHECK(cmonty_dataclass_name(vm, p, &nm, &nl) == CMONTY_OK && nl == 5 && !memcmp(nm, "Point", 5));
  CHECK(cmonty_dataclass_type_id(vm, p, &tid) == CMONTY_OK && tid == UINT64_MAX);
  CHECK(cmonty_dataclass_frozen(vm, p, &fr) == CMONTY_OK && fr == 0);
  CHECK(repr_is(vm, cmonty_dataclass_fields(vm, p), "('x', 'y')"));
  CHECK(repr_is(vm, cmonty_dataclass_attrs(vm, p), "{'x': 1, 'y': 2}"));
  CHECK(cmonty_dataclass_type_id(vm, cmonty_int(vm, 1), &tid) == CMONTY_MISUSE);
  CHECK(cmonty_dataclass_fields(vm, cmonty_none(vm)) == 0);
  CHECK(cmonty_dataclass_name(vm, p, NULL, NULL) == CMONTY_MISUSE);
  /* bad builder arguments */
  cmonty_val ks[1] = {cmonty_int(vm, 1)}, vs[1] = {cmonty_int(vm, 2)};
  const char *const f1[1] = {"a"};
  CHECK(cmonty_dataclass(vm, "P", 1, 1, f1, 1, cmonty_dict(vm, ks, vs, 1), 0) == 0);
  CHECK(cmonty_dataclass(vm, "P", 1, 1, f1, 1, cmonty_none(vm), 0) == 0);
  CHECK(cmonty_dataclass(vm, "1P", 2, 1, f1, 1, cmonty_dict(vm, NULL, NULL, 0), 0) == 0);
  CHECK(cmonty_dataclass(vm, NULL, 0, 1, f1, 1, cmonty_dict(vm, NULL, NULL, 0), 0) == 0);
  CHECK(cmonty_dataclass(vm, "P", 1, 1, NULL, 1, cmonty_dict(vm, NULL, NULL, 0), 0) == 0);
  /* JSON both ways */
  const char *js;
  size_t jn;
  CHECK(cmonty_to_json(vm, p, &js, &jn) == CMONTY_OK &&
        !strcmp(js, "{\"__type\":\"dataclass\",\"name\":\"Point\",\"type_id\":"
                    "18446744073709551615,\"field_names\":[\"x\",\"y\"],\"attrs\":"
                    "{\"x\":1,\"y\":2},\"frozen\":false}"));
  cmonty_val back = cmonty_from_json(vm, js, jn); /* the largest id survives */
  CHECK(cmonty_dataclass_type_id(vm, back, &tid) == CMONTY_OK && tid == UINT64_MAX);
  CHECK(repr_is(vm, back, "Point(x=1, y=2)"));
  const char *dj = "{\"__type\":\"dataclass\",\"name\":\"User\",\"type_id\":9,"
                   "\"field_names\":[\"id\"],\"attrs\":{\"id\":3,\"extra\":[1]},\"frozen\":true}";
  cmonty_val u = cmonty_from_json(vm, dj, strlen(dj));
  CHECK(cmonty_kind_of(vm, u) == CMONTY_KIND_DATACLASS && repr_is(vm, u, "User(id=3)"));
  CHECK(cmonty_dataclass_frozen(vm, u, &fr) == CMONTY_OK && fr == 1);
  CHECK(cmonty_to_json(vm, u, &js, &jn) == CMONTY_OK && !strcmp(js, dj));
  const char *nonm = "{\"__type\":\"dataclass\",\"type_id\":9}";
  CHECK(cmonty_kind_of(vm, cmonty_from_json(vm, nonm, strlen(nonm))) == CMONTY_KIND_DICT);

  /* in Python */
  static const char *const in[3] = {"p", "p2", "q"};
  cmonty_program *prog = compile_in(
      vm,
      "print(type(p).__name__, p, p.x, p.y)\n"
      "print(p == p2, p == q, p != q, p == 1, type(p) is type(p2))\n"
      "try:\n    hash(p)\nexcept TypeError as e:\n    print('TE', e)\n"
      "print(hash(q) == hash(q), {q: 1}[q])\n"
      "try:\n    q.x = 5\nexcept AttributeError as e:\n    print('AE', e)\n"
      "try:\n    del q.x\nexcept AttributeError as e:\n    print('AE', e)\n"
      "p.x = 10\np.z = 'new'\nprint(p, p.z, p == p2)\n"
      "r = p.scale(2, k=3)\nprint('r', r)\n"
      "try:\n    p.nosuch()\nexcept AttributeError as e:\n    print('AE2', e)\n"
      "try:\n    p.__nope__\nexcept AttributeError as e:\n    print('AE3', e)\n"
      "P = type(q)\nmatch q:\n    case P(x=a, y=b):\n        print('match', a, b)\n"
      "del p.z\ntry:\n    del p.z\nexcept AttributeError as e:\n    print('AE4', e)\n"
      "[q, p]\n",
      "f", in, 3);
  cmonty_val ins[3] = {point(vm, 7, 1, 2, 0), point(vm, 7, 1, 2, 0), point(vm, 8, 1, 2, 1)};
  CHECK(cmonty_start(vm, prog, ins, 3, &pr) == CMONTY_OK);
  CHECK(!strncmp(pr.out, "Point Point(x=1, y=2) 1 2\n"
                         "True False True False True\n"
                         "TE unhashable type: 'Point'\n"
                         "True 1\n"
                         "AE cannot assign to field 'x'\n"
                         "AE cannot delete field 'x'\n"
                         "Point(x=10, y=2) new False\n", pr.out_len));
  CHECK(pr.kind == CMONTY_PROGRESS_CALL && !strcmp(pr.name, "scale") && pr.method_call == 1);
  cmonty_val self = cmonty_item(vm, pr.args, 0);
  CHECK(cmonty_kind_of(vm, self) == CMONTY_KIND_DATACLASS && cmonty_len(vm, pr.args) == 2);
  CHECK(repr_is(vm, pr.args, "(Point(x=10, y=2), 2)") && repr_is(vm, pr.kwargs, "{'k': 3}"));
  CHECK(repr_is(vm, cmonty_dataclass_attrs(vm, self), "{'x': 10, 'y': 2, 'z': 'new'}"));
  CHECK(cmonty_resume(vm, cmonty_int(vm, 5), &pr) == CMONTY_OK);
  CHECK(!strcmp(pr.out, "r 5\n"));
  CHECK(pr.kind == CMONTY_PROGRESS_CALL && !strcmp(pr.name, "nosuch") && pr.method_call == 1);
  CHECK(cmonty_resume_not_found(vm, &pr) == CMONTY_OK);
  CHECK(!strcmp(pr.out, "AE2 'Point' object has no attribute 'nosuch'\n"
                        "AE3 'Point' object has no attribute '__nope__'\n"
                        "match 1 2\n"
                        "AE4 'Point' object has no attribute 'z'\n"));
  CHECK(pr.kind == CMONTY_PROGRESS_COMPLETE);
  /* round trip: the objects come back unchanged */
  cmonty_val q = cmonty_item(vm, pr.value, 0);
  CHECK(cmonty_kind_of(vm, q) == CMONTY_KIND_DATACLASS && repr_is(vm, q, "Point(x=1, y=2)"));
  CHECK(cmonty_dataclass_frozen(vm, q, &fr) == CMONTY_OK && fr == 1);
  CHECK(cmonty_dataclass_type_id(vm, q, &tid) == CMONTY_OK && tid == 8);
  cmonty_program_free(vm, prog);

  /* a method call in a nested run cannot pause; in cmonty_run it raises */
  prog = compile_in(vm,
                    "class K:\n    def __eq__(s, o):\n        return p.m()\n"
                    "try:\n    [K()] == [1]\nexcept RuntimeError as e:\n    print(e)\n",
                    NULL, in, 1);
  cmonty_val one[1] = {point(vm, 7, 1, 2, 0)};
  CHECK(cmonty_start(vm, prog, one, 1, &pr) == CMONTY_OK && pr.kind == CMONTY_PROGRESS_COMPLETE);
  CHECK(!strcmp(pr.out, "cannot call external method 'm' here (inside a nested call)\n"));
  cmonty_program_free(vm, prog);

  /* reading a missing attribute is an AttributeError (p.z, getattr,
     hasattr follow CPython); only a method call p.z(...) reaches the host */
  prog = compile_in(vm,
                    "try:\n    p.z\nexcept AttributeError as e:\n    print('AE', e)\n"
                    "try:\n    getattr(p, 'z')\nexcept AttributeError as e:\n    print('AE', e)\n"
                    "print(hasattr(p, 'z'), hasattr(p, 'x'), getattr(p, 'z', 'd'), getattr(p, 'y'))\n"
                    "try:\n    f = p.area\n    f()\nexcept AttributeError as e:\n    print('AE', e)\n"
                    "print(p.area(k=1) + 1, [p.area() for _ in range(2)])\n",
                    NULL, in, 1);
  one[0] = point(vm, 7, 1, 2, 0);
  CHECK(cmonty_start(vm, prog, one, 1, &pr) == CMONTY_OK);
  CHECK(!strcmp(pr.out, "AE 'Point' object has no attribute 'z'\n"
                        "AE 'Point' object has no attribute 'z'\n"
                        "False True d 2\n"
                        "AE 'Point' object has no attribute 'area'\n"));
  int calls = 0;
  while (pr.kind == CMONTY_PROGRESS_CALL && calls < 5) {
    CHECK(!strcmp(pr.name, "area") && pr.method_call == 1 && cmonty_len(vm, pr.args) == 1);
    CHECK(cmonty_len(vm, pr.kwargs) == (calls == 0 ? 1 : 0));
    calls++;
    CHECK(cmonty_resume(vm, cmonty_int(vm, 10 * calls), &pr) == CMONTY_OK);
  }
  CHECK(calls == 3 && pr.kind == CMONTY_PROGRESS_COMPLETE && !strcmp(pr.out, "11 [20, 30]\n"));
  cmonty_program_free(vm, prog);
}

/* Frozen host dataclasses raise dataclasses.FrozenInstanceError, an
   AttributeError subclass (one class per interpreter). */
static void test_frozen_error(void) {
  cmonty_vm *vm = svm;
  cmonty_progress pr;
  static const char *const in[1] = {"q"};
  cmonty_program *prog = compile_in(
      vm,
      "def t(f):\n"
      "    try:\n        f()\n"
      "    except AttributeError as e:\n"
      "        print(type(e).__name__, type(e).__module__, e, isinstance(e, AttributeError))\n"
      "        return type(e)\n"
      "def s1():\n    q.x = 5\n"
      "def s2():\n    q.x += 1\n"
      "def s3():\n    q.z = 1\n"
      "def s4():\n    del q.x\n"
      "c = t(s1)\nt(s2)\nt(s3)\nt(s4)\n"
      "print(c is t(s1), c.__mro__[1] is AttributeError, q)\n"
      "q.x = 9\n",
      NULL, in, 1);
  cmonty_val ins[1] = {point(vm, 8, 1, 2, 1)};
  CHECK(cmonty_start(vm, prog, ins, 1, &pr) == CMONTY_OK);
  CHECK(pr.kind == CMONTY_PROGRESS_ERROR);
  CHECK(!strcmp(pr.out, "FrozenInstanceError dataclasses cannot assign to field 'x' True\n"
                        "FrozenInstanceError dataclasses cannot assign to field 'x' True\n"
                        "FrozenInstanceError dataclasses cannot assign to field 'z' True\n"
                        "FrozenInstanceError dataclasses cannot delete field 'x' True\n"
                        "FrozenInstanceError dataclasses cannot assign to field 'x' True\n"
                        "True True Point(x=1, y=2)\n"));
  CHECK(!strcmp(cmonty_error_type(vm), "FrozenInstanceError"));
  CHECK(!strcmp(cmonty_error_message(vm), "cannot assign to field 'x'"));
  cmonty_program_free(vm, prog);
}

/* A stat-like named tuple of n fields with values 0, 10, 20, ... */
static cmonty_val stat_nt(cmonty_vm *vm, const char *type_name) {
  static const char *const f[3] = {"st_mode", "st_ino", "st_size"};
  cmonty_val v[3] = {cmonty_int(vm, 0), cmonty_int(vm, 10), cmonty_int(vm, 20)};
  return cmonty_namedtuple(vm, type_name, strlen(type_name), f, v, 3);
}

static void test_namedtuple(void) {
  cmonty_vm *vm = svm;
  cmonty_progress pr;
  /* builder and readers */
  cmonty_val st = stat_nt(vm, "os.stat_result");
  CHECK(cmonty_kind_of(vm, st) == CMONTY_KIND_NAMEDTUPLE);
  CHECK(repr_is(vm, st, "os.stat_result(st_mode=0, st_ino=10, st_size=20)"));
  const char *nm;
  size_t nl;
  CHECK(cmonty_namedtuple_type_name(vm, st, &nm, &nl) == CMONTY_OK && nl == 14 &&
        !memcmp(nm, "os.stat_result", 14));
  CHECK(repr_is(vm, cmonty_namedtuple_fields(vm, st), "('st_mode', 'st_ino', 'st_size')"));
  CHECK(cmonty_len(vm, st) == 3 && int_of(vm, cmonty_item(vm, st, 2)) == 20);
  CHECK(cmonty_item(vm, st, 3) == 0);
  CHECK(cmonty_namedtuple_type_name(vm, cmonty_int(vm, 1), &nm, &nl) == CMONTY_MISUSE);
  CHECK(cmonty_namedtuple_fields(vm, point(vm, 1, 1, 2, 0)) == 0);
  /* bad builder arguments */
  static const char *const dup[2] = {"a", "a"}, *const bad[1] = {"1a"};
  cmonty_val two[2] = {cmonty_int(vm, 1), cmonty_int(vm, 2)};
  CHECK(cmonty_namedtuple(vm, "P", 1, dup, two, 2) == 0);
  CHECK(cmonty_namedtuple(vm, "P", 1, bad, two, 1) == 0);
  CHECK(cmonty_namedtuple(vm, "a..b", 4, dup, two, 1) == 0);
  CHECK(cmonty_namedtuple(vm, ".P", 2, dup, two, 1) == 0);
  CHECK(cmonty_namedtuple(vm, NULL, 0, dup, two, 1) == 0);
  CHECK(cmonty_namedtuple(vm, "P", 1, NULL, two, 1) == 0);
  cmonty_val stale[1] = {0};
  CHECK(cmonty_namedtuple(vm, "P", 1, dup, stale, 1) == 0);
  CHECK(cmonty_kind_of(vm, cmonty_namedtuple(vm, "P", 1, NULL, NULL, 0)) ==
        CMONTY_KIND_NAMEDTUPLE);
  /* JSON both ways */
  const char *js;
  size_t jn;
  const char *want = "{\"__type\":\"namedtuple\",\"type_name\":\"os.stat_result\","
                     "\"field_names\":[\"st_mode\",\"st_ino\",\"st_size\"],"
                     "\"values\":[0,10,20]}";
  CHECK(cmonty_to_json(vm, st, &js, &jn) == CMONTY_OK && !strcmp(js, want));
  cmonty_val back = cmonty_from_json(vm, want, strlen(want));
  CHECK(cmonty_kind_of(vm, back) == CMONTY_KIND_NAMEDTUPLE &&
        repr_is(vm, back, "os.stat_result(st_mode=0, st_ino=10, st_size=20)"));
  /* malformed named tuples decode to the tuple of their values */
  const char *short_nt = "{\"__type\":\"namedtuple\",\"type_name\":\"P\","
                         "\"field_names\":[\"a\"],\"values\":[1,2]}";
  cmonty_val sv = cmonty_from_json(vm, short_nt, strlen(short_nt));
  CHECK(cmonty_kind_of(vm, sv) == CMONTY_KIND_TUPLE && repr_is(vm, sv, "(1, 2)"));
  const char *noname = "{\"__type\":\"namedtuple\",\"values\":[3]}";
  CHECK(repr_is(vm, cmonty_from_json(vm, noname, strlen(noname)), "(3,)"));

  /* in Python: reads like a tuple; answering an external call with it */
  static const char *const in[2] = {"st", "other"};
  cmonty_program *prog = compile_in(
      vm,
      "def t(f):\n"
      "    try:\n        print(repr(f()))\n"
      "    except Exception as e:\n        print(type(e).__name__, e)\n"
      "print(type(st).__name__, type(st).__module__, st.st_size, st[2], st[-1], st[0:2], len(st))\n"
      "m, ino, size = st\n"
      "print(m, ino, size, list(st), 10 in st, 5 in st, [x for x in st], bool(st))\n"
      "print(st == (0, 10, 20), (0, 10, 20) == st, st != (0, 10, 20), st < (0, 11), st == other)\n"
      "print(hash(st) == hash((0, 10, 20)), {st: 1}[(0, 10, 20)], st + (1,), st * 2)\n"
      "print(isinstance(st, tuple), st.__match_args__, st._fields, type(st) is type(other))\n"
      "P = type(st)\nmatch st:\n    case P(a, b, st_size=c):\n        print('cls', a, b, c)\n"
      "for pat in range(2):\n"
      "    match st:\n"
      "        case (a, b) | {'st_mode': a}:\n            print('no', a)\n"
      "        case (a, b, c) if pat == 0:\n            print('seq', a, b, c)\n"
      "        case [a, *rest]:\n            print('star', a, rest)\n"
      "def s1():\n    st.st_size = 1\n"
      "def s2():\n    st.foo = 1\n"
      "def s3():\n    del st.st_size\n"
      "t(s1)\nt(s2)\nt(s3)\nt(lambda: st.nope)\nt(lambda: st[3])\nt(lambda: st['a'])\n"
      "t(lambda: st.__dict__)\n"
      "t(lambda: (st.count(10), st.index(20), st._asdict()))\n"
      "t(lambda: st.index(5))\n"
      "r = f(st)\nprint(r.st_ino, r)\n"
      "r\n",
      "f", in, 2);
  cmonty_val ins[2] = {stat_nt(vm, "os.stat_result"), stat_nt(vm, "os.stat_result")};
  CHECK(cmonty_start(vm, prog, ins, 2, &pr) == CMONTY_OK);
  const char *out1 =
      "stat_result os 20 20 20 (0, 10) 3\n"
      "0 10 20 [0, 10, 20] True False [0, 10, 20] True\n"
      "True True False True True\n"
      "True 1 (0, 10, 20, 1) (0, 10, 20, 0, 10, 20)\n"
      "False ('st_mode', 'st_ino', 'st_size') ('st_mode', 'st_ino', 'st_size') True\n"
      "cls 0 10 20\n"
      "seq 0 10 20\n"
      "star 0 [10, 20]\n"
      "AttributeError readonly attribute\n"
      "AttributeError 'os.stat_result' object has no attribute 'foo' and no __dict__ for "
      "setting new attributes\n"
      "AttributeError readonly attribute\n"
      "AttributeError 'os.stat_result' object has no attribute 'nope'\n"
      "IndexError tuple index out of range\n"
      "TypeError tuple indices must be integers or slices, not str\n"
      "AttributeError 'os.stat_result' object has no attribute '__dict__'\n"
      "(1, 2, {'st_mode': 0, 'st_ino': 10, 'st_size': 20})\n"
      "ValueError tuple.index(x): x not in tuple\n";
  CHECK(pr.out_len == strlen(out1) && !memcmp(pr.out, out1, pr.out_len));
  if (pr.out_len != strlen(out1) || memcmp(pr.out, out1, pr.out_len))
    fprintf(stderr, "got:\n%.*s", (int)pr.out_len, pr.out);
  CHECK(pr.kind == CMONTY_PROGRESS_CALL && cmonty_kind_of(vm, cmonty_item(vm, pr.args, 0)) ==
                                                CMONTY_KIND_NAMEDTUPLE);
  const char *pj = "{\"__type\":\"namedtuple\",\"type_name\":\"Pt\","
                   "\"field_names\":[\"st_ino\"],\"values\":[[1]]}";
  CHECK(cmonty_resume(vm, cmonty_from_json(vm, pj, strlen(pj)), &pr) == CMONTY_OK);
  CHECK(!strcmp(pr.out, "[1] Pt(st_ino=[1])\n"));
  CHECK(pr.kind == CMONTY_PROGRESS_COMPLETE && cmonty_to_json(vm, pr.value, &js, &jn) == CMONTY_OK &&
        !strcmp(js, pj));
  cmonty_program_free(vm, prog);
}

/* A NAME_LOOKUP value is bound: later reads (also in functions) see it. */
static void test_name_binding(void) {
  cmonty_vm *vm = svm;
  cmonty_progress pr;
  cmonty_program *p = compile(vm, "print(k)\ndef g():\n    return k * 2\nprint(g(), k)\n"
                                  "for i in range(2):\n    try:\n        print(u)\n"
                                  "    except NameError as e:\n        print(e)\n", NULL);
  CHECK(cmonty_start(vm, p, NULL, 0, &pr) == CMONTY_OK);
  CHECK(pr.kind == CMONTY_PROGRESS_NAME_LOOKUP && !strcmp(pr.name, "k"));
  CHECK(cmonty_resume(vm, cmonty_int(vm, 21), &pr) == CMONTY_OK);
  CHECK(!strcmp(pr.out, "21\n42 21\n"));
  /* not found binds nothing: the next read asks again */
  CHECK(pr.kind == CMONTY_PROGRESS_NAME_LOOKUP && !strcmp(pr.name, "u") && pr.call_id == 1);
  CHECK(cmonty_resume_not_found(vm, &pr) == CMONTY_OK);
  CHECK(pr.kind == CMONTY_PROGRESS_NAME_LOOKUP && !strcmp(pr.name, "u") && pr.call_id == 2);
  CHECK(!strcmp(pr.out, "name 'u' is not defined\n"));
  CHECK(cmonty_resume(vm, cmonty_str(vm, "U", 1), &pr) == CMONTY_OK);
  CHECK(pr.kind == CMONTY_PROGRESS_COMPLETE && !strcmp(pr.out, "U\n"));
  /* a new run starts with fresh globals: asked again */
  CHECK(cmonty_start(vm, p, NULL, 0, &pr) == CMONTY_OK && pr.kind == CMONTY_PROGRESS_NAME_LOOKUP);
  cmonty_abort(vm);
  cmonty_program_free(vm, p);
}


/* Allocator failing after `left` growing allocations once armed. */
typedef struct failing {
  long left;
  int armed;
} failing;

static void *fail_alloc(void *ud, void *p, size_t old, size_t n) {
  failing *f = ud;
  if (n == 0) {
    free(p);
    return NULL;
  }
  if (f->armed && n > old && f->left-- <= 0) return NULL;
  return realloc(p, n);
}

/* Out of memory at every point of building, encoding, decoding and
   calling a method of a dataclass: a clean failure, never a crash; with
   enough memory it works. */
static void test_dataclass_oom(void) {
  static const char src[] = "r = p.m(1)\np.x = r\n[p, repr(p)]";
  static const char *const in[1] = {"p"};
  static const char json[] = "[{\"__type\":\"dataclass\",\"name\":\"D\",\"type_id\":1,"
                             "\"field_names\":[\"x\"],\"attrs\":{\"x\":[1,2]},\"frozen\":true}]";
  int ok = 0, ran = 0;
  for (long k = 0; k < 3000 && !ok; k += 2) {
    failing f = {0, 0};
    cmonty_vm *vm = cmonty_new(fail_alloc, &f);
    if (!vm) continue;
    cmonty_program *prog = NULL;
    cmonty_compile(vm, src, sizeof src - 1, "m.py", NULL, 0, in, 1, &prog);
    const char *const fields[1] = {"x"};
    /* memory may run out half-way through making the classes: class.c's
       new_class then frees everything (LeakSanitizer checks) */
    f.left = k;
    f.armed = 1;
    ran++;
    cmonty_val d = cmonty_dataclass(vm, "D", 1, 5, fields, 1, cmonty_dict(vm, NULL, NULL, 0), 0);
    cmonty_val j = cmonty_from_json(vm, json, sizeof json - 1);
    const char *txt;
    size_t n;
    cmonty_progress pr;
    if (prog && d && j && cmonty_to_json(vm, j, &txt, &n) == CMONTY_OK &&
        cmonty_start(vm, prog, &d, 1, &pr) == CMONTY_OK && pr.kind == CMONTY_PROGRESS_CALL &&
        cmonty_resume(vm, cmonty_int(vm, 3), &pr) == CMONTY_OK &&
        pr.kind == CMONTY_PROGRESS_COMPLETE)
      ok = repr_is(vm, pr.value, "[D(x=3), 'D(x=3)']");
    f.armed = 0;
    cmonty_free(vm);
  }
  CHECK(ran > 20 && ok);
}

/* The same for named tuples: building, decoding, encoding, reading in
   Python. */
static void test_namedtuple_oom(void) {
  static const char src[] = "[st.a, st[1:], repr(st), st == (1, [2]), hash(st[:1]), st]";
  static const char *const in[1] = {"st"};
  static const char json[] = "{\"__type\":\"namedtuple\",\"type_name\":\"m.P\","
                             "\"field_names\":[\"a\",\"b\"],\"values\":[1,[2]]}";
  static const char *const fields[2] = {"a", "b"};
  int ok = 0, ran = 0;
  for (long k = 0; k < 3000 && !ok; k += 2) {
    failing f = {0, 0};
    cmonty_vm *vm = cmonty_new(fail_alloc, &f);
    if (!vm) continue;
    cmonty_program *prog = NULL;
    cmonty_compile(vm, src, sizeof src - 1, "m.py", NULL, 0, in, 1, &prog);
    cmonty_from_json(vm, json, sizeof json - 1); /* the class exists first (see above) */
    f.left = k;
    f.armed = 1;
    ran++;
    cmonty_val one = cmonty_int(vm, 1), two = cmonty_int(vm, 2);
    cmonty_val vals[2] = {one, cmonty_list(vm, &two, 1)};
    cmonty_val nt = cmonty_namedtuple(vm, "m.P", 3, fields, vals, 2);
    cmonty_val j = cmonty_from_json(vm, json, sizeof json - 1);
    const char *txt;
    size_t n;
    cmonty_progress pr;
    if (prog && nt && j && cmonty_kind_of(vm, j) == CMONTY_KIND_NAMEDTUPLE &&
        cmonty_to_json(vm, j, &txt, &n) == CMONTY_OK && !strcmp(txt, json) &&
        cmonty_start(vm, prog, &nt, 1, &pr) == CMONTY_OK && pr.kind == CMONTY_PROGRESS_COMPLETE)
      ok = cmonty_len(vm, pr.value) == 6 && int_of(vm, cmonty_item(vm, pr.value, 0)) == 1 &&
           repr_is(vm, cmonty_item(vm, pr.value, 1), "([2],)") &&
           str_is(vm, cmonty_item(vm, pr.value, 2), "m.P(a=1, b=[2])") &&
           cmonty_kind_of(vm, cmonty_item(vm, pr.value, 5)) == CMONTY_KIND_NAMEDTUPLE;
    f.armed = 0;
    cmonty_free(vm);
  }
  CHECK(ran > 20 && ok);
}

int main(void) {
  test_values();
  test_namedtuple_oom();
  test_run();
  test_dataclass_oom();
  svm = cmonty_new(NULL, NULL);
  cmonty_set_capture(svm, 1);
  test_pause_places();
  test_consumer_pauses();
  test_progress_kinds();
  test_os_calls();
  test_dataclass();
  test_frozen_error();
  test_namedtuple();
  test_name_binding();
  cmonty_free(svm);
  printf("%d passed, %d failed\n", passed, failed);
  return failed != 0;
}
