/*
** test_limits.c — the per-run limits and the usage report (cmonty.h):
** each limit stops an infinite loop / memory bomb / deep recursion within
** 10% of its budget, Python code cannot swallow the breach (`except
** Exception`, bare `except`, `except BaseException`, `with` suppression,
** `return`/`continue` in `finally`), `finally` blocks run, sizes known in
** advance fail before allocating, the GC runs before a memory limit fails a
** program whose live data fits, usage numbers are measured (never zero)
** and grow with the work done, and limits/usage reset between runs.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__unix__) || defined(__APPLE__)
#include <unistd.h>
#endif

#include "cmonty.h"

#include "check.h"

/* ---- output capture --------------------------------------------------- */

typedef struct capture {
  char buf[8192];
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

typedef struct env {
  cmonty_vm *vm;
  capture out;
} env;

static void env_init(env *e) {
  memset(e, 0, sizeof *e);
  e->vm = cmonty_new(NULL, NULL);
  if (!e->vm) {
    fprintf(stderr, "cmonty_new failed\n");
    exit(1);
  }
  cmonty_set_write(e->vm, capture_write, &e->out);
}

static void env_free(env *e) { cmonty_free(e->vm); }

static cmonty_status run(env *e, const char *src) {
  e->out.len = 0;
  e->out.buf[0] = '\0';
  return cmonty_exec(e->vm, src, strlen(src), "limits.py");
}

static cmonty_limits no_limits(void) {
  cmonty_limits l;
  memset(&l, 0, sizeof l);
  return l;
}

static int within(double v, double budget, double tol) {
  return v >= budget && v <= budget * (1 + tol);
}

static int has(const char *s, const char *part) { return strstr(s, part) != NULL; }

/* ---- each limit on a runaway program ---------------------------------- */

static const char loop_src[] = "n = 0\nwhile True:\n    n += 1\n";
static const char list_bomb_src[] =
    "x = []\nwhile True:\n    x.append('abc' * 10 + str(len(x)))\n";
static const char recursion_src[] = "def f(n):\n    return f(n + 1)\nf(0)\n";

static void test_time(void) {
  env e;
  env_init(&e);
  cmonty_limits l = no_limits();
  l.max_seconds = 0.25;
  cmonty_set_limits(e.vm, &l);
  CHECK(run(&e, loop_src) == CMONTY_EXCEPTION);
  CHECK(!strcmp(cmonty_error_type(e.vm), "TimeoutError"));
  CHECK(has(cmonty_error_message(e.vm), "time limit"));
  cmonty_usage u;
  cmonty_get_usage(e.vm, &u);
  CHECK(within(u.seconds, 0.25, 0.10));
  CHECK(u.instructions > 1000);
  /* the traceback points into the loop */
  CHECK(has(cmonty_error_traceback(e.vm), "TimeoutError: time limit exceeded"));
  CHECK(has(cmonty_error_traceback(e.vm), "limits.py"));
  env_free(&e);
}

static void test_instructions(void) {
  env e;
  env_init(&e);
  cmonty_limits l = no_limits();
  l.max_instructions = 1000000;
  cmonty_set_limits(e.vm, &l);
  CHECK(run(&e, loop_src) == CMONTY_EXCEPTION);
  CHECK(!strcmp(cmonty_error_type(e.vm), "TimeoutError"));
  CHECK(has(cmonty_error_message(e.vm), "instruction limit"));
  cmonty_usage u;
  cmonty_get_usage(e.vm, &u);
  CHECK(within((double)u.instructions, 1e6, 0.10));
  /* deterministic: the same program stops at the same count */
  CHECK(run(&e, loop_src) == CMONTY_EXCEPTION);
  cmonty_usage u2;
  cmonty_get_usage(e.vm, &u2);
  CHECK(u2.instructions == u.instructions);
  /* small budgets too */
  l.max_instructions = 100;
  cmonty_set_limits(e.vm, &l);
  CHECK(run(&e, loop_src) == CMONTY_EXCEPTION);
  cmonty_get_usage(e.vm, &u);
  CHECK(within((double)u.instructions, 100, 0.10));
  env_free(&e);
}

static void test_memory(void) {
  env e;
  env_init(&e);
  cmonty_limits l = no_limits();
  l.max_memory = 8u << 20;
  cmonty_set_limits(e.vm, &l);
  CHECK(run(&e, list_bomb_src) == CMONTY_EXCEPTION);
  CHECK(!strcmp(cmonty_error_type(e.vm), "MemoryError"));
  CHECK(has(cmonty_error_message(e.vm), "memory limit"));
  CHECK(has(cmonty_error_traceback(e.vm), "MemoryError: memory limit exceeded"));
  cmonty_usage u;
  cmonty_get_usage(e.vm, &u);
  /* stopped within 10% of the budget, never above it by more */
  CHECK(u.memory_peak >= (8u << 20) * 9 / 10);
  CHECK(u.memory_peak <= (uint64_t)((8u << 20) * 1.10));
  env_free(&e);
}

static void test_allocations(void) {
  env e;
  env_init(&e);
  cmonty_limits l = no_limits();
  l.max_allocations = 50000;
  cmonty_set_limits(e.vm, &l);
  CHECK(run(&e, list_bomb_src) == CMONTY_EXCEPTION);
  CHECK(!strcmp(cmonty_error_type(e.vm), "MemoryError"));
  CHECK(has(cmonty_error_message(e.vm), "allocation limit"));
  cmonty_usage u;
  cmonty_get_usage(e.vm, &u);
  CHECK(within((double)u.allocations, 50000, 0.10));
  env_free(&e);
}

static void test_depth(void) {
  env e;
  env_init(&e);
  cmonty_limits l = no_limits();
  l.max_depth = 200;
  cmonty_set_limits(e.vm, &l);
  CHECK(run(&e, recursion_src) == CMONTY_EXCEPTION);
  CHECK(!strcmp(cmonty_error_type(e.vm), "RecursionError"));
  cmonty_usage u;
  cmonty_get_usage(e.vm, &u);
  CHECK(u.depth_peak >= 180 && u.depth_peak <= 200);
  /* a deeper budget is honoured too (past the default 1000) */
  l.max_depth = 3000;
  cmonty_set_limits(e.vm, &l);
  CHECK(run(&e, recursion_src) == CMONTY_EXCEPTION);
  cmonty_get_usage(e.vm, &u);
  CHECK(u.depth_peak >= 2700 && u.depth_peak <= 3000);
  env_free(&e);
}

/* ---- Python cannot swallow a breach ----------------------------------- */

typedef struct bomb {
  const char *name;
  const char *stmt; /* one line that breaches the limit */
  const char *type;
} bomb;

static void set_all_limits(cmonty_vm *vm, int which) {
  cmonty_limits l = no_limits();
  /* backstops, so that a broken limit fails the test instead of hanging */
  l.max_seconds = 10;
  l.max_instructions = 50000000;
  switch (which) {
    case 0: l.max_seconds = 0.05; l.max_instructions = 0; break;
    case 1: l.max_instructions = 200000; l.max_seconds = 0; break;
    case 2: l.max_memory = 4u << 20; break;
    case 3: l.max_allocations = 20000; break;
    case 4: l.max_depth = 100; break;
  }
  cmonty_set_limits(vm, &l);
}

static const bomb bombs[] = {
    {"time", "while True: pass", "TimeoutError"},
    {"instructions", "while True: pass", "TimeoutError"},
    {"memory", "x = []\n    while True: x.append([0] * 8)", "MemoryError"},
    {"allocations", "x = []\n    while True: x.append([0])", "MemoryError"},
    {"depth", "def f(): f()\n    f()", "RecursionError"},
};

/* Wrappers that try to swallow the breach; none may print "escaped". */
static const char *const swallowers[] = {
    "try:\n    %s\nexcept Exception:\n    print('escaped')\n",
    "try:\n    %s\nexcept:\n    print('escaped')\n",
    "try:\n    %s\nexcept BaseException:\n    print('escaped')\n",
    "try:\n    %s\nexcept (TimeoutError, MemoryError, RecursionError):\n"
    "    print('escaped')\n",
    /* return in finally would cancel an ordinary exception */
    "def g():\n  try:\n    %s\n  finally:\n    print('finally')\n    return 1\n"
    "g()\nprint('escaped')\n",
    /* continue in finally, in a loop */
    "for i in range(2):\n  try:\n    %s\n  finally:\n    print('finally')\n"
    "    continue\nprint('escaped')\n",
    /* a context manager that suppresses everything */
    "class S:\n  def __enter__(self): return self\n"
    "  def __exit__(self, *a):\n    print('exit')\n    return True\n"
    "with S():\n    %s\nprint('escaped')\n",
    /* a generator that catches and keeps yielding */
    "def g():\n  while True:\n    try:\n      yield 1\n      %s\n"
    "    except BaseException:\n      print('escaped')\n"
    "for _ in g(): pass\n",
};

/* Replaces "\n    " in a bomb by newline + `indent` spaces. */
static void indent_stmt(char *out, size_t cap, const char *stmt, int indent) {
  size_t n = 0;
  for (const char *p = stmt; *p && n + 16 < cap; p++) {
    if (p[0] == '\n' && !strncmp(p + 1, "    ", 4)) {
      out[n++] = '\n';
      for (int i = 0; i < indent; i++) out[n++] = ' ';
      p += 4;
    } else {
      out[n++] = *p;
    }
  }
  out[n] = '\0';
}

static void test_uncatchable(void) {
  int indents[] = {4, 4, 4, 4, 4, 4, 4, 6};
  for (size_t b = 0; b < sizeof bombs / sizeof bombs[0]; b++) {
    for (size_t s = 0; s < sizeof swallowers / sizeof swallowers[0]; s++) {
      env e;
      env_init(&e);
      set_all_limits(e.vm, (int)b);
      char stmt[256], src[1024];
      indent_stmt(stmt, sizeof stmt, bombs[b].stmt, indents[s]);
      snprintf(src, sizeof src, swallowers[s], stmt);
      cmonty_status st = run(&e, src);
      int ok = st == CMONTY_EXCEPTION &&
               !strcmp(cmonty_error_type(e.vm), bombs[b].type) &&
               !has(e.out.buf, "escaped");
      if (!ok)
        fprintf(stderr, "limit %s, swallower %zu: status %d, %s: %s; output:\n%s\n",
                bombs[b].name, s, (int)st, cmonty_error_type(e.vm),
                cmonty_error_message(e.vm), e.out.buf);
      CHECK(ok);
      /* finally blocks and __exit__ did run */
      if (s == 4 || s == 5) CHECK(has(e.out.buf, "finally"));
      if (s == 6) CHECK(has(e.out.buf, "exit"));
      env_free(&e);
    }
  }
}

/* Without a host-set max_depth, RecursionError behaves as in CPython:
   the default limit is 1000 and the error is catchable. */
static void test_default_recursion_catchable(void) {
  env e;
  env_init(&e);
  CHECK(run(&e, "def f(): f()\ntry:\n    f()\nexcept RecursionError:\n"
                "    print('caught')\n") == CMONTY_OK);
  CHECK(has(e.out.buf, "caught"));
  cmonty_usage u;
  cmonty_get_usage(e.vm, &u);
  CHECK(u.depth_peak >= 990 && u.depth_peak <= 1000);
  env_free(&e);
}

/* ---- sizes known in advance fail before allocating --------------------- */

static void test_fast_fail(void) {
  static const char *const exprs[] = {
      "'x' * 10**10",        "'ab' * (10**8)",       "2 ** 10**10",
      "[0] * 10**10",        "[0] * (10**7)",        "1 << 10**10",
      "1 << (10**8)",        "b'x' * 10**10",        "b'xy' * (10**8)",
      "(0,) * 10**10",       "(0, 1) * (10**7)",     "bytearray(10**8)",
      "bytes(10**8)",        "','.join(['abc'] * 10**6)", "10 ** (10**8)",
      "'x'.ljust(10**8)",    "'{:>100000000}'.format(1)", "'%100000000d' % 1",
      "'x' * 10**5 * 10**5",
  };
  env e;
  env_init(&e);
  cmonty_limits l = no_limits();
  l.max_memory = 4u << 20;
  cmonty_set_limits(e.vm, &l);
  for (size_t i = 0; i < sizeof exprs / sizeof exprs[0]; i++) {
    char src[256];
    snprintf(src, sizeof src, "x = %s\n", exprs[i]);
    cmonty_status st = run(&e, src);
    cmonty_usage u;
    cmonty_get_usage(e.vm, &u);
    int ok = st == CMONTY_EXCEPTION && !strcmp(cmonty_error_type(e.vm), "MemoryError") &&
             u.memory_peak <= (4u << 20) && u.seconds < 0.5;
    if (!ok)
      fprintf(stderr, "fast fail %s: status %d %s, peak %llu, %.3fs\n", exprs[i],
              (int)st, cmonty_error_type(e.vm), (unsigned long long)u.memory_peak,
              u.seconds);
    CHECK(ok);
  }
  /* within the absolute size limits but over the budget: the limit error,
     which Python cannot catch */
  CHECK(run(&e, "try:\n    x = 'x' * (64 * 2**20)\nexcept MemoryError:\n"
                "    print('escaped')\n") == CMONTY_EXCEPTION);
  CHECK(!has(e.out.buf, "escaped"));
  CHECK(has(cmonty_error_message(e.vm), "memory limit"));
  env_free(&e);
}

/* ---- the GC runs before a memory limit fails a program that fits ------- */

static void test_gc_under_limit(void) {
  env e;
  env_init(&e);
  cmonty_limits l = no_limits();
  l.max_memory = 2u << 20;
  cmonty_set_limits(e.vm, &l);
  /* ~200 MB of garbage through a 2 MiB budget */
  CHECK(run(&e, "for i in range(200000):\n    s = 'a' * 1000\nprint('done')\n") ==
        CMONTY_OK);
  CHECK(has(e.out.buf, "done"));
  /* garbage with cycles, and big garbage per instruction */
  CHECK(run(&e, "for i in range(20000):\n    a = [i]\n    b = [a]\n    a.append(b)\n"
                "for i in range(300):\n    s = 'b' * 100000\nprint('done')\n") ==
        CMONTY_OK);
  CHECK(has(e.out.buf, "done"));
  /* live data near the budget plus garbage */
  CHECK(run(&e, "keep = 'k' * (1200 * 1024)\nfor i in range(20000):\n"
                "    s = [i] * 50\nprint('done')\n") == CMONTY_OK);
  CHECK(has(e.out.buf, "done"));
  cmonty_usage u;
  cmonty_get_usage(e.vm, &u);
  CHECK(u.memory_peak <= (2u << 20));
  env_free(&e);
}

/* ---- usage ------------------------------------------------------------- */

static void test_usage_plausible(void) {
  env e;
  env_init(&e);
  cmonty_usage u;
  /* never zeros, even for a trivial program */
  CHECK(run(&e, "pass\n") == CMONTY_OK);
  cmonty_get_usage(e.vm, &u);
  CHECK(u.seconds > 0 && u.seconds < 1);
  CHECK(u.instructions > 0 && u.instructions < 100);
  CHECK(u.memory_peak > 1000);
  CHECK(u.allocations > 0);
  CHECK(u.depth_peak >= 1);

  /* more work -> more of everything */
  cmonty_usage prev;
  memset(&prev, 0, sizeof prev);
  static const int sizes[] = {100, 1000, 10000, 100000};
  for (int i = 0; i < 4; i++) {
    char src[256];
    snprintf(src, sizeof src,
             "x = []\nfor i in range(%d):\n    x.append(str(i))\n"
             "def d(n):\n    return 0 if n == 0 else d(n - 1)\nd(%d)\n",
             sizes[i], 10 + 20 * i);
    CHECK(run(&e, src) == CMONTY_OK);
    cmonty_get_usage(e.vm, &u);
    CHECK(u.instructions > prev.instructions);
    CHECK(u.instructions >= 4u * (unsigned)sizes[i]);
    CHECK(u.allocations > prev.allocations);
    CHECK(u.allocations >= (unsigned)sizes[i]);
    CHECK(u.memory_peak > prev.memory_peak);
    CHECK(u.memory_peak >= 8u * (unsigned)sizes[i]);
    CHECK(u.depth_peak == (uint32_t)(10 + 20 * i + 2));
    if (i >= 2) CHECK(u.seconds > prev.seconds);
    prev = u;
    CHECK(run(&e, "del x\n") == CMONTY_OK);
  }
  /* an exact instruction count: deterministic across runs */
  CHECK(run(&e, "for i in range(1000): pass\n") == CMONTY_OK);
  cmonty_get_usage(e.vm, &u);
  uint64_t n1 = u.instructions;
  CHECK(run(&e, "for i in range(1000): pass\n") == CMONTY_OK);
  cmonty_get_usage(e.vm, &u);
  CHECK(u.instructions == n1);
  CHECK(run(&e, "for i in range(2000): pass\n") == CMONTY_OK);
  cmonty_get_usage(e.vm, &u);
  CHECK(u.instructions > n1 + 1000 && u.instructions < 2 * n1 + 20);
  /* nested runs (a key function called by sorted, the prelude compiled
     on first use) are counted too, and the count never wraps */
  {
    cmonty_vm *fresh = cmonty_new(NULL, NULL);
    const char src2[] = "x = sorted({3, 1, 2}, key=abs)\n"
                        "y = sorted(range(1000), key=lambda v: -v)\n";
    CHECK(fresh && cmonty_exec(fresh, src2, sizeof src2 - 1, "n.py") == CMONTY_OK);
    cmonty_get_usage(fresh, &u);
    CHECK(u.instructions > 1000 && u.instructions < 1000000);
    cmonty_free(fresh);
  }
  /* NULL arguments are ignored, never a crash */
  cmonty_get_usage(e.vm, NULL);
  cmonty_get_usage(NULL, &u);
  cmonty_set_limits(e.vm, NULL);
  cmonty_set_limits(NULL, NULL);
  env_free(&e);
}

/* ---- limits and usage reset between runs ------------------------------- */

static void test_reset(void) {
  env e;
  env_init(&e);
  cmonty_limits l = no_limits();
  l.max_instructions = 100000;
  cmonty_set_limits(e.vm, &l);
  CHECK(run(&e, loop_src) == CMONTY_EXCEPTION);
  CHECK(!strcmp(cmonty_error_type(e.vm), "TimeoutError"));
  /* the next run gets a fresh budget */
  CHECK(run(&e, "for i in range(10000): pass\nprint('ok')\n") == CMONTY_OK);
  CHECK(has(e.out.buf, "ok"));
  l = no_limits();
  l.max_memory = 4u << 20;
  l.max_allocations = 60000;
  cmonty_set_limits(e.vm, &l);
  CHECK(run(&e, list_bomb_src) == CMONTY_EXCEPTION);
  CHECK(!strcmp(cmonty_error_type(e.vm), "MemoryError"));
  CHECK(run(&e, "y = [0] * 1000\nprint('ok')\n") == CMONTY_OK);
  CHECK(has(e.out.buf, "ok"));
  cmonty_usage u;
  cmonty_get_usage(e.vm, &u);
  CHECK(u.instructions < 100);
  CHECK(u.allocations < 1000);
  /* globals from the failed run survive and can be released */
  CHECK(run(&e, "del x\nprint('freed')\n") == CMONTY_OK);
  /* removing the limits lets the same work through */
  cmonty_limits none = no_limits();
  cmonty_set_limits(e.vm, &none);
  CHECK(run(&e, "n = 0\nfor i in range(300000): n += 1\nprint(n)\n") == CMONTY_OK);
  CHECK(has(e.out.buf, "300000"));
  env_free(&e);
}

/* Two interpreters with different limits do not affect each other. */
static void test_independent(void) {
  env a, b;
  env_init(&a);
  env_init(&b);
  cmonty_limits l = no_limits();
  l.max_instructions = 1000;
  cmonty_set_limits(a.vm, &l);
  CHECK(run(&a, loop_src) == CMONTY_EXCEPTION);
  CHECK(run(&b, "for i in range(5000): pass\nprint('b')\n") == CMONTY_OK);
  CHECK(has(b.out.buf, "b"));
  env_free(&a);
  env_free(&b);
}

int main(void) {
#if defined(__unix__) || defined(__APPLE__)
  alarm(300); /* a hang is a failure, not a stuck test run */
#endif
  test_time();
  test_instructions();
  test_memory();
  test_allocations();
  test_depth();
  test_uncatchable();
  test_default_recursion_catchable();
  test_fast_fail();
  test_gc_under_limit();
  test_usage_plausible();
  test_reset();
  test_independent();
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
