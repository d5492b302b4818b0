/*
** type.c — type objects and the small built-in types of the object model:
** object, type, NoneType, NotImplementedType, ellipsis, built-in functions,
** bound methods, method descriptors.
**
** A type object's dict is filled lazily on first attribute access with
** descriptors for the methods, getsets and slot wrappers (__len__, __add__,
** ...) of the type and all its bases, base first so a subtype overrides.
*/
#include <stdio.h>
#include <string.h>

#include "runtime.h"
#include "str.h"

#define TYPEOBJ_FILLED 1 /* hdr.flags: dict holds the descriptors */

/* The `object` type object carries the interpreter's cache of interned
   names for string literals (cm_name): no global state, traced by GC. */
#define NAME_CACHE 256
typedef struct name_slot {
  const char *lit;
  cm_value str;
} name_slot;
typedef struct objtype {
  cm_typeobj base;
  name_slot names[NAME_CACHE];
} objtype;

cm_value cm_name(cm_vm *vm, const char *lit) {
  objtype *o = CM_AS(objtype, vm->typeobj[CM_T_OBJECT]);
  size_t h = ((uintptr_t)lit >> 3) * 0x9E3779B97F4A7C15u;
  for (size_t i = 0; i < 8; i++) {
    name_slot *s = &o->names[(h + i) & (NAME_CACHE - 1)];
    if (s->lit == lit) return s->str;
    if (!s->lit) {
      cm_value v = cm_intern(vm, lit);
      if (cm_is_error(v)) return v;
      s->lit = lit;
      s->str = v;
      return v;
    }
  }
  return cm_intern(vm, lit); /* crowded: not cached */
}

/* ---- type objects ---------------------------------------------------- */

const cm_type *cm_type_of_typeobj(cm_value v) {
  if (!cm_is_obj(v) || cm_objptr(v)->type != &cm_type_type) return NULL;
  return CM_AS(cm_typeobj, v)->t;
}

static cm_value typeobj_new(cm_vm *vm, const cm_type *t) {
  size_t size = t == &cm_object_type ? sizeof(objtype) : sizeof(cm_typeobj);
  cm_typeobj *o = cm_gc_new(vm, &cm_type_type, size);
  if (!o) return CM_ERROR;
  o->t = t;
  o->dict = CM_NULL;
  return CM_VAL(o);
}

static void typeobj_trace(cm_vm *vm, cm_obj *self) {
  cm_typeobj *to = (cm_typeobj *)self;
  if (to->t->id == CM_T_USER) cm_class_trace(vm, self);
  else cm_gc_mark_value(vm, to->dict);
  if (to->t == &cm_object_type)
    for (size_t i = 0; i < NAME_CACHE; i++)
      if (((objtype *)self)->names[i].lit)
        cm_gc_mark_value(vm, ((objtype *)self)->names[i].str);
}

static void typeobj_finalize(cm_vm *vm, cm_obj *self) {
  if (((cm_typeobj *)self)->t->id == CM_T_USER) cm_class_finalize(vm, self);
}

static cm_value descr_new(cm_vm *vm, const cm_type *owner, int kind,
                          const char *name, cm_native_fn fn,
                          const cm_getset_def *gs) {
  const cm_type *dt = kind == CM_DESCR_GETSET  ? &cm_getset_descr_type
                      : kind == CM_DESCR_CLASS ? &cm_classmethod_descr_type
                                               : &cm_method_descr_type;
  cm_descr *d = cm_gc_new(vm, dt, sizeof(cm_descr));
  if (!d) return CM_ERROR;
  d->owner = owner;
  d->kind = kind;
  d->name = name;
  d->fn = fn;
  d->gs = gs;
  d->raw = CM_NULL;
  if (fn) {
    d->raw = cm_builtin_new(vm, fn, name, CM_NULL);
    if (cm_is_error(d->raw)) return CM_ERROR;
  }
  return CM_VAL(d);
}

/* ---- slot wrappers: Python-visible __len__, __add__, ... ------------- */

static int wcheck(cm_vm *vm, int nargs, cm_value kw, int want) {
  if (!cm_is_null(kw) && CM_AS(cm_tuple, kw)->n) {
    cm_raise(vm, &cm_exc_TypeError, "wrapper takes no keyword arguments");
    return -1;
  }
  if (nargs - 1 == want) return 0;
  cm_raise(vm, &cm_exc_TypeError, "expected %d argument%s, got %d", want,
           cm_plural(want), nargs - 1);
  return -1;
}

#define W0(NAME, EXPR)                                                    \
  static cm_value w_##NAME(cm_vm *vm, const cm_value *a, int n,          \
                           cm_value kw) {                                 \
    if (wcheck(vm, n, kw, 0) < 0) return CM_ERROR;                        \
    EXPR;                                                                 \
  }
