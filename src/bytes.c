/*
** bytes.c — bytes (immutable) and bytearray (mutable), their iterator,
** and the decoders (utf-8, ascii, latin-1).
**
** Most methods are written once over a (pointer, length) view and build
** their result with the receiver's type (bytes methods return bytes,
** bytearray methods return bytearray).
*/
#include <stdio.h>
#include <string.h>
#include "bytes.h"
#include "format.h"
#include "str.h"
#include "unicode.h"

#define MAXSIZE CM_STR_MAXSIZE

/* ---- creation and views ------------------------------------------------ */

cm_bytes *cm_bytes_alloc(cm_vm *vm, size_t n) {
  if (n > MAXSIZE) {
    cm_raise_memory(vm);
    return NULL;
  }
  cm_bytes *b = cm_gc_new(vm, &cm_bytes_type, sizeof(cm_bytes) + n + 1);
  if (!b) return NULL;
  b->hash = -1;
  b->size = n;
  b->data[n] = 0;
  return b;
}

cm_value cm_bytes_new(cm_vm *vm, const void *p, size_t n) {
  cm_bytes *b = cm_bytes_alloc(vm, n);
  if (!b) return CM_ERROR;
  if (n) memcpy(b->data, p, n);
  return CM_VAL(b);
}

cm_value cm_bytes_from_buf(cm_vm *vm, cm_buf *b) {
  cm_value r = cm_bytes_new(vm, b->data, b->len);
  cm_buf_free(vm, b);
  return r;
}

static bool is_bytearray(cm_value v) {
  return cm_is_obj(v) && cm_objptr(v)->type == &cm_bytearray_type;
}

bool cm_bytes_view(cm_vm *vm, cm_value v, const uint8_t **p, size_t *n) {
  (void)vm;
  if (!cm_is_obj(v)) return false;
  const cm_type *t = cm_objptr(v)->type;
  if (t == &cm_bytes_type) {
    *p = CM_AS(cm_bytes, v)->data;
    *n = CM_AS(cm_bytes, v)->size;
    return true;
  }
  if (t == &cm_bytearray_type) {
    static const uint8_t empty[1] = {0};
    cm_bytearray *a = CM_AS(cm_bytearray, v);
    *p = a->data ? a->data : empty;
    *n = a->size;
    return true;
  }
  return false;
}

static cm_value bytearray_new(cm_vm *vm, const void *p, size_t n) {
  cm_bytearray *a = cm_gc_new(vm, &cm_bytearray_type, sizeof(cm_bytearray));
  if (!a) return CM_ERROR;
  if (n) {
    if (n > MAXSIZE) return cm_raise_memory(vm);
    a->data = cm_alloc(vm, n);
    if (!a->data) return CM_ERROR;
    memcpy(a->data, p, n);
    a->cap = a->size = n;
  }
  return CM_VAL(a);
}

/* A result of the same type as `like`. */
static cm_value mk(cm_vm *vm, cm_value like, const void *p, size_t n) {
  return is_bytearray(like) ? bytearray_new(vm, p, n) : cm_bytes_new(vm, p, n);
}

static cm_value mk_buf(cm_vm *vm, cm_value like, cm_buf *b) {
  cm_value r = mk(vm, like, b->data, b->len);
  cm_buf_free(vm, b);
  return r;
}

#define VIEW(v, p, n)                                                        \
  const uint8_t *p = NULL;                                                   \
  size_t n = 0;                                                              \
  cm_bytes_view(vm, v, &p, &n)

static int need_view(cm_vm *vm, cm_value v, const uint8_t **p, size_t *n) {
  if (cm_bytes_view(vm, v, p, n)) return 0;
  cm_raise(vm, &cm_exc_TypeError, "a bytes-like object is required, not '%T'",
           v);
  return -1;
}

/* ---- repr ----------------------------------------------------------------- */

/* bytearray's repr escapes ' even inside "..." (CPython does). */
static int repr_body(cm_vm *vm, cm_buf *b, const uint8_t *p, size_t n,
                     bool ba) {
  bool sq = memchr(p, '\'', n) != NULL, dq = memchr(p, '"', n) != NULL;
  char quote = sq && !dq ? '"' : '\'';
  if (cm_buf_putc(vm, b, 'b') < 0 || cm_buf_putc(vm, b, quote) < 0) return -1;
  for (size_t i = 0; i < n; i++) {
    uint8_t c = p[i];
    char tmp[5];
    int rc;
    if (c == quote || c == '\\' || (ba && c == '\'')) {
      tmp[0] = '\\', tmp[1] = (char)c;
      rc = cm_buf_put(vm, b, tmp, 2);
    } else if (c == '\t') rc = cm_buf_put(vm, b, "\\t", 2);
    else if (c == '\n') rc = cm_buf_put(vm, b, "\\n", 2);
    else if (c == '\r') rc = cm_buf_put(vm, b, "\\r", 2);
    else if (c < 32 || c >= 127) {
      snprintf(tmp, sizeof tmp, "\\x%02x", c);
      rc = cm_buf_put(vm, b, tmp, 4);
    } else rc = cm_buf_putc(vm, b, (char)c);
    if (rc < 0) return -1;
  }
  return cm_buf_putc(vm, b, quote);
}

int cm_bytes_repr_buf(cm_vm *vm, cm_buf *b, const uint8_t *p, size_t n) {
  return repr_body(vm, b, p, n, false);
}

static cm_value bytes_repr(cm_vm *vm, cm_value self) {
  VIEW(self, p, n);
  cm_buf b = {0};
  bool ba = is_bytearray(self);
  int rc = ba ? cm_buf_puts(vm, &b, "bytearray(") : 0;
  if (rc == 0) rc = repr_body(vm, &b, p, n, ba);
  if (rc == 0 && ba) rc = cm_buf_putc(vm, &b, ')');
  if (rc < 0) {
    cm_buf_free(vm, &b);
    return CM_ERROR;
  }
  return cm_buf_finish_len(vm, &b, b.len);
}

/* ---- hash, compare, len, truthiness ------------------------------------------ */

static int bytes_hash(cm_vm *vm, cm_value self, int64_t *out) {
  (void)vm;
  cm_bytes *b = CM_AS(cm_bytes, self);
  if (b->hash == -1) b->hash = cm_hash_bytes(b->data, b->size);
  *out = b->hash;
  return 0;
}

static cm_value bytes_compare(cm_vm *vm, int op, cm_value a, cm_value b) {
  const uint8_t *p, *q;
  size_t n, m;
  if (!cm_bytes_view(vm, a, &p, &n) || !cm_bytes_view(vm, b, &q, &m))
    return CM_NOTIMPL;
  if (op == CM_CMP_EQ || op == CM_CMP_NE) {
    bool eq = n == m && (n == 0 || memcmp(p, q, n) == 0);
    return cm_bool(op == CM_CMP_EQ ? eq : !eq);
  }
  size_t k = n < m ? n : m;
  int c = k ? memcmp(p, q, k) : 0;
  if (c == 0) c = n < m ? -1 : n > m;
  switch (op) {
  case CM_CMP_LT: return cm_bool(c < 0);
  case CM_CMP_LE: return cm_bool(c <= 0);
  case CM_CMP_GT: return cm_bool(c > 0);
  default: return cm_bool(c >= 0);
  }
}

static int64_t bytes_len(cm_vm *vm, cm_value self) {
  VIEW(self, p, n);
  (void)p;
  return (int64_t)n;
}

static int bytes_truthy(cm_vm *vm, cm_value self) {
  return bytes_len(vm, self) != 0;
}

/* ---- operators ---------------------------------------------------------------- */

static int get_count(cm_vm *vm, cm_value v, int64_t *n) {
  if (cm_is_int(v)) {
    *n = cm_intval(v);
    return 0;
  }
  if (cm_index_i64(vm, v, n) == 0) return 0;
  if (cm_exc_matches(vm, &cm_exc_OverflowError)) {
    cm_exc_clear(vm);
    cm_raise(vm, &cm_exc_OverflowError,
             "cannot fit 'int' into an index-sized integer");
  }
  return -1;
}

static cm_value repeat(cm_vm *vm, cm_value s, cm_value nv) {
  int64_t k;
  if (get_count(vm, nv, &k) < 0) return CM_ERROR;
  VIEW(s, p, n);
  if (k < 0) k = 0;
  if (n && (uint64_t)k > MAXSIZE / n) return cm_raise_memory(vm);
  cm_buf b = {0};
  if (cm_buf_reserve(vm, &b, n * (size_t)k) < 0) return CM_ERROR;
  for (int64_t i = 0; i < k; i++) cm_buf_put(vm, &b, (const char *)p, n);
  return mk_buf(vm, s, &b);
}

static int ba_extend_view(cm_vm *vm, cm_bytearray *a, const uint8_t *p,
                          size_t n);

