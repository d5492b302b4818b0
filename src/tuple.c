/*
** tuple.c — the tuple type and its iterator.
*/
#include "list.h"
#include "slice.h"

#define TUP(v) CM_AS(cm_tuple, v)

static bool is_tuple(cm_value v) {
  return cm_is_obj(v) && cm_objptr(v)->type == &cm_tuple_type;
}

cm_value cm_tuple_new(cm_vm *vm, size_t n) {
  /* Every () is one object, as in CPython. Callers fill items[0..n), so
     sharing the empty one is safe. */
  if (n == 0 && !cm_is_null(vm->empty_tuple)) return vm->empty_tuple;
  if (n > (UINT32_MAX - sizeof(cm_tuple)) / sizeof(cm_value))
    return cm_raise_memory(vm);
  cm_tuple *t = cm_gc_new(vm, &cm_tuple_type, sizeof(cm_tuple) + n * sizeof(cm_value));
  if (!t) return CM_ERROR;
  t->n = n;
  for (size_t i = 0; i < n; i++) t->items[i] = CM_NONE;
  if (n == 0) vm->empty_tuple = CM_VAL(t);
  return CM_VAL(t);
}

cm_value cm_tuple_from(cm_vm *vm, const cm_value *items, size_t n) {
  cm_value t = cm_tuple_new(vm, n);
  if (cm_is_error(t)) return t;
  if (n) memcpy(TUP(t)->items, items, n * sizeof(cm_value));
  return t;
}

cm_value cm_tuple_from_list(cm_vm *vm, cm_value list) {
  return cm_tuple_from(vm, CM_AS(cm_list, list)->items, CM_AS(cm_list, list)->n);
}

/* ---- hash: CPython's xxHash-based combination, so hash((1, 2)) agrees */

#define XXPRIME_1 UINT64_C(11400714785074694791)
#define XXPRIME_2 UINT64_C(14029467366897019727)
#define XXPRIME_5 UINT64_C(2870177450012600261)

int cm_hash_items(cm_vm *vm, const cm_value *items, size_t n, bool addlen,
                  int64_t *out) {
  uint64_t acc = XXPRIME_5;
  for (size_t i = 0; i < n; i++) {
    int64_t h;
    if (cm_hash(vm, items[i], &h) < 0) return -1;
    acc += (uint64_t)h * XXPRIME_2;
    acc = (acc << 31) | (acc >> 33);
    acc *= XXPRIME_1;
  }
  if (addlen) acc += (uint64_t)n ^ (XXPRIME_5 ^ UINT64_C(3527539));
  if (acc == UINT64_MAX) acc = 1546275796;
  *out = (int64_t)acc;
  return 0;
}

static int tuple_hash(cm_vm *vm, cm_value self, int64_t *out) {
  if (cm_c_enter(vm, "while hashing") < 0) return -1;
  int rc = cm_hash_items(vm, TUP(self)->items, TUP(self)->n, true, out);
  cm_c_leave(vm);
  return rc;
}

/* ---- repr, compare ---------------------------------------------------- */

static cm_value tuple_repr(cm_vm *vm, cm_value self) {
  size_t n = TUP(self)->n;
  if (n == 0) return cm_str_from_cstr(vm, "()");
  /* A tuple can reach itself through a mutable item (t = ([],);
     t[0].append(t)); CPython then prints it as (...). */
  cm_obj *o = cm_objptr(self);
  if (o->flags & CM_FLAG_IN_REPR) return cm_str_from_cstr(vm, "(...)");
  o->flags |= CM_FLAG_IN_REPR;
  cm_buf b = {0};
  int rc = cm_buf_putc(vm, &b, '(');
  if (rc == 0) rc = cm_repr_items(vm, &b, self);
  if (rc == 0) rc = n == 1 ? cm_buf_put(vm, &b, ",)", 2) : cm_buf_putc(vm, &b, ')');
  o->flags &= (uint8_t)~CM_FLAG_IN_REPR;
  if (rc < 0) {
    cm_buf_free(vm, &b);
    return CM_ERROR;
  }
  return cm_buf_finish(vm, &b);
}

static cm_value tuple_compare(cm_vm *vm, int op, cm_value a, cm_value b) {
  if (!is_tuple(a) || !is_tuple(b)) return CM_NOTIMPL;
  if ((op == CM_CMP_EQ || op == CM_CMP_NE) && TUP(a)->n != TUP(b)->n)
    return cm_bool(op == CM_CMP_NE);
  return cm_seq_compare(vm, op, a, b);
}

/* ---- sequence protocol ----------------------------------------------- */

static int64_t tuple_len(cm_vm *vm, cm_value self) {
  (void)vm;
  return (int64_t)TUP(self)->n;
}

static cm_value tuple_getitem(cm_vm *vm, cm_value self, cm_value key) {
  if (cm_is_int(key)) {
    int64_t i = cm_intval(key), n = (int64_t)TUP(self)->n;
    if (i < 0) i += n;
    if (i >= 0 && i < n) return TUP(self)->items[i];
  }
  if (cm_is_slice(key)) {
    int64_t start, stop, step, n;
    if (cm_slice_indices(vm, key, (int64_t)TUP(self)->n, &start, &stop, &step,
                         &n) < 0)
      return CM_ERROR;
    if (step == 1 && n == (int64_t)TUP(self)->n) return self;
    cm_value r = cm_tuple_new(vm, (size_t)n);
    if (cm_is_error(r)) return r;
    for (int64_t k = 0, i = start; k < n; k++, i += step)
      TUP(r)->items[k] = TUP(self)->items[i];
    return r;
  }
  int64_t i;
  if (cm_seq_index(vm, key, (int64_t)TUP(self)->n, "tuple", &i) < 0) return CM_ERROR;
  return TUP(self)->items[i];
}

