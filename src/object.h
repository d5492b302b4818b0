/*
** object.h — heap objects and the type descriptor.
**
** Every heap object starts with a cm_obj header. Its `type` points at a
** cm_type: for built-in types a `const` static descriptor shared by all
** interpreters (it holds only function pointers and names — no mutable
** state), for user classes (a later issue) one owned by the class object.
** The Python-visible type objects (what `type(x)` returns) are per
** interpreter: vm->typeobj[type->id], made at start-up (see type.c).
**
** Small ints, floats, None, bools, NotImplemented and Ellipsis are not heap
** objects (see value.h); cm_typeof() maps any value to its descriptor.
*/
#ifndef CM_OBJECT_H
#define CM_OBJECT_H

#include <stddef.h>
#include <stdint.h>
#include "value.h"

typedef struct cm_vm cm_vm;
typedef struct cm_type cm_type;

typedef struct cm_obj {
  const cm_type *type;
  struct cm_obj *gc_next; /* every object of the vm, for the sweep */
  uint32_t size;          /* bytes allocated for this object (freed by GC) */
  uint8_t marked;         /* GC mark (vm->gc_mark_epoch) */
  uint8_t flags;          /* per-type bits, e.g. CM_STR_INTERNED */
  uint16_t extra;         /* per-type use */
} cm_obj;

/* Native callable: vectorcall convention. args[0..nargs) are positional,
   followed by len(kwnames) keyword values; kwnames is a tuple of interned str
   or CM_NULL. For methods args[0] is self. Returns a new value, or CM_ERROR
   with the exception set, or CM_TAILCALL (vm.h: cm_tailcall). Never keeps
   `args` after returning. */
typedef cm_value (*cm_native_fn)(cm_vm *vm, const cm_value *args, int nargs,
                                 cm_value kwnames);

typedef struct cm_method_def {
  const char *name;
  cm_native_fn fn;
  int flags; /* CM_METH_* */
} cm_method_def;
#define CM_METH_STATIC 1 /* no self: called as Type.name(...) */
#define CM_METH_CLASS 2  /* args[0] is the type object */

/* A property of a built-in type: `obj.name` calls get(vm, obj). */
typedef struct cm_getset_def {
  const char *name;
  cm_value (*get)(cm_vm *vm, cm_value self);
} cm_getset_def;

/* Binary operators (BINARY_OP's argument and cm_binop's `op`).
   In-place variants are op + CM_OP_INPLACE. */
enum {
  CM_OP_ADD, CM_OP_SUB, CM_OP_MUL, CM_OP_TRUEDIV, CM_OP_FLOORDIV, CM_OP_MOD,
  CM_OP_POW, CM_OP_LSHIFT, CM_OP_RSHIFT, CM_OP_AND, CM_OP_OR, CM_OP_XOR,
  CM_OP_MATMUL, CM_OP_NBINARY,
  CM_OP_INPLACE = 16
};
/* Comparison operators (COMPARE_OP, cm_compare). */
enum { CM_CMP_LT, CM_CMP_LE, CM_CMP_EQ, CM_CMP_NE, CM_CMP_GT, CM_CMP_GE };
/* Unary operators. */
enum { CM_UN_NEG, CM_UN_POS, CM_UN_INVERT, CM_UN_NOT };

/* The type descriptor. Any slot may be NULL: the generic operations in
   object.c then raise CPython's TypeError. All slots follow the error
   convention: CM_ERROR / -1 means an exception is set. */
struct cm_type {
  const char *name;       /* as type(x).__name__ shows it */
  uint16_t id;            /* CM_T_* for built-ins; CM_T_USER for classes */
  uint16_t flags;         /* CM_TF_* */
  const cm_type *base;    /* single base (object's base is NULL) */

