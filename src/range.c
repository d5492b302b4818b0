/*
** range.c — range objects (bounds may be big ints) and their iterator.
** Everything has an int64 fast path; huge bounds fall back to generic
** int arithmetic through cm_binop / cm_compare.
*/
#include "list.h"
#include "range.h"
#include "slice.h"

#define R(v) CM_AS(cm_range, v)

static bool is_range(cm_value v) {
  return cm_is_obj(v) && cm_objptr(v)->type == &cm_range_type;
}

/* Does int value v fit int64? (never raises) */
static bool fits(cm_vm *vm, cm_value v, int64_t *out) {
  if (cm_is_int(v)) {
    *out = cm_intval(v);
    return true;
  }
  if (cm_int_to_i64(vm, v, out) == 0) return true;
  cm_exc_clear(vm);
  return false;
}

static cm_value add(cm_vm *vm, cm_value a, cm_value b) { return cm_binop(vm, CM_OP_ADD, a, b); }
static cm_value sub(cm_vm *vm, cm_value a, cm_value b) { return cm_binop(vm, CM_OP_SUB, a, b); }
static cm_value mul(cm_vm *vm, cm_value a, cm_value b) { return cm_binop(vm, CM_OP_MUL, a, b); }

/* len(range) as an int value (possibly big). */
static cm_value len_value(cm_vm *vm, cm_value start, cm_value stop, cm_value step) {
  int64_t a, b, s;
  if (fits(vm, start, &a) && fits(vm, stop, &b) && fits(vm, step, &s)) {
    uint64_t n = 0;
    if (s > 0 && a < b) n = ((uint64_t)b - (uint64_t)a - 1) / (uint64_t)s + 1;
    if (s < 0 && a > b) n = ((uint64_t)a - (uint64_t)b - 1) / (0 - (uint64_t)s) + 1;
    if (n <= (uint64_t)INT64_MAX) return cm_int_from_i64(vm, (int64_t)n);
  }
  int neg = cm_compare_bool(vm, CM_CMP_LT, step, cm_mkint(0));
  if (neg < 0) return CM_ERROR;
  cm_value lo = neg ? stop : start, hi = neg ? start : stop;
  cm_value st = neg ? cm_unop(vm, CM_UN_NEG, step) : step;
  int empty = cm_compare_bool(vm, CM_CMP_GE, lo, hi);
  if (empty < 0 || cm_is_error(st)) return CM_ERROR;
  if (empty) return cm_mkint(0);
  cm_value d = sub(vm, sub(vm, hi, lo), cm_mkint(1));
  if (cm_is_error(d)) return d;
  d = cm_binop(vm, CM_OP_FLOORDIV, d, st);
  return cm_is_error(d) ? d : add(vm, d, cm_mkint(1));
}

cm_value cm_range_new(cm_vm *vm, cm_value start, cm_value stop, cm_value step) {
  cm_value n = len_value(vm, start, stop, step);
  if (cm_is_error(n)) return n;
  cm_range *r = cm_gc_new(vm, &cm_range_type, sizeof(cm_range));
  if (!r) return CM_ERROR;
  r->start = start;
  r->stop = stop;
  r->step = step;
  if (!fits(vm, n, &r->len_cache)) r->len_cache = -1;
  return CM_VAL(r);
}

static cm_value range_len_value(cm_vm *vm, cm_value self) {
  if (R(self)->len_cache >= 0) return cm_int_from_i64(vm, R(self)->len_cache);
  return len_value(vm, R(self)->start, R(self)->stop, R(self)->step);
}

/* start + i * step */
static cm_value item_at(cm_vm *vm, cm_value self, cm_value i) {
  cm_range *r = R(self);
  if (cm_is_int(i) && cm_is_int(r->start) && cm_is_int(r->step)) {
    int64_t k = cm_intval(i), st = cm_intval(r->step);
    if (k > -(INT64_C(1) << 31) && k < (INT64_C(1) << 31) && st > -(INT64_C(1) << 31) &&
        st < (INT64_C(1) << 31))
      return cm_int_from_i64(vm, cm_intval(r->start) + k * st);
  }
  cm_value p = mul(vm, i, r->step);
  return cm_is_error(p) ? p : add(vm, r->start, p);
}

static int64_t range_len(cm_vm *vm, cm_value self) {
  if (R(self)->len_cache >= 0) return R(self)->len_cache;
  cm_raise(vm, &cm_exc_OverflowError, "Python int too large to convert to C ssize_t");
  return -1;
}

static int range_truthy(cm_vm *vm, cm_value self) { return R(self)->len_cache != 0; }

