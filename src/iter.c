/*
** iter.c — enumerate, zip, map, filter, reversed, the generic
** __getitem__ iterator and iter(f, sentinel); plus the containers' part of
** the prelude (Python helpers).
**
** Stacklessness: the native objects here are made only when every
** iterator they drive is of a CM_TF_ITERATOR type and every function they
** call is native, so their iternext never runs Python code. Otherwise the
** constructor tail-calls a generator from the prelude (ct_zip, ct_map...)
** that the VM resumes like any other, so a host call made while mapping a
** Python function can pause.
*/
#include "dict.h"
#include "host.h"
#include "list.h"
#include "range.h"

/* ---- shared ----------------------------------------------------------- */

static bool native_iter(cm_vm *vm, cm_value it) {
  return (cm_typeof(vm, it)->flags & CM_TF_ITERATOR) != 0;
}

/* Calling f never runs Python code: built-in functions and methods, and
   built-in types (their constructors). External (host) functions are not:
   they must pause, which only the VM loop can do, so a map/filter over one
   goes through the prelude. */
static bool native_callable(cm_vm *vm, cm_value f) {
  if (!cm_is_obj(f)) return false;
  const cm_type *t = cm_objptr(f)->type;
  if (t == &cm_builtin_type) return !CM_IS_EXTFN(CM_AS(cm_builtin, f)->fn);
  return t == &cm_type_type && CM_AS(cm_typeobj, f)->t->id != CM_T_USER &&
         !(CM_AS(cm_typeobj, f)->t->flags & CM_TF_EXCEPTION);
}

/* Iterators for args[0..n) as a tuple; *all_native says whether all are
   native. */
static cm_value iters_of(cm_vm *vm, const cm_value *args, int n, bool *all_native) {
  cm_value t = cm_tuple_new(vm, (size_t)n);
  if (cm_is_error(t)) return t;
  *all_native = true;
  for (int i = 0; i < n; i++) {
    cm_value it = cm_iter(vm, args[i]);
    if (cm_is_error(it)) return it;
    CM_AS(cm_tuple, t)->items[i] = it;
    if (!native_iter(vm, it)) *all_native = false;
  }
  return t;
}

static cm_value tail_prelude(cm_vm *vm, const char *name, const cm_value *a, size_t n) {
  cm_value f = cm_prelude(vm, name);
  if (cm_is_error(f)) return f;
  cm_value t = cm_tuple_from(vm, a, n);
  if (cm_is_error(t)) return t;
  return cm_tailcall(vm, f, t, CM_NULL);
}

/* Finds keyword `name` (interned compare by content); CM_NULL if absent.
   Any other keyword is an error naming `fname`. */
static int only_kw(cm_vm *vm, const cm_value *args, int nargs, cm_value kw,
                   const char *fname, const char *name, cm_value *out) {
  *out = CM_NULL;
  if (!cm_has_kw(kw)) return 0;
  cm_tuple *k = CM_AS(cm_tuple, kw);
  for (size_t i = 0; i < k->n; i++) {
    if (strcmp(cm_str_cstr(k->items[i]), name) != 0) {
      cm_raise(vm, &cm_exc_TypeError, "%s() got an unexpected keyword argument '%U'",
               fname, k->items[i]);
      return -1;
    }
    *out = args[nargs + (int)i];
  }
  return 0;
}

/* ---- enumerate -------------------------------------------------------- */

typedef struct enum_obj {
  cm_obj hdr;
  cm_value it;
  cm_value count; /* int value */
} enum_obj;

