/*
** list.c — the list type, its iterators, and helpers shared by sequences.
*/
#include "list.h"
#include "slice.h"

#define LIST(v) CM_AS(cm_list, v)

static bool is_list(cm_value v) {
  return cm_is_obj(v) && cm_objptr(v)->type == &cm_list_type;
}

/* ---- storage ---------------------------------------------------------- */

cm_value cm_list_new(cm_vm *vm, size_t cap) {
  cm_list *l = cm_gc_new(vm, &cm_list_type, sizeof(cm_list));
  if (!l) return CM_ERROR;
  if (cap) {
    if (cap > SIZE_MAX / sizeof(cm_value)) return cm_raise_memory(vm);
    l->items = cm_alloc(vm, cap * sizeof(cm_value));
    if (!l->items) return CM_ERROR;
    l->cap = cap;
  }
  return CM_VAL(l);
}

int cm_list_reserve(cm_vm *vm, cm_value list, size_t need) {
  cm_list *l = LIST(list);
  if (need <= l->cap) return 0;
  /* grow by ~1.5x so appends are amortized O(1) */
  size_t cap = l->cap + (l->cap >> 1) + 4;
  if (cap < need) cap = need;
  if (cap > SIZE_MAX / sizeof(cm_value)) {
    cm_raise_memory(vm);
    return -1;
  }
  cm_value *p = cm_realloc(vm, l->items, l->cap * sizeof(cm_value),
                           cap * sizeof(cm_value));
  if (!p) return -1;
  l->items = p;
  l->cap = cap;
  return 0;
}

int cm_list_append(cm_vm *vm, cm_value list, cm_value v) {
  cm_list *l = LIST(list);
  if (l->n == l->cap && cm_list_reserve(vm, list, l->n + 1) < 0) return -1;
  l->items[l->n++] = v;
  return 0;
}

/* Shrinks the buffer when mostly unused, so popped lists give memory back. */
static void list_maybe_shrink(cm_vm *vm, cm_list *l) {
  if (l->cap <= 16 || l->n >= l->cap / 4) return;
  size_t cap = l->n * 2 + 4;
  cm_value *p = cm_realloc(vm, l->items, l->cap * sizeof(cm_value),
                           cap * sizeof(cm_value));
  if (!p) {
    cm_exc_clear(vm); /* keeping the larger buffer is fine */
    return;
  }
  l->items = p;
  l->cap = cap;
}

static cm_value list_from_items(cm_vm *vm, const cm_value *items, size_t n) {
  cm_value r = cm_list_new(vm, n);
  if (cm_is_error(r)) return r;
  if (n) memcpy(LIST(r)->items, items, n * sizeof(cm_value));
  LIST(r)->n = n;
  return r;
}

cm_value *cm_seq_items(cm_value v, size_t *n) {
  *n = 0;
  if (!cm_is_obj(v)) return NULL;
  const cm_type *t = cm_objptr(v)->type;
  if (t == &cm_list_type) {
    *n = LIST(v)->n;
    return LIST(v)->items;
  }
  if (t == &cm_tuple_type) {
    *n = CM_AS(cm_tuple, v)->n;
    return CM_AS(cm_tuple, v)->items;
  }
  return NULL;
}

/* ---- iterables -------------------------------------------------------- */

bool cm_iterable_is_native(cm_vm *vm, cm_value v) {
  const cm_type *t = cm_typeof(vm, v);
  if (t->flags & CM_TF_ITERATOR) return true;
  switch (t->id) {
  case CM_T_LIST: case CM_T_TUPLE: case CM_T_STR: case CM_T_BYTES:
  case CM_T_BYTEARRAY: case CM_T_DICT: case CM_T_SET: case CM_T_FROZENSET:
  case CM_T_RANGE: case CM_T_DICT_KEYS: case CM_T_DICT_VALUES:
  case CM_T_DICT_ITEMS:
    return true;
  default:
    return false;
  }
}

/* Appends every item of iterator `it` to `list` (may nest for Python
   iterators). */
static int list_drain(cm_vm *vm, cm_value list, cm_value it) {
  for (;;) {
    cm_value x = cm_next(vm, it);
    if (x == CM_STOP) return 0;
    if (cm_is_error(x)) return -1;
    if (cm_list_append(vm, list, x) < 0) return -1;
  }
}