  cm_value (*repr)(cm_vm *vm, cm_value self);
  cm_value (*str)(cm_vm *vm, cm_value self); /* NULL: use repr */
  /* 0 ok (*out set), -1 error (e.g. unhashable) */
  int (*hash)(cm_vm *vm, cm_value self, int64_t *out);
  /* rich compare: returns a value, CM_NOTIMPL, or CM_ERROR */
  cm_value (*compare)(cm_vm *vm, int op, cm_value a, cm_value b);
  /* binary op with a or b of this type: value, CM_NOTIMPL or CM_ERROR.
     Called as binop(op, a, b) for a's type, then for b's type (reflected:
     the slot must check which side is its own). */
  cm_value (*binop)(cm_vm *vm, int op, cm_value a, cm_value b);
  cm_value (*unop)(cm_vm *vm, int op, cm_value a);
  int (*truthy)(cm_vm *vm, cm_value self); /* 1/0/-1; NULL: len or true */
  int64_t (*len)(cm_vm *vm, cm_value self); /* -1 on error */
  cm_value (*getitem)(cm_vm *vm, cm_value self, cm_value key);
  int (*setitem)(cm_vm *vm, cm_value self, cm_value key, cm_value val);
  int (*delitem)(cm_vm *vm, cm_value self, cm_value key);
  int (*contains)(cm_vm *vm, cm_value self, cm_value x); /* 1/0/-1 */
  cm_value (*iter)(cm_vm *vm, cm_value self);
  /* next item, CM_STOP when exhausted (no exception), or CM_ERROR */
  cm_value (*iternext)(cm_vm *vm, cm_value self);
  /* attribute hooks; NULL = generic lookup (type methods/getsets, dict) */
  cm_value (*getattr)(cm_vm *vm, cm_value self, cm_value name);
  int (*setattr)(cm_vm *vm, cm_value self, cm_value name, cm_value val);
  cm_native_fn call; /* calling an instance; args exclude self: see object.c */
  /* type(...)/T(...) constructor: args exclude the type. */
  cm_native_fn construct;

  const cm_method_def *methods;  /* NULL-name terminated */
  const cm_getset_def *getsets;  /* NULL-name terminated */

  /* GC: mark every value this object references (cm_gc_mark_value). */
  void (*trace)(cm_vm *vm, cm_obj *self);
  /* free buffers the object owns besides itself (not other objects). */
  void (*finalize)(cm_vm *vm, cm_obj *self);
};

#define CM_TF_BASETYPE 1  /* may be subclassed (later issue) */
#define CM_TF_EXCEPTION 2 /* BaseException or a subclass */
#define CM_TF_ITERATOR 4  /* its iternext never calls Python code */

/* Ids of built-in types: vm->typeobj[id] is the Python-visible object.
   Exception types follow CM_T_BASEEXCEPTION (see exc.h). */
enum {
  CM_T_OBJECT, CM_T_TYPE, CM_T_NONE, CM_T_BOOL, CM_T_INT, CM_T_FLOAT,
  CM_T_COMPLEX, CM_T_STR, CM_T_BYTES, CM_T_BYTEARRAY, CM_T_LIST, CM_T_TUPLE,
  CM_T_DICT, CM_T_SET, CM_T_FROZENSET, CM_T_RANGE, CM_T_SLICE,
  CM_T_NOTIMPL, CM_T_ELLIPSIS, CM_T_FUNCTION, CM_T_BUILTIN, CM_T_METHOD,
  CM_T_CODE, CM_T_CELL, CM_T_GENERATOR, CM_T_MODULE, CM_T_TRACEBACK,
  CM_T_PROPERTY, CM_T_STATICMETHOD, CM_T_CLASSMETHOD, CM_T_SUPER,
  /* iterators and views */
  CM_T_LIST_ITER, CM_T_LIST_REVITER, CM_T_TUPLE_ITER, CM_T_STR_ITER,
  CM_T_BYTES_ITER, CM_T_RANGE_ITER, CM_T_DICT_KEYITER, CM_T_DICT_VALUEITER,
  CM_T_DICT_ITEMITER, CM_T_DICT_REVKEYITER, CM_T_SET_ITER, CM_T_DICT_KEYS,
  CM_T_DICT_VALUES, CM_T_DICT_ITEMS, CM_T_ENUMERATE, CM_T_ZIP, CM_T_MAP,
  CM_T_FILTER, CM_T_REVERSED, CM_T_CALL_ITER, CM_T_SEQ_ITER,
  CM_T_BASEEXCEPTION, /* first exception type; see exc.h for the rest */
  CM_T_USER = 0xFFFF
};

/* ---- object layouts shared across files ---------------------------- */

typedef struct cm_str {
  cm_obj hdr;        /* hdr.flags & CM_STR_INTERNED */
  int64_t hash;      /* -1 until computed */
  size_t len;        /* length in code points */
  size_t size;       /* length in bytes (UTF-8), data[size] == '\0' */
  uint8_t ascii;     /* len == size: O(1) indexing */
  char data[];
} cm_str;
#define CM_STR_INTERNED 1

typedef struct cm_bytes {
  cm_obj hdr;
  int64_t hash;
  size_t size;
  uint8_t data[]; /* data[size] == 0 */
} cm_bytes;

typedef struct cm_tuple {
  cm_obj hdr;
  size_t n;
  cm_value items[];
} cm_tuple;

