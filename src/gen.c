/*
** gen.c — generator objects.
**
** A generator owns its frame. The VM resumes it without nesting from
** FOR_ITER and SEND (vm.c); everything else (next(), .send(), .throw(),
** .close(), native consumers through the iternext slot) resumes it with a
** nested run of the loop (cm_gen_resume).
*/
#include <stdio.h>
#include <string.h>

#include "frame.h"
#include "opcodes.h"

cm_value cm_gen_new(cm_vm *vm, cm_frame *f) {
  cm_gen *g = cm_gc_new(vm, &cm_generator_type, sizeof(cm_gen));
  if (!g) return CM_ERROR;
  g->frame = f;
  g->name = f->code->name;
  g->qualname = f->func ? f->func->qualname : f->code->qualname;
  g->handled = CM_NULL;
  g->retval = CM_NONE;
  g->caller_handled = CM_NULL;
  f->gen = CM_VAL(g);
  return CM_VAL(g);
}

int cm_gen_check_resume(cm_vm *vm, cm_gen *g) {
  if (g->running) {
    cm_raise(vm, &cm_exc_ValueError, "generator already executing");
    return -1;
  }
  return (g->finished || !g->frame) ? 1 : 0;
}

cm_value cm_gen_resume(cm_vm *vm, cm_value gen, cm_value sent, bool throwing, int *done) {
  cm_gen *g = CM_AS(cm_gen, gen);
  *done = 0;
  int r = cm_gen_check_resume(vm, g);
  if (r < 0) return CM_ERROR;
  if (r == 1) {
    if (throwing) return CM_ERROR; /* the thrown exception propagates */
    *done = 1;
    return CM_NONE;
  }
  cm_frame *f = g->frame;
  if (!g->started && !throwing && !cm_is_none(sent))
    return cm_raise(vm, &cm_exc_TypeError,
                    "can't send non-None value to a just-started generator");
  if (g->started && !throwing) *f->sp++ = sent;
  g->started = 1;
  g->running = 1;
  f->ret_mode = CM_RET_PUSH;
  cm_value res = cm_vm_run_frame(vm, f, throwing);
  if (cm_is_error(res)) {
    if (g->running) { /* never entered (recursion limit) */
      g->running = 0;
      if (!throwing && f->sp > cm_frame_stack(f)) f->sp--;
    }
    return CM_ERROR;
  }
  *done = g->finished;
  return res;
}

/* Is the generator suspended inside `yield from`? Returns the delegate. */
static cm_value yield_from_target(cm_gen *g) {
  cm_frame *f = g->frame;
  if (!f || !g->started || f->pc == 0) return CM_NULL;
  uint32_t insn = f->code->insns[f->pc - 1];
  if (CM_INSN_OP(insn) != CM_I_YIELD_VALUE || CM_INSN_ARG(insn) != 1) return CM_NULL;
  return f->sp[-1];
}

/* Raise an exception of type t with no arguments. */
static cm_value raise_bare(cm_vm *vm, const cm_type *t) {
  cm_value args = cm_tuple_new(vm, 0);
  if (cm_is_error(args)) return args;
  cm_value e = cm_exc_new(vm, t, args);
  if (cm_is_error(e)) return e;
  return cm_raise_value(vm, e);
}

static cm_value stop_iteration(cm_vm *vm, cm_value v) {
  if (cm_is_none(v)) return raise_bare(vm, &cm_exc_StopIteration);
  cm_value args = cm_tuple_from(vm, &v, 1);
  if (cm_is_error(args)) return args;
  cm_value e = cm_exc_new(vm, &cm_exc_StopIteration, args);
  if (cm_is_error(e)) return e;
  return cm_raise_value(vm, e);
}

static cm_value send_impl(cm_vm *vm, cm_value self, cm_value v) {
  int done;
  cm_value r = cm_gen_resume(vm, self, v, false, &done);
  if (cm_is_error(r)) return r;
  if (done) return stop_iteration(vm, r);
  return r;
}

static cm_value gen_iternext(cm_vm *vm, cm_value self) {
  int done;
  cm_value r = cm_gen_resume(vm, self, CM_NONE, false, &done);
  if (cm_is_error(r)) return r;
  if (done) {
    CM_AS(cm_gen, self)->retval = r; /* for next(): cm_gen_take_return */
    return CM_STOP;
  }
  return r;
}