static cm_value range_getslice(cm_vm *vm, cm_value self, cm_value key) {
  int64_t len = range_len(vm, self), a, b, st, n;
  if (len < 0 || cm_slice_indices(vm, key, len, &a, &b, &st, &n) < 0) return CM_ERROR;
  cm_value ia = cm_int_from_i64(vm, a), ib = cm_int_from_i64(vm, b);
  cm_value ist = cm_int_from_i64(vm, st);
  if (cm_is_error(ia) || cm_is_error(ib) || cm_is_error(ist)) return CM_ERROR;
  cm_value start = item_at(vm, self, ia), stop = item_at(vm, self, ib);
  cm_value step = mul(vm, R(self)->step, ist);
  if (cm_is_error(start) || cm_is_error(stop) || cm_is_error(step)) return CM_ERROR;
  return cm_range_new(vm, start, stop, step);
}

static cm_value range_getitem(cm_vm *vm, cm_value self, cm_value key) {
  if (cm_is_slice(key)) return range_getslice(vm, self, key);
  if (!cm_is_intlike(vm, key)) {
    if (cm_typeof(vm, key)->id != CM_T_USER)
      return cm_raise(vm, &cm_exc_TypeError,
                      "range indices must be integers or slices, not %T", key);
    key = cm_index(vm, key);
    if (cm_is_error(key)) return key;
  }
  cm_value len = range_len_value(vm, self), i = key;
  if (cm_is_error(len)) return len;
  int neg = cm_compare_bool(vm, CM_CMP_LT, i, cm_mkint(0));
  if (neg < 0) return CM_ERROR;
  if (neg && cm_is_error(i = add(vm, i, len))) return CM_ERROR;
  int lo = cm_compare_bool(vm, CM_CMP_LT, i, cm_mkint(0));
  int hi = cm_compare_bool(vm, CM_CMP_GE, i, len);
  if (lo < 0 || hi < 0) return CM_ERROR;
  if (lo || hi) return cm_raise(vm, &cm_exc_IndexError, "range object index out of range");
  return item_at(vm, self, i);
}

/* For an int x: 1 if x is one of the range's values. */
static int int_in_range(cm_vm *vm, cm_value self, cm_value x) {
  cm_range *r = R(self);
  int64_t a, b, s, v;
  if (fits(vm, r->start, &a) && fits(vm, r->stop, &b) && fits(vm, r->step, &s) &&
      fits(vm, x, &v)) {
    if (s > 0 ? (v < a || v >= b) : (v > a || v <= b)) return 0;
    uint64_t d = s > 0 ? (uint64_t)v - (uint64_t)a : (uint64_t)a - (uint64_t)v;
    return d % (s > 0 ? (uint64_t)s : 0 - (uint64_t)s) == 0;
  }
  int pos = cm_compare_bool(vm, CM_CMP_GT, r->step, cm_mkint(0));
  if (pos < 0) return -1;
  int lo = cm_compare_bool(vm, pos ? CM_CMP_LE : CM_CMP_GE, r->start, x);
  int hi = cm_compare_bool(vm, pos ? CM_CMP_LT : CM_CMP_GT, x, r->stop);
  if (lo <= 0 || hi <= 0) return lo < 0 || hi < 0 ? -1 : 0;
  cm_value d = sub(vm, x, r->start);
  if (cm_is_error(d) || cm_is_error(d = cm_binop(vm, CM_OP_MOD, d, r->step))) return -1;
  return cm_eq(vm, d, cm_mkint(0));
}

/* Generic membership for non-ints: compare with every item. */
static int64_t scan(cm_vm *vm, cm_value self, cm_value x, bool count) {
  cm_value it = cm_iter(vm, self);
  if (cm_is_error(it)) return -2;
  for (int64_t i = 0, c = 0;; i++) {
    cm_value v = cm_next(vm, it);
    if (v == CM_STOP) return count ? c : -1;
    if (cm_is_error(v)) return -2;
    int eq = cm_eq(vm, v, x);
    if (eq < 0) return -2;
    if (eq && !count) return i;
    c += eq;
  }
}

static int range_contains(cm_vm *vm, cm_value self, cm_value x) {
  if (cm_is_intlike(vm, x)) return int_in_range(vm, self, x);
  int64_t i = scan(vm, self, x, false);
  return i == -2 ? -1 : i >= 0;
}