int cm_list_extend(cm_vm *vm, cm_value list, cm_value iterable) {
  size_t n;
  cm_value *src = cm_seq_items(iterable, &n);
  if (src) {
    if (cm_list_reserve(vm, list, LIST(list)->n + n) < 0) return -1;
    src = cm_seq_items(iterable, &n); /* list += list: re-read */
    if (n == 0) return 0;
    memcpy(LIST(list)->items + LIST(list)->n, src, n * sizeof(cm_value));
    LIST(list)->n += n;
    return 0;
  }
  cm_value it = cm_iter(vm, iterable);
  if (cm_is_error(it)) return -1;
  return list_drain(vm, list, it);
}

cm_value cm_list_from_iterable(cm_vm *vm, cm_value it) {
  cm_value r = cm_list_new(vm, 0);
  if (cm_is_error(r)) return r;
  return cm_list_extend(vm, r, it) < 0 ? CM_ERROR : r;
}

cm_value cm_list_from_iterable_native(cm_vm *vm, cm_value it) {
  if (!cm_iterable_is_native(vm, it)) {
    const cm_type *t = cm_typeof(vm, it);
    /* not iterable at all: raise the TypeError here, not in the prelude */
    if (!t->iter && !t->getitem && t->id != CM_T_USER) return cm_iter(vm, it);
    return CM_NULL;
  }
  return cm_list_from_iterable(vm, it);
}

cm_value cm_native_helper(cm_vm *vm, cm_native_fn fn, const char *name) {
  cm_builtin *b = cm_gc_new(vm, &cm_builtin_type, sizeof(cm_builtin));
  if (!b) return CM_ERROR;
  b->fn = fn;
  b->name = name;
  b->self = CM_NULL;
  return CM_VAL(b);
}

cm_value cm_tail_relist(cm_vm *vm, cm_value f, const cm_value *args, int nargs,
                        cm_value kwnames, uint32_t which) {
  cm_value kw = cm_kwargs_dict(vm, args + nargs, kwnames);
  if (cm_is_error(kw)) return kw;
  if (cm_is_null(kw)) kw = CM_NONE; /* the helper takes None for "no kwargs" */
  cm_value argt = cm_tuple_from(vm, args, (size_t)nargs);
  if (cm_is_error(argt)) return argt;
  cm_value w = cm_list_new(vm, 0);
  if (cm_is_error(w)) return w;
  for (int i = 0; i < nargs && i < 31; i++)
    if ((which >> i) & 1 && cm_list_append(vm, w, cm_mkint(i)) < 0)
      return CM_ERROR;
  cm_value helper = cm_prelude(vm, "ct_relist");
  if (cm_is_error(helper)) return helper;
  cm_value targs[4] = {f, argt, w, kw};
  cm_value t = cm_tuple_from(vm, targs, 4);
  if (cm_is_error(t)) return t;
  return cm_tailcall(vm, helper, t, CM_NULL);
}

/* ---- indexing --------------------------------------------------------- */

/* cm_seq_index with the out-of-range message given (NULL: "<what> index
   out of range"). */
static int seq_index(cm_vm *vm, cm_value key, int64_t len, const char *what,
                     const char *range_msg, int64_t *out) {
  int64_t i;
  if (cm_is_int(key)) {
    i = cm_intval(key);
  } else if (cm_is_intlike(vm, key) || cm_has_index(vm, key)) {
    cm_value k = cm_index(vm, key);
    if (cm_is_error(k)) return -1;
    if (cm_int_to_i64(vm, k, &i) < 0) {
      cm_exc_clear(vm);
      cm_raise(vm, &cm_exc_IndexError,
               "cannot fit '%T' into an index-sized integer", key);
      return -1;
    }
  } else {
    cm_raise(vm, &cm_exc_TypeError,
             "%s indices must be integers or slices, not %T", what, key);
    return -1;
  }
  if (i < 0) i += len;
  if (i < 0 || i >= len) {
    if (range_msg) cm_raise(vm, &cm_exc_IndexError, "%s", range_msg);
    else cm_raise(vm, &cm_exc_IndexError, "%s index out of range", what);
    return -1;
  }
  *out = i;
  return 0;
}

int cm_seq_index(cm_vm *vm, cm_value key, int64_t len, const char *what,
                 int64_t *out) {
  return seq_index(vm, key, len, what, NULL, out);
}

static cm_value list_getslice(cm_vm *vm, cm_value self, cm_value key) {
  int64_t start, stop, step, n;
  if (cm_slice_indices(vm, key, (int64_t)LIST(self)->n, &start, &stop, &step,
                       &n) < 0)
    return CM_ERROR;
  if (step == 1) return list_from_items(vm, LIST(self)->items + start, (size_t)n);
  cm_value r = cm_list_new(vm, (size_t)n);
  if (cm_is_error(r)) return r;
  for (int64_t k = 0, i = start; k < n; k++, i += step)
    LIST(r)->items[k] = LIST(self)->items[i];
  LIST(r)->n = (size_t)n;
  return r;
}

