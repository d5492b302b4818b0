/*
** hostobj.c — dataclass instances and named tuples handed in by the host
** (cmonty_dataclass / cmonty_namedtuple, the ABI's {"__type":"dataclass"}
** and {"__type":"namedtuple"}; named tuples are described further down).
**
** Each host dataclass type is a real class (made with cm_type_new3, so
** type(obj).__name__, isinstance and error messages show its name) whose
** instances are plain cm_instance objects: the instance dict *is* the
** attrs dict. After the class is made its descriptor's slots are replaced
** by the ones below:
**   - attribute reads give attrs (then the class's attributes); a missing
**     name is an AttributeError, so getattr/hasattr behave as in CPython.
**     A method load of a missing non-dunder name (`obj.meth(1)`, the VM's
**     LOAD_METHOD through class.c's cm_instance_getmethod_defer) gives a
**     "host method" instead (cm_hostobj_getmethod: a cm_builtin whose fn is
**     cm_host_method_native, self the tuple (name, receiver)): calling it
**     pauses as a CALL with method_call = 1 and the receiver as args[0]
**     (host.c, cm_host_pause_call).
**   - assignment/deletion update attrs, unless frozen: FrozenInstanceError
**     "cannot assign to field 'x'" / "cannot delete field 'x'". That class
**     is CPython's dataclasses.FrozenInstanceError (an AttributeError
**     subclass, __module__ "dataclasses"), made once per interpreter by
**     cm_frozen_instance_error; a future `dataclasses` module must export
**     that same class object.
**   - repr Name(a=1, b='x') over the declared field names;
**   - == when same type_id and equal attrs; hashable only when frozen
**     (the hash of the tuple of field values, like a frozen dataclass).
** The class keeps (type_id, field_names, frozen) in its namespace under
** __host_dataclass__, and field_names as __match_args__ too (so `case
** Point(x, y)` works). Classes are cached per interpreter by type_id
** (cm_host_dataclass_types); a type_id seen again with another name,
** field list or frozenness gets a new class.
*/
#include <string.h>

#include "dict.h"
#include "host.h"
#include "int.h"
#include "list.h"
#include "runtime.h"
#include "str.h"

#define META_KEY "__host_dataclass__"

static cm_value hostobj_getattr(cm_vm *vm, cm_value self, cm_value name);

bool cm_is_hostobj(cm_vm *vm, cm_value v) {
  return cm_is_obj(v) && cm_typeof(vm, v)->getattr == hostobj_getattr;
}

/* The metadata tuple a host class keeps under `key` in its namespace
   (set when the class is made, so always there). */
static cm_tuple *class_meta(cm_vm *vm, cm_value v, const char *key) {
  cm_class *c = CM_CLASS_OF(cm_typeof(vm, v));
  return CM_AS(cm_tuple, cm_dict_get_cstr(vm, c->base.dict, key));
}

/* The metadata tuple (type_id, field_names, frozen) of v's class. */
static cm_tuple *meta_of(cm_vm *vm, cm_value v) {
  return class_meta(vm, v, META_KEY);
}

static cm_value attrs_of(cm_value v) {
  return CM_AS(cm_instance, v)->dict;
}

/* An int in 0 .. 2**64-1 as a uint64_t (the class made it so). */
static uint64_t u64_of(cm_vm *vm, cm_value i) {
  if (cm_is_int(i)) return (uint64_t)cm_intval(i);
  int64_t lo = 0, hi = 0;
  cm_value l = cm_int_binop(vm, CM_OP_AND, i, cm_mkint(0xFFFFFFFF));
  cm_value h = cm_int_binop(vm, CM_OP_RSHIFT, i, cm_mkint(32));
  if (cm_is_error(l) || cm_is_error(h) || cm_int_to_i64(vm, l, &lo) < 0 ||
      cm_int_to_i64(vm, h, &hi) < 0) {
    vm->exc = CM_NULL; /* out of memory: report 0 */
    return 0;
  }
  return ((uint64_t)hi << 32) | (uint64_t)lo;
}