static cm_value bytes_binop(cm_vm *vm, int op, cm_value a, cm_value b) {
  int base = op & ~CM_OP_INPLACE;
  const uint8_t *p, *q;
  size_t n, m;
  bool va = cm_bytes_view(vm, a, &p, &n), vb = cm_bytes_view(vm, b, &q, &m);
  switch (base) {
  case CM_OP_ADD:
    if (va && vb) {
      if (op & CM_OP_INPLACE && is_bytearray(a)) {
        if (ba_extend_view(vm, CM_AS(cm_bytearray, a), q, m) < 0)
          return CM_ERROR;
        return a;
      }
      if (n + m > MAXSIZE) return cm_raise_memory(vm);
      cm_buf buf = {0};
      if (cm_buf_put(vm, &buf, (const char *)p, n) < 0 ||
          cm_buf_put(vm, &buf, (const char *)q, m) < 0) {
        cm_buf_free(vm, &buf);
        return CM_ERROR;
      }
      return mk_buf(vm, a, &buf);
    }
    if (va)
      return cm_raise(vm, &cm_exc_TypeError, "can't concat %T to %T", b, a);
    return CM_NOTIMPL;
  case CM_OP_MUL:
    if (va && cm_is_intlike(vm, b)) return repeat(vm, a, b);
    if (vb && cm_is_intlike(vm, a)) return repeat(vm, b, a);
    if ((va && !cm_is_intlike(vm, b) && cm_typeof(vm, b)->id != CM_T_USER) ||
        (vb && !cm_is_intlike(vm, a) && cm_typeof(vm, a)->id != CM_T_USER))
      return cm_raise(vm, &cm_exc_TypeError,
                      "can't multiply sequence by non-int of type '%T'",
                      va ? b : a);
    return CM_NOTIMPL;
  case CM_OP_MOD:
    if (va) return cm_percent_format(vm, a, b, true);
    return CM_NOTIMPL;
  default:
    return CM_NOTIMPL;
  }
}

static int bytes_contains(cm_vm *vm, cm_value self, cm_value x) {
  VIEW(self, p, n);
  const uint8_t *q;
  size_t m;
  if (cm_bytes_view(vm, x, &q, &m))
    return cm_mem_find((const char *)p, n, (const char *)q, m) >= 0;
  if (!cm_is_intlike(vm, x)) {
    cm_raise(vm, &cm_exc_TypeError,
             "a bytes-like object is required, not '%T'", x);
    return -1;
  }
  int64_t v;
  if (cm_index_i64(vm, x, &v) < 0 || v < 0 || v > 255) {
    if (cm_exc_matches(vm, &cm_exc_OverflowError) || vm->exc == CM_NULL) {
      cm_exc_clear(vm);
      cm_raise(vm, &cm_exc_ValueError, "byte must be in range(0, 256)");
    }
    return -1;
  }
  return n && memchr(p, (int)v, n) != NULL;
}

/* ---- indexing ------------------------------------------------------------------- */

static int norm_index(cm_vm *vm, cm_value key, size_t n, int64_t *i,
                      const char *what) {
  if (!cm_is_intlike(vm, key) && !cm_is_int(key) && !cm_has_index(vm, key)) {
    cm_raise(vm, &cm_exc_TypeError, "%s indices must be integers or slices, "
             "not %T", what, key);
    return -1;
  }
  if (get_count(vm, key, i) < 0) return -1;
  if (*i < 0) *i += (int64_t)n;
  if (*i < 0 || *i >= (int64_t)n) {
    cm_raise(vm, &cm_exc_IndexError, "%s", what);
    return -1;
  }
  return 0;
}

static bool is_slice(cm_value v) {
  return cm_is_obj(v) && cm_objptr(v)->type == &cm_slice_type;
}

static cm_value bytes_getitem(cm_vm *vm, cm_value self, cm_value key) {
  VIEW(self, p, n);
  const char *what = is_bytearray(self) ? "bytearray index out of range"
                                        : "index out of range";
  if (is_slice(key)) {
    int64_t a, b, st, cnt;
    if (cm_strslice_indices(vm, key, (int64_t)n, &a, &b, &st, &cnt) < 0)
      return CM_ERROR;
    if (st == 1) return mk(vm, self, p + (cnt > 0 ? a : 0), cnt > 0 ? (size_t)cnt : 0);
    cm_buf buf = {0};
    if (cm_buf_reserve(vm, &buf, (size_t)cnt) < 0) return CM_ERROR;
    for (int64_t k = 0, i = a; k < cnt; k++, i += st) buf.data[buf.len++] = (char)p[i];
    return mk_buf(vm, self, &buf);
  }
  int64_t i;
  if (norm_index(vm, key, n, &i, what) < 0) {
    if (!is_bytearray(self) && cm_exc_matches(vm, &cm_exc_TypeError)) {
      cm_exc_clear(vm);
      return cm_raise(vm, &cm_exc_TypeError, "byte indices must be integers "
                      "or slices, not %T", key);
    }
    return CM_ERROR;
  }
  return cm_mkint(p[i]);
}

/* ---- iteration ------------------------------------------------------------------- */

static cm_value bytes_iter(cm_vm *vm, cm_value self) {
  cm_bytes_iter *it = cm_gc_new(vm, &cm_bytes_iter_type, sizeof(cm_bytes_iter));
  if (!it) return CM_ERROR;
  it->seq = self;
  return CM_VAL(it);
}

static cm_value bytes_iternext(cm_vm *vm, cm_value self) {
  cm_bytes_iter *it = CM_AS(cm_bytes_iter, self);
  VIEW(it->seq, p, n);
  if (it->index >= n) return CM_STOP;
  return cm_mkint(p[it->index++]);
}

static cm_value iter_self(cm_vm *vm, cm_value self) {
  (void)vm;
  return self;
}

static void bytes_iter_trace(cm_vm *vm, cm_obj *o) {
  cm_gc_mark_value(vm, ((cm_bytes_iter *)o)->seq);
}

/* ---- decoding ---------------------------------------------------------------------- */

static int decode_error(cm_vm *vm, const char *codec, const uint8_t *p,
                        size_t pos, size_t badlen, size_t n, const char *why) {
  if (badlen <= 1)
    cm_raise(vm, &cm_exc_UnicodeDecodeError, "'%s' codec can't decode byte "
             "0x%02x in position %zu: %s", codec, (unsigned)p[pos], pos, why);
  else
    cm_raise(vm, &cm_exc_UnicodeDecodeError, "'%s' codec can't decode bytes "
             "in position %zu-%zu: %s", codec, pos, pos + badlen - 1, why);
  (void)n;
  return -1;
}

/* The reason CPython gives for a bad UTF-8 sequence at p[i]. */
static const char *utf8_reason(const uint8_t *p, size_t i, size_t badlen,
                               size_t n) {
  uint8_t c = p[i];
  if (c < 0xC2 || c > 0xF4) return "invalid start byte";
  if (i + badlen >= n) return "unexpected end of data";
  return "invalid continuation byte";
}

static cm_value decode_utf8(cm_vm *vm, const uint8_t *p, size_t n, int errors) {
  size_t badlen, first = cm_utf8_first_invalid((const char *)p, n, &badlen);
  if (first == n) return cm_str_new(vm, (const char *)p, n);
  cm_buf b = {0};
  size_t i = 0;
  while (i < n) {
    size_t bad = cm_utf8_first_invalid((const char *)p + i, n - i, &badlen);
    if (cm_buf_put(vm, &b, (const char *)p + i, bad) < 0) goto fail;
    i += bad;
    if (i >= n) break;
    if (errors <= 0 || errors > 3) {
      decode_error(vm, "utf-8", p, i, badlen, n, utf8_reason(p, i, badlen, n));
      goto fail;
    }
    if (errors == 2 && cm_buf_put_cp(vm, &b, 0xFFFD) < 0) goto fail;
    if (errors == 3) {
      for (size_t k = 0; k < badlen; k++) {
        char tmp[8];
        snprintf(tmp, sizeof tmp, "\\x%02x", p[i + k]);
        if (cm_buf_puts(vm, &b, tmp) < 0) goto fail;
      }
    }
    i += badlen ? badlen : 1;
  }
  return cm_buf_finish(vm, &b);
fail:
  cm_buf_free(vm, &b);
  return CM_ERROR;
}

static cm_value decode_narrow(cm_vm *vm, const uint8_t *p, size_t n,
                              bool ascii, int errors) {
  cm_buf b = {0};
  size_t len = 0;
  for (size_t i = 0; i < n; i++) {
    int rc = 0;
    if (p[i] < 0x80 || !ascii) {
      rc = cm_buf_put_cp(vm, &b, p[i]);
      len++;
    } else if (errors == 1) {
      continue; /* ignore */
    } else if (errors == 2) {
      rc = cm_buf_put_cp(vm, &b, 0xFFFD);
      len++;
    } else if (errors == 3) {
      char tmp[8];
      snprintf(tmp, sizeof tmp, "\\x%02x", p[i]);
      rc = cm_buf_puts(vm, &b, tmp);
      len += 4;
    } else {
      cm_buf_free(vm, &b);
      decode_error(vm, "ascii", p, i, 1, n, "ordinal not in range(128)");
      return CM_ERROR;
    }
    if (rc < 0) {
      cm_buf_free(vm, &b);
      return CM_ERROR;
    }
  }
  return cm_buf_finish_len(vm, &b, len);
}

cm_value cm_str_decode_bytes(cm_vm *vm, const uint8_t *p, size_t n,
                             cm_value encoding, cm_value errors) {
  int codec = 0, err = 0;
  if (encoding != CM_NULL) {
    codec = cm_codec_lookup(cm_str_cstr(encoding));
    if (codec < 0)
      return cm_raise(vm, &cm_exc_LookupError, "unknown encoding: %U",
                      encoding);
  }
  /* an unknown handler only matters once an error occurs */
  if (errors != CM_NULL) err = cm_errors_lookup(cm_str_cstr(errors));
  cm_value r = codec == 0 ? decode_utf8(vm, p, n, err)
                          : decode_narrow(vm, p, n, codec == 1, err);
  if (r == CM_ERROR && err < 0 &&
      cm_exc_matches(vm, &cm_exc_UnicodeDecodeError)) {
    cm_exc_clear(vm);
    return cm_raise(vm, &cm_exc_LookupError, "unknown error handler name "
                    "'%U'", errors);
  }
  return r;
}

