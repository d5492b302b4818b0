/*
** func.c — Python function objects, code objects and cells.
*/
#include <stdio.h>
#include <string.h>

#include "frame.h"

/* ---- code objects ------------------------------------------------------ */

cm_code *cm_code_new(cm_vm *vm) {
  cm_code *c = cm_gc_new(vm, &cm_code_type, sizeof(cm_code));
  if (!c) return NULL;
  c->name = c->qualname = c->filename = c->source = CM_NONE;
  return c;
}

static void code_finalize(cm_vm *vm, cm_obj *o) {
  cm_code *c = (cm_code *)o;
  cm_free(vm, c->insns, c->ninsns * sizeof *c->insns);
  cm_free(vm, c->pos, c->ninsns * sizeof *c->pos);
  cm_free(vm, c->consts, c->nconsts * sizeof *c->consts);
  cm_free(vm, c->names, c->nnames * sizeof *c->names);
  cm_free(vm, c->localnames, c->nlocalsplus * sizeof *c->localnames);
  cm_free(vm, c->localkinds, c->nlocalsplus * sizeof *c->localkinds);
  cm_free(vm, c->exctable, c->nexc * sizeof *c->exctable);
  cm_free(vm, c->caches, c->ncaches * sizeof *c->caches);
  c->insns = NULL;
  c->ninsns = c->nconsts = c->nnames = c->nlocalsplus = c->nexc = 0;
  c->ncaches = 0;
}

static void code_trace(cm_vm *vm, cm_obj *o) {
  cm_code *c = (cm_code *)o;
  for (uint32_t i = 0; i < c->nconsts; i++) cm_gc_mark_value(vm, c->consts[i]);
  for (uint32_t i = 0; i < c->nnames; i++) cm_gc_mark_value(vm, c->names[i]);
  for (uint32_t i = 0; i < c->nlocalsplus; i++)
    cm_gc_mark_value(vm, c->localnames[i]);
  /* Cached globals are normally reachable from their dict; marking them
     keeps a stale entry from ever pointing at a freed object. */
  for (uint32_t i = 0; i < c->ncaches; i++) cm_gc_mark_value(vm, c->caches[i].value);
  cm_gc_mark_value(vm, c->name);
  cm_gc_mark_value(vm, c->qualname);
  cm_gc_mark_value(vm, c->filename);
  cm_gc_mark_value(vm, c->source);
}

static cm_value code_repr(cm_vm *vm, cm_value self) {
  cm_code *c = CM_AS(cm_code, self);
  char addr[32];
  snprintf(addr, sizeof addr, "0x%llx", (unsigned long long)(uintptr_t)c);
  return cm_str_printf(vm, "<code object %U at %s, file \"%U\", line %d>",
                       c->name, addr, c->filename, (int)c->firstlineno);
}

static cm_value code_get_name(cm_vm *vm, cm_value self) {
  return CM_AS(cm_code, self)->name;
}
static cm_value code_get_qualname(cm_vm *vm, cm_value self) {
  return CM_AS(cm_code, self)->qualname;
}
static cm_value code_get_filename(cm_vm *vm, cm_value self) {
  return CM_AS(cm_code, self)->filename;
}
static cm_value code_get_firstlineno(cm_vm *vm, cm_value self) {
  return cm_mkint(CM_AS(cm_code, self)->firstlineno);
}
static cm_value code_get_argcount(cm_vm *vm, cm_value self) {
  return cm_mkint(CM_AS(cm_code, self)->argcount);
}
static cm_value code_get_flags(cm_vm *vm, cm_value self) {
  return cm_mkint(CM_AS(cm_code, self)->flags);
}

static cm_value names_tuple(cm_vm *vm, cm_code *c, int kinds) {
  size_t n = 0;
  for (uint32_t i = 0; i < c->nlocalsplus; i++)
    if (c->localkinds[i] & kinds) n++;
  cm_value t = cm_tuple_new(vm, n);
  if (cm_is_error(t)) return t;
  n = 0;
  for (uint32_t i = 0; i < c->nlocalsplus; i++)
    if (c->localkinds[i] & kinds) CM_AS(cm_tuple, t)->items[n++] = c->localnames[i];
  return t;
}
static cm_value code_get_varnames(cm_vm *vm, cm_value self) {
  return names_tuple(vm, CM_AS(cm_code, self), CM_LK_LOCAL);
}
static cm_value code_get_freevars(cm_vm *vm, cm_value self) {
  return names_tuple(vm, CM_AS(cm_code, self), CM_LK_FREE);
}
static cm_value code_get_cellvars(cm_vm *vm, cm_value self) {
  return names_tuple(vm, CM_AS(cm_code, self), CM_LK_CELL);
}
static cm_value code_get_names(cm_vm *vm, cm_value self) {
  cm_code *c = CM_AS(cm_code, self);
  return cm_tuple_from(vm, c->names, c->nnames);
}
static cm_value code_get_consts(cm_vm *vm, cm_value self) {
  cm_code *c = CM_AS(cm_code, self);
  return cm_tuple_from(vm, c->consts, c->nconsts);
}

