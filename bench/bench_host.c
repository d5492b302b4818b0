/* Host-function round trips through the native API (include/cmonty.h).
   Prints:
     host_roundtrip_ns: X   one external call answered by the host inside a
                            running loop (pause -> cmonty_resume -> continue)
     host_start_ns: X       a whole run `f(1)`: start -> pause -> resume ->
                            complete
     host_loop_10k_ms: X    a loop of 10,000 host calls, total
     cpython_loop_10k_ms: X the same loop in CPython calling a Python
                            function (python3 on PATH; "n/a" without it)
   Best of several rounds. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmonty.h"
#include "vm.h"

static double loop_10k(cmonty_vm *vm, cmonty_program *prog, long *calls) {
  cmonty_progress p;
  double t0 = cm_platform_now();
  if (cmonty_start(vm, prog, NULL, 0, &p) != CMONTY_OK) return -1;
  while (p.kind == CMONTY_PROGRESS_CALL) {
    int64_t x = 0;
    cmonty_get_int(vm, cmonty_item(vm, p.args, 0), &x);
    if (cmonty_resume(vm, cmonty_int(vm, x + 1), &p) != CMONTY_OK) return -1;
    ++*calls;
  }
  double t = cm_platform_now() - t0;
  return p.kind == CMONTY_PROGRESS_COMPLETE ? t : -1;
}

int main(void) {
  cmonty_vm *vm = cmonty_new(NULL, NULL);
  const char *ext[] = {"f"};
  const char loop_src[] = "s = 0\nfor i in range(10000):\n    s += f(i)\ns\n";
  const char one_src[] = "f(1)\n";
  cmonty_program *loop = NULL, *one = NULL;
  if (!vm ||
      cmonty_compile(vm, loop_src, sizeof loop_src - 1, "bench.py", ext, 1, NULL, 0, &loop) ||
      cmonty_compile(vm, one_src, sizeof one_src - 1, "bench.py", ext, 1, NULL, 0, &one)) {
    fprintf(stderr, "bench_host: compile failed\n");
    return 1;
  }
  double best_loop = 1e9;
  for (int r = 0; r < 7; r++) {
    long calls = 0;
    double t = loop_10k(vm, loop, &calls);
    if (t < 0 || calls != 10000) {
      fprintf(stderr, "bench_host: loop run failed (%ld calls): %s\n", calls,
              cmonty_last_error(vm));
      return 1;
    }
    if (t < best_loop) best_loop = t;
  }
  double best_one = 1e9;
  enum { N = 20000 };
  for (int r = 0; r < 5; r++) {
    double t0 = cm_platform_now();
    for (int i = 0; i < N; i++) {
      cmonty_progress p;
      if (cmonty_start(vm, one, NULL, 0, &p) != CMONTY_OK ||
          p.kind != CMONTY_PROGRESS_CALL ||
          cmonty_resume(vm, cmonty_int(vm, 2), &p) != CMONTY_OK ||
          p.kind != CMONTY_PROGRESS_COMPLETE) {
        fprintf(stderr, "bench_host: start/resume failed\n");
        return 1;
      }
    }
    double t = (cm_platform_now() - t0) / N;
    if (t < best_one) best_one = t;
  }
  printf("host_roundtrip_ns: %.1f\n", best_loop * 1e9 / 10000);
  printf("host_start_ns: %.1f\n", best_one * 1e9);
  printf("host_loop_10k_ms: %.3f\n", best_loop * 1e3);
  /* CPython: the same loop calling a Python function */
  FILE *py = popen("python3 -c \"import time\n"
                   "def f(x): return x + 1\n"
                   "best = 1e9\n"
                   "for r in range(7):\n"
                   "    t0 = time.perf_counter(); s = 0\n"
                   "    for i in range(10000): s += f(i)\n"
                   "    best = min(best, time.perf_counter() - t0)\n"
                   "print('%.3f' % (best * 1e3))\" 2>/dev/null", "r");
  char buf[64] = "";
  if (!py || !fgets(buf, sizeof buf, py) || !buf[0]) snprintf(buf, sizeof buf, "n/a\n");
  if (py) pclose(py);
  printf("cpython_loop_10k_ms: %s", buf);
  cmonty_program_free(vm, loop);
  cmonty_program_free(vm, one);
  cmonty_free(vm);
  return 0;
}
