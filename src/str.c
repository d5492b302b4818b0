/*
** str.c — the str type: creation, interning, hashing, printf for error
** messages, growable buffers, repr, indexing/slicing, operators, iteration
** and the str() constructor. Methods live in str_methods.c.
*/
#include <stdio.h>
#include <string.h>
#include "str.h"
#include "bytes.h"
#include "format.h"
#include "unicode.h"

/* ---- creation ---------------------------------------------------------- */

cm_str *cm_str_alloc(cm_vm *vm, size_t size, size_t len) {
  size_t extra = 0;
  if (size > CM_STR_MAXSIZE) {
    cm_raise(vm, &cm_exc_MemoryError, "");
    return NULL;
  }
  if (len != size) /* room for an aligned position cache after the data */
    extra = sizeof(cm_str_poscache) + sizeof(size_t);
  cm_str *s = cm_gc_new(vm, &cm_str_type, sizeof(cm_str) + size + 1 + extra);
  if (!s) return NULL;
  s->hash = -1;
  s->len = len;
  s->size = size;
  s->ascii = len == size;
  s->data[size] = '\0';
  if (extra) s->hdr.flags |= CM_STR_POSCACHE;
  return s;
}

/* The cache lives after data[size], aligned to size_t. */
static cm_str_poscache *poscache(cm_str *s) {
  uintptr_t p = (uintptr_t)(s->data + s->size + 1);
  p = (p + sizeof(size_t) - 1) & ~(uintptr_t)(sizeof(size_t) - 1);
  return (cm_str_poscache *)p;
}

cm_value cm_str_new_known(cm_vm *vm, const char *s, size_t size, size_t len) {
  if (len == 1 && size == 1) return cm_intern_n(vm, s, 1);
  cm_str *o = cm_str_alloc(vm, size, len);
  if (!o) return CM_ERROR;
  if (size) memcpy(o->data, s, size);
  return CM_VAL(o);
}

/* Internal constructor: the bytes must be valid UTF-8; invalid input
   raises ValueError (it is a bug in the caller, not a user error). */
cm_value cm_str_new(cm_vm *vm, const char *utf8, size_t size) {
  size_t len;
  if (!cm_utf8_validate(utf8, size, &len))
    return cm_raise(vm, &cm_exc_ValueError, "invalid UTF-8 in string");
  return cm_str_new_known(vm, utf8, size, len);
}

cm_value cm_str_from_cstr(cm_vm *vm, const char *s) {
  return cm_str_new(vm, s, strlen(s));
}

cm_value cm_str_from_cp(cm_vm *vm, uint32_t cp) {
  char tmp[4];
  size_t n = cm_utf8_encode(cp, tmp);
  return cm_str_new_known(vm, tmp, n, 1);
}

cm_value cm_str_empty(cm_vm *vm) { return cm_intern_n(vm, "", 0); }

size_t cm_utf8_count(const char *s, size_t n) {
  size_t c = 0;
  for (size_t i = 0; i < n; i++)
    c += ((unsigned char)s[i] & 0xC0) != 0x80;
  return c;
}

/* ---- code point positions ---------------------------------------------- */

static size_t scan_fwd(const char *d, size_t off, size_t count) {
  while (count--) off += cm_utf8_seqlen((unsigned char)d[off]);
  return off;
}

static size_t scan_back(const char *d, size_t off, size_t count) {
  while (count--) {
    off--;
    while (((unsigned char)d[off] & 0xC0) == 0x80) off--;
  }
  return off;
}

size_t cm_str_offset(cm_str *s, size_t i) {
  if (s->ascii || i == 0) return i;
  if (i >= s->len) return s->size;
  cm_str_poscache *pc = poscache(s);
  size_t ci = pc->index, co = pc->offset, off;
  /* start from whichever known point (0, cache, end) is nearest */
  size_t dstart = i, dend = s->len - i;
  size_t dcache = ci > i ? ci - i : i - ci;
  if (dcache <= dstart && dcache <= dend)
    off = ci > i ? scan_back(s->data, co, ci - i) : scan_fwd(s->data, co, i - ci);
  else if (dstart <= dend)
    off = scan_fwd(s->data, 0, i);
  else
    off = scan_back(s->data, s->size, dend);
  pc->index = i;
  pc->offset = off;
  return off;
}

cm_value cm_str_sub(cm_vm *vm, cm_value sv, size_t i, size_t j) {
  cm_str *s = CM_AS(cm_str, sv);
  if (i == 0 && j == s->len) return sv;
  size_t a = cm_str_offset(s, i), b = cm_str_offset(s, j);
  return cm_str_new_known(vm, s->data + a, b - a, j - i);
}

/* ---- hashing ------------------------------------------------------------ */

