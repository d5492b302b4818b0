/*
** test_compile_vm.c — compiler and VM checks that need the C API: limits
** (uncatchable, finally blocks still run), exact instruction counting,
** recursion depth, compile errors, out-of-memory at every allocation.
** Prints "N passed, N failed" last.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmonty.h"

static int passed, failed;

#define CHECK(cond, what)                                                    \
  do {                                                                       \
    if (cond) {                                                              \
      passed++;                                                              \
    } else {                                                                 \
      failed++;                                                              \
      printf("FAIL %s (line %d)\n", what, __LINE__);                         \
    }                                                                        \
  } while (0)

/* Output captured from print(). */
typedef struct outbuf {
  char data[4096];
  size_t len;
} outbuf;

static void capture(void *ud, int stream, const char *d, size_t n) {
  outbuf *o = ud;
  (void)stream;
  if (o->len + n >= sizeof o->data) n = sizeof o->data - 1 - o->len;
  memcpy(o->data + o->len, d, n);
  o->len += n;
  o->data[o->len] = 0;
}

static cmonty_status run(cmonty_vm *vm, outbuf *out, const char *src) {
  out->len = 0;
  out->data[0] = 0;
  return cmonty_exec(vm, src, strlen(src), "<test>");
}

static uint64_t insns_of(cmonty_vm *vm, outbuf *out, const char *src) {
  cmonty_usage u;
  run(vm, out, src);
  cmonty_get_usage(vm, &u);
  return u.instructions;
}

static void test_basics(cmonty_vm *vm, outbuf *out) {
  CHECK(run(vm, out, "print(sum(x * x for x in range(4)))") == CMONTY_OK &&
            !strcmp(out->data, "14\n"),
        "generator expression");
  CHECK(run(vm, out, "def f(a, *b, k=1, **kw): return a, b, k, kw\n"
                     "print(f(1, 2, k=3, z=4))") == CMONTY_OK &&
            !strcmp(out->data, "(1, (2,), 3, {'z': 4})\n"),
        "argument binding");
  CHECK(run(vm, out, "def g():\n  try:\n    yield 1\n    yield 2\n  finally:\n"
                     "    print('closed')\nfor v in g():\n  break\nprint('after')") ==
                CMONTY_OK &&
            !strcmp(out->data, "closed\nafter\n"),
        "break closes the loop's own generator");
}

static void test_instruction_limit(cmonty_vm *vm, outbuf *out) {
  cmonty_limits l = {0};
  l.max_instructions = 50000;
  cmonty_set_limits(vm, &l);
  cmonty_status st = run(vm, out,
                         "try:\n  while True: pass\nexcept Exception:\n  print('caught')\n"
                         "except:\n  print('bare')\nfinally:\n  print('finally')\n");
  CHECK(st == CMONTY_EXCEPTION, "instruction limit stops the run");
  CHECK(!strcmp(cmonty_error_type(vm), "TimeoutError"), "instruction limit: TimeoutError");
  CHECK(!strcmp(out->data, "finally\n"), "limit: except skipped, finally runs");
  cmonty_usage u;
  cmonty_get_usage(vm, &u);
  CHECK(u.instructions >= 50000 && u.instructions < 50100, "limit: usage.instructions");
  st = run(vm, out, "def f():\n  try:\n    while True: pass\n  finally:\n    return 1\nf()");
  CHECK(st == CMONTY_EXCEPTION, "return in finally cannot cancel a limit");
  l.max_instructions = 0;
  cmonty_set_limits(vm, &l);
}

static void test_counting(cmonty_vm *vm, outbuf *out) {
  uint64_t a = insns_of(vm, out, "for i in range(100): pass");
  uint64_t b = insns_of(vm, out, "for i in range(200): pass");
  uint64_t c = insns_of(vm, out, "for i in range(300): pass");
  CHECK(a > 100 && b - a == c - b, "instruction counts are exact");
  uint64_t d = insns_of(vm, out, "def f(n): return f(n - 1) if n else 0\nf(40)");
  uint64_t e = insns_of(vm, out, "def f(n): return f(n - 1) if n else 0\nf(80)");
  uint64_t g = insns_of(vm, out, "def f(n): return f(n - 1) if n else 0\nf(120)");
  CHECK(e - d == g - e, "instruction counts across calls");
}

