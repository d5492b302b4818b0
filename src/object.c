/*
** object.c — the generic operations of vm.h: every operator, conversion,
** attribute access and call goes through here when the VM has no fast path.
**
** Slot protocols defined here (object.h leaves them to this file):
**  - getattr slot: returns the attribute, CM_NULL when absent (no exception
**    needed: cm_getattr raises the AttributeError), or CM_ERROR.
**  - setattr slot: val == CM_NULL means delete.
**  - call slot: args[0] is the called object itself (like self of a
**    method), followed by the call's arguments.
*/
#include <stdio.h>
#include <string.h>

#include "runtime.h"
#include "list.h"
#include "str.h"

static const char *const binop_sym[CM_OP_NBINARY] = {
    "+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@"};
static const char *const binop_isym[CM_OP_NBINARY] = {
    "+=", "-=", "*=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=",
    "^=", "@="};
static const char *const cmp_sym[] = {"<", "<=", "==", "!=", ">", ">="};
static const int cmp_swap[] = {CM_CMP_GT, CM_CMP_GE, CM_CMP_EQ,
                               CM_CMP_NE, CM_CMP_LT, CM_CMP_LE};

/* ---- types of values ------------------------------------------------- */

const cm_type *cm_typeof(cm_vm *vm, cm_value v) {
  (void)vm;
  if (cm_is_obj(v)) return cm_objptr(v)->type;
  if (cm_is_int(v)) return &cm_int_type;
  if (cm_is_float(v)) return &cm_float_type;
  switch (v) {
  case CM_NONE: return &cm_none_type;
  case CM_TRUE:
  case CM_FALSE: return &cm_bool_type;
  case CM_NOTIMPL: return &cm_notimpl_type;
  case CM_ELLIPSIS: return &cm_ellipsis_type;
  default: return &cm_none_type; /* C-level signals never reach Python */
  }
}

int64_t cm_identity(cm_value v) {
  if (cm_is_obj(v)) return (int64_t)(uintptr_t)cm_objptr(v);
  /* An immediate (int, float, None, ...) never carries the object tag:
     flipping it in gives every immediate its own id, none below 2**48
     where the object pointers are (id(1.0) != id(2.0)). */
  return (int64_t)(v ^ (CM_TAG_OBJ << 48));
}

cm_value cm_default_repr(cm_vm *vm, cm_value v) {
  char buf[40];
  snprintf(buf, sizeof buf, "%llx", (unsigned long long)cm_identity(v));
  const cm_type *t = cm_typeof(vm, v);
  if (t->id == CM_T_USER)
    return cm_str_printf(vm, "<%S.%S object at 0x%s>", CM_CLASS_OF(t)->module,
                         CM_CLASS_OF(t)->qualname, buf);
  return cm_str_printf(vm, "<%s object at 0x%s>", t->name, buf);
}

bool cm_type_is_sub(const cm_type *t, const cm_type *base) {
  if (base == &cm_object_type || t == base) return true;
  if (t->id == CM_T_USER) { /* multiple inheritance: search the MRO */
    cm_tuple *mro = CM_AS(cm_tuple, CM_CLASS_OF(t)->mro);
    if (!cm_is_obj(CM_CLASS_OF(t)->mro)) return false;
    for (size_t i = 0; i < mro->n; i++)
      if (CM_AS(cm_typeobj, mro->items[i])->t == base) return true;
    return false;
  }
  for (; t; t = t->base)
    if (t == base) return true;
  return false;
}

bool cm_isinstance_t(cm_vm *vm, cm_value v, const cm_type *t) {
  return cm_type_is_sub(cm_typeof(vm, v), t);
}

cm_value cm_type_value(cm_vm *vm, const cm_type *t) {
  if (t->id == CM_T_USER) return CM_VAL(CM_CLASS_OF(t));
  return t->id < CM_T_NBUILTIN ? vm->typeobj[t->id] : CM_NONE;
}