static uint64_t mix64(uint64_t h) {
  h ^= h >> 33;
  h *= UINT64_C(0xff51afd7ed558ccd);
  h ^= h >> 33;
  h *= UINT64_C(0xc4ceb9fe1a85ec53);
  h ^= h >> 33;
  return h;
}

/* A multiply-rotate hash over 8-byte words with a fixed key: fast and
   well-mixed, deterministic across runs and platforms (little-endian
   reads are assembled byte-wise). */
int64_t cm_hash_bytes(const void *p, size_t n) {
  const unsigned char *s = p;
  uint64_t h = UINT64_C(0x9E3779B97F4A7C15) ^ ((uint64_t)n * UINT64_C(0x100000001B3));
  while (n >= 8) {
    uint64_t k = 0;
    for (int i = 7; i >= 0; i--) k = (k << 8) | s[i];
    k *= UINT64_C(0x87c37b91114253d5);
    k = (k << 31) | (k >> 33);
    h ^= k * UINT64_C(0x4cf5ad432745937f);
    h = ((h << 27) | (h >> 37)) * 5 + 0x52dce729;
    s += 8;
    n -= 8;
  }
  uint64_t k = 0;
  for (size_t i = n; i > 0; i--) k = (k << 8) | s[i - 1];
  h ^= mix64(k + n);
  int64_t r = (int64_t)mix64(h);
  return r == -1 ? -2 : r;
}

int64_t cm_str_hash(cm_value v) {
  cm_str *s = CM_AS(cm_str, v);
  if (s->hash == -1) s->hash = cm_hash_bytes(s->data, s->size);
  return s->hash;
}

static int str_hash(cm_vm *vm, cm_value self, int64_t *out) {
  (void)vm;
  *out = cm_str_hash(self);
  return 0;
}

bool cm_str_eq(cm_value a, cm_value b) {
  if (a == b) return true;
  cm_str *x = CM_AS(cm_str, a), *y = CM_AS(cm_str, b);
  if (x->size != y->size) return false;
  if (x->hash != -1 && y->hash != -1 && x->hash != y->hash) return false;
  return memcmp(x->data, y->data, x->size) == 0;
}

/* ---- interning: a weak open-addressing set with tombstones ------------- */

#define TOMBSTONE ((cm_str *)(uintptr_t)1)

static int intern_grow(cm_vm *vm) {
  size_t oldcap = vm->interned ? vm->interned_mask + 1 : 0;
  size_t live = 0;
  for (size_t i = 0; i < oldcap; i++)
    live += vm->interned[i] && vm->interned[i] != TOMBSTONE;
  size_t cap = 64;
  while (cap < (live + 1) * 3) cap *= 2;
  cm_str **t = cm_alloc(vm, cap * sizeof(cm_str *));
  if (!t) return -1;
  memset(t, 0, cap * sizeof(cm_str *));
  for (size_t i = 0; i < oldcap; i++) {
    cm_str *s = vm->interned[i];
    if (!s || s == TOMBSTONE) continue;
    size_t j = (size_t)s->hash & (cap - 1);
    while (t[j]) j = (j + 1) & (cap - 1);
    t[j] = s;
  }
  if (vm->interned) cm_free(vm, vm->interned, oldcap * sizeof(cm_str *));
  vm->interned = t;
  vm->interned_mask = cap - 1;
  vm->interned_n = live;
  return 0;
}

/* Finds s[0..n) with hash h; returns the slot of the match, or of the
   first free slot (tombstone or empty) in *free_slot. */
static cm_str *intern_find(cm_vm *vm, const char *s, size_t n, int64_t h,
                           size_t *free_slot) {
  size_t mask = vm->interned_mask, j = (size_t)h & mask;
  size_t fs = SIZE_MAX;
  for (;;) {
    cm_str *e = vm->interned[j];
    if (!e) break;
    if (e == TOMBSTONE) {
      if (fs == SIZE_MAX) fs = j;
    } else if (e->hash == h && e->size == n && memcmp(e->data, s, n) == 0) {
      return e;
    }
    j = (j + 1) & mask;
  }
  *free_slot = fs == SIZE_MAX ? j : fs;
  return NULL;
}

static cm_value intern_insert(cm_vm *vm, const char *s, size_t n,
                              cm_value existing) {
  if (!vm->interned || (vm->interned_n + 1) * 3 > (vm->interned_mask + 1) * 2)
    if (intern_grow(vm) < 0) return CM_ERROR;
  int64_t h = cm_hash_bytes(s, n);
  size_t slot;
  cm_str *e = intern_find(vm, s, n, h, &slot);
  if (e) return CM_VAL(e);
  cm_str *o;
  if (existing != CM_NULL) {
    o = CM_AS(cm_str, existing);
  } else {
    size_t len;
    if (!cm_utf8_validate(s, n, &len))
      return cm_raise(vm, &cm_exc_ValueError, "invalid UTF-8 in string");
    o = cm_str_alloc(vm, n, len);
    if (!o) return CM_ERROR;
    memcpy(o->data, s, n);
  }
  o->hash = h;
  o->hdr.flags |= CM_STR_INTERNED;
  if (!vm->interned[slot]) vm->interned_n++;
  vm->interned[slot] = o;
  return CM_VAL(o);
}

