/*
** list.h — lists, tuples and the generic iterators (list.c, listsort.c,
** tuple.c, iter.c): helpers other files may use beyond vm.h's basics.
*/
#ifndef CM_LIST_H
#define CM_LIST_H

#include "vm.h"

/* hdr.flags bit of list/tuple/dict/set objects whose repr is in progress:
   a container met again while printing itself shows as [...] / {...}. */
#define CM_FLAG_IN_REPR 0x80

/* Iterator over a list or tuple (cm_list_iter_type, cm_tuple_iter_type,
   cm_list_reviter_type). `seq` becomes CM_NULL once exhausted. For
   reversed lists `i` counts down and is the index of the next item + 1.
   The VM's FOR_ITER may read these fields directly. */
typedef struct cm_seqiter {
  cm_obj hdr;
  cm_value seq;
  size_t i;
} cm_seqiter;

/* ---- lists (list.c) ---- */
/* list.extend(iterable) for any iterable; may run Python code nested. */
int cm_list_extend(cm_vm *vm, cm_value list, cm_value iterable);
/* Any iterable -> new list; may run Python code nested (use only where a
   tail call is impossible). */
cm_value cm_list_from_iterable(cm_vm *vm, cm_value it);
/* Grows capacity to at least `need` items; -1 on MemoryError. */
int cm_list_reserve(cm_vm *vm, cm_value list, size_t need);
/* list.sort(key=key, reverse=reverse) — key may be CM_NONE/CM_NULL. Returns
   None (or the list itself when `ret_list`, for sorted()), CM_ERROR, or
   CM_TAILCALL when a Python key function must be applied (the prelude
   computes the keys, then the sort finishes natively). */
cm_value cm_list_sort(cm_vm *vm, cm_value list, cm_value key, bool reverse,
                      bool ret_list);
/* Stable in-place sort of items[0..n) by keys[0..n) (keys may be NULL:
   the items are their own keys). listsort.c. */
int cm_sort_values(cm_vm *vm, cm_value *items, cm_value *keys, size_t n,
                   bool reverse);
/* Lexicographic rich comparison of two lists or two tuples. */
cm_value cm_seq_compare(cm_vm *vm, int op, cm_value a, cm_value b);
/* Items of a list or tuple (NULL for anything else); re-read after any
   call that may run Python code, a list may have been resized. */
cm_value *cm_seq_items(cm_value v, size_t *n);
/* Normalizes a sequence index (int or __index__), negative from the end;
   raises IndexError "<what> index out of range" unless 0 <= i < len.
   Non-index keys: TypeError "<what> indices must be integers or slices,
   not T". */
int cm_seq_index(cm_vm *vm, cm_value key, int64_t len, const char *what,
                 int64_t *out);
/* Is iterating over `v` guaranteed not to run Python code? (built-in
   containers, and iterators of a CM_TF_ITERATOR type). */
bool cm_iterable_is_native(cm_vm *vm, cm_value v);
/* Tail-calls prelude `ct_relist(f, args, which, kw)`: calls
   f(*args, **kw) after materializing args[i] for i in `which` (a bitmask
   over the first 31 positional args) into lists — used by natives handed
   a non-native iterable (a generator, say), so that iterating it can
   pause. kwnames/values as in the vectorcall convention. */
cm_value cm_tail_relist(cm_vm *vm, cm_value f, const cm_value *args, int nargs,
                        cm_value kwnames, uint32_t which);
/* A native function object callable from the prelude (not a builtin). */
cm_value cm_native_helper(cm_vm *vm, cm_native_fn fn, const char *name);

/* Shared iterator pieces (list.c). */
cm_value cm_seqiter_new(cm_vm *vm, const cm_type *t, cm_value seq, size_t i);
cm_value cm_iter_self(cm_vm *vm, cm_value self); /* iter slot of iterators */
void cm_seqiter_trace(cm_vm *vm, cm_obj *o);
cm_value cm_list_reversed(cm_vm *vm, cm_value list); /* reversed(list) */
/* list/tuple .index(x[, start[, stop]]) and .count(x); `what` is the type
   name for the error message. */
cm_value cm_seq_find(cm_vm *vm, const cm_value *args, int nargs, cm_value kw,
                     const char *what);
cm_value cm_seq_count(cm_vm *vm, const cm_value *args, int nargs, cm_value kw);
/* seq * n helpers shared with tuple.c: the repeat count of `v` (1 ok,
   0 not an int, -1 error), and the TypeError for a non-int count. */
int cm_repeat_count(cm_vm *vm, cm_value v, int64_t *out);
cm_value cm_seq_mul_error(cm_vm *vm, cm_value other);

/* Argument-count checks for methods, with CPython's exact messages.
   nargs excludes self. cm_arity_o: "list.append() takes exactly one
   argument (0 given)"; cm_arity_none: "dict.copy() takes no arguments (1
   given)"; cm_arity: "pop expected at most 1 argument, got 2". All reject
   keyword arguments ("pop() takes no keyword arguments"). */
int cm_arity_o(cm_vm *vm, const char *name, int nargs, cm_value kw);
int cm_arity_none(cm_vm *vm, const char *name, int nargs, cm_value kw);
int cm_arity(cm_vm *vm, const char *name, int nargs, cm_value kw, int min, int max);
static inline bool cm_has_kw(cm_value kw) {
  return !cm_is_null(kw) && CM_AS(cm_tuple, kw)->n > 0;
}

/* ---- generic iterators (iter.c) ---- */
/* iter(obj) for an object with __getitem__ but no __iter__. */
cm_value cm_seq_iter_new(cm_vm *vm, cm_value seq);
/* iter(f, sentinel): a native callable_iterator when f is a built-in, else
   CM_TAILCALL to a prelude generator (so a Python f can pause). */
cm_value cm_call_iter_new(cm_vm *vm, cm_value f, cm_value sentinel);

/* ---- tuples (tuple.c) ---- */
cm_value cm_tuple_from_list(cm_vm *vm, cm_value list);
/* CPython's xxHash-based tuple hash over n item hashes (slices use it
   without mixing in the length: addlen false). */
int cm_hash_items(cm_vm *vm, const cm_value *items, size_t n, bool addlen,
                  int64_t *out);

/* ---- repr helper shared by containers (list.c) ---- */
/* Appends "repr(x0), repr(x1)..." for the items of list/tuple `seq`. */
int cm_repr_items(cm_vm *vm, cm_buf *b, cm_value seq);
/* hash slot of unhashable types: TypeError "unhashable type: 'T'". */
int cm_hash_unhashable(cm_vm *vm, cm_value self, int64_t *out);

#endif