int cm_isinstance(cm_vm *vm, cm_value v, cm_value cls) {
  const cm_type *t = cm_type_of_typeobj(cls);
  if (t) return cm_isinstance_t(vm, v, t);
  if (cm_is_obj(cls) && cm_objptr(cls)->type == &cm_tuple_type) {
    cm_tuple *tu = CM_AS(cm_tuple, cls);
    for (size_t i = 0; i < tu->n; i++) {
      if (cm_c_enter(vm, "in __instancecheck__") < 0) return -1;
      int r = cm_isinstance(vm, v, tu->items[i]);
      cm_c_leave(vm);
      if (r) return r;
    }
    return 0;
  }
  cm_raise(vm, &cm_exc_TypeError,
           "isinstance() arg 2 must be a type, a tuple of types, or a union");
  return -1;
}

int cm_c_enter(cm_vm *vm, const char *where) {
  if (vm->c_depth >= CM_MAX_C_DEPTH) {
    if (where && *where)
      cm_raise(vm, &cm_exc_RecursionError,
               "maximum recursion depth exceeded %s", where);
    else
      cm_raise(vm, &cm_exc_RecursionError, "maximum recursion depth exceeded");
    return -1;
  }
  vm->c_depth++;
  return 0;
}

/* ---- conversions ----------------------------------------------------- */

cm_value cm_repr(cm_vm *vm, cm_value v) {
  const cm_type *t = cm_typeof(vm, v);
  if (!t->repr) return cm_default_repr(vm, v);
  if (cm_c_enter(vm, "while getting the repr of an object") < 0)
    return CM_ERROR;
  cm_value r = t->repr(vm, v);
  cm_c_leave(vm);
  return r;
}

cm_value cm_to_str(cm_vm *vm, cm_value v) {
  const cm_type *t = cm_typeof(vm, v);
  if (t == &cm_str_type) return v;
  if (!t->str) return cm_repr(vm, v);
  if (cm_c_enter(vm, "while getting the str of an object") < 0)
    return CM_ERROR;
  cm_value r = t->str(vm, v);
  cm_c_leave(vm);
  return r;
}

cm_value cm_ascii(cm_vm *vm, cm_value v) {
  cm_value r = cm_repr(vm, v);
  if (cm_is_error(r) || CM_AS(cm_str, r)->ascii) return r;
  return cm_str_ascii_escape(vm, r);
}

cm_value cm_format(cm_vm *vm, cm_value v, cm_value spec) {
  const cm_type *t = cm_typeof(vm, v);
  if (!cm_is_obj(spec) || cm_objptr(spec)->type != &cm_str_type)
    spec = cm_intern(vm, "");
  size_t n = CM_AS(cm_str, spec)->size;
  if (n == 0 && (t == &cm_str_type || t == &cm_int_type))
    return cm_to_str(vm, v);
  cm_value m = cm_type_lookup(vm, t, cm_name(vm, "__format__"));
  if (cm_is_error(m)) return CM_ERROR;
  if (cm_is_null(m)) return cm_raise(vm, &cm_exc_TypeError,
                                     "unsupported format string passed to %s.__format__", t->name);
  cm_value args[2] = {v, spec};
  cm_value r;
  if (cm_is_obj(m) && cm_objptr(m)->type == &cm_method_descr_type)
    r = CM_AS(cm_descr, m)->fn(vm, args, 2, CM_NULL);
  else
    r = cm_call(vm, m, args, 2, CM_NULL);
  if (cm_is_error(r)) return r;
  if (!cm_isinstance_t(vm, r, &cm_str_type))
    return cm_raise(vm, &cm_exc_TypeError,
                    "__format__ must return a str, not %T", r);
  return r;
}

