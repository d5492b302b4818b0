/*
** range.h — the range iterator layout (range.c), public so the VM's
** FOR_ITER can step it inline.
*/
#ifndef CM_RANGE_H
#define CM_RANGE_H

#include "vm.h"

/* Fast mode (big_next == CM_NULL): yields next, next+step, ... while
   left > 0; every value fits int64 (box with cm_int_from_i64, it may not
   be a small int). Slow mode (huge bounds): big_next/big_step/big_left are
   int values stepped with cm_binop. */
typedef struct cm_range_iter {
  cm_obj hdr;
  int64_t next, step, left;
  cm_value big_next, big_step, big_left;
} cm_range_iter;

/* reversed(range) (range.c) */
cm_value cm_range_reversed(cm_vm *vm, cm_value range);
/* range(start, stop, step) from int values; step != 0 checked. */
cm_value cm_range_new(cm_vm *vm, cm_value start, cm_value stop, cm_value step);

#endif
