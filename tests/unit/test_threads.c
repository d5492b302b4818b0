/*
** test_threads.c — two interpreters running CPU-heavy scripts at the same
** time in two threads, and two dart_monty ABI handles driven through
** start/resume loops on two threads (run under ThreadSanitizer: `make
** tsan`). The ABI is compiled in, as in test_abi.c.
*/
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "../../abi/dart_monty.c"

/* Every job starts with its outcome flag (see run_pair). */
typedef struct job {
  int ok;
  const char *src;
  const char *expr;
  const char *expect;
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

/* One MontyHandle driven to completion: host calls answered with their
   first argument doubled, OS calls with a text, name lookups with 5. */
typedef struct abi_job {
  int ok;
  int seed;
} abi_job;

static void *abi_worker(void *arg) {
  abi_job *j = arg;
  char src[512];
  snprintf(src, sizeof src,
           "from pathlib import Path\n"
           "t = 0\n"
           "for i in range(40):\n"
           "    t += double(i + %d) + len(Path('/f').read_text()) + base\n"
           "t",
           j->seed);
  char *err = NULL;
  MontyHandle *h = monty_create(src, "double", NULL, &err);
  monty_string_free(err);
  if (!h) return NULL;
  MontyProgressTag t = monty_start(h, NULL);
  int steps = 0;
  while (steps++ < 1000) {
    if (t == MONTY_PROGRESS_PENDING) {
      char *a = monty_pending_fn_args_json(h), v[32];
      long x = a ? strtol(a + 1, NULL, 10) : 0; /* "[n]" */
      monty_string_free(a);
      snprintf(v, sizeof v, "%ld", 2 * x);
      t = monty_resume(h, v, NULL);
    } else if (t == MONTY_PROGRESS_OS_CALL) {
      t = monty_resume(h, "\"abc\"", NULL);
    } else if (t == MONTY_PROGRESS_NAME_LOOKUP) {
      t = monty_resume_name_lookup_value(h, "5", NULL);
    } else {
      break;
    }
  }
  /* sum over i of 2*(i+seed) + 3 + 5 */
  long want = 0;
  for (int i = 0; i < 40; i++) want += 2L * (i + j->seed) + 8;
  char expect[64];
  snprintf(expect, sizeof expect, "{\"value\":%ld,", want);
  char *res = monty_complete_result_json(h);
  j->ok = t == MONTY_PROGRESS_COMPLETE && res && !strncmp(res, expect, strlen(expect));
  monty_string_free(res);
  monty_free(h);
  return NULL;
}

/* Runs fn on jobs[0] and jobs[1] in two threads at once, twice, adding
   their outcomes (each job's leading `ok`) to *passed / *failed. */
static void run_pair(void *(*fn)(void *), void *jobs[2], int *passed,
                     int *failed) {
  pthread_t th[2];
  for (int round = 0; round < 2; round++) {
    for (int i = 0; i < 2; i++) pthread_create(&th[i], NULL, fn, jobs[i]);
    for (int i = 0; i < 2; i++) pthread_join(th[i], NULL);
    for (int i = 0; i < 2; i++) {
      int *ok = jobs[i];
      if (*ok) ++*passed;
      else ++*failed;
      *ok = 0;
    }
  }
}

int main(void) {
  job jobs[2] = {
      {0, "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n"
       "r = fib(22)\n",
       "r", "17711"},
      {0, "t = 0\nfor i in range(200000):\n    t += i * i % 7\n"
       "s = ''.join(str(i % 10) for i in range(1000))\n"
       "r = (t, len(s), {k: k * k for k in range(5)})\n",
       "r", "(399999, 1000, {0: 0, 1: 1, 2: 4, 3: 9, 4: 16})"},
  };
  int passed = 0, failed = 0;
  run_pair(worker, (void *[2]){&jobs[0], &jobs[1]}, &passed, &failed);
  /* two dart_monty handles through start/resume loops at once */
  abi_job ajobs[2] = {{0, 1}, {0, 1000}};
  run_pair(abi_worker, (void *[2]){&ajobs[0], &ajobs[1]}, &passed, &failed);
  printf("%d passed, %d failed\n", passed, failed);
  return failed != 0;
}