/* object.__format__: empty spec is str(self); anything else is an error. */
cm_value cm_object_format(cm_vm *vm, const cm_value *args, int nargs,
                          cm_value kwnames) {
  if (cm_check_nargs(vm, "__format__", nargs, kwnames, 2, 2) < 0)
    return CM_ERROR;
  if (!cm_isinstance_t(vm, args[1], &cm_str_type))
    return cm_raise(vm, &cm_exc_TypeError,
                    "format() argument 2 must be str, not %T", args[1]);
  if (CM_AS(cm_str, args[1])->size == 0) return cm_to_str(vm, args[0]);
  return cm_raise(vm, &cm_exc_TypeError,
                  "unsupported format string passed to %s.__format__",
                  cm_type_name(vm, args[0]));
}

int cm_hash(cm_vm *vm, cm_value v, int64_t *out) {
  if (cm_is_int(v)) {
    int64_t i = cm_intval(v);
    *out = i == -1 ? -2 : i;
    return 0;
  }
  const cm_type *t = cm_typeof(vm, v);
  if (t->hash) return t->hash(vm, v, out);
  if (t->compare) {
    cm_raise(vm, &cm_exc_TypeError, "unhashable type: '%s'", t->name);
    return -1;
  }
  int64_t h = cm_identity(v);
  h = (int64_t)((uint64_t)h >> 4 | (uint64_t)h << 60);
  *out = h == -1 ? -2 : h;
  return 0;
}

int cm_truthy(cm_vm *vm, cm_value v) {
  if (v == CM_TRUE) return 1;
  if (v == CM_FALSE || v == CM_NONE) return 0;
  if (cm_is_int(v)) return cm_intval(v) != 0;
  if (cm_is_float(v)) return cm_floatval(v) != 0.0;
  const cm_type *t = cm_typeof(vm, v);
  if (t->truthy) return t->truthy(vm, v);
  if (t->len) {
    int64_t n = t->len(vm, v);
    return n < 0 ? -1 : n > 0;
  }
  return 1;
}

/* ---- comparison ------------------------------------------------------ */

static cm_value try_compare(cm_vm *vm, const cm_type *t, int op, cm_value a,
                            cm_value b) {
  return t->compare ? t->compare(vm, op, a, b) : CM_NOTIMPL;
}

cm_value cm_compare(cm_vm *vm, int op, cm_value a, cm_value b) {
  const cm_type *ta = cm_typeof(vm, a), *tb = cm_typeof(vm, b);
  cm_value r = CM_NOTIMPL;
  /* User classes share one compare slot, so for them a subclass always
     gets its reflected dunder first (CPython does not check overriding
     for rich comparisons). */
  bool reflected_first = ta != tb && tb->compare &&
                         (tb->compare != ta->compare || tb->id == CM_T_USER) &&
                         cm_type_is_sub(tb, ta);
  if (reflected_first) {
    r = try_compare(vm, tb, cmp_swap[op], b, a);
    if (r != CM_NOTIMPL) return r;
  }
  r = try_compare(vm, ta, op, a, b);
  if (r != CM_NOTIMPL) return r;
  /* like CPython, a class's reflected dunder is tried even for two
     instances of the same class (a > b falls back to b < a) */
  if ((ta != tb || ta->id == CM_T_USER) && !reflected_first) {
    r = try_compare(vm, tb, cmp_swap[op], b, a);
    if (r != CM_NOTIMPL) return r;
  }
  if (op == CM_CMP_EQ) return cm_bool(a == b);
  if (op == CM_CMP_NE) return cm_bool(a != b);
  return cm_raise(vm, &cm_exc_TypeError,
                  "'%s' not supported between instances of '%s' and '%s'",
                  cmp_sym[op], ta->name, tb->name);
}

int cm_compare_bool(cm_vm *vm, int op, cm_value a, cm_value b) {
  if (cm_is_int(a) && cm_is_int(b)) {
    int64_t x = cm_intval(a), y = cm_intval(b);
    switch (op) {
    case CM_CMP_LT: return x < y;
    case CM_CMP_LE: return x <= y;
    case CM_CMP_EQ: return x == y;
    case CM_CMP_NE: return x != y;
    case CM_CMP_GT: return x > y;
    default: return x >= y;
    }
  }
  cm_value r = cm_compare(vm, op, a, b);
  if (r == CM_TRUE) return 1;
  if (r == CM_FALSE) return 0;
  if (cm_is_error(r)) return -1;
  return cm_truthy(vm, r);
}

