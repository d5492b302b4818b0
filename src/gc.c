/*
** gc.c — tracing mark & sweep collector.
**
** Invariant: collections happen only at VM safe points (vm->nest == 0), so
** every live object is reachable from the roots below: the frames (via
** cm_vm_trace), the vm's value fields, and the explicit root stack.
** Marking uses an explicit gray stack, so deeply nested data never recurses
** on the C stack. If the gray stack cannot grow, marking falls back to
** rescanning the heap until no new object is marked (slow but bounded).
** Interned strings are weak: a dead one is freed and its finalizer drops
** it from the intern table.
*/
#include "host.h"
#include "vm.h"

void cm_gc_adjust_threshold(cm_vm *vm); /* mem.c */

void cm_gc_mark_obj(cm_vm *vm, cm_obj *o) {
  if (!o || o->marked) return;
  o->marked = 1;
  if (!o->type->trace) return;
  if (vm->ngray == vm->gray_cap) {
    /* The mark stack is GC bookkeeping, not program memory: it bypasses
       the limits (but not the allocator hook). */
    size_t cap = vm->gray_cap ? vm->gray_cap * 2 : 256;
    cm_obj **g = vm->alloc(vm->alloc_ud, vm->gray, vm->gray_cap * sizeof *g,
                           cap * sizeof *g);
    if (!g) {
      vm->gray_overflow = 1;
      return;
    }
    vm->gray = g;
    vm->gray_cap = cap;
  }
  vm->gray[vm->ngray++] = o;
}

void cm_gc_mark_value(cm_vm *vm, cm_value v) {
  if (cm_is_obj(v)) cm_gc_mark_obj(vm, cm_objptr(v));
}

static void drain(cm_vm *vm) {
  while (vm->ngray) {
    cm_obj *o = vm->gray[--vm->ngray];
    o->type->trace(vm, o);
  }
}

/* After an overflow some marked objects were never traced: trace every
   marked object again until nothing new gets marked. */
static void rescan(cm_vm *vm) {
  while (vm->gray_overflow) {
    vm->gray_overflow = 0;
    for (cm_obj *o = vm->objects; o; o = o->gc_next) {
      if (o->marked && o->type->trace) {
        o->type->trace(vm, o);
        drain(vm);
      }
    }
  }
}

static void mark_roots(cm_vm *vm) {
  for (int i = 0; i < CM_T_NBUILTIN; i++) cm_gc_mark_value(vm, vm->typeobj[i]);
  cm_value fields[] = {vm->builtins, vm->modules, vm->main_globals, vm->prelude,
                       vm->memerr, vm->exc, vm->handled, vm->tail_callable, vm->empty_tuple,
                       vm->tail_args, vm->tail_kwargs};
  for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
    cm_gc_mark_value(vm, fields[i]);
  for (size_t i = 0; i < vm->nroots; i++) cm_gc_mark_value(vm, vm->roots[i]);
  cm_vm_trace(vm);
  cm_host_trace(vm); /* host API: handles, programs, paused run (host.c) */
}

static void sweep(cm_vm *vm) {
  cm_obj **link = &vm->objects;
  while (*link) {
    cm_obj *o = *link;
    if (o->marked) {
      o->marked = 0;
      link = &o->gc_next;
    } else {
      *link = o->gc_next;
      if (o->type->finalize) o->type->finalize(vm, o);
      cm_free(vm, o, o->size);
    }
  }
}

void cm_gc_collect(cm_vm *vm) {
  mark_roots(vm);
  drain(vm);
  rescan(vm);
  sweep(vm);
  vm->gc_debt = 0;
  /* Next collection after allocating twice the live heap (at least
     4 MiB): each collection's cost (proportional to the heap) is then paid
     for by as much new allocation, and the heap stays within ~3x live. */
  uint64_t next = 2 * vm->mem_bytes;
  vm->gc_threshold = next < (4u << 20) ? (4u << 20) : next;
  cm_gc_adjust_threshold(vm); /* mem.c: earlier under a memory limit */
}

int cm_root_push(cm_vm *vm, cm_value v) {
  if (vm->nroots == vm->roots_cap) {
    size_t cap = vm->roots_cap ? vm->roots_cap * 2 : 16;
    cm_value *r = cm_realloc(vm, vm->roots, vm->roots_cap * sizeof *r, cap * sizeof *r);
    if (!r) return -1;
    vm->roots = r;
    vm->roots_cap = cap;
  }
  vm->roots[vm->nroots++] = v;
  return 0;
}

void cm_root_pop(cm_vm *vm, size_t n) { vm->nroots -= n; }