#define W1(NAME, EXPR)                                                    \
  static cm_value w_##NAME(cm_vm *vm, const cm_value *a, int n,          \
                           cm_value kw) {                                 \
    if (wcheck(vm, n, kw, 1) < 0) return CM_ERROR;                        \
    EXPR;                                                                 \
  }

static cm_value int_result(cm_vm *vm, int64_t r) {
  return r < 0 ? CM_ERROR : cm_int_from_i64(vm, r);
}
static cm_value bool_result(int r) { return r < 0 ? CM_ERROR : cm_bool(r); }

/* object-level wrappers call the built-in slot behind self's type, not
   the generic operation, so super().__repr__() etc. do not loop back into
   a class's own dunder. */
static const cm_type *ntype(cm_vm *vm, cm_value v) {
  return cm_native_type(cm_typeof(vm, v));
}
W0(repr, const cm_type *t = ntype(vm, a[0]);
   return t->repr ? t->repr(vm, a[0]) : cm_default_repr(vm, a[0]))
W0(str, const cm_type *t = ntype(vm, a[0]);
   return t->str ? t->str(vm, a[0]) : cm_repr(vm, a[0]))
W0(len, return int_result(vm, cm_len(vm, a[0])))
W0(iter, return cm_iter(vm, a[0]))
W0(bool, return bool_result(cm_truthy(vm, a[0])))
W1(getitem, return cm_getitem(vm, a[0], a[1]))
W1(delitem, return cm_delitem(vm, a[0], a[1]) < 0 ? CM_ERROR : CM_NONE)
W1(contains, return bool_result(cm_contains(vm, a[0], a[1])))
W0(neg, return cm_unop(vm, CM_UN_NEG, a[0]))
W0(pos, return cm_unop(vm, CM_UN_POS, a[0]))
W0(invert, return cm_unop(vm, CM_UN_INVERT, a[0]))

static cm_value w_hash(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  int64_t h;
  if (wcheck(vm, n, kw, 0) < 0) return CM_ERROR;
  const cm_type *t = ntype(vm, a[0]);
  if (t->hash ? t->hash(vm, a[0], &h) < 0 : cm_hash(vm, a[0], &h) < 0)
    return CM_ERROR;
  return cm_int_from_i64(vm, h);
}
static cm_value w_setitem(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  if (wcheck(vm, n, kw, 2) < 0) return CM_ERROR;
  return cm_setitem(vm, a[0], a[1], a[2]) < 0 ? CM_ERROR : CM_NONE;
}
static cm_value w_next(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  if (wcheck(vm, n, kw, 0) < 0) return CM_ERROR;
  cm_value r = cm_next(vm, a[0]);
  if (r == CM_STOP) return cm_raise_value(vm, cm_type_value(vm, &cm_exc_StopIteration));
  return r;
}
static cm_value w_call(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  return cm_call(vm, a[0], a + 1, n - 1, kw);
}

static cm_value cmp_wrap(cm_vm *vm, int op, const cm_value *a, int n,
                         cm_value kw) {
  if (wcheck(vm, n, kw, 1) < 0) return CM_ERROR;
  const cm_type *t = ntype(vm, a[0]);
  if (t->compare) return t->compare(vm, op, a[0], a[1]);
  if (op == CM_CMP_EQ) return a[0] == a[1] ? CM_TRUE : CM_NOTIMPL;
  if (op == CM_CMP_NE) return a[0] == a[1] ? CM_FALSE : CM_NOTIMPL;
  return CM_NOTIMPL;
}
#define WCMP(NAME, OP)                                                    \
  static cm_value w_##NAME(cm_vm *vm, const cm_value *a, int n,          \
                           cm_value kw) {                                 \
    return cmp_wrap(vm, OP, a, n, kw);                                    \
  }
WCMP(lt, CM_CMP_LT)
WCMP(le, CM_CMP_LE)
WCMP(eq, CM_CMP_EQ)
WCMP(ne, CM_CMP_NE)
WCMP(gt, CM_CMP_GT)
WCMP(ge, CM_CMP_GE)

static cm_value bin_wrap(cm_vm *vm, int op, bool refl, const cm_value *a,
                         int n, cm_value kw) {
  if (wcheck(vm, n, kw, 1) < 0) return CM_ERROR;
  const cm_type *t = cm_typeof(vm, a[0]);
  if (!t->binop) return CM_NOTIMPL;
  return refl ? t->binop(vm, op, a[1], a[0]) : t->binop(vm, op, a[0], a[1]);
}
#define WBIN(NAME, OP)                                                    \
  static cm_value w_##NAME(cm_vm *vm, const cm_value *a, int n,          \
                           cm_value kw) {                                 \
    return bin_wrap(vm, OP, false, a, n, kw);                             \
  }                                                                       \
  static cm_value w_r##NAME(cm_vm *vm, const cm_value *a, int n,         \
                            cm_value kw) {                                \
    return bin_wrap(vm, OP, true, a, n, kw);                              \
  }