cm_value cm_intern_n(cm_vm *vm, const char *s, size_t n) {
  if (vm->interned) {
    size_t slot;
    cm_str *e = intern_find(vm, s, n, cm_hash_bytes(s, n), &slot);
    if (e) return CM_VAL(e);
  }
  return intern_insert(vm, s, n, CM_NULL);
}

cm_value cm_intern(cm_vm *vm, const char *s) {
  return cm_intern_n(vm, s, strlen(s));
}

cm_value cm_intern_value(cm_vm *vm, cm_value str) {
  cm_str *s = CM_AS(cm_str, str);
  if (s->hdr.flags & CM_STR_INTERNED) return str;
  return intern_insert(vm, s->data, s->size, str);
}

static void str_finalize(cm_vm *vm, cm_obj *o) {
  cm_str *s = (cm_str *)o;
  if (!(s->hdr.flags & CM_STR_INTERNED) || !vm->interned) return;
  size_t mask = vm->interned_mask, j = (size_t)s->hash & mask;
  while (vm->interned[j]) {
    if (vm->interned[j] == s) {
      vm->interned[j] = TOMBSTONE;
      return;
    }
    j = (j + 1) & mask;
  }
}

void cm_str_intern_free(cm_vm *vm) {
  if (vm->interned)
    cm_free(vm, vm->interned, (vm->interned_mask + 1) * sizeof(cm_str *));
  vm->interned = NULL;
  vm->interned_n = vm->interned_mask = 0;
}

/* ---- growable buffers ---------------------------------------------------- */

int cm_buf_reserve(cm_vm *vm, cm_buf *b, size_t n) {
  if (b->len + n + 1 <= b->cap) return 0;
  size_t cap = b->cap ? b->cap : 32;
  while (cap < b->len + n + 1) {
    if (cap > SIZE_MAX / 2) {
      cm_raise_memory(vm);
      return -1;
    }
    cap *= 2;
  }
  char *d = cm_realloc(vm, b->data, b->cap, cap);
  if (!d) return -1;
  b->data = d;
  b->cap = cap;
  return 0;
}

int cm_buf_put(cm_vm *vm, cm_buf *b, const char *s, size_t n) {
  if (cm_buf_reserve(vm, b, n) < 0) return -1;
  if (n) memcpy(b->data + b->len, s, n);
  b->len += n;
  return 0;
}

int cm_buf_puts(cm_vm *vm, cm_buf *b, const char *s) {
  return cm_buf_put(vm, b, s, strlen(s));
}

int cm_buf_putc(cm_vm *vm, cm_buf *b, char c) {
  if (b->len + 2 > b->cap && cm_buf_reserve(vm, b, 1) < 0) return -1;
  b->data[b->len++] = c;
  return 0;
}

int cm_buf_put_cp(cm_vm *vm, cm_buf *b, uint32_t cp) {
  char tmp[4];
  return cm_buf_put(vm, b, tmp, cm_utf8_encode(cp, tmp));
}

int cm_buf_put_value_str(cm_vm *vm, cm_buf *b, cm_value s) {
  cm_str *o = CM_AS(cm_str, s);
  return cm_buf_put(vm, b, o->data, o->size);
}

void cm_buf_free(cm_vm *vm, cm_buf *b) {
  if (b->data) cm_free(vm, b->data, b->cap);
  b->data = NULL;
  b->len = b->cap = 0;
}

cm_value cm_buf_finish_len(cm_vm *vm, cm_buf *b, size_t len) {
  cm_value r = cm_str_new_known(vm, b->data ? b->data : "", b->len, len);
  cm_buf_free(vm, b);
  return r;
}

/* Finishing validates: buffers are filled from str pieces and encoded
   code points, so this only fails on a caller bug. */
cm_value cm_buf_finish(cm_vm *vm, cm_buf *b) {
  size_t len;
  if (!cm_utf8_validate(b->data ? b->data : "", b->len, &len)) {
    cm_buf_free(vm, b);
    return cm_raise(vm, &cm_exc_ValueError, "invalid UTF-8 in string");
  }
  return cm_buf_finish_len(vm, b, len);
}

/* ---- printf for messages ------------------------------------------------ */