static cm_value m_index(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_arity_o(vm, "range.index", nargs - 1, kw) < 0) return CM_ERROR;
  cm_value self = args[0], x = args[1];
  if (cm_is_intlike(vm, x)) {
    int in = int_in_range(vm, self, x);
    if (in < 0) return CM_ERROR;
    if (in) {
      cm_value d = sub(vm, x, R(self)->start);
      return cm_is_error(d) ? d : cm_binop(vm, CM_OP_FLOORDIV, d, R(self)->step);
    }
  } else {
    int64_t i = scan(vm, self, x, false);
    if (i == -2) return CM_ERROR;
    if (i >= 0) return cm_int_from_i64(vm, i);
  }
  return cm_raise(vm, &cm_exc_ValueError, "range.index(x): x not in range");
}

static cm_value m_count(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_arity_o(vm, "range.count", nargs - 1, kw) < 0) return CM_ERROR;
  if (cm_is_intlike(vm, args[1])) {
    int in = int_in_range(vm, args[0], args[1]);
    return in < 0 ? CM_ERROR : cm_mkint(in);
  }
  int64_t c = scan(vm, args[0], args[1], true);
  return c == -2 ? CM_ERROR : cm_int_from_i64(vm, c);
}

static const cm_method_def range_methods[] = {
    {"index", m_index, 0}, {"count", m_count, 0}, {NULL, NULL, 0}};

/* ---- repr, hash, compare ---------------------------------------------- */

static cm_value range_repr(cm_vm *vm, cm_value self) {
  cm_range *r = R(self);
  if (cm_is_int(r->step) && cm_intval(r->step) == 1)
    return cm_str_printf(vm, "range(%R, %R)", r->start, r->stop);
  return cm_str_printf(vm, "range(%R, %R, %R)", r->start, r->stop, r->step);
}

/* The canonical (len, start, step) triple: hash and == agree on it. */
static int canon(cm_vm *vm, cm_value self, cm_value out[3]) {
  out[0] = range_len_value(vm, self);
  if (cm_is_error(out[0])) return -1;
  int empty = cm_eq(vm, out[0], cm_mkint(0)), one = cm_eq(vm, out[0], cm_mkint(1));
  if (empty < 0 || one < 0) return -1;
  out[1] = empty ? CM_NONE : R(self)->start;
  out[2] = empty || one ? CM_NONE : R(self)->step;
  return 0;
}

static int range_hash(cm_vm *vm, cm_value self, int64_t *out) {
  cm_value t[3];
  if (canon(vm, self, t) < 0) return -1;
  return cm_hash_items(vm, t, 3, true, out);
}

static cm_value range_compare(cm_vm *vm, int op, cm_value a, cm_value b) {
  if (!is_range(a) || !is_range(b) || (op != CM_CMP_EQ && op != CM_CMP_NE))
    return CM_NOTIMPL;
  cm_value ta[3], tb[3];
  if (canon(vm, a, ta) < 0 || canon(vm, b, tb) < 0) return CM_ERROR;
  int eq = 1;
  for (int i = 0; i < 3 && eq == 1; i++) eq = cm_eq(vm, ta[i], tb[i]);
  if (eq < 0) return CM_ERROR;
  return cm_bool(op == CM_CMP_EQ ? eq : !eq);
}

/* ---- iteration -------------------------------------------------------- */

static cm_value iter_new(cm_vm *vm, cm_value first, cm_value step, cm_value len) {
  cm_range_iter *it = cm_gc_new(vm, &cm_range_iter_type, sizeof(cm_range_iter));
  if (!it) return CM_ERROR;
  it->big_next = it->big_step = it->big_left = CM_NULL;
  int64_t a, s, n;
  if (fits(vm, first, &a) && fits(vm, step, &s) && fits(vm, len, &n)) {
    it->next = a;
    it->step = s;
    it->left = n;
  } else {
    it->big_next = first;
    it->big_step = step;
    it->big_left = len;
  }
  return CM_VAL(it);
}

static cm_value range_iter(cm_vm *vm, cm_value self) {
  cm_range *r = R(self);
  int64_t b;
  cm_value len = range_len_value(vm, self);
  if (cm_is_error(len)) return len;
  /* the values lie between start and stop: if both fit, all fit */
  if (!fits(vm, r->stop, &b)) {
    cm_value it = iter_new(vm, r->start, r->step, len);
    if (!cm_is_error(it) && cm_is_null(CM_AS(cm_range_iter, it)->big_next)) {
      cm_range_iter *ri = CM_AS(cm_range_iter, it);
      ri->big_next = r->start; /* force the slow path */
      ri->big_step = r->step;
      ri->big_left = len;
    }
    return it;
  }
  return iter_new(vm, r->start, r->step, len);
}