int cm_hostobj_info(cm_vm *vm, cm_value v, cm_hostobj_fields *out) {
  if (!cm_is_hostobj(vm, v)) return -1;
  cm_tuple *m = meta_of(vm, v);
  out->name = CM_CLASS_OF(cm_typeof(vm, v))->name;
  out->type_id = u64_of(vm, m->items[0]);
  out->fields = m->items[1];
  out->frozen = m->items[2] == CM_TRUE;
  out->attrs = attrs_of(v);
  return 0;
}

/* ---- slots --------------------------------------------------------------- */

static bool is_dunder(cm_value name) {
  const cm_str *s = CM_AS(cm_str, name);
  return s->size > 4 && !memcmp(s->data, "__", 2) &&
         !memcmp(s->data + s->size - 2, "__", 2);
}

static cm_value hostobj_getattr(cm_vm *vm, cm_value self, cm_value name) {
  cm_value d = attrs_of(self);
  if (!cm_is_null(d)) {
    cm_value x = cm_dict_get_str(vm, d, name);
    if (!cm_is_null(x)) return x;
  }
  const cm_type *t = cm_typeof(vm, self);
  cm_value a = cm_class_lookup(vm, t, name, false);
  if (cm_is_error(a)) return a;
  if (!cm_is_null(a)) return cm_descr_bind(vm, a, self, t);
  if (!strcmp(cm_str_cstr(name), "__dict__") && !cm_is_null(d)) return d;
  return CM_NULL; /* cm_getattr raises AttributeError */
}

int cm_hostobj_getmethod(cm_vm *vm, cm_value self, cm_value name, cm_value *meth) {
  cm_value a = hostobj_getattr(vm, self, name);
  if (cm_is_error(a)) return -1;
  if (cm_is_null(a)) {
    if (is_dunder(name)) return cm_raise_no_attr(vm, self, name), -1;
    cm_value pair[2] = {name, self};
    cm_value tup = cm_tuple_from(vm, pair, 2);
    a = cm_is_error(tup) ? tup : cm_builtin_new(vm, cm_host_method_native, cm_str_cstr(name), tup);
    if (cm_is_error(a)) return -1;
  }
  *meth = a;
  return 0;
}

/* The class cache (host.c): a dict keyed by type_id (int) for dataclass
   classes, by (type_name, field_names) tuples for named tuple classes and
   by the str "FrozenInstanceError" for that exception class. */
static cm_value class_cache(cm_vm *vm) {
  cm_value *cache = cm_host_dataclass_types(vm);
  if (!cache) return CM_ERROR;
  if (cm_is_null(*cache)) {
    cm_value d = cm_dict_new(vm);
    if (cm_is_error(d)) return d;
    *cache = d;
  }
  return *cache;
}

cm_value cm_frozen_instance_error(cm_vm *vm) {
  cm_value cache = class_cache(vm);
  if (cm_is_error(cache)) return cache;
  cm_value cls = cm_dict_get_cstr(vm, cache, "FrozenInstanceError");
  if (!cm_is_null(cls)) return cls;
  cm_value name = cm_intern(vm, "FrozenInstanceError");
  cm_value base = cm_type_value(vm, &cm_exc_AttributeError);
  cm_value ns = cm_is_error(name) ? CM_ERROR : cm_dict_new(vm);
  if (cm_is_error(ns) || cm_is_error(base)) return CM_ERROR;
  cm_value mod = cm_intern(vm, "dataclasses");
  if (cm_is_error(mod) || cm_dict_set_cstr(vm, ns, "__module__", mod) < 0) return CM_ERROR;
  cm_value bases = cm_tuple_from(vm, &base, 1);
  cls = cm_is_error(bases) ? bases : cm_type_new3(vm, name, bases, ns);
  if (cm_is_error(cls) || cm_dict_set_cstr(vm, cache, "FrozenInstanceError", cls) < 0)
    return CM_ERROR;
  return cls;
}

/* Raises FrozenInstanceError "cannot assign to field 'x'" (v set) or
   "cannot delete field 'x'" (v CM_NULL). Returns -1. */
static int raise_frozen(cm_vm *vm, cm_value name, cm_value v) {
  cm_value cls = cm_frozen_instance_error(vm);
  cm_value msg = cm_is_error(cls) ? CM_ERROR
                                  : cm_str_printf(vm, "cannot %s field '%U'",
                                                  cm_is_null(v) ? "delete" : "assign to", name);
  cm_value e = cm_is_error(msg) ? CM_ERROR : cm_call(vm, cls, &msg, 1, CM_NULL);
  if (!cm_is_error(e)) cm_raise_value(vm, e);
  return -1;
}