static void test_time_and_depth(cmonty_vm *vm, outbuf *out) {
  cmonty_limits l = {0};
  l.max_seconds = 0.05;
  cmonty_set_limits(vm, &l);
  CHECK(run(vm, out, "while True: pass") == CMONTY_EXCEPTION &&
            !strcmp(cmonty_error_message(vm), "time limit exceeded"),
        "time limit");
  l.max_seconds = 0;
  l.max_depth = 60;
  cmonty_set_limits(vm, &l);
  CHECK(run(vm, out, "def f(n): return f(n + 1)\nf(0)") == CMONTY_EXCEPTION &&
            !strcmp(cmonty_error_type(vm), "RecursionError"),
        "depth limit");
  cmonty_usage u;
  cmonty_get_usage(vm, &u);
  CHECK(u.depth_peak == 59, "depth_peak");
  l.max_depth = 0;
  cmonty_set_limits(vm, &l);
}

static void test_compile_errors(cmonty_vm *vm, outbuf *out) {
  static const char *const cases[][2] = {
      {"return 1", "'return' outside function"},
      {"break", "'break' outside loop"},
      {"def f():\n  x = 1\n  global x", "name 'x' is assigned to before global declaration"},
      {"def f():\n  nonlocal q", "no binding for nonlocal 'q' found"},
      {"nonlocal q", "nonlocal declaration not allowed at module level"},
      {"def f(a, a): pass", "duplicate argument 'a' in function definition"},
      {"yield 1", "'yield' outside function"},
      {"f(a=1, a=2)", "keyword argument repeated: a"},
      {"*a = [1]", "starred assignment target must be in a list or tuple"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    cmonty_status st = run(vm, out, cases[i][0]);
    /* str(SyntaxError) is "msg (<test>, line N)" */
    const char *msg = cmonty_error_message(vm);
    size_t n = strlen(cases[i][1]);
    CHECK(st == CMONTY_EXCEPTION && !strcmp(cmonty_error_type(vm), "SyntaxError") &&
              !strncmp(msg, cases[i][1], n) && !strncmp(msg + n, " (<test>, line ", 15),
          cases[i][1]);
  }
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

static void test_out_of_memory(void) {
  static const char prog[] =
      "def f(n):\n  return [i * i for i in range(n)]\n"
      "def g():\n  try:\n    yield from range(3)\n  finally:\n    pass\n"
      "x = {k: f(k) for k in range(4)}\n"
      "try:\n  1 / 0\nexcept ZeroDivisionError as e:\n  s = f'{e!r:>10}'\n"
      "match x:\n  case {0: [], **r}: pass\n"
      "t = sum(g())\n";
  int ok = 0, ran = 0;
  for (long k = 0; k < 4000 && !ok; k += 3) {
    failing f = {0, 0};
    cmonty_vm *vm = cmonty_new(fail_alloc, &f);
    if (!vm) continue;
    f.left = k;
    f.armed = 1;
    cmonty_status st = cmonty_exec(vm, prog, sizeof prog - 1, "<oom>");
    ran++;
    f.armed = 0;
    cmonty_free(vm);
    if (st == CMONTY_OK) ok = 1;
    else if (st != CMONTY_EXCEPTION) break;
  }
  CHECK(ran > 10 && ok, "out of memory at every allocation point");
}

int main(void) {
  outbuf out;
  cmonty_vm *vm = cmonty_new(NULL, NULL);
  if (!vm) {
    printf("0 passed, 1 failed\n");
    return 1;
  }
  cmonty_set_write(vm, capture, &out);
  test_basics(vm, &out);
  test_instruction_limit(vm, &out);
  test_counting(vm, &out);
  test_time_and_depth(vm, &out);
  test_compile_errors(vm, &out);
  cmonty_free(vm);
  test_out_of_memory();
  printf("%d passed, %d failed\n", passed, failed);
  return failed != 0;
}