static cm_value enumerate_construct(cm_vm *vm, const cm_value *args, int nargs,
                                    cm_value kw) {
  static const char *const names[] = {"iterable", "start"};
  cm_value a[2];
  if (nargs == 0 && !cm_has_kw(kw))
    return cm_raise(vm, &cm_exc_TypeError,
                    "enumerate() missing required argument 'iterable'");
  if (cm_bind_args(vm, "enumerate", args, nargs, kw, names, 2, 1, 2, a) < 0)
    return CM_ERROR;
  cm_value start = cm_is_null(a[1]) ? cm_mkint(0) : cm_index(vm, a[1]);
  if (cm_is_error(start)) return start;
  cm_value it = cm_iter(vm, a[0]);
  if (cm_is_error(it)) return it;
  if (!native_iter(vm, it)) {
    cm_value p[2] = {it, start};
    return tail_prelude(vm, "ct_enumerate", p, 2);
  }
  enum_obj *e = cm_gc_new(vm, &cm_enumerate_type, sizeof(enum_obj));
  if (!e) return CM_ERROR;
  e->it = it;
  e->count = start;
  return CM_VAL(e);
}

static cm_value enumerate_next(cm_vm *vm, cm_value self) {
  enum_obj *e = CM_AS(enum_obj, self);
  cm_value v = cm_next(vm, e->it);
  if (v == CM_STOP || cm_is_error(v)) return v;
  cm_value n = e->count, next;
  if (cm_is_int(n) && cm_intval(n) < CM_SMALLINT_MAX) next = cm_mkint(cm_intval(n) + 1);
  else next = cm_binop(vm, CM_OP_ADD, n, cm_mkint(1));
  if (cm_is_error(next)) return next;
  e->count = next;
  cm_value kv[2] = {n, v};
  return cm_tuple_from(vm, kv, 2);
}

static void enumerate_trace(cm_vm *vm, cm_obj *o) {
  cm_gc_mark_value(vm, ((enum_obj *)o)->it);
  cm_gc_mark_value(vm, ((enum_obj *)o)->count);
}

/* ---- zip and map -------------------------------------------------------- */

typedef struct zip_obj {
  cm_obj hdr;
  cm_value func;  /* map: the function; zip: CM_NULL */
  cm_value iters; /* tuple of iterators; CM_NULL when exhausted */
  bool strict;
} zip_obj;

static cm_value zip_error(cm_vm *vm, const char *fname, size_t i, bool longer) {
  const char *what = longer ? "longer" : "shorter";
  if (i == 1)
    return cm_raise(vm, &cm_exc_ValueError, "%s() argument 2 is %s than argument 1", fname,
                    what);
  return cm_raise(vm, &cm_exc_ValueError, "%s() argument %zu is %s than arguments 1-%zu",
                  fname, i + 1, what, i);
}

/* Argument i ran out first: in strict mode, find who is longer/shorter. */
static cm_value strict_check(cm_vm *vm, zip_obj *z, size_t i, const char *fname) {
  cm_tuple *its = CM_AS(cm_tuple, z->iters);
  if (i > 0) return zip_error(vm, fname, i, false);
  for (size_t j = 1; j < its->n; j++) {
    cm_value v = cm_next(vm, its->items[j]);
    if (cm_is_error(v)) return v;
    if (v != CM_STOP) return zip_error(vm, fname, j, true);
  }
  return CM_STOP;
}

/* Next item from every iterator into out[]; CM_STOP / CM_ERROR / CM_NONE. */
static cm_value zip_gather(cm_vm *vm, zip_obj *z, cm_value *out, const char *fname) {
  cm_tuple *its = CM_AS(cm_tuple, z->iters);
  for (size_t i = 0; i < its->n; i++) {
    cm_value v = cm_next(vm, its->items[i]);
    if (cm_is_error(v)) return v;
    if (v == CM_STOP) {
      cm_value r = z->strict ? strict_check(vm, z, i, fname) : CM_STOP;
      z->iters = CM_NULL;
      return r;
    }
    out[i] = v;
  }
  return CM_NONE;
}

static cm_value zip_next(cm_vm *vm, cm_value self) {
  zip_obj *z = CM_AS(zip_obj, self);
  if (cm_is_null(z->iters) || CM_AS(cm_tuple, z->iters)->n == 0) return CM_STOP;
  cm_value t = cm_tuple_new(vm, CM_AS(cm_tuple, z->iters)->n);
  if (cm_is_error(t)) return t;
  cm_value r = zip_gather(vm, z, CM_AS(cm_tuple, t)->items, "zip");
  return r == CM_NONE ? t : r;
}