WBIN(add, CM_OP_ADD)
WBIN(sub, CM_OP_SUB)
WBIN(mul, CM_OP_MUL)
WBIN(truediv, CM_OP_TRUEDIV)
WBIN(floordiv, CM_OP_FLOORDIV)
WBIN(mod, CM_OP_MOD)
WBIN(pow, CM_OP_POW)
WBIN(lshift, CM_OP_LSHIFT)
WBIN(rshift, CM_OP_RSHIFT)
WBIN(and, CM_OP_AND)
WBIN(or, CM_OP_OR)
WBIN(xor, CM_OP_XOR)
WBIN(matmul, CM_OP_MATMUL)

static const cm_method_def binop_wrappers[] = {
    {"__add__", w_add, 0}, {"__radd__", w_radd, 0},
    {"__sub__", w_sub, 0}, {"__rsub__", w_rsub, 0},
    {"__mul__", w_mul, 0}, {"__rmul__", w_rmul, 0},
    {"__truediv__", w_truediv, 0}, {"__rtruediv__", w_rtruediv, 0},
    {"__floordiv__", w_floordiv, 0}, {"__rfloordiv__", w_rfloordiv, 0},
    {"__mod__", w_mod, 0}, {"__rmod__", w_rmod, 0},
    {"__pow__", w_pow, 0}, {"__rpow__", w_rpow, 0},
    {"__lshift__", w_lshift, 0}, {"__rlshift__", w_rlshift, 0},
    {"__rshift__", w_rshift, 0}, {"__rrshift__", w_rrshift, 0},
    {"__and__", w_and, 0}, {"__rand__", w_rand, 0},
    {"__or__", w_or, 0}, {"__ror__", w_ror, 0},
    {"__xor__", w_xor, 0}, {"__rxor__", w_rxor, 0},
    {"__matmul__", w_matmul, 0}, {"__rmatmul__", w_rmatmul, 0},
    {NULL, NULL, 0}};
static const cm_method_def compare_wrappers[] = {
    {"__lt__", w_lt, 0}, {"__le__", w_le, 0}, {"__eq__", w_eq, 0},
    {"__ne__", w_ne, 0}, {"__gt__", w_gt, 0}, {"__ge__", w_ge, 0},
    {NULL, NULL, 0}};
static const cm_method_def unop_wrappers[] = {
    {"__neg__", w_neg, 0}, {"__pos__", w_pos, 0}, {"__invert__", w_invert, 0},
    {NULL, NULL, 0}};

/* ---- filling a type's dict ------------------------------------------- */

static int dict_put_method(cm_vm *vm, cm_value d, const cm_type *t,
                           const cm_method_def *m) {
  int kind = (m->flags & CM_METH_CLASS)    ? CM_DESCR_CLASS
             : (m->flags & CM_METH_STATIC) ? CM_DESCR_STATIC
                                           : CM_DESCR_METHOD;
  cm_value v = descr_new(vm, t, kind, m->name, m->fn, NULL);
  if (cm_is_error(v)) return -1;
  return cm_dict_set_cstr(vm, d, m->name, v);
}

static int dict_put_table(cm_vm *vm, cm_value d, const cm_type *t,
                          const cm_method_def *m) {
  for (; m && m->name; m++)
    if (dict_put_method(vm, d, t, m) < 0) return -1;
  return 0;
}

static int dict_put_one(cm_vm *vm, cm_value d, const cm_type *t,
                        const char *name, cm_native_fn fn) {
  cm_method_def m = {name, fn, 0};
  return dict_put_method(vm, d, t, &m);
}

