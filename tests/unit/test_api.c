/*
** test_api.c — the public C API: lifecycle, output, errors, eval, two
** interpreters at once, exact memory accounting and out-of-memory
** injection at every allocation of a small program.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmonty.h"

#include "check.h"

/* ---- a counting allocator that can fail its Nth allocation ---------- */

typedef struct counter {
  long long bytes;    /* live bytes */
  long long nalloc;   /* allocations so far */
  long long fail_at;  /* fail this allocation (1-based); 0 = never */
  int failed;         /* an injected failure happened */
} counter;

static void *counting_alloc(void *ud, void *ptr, size_t old, size_t n) {
  counter *c = ud;
  if (n == 0) {
    if (ptr) c->bytes -= (long long)old;
    free(ptr);
    return NULL;
  }
  if (n > old || !ptr) {
    c->nalloc++;
    if (c->fail_at && c->nalloc == c->fail_at) {
      c->failed = 1;
      return NULL;
    }
  }
  void *p = realloc(ptr, n);
  if (!p) return NULL;
  c->bytes += (long long)n - (long long)(ptr ? old : 0);
  return p;
}

/* ---- output capture --------------------------------------------------- */

typedef struct capture {
  char buf[4096];
  size_t len;
} capture;

static void capture_write(void *ud, int stream, const char *data, size_t n) {
  capture *c = ud;
  (void)stream;
  if (c->len + n >= sizeof c->buf) n = sizeof c->buf - 1 - c->len;
  memcpy(c->buf + c->len, data, n);
  c->len += n;
  c->buf[c->len] = '\0';
}

static cmonty_status exec_str(cmonty_vm *vm, const char *src) {
  return cmonty_exec(vm, src, strlen(src), "test.py");
}

static int ends_with(const char *s, const char *suffix) {
  size_t a = strlen(s), b = strlen(suffix);
  return a >= b && !strcmp(s + a - b, suffix);
}

/* ---- tests ------------------------------------------------------------ */

static void test_basic(void) {
  cmonty_vm *vm = cmonty_new(NULL, NULL);
  CHECK(vm != NULL);
  if (!vm) return;
  capture cap = {{0}, 0};
  cmonty_set_write(vm, capture_write, &cap);
  CHECK(exec_str(vm, "x = 40\nprint('hi', x + 2)\n") == CMONTY_OK);
  CHECK(!strcmp(cap.buf, "hi 42\n"));
  const char *r = NULL;
  CHECK(cmonty_eval_repr(vm, "x + 2", 5, &r) == CMONTY_OK);
  CHECK(r && !strcmp(r, "42"));
  CHECK(cmonty_eval_repr(vm, "[1, 'a', None]", 14, &r) == CMONTY_OK);
  CHECK(r && !strcmp(r, "[1, 'a', None]"));
  CHECK(exec_str(vm, "def f(n):\n    return n * 2\n") == CMONTY_OK);
  CHECK(cmonty_eval_repr(vm, "f(x)", 4, &r) == CMONTY_OK);
  CHECK(r && !strcmp(r, "80"));
  CHECK(!strcmp(cmonty_error_type(vm), ""));
  cmonty_free(vm);
}

static void test_errors(void) {
  cmonty_vm *vm = cmonty_new(NULL, NULL);
  if (!vm) { failed++; return; }
  CHECK(exec_str(vm, "def g():\n    return 1 / 0\ng()\n") == CMONTY_EXCEPTION);
  CHECK(!strcmp(cmonty_error_type(vm), "ZeroDivisionError"));
  CHECK(!strcmp(cmonty_error_message(vm), "division by zero"));
  const char *tb = cmonty_error_traceback(vm);
  CHECK(!strncmp(tb, "Traceback (most recent call last):\n", 35));
  CHECK(strstr(tb, "  File \"test.py\", line 3, in <module>\n") != NULL);
  CHECK(strstr(tb, "  File \"test.py\", line 2, in g\n") != NULL);
  CHECK(ends_with(tb, "ZeroDivisionError: division by zero\n"));
  CHECK(exec_str(vm, "x = (\n") == CMONTY_EXCEPTION);
  CHECK(!strcmp(cmonty_error_type(vm), "SyntaxError"));
  CHECK(exec_str(vm, "raise KeyError('k')") == CMONTY_EXCEPTION);
  CHECK(!strcmp(cmonty_error_message(vm), "'k'"));
  CHECK(exec_str(vm, "y = 1") == CMONTY_OK);
  CHECK(!strcmp(cmonty_error_type(vm), ""));
  const char *r = NULL;
  CHECK(cmonty_eval_repr(vm, "undefined_name", 14, &r) == CMONTY_EXCEPTION);
  CHECK(!strcmp(cmonty_error_type(vm), "NameError"));
  CHECK(cmonty_exec(NULL, "", 0, NULL) == CMONTY_MISUSE);
  CHECK(cmonty_exec(vm, NULL, 3, NULL) == CMONTY_MISUSE);
  /* Unsupported features fail loudly, never with a silently wrong answer. */
  CHECK(exec_str(vm, "class T:\n    def __getattribute__(self, n):\n"
                     "        return n\n") == CMONTY_EXCEPTION);
  CHECK(!strcmp(cmonty_error_type(vm), "NotImplementedError"));
  CHECK(!strcmp(cmonty_error_message(vm),
                "overriding __getattribute__ is not supported yet"));
  CHECK(exec_str(vm, "async def f():\n    pass\nf()\n") == CMONTY_EXCEPTION);
  CHECK(!strcmp(cmonty_error_type(vm), "NotImplementedError"));
  CHECK(exec_str(vm, "class L(list):\n    pass\n") == CMONTY_EXCEPTION);
  CHECK(!strcmp(cmonty_error_type(vm), "NotImplementedError"));
  cmonty_free(vm);
  cmonty_free(NULL);
}

