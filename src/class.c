/*
** class.c — user-defined classes: __build_class__, the C3 MRO, instances,
** attribute lookup with descriptors, the slot functions that route
** Python-level dunders (__repr__, __eq__, __add__, __len__, ...) into the
** generic operations of object.c, and property/staticmethod/classmethod/
** super.
**
** A class owns a cm_type (cm_class.desc) that its instances point at. Its
** "solid" base is the built-in type whose memory layout instances use:
** object (cm_instance) or an exception type (cm_exc, which has a dict;
** several exception bases combine by CPython's layout rules, exc_layout).
** Other built-in bases are not supported yet.
**
** Slots are chosen once, when the class is made, from the dunders its MRO
** defines (like CPython): e.g. `len` only if some class defines __len__,
** so generic code keeps its "has no len()" errors.
*/
#include <stdio.h>
#include <string.h>

#include "dict.h"
#include "frame.h"
#include "host.h"
#include "list.h"
#include "runtime.h"
#include "str.h"

typedef struct cm_wrapper { /* staticmethod / classmethod */
  cm_obj hdr;
  cm_value func;
} cm_wrapper;

typedef struct cm_property {
  cm_obj hdr;
  cm_value fget, fset, fdel, doc;
} cm_property;

typedef struct cm_super {
  cm_obj hdr;
  cm_value cls, self; /* self: instance or class */
} cm_super;

static bool is_type(cm_value v, const cm_type *t) {
  return cm_is_obj(v) && cm_objptr(v)->type == t;
}

static bool is_user(const cm_type *t) { return t->id == CM_T_USER; }

const cm_type *cm_native_type(const cm_type *t) {
  return is_user(t) ? CM_CLASS_OF(t)->solid : t;
}

static cm_class *class_of(cm_vm *vm, cm_value v) {
  return CM_CLASS_OF(cm_typeof(vm, v));
}

/* ---- lookup ------------------------------------------------------------ */

cm_value cm_class_lookup(cm_vm *vm, const cm_type *t, cm_value name,
                         bool user_only) {
  cm_tuple *mro = CM_AS(cm_tuple, CM_CLASS_OF(t)->mro);
  for (size_t i = 0; i < mro->n; i++) {
    const cm_type *m = cm_type_of_typeobj(mro->items[i]);
    cm_value v;
    if (is_user(m))
      v = cm_dict_get_str(vm, CM_CLASS_OF(m)->base.dict, name);
    else if (user_only)
      return CM_NULL;
    else
      v = cm_type_lookup(vm, m, name);
    if (!cm_is_null(v)) return v;
  }
  return CM_NULL;
}

bool cm_has_index(cm_vm *vm, cm_value v) {
  const cm_type *t = cm_typeof(vm, v);
  if (!is_user(t)) return false;
  cm_value f = cm_class_lookup(vm, t, cm_name(vm, "__index__"), true);
  if (cm_is_error(f)) { /* a lookup error only means "no" here */
    cm_exc_clear(vm);
    return false;
  }
  return !cm_is_null(f);
}

static cm_value lookup_user(cm_vm *vm, cm_class *c, const char *name) {
  return cm_class_lookup(vm, &c->desc, cm_name(vm, name), true);
}

/* Binds attribute v found in class c for `self` (an instance, or the class
   itself when `self` is CM_NULL). */
static cm_value bind(cm_vm *vm, cm_value v, cm_value self, cm_value cls) {
  if (!cm_is_obj(v)) return v;
  const cm_type *t = cm_objptr(v)->type;
  if (t == &cm_staticmethod_type) return CM_AS(cm_wrapper, v)->func;
  if (t == &cm_classmethod_descr_type)
    return cm_builtin_new(vm, CM_AS(cm_descr, v)->fn, CM_AS(cm_descr, v)->name,
                          cls);
  if (t == &cm_classmethod_type) self = cls;
  else if (cm_is_null(self)) return v;
  if (t == &cm_function_type || t == &cm_classmethod_type) {
    cm_method *m = cm_gc_new(vm, &cm_method_type, sizeof(cm_method));
    if (!m) return CM_ERROR;
    m->func = t == &cm_classmethod_type ? CM_AS(cm_wrapper, v)->func : v;
    m->self = self;
    return CM_VAL(m);
  }
  return cm_descr_bind(vm, v, self, cm_typeof(vm, self));
}

/* Calls the dunder `name` defined by a user class of self; CM_NULL when
   none defines it. */
static cm_value call_user(cm_vm *vm, cm_value self, const char *name,
                          const cm_value *args, int n) {
  cm_class *c = class_of(vm, self);
  cm_value f = lookup_user(vm, c, name);
  if (cm_is_null(f) || cm_is_error(f)) return f;
  cm_value argv[4];
  argv[0] = self;
  for (int i = 0; i < n && i < 3; i++) argv[i + 1] = args[i];
  if (is_type(f, &cm_function_type)) return cm_call(vm, f, argv, n + 1, CM_NULL);
  cm_value b = bind(vm, f, self, CM_VAL(c));
  if (cm_is_error(b)) return b;
  return cm_call(vm, b, args, n, CM_NULL);
}

static cm_value instance_dict(cm_vm *vm, cm_value self, bool create) {
  cm_value *slot = (cm_typeof(vm, self)->flags & CM_TF_EXCEPTION)
                       ? &CM_AS(cm_exc, self)->dict
                       : &CM_AS(cm_instance, self)->dict;
  if (cm_is_null(*slot) && create) {
    cm_value d = cm_dict_new(vm);
    if (cm_is_error(d)) return d;
    *slot = d;
  }
  return *slot;
}

/* ---- slot functions ---------------------------------------------------- */

static cm_value need_str(cm_vm *vm, cm_value r, const char *what) {
  if (cm_is_error(r) || cm_isinstance_t(vm, r, &cm_str_type)) return r;
  return cm_raise(vm, &cm_exc_TypeError, "%s returned non-string (type %T)",
                  what, r);
}

static cm_value u_repr(cm_vm *vm, cm_value self) {
  cm_value r = call_user(vm, self, "__repr__", NULL, 0);
  if (!cm_is_null(r)) return need_str(vm, r, "__repr__");
  const cm_type *s = class_of(vm, self)->solid;
  return s->repr ? s->repr(vm, self) : cm_default_repr(vm, self);
}

static cm_value u_str(cm_vm *vm, cm_value self) {
  cm_value r = call_user(vm, self, "__str__", NULL, 0);
  if (!cm_is_null(r)) return need_str(vm, r, "__str__");
  const cm_type *s = class_of(vm, self)->solid;
  if (s->str) return s->str(vm, self);
  /* object.__str__ is repr(), but CPython words a bad result as __str__'s */
  r = call_user(vm, self, "__repr__", NULL, 0);
  if (!cm_is_null(r)) return need_str(vm, r, "__str__");
  return cm_repr(vm, self);
}

static int u_hash(cm_vm *vm, cm_value self, int64_t *out) {
  cm_value r = call_user(vm, self, "__hash__", NULL, 0);
  if (cm_is_error(r)) return -1;
  if (!cm_is_intlike(vm, r)) {
    cm_raise(vm, &cm_exc_TypeError, "__hash__ method should return an integer");
    return -1;
  }
  return cm_hash(vm, r, out);
}

static int u_idhash(cm_vm *vm, cm_value self, int64_t *out) {
  int64_t h = cm_identity(self);
  h = (int64_t)((uint64_t)h >> 4 | (uint64_t)h << 60);
  *out = h == -1 ? -2 : h;
  return 0;
}

static const char *const cmp_names[] = {"__lt__", "__le__", "__eq__",
                                        "__ne__", "__gt__", "__ge__"};

static cm_value u_compare(cm_vm *vm, int op, cm_value a, cm_value b) {
  cm_value r = call_user(vm, a, cmp_names[op], &b, 1);
  if (!cm_is_null(r)) return r;
  if (op != CM_CMP_NE) return CM_NOTIMPL;
  r = call_user(vm, a, "__eq__", &b, 1);
  if (cm_is_null(r) || cm_is_error(r) || r == CM_NOTIMPL)
    return cm_is_null(r) ? CM_NOTIMPL : r;
  int t = cm_truthy(vm, r);
  return t < 0 ? CM_ERROR : cm_bool(!t);
}

static bool user_value(cm_vm *vm, cm_value v) {
  return is_user(cm_typeof(vm, v));
}

/* [plain, reflected, in-place][op]: literals, so cm_name can cache them */
static const char *const bin_dunders[3][CM_OP_NBINARY] = {
    {"__add__", "__sub__", "__mul__", "__truediv__", "__floordiv__",
     "__mod__", "__pow__", "__lshift__", "__rshift__", "__and__", "__or__",
     "__xor__", "__matmul__"},
    {"__radd__", "__rsub__", "__rmul__", "__rtruediv__", "__rfloordiv__",
     "__rmod__", "__rpow__", "__rlshift__", "__rrshift__", "__rand__",
     "__ror__", "__rxor__", "__rmatmul__"},
    {"__iadd__", "__isub__", "__imul__", "__itruediv__", "__ifloordiv__",
     "__imod__", "__ipow__", "__ilshift__", "__irshift__", "__iand__",
     "__ior__", "__ixor__", "__imatmul__"}};

static cm_value try_dunder(cm_vm *vm, cm_value self, int kind, int op,
                           cm_value other) {
  cm_value r = call_user(vm, self, bin_dunders[kind][op], &other, 1);
  return cm_is_null(r) ? CM_NOTIMPL : r;
}