/* Slot wrappers for the slots t defines. */
static int fill_slots(cm_vm *vm, cm_value d, const cm_type *t) {
  const cm_type *b = t->base;
  int r = 0;
#define NEW_SLOT(s) (t->s && (!b || t->s != b->s))
  if (NEW_SLOT(len)) r |= dict_put_one(vm, d, t, "__len__", w_len);
  if (NEW_SLOT(getitem)) r |= dict_put_one(vm, d, t, "__getitem__", w_getitem);
  if (NEW_SLOT(setitem)) r |= dict_put_one(vm, d, t, "__setitem__", w_setitem);
  if (NEW_SLOT(delitem)) r |= dict_put_one(vm, d, t, "__delitem__", w_delitem);
  if (NEW_SLOT(contains))
    r |= dict_put_one(vm, d, t, "__contains__", w_contains);
  if (NEW_SLOT(iter)) r |= dict_put_one(vm, d, t, "__iter__", w_iter);
  if (NEW_SLOT(iternext)) {
    r |= dict_put_one(vm, d, t, "__next__", w_next);
    if (!t->iter) r |= dict_put_one(vm, d, t, "__iter__", w_iter);
  }
  if (NEW_SLOT(truthy)) r |= dict_put_one(vm, d, t, "__bool__", w_bool);
  if (NEW_SLOT(call)) r |= dict_put_one(vm, d, t, "__call__", w_call);
  if (NEW_SLOT(binop)) r |= dict_put_table(vm, d, t, binop_wrappers);
  if (NEW_SLOT(unop)) r |= dict_put_table(vm, d, t, unop_wrappers);
  if (NEW_SLOT(compare)) r |= dict_put_table(vm, d, t, compare_wrappers);
  if (NEW_SLOT(hash)) r |= dict_put_one(vm, d, t, "__hash__", w_hash);
  /* like CPython: defining equality without a hash makes it unhashable */
  if (t != &cm_object_type && t->compare && !t->hash)
    r |= cm_dict_set_cstr(vm, d, "__hash__", CM_NONE);
#undef NEW_SLOT
  return r ? -1 : 0;
}

static int fill_level(cm_vm *vm, cm_value d, const cm_type *t) {
  if (t == &cm_object_type) {
    if (dict_put_one(vm, d, t, "__repr__", w_repr) < 0 ||
        dict_put_one(vm, d, t, "__str__", w_str) < 0 ||
        dict_put_one(vm, d, t, "__hash__", w_hash) < 0 ||
        dict_put_table(vm, d, t, compare_wrappers) < 0)
      return -1;
  }
  if (fill_slots(vm, d, t) < 0) return -1;
  for (const cm_getset_def *g = t->getsets; g && g->name; g++) {
    cm_value v = descr_new(vm, t, CM_DESCR_GETSET, g->name, NULL, g);
    if (cm_is_error(v) || cm_dict_set_cstr(vm, d, g->name, v) < 0) return -1;
  }
  return dict_put_table(vm, d, t, t->methods);
}

cm_value cm_type_dict(cm_vm *vm, const cm_type *t) {
  if (t->id >= CM_T_NBUILTIN) return CM_NULL;
  cm_typeobj *to = CM_AS(cm_typeobj, vm->typeobj[t->id]);
  if (to->hdr.flags & TYPEOBJ_FILLED) return to->dict;
  cm_value d = cm_dict_new(vm);
  if (cm_is_error(d)) return CM_ERROR;
  const cm_type *chain[32];
  int n = 0;
  for (const cm_type *c = t; c && n < 32; c = c->base) chain[n++] = c;
  if (chain[n - 1] != &cm_object_type && n < 32) chain[n++] = &cm_object_type;
  while (n-- > 0)
    if (fill_level(vm, d, chain[n]) < 0) return CM_ERROR;
  to->dict = d;
  to->hdr.flags |= TYPEOBJ_FILLED;
  return d;
}

cm_value cm_type_lookup(cm_vm *vm, const cm_type *t, cm_value name) {
  if (t->id == CM_T_USER) return cm_class_lookup(vm, t, name, false);
  cm_value d = cm_type_dict(vm, t);
  if (cm_is_error(d) || cm_is_null(d)) return d;
  return cm_dict_get_str(vm, d, name);
}

/* ---- the `type` type ------------------------------------------------- */

static cm_value typeobj_repr(cm_vm *vm, cm_value self) {
  const cm_type *t = CM_AS(cm_typeobj, self)->t;
  if (t->id == CM_T_USER) return cm_class_repr(vm, self);
  return cm_str_printf(vm, "<class '%s'>", t->name);
}

static cm_value type_tuple_of_bases(cm_vm *vm, const cm_type *t, bool mro) {
  cm_value items[34];
  size_t n = 0;
  if (mro) items[n++] = cm_type_value(vm, t);
  for (const cm_type *c = t->base; c && n < 32; c = mro ? c->base : NULL)
    items[n++] = cm_type_value(vm, c);
  if (t != &cm_object_type && (n == 0 || items[n - 1] != vm->typeobj[CM_T_OBJECT]))
    items[n++] = vm->typeobj[CM_T_OBJECT];
  return cm_tuple_from(vm, items, n);
}