static int put_value(cm_vm *vm, cm_buf *b, cm_value s, int prec) {
  if (s == CM_ERROR) return -1;
  cm_str *o = CM_AS(cm_str, s);
  size_t n = o->size;
  if (prec >= 0 && (size_t)prec < o->len) n = cm_str_offset(o, (size_t)prec);
  return cm_buf_put(vm, b, o->data, n);
}

static int put_num(cm_vm *vm, cm_buf *b, const char *fmt, ...) {
  char tmp[96];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  if (n < 0) n = 0;
  if ((size_t)n >= sizeof tmp) n = (int)sizeof tmp - 1;
  return cm_buf_put(vm, b, tmp, (size_t)n);
}

/* Integer conversions: the spec text [flags][width] is passed on to the C
   library with the right length modifier. */
static int printf_int(cm_vm *vm, cm_buf *b, const char *flags, size_t nflags,
                      int lng, int sz, char c, va_list *ap) {
  char f[32];
  if (nflags > 16) nflags = 16;
  memcpy(f, "%", 1);
  memcpy(f + 1, flags, nflags);
  const char *mod = sz ? "z" : lng == 1 ? "l" : lng >= 2 ? "ll" : "";
  snprintf(f + 1 + nflags, sizeof f - 1 - nflags, "%s%c", mod, c);
  bool sgn = c == 'd' || c == 'i';
  if (sz) return sgn ? put_num(vm, b, f, va_arg(*ap, ptrdiff_t))
                     : put_num(vm, b, f, va_arg(*ap, size_t));
  if (lng == 1) return sgn ? put_num(vm, b, f, va_arg(*ap, long))
                           : put_num(vm, b, f, va_arg(*ap, unsigned long));
  if (lng >= 2) return sgn ? put_num(vm, b, f, va_arg(*ap, long long))
                           : put_num(vm, b, f, va_arg(*ap, unsigned long long));
  return sgn ? put_num(vm, b, f, va_arg(*ap, int))
             : put_num(vm, b, f, va_arg(*ap, unsigned));
}

/* One conversion at *pp (just after '%'); advances *pp. */
static int printf_one(cm_vm *vm, cm_buf *b, const char **pp, va_list *ap) {
  const char *p = *pp, *flags = p;
  int prec = -1, lng = 0, sz = 0;
  while (*p == '-' || *p == '0' || *p == '+' || *p == ' ' || *p == '#') p++;
  while (*p >= '0' && *p <= '9') p++;
  size_t nflags = (size_t)(p - flags);
  if (*p == '.') {
    prec = 0;
    for (p++; *p >= '0' && *p <= '9'; p++) prec = prec * 10 + (*p - '0');
  }
  while (*p == 'l') { lng++; p++; }
  if (*p == 'z') { sz = 1; p++; }
  char c = *p++;
  *pp = p;
  switch (c) {
  case '%': return cm_buf_putc(vm, b, '%');
  case 'c': return cm_buf_put_cp(vm, b, (uint32_t)va_arg(*ap, int));
  case 's': {
    const char *s = va_arg(*ap, const char *);
    if (!s) s = "(null)";
    size_t n = strlen(s);
    if (prec >= 0 && (size_t)prec < n) n = (size_t)prec;
    return cm_buf_put(vm, b, s, n);
  }
  case 'd': case 'i': case 'u': case 'x': case 'X':
    return printf_int(vm, b, flags, nflags, lng, sz, c, ap);
  case 'p': return put_num(vm, b, "%p", va_arg(*ap, void *));
  case 'S': return put_value(vm, b, cm_to_str(vm, va_arg(*ap, cm_value)), prec);
  case 'R': return put_value(vm, b, cm_repr(vm, va_arg(*ap, cm_value)), prec);
  case 'U': return put_value(vm, b, va_arg(*ap, cm_value), prec);
  case 'T': {
    const char *s = cm_type_name(vm, va_arg(*ap, cm_value));
    size_t n = strlen(s);
    if (prec >= 0 && (size_t)prec < n) n = (size_t)prec;
    return cm_buf_put(vm, b, s, n);
  }
  default: /* unknown: copy verbatim so the bug is visible */
    if (cm_buf_putc(vm, b, '%') < 0) return -1;
    return cm_buf_putc(vm, b, c);
  }
}

cm_value cm_str_vprintf(cm_vm *vm, const char *fmt, va_list ap) {
  cm_buf b = {0};
  va_list aq;
  va_copy(aq, ap);
  const char *p = fmt;
  int rc = 0;
  while (*p && rc == 0) {
    const char *q = strchr(p, '%');
    size_t n = q ? (size_t)(q - p) : strlen(p);
    rc = cm_buf_put(vm, &b, p, n);
    p += n;
    if (rc == 0 && *p == '%') {
      p++;
      rc = printf_one(vm, &b, &p, &aq);
    }
  }
  va_end(aq);
  if (rc < 0) {
    cm_buf_free(vm, &b);
    return CM_ERROR;
  }
  return cm_buf_finish(vm, &b);
}