static cm_value gen_next(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_check_nargs(vm, "__next__", nargs - 1, kw, 0, 0) < 0) return CM_ERROR;
  return send_impl(vm, args[0], CM_NONE);
}

/* gen.send(v). Called from bytecode, the VM loop resumes the generator in
   its own frames instead (vm.c, CM_RET_NEXT); this path serves the rest. */
cm_value cm_gen_send(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_check_nargs(vm, "generator.send", nargs - 1, kw, 1, 1) < 0) return CM_ERROR;
  return send_impl(vm, args[0], args[1]);
}

/* Throw the pending exception (vm->exc) into the generator. */
static cm_value throw_pending(cm_vm *vm, cm_value self);

/* Forward a throw to the delegate of `yield from`; CM_NULL if the frame
   itself must receive the (possibly new) pending exception. */
static cm_value throw_delegate(cm_vm *vm, cm_gen *g, cm_value sub) {
  cm_value exc = vm->exc;
  bool closing = cm_exc_matches(vm, &cm_exc_GeneratorExit);
  if (cm_is_obj(sub) && cm_objptr(sub)->type == &cm_generator_type) {
    g->running = 1;
    cm_value r;
    if (closing) {
      vm->exc = CM_NULL;
      cm_value m = cm_getattr(vm, sub, cm_intern(vm, "close"));
      r = cm_is_error(m) ? m : cm_call(vm, m, NULL, 0, CM_NULL);
      if (!cm_is_error(r)) {
        vm->exc = exc;
        r = CM_NULL;
      }
    } else {
      r = throw_pending(vm, sub);
    }
    g->running = 0;
    return r; /* a yielded value, or CM_ERROR/CM_NULL: raise in our frame */
  }
  vm->exc = CM_NULL;
  cm_value m = cm_getattr_opt(vm, sub, cm_intern(vm, closing ? "close" : "throw"));
  if (cm_is_error(m)) return CM_NULL;
  if (cm_is_null(m)) {
    vm->exc = exc;
    return CM_NULL;
  }
  g->running = 1;
  cm_value r = closing ? cm_call(vm, m, NULL, 0, CM_NULL) : cm_call(vm, m, &exc, 1, CM_NULL);
  g->running = 0;
  if (closing && !cm_is_error(r)) {
    vm->exc = exc;
    return CM_NULL;
  }
  return cm_is_error(r) ? CM_NULL : r;
}

static cm_value throw_pending(cm_vm *vm, cm_value self) {
  cm_gen *g = CM_AS(cm_gen, self);
  if (g->running) {
    vm->exc = CM_NULL;
    return cm_raise(vm, &cm_exc_ValueError, "generator already executing");
  }
  cm_value sub = yield_from_target(g);
  if (!cm_is_null(sub)) {
    cm_value r = throw_delegate(vm, g, sub);
    if (!cm_is_null(r) && !cm_is_error(r)) return r;
    /* the delegate finished: StopIteration lands in CLEANUP_THROW */
  }
  if (!g->started && g->frame) { /* never ran: just finish */
    g->finished = 1;
    cm_frame_free(vm, g->frame);
    g->frame = NULL;
    return CM_ERROR;
  }
  int done;
  cm_value r = cm_gen_resume(vm, self, CM_NONE, true, &done);
  if (cm_is_error(r)) return r;
  if (done) return stop_iteration(vm, r);
  return r;
}

static cm_value gen_throw(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_check_nargs(vm, "throw", nargs - 1, kw, 1, 3) < 0) return CM_ERROR;
  cm_value typ = args[1];
  if (nargs > 2 && !cm_is_none(args[2])) {
    /* throw(type, value): value if it is already an instance of type */
    cm_value a = args[2];
    int inst = cm_isinstance(vm, a, typ);
    if (inst < 0) return CM_ERROR;
    if (inst) {
      typ = a;
    } else {
      cm_value e = cm_call(vm, typ, &a, 1, CM_NULL);
      if (cm_is_error(e)) return e;
      typ = e;
    }
  }
  cm_raise_value(vm, typ);
  if (!cm_is_obj(vm->exc)) return CM_ERROR;
  return throw_pending(vm, args[0]);
}