static cm_value u_binop(cm_vm *vm, int op, cm_value a, cm_value b) {
  int base = op & (CM_OP_INPLACE - 1);
  if (op >= CM_OP_INPLACE)
    return user_value(vm, a) ? try_dunder(vm, a, 2, base, b)
                             : CM_NOTIMPL;
  cm_value r = CM_NOTIMPL;
  const cm_type *ta = cm_typeof(vm, a), *tb = cm_typeof(vm, b);
  bool refl = user_value(vm, b) && tb != ta;
  /* CPython: when b's class is a subclass of a's that overrides the
     reflected dunder, b.__radd__(a) goes before a.__add__(b). */
  if (refl && user_value(vm, a) && cm_type_is_sub(tb, ta)) {
    cm_value name = cm_name(vm, bin_dunders[1][base]);
    cm_value fb = cm_class_lookup(vm, tb, name, true);
    if (cm_is_error(fb)) return fb;
    cm_value fa = cm_class_lookup(vm, ta, name, true);
    if (cm_is_error(fa)) return fa;
    if (!cm_is_null(fb) && fb != fa) {
      r = try_dunder(vm, b, 1, base, a);
      if (r != CM_NOTIMPL) return r;
      refl = false;
    }
  }
  if (user_value(vm, a)) {
    r = try_dunder(vm, a, 0, base, b);
    if (r != CM_NOTIMPL) return r;
  }
  if (refl) r = try_dunder(vm, b, 1, base, a);
  return r;
}

static cm_value u_unop(cm_vm *vm, int op, cm_value a) {
  static const char *const names[] = {"__neg__", "__pos__", "__invert__"};
  if (op > CM_UN_INVERT) return CM_NOTIMPL;
  cm_value r = call_user(vm, a, names[op], NULL, 0);
  return cm_is_null(r) ? CM_NOTIMPL : r;
}

/* The checks on a dunder's result, shared by the slot functions below
   (nested calls) and cm_dunder_result (dunders run by the VM loop). */
static int bool_result(cm_vm *vm, cm_value r) {
  if (cm_is_error(r)) return -1;
  if (!cm_is_bool(r)) {
    cm_raise(vm, &cm_exc_TypeError, "__bool__ should return bool, returned %T",
             r);
    return -1;
  }
  return r == CM_TRUE;
}

static int64_t len_result(cm_vm *vm, cm_value r) {
  int64_t n;
  if (cm_is_error(r)) return -1;
  if (cm_index_i64(vm, r, &n) < 0) {
    if (cm_exc_matches(vm, &cm_exc_OverflowError)) { /* CPython's wording */
      cm_exc_clear(vm);
      cm_raise(vm, &cm_exc_OverflowError,
               "cannot fit 'int' into an index-sized integer");
    }
    return -1;
  }
  if (n < 0) {
    cm_raise(vm, &cm_exc_ValueError, "__len__() should return >= 0");
    return -1;
  }
  return n;
}

static cm_value iter_result(cm_vm *vm, cm_value r) {
  if (cm_is_error(r)) return r;
  if (!cm_typeof(vm, r)->iternext)
    return cm_raise(vm, &cm_exc_TypeError,
                    "iter() returned non-iterator of type '%T'", r);
  return r;
}

static int u_truthy(cm_vm *vm, cm_value self) {
  return bool_result(vm, call_user(vm, self, "__bool__", NULL, 0));
}

static int64_t u_len(cm_vm *vm, cm_value self) {
  return len_result(vm, call_user(vm, self, "__len__", NULL, 0));
}

static cm_value u_getitem(cm_vm *vm, cm_value self, cm_value k) {
  return call_user(vm, self, "__getitem__", &k, 1);
}

static int u_setitem(cm_vm *vm, cm_value self, cm_value k, cm_value v) {
  cm_value a[2] = {k, v};
  return cm_is_error(call_user(vm, self, "__setitem__", a, 2)) ? -1 : 0;
}

static int u_delitem(cm_vm *vm, cm_value self, cm_value k) {
  return cm_is_error(call_user(vm, self, "__delitem__", &k, 1)) ? -1 : 0;
}

static int u_contains(cm_vm *vm, cm_value self, cm_value x) {
  cm_value r = call_user(vm, self, "__contains__", &x, 1);
  return cm_is_error(r) ? -1 : cm_truthy(vm, r);
}

static cm_value u_iter(cm_vm *vm, cm_value self) {
  return iter_result(vm, call_user(vm, self, "__iter__", NULL, 0));
}

static cm_value u_iternext(cm_vm *vm, cm_value self) {
  cm_value r = call_user(vm, self, "__next__", NULL, 0);
  if (cm_is_error(r) && cm_exc_matches(vm, &cm_exc_StopIteration)) {
    cm_exc_clear(vm);
    return CM_STOP;
  }
  return r;
}

static cm_value u_call(cm_vm *vm, const cm_value *args, int nargs,
                       cm_value kwnames) {
  cm_class *c = class_of(vm, args[0]);
  cm_value f = lookup_user(vm, c, "__call__");
  if (cm_is_error(f)) return f;
  /* A tail call, not cm_call: reached from bytecode, the VM loop makes the
     call itself, so a host function called in __call__ can pause. */
  int skip = 0;
  if (!is_type(f, &cm_function_type)) {
    f = bind(vm, f, args[0], CM_VAL(c));
    if (cm_is_error(f)) return f;
    skip = 1;
  }
  cm_value t = cm_tuple_from(vm, args + skip, (size_t)(nargs - skip));
  if (cm_is_error(t)) return t;
  cm_value kw = cm_kwargs_dict(vm, args + nargs, kwnames);
  if (cm_is_error(kw)) return kw;
  return cm_tailcall(vm, f, t, kw);
}

/* ---- instance attributes ----------------------------------------------- */

static cm_value property_get(cm_vm *vm, cm_value prop, cm_value self) {
  cm_property *p = CM_AS(cm_property, prop);
  if (p->fget == CM_NONE)
    return cm_raise(vm, &cm_exc_AttributeError,
                    "property of '%T' object has no getter", self);
  return cm_call(vm, p->fget, &self, 1, CM_NULL);
}

/* User descriptor objects: 1 if attribute v's class defines `hook`. */
static bool user_hook(cm_vm *vm, cm_value v, const char *hook) {
  if (!user_value(vm, v)) return false;
  cm_value h = lookup_user(vm, class_of(vm, v), hook);
  return !cm_is_null(h) && !cm_is_error(h);
}

/* v.__get__(self, cls) of a user descriptor (self None for the class). */
static cm_value user_get(cm_vm *vm, cm_value v, cm_value self, cm_value cls) {
  cm_value a[2] = {self, cls};
  return call_user(vm, v, "__get__", a, 2);
}

/* Fills *d (when not NULL) for a deferred call of plain function f. */
static cm_value defer(cm_defer *d, cm_value f, cm_value a0, cm_value a1,
                      int n) {
  d->fn = f;
  d->args[0] = a0;
  d->args[1] = a1;
  d->nargs = n;
  return CM_DEFER;
}

/* The normal attribute lookup of u_getattr (CPython's
   object.__getattribute__): the attribute, CM_NULL (absent), CM_ERROR,
   or CM_DEFER with *d set for a plain Python property getter (d given). */
static cm_value lookup_attr(cm_vm *vm, cm_class *c, cm_value self,
                            cm_value name, cm_defer *d) {
  cm_value v = cm_class_lookup(vm, &c->desc, name, false);
  if (cm_is_error(v)) return v;
  if (is_type(v, &cm_property_type)) {
    cm_value g = CM_AS(cm_property, v)->fget;
    if (d && is_type(g, &cm_function_type)) return defer(d, g, self, CM_NULL, 1);
    return property_get(vm, v, self);
  }
  if (is_type(v, &cm_getset_descr_type)) return bind(vm, v, self, CM_VAL(c));
  bool getter = user_hook(vm, v, "__get__");
  if (getter && (user_hook(vm, v, "__set__") || user_hook(vm, v, "__delete__")))
    return user_get(vm, v, self, CM_VAL(c));
  cm_value dict = instance_dict(vm, self, false);
  if (!cm_is_null(dict)) {
    cm_value x = cm_dict_get_str(vm, dict, name);
    if (!cm_is_null(x)) return x;
  }
  if (getter) return user_get(vm, v, self, CM_VAL(c));
  if (!cm_is_null(v)) return bind(vm, v, self, CM_VAL(c));
  if (!strcmp(cm_str_cstr(name), "__dict__")) return instance_dict(vm, self, true);
  if (c->solid->getattr) return c->solid->getattr(vm, self, name);
  return CM_NULL;
}

/* u_getattr; with d, plain Python getters are deferred (vm.h). Like
   CPython, a class's __getattr__ runs when the normal lookup finds
   nothing or raises AttributeError (a property getter's included). */
