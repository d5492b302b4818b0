/*
** str_methods.c — the methods of str (split, join, strip, find, case
** mapping, predicates, padding, encode, translate, ...), with CPython's
** semantics and error messages.
**
** All searching works on the UTF-8 bytes: for valid UTF-8, a byte match of
** a valid needle always starts and ends on code point boundaries. Indices
** given or returned by methods are code point indices, converted with
** cm_str_offset / cm_utf8_count.
*/
#include <stdio.h>
#include <string.h>
#include "bytes.h"
#include "str.h"
#include "format.h"
#include "unicode.h"

#define S(v) CM_AS(cm_str, v)

/* ---- argument checking with CPython's messages ---------------------------- */

static int no_kw(cm_vm *vm, const char *name, cm_value kwnames) {
  if (kwnames != CM_NULL && CM_AS(cm_tuple, kwnames)->n > 0) {
    cm_raise(vm, &cm_exc_TypeError, "str.%s() takes no keyword arguments", name);
    return -1;
  }
  return 0;
}

/* "find expected at least 1 argument, got 0" (nargs excludes self) */
static int nargs_range(cm_vm *vm, const char *name, int nargs,
                       cm_value kwnames, int min, int max) {
  if (no_kw(vm, name, kwnames) < 0) return -1;
  nargs--;
  if (nargs < min) {
    cm_raise(vm, &cm_exc_TypeError, "%s expected at least %d argument%s, got %d",
             name, min, min == 1 ? "" : "s", nargs);
    return -1;
  }
  if (nargs > max) {
    cm_raise(vm, &cm_exc_TypeError, "%s expected at most %d argument%s, got %d",
             name, max, max == 1 ? "" : "s", nargs);
    return -1;
  }
  return 0;
}

static int no_args(cm_vm *vm, const char *name, int nargs, cm_value kwnames) {
  if (no_kw(vm, name, kwnames) < 0) return -1;
  if (nargs != 1) {
    cm_raise(vm, &cm_exc_TypeError, "str.%s() takes no arguments (%d given)",
             name, nargs - 1);
    return -1;
  }
  return 0;
}

static int one_arg(cm_vm *vm, const char *name, int nargs, cm_value kwnames) {
  if (no_kw(vm, name, kwnames) < 0) return -1;
  if (nargs != 2) {
    cm_raise(vm, &cm_exc_TypeError,
             "str.%s() takes exactly one argument (%d given)", name, nargs - 1);
    return -1;
  }
  return 0;
}

static int need_str(cm_vm *vm, cm_value v, const char *fname, int argno) {
  if (cm_is_str(vm, v)) return 0;
  cm_raise(vm, &cm_exc_TypeError, "%s() argument %d must be str, not %T",
           fname, argno, v);
  return -1;
}

static int get_ssize(cm_vm *vm, cm_value v, int64_t *out) {
  if (cm_is_int(v)) {
    *out = cm_intval(v);
    return 0;
  }
  if (cm_index_i64(vm, v, out) == 0) return 0;
  if (cm_exc_matches(vm, &cm_exc_OverflowError)) {
    cm_exc_clear(vm);
    cm_raise(vm, &cm_exc_OverflowError,
             "Python int too large to convert to C ssize_t");
  }
  return -1;
}

/* ---- search primitives ---------------------------------------------------- */

int64_t cm_mem_find(const char *h, size_t hn, const char *n, size_t nn) {
  if (nn == 0) return 0;
  if (nn > hn) return -1;
  if (nn == 1) {
    const char *p = memchr(h, n[0], hn);
    return p ? (int64_t)(p - h) : -1;
  }
  const char *end = h + hn - nn;
  for (const char *p = h; p <= end;) {
    p = memchr(p, n[0], (size_t)(end - p) + 1);
    if (!p) return -1;
    if (memcmp(p, n, nn) == 0) return (int64_t)(p - h);
    p++;
  }
  return -1;
}

int64_t cm_mem_rfind(const char *h, size_t hn, const char *n, size_t nn) {
  if (nn > hn) return -1;
  for (size_t i = hn - nn + 1; i-- > 0;)
    if (h[i] == n[0] || nn == 0)
      if (memcmp(h + i, n, nn) == 0) return (int64_t)i;
  return -1;
}

int64_t cm_mem_count(const char *h, size_t hn, const char *n, size_t nn,
                     int64_t maxcount) {
  int64_t c = 0;
  size_t i = 0;
  while (c < maxcount) {
    int64_t k = cm_mem_find(h + i, hn - i, n, nn);
    if (k < 0) break;
    c++;
    i += (size_t)k + nn;
  }
  return c;
}

/* Optional start/end (None allowed) -> clamped code point range. */
int cm_str_bounds(cm_vm *vm, cm_value a, cm_value b, int64_t len,
                  int64_t *start, int64_t *end) {
  int64_t s = 0, e = len;
  cm_value v[2] = {a, b};
  int64_t *o[2] = {&s, &e};
  for (int i = 0; i < 2; i++) {
    if (v[i] == CM_NULL || cm_is_none(v[i])) continue;
    if (!cm_is_intlike(vm, v[i]) && !cm_is_int(v[i])) {
      cm_raise(vm, &cm_exc_TypeError, "slice indices must be integers or "
               "None or have an __index__ method");
      return -1;
    }
    if (cm_index_i64(vm, v[i], o[i]) < 0) {
      if (!cm_exc_matches(vm, &cm_exc_OverflowError)) return -1;
      cm_exc_clear(vm);
      int neg = cm_compare_bool(vm, CM_CMP_LT, v[i], cm_mkint(0));
      if (neg < 0) return -1;
      *o[i] = neg ? -len - 1 : len + 1;
    }
  }
  if (s < 0) { s += len; if (s < 0) s = 0; }
  if (e > len) e = len;
  else if (e < 0) { e += len; if (e < 0) e = 0; }
  *start = s;
  *end = e;
  return 0;
}

typedef struct span {
  const char *p; /* bytes of the searched range */
  size_t n;
  int64_t start, end; /* code point range; start > end: empty/invalid */
  size_t off;         /* byte offset of start */
} span;

static int get_span(cm_vm *vm, cm_value self, cm_value a, cm_value b,
                    span *sp) {
  cm_str *s = S(self);
  if (cm_str_bounds(vm, a, b, (int64_t)s->len, &sp->start, &sp->end) < 0)
    return -1;
  if (sp->start > sp->end) {
    sp->p = s->data;
    sp->n = 0;
    sp->off = 0;
    return 0;
  }
  sp->off = cm_str_offset(s, (size_t)sp->start);
  size_t eoff = cm_str_offset(s, (size_t)sp->end);
  sp->p = s->data + sp->off;
  sp->n = eoff - sp->off;
  return 0;
}

/* code point index of byte offset `k` within a span */
static int64_t span_index(cm_str *s, const span *sp, int64_t k) {
  if (s->ascii) return sp->start + k;
  return sp->start + (int64_t)cm_utf8_count(sp->p, (size_t)k);
}

static int find_common(cm_vm *vm, const char *name, const cm_value *args,
                       int nargs, cm_value kwnames, bool rev, int64_t *out) {
  if (nargs_range(vm, name, nargs, kwnames, 1, 3) < 0) return -1;
  if (need_str(vm, args[1], name, 1) < 0) return -1;
  span sp;
  if (get_span(vm, args[0], nargs > 2 ? args[2] : CM_NULL,
               nargs > 3 ? args[3] : CM_NULL, &sp) < 0)
    return -1;
  cm_str *sub = S(args[1]);
  if (sp.start > sp.end) {
    *out = -1;
    return 0;
  }
  int64_t k = rev ? cm_mem_rfind(sp.p, sp.n, sub->data, sub->size)
                  : cm_mem_find(sp.p, sp.n, sub->data, sub->size);
  *out = k < 0 ? -1 : span_index(S(args[0]), &sp, k);
  return 0;
}

static cm_value str_find(cm_vm *vm, const cm_value *args, int nargs,
                         cm_value kw) {
  int64_t r;
  if (find_common(vm, "find", args, nargs, kw, false, &r) < 0) return CM_ERROR;
  return cm_mkint(r);
}