static cm_value list_getitem(cm_vm *vm, cm_value self, cm_value key) {
  if (cm_is_int(key)) { /* fast path */
    int64_t i = cm_intval(key), n = (int64_t)LIST(self)->n;
    if (i < 0) i += n;
    if (i >= 0 && i < n) return LIST(self)->items[i];
  }
  if (cm_is_slice(key)) return list_getslice(vm, self, key);
  int64_t i;
  if (cm_seq_index(vm, key, (int64_t)LIST(self)->n, "list", &i) < 0)
    return CM_ERROR;
  return LIST(self)->items[i];
}

/* Replaces items[lo..hi) with src[0..n). */
static int list_replace(cm_vm *vm, cm_value self, size_t lo, size_t hi,
                        const cm_value *src, size_t n) {
  cm_list *l = LIST(self);
  size_t old = l->n, nn = old - (hi - lo) + n;
  if (nn > old && cm_list_reserve(vm, self, nn) < 0) return -1;
  if (old > hi) memmove(l->items + lo + n, l->items + hi, (old - hi) * sizeof(cm_value));
  if (n) memcpy(l->items + lo, src, n * sizeof(cm_value));
  l->n = nn;
  list_maybe_shrink(vm, l);
  return 0;
}

static int list_setslice(cm_vm *vm, cm_value self, cm_value key, cm_value v) {
  int64_t start, stop, step, n;
  if (cm_slice_indices(vm, key, (int64_t)LIST(self)->n, &start, &stop, &step,
                       &n) < 0)
    return -1;
  /* materialize first: the source may be the list itself */
  size_t m;
  cm_value src = v;
  if (!cm_seq_items(v, &m) || v == self) {
    const cm_type *t = cm_typeof(vm, v);
    if (!t->iter && !t->getitem) {
      cm_raise(vm, &cm_exc_TypeError, "must assign iterable to extended slice");
      return -1;
    }
    src = cm_list_from_iterable(vm, v);
    if (cm_is_error(src)) return -1;
  }
  cm_value *items = cm_seq_items(src, &m);
  if (step == 1) {
    if (stop < start) stop = start;
    return list_replace(vm, self, (size_t)start, (size_t)stop, items, m);
  }
  if ((int64_t)m != n) {
    cm_raise(vm, &cm_exc_ValueError,
             "attempt to assign sequence of size %zu to extended slice of size %lld",
             m, (long long)n);
    return -1;
  }
  for (int64_t k = 0, i = start; k < n; k++, i += step)
    LIST(self)->items[i] = items[k];
  return 0;
}

static int list_delslice(cm_vm *vm, cm_value self, cm_value key) {
  int64_t start, stop, step, n;
  cm_list *l = LIST(self);
  if (cm_slice_indices(vm, key, (int64_t)l->n, &start, &stop, &step, &n) < 0)
    return -1;
  if (n == 0) return 0;
  if (step < 0) { /* same items, walked forwards */
    start = start + (n - 1) * step;
    step = -step;
  }
  if (step == 1) return list_replace(vm, self, (size_t)start, (size_t)(start + n), NULL, 0);
  size_t w = (size_t)start, next = (size_t)start;
  int64_t k = 0;
  for (size_t r = (size_t)start; r < l->n; r++) {
    if (k < n && r == next) {
      k++;
      next += (size_t)step;
      continue;
    }
    l->items[w++] = l->items[r];
  }
  l->n = w;
  list_maybe_shrink(vm, l);
  return 0;
}

static int list_setitem(cm_vm *vm, cm_value self, cm_value key, cm_value v) {
  if (cm_is_slice(key)) return list_setslice(vm, self, key, v);
  int64_t i;
  if (seq_index(vm, key, (int64_t)LIST(self)->n, "list",
                "list assignment index out of range", &i) < 0)
    return -1;
  LIST(self)->items[i] = v;
  return 0;
}

static int list_delitem(cm_vm *vm, cm_value self, cm_value key) {
  if (cm_is_slice(key)) return list_delslice(vm, self, key);
  int64_t i;
  if (seq_index(vm, key, (int64_t)LIST(self)->n, "list",
                "list assignment index out of range", &i) < 0)
    return -1;
  return list_replace(vm, self, (size_t)i, (size_t)i + 1, NULL, 0);
}