static cm_value getattr_impl(cm_vm *vm, cm_value self, cm_value name,
                             cm_defer *d) {
  cm_class *c = class_of(vm, self);
  cm_value r = lookup_attr(vm, c, self, name, d);
  bool missing = cm_is_null(r) ||
                 (cm_is_error(r) && cm_exc_matches(vm, &cm_exc_AttributeError));
  if (!missing && r != CM_DEFER) return r;
  cm_value saved = vm->exc;
  vm->exc = CM_NULL;
  cm_value ga = lookup_user(vm, c, "__getattr__");
  if (cm_is_null(ga)) vm->exc = saved;
  if (cm_is_error(ga) || cm_is_null(ga)) return cm_is_null(ga) ? r : ga;
  if (r == CM_DEFER) {
    /* the getter runs through dn_getattr_or, which falls back to
       __getattr__ on AttributeError */
    cm_value h = cm_prelude_lit(vm, "dn_getattr_or");
    cm_value b = cm_is_error(h) ? h : bind(vm, ga, self, CM_VAL(c));
    if (cm_is_error(b)) return b;
    d->args[3] = name;
    d->args[2] = b;
    d->args[1] = d->args[0]; /* self */
    d->args[0] = d->fn;      /* the getter */
    d->fn = h;
    d->nargs = 4;
    return CM_DEFER;
  }
  if (d && is_type(ga, &cm_function_type)) return defer(d, ga, self, name, 2);
  return call_user(vm, self, "__getattr__", &name, 1);
}

static cm_value u_getattr(cm_vm *vm, cm_value self, cm_value name) {
  return getattr_impl(vm, self, name, NULL);
}

cm_value cm_instance_getattr_defer(cm_vm *vm, cm_value self, cm_value name,
                                   cm_defer *d) {
  const cm_type *t = cm_typeof(vm, self);
  if (t->getattr != u_getattr) /* slots replaced (hostobj.c) */
    return t->getattr ? t->getattr(vm, self, name) : cm_generic_getattr(vm, self, name);
  return getattr_impl(vm, self, name, d);
}

/* ---- dunders run by the VM loop (vm.h) --------------------------------- */


cm_value cm_dunder_find(cm_vm *vm, cm_value self, const char *name) {
  const cm_type *t = cm_typeof(vm, self);
  if (!is_user(t)) return CM_NULL;
  cm_value f = lookup_user(vm, CM_CLASS_OF(t), name);
  if (cm_is_error(f)) {
    cm_exc_clear(vm);
    return CM_NULL;
  }
  return is_type(f, &cm_function_type) ? f : CM_NULL;
}

/* Mirrors u_str / u_repr: which user function str()/repr() would run. */
int cm_dunder_str_fn(cm_vm *vm, cm_value self, bool repr, cm_value *fn) {
  const cm_type *t = cm_typeof(vm, self);
  if (!is_user(t) || t->repr != u_repr || t->str != u_str) return -1;
  cm_class *c = CM_CLASS_OF(t);
  cm_value f;
  if (!repr) {
    f = lookup_user(vm, c, "__str__");
    if (cm_is_error(f)) {
      cm_exc_clear(vm);
      return -1;
    }
    if (!cm_is_null(f)) {
      if (!is_type(f, &cm_function_type)) return -1;
      *fn = f;
      return CM_DK_STR;
    }
    if (c->solid->str) return -1;
  }
  f = cm_dunder_find(vm, self, "__repr__");
  if (cm_is_null(f)) return -1;
  *fn = f;
  return repr ? CM_DK_REPR : CM_DK_STR; /* str(): CPython says __str__ */
}

/* What f"{v!conv:spec}" would run (conv 0-2, spec a str or CM_NULL). */
int cm_dunder_format_fn(cm_vm *vm, cm_value v, int conv, cm_value spec,
                        cm_defer *d) {
  const cm_type *t = cm_typeof(vm, v);
  if (!is_user(t) || conv > 2) return -1;
  bool nospec = cm_is_null(spec) || CM_AS(cm_str, spec)->size == 0;
  if (conv == 0) {
    cm_value f = lookup_user(vm, CM_CLASS_OF(t), "__format__");
    if (cm_is_error(f)) {
      cm_exc_clear(vm);
      return -1;
    }
    if (!cm_is_null(f)) {
      if (!is_type(f, &cm_function_type)) return -1;
      defer(d, f, v, cm_is_null(spec) ? cm_intern(vm, "") : spec, 2);
      return CM_DK_FORMAT;
    }
  }
  if (!nospec) return -1;
  int k = cm_dunder_str_fn(vm, v, conv == 2, &d->fn);
  if (k >= 0) {
    d->args[0] = v;
    d->nargs = 1;
  }
  return k;
}

/* user_getmethod (object.c) with a deferred property getter: 2 (and *d)
   for a deferred call, else cm_getmethod's 1/0/-1. */
int cm_instance_getmethod_defer(cm_vm *vm, cm_value o, cm_value name,
                                cm_value *meth, cm_defer *d) {
  const cm_type *t = cm_typeof(vm, o);
  if (t->getattr != u_getattr) {
    if (cm_is_hostobj(vm, o)) return cm_hostobj_getmethod(vm, o, name, meth);
    return cm_getmethod(vm, o, name, meth);
  }
  cm_value f = cm_class_lookup(vm, t, name, false);
  if (cm_is_error(f)) return -1;
  if (is_type(f, &cm_function_type)) {
    cm_value dict = instance_dict(vm, o, false);
    cm_value x = cm_is_null(dict) ? CM_NULL : cm_dict_get_str(vm, dict, name);
    if (cm_is_error(x)) return -1;
    if (cm_is_null(x)) {
      *meth = f;
      return 1;
    }
  }
  cm_value a = getattr_impl(vm, o, name, d);
  if (a == CM_DEFER) return 2;
  if (cm_is_null(a)) a = cm_raise_no_attr(vm, o, name);
  if (cm_is_error(a)) return -1;
  *meth = a;
  return 0;
}

cm_value cm_dunder_result(cm_vm *vm, int kind, cm_value r) {
  int t;
  int64_t n;
  switch (kind) {
  case CM_DK_IN:
  case CM_DK_NOT_IN:
    t = cm_truthy(vm, r);
    return t < 0 ? CM_ERROR : cm_bool(t != (kind == CM_DK_NOT_IN));
  case CM_DK_STR: return need_str(vm, r, "__str__");
  case CM_DK_REPR: return need_str(vm, r, "__repr__");
  case CM_DK_FORMAT:
    if (cm_isinstance_t(vm, r, &cm_str_type)) return r;
    return cm_raise(vm, &cm_exc_TypeError,
                    "__format__ must return a str, not %T", r);
  case CM_DK_ITER: return iter_result(vm, r);
  case CM_DK_LEN:
    n = len_result(vm, r);
    return n < 0 ? CM_ERROR : cm_int_from_i64(vm, n);
  case CM_DK_BOOL:
    t = bool_result(vm, r);
    return t < 0 ? CM_ERROR : cm_bool(t);
  case CM_DK_LEN_BOOL:
    n = len_result(vm, r);
    return n < 0 ? CM_ERROR : cm_bool(n > 0);
  default: return r;
  }
}

cm_value cm_dunder_tail_str(cm_vm *vm, cm_value x) {
  cm_value fn;
  if (cm_dunder_str_fn(vm, x, false, &fn) < 0) return CM_NULL;
  cm_value h = cm_prelude_lit(vm, "dn_str");
  cm_value t = cm_is_error(h) ? h : cm_tuple_from(vm, &x, 1);
  return cm_is_error(t) ? t : cm_tailcall(vm, h, t, CM_NULL);
}

cm_value cm_dunder_tail_bool(cm_vm *vm, cm_value x) {
  const cm_type *t = cm_typeof(vm, x);
  if (!is_user(t) || (t->truthy != u_truthy && t->truthy) ||
      (!t->truthy && t->len != u_len))
    return CM_NULL;
  cm_value fn = t->truthy ? cm_dunder_find(vm, x, "__bool__")
                          : cm_dunder_find(vm, x, "__len__");
  if (cm_is_null(fn)) return CM_NULL;
  cm_value h = cm_prelude_lit(vm, "dn_call");
  if (cm_is_error(h)) return h;
  cm_value p[3] = {cm_mkint(t->truthy ? CM_DK_BOOL : CM_DK_LEN_BOOL), fn, x};
  cm_value a = cm_tuple_from(vm, p, 3);
  return cm_is_error(a) ? a : cm_tailcall(vm, h, a, CM_NULL);
}

cm_value cm_dunder_result_native(cm_vm *vm, const cm_value *args, int nargs,
                                 cm_value kwnames) {
  if (nargs != 2 || !cm_is_null(kwnames) || !cm_is_int(args[0]) ||
      cm_intval(args[0]) < 0 || cm_intval(args[0]) >= CM_DK_NKINDS)
    return cm_raise(vm, &cm_exc_SystemError, "bad _dn_result call");
  return cm_dunder_result(vm, (int)cm_intval(args[0]), args[1]);
}

/* ---- operators whose user dunders run as frames (vm.h) ------------------ */
/* cm_op_defer turns cm_binop / cm_compare into a plan the prelude's dn_op
   walks: pairs (f, k), tried in order until one is not NotImplemented.
   f a plain Python dunder: k 0 f(a, b), 1 f(b, a), 2 / 3 the same but the
   result negated (object.__ne__ from __eq__). f None: the built-in slot
   of a's (k&1 == 0) or b's type, with the in-place op when k&2. The
   steps mirror cm_binop/u_binop and cm_compare/u_compare exactly. */
enum { PLAN_MAX = 24 };
typedef struct op_plan {
  cm_value items[PLAN_MAX];
  int n;
  bool py; /* some step is a Python function */
} op_plan;

static void plan_add(op_plan *p, cm_value f, int k) {
  p->items[p->n++] = f;
  p->items[p->n++] = cm_mkint(k);
}

/* The user dunder `name` of self as step k: 1 added, 0 none, -1 not a
   plain function or a lookup error (the nested path then runs). */