static int hostobj_setattr(cm_vm *vm, cm_value self, cm_value name, cm_value v) {
  if (meta_of(vm, self)->items[2] == CM_TRUE) return raise_frozen(vm, name, v);
  cm_instance *o = CM_AS(cm_instance, self);
  if (cm_is_null(o->dict)) {
    if (cm_is_null(v)) return cm_raise_no_attr(vm, self, name), -1;
    cm_value d = cm_dict_new(vm);
    if (cm_is_error(d)) return -1;
    o->dict = d;
  }
  if (!cm_is_null(v)) return cm_dict_set_str(vm, o->dict, name, v);
  int r = cm_dict_del(vm, o->dict, name);
  if (r == 0) cm_raise_no_attr(vm, self, name);
  return r > 0 ? 0 : -1;
}

/* "name(f1=repr, f2=repr, ...)" over `fields` read from the attribute
   dict d: a field missing from d is left out (missing_as_none false) or
   shown as None. Shared by host dataclasses and named tuples. */
static cm_value fields_repr(cm_vm *vm, cm_value name, cm_tuple *fields, cm_value d,
                            bool missing_as_none) {
  if (cm_c_enter(vm, "while getting the repr of an object") < 0) return CM_ERROR;
  cm_buf b = {NULL, 0, 0};
  int r = cm_buf_put_value_str(vm, &b, name);
  if (r == 0) r = cm_buf_putc(vm, &b, '(');
  for (size_t i = 0, n = 0; r == 0 && i < fields->n; i++) {
    cm_value v = cm_is_null(d) ? CM_NULL : cm_dict_get_str(vm, d, fields->items[i]);
    if (cm_is_null(v)) {
      if (!missing_as_none) continue; /* a field the host left out */
      v = CM_NONE;
    }
    cm_value s = cm_is_error(v) ? v : cm_repr(vm, v);
    if (cm_is_error(s)) r = -1;
    else if ((n++ && cm_buf_puts(vm, &b, ", ") < 0) ||
             cm_buf_put_value_str(vm, &b, fields->items[i]) < 0 ||
             cm_buf_putc(vm, &b, '=') < 0 || cm_buf_put_value_str(vm, &b, s) < 0)
      r = -1;
  }
  if (r == 0) r = cm_buf_putc(vm, &b, ')');
  cm_c_leave(vm);
  if (r < 0) {
    cm_buf_free(vm, &b);
    return CM_ERROR;
  }
  return cm_buf_finish(vm, &b);
}

static cm_value hostobj_repr(cm_vm *vm, cm_value self) {
  return fields_repr(vm, CM_CLASS_OF(cm_typeof(vm, self))->name,
                     CM_AS(cm_tuple, meta_of(vm, self)->items[1]), attrs_of(self), false);
}

static cm_value hostobj_compare(cm_vm *vm, int op, cm_value a, cm_value b) {
  if ((op != CM_CMP_EQ && op != CM_CMP_NE) || !cm_is_hostobj(vm, a) ||
      !cm_is_hostobj(vm, b))
    return CM_NOTIMPL;
  int eq = cm_eq(vm, meta_of(vm, a)->items[0], meta_of(vm, b)->items[0]);
  cm_value da = attrs_of(a), db = attrs_of(b);
  if (eq == 1 && da != db) {
    if (cm_is_null(da) || cm_is_null(db)) {
      cm_value e = cm_is_null(da) ? db : da; /* no attrs equals {} */
      eq = CM_AS(cm_dict, e)->used == 0;
    } else {
      eq = cm_eq(vm, da, db);
    }
  }
  if (eq < 0) return CM_ERROR;
  return cm_bool((op == CM_CMP_EQ) == (eq == 1));
}

