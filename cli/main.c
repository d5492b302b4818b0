/*
** main.c — the cmonty command.
**
**   cmonty [OPTIONS] FILE.py [args...]   run a file
**   cmonty [OPTIONS] -c CODE             run a string
**   cmonty --version | --help
**
** OPTIONS set the run's limits (--max-time, --max-memory,
** --max-instructions, --max-allocations, --max-depth) and --usage prints
** the measured resource usage to stderr after the run (see --help).
**
** Output from print() is buffered and flushed at exit and before anything
** is written to stderr. An uncaught exception prints its traceback to
** stderr and exits 1; SystemExit exits with its code.
*/
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmonty.h"

typedef struct out_buf {
  char data[1 << 16];
  size_t len;
} out_buf;

static void flush_out(out_buf *o) {
  if (o->len) fwrite(o->data, 1, o->len, stdout);
  o->len = 0;
  fflush(stdout);
}

static void on_write(void *ud, int stream, const char *data, size_t len) {
  out_buf *o = ud;
  if (stream == 2) {
    flush_out(o);
    fwrite(data, 1, len, stderr);
    return;
  }
  if (o->len + len > sizeof o->data) flush_out(o);
  if (len > sizeof o->data) {
    fwrite(data, 1, len, stdout);
    return;
  }
  memcpy(o->data + o->len, data, len);
  o->len += len;
}

/* Reads a whole file; NULL on error. */
static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  while (buf) {
    n += fread(buf + n, 1, cap - n, f);
    if (n < cap) break;
    char *nb = realloc(buf, cap * 2);
    if (!nb) {
      free(buf);
      buf = NULL;
      break;
    }
    buf = nb;
    cap *= 2;
  }
  int err = ferror(f);
  fclose(f);
  if (err) {
    free(buf);
    return NULL;
  }
  *len = n;
  return buf;
}

/* SystemExit: the exit status from its code (str(exc) is str(code)). */
static int system_exit_status(cmonty_vm *vm) {
  const char *msg = cmonty_error_message(vm);
  if (!*msg) return 0;
  char *end;
  long code = strtol(msg, &end, 10);
  if (*end == '\0') return (int)code;
  fprintf(stderr, "%s\n", msg);
  return 1;
}

typedef struct options {
  cmonty_limits limits;
  int usage; /* --usage: print usage to stderr after the run */
} options;

static void print_usage_report(cmonty_vm *vm) {
  cmonty_usage u;
  cmonty_get_usage(vm, &u);
  fprintf(stderr,
          "usage: time %.6f s, instructions %llu, memory peak %llu bytes, "
          "allocations %llu, depth peak %u\n",
          u.seconds, (unsigned long long)u.instructions,
          (unsigned long long)u.memory_peak, (unsigned long long)u.allocations,
          (unsigned)u.depth_peak);
}

static int run(const char *src, size_t len, const char *filename,
               const options *opt) {
  cmonty_vm *vm = cmonty_new(NULL, NULL);
  if (!vm) {
    fprintf(stderr, "cmonty: out of memory\n");
    return 1;
  }
  out_buf *out = malloc(sizeof *out);
  if (!out) {
    cmonty_free(vm);
    fprintf(stderr, "cmonty: out of memory\n");
    return 1;
  }
  out->len = 0;
  cmonty_set_write(vm, on_write, out);
  cmonty_set_limits(vm, &opt->limits);
  int status = 0;
  if (cmonty_exec(vm, src, len, filename) != CMONTY_OK) {
    flush_out(out);
    if (!strcmp(cmonty_error_type(vm), "SystemExit")) {
      status = system_exit_status(vm);
    } else {
      fputs(cmonty_error_traceback(vm), stderr);
      status = 1;
    }
  }
  flush_out(out);
  if (opt->usage) print_usage_report(vm);
  free(out);
  cmonty_free(vm);
  return status;
}

static const char help_text[] =
    "usage: cmonty [OPTIONS] FILE.py [args...]\n"
    "       cmonty [OPTIONS] -c CODE\n"
    "       cmonty --version | --help\n"
    "\n"
    "Limits (a breach raises an exception the script cannot catch and exits 1):\n"
    "  --max-time SECONDS       wall-clock time, e.g. 2 or 0.5 (TimeoutError)\n"
    "  --max-memory BYTES       heap bytes; suffixes K, M, G (KiB, MiB, GiB),\n"
    "                           e.g. 64M (MemoryError)\n"
    "  --max-instructions N     bytecode instructions; suffixes K, M, G\n"
    "                           (thousands, millions, billions) (TimeoutError)\n"
    "  --max-allocations N      allocations; suffixes K, M, G (MemoryError)\n"
    "  --max-depth N            Python recursion depth (RecursionError);\n"
    "                           without it the default is 1000 and\n"
    "                           RecursionError is catchable as in CPython\n"
    "  --usage                  after the run, print the measured usage (time,\n"
    "                           instructions, peak memory, allocations, peak\n"
    "                           depth) to stderr\n"
    "Each option also accepts the form --option=VALUE.\n";