/* ---- comparisons, repr, hash ----------------------------------------- */

cm_value cm_seq_compare(cm_vm *vm, int op, cm_value a, cm_value b) {
  size_t na, nb, i;
  if (cm_c_enter(vm, "in comparison") < 0) return CM_ERROR;
  for (i = 0;; i++) {
    cm_value *ia = cm_seq_items(a, &na), *ib = cm_seq_items(b, &nb);
    if (i >= na || i >= nb) break;
    cm_value x = ia[i], y = ib[i];
    int eq = cm_eq(vm, x, y);
    if (eq < 0) {
      cm_c_leave(vm);
      return CM_ERROR;
    }
    if (!eq) {
      cm_value r = op == CM_CMP_EQ   ? CM_FALSE
                   : op == CM_CMP_NE ? CM_TRUE
                                     : cm_compare(vm, op, x, y);
      cm_c_leave(vm);
      return r;
    }
  }
  cm_c_leave(vm);
  int64_t d = (int64_t)na - (int64_t)nb;
  switch (op) {
  case CM_CMP_LT: return cm_bool(d < 0);
  case CM_CMP_LE: return cm_bool(d <= 0);
  case CM_CMP_EQ: return cm_bool(d == 0);
  case CM_CMP_NE: return cm_bool(d != 0);
  case CM_CMP_GT: return cm_bool(d > 0);
  default: return cm_bool(d >= 0);
  }
}

static cm_value list_compare(cm_vm *vm, int op, cm_value a, cm_value b) {
  if (!is_list(a) || !is_list(b)) return CM_NOTIMPL;
  if ((op == CM_CMP_EQ || op == CM_CMP_NE) && LIST(a)->n != LIST(b)->n)
    return cm_bool(op == CM_CMP_NE);
  return cm_seq_compare(vm, op, a, b);
}

int cm_repr_items(cm_vm *vm, cm_buf *b, cm_value seq) {
  size_t n;
  for (size_t i = 0;; i++) {
    cm_value *items = cm_seq_items(seq, &n);
    if (i >= n) return 0;
    if (i && cm_buf_put(vm, b, ", ", 2) < 0) return -1;
    cm_value r = cm_repr(vm, items[i]);
    if (cm_is_error(r) || cm_buf_put_value_str(vm, b, r) < 0) return -1;
  }
}

static cm_value list_repr(cm_vm *vm, cm_value self) {
  cm_obj *o = cm_objptr(self);
  if (o->flags & CM_FLAG_IN_REPR) return cm_str_from_cstr(vm, "[...]");
  if (LIST(self)->n == 0) return cm_str_from_cstr(vm, "[]");
  o->flags |= CM_FLAG_IN_REPR;
  cm_buf b = {0};
  int rc = cm_buf_putc(vm, &b, '[');
  if (rc == 0) rc = cm_repr_items(vm, &b, self);
  if (rc == 0) rc = cm_buf_putc(vm, &b, ']');
  o->flags &= (uint8_t)~CM_FLAG_IN_REPR;
  if (rc < 0) {
    cm_buf_free(vm, &b);
    return CM_ERROR;
  }
  return cm_buf_finish(vm, &b);
}

int cm_hash_unhashable(cm_vm *vm, cm_value self, int64_t *out) {
  (void)out;
  cm_raise(vm, &cm_exc_TypeError, "unhashable type: '%T'", self);
  return -1;
}

/* ---- operators -------------------------------------------------------- */

/* Count for seq * n: the other operand as an int (negative -> 0). 1 ok,
   0 not an int (NotImplemented), -1 error. */
int cm_repeat_count(cm_vm *vm, cm_value v, int64_t *out) {
  if (!cm_is_intlike(vm, v)) return 0;
  if (cm_int_to_i64(vm, v, out) < 0) {
    cm_exc_clear(vm);
    cm_raise(vm, &cm_exc_OverflowError,
             "cannot fit 'int' into an index-sized integer");
    return -1;
  }
  if (*out < 0) *out = 0;
  return 1;
}

static cm_value list_repeat(cm_vm *vm, cm_value self, int64_t k) {
  size_t n = LIST(self)->n;
  if (n && (uint64_t)k > (SIZE_MAX / sizeof(cm_value)) / n)
    return cm_raise_memory(vm); /* checked before allocating */
  cm_value r = cm_list_new(vm, n * (size_t)k);
  if (cm_is_error(r) || n == 0) return r;
  for (int64_t i = 0; i < k; i++)
    memcpy(LIST(r)->items + i * n, LIST(self)->items, n * sizeof(cm_value));
  LIST(r)->n = n * (size_t)k;
  return r;
}

