/*
** main.c — the cmonty command.
**
**   cmonty FILE.py [args...]   run a file
**   cmonty -c CODE             run a string
**   cmonty --version
**
** Output from print() is buffered and flushed at exit and before anything
** is written to stderr. An uncaught exception prints its traceback to
** stderr and exits 1; SystemExit exits with its code.
*/
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

static int run(const char *src, size_t len, const char *filename) {
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
  free(out);
  cmonty_free(vm);
  return status;
}

static int usage(void) {
  fprintf(stderr, "usage: cmonty FILE.py [args...] | -c CODE | --version\n");
  return 2;
}

int main(int argc, char **argv) {
  if (argc < 2) return usage();
  if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
    printf("cmonty %s\n", cmonty_version());
    return 0;
  }
  if (!strcmp(argv[1], "-c")) {
    if (argc < 3) return usage();
    return run(argv[2], strlen(argv[2]), "<string>");
  }
  size_t len;
  char *src = read_file(argv[1], &len);
  if (!src) {
    fprintf(stderr, "cmonty: can't open file '%s'\n", argv[1]);
    return 2;
  }
  int status = run(src, len, argv[1]);
  free(src);
  return status;
}