static cm_value bytes_decode(cm_vm *vm, const cm_value *args, int nargs,
                             cm_value kw) {
  static const char *const names[] = {"encoding", "errors"};
  cm_value a[2];
  if (cm_bind_args(vm, "decode", args + 1, nargs - 1, kw, names, 2, 0, 2, a) < 0)
    return CM_ERROR;
  for (int i = 0; i < 2; i++)
    if (a[i] != CM_NULL && !cm_is_str(vm, a[i]))
      return cm_raise(vm, &cm_exc_TypeError,
                      "decode() argument '%s' must be str, not %T", names[i],
                      a[i]);
  VIEW(args[0], p, n);
  return cm_str_decode_bytes(vm, p, n, a[0], a[1]);
}

/* ---- construction ------------------------------------------------------------------ */

/* Appends the ints of a list/tuple as bytes. */
static int ints_to_buf(cm_vm *vm, const cm_value *items, size_t n,
                       cm_buf *b, bool ba) {
  if (cm_buf_reserve(vm, b, n) < 0) return -1;
  for (size_t i = 0; i < n; i++) {
    int64_t v;
    cm_value x = items[i];
    if (!cm_is_int(x) && !cm_is_intlike(vm, x)) {
      cm_raise(vm, &cm_exc_TypeError,
               "'%T' object cannot be interpreted as an integer", x);
      return -1;
    }
    if (cm_index_i64(vm, x, &v) < 0 || v < 0 || v > 255) {
      cm_exc_clear(vm);
      cm_raise(vm, &cm_exc_ValueError, ba ? "byte must be in range(0, 256)"
                                          : "bytes must be in range(0, 256)");
      return -1;
    }
    b->data[b->len++] = (char)v;
  }
  return 0;
}

/* bytes/bytearray(source, encoding, errors) contents into b.
   Returns 1 when a prelude tail call is needed (iterable runs Python). */
static int construct_into(cm_vm *vm, const char *tname, cm_value *a,
                          cm_buf *b) {
  cm_value src = a[0];
  if (src == CM_NULL) {
    if (a[1] != CM_NULL || a[2] != CM_NULL) {
      cm_raise(vm, &cm_exc_TypeError, a[1] != CM_NULL ?
               "encoding without a string argument" :
               "errors without a string argument");
      return -1;
    }
    return 0;
  }
  if (cm_is_str(vm, src)) {
    if (a[1] == CM_NULL) {
      cm_raise(vm, &cm_exc_TypeError, "string argument without an encoding");
      return -1;
    }
    cm_value r = cm_str_encode(vm, src, a[1], a[2]);
    if (r == CM_ERROR) return -1;
    return cm_buf_put(vm, b, (const char *)CM_AS(cm_bytes, r)->data,
                      CM_AS(cm_bytes, r)->size);
  }
  if (a[1] != CM_NULL || a[2] != CM_NULL) {
    cm_raise(vm, &cm_exc_TypeError, a[1] != CM_NULL ?
             "encoding without a string argument" :
             "errors without a string argument");
    return -1;
  }
  const uint8_t *p;
  size_t n;
  if (cm_bytes_view(vm, src, &p, &n)) return cm_buf_put(vm, b, (const char *)p, n);
  if (cm_is_int(src) || cm_is_intlike(vm, src)) {
    int64_t k;
    if (get_count(vm, src, &k) < 0) return -1;
    if (k < 0) {
      cm_raise(vm, &cm_exc_ValueError, "negative count");
      return -1;
    }
    if ((uint64_t)k > MAXSIZE) {
      cm_raise_memory(vm);
      return -1;
    }
    if (cm_buf_reserve(vm, b, (size_t)k) < 0) return -1;
    memset(b->data, 0, (size_t)k);
    b->len = (size_t)k;
    return 0;
  }
  const cm_type *t = cm_typeof(vm, src);
  if (t == &cm_list_type)
    return ints_to_buf(vm, CM_AS(cm_list, src)->items, CM_AS(cm_list, src)->n, b,
                       !strcmp(tname, "bytearray"));
  if (t == &cm_tuple_type)
    return ints_to_buf(vm, CM_AS(cm_tuple, src)->items, CM_AS(cm_tuple, src)->n, b,
                       !strcmp(tname, "bytearray"));
  if (!t->iter && !t->getitem) {
    cm_raise(vm, &cm_exc_TypeError, "cannot convert '%T' object to %s", src,
             tname);
    return -1;
  }
  cm_value list = cm_list_from_iterable_native(vm, src);
  if (list == CM_ERROR) return -1;
  if (list == CM_NULL) return 1;
  return ints_to_buf(vm, CM_AS(cm_list, list)->items, CM_AS(cm_list, list)->n, b,
                     !strcmp(tname, "bytearray"));
}

static cm_value construct(cm_vm *vm, const char *tname, const cm_value *args,
                          int nargs, cm_value kw, bool ba) {
  static const char *const names[] = {"source", "encoding", "errors"};
  cm_value a[3];
  if (cm_bind_args(vm, tname, args, nargs, kw, names, 3, 0, 3, a) < 0)
    return CM_ERROR;
  for (int i = 1; i < 3; i++)
    if (a[i] != CM_NULL && !cm_is_str(vm, a[i]))
      return cm_raise(vm, &cm_exc_TypeError, "%s() argument '%s' must be str,"
                      " not %T", tname, names[i], a[i]);
  if (!ba && a[0] != CM_NULL && cm_is_bytes(vm, a[0]) && a[1] == CM_NULL)
    return a[0];
  cm_buf b = {0};
  int rc = construct_into(vm, tname, a, &b);
  if (rc < 0) {
    cm_buf_free(vm, &b);
    return CM_ERROR;
  }
  if (rc == 1) { /* bytes(generator): materialize in Python, come back */
    cm_buf_free(vm, &b);
    cm_value f = cm_prelude(vm, ba ? "bytearray_from_iterable"
                                   : "bytes_from_iterable");
    if (f == CM_ERROR) return CM_ERROR;
    cm_value t = cm_tuple_from(vm, a, 1);
    if (t == CM_ERROR) return CM_ERROR;
    return cm_tailcall(vm, f, t, CM_NULL);
  }
  cm_value r = ba ? bytearray_new(vm, b.data, b.len) : cm_bytes_new(vm, b.data, b.len);
  cm_buf_free(vm, &b);
  return r;
}

static cm_value bytes_construct(cm_vm *vm, const cm_value *args, int nargs,
                                cm_value kw) {
  return construct(vm, "bytes", args, nargs, kw, false);
}

static cm_value bytearray_construct(cm_vm *vm, const cm_value *args,
                                    int nargs, cm_value kw) {
  return construct(vm, "bytearray", args, nargs, kw, true);
}

/* ---- methods shared by bytes and bytearray --------------------------------------------- */

static int no_kw(cm_vm *vm, const char *name, cm_value kw) {
  if (kw != CM_NULL && CM_AS(cm_tuple, kw)->n > 0) {
    cm_raise(vm, &cm_exc_TypeError, "%s() takes no keyword arguments", name);
    return -1;
  }
  return 0;
}

static int nargs_range(cm_vm *vm, const char *name, int nargs, cm_value kw,
                       int min, int max) {
  if (no_kw(vm, name, kw) < 0) return -1;
  nargs--;
  if (nargs < min || nargs > max) {
    if (nargs < min)
      cm_raise(vm, &cm_exc_TypeError, "%s expected at least %d argument%s, got %d",
               name, min, min == 1 ? "" : "s", nargs);
    else
      cm_raise(vm, &cm_exc_TypeError, "%s expected at most %d argument%s, got %d",
               name, max, max == 1 ? "" : "s", nargs);
    return -1;
  }
  return 0;
}

/* A method that takes no arguments (CPython's METH_NOARGS messages). */
static int no_args(cm_vm *vm, cm_value self, const char *name, int nargs,
                   cm_value kw) {
  const char *tn =
      cm_type_is_sub(cm_typeof(vm, self), &cm_bytearray_type) ? "bytearray" : "bytes";
  if (kw != CM_NULL && CM_AS(cm_tuple, kw)->n > 0) {
    cm_raise(vm, &cm_exc_TypeError, "%s.%s() takes no keyword arguments", tn, name);
    return -1;
  }
  if (nargs > 1) {
    cm_raise(vm, &cm_exc_TypeError, "%s.%s() takes no arguments (%d given)", tn,
             name, nargs - 1);
    return -1;
  }
  return 0;
}

/* The needle of find/count/...: bytes-like or an int 0..255. */
static int needle(cm_vm *vm, cm_value v, const uint8_t **p, size_t *n,
                  uint8_t *tmp) {
  if (cm_bytes_view(vm, v, p, n)) return 0;
  if (cm_is_intlike(vm, v)) {
    int64_t k;
    if (cm_index_i64(vm, v, &k) < 0 || k < 0 || k > 255) {
      cm_exc_clear(vm);
      cm_raise(vm, &cm_exc_ValueError, "byte must be in range(0, 256)");
      return -1;
    }
    *tmp = (uint8_t)k;
    *p = tmp;
    *n = 1;
    return 0;
  }
  cm_raise(vm, &cm_exc_TypeError, "argument should be integer or bytes-like "
           "object, not '%T'", v);
  return -1;
}