static cm_value list_inplace_repeat(cm_vm *vm, cm_value self, int64_t k) {
  cm_list *l = LIST(self);
  size_t n = l->n;
  if (k == 0 || n == 0) {
    l->n = 0;
    list_maybe_shrink(vm, l);
    return self;
  }
  if ((uint64_t)k > (SIZE_MAX / sizeof(cm_value)) / n) return cm_raise_memory(vm);
  if (cm_list_reserve(vm, self, n * (size_t)k) < 0) return CM_ERROR;
  for (int64_t i = 1; i < k; i++)
    memcpy(l->items + i * n, l->items, n * sizeof(cm_value));
  l->n = n * (size_t)k;
  return self;
}

cm_value cm_seq_mul_error(cm_vm *vm, cm_value other) {
  if (cm_typeof(vm, other)->id == CM_T_USER) return CM_NOTIMPL;
  return cm_raise(vm, &cm_exc_TypeError,
                  "can't multiply sequence by non-int of type '%T'", other);
}

static cm_value list_binop(cm_vm *vm, int op, cm_value a, cm_value b) {
  int64_t k;
  int rc;
  switch (op) {
  case CM_OP_ADD:
    if (!is_list(a)) return CM_NOTIMPL;
    if (!is_list(b)) {
      if (cm_typeof(vm, b)->id == CM_T_USER) return CM_NOTIMPL;
      return cm_raise(vm, &cm_exc_TypeError,
                      "can only concatenate list (not \"%T\") to list", b);
    }
    {
      cm_value r = list_from_items(vm, LIST(a)->items, LIST(a)->n);
      if (cm_is_error(r) || cm_list_extend(vm, r, b) < 0) return CM_ERROR;
      return r;
    }
  case CM_OP_INPLACE + CM_OP_ADD:
    if (!is_list(a)) return CM_NOTIMPL;
    return cm_list_extend(vm, a, b) < 0 ? CM_ERROR : a;
  case CM_OP_MUL:
  case CM_OP_INPLACE + CM_OP_MUL: {
    cm_value seq = is_list(a) ? a : b, other = is_list(a) ? b : a;
    rc = cm_repeat_count(vm, other, &k);
    if (rc < 0) return CM_ERROR;
    if (rc == 0) return cm_seq_mul_error(vm, other);
    if (op == CM_OP_MUL) return list_repeat(vm, seq, k);
    return is_list(a) ? list_inplace_repeat(vm, a, k) : CM_NOTIMPL;
  }
  default:
    return CM_NOTIMPL;
  }
}

static int64_t list_len(cm_vm *vm, cm_value self) {
  (void)vm;
  return (int64_t)LIST(self)->n;
}

static int list_contains(cm_vm *vm, cm_value self, cm_value x) {
  for (size_t i = 0; i < LIST(self)->n; i++) {
    int eq = cm_eq(vm, LIST(self)->items[i], x);
    if (eq) return eq;
  }
  return 0;
}

/* ---- iterators -------------------------------------------------------- */

cm_value cm_seqiter_new(cm_vm *vm, const cm_type *t, cm_value seq, size_t i) {
  cm_seqiter *it = cm_gc_new(vm, t, sizeof(cm_seqiter));
  if (!it) return CM_ERROR;
  it->seq = seq;
  it->i = i;
  return CM_VAL(it);
}

static cm_value list_iter(cm_vm *vm, cm_value self) {
  return cm_seqiter_new(vm, &cm_list_iter_type, self, 0);
}

static cm_value listiter_next(cm_vm *vm, cm_value self) {
  cm_seqiter *it = CM_AS(cm_seqiter, self);
  if (cm_is_null(it->seq)) return CM_STOP;
  if (it->i < LIST(it->seq)->n) return LIST(it->seq)->items[it->i++];
  it->seq = CM_NULL;
  return CM_STOP;
}

static cm_value listreviter_next(cm_vm *vm, cm_value self) {
  cm_seqiter *it = CM_AS(cm_seqiter, self);
  if (cm_is_null(it->seq)) return CM_STOP;
  if (it->i > 0 && it->i <= LIST(it->seq)->n) return LIST(it->seq)->items[--it->i];
  it->seq = CM_NULL;
  return CM_STOP;
}

cm_value cm_iter_self(cm_vm *vm, cm_value self) { return self; }