static cm_value str_rfind(cm_vm *vm, const cm_value *args, int nargs,
                          cm_value kw) {
  int64_t r;
  if (find_common(vm, "rfind", args, nargs, kw, true, &r) < 0) return CM_ERROR;
  return cm_mkint(r);
}

static cm_value str_index(cm_vm *vm, const cm_value *args, int nargs,
                          cm_value kw) {
  int64_t r;
  if (find_common(vm, "index", args, nargs, kw, false, &r) < 0) return CM_ERROR;
  if (r < 0) return cm_raise(vm, &cm_exc_ValueError, "substring not found");
  return cm_mkint(r);
}

static cm_value str_rindex(cm_vm *vm, const cm_value *args, int nargs,
                           cm_value kw) {
  int64_t r;
  if (find_common(vm, "rindex", args, nargs, kw, true, &r) < 0) return CM_ERROR;
  if (r < 0) return cm_raise(vm, &cm_exc_ValueError, "substring not found");
  return cm_mkint(r);
}

static cm_value str_count(cm_vm *vm, const cm_value *args, int nargs,
                          cm_value kw) {
  if (nargs_range(vm, "count", nargs, kw, 1, 3) < 0) return CM_ERROR;
  if (need_str(vm, args[1], "count", 1) < 0) return CM_ERROR;
  span sp;
  if (get_span(vm, args[0], nargs > 2 ? args[2] : CM_NULL,
               nargs > 3 ? args[3] : CM_NULL, &sp) < 0)
    return CM_ERROR;
  if (sp.start > sp.end) return cm_mkint(0);
  cm_str *sub = S(args[1]);
  if (sub->size == 0) return cm_mkint(sp.end - sp.start + 1);
  return cm_mkint(cm_mem_count(sp.p, sp.n, sub->data, sub->size, INT64_MAX));
}

/* startswith/endswith: prefix is a str or a tuple of str */
static cm_value starts_ends(cm_vm *vm, const char *name, const cm_value *args,
                            int nargs, cm_value kw, bool ends) {
  if (nargs_range(vm, name, nargs, kw, 1, 3) < 0) return CM_ERROR;
  cm_value pre = args[1];
  const cm_value *items = &pre;
  size_t n = 1;
  if (cm_is_obj(pre) && cm_objptr(pre)->type == &cm_tuple_type) {
    items = CM_AS(cm_tuple, pre)->items;
    n = CM_AS(cm_tuple, pre)->n;
    for (size_t i = 0; i < n; i++)
      if (!cm_is_str(vm, items[i]))
        return cm_raise(vm, &cm_exc_TypeError,
                        "tuple for %s must only contain str, not %T", name,
                        items[i]);
  } else if (!cm_is_str(vm, pre)) {
    return cm_raise(vm, &cm_exc_TypeError,
                    "%s first arg must be str or a tuple of str, not %T", name,
                    pre);
  }
  span sp;
  if (get_span(vm, args[0], nargs > 2 ? args[2] : CM_NULL,
               nargs > 3 ? args[3] : CM_NULL, &sp) < 0)
    return CM_ERROR;
  if (sp.start > sp.end) return CM_FALSE;
  for (size_t i = 0; i < n; i++) {
    cm_str *p = S(items[i]);
    if (p->size > sp.n) continue;
    const char *at = ends ? sp.p + sp.n - p->size : sp.p;
    if (memcmp(at, p->data, p->size) == 0) return CM_TRUE;
  }
  return CM_FALSE;
}

static cm_value str_startswith(cm_vm *vm, const cm_value *args, int nargs,
                               cm_value kw) {
  return starts_ends(vm, "startswith", args, nargs, kw, false);
}

static cm_value str_endswith(cm_vm *vm, const cm_value *args, int nargs,
                             cm_value kw) {
  return starts_ends(vm, "endswith", args, nargs, kw, true);
}

/* ---- split family ------------------------------------------------------------ */

static bool is_space_at(const char *d, size_t i, size_t n, size_t *adv) {
  unsigned char c = (unsigned char)d[i];
  if (c < 0x80) {
    *adv = 1;
    return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f);
  }
  (void)n;
  uint32_t cp = cm_utf8_get((const unsigned char *)d + i, adv);
  return cm_uc_isspace(cp);
}

static int push_piece(cm_vm *vm, cm_value list, const char *p, size_t n) {
  size_t len = cm_utf8_count(p, n);
  cm_value s = cm_str_new_known(vm, p, n, len);
  if (s == CM_ERROR) return -1;
  return cm_list_append(vm, list, s);
}

static int split_ws(cm_vm *vm, cm_value list, cm_str *s, int64_t maxsplit) {
  const char *d = s->data;
  size_t n = s->size, i = 0, adv;
  while (i < n) {
    while (i < n && is_space_at(d, i, n, &adv)) i += adv;
    if (i >= n) break;
    size_t j = i;
    if (maxsplit-- == 0) /* the rest, trailing whitespace included */
      return push_piece(vm, list, d + j, n - j);
    while (j < n && !is_space_at(d, j, n, &adv)) j += adv;
    if (push_piece(vm, list, d + i, j - i) < 0) return -1;
    i = j;
  }
  return 0;
}

static int rsplit_ws(cm_vm *vm, cm_value list, cm_str *s, int64_t maxsplit) {
  const char *d = s->data;
  size_t n = s->size, e = n, adv;
  /* pieces are collected right to left, then reversed */
  while (e > 0) {
    size_t b;
    while (e > 0) {
      b = e - 1;
      while (((unsigned char)d[b] & 0xC0) == 0x80) b--;
      if (!is_space_at(d, b, n, &adv)) break;
      e = b;
    }
    if (e == 0) break;
    size_t st = e;
    if (maxsplit-- == 0) { /* the rest, leading whitespace included */
      if (push_piece(vm, list, d, e) < 0) return -1;
      break;
    }
    while (st > 0) {
      b = st - 1;
      while (((unsigned char)d[b] & 0xC0) == 0x80) b--;
      if (is_space_at(d, b, n, &adv)) break;
      st = b;
    }
    if (push_piece(vm, list, d + st, e - st) < 0) return -1;
    e = st;
  }
  return 0;
}

static void list_reverse(cm_value list) {
  cm_list *l = CM_AS(cm_list, list);
  for (size_t i = 0, j = l->n; i + 1 < j; i++, j--) {
    cm_value t = l->items[i];
    l->items[i] = l->items[j - 1];
    l->items[j - 1] = t;
  }
}

static int split_sep(cm_vm *vm, cm_value list, cm_str *s, cm_str *sep,
                     int64_t maxsplit, bool rev) {
  const char *d = s->data;
  size_t n = s->size;
  if (!rev) {
    size_t i = 0;
    while (maxsplit-- != 0) {
      int64_t k = cm_mem_find(d + i, n - i, sep->data, sep->size);
      if (k < 0) break;
      if (push_piece(vm, list, d + i, (size_t)k) < 0) return -1;
      i += (size_t)k + sep->size;
    }
    return push_piece(vm, list, d + i, n - i);
  }
  size_t e = n;
  while (maxsplit-- != 0) {
    int64_t k = cm_mem_rfind(d, e, sep->data, sep->size);
    if (k < 0) break;
    size_t after = (size_t)k + sep->size;
    if (push_piece(vm, list, d + after, e - after) < 0) return -1;
    e = (size_t)k;
  }
  if (push_piece(vm, list, d, e) < 0) return -1;
  list_reverse(list);
  return 0;
}