static int plan_user(cm_vm *vm, op_plan *p, cm_value self, const char *name,
                     int k) {
  cm_value f = lookup_user(vm, class_of(vm, self), name);
  if (cm_is_error(f)) {
    cm_exc_clear(vm);
    return -1;
  }
  if (cm_is_null(f)) return 0;
  if (!is_type(f, &cm_function_type)) return -1;
  plan_add(p, f, k);
  p->py = true;
  return 1;
}

static int plan_u_binop(cm_vm *vm, op_plan *p, int op, cm_value a, cm_value b) {
  int base = op & (CM_OP_INPLACE - 1);
  if (op >= CM_OP_INPLACE)
    return user_value(vm, a) ? plan_user(vm, p, a, bin_dunders[2][base], 0) : 0;
  const cm_type *ta = cm_typeof(vm, a), *tb = cm_typeof(vm, b);
  bool refl = user_value(vm, b) && tb != ta;
  if (refl && user_value(vm, a) && cm_type_is_sub(tb, ta)) {
    cm_value name = cm_name(vm, bin_dunders[1][base]);
    cm_value fb = cm_class_lookup(vm, tb, name, true);
    cm_value fa = cm_is_error(fb) ? fb : cm_class_lookup(vm, ta, name, true);
    if (cm_is_error(fa)) {
      cm_exc_clear(vm);
      return -1;
    }
    if (!cm_is_null(fb) && fb != fa) {
      if (plan_user(vm, p, b, bin_dunders[1][base], 1) < 0) return -1;
      refl = false;
    }
  }
  if (user_value(vm, a) && plan_user(vm, p, a, bin_dunders[0][base], 0) < 0)
    return -1;
  if (refl && plan_user(vm, p, b, bin_dunders[1][base], 1) < 0) return -1;
  return 0;
}

static int plan_binop_side(cm_vm *vm, op_plan *p, const cm_type *t, int op,
                           cm_value a, cm_value b, int side) {
  if (t->binop == u_binop) return plan_u_binop(vm, p, op, a, b) < 0 ? -1 : 0;
  plan_add(p, CM_NONE, side | (op >= CM_OP_INPLACE ? 2 : 0));
  return 0;
}

static int plan_binop(cm_vm *vm, op_plan *p, int op, cm_value a, cm_value b) {
  const cm_type *ta = cm_typeof(vm, a), *tb = cm_typeof(vm, b);
  int base = op & (CM_OP_INPLACE - 1);
  if (op >= CM_OP_INPLACE && ta->binop &&
      plan_binop_side(vm, p, ta, op, a, b, 0) < 0)
    return -1;
  bool rfirst = ta != tb && tb->binop && tb->binop != ta->binop &&
                cm_type_is_sub(tb, ta);
  if (rfirst && plan_binop_side(vm, p, tb, base, a, b, 1) < 0) return -1;
  if (ta->binop && plan_binop_side(vm, p, ta, base, a, b, 0) < 0) return -1;
  if (!rfirst && tb->binop && tb->binop != ta->binop &&
      plan_binop_side(vm, p, tb, base, a, b, 1) < 0)
    return -1;
  return 0;
}

static const int cmp_swapped[] = {CM_CMP_GT, CM_CMP_GE, CM_CMP_EQ,
                                  CM_CMP_NE, CM_CMP_LT, CM_CMP_LE};

/* t's compare(o, x, y), where (x, y) is (a, b) for side 0, (b, a) for 1 */
static int plan_compare_side(cm_vm *vm, op_plan *p, const cm_type *t, int o,
                             cm_value x, int side) {
  if (!t->compare) return 0;
  if (t->compare != u_compare) {
    plan_add(p, CM_NONE, side);
    return 0;
  }
  int r = plan_user(vm, p, x, cmp_names[o], side);
  if (r != 0 || o != CM_CMP_NE) return r < 0 ? -1 : 0;
  return plan_user(vm, p, x, "__eq__", side + 2) < 0 ? -1 : 0;
}

static int plan_compare(cm_vm *vm, op_plan *p, int op, cm_value a, cm_value b) {
  const cm_type *ta = cm_typeof(vm, a), *tb = cm_typeof(vm, b);
  bool rf = ta != tb && tb->compare &&
            (tb->compare != ta->compare || tb->id == CM_T_USER) &&
            cm_type_is_sub(tb, ta);
  if (rf && plan_compare_side(vm, p, tb, cmp_swapped[op], b, 1) < 0) return -1;
  if (plan_compare_side(vm, p, ta, op, a, 0) < 0) return -1;
  if ((ta != tb || ta->id == CM_T_USER) && !rf &&
      plan_compare_side(vm, p, tb, cmp_swapped[op], b, 1) < 0)
    return -1;
  return 0;
}

/* str % b runs the prelude's dn_pct (b a user instance with a plain
   Python __str__/__repr__ that is not a str, tuple or mapping, or a tuple
   holding one). */
static bool pct_user(cm_vm *vm, cm_value v) {
  const cm_type *t = cm_typeof(vm, v);
  cm_value fn;
  return is_user(t) && !t->getitem && !cm_isinstance_t(vm, v, &cm_str_type) &&
         !cm_isinstance_t(vm, v, &cm_tuple_type) &&
         cm_dunder_str_fn(vm, v, false, &fn) >= 0;
}

_Static_assert(CM_OP_MOD == 5, "the prelude's dn_pct passes op 5");

static bool pct_defer(cm_vm *vm, cm_value a, cm_value b) {
  if (cm_typeof(vm, a) != &cm_str_type) return false;
  if (cm_typeof(vm, b) != &cm_tuple_type) return pct_user(vm, b);
  cm_tuple *t = CM_AS(cm_tuple, b);
  for (size_t i = 0; i < t->n; i++)
    if (pct_user(vm, t->items[i])) return true;
  return false;
}

int cm_op_defer(cm_vm *vm, int op, cm_value a, cm_value b, bool rest,
                cm_defer *d) {
  if (!rest && op < CM_OP_DEFER_CMP &&
      (op & (CM_OP_INPLACE - 1)) == CM_OP_MOD && pct_defer(vm, a, b)) {
    cm_value h = cm_prelude_lit(vm, "dn_pct");
    if (cm_is_error(h)) return -1;
    d->fn = h;
    d->args[0] = a;
    d->args[1] = b;
    d->nargs = 2;
    return 2;
  }
  op_plan p;
  p.n = 0;
  p.py = false;
  int r = op >= CM_OP_DEFER_CMP ? plan_compare(vm, &p, op - CM_OP_DEFER_CMP, a, b)
                                : plan_binop(vm, &p, op, a, b);
  /* with `rest` the plan is used whatever it holds (only a class changed
     by its own dunder could make it differ from the first one) */
  if (!rest && (r < 0 || !p.py)) return 0;
  if (!rest && p.items[0] != CM_NONE && cm_intval(p.items[1]) < 2) {
    /* the first step is a Python dunder: call it directly */
    bool swap = cm_intval(p.items[1]) == 1;
    d->fn = p.items[0];
    d->args[0] = swap ? b : a;
    d->args[1] = swap ? a : b;
    d->nargs = 2;
    return 3;
  }
  cm_value h = cm_prelude_lit(vm, "dn_op");
  if (cm_is_error(h)) return -1;
  int skip = rest ? (p.n < 2 ? p.n : 2) : 0;
  cm_value plan = cm_tuple_from(vm, p.items + skip, (size_t)(p.n - skip));
  if (cm_is_error(plan)) return -1;
  d->fn = h;
  d->args[0] = plan;
  d->args[1] = a;
  d->args[2] = b;
  d->args[3] = cm_mkint(op);
  d->nargs = 4;
  return 2;
}

static const char *const cmp_sym_u[] = {"<", "<=", "==", "!=", ">", ">="};


/* The prelude's _dn_slot(k, op, a, b): a built-in step of dn_op's plan
   (k 0-3, see cm_op_defer), or the protocol's end (k 4): the identity
   for == / !=, else the TypeError. */
cm_value cm_op_slot_native(cm_vm *vm, const cm_value *args, int nargs,
                           cm_value kwnames) {
  if (nargs != 4 || !cm_is_null(kwnames) || !cm_is_int(args[0]) ||
      !cm_is_int(args[1]))
    return cm_raise(vm, &cm_exc_SystemError, "bad _dn_slot call");
  int64_t k = cm_intval(args[0]), op = cm_intval(args[1]);
  cm_value a = args[2], b = args[3];
  const cm_type *ta = cm_typeof(vm, a), *tb = cm_typeof(vm, b);
  bool cmp = op >= CM_OP_DEFER_CMP;
  if (k < 0 || k > 4 ||
      (cmp ? op - CM_OP_DEFER_CMP > CM_CMP_GE
           : op < 0 || op >= 2 * CM_OP_INPLACE ||
                 (op & (CM_OP_INPLACE - 1)) >= CM_OP_NBINARY))
    return cm_raise(vm, &cm_exc_SystemError, "bad _dn_slot call");
  if (cmp) {
    int o = (int)(op - CM_OP_DEFER_CMP);
    if (k == 4) {
      if (o == CM_CMP_EQ) return cm_bool(a == b);
      if (o == CM_CMP_NE) return cm_bool(a != b);
      return cm_raise(vm, &cm_exc_TypeError,
                      "'%s' not supported between instances of '%s' and '%s'",
                      cmp_sym_u[o], ta->name, tb->name);
    }
    const cm_type *t = k & 1 ? tb : ta;
    if (!t->compare) return CM_NOTIMPL;
    return k & 1 ? t->compare(vm, cmp_swapped[o], b, a)
                 : t->compare(vm, o, a, b);
  }
  if (k == 4) return cm_binop_error(vm, (int)op, a, b);
  const cm_type *t = k & 1 ? tb : ta;
  int o = k & 2 ? (int)op : (int)(op & (CM_OP_INPLACE - 1));
  return t->binop ? t->binop(vm, o, a, b) : CM_NOTIMPL;
}

