/*
** slice.h — slice objects (slice.c) and the index clamping every sequence
** type uses for a[start:stop:step].
*/
#ifndef CM_SLICE_H
#define CM_SLICE_H

#include "vm.h"

/* A new slice; any of the three may be None (CM_NULL counts as None). */
cm_value cm_slice_new(cm_vm *vm, cm_value start, cm_value stop, cm_value step);
static inline bool cm_is_slice(cm_value v) {
  return cm_is_obj(v) && cm_objptr(v)->type == &cm_slice_type;
}
/* CPython's PySlice_Unpack + AdjustIndices: clamps to [0, len] (or
   [-1, len-1] for negative steps); *slicelen is the number of items.
   Raises ValueError "slice step cannot be zero" / TypeError for non-ints. */
int cm_slice_indices(cm_vm *vm, cm_value slice, int64_t len, int64_t *start,
                     int64_t *stop, int64_t *step, int64_t *slicelen);

#endif