cm_value cm_str_printf(cm_vm *vm, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  cm_value r = cm_str_vprintf(vm, fmt, ap);
  va_end(ap);
  return r;
}

/* ---- repr ------------------------------------------------------------- */

static int put_escape(cm_vm *vm, cm_buf *b, uint32_t c) {
  char tmp[12];
  if (c < 0x100) snprintf(tmp, sizeof tmp, "\\x%02x", (unsigned)c);
  else if (c < 0x10000) snprintf(tmp, sizeof tmp, "\\u%04x", (unsigned)c);
  else snprintf(tmp, sizeof tmp, "\\U%08x", (unsigned)c);
  return cm_buf_puts(vm, b, tmp);
}

int cm_str_repr_buf(cm_vm *vm, cm_buf *b, cm_value sv, bool ascii_only) {
  cm_str *s = CM_AS(cm_str, sv);
  const unsigned char *d = (const unsigned char *)s->data;
  bool sq = memchr(d, '\'', s->size) != NULL;
  bool dq = memchr(d, '"', s->size) != NULL;
  char quote = sq && !dq ? '"' : '\'';
  if (cm_buf_reserve(vm, b, s->size + 2) < 0) return -1;
  cm_buf_putc(vm, b, quote);
  for (size_t i = 0; i < s->size;) {
    size_t adv;
    uint32_t c = cm_utf8_get(d + i, &adv);
    int rc = 0;
    if (c == (uint32_t)quote || c == '\\') {
      rc = cm_buf_putc(vm, b, '\\');
      if (rc == 0) rc = cm_buf_putc(vm, b, (char)c);
    } else if (c == '\n') rc = cm_buf_put(vm, b, "\\n", 2);
    else if (c == '\r') rc = cm_buf_put(vm, b, "\\r", 2);
    else if (c == '\t') rc = cm_buf_put(vm, b, "\\t", 2);
    else if (c < 0x20 || c == 0x7f) rc = put_escape(vm, b, c);
    else if (c < 0x80) rc = cm_buf_putc(vm, b, (char)c);
    else if (ascii_only || !cm_uc_isprintable(c)) rc = put_escape(vm, b, c);
    else rc = cm_buf_put(vm, b, (const char *)d + i, adv);
    if (rc < 0) return -1;
    i += adv;
  }
  return cm_buf_putc(vm, b, quote);
}

static cm_value str_repr(cm_vm *vm, cm_value self) {
  cm_buf b = {0};
  if (cm_str_repr_buf(vm, &b, self, false) < 0) {
    cm_buf_free(vm, &b);
    return CM_ERROR;
  }
  return cm_buf_finish(vm, &b);
}

cm_value cm_str_ascii_escape(cm_vm *vm, cm_value r) {
  cm_str *s = CM_AS(cm_str, r);
  if (s->ascii) return r;
  cm_buf b = {0};
  const unsigned char *d = (const unsigned char *)s->data;
  for (size_t i = 0; i < s->size;) {
    size_t adv;
    uint32_t c = cm_utf8_get(d + i, &adv);
    int rc = c < 0x80 ? cm_buf_putc(vm, &b, (char)c) : put_escape(vm, &b, c);
    if (rc < 0) {
      cm_buf_free(vm, &b);
      return CM_ERROR;
    }
    i += adv;
  }
  return cm_buf_finish_len(vm, &b, b.len);
}

static cm_value str_str(cm_vm *vm, cm_value self) {
  (void)vm;
  return self;
}

/* ---- operators ------------------------------------------------------------ */

cm_value cm_str_concat(cm_vm *vm, cm_value a, cm_value b) {
  cm_str *x = CM_AS(cm_str, a), *y = CM_AS(cm_str, b);
  if (y->size == 0) return a;
  if (x->size == 0) return b;
  if (x->size + y->size > CM_STR_MAXSIZE) return cm_raise_memory(vm);
  cm_str *r = cm_str_alloc(vm, x->size + y->size, x->len + y->len);
  if (!r) return CM_ERROR;
  memcpy(r->data, x->data, x->size);
  memcpy(r->data + x->size, y->data, y->size);
  return CM_VAL(r);
}