static cm_value split_impl(cm_vm *vm, const char *name, const cm_value *args,
                           int nargs, cm_value kw, bool rev) {
  static const char *const names[] = {"sep", "maxsplit"};
  cm_value a[2];
  if (cm_bind_args(vm, name, args + 1, nargs - 1, kw, names, 2, 0, 2, a) < 0)
    return CM_ERROR;
  int64_t maxsplit = -1;
  if (a[1] != CM_NULL && get_ssize(vm, a[1], &maxsplit) < 0) return CM_ERROR;
  if (maxsplit < 0) maxsplit = -1;
  cm_value list = cm_list_new(vm, 0);
  if (list == CM_ERROR) return CM_ERROR;
  cm_str *s = S(args[0]);
  int rc;
  if (a[0] == CM_NULL || cm_is_none(a[0])) {
    rc = rev ? rsplit_ws(vm, list, s, maxsplit) : split_ws(vm, list, s, maxsplit);
    if (rc == 0 && rev) list_reverse(list);
  } else {
    if (!cm_is_str(vm, a[0]))
      return cm_raise(vm, &cm_exc_TypeError, "must be str or None, not %T",
                      a[0]);
    if (S(a[0])->size == 0)
      return cm_raise(vm, &cm_exc_ValueError, "empty separator");
    rc = split_sep(vm, list, s, S(a[0]), maxsplit, rev);
  }
  return rc < 0 ? CM_ERROR : list;
}

static cm_value str_split(cm_vm *vm, const cm_value *args, int nargs,
                          cm_value kw) {
  return split_impl(vm, "split", args, nargs, kw, false);
}

static cm_value str_rsplit(cm_vm *vm, const cm_value *args, int nargs,
                           cm_value kw) {
  return split_impl(vm, "rsplit", args, nargs, kw, true);
}

/* Line break length at d[i] (0 if none): \n \r \r\n \v \f \x1c-\x1e \x85
   \u2028 \u2029. */
static size_t linebreak(const char *d, size_t i, size_t n) {
  unsigned char c = (unsigned char)d[i];
  if (c == '\r') return (i + 1 < n && d[i + 1] == '\n') ? 2 : 1;
  if (c == '\n' || c == 11 || c == 12 || (c >= 0x1c && c <= 0x1e)) return 1;
  if (c == 0xC2 && i + 1 < n && (unsigned char)d[i + 1] == 0x85) return 2;
  if (c == 0xE2 && i + 2 < n && (unsigned char)d[i + 1] == 0x80 &&
      ((unsigned char)d[i + 2] == 0xA8 || (unsigned char)d[i + 2] == 0xA9))
    return 3;
  return 0;
}

static cm_value str_splitlines(cm_vm *vm, const cm_value *args, int nargs,
                               cm_value kw) {
  static const char *const names[] = {"keepends"};
  cm_value a[1];
  if (cm_bind_args(vm, "splitlines", args + 1, nargs - 1, kw, names, 1, 0, 1,
                   a) < 0)
    return CM_ERROR;
  int keep = 0;
  if (a[0] != CM_NULL && (keep = cm_truthy(vm, a[0])) < 0) return CM_ERROR;
  cm_value list = cm_list_new(vm, 0);
  if (list == CM_ERROR) return CM_ERROR;
  cm_str *s = S(args[0]);
  size_t i = 0, st = 0;
  while (i < s->size) {
    size_t lb = linebreak(s->data, i, s->size);
    if (!lb) {
      i++;
      continue;
    }
    if (push_piece(vm, list, s->data + st, i - st + (keep ? lb : 0)) < 0)
      return CM_ERROR;
    i += lb;
    st = i;
  }
  if (st < s->size && push_piece(vm, list, s->data + st, s->size - st) < 0)
    return CM_ERROR;
  return list;
}

static cm_value partition_impl(cm_vm *vm, const char *name,
                               const cm_value *args, int nargs, cm_value kw,
                               bool rev) {
  if (one_arg(vm, name, nargs, kw) < 0) return CM_ERROR;
  if (!cm_is_str(vm, args[1]))
    return cm_raise(vm, &cm_exc_TypeError, "must be str, not %T", args[1]);
  cm_str *s = S(args[0]), *sep = S(args[1]);
  if (sep->size == 0)
    return cm_raise(vm, &cm_exc_ValueError, "empty separator");
  int64_t k = rev ? cm_mem_rfind(s->data, s->size, sep->data, sep->size)
                  : cm_mem_find(s->data, s->size, sep->data, sep->size);
  cm_value t = cm_tuple_new(vm, 3);
  if (t == CM_ERROR) return CM_ERROR;
  cm_value *it = CM_AS(cm_tuple, t)->items, empty = cm_str_empty(vm);
  if (empty == CM_ERROR) return CM_ERROR;
  if (k < 0) {
    it[0] = rev ? empty : args[0];
    it[1] = empty;
    it[2] = rev ? args[0] : empty;
    return t;
  }
  size_t a = (size_t)k, b = a + sep->size;
  cm_value l = cm_str_new_known(vm, s->data, a, cm_utf8_count(s->data, a));
  if (l == CM_ERROR) return CM_ERROR;
  cm_value r = cm_str_new_known(vm, s->data + b, s->size - b,
                                cm_utf8_count(s->data + b, s->size - b));
  if (r == CM_ERROR) return CM_ERROR;
  it[0] = l;
  it[1] = args[1];
  it[2] = r;
  return t;
}

static cm_value str_partition(cm_vm *vm, const cm_value *args, int nargs,
                              cm_value kw) {
  return partition_impl(vm, "partition", args, nargs, kw, false);
}

static cm_value str_rpartition(cm_vm *vm, const cm_value *args, int nargs,
                               cm_value kw) {
  return partition_impl(vm, "rpartition", args, nargs, kw, true);
}

/* ---- join ----------------------------------------------------------------- */

static cm_value join_items(cm_vm *vm, cm_value sep, const cm_value *items,
                           size_t n) {
  cm_str *s = S(sep);
  if (n == 1 && cm_is_str(vm, items[0])) return items[0];
  size_t size = 0, len = 0;
  for (size_t i = 0; i < n; i++) {
    if (!cm_is_str(vm, items[i]))
      return cm_raise(vm, &cm_exc_TypeError,
                      "sequence item %zu: expected str instance, %T found", i,
                      items[i]);
    size += S(items[i])->size;
    len += S(items[i])->len;
    if (size > CM_STR_MAXSIZE) return cm_raise_memory(vm);
  }
  if (n > 1) {
    size += s->size * (n - 1);
    len += s->len * (n - 1);
  }
  if (size > CM_STR_MAXSIZE) return cm_raise_memory(vm);
  cm_str *r = cm_str_alloc(vm, size, len);
  if (!r) return CM_ERROR;
  char *p = r->data;
  for (size_t i = 0; i < n; i++) {
    if (i && s->size) {
      memcpy(p, s->data, s->size);
      p += s->size;
    }
    memcpy(p, S(items[i])->data, S(items[i])->size);
    p += S(items[i])->size;
  }
  return CM_VAL(r);
}

static cm_value str_join(cm_vm *vm, const cm_value *args, int nargs,
                         cm_value kw) {
  if (one_arg(vm, "join", nargs, kw) < 0) return CM_ERROR;
  cm_value it = args[1];
  const cm_type *t = cm_typeof(vm, it);
  if (t == &cm_list_type)
    return join_items(vm, args[0], CM_AS(cm_list, it)->items,
                      CM_AS(cm_list, it)->n);
  if (t == &cm_tuple_type)
    return join_items(vm, args[0], CM_AS(cm_tuple, it)->items,
                      CM_AS(cm_tuple, it)->n);
  if (!t->iter && !t->getitem)
    return cm_raise(vm, &cm_exc_TypeError, "can only join an iterable");
  cm_value list = cm_list_from_iterable_native(vm, it);
  if (list == CM_ERROR) return CM_ERROR;
  if (list == CM_NULL) { /* needs Python code: let the VM run it */
    cm_value f = cm_prelude(vm, "str_join");
    if (f == CM_ERROR) return CM_ERROR;
    cm_value pair[2] = {args[0], it};
    cm_value targs = cm_tuple_from(vm, pair, 2);
    if (targs == CM_ERROR) return CM_ERROR;
    return cm_tailcall(vm, f, targs, CM_NULL);
  }
  return join_items(vm, args[0], CM_AS(cm_list, list)->items,
                    CM_AS(cm_list, list)->n);
}