cm_value cm_range_reversed(cm_vm *vm, cm_value self) {
  cm_value len = range_len_value(vm, self);
  if (cm_is_error(len)) return len;
  cm_value last = sub(vm, len, cm_mkint(1));
  if (cm_is_error(last) || cm_is_error(last = item_at(vm, self, last))) return CM_ERROR;
  cm_value step = cm_unop(vm, CM_UN_NEG, R(self)->step);
  if (cm_is_error(step)) return step;
  int64_t x;
  if (!fits(vm, R(self)->stop, &x) || !fits(vm, R(self)->start, &x)) {
    cm_value it = iter_new(vm, last, step, len);
    if (!cm_is_error(it)) {
      cm_range_iter *ri = CM_AS(cm_range_iter, it);
      ri->big_next = last;
      ri->big_step = step;
      ri->big_left = len;
    }
    return it;
  }
  return iter_new(vm, last, step, len);
}

static cm_value rangeiter_next(cm_vm *vm, cm_value self) {
  cm_range_iter *it = CM_AS(cm_range_iter, self);
  if (cm_is_null(it->big_next)) {
    if (it->left <= 0) return CM_STOP;
    int64_t v = it->next;
    it->left--;
    if (it->left) it->next += it->step; /* the last step could overflow */
    return cm_int_from_i64(vm, v);
  }
  int more = cm_compare_bool(vm, CM_CMP_GT, it->big_left, cm_mkint(0));
  if (more <= 0) return more < 0 ? CM_ERROR : CM_STOP;
  cm_value v = it->big_next;
  cm_value n = add(vm, v, it->big_step), l = sub(vm, it->big_left, cm_mkint(1));
  if (cm_is_error(n) || cm_is_error(l)) return CM_ERROR;
  it->big_next = n;
  it->big_left = l;
  return v;
}

static void rangeiter_trace(cm_vm *vm, cm_obj *o) {
  cm_range_iter *it = (cm_range_iter *)o;
  cm_gc_mark_value(vm, it->big_next);
  cm_gc_mark_value(vm, it->big_step);
  cm_gc_mark_value(vm, it->big_left);
}

/* ---- attributes, constructor ----------------------------------------- */

static cm_value get_start(cm_vm *vm, cm_value self) { return R(self)->start; }
static cm_value get_stop(cm_vm *vm, cm_value self) { return R(self)->stop; }
static cm_value get_step(cm_vm *vm, cm_value self) { return R(self)->step; }

static const cm_getset_def range_getsets[] = {
    {"start", get_start}, {"stop", get_stop}, {"step", get_step}, {NULL, NULL}};

static cm_value range_construct(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_has_kw(kw))
    return cm_raise(vm, &cm_exc_TypeError, "range() takes no keyword arguments");
  if (cm_arity(vm, "range", nargs, CM_NULL, 1, 3) < 0) return CM_ERROR;
  cm_value v[3] = {cm_mkint(0), CM_NULL, cm_mkint(1)};
  for (int i = 0; i < nargs; i++) {
    cm_value x = cm_is_int(args[i]) ? args[i] : cm_index(vm, args[i]);
    if (cm_is_error(x)) return x;
    if (nargs == 1) v[1] = x;
    else v[i] = x;
  }
  if (cm_is_int(v[2]) ? cm_intval(v[2]) == 0 : cm_eq(vm, v[2], cm_mkint(0)) == 1)
    return cm_raise(vm, &cm_exc_ValueError, "range() arg 3 must not be zero");
  return cm_range_new(vm, v[0], v[1], v[2]);
}

static void range_trace(cm_vm *vm, cm_obj *o) {
  cm_range *r = (cm_range *)o;
  cm_gc_mark_value(vm, r->start);
  cm_gc_mark_value(vm, r->stop);
  cm_gc_mark_value(vm, r->step);
}

const cm_type cm_range_type = {
    .name = "range",
    .id = CM_T_RANGE,
    .base = &cm_object_type,
    .repr = range_repr,
    .hash = range_hash,
    .compare = range_compare,
    .truthy = range_truthy,
    .len = range_len,
    .getitem = range_getitem,
    .contains = range_contains,
    .iter = range_iter,
    .construct = range_construct,
    .methods = range_methods,
    .getsets = range_getsets,
    .trace = range_trace,
};

const cm_type cm_range_iter_type = {
    .name = "range_iterator",
    .id = CM_T_RANGE_ITER,
    .flags = CM_TF_ITERATOR,
    .base = &cm_object_type,
    .iter = cm_iter_self,
    .iternext = rangeiter_next,
    .trace = rangeiter_trace,
};
