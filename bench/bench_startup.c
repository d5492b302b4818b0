/* Start-up cost: new interpreter + compile + run `1 + 2` + free, in-process.
   Prints `startup_us: X` (mean over many rounds). */
#include <stdio.h>
#include <string.h>
#include "cmonty.h"
#include "vm.h"

int main(void) {
  const char *src = "1 + 2";
  enum { ROUNDS = 2000 };
  /* warm-up: page in code and the allocator */
  for (int i = 0; i < 50; i++) {
    cmonty_vm *vm = cmonty_new(NULL, NULL);
    if (!vm || cmonty_exec(vm, src, strlen(src), "<bench>") != CMONTY_OK) {
      fprintf(stderr, "bench_startup: run failed\n");
      return 1;
    }
    cmonty_free(vm);
  }
  double t0 = cm_platform_now();
  for (int i = 0; i < ROUNDS; i++) {
    cmonty_vm *vm = cmonty_new(NULL, NULL);
    cmonty_exec(vm, src, strlen(src), "<bench>");
    cmonty_free(vm);
  }
  double us = (cm_platform_now() - t0) * 1e6 / ROUNDS;
  printf("startup_us: %.2f\n", us);
  return 0;
}