static int hostobj_hash(cm_vm *vm, cm_value self, int64_t *out) {
  cm_tuple *m = meta_of(vm, self);
  if (m->items[2] != CM_TRUE) return cm_hash_unhashable(vm, self, out);
  cm_tuple *fields = CM_AS(cm_tuple, m->items[1]);
  cm_value t = cm_tuple_new(vm, fields->n);
  if (cm_is_error(t)) return -1;
  cm_value d = attrs_of(self);
  for (size_t i = 0; i < fields->n; i++) {
    cm_value v = cm_is_null(d) ? CM_NULL : cm_dict_get_str(vm, d, fields->items[i]);
    if (cm_is_error(v)) return -1;
    CM_AS(cm_tuple, t)->items[i] = cm_is_null(v) ? CM_NONE : v;
  }
  return cm_hash(vm, t, out);
}

/* ---- classes ------------------------------------------------------------- */

/* Does class cls describe (name, fields, frozen)? */
static int class_matches(cm_vm *vm, cm_value cls, cm_value name, cm_value fields,
                         bool frozen) {
  cm_class *c = CM_AS(cm_class, cls);
  cm_tuple *m = CM_AS(cm_tuple, cm_dict_get_cstr(vm, c->base.dict, META_KEY));
  if ((m->items[2] == CM_TRUE) != frozen) return 0;
  int r = cm_eq(vm, c->name, name);
  if (r == 1) r = cm_eq(vm, m->items[1], fields);
  return r;
}

static cm_value make_class(cm_vm *vm, cm_value name, cm_value type_id, cm_value fields,
                           bool frozen) {
  cm_value ns = cm_dict_new(vm);
  if (cm_is_error(ns)) return ns;
  cm_value meta_items[3] = {type_id, fields, cm_bool(frozen)};
  cm_value meta = cm_tuple_from(vm, meta_items, 3);
  if (cm_is_error(meta) || cm_dict_set_cstr(vm, ns, META_KEY, meta) < 0 ||
      cm_dict_set_cstr(vm, ns, "__match_args__", fields) < 0)
    return CM_ERROR;
  cm_value bases = cm_tuple_new(vm, 0);
  if (cm_is_error(bases)) return bases;
  cm_value cls = cm_type_new3(vm, name, bases, ns);
  if (cm_is_error(cls)) return cls;
  cm_type *t = &CM_AS(cm_class, cls)->desc;
  t->getattr = hostobj_getattr;
  t->setattr = hostobj_setattr;
  t->repr = hostobj_repr;
  t->str = NULL;
  t->compare = hostobj_compare;
  t->hash = hostobj_hash;
  return cls;
}

/* The class for (name, type_id, fields, frozen), from the cache or new. */
static cm_value class_for(cm_vm *vm, cm_value name, cm_value type_id, cm_value fields,
                          bool frozen) {
  cm_value cache = class_cache(vm);
  if (cm_is_error(cache)) return cache;
  cm_value cls = cm_dict_get(vm, cache, type_id);
  if (cm_is_error(cls)) return cls;
  if (!cm_is_null(cls)) {
    int r = class_matches(vm, cls, name, fields, frozen);
    if (r < 0) return CM_ERROR;
    if (r) return cls;
  }
  cls = make_class(vm, name, type_id, fields, frozen);
  if (cm_is_error(cls) || cm_dict_set(vm, cache, type_id, cls) < 0) return CM_ERROR;
  return cls;
}

/* Is data[0..n) an identifier (ASCII rules; any non-ASCII byte allowed)? */
static bool ident_span(const char *data, size_t n) {
  if (!n) return false;
  for (size_t j = 0; j < n; j++) {
    unsigned char c = (unsigned char)data[j];
    bool ok = c == '_' || c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (j > 0 && c >= '0' && c <= '9');
    if (!ok) return false;
  }
  return true;
}

static bool valid_ident(cm_value s) {
  return ident_span(CM_AS(cm_str, s)->data, CM_AS(cm_str, s)->size);
}

