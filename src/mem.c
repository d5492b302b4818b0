/*
** mem.c — the interpreter handle and every allocation it makes.
**
** All memory goes through one allocator hook per interpreter (Lua's
** lua_Alloc shape), so the byte count is exact: it backs the memory limit,
** the allocation-count limit, the usage report and OOM-injection tests.
*/
#include <stdlib.h>
#include <string.h>

#include "vm.h"

void cm_gc_adjust_threshold(cm_vm *vm); /* also used by gc.c */

static void *default_alloc(void *ud, void *ptr, size_t old, size_t n) {
  (void)ud;
  (void)old;
  if (n == 0) {
    free(ptr);
    return NULL;
  }
  return realloc(ptr, n);
}

/* vm->in_limit_error bits (mem.c's own state):
   LIMIT_RAISING  the limit is suspended while its exception is being made;
   LIMIT_MEM_HIT, LIMIT_ALLOC_HIT  the memory / allocation limit was breached
   in this run: from then on a small grace allowance lets `finally` blocks
   and the error report (message, traceback) allocate; going past the grace
   raises the limit error again. Cleared when a run begins. */
enum { LIMIT_RAISING = 1, LIMIT_MEM_HIT = 2, LIMIT_ALLOC_HIT = 4 };

/* Grace after a breach: 1/16 of the budget plus 64 KiB of memory, 1/16 of
   the budget plus 1000 allocations. */
static uint64_t mem_grace(uint64_t limit) { return limit / 16 + (64u << 10); }
static uint64_t alloc_grace(uint64_t limit) { return limit / 16 + 1000; }

/* A limit breach raises an uncatchable MemoryError. Building the exception
   needs a little memory, so the limit is suspended while it is made. */
static void raise_limit(cm_vm *vm, const char *what, int bit) {
  vm->in_limit_error |= LIMIT_RAISING | bit;
  cm_value e = cm_raise(vm, &cm_exc_MemoryError, "%s limit exceeded", what);
  vm->in_limit_error &= (uint8_t)~LIMIT_RAISING;
  (void)e;
  if (cm_is_obj(vm->exc) && vm->exc != vm->memerr)
    CM_AS(cm_exc, vm->exc)->uncatchable = 1;
}

/* Checks the limits for growing by `grow` bytes; 0 ok, -1 raised. */
static int check_limits(cm_vm *vm, size_t grow) {
  if ((vm->in_limit_error & LIMIT_RAISING) || vm->typeobj[CM_E_MemoryError] == 0)
    return 0;
  uint64_t maxm = vm->limits.max_memory;
  if (maxm) {
    if (vm->in_limit_error & LIMIT_MEM_HIT) maxm += mem_grace(maxm);
    /* written so that a huge `grow` cannot overflow */
    if (vm->mem_bytes > maxm || grow > maxm - vm->mem_bytes) {
      raise_limit(vm, "memory", LIMIT_MEM_HIT);
      return -1;
    }
  }
  uint64_t maxa = vm->limits.max_allocations;
  if (maxa) {
    if (vm->in_limit_error & LIMIT_ALLOC_HIT) maxa += alloc_grace(maxa);
    if (vm->usage.allocations >= maxa) {
      raise_limit(vm, "allocation", LIMIT_ALLOC_HIT);
      return -1;
    }
  }
  return 0;
}

static void account(cm_vm *vm, size_t old, size_t n) {
  vm->mem_bytes = vm->mem_bytes - old + n;
  if (vm->mem_bytes > vm->mem_peak) vm->mem_peak = vm->mem_bytes;
  if (vm->mem_bytes > vm->usage.memory_peak) vm->usage.memory_peak = vm->mem_bytes;
  vm->usage.memory = vm->mem_bytes;
  if (n > old) {
    vm->gc_debt += n - old;
    vm->nalloc++;
    vm->usage.allocations++;
    if (vm->limits.max_memory && vm->gc_debt > vm->gc_threshold) vm->gc_due = 1;
  }
}

static void *oom(cm_vm *vm) {
  if (vm->typeobj[CM_E_MemoryError] != 0) cm_raise_memory(vm);
  return NULL;
}

