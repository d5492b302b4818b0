/*
** platform.c — the only file that talks to the operating system: a
** monotonic clock for the time limit. Everything else is plain ISO C.
*/
#if defined(_WIN32)
#include <windows.h>
#elif defined(__EMSCRIPTEN__)
#include <emscripten.h>
#else
#define _POSIX_C_SOURCE 199309L
#include <time.h>
#endif

#include "vm.h"

double cm_platform_now(void) {
#if defined(_WIN32)
  LARGE_INTEGER f, c;
  QueryPerformanceFrequency(&f);
  QueryPerformanceCounter(&c);
  return (double)c.QuadPart / (double)f.QuadPart;
#elif defined(__EMSCRIPTEN__)
  return emscripten_get_now() / 1000.0;
#else
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
#endif
}