static int find_impl(cm_vm *vm, const char *name, const cm_value *args,
                     int nargs, cm_value kw, int mode, int64_t *out) {
  if (nargs_range(vm, name, nargs, kw, 1, 3) < 0) return -1;
  VIEW(args[0], p, n);
  const uint8_t *q;
  size_t m;
  uint8_t tmp;
  if (needle(vm, args[1], &q, &m, &tmp) < 0) return -1;
  int64_t s, e;
  if (cm_str_bounds(vm, nargs > 2 ? args[2] : CM_NULL,
                    nargs > 3 ? args[3] : CM_NULL, (int64_t)n, &s, &e) < 0)
    return -1;
  if (mode == 2) { /* count */
    if (s > e) *out = 0;
    else if (m == 0) *out = e - s + 1;
    else *out = cm_mem_count((const char *)p + s, (size_t)(e - s), (const char *)q, m, INT64_MAX);
    return 0;
  }
  if (s > e) {
    *out = -1;
    return 0;
  }
  int64_t k = mode ? cm_mem_rfind((const char *)p + s, (size_t)(e - s), (const char *)q, m)
                   : cm_mem_find((const char *)p + s, (size_t)(e - s), (const char *)q, m);
  *out = k < 0 ? -1 : k + s;
  return 0;
}

#define FIND_METHOD(fn, pyname, mode, raise)                                  \
  static cm_value fn(cm_vm *vm, const cm_value *args, int nargs,              \
                     cm_value kw) {                                           \
    int64_t r;                                                                \
    if (find_impl(vm, pyname, args, nargs, kw, mode, &r) < 0) return CM_ERROR; \
    if (raise && r < 0)                                                       \
      return cm_raise(vm, &cm_exc_ValueError, "subsection not found");        \
    return cm_mkint(r);                                                       \
  }
FIND_METHOD(b_find, "find", 0, 0)
FIND_METHOD(b_rfind, "rfind", 1, 0)
FIND_METHOD(b_index, "index", 0, 1)
FIND_METHOD(b_rindex, "rindex", 1, 1)
FIND_METHOD(b_count, "count", 2, 0)

static cm_value starts_ends(cm_vm *vm, const char *name, const cm_value *args,
                            int nargs, cm_value kw, bool ends) {
  if (nargs_range(vm, name, nargs, kw, 1, 3) < 0) return CM_ERROR;
  VIEW(args[0], p, n);
  cm_value pre = args[1];
  const cm_value *items = &pre;
  size_t cnt = 1;
  if (cm_typeof(vm, pre) == &cm_tuple_type) {
    items = CM_AS(cm_tuple, pre)->items;
    cnt = CM_AS(cm_tuple, pre)->n;
  }
  int64_t s, e;
  if (cm_str_bounds(vm, nargs > 2 ? args[2] : CM_NULL,
                    nargs > 3 ? args[3] : CM_NULL, (int64_t)n, &s, &e) < 0)
    return CM_ERROR;
  for (size_t i = 0; i < cnt; i++) {
    const uint8_t *q;
    size_t m;
    if (!cm_bytes_view(vm, items[i], &q, &m)) {
      if (items == &pre)
        return cm_raise(vm, &cm_exc_TypeError, "%s first arg must be bytes "
                        "or a tuple of bytes, not %T", name, pre);
      return cm_raise(vm, &cm_exc_TypeError, "a bytes-like object is "
                      "required, not '%T'", items[i]);
    }
    if (s > e || (int64_t)m > e - s) continue;
    const uint8_t *at = ends ? p + e - (int64_t)m : p + s;
    if (m == 0 || memcmp(at, q, m) == 0) return CM_TRUE;
  }
  return CM_FALSE;
}

static cm_value b_startswith(cm_vm *vm, const cm_value *args, int nargs,
                             cm_value kw) {
  return starts_ends(vm, "startswith", args, nargs, kw, false);
}
static cm_value b_endswith(cm_vm *vm, const cm_value *args, int nargs,
                           cm_value kw) {
  return starts_ends(vm, "endswith", args, nargs, kw, true);
}

static bool b_isspace_c(uint8_t c) {
  return c == ' ' || (c >= 9 && c <= 13);
}

static int push(cm_vm *vm, cm_value list, cm_value like, const uint8_t *p,
                size_t n) {
  cm_value v = mk(vm, like, p, n);
  if (v == CM_ERROR) return -1;
  return cm_list_append(vm, list, v);
}

static void reverse_list(cm_value list) {
  cm_list *l = CM_AS(cm_list, list);
  for (size_t i = 0, j = l->n; i + 1 < j; i++, j--) {
    cm_value t = l->items[i];
    l->items[i] = l->items[j - 1];
    l->items[j - 1] = t;
  }
}

static int split_ws(cm_vm *vm, cm_value list, cm_value self, const uint8_t *p,
                    size_t n, int64_t maxsplit, bool rev) {
  if (!rev) {
    size_t i = 0;
    while (i < n) {
      while (i < n && b_isspace_c(p[i])) i++;
      if (i >= n) break;
      size_t j = i;
      if (maxsplit-- == 0) return push(vm, list, self, p + j, n - j);
      while (j < n && !b_isspace_c(p[j])) j++;
      if (push(vm, list, self, p + i, j - i) < 0) return -1;
      i = j;
    }
    return 0;
  }
  size_t e = n;
  while (e > 0) {
    while (e > 0 && b_isspace_c(p[e - 1])) e--;
    if (e == 0) break;
    size_t s = e;
    if (maxsplit-- == 0) {
      if (push(vm, list, self, p, e) < 0) return -1;
      break;
    }
    while (s > 0 && !b_isspace_c(p[s - 1])) s--;
    if (push(vm, list, self, p + s, e - s) < 0) return -1;
    e = s;
  }
  reverse_list(list);
  return 0;
}

static int split_sep(cm_vm *vm, cm_value list, cm_value self, const uint8_t *p,
                     size_t n, const uint8_t *q, size_t m, int64_t maxsplit,
                     bool rev) {
  if (!rev) {
    size_t i = 0;
    while (maxsplit-- != 0) {
      int64_t k = cm_mem_find((const char *)p + i, n - i, (const char *)q, m);
      if (k < 0) break;
      if (push(vm, list, self, p + i, (size_t)k) < 0) return -1;
      i += (size_t)k + m;
    }
    return push(vm, list, self, p + i, n - i);
  }
  size_t e = n;
  while (maxsplit-- != 0) {
    int64_t k = cm_mem_rfind((const char *)p, e, (const char *)q, m);
    if (k < 0) break;
    if (push(vm, list, self, p + k + m, e - (size_t)k - m) < 0) return -1;
    e = (size_t)k;
  }
  if (push(vm, list, self, p, e) < 0) return -1;
  reverse_list(list);
  return 0;
}

static cm_value split_impl(cm_vm *vm, const char *name, const cm_value *args,
                           int nargs, cm_value kw, bool rev) {
  static const char *const names[] = {"sep", "maxsplit"};
  cm_value a[2];
  if (cm_bind_args(vm, name, args + 1, nargs - 1, kw, names, 2, 0, 2, a) < 0)
    return CM_ERROR;
  int64_t maxsplit = -1;
  if (a[1] != CM_NULL && get_count(vm, a[1], &maxsplit) < 0) return CM_ERROR;
  if (maxsplit < 0) maxsplit = -1;
  VIEW(args[0], p, n);
  cm_value list = cm_list_new(vm, 0);
  if (list == CM_ERROR) return list;
  int rc;
  if (a[0] == CM_NULL || cm_is_none(a[0])) {
    rc = split_ws(vm, list, args[0], p, n, maxsplit, rev);
  } else {
    const uint8_t *q;
    size_t m;
    if (need_view(vm, a[0], &q, &m) < 0) return CM_ERROR;
    if (m == 0) return cm_raise(vm, &cm_exc_ValueError, "empty separator");
    rc = split_sep(vm, list, args[0], p, n, q, m, maxsplit, rev);
  }
  return rc < 0 ? CM_ERROR : list;
}

static cm_value b_split(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  return split_impl(vm, "split", args, nargs, kw, false);
}
static cm_value b_rsplit(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  return split_impl(vm, "rsplit", args, nargs, kw, true);
}

static cm_value b_splitlines(cm_vm *vm, const cm_value *args, int nargs,
                             cm_value kw) {
  static const char *const names[] = {"keepends"};
  cm_value a[1];
  if (cm_bind_args(vm, "splitlines", args + 1, nargs - 1, kw, names, 1, 0, 1, a) < 0)
    return CM_ERROR;
  int keep = 0;
  if (a[0] != CM_NULL && (keep = cm_truthy(vm, a[0])) < 0) return CM_ERROR;
  VIEW(args[0], p, n);
  cm_value list = cm_list_new(vm, 0);
  if (list == CM_ERROR) return list;
  size_t i = 0, st = 0;
  while (i < n) {
    size_t lb = p[i] == '\n' ? 1 : p[i] == '\r' ? (i + 1 < n && p[i + 1] == '\n' ? 2 : 1) : 0;
    if (!lb) { i++; continue; }
    if (push(vm, list, args[0], p + st, i - st + (keep ? lb : 0)) < 0) return CM_ERROR;
    st = i += lb;
  }
  if (st < n && push(vm, list, args[0], p + st, n - st) < 0) return CM_ERROR;
  return list;
}