static const cm_getset_def code_getsets[] = {
    {"co_name", code_get_name},
    {"co_qualname", code_get_qualname},
    {"co_filename", code_get_filename},
    {"co_firstlineno", code_get_firstlineno},
    {"co_argcount", code_get_argcount},
    {"co_flags", code_get_flags},
    {"co_varnames", code_get_varnames},
    {"co_freevars", code_get_freevars},
    {"co_cellvars", code_get_cellvars},
    {"co_names", code_get_names},
    {"co_consts", code_get_consts},
    {NULL, NULL}};

const cm_type cm_code_type = {
    .name = "code",
    .id = CM_T_CODE,
    .repr = code_repr,
    .getsets = code_getsets,
    .trace = code_trace,
    .finalize = code_finalize,
};

/* ---- functions ---------------------------------------------------------- */

cm_value cm_func_new(cm_vm *vm, cm_code *code, cm_value globals) {
  cm_func *f = cm_gc_new(vm, &cm_function_type, sizeof(cm_func));
  if (!f) return CM_ERROR;
  f->code = code;
  f->globals = globals;
  f->builtins = vm->builtins;
  if (cm_is_obj(globals)) {
    cm_value b = cm_dict_get_cstr(vm, globals, "__builtins__");
    if (cm_is_obj(b) && cm_objptr(b)->type == &cm_dict_type) f->builtins = b;
    else if (cm_is_obj(b) && cm_objptr(b)->type == &cm_module_type)
      f->builtins = CM_AS(cm_module, b)->dict;
    if (cm_is_error(b)) cm_exc_clear(vm);
  }
  f->defaults = f->kwdefaults = f->closure = CM_NULL;
  f->dict = f->annotations = CM_NULL;
  f->name = code->name;
  f->qualname = code->qualname;
  f->doc = CM_NONE;
  f->module = CM_NONE;
  if (cm_is_obj(globals)) {
    cm_value m = cm_dict_get_cstr(vm, globals, "__name__");
    if (cm_is_error(m)) cm_exc_clear(vm);
    else if (!cm_is_null(m)) f->module = m;
  }
  return CM_VAL(f);
}

static void func_trace(cm_vm *vm, cm_obj *o) {
  cm_func *f = (cm_func *)o;
  cm_gc_mark_obj(vm, &f->code->hdr);
  cm_value vs[] = {f->globals, f->builtins, f->defaults, f->kwdefaults,
                   f->closure, f->name, f->qualname, f->doc, f->dict,
                   f->module, f->annotations};
  for (size_t i = 0; i < sizeof vs / sizeof vs[0]; i++) cm_gc_mark_value(vm, vs[i]);
}

static cm_value func_repr(cm_vm *vm, cm_value self) {
  cm_func *f = CM_AS(cm_func, self);
  char addr[32];
  snprintf(addr, sizeof addr, "0x%llx", (unsigned long long)(uintptr_t)f);
  return cm_str_printf(vm, "<function %U at %s>", f->qualname, addr);
}

static cm_value or_none(cm_value v) { return cm_is_null(v) ? CM_NONE : v; }

static cm_value func_getattr(cm_vm *vm, cm_value self, cm_value name) {
  cm_func *f = CM_AS(cm_func, self);
  const char *s = cm_str_cstr(name);
  if (s[0] == '_' && s[1] == '_') {
    if (!strcmp(s, "__name__")) return f->name;
    if (!strcmp(s, "__qualname__")) return f->qualname;
    if (!strcmp(s, "__doc__")) return f->doc;
    if (!strcmp(s, "__module__")) return f->module;
    if (!strcmp(s, "__defaults__")) return or_none(f->defaults);
    if (!strcmp(s, "__kwdefaults__")) return or_none(f->kwdefaults);
    if (!strcmp(s, "__closure__")) return or_none(f->closure);
    if (!strcmp(s, "__globals__")) return f->globals;
    if (!strcmp(s, "__builtins__")) return f->builtins;
    if (!strcmp(s, "__code__")) return CM_VAL(f->code);
    if (!strcmp(s, "__annotations__") || !strcmp(s, "__dict__")) {
      cm_value *slot = s[2] == 'a' ? &f->annotations : &f->dict;
      if (cm_is_null(*slot)) {
        cm_value d = cm_dict_new(vm);
        if (cm_is_error(d)) return d;
        *slot = d;
      }
      return *slot;
    }
    if (!strcmp(s, "__class__")) return cm_type_value(vm, &cm_function_type);
  }
  if (!cm_is_null(f->dict)) {
    cm_value v = cm_dict_get(vm, f->dict, name);
    if (!cm_is_null(v)) return v;
  }
  return cm_raise(vm, &cm_exc_AttributeError,
                  "'function' object has no attribute '%U'", name);
}

static int set_str_attr(cm_vm *vm, cm_value *slot, cm_value v, const char *what) {
  if (!cm_is_obj(v) || cm_objptr(v)->type != &cm_str_type) {
    cm_raise(vm, &cm_exc_TypeError, "%s must be set to a string object", what);
    return -1;
  }
  *slot = v;
  return 0;
}