static cm_value gen_close(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_check_nargs(vm, "close", nargs - 1, kw, 0, 0) < 0) return CM_ERROR;
  return cm_gen_close(vm, args[0]);
}

cm_value cm_gen_take_return(cm_vm *vm, cm_value it) {
  if (!cm_is_obj(it) || cm_objptr(it)->type != &cm_generator_type) return CM_NONE;
  cm_gen *g = CM_AS(cm_gen, it);
  cm_value v = g->retval;
  g->retval = CM_NONE;
  return cm_is_null(v) ? CM_NONE : v;
}

cm_value cm_gen_close(cm_vm *vm, cm_value self) {
  cm_gen *g = CM_AS(cm_gen, self);
  if (g->finished || !g->frame) return CM_NONE;
  if (!g->started) {
    g->finished = 1;
    cm_frame_free(vm, g->frame);
    g->frame = NULL;
    return CM_NONE;
  }
  raise_bare(vm, &cm_exc_GeneratorExit);
  cm_value r = throw_pending(vm, self);
  if (!cm_is_error(r))
    return cm_raise(vm, &cm_exc_RuntimeError, "generator ignored GeneratorExit");
  if (cm_exc_matches(vm, &cm_exc_StopIteration)) {
    cm_value v = cm_stop_iteration_value(vm, vm->exc);
    cm_exc_clear(vm);
    return v;
  }
  if (cm_exc_matches(vm, &cm_exc_GeneratorExit)) {
    cm_exc_clear(vm);
    return CM_NONE;
  }
  return CM_ERROR;
}

static cm_value gen_iter(cm_vm *vm, cm_value self) { return self; }

static cm_value gen_repr(cm_vm *vm, cm_value self) {
  cm_gen *g = CM_AS(cm_gen, self);
  char addr[32];
  snprintf(addr, sizeof addr, "0x%llx", (unsigned long long)(uintptr_t)g);
  return cm_str_printf(vm, "<generator object %U at %s>", g->qualname, addr);
}

static void gen_trace(cm_vm *vm, cm_obj *o) {
  cm_gen *g = (cm_gen *)o;
  cm_gc_mark_value(vm, g->name);
  cm_gc_mark_value(vm, g->qualname);
  cm_gc_mark_value(vm, g->handled);
  cm_gc_mark_value(vm, g->retval);
  cm_gc_mark_value(vm, g->caller_handled);
  /* A running frame is traced through vm->frame; a suspended one here. */
  if (g->frame && !g->running) cm_frame_trace(vm, g->frame);
  else if (g->frame) cm_gc_mark_obj(vm, &g->frame->code->hdr);
}

static void gen_finalize(cm_vm *vm, cm_obj *o) {
  cm_gen *g = (cm_gen *)o;
  if (g->frame) {
    cm_frame_free(vm, g->frame);
    g->frame = NULL;
  }
}

static cm_value gen_get_name(cm_vm *vm, cm_value self) { return CM_AS(cm_gen, self)->name; }
static cm_value gen_get_qualname(cm_vm *vm, cm_value self) {
  return CM_AS(cm_gen, self)->qualname;
}
static cm_value gen_get_running(cm_vm *vm, cm_value self) {
  return cm_bool(CM_AS(cm_gen, self)->running);
}
static cm_value gen_get_suspended(cm_vm *vm, cm_value self) {
  cm_gen *g = CM_AS(cm_gen, self);
  return cm_bool(g->started && !g->running && !g->finished);
}

static const cm_method_def gen_methods[] = {
    {"__next__", gen_next, 0},
    {"send", cm_gen_send, 0},
    {"throw", gen_throw, 0},
    {"close", gen_close, 0},
    {NULL, NULL, 0}};

static const cm_getset_def gen_getsets[] = {
    {"__name__", gen_get_name},
    {"__qualname__", gen_get_qualname},
    {"gi_running", gen_get_running},
    {"gi_suspended", gen_get_suspended},
    {NULL, NULL}};

const cm_type cm_generator_type = {
    .name = "generator",
    .id = CM_T_GENERATOR,
    .repr = gen_repr,
    .iter = gen_iter,
    .iternext = gen_iternext,
    .methods = gen_methods,
    .getsets = gen_getsets,
    .trace = gen_trace,
    .finalize = gen_finalize,
};
