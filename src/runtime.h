/*
** runtime.h — internals shared by the runtime files (object.c, type.c,
** exc.c, builtins.c, module.c, traceback.c, api.c). Other engineers may use
** the functions marked "public" as well.
*/
#ifndef CM_RUNTIME_H
#define CM_RUNTIME_H

#include "code.h"
#include "vm.h"

/* A method/attribute descriptor of a built-in type (what `str.upper` or
   `int.real` evaluate to). Stored in the type object's dict. */
enum {
  CM_DESCR_METHOD,   /* plain method: self is args[0] */
  CM_DESCR_CLASS,    /* classmethod: bound to the type on access */
  CM_DESCR_STATIC,   /* staticmethod: the raw function */
  CM_DESCR_GETSET    /* property-like attribute */
};
typedef struct cm_descr {
  cm_obj hdr;
  const cm_type *owner;
  int kind;                /* CM_DESCR_* */
  const char *name;
  cm_native_fn fn;         /* METHOD, CLASS, STATIC */
  const cm_getset_def *gs; /* GETSET */
  cm_value raw;            /* unbound cm_builtin of fn (self CM_NULL) */
} cm_descr;

extern const cm_type cm_method_descr_type, cm_classmethod_descr_type,
    cm_getset_descr_type;

/* The dict of a type object, filled on first use with descriptors of the
   type's (and its bases') methods, getsets and slot wrappers. CM_ERROR on
   memory failure. */
cm_value cm_type_dict(cm_vm *vm, const cm_type *t);
/* Finds `name` (interned str) in t's dict: the raw entry or CM_NULL. */
cm_value cm_type_lookup(cm_vm *vm, const cm_type *t, cm_value name);
/* The descriptor behind a type object value, or NULL if v is no type. */
const cm_type *cm_type_of_typeobj(cm_value v);
/* Calls a type object (its construct slot). */
cm_value cm_type_call(cm_vm *vm, cm_value typeobj, const cm_value *args,
                      int nargs, cm_value kwnames);
cm_value cm_descr_call(cm_vm *vm, cm_value descr, const cm_value *args,
                       int nargs, cm_value kwnames);

/* public: the interned str for a string LITERAL, cached per interpreter by
   the literal's address (never pass a buffer whose contents change). */
cm_value cm_name(cm_vm *vm, const char *literal);
/* cm_prelude() for a string literal name (cheap on repeated calls). */
cm_value cm_prelude_lit(cm_vm *vm, const char *literal);

/* public: a native function as a Python-visible builtin (self CM_NULL). */
cm_value cm_builtin_new(cm_vm *vm, cm_native_fn fn, const char *name,
                        cm_value self);
/* public: calls f(*args_tuple, **kwargs_dict); kwargs may be CM_NULL. */
cm_value cm_call_tuple(cm_vm *vm, cm_value f, cm_value args, cm_value kwargs);
/* public: generic attribute lookup (type dict + descriptors) ignoring the
   type's getattr slot; CM_NULL (no exception) when absent. */
cm_value cm_generic_getattr(cm_vm *vm, cm_value o, cm_value name);
/* public: raises AttributeError "'T' object has no attribute 'x'". */
cm_value cm_raise_no_attr(cm_vm *vm, cm_value o, cm_value name);
/* The address-based part of default reprs: "<T object at 0x...>". */
cm_value cm_default_repr(cm_vm *vm, cm_value v);
/* A stable integer identity for id() and identity hashes. */
int64_t cm_identity(cm_value v);

/* ---- user-defined classes (class.c) -------------------------------- */
/* A class object: a type object whose descriptor `desc` it owns. */
typedef struct cm_class {
  cm_typeobj base;      /* base.t == &desc, base.dict: the namespace */
  cm_type desc;         /* the instances' descriptor (id CM_T_USER) */
  const cm_type *solid; /* built-in base whose layout instances use */
  cm_value name, qualname, module, bases, mro; /* mro: tuple of types */
  char *cname;          /* desc.name (cm_alloc'd) */
  size_t cname_size;
} cm_class;
#define CM_CLASS_OF(t) \
  ((cm_class *)(void *)((char *)(t) - offsetof(cm_class, desc)))
/* An instance of a class whose solid base is object. */
typedef struct cm_instance {
  cm_obj hdr;
  cm_value dict; /* dict or CM_NULL until the first attribute is set */
} cm_instance;

/* MRO lookup of `name` in a user class (CM_NULL when absent). */
cm_value cm_class_lookup(cm_vm *vm, const cm_type *t, cm_value name,
                         bool user_only);
cm_value cm_class_call(cm_vm *vm, cm_value cls, const cm_value *args,
                       int nargs, cm_value kwnames);
/* A bare instance of class cls (object.__new__). */
cm_value cm_class_alloc(cm_vm *vm, cm_value cls, const cm_value *args,
                        int nargs);
cm_value cm_class_getattr(cm_vm *vm, cm_value cls, cm_value name);
int cm_class_setattr(cm_vm *vm, cm_value cls, cm_value name, cm_value v);
cm_value cm_class_repr(cm_vm *vm, cm_value cls);
void cm_class_trace(cm_vm *vm, cm_obj *o);
void cm_class_finalize(cm_vm *vm, cm_obj *o);
/* Instance attribute set/delete without a user __setattr__ (the
   object.__setattr__ behaviour). */
int cm_instance_setattr(cm_vm *vm, cm_value self, cm_value name, cm_value v);
/* The built-in type behind t: t itself, or a class's solid base. */
const cm_type *cm_native_type(const cm_type *t);
cm_value cm_type_new3(cm_vm *vm, cm_value name, cm_value bases,
                      cm_value dict);
cm_value cm_build_class(cm_vm *vm, const cm_value *args, int nargs,
                        cm_value kwnames);
/* Binds a class attribute found for instance `o` of type t (methods,
   staticmethod/classmethod, built-in descriptors). object.c */
cm_value cm_descr_bind(cm_vm *vm, cm_value d, cm_value o, const cm_type *t);

/* object.__format__ (object.c) */
cm_value cm_object_format(cm_vm *vm, const cm_value *args, int nargs,
                          cm_value kwnames);

/* exc.c */
cm_value cm_exc_dict_get(cm_vm *vm, cm_value exc, const char *key);
int cm_exc_init_memerr(cm_vm *vm);
cm_value cm_exc_message(cm_vm *vm, cm_value exc); /* str(exc), never fails
                                                     badly: "" fallback */

/* api.c / cli: write to the vm's output hook. */
void cm_write(cm_vm *vm, int stream, const char *data, size_t n);

/* module.c */
cm_value cm_module_new(cm_vm *vm, cm_value name, cm_value dict);

/* public: CPython's "Did you mean" choice: the index in cands[0..n) of
   the best suggestion for `wrong`, or -1 (args.c). */
int cm_suggest(const char *wrong, const char *const *cands, size_t n);
/* The builtin next() (builtins.c). The VM loop recognises it to step a
   generator in its own frames (CM_RET_NEXT) instead of nesting. */
cm_value cm_bi_next(cm_vm *vm, const cm_value *a, int n, cm_value kw);

/* dir(o) as a sorted list (builtins.c). */
cm_value cm_dir(cm_vm *vm, cm_value o);

/* args.c helper: "s" if n != 1 */
static inline const char *cm_plural(int64_t n) { return n == 1 ? "" : "s"; }

#endif