cm_value cm_hostobj_new(cm_vm *vm, cm_value name, uint64_t type_id, cm_value fields,
                        cm_value attrs, bool frozen) {
  if (!cm_is_str(vm, name) || !valid_ident(name))
    return cm_raise(vm, &cm_exc_ValueError, "dataclass name must be an identifier");
  cm_tuple *f = CM_AS(cm_tuple, fields);
  for (size_t i = 0; i < f->n; i++)
    if (!cm_is_str(vm, f->items[i]))
      return cm_raise(vm, &cm_exc_TypeError, "dataclass field names must be str");
  size_t pos = 0;
  cm_value k;
  while (cm_dict_next(attrs, &pos, &k, NULL))
    if (!cm_is_str(vm, k))
      return cm_raise(vm, &cm_exc_TypeError, "dataclass attribute names must be str");
  cm_value tid = cm_int_from_u64(vm, type_id);
  if (cm_is_error(tid)) return tid;
  cm_value cls = class_for(vm, name, tid, fields, frozen);
  if (cm_is_error(cls)) return cls;
  cm_value d = cm_dict_copy(vm, attrs);
  if (cm_is_error(d)) return d;
  cm_value o = cm_class_alloc(vm, cls, NULL, 0);
  if (cm_is_error(o)) return o;
  CM_AS(cm_instance, o)->dict = d;
  return o;
}

/* ---- named tuples ---------------------------------------------------------
** A host named tuple ({"__type":"namedtuple",...}, e.g. os.stat_result) is
** an instance of a real class per (type_name, field_names), made like the
** dataclass classes above so that type(x).__name__ is the last dotted part
** of type_name (the rest is its __module__), with its slots replaced by
** tuple-like ones. Our classes cannot subclass tuple, so isinstance(x,
** tuple) is False; everything a reader does works: x.field, x[i], x[a:b],
** len, iteration and unpacking, `in`, comparisons (==, < ...) with tuples
** and other named tuples, hash (that of the tuple), + and * (giving
** tuples), count/index, repr type_name(f=v, ...), __match_args__,
** _fields and _asdict(), sequence patterns (`case (a, b):`, vm.c's
** match_sequence) and class patterns.
** Attributes are read-only (CPython's structseq messages). The instance
** dict maps each field to its value (so generic attribute code never sees
** a non-dict there); the values tuple is rebuilt from it when needed.
** The class namespace keeps (type_name, fields) under __host_namedtuple__.
*/
#define NT_META_KEY "__host_namedtuple__"

static cm_value nt_getattr(cm_vm *vm, cm_value self, cm_value name);

bool cm_is_namedtuple(cm_vm *vm, cm_value v) {
  return cm_is_obj(v) && cm_typeof(vm, v)->getattr == nt_getattr;
}

/* (type_name, fields) of a named tuple's class. */
static cm_tuple *nt_meta(cm_vm *vm, cm_value v) {
  return class_meta(vm, v, NT_META_KEY);
}

/* The values of named tuple v as a new tuple, or CM_ERROR. */
static cm_value nt_values(cm_vm *vm, cm_value v) {
  cm_tuple *fields = CM_AS(cm_tuple, nt_meta(vm, v)->items[1]);
  cm_value d = attrs_of(v);
  cm_value t = cm_tuple_new(vm, fields->n);
  if (cm_is_error(t)) return t;
  for (size_t i = 0; i < fields->n; i++) {
    cm_value x = cm_dict_get_str(vm, d, fields->items[i]);
    if (cm_is_error(x)) return x;
    CM_AS(cm_tuple, t)->items[i] = cm_is_null(x) ? CM_NONE : x;
  }
  return t;
}

int cm_namedtuple_info(cm_vm *vm, cm_value v, cm_value *type_name, cm_value *fields,
                       cm_value *values) {
  if (!cm_is_namedtuple(vm, v)) return -1;
  cm_tuple *m = nt_meta(vm, v);
  *type_name = m->items[0];
  *fields = m->items[1];
  *values = nt_values(vm, v);
  return cm_is_error(*values) ? -1 : 0;
}

/* v as a tuple when it is a named tuple, else v itself. */
static cm_value nt_as_tuple(cm_vm *vm, cm_value v) {
  return cm_is_namedtuple(vm, v) ? nt_values(vm, v) : v;
}

/* x._asdict(): {field: value} in field order. */
static cm_value nt_asdict(cm_vm *vm, const cm_value *args, int nargs, cm_value kwnames) {
  if (cm_check_nargs(vm, "_asdict", nargs - 1, kwnames, 0, 0) < 0) return CM_ERROR;
  return cm_dict_copy(vm, attrs_of(args[0]));
}