/* cm_instance_setattr; with d, a plain Python property setter/deleter is
   deferred (returns 2, vm.h). */
static int setattr_impl(cm_vm *vm, cm_value self, cm_value name, cm_value v,
                        cm_defer *d) {
  const cm_type *t = cm_typeof(vm, self);
  if (!is_user(t)) {
    cm_raise(vm, &cm_exc_AttributeError,
             "'%s' object has no attribute '%U' and no __dict__ for setting "
             "new attributes", t->name, name);
    return -1;
  }
  cm_class *c = CM_CLASS_OF(t);
  cm_value a = cm_class_lookup(vm, t, name, false);
  if (cm_is_error(a)) return -1;
  if (is_type(a, &cm_property_type)) {
    cm_property *p = CM_AS(cm_property, a);
    cm_value f = cm_is_null(v) ? p->fdel : p->fset;
    if (f == CM_NONE) {
      cm_raise(vm, &cm_exc_AttributeError,
               "property '%U' of '%s' object has no %s", name, t->name,
               cm_is_null(v) ? "deleter" : "setter");
      return -1;
    }
    if (d && is_type(f, &cm_function_type)) {
      defer(d, f, self, v, cm_is_null(v) ? 1 : 2);
      return 2;
    }
    cm_value args[2] = {self, v};
    return cm_is_error(cm_call(vm, f, args, cm_is_null(v) ? 1 : 2, CM_NULL))
               ? -1 : 0;
  }
  const char *hook = cm_is_null(v) ? "__delete__" : "__set__";
  if (user_hook(vm, a, hook)) {
    cm_value args[2] = {self, v};
    return cm_is_error(call_user(vm, a, hook, args, cm_is_null(v) ? 1 : 2))
               ? -1 : 0;
  }
  if (c->solid->setattr) return c->solid->setattr(vm, self, name, v);
  cm_value dict = instance_dict(vm, self, !cm_is_null(v));
  if (cm_is_error(dict)) return -1;
  if (!cm_is_null(v)) return cm_dict_set_str(vm, dict, name, v);
  int r = cm_is_null(dict) ? 0 : cm_dict_del(vm, dict, name);
  if (r > 0) return 0;
  if (r == 0) cm_raise_no_attr(vm, self, name);
  return -1;
}

int cm_instance_setattr(cm_vm *vm, cm_value self, cm_value name, cm_value v) {
  return setattr_impl(vm, self, name, v, NULL);
}

static int u_setattr(cm_vm *vm, cm_value self, cm_value name, cm_value v) {
  cm_class *c = class_of(vm, self);
  const char *hook = cm_is_null(v) ? "__delattr__" : "__setattr__";
  cm_value h = lookup_user(vm, c, hook);
  if (cm_is_error(h)) return -1;
  if (!cm_is_null(h)) {
    cm_value a[2] = {name, v};
    cm_value r = call_user(vm, self, hook, a, cm_is_null(v) ? 1 : 2);
    return cm_is_error(r) ? -1 : 0;
  }
  return cm_instance_setattr(vm, self, name, v);
}

int cm_instance_setattr_defer(cm_vm *vm, cm_value self, cm_value name,
                              cm_value v, cm_defer *d) {
  const cm_type *t = cm_typeof(vm, self);
  if (t->setattr != u_setattr) return cm_setattr(vm, self, name, v);
  cm_value h = lookup_user(vm, CM_CLASS_OF(t),
                           cm_is_null(v) ? "__delattr__" : "__setattr__");
  if (cm_is_error(h)) return -1;
  if (cm_is_null(h)) return setattr_impl(vm, self, name, v, d);
  if (!is_type(h, &cm_function_type)) return u_setattr(vm, self, name, v);
  defer(d, h, self, name, cm_is_null(v) ? 2 : 3);
  d->args[2] = v;
  return 2;
}

static void u_trace(cm_vm *vm, cm_obj *o) {
  cm_class *c = CM_CLASS_OF(o->type);
  cm_gc_mark_obj(vm, &c->base.hdr);
  if (c->solid->trace) c->solid->trace(vm, o);
  else cm_gc_mark_value(vm, ((cm_instance *)o)->dict);
}

/* ---- the MRO (C3 linearization) ---------------------------------------- */

#define MAX_MRO 64

typedef struct seq {
  cm_value v[MAX_MRO];
  int n, at;
} seq;

/* The MRO of type object b as a list. */
static void mro_of(cm_vm *vm, cm_value b, seq *s) {
  const cm_type *t = cm_type_of_typeobj(b);
  s->n = s->at = 0;
  if (is_user(t)) {
    cm_tuple *m = CM_AS(cm_tuple, CM_CLASS_OF(t)->mro);
    for (size_t i = 0; i < m->n && s->n < MAX_MRO; i++) s->v[s->n++] = m->items[i];
    return;
  }
  for (; t && s->n < MAX_MRO - 1; t = t->base) s->v[s->n++] = cm_type_value(vm, t);
  if (s->v[s->n - 1] != vm->typeobj[CM_T_OBJECT])
    s->v[s->n++] = vm->typeobj[CM_T_OBJECT];
}

static bool in_tail(seq *seqs, int n, cm_value v) {
  for (int i = 0; i < n; i++)
    for (int j = seqs[i].at + 1; j < seqs[i].n; j++)
      if (seqs[i].v[j] == v) return true;
  return false;
}

static cm_value mro_error(cm_vm *vm, cm_tuple *bases) {
  cm_buf b = {0};
  for (size_t i = 0; i < bases->n; i++) {
    const cm_type *t = cm_type_of_typeobj(bases->items[i]);
    if ((i && cm_buf_puts(vm, &b, ", ") < 0) || cm_buf_puts(vm, &b, t->name) < 0) {
      cm_buf_free(vm, &b);
      return CM_ERROR;
    }
  }
  cm_value names = cm_buf_finish(vm, &b);
  if (cm_is_error(names)) return names;
  return cm_raise(vm, &cm_exc_TypeError,
                  "Cannot create a consistent method resolution order (MRO) "
                  "for bases %U", names);
}

static cm_value compute_mro(cm_vm *vm, cm_value self, cm_value bases) {
  cm_tuple *bt = CM_AS(cm_tuple, bases);
  int nb = (int)bt->n;
  if (nb > 15) return cm_raise(vm, &cm_exc_TypeError, "too many base classes");
  seq *seqs = cm_alloc(vm, sizeof(seq) * (size_t)(nb + 1));
  if (!seqs) return CM_ERROR;
  for (int i = 0; i < nb; i++) mro_of(vm, bt->items[i], &seqs[i]);
  seqs[nb].n = nb;
  seqs[nb].at = 0;
  memcpy(seqs[nb].v, bt->items, sizeof(cm_value) * (size_t)nb);
  cm_value out[MAX_MRO];
  int n = 0;
  out[n++] = self;
  for (;;) {
    cm_value cand = CM_NULL;
    bool left = false;
    for (int i = 0; i <= nb && cm_is_null(cand); i++) {
      if (seqs[i].at >= seqs[i].n) continue;
      left = true;
      cm_value v = seqs[i].v[seqs[i].at];
      if (!in_tail(seqs, nb + 1, v)) cand = v;
    }
    if (!left) break;
    if (cm_is_null(cand) || n >= MAX_MRO) {
      cm_free(vm, seqs, sizeof(seq) * (size_t)(nb + 1));
      return mro_error(vm, bt);
    }
    out[n++] = cand;
    for (int i = 0; i <= nb; i++)
      if (seqs[i].at < seqs[i].n && seqs[i].v[seqs[i].at] == cand) seqs[i].at++;
  }
  cm_free(vm, seqs, sizeof(seq) * (size_t)(nb + 1));
  return cm_tuple_from(vm, out, (size_t)n);
}

/* ---- making a class ---------------------------------------------------- */

/* CPython's instance layout of built-in exception type t: the nearest
   of t and its ancestors whose C struct adds fields (its "solid base").
   cmonty's exceptions all share cm_exc, but two exception bases combine
   exactly when they would in CPython: class X(OSError, ValueError) is
   fine (ValueError adds nothing), class X(OSError, AttributeError) is a
   lay-out conflict. */
static const cm_type *exc_layout(const cm_type *t) {
  static const cm_type *const own[] = {
      &cm_exc_AttributeError, &cm_exc_BaseExceptionGroup, &cm_exc_ImportError,
      &cm_exc_NameError, &cm_exc_OSError, &cm_exc_StopIteration, &cm_exc_SyntaxError,
      &cm_exc_SystemExit, &cm_exc_UnicodeDecodeError, &cm_exc_UnicodeEncodeError,
      &cm_exc_UnicodeTranslateError};
  for (; t && t != &cm_exc_BaseException; t = t->base)
    for (size_t i = 0; i < sizeof own / sizeof own[0]; i++)
      if (t == own[i]) return t;
  return &cm_exc_BaseException;
}

/* The built-in type whose behaviour instances get: object, or the
   exception type (of the bases' native types) with the most derived
   layout; the first such base wins a tie, unless a later one derives
   from it. NULL with TypeError when the layouts conflict. */