static void test_two_interpreters(void) {
  cmonty_vm *a = cmonty_new(NULL, NULL), *b = cmonty_new(NULL, NULL);
  if (!a || !b) { failed++; cmonty_free(a); cmonty_free(b); return; }
  CHECK(exec_str(a, "x = 'a'") == CMONTY_OK);
  CHECK(exec_str(b, "x = 'b'") == CMONTY_OK);
  CHECK(exec_str(a, "x = x * 2") == CMONTY_OK);
  const char *r = NULL;
  CHECK(cmonty_eval_repr(b, "x", 1, &r) == CMONTY_OK && !strcmp(r, "'b'"));
  CHECK(cmonty_eval_repr(a, "x", 1, &r) == CMONTY_OK && !strcmp(r, "'aa'"));
  cmonty_free(a);
  CHECK(cmonty_eval_repr(b, "x + '!'", 7, &r) == CMONTY_OK && !strcmp(r, "'b!'"));
  cmonty_free(b);
}

static void test_accounting(void) {
  counter c = {0, 0, 0, 0};
  cmonty_vm *vm = cmonty_new(counting_alloc, &c);
  CHECK(vm != NULL);
  if (!vm) return;
  CHECK(c.bytes > 0);
  CHECK(exec_str(vm, "xs = [str(i) * 3 for i in range(2000)]\n"
                     "d = {s: len(s) for s in xs}\n") == CMONTY_OK);
  CHECK(exec_str(vm, "1/0") == CMONTY_EXCEPTION);
  cmonty_usage u;
  cmonty_get_usage(vm, &u);
  CHECK(u.memory_peak > 0);
  cmonty_free(vm);
  CHECK(c.bytes == 0);
}

static void test_limits(void) {
  cmonty_vm *vm = cmonty_new(NULL, NULL);
  if (!vm) { failed++; return; }
  cmonty_limits l = {0, 100000, 0, 0, 0};
  cmonty_set_limits(vm, &l);
  CHECK(exec_str(vm, "while True:\n    pass\n") == CMONTY_EXCEPTION);
  CHECK(!strcmp(cmonty_error_type(vm), "TimeoutError"));
  CHECK(exec_str(vm, "try:\n    while True: pass\nexcept Exception:\n    pass\n") ==
        CMONTY_EXCEPTION);
  l.max_instructions = 0;
  l.max_depth = 50;
  cmonty_set_limits(vm, &l);
  CHECK(exec_str(vm, "def r(n): return r(n + 1)\nr(0)\n") == CMONTY_EXCEPTION);
  CHECK(!strcmp(cmonty_error_type(vm), "RecursionError"));
  cmonty_free(vm);
}

/* Fails allocation N for N = 1, 2, ... until a run completes without an
   injected failure: never a crash, never a leak. */
static void test_oom_injection(void) {
  const char *src =
      "def f(n):\n"
      "    return [i * i for i in range(n)]\n"
      "d = {str(k): f(k) for k in range(20)}\n"
      "s = sorted(d, key=len)\n"
      "try:\n"
      "    {}['x']\n"
      "except KeyError as e:\n"
      "    msg = str(e)\n"
      "print(len(s), msg, 2 ** 100)\n";
  int leaks = 0, bad = 0, n;
  for (n = 1; n < 20000; n++) {
    counter c = {0, 0, n, 0};
    if (getenv("CMONTY_OOM_TRACE")) fprintf(stderr, "failing allocation %d\n", n);
    cmonty_vm *vm = cmonty_new(counting_alloc, &c);
    if (vm) {
      capture cap = {{0}, 0};
      cmonty_set_write(vm, capture_write, &cap);
      cmonty_status st = exec_str(vm, src);
      if (st == CMONTY_EXCEPTION && !c.failed) bad++;
      if (st != CMONTY_OK && st != CMONTY_EXCEPTION) bad++;
      cmonty_free(vm);
    }
    if (c.bytes != 0) leaks++;
    if (!c.failed) break;
  }
  CHECK(leaks == 0);
  CHECK(bad == 0);
  CHECK(n < 20000);
}

int main(void) {
  test_basic();
  test_errors();
  test_two_interpreters();
  test_accounting();
  test_limits();
  test_oom_injection();
  printf("%d passed, %d failed\n", passed, failed);
  return failed != 0;
}