/* ---- strip ------------------------------------------------------------------ */

static bool in_chars(cm_str *chars, uint32_t c) {
  if (!chars) return cm_uc_isspace(c);
  const unsigned char *d = (const unsigned char *)chars->data;
  for (size_t i = 0; i < chars->size;) {
    size_t adv;
    if (cm_utf8_get(d + i, &adv) == c) return true;
    i += adv;
  }
  return false;
}

static cm_value strip_impl(cm_vm *vm, const char *name, const cm_value *args,
                           int nargs, cm_value kw, int which) {
  if (nargs_range(vm, name, nargs, kw, 0, 1) < 0) return CM_ERROR;
  cm_str *chars = NULL;
  if (nargs > 1 && !cm_is_none(args[1])) {
    if (!cm_is_str(vm, args[1]))
      return cm_raise(vm, &cm_exc_TypeError, "%s arg must be None or str",
                      name);
    chars = S(args[1]);
  }
  cm_str *s = S(args[0]);
  const unsigned char *d = (const unsigned char *)s->data;
  size_t i = 0, e = s->size, adv;
  if (which & 1)
    while (i < e && in_chars(chars, cm_utf8_get(d + i, &adv))) i += adv;
  if (which & 2)
    while (e > i) {
      size_t b = e - 1;
      while ((d[b] & 0xC0) == 0x80) b--;
      if (!in_chars(chars, cm_utf8_get(d + b, &adv))) break;
      e = b;
    }
  if (i == 0 && e == s->size) return args[0];
  return cm_str_new_known(vm, s->data + i, e - i,
                          s->ascii ? e - i : cm_utf8_count(s->data + i, e - i));
}

static cm_value str_strip(cm_vm *vm, const cm_value *args, int nargs,
                          cm_value kw) {
  return strip_impl(vm, "strip", args, nargs, kw, 3);
}
static cm_value str_lstrip(cm_vm *vm, const cm_value *args, int nargs,
                           cm_value kw) {
  return strip_impl(vm, "lstrip", args, nargs, kw, 1);
}
static cm_value str_rstrip(cm_vm *vm, const cm_value *args, int nargs,
                           cm_value kw) {
  return strip_impl(vm, "rstrip", args, nargs, kw, 2);
}

static cm_value prefix_impl(cm_vm *vm, const char *name, const cm_value *args,
                            int nargs, cm_value kw, bool suffix) {
  if (one_arg(vm, name, nargs, kw) < 0) return CM_ERROR;
  if (!cm_is_str(vm, args[1]))
    return cm_raise(vm, &cm_exc_TypeError, "%s() argument must be str, not %T",
                    name, args[1]);
  cm_str *s = S(args[0]), *p = S(args[1]);
  if (p->size == 0 || p->size > s->size) return args[0];
  const char *at = suffix ? s->data + s->size - p->size : s->data;
  if (memcmp(at, p->data, p->size) != 0) return args[0];
  const char *st = suffix ? s->data : s->data + p->size;
  return cm_str_new_known(vm, st, s->size - p->size, s->len - p->len);
}

static cm_value str_removeprefix(cm_vm *vm, const cm_value *args, int nargs,
                                 cm_value kw) {
  return prefix_impl(vm, "removeprefix", args, nargs, kw, false);
}
static cm_value str_removesuffix(cm_vm *vm, const cm_value *args, int nargs,
                                 cm_value kw) {
  return prefix_impl(vm, "removesuffix", args, nargs, kw, true);
}

/* ---- replace ------------------------------------------------------------------ */

static cm_value str_replace(cm_vm *vm, const cm_value *args, int nargs,
                            cm_value kw) {
  static const char *const names[] = {"", "", "count"};
  cm_value a[3];
  if (nargs - 1 < 2 && (kw == CM_NULL || CM_AS(cm_tuple, kw)->n == 0))
    return cm_raise(vm, &cm_exc_TypeError, "replace() takes at least 2 "
                    "positional arguments (%d given)", nargs - 1);
  if (cm_bind_args(vm, "replace", args + 1, nargs - 1, kw, names, 3, 2, 3, a) < 0)
    return CM_ERROR;
  if (need_str(vm, a[0], "replace", 1) < 0 || need_str(vm, a[1], "replace", 2) < 0)
    return CM_ERROR;
  int64_t count = -1;
  if (a[2] != CM_NULL && get_ssize(vm, a[2], &count) < 0) return CM_ERROR;
  if (count < 0) count = INT64_MAX;
  cm_str *s = S(args[0]), *old = S(a[0]), *new_ = S(a[1]);
  int64_t n;
  if (old->size == 0) n = (int64_t)s->len + 1 < count ? (int64_t)s->len + 1 : count;
  else n = cm_mem_count(s->data, s->size, old->data, old->size, count);
  if (n == 0) return args[0];
  int64_t grow = (int64_t)new_->size - (int64_t)old->size;
  if (grow > 0 && (uint64_t)n > ((uint64_t)CM_STR_MAXSIZE / (uint64_t)grow))
    return cm_raise_memory(vm);
  size_t size = (size_t)((int64_t)s->size + n * grow);
  size_t len = (size_t)((int64_t)s->len + n * ((int64_t)new_->len - (int64_t)old->len));
  cm_str *r = cm_str_alloc(vm, size, len);
  if (!r) return CM_ERROR;
  char *p = r->data;
  size_t i = 0;
  for (int64_t k = 0; k < n; k++) {
    size_t j;
    if (old->size == 0) {
      j = i;
      if (k > 0) { /* copy one code point between insertions */
        size_t l = cm_utf8_seqlen((unsigned char)s->data[i]);
        memcpy(p, s->data + i, l);
        p += l;
        j = i = i + l;
      }
    } else {
      j = i + (size_t)cm_mem_find(s->data + i, s->size - i, old->data, old->size);
      memcpy(p, s->data + i, j - i);
      p += j - i;
    }
    memcpy(p, new_->data, new_->size);
    p += new_->size;
    i = j + old->size;
  }
  memcpy(p, s->data + i, s->size - i);
  return CM_VAL(r);
}

/* ---- case mapping ------------------------------------------------------------- */

/* Final sigma: U+03A3 lowers to U+03C2 when preceded by a cased letter and
   not followed by one (skipping case-ignorable code points both ways). */
static bool final_sigma(const unsigned char *d, size_t n, size_t i, size_t adv) {
  size_t j = i, a;
  bool before = false;
  while (j > 0) {
    j--;
    while (j > 0 && (d[j] & 0xC0) == 0x80) j--;
    uint32_t c = cm_utf8_get(d + j, &a);
    if (cm_uc_iscase_ignorable(c)) continue;
    before = cm_uc_iscased(c);
    break;
  }
  if (!before) return false;
  for (j = i + adv; j < n; j += a) {
    uint32_t c = cm_utf8_get(d + j, &a);
    if (cm_uc_iscase_ignorable(c)) continue;
    return !cm_uc_iscased(c);
  }
  return true;
}

static int put_case(cm_vm *vm, cm_buf *b, const unsigned char *d, size_t n,
                    size_t i, size_t adv, uint32_t c, int which, size_t *len) {
  uint32_t out[3];
  int k;
  if (which == CM_CASE_LOWER && c == 0x3A3) {
    out[0] = final_sigma(d, n, i, adv) ? 0x3C2 : 0x3C3;
    k = 1;
  } else {
    k = cm_uc_tocase(c, which, out);
  }
  for (int m = 0; m < k; m++)
    if (cm_buf_put_cp(vm, b, out[m]) < 0) return -1;
  *len += (size_t)k;
  return 0;
}

enum { MODE_UPPER, MODE_LOWER, MODE_FOLD, MODE_SWAP, MODE_TITLE, MODE_CAP };