static cm_value b_join(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (no_kw(vm, "join", kw) < 0) return CM_ERROR;
  if (nargs != 2)
    return cm_raise(vm, &cm_exc_TypeError, "%s.join() takes exactly one "
                    "argument (%d given)", cm_type_name(vm, args[0]), nargs - 1);
  cm_value it = args[1];
  const cm_type *t = cm_typeof(vm, it);
  cm_value list = it;
  if (t != &cm_list_type && t != &cm_tuple_type) {
    if (!t->iter && !t->getitem)
      return cm_raise(vm, &cm_exc_TypeError, "can only join an iterable");
    list = cm_list_from_iterable_native(vm, it);
    if (list == CM_ERROR) return list;
    if (list == CM_NULL) {
      cm_value f = cm_prelude(vm, "bytes_join");
      if (f == CM_ERROR) return f;
      cm_value t2 = cm_tuple_from(vm, args, 2);
      if (t2 == CM_ERROR) return t2;
      return cm_tailcall(vm, f, t2, CM_NULL);
    }
    t = &cm_list_type;
  }
  const cm_value *items = t == &cm_list_type ? CM_AS(cm_list, list)->items
                                             : CM_AS(cm_tuple, list)->items;
  size_t cnt = t == &cm_list_type ? CM_AS(cm_list, list)->n : CM_AS(cm_tuple, list)->n;
  VIEW(args[0], sp, sn);
  cm_buf b = {0};
  for (size_t i = 0; i < cnt; i++) {
    const uint8_t *q;
    size_t m;
    if (!cm_bytes_view(vm, items[i], &q, &m)) {
      cm_buf_free(vm, &b);
      return cm_raise(vm, &cm_exc_TypeError, "sequence item %zu: expected a "
                      "bytes-like object, %T found", i, items[i]);
    }
    if ((i && cm_buf_put(vm, &b, (const char *)sp, sn) < 0) ||
        cm_buf_put(vm, &b, (const char *)q, m) < 0) {
      cm_buf_free(vm, &b);
      return CM_ERROR;
    }
  }
  return mk_buf(vm, args[0], &b);
}

static cm_value strip_impl(cm_vm *vm, const char *name, const cm_value *args,
                           int nargs, cm_value kw, int which) {
  if (nargs_range(vm, name, nargs, kw, 0, 1) < 0) return CM_ERROR;
  VIEW(args[0], p, n);
  const uint8_t *q = NULL;
  size_t m = 0;
  if (nargs > 1 && !cm_is_none(args[1]) && need_view(vm, args[1], &q, &m) < 0)
    return CM_ERROR;
  size_t i = 0, e = n;
#define STRIPPED(c) (q ? (m && memchr(q, (c), m) != NULL) : b_isspace_c(c))
  if (which & 1) while (i < e && STRIPPED(p[i])) i++;
  if (which & 2) while (e > i && STRIPPED(p[e - 1])) e--;
#undef STRIPPED
  if (i == 0 && e == n && !is_bytearray(args[0])) return args[0];
  return mk(vm, args[0], p + i, e - i);
}

static cm_value b_strip(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  return strip_impl(vm, "strip", args, nargs, kw, 3);
}
static cm_value b_lstrip(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  return strip_impl(vm, "lstrip", args, nargs, kw, 1);
}
static cm_value b_rstrip(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  return strip_impl(vm, "rstrip", args, nargs, kw, 2);
}

static cm_value b_replace(cm_vm *vm, const cm_value *args, int nargs,
                          cm_value kw) {
  if (nargs_range(vm, "replace", nargs, kw, 2, 3) < 0) return CM_ERROR;
  VIEW(args[0], p, n);
  const uint8_t *o, *w;
  size_t on, wn;
  if (need_view(vm, args[1], &o, &on) < 0 || need_view(vm, args[2], &w, &wn) < 0)
    return CM_ERROR;
  int64_t count = -1;
  if (nargs > 3 && get_count(vm, args[3], &count) < 0) return CM_ERROR;
  if (count < 0) count = INT64_MAX;
  cm_buf b = {0};
  size_t i = 0;
  for (int64_t k = 0; k < count; k++) {
    int64_t f;
    if (on == 0) {
      if (i > n) break;
      f = 0;
    } else {
      f = cm_mem_find((const char *)p + i, n - i, (const char *)o, on);
      if (f < 0) break;
    }
    if (cm_buf_put(vm, &b, (const char *)p + i, (size_t)f) < 0 ||
        cm_buf_put(vm, &b, (const char *)w, wn) < 0)
      goto fail;
    i += (size_t)f + on;
    if (on == 0) {
      if (i < n && cm_buf_putc(vm, &b, (char)p[i]) < 0) goto fail;
      i++;
    }
    if (b.len > MAXSIZE) {
      cm_raise_memory(vm);
      goto fail;
    }
  }
  if (i < n && cm_buf_put(vm, &b, (const char *)p + i, n - i) < 0) goto fail;
  return mk_buf(vm, args[0], &b);
fail:
  cm_buf_free(vm, &b);
  return CM_ERROR;
}

static cm_value partition_impl(cm_vm *vm, const char *name,
                               const cm_value *args, int nargs, cm_value kw,
                               bool rev) {
  if (nargs_range(vm, name, nargs, kw, 1, 1) < 0) return CM_ERROR;
  VIEW(args[0], p, n);
  const uint8_t *q;
  size_t m;
  if (need_view(vm, args[1], &q, &m) < 0) return CM_ERROR;
  if (m == 0) return cm_raise(vm, &cm_exc_ValueError, "empty separator");
  int64_t k = rev ? cm_mem_rfind((const char *)p, n, (const char *)q, m)
                  : cm_mem_find((const char *)p, n, (const char *)q, m);
  cm_value it[3];
  if (k < 0) {
    it[rev ? 2 : 0] = mk(vm, args[0], p, n);
    it[1] = mk(vm, args[0], "", 0);
    it[rev ? 0 : 2] = mk(vm, args[0], "", 0);
  } else {
    it[0] = mk(vm, args[0], p, (size_t)k);
    it[1] = mk(vm, args[0], q, m);
    it[2] = mk(vm, args[0], p + k + m, n - (size_t)k - m);
  }
  for (int i = 0; i < 3; i++)
    if (it[i] == CM_ERROR) return CM_ERROR;
  return cm_tuple_from(vm, it, 3);
}

static cm_value b_partition(cm_vm *vm, const cm_value *args, int nargs,
                            cm_value kw) {
  return partition_impl(vm, "partition", args, nargs, kw, false);
}
static cm_value b_rpartition(cm_vm *vm, const cm_value *args, int nargs,
                             cm_value kw) {
  return partition_impl(vm, "rpartition", args, nargs, kw, true);
}