static cm_value str_repeat(cm_vm *vm, cm_value s, cm_value nv) {
  int64_t n;
  if (cm_is_int(nv)) n = cm_intval(nv);
  else if (cm_index_i64(vm, nv, &n) < 0) {
    if (!cm_exc_matches(vm, &cm_exc_OverflowError)) return CM_ERROR;
    cm_exc_clear(vm);
    if (cm_compare_bool(vm, CM_CMP_LT, nv, cm_mkint(0)) == 1)
      return cm_str_empty(vm);
    return cm_raise(vm, &cm_exc_OverflowError,
                    "cannot fit 'int' into an index-sized integer");
  }
  cm_str *o = CM_AS(cm_str, s);
  if (n <= 0 || o->size == 0) return cm_str_empty(vm);
  if (n == 1) return s;
  if ((uint64_t)n > (uint64_t)INT64_MAX / o->size)
    return cm_raise(vm, &cm_exc_OverflowError, "repeated string is too long");
  uint64_t total = (uint64_t)n * o->size;
  if (total > (uint64_t)CM_STR_MAXSIZE) return cm_raise_memory(vm);
  cm_str *r = cm_str_alloc(vm, (size_t)total, o->len * (size_t)n);
  if (!r) return CM_ERROR;
  /* doubling copy */
  memcpy(r->data, o->data, o->size);
  size_t done = o->size;
  while (done < total) {
    size_t k = done <= total - done ? done : (size_t)total - done;
    memcpy(r->data + done, r->data, k);
    done += k;
  }
  return CM_VAL(r);
}

static bool is_seq_count(cm_vm *vm, cm_value v) {
  return cm_is_int(v) || cm_is_intlike(vm, v);
}

static cm_value str_binop(cm_vm *vm, int op, cm_value a, cm_value b) {
  int base = op & ~CM_OP_INPLACE;
  bool sa = cm_is_str(vm, a), sb = cm_is_str(vm, b);
  switch (base) {
  case CM_OP_ADD:
    if (sa && sb) return cm_str_concat(vm, a, b);
    /* CPython's message for str + non-str; a user class keeps its chance
       at __radd__ */
    if (sa && cm_typeof(vm, b)->id != CM_T_USER)
      return cm_raise(vm, &cm_exc_TypeError,
                      "can only concatenate str (not \"%T\") to str", b);
    return CM_NOTIMPL;
  case CM_OP_MUL:
    if (sa && is_seq_count(vm, b)) return str_repeat(vm, a, b);
    if (sb && is_seq_count(vm, a)) return str_repeat(vm, b, a);
    /* built-in non-int operands: CPython's sequence message (user
       classes keep their chance at __rmul__) */
    if ((sa && cm_typeof(vm, b)->id != CM_T_USER) ||
        (sb && cm_typeof(vm, a)->id != CM_T_USER))
      return cm_raise(vm, &cm_exc_TypeError,
                      "can't multiply sequence by non-int of type '%T'",
                      sa ? b : a);
    return CM_NOTIMPL;
  case CM_OP_MOD:
    if (sa) return cm_percent_format(vm, a, b, false);
    return CM_NOTIMPL;
  default:
    return CM_NOTIMPL;
  }
}

static cm_value str_compare(cm_vm *vm, int op, cm_value a, cm_value b) {
  if (!cm_is_str(vm, a) || !cm_is_str(vm, b)) return CM_NOTIMPL;
  if (op == CM_CMP_EQ) return cm_bool(cm_str_eq(a, b));
  if (op == CM_CMP_NE) return cm_bool(!cm_str_eq(a, b));
  cm_str *x = CM_AS(cm_str, a), *y = CM_AS(cm_str, b);
  size_t n = x->size < y->size ? x->size : y->size;
  int c = memcmp(x->data, y->data, n);
  if (c == 0) c = x->size < y->size ? -1 : x->size > y->size;
  switch (op) {
  case CM_CMP_LT: return cm_bool(c < 0);
  case CM_CMP_LE: return cm_bool(c <= 0);
  case CM_CMP_GT: return cm_bool(c > 0);
  default: return cm_bool(c >= 0);
  }
}

static int64_t str_len(cm_vm *vm, cm_value self) {
  (void)vm;
  return (int64_t)CM_AS(cm_str, self)->len;
}

static int str_truthy(cm_vm *vm, cm_value self) {
  (void)vm;
  return CM_AS(cm_str, self)->size != 0;
}

static int str_contains(cm_vm *vm, cm_value self, cm_value x) {
  if (!cm_is_str(vm, x)) {
    cm_raise(vm, &cm_exc_TypeError,
             "'in <string>' requires string as left operand, not %T", x);
    return -1;
  }
  cm_str *h = CM_AS(cm_str, self), *n = CM_AS(cm_str, x);
  return cm_mem_find(h->data, h->size, n->data, n->size) >= 0;
}

/* ---- indexing and slicing ------------------------------------------------ */