/* ---- small-block cache ------------------------------------------------
   The GC frees garbage in bulk and programs allocate many small objects;
   recycling blocks by size class avoids most trips through the host
   allocator (measured: malloc/free were a third of the strings benchmark).
   Blocks of up to CM_POOL_MAX bytes are always obtained from the hook with
   their class's rounded size, so any block of a class can serve any request
   of that class, and the hook is always told the size it handed out.
   Accounting (mem_bytes, limits) counts the bytes requested, as before;
   the cache holds at most CM_POOL_CACHE_MAX bytes, so what the process
   really holds stays close to what is reported.
   Sanitizer builds bypass the cache so use-after-free stays detectable. */
#if defined(__SANITIZE_ADDRESS__)
#define CM_POOL_ENABLED 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CM_POOL_ENABLED 0
#endif
#endif
#ifndef CM_POOL_ENABLED
#define CM_POOL_ENABLED 1
#endif

/* Cap on cached bytes. A small cache catches the churn of short-lived
   objects; a large one made sweep-heavy programs slower (the recycled
   blocks lose the address order the sweep walks in), measured on bench/. */
#ifndef CM_POOL_CACHE_MAX
#define CM_POOL_CACHE_MAX (4u << 20)
#endif

static size_t pool_class(size_t n) {
  return CM_POOL_ENABLED && n <= CM_POOL_MAX ? (n + CM_POOL_GRAIN - 1) / CM_POOL_GRAIN : 0;
}

/* Raw block from the cache or the hook; n > 0. */
static void *raw_get(cm_vm *vm, size_t n) {
  size_t c = pool_class(n);
  if (c && vm->pool_free[c]) {
    void *q = vm->pool_free[c];
    memcpy(&vm->pool_free[c], q, sizeof(void *));
    vm->pool_cached -= c * CM_POOL_GRAIN;
    return q;
  }
  return vm->alloc(vm->alloc_ud, NULL, 0, c ? c * CM_POOL_GRAIN : n);
}

static void raw_put(cm_vm *vm, void *p, size_t n) {
  size_t c = pool_class(n);
  if (c && vm->pool_cached < CM_POOL_CACHE_MAX) {
    memcpy(p, &vm->pool_free[c], sizeof(void *));
    vm->pool_free[c] = p;
    vm->pool_cached += c * CM_POOL_GRAIN;
    return;
  }
  vm->alloc(vm->alloc_ud, p, c ? c * CM_POOL_GRAIN : n, 0);
}

static void pool_release(cm_vm *vm) {
  for (size_t c = 1; c < CM_POOL_CLASSES; c++) {
    while (vm->pool_free[c]) {
      void *q = vm->pool_free[c];
      memcpy(&vm->pool_free[c], q, sizeof(void *));
      vm->alloc(vm->alloc_ud, q, c * CM_POOL_GRAIN, 0);
    }
  }
  vm->pool_cached = 0;
}

/* Resize a raw block; NULL on failure (p untouched). */
static void *raw_resize(cm_vm *vm, void *p, size_t old, size_t n) {
  if (!p) return raw_get(vm, n);
  size_t co = pool_class(old), cn = pool_class(n);
  if (!co && !cn) return vm->alloc(vm->alloc_ud, p, old, n);
  if (co && co == cn) return p; /* same class: the block already fits */
  void *q = raw_get(vm, n);
  if (!q) return NULL;
  memcpy(q, p, old < n ? old : n);
  raw_put(vm, p, old);
  return q;
}

void *cm_realloc(cm_vm *vm, void *p, size_t old, size_t n) {
  if (n == 0) {
    cm_free(vm, p, old);
    return NULL;
  }
  if (n > old && check_limits(vm, n - old) < 0) return NULL;
  void *q = raw_resize(vm, p, p ? old : 0, n);
  if (!q) return oom(vm);
  account(vm, p ? old : 0, n);
  return q;
}

void *cm_alloc(cm_vm *vm, size_t n) {
  return cm_realloc(vm, NULL, 0, n ? n : 1);
}

