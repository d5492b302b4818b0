/*
** frame.h — execution frames (heap data owned by the VM or a generator).
**
** A frame holds the local slots (arguments, locals, cells, free vars:
** code->nlocalsplus of them) followed by the value stack
** (code->stacksize). Frames are linked by `prev` to their caller; the
** innermost is vm->frame. Python-to-Python calls push a frame and continue
** in the same C loop (vm.c), so they never grow the C stack.
*/
#ifndef CM_FRAME_H
#define CM_FRAME_H

#include "code.h"
#include "vm.h"

/* What the caller does when this frame returns or yields (vm.c). */
enum {
  CM_RET_PUSH = 0, /* push the result, continue (a call, or a resumption) */
  CM_RET_FOR = 1,  /* resumed by FOR_ITER: return = iterator exhausted */
  CM_RET_SEND = 2, /* resumed by SEND: return = the `yield from` result */
  CM_RET_REDO = 3, /* prelude helper run for the caller's instruction: the
                      result replaces the caller's top of stack and that
                      instruction runs again (vm.c, iterate_in_python) */
  CM_RET_NEXT = 4, /* stepped by next(g[, default]) from a CALL: the
                      caller's top slot holds the default (or CM_NULL); a
                      yield replaces it, a return keeps the default or
                      raises StopIteration(value) at the call */
  CM_RET_DUNDER = 5 /* CM_RET_DUNDER + kind: a user dunder run for the
                       caller's instruction (vm.c, run_dunder); its result
                       is used as the CM_DK_* kind says (vm.h) */
};

struct cm_frame {
  cm_frame *prev;     /* caller (NULL for a suspended generator frame) */
  cm_func *func;      /* NULL for module code */
  cm_code *code;
  cm_value globals;   /* dict */
  cm_value builtins;  /* dict */
  cm_value locals;    /* class body namespace (dict) or CM_NULL */
  cm_value gen;       /* the generator owning this frame, or CM_NULL */
  cm_value *sp;       /* saved stack pointer (valid while not running) */
  uint32_t pc;        /* index of the next instruction */
  uint32_t nslots;    /* nlocalsplus + stacksize */
  uint8_t entry;      /* a nested run started here: return to C */
  uint8_t ret_mode;   /* CM_RET_* */
  uint8_t pooled;     /* allocated from the vm's frame pool */
  uint8_t hide;       /* inlined comprehension: no traceback entry */
  cm_value slots[];   /* locals, then the value stack */
};

static inline cm_value *cm_frame_stack(cm_frame *f) {
  return f->slots + f->code->nlocalsplus;
}

/* Frame pool and frames (vm.c). cm_frame_new fills code/func/globals and
   sets every slot to CM_NULL; pooled frames are freed by cm_frame_release. */
cm_frame *cm_frame_new(cm_vm *vm, cm_code *code, bool pooled);
void cm_frame_release(cm_vm *vm, cm_frame *f);

/* Bind call arguments into a fresh frame's slots (vm.c): positional
   args[0..nargs), then len(kwnames) keyword values. 0 or -1 (TypeError). */
int cm_frame_bind(cm_vm *vm, cm_frame *f, cm_func *fn, const cm_value *args,
                  int nargs, cm_value kwnames);

/* Run the loop until the entry frame `f` returns or yields (vm.c). The
   frame is linked above vm->frame and counted in vm->depth; with
   `throwing`, vm->exc is raised at its current instruction. */
cm_value cm_vm_run_frame(cm_vm *vm, cm_frame *f, bool throwing);

/* Generators (gen.c). */
typedef struct cm_gen {
  cm_obj hdr;
  cm_frame *frame;    /* NULL once finished */
  cm_value name, qualname;
  cm_value handled;   /* exception being handled inside, while suspended */
  uint8_t running;
  uint8_t started;
  uint8_t finished;
  uint8_t owned;      /* made by a for statement's own call: closed on break */
  cm_value retval;    /* return value after finishing via iternext */
  cm_value caller_handled; /* the resumer's handled exception, while running */
} cm_gen;

cm_value cm_gen_new(cm_vm *vm, cm_frame *f);
/* Resume gen with `sent` (or throw vm->exc if `throwing`) in a nested run:
   the yielded value (*done = 0), the return value (*done = 1), or
   CM_ERROR. */
cm_value cm_gen_resume(cm_vm *vm, cm_value gen, cm_value sent, bool throwing,
                       int *done);
/* Checks before resuming (already executing / finished); 0 ok, -1 raised,
   1 finished (raise StopIteration yourself). */
int cm_gen_check_resume(cm_vm *vm, cm_gen *g);
/* The native of gen.send (args[0] the generator): vm.c recognises it. */
cm_value cm_gen_send(cm_vm *vm, const cm_value *args, int nargs, cm_value kw);
/* gen.close(): None / the return value, or CM_ERROR. */
cm_value cm_gen_close(cm_vm *vm, cm_value gen);

/* Functions and code objects (func.c). */
cm_value cm_func_new(cm_vm *vm, cm_code *code, cm_value globals);
cm_value cm_cell_new(cm_vm *vm, cm_value v);
cm_code *cm_code_new(cm_vm *vm);

#endif