static const cm_type *solid_base(cm_vm *vm, cm_tuple *bases) {
  const cm_type *solid = &cm_object_type, *layout = &cm_object_type;
  for (size_t i = 0; i < bases->n; i++) {
    const cm_type *s = cm_native_type(cm_type_of_typeobj(bases->items[i]));
    if (s == &cm_object_type || s == solid) continue;
    if (!(s->flags & CM_TF_EXCEPTION)) {
      cm_raise(vm, &cm_exc_NotImplementedError,
               "subclassing '%s' is not supported yet", s->name);
      return NULL;
    }
    const cm_type *l = exc_layout(s);
    if (solid != &cm_object_type && l == layout) {
      if (cm_type_is_sub(s, solid)) solid = s;
      continue;
    }
    if (solid != &cm_object_type && !cm_type_is_sub(l, layout)) {
      if (!cm_type_is_sub(layout, l)) {
        cm_raise(vm, &cm_exc_TypeError,
                 "multiple bases have instance lay-out conflict");
        return NULL;
      }
      continue;
    }
    solid = s;
    layout = l;
  }
  return solid;
}

static bool has(cm_vm *vm, cm_class *c, const char *name) {
  cm_value v = lookup_user(vm, c, name);
  return !cm_is_null(v) && !cm_is_error(v);
}

static void set_slots(cm_vm *vm, cm_class *c) {
  cm_type *t = &c->desc;
  const cm_type *s = c->solid;
  t->id = CM_T_USER;
  t->flags = CM_TF_BASETYPE | (s->flags & CM_TF_EXCEPTION);
  t->repr = u_repr;
  t->str = u_str;
  cm_value h = lookup_user(vm, c, "__hash__");
  /* the shared unhashable slot lets dicts/sets word the error like CPython */
  if (h == CM_NONE) t->hash = cm_hash_unhashable;
  else if (cm_is_obj(h)) t->hash = u_hash;
  else if (has(vm, c, "__eq__")) t->hash = cm_hash_unhashable;
  else t->hash = s->hash ? s->hash : u_idhash;
  t->compare = u_compare;
  t->binop = u_binop;
  t->unop = u_unop;
  t->truthy = has(vm, c, "__bool__") ? u_truthy : NULL;
  t->len = has(vm, c, "__len__") ? u_len : NULL;
  t->getitem = has(vm, c, "__getitem__") ? u_getitem : NULL;
  t->setitem = has(vm, c, "__setitem__") ? u_setitem : NULL;
  t->delitem = has(vm, c, "__delitem__") ? u_delitem : NULL;
  t->contains = has(vm, c, "__contains__") ? u_contains : NULL;
  t->iter = has(vm, c, "__iter__") ? u_iter : NULL;
  t->iternext = has(vm, c, "__next__") ? u_iternext : NULL;
  t->call = has(vm, c, "__call__") ? u_call : NULL;
  t->getattr = u_getattr;
  t->setattr = u_setattr;
  t->trace = u_trace;
}

static int set_name(cm_vm *vm, cm_class *c, cm_value name) {
  size_t n = CM_AS(cm_str, name)->size + 1;
  c->cname = cm_alloc(vm, n);
  if (!c->cname) return -1;
  memcpy(c->cname, cm_str_cstr(name), n);
  c->cname_size = n;
  c->desc.name = c->cname;
  return 0;
}

static cm_value new_class(cm_vm *vm, cm_value name, cm_value bases,
                          cm_value ns) {
  /* Attribute lookup never consults a user __getattribute__; accepting
     one would silently give different answers from CPython. */
  cm_value ga = cm_dict_get_cstr(vm, ns, "__getattribute__");
  if (cm_is_error(ga)) return CM_ERROR;
  if (!cm_is_null(ga))
    return cm_raise(vm, &cm_exc_NotImplementedError,
                    "overriding __getattribute__ is not supported yet");
  const cm_type *solid = solid_base(vm, CM_AS(cm_tuple, bases));
  if (!solid) return CM_ERROR;
  cm_class *c = cm_gc_new(vm, &cm_type_type, sizeof(cm_class));
  if (!c) return CM_ERROR;
  /* A user class from here on, so the type finalizer (type.c) frees the
     name buffer even if a later step fails and the class is dropped. */
  c->desc.id = CM_T_USER;
  c->base.t = &c->desc;
  c->base.dict = ns;
  c->base.hdr.flags = 1; /* its dict needs no filling (type.c) */
  c->solid = solid;
  c->name = name;
  c->bases = bases;
  c->mro = CM_NULL;
  c->module = cm_dict_get_cstr(vm, ns, "__module__");
  c->qualname = cm_dict_get_cstr(vm, ns, "__qualname__");
  if (cm_is_error(c->module) || cm_is_error(c->qualname)) return CM_ERROR;
  if (!cm_is_obj(c->module)) c->module = cm_intern(vm, "__main__");
  if (cm_is_error(c->module)) return CM_ERROR;
  if (!cm_is_obj(c->qualname)) c->qualname = name;
  const cm_type *b0 = cm_type_of_typeobj(CM_AS(cm_tuple, bases)->items[0]);
  c->desc.base = b0;
  if (set_name(vm, c, name) < 0) return CM_ERROR;
  cm_value mro = compute_mro(vm, CM_VAL(c), bases);
  if (cm_is_error(mro)) return CM_ERROR;
  c->mro = mro;
  /* Like CPython's type_new: a class body that defines __eq__ but not
     __hash__ gets __hash__ = None (visible as C.__hash__, inherited by
     subclasses, overriding a base's __hash__). */
  cm_value eq = cm_dict_get_cstr(vm, ns, "__eq__");
  cm_value hs = cm_dict_get_cstr(vm, ns, "__hash__");
  if (cm_is_error(eq) || cm_is_error(hs)) return CM_ERROR;
  if (!cm_is_null(eq) && cm_is_null(hs) &&
      cm_dict_set_cstr(vm, ns, "__hash__", CM_NONE) < 0)
    return CM_ERROR;
  set_slots(vm, c);
  return CM_VAL(c);
}

/* __init_subclass__ is an implicit classmethod (like CPython). */
static int wrap_init_subclass(cm_vm *vm, cm_value ns) {
  cm_value f = cm_dict_get_cstr(vm, ns, "__init_subclass__");
  if (!is_type(f, &cm_function_type)) return 0;
  cm_wrapper *w = cm_gc_new(vm, &cm_classmethod_type, sizeof(cm_wrapper));
  if (!w) return -1;
  w->func = f;
  return cm_dict_set_cstr(vm, ns, "__init_subclass__", CM_VAL(w));
}

/* Calls the nearest base's __init_subclass__(**kw) for the new class. */
static int init_subclass(cm_vm *vm, cm_value cls, const cm_value *kwvals,
                         cm_value kwnames) {
  cm_tuple *mro = CM_AS(cm_tuple, CM_AS(cm_class, cls)->mro);
  cm_value name = cm_name(vm, "__init_subclass__");
  for (size_t i = 1; i < mro->n; i++) {
    const cm_type *m = cm_type_of_typeobj(mro->items[i]);
    cm_value a = is_user(m) ? cm_dict_get_str(vm, CM_CLASS_OF(m)->base.dict, name)
                            : cm_type_lookup(vm, m, name);
    if (cm_is_error(a)) return -1;
    if (cm_is_null(a)) continue;
    cm_value b = bind(vm, a, CM_NULL, cls);
    if (cm_is_error(b)) return -1;
    return cm_is_error(cm_call(vm, b, kwvals, 0, kwnames)) ? -1 : 0;
  }
  return 0;
}

/* attr.__set_name__(cls, name) for namespace entries that define it. */
static int set_names(cm_vm *vm, cm_value cls) {
  cm_dict *d = CM_AS(cm_dict, CM_AS(cm_class, cls)->base.dict);
  for (size_t i = 0; i < d->nentries; i++) {
    cm_value k = d->entries[i].key, v = d->entries[i].value;
    if (cm_is_null(k) || !user_hook(vm, v, "__set_name__")) continue;
    cm_value a[2] = {cls, k};
    if (cm_is_error(call_user(vm, v, "__set_name__", a, 2))) return -1;
    d = CM_AS(cm_dict, CM_AS(cm_class, cls)->base.dict); /* may have grown */
  }
  return 0;
}

/* type(name, bases, dict) */
cm_value cm_type_new3(cm_vm *vm, cm_value name, cm_value bases,
                      cm_value dict) {
  if (!cm_isinstance_t(vm, name, &cm_str_type) ||
      !cm_isinstance_t(vm, bases, &cm_tuple_type) ||
      !cm_isinstance_t(vm, dict, &cm_dict_type))
    return cm_raise(vm, &cm_exc_TypeError,
                    "type() argument types must be (str, tuple, dict)");
  cm_tuple *bt = CM_AS(cm_tuple, bases);
  for (size_t i = 0; i < bt->n; i++)
    if (!cm_type_of_typeobj(bt->items[i]))
      return cm_raise(vm, &cm_exc_TypeError, "bases must be types");
  if (bt->n == 0) {
    bases = cm_tuple_from(vm, &vm->typeobj[CM_T_OBJECT], 1);
    if (cm_is_error(bases)) return bases;
  }
  cm_value ns = cm_dict_new(vm);
  if (cm_is_error(ns) || cm_dict_update(vm, ns, dict) < 0) return CM_ERROR;
  if (cm_is_null(cm_dict_get_cstr(vm, ns, "__module__")) &&
      cm_dict_set_cstr(vm, ns, "__module__", cm_name(vm, "__main__")) < 0)
    return CM_ERROR;
  cm_value cls = new_class(vm, name, bases, ns);
  if (cm_is_error(cls) || set_names(vm, cls) < 0 ||
      init_subclass(vm, cls, NULL, CM_NULL) < 0)
    return CM_ERROR;
  return cls;
}

