# Applies the host-API suspension changes to src/vm.c (idempotent).
import sys
p = sys.argv[1] if len(sys.argv) > 1 else 'src/vm.c'
s = open(p).read()
if 'cm_host_pause_call' in s:
    print('already patched'); sys.exit(0)
def rep(old, new, count=1):
    global s
    assert s.count(old) >= 1, old
    s = s.replace(old, new, count)
# 1. include
i = s.index('#include')
s = s[:i] + '#include "host.h"\n' + s[i:]
# 2. undefined globals -> NAME_LOOKUP
rep('''  if (cm_is_null(v)) return cm_raise(vm, &cm_exc_NameError, "name '%U' is not defined", name);
  fill_cache(f, arg, v, in_globals);''',
'''  if (cm_is_null(v)) {
    if (vm->host && vm->nest == 0 && cm_host_pause_name(vm, name) == CM_PAUSE) return CM_PAUSE;
    return cm_raise(vm, &cm_exc_NameError, "name '%U' is not defined", name);
  }
  fill_cache(f, arg, v, in_globals);''')
rep('''  v = cm_dict_get_str(vm, f->builtins, name);
  if (!cm_is_null(v)) return v;
  return cm_raise(vm, &cm_exc_NameError, "name '%U' is not defined", name);''',
'''  v = cm_dict_get_str(vm, f->builtins, name);
  if (!cm_is_null(v)) return v;
  if (vm->host && vm->nest == 0 && cm_host_pause_name(vm, name) == CM_PAUSE) return CM_PAUSE;
  return cm_raise(vm, &cm_exc_NameError, "name '%U' is not defined", name);''')
rep('''      v = load_global_slow(vm, f, ARG >> 1);
      CHECK(v);''', '''      v = load_global_slow(vm, f, ARG >> 1);
      CHECK(v);
      if (UNLIKELY(v == CM_PAUSE)) goto pause;''')
rep('''    cm_value v = load_name(vm, f, code->names[ARG]);
    CHECK(v);''', '''    cm_value v = load_name(vm, f, code->names[ARG]);
    CHECK(v);
    if (UNLIKELY(v == CM_PAUSE)) goto pause;''')
# 3. external function calls
rep('''    if (t == &cm_builtin_type) {
      cm_builtin *b = CM_AS(cm_builtin, callable);
''', '''    if (t == &cm_builtin_type) {
      cm_builtin *b = CM_AS(cm_builtin, callable);
      if (UNLIKELY(CM_IS_EXTFN(b->fn)) && vm->nest == 0) {
        /* host.h: pause for the host, the call's arguments popped */
        SAVE();
        retval = cm_host_pause_call(vm, callable, args, nargs, kwnames);
        CHECK(retval);
        if (retval == CM_PAUSE) {
          sp = base;
          goto pause;
        }
      }
''')
rep('''    if (cm_is_obj(callable) && cm_objptr(callable)->type == &cm_builtin_type) {
      cm_builtin *b = CM_AS(cm_builtin, callable);
      if (cm_is_null(b->self)) {
        retval = b->fn(vm, av, nargs, kwnames);''', '''    if (cm_is_obj(callable) && cm_objptr(callable)->type == &cm_builtin_type &&
        UNLIKELY(CM_IS_EXTFN(CM_AS(cm_builtin, callable)->fn)) && vm->nest == 0) {
      /* an OS call tail-called by a native (host.h) */
      SAVE();
      retval = cm_host_pause_call(vm, callable, av, nargs, kwnames);
      CHECK(retval);
      if (retval == CM_PAUSE) {
        sp = base;
        goto pause;
      }
    }
    if (cm_is_obj(callable) && cm_objptr(callable)->type == &cm_builtin_type) {
      cm_builtin *b = CM_AS(cm_builtin, callable);
      if (cm_is_null(b->self)) {
        retval = b->fn(vm, av, nargs, kwnames);''')
# 4. the pause exit, before the error label
rep('''error:
  /* An exception was raised by the instruction before ip in frame f. */''',
'''pause:
  /* host.h: save the frame (ip past the pausing instruction) and return;
     cm_vm_resume continues here. */
  SAVE();
  vm->usage.instructions = (uint64_t)((int64_t)vm->usage.instructions - trap);
  vm->trap = 0;
  return CM_PAUSE;

error:
  /* An exception was raised by the instruction before ip in frame f. */''')
# 5. resume / abort
s += '''
/* ---- host API: resuming a paused run (host.h) ---------------------------- */

cm_value cm_vm_resume(cm_vm *vm, cm_value v, bool throwing) {
  cm_frame *f = vm->frame;
  if (!f) {
    if (!throwing) cm_raise(vm, &cm_exc_RuntimeError, "no paused run");
    return CM_ERROR;
  }
  if (!throwing) {
    uint32_t insn = f->code->insns[f->pc - 1];
    *f->sp++ = v;
    if (CM_INSN_OP(insn) == CM_I_LOAD_GLOBAL && (CM_INSN_ARG(insn) & 1)) *f->sp++ = CM_NULL;
  }
  cm_value r = run(vm, f, throwing);
  finish_top_run(vm);
  return r;
}

void cm_vm_abort(cm_vm *vm) {
  cm_value exc = vm->exc;
  vm->exc = CM_NULL;
  cm_frame *f = vm->frame;
  while (f) {
    bool entry = f->entry;
    f = pop_frame_on_error(vm, f);
    vm->exc = CM_NULL;
    if (entry) break;
  }
  vm->frame = f;
  vm->exc = exc;
}
'''
open(p, 'w').write(s)
print('patched')