void cm_seqiter_trace(cm_vm *vm, cm_obj *o) {
  cm_gc_mark_value(vm, ((cm_seqiter *)o)->seq);
}

/* reversed(list) — used by iter.c's reversed(). */
cm_value cm_list_reversed(cm_vm *vm, cm_value list) {
  return cm_seqiter_new(vm, &cm_list_reviter_type, list, LIST(list)->n);
}

/* ---- methods ---------------------------------------------------------- */

static int no_kw(cm_vm *vm, const char *name, cm_value kw) {
  if (!cm_has_kw(kw)) return 0;
  cm_raise(vm, &cm_exc_TypeError, "%s() takes no keyword arguments", name);
  return -1;
}

int cm_arity_o(cm_vm *vm, const char *name, int nargs, cm_value kw) {
  if (no_kw(vm, name, kw) < 0) return -1;
  if (nargs == 1) return 0;
  cm_raise(vm, &cm_exc_TypeError, "%s() takes exactly one argument (%d given)",
           name, nargs);
  return -1;
}

int cm_arity_none(cm_vm *vm, const char *name, int nargs, cm_value kw) {
  if (no_kw(vm, name, kw) < 0) return -1;
  if (nargs == 0) return 0;
  cm_raise(vm, &cm_exc_TypeError, "%s() takes no arguments (%d given)", name, nargs);
  return -1;
}

int cm_arity(cm_vm *vm, const char *name, int nargs, cm_value kw, int min, int max) {
  if (no_kw(vm, name, kw) < 0) return -1;
  if (nargs >= min && nargs <= max) return 0;
  const char *how = min == max ? "" : nargs < min ? "at least " : "at most ";
  int n = nargs < min ? min : max;
  cm_raise(vm, &cm_exc_TypeError, "%s expected %s%d argument%s, got %d", name, how,
           n, n == 1 ? "" : "s", nargs);
  return -1;
}

static cm_value m_append(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_arity_o(vm, "list.append", nargs - 1, kw) < 0) return CM_ERROR;
  return cm_list_append(vm, args[0], args[1]) < 0 ? CM_ERROR : CM_NONE;
}

static cm_value m_extend(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_arity_o(vm, "list.extend", nargs - 1, kw) < 0) return CM_ERROR;
  if (!cm_iterable_is_native(vm, args[1])) {
    const cm_type *t = cm_typeof(vm, args[1]);
    if (!t->iter && !t->getitem)
      return cm_raise(vm, &cm_exc_TypeError, "'%T' object is not iterable", args[1]);
    cm_value f = cm_native_helper(vm, m_extend, "extend");
    if (cm_is_error(f)) return f;
    return cm_tail_relist(vm, f, args, 2, CM_NULL, 2);
  }
  return cm_list_extend(vm, args[0], args[1]) < 0 ? CM_ERROR : CM_NONE;
}

/* Clamps an index argument like CPython's slice-style start/stop. */
static int clamp_arg(cm_vm *vm, cm_value v, int64_t len, int64_t *out) {
  int64_t i;
  if (cm_is_int(v)) {
    i = cm_intval(v);
  } else {
    cm_value x = cm_index(vm, v);
    if (cm_is_error(x)) return -1;
    if (cm_int_to_i64(vm, x, &i) < 0) {
      cm_exc_clear(vm);
      i = cm_compare_bool(vm, CM_CMP_LT, x, cm_mkint(0)) ? INT64_MIN / 2 : INT64_MAX / 2;
    }
  }
  if (i < 0) {
    i += len;
    if (i < 0) i = 0;
  }
  if (i > len) i = len;
  *out = i;
  return 0;
}

static cm_value m_insert(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_arity(vm, "insert", nargs - 1, kw, 2, 2) < 0) return CM_ERROR;
  int64_t i;
  if (clamp_arg(vm, args[1], (int64_t)LIST(args[0])->n, &i) < 0) return CM_ERROR;
  return list_replace(vm, args[0], (size_t)i, (size_t)i, &args[2], 1) < 0 ? CM_ERROR
                                                                          : CM_NONE;
}