int cm_eq(cm_vm *vm, cm_value a, cm_value b) {
  if (a == b) return 1;
  if (cm_is_int(a) && cm_is_int(b)) return 0;
  if (cm_is_obj(a) && cm_is_obj(b) && cm_objptr(a)->type == &cm_str_type &&
      cm_objptr(b)->type == &cm_str_type)
    return cm_str_eq(a, b);
  return cm_compare_bool(vm, CM_CMP_EQ, a, b);
}

/* ---- arithmetic ------------------------------------------------------ */

static bool is_sequence(const cm_type *t) {
  return t == &cm_str_type || t == &cm_list_type || t == &cm_tuple_type ||
         t == &cm_bytes_type || t == &cm_bytearray_type;
}

cm_value cm_binop_error(cm_vm *vm, int op, cm_value a, cm_value b) {
  bool inplace = op >= CM_OP_INPLACE;
  int base = op & (CM_OP_INPLACE - 1);
  if (base == CM_OP_MUL) {
    const cm_type *ta = cm_typeof(vm, a), *tb = cm_typeof(vm, b);
    if (is_sequence(ta) || is_sequence(tb))
      return cm_raise(vm, &cm_exc_TypeError,
                      "can't multiply sequence by non-int of type '%s'",
                      is_sequence(ta) ? tb->name : ta->name);
  }
  if (base == CM_OP_ADD) {
    /* str/list/tuple + an object without __radd__: CPython's sequence
       concatenation message (the types' own binops defer to user
       classes so that __radd__ gets its chance) */
    const cm_type *ta = cm_typeof(vm, a);
    if (ta == &cm_str_type || ta == &cm_list_type || ta == &cm_tuple_type)
      return cm_raise(vm, &cm_exc_TypeError,
                      "can only concatenate %s (not \"%s\") to %s", ta->name,
                      cm_type_name(vm, b), ta->name);
  }
  const char *sym = inplace ? binop_isym[base] : binop_sym[base];
  if (base == CM_OP_POW && !inplace) sym = "** or pow()";
  return cm_raise(vm, &cm_exc_TypeError,
                  "unsupported operand type(s) for %s: '%s' and '%s'", sym,
                  cm_type_name(vm, a), cm_type_name(vm, b));
}

cm_value cm_binop(cm_vm *vm, int op, cm_value a, cm_value b) {
  const cm_type *ta = cm_typeof(vm, a), *tb = cm_typeof(vm, b);
  int base = op & (CM_OP_INPLACE - 1);
  cm_value r;
  if (op >= CM_OP_INPLACE && ta->binop) {
    r = ta->binop(vm, op, a, b);
    if (r != CM_NOTIMPL) return r;
  }
  bool rfirst = ta != tb && tb->binop && tb->binop != ta->binop &&
                cm_type_is_sub(tb, ta);
  if (rfirst) {
    r = tb->binop(vm, base, a, b);
    if (r != CM_NOTIMPL) return r;
  }
  if (ta->binop) {
    r = ta->binop(vm, base, a, b);
    if (r != CM_NOTIMPL) return r;
  }
  if (!rfirst && tb->binop && tb->binop != ta->binop) {
    r = tb->binop(vm, base, a, b);
    if (r != CM_NOTIMPL) return r;
  }
  return cm_binop_error(vm, op, a, b);
}