typedef struct cm_list {
  cm_obj hdr;
  size_t n, cap;
  cm_value *items;
} cm_list;

/* dict: compact, insertion-ordered, open addressing (see dict.c). */
typedef struct cm_dict_entry {
  int64_t hash;
  cm_value key; /* CM_NULL: deleted entry */
  cm_value value;
} cm_dict_entry;

typedef struct cm_dict {
  cm_obj hdr;
  size_t used;         /* live entries */
  size_t nentries;     /* entries[0..nentries) in insertion order */
  size_t cap;          /* capacity of entries */
  size_t mask;         /* index table size - 1 (power of two) */
  void *index;         /* int32/int64 slots into entries; see dict.c */
  cm_dict_entry *entries;
  uint64_t version;    /* bumped on every mutation (iteration checks, caches) */
} cm_dict;

/* set / frozenset share a layout (see set.c) */
typedef struct cm_set_entry {
  int64_t hash;
  cm_value key; /* CM_NULL: empty, CM_ERROR: deleted (dummy) */
} cm_set_entry;

typedef struct cm_set {
  cm_obj hdr;
  size_t used, fill, mask;
  cm_set_entry *table;
  int64_t hash; /* frozenset: cached, -1 until computed */
} cm_set;

typedef struct cm_range {
  cm_obj hdr;
  cm_value start, stop, step; /* ints (small or big) */
  int64_t len_cache;          /* -1 if it does not fit */
} cm_range;

typedef struct cm_slice {
  cm_obj hdr;
  cm_value start, stop, step;
} cm_slice;

typedef struct cm_cell {
  cm_obj hdr;
  cm_value value; /* CM_NULL when empty */
} cm_cell;

/* A built-in function or a method bound to `self`. */
typedef struct cm_builtin {
  cm_obj hdr;
  cm_native_fn fn;
  const char *name;
  cm_value self; /* CM_NULL: unbound/plain function; else prepended to args */
} cm_builtin;

/* A Python function bound to an instance. */
typedef struct cm_method {
  cm_obj hdr;
  cm_value func, self;
} cm_method;

typedef struct cm_module {
  cm_obj hdr;
  cm_value name; /* str */
  cm_value dict; /* dict: its globals */
} cm_module;

/* The Python-visible object for a type. */
typedef struct cm_typeobj {
  cm_obj hdr;
  const cm_type *t;
  cm_value dict; /* attributes: methods made lazily from t->methods */
} cm_typeobj;

/* Built-in type descriptors (const, shared by all interpreters), with the
   file that defines each. */
extern const cm_type cm_object_type, cm_type_type, cm_none_type,
    cm_notimpl_type, cm_ellipsis_type, cm_builtin_type, cm_method_type,
    cm_module_type, cm_property_type, cm_staticmethod_type,
    cm_classmethod_type, cm_super_type;                     /* type.c, object.c */
extern const cm_type cm_bool_type, cm_int_type;             /* int.c */
extern const cm_type cm_float_type, cm_complex_type;        /* float.c, complex.c */
extern const cm_type cm_str_type, cm_str_iter_type;         /* str.c */
extern const cm_type cm_bytes_type, cm_bytearray_type, cm_bytes_iter_type; /* bytes.c */
extern const cm_type cm_list_type, cm_list_iter_type, cm_list_reviter_type; /* list.c */
extern const cm_type cm_tuple_type, cm_tuple_iter_type;     /* tuple.c */
extern const cm_type cm_dict_type, cm_dict_keys_type, cm_dict_values_type,
    cm_dict_items_type, cm_dict_keyiter_type, cm_dict_valueiter_type,
    cm_dict_itemiter_type, cm_dict_revkeyiter_type;         /* dict.c */
extern const cm_type cm_set_type, cm_frozenset_type, cm_set_iter_type; /* set.c */
extern const cm_type cm_range_type, cm_range_iter_type;     /* range.c */
extern const cm_type cm_slice_type;                         /* slice.c */
extern const cm_type cm_enumerate_type, cm_zip_type, cm_map_type,
    cm_filter_type, cm_reversed_type, cm_seq_iter_type,
    cm_call_iter_type;                                      /* iter.c */
extern const cm_type cm_function_type, cm_code_type, cm_cell_type,
    cm_generator_type;                                      /* func.c, gen.c */
extern const cm_type cm_traceback_type;                     /* traceback.c */

/* The descriptor of any value (tag-based for unboxed values). */
const cm_type *cm_typeof(cm_vm *vm, cm_value v);
#define cm_type_name(vm, v) (cm_typeof(vm, v)->name)

#endif
