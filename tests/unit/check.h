/*
** check.h — the counters and CHECK macro shared by the C test programs.
** Each program prints "N passed, N failed" last (tests/run_all.py reads
** that line) and exits nonzero when something failed.
*/
#ifndef CM_TEST_CHECK_H
#define CM_TEST_CHECK_H

#include <stdio.h>

static int passed, failed;

/* Counts cond; a failure names the file, line and condition on stderr. */
#define CHECK(cond)                                                      \
  do {                                                                   \
    if (cond) {                                                          \
      passed++;                                                          \
    } else {                                                             \
      failed++;                                                          \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__,   \
              #cond);                                                    \
    }                                                                    \
  } while (0)

#endif