cm_value cm_unop(cm_vm *vm, int op, cm_value a) {
  if (op == CM_UN_NOT) {
    int t = cm_truthy(vm, a);
    return t < 0 ? CM_ERROR : cm_bool(!t);
  }
  const cm_type *t = cm_typeof(vm, a);
  cm_value r = t->unop ? t->unop(vm, op, a) : CM_NOTIMPL;
  if (r != CM_NOTIMPL) return r;
  static const char *const sym[] = {"-", "+", "~"};
  return cm_raise(vm, &cm_exc_TypeError, "bad operand type for unary %s: '%s'",
                  sym[op], t->name);
}

/* ---- containers ------------------------------------------------------ */

int64_t cm_len(cm_vm *vm, cm_value v) {
  const cm_type *t = cm_typeof(vm, v);
  if (t->len) return t->len(vm, v);
  cm_raise(vm, &cm_exc_TypeError, "object of type '%s' has no len()", t->name);
  return -1;
}

cm_value cm_getitem(cm_vm *vm, cm_value o, cm_value k) {
  const cm_type *t = cm_typeof(vm, o);
  if (t->getitem) return t->getitem(vm, o, k);
  if (t == &cm_type_type)
    return cm_raise(vm, &cm_exc_TypeError, "type '%s' is not subscriptable",
                    cm_type_of_typeobj(o)->name);
  return cm_raise(vm, &cm_exc_TypeError, "'%s' object is not subscriptable",
                  t->name);
}

int cm_setitem(cm_vm *vm, cm_value o, cm_value k, cm_value v) {
  const cm_type *t = cm_typeof(vm, o);
  if (t->setitem) return t->setitem(vm, o, k, v);
  cm_raise(vm, &cm_exc_TypeError,
           "'%s' object does not support item assignment", t->name);
  return -1;
}

int cm_delitem(cm_vm *vm, cm_value o, cm_value k) {
  const cm_type *t = cm_typeof(vm, o);
  if (t->delitem) return t->delitem(vm, o, k);
  cm_raise(vm, &cm_exc_TypeError,
           t->getitem ? "'%s' object doesn't support item deletion"
                      : "'%s' object does not support item deletion",
           t->name);
  return -1;
}

int cm_contains(cm_vm *vm, cm_value container, cm_value x) {
  const cm_type *t = cm_typeof(vm, container);
  if (t->contains) return t->contains(vm, container, x);
  if (!t->iter && !t->iternext && !t->getitem) {
    cm_raise(vm, &cm_exc_TypeError,
             "argument of type '%s' is not a container or iterable", t->name);
    return -1;
  }
  cm_value it = cm_iter(vm, container);
  if (cm_is_error(it)) return -1;
  for (;;) {
    cm_value item = cm_next(vm, it);
    if (item == CM_STOP) return 0;
    if (cm_is_error(item)) return -1;
    int r = cm_eq(vm, item, x);
    if (r != 0) return r;
  }
}

cm_value cm_iter(cm_vm *vm, cm_value v) {
  const cm_type *t = cm_typeof(vm, v);
  if (t->iter) return t->iter(vm, v);
  if (t->iternext) return v;
  /* The old sequence protocol: an object with only __getitem__ iterates as
     v[0], v[1], ... until IndexError (CPython's PySeqIter). */
  if (t->getitem && t->id != CM_T_DICT) return cm_seq_iter_new(vm, v);
  return cm_raise(vm, &cm_exc_TypeError, "'%s' object is not iterable",
                  t->name);
}

cm_value cm_next(cm_vm *vm, cm_value it) {
  const cm_type *t = cm_typeof(vm, it);
  if (t->iternext) return t->iternext(vm, it);
  return cm_raise(vm, &cm_exc_TypeError, "'%s' object is not an iterator",
                  t->name);
}

/* ---- attributes ------------------------------------------------------ */

/* Records AttributeError's name and obj (for "Did you mean"). */
static void attr_error_details(cm_vm *vm, cm_value o, cm_value name) {
  cm_value e = vm->exc;
  if (!cm_is_obj(e) || e == vm->memerr) return;
  cm_value d = cm_dict_new(vm);
  if (cm_is_error(d) || cm_dict_set_cstr(vm, d, "name", name) < 0 ||
      cm_dict_set_cstr(vm, d, "obj", o) < 0) {
    vm->exc = e; /* keep the AttributeError; details are optional */
    return;
  }
  CM_AS(cm_exc, e)->dict = d;
}