/* ASCII strings map byte to byte into a string of the same size. */
static cm_value case_map_ascii(cm_vm *vm, cm_str *s, int mode) {
  cm_str *r = cm_str_alloc(vm, s->size, s->len);
  if (!r) return CM_ERROR;
  bool prev_cased = false;
  for (size_t i = 0; i < s->size; i++) {
    char c = s->data[i];
    bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
    bool to_up;
    switch (mode) {
    case MODE_UPPER: to_up = true; break;
    case MODE_SWAP: to_up = lo; break;
    case MODE_TITLE: to_up = !prev_cased; prev_cased = up || lo; break;
    case MODE_CAP: to_up = i == 0; break;
    default: to_up = false; break;
    }
    if (to_up && lo) c = (char)(c - 32);
    else if (!to_up && up) c = (char)(c + 32);
    r->data[i] = c;
  }
  return CM_VAL(r);
}

static cm_value case_map(cm_vm *vm, cm_value self, int mode) {
  cm_str *s = S(self);
  if (s->ascii) return case_map_ascii(vm, s, mode);
  const unsigned char *d = (const unsigned char *)s->data;
  cm_buf b = {0};
  size_t len = 0;
  bool prev_cased = false;
  if (cm_buf_reserve(vm, &b, s->size) < 0) return CM_ERROR;
  for (size_t i = 0; i < s->size;) {
    size_t adv;
    uint32_t c = cm_utf8_get(d + i, &adv);
    int which;
    switch (mode) {
    case MODE_UPPER: which = CM_CASE_UPPER; break;
    case MODE_LOWER: which = CM_CASE_LOWER; break;
    case MODE_FOLD: which = CM_CASE_FOLD; break;
    case MODE_SWAP:
      which = cm_uc_isupper(c) ? CM_CASE_LOWER
              : cm_uc_islower(c) ? CM_CASE_UPPER : -1;
      break;
    case MODE_TITLE:
      which = prev_cased ? CM_CASE_LOWER : CM_CASE_TITLE;
      prev_cased = cm_uc_iscased(c);
      break;
    default: /* capitalize */
      which = i == 0 ? CM_CASE_TITLE : CM_CASE_LOWER;
      break;
    }
    int rc = which < 0 ? cm_buf_put(vm, &b, (const char *)d + i, adv)
                       : put_case(vm, &b, d, s->size, i, adv, c, which, &len);
    if (which < 0) len++;
    if (rc < 0) {
      cm_buf_free(vm, &b);
      return CM_ERROR;
    }
    i += adv;
  }
  return cm_buf_finish_len(vm, &b, len);
}

#define CASE_METHOD(fn, pyname, mode)                                        \
  static cm_value fn(cm_vm *vm, const cm_value *args, int nargs,             \
                     cm_value kw) {                                          \
    if (no_args(vm, pyname, nargs, kw) < 0) return CM_ERROR;                 \
    return case_map(vm, args[0], mode);                                      \
  }
CASE_METHOD(str_upper, "upper", MODE_UPPER)
CASE_METHOD(str_lower, "lower", MODE_LOWER)
CASE_METHOD(str_casefold, "casefold", MODE_FOLD)
CASE_METHOD(str_swapcase, "swapcase", MODE_SWAP)
CASE_METHOD(str_title, "title", MODE_TITLE)
CASE_METHOD(str_capitalize, "capitalize", MODE_CAP)

/* ---- predicates ------------------------------------------------------------------ */

/* every code point has `flag` (empty: false) */
static cm_value all_have(cm_value self, uint32_t flag) {
  cm_str *s = S(self);
  if (s->size == 0) return CM_FALSE;
  const unsigned char *d = (const unsigned char *)s->data;
  for (size_t i = 0; i < s->size;) {
    size_t adv;
    uint32_t c = cm_utf8_get(d + i, &adv);
    bool ok = flag ? cm_uc_has(c, flag) : cm_uc_isalnum(c);
    if (!ok) return CM_FALSE;
    i += adv;
  }
  return CM_TRUE;
}

#define PRED_METHOD(fn, pyname, flag)                                        \
  static cm_value fn(cm_vm *vm, const cm_value *args, int nargs,             \
                     cm_value kw) {                                          \
    if (no_args(vm, pyname, nargs, kw) < 0) return CM_ERROR;                 \
    return all_have(args[0], flag);                                          \
  }
PRED_METHOD(str_isalpha, "isalpha", CM_UC_ALPHA)
PRED_METHOD(str_isdecimal, "isdecimal", CM_UC_DECIMAL)
PRED_METHOD(str_isdigit, "isdigit", CM_UC_DIGIT)
PRED_METHOD(str_isnumeric, "isnumeric", CM_UC_NUMERIC)
PRED_METHOD(str_isspace, "isspace", CM_UC_SPACE)
PRED_METHOD(str_isalnum, "isalnum", 0)

static cm_value str_isprintable(cm_vm *vm, const cm_value *args, int nargs,
                                cm_value kw) {
  if (no_args(vm, "isprintable", nargs, kw) < 0) return CM_ERROR;
  if (S(args[0])->size == 0) return CM_TRUE;
  return all_have(args[0], CM_UC_PRINTABLE);
}

static cm_value str_isascii(cm_vm *vm, const cm_value *args, int nargs,
                            cm_value kw) {
  if (no_args(vm, "isascii", nargs, kw) < 0) return CM_ERROR;
  return cm_bool(S(args[0])->ascii);
}

/* isupper (upper=true) / islower: no code point of the opposite case or
   titlecase, and at least one cased of this case. */
static cm_value upper_lower(cm_value self, bool upper) {
  cm_str *s = S(self);
  const unsigned char *d = (const unsigned char *)s->data;
  bool cased = false;
  for (size_t i = 0; i < s->size;) {
    size_t adv;
    uint32_t c = cm_utf8_get(d + i, &adv);
    if ((upper ? cm_uc_islower(c) : cm_uc_isupper(c)) || cm_uc_istitle(c))
      return CM_FALSE;
    if (upper ? cm_uc_isupper(c) : cm_uc_islower(c)) cased = true;
    i += adv;
  }
  return cm_bool(cased);
}

static cm_value str_isupper(cm_vm *vm, const cm_value *args, int nargs,
                            cm_value kw) {
  if (no_args(vm, "isupper", nargs, kw) < 0) return CM_ERROR;
  return upper_lower(args[0], true);
}

static cm_value str_islower(cm_vm *vm, const cm_value *args, int nargs,
                            cm_value kw) {
  if (no_args(vm, "islower", nargs, kw) < 0) return CM_ERROR;
  return upper_lower(args[0], false);
}

static cm_value str_istitle(cm_vm *vm, const cm_value *args, int nargs,
                            cm_value kw) {
  if (no_args(vm, "istitle", nargs, kw) < 0) return CM_ERROR;
  cm_str *s = S(args[0]);
  const unsigned char *d = (const unsigned char *)s->data;
  bool cased = false, prev = false;
  for (size_t i = 0; i < s->size;) {
    size_t adv;
    uint32_t c = cm_utf8_get(d + i, &adv);
    if (cm_uc_isupper(c) || cm_uc_istitle(c)) {
      if (prev) return CM_FALSE;
      prev = cased = true;
    } else if (cm_uc_islower(c)) {
      if (!prev) return CM_FALSE;
      prev = cased = true;
    } else {
      prev = false;
    }
    i += adv;
  }
  return cm_bool(cased);
}

static cm_value str_isidentifier(cm_vm *vm, const cm_value *args, int nargs,
                                 cm_value kw) {
  if (no_args(vm, "isidentifier", nargs, kw) < 0) return CM_ERROR;
  cm_str *s = S(args[0]);
  const unsigned char *d = (const unsigned char *)s->data;
  if (s->size == 0) return CM_FALSE;
  for (size_t i = 0; i < s->size;) {
    size_t adv;
    uint32_t c = cm_utf8_get(d + i, &adv);
    if (!(i == 0 ? cm_uc_isxid_start(c) : cm_uc_isxid_continue(c)))
      return CM_FALSE;
    i += adv;
  }
  return CM_TRUE;
}

/* ---- padding ---------------------------------------------------------------- */

