/*
** slice.c — slice objects and CPython's index clamping for a[i:j:k].
*/
#include "list.h"
#include "slice.h"

#define SL(v) CM_AS(cm_slice, v)

cm_value cm_slice_new(cm_vm *vm, cm_value start, cm_value stop, cm_value step) {
  cm_slice *s = cm_gc_new(vm, &cm_slice_type, sizeof(cm_slice));
  if (!s) return CM_ERROR;
  s->start = cm_is_null(start) ? CM_NONE : start;
  s->stop = cm_is_null(stop) ? CM_NONE : stop;
  s->step = cm_is_null(step) ? CM_NONE : step;
  return CM_VAL(s);
}

/* A slice bound as int64, clamped to [lo, hi] when it is a huge int. */
static int bound(cm_vm *vm, cm_value v, int64_t lo, int64_t hi, int64_t *out) {
  if (cm_is_int(v)) {
    *out = cm_intval(v);
    return 0;
  }
  if (!cm_is_intlike(vm, v)) {
    const cm_type *t = cm_typeof(vm, v);
    if (t->id != CM_T_USER) {
      cm_raise(vm, &cm_exc_TypeError,
               "slice indices must be integers or None or have an __index__ method");
      return -1;
    }
  }
  cm_value x = cm_index(vm, v);
  if (cm_is_error(x)) return -1;
  if (cm_int_to_i64(vm, x, out) < 0) {
    cm_exc_clear(vm);
    int neg = cm_compare_bool(vm, CM_CMP_LT, x, cm_mkint(0));
    if (neg < 0) return -1;
    *out = neg ? lo : hi;
  }
  if (*out < lo) *out = lo;
  if (*out > hi) *out = hi;
  return 0;
}

int cm_slice_indices(cm_vm *vm, cm_value slice, int64_t len, int64_t *start,
                     int64_t *stop, int64_t *step, int64_t *slicelen) {
  cm_slice *s = SL(slice);
  int64_t st = 1, a, b;
  if (!cm_is_none(s->step)) {
    if (bound(vm, s->step, -INT64_MAX, INT64_MAX, &st) < 0) return -1;
    if (st == 0) {
      cm_raise(vm, &cm_exc_ValueError, "slice step cannot be zero");
      return -1;
    }
  }
  if (cm_is_none(s->start)) a = st < 0 ? INT64_MAX : 0;
  else if (bound(vm, s->start, INT64_MIN, INT64_MAX, &a) < 0) return -1;
  if (cm_is_none(s->stop)) b = st < 0 ? INT64_MIN : INT64_MAX;
  else if (bound(vm, s->stop, INT64_MIN, INT64_MAX, &b) < 0) return -1;
  if (a < 0) {
    a += len;
    if (a < 0) a = st < 0 ? -1 : 0;
  } else if (a >= len) {
    a = st < 0 ? len - 1 : len;
  }
  if (b < 0) {
    b += len;
    if (b < 0) b = st < 0 ? -1 : 0;
  } else if (b >= len) {
    b = st < 0 ? len - 1 : len;
  }
  int64_t n = 0;
  if (st < 0) {
    if (b < a) n = (a - b - 1) / (-st) + 1;
  } else if (a < b) {
    n = (b - a - 1) / st + 1;
  }
  *start = a;
  *stop = b;
  *step = st;
  *slicelen = n;
  return 0;
}

static cm_value slice_repr(cm_vm *vm, cm_value self) {
  return cm_str_printf(vm, "slice(%R, %R, %R)", SL(self)->start, SL(self)->stop,
                       SL(self)->step);
}

static int slice_hash(cm_vm *vm, cm_value self, int64_t *out) {
  cm_value t[3] = {SL(self)->start, SL(self)->stop, SL(self)->step};
  return cm_hash_items(vm, t, 3, false, out);
}

static cm_value slice_compare(cm_vm *vm, int op, cm_value a, cm_value b) {
  if (!cm_is_slice(a) || !cm_is_slice(b)) return CM_NOTIMPL;
  cm_value ta = cm_tuple_from(vm, &SL(a)->start, 3);
  if (cm_is_error(ta)) return ta;
  cm_value tb = cm_tuple_from(vm, &SL(b)->start, 3);
  if (cm_is_error(tb)) return tb;
  return cm_seq_compare(vm, op, ta, tb);
}

static cm_value m_indices(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_arity_o(vm, "slice.indices", nargs - 1, kw) < 0) return CM_ERROR;
  int64_t len, a, b, st, n;
  if (cm_index_i64(vm, args[1], &len) < 0) return CM_ERROR;
  if (len < 0) return cm_raise(vm, &cm_exc_ValueError, "length should not be negative");
  if (cm_slice_indices(vm, args[0], len, &a, &b, &st, &n) < 0) return CM_ERROR;
  cm_value t[3];
  if (cm_is_error(t[0] = cm_int_from_i64(vm, a)) ||
      cm_is_error(t[1] = cm_int_from_i64(vm, b)) ||
      cm_is_error(t[2] = cm_int_from_i64(vm, st)))
    return CM_ERROR;
  return cm_tuple_from(vm, t, 3);
}

static const cm_method_def slice_methods[] = {{"indices", m_indices, 0}, {NULL, NULL, 0}};

static cm_value get_start(cm_vm *vm, cm_value self) { return SL(self)->start; }
static cm_value get_stop(cm_vm *vm, cm_value self) { return SL(self)->stop; }
static cm_value get_step(cm_vm *vm, cm_value self) { return SL(self)->step; }

static const cm_getset_def slice_getsets[] = {
    {"start", get_start}, {"stop", get_stop}, {"step", get_step}, {NULL, NULL}};

/* slice(stop) / slice(start, stop[, step]) */
static cm_value slice_construct(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_has_kw(kw))
    return cm_raise(vm, &cm_exc_TypeError, "slice() takes no keyword arguments");
  if (cm_arity(vm, "slice", nargs, CM_NULL, 1, 3) < 0) return CM_ERROR;
  if (nargs == 1) return cm_slice_new(vm, CM_NONE, args[0], CM_NONE);
  return cm_slice_new(vm, args[0], args[1], nargs > 2 ? args[2] : CM_NONE);
}

static void slice_trace(cm_vm *vm, cm_obj *o) {
  cm_slice *s = (cm_slice *)o;
  cm_gc_mark_value(vm, s->start);
  cm_gc_mark_value(vm, s->stop);
  cm_gc_mark_value(vm, s->step);
}

const cm_type cm_slice_type = {
    .name = "slice",
    .id = CM_T_SLICE,
    .base = &cm_object_type,
    .repr = slice_repr,
    .hash = slice_hash,
    .compare = slice_compare,
    .construct = slice_construct,
    .methods = slice_methods,
    .getsets = slice_getsets,
    .trace = slice_trace,
};
