/*
** prelude.c — Python-level helpers for natives that must call back into
** Python code without recursing on the C stack (see vm.h).
**
** The four parts (builtins, containers, strings, dunders) are compiled
** together, once per interpreter on first use, as a module named
** "builtins" whose file name is "<prelude>" (tracebacks hide those frames).
*/
#include <string.h>

#include "parser.h"
#include "runtime.h"

/* Compiles and runs the prelude into a fresh globals dict. */
static int prelude_load(cm_vm *vm) {
  enum { NPARTS = 4 };
  const char *parts[NPARTS] = {cm_prelude_builtins, cm_prelude_containers,
                               cm_prelude_strings, cm_prelude_dunders};
  size_t lens[NPARTS], total = 0;
  for (int i = 0; i < NPARTS; i++) total += lens[i] = strlen(parts[i]) + 1;
  char *src = cm_alloc(vm, total + 1);
  if (!src) return -1;
  size_t off = 0;
  for (int i = 0; i < NPARTS; i++) {
    memcpy(src + off, parts[i], lens[i] - 1);
    src[off + lens[i] - 1] = '\n'; /* each part may lack a final newline */
    off += lens[i];
  }
  src[off] = '\0';
  cm_value code = cm_compile(vm, src, off, "<prelude>", CM_PARSE_FILE);
  cm_free(vm, src, total + 1);
  if (cm_is_error(code)) return -1;
  cm_value g = cm_dict_new(vm);
  if (cm_is_error(g) ||
      cm_dict_set_cstr(vm, g, "__name__", cm_intern(vm, "builtins")) < 0 ||
      cm_dict_set_cstr(vm, g, "__builtins__", vm->builtins) < 0)
    return -1;
  cm_value dr = cm_builtin_new(vm, cm_dunder_result_native, "_dn_result", CM_NULL);
  if (cm_is_error(dr) || cm_dict_set_cstr(vm, g, "_dn_result", dr) < 0) return -1;
  cm_value ds = cm_builtin_new(vm, cm_op_slot_native, "_dn_slot", CM_NULL);
  if (cm_is_error(ds) || cm_dict_set_cstr(vm, g, "_dn_slot", ds) < 0) return -1;
  /* Keep the dict reachable while its code runs (the run may collect). */
  if (cm_root_push(vm, g) < 0) return -1;
  cm_value r = cm_run_code(vm, code, g);
  cm_root_pop(vm, 1);
  if (cm_is_error(r)) return -1;
  vm->prelude = g;
  return 0;
}

cm_value cm_prelude_lit(cm_vm *vm, const char *literal) {
  if (cm_is_null(vm->prelude)) return cm_prelude(vm, literal);
  cm_value name = cm_name(vm, literal);
  if (cm_is_error(name)) return name;
  cm_value f = cm_dict_get_str(vm, vm->prelude, name);
  if (cm_is_null(f)) return cm_prelude(vm, literal);
  return f;
}

cm_value cm_prelude(cm_vm *vm, const char *name) {
  if (cm_is_null(vm->prelude) && prelude_load(vm) < 0) return CM_ERROR;
  cm_value f = cm_dict_get_cstr(vm, vm->prelude, name);
  if (cm_is_error(f)) return CM_ERROR;
  if (cm_is_null(f))
    return cm_raise(vm, &cm_exc_SystemError, "prelude has no '%s'", name);
  return f;
}