static cm_value typeobj_special(cm_vm *vm, cm_value self, const char *s) {
  const cm_type *t = CM_AS(cm_typeobj, self)->t;
  if (!strcmp(s, "__name__") || !strcmp(s, "__qualname__"))
    return cm_str_from_cstr(vm, t->name);
  if (!strcmp(s, "__module__")) return cm_str_from_cstr(vm, "builtins");
  if (!strcmp(s, "__doc__")) return CM_NONE;
  if (!strcmp(s, "__class__")) return vm->typeobj[CM_T_TYPE];
  if (!strcmp(s, "__base__"))
    return t == &cm_object_type ? CM_NONE
                                : cm_type_value(vm, t->base ? t->base : &cm_object_type);
  if (!strcmp(s, "__bases__"))
    return t == &cm_object_type ? cm_tuple_new(vm, 0)
                                : type_tuple_of_bases(vm, t, false);
  if (!strcmp(s, "__mro__")) return type_tuple_of_bases(vm, t, true);
  if (!strcmp(s, "__dict__")) return cm_type_dict(vm, t);
  return CM_NULL;
}

static cm_value typeobj_getattr(cm_vm *vm, cm_value self, cm_value name) {
  const cm_type *t = CM_AS(cm_typeobj, self)->t;
  if (t->id == CM_T_USER) return cm_class_getattr(vm, self, name);
  const char *s = cm_str_cstr(name);
  if (s[0] == '_' && s[1] == '_') {
    cm_value r = typeobj_special(vm, self, s);
    if (!cm_is_null(r)) return r;
  }
  cm_value d = cm_type_lookup(vm, t, name);
  if (cm_is_error(d) || cm_is_null(d) || !cm_is_obj(d)) return d;
  const cm_type *dt = cm_objptr(d)->type;
  if (dt == &cm_classmethod_descr_type)
    return cm_builtin_new(vm, CM_AS(cm_descr, d)->fn, CM_AS(cm_descr, d)->name,
                          self);
  if (dt == &cm_method_descr_type && CM_AS(cm_descr, d)->kind == CM_DESCR_STATIC)
    return CM_AS(cm_descr, d)->raw;
  return d;
}

static int typeobj_setattr(cm_vm *vm, cm_value self, cm_value name,
                           cm_value v) {
  if (CM_AS(cm_typeobj, self)->t->id == CM_T_USER)
    return cm_class_setattr(vm, self, name, v);
  cm_raise(vm, &cm_exc_TypeError,
           "cannot set '%U' attribute of immutable type '%s'", name,
           CM_AS(cm_typeobj, self)->t->name);
  return -1;
}

cm_value cm_type_call(cm_vm *vm, cm_value typeobj, const cm_value *args,
                      int nargs, cm_value kwnames) {
  const cm_type *t = CM_AS(cm_typeobj, typeobj)->t;
  if (t->id == CM_T_USER) return cm_class_call(vm, typeobj, args, nargs, kwnames);
  if (!t->construct)
    return cm_raise(vm, &cm_exc_TypeError, "cannot create '%s' instances",
                    t->name);
  return t->construct(vm, args, nargs, kwnames);
}

static cm_value type_construct(cm_vm *vm, const cm_value *args, int nargs,
                               cm_value kwnames) {
  bool kw = !cm_is_null(kwnames) && CM_AS(cm_tuple, kwnames)->n;
  if (nargs == 1 && !kw) return cm_type_value(vm, cm_typeof(vm, args[0]));
  if (nargs == 3 && !kw) return cm_type_new3(vm, args[0], args[1], args[2]);
  return cm_raise(vm, &cm_exc_TypeError, "type() takes 1 or 3 arguments");
}

const cm_type cm_type_type = {
    .name = "type", .id = CM_T_TYPE, .flags = CM_TF_BASETYPE,
    .base = &cm_object_type, .repr = typeobj_repr,
    .getattr = typeobj_getattr, .setattr = typeobj_setattr,
    .construct = type_construct, .trace = typeobj_trace,
    .finalize = typeobj_finalize,
};

/* ---- object ---------------------------------------------------------- */

static cm_value object_construct(cm_vm *vm, const cm_value *args, int nargs,
                                 cm_value kwnames) {
  if (nargs || (!cm_is_null(kwnames) && CM_AS(cm_tuple, kwnames)->n))
    return cm_raise(vm, &cm_exc_TypeError, "object() takes no arguments");
  cm_obj *o = cm_gc_new(vm, &cm_object_type, sizeof(cm_obj));
  return o ? CM_VAL(o) : CM_ERROR;
}

static cm_value object_get_class(cm_vm *vm, cm_value self) {
  return cm_type_value(vm, cm_typeof(vm, self));
}

static const cm_getset_def object_getsets[] = {
    {"__class__", object_get_class}, {NULL, NULL}};
static cm_value object_init(cm_vm *vm, const cm_value *args, int nargs,
                            cm_value kwnames) {
  if (nargs > 1 || (!cm_is_null(kwnames) && CM_AS(cm_tuple, kwnames)->n))
    return cm_raise(vm, &cm_exc_TypeError,
                    "object.__init__() takes exactly one argument (the "
                    "instance to initialize)");
  return CM_NONE;
}

