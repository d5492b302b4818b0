/*
** module.c — module objects and `import`.
**
** Only built-in modules can ever be imported (the sandbox has no file
** system). They are listed in builtin_modules[] with an init function
** that fills the module's dict; a module is created on first import and
** cached in vm->modules.
*/
#include <string.h>

#include "host.h"
#include "runtime.h"
#include "str.h"

typedef struct cm_module_def {
  const char *name;
  int (*init)(cm_vm *vm, cm_value dict); /* 0 ok, -1 error */
} cm_module_def;

/* The registry of built-in modules (filled by later issues). */
static const cm_module_def builtin_modules[] = {
    {"os", cm_mod_os_init},           /* modules_os.c */
    {"pathlib", cm_mod_pathlib_init}, /* modules_os.c */
    {"io", cm_mod_io_init},           /* modules_os.c */
    {NULL, NULL}};

cm_value cm_module_new(cm_vm *vm, cm_value name, cm_value dict) {
  cm_module *m = cm_gc_new(vm, &cm_module_type, sizeof(cm_module));
  if (!m) return CM_ERROR;
  m->name = name;
  m->dict = dict;
  return CM_VAL(m);
}

static cm_value module_repr(cm_vm *vm, cm_value v) {
  return cm_str_printf(vm, "<module %R>", CM_AS(cm_module, v)->name);
}

static cm_value module_getattr(cm_vm *vm, cm_value v, cm_value name) {
  cm_module *m = CM_AS(cm_module, v);
  cm_value r = cm_dict_get_str(vm, m->dict, name);
  if (!cm_is_null(r)) return r;
  if (!strcmp(cm_str_cstr(name), "__dict__")) return m->dict;
  r = cm_generic_getattr(vm, v, name);
  if (!cm_is_null(r)) return r;
  return cm_raise(vm, &cm_exc_AttributeError,
                  "module '%U' has no attribute '%U'", m->name, name);
}

static int module_setattr(cm_vm *vm, cm_value v, cm_value name, cm_value val) {
  cm_module *m = CM_AS(cm_module, v);
  if (!cm_is_null(val)) return cm_dict_set_str(vm, m->dict, name, val);
  int r = cm_dict_del(vm, m->dict, name);
  if (r < 0) return -1;
  if (r == 0) {
    cm_raise(vm, &cm_exc_AttributeError, "module '%U' has no attribute '%U'",
             m->name, name);
    return -1;
  }
  return 0;
}

static void module_trace(cm_vm *vm, cm_obj *o) {
  cm_gc_mark_value(vm, ((cm_module *)o)->name);
  cm_gc_mark_value(vm, ((cm_module *)o)->dict);
}

const cm_type cm_module_type = {
    .name = "module", .id = CM_T_MODULE, .flags = CM_TF_BASETYPE,
    .base = &cm_object_type, .repr = module_repr,
    .getattr = module_getattr, .setattr = module_setattr,
    .trace = module_trace,
};

static cm_value load_builtin(cm_vm *vm, const cm_module_def *def,
                             cm_value name) {
  cm_value d = cm_dict_new(vm);
  if (cm_is_error(d) || cm_dict_set_cstr(vm, d, "__name__", name) < 0)
    return CM_ERROR;
  cm_value m = cm_module_new(vm, name, d);
  if (cm_is_error(m) || def->init(vm, d) < 0) return CM_ERROR;
  if (cm_dict_set(vm, vm->modules, name, m) < 0) return CM_ERROR;
  return m;
}

/* One module by its full name: cached, or built in, or
   ModuleNotFoundError "No module named 'name'" (with .name set), plus
   "; 'parent' is not a package" when parent (CM_NULL: none) was imported:
   no built-in module is a package, their submodules (os.path) are
   registered by the parent itself. */
static cm_value import_one(cm_vm *vm, cm_value name, cm_value parent) {
  cm_value m = cm_dict_get(vm, vm->modules, name);
  if (!cm_is_null(m)) return m;
  for (const cm_module_def *d = builtin_modules; d->name; d++)
    if (!strcmp(d->name, cm_str_cstr(name))) return load_builtin(vm, d, name);
  cm_value e = cm_is_null(parent)
                   ? cm_raise(vm, &cm_exc_ModuleNotFoundError, "No module named %R", name)
                   : cm_raise(vm, &cm_exc_ModuleNotFoundError,
                              "No module named %R; %R is not a package", name, parent);
  if (cm_is_obj(vm->exc)) {
    cm_exc *x = CM_AS(cm_exc, vm->exc);
    if (cm_is_null(x->dict)) x->dict = cm_dict_new(vm);
    if (!cm_is_error(x->dict)) cm_dict_set_cstr(vm, x->dict, "name", name);
    else x->dict = CM_NULL;
  }
  return e;
}

/* `import a.b.c` imports a, a.b, then a.b.c, in that order (a package
   registers its submodules in vm->modules, as `os` does for os.path);
   the first one missing is the error. Returns the module named `name`. */
cm_value cm_import(cm_vm *vm, cm_value name, int level) {
  if (level > 0)
    return cm_raise(vm, &cm_exc_ImportError,
                    "attempted relative import with no known parent package");
  cm_value m = cm_dict_get(vm, vm->modules, name);
  if (!cm_is_null(m)) return m;
  const char *s = cm_str_cstr(name);
  cm_value parent = CM_NULL;
  for (const char *dot = strchr(s, '.'); dot; dot = strchr(dot + 1, '.')) {
    cm_value prefix = cm_str_new(vm, s, (size_t)(dot - s));
    if (!cm_is_error(prefix)) prefix = cm_intern_value(vm, prefix);
    if (cm_is_error(prefix) || cm_is_error(import_one(vm, prefix, parent))) return CM_ERROR;
    parent = prefix;
  }
  return import_one(vm, name, parent);
}