static int get_fill(cm_vm *vm, const cm_value *args, int nargs, int at,
                    uint32_t *fill) {
  *fill = ' ';
  if (nargs <= at) return 0;
  cm_value f = args[at];
  if (!cm_is_str(vm, f)) {
    cm_raise(vm, &cm_exc_TypeError,
             "The fill character must be a unicode character, not %T", f);
    return -1;
  }
  if (S(f)->len != 1) {
    cm_raise(vm, &cm_exc_TypeError,
             "The fill character must be exactly one character long");
    return -1;
  }
  size_t adv;
  *fill = cm_utf8_get((const unsigned char *)S(f)->data, &adv);
  return 0;
}

static cm_value pad(cm_vm *vm, cm_value self, int64_t left, int64_t right,
                    uint32_t fill) {
  cm_str *s = S(self);
  if (left < 0) left = 0;
  if (right < 0) right = 0;
  if (left == 0 && right == 0) return self;
  char f[4];
  size_t fl = cm_utf8_encode(fill, f);
  if ((uint64_t)(left + right) > (uint64_t)CM_STR_MAXSIZE / fl)
    return cm_raise_memory(vm);
  size_t size = s->size + (size_t)(left + right) * fl;
  cm_str *r = cm_str_alloc(vm, size, s->len + (size_t)(left + right));
  if (!r) return CM_ERROR;
  char *p = r->data;
  for (int64_t i = 0; i < left; i++, p += fl) memcpy(p, f, fl);
  memcpy(p, s->data, s->size);
  p += s->size;
  for (int64_t i = 0; i < right; i++, p += fl) memcpy(p, f, fl);
  return CM_VAL(r);
}

static cm_value just_impl(cm_vm *vm, const char *name, const cm_value *args,
                          int nargs, cm_value kw, int how) {
  if (nargs_range(vm, name, nargs, kw, 1, 2) < 0) return CM_ERROR;
  int64_t width;
  uint32_t fill;
  if (get_ssize(vm, args[1], &width) < 0) return CM_ERROR;
  if (get_fill(vm, args, nargs, 2, &fill) < 0) return CM_ERROR;
  int64_t len = (int64_t)S(args[0])->len;
  if (width <= len) return args[0];
  int64_t marg = width - len;
  if (how == 0) return pad(vm, args[0], 0, marg, fill);
  if (how == 1) return pad(vm, args[0], marg, 0, fill);
  int64_t left = marg / 2 + (marg & width & 1);
  return pad(vm, args[0], left, marg - left, fill);
}

static cm_value str_ljust(cm_vm *vm, const cm_value *args, int nargs,
                          cm_value kw) {
  return just_impl(vm, "ljust", args, nargs, kw, 0);
}
static cm_value str_rjust(cm_vm *vm, const cm_value *args, int nargs,
                          cm_value kw) {
  return just_impl(vm, "rjust", args, nargs, kw, 1);
}
static cm_value str_center(cm_vm *vm, const cm_value *args, int nargs,
                           cm_value kw) {
  return just_impl(vm, "center", args, nargs, kw, 2);
}

static cm_value str_zfill(cm_vm *vm, const cm_value *args, int nargs,
                          cm_value kw) {
  if (one_arg(vm, "zfill", nargs, kw) < 0) return CM_ERROR;
  int64_t width;
  if (get_ssize(vm, args[1], &width) < 0) return CM_ERROR;
  cm_str *s = S(args[0]);
  if (width <= (int64_t)s->len) return args[0];
  cm_value r = pad(vm, args[0], width - (int64_t)s->len, 0, '0');
  if (r == CM_ERROR) return r;
  cm_str *o = S(r);
  size_t filln = o->size - s->size;
  if (s->size && (s->data[0] == '+' || s->data[0] == '-')) {
    o->data[0] = s->data[0];
    o->data[filln] = '0';
  }
  return r;
}

static cm_value str_expandtabs(cm_vm *vm, const cm_value *args, int nargs,
                               cm_value kw) {
  static const char *const names[] = {"tabsize"};
  cm_value a[1];
  if (cm_bind_args(vm, "expandtabs", args + 1, nargs - 1, kw, names, 1, 0, 1,
                   a) < 0)
    return CM_ERROR;
  int64_t tab = 8;
  if (a[0] != CM_NULL && get_ssize(vm, a[0], &tab) < 0) return CM_ERROR;
  cm_str *s = S(args[0]);
  if (!memchr(s->data, '\t', s->size)) return args[0];
  cm_buf b = {0};
  size_t col = 0, len = 0;
  for (size_t i = 0; i < s->size; i++) {
    char c = s->data[i];
    int rc = 0;
    if (c == '\t') {
      if (tab > 0) {
        size_t k = (size_t)tab - col % (size_t)tab;
        if (k > CM_STR_MAXSIZE) rc = -1, cm_raise_memory(vm);
        for (size_t m = 0; m < k && rc == 0; m++) rc = cm_buf_putc(vm, &b, ' ');
        col += k;
        len += k;
      }
    } else {
      rc = cm_buf_putc(vm, &b, c);
      if (((unsigned char)c & 0xC0) != 0x80) {
        len++;
        col = (c == '\n' || c == '\r') ? 0 : col + 1;
      }
    }
    if (rc < 0) {
      cm_buf_free(vm, &b);
      return CM_ERROR;
    }
  }
  return cm_buf_finish_len(vm, &b, len);
}

/* ---- encode ------------------------------------------------------------------------ */

/* Normalized codec: 0 utf-8, 1 ascii, 2 latin-1, -1 unknown. */
int cm_codec_lookup(const char *name) {
  char n[32];
  size_t k = 0;
  for (const char *p = name; *p && k < sizeof n - 1; p++) {
    char c = *p;
    if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
    if (c == '_' || c == ' ') c = '-';
    n[k++] = c;
  }
  n[k] = 0;
  if (strlen(name) >= sizeof n) return -1;
  static const char *const utf8[] = {"utf-8", "utf8", "u8", "utf", "cp65001"};
  static const char *const ascii[] = {"ascii", "us-ascii", "646", "us"};
  static const char *const latin1[] = {"latin-1", "latin1", "iso-8859-1",
                                       "iso8859-1", "l1", "latin", "8859",
                                       "cp819", "iso-ir-100"};
  for (size_t i = 0; i < sizeof utf8 / sizeof *utf8; i++)
    if (!strcmp(n, utf8[i])) return 0;
  for (size_t i = 0; i < sizeof ascii / sizeof *ascii; i++)
    if (!strcmp(n, ascii[i])) return 1;
  for (size_t i = 0; i < sizeof latin1 / sizeof *latin1; i++)
    if (!strcmp(n, latin1[i])) return 2;
  return -1;
}

/* errors: 0 strict, 1 ignore, 2 replace, 3 backslashreplace,
   4 xmlcharrefreplace, 5 surrogateescape(treated as strict); -1 unknown */
int cm_errors_lookup(const char *name) {
  static const char *const names[] = {"strict", "ignore", "replace",
                                      "backslashreplace", "xmlcharrefreplace",
                                      "surrogateescape"};
  for (int i = 0; i < 6; i++)
    if (!strcmp(name, names[i])) return i;
  return -1;
}

static int encode_error(cm_vm *vm, cm_str *s, size_t from, size_t to,
                        size_t limit, const char *codec) {
  size_t adv;
  uint32_t c = cm_utf8_get((const unsigned char *)s->data + cm_str_offset(s, from), &adv);
  char ch[16];
  if (c < 0x100) snprintf(ch, sizeof ch, "\\x%02x", (unsigned)c);
  else if (c < 0x10000) snprintf(ch, sizeof ch, "\\u%04x", (unsigned)c);
  else snprintf(ch, sizeof ch, "\\U%08x", (unsigned)c);
  if (to - from == 1)
    cm_raise(vm, &cm_exc_UnicodeEncodeError, "'%s' codec can't encode "
             "character '%s' in position %zu: ordinal not in range(%zu)",
             codec, ch, from, limit);
  else
    cm_raise(vm, &cm_exc_UnicodeEncodeError, "'%s' codec can't encode "
             "characters in position %zu-%zu: ordinal not in range(%zu)",
             codec, from, to - 1, limit);
  return -1;
}