static int tuple_contains(cm_vm *vm, cm_value self, cm_value x) {
  for (size_t i = 0; i < TUP(self)->n; i++) {
    int eq = cm_eq(vm, TUP(self)->items[i], x);
    if (eq) return eq;
  }
  return 0;
}

static cm_value tuple_repeat(cm_vm *vm, cm_value self, int64_t k) {
  size_t n = TUP(self)->n;
  if (k == 1 || n == 0) return k == 1 ? self : cm_tuple_new(vm, 0);
  if ((uint64_t)k > (UINT32_MAX / sizeof(cm_value)) / n) return cm_raise_memory(vm);
  cm_value r = cm_tuple_new(vm, n * (size_t)k);
  if (cm_is_error(r)) return r;
  for (int64_t i = 0; i < k; i++)
    memcpy(TUP(r)->items + i * n, TUP(self)->items, n * sizeof(cm_value));
  return r;
}

static cm_value tuple_binop(cm_vm *vm, int op, cm_value a, cm_value b) {
  op &= ~CM_OP_INPLACE; /* tuples are immutable: += is + */
  if (op == CM_OP_ADD) {
    if (!is_tuple(a)) return CM_NOTIMPL;
    if (!is_tuple(b)) {
      if (cm_typeof(vm, b)->id == CM_T_USER) return CM_NOTIMPL;
      return cm_raise(vm, &cm_exc_TypeError,
                      "can only concatenate tuple (not \"%T\") to tuple", b);
    }
    size_t na = TUP(a)->n, nb = TUP(b)->n;
    if (nb == 0) return a;
    if (na == 0) return b;
    cm_value r = cm_tuple_new(vm, na + nb);
    if (cm_is_error(r)) return r;
    memcpy(TUP(r)->items, TUP(a)->items, na * sizeof(cm_value));
    memcpy(TUP(r)->items + na, TUP(b)->items, nb * sizeof(cm_value));
    return r;
  }
  if (op == CM_OP_MUL) {
    cm_value seq = is_tuple(a) ? a : b, other = is_tuple(a) ? b : a;
    int64_t k;
    int rc = cm_repeat_count(vm, other, &k);
    if (rc < 0) return CM_ERROR;
    if (rc == 0) return cm_seq_mul_error(vm, other);
    return tuple_repeat(vm, seq, k);
  }
  return CM_NOTIMPL;
}

static cm_value tuple_iter(cm_vm *vm, cm_value self) {
  return cm_seqiter_new(vm, &cm_tuple_iter_type, self, 0);
}

static cm_value tupleiter_next(cm_vm *vm, cm_value self) {
  cm_seqiter *it = CM_AS(cm_seqiter, self);
  if (cm_is_null(it->seq)) return CM_STOP;
  if (it->i < TUP(it->seq)->n) return TUP(it->seq)->items[it->i++];
  it->seq = CM_NULL;
  return CM_STOP;
}

/* ---- methods, constructor -------------------------------------------- */

static cm_value m_index(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  return cm_seq_find(vm, args, nargs, kw, "tuple");
}

static const cm_method_def tuple_methods[] = {
    {"index", m_index, 0}, {"count", cm_seq_count, 0}, {NULL, NULL, 0}};

static cm_value tuple_construct(cm_vm *vm, const cm_value *args, int nargs,
                                cm_value kw) {
  if (!cm_is_null(kw) && TUP(kw)->n)
    return cm_raise(vm, &cm_exc_TypeError, "tuple() takes no keyword arguments");
  if (nargs > 1)
    return cm_raise(vm, &cm_exc_TypeError,
                    "tuple expected at most 1 argument, got %d", nargs);
  if (nargs == 0) return cm_tuple_new(vm, 0);
  if (is_tuple(args[0])) return args[0];
  cm_value l = cm_list_from_iterable_native(vm, args[0]);
  if (cm_is_error(l)) return l;
  if (!cm_is_null(l)) return cm_tuple_from_list(vm, l);
  cm_value f = cm_prelude(vm, "ct_tuple");
  if (cm_is_error(f)) return f;
  cm_value t = cm_tuple_from(vm, args, 1);
  if (cm_is_error(t)) return t;
  return cm_tailcall(vm, f, t, CM_NULL);
}

static void tuple_trace(cm_vm *vm, cm_obj *o) {
  cm_tuple *t = (cm_tuple *)o;
  for (size_t i = 0; i < t->n; i++) cm_gc_mark_value(vm, t->items[i]);
}

const cm_type cm_tuple_type = {
    .name = "tuple",
    .id = CM_T_TUPLE,
    .flags = CM_TF_BASETYPE,
    .base = &cm_object_type,
    .repr = tuple_repr,
    .hash = tuple_hash,
    .compare = tuple_compare,
    .binop = tuple_binop,
    .len = tuple_len,
    .getitem = tuple_getitem,
    .contains = tuple_contains,
    .iter = tuple_iter,
    .construct = tuple_construct,
    .methods = tuple_methods,
    .trace = tuple_trace,
};

const cm_type cm_tuple_iter_type = {
    .name = "tuple_iterator",
    .id = CM_T_TUPLE_ITER,
    .flags = CM_TF_ITERATOR,
    .base = &cm_object_type,
    .iter = cm_iter_self,
    .iternext = tupleiter_next,
    .trace = cm_seqiter_trace,
};