static cm_value nt_getattr(cm_vm *vm, cm_value self, cm_value name) {
  cm_value x = cm_dict_get_str(vm, attrs_of(self), name);
  if (!cm_is_null(x)) return x;
  const char *n = cm_str_cstr(name);
  if (!strcmp(n, "count") || !strcmp(n, "index")) { /* the tuple's methods */
    cm_value tup = nt_values(vm, self);
    return cm_is_error(tup) ? tup : cm_getattr(vm, tup, name);
  }
  if (!strcmp(n, "_asdict")) return cm_builtin_new(vm, nt_asdict, "_asdict", self);
  const cm_type *t = cm_typeof(vm, self);
  cm_value a = cm_class_lookup(vm, t, name, false);
  if (cm_is_error(a)) return a;
  if (!cm_is_null(a)) return cm_descr_bind(vm, a, self, t);
  return cm_raise(vm, &cm_exc_AttributeError, "'%U' object has no attribute '%U'",
                  nt_meta(vm, self)->items[0], name);
}

static int nt_setattr(cm_vm *vm, cm_value self, cm_value name, cm_value v) {
  cm_value x = cm_dict_get_str(vm, attrs_of(self), name);
  if (!cm_is_null(x)) cm_raise(vm, &cm_exc_AttributeError, "readonly attribute");
  else if (cm_is_null(v))
    cm_raise(vm, &cm_exc_AttributeError, "'%U' object has no attribute '%U'",
             nt_meta(vm, self)->items[0], name);
  else
    cm_raise(vm, &cm_exc_AttributeError,
             "'%U' object has no attribute '%U' and no __dict__ for setting new "
             "attributes",
             nt_meta(vm, self)->items[0], name);
  return -1;
}

static cm_value nt_repr(cm_vm *vm, cm_value self) {
  cm_tuple *m = nt_meta(vm, self);
  return fields_repr(vm, m->items[0], CM_AS(cm_tuple, m->items[1]), attrs_of(self), true);
}

static int64_t nt_len(cm_vm *vm, cm_value self) {
  return (int64_t)CM_AS(cm_tuple, nt_meta(vm, self)->items[1])->n;
}

static cm_value nt_getitem(cm_vm *vm, cm_value self, cm_value key) {
  cm_value t = nt_values(vm, self);
  return cm_is_error(t) ? t : cm_getitem(vm, t, key);
}

static int nt_contains(cm_vm *vm, cm_value self, cm_value x) {
  cm_value t = nt_values(vm, self);
  return cm_is_error(t) ? -1 : cm_contains(vm, t, x);
}

static cm_value nt_iter(cm_vm *vm, cm_value self) {
  cm_value t = nt_values(vm, self);
  return cm_is_error(t) ? t : cm_iter(vm, t);
}

static int nt_hash(cm_vm *vm, cm_value self, int64_t *out) {
  cm_value t = nt_values(vm, self);
  return cm_is_error(t) ? -1 : cm_hash(vm, t, out);
}

/* Comparisons and + / * work on the values, as for a tuple subclass. */
static cm_value nt_compare(cm_vm *vm, int op, cm_value a, cm_value b) {
  cm_value ta = nt_as_tuple(vm, a), tb = cm_is_error(ta) ? ta : nt_as_tuple(vm, b);
  if (cm_is_error(tb)) return tb;
  if (!cm_is_obj(ta) || cm_objptr(ta)->type != &cm_tuple_type || !cm_is_obj(tb) ||
      cm_objptr(tb)->type != &cm_tuple_type)
    return CM_NOTIMPL;
  return cm_compare(vm, op, ta, tb);
}

static cm_value nt_binop(cm_vm *vm, int op, cm_value a, cm_value b) {
  int base = op & ~CM_OP_INPLACE;
  if (base != CM_OP_ADD && base != CM_OP_MUL) return CM_NOTIMPL;
  cm_value ta = nt_as_tuple(vm, a), tb = cm_is_error(ta) ? ta : nt_as_tuple(vm, b);
  if (cm_is_error(tb)) return tb;
  return cm_tuple_type.binop(vm, base, ta, tb);
}

static int nt_truthy(cm_vm *vm, cm_value self) {
  return nt_len(vm, self) > 0;
}