cm_value cm_attr_name(cm_vm *vm, cm_value name) {
  if (!cm_isinstance_t(vm, name, &cm_str_type))
    return cm_raise(vm, &cm_exc_TypeError,
                    "attribute name must be string, not '%T'", name);
  return cm_intern_value(vm, name);
}

static cm_value object_setattr(cm_vm *vm, const cm_value *args, int nargs,
                               cm_value kwnames) {
  if (cm_check_nargs(vm, "__setattr__", nargs - 1, kwnames, 2, 2) < 0)
    return CM_ERROR;
  cm_value name = cm_attr_name(vm, args[1]);
  if (cm_is_error(name)) return name;
  return cm_instance_setattr(vm, args[0], name, args[2]) < 0 ? CM_ERROR
                                                              : CM_NONE;
}

static cm_value object_delattr(cm_vm *vm, const cm_value *args, int nargs,
                               cm_value kwnames) {
  if (cm_check_nargs(vm, "__delattr__", nargs - 1, kwnames, 1, 1) < 0)
    return CM_ERROR;
  cm_value name = cm_attr_name(vm, args[1]);
  if (cm_is_error(name)) return name;
  return cm_instance_setattr(vm, args[0], name, CM_NULL) < 0 ? CM_ERROR
                                                              : CM_NONE;
}

/* object.__new__(cls, *args): a bare instance of a class. */
static cm_value object_new(cm_vm *vm, const cm_value *args, int nargs,
                           cm_value kwnames) {
  if (nargs < 1)
    return cm_raise(vm, &cm_exc_TypeError,
                    "object.__new__(): not enough arguments");
  const cm_type *t = cm_type_of_typeobj(args[0]);
  if (!t)
    return cm_raise(vm, &cm_exc_TypeError,
                    "object.__new__(X): X is not a type object (%T)", args[0]);
  if (t->id != CM_T_USER) return cm_type_call(vm, args[0], args + 1, nargs - 1,
                                              kwnames);
  return cm_class_alloc(vm, args[0], args + 1, nargs - 1);
}

static cm_value object_init_subclass(cm_vm *vm, const cm_value *args,
                                     int nargs, cm_value kwnames) {
  if ((!cm_is_null(kwnames) && CM_AS(cm_tuple, kwnames)->n) || nargs > 1)
    return cm_raise(vm, &cm_exc_TypeError,
                    "%s.__init_subclass__() takes no keyword arguments",
                    cm_type_of_typeobj(args[0])->name);
  return CM_NONE;
}

static const cm_method_def object_methods[] = {
    {"__format__", cm_object_format, 0}, {"__init__", object_init, 0},
    {"__setattr__", object_setattr, 0}, {"__delattr__", object_delattr, 0},
    {"__init_subclass__", object_init_subclass, CM_METH_CLASS},
    {"__new__", object_new, CM_METH_STATIC},
    {NULL, NULL, 0}};

const cm_type cm_object_type = {
    .name = "object", .id = CM_T_OBJECT, .flags = CM_TF_BASETYPE,
    .base = NULL, .repr = cm_default_repr, .construct = object_construct,
    .methods = object_methods, .getsets = object_getsets,
};

/* ---- None, NotImplemented, Ellipsis ---------------------------------- */

static cm_value none_repr(cm_vm *vm, cm_value v) {
  return cm_intern(vm, v == CM_NONE ? "None"
                       : v == CM_NOTIMPL ? "NotImplemented"
                                         : "Ellipsis");
}

static cm_value singleton_new(cm_vm *vm, const char *name, cm_value v,
                              int nargs, cm_value kwnames) {
  if (nargs || (!cm_is_null(kwnames) && CM_AS(cm_tuple, kwnames)->n))
    return cm_raise(vm, &cm_exc_TypeError, "%s takes no arguments", name);
  return v;
}
static cm_value none_new(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  return singleton_new(vm, "NoneType", CM_NONE, n, kw);
}
static cm_value notimpl_new(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  return singleton_new(vm, "NotImplementedType", CM_NOTIMPL, n, kw);
}
static cm_value ellipsis_new(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  return singleton_new(vm, "ellipsis", CM_ELLIPSIS, n, kw);
}

const cm_type cm_none_type = {
    .name = "NoneType", .id = CM_T_NONE, .base = &cm_object_type,
    .repr = none_repr, .construct = none_new,
};
const cm_type cm_notimpl_type = {
    .name = "NotImplementedType", .id = CM_T_NOTIMPL, .base = &cm_object_type,
    .repr = none_repr, .construct = notimpl_new,
};
const cm_type cm_ellipsis_type = {
    .name = "ellipsis", .id = CM_T_ELLIPSIS, .base = &cm_object_type,
    .repr = none_repr, .construct = ellipsis_new,
};

