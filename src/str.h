/*
** str.h — str internals shared by str.c, str_methods.c, bytes.c, format.c
** (and usable by anyone who builds strings).
**
** A str is UTF-8 (always valid) with its code point count. ASCII strings
** index in O(1). Non-ASCII strings carry a small position cache after their
** data (CM_STR_POSCACHE) so sequential s[i] loops stay linear.
*/
#ifndef CM_STR_H
#define CM_STR_H

#include "vm.h"

#define CM_STR_POSCACHE 2 /* hdr.flags: a cm_str_poscache follows data */

/* Largest str/bytes we build (1 TiB, or a quarter of the address space on
   32-bit targets): bigger requests raise MemoryError before allocating. */
#define CM_STR_MAXSIZE                                                     \
  ((size_t)(SIZE_MAX > UINT64_C(0xFFFFFFFFFF) ? UINT64_C(1) << 40          \
                                              : SIZE_MAX / 4))

typedef struct cm_str_poscache {
  size_t index, offset; /* code point `index` starts at byte `offset` */
} cm_str_poscache;

typedef struct cm_str_iter {
  cm_obj hdr;
  cm_value str;
  size_t offset; /* byte offset of the next code point */
} cm_str_iter;

#define cm_is_str(vm, v) \
  ((void)(vm), cm_is_obj(v) && cm_objptr(v)->type == &cm_str_type)

/* A new str of `size` bytes / `len` code points with undefined contents:
   the caller fills data[0..size) with valid UTF-8. NULL on error. */
cm_str *cm_str_alloc(cm_vm *vm, size_t size, size_t len);
/* From bytes known to be valid UTF-8 with `len` code points. */
cm_value cm_str_new_known(cm_vm *vm, const char *s, size_t size, size_t len);
/* A one-code-point str (chr). */
cm_value cm_str_from_cp(cm_vm *vm, uint32_t cp);
/* The empty str. */
cm_value cm_str_empty(cm_vm *vm);
/* Concatenation a + b (both str). */
cm_value cm_str_concat(cm_vm *vm, cm_value a, cm_value b);
/* Byte offset of code point index i (0 <= i <= len). */
size_t cm_str_offset(cm_str *s, size_t i);
/* Substring by code point range [i, j) (0 <= i <= j <= len). */
cm_value cm_str_sub(cm_vm *vm, cm_value s, size_t i, size_t j);
/* Hash of bytes (str and bytes share it): deterministic, never -1. */
int64_t cm_hash_bytes(const void *p, size_t n);
int64_t cm_str_hash(cm_value s);
/* repr of a str, appended to b. `ascii_only` escapes non-ASCII as ascii()
   does. */
int cm_str_repr_buf(cm_vm *vm, cm_buf *b, cm_value s, bool ascii_only);
/* ascii() of any value's repr: escapes non-ASCII code points of str r. */
cm_value cm_str_ascii_escape(cm_vm *vm, cm_value r);
/* The code point count of UTF-8 bytes known valid. */
size_t cm_utf8_count(const char *s, size_t n);
/* Appends a code point as UTF-8. */
int cm_buf_put_cp(cm_vm *vm, cm_buf *b, uint32_t cp);
/* Makes sure b has room for n more bytes. */
int cm_buf_reserve(cm_vm *vm, cm_buf *b, size_t n);
/* Finish a buffer whose code point count is already known. */
cm_value cm_buf_finish_len(cm_vm *vm, cm_buf *b, size_t len);

/* Slice indices like slice.indices(len): 0 ok, -1 error. */
int cm_strslice_indices(cm_vm *vm, cm_value slice, int64_t len,
                        int64_t *start, int64_t *stop, int64_t *step,
                        int64_t *count);
/* Optional start/end arguments of find/count/startswith... (None allowed),
   clamped like CPython. */
int cm_str_bounds(cm_vm *vm, cm_value a, cm_value b, int64_t len,
                  int64_t *start, int64_t *end);

/* Frees the intern table (call from cm_vm_free after all objects). */
void cm_str_intern_free(cm_vm *vm);

/* str methods (str_methods.c) and their table. */
extern const cm_method_def cm_str_methods[];
/* Returns the native str method table length helpers use (str.c). */
cm_value cm_str_mod(cm_vm *vm, cm_value fmt, cm_value args);

/* Byte-level search helpers (also used by bytes.c). */
int64_t cm_mem_find(const char *h, size_t hn, const char *n, size_t nn);
int64_t cm_mem_rfind(const char *h, size_t hn, const char *n, size_t nn);
int64_t cm_mem_count(const char *h, size_t hn, const char *n, size_t nn,
                     int64_t maxcount);

#endif