/* ASCII case mapping and predicates */
static uint8_t up(uint8_t c) { return c >= 'a' && c <= 'z' ? c - 32 : c; }
static uint8_t lo(uint8_t c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
static bool isal(uint8_t c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }

enum { C_UPPER, C_LOWER, C_SWAP, C_TITLE, C_CAP };

static cm_value case_impl(cm_vm *vm, const cm_value *args, int nargs,
                          cm_value kw, const char *name, int mode) {
  if (no_args(vm, args[0], name, nargs, kw) < 0) return CM_ERROR;
  VIEW(args[0], p, n);
  cm_buf b = {0};
  if (cm_buf_reserve(vm, &b, n) < 0) return CM_ERROR;
  bool prev = false;
  for (size_t i = 0; i < n; i++) {
    uint8_t c = p[i];
    switch (mode) {
    case C_UPPER: c = up(c); break;
    case C_LOWER: c = lo(c); break;
    case C_SWAP: c = c >= 'a' && c <= 'z' ? up(c) : lo(c); break;
    case C_TITLE: c = prev ? lo(c) : up(c); prev = isal(p[i]); break;
    default: c = i == 0 ? up(c) : lo(c); break;
    }
    b.data[b.len++] = (char)c;
  }
  return mk_buf(vm, args[0], &b);
}

#define CASE(fn, name, mode)                                                  \
  static cm_value fn(cm_vm *vm, const cm_value *args, int nargs,              \
                     cm_value kw) {                                           \
    return case_impl(vm, args, nargs, kw, name, mode);                        \
  }
CASE(b_upper, "upper", C_UPPER)
CASE(b_lower, "lower", C_LOWER)
CASE(b_swapcase, "swapcase", C_SWAP)
CASE(b_title, "title", C_TITLE)
CASE(b_capitalize, "capitalize", C_CAP)

static bool isdig(uint8_t c) { return c >= '0' && c <= '9'; }
static bool isaln(uint8_t c) { return isal(c) || isdig(c); }
static bool isasc(uint8_t c) { return c < 128; }

static cm_value pred(cm_vm *vm, const cm_value *args, int nargs, cm_value kw,
                     const char *name, bool (*f)(uint8_t), bool empty) {
  if (no_args(vm, args[0], name, nargs, kw) < 0) return CM_ERROR;
  VIEW(args[0], p, n);
  if (n == 0) return cm_bool(empty);
  for (size_t i = 0; i < n; i++)
    if (!f(p[i])) return CM_FALSE;
  return CM_TRUE;
}

#define PRED(fn, name, f, empty)                                              \
  static cm_value fn(cm_vm *vm, const cm_value *args, int nargs,              \
                     cm_value kw) {                                           \
    return pred(vm, args, nargs, kw, name, f, empty);                         \
  }
PRED(b_isdigit, "isdigit", isdig, false)
PRED(b_isalpha, "isalpha", isal, false)
PRED(b_isalnum, "isalnum", isaln, false)
PRED(b_isspace, "isspace", b_isspace_c, false)
PRED(b_isascii, "isascii", isasc, true)

static cm_value updown(cm_vm *vm, const cm_value *args, int nargs,
                       cm_value kw, const char *name, bool upper) {
  if (no_args(vm, args[0], name, nargs, kw) < 0) return CM_ERROR;
  VIEW(args[0], p, n);
  bool cased = false;
  for (size_t i = 0; i < n; i++) {
    bool u = p[i] >= 'A' && p[i] <= 'Z', l = p[i] >= 'a' && p[i] <= 'z';
    if (upper ? l : u) return CM_FALSE;
    if (upper ? u : l) cased = true;
  }
  return cm_bool(cased);
}

static cm_value b_isupper(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  return updown(vm, args, nargs, kw, "isupper", true);
}
static cm_value b_islower(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  return updown(vm, args, nargs, kw, "islower", false);
}

/* True when uppercase letters only follow uncased bytes, lowercase ones
   only cased bytes, and there is at least one letter (CPython's rule). */
static cm_value b_istitle(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (no_args(vm, args[0], "istitle", nargs, kw) < 0) return CM_ERROR;
  VIEW(args[0], p, n);
  bool cased = false, prev_cased = false;
  for (size_t i = 0; i < n; i++) {
    bool u = p[i] >= 'A' && p[i] <= 'Z', l = p[i] >= 'a' && p[i] <= 'z';
    if ((u && prev_cased) || (l && !prev_cased)) return CM_FALSE;
    if (u || l) cased = true;
    prev_cased = u || l;
  }
  return cm_bool(cased);
}

static cm_value just(cm_vm *vm, const cm_value *args, int nargs, cm_value kw,
                     const char *name, int how) {
  if (nargs_range(vm, name, nargs, kw, 1, 2) < 0) return CM_ERROR;
  int64_t w;
  if (get_count(vm, args[1], &w) < 0) return CM_ERROR;
  uint8_t fill = ' ';
  if (nargs > 2) {
    const uint8_t *q;
    size_t m;
    if (!cm_bytes_view(vm, args[2], &q, &m) || m != 1)
      return cm_raise(vm, &cm_exc_TypeError, "%s() argument 2 must be a byte "
                      "string of length 1, not %T", name, args[2]);
    fill = q[0];
  }
  VIEW(args[0], p, n);
  if (w <= (int64_t)n) return mk(vm, args[0], p, n);
  if ((uint64_t)w > MAXSIZE) return cm_raise_memory(vm);
  int64_t marg = w - (int64_t)n, left;
  if (how == 0) left = 0;
  else if (how == 1 || how == 3) left = marg;
  else left = marg / 2 + (marg & w & 1);
  cm_buf b = {0};
  if (cm_buf_reserve(vm, &b, (size_t)w) < 0) return CM_ERROR;
  memset(b.data, fill, (size_t)w);
  memcpy(b.data + left, p, n);
  b.len = (size_t)w;
  if (how == 3 && n && (p[0] == '+' || p[0] == '-')) {
    b.data[0] = (char)p[0];
    b.data[left] = '0';
  }
  return mk_buf(vm, args[0], &b);
}

static cm_value b_ljust(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  return just(vm, args, nargs, kw, "ljust", 0);
}
static cm_value b_rjust(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  return just(vm, args, nargs, kw, "rjust", 1);
}
static cm_value b_center(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  return just(vm, args, nargs, kw, "center", 2);
}
static cm_value b_zfill(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (nargs != 2)
    return cm_raise(vm, &cm_exc_TypeError, "zfill() takes exactly one "
                    "argument (%d given)", nargs - 1);
  cm_value a[3] = {args[0], args[1], CM_NULL};
  static const uint8_t zero[1] = {'0'};
  cm_value z = cm_bytes_new(vm, zero, 1);
  if (z == CM_ERROR) return z;
  a[2] = z;
  return just(vm, a, 3, kw, "zfill", 3);
}

static cm_value b_hex(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  static const char *const names[] = {"sep", "bytes_per_sep"};
  cm_value a[2];
  if (cm_bind_args(vm, "hex", args + 1, nargs - 1, kw, names, 2, 0, 2, a) < 0)
    return CM_ERROR;
  VIEW(args[0], p, n);
  char sep = 0;
  int64_t per = 1;
  if (a[0] != CM_NULL) {
    const uint8_t *q;
    size_t m = 0;
    if (cm_is_str(vm, a[0])) q = (const uint8_t *)cm_str_cstr(a[0]), m = CM_AS(cm_str, a[0])->len;
    else if (!cm_bytes_view(vm, a[0], &q, &m))
      return cm_raise(vm, &cm_exc_TypeError, "sep must be str or bytes.");
    if (m != 1) return cm_raise(vm, &cm_exc_ValueError, "sep must be length 1.");
    if (q[0] >= 128) return cm_raise(vm, &cm_exc_ValueError, "sep must be ASCII.");
    sep = (char)q[0];
  }
  if (a[1] != CM_NULL && get_count(vm, a[1], &per) < 0) return CM_ERROR;
  static const char hexd[] = "0123456789abcdef";
  cm_buf b = {0};
  if (cm_buf_reserve(vm, &b, n * 3) < 0) return CM_ERROR;
  int64_t ap = per < 0 ? -per : per;
  for (size_t i = 0; i < n; i++) {
    /* separators count groups from the right for positive bytes_per_sep */
    if (sep && i > 0 && ap > 0) {
      size_t k = per > 0 ? n - i : i;
      if (k % (size_t)ap == 0) b.data[b.len++] = sep;
    }
    b.data[b.len++] = hexd[p[i] >> 4];
    b.data[b.len++] = hexd[p[i] & 15];
  }
  return cm_buf_finish_len(vm, &b, b.len);
}

static int hexval(uint8_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  if ((c | 32) >= 'a' && (c | 32) <= 'f') return (c | 32) - 'a' + 10;
  return -1;
}

static cm_value fromhex(cm_vm *vm, const cm_value *args, int nargs,
                        cm_value kw, bool ba) {
  /* class method: args[0] is the type */
  if (nargs_range(vm, "fromhex", nargs, kw, 1, 1) < 0) return CM_ERROR;
  const uint8_t *s;
  size_t n;
  if (cm_is_str(vm, args[1])) s = (const uint8_t *)cm_str_cstr(args[1]), n = CM_AS(cm_str, args[1])->size;
  else if (!cm_bytes_view(vm, args[1], &s, &n))
    return cm_raise(vm, &cm_exc_TypeError, "fromhex() argument must be str "
                    "or bytes-like, not %T", args[1]);
  cm_buf b = {0};
  for (size_t i = 0; i < n;) {
    if (b_isspace_c(s[i])) { i++; continue; }
    int hi = hexval(s[i]), lo2 = i + 1 < n ? hexval(s[i + 1]) : -1;
    if (hi < 0 || lo2 < 0) {
      cm_buf_free(vm, &b);
      size_t pos = hi < 0 ? i : i + 1;
      if (hi >= 0 && i + 1 >= n)
        return cm_raise(vm, &cm_exc_ValueError, "fromhex() arg must contain "
                        "an even number of hexadecimal digits");
      return cm_raise(vm, &cm_exc_ValueError, "non-hexadecimal number found "
                      "in fromhex() arg at position %zu", pos);
    }
    if (cm_buf_putc(vm, &b, (char)(hi * 16 + lo2)) < 0) {
      cm_buf_free(vm, &b);
      return CM_ERROR;
    }
    i += 2;
  }
  cm_value r = ba ? bytearray_new(vm, b.data, b.len) : cm_bytes_new(vm, b.data, b.len);
  cm_buf_free(vm, &b);
  return r;
}

static cm_value bytes_fromhex(cm_vm *vm, const cm_value *args, int nargs,
                              cm_value kw) {
  return fromhex(vm, args, nargs, kw, false);
}
static cm_value bytearray_fromhex(cm_vm *vm, const cm_value *args, int nargs,
                                  cm_value kw) {
  return fromhex(vm, args, nargs, kw, true);
}

static cm_value b_maketrans(cm_vm *vm, const cm_value *args, int nargs,
                            cm_value kw) {
  /* static method */
  if (no_kw(vm, "maketrans", kw) < 0) return CM_ERROR;
  if (nargs != 2)
    return cm_raise(vm, &cm_exc_TypeError, "maketrans expected 2 arguments, "
                    "got %d", nargs);
  const uint8_t *f, *t;
  size_t fn, tn;
  if (need_view(vm, args[0], &f, &fn) < 0 || need_view(vm, args[1], &t, &tn) < 0)
    return CM_ERROR;
  if (fn != tn)
    return cm_raise(vm, &cm_exc_ValueError,
                    "maketrans arguments must have same length");
  uint8_t table[256];
  for (int i = 0; i < 256; i++) table[i] = (uint8_t)i;
  for (size_t i = 0; i < fn; i++) table[f[i]] = t[i];
  return cm_bytes_new(vm, table, 256);
}

static cm_value b_translate(cm_vm *vm, const cm_value *args, int nargs,
                            cm_value kw) {
  static const char *const names[] = {"table", "delete"};
  cm_value a[2];
  if (cm_bind_args(vm, "translate", args + 1, nargs - 1, kw, names, 2, 1, 2, a) < 0)
    return CM_ERROR;
  const uint8_t *t = NULL, *d = NULL;
  size_t tn = 0, dn = 0;
  if (!cm_is_none(a[0])) {
    if (need_view(vm, a[0], &t, &tn) < 0) return CM_ERROR;
    if (tn != 256)
      return cm_raise(vm, &cm_exc_ValueError,
                      "translation table must be 256 characters long");
  }
  if (a[1] != CM_NULL && need_view(vm, a[1], &d, &dn) < 0) return CM_ERROR;
  VIEW(args[0], p, n);
  cm_buf b = {0};
  if (cm_buf_reserve(vm, &b, n) < 0) return CM_ERROR;
  for (size_t i = 0; i < n; i++) {
    if (dn && memchr(d, p[i], dn)) continue;
    b.data[b.len++] = (char)(t ? t[p[i]] : p[i]);
  }
  return mk_buf(vm, args[0], &b);
}

static cm_value b_removefix(cm_vm *vm, const cm_value *args, int nargs,
                            cm_value kw, const char *name, bool suffix) {
  if (nargs_range(vm, name, nargs, kw, 1, 1) < 0) return CM_ERROR;
  VIEW(args[0], p, n);
  const uint8_t *q;
  size_t m;
  if (need_view(vm, args[1], &q, &m) < 0) return CM_ERROR;
  if (m <= n && memcmp(suffix ? p + n - m : p, q, m) == 0)
    return mk(vm, args[0], suffix ? p : p + m, n - m);
  return mk(vm, args[0], p, n);
}

static cm_value b_removeprefix(cm_vm *vm, const cm_value *args, int nargs,
                               cm_value kw) {
  return b_removefix(vm, args, nargs, kw, "removeprefix", false);
}
static cm_value b_removesuffix(cm_vm *vm, const cm_value *args, int nargs,
                               cm_value kw) {
  return b_removefix(vm, args, nargs, kw, "removesuffix", true);
}

static cm_value b_expandtabs(cm_vm *vm, const cm_value *args, int nargs,
                             cm_value kw) {
  static const char *const names[] = {"tabsize"};
  cm_value a[1];
  if (cm_bind_args(vm, "expandtabs", args + 1, nargs - 1, kw, names, 1, 0, 1, a) < 0)
    return CM_ERROR;
  int64_t tab = 8;
  if (a[0] != CM_NULL && get_count(vm, a[0], &tab) < 0) return CM_ERROR;
  VIEW(args[0], p, n);
  cm_buf b = {0};
  size_t col = 0;
  for (size_t i = 0; i < n; i++) {
    int rc = 0;
    if (p[i] == '\t') {
      if (tab > 0)
        for (size_t k = (size_t)tab - col % (size_t)tab; k > 0 && rc == 0; k--, col++)
          rc = cm_buf_putc(vm, &b, ' ');
    } else {
      rc = cm_buf_putc(vm, &b, (char)p[i]);
      col = (p[i] == '\n' || p[i] == '\r') ? 0 : col + 1;
    }
    if (rc < 0) {
      cm_buf_free(vm, &b);
      return CM_ERROR;
    }
  }
  return mk_buf(vm, args[0], &b);
}

static cm_value b_getnewargs(cm_vm *vm, const cm_value *args, int nargs,
                             cm_value kw) {
  (void)nargs; (void)kw;
  return cm_tuple_from(vm, args, 1);
}

#define COMMON_METHODS                                                        \
  {"capitalize", b_capitalize, 0}, {"center", b_center, 0},                   \
  {"count", b_count, 0}, {"decode", bytes_decode, 0},                         \
  {"endswith", b_endswith, 0}, {"expandtabs", b_expandtabs, 0},               \
  {"find", b_find, 0}, {"hex", b_hex, 0}, {"index", b_index, 0},              \
  {"isalnum", b_isalnum, 0}, {"isalpha", b_isalpha, 0},                       \
  {"isascii", b_isascii, 0}, {"isdigit", b_isdigit, 0},                       \
  {"islower", b_islower, 0}, {"isspace", b_isspace, 0},                       \
  {"istitle", b_istitle, 0}, {"isupper", b_isupper, 0},                       \
  {"join", b_join, 0}, {"ljust", b_ljust, 0},                                 \
  {"lower", b_lower, 0}, {"lstrip", b_lstrip, 0},                             \
  {"maketrans", b_maketrans, CM_METH_STATIC},                                 \
  {"partition", b_partition, 0}, {"removeprefix", b_removeprefix, 0},         \
  {"removesuffix", b_removesuffix, 0}, {"replace", b_replace, 0},             \
  {"rfind", b_rfind, 0}, {"rindex", b_rindex, 0}, {"rjust", b_rjust, 0},      \
  {"rpartition", b_rpartition, 0}, {"rsplit", b_rsplit, 0},                   \
  {"rstrip", b_rstrip, 0}, {"split", b_split, 0},                             \
  {"splitlines", b_splitlines, 0}, {"startswith", b_startswith, 0},           \
  {"strip", b_strip, 0}, {"swapcase", b_swapcase, 0}, {"title", b_title, 0},  \
  {"translate", b_translate, 0}, {"upper", b_upper, 0}, {"zfill", b_zfill, 0}

static const cm_method_def bytes_methods[] = {
  COMMON_METHODS,
  {"fromhex", bytes_fromhex, CM_METH_CLASS},
  {"__getnewargs__", b_getnewargs, 0},
  {NULL, NULL, 0}
};

/* ---- bytearray mutation ----------------------------------------------------------- */

static int ba_reserve(cm_vm *vm, cm_bytearray *a, size_t n) {
  if (n <= a->cap) return 0;
  if (n > MAXSIZE) {
    cm_raise_memory(vm);
    return -1;
  }
  size_t cap = a->cap < 16 ? 16 : a->cap;
  while (cap < n) cap += cap / 2 + 8;
  uint8_t *d = cm_realloc(vm, a->data, a->cap, cap);
  if (!d) return -1;
  a->data = d;
  a->cap = cap;
  return 0;
}

static int ba_extend_view(cm_vm *vm, cm_bytearray *a, const uint8_t *p,
                          size_t n) {
  if (ba_reserve(vm, a, a->size + n) < 0) return -1;
  if (n) memmove(a->data + a->size, p, n); /* p may alias a->data */
  a->size += n;
  return 0;
}

static int byte_value(cm_vm *vm, cm_value v, uint8_t *out) {
  int64_t k;
  if (!cm_is_int(v) && !cm_is_intlike(vm, v)) {
    cm_raise(vm, &cm_exc_TypeError,
             "'%T' object cannot be interpreted as an integer", v);
    return -1;
  }
  if (cm_index_i64(vm, v, &k) < 0 || k < 0 || k > 255) {
    cm_exc_clear(vm);
    cm_raise(vm, &cm_exc_ValueError, "byte must be in range(0, 256)");
    return -1;
  }
  *out = (uint8_t)k;
  return 0;
}

static cm_value ba_append(cm_vm *vm, const cm_value *args, int nargs,
                          cm_value kw) {
  if (nargs_range(vm, "append", nargs, kw, 1, 1) < 0) return CM_ERROR;
  uint8_t c;
  if (byte_value(vm, args[1], &c) < 0) return CM_ERROR;
  if (ba_extend_view(vm, CM_AS(cm_bytearray, args[0]), &c, 1) < 0) return CM_ERROR;
  return CM_NONE;
}

static cm_value ba_extend(cm_vm *vm, const cm_value *args, int nargs,
                          cm_value kw) {
  if (nargs_range(vm, "extend", nargs, kw, 1, 1) < 0) return CM_ERROR;
  cm_value a[3] = {args[1], CM_NULL, CM_NULL};
  if (cm_is_str(vm, args[1]))
    return cm_raise(vm, &cm_exc_TypeError, "expected iterable of integers; "
                    "got: 'str'");
  cm_buf b = {0};
  int rc = construct_into(vm, "bytearray", a, &b);
  if (rc == 0 && (cm_is_int(args[1]) || cm_is_intlike(vm, args[1]))) {
    cm_buf_free(vm, &b);
    return cm_raise(vm, &cm_exc_TypeError, "can't extend bytearray with %T",
                    args[1]);
  }
  if (rc == 1) { /* a generator: materialize it in Python, come back */
    cm_buf_free(vm, &b);
    cm_value f = cm_prelude(vm, "bytearray_extend");
    if (f == CM_ERROR) return f;
    cm_value t = cm_tuple_from(vm, args, 2);
    if (t == CM_ERROR) return t;
    return cm_tailcall(vm, f, t, CM_NULL);
  }
  if (rc == 0)
    rc = ba_extend_view(vm, CM_AS(cm_bytearray, args[0]), (const uint8_t *)b.data, b.len);
  cm_buf_free(vm, &b);
  return rc < 0 ? CM_ERROR : CM_NONE;
}

static cm_value ba_pop(cm_vm *vm, const cm_value *args, int nargs,
                       cm_value kw) {
  if (nargs_range(vm, "pop", nargs, kw, 0, 1) < 0) return CM_ERROR;
  cm_bytearray *a = CM_AS(cm_bytearray, args[0]);
  if (a->size == 0)
    return cm_raise(vm, &cm_exc_IndexError, "pop from empty bytearray");
  int64_t i = -1;
  if (nargs > 1 && get_count(vm, args[1], &i) < 0) return CM_ERROR;
  if (i < 0) i += (int64_t)a->size;
  if (i < 0 || i >= (int64_t)a->size)
    return cm_raise(vm, &cm_exc_IndexError, "pop index out of range");
  uint8_t c = a->data[i];
  memmove(a->data + i, a->data + i + 1, a->size - (size_t)i - 1);
  a->size--;
  return cm_mkint(c);
}

static cm_value ba_insert(cm_vm *vm, const cm_value *args, int nargs,
                          cm_value kw) {
  if (nargs_range(vm, "insert", nargs, kw, 2, 2) < 0) return CM_ERROR;
  cm_bytearray *a = CM_AS(cm_bytearray, args[0]);
  int64_t i;
  uint8_t c;
  if (get_count(vm, args[1], &i) < 0 || byte_value(vm, args[2], &c) < 0)
    return CM_ERROR;
  if (i < 0) { i += (int64_t)a->size; if (i < 0) i = 0; }
  if (i > (int64_t)a->size) i = (int64_t)a->size;
  if (ba_reserve(vm, a, a->size + 1) < 0) return CM_ERROR;
  memmove(a->data + i + 1, a->data + i, a->size - (size_t)i);
  a->data[i] = c;
  a->size++;
  return CM_NONE;
}

static cm_value ba_remove(cm_vm *vm, const cm_value *args, int nargs,
                          cm_value kw) {
  if (nargs_range(vm, "remove", nargs, kw, 1, 1) < 0) return CM_ERROR;
  cm_bytearray *a = CM_AS(cm_bytearray, args[0]);
  uint8_t c;
  if (byte_value(vm, args[1], &c) < 0) return CM_ERROR;
  uint8_t *f = a->size ? memchr(a->data, c, a->size) : NULL;
  if (!f) return cm_raise(vm, &cm_exc_ValueError, "value not found in bytearray");
  size_t i = (size_t)(f - a->data);
  memmove(f, f + 1, a->size - i - 1);
  a->size--;
  return CM_NONE;
}

static cm_value ba_clear(cm_vm *vm, const cm_value *args, int nargs,
                         cm_value kw) {
  if (no_args(vm, args[0], "clear", nargs, kw) < 0) return CM_ERROR;
  CM_AS(cm_bytearray, args[0])->size = 0;
  return CM_NONE;
}

static cm_value ba_copy(cm_vm *vm, const cm_value *args, int nargs,
                        cm_value kw) {
  if (no_args(vm, args[0], "copy", nargs, kw) < 0) return CM_ERROR;
  VIEW(args[0], p, n);
  return bytearray_new(vm, p, n);
}

static cm_value ba_reverse(cm_vm *vm, const cm_value *args, int nargs,
                           cm_value kw) {
  if (no_args(vm, args[0], "reverse", nargs, kw) < 0) return CM_ERROR;
  cm_bytearray *a = CM_AS(cm_bytearray, args[0]);
  for (size_t i = 0, j = a->size; i + 1 < j; i++, j--) {
    uint8_t t = a->data[i];
    a->data[i] = a->data[j - 1];
    a->data[j - 1] = t;
  }
  return CM_NONE;
}

/* Replaces a[lo..hi) by p[0..n). */
static int ba_splice(cm_vm *vm, cm_bytearray *a, size_t lo, size_t hi,
                     const uint8_t *p, size_t n) {
  size_t newsize = a->size - (hi - lo) + n;
  uint8_t tmp[64], *copy = NULL;
  if (n && p >= a->data && p < a->data + a->cap) { /* self-assignment */
    copy = n <= sizeof tmp ? tmp : cm_alloc(vm, n);
    if (!copy) return -1;
    memcpy(copy, p, n);
    p = copy;
  }
  int rc = ba_reserve(vm, a, newsize);
  if (rc == 0) {
    memmove(a->data + lo + n, a->data + hi, a->size - hi);
    if (n) memcpy(a->data + lo, p, n);
    a->size = newsize;
  }
  if (copy && copy != tmp) cm_free(vm, copy, n);
  return rc;
}

static int ba_setslice(cm_vm *vm, cm_bytearray *a, cm_value key, cm_value val) {
  int64_t s, e, st, cnt;
  if (cm_strslice_indices(vm, key, (int64_t)a->size, &s, &e, &st, &cnt) < 0)
    return -1;
  cm_buf b = {0};
  const uint8_t *p;
  size_t n;
  if (val == CM_NULL) p = (const uint8_t *)"", n = 0;
  else if (!cm_bytes_view(vm, val, &p, &n)) {
    if (cm_is_int(val) || cm_is_intlike(vm, val) || cm_is_str(vm, val)) {
      cm_raise(vm, &cm_exc_TypeError, "can assign only bytes, buffers, or "
               "iterables of ints in range(0, 256)");
      return -1;
    }
    cm_value a3[3] = {val, CM_NULL, CM_NULL};
    int rc = construct_into(vm, "bytearray", a3, &b);
    if (rc != 0) {
      cm_buf_free(vm, &b);
      if (rc == 1) cm_raise(vm, &cm_exc_TypeError, "can assign only bytes, "
                            "buffers, or iterables of ints in range(0, 256)");
      return -1;
    }
    p = (const uint8_t *)b.data;
    n = b.len;
  }
  int rc = 0;
  if (st == 1) {
    if (e < s) e = s;
    rc = ba_splice(vm, a, (size_t)s, (size_t)e, p, n);
  } else if (val == CM_NULL) { /* extended slice deletion */
    size_t w = 0;
    for (size_t i = 0; i < a->size; i++) {
      bool del = st > 0 ? ((int64_t)i >= s && (int64_t)i < s + cnt * st && ((int64_t)i - s) % st == 0)
                        : ((int64_t)i <= s && (int64_t)i > s + cnt * st && (s - (int64_t)i) % (-st) == 0);
      if (!del) a->data[w++] = a->data[i];
    }
    a->size = w;
  } else if ((int64_t)n != cnt) {
    cm_raise(vm, &cm_exc_ValueError, "attempt to assign bytes of size %zu to "
             "extended slice of size %lld", n, (long long)cnt);
    rc = -1;
  } else {
    for (int64_t k = 0, i = s; k < cnt; k++, i += st) a->data[i] = p[k];
  }
  cm_buf_free(vm, &b);
  return rc;
}

static int ba_setitem(cm_vm *vm, cm_value self, cm_value key, cm_value val) {
  cm_bytearray *a = CM_AS(cm_bytearray, self);
  if (is_slice(key)) return ba_setslice(vm, a, key, val);
  int64_t i;
  if (norm_index(vm, key, a->size, &i, "bytearray index out of range") < 0)
    return -1;
  if (val == CM_NULL) {
    memmove(a->data + i, a->data + i + 1, a->size - (size_t)i - 1);
    a->size--;
    return 0;
  }
  uint8_t c;
  if (byte_value(vm, val, &c) < 0) return -1;
  a->data[i] = c;
  return 0;
}

static int ba_delitem(cm_vm *vm, cm_value self, cm_value key) {
  return ba_setitem(vm, self, key, CM_NULL);
}

static int ba_hash(cm_vm *vm, cm_value self, int64_t *out) {
  (void)out;
  cm_raise(vm, &cm_exc_TypeError, "unhashable type: '%T'", self);
  return -1;
}

static void ba_finalize(cm_vm *vm, cm_obj *o) {
  cm_bytearray *a = (cm_bytearray *)o;
  if (a->data) cm_free(vm, a->data, a->cap);
  a->data = NULL;
  a->cap = a->size = 0;
}

static const cm_method_def bytearray_methods[] = {
  COMMON_METHODS,
  {"fromhex", bytearray_fromhex, CM_METH_CLASS},
  {"append", ba_append, 0},
  {"extend", ba_extend, 0},
  {"pop", ba_pop, 0},
  {"insert", ba_insert, 0},
  {"remove", ba_remove, 0},
  {"clear", ba_clear, 0},
  {"copy", ba_copy, 0},
  {"reverse", ba_reverse, 0},
  {NULL, NULL, 0}
};

/* ---- the types ---------------------------------------------------------------------- */

const cm_type cm_bytes_type = {
  .name = "bytes",
  .id = CM_T_BYTES,
  .flags = CM_TF_BASETYPE,
  .base = &cm_object_type,
  .repr = bytes_repr,
  .hash = bytes_hash,
  .compare = bytes_compare,
  .binop = bytes_binop,
  .truthy = bytes_truthy,
  .len = bytes_len,
  .getitem = bytes_getitem,
  .contains = bytes_contains,
  .iter = bytes_iter,
  .construct = bytes_construct,
  .methods = bytes_methods,
};

const cm_type cm_bytearray_type = {
  .name = "bytearray",
  .id = CM_T_BYTEARRAY,
  .flags = CM_TF_BASETYPE,
  .base = &cm_object_type,
  .repr = bytes_repr,
  .hash = ba_hash,
  .compare = bytes_compare,
  .binop = bytes_binop,
  .truthy = bytes_truthy,
  .len = bytes_len,
  .getitem = bytes_getitem,
  .setitem = ba_setitem,
  .delitem = ba_delitem,
  .contains = bytes_contains,
  .iter = bytes_iter,
  .construct = bytearray_construct,
  .methods = bytearray_methods,
  .finalize = ba_finalize,
};

const cm_type cm_bytes_iter_type = {
  .name = "bytes_iterator",
  .id = CM_T_BYTES_ITER,
  .flags = CM_TF_ITERATOR,
  .base = &cm_object_type,
  .iter = iter_self,
  .iternext = bytes_iternext,
  .trace = bytes_iter_trace,
};