/* Clamps an index value for slices: big ints saturate. */
static int slice_part(cm_vm *vm, cm_value v, int64_t *out) {
  if (cm_is_int(v)) {
    *out = cm_intval(v);
    return 0;
  }
  if (!cm_is_intlike(vm, v) && !cm_is_obj(v)) {
    /* fall through to cm_index_i64 for the message */
  }
  if (cm_index_i64(vm, v, out) == 0) return 0;
  if (!cm_exc_matches(vm, &cm_exc_OverflowError)) {
    if (cm_exc_matches(vm, &cm_exc_TypeError)) {
      cm_exc_clear(vm);
      cm_raise(vm, &cm_exc_TypeError,
               "slice indices must be integers or None or have an "
               "__index__ method");
    }
    return -1;
  }
  cm_exc_clear(vm);
  int neg = cm_compare_bool(vm, CM_CMP_LT, v, cm_mkint(0));
  if (neg < 0) return -1;
  *out = neg ? INT64_MIN / 2 : INT64_MAX / 2;
  return 0;
}

int cm_strslice_indices(cm_vm *vm, cm_value slice, int64_t len,
                        int64_t *start, int64_t *stop, int64_t *step,
                        int64_t *count) {
  cm_slice *sl = CM_AS(cm_slice, slice);
  int64_t st = 1, a, b;
  if (!cm_is_none(sl->step)) {
    if (slice_part(vm, sl->step, &st) < 0) return -1;
    if (st == 0) {
      cm_raise(vm, &cm_exc_ValueError, "slice step cannot be zero");
      return -1;
    }
  }
  int64_t lo = st < 0 ? -1 : 0, hi = st < 0 ? len - 1 : len;
  if (cm_is_none(sl->start)) a = st < 0 ? hi : lo;
  else {
    if (slice_part(vm, sl->start, &a) < 0) return -1;
    if (a < 0) { a += len; if (a < lo) a = lo; }
    else if (a > hi) a = hi;
  }
  if (cm_is_none(sl->stop)) b = st < 0 ? lo : hi;
  else {
    if (slice_part(vm, sl->stop, &b) < 0) return -1;
    if (b < 0) { b += len; if (b < lo) b = lo; }
    else if (b > hi) b = hi;
  }
  int64_t n = 0;
  if (st > 0 && a < b) n = (b - a - 1) / st + 1;
  else if (st < 0 && a > b) n = (a - b - 1) / (-st) + 1;
  *start = a; *stop = b; *step = st; *count = n;
  return 0;
}

static cm_value str_slice(cm_vm *vm, cm_value self, cm_value key) {
  cm_str *s = CM_AS(cm_str, self);
  int64_t a, b, st, n;
  if (cm_strslice_indices(vm, key, (int64_t)s->len, &a, &b, &st, &n) < 0)
    return CM_ERROR;
  if (n <= 0) return cm_str_empty(vm);
  if (st == 1) return cm_str_sub(vm, self, (size_t)a, (size_t)(a + n));
  cm_buf buf = {0};
  for (int64_t k = 0, i = a; k < n; k++, i += st) {
    size_t off = cm_str_offset(s, (size_t)i);
    size_t len = cm_utf8_seqlen((unsigned char)s->data[off]);
    if (cm_buf_put(vm, &buf, s->data + off, len) < 0) {
      cm_buf_free(vm, &buf);
      return CM_ERROR;
    }
  }
  return cm_buf_finish_len(vm, &buf, (size_t)n);
}

static cm_value str_getitem(cm_vm *vm, cm_value self, cm_value key) {
  cm_str *s = CM_AS(cm_str, self);
  int64_t i;
  if (cm_is_int(key)) i = cm_intval(key);
  else if (cm_is_obj(key) && cm_objptr(key)->type == &cm_slice_type)
    return str_slice(vm, self, key);
  else if (!cm_is_intlike(vm, key) && !cm_has_index(vm, key))
    return cm_raise(vm, &cm_exc_TypeError,
                    "string indices must be integers, not '%T'", key);
  else if (cm_index_i64(vm, key, &i) < 0) {
    if (!cm_exc_matches(vm, &cm_exc_OverflowError)) return CM_ERROR;
    cm_exc_clear(vm);
    return cm_raise(vm, &cm_exc_IndexError, "cannot fit 'int' into an "
                    "index-sized integer");
  }
  if (i < 0) i += (int64_t)s->len;
  if (i < 0 || i >= (int64_t)s->len)
    return cm_raise(vm, &cm_exc_IndexError, "string index out of range");
  if (s->ascii) return cm_intern_n(vm, s->data + i, 1);
  size_t off = cm_str_offset(s, (size_t)i);
  return cm_str_new_known(vm, s->data + off,
                          cm_utf8_seqlen((unsigned char)s->data[off]), 1);
}

/* ---- iteration ------------------------------------------------------------ */

static cm_value str_iter(cm_vm *vm, cm_value self) {
  cm_str_iter *it = cm_gc_new(vm, &cm_str_iter_type, sizeof(cm_str_iter));
  if (!it) return CM_ERROR;
  it->str = self;
  it->offset = 0;
  return CM_VAL(it);
}