static cm_value map_next(cm_vm *vm, cm_value self) {
  zip_obj *z = CM_AS(zip_obj, self);
  if (cm_is_null(z->iters)) return CM_STOP;
  size_t n = CM_AS(cm_tuple, z->iters)->n;
  cm_value small[4], *buf = small;
  if (n > 4) {
    cm_value t = cm_tuple_new(vm, n); /* GC-owned scratch */
    if (cm_is_error(t)) return t;
    buf = CM_AS(cm_tuple, t)->items;
  }
  cm_value r = zip_gather(vm, z, buf, "map");
  if (r != CM_NONE) return r;
  return cm_call(vm, z->func, buf, (int)n, CM_NULL);
}

static cm_value zip_new(cm_vm *vm, const cm_type *t, cm_value f, cm_value iters,
                        bool strict) {
  zip_obj *z = cm_gc_new(vm, t, sizeof(zip_obj));
  if (!z) return CM_ERROR;
  z->func = f;
  z->iters = iters;
  z->strict = strict;
  return CM_VAL(z);
}

static cm_value zip_construct(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  cm_value strict_v;
  if (only_kw(vm, args, nargs, kw, "zip", "strict", &strict_v) < 0) return CM_ERROR;
  int strict = cm_is_null(strict_v) ? 0 : cm_truthy(vm, strict_v);
  if (strict < 0) return CM_ERROR;
  bool native;
  cm_value iters = iters_of(vm, args, nargs, &native);
  if (cm_is_error(iters)) return iters;
  if (!native) {
    cm_value p[4] = {CM_NONE, iters, cm_bool(strict), cm_str_from_cstr(vm, "zip")};
    return tail_prelude(vm, "ct_zip", p, 4);
  }
  return zip_new(vm, &cm_zip_type, CM_NULL, iters, strict);
}

static cm_value map_construct(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  cm_value strict_v;
  if (only_kw(vm, args, nargs, kw, "map", "strict", &strict_v) < 0) return CM_ERROR;
  if (nargs < 2)
    return cm_raise(vm, &cm_exc_TypeError, "map() must have at least two arguments.");
  int strict = cm_is_null(strict_v) ? 0 : cm_truthy(vm, strict_v);
  if (strict < 0) return CM_ERROR;
  bool native;
  cm_value iters = iters_of(vm, args + 1, nargs - 1, &native);
  if (cm_is_error(iters)) return iters;
  if (!native || !native_callable(vm, args[0])) {
    cm_value p[4] = {args[0], iters, cm_bool(strict), cm_str_from_cstr(vm, "map")};
    return tail_prelude(vm, "ct_zip", p, 4);
  }
  return zip_new(vm, &cm_map_type, args[0], iters, strict);
}

static void zip_trace(cm_vm *vm, cm_obj *o) {
  cm_gc_mark_value(vm, ((zip_obj *)o)->func);
  cm_gc_mark_value(vm, ((zip_obj *)o)->iters);
}

/* ---- filter ----------------------------------------------------------- */

typedef struct filter_obj {
  cm_obj hdr;
  cm_value func; /* None: truthiness */
  cm_value it;
} filter_obj;

static cm_value filter_construct(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_has_kw(kw))
    return cm_raise(vm, &cm_exc_TypeError, "filter() takes no keyword arguments");
  if (nargs != 2)
    return cm_raise(vm, &cm_exc_TypeError, "filter expected 2 arguments, got %d", nargs);
  cm_value it = cm_iter(vm, args[1]);
  if (cm_is_error(it)) return it;
  if (!native_iter(vm, it) || (!cm_is_none(args[0]) && !native_callable(vm, args[0]))) {
    cm_value p[2] = {args[0], it};
    return tail_prelude(vm, "ct_filter", p, 2);
  }
  filter_obj *f = cm_gc_new(vm, &cm_filter_type, sizeof(filter_obj));
  if (!f) return CM_ERROR;
  f->func = args[0];
  f->it = it;
  return CM_VAL(f);
}