static int usage(void) {
  fputs(help_text, stderr);
  return 2;
}

/* Parses a non-negative integer with an optional suffix K, M or G (a
   power of `unit`: 1024 for bytes, 1000 for counts). 0 ok, -1 bad. */
static int parse_count(const char *s, uint64_t unit, uint64_t *out) {
  if (!s || *s < '0' || *s > '9') return -1;
  errno = 0;
  char *end;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno) return -1;
  uint64_t mul = 1;
  if (*end) {
    switch (*end) {
      case 'k': case 'K': mul = unit; break;
      case 'm': case 'M': mul = unit * unit; break;
      case 'g': case 'G': mul = unit * unit * unit; break;
      default: return -1;
    }
    end++;
    /* allow "64MB", "64MiB" for bytes */
    if (unit == 1024 && (*end == 'i' || *end == 'I')) end++;
    if (unit == 1024 && (*end == 'b' || *end == 'B')) end++;
    if (*end) return -1;
  }
  if (v && mul > UINT64_MAX / v) return -1;
  *out = (uint64_t)v * mul;
  return 0;
}

static int parse_seconds(const char *s, double *out) {
  if (!s || !*s) return -1;
  errno = 0;
  char *end;
  double d = strtod(s, &end);
  if (errno || *end || !(d >= 0) || isinf(d)) return -1;
  *out = d;
  return 0;
}

/* Parses the option at argv[*i]; advances *i past its value. 1 parsed,
   0 not an option of ours, -1 bad value (message printed). */
static int parse_option(int argc, char **argv, int *i, options *opt) {
  static const char *const names[] = {"--max-time", "--max-memory",
                                      "--max-instructions", "--max-allocations",
                                      "--max-depth"};
  const char *arg = argv[*i];
  if (!strcmp(arg, "--usage")) {
    opt->usage = 1;
    return 1;
  }
  for (int k = 0; k < 5; k++) {
    size_t n = strlen(names[k]);
    if (strncmp(arg, names[k], n) != 0 || (arg[n] != '\0' && arg[n] != '='))
      continue;
    const char *val;
    if (arg[n] == '=') {
      val = arg + n + 1;
    } else {
      if (*i + 1 >= argc) {
        fprintf(stderr, "cmonty: %s needs a value\n", names[k]);
        return -1;
      }
      val = argv[++*i];
    }
    uint64_t v = 0;
    int bad = 0;
    switch (k) {
      case 0: bad = parse_seconds(val, &opt->limits.max_seconds); break;
      case 1: bad = parse_count(val, 1024, &opt->limits.max_memory); break;
      case 2: bad = parse_count(val, 1000, &opt->limits.max_instructions); break;
      case 3: bad = parse_count(val, 1000, &opt->limits.max_allocations); break;
      case 4:
        bad = parse_count(val, 1000, &v);
        if (!bad && (v == 0 || v > 1000000)) bad = -1;
        opt->limits.max_depth = (uint32_t)v;
        break;
    }
    if (bad) {
      fprintf(stderr, "cmonty: bad value for %s: '%s'\n", names[k], val);
      return -1;
    }
    return 1;
  }
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 2) return usage();
  if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
    printf("cmonty %s\n", cmonty_version());
    return 0;
  }
  if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
    fputs(help_text, stdout);
    return 0;
  }
  options opt;
  memset(&opt, 0, sizeof opt);
  int i = 1;
  while (i < argc && argv[i][0] == '-' && argv[i][1] == '-') {
    int r = parse_option(argc, argv, &i, &opt);
    if (r < 0) return 2;
    if (r == 0) {
      if (!strcmp(argv[i], "--")) {
        i++;
        break;
      }
      fprintf(stderr, "cmonty: unknown option '%s'\n", argv[i]);
      return usage();
    }
    i++;
  }
  if (i >= argc) return usage();
  if (!strcmp(argv[i], "-c")) {
    if (i + 1 >= argc) return usage();
    return run(argv[i + 1], strlen(argv[i + 1]), "<string>", &opt);
  }
  size_t len;
  char *src = read_file(argv[i], &len);
  if (!src) {
    fprintf(stderr, "cmonty: can't open file '%s'\n", argv[i]);
    return 2;
  }
  int status = run(src, len, argv[i], &opt);
  free(src);
  return status;
}