static cm_value str_iternext(cm_vm *vm, cm_value self) {
  cm_str_iter *it = CM_AS(cm_str_iter, self);
  cm_str *s = CM_AS(cm_str, it->str);
  if (it->offset >= s->size) return CM_STOP;
  size_t n = cm_utf8_seqlen((unsigned char)s->data[it->offset]);
  const char *p = s->data + it->offset;
  it->offset += n;
  return cm_str_new_known(vm, p, n, 1);
}

static cm_value str_iter_self(cm_vm *vm, cm_value self) {
  (void)vm;
  return self;
}

static void str_iter_trace(cm_vm *vm, cm_obj *o) {
  cm_gc_mark_value(vm, ((cm_str_iter *)o)->str);
}

static cm_value str_iter_length_hint(cm_vm *vm, const cm_value *args,
                                     int nargs, cm_value kwnames) {
  (void)nargs; (void)kwnames;
  cm_str_iter *it = CM_AS(cm_str_iter, args[0]);
  cm_str *s = CM_AS(cm_str, it->str);
  size_t rest = it->offset >= s->size ? 0 :
      cm_utf8_count(s->data + it->offset, s->size - it->offset);
  return cm_int_from_i64(vm, (int64_t)rest);
}

static const cm_method_def str_iter_methods[] = {
  {"__length_hint__", str_iter_length_hint, 0},
  {NULL, NULL, 0}
};

/* ---- str(...) -------------------------------------------------------------- */

static cm_value str_construct(cm_vm *vm, const cm_value *args, int nargs,
                              cm_value kwnames) {
  static const char *const names[] = {"object", "encoding", "errors"};
  cm_value a[3];
  if (cm_bind_args(vm, "str", args, nargs, kwnames, names, 3, 0, 3, a) < 0)
    return CM_ERROR;
  if (a[0] == CM_NULL) {
    if (a[1] == CM_NULL && a[2] == CM_NULL) return cm_str_empty(vm);
    a[0] = CM_NULL;
  }
  if (a[1] == CM_NULL && a[2] == CM_NULL) {
    /* a user __str__ runs as a frame of the VM loop (it may pause) */
    cm_value r = cm_dunder_tail_str(vm, a[0]);
    return cm_is_null(r) ? cm_to_str(vm, a[0]) : r;
  }
  for (int i = 1; i < 3; i++)
    if (a[i] != CM_NULL && !cm_is_str(vm, a[i]))
      return cm_raise(vm, &cm_exc_TypeError,
                      "str() argument '%s' must be str, not %T",
                      names[i], a[i]);
  if (a[0] == CM_NULL) return cm_str_empty(vm);
  const uint8_t *p;
  size_t n;
  if (cm_bytes_view(vm, a[0], &p, &n))
    return cm_str_decode_bytes(vm, p, n, a[1], a[2]);
  const cm_type *t = cm_typeof(vm, a[0]);
  if (t == &cm_str_type)
    return cm_raise(vm, &cm_exc_TypeError, "decoding str is not supported");
  return cm_raise(vm, &cm_exc_TypeError,
                  "decoding to str: need a bytes-like object, %T found", a[0]);
}

/* ---- the type ------------------------------------------------------------ */

const cm_type cm_str_type = {
  .name = "str",
  .id = CM_T_STR,
  .flags = CM_TF_BASETYPE,
  .base = &cm_object_type,
  .repr = str_repr,
  .str = str_str,
  .hash = str_hash,
  .compare = str_compare,
  .binop = str_binop,
  .truthy = str_truthy,
  .len = str_len,
  .getitem = str_getitem,
  .contains = str_contains,
  .iter = str_iter,
  .construct = str_construct,
  .methods = cm_str_methods,
  .finalize = str_finalize,
};

const cm_type cm_str_iter_type = {
  .name = "str_ascii_iterator",
  .id = CM_T_STR_ITER,
  .flags = CM_TF_ITERATOR,
  .base = &cm_object_type,
  .iter = str_iter_self,
  .iternext = str_iternext,
  .methods = str_iter_methods,
  .trace = str_iter_trace,
};

/* Python-level helpers: join over iterables that may run Python code
   (generators) materializes them with list() first, which the VM runs
   without C recursion. */
const char cm_prelude_strings[] =
    "def str_join(sep, iterable):\n"
    "    return sep.join(list(iterable))\n"
    "def bytes_join(sep, iterable):\n"
    "    return sep.join(list(iterable))\n"
    "def bytes_from_iterable(iterable):\n"
    "    return bytes(list(iterable))\n"
    "def bytearray_from_iterable(iterable):\n"
    "    return bytearray(list(iterable))\n"
    "def bytearray_extend(ba, iterable):\n"
    "    ba.extend(list(iterable))\n";