/* ---- built-in functions and bound built-in methods ------------------- */

cm_value cm_builtin_new(cm_vm *vm, cm_native_fn fn, const char *name,
                        cm_value self) {
  cm_builtin *b = cm_gc_new(vm, &cm_builtin_type, sizeof(cm_builtin));
  if (!b) return CM_ERROR;
  b->fn = fn;
  b->name = name;
  b->self = self;
  return CM_VAL(b);
}

static cm_value builtin_repr(cm_vm *vm, cm_value v) {
  cm_builtin *b = CM_AS(cm_builtin, v);
  if (cm_is_null(b->self))
    return cm_str_printf(vm, "<built-in function %s>", b->name);
  char addr[32];
  snprintf(addr, sizeof addr, "%llx", (unsigned long long)cm_identity(b->self));
  const cm_type *t = cm_typeof(vm, b->self);
  return cm_str_printf(vm, "<built-in method %s of %s object at 0x%s>",
                       b->name, t->name, addr);
}

static cm_value builtin_getattr(cm_vm *vm, cm_value v, cm_value name) {
  cm_builtin *b = CM_AS(cm_builtin, v);
  const char *s = cm_str_cstr(name);
  if (!strcmp(s, "__name__") || !strcmp(s, "__qualname__"))
    return cm_str_from_cstr(vm, b->name);
  if (!strcmp(s, "__self__"))
    return cm_is_null(b->self) ? CM_NONE : b->self;
  if (!strcmp(s, "__module__"))
    return cm_is_null(b->self) ? cm_str_from_cstr(vm, "builtins") : CM_NONE;
  if (!strcmp(s, "__doc__")) return CM_NONE;
  return cm_generic_getattr(vm, v, name);
}

static void builtin_trace(cm_vm *vm, cm_obj *o) {
  cm_gc_mark_value(vm, ((cm_builtin *)o)->self);
}

const cm_type cm_builtin_type = {
    .name = "builtin_function_or_method", .id = CM_T_BUILTIN,
    .base = &cm_object_type, .repr = builtin_repr,
    .getattr = builtin_getattr, .trace = builtin_trace,
};

/* ---- descriptors of built-in types' methods -------------------------- */

static cm_value descr_repr(cm_vm *vm, cm_value v) {
  cm_descr *d = CM_AS(cm_descr, v);
  return cm_str_printf(vm, "<%s '%s' of '%s' objects>",
                       d->kind == CM_DESCR_GETSET ? "attribute" : "method",
                       d->name, d->owner->name);
}

cm_value cm_descr_call(cm_vm *vm, cm_value descr, const cm_value *args,
                       int nargs, cm_value kwnames) {
  cm_descr *d = CM_AS(cm_descr, descr);
  if (d->kind == CM_DESCR_STATIC) return d->fn(vm, args, nargs, kwnames);
  if (nargs < 1)
    return cm_raise(vm, &cm_exc_TypeError,
                    "unbound method %s.%s() needs an argument", d->owner->name,
                    d->name);
  bool ok = d->kind == CM_DESCR_CLASS
                ? cm_type_of_typeobj(args[0]) != NULL
                : cm_isinstance_t(vm, args[0], d->owner);
  if (!ok)
    return cm_raise(vm, &cm_exc_TypeError,
                    "descriptor '%s' for '%s' objects doesn't apply to a '%T' "
                    "object",
                    d->name, d->owner->name, args[0]);
  return d->fn(vm, args, nargs, kwnames);
}

static cm_value descr_getattr(cm_vm *vm, cm_value v, cm_value name) {
  cm_descr *d = CM_AS(cm_descr, v);
  const char *s = cm_str_cstr(name);
  if (!strcmp(s, "__name__")) return cm_str_from_cstr(vm, d->name);
  if (!strcmp(s, "__qualname__"))
    return cm_str_printf(vm, "%s.%s", d->owner->name, d->name);
  if (!strcmp(s, "__objclass__")) return cm_type_value(vm, d->owner);
  if (!strcmp(s, "__doc__")) return CM_NONE;
  return cm_generic_getattr(vm, v, name);
}

static void descr_trace(cm_vm *vm, cm_obj *o) {
  cm_gc_mark_value(vm, ((cm_descr *)o)->raw);
}

const cm_type cm_method_descr_type = {
    .name = "method_descriptor", .id = CM_T_BUILTIN, .base = &cm_object_type,
    .repr = descr_repr, .getattr = descr_getattr, .trace = descr_trace,
};
const cm_type cm_classmethod_descr_type = {
    .name = "classmethod_descriptor", .id = CM_T_BUILTIN,
    .base = &cm_object_type, .repr = descr_repr, .getattr = descr_getattr,
    .trace = descr_trace,
};
const cm_type cm_getset_descr_type = {
    .name = "getset_descriptor", .id = CM_T_BUILTIN, .base = &cm_object_type,
    .repr = descr_repr, .getattr = descr_getattr, .trace = descr_trace,
};