static cm_value m_pop(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_arity(vm, "pop", nargs - 1, kw, 0, 1) < 0) return CM_ERROR;
  cm_list *l = LIST(args[0]);
  int64_t i = -1;
  if (nargs > 1 && cm_index_i64(vm, args[1], &i) < 0) return CM_ERROR;
  if (l->n == 0) return cm_raise(vm, &cm_exc_IndexError, "pop from empty list");
  if (i < 0) i += (int64_t)l->n;
  if (i < 0 || i >= (int64_t)l->n)
    return cm_raise(vm, &cm_exc_IndexError, "pop index out of range");
  cm_value v = l->items[i];
  if (list_replace(vm, args[0], (size_t)i, (size_t)i + 1, NULL, 0) < 0) return CM_ERROR;
  return v;
}

static cm_value m_remove(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_arity_o(vm, "list.remove", nargs - 1, kw) < 0) return CM_ERROR;
  for (size_t i = 0; i < LIST(args[0])->n; i++) {
    int eq = cm_eq(vm, LIST(args[0])->items[i], args[1]);
    if (eq < 0) return CM_ERROR;
    if (eq) {
      if (i >= LIST(args[0])->n) break;
      return list_replace(vm, args[0], i, i + 1, NULL, 0) < 0 ? CM_ERROR : CM_NONE;
    }
  }
  return cm_raise(vm, &cm_exc_ValueError, "list.remove(x): x not in list");
}

/* Shared by list.index and tuple.index. */
cm_value cm_seq_find(cm_vm *vm, const cm_value *args, int nargs, cm_value kw,
                     const char *what) {
  if (cm_arity(vm, "index", nargs - 1, kw, 1, 3) < 0) return CM_ERROR;
  size_t n;
  cm_seq_items(args[0], &n);
  int64_t lo = 0, hi = (int64_t)n;
  if (nargs > 2 && clamp_arg(vm, args[2], (int64_t)n, &lo) < 0) return CM_ERROR;
  if (nargs > 3 && clamp_arg(vm, args[3], (int64_t)n, &hi) < 0) return CM_ERROR;
  for (int64_t i = lo; i < hi; i++) {
    cm_value *items = cm_seq_items(args[0], &n);
    if ((size_t)i >= n) break;
    int eq = cm_eq(vm, items[i], args[1]);
    if (eq < 0) return CM_ERROR;
    if (eq) return cm_mkint(i);
  }
  return cm_raise(vm, &cm_exc_ValueError, "%s.index(x): x not in %s", what, what);
}

static const char *what_count(cm_value seq) {
  return cm_objptr(seq)->type == &cm_tuple_type ? "tuple.count" : "list.count";
}

cm_value cm_seq_count(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_arity_o(vm, what_count(args[0]), nargs - 1, kw) < 0) return CM_ERROR;
  size_t n;
  int64_t c = 0;
  for (size_t i = 0;; i++) {
    cm_value *items = cm_seq_items(args[0], &n);
    if (i >= n) break;
    int eq = cm_eq(vm, items[i], args[1]);
    if (eq < 0) return CM_ERROR;
    c += eq;
  }
  return cm_mkint(c);
}

static cm_value m_index(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  return cm_seq_find(vm, args, nargs, kw, "list");
}

static cm_value m_clear(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_arity_none(vm, "list.clear", nargs - 1, kw) < 0) return CM_ERROR;
  cm_list *l = LIST(args[0]);
  cm_free(vm, l->items, l->cap * sizeof(cm_value));
  l->items = NULL;
  l->n = l->cap = 0;
  return CM_NONE;
}

static cm_value m_copy(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_arity_none(vm, "list.copy", nargs - 1, kw) < 0) return CM_ERROR;
  return list_from_items(vm, LIST(args[0])->items, LIST(args[0])->n);
}

static cm_value m_reverse(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_arity_none(vm, "list.reverse", nargs - 1, kw) < 0) return CM_ERROR;
  cm_list *l = LIST(args[0]);
  for (size_t i = 0, j = l->n; i + 1 < j; i++, j--) {
    cm_value t = l->items[i];
    l->items[i] = l->items[j - 1];
    l->items[j - 1] = t;
  }
  return CM_NONE;
}

/* Finishes a keyed sort: done(lst, keys, reverse, ret) from the prelude. */
static cm_value sort_done(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  cm_value lst = args[0], keys = args[1];
  if (LIST(keys)->n != LIST(lst)->n)
    return cm_raise(vm, &cm_exc_ValueError, "list modified during sort");
  if (cm_sort_values(vm, LIST(lst)->items, LIST(keys)->items, LIST(lst)->n,
                     args[2] == CM_TRUE) < 0)
    return CM_ERROR;
  return args[3] == CM_TRUE ? lst : CM_NONE;
}

