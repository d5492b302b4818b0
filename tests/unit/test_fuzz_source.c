/*
** test_fuzz_source.c — feeds random bytes and mutated test programs
** (tests/cases/ **.py) to cmonty_exec with an instruction and memory
** limit. Seeded and time-bounded; the only requirement is that nothing
** crashes (run it under ASan/UBSan) and every call returns a status.
**
**   test_fuzz_source [CASES_DIR] [SECONDS] [SEED]
*/
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cmonty.h"

typedef struct corpus {
  char **src;
  size_t *len;
  size_t n, cap;
} corpus;

static uint64_t next_rand(uint64_t *s) {
  uint64_t x = *s;
  x ^= x << 13;
  x ^= x >> 7;
  x ^= x << 17;
  return *s = x;
}

static void add_file(corpus *c, const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return;
  char *buf = malloc(1 << 16);
  size_t n = buf ? fread(buf, 1, 1 << 16, f) : 0;
  fclose(f);
  if (!buf) return;
  if (c->n == c->cap) {
    c->cap = c->cap ? c->cap * 2 : 64;
    c->src = realloc(c->src, c->cap * sizeof *c->src);
    c->len = realloc(c->len, c->cap * sizeof *c->len);
  }
  c->src[c->n] = buf;
  c->len[c->n++] = n;
}

static void walk(corpus *c, const char *dir, int depth) {
  DIR *d = opendir(dir);
  if (!d || depth > 4) {
    if (d) closedir(d);
    return;
  }
  struct dirent *e;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    struct stat st;
    if (stat(path, &st) < 0) continue;
    size_t l = strlen(path);
    if (S_ISDIR(st.st_mode)) walk(c, path, depth + 1);
    else if (l > 3 && !strcmp(path + l - 3, ".py")) add_file(c, path);
  }
  closedir(d);
}

static const char *const tokens[] = {
    "(", ")", "[", "]", "{", "}", ":", "\n", "    ", "def ", "lambda ",
    "yield ", "for ", " in ", "if ", "else", "try:", "except", "finally:",
    "*", "**", "=", ",", ".", "'", "\"", "\"\"\"", "f'{", "}'", "0x",
    "1e999", "\\", "#", "@", "->", "...", "None", "nonlocal x", "global y",
    "async ", "await ", "match x:", "case ", "class C:", "import os",
    "del ", "return", "raise", "with ", " as ", "not ", "is ", "\t",
    "\xff", "\xc3", "\x00", "99999999999999999999999999"};

/* One random mutation of buf[0..*n) (capacity cap). */
static void mutate(uint64_t *rs, char *buf, size_t *n, size_t cap) {
  size_t len = *n;
  switch (next_rand(rs) % 5) {
  case 0: /* flip bytes */
    for (int i = 0; i < 4 && len; i++)
      buf[next_rand(rs) % len] = (char)next_rand(rs);
    break;
  case 1: { /* insert a token */
    const char *t = tokens[next_rand(rs) % (sizeof tokens / sizeof *tokens)];
    size_t tl = strlen(t), at = len ? next_rand(rs) % len : 0;
    if (len + tl >= cap) break;
    memmove(buf + at + tl, buf + at, len - at);
    memcpy(buf + at, t, tl);
    *n = len + tl;
    break;
  }
  case 2: /* truncate */
    if (len) *n = next_rand(rs) % len;
    break;
  case 3: { /* delete a range */
    if (len < 2) break;
    size_t a = next_rand(rs) % len, b = a + next_rand(rs) % (len - a);
    memmove(buf + a, buf + b, len - b);
    *n = len - (b - a);
    break;
  }
  default: { /* duplicate a range */
    if (!len) break;
    size_t a = next_rand(rs) % len, l = next_rand(rs) % (len - a + 1);
    if (len + l >= cap) break;
    size_t at = next_rand(rs) % len;
    memmove(buf + at + l, buf + at, len - at);
    memmove(buf + at, buf + a + (a >= at ? l : 0), l);
    *n = len + l;
  }
  }
}

static void discard(void *ud, int stream, const char *d, size_t n) {
  (void)ud, (void)stream, (void)d, (void)n;
}

int main(int argc, char **argv) {
  const char *dir = argc > 1 ? argv[1] : NULL;
  double seconds = argc > 2 ? atof(argv[2]) : 10.0;
  uint64_t seed = argc > 3 ? strtoull(argv[3], NULL, 10) : 12345;
  if (!seed) seed = 1;
  corpus c = {0};
  const char *dirs[] = {"tests/cases", "../tests/cases", "../../tests/cases"};
  if (dir) walk(&c, dir, 0);
  for (int i = 0; i < 3 && c.n == 0; i++) walk(&c, dirs[i], 0);
  size_t cap = 1 << 17;
  char *buf = malloc(cap);
  int passed = 0, failed = 0;
  clock_t start = clock();
  cmonty_limits lim = {2.0, 200000, 64u << 20, 0, 200};
  for (long iter = 0; buf; iter++) {
    if ((double)(clock() - start) / CLOCKS_PER_SEC > seconds) break;
    size_t n;
    if (c.n == 0 || next_rand(&seed) % 8 == 0) {
      n = next_rand(&seed) % 200;
      for (size_t i = 0; i < n; i++) buf[i] = (char)next_rand(&seed);
    } else {
      size_t k = next_rand(&seed) % c.n;
      n = c.len[k] < cap / 2 ? c.len[k] : cap / 2;
      memcpy(buf, c.src[k], n);
      int m = 1 + (int)(next_rand(&seed) % 4);
      for (int i = 0; i < m; i++) mutate(&seed, buf, &n, cap);
    }
    cmonty_vm *vm = cmonty_new(NULL, NULL);
    if (!vm) { failed++; break; }
    cmonty_set_write(vm, discard, NULL);
    cmonty_set_limits(vm, &lim);
    cmonty_status st = cmonty_exec(vm, buf, n, "fuzz.py");
    if (st == CMONTY_OK || st == CMONTY_EXCEPTION) passed++;
    else failed++;
    cmonty_free(vm);
  }
  for (size_t i = 0; i < c.n; i++) free(c.src[i]);
  free(c.src);
  free(c.len);
  free(buf);
  printf("%d passed, %d failed\n", passed, failed);
  return failed != 0;
}