/* ---- bound Python methods -------------------------------------------- */

static cm_value method_repr(cm_vm *vm, cm_value v) {
  cm_method *m = CM_AS(cm_method, v);
  cm_value qn = cm_getattr_opt(vm, m->func, cm_intern(vm, "__qualname__"));
  if (cm_is_error(qn)) return CM_ERROR;
  cm_value self = cm_repr(vm, m->self);
  if (cm_is_error(self)) return CM_ERROR;
  return cm_str_printf(vm, "<bound method %S of %U>",
                       cm_is_null(qn) ? cm_intern(vm, "?") : qn, self);
}

static cm_value method_getattr(cm_vm *vm, cm_value v, cm_value name) {
  cm_method *m = CM_AS(cm_method, v);
  const char *s = cm_str_cstr(name);
  if (!strcmp(s, "__func__")) return m->func;
  if (!strcmp(s, "__self__")) return m->self;
  cm_value r = cm_generic_getattr(vm, v, name);
  if (!cm_is_null(r)) return r;
  return cm_getattr_opt(vm, m->func, name);
}

static void method_trace(cm_vm *vm, cm_obj *o) {
  cm_gc_mark_value(vm, ((cm_method *)o)->func);
  cm_gc_mark_value(vm, ((cm_method *)o)->self);
}

static cm_value method_compare(cm_vm *vm, int op, cm_value a, cm_value b) {
  if ((op != CM_CMP_EQ && op != CM_CMP_NE) || !cm_is_obj(b) ||
      cm_objptr(b)->type != &cm_method_type)
    return CM_NOTIMPL;
  cm_method *x = CM_AS(cm_method, a), *y = CM_AS(cm_method, b);
  bool eq = x->func == y->func && x->self == y->self;
  return cm_bool(op == CM_CMP_EQ ? eq : !eq);
}

static int method_hash(cm_vm *vm, cm_value v, int64_t *out) {
  cm_method *m = CM_AS(cm_method, v);
  *out = (cm_identity(m->func) >> 4) ^ (cm_identity(m->self) >> 4);
  if (*out == -1) *out = -2;
  return 0;
}

const cm_type cm_method_type = {
    .name = "method", .id = CM_T_METHOD, .base = &cm_object_type,
    .repr = method_repr, .hash = method_hash, .compare = method_compare,
    .getattr = method_getattr, .trace = method_trace,
};

/* ---- start-up -------------------------------------------------------- */

static const cm_type *const builtin_types[] = {
    &cm_object_type, &cm_type_type, &cm_none_type, &cm_bool_type,
    &cm_int_type, &cm_float_type, &cm_complex_type, &cm_str_type,
    &cm_bytes_type, &cm_bytearray_type, &cm_list_type, &cm_tuple_type,
    &cm_dict_type, &cm_set_type, &cm_frozenset_type, &cm_range_type,
    &cm_slice_type, &cm_notimpl_type, &cm_ellipsis_type, &cm_function_type,
    &cm_builtin_type, &cm_method_type, &cm_code_type, &cm_cell_type,
    &cm_generator_type, &cm_module_type, &cm_traceback_type,
    &cm_property_type, &cm_staticmethod_type, &cm_classmethod_type,
    &cm_super_type, &cm_list_iter_type, &cm_list_reviter_type,
    &cm_tuple_iter_type, &cm_str_iter_type, &cm_bytes_iter_type,
    &cm_range_iter_type, &cm_dict_keyiter_type, &cm_dict_valueiter_type,
    &cm_dict_itemiter_type, &cm_dict_revkeyiter_type, &cm_set_iter_type,
    &cm_dict_keys_type, &cm_dict_values_type, &cm_dict_items_type,
    &cm_enumerate_type, &cm_zip_type, &cm_map_type, &cm_filter_type,
    &cm_reversed_type, &cm_call_iter_type, &cm_seq_iter_type,
#define CM_X_PTR(c, py, base) &cm_exc_##c,
    CM_EXCEPTIONS(CM_X_PTR)
#undef CM_X_PTR
};

int cm_types_init(cm_vm *vm) {
  size_t n = sizeof builtin_types / sizeof builtin_types[0];
  for (size_t i = 0; i < n; i++) {
    const cm_type *t = builtin_types[i];
    cm_value o = typeobj_new(vm, t);
    if (cm_is_error(o)) return -1;
    vm->typeobj[t->id] = o;
  }
  return cm_exc_init_memerr(vm);
}