static int func_setattr(cm_vm *vm, cm_value self, cm_value name, cm_value v) {
  cm_func *f = CM_AS(cm_func, self);
  const char *s = cm_str_cstr(name);
  if (!strcmp(s, "__name__")) return set_str_attr(vm, &f->name, v, "__name__");
  if (!strcmp(s, "__qualname__"))
    return set_str_attr(vm, &f->qualname, v, "__qualname__");
  if (cm_is_null(v)) { /* delete */
    if (!cm_is_null(f->dict) && cm_dict_del(vm, f->dict, name) == 1) return 0;
    cm_raise(vm, &cm_exc_AttributeError,
             "'function' object has no attribute '%U'", name);
    return -1;
  }
  if (!strcmp(s, "__doc__")) { f->doc = v; return 0; }
  if (!strcmp(s, "__module__")) { f->module = v; return 0; }
  if (!strcmp(s, "__defaults__")) { f->defaults = cm_is_none(v) ? CM_NULL : v; return 0; }
  if (!strcmp(s, "__kwdefaults__")) { f->kwdefaults = cm_is_none(v) ? CM_NULL : v; return 0; }
  if (cm_is_null(f->dict)) {
    cm_value d = cm_dict_new(vm);
    if (cm_is_error(d)) return -1;
    f->dict = d;
  }
  return cm_dict_set(vm, f->dict, name, v);
}

const cm_type cm_function_type = {
    .name = "function",
    .id = CM_T_FUNCTION,
    .repr = func_repr,
    .getattr = func_getattr,
    .setattr = func_setattr,
    .trace = func_trace,
};

/* ---- cells -------------------------------------------------------------- */

cm_value cm_cell_new(cm_vm *vm, cm_value v) {
  cm_cell *c = cm_gc_new(vm, &cm_cell_type, sizeof(cm_cell));
  if (!c) return CM_ERROR;
  c->value = v;
  return CM_VAL(c);
}

static void cell_trace(cm_vm *vm, cm_obj *o) {
  cm_gc_mark_value(vm, ((cm_cell *)o)->value);
}

static cm_value cell_repr(cm_vm *vm, cm_value self) {
  cm_cell *c = CM_AS(cm_cell, self);
  char addr[32], vaddr[32];
  snprintf(addr, sizeof addr, "0x%llx", (unsigned long long)(uintptr_t)c);
  if (cm_is_null(c->value)) return cm_str_printf(vm, "<cell at %s: empty>", addr);
  snprintf(vaddr, sizeof vaddr, "0x%llx",
           (unsigned long long)(cm_is_obj(c->value) ? (uintptr_t)cm_objptr(c->value)
                                                    : (uintptr_t)c->value));
  return cm_str_printf(vm, "<cell at %s: %T object at %s>", addr, c->value, vaddr);
}

static cm_value cell_get_contents(cm_vm *vm, cm_value self) {
  cm_cell *c = CM_AS(cm_cell, self);
  if (cm_is_null(c->value)) return cm_raise(vm, &cm_exc_ValueError, "Cell is empty");
  return c->value;
}

static const cm_getset_def cell_getsets[] = {
    {"cell_contents", cell_get_contents}, {NULL, NULL}};

static int cell_setattr(cm_vm *vm, cm_value self, cm_value name, cm_value v) {
  if (strcmp(cm_str_cstr(name), "cell_contents") != 0) {
    cm_raise(vm, &cm_exc_AttributeError,
             "'cell' object has no attribute '%U'", name);
    return -1;
  }
  CM_AS(cm_cell, self)->value = v; /* CM_NULL (del) empties it */
  return 0;
}

static cm_value cell_compare(cm_vm *vm, int op, cm_value a, cm_value b) {
  if (!cm_is_obj(a) || !cm_is_obj(b) || cm_objptr(a)->type != &cm_cell_type ||
      cm_objptr(b)->type != &cm_cell_type)
    return CM_NOTIMPL;
  cm_value x = CM_AS(cm_cell, a)->value, y = CM_AS(cm_cell, b)->value;
  if (cm_is_null(x) || cm_is_null(y)) {
    int ex = !cm_is_null(x), ey = !cm_is_null(y);
    switch (op) {
    case CM_CMP_EQ: return cm_bool(ex == ey);
    case CM_CMP_NE: return cm_bool(ex != ey);
    case CM_CMP_LT: return cm_bool(ex < ey);
    case CM_CMP_LE: return cm_bool(ex <= ey);
    case CM_CMP_GT: return cm_bool(ex > ey);
    default: return cm_bool(ex >= ey);
    }
  }
  return cm_compare(vm, op, x, y);
}

const cm_type cm_cell_type = {
    .name = "cell",
    .id = CM_T_CELL,
    .repr = cell_repr,
    .compare = cell_compare,
    .setattr = cell_setattr,
    .getsets = cell_getsets,
    .trace = cell_trace,
};