cm_value cm_raise_no_attr(cm_vm *vm, cm_value o, cm_value name) {
  const cm_type *to = cm_type_of_typeobj(o);
  if (to)
    cm_raise(vm, &cm_exc_AttributeError,
             "type object '%s' has no attribute '%U'", to->name, name);
  else
    cm_raise(vm, &cm_exc_AttributeError, "'%s' object has no attribute '%U'",
             cm_type_name(vm, o), name);
  attr_error_details(vm, o, name);
  return CM_ERROR;
}

/* Binds a type-dict entry to the instance `o` it was found through. */
cm_value cm_descr_bind(cm_vm *vm, cm_value d, cm_value o, const cm_type *t) {
  if (!cm_is_obj(d)) return d;
  const cm_type *dt = cm_objptr(d)->type;
  if (dt != &cm_method_descr_type && dt != &cm_classmethod_descr_type &&
      dt != &cm_getset_descr_type)
    return d;
  cm_descr *de = CM_AS(cm_descr, d);
  switch (de->kind) {
  case CM_DESCR_METHOD: return cm_builtin_new(vm, de->fn, de->name, o);
  case CM_DESCR_CLASS:
    return cm_builtin_new(vm, de->fn, de->name, cm_type_value(vm, t));
  case CM_DESCR_STATIC: return de->raw;
  default: return de->gs->get(vm, o);
  }
}

cm_value cm_generic_getattr(cm_vm *vm, cm_value o, cm_value name) {
  const cm_type *t = cm_typeof(vm, o);
  cm_value d = cm_type_lookup(vm, t, name);
  if (cm_is_error(d) || cm_is_null(d)) return d;
  return cm_descr_bind(vm, d, o, t);
}

cm_value cm_getattr_opt(cm_vm *vm, cm_value o, cm_value name) {
  const cm_type *t = cm_typeof(vm, o);
  cm_value r = t->getattr ? t->getattr(vm, o, name)
                          : cm_generic_getattr(vm, o, name);
  if (cm_is_error(r) && cm_exc_matches(vm, &cm_exc_AttributeError)) {
    cm_exc_clear(vm);
    return CM_NULL;
  }
  return r;
}

cm_value cm_getattr(cm_vm *vm, cm_value o, cm_value name) {
  const cm_type *t = cm_typeof(vm, o);
  cm_value r = t->getattr ? t->getattr(vm, o, name)
                          : cm_generic_getattr(vm, o, name);
  if (cm_is_null(r)) return cm_raise_no_attr(vm, o, name);
  return r;
}

static int generic_setattr(cm_vm *vm, cm_value o, cm_value name, cm_value v) {
  const cm_type *t = cm_typeof(vm, o);
  cm_value d = cm_type_lookup(vm, t, name);
  if (cm_is_error(d)) return -1;
  if (cm_is_obj(d) && cm_objptr(d)->type == &cm_getset_descr_type)
    cm_raise(vm, &cm_exc_AttributeError,
             "attribute '%U' of '%s' objects is not writable", name, t->name);
  else if (!cm_is_null(d))
    cm_raise(vm, &cm_exc_AttributeError, "'%s' object attribute '%U' is read-only",
             t->name, name);
  else
    cm_raise(vm, &cm_exc_AttributeError,
             "'%s' object has no attribute '%U' and no __dict__ for setting "
             "new attributes",
             t->name, name);
  return -1;
}

int cm_setattr(cm_vm *vm, cm_value o, cm_value name, cm_value v) {
  const cm_type *t = cm_typeof(vm, o);
  if (t->setattr) return t->setattr(vm, o, name, v);
  return generic_setattr(vm, o, name, v);
}