static cm_value filter_next(cm_vm *vm, cm_value self) {
  filter_obj *f = CM_AS(filter_obj, self);
  for (;;) {
    cm_value v = cm_next(vm, f->it);
    if (v == CM_STOP || cm_is_error(v)) return v;
    cm_value t = cm_is_none(f->func) ? v : cm_call(vm, f->func, &v, 1, CM_NULL);
    if (cm_is_error(t)) return t;
    int ok = cm_truthy(vm, t);
    if (ok < 0) return CM_ERROR;
    if (ok) return v;
  }
}

static void filter_trace(cm_vm *vm, cm_obj *o) {
  cm_gc_mark_value(vm, ((filter_obj *)o)->func);
  cm_gc_mark_value(vm, ((filter_obj *)o)->it);
}

/* ---- reversed and the __getitem__ iterator ---------------------------- */

typedef struct index_iter {
  cm_obj hdr;
  cm_value seq; /* CM_NULL when exhausted */
  int64_t i;
} index_iter;

static cm_value index_iter_new(cm_vm *vm, const cm_type *t, cm_value seq, int64_t i) {
  index_iter *it = cm_gc_new(vm, t, sizeof(index_iter));
  if (!it) return CM_ERROR;
  it->seq = seq;
  it->i = i;
  return CM_VAL(it);
}

static cm_value reversed_construct(cm_vm *vm, const cm_value *args, int nargs,
                                   cm_value kw) {
  if (cm_has_kw(kw))
    return cm_raise(vm, &cm_exc_TypeError, "reversed() takes no keyword arguments");
  if (cm_arity(vm, "reversed", nargs, CM_NULL, 1, 1) < 0) return CM_ERROR;
  cm_value seq = args[0];
  const cm_type *t = cm_typeof(vm, seq);
  switch (t->id) {
  case CM_T_LIST: return cm_list_reversed(vm, seq);
  case CM_T_RANGE: return cm_range_reversed(vm, seq);
  case CM_T_DICT: return cm_dict_reversed(vm, seq, CM_DICT_KEYS);
  case CM_T_DICT_KEYS: case CM_T_DICT_VALUES: case CM_T_DICT_ITEMS:
    return cm_dict_reversed(vm, CM_AS(cm_dictview, seq)->dict,
                            t->id == CM_T_DICT_KEYS ? CM_DICT_KEYS
                            : t->id == CM_T_DICT_VALUES ? CM_DICT_VALUES : CM_DICT_ITEMS);
  case CM_T_USER: return tail_prelude(vm, "ct_reversed", &seq, 1);
  default: break;
  }
  if (!t->getitem || !t->len || t->id == CM_T_DICT || t->id == CM_T_SET)
    return cm_raise(vm, &cm_exc_TypeError, "'%T' object is not reversible", seq);
  int64_t n = cm_len(vm, seq);
  if (n < 0) return CM_ERROR;
  return index_iter_new(vm, &cm_reversed_type, seq, n - 1);
}

static cm_value reversed_next(cm_vm *vm, cm_value self) {
  index_iter *it = CM_AS(index_iter, self);
  if (cm_is_null(it->seq) || it->i < 0) {
    it->seq = CM_NULL;
    return CM_STOP;
  }
  cm_value v = cm_getitem(vm, it->seq, cm_mkint(it->i));
  if (cm_is_error(v)) {
    if (!cm_exc_matches(vm, &cm_exc_IndexError) && !cm_exc_matches(vm, &cm_exc_StopIteration))
      return v;
    cm_exc_clear(vm);
    it->seq = CM_NULL;
    return CM_STOP;
  }
  it->i--;
  return v;
}

/* iter(seq) for objects with only __getitem__: seq[0], seq[1], ... until
   IndexError. */
cm_value cm_seq_iter_new(cm_vm *vm, cm_value seq) {
  return index_iter_new(vm, &cm_seq_iter_type, seq, 0);
}

