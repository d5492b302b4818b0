/*
** test_threads.c — two interpreters running CPU-heavy scripts at the same
** time in two threads (run under ThreadSanitizer: `make tsan`).
*/
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "cmonty.h"

typedef struct job {
  const char *src;
  const char *expr;
  const char *expect;
  int ok;
} job;

static void *worker(void *arg) {
  job *j = arg;
  cmonty_vm *vm = cmonty_new(NULL, NULL);
  if (!vm) return NULL;
  const char *r = NULL;
  if (cmonty_exec(vm, j->src, strlen(j->src), "job.py") == CMONTY_OK &&
      cmonty_eval_repr(vm, j->expr, strlen(j->expr), &r) == CMONTY_OK)
    j->ok = !strcmp(r, j->expect);
  else
    fprintf(stderr, "%s", cmonty_error_traceback(vm));
  cmonty_free(vm);
  return NULL;
}

int main(void) {
  job jobs[2] = {
      {"def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n"
       "r = fib(22)\n",
       "r", "17711", 0},
      {"t = 0\nfor i in range(200000):\n    t += i * i % 7\n"
       "s = ''.join(str(i % 10) for i in range(1000))\n"
       "r = (t, len(s), {k: k * k for k in range(5)})\n",
       "r", "(399999, 1000, {0: 0, 1: 1, 2: 4, 3: 9, 4: 16})", 0},
  };
  pthread_t th[2];
  int passed = 0, failed = 0;
  for (int round = 0; round < 2; round++) {
    for (int i = 0; i < 2; i++) pthread_create(&th[i], NULL, worker, &jobs[i]);
    for (int i = 0; i < 2; i++) pthread_join(th[i], NULL);
    for (int i = 0; i < 2; i++) {
      if (jobs[i].ok) passed++;
      else failed++;
      jobs[i].ok = 0;
    }
  }
  printf("%d passed, %d failed\n", passed, failed);
  return failed != 0;
}