int cm_delattr(cm_vm *vm, cm_value o, cm_value name) {
  return cm_setattr(vm, o, name, CM_NULL);
}

/* A plain function found on the class and not shadowed by the instance
   dict is returned unbound (no bound-method allocation per call). */
static int user_getmethod(cm_vm *vm, cm_value o, const cm_type *t,
                          cm_value name, cm_value *meth) {
  cm_value f = cm_class_lookup(vm, t, name, false);
  if (cm_is_error(f)) return -1;
  if (cm_is_obj(f) && cm_objptr(f)->type == &cm_function_type) {
    cm_value d = (t->flags & CM_TF_EXCEPTION) ? CM_AS(cm_exc, o)->dict
                                              : CM_AS(cm_instance, o)->dict;
    cm_value x = cm_is_null(d) ? CM_NULL : cm_dict_get_str(vm, d, name);
    if (cm_is_error(x)) return -1;
    if (cm_is_null(x)) {
      *meth = f;
      return 1;
    }
  }
  cm_value a = cm_getattr(vm, o, name);
  if (cm_is_error(a)) return -1;
  *meth = a;
  return 0;
}

int cm_getmethod(cm_vm *vm, cm_value o, cm_value name, cm_value *meth) {
  const cm_type *t = cm_typeof(vm, o);
  if (t->id == CM_T_USER) return user_getmethod(vm, o, t, name, meth);
  if (!t->getattr || (t->flags & CM_TF_EXCEPTION)) {
    cm_value d = cm_type_lookup(vm, t, name);
    if (cm_is_error(d)) return -1;
    if (cm_is_obj(d) && cm_objptr(d)->type == &cm_method_descr_type &&
        CM_AS(cm_descr, d)->kind == CM_DESCR_METHOD) {
      *meth = CM_AS(cm_descr, d)->raw;
      return 1;
    }
  }
  cm_value a = cm_getattr(vm, o, name);
  if (cm_is_error(a)) return -1;
  *meth = a;
  return 0;
}

/* ---- calls ----------------------------------------------------------- */

static int nkw_of(cm_value kwnames) {
  return cm_is_null(kwnames) ? 0 : (int)CM_AS(cm_tuple, kwnames)->n;
}

/* Calls fn with `self` in front of args[]. */
static cm_value call_prepend(cm_vm *vm, cm_value f, cm_value self,
                             const cm_value *args, int nargs,
                             cm_value kwnames, cm_native_fn fn) {
  int total = nargs + nkw_of(kwnames);
  cm_value local[16], *buf = local;
  if (total + 1 > 16) {
    buf = cm_alloc(vm, sizeof(cm_value) * (size_t)(total + 1));
    if (!buf) return CM_ERROR;
  }
  buf[0] = self;
  if (total) memcpy(buf + 1, args, sizeof(cm_value) * (size_t)total);
  cm_value r = fn ? fn(vm, buf, nargs + 1, kwnames)
                  : cm_call(vm, f, buf, nargs + 1, kwnames);
  if (buf != local) cm_free(vm, buf, sizeof(cm_value) * (size_t)(total + 1));
  return r;
}

/* One call without performing a requested tail call. */
cm_value cm_call_once(cm_vm *vm, cm_value f, const cm_value *args,
                          int nargs, cm_value kwnames) {
  if (!cm_is_obj(f)) goto not_callable;
  const cm_type *t = cm_objptr(f)->type;
  if (t == &cm_builtin_type) {
    cm_builtin *b = CM_AS(cm_builtin, f);
    if (cm_is_null(b->self)) return b->fn(vm, args, nargs, kwnames);
    return call_prepend(vm, f, b->self, args, nargs, kwnames, b->fn);
  }
  if (t == &cm_function_type)
    return cm_vm_call_function(vm, f, args, nargs, kwnames);
  if (t == &cm_method_type) {
    cm_method *m = CM_AS(cm_method, f);
    return call_prepend(vm, m->func, m->self, args, nargs, kwnames, NULL);
  }
  if (t == &cm_type_type) return cm_type_call(vm, f, args, nargs, kwnames);
  if (t == &cm_method_descr_type || t == &cm_classmethod_descr_type)
    return cm_descr_call(vm, f, args, nargs, kwnames);
  if (t->call) return call_prepend(vm, f, f, args, nargs, kwnames, t->call);
not_callable:
  return cm_raise(vm, &cm_exc_TypeError, "'%T' object is not callable", f);
}