static int check_bases(cm_vm *vm, const cm_value *args, int nargs) {
  for (int i = 2; i < nargs; i++) {
    if (cm_type_of_typeobj(args[i])) continue;
    cm_raise(vm, &cm_exc_TypeError, "bases must be types");
    return -1;
  }
  return 0;
}

cm_value cm_build_class(cm_vm *vm, const cm_value *args, int nargs,
                        cm_value kwnames) {
  if (nargs < 2)
    return cm_raise(vm, &cm_exc_TypeError, "__build_class__: not enough arguments");
  if (!is_type(args[0], &cm_function_type))
    return cm_raise(vm, &cm_exc_TypeError, "__build_class__: func must be a function");
  if (!cm_isinstance_t(vm, args[1], &cm_str_type))
    return cm_raise(vm, &cm_exc_TypeError, "__build_class__: name is not a string");
  int nkw = cm_is_null(kwnames) ? 0 : (int)CM_AS(cm_tuple, kwnames)->n;
  for (int i = 0; i < nkw; i++)
    if (!strcmp(cm_str_cstr(CM_AS(cm_tuple, kwnames)->items[i]), "metaclass"))
      return cm_raise(vm, &cm_exc_NotImplementedError,
                      "metaclasses are not supported yet");
  if (check_bases(vm, args, nargs) < 0) return CM_ERROR;
  cm_value bases = nargs > 2 ? cm_tuple_from(vm, args + 2, (size_t)(nargs - 2))
                             : cm_tuple_from(vm, &vm->typeobj[CM_T_OBJECT], 1);
  cm_value ns = cm_dict_new(vm);
  if (cm_is_error(bases) || cm_is_error(ns)) return CM_ERROR;
  if (cm_root_push(vm, bases) < 0) return CM_ERROR;
  cm_value cell = cm_vm_run_class_body(vm, args[0], ns);
  cm_root_pop(vm, 1);
  if (cm_is_error(cell)) return CM_ERROR;
  if (wrap_init_subclass(vm, ns) < 0) return CM_ERROR;
  cm_value cls = new_class(vm, args[1], bases, ns);
  if (cm_is_error(cls)) return CM_ERROR;
  if (is_type(cell, &cm_cell_type)) {
    CM_AS(cm_cell, cell)->value = cls;
    if (cm_dict_del(vm, ns, cm_intern(vm, "__classcell__")) < 0) return CM_ERROR;
  }
  if (set_names(vm, cls) < 0 ||
      init_subclass(vm, cls, args + nargs, kwnames) < 0)
    return CM_ERROR;
  return cls;
}

/* ---- the class object -------------------------------------------------- */

cm_value cm_class_repr(cm_vm *vm, cm_value cls) {
  cm_class *c = CM_AS(cm_class, cls);
  const char *m = cm_isinstance_t(vm, c->module, &cm_str_type)
                      ? cm_str_cstr(c->module) : "?";
  if (!strcmp(m, "builtins")) return cm_str_printf(vm, "<class '%S'>", c->qualname);
  return cm_str_printf(vm, "<class '%s.%S'>", m, c->qualname);
}

static cm_value class_special(cm_vm *vm, cm_class *c, const char *s) {
  if (!strcmp(s, "__name__")) return c->name;
  if (!strcmp(s, "__qualname__")) return c->qualname;
  if (!strcmp(s, "__module__")) return c->module;
  if (!strcmp(s, "__mro__")) return c->mro;
  if (!strcmp(s, "__bases__")) return c->bases;
  if (!strcmp(s, "__base__")) return CM_AS(cm_tuple, c->bases)->items[0];
  if (!strcmp(s, "__dict__")) return c->base.dict;
  if (!strcmp(s, "__class__")) return vm->typeobj[CM_T_TYPE];
  if (!strcmp(s, "__doc__")) {
    cm_value d = cm_dict_get_cstr(vm, c->base.dict, "__doc__");
    return cm_is_null(d) ? CM_NONE : d;
  }
  return CM_NULL;
}

cm_value cm_class_getattr(cm_vm *vm, cm_value cls, cm_value name) {
  cm_class *c = CM_AS(cm_class, cls);
  const char *s = cm_str_cstr(name);
  if (s[0] == '_' && s[1] == '_') {
    cm_value r = class_special(vm, c, s);
    if (!cm_is_null(r)) return r;
  }
  cm_value v = cm_class_lookup(vm, &c->desc, name, false);
  if (cm_is_error(v) || cm_is_null(v)) return v;
  if (is_type(v, &cm_classmethod_descr_type))
    return cm_builtin_new(vm, CM_AS(cm_descr, v)->fn, CM_AS(cm_descr, v)->name,
                          cls);
  if (user_hook(vm, v, "__get__")) return user_get(vm, v, CM_NONE, cls);
  return bind(vm, v, CM_NULL, cls);
}

int cm_class_setattr(cm_vm *vm, cm_value cls, cm_value name, cm_value v) {
  cm_class *c = CM_AS(cm_class, cls);
  if (!cm_is_null(v)) return cm_dict_set_str(vm, c->base.dict, name, v);
  int r = cm_dict_del(vm, c->base.dict, name);
  if (r == 0) {
    cm_raise(vm, &cm_exc_AttributeError, "type object '%s' has no attribute '%U'",
             c->desc.name, name);
    return -1;
  }
  return r < 0 ? -1 : 0;
}

cm_value cm_class_alloc(cm_vm *vm, cm_value cls, const cm_value *args,
                        int nargs) {
  cm_class *c = CM_AS(cm_class, cls);
  if (c->solid->flags & CM_TF_EXCEPTION) {
    cm_value t = cm_tuple_from(vm, args, (size_t)nargs);
    if (cm_is_error(t)) return t;
    return cm_exc_new(vm, &c->desc, t);
  }
  cm_instance *o = cm_gc_new(vm, &c->desc, sizeof(cm_instance));
  if (!o) return CM_ERROR;
  o->dict = CM_NULL;
  return CM_VAL(o);
}

/* A user __new__(cls, *args): its result, initialized only if it is an
   instance of cls (like CPython). */
static cm_value call_new(cm_vm *vm, cm_value cls, cm_value f,
                         const cm_value *args, int nargs, cm_value kwnames,
                         bool *init) {
  if (is_type(f, &cm_staticmethod_type)) f = CM_AS(cm_wrapper, f)->func;
  int nkw = cm_is_null(kwnames) ? 0 : (int)CM_AS(cm_tuple, kwnames)->n;
  size_t total = (size_t)(nargs + nkw) + 1;
  cm_value *buf = cm_alloc(vm, total * sizeof(cm_value));
  if (!buf) return CM_ERROR;
  buf[0] = cls;
  memcpy(buf + 1, args, sizeof(cm_value) * (total - 1));
  cm_value obj = cm_call(vm, f, buf, nargs + 1, kwnames);
  cm_free(vm, buf, total * sizeof(cm_value));
  *init = !cm_is_error(obj) && cm_isinstance_t(vm, obj, &CM_AS(cm_class, cls)->desc);
  return obj;
}

cm_value cm_class_call(cm_vm *vm, cm_value cls, const cm_value *args,
                       int nargs, cm_value kwnames) {
  cm_class *c = CM_AS(cm_class, cls);
  int nkw = cm_is_null(kwnames) ? 0 : (int)CM_AS(cm_tuple, kwnames)->n;
  cm_value obj;
  cm_value nf = lookup_user(vm, c, "__new__");
  if (cm_is_error(nf)) return nf;
  if (!cm_is_null(nf)) {
    bool init;
    obj = call_new(vm, cls, nf, args, nargs, kwnames, &init);
    if (!init) return obj;
  } else {
    obj = cm_class_alloc(vm, cls, args, nargs);
  }
  if (cm_is_error(obj)) return obj;
  cm_value init = lookup_user(vm, c, "__init__");
  if (cm_is_error(init)) return init;
  if (cm_is_null(init)) {
    if ((nargs || nkw) && cm_is_null(nf) &&
        !(c->solid->flags & CM_TF_EXCEPTION))
      return cm_raise(vm, &cm_exc_TypeError, "%s() takes no arguments",
                      c->desc.name);
    return obj;
  }
  /* __init__ runs through a prelude helper the VM calls in our place, so
     constructors can pause like any other Python code. */
  cm_value helper = cm_prelude_lit(vm, "cl_init");
  if (cm_is_error(helper)) return helper;
  cm_value t = cm_tuple_new(vm, (size_t)nargs + 2);
  if (cm_is_error(t)) return t;
  cm_tuple *tt = CM_AS(cm_tuple, t);
  tt->items[0] = bind(vm, init, obj, cls);
  if (cm_is_error(tt->items[0])) return CM_ERROR;
  tt->items[1] = obj;
  memcpy(tt->items + 2, args, sizeof(cm_value) * (size_t)nargs);
  cm_value kw = cm_kwargs_dict(vm, args + nargs, kwnames);
  if (cm_is_error(kw)) return kw;
  return cm_tailcall(vm, helper, t, kw);
}

void cm_class_trace(cm_vm *vm, cm_obj *o) {
  cm_class *c = (cm_class *)o;
  cm_gc_mark_value(vm, c->base.dict);
  cm_gc_mark_value(vm, c->name);
  cm_gc_mark_value(vm, c->qualname);
  cm_gc_mark_value(vm, c->module);
  cm_gc_mark_value(vm, c->bases);
  cm_gc_mark_value(vm, c->mro);
}