void cm_free(cm_vm *vm, void *p, size_t n) {
  if (!p) return;
  raw_put(vm, p, n);
  vm->mem_bytes -= n;
  vm->usage.memory = vm->mem_bytes;
}

void *cm_gc_new(cm_vm *vm, const cm_type *t, size_t size) {
  if (size > UINT32_MAX) {
    cm_raise_memory(vm);
    return NULL;
  }
  cm_obj *o = cm_alloc(vm, size);
  if (!o) return NULL;
  memset(o, 0, size);
  o->type = t;
  o->size = (uint32_t)size;
  o->gc_next = vm->objects;
  vm->objects = o;
  return o;
}

cm_vm *cm_vm_new(cmonty_alloc_fn alloc, void *ud) {
  if (!alloc) alloc = default_alloc;
  cm_vm *vm = alloc(ud, NULL, 0, sizeof *vm);
  if (!vm) return NULL;
  memset(vm, 0, sizeof *vm);
  vm->alloc = alloc;
  vm->alloc_ud = ud;
  vm->mem_bytes = sizeof *vm;
  vm->gc_threshold = 1u << 20;
  vm->limits.max_depth = 0; /* default: 1000, catchable (vm.c) */
  vm->exc = vm->handled = CM_NULL;
  vm->builtins = vm->modules = vm->main_globals = vm->prelude = CM_NULL;
  vm->empty_tuple = CM_NULL;
  vm->memerr = vm->tail_callable = vm->tail_args = vm->tail_kwargs = CM_NULL;
  if (cm_types_init(vm) < 0 || cm_builtins_init(vm) < 0) {
    cm_vm_free(vm);
    return NULL;
  }
  vm->main_globals = cm_dict_new(vm);
  if (cm_is_error(vm->main_globals) ||
      cm_dict_set_cstr(vm, vm->main_globals, "__name__",
                       cm_intern(vm, "__main__")) < 0 ||
      cm_dict_set_cstr(vm, vm->main_globals, "__builtins__", vm->builtins) < 0) {
    cm_vm_free(vm);
    return NULL;
  }
  cm_exc_clear(vm);
  return vm;
}

void cm_vm_free(cm_vm *vm) {
  if (!vm) return;
  /* Objects may own frames and buffers but never free other objects in
     their finalizers, so one pass in any order is safe. */
  cm_obj *o = vm->objects;
  while (o) {
    cm_obj *next = o->gc_next;
    if (o->type->finalize) o->type->finalize(vm, o);
    cm_free(vm, o, o->size);
    o = next;
  }
  vm->objects = NULL;
  cm_free(vm, vm->roots, vm->roots_cap * sizeof(cm_value));
  cm_free(vm, vm->interned, vm->interned ? (vm->interned_mask + 1) * sizeof(cm_str *) : 0);
  if (vm->gray) vm->alloc(vm->alloc_ud, vm->gray, vm->gray_cap * sizeof(cm_obj *), 0);
  pool_release(vm);
  vm->alloc(vm->alloc_ud, vm, sizeof *vm, 0);
}

void cm_vm_begin_run(cm_vm *vm) {
  memset(&vm->usage, 0, sizeof vm->usage);
  vm->usage.memory = vm->usage.memory_peak = vm->mem_bytes;
  vm->start_time = cm_platform_now();
  vm->depth = 0;
  vm->in_limit_error = 0;
  vm->limit_grace = 0;
  vm->gc_due = 0;
  cm_gc_adjust_threshold(vm);
}

/* Under a memory limit the GC must run before the heap reaches the limit,
   or a program whose live data fits would fail while garbage exists: the
   next collection is due after allocating half of the remaining headroom
   (at least 1/64 of the limit, so that a nearly full heap does not
   collect on every check). gc.c calls this after each collection. */
void cm_gc_adjust_threshold(cm_vm *vm) {
  uint64_t maxm = vm->limits.max_memory;
  if (!maxm) return;
  uint64_t head = vm->mem_bytes < maxm ? maxm - vm->mem_bytes : 0;
  uint64_t t = head / 2, floor = maxm / 64;
  if (t < floor) t = floor;
  if (t < vm->gc_threshold) vm->gc_threshold = t;
}
