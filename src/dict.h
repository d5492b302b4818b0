/*
** dict.h — dict helpers beyond vm.h's basics (dict.c), and set helpers
** (set.c).
*/
#ifndef CM_DICT_H
#define CM_DICT_H

#include "vm.h"

/* A dict view (dict_keys / dict_values / dict_items). */
typedef struct cm_dictview {
  cm_obj hdr;
  cm_value dict;
} cm_dictview;

/* Iterator over a dict or a view. `pos` indexes d->entries. */
typedef struct cm_dictiter {
  cm_obj hdr;
  cm_value dict;  /* CM_NULL when exhausted */
  size_t pos;     /* next entry (forward) / one past the next (reverse) */
  size_t used;    /* d->used at creation: size changes raise RuntimeError */
  int kind;       /* CM_DICT_KEYS / VALUES / ITEMS (reverse iterators) */
} cm_dictiter;
enum { CM_DICT_KEYS, CM_DICT_VALUES, CM_DICT_ITEMS };

/* Walks live entries: start with *pos = 0; returns 1 with *key and *val set
   (either may be NULL) and advances *pos, or 0 at the end. */
int cm_dict_next(cm_value d, size_t *pos, cm_value *key, cm_value *val);
/* Copies dict `other` into d. With dup == NULL later keys win; else the
   merge stops at the first key already in d, sets *dup to it and
   returns 1 (for `f(**a, **b)`: "got multiple values for keyword
   argument"). 0 ok, -1 error. */
int cm_dict_merge(cm_vm *vm, cm_value d, cm_value other, cm_value *dup);
/* d.update(x): dict, mapping with keys(), or iterable of pairs (nested
   iteration for Python iterators). */
int cm_dict_update(cm_vm *vm, cm_value d, cm_value x);
cm_value cm_dict_copy(cm_vm *vm, cm_value d);
/* Hash of a dict key / set element: unhashable types get CPython's
   "cannot use 'list' as a dict key (unhashable type: 'list')". */
int cm_dict_key_hash(cm_vm *vm, cm_value key, int64_t *out, const char *as);
/* Lookup with a known hash: value or CM_NULL; CM_ERROR on error. */
cm_value cm_dict_get_h(cm_vm *vm, cm_value d, cm_value key, int64_t h);
int cm_dict_set_h(cm_vm *vm, cm_value d, cm_value key, int64_t h, cm_value v);
/* Raises KeyError(key). */
cm_value cm_raise_keyerror(cm_vm *vm, cm_value key);
/* reversed(d) and reversed(view): dict.c */
cm_value cm_dict_reversed(cm_vm *vm, cm_value dict, int kind);

/* ---- sets (set.c) ---- */
/* 1 if key in set, 0 if not, -1 error. */
int cm_set_contains(cm_vm *vm, cm_value set, cm_value key);
/* Adds every item of an iterable (nested iteration if needed). */
int cm_set_update(cm_vm *vm, cm_value set, cm_value iterable);
/* Iterates a set's table: start with *pos = 0. */
int cm_set_next(cm_value set, size_t *pos, cm_value *key, int64_t *hash);
static inline bool cm_is_anyset(cm_value v) {
  return cm_is_obj(v) && (cm_objptr(v)->type == &cm_set_type ||
                          cm_objptr(v)->type == &cm_frozenset_type);
}

#endif