void cm_class_finalize(cm_vm *vm, cm_obj *o) {
  cm_class *c = (cm_class *)o;
  cm_free(vm, c->cname, c->cname_size);
  c->cname = NULL;
}

/* ---- staticmethod, classmethod ----------------------------------------- */

static cm_value wrapper_new(cm_vm *vm, const cm_type *t, const cm_value *args,
                            int nargs, cm_value kwnames) {
  if (cm_check_nargs(vm, t->name, nargs, kwnames, 1, 1) < 0) return CM_ERROR;
  cm_wrapper *w = cm_gc_new(vm, t, sizeof(cm_wrapper));
  if (!w) return CM_ERROR;
  w->func = args[0];
  return CM_VAL(w);
}
static cm_value staticmethod_new(cm_vm *vm, const cm_value *a, int n, cm_value k) {
  return wrapper_new(vm, &cm_staticmethod_type, a, n, k);
}
static cm_value classmethod_new(cm_vm *vm, const cm_value *a, int n, cm_value k) {
  return wrapper_new(vm, &cm_classmethod_type, a, n, k);
}
static void wrapper_trace(cm_vm *vm, cm_obj *o) {
  cm_gc_mark_value(vm, ((cm_wrapper *)o)->func);
}
static cm_value wrapper_getattr(cm_vm *vm, cm_value v, cm_value name) {
  if (!strcmp(cm_str_cstr(name), "__func__")) return CM_AS(cm_wrapper, v)->func;
  cm_value r = cm_generic_getattr(vm, v, name);
  if (!cm_is_null(r)) return r;
  return cm_getattr_opt(vm, CM_AS(cm_wrapper, v)->func, name);
}
static cm_value static_call(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  return cm_call(vm, CM_AS(cm_wrapper, a[0])->func, a + 1, n - 1, kw);
}

const cm_type cm_staticmethod_type = {
    .name = "staticmethod", .id = CM_T_STATICMETHOD, .flags = CM_TF_BASETYPE,
    .base = &cm_object_type, .getattr = wrapper_getattr, .call = static_call,
    .construct = staticmethod_new, .trace = wrapper_trace,
};
const cm_type cm_classmethod_type = {
    .name = "classmethod", .id = CM_T_CLASSMETHOD, .flags = CM_TF_BASETYPE,
    .base = &cm_object_type, .getattr = wrapper_getattr,
    .construct = classmethod_new, .trace = wrapper_trace,
};

/* ---- property ---------------------------------------------------------- */

static cm_value prop_make(cm_vm *vm, cm_value fget, cm_value fset,
                          cm_value fdel, cm_value doc) {
  cm_property *p = cm_gc_new(vm, &cm_property_type, sizeof(cm_property));
  if (!p) return CM_ERROR;
  p->fget = cm_is_null(fget) ? CM_NONE : fget;
  p->fset = cm_is_null(fset) ? CM_NONE : fset;
  p->fdel = cm_is_null(fdel) ? CM_NONE : fdel;
  p->doc = cm_is_null(doc) ? CM_NONE : doc;
  return CM_VAL(p);
}

static cm_value property_new(cm_vm *vm, const cm_value *args, int nargs,
                             cm_value kwnames) {
  static const char *const names[] = {"fget", "fset", "fdel", "doc"};
  cm_value o[4];
  if (cm_bind_args(vm, "property", args, nargs, kwnames, names, 4, 0, 4, o) < 0)
    return CM_ERROR;
  return prop_make(vm, o[0], o[1], o[2], o[3]);
}

static cm_value prop_with(cm_vm *vm, const cm_value *a, int n, cm_value kw,
                          int which) {
  if (cm_check_nargs(vm, "property", n - 1, kw, 1, 1) < 0) return CM_ERROR;
  cm_property *p = CM_AS(cm_property, a[0]);
  cm_value f[3] = {p->fget, p->fset, p->fdel};
  f[which] = a[1];
  return prop_make(vm, f[0], f[1], f[2], p->doc);
}
static cm_value prop_getter(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  return prop_with(vm, a, n, kw, 0);
}
static cm_value prop_setter(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  return prop_with(vm, a, n, kw, 1);
}
static cm_value prop_deleter(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  return prop_with(vm, a, n, kw, 2);
}
static cm_value prop_fget(cm_vm *vm, cm_value v) { return CM_AS(cm_property, v)->fget; }
static cm_value prop_fset(cm_vm *vm, cm_value v) { return CM_AS(cm_property, v)->fset; }
static cm_value prop_fdel(cm_vm *vm, cm_value v) { return CM_AS(cm_property, v)->fdel; }
static cm_value prop_doc(cm_vm *vm, cm_value v) { return CM_AS(cm_property, v)->doc; }

static const cm_method_def prop_methods[] = {
    {"getter", prop_getter, 0}, {"setter", prop_setter, 0},
    {"deleter", prop_deleter, 0}, {NULL, NULL, 0}};
static const cm_getset_def prop_getsets[] = {
    {"fget", prop_fget}, {"fset", prop_fset}, {"fdel", prop_fdel},
    {"__doc__", prop_doc}, {NULL, NULL}};

static void prop_trace(cm_vm *vm, cm_obj *o) {
  cm_property *p = (cm_property *)o;
  cm_gc_mark_value(vm, p->fget);
  cm_gc_mark_value(vm, p->fset);
  cm_gc_mark_value(vm, p->fdel);
  cm_gc_mark_value(vm, p->doc);
}

const cm_type cm_property_type = {
    .name = "property", .id = CM_T_PROPERTY, .flags = CM_TF_BASETYPE,
    .base = &cm_object_type, .construct = property_new,
    .methods = prop_methods, .getsets = prop_getsets, .trace = prop_trace,
};

/* ---- super ------------------------------------------------------------- */

static cm_value super_new(cm_vm *vm, const cm_value *args, int nargs,
                          cm_value kwnames) {
  cm_value cls, self;
  if (cm_check_nargs(vm, "super", nargs, kwnames, 0, 2) < 0) return CM_ERROR;
  if (nargs == 0) {
    if (cm_vm_super_args(vm, &cls, &self) < 0) return CM_ERROR;
  } else if (nargs == 2) {
    cls = args[0];
    self = args[1];
  } else {
    return cm_raise(vm, &cm_exc_NotImplementedError,
                    "unbound super() is not supported");
  }
  const cm_type *ct = cm_type_of_typeobj(cls);
  if (!ct)
    return cm_raise(vm, &cm_exc_TypeError,
                    "super() argument 1 must be a type, not %T", cls);
  const cm_type *st = cm_type_of_typeobj(self);
  if (!cm_isinstance_t(vm, self, ct) && !(st && cm_type_is_sub(st, ct)))
    return cm_raise(vm, &cm_exc_TypeError,
                    "super(type, obj): obj (instance of %T) is not an "
                    "instance or subtype of type (%s).", self, ct->name);
  cm_super *s = cm_gc_new(vm, &cm_super_type, sizeof(cm_super));
  if (!s) return CM_ERROR;
  s->cls = cls;
  s->self = self;
  return CM_VAL(s);
}

static cm_value super_getattr(cm_vm *vm, cm_value v, cm_value name) {
  cm_super *s = CM_AS(cm_super, v);
  const cm_type *st = cm_type_of_typeobj(s->self);
  bool is_cls = st && cm_type_is_sub(st, cm_type_of_typeobj(s->cls));
  const cm_type *start = is_cls ? st : cm_typeof(vm, s->self);
  cm_value clsv = is_cls ? s->self : cm_type_value(vm, start);
  if (!is_user(start)) return cm_generic_getattr(vm, v, name);
  cm_tuple *mro = CM_AS(cm_tuple, CM_CLASS_OF(start)->mro);
  size_t i = 0;
  while (i < mro->n && mro->items[i] != s->cls) i++;
  for (i++; i < mro->n; i++) {
    const cm_type *m = cm_type_of_typeobj(mro->items[i]);
    cm_value a = is_user(m) ? cm_dict_get_str(vm, CM_CLASS_OF(m)->base.dict, name)
                            : cm_type_lookup(vm, m, name);
    if (cm_is_error(a)) return a;
    if (cm_is_null(a)) continue;
    if (is_type(a, &cm_property_type) && !is_cls)
      return property_get(vm, a, s->self);
    if (is_cls) return bind(vm, a, CM_NULL, clsv);
    if (is_type(a, &cm_classmethod_descr_type))
      return cm_builtin_new(vm, CM_AS(cm_descr, a)->fn, CM_AS(cm_descr, a)->name,
                            clsv);
    return bind(vm, a, s->self, clsv);
  }
  return cm_generic_getattr(vm, v, name);
}

static void super_trace(cm_vm *vm, cm_obj *o) {
  cm_gc_mark_value(vm, ((cm_super *)o)->cls);
  cm_gc_mark_value(vm, ((cm_super *)o)->self);
}

static cm_value super_repr(cm_vm *vm, cm_value v) {
  cm_super *s = CM_AS(cm_super, v);
  return cm_str_printf(vm, "<super: %R, <%T object>>", s->cls, s->self);
}

const cm_type cm_super_type = {
    .name = "super", .id = CM_T_SUPER, .flags = CM_TF_BASETYPE,
    .base = &cm_object_type, .repr = super_repr, .getattr = super_getattr,
    .construct = super_new, .trace = super_trace,
};