/* Performs tail calls requested by natives until a real result comes. */
static cm_value finish_tailcalls(cm_vm *vm, cm_value r) {
  while (r == CM_TAILCALL) {
    cm_value f = vm->tail_callable, a = vm->tail_args, k = vm->tail_kwargs;
    vm->tail_callable = vm->tail_args = vm->tail_kwargs = CM_NULL;
    r = cm_call_tuple(vm, f, a, k);
  }
  return r;
}

cm_value cm_call(cm_vm *vm, cm_value f, const cm_value *args, int nargs,
                 cm_value kwnames) {
  return finish_tailcalls(vm, cm_call_once(vm, f, args, nargs, kwnames));
}

cm_value cm_kwargs_dict(cm_vm *vm, const cm_value *kwvalues, cm_value kwnames) {
  if (!cm_is_obj(kwnames) || CM_AS(cm_tuple, kwnames)->n == 0) return CM_NULL;
  cm_value kw = cm_dict_new(vm);
  if (cm_is_error(kw)) return kw;
  const cm_tuple *names = CM_AS(cm_tuple, kwnames);
  for (size_t i = 0; i < names->n; i++)
    if (cm_dict_set(vm, kw, names->items[i], kwvalues[i]) < 0) return CM_ERROR;
  return kw;
}

cm_value cm_tailcall(cm_vm *vm, cm_value f, cm_value args_tuple,
                     cm_value kwargs) {
  vm->tail_callable = f;
  vm->tail_args = args_tuple;
  vm->tail_kwargs = kwargs;
  return CM_TAILCALL;
}

cm_value cm_call_tuple(cm_vm *vm, cm_value f, cm_value args, cm_value kwargs) {
  cm_tuple *a = CM_AS(cm_tuple, args);
  size_t nkw = cm_is_null(kwargs) ? 0 : CM_AS(cm_dict, kwargs)->used;
  if (nkw == 0) return cm_call(vm, f, a->items, (int)a->n, CM_NULL);
  size_t total = a->n + nkw;
  cm_value *buf = cm_alloc(vm, sizeof(cm_value) * total);
  if (!buf) return CM_ERROR;
  cm_value names = cm_tuple_new(vm, nkw);
  if (cm_is_error(names)) {
    cm_free(vm, buf, sizeof(cm_value) * total);
    return CM_ERROR;
  }
  memcpy(buf, a->items, sizeof(cm_value) * a->n);
  cm_dict *d = CM_AS(cm_dict, kwargs);
  size_t j = 0;
  for (size_t i = 0; i < d->nentries && j < nkw; i++) {
    cm_value k = d->entries[i].key;
    if (cm_is_null(k)) continue;
    if (!cm_isinstance_t(vm, k, &cm_str_type)) {
      cm_free(vm, buf, sizeof(cm_value) * total);
      return cm_raise(vm, &cm_exc_TypeError, "keywords must be strings");
    }
    k = cm_intern_value(vm, k);
    if (cm_is_error(k)) {
      cm_free(vm, buf, sizeof(cm_value) * total);
      return CM_ERROR;
    }
    CM_AS(cm_tuple, names)->items[j] = k;
    buf[a->n + j++] = d->entries[i].value;
  }
  cm_value r = cm_call(vm, f, buf, (int)a->n, names);
  cm_free(vm, buf, sizeof(cm_value) * total);
  return r;
}