static cm_value seqiter_next(cm_vm *vm, cm_value self) {
  index_iter *it = CM_AS(index_iter, self);
  if (cm_is_null(it->seq)) return CM_STOP;
  cm_value k = cm_int_from_i64(vm, it->i);
  if (cm_is_error(k)) return k;
  cm_value v = cm_getitem(vm, it->seq, k);
  if (cm_is_error(v)) {
    if (!cm_exc_matches(vm, &cm_exc_IndexError) && !cm_exc_matches(vm, &cm_exc_StopIteration))
      return v;
    cm_exc_clear(vm);
    it->seq = CM_NULL;
    return CM_STOP;
  }
  it->i++;
  return v;
}

static void index_iter_trace(cm_vm *vm, cm_obj *o) {
  cm_gc_mark_value(vm, ((index_iter *)o)->seq);
}

/* ---- iter(callable, sentinel) ----------------------------------------- */

typedef struct call_iter {
  cm_obj hdr;
  cm_value func; /* CM_NULL when exhausted */
  cm_value sentinel;
} call_iter;

cm_value cm_call_iter_new(cm_vm *vm, cm_value f, cm_value sentinel) {
  if (!native_callable(vm, f)) {
    cm_value p[2] = {f, sentinel};
    return tail_prelude(vm, "ct_call_iter", p, 2);
  }
  call_iter *c = cm_gc_new(vm, &cm_call_iter_type, sizeof(call_iter));
  if (!c) return CM_ERROR;
  c->func = f;
  c->sentinel = sentinel;
  return CM_VAL(c);
}

static cm_value calliter_next(cm_vm *vm, cm_value self) {
  call_iter *c = CM_AS(call_iter, self);
  if (cm_is_null(c->func)) return CM_STOP;
  cm_value v = cm_call(vm, c->func, NULL, 0, CM_NULL);
  if (cm_is_error(v)) {
    if (!cm_exc_matches(vm, &cm_exc_StopIteration)) return v;
    cm_exc_clear(vm);
    c->func = CM_NULL;
    return CM_STOP;
  }
  int eq = cm_eq(vm, v, c->sentinel);
  if (eq < 0) return CM_ERROR;
  if (eq) {
    c->func = CM_NULL;
    return CM_STOP;
  }
  return v;
}

static void calliter_trace(cm_vm *vm, cm_obj *o) {
  cm_gc_mark_value(vm, ((call_iter *)o)->func);
  cm_gc_mark_value(vm, ((call_iter *)o)->sentinel);
}

/* ---- descriptors ------------------------------------------------------ */

#define ITER_TYPE(cname, pyname, ID, FLAGS, next_fn, ctor, trace_fn) \
  const cm_type cname = {                                           \
      .name = pyname,                                               \
      .id = ID,                                                     \
      .flags = FLAGS,                                               \
      .base = &cm_object_type,                                      \
      .iter = cm_iter_self,                                         \
      .iternext = next_fn,                                          \
      .construct = ctor,                                            \
      .trace = trace_fn,                                            \
  };

ITER_TYPE(cm_enumerate_type, "enumerate", CM_T_ENUMERATE, CM_TF_ITERATOR | CM_TF_BASETYPE,
          enumerate_next, enumerate_construct, enumerate_trace)
ITER_TYPE(cm_zip_type, "zip", CM_T_ZIP, CM_TF_ITERATOR | CM_TF_BASETYPE, zip_next,
          zip_construct, zip_trace)
ITER_TYPE(cm_map_type, "map", CM_T_MAP, CM_TF_ITERATOR | CM_TF_BASETYPE, map_next,
          map_construct, zip_trace)
ITER_TYPE(cm_filter_type, "filter", CM_T_FILTER, CM_TF_ITERATOR | CM_TF_BASETYPE,
          filter_next, filter_construct, filter_trace)
ITER_TYPE(cm_reversed_type, "reversed", CM_T_REVERSED, CM_TF_ITERATOR | CM_TF_BASETYPE,
          reversed_next, reversed_construct, index_iter_trace)
/* may call Python __getitem__ / the callable: not CM_TF_ITERATOR */
ITER_TYPE(cm_seq_iter_type, "iterator", CM_T_SEQ_ITER, 0, seqiter_next, NULL,
          index_iter_trace)
ITER_TYPE(cm_call_iter_type, "callable_iterator", CM_T_CALL_ITER, 0, calliter_next, NULL,
          calliter_trace)

