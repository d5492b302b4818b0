/*
** listsort.c — the stable sort behind list.sort() and sorted().
**
** A bottom-up merge sort over a permutation of indices: insertion-sorted
** runs of RUN items, then merges that are skipped when the two halves are
** already in order (so sorted input costs n comparisons). Sorting indices
** means a failing comparison leaves the list untouched. Only `<` is used,
** like CPython. Homogeneous int / float / str keys compare without the
** generic protocol.
*/
#include "list.h"

#define RUN 16

enum { K_GENERIC, K_INT, K_FLOAT, K_STR };

typedef struct sorter {
  cm_vm *vm;
  const cm_value *keys;
  int kind;
} sorter;

static int str_lt(cm_value a, cm_value b) {
  /* UTF-8 byte order is code point order */
  cm_str *x = CM_AS(cm_str, a), *y = CM_AS(cm_str, b);
  size_t n = x->size < y->size ? x->size : y->size;
  int c = memcmp(x->data, y->data, n);
  return c < 0 || (c == 0 && x->size < y->size);
}

/* keys[i] < keys[j]: 1, 0, or -1 on error. */
static int lt(sorter *s, size_t i, size_t j) {
  cm_value a = s->keys[i], b = s->keys[j];
  switch (s->kind) {
  case K_INT: return cm_intval(a) < cm_intval(b);
  case K_FLOAT: return cm_floatval(a) < cm_floatval(b);
  case K_STR: return str_lt(a, b);
  default: return cm_compare_bool(s->vm, CM_CMP_LT, a, b);
  }
}

static int key_kind(const cm_value *keys, size_t n) {
  int k = K_GENERIC;
  for (size_t i = 0; i < n; i++) {
    int ki = cm_is_int(keys[i]) ? K_INT
             : cm_is_float(keys[i]) ? K_FLOAT
             : (cm_is_obj(keys[i]) && cm_objptr(keys[i])->type == &cm_str_type) ? K_STR
                                                                                 : K_GENERIC;
    if (ki == K_GENERIC || (i && ki != k)) return K_GENERIC;
    k = ki;
  }
  return k;
}

static int insertion_sort(sorter *s, size_t *p, size_t lo, size_t hi) {
  for (size_t i = lo + 1; i < hi; i++) {
    size_t x = p[i], j = i;
    while (j > lo) {
      int c = lt(s, x, p[j - 1]);
      if (c < 0) return -1;
      if (!c) break;
      p[j] = p[j - 1];
      j--;
    }
    p[j] = x;
  }
  return 0;
}

/* Merges p[lo..mid) and p[mid..hi) using tmp; stable (ties take left). */
static int merge(sorter *s, size_t *p, size_t *tmp, size_t lo, size_t mid, size_t hi) {
  int c = lt(s, p[mid], p[mid - 1]);
  if (c <= 0) return c; /* already ordered */
  memcpy(tmp + lo, p + lo, (mid - lo) * sizeof(size_t));
  size_t i = lo, j = mid, k = lo;
  while (i < mid && j < hi) {
    c = lt(s, p[j], tmp[i]);
    if (c < 0) {
      /* restore a valid permutation before failing */
      while (i < mid) p[k++] = tmp[i++];
      return -1;
    }
    p[k++] = c ? p[j++] : tmp[i++];
  }
  while (i < mid) p[k++] = tmp[i++];
  return 0;
}

static int sort_perm(sorter *s, size_t *p, size_t *tmp, size_t n) {
  for (size_t lo = 0; lo < n; lo += RUN)
    if (insertion_sort(s, p, lo, lo + RUN < n ? lo + RUN : n) < 0) return -1;
  for (size_t w = RUN; w < n; w *= 2)
    for (size_t lo = 0; lo + w < n; lo += 2 * w) {
      size_t hi = lo + 2 * w < n ? lo + 2 * w : n;
      if (merge(s, p, tmp, lo, lo + w, hi) < 0) return -1;
    }
  return 0;
}

static void reverse_values(cm_value *v, size_t n) {
  for (size_t i = 0, j = n; i + 1 < j; i++, j--) {
    cm_value t = v[i];
    v[i] = v[j - 1];
    v[j - 1] = t;
  }
}

/* Applies permutation p (result[i] = v[p[i]]) using tmp as scratch. */
static void permute(cm_value *v, const size_t *p, cm_value *tmp, size_t n) {
  for (size_t i = 0; i < n; i++) tmp[i] = v[p[i]];
  memcpy(v, tmp, n * sizeof(cm_value));
}

int cm_sort_values(cm_vm *vm, cm_value *items, cm_value *keys, size_t n, bool reverse) {
  if (n < 2) return 0;
  size_t per = 2 * sizeof(size_t) + sizeof(cm_value);
  if (n > SIZE_MAX / per) {
    cm_raise_memory(vm);
    return -1;
  }
  size_t bytes = n * per;
  size_t *p = cm_alloc(vm, bytes);
  if (!p) return -1;
  size_t *tmp = p + n;
  cm_value *vtmp = (cm_value *)(void *)(p + 2 * n); /* 2n size_t: 8-aligned */
  /* reverse=True keeps equal items in their original order: reverse,
     sort stably, reverse back (CPython does the same). */
  if (reverse) {
    reverse_values(items, n);
    if (keys) reverse_values(keys, n);
  }
  sorter s = {vm, keys ? keys : items, 0};
  s.kind = key_kind(s.keys, n);
  for (size_t i = 0; i < n; i++) p[i] = i;
  int rc = sort_perm(&s, p, tmp, n);
  if (rc == 0) {
    if (keys) permute(keys, p, vtmp, n);
    permute(items, p, vtmp, n);
  }
  if (reverse) {
    reverse_values(items, n);
    if (keys) reverse_values(keys, n);
  }
  cm_free(vm, p, bytes);
  return rc;
}