cm_value cm_list_sort(cm_vm *vm, cm_value list, cm_value key, bool reverse,
                      bool ret_list) {
  cm_value ret = ret_list ? list : CM_NONE;
  if (cm_is_null(key) || cm_is_none(key)) {
    return cm_sort_values(vm, LIST(list)->items, NULL, LIST(list)->n, reverse) < 0
               ? CM_ERROR : ret;
  }
  cm_value done = cm_native_helper(vm, sort_done, "sort");
  cm_value helper = cm_prelude(vm, "ct_sort_key");
  if (cm_is_error(done) || cm_is_error(helper)) return CM_ERROR;
  cm_value a[5] = {list, key, cm_bool(reverse), done, cm_bool(ret_list)};
  cm_value t = cm_tuple_from(vm, a, 5);
  if (cm_is_error(t)) return t;
  return cm_tailcall(vm, helper, t, CM_NULL);
}

static cm_value m_sort(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  static const char *const names[] = {"key", "reverse"};
  cm_value out[2];
  if (nargs > 1)
    return cm_raise(vm, &cm_exc_TypeError, "sort() takes no positional arguments");
  if (cm_bind_args(vm, "sort", args + 1, nargs - 1, kw, names, 2, 0, 0, out) < 0)
    return CM_ERROR;
  int rev = cm_is_null(out[1]) ? 0 : cm_truthy(vm, out[1]);
  if (rev < 0) return CM_ERROR;
  return cm_list_sort(vm, args[0], out[0], rev, false);
}

static const cm_method_def list_methods[] = {
    {"append", m_append, 0},   {"extend", m_extend, 0}, {"insert", m_insert, 0},
    {"pop", m_pop, 0},         {"remove", m_remove, 0}, {"index", m_index, 0},
    {"count", cm_seq_count, 0}, {"clear", m_clear, 0},  {"copy", m_copy, 0},
    {"reverse", m_reverse, 0}, {"sort", m_sort, 0},     {NULL, NULL, 0}};

/* list(iterable=()) */
static cm_value list_construct(cm_vm *vm, const cm_value *args, int nargs,
                               cm_value kw) {
  if (!cm_is_null(kw) && CM_AS(cm_tuple, kw)->n)
    return cm_raise(vm, &cm_exc_TypeError, "list() takes no keyword arguments");
  if (nargs > 1)
    return cm_raise(vm, &cm_exc_TypeError, "list expected at most 1 argument, got %d",
                    nargs);
  if (nargs == 0) return cm_list_new(vm, 0);
  cm_value r = cm_list_from_iterable_native(vm, args[0]);
  if (!cm_is_null(r)) return r;
  cm_value f = cm_prelude(vm, "ct_list");
  if (cm_is_error(f)) return f;
  cm_value t = cm_tuple_from(vm, args, 1);
  if (cm_is_error(t)) return t;
  return cm_tailcall(vm, f, t, CM_NULL);
}

static void list_trace(cm_vm *vm, cm_obj *o) {
  cm_list *l = (cm_list *)o;
  for (size_t i = 0; i < l->n; i++) cm_gc_mark_value(vm, l->items[i]);
}

static void list_finalize(cm_vm *vm, cm_obj *o) {
  cm_list *l = (cm_list *)o;
  cm_free(vm, l->items, l->cap * sizeof(cm_value));
  l->items = NULL;
  l->cap = l->n = 0;
}

const cm_type cm_list_type = {
    .name = "list",
    .id = CM_T_LIST,
    .flags = CM_TF_BASETYPE,
    .base = &cm_object_type,
    .repr = list_repr,
    .hash = cm_hash_unhashable,
    .compare = list_compare,
    .binop = list_binop,
    .len = list_len,
    .getitem = list_getitem,
    .setitem = list_setitem,
    .delitem = list_delitem,
    .contains = list_contains,
    .iter = list_iter,
    .construct = list_construct,
    .methods = list_methods,
    .trace = list_trace,
    .finalize = list_finalize,
};

const cm_type cm_list_iter_type = {
    .name = "list_iterator",
    .id = CM_T_LIST_ITER,
    .flags = CM_TF_ITERATOR,
    .base = &cm_object_type,
    .iter = cm_iter_self,
    .iternext = listiter_next,
    .trace = cm_seqiter_trace,
};

const cm_type cm_list_reviter_type = {
    .name = "list_reverseiterator",
    .id = CM_T_LIST_REVITER,
    .flags = CM_TF_ITERATOR,
    .base = &cm_object_type,
    .iter = cm_iter_self,
    .iternext = listreviter_next,
    .trace = cm_seqiter_trace,
};