static cm_value encode_narrow(cm_vm *vm, cm_str *s, int codec, int errors,
                              const char *errname) {
  uint32_t limit = codec == 1 ? 128 : 256;
  const char *cname = codec == 1 ? "ascii" : "latin-1";
  const unsigned char *d = (const unsigned char *)s->data;
  cm_buf b = {0};
  size_t idx = 0;
  for (size_t i = 0; i < s->size; idx++) {
    size_t adv;
    uint32_t c = cm_utf8_get(d + i, &adv);
    int rc = 0;
    if (c < limit) rc = cm_buf_putc(vm, &b, (char)c);
    else if (errors == 1) rc = 0;
    else if (errors == 2) rc = cm_buf_putc(vm, &b, '?');
    else if (errors == 3 || errors == 4) {
      char tmp[16];
      if (errors == 4) snprintf(tmp, sizeof tmp, "&#%u;", (unsigned)c);
      else if (c < 0x100) snprintf(tmp, sizeof tmp, "\\x%02x", (unsigned)c);
      else if (c < 0x10000) snprintf(tmp, sizeof tmp, "\\u%04x", (unsigned)c);
      else snprintf(tmp, sizeof tmp, "\\U%08x", (unsigned)c);
      rc = cm_buf_puts(vm, &b, tmp);
    } else if (errors < 0) {
      cm_buf_free(vm, &b);
      cm_raise(vm, &cm_exc_LookupError, "unknown error handler name '%s'",
               errname);
      return CM_ERROR;
    } else {
      /* strict: report the whole run of unencodable characters */
      size_t j = i, end = idx;
      while (j < s->size) {
        size_t a2;
        if (cm_utf8_get(d + j, &a2) < limit) break;
        j += a2;
        end++;
      }
      cm_buf_free(vm, &b);
      encode_error(vm, s, idx, end, limit, cname);
      return CM_ERROR;
    }
    if (rc < 0) {
      cm_buf_free(vm, &b);
      return CM_ERROR;
    }
    i += adv;
  }
  return cm_bytes_from_buf(vm, &b);
}

/* UTF-8: the str's bytes, except lone surrogates (ED A0..BF xx), which
   UTF-8 cannot carry. */
static cm_value encode_utf8(cm_vm *vm, cm_str *s, int errors,
                            const char *errname) {
  const unsigned char *d = (const unsigned char *)s->data;
  cm_buf b = {0};
  size_t i = 0, idx = 0, run = 0;
  int rc = 0;
  while (i < s->size && rc == 0) {
    size_t adv = cm_utf8_seqlen(d[i]);
    if (!(d[i] == 0xED && d[i + 1] >= 0xA0)) {
      rc = cm_buf_put(vm, &b, (const char *)d + i, adv);
    } else if (errors == 1) {
      /* ignore */
    } else if (errors == 2) {
      rc = cm_buf_putc(vm, &b, '?');
    } else if (errors == 3 || errors == 4) {
      char tmp[16];
      uint32_t c = cm_utf8_get(d + i, &adv);
      snprintf(tmp, sizeof tmp, errors == 4 ? "&#%u;" : "\\u%04x", (unsigned)c);
      rc = cm_buf_puts(vm, &b, tmp);
    } else {
      cm_buf_free(vm, &b);
      if (errors < 0)
        return cm_raise(vm, &cm_exc_LookupError,
                        "unknown error handler name '%s'", errname);
      size_t j = i;
      for (run = 0; j < s->size && d[j] == 0xED && d[j + 1] >= 0xA0; j += 3) run++;
      uint32_t c = cm_utf8_get(d + i, &adv);
      if (run == 1)
        return cm_raise(vm, &cm_exc_UnicodeEncodeError, "'utf-8' codec can't "
                        "encode character '\\u%04x' in position %zu: "
                        "surrogates not allowed", (unsigned)c, idx);
      return cm_raise(vm, &cm_exc_UnicodeEncodeError, "'utf-8' codec can't "
                      "encode characters in position %zu-%zu: surrogates not "
                      "allowed", idx, idx + run - 1);
    }
    i += adv;
    idx++;
  }
  if (rc < 0) {
    cm_buf_free(vm, &b);
    return CM_ERROR;
  }
  return cm_bytes_from_buf(vm, &b);
}

cm_value cm_str_encode(cm_vm *vm, cm_value self, cm_value enc, cm_value err) {
  int codec = 0, errors = 0;
  if (enc != CM_NULL) {
    codec = cm_codec_lookup(cm_str_cstr(enc));
    if (codec < 0)
      return cm_raise(vm, &cm_exc_LookupError, "unknown encoding: %U", enc);
  }
  /* an unknown handler only matters once an error occurs */
  if (err != CM_NULL) errors = cm_errors_lookup(cm_str_cstr(err));
  cm_str *s = S(self);
  if (codec == 0 && !s->ascii)
    return encode_utf8(vm, s, errors, err != CM_NULL ? cm_str_cstr(err) : "strict");
  if (codec == 0 || s->ascii) {
    cm_buf b = {0};
    if (cm_buf_put(vm, &b, s->data, s->size) < 0) return CM_ERROR;
    return cm_bytes_from_buf(vm, &b);
  }
  return encode_narrow(vm, s, codec, errors,
                       err != CM_NULL ? cm_str_cstr(err) : "strict");
}

static cm_value str_encode(cm_vm *vm, const cm_value *args, int nargs,
                           cm_value kw) {
  static const char *const names[] = {"encoding", "errors"};
  cm_value a[2];
  if (cm_bind_args(vm, "encode", args + 1, nargs - 1, kw, names, 2, 0, 2, a) < 0)
    return CM_ERROR;
  for (int i = 0; i < 2; i++)
    if (a[i] != CM_NULL && !cm_is_str(vm, a[i]))
      return cm_raise(vm, &cm_exc_TypeError,
                      "encode() argument '%s' must be str, not %T", names[i],
                      a[i]);
  return cm_str_encode(vm, args[0], a[0], a[1]);
}

/* ---- translate / maketrans --------------------------------------------------------- */

static cm_value str_maketrans(cm_vm *vm, const cm_value *args, int nargs,
                              cm_value kw) {
  /* static method: no self */
  if (no_kw(vm, "maketrans", kw) < 0) return CM_ERROR;
  if (nargs < 1)
    return cm_raise(vm, &cm_exc_TypeError,
                    "maketrans expected at least 1 argument, got 0");
  if (nargs > 3)
    return cm_raise(vm, &cm_exc_TypeError,
                    "maketrans expected at most 3 arguments, got %d", nargs);
  cm_value d = cm_dict_new(vm);
  if (d == CM_ERROR) return CM_ERROR;
  if (nargs == 1) {
    if (cm_typeof(vm, args[0]) != &cm_dict_type)
      return cm_raise(vm, &cm_exc_TypeError, "if you give only one argument "
                      "to maketrans it must be a dict");
    cm_dict *src = CM_AS(cm_dict, args[0]);
    for (size_t i = 0; i < src->nentries; i++) {
      cm_value k = src->entries[i].key;
      if (k == CM_NULL) continue;
      if (cm_is_str(vm, k)) {
        if (S(k)->len != 1)
          return cm_raise(vm, &cm_exc_ValueError, "string keys in translate "
                          "table must be of length 1");
        size_t adv;
        k = cm_mkint(cm_utf8_get((const unsigned char *)S(k)->data, &adv));
      } else if (!cm_is_intlike(vm, k)) {
        return cm_raise(vm, &cm_exc_TypeError, "keys in translate table must "
                        "be strings or integers");
      }
      if (cm_dict_set(vm, d, k, src->entries[i].value) < 0) return CM_ERROR;
    }
    return d;
  }
  if (!cm_is_str(vm, args[0]) || !cm_is_str(vm, args[1]))
    return cm_raise(vm, &cm_exc_TypeError, "maketrans() argument %d must be "
                    "str, not %T", cm_is_str(vm, args[0]) ? 2 : 1,
                    cm_is_str(vm, args[0]) ? args[1] : args[0]);
  cm_str *x = S(args[0]), *y = S(args[1]);
  if (x->len != y->len)
    return cm_raise(vm, &cm_exc_ValueError, "the first two maketrans "
                    "arguments must have equal length");
  const unsigned char *p = (const unsigned char *)x->data;
  const unsigned char *q = (const unsigned char *)y->data;
  for (size_t i = 0, j = 0; i < x->size;) {
    size_t a1, a2;
    uint32_t c1 = cm_utf8_get(p + i, &a1), c2 = cm_utf8_get(q + j, &a2);
    if (cm_dict_set(vm, d, cm_mkint(c1), cm_mkint(c2)) < 0) return CM_ERROR;
    i += a1;
    j += a2;
  }
  if (nargs == 3) {
    if (!cm_is_str(vm, args[2]))
      return cm_raise(vm, &cm_exc_TypeError, "maketrans() argument 3 must be "
                      "str, not %T", args[2]);
    cm_str *z = S(args[2]);
    p = (const unsigned char *)z->data;
    for (size_t i = 0; i < z->size;) {
      size_t a1;
      uint32_t c = cm_utf8_get(p + i, &a1);
      if (cm_dict_set(vm, d, cm_mkint(c), CM_NONE) < 0) return CM_ERROR;
      i += a1;
    }
  }
  return d;
}