/* ---- the prelude's container helpers ---------------------------------- */

const char cm_prelude_containers[] =
    "def ct_list(it):\n"
    "    return [x for x in it]\n"
    "\n"
    /* FOR_ITER over a user iterator runs this generator in its place, so
       __next__ is called as bytecode (and can pause for the host). */
    "def ct_unpack(it, n):\n"
    "    out = []\n"
    "    for x in it:\n"
    "        if len(out) == n:\n"
    "            raise ValueError('too many values to unpack (expected ' + str(n) + ')')\n"
    "        out.append(x)\n"
    "    return out\n"
    "\n"
    "def ct_user_iter(it):\n"
    "    nx = type(it).__next__\n"
    "    while True:\n"
    "        try:\n"
    "            v = nx(it)\n"
    "        except StopIteration:\n"
    "            return\n"
    "        yield v\n"
    "\n"
    "def ct_tuple(it):\n"
    "    return tuple([x for x in it])\n"
    "\n"
    "def ct_relist(f, args, which, kw):\n"
    "    args = list(args)\n"
    "    for i in which:\n"
    "        args[i] = [x for x in args[i]]\n"
    "    if kw is None:\n"
    "        return f(*args)\n"
    "    return f(*args, **kw)\n"
    "\n"
    "def ct_sort_key(lst, key, rev, done, ret):\n"
    "    keys = [key(x) for x in lst]\n"
    "    return done(lst, keys, rev, ret)\n"
    "\n"
    "def ct_enumerate(it, n):\n"
    "    for x in it:\n"
    "        yield (n, x)\n"
    "        n += 1\n"
    "\n"
    "def _ct_zip_error(name, i, longer):\n"
    "    what = 'longer' if longer else 'shorter'\n"
    "    if i == 1:\n"
    "        return ValueError(name + '() argument 2 is ' + what + ' than argument 1')\n"
    "    return ValueError(name + '() argument ' + str(i + 1) + ' is ' + what +\n"
    "                      ' than arguments 1-' + str(i))\n"
    "\n"
    "def ct_zip(f, its, strict, name):\n"
    "    if not its:\n"
    "        return\n"
    "    while True:\n"
    "        vals = []\n"
    "        i = 0\n"
    "        for it in its:\n"
    "            for v in it:\n"
    "                vals.append(v)\n"
    "                break\n"
    "            else:\n"
    "                if strict:\n"
    "                    if i:\n"
    "                        raise _ct_zip_error(name, i, False)\n"
    "                    j = 1\n"
    "                    while j < len(its):\n"
    "                        for v in its[j]:\n"
    "                            raise _ct_zip_error(name, j, True)\n"
    "                        j += 1\n"
    "                return\n"
    "            i += 1\n"
    "        if f is None:\n"
    "            yield tuple(vals)\n"
    "        else:\n"
    "            yield f(*vals)\n"
    "\n"
    "def ct_filter(f, it):\n"
    "    if f is None:\n"
    "        for x in it:\n"
    "            if x:\n"
    "                yield x\n"
    "    else:\n"
    "        for x in it:\n"
    "            if f(x):\n"
    "                yield x\n"
    "\n"
    "def _ct_reversed_gen(seq, n):\n"
    "    while n > 0:\n"
    "        n -= 1\n"
    "        yield seq[n]\n"
    "\n"
    "def ct_reversed(seq):\n"
    "    f = getattr(seq, '__reversed__', None)\n"
    "    if f is not None:\n"
    "        return f()\n"
    "    if not hasattr(seq, '__getitem__') or not hasattr(seq, '__len__'):\n"
    "        raise TypeError(\"'\" + type(seq).__name__ + \"' object is not reversible\")\n"
    "    return _ct_reversed_gen(seq, len(seq))\n"
    "\n"
    "def ct_call_iter(f, sentinel):\n"
    "    while True:\n"
    "        try:\n"
    "            v = f()\n"
    "        except StopIteration:\n"
    "            return\n"
    "        if v == sentinel:\n"
    "            return\n"
    "        yield v\n";