static cm_value nt_make_class(cm_vm *vm, cm_value key) {
  cm_value type_name = CM_AS(cm_tuple, key)->items[0];
  cm_value fields = CM_AS(cm_tuple, key)->items[1];
  const cm_str *tn = CM_AS(cm_str, type_name);
  const char *dot = strrchr(tn->data, '.');
  cm_value ns = cm_dict_new(vm);
  if (cm_is_error(ns)) return ns;
  cm_value name = type_name;
  if (dot) {
    cm_value mod = cm_str_new(vm, tn->data, (size_t)(dot - tn->data));
    name = cm_is_error(mod) ? mod : cm_str_new(vm, dot + 1, strlen(dot + 1));
    if (cm_is_error(name) || cm_dict_set_cstr(vm, ns, "__module__", mod) < 0)
      return CM_ERROR;
  }
  if (cm_dict_set_cstr(vm, ns, NT_META_KEY, key) < 0 ||
      cm_dict_set_cstr(vm, ns, "__match_args__", fields) < 0 ||
      cm_dict_set_cstr(vm, ns, "_fields", fields) < 0)
    return CM_ERROR;
  cm_value bases = cm_tuple_new(vm, 0);
  cm_value cls = cm_is_error(bases) ? bases : cm_type_new3(vm, name, bases, ns);
  if (cm_is_error(cls)) return cls;
  cm_type *t = &CM_AS(cm_class, cls)->desc;
  t->getattr = nt_getattr;
  t->setattr = nt_setattr;
  t->repr = nt_repr;
  t->str = NULL;
  t->compare = nt_compare;
  t->binop = nt_binop;
  t->hash = nt_hash;
  t->len = nt_len;
  t->getitem = nt_getitem;
  t->contains = nt_contains;
  t->iter = nt_iter;
  t->truthy = nt_truthy;
  return cls;
}

/* Is s a dotted name of identifiers ("os.stat_result", "Point")? */
static bool valid_dotted(cm_value s) {
  const cm_str *p = CM_AS(cm_str, s);
  size_t start = 0;
  for (size_t i = 0; i <= p->size; i++) {
    if (i < p->size && p->data[i] != '.') continue;
    if (!ident_span(p->data + start, i - start)) return false;
    start = i + 1;
  }
  return true;
}

cm_value cm_namedtuple_new(cm_vm *vm, cm_value type_name, cm_value fields,
                           cm_value values) {
  if (!cm_is_str(vm, type_name) || !valid_dotted(type_name))
    return cm_raise(vm, &cm_exc_ValueError, "named tuple type name must be a dotted identifier");
  cm_tuple *f = CM_AS(cm_tuple, fields), *v = CM_AS(cm_tuple, values);
  if (f->n != v->n)
    return cm_raise(vm, &cm_exc_ValueError, "named tuple has %zu fields but %zu values",
                    f->n, v->n);
  cm_value d = cm_dict_new(vm);
  cm_value names = cm_is_error(d) ? d : cm_tuple_new(vm, f->n);
  if (cm_is_error(names)) return names;
  for (size_t i = 0; i < f->n; i++) {
    if (!cm_is_str(vm, f->items[i]) || !valid_ident(f->items[i]))
      return cm_raise(vm, &cm_exc_ValueError, "named tuple field names must be identifiers");
    cm_value k = cm_intern_value(vm, f->items[i]);
    if (cm_is_error(k)) return k;
    CM_AS(cm_tuple, names)->items[i] = k;
    if (!cm_is_null(cm_dict_get_str(vm, d, k)))
      return cm_raise(vm, &cm_exc_ValueError, "duplicate named tuple field name '%U'", k);
    if (cm_dict_set_str(vm, d, k, v->items[i]) < 0) return CM_ERROR;
  }
  cm_value pair[2] = {type_name, names};
  cm_value key = cm_tuple_from(vm, pair, 2);
  cm_value cache = cm_is_error(key) ? key : class_cache(vm);
  if (cm_is_error(cache)) return cache;
  cm_value cls = cm_dict_get(vm, cache, key);
  if (cm_is_error(cls)) return cls;
  if (cm_is_null(cls)) {
    cls = nt_make_class(vm, key);
    if (cm_is_error(cls) || cm_dict_set(vm, cache, key, cls) < 0) return CM_ERROR;
  }
  cm_value o = cm_class_alloc(vm, cls, NULL, 0);
  if (cm_is_error(o)) return o;
  CM_AS(cm_instance, o)->dict = d;
  return o;
}