/* One translated code point: 1 mapped, 0 keep, -1 error. */
static int translate_one(cm_vm *vm, cm_value table, uint32_t c, cm_buf *b,
                         size_t *len) {
  cm_value key = cm_mkint(c), v;
  if (cm_typeof(vm, table) == &cm_dict_type) {
    v = cm_dict_get(vm, table, key);
    if (v == CM_ERROR) return -1;
    if (v == CM_NULL) return 0;
  } else {
    v = cm_getitem(vm, table, key);
    if (v == CM_ERROR) {
      if (!cm_exc_matches(vm, &cm_exc_LookupError)) return -1;
      cm_exc_clear(vm);
      return 0;
    }
  }
  if (cm_is_none(v)) return 1;
  if (cm_is_str(vm, v)) {
    *len += S(v)->len;
    return cm_buf_put_value_str(vm, b, v) < 0 ? -1 : 1;
  }
  if (cm_is_intlike(vm, v)) {
    int64_t n;
    if (cm_index_i64(vm, v, &n) < 0) return -1;
    if (n < 0 || n > 0x10FFFF) {
      cm_raise(vm, &cm_exc_ValueError,
               "character mapping must be in range(0x110000)");
      return -1;
    }
    (*len)++;
    return cm_buf_put_cp(vm, b, (uint32_t)n) < 0 ? -1 : 1;
  }
  cm_raise(vm, &cm_exc_TypeError,
           "character mapping must return integer, None or str");
  return -1;
}

static cm_value str_translate(cm_vm *vm, const cm_value *args, int nargs,
                              cm_value kw) {
  if (one_arg(vm, "translate", nargs, kw) < 0) return CM_ERROR;
  cm_str *s = S(args[0]);
  const unsigned char *d = (const unsigned char *)s->data;
  cm_buf b = {0};
  size_t len = 0;
  for (size_t i = 0; i < s->size;) {
    size_t adv;
    uint32_t c = cm_utf8_get(d + i, &adv);
    int rc = translate_one(vm, args[1], c, &b, &len);
    if (rc == 0) {
      rc = cm_buf_put(vm, &b, (const char *)d + i, adv);
      len++;
    }
    if (rc < 0) {
      cm_buf_free(vm, &b);
      return CM_ERROR;
    }
    i += adv;
  }
  return cm_buf_finish_len(vm, &b, len);
}

/* ---- formatting ------------------------------------------------------------------------ */

static cm_value kwargs_dict(cm_vm *vm, const cm_value *args, int nargs,
                            cm_value kw) {
  if (kw == CM_NULL || CM_AS(cm_tuple, kw)->n == 0) return CM_NULL;
  cm_value d = cm_dict_new(vm);
  if (d == CM_ERROR) return CM_ERROR;
  cm_tuple *names = CM_AS(cm_tuple, kw);
  for (size_t i = 0; i < names->n; i++)
    if (cm_dict_set(vm, d, names->items[i], args[nargs + (int)i]) < 0)
      return CM_ERROR;
  return d;
}

static cm_value str_format_m(cm_vm *vm, const cm_value *args, int nargs,
                             cm_value kw) {
  cm_value kwd = kwargs_dict(vm, args, nargs, kw);
  if (kwd == CM_ERROR) return CM_ERROR;
  return cm_str_format(vm, args[0], args + 1, nargs - 1, kwd, CM_NULL);
}

static cm_value str_format_map(cm_vm *vm, const cm_value *args, int nargs,
                               cm_value kw) {
  if (one_arg(vm, "format_map", nargs, kw) < 0) return CM_ERROR;
  return cm_str_format(vm, args[0], NULL, 0, CM_NULL, args[1]);
}

static cm_value str_dunder_format(cm_vm *vm, const cm_value *args, int nargs,
                                  cm_value kw) {
  if (no_kw(vm, "__format__", kw) < 0) return CM_ERROR;
  if (nargs != 2)
    return cm_raise(vm, &cm_exc_TypeError, "__format__() takes exactly one "
                    "argument (%d given)", nargs - 1);
  if (!cm_is_str(vm, args[1]))
    return cm_raise(vm, &cm_exc_TypeError, "__format__() argument must be "
                    "str, not %T", args[1]);
  return cm_str_format_spec(vm, args[0], cm_str_cstr(args[1]),
                            S(args[1])->size);
}

static cm_value str_getnewargs(cm_vm *vm, const cm_value *args, int nargs,
                               cm_value kw) {
  if (no_args(vm, "__getnewargs__", nargs, kw) < 0) return CM_ERROR;
  return cm_tuple_from(vm, args, 1);
}

const cm_method_def cm_str_methods[] = {
  {"capitalize", str_capitalize, 0},
  {"casefold", str_casefold, 0},
  {"center", str_center, 0},
  {"count", str_count, 0},
  {"encode", str_encode, 0},
  {"endswith", str_endswith, 0},
  {"expandtabs", str_expandtabs, 0},
  {"find", str_find, 0},
  {"format", str_format_m, 0},
  {"format_map", str_format_map, 0},
  {"index", str_index, 0},
  {"isalnum", str_isalnum, 0},
  {"isalpha", str_isalpha, 0},
  {"isascii", str_isascii, 0},
  {"isdecimal", str_isdecimal, 0},
  {"isdigit", str_isdigit, 0},
  {"isidentifier", str_isidentifier, 0},
  {"islower", str_islower, 0},
  {"isnumeric", str_isnumeric, 0},
  {"isprintable", str_isprintable, 0},
  {"isspace", str_isspace, 0},
  {"istitle", str_istitle, 0},
  {"isupper", str_isupper, 0},
  {"join", str_join, 0},
  {"ljust", str_ljust, 0},
  {"lower", str_lower, 0},
  {"lstrip", str_lstrip, 0},
  {"maketrans", str_maketrans, CM_METH_STATIC},
  {"partition", str_partition, 0},
  {"removeprefix", str_removeprefix, 0},
  {"removesuffix", str_removesuffix, 0},
  {"replace", str_replace, 0},
  {"rfind", str_rfind, 0},
  {"rindex", str_rindex, 0},
  {"rjust", str_rjust, 0},
  {"rpartition", str_rpartition, 0},
  {"rsplit", str_rsplit, 0},
  {"rstrip", str_rstrip, 0},
  {"split", str_split, 0},
  {"splitlines", str_splitlines, 0},
  {"startswith", str_startswith, 0},
  {"strip", str_strip, 0},
  {"swapcase", str_swapcase, 0},
  {"title", str_title, 0},
  {"translate", str_translate, 0},
  {"upper", str_upper, 0},
  {"zfill", str_zfill, 0},
  {"__format__", str_dunder_format, 0},
  {"__getnewargs__", str_getnewargs, 0},
  {NULL, NULL, 0}
};
