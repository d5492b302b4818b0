/*
** bytes.h — bytes and bytearray internals (bytes.c), and the codecs shared
** with str (utf-8, ascii, latin-1).
*/
#ifndef CM_BYTES_H
#define CM_BYTES_H

#include "vm.h"

/* bytearray: a growable buffer. data may be NULL when cap == 0. */
typedef struct cm_bytearray {
  cm_obj hdr;
  size_t size, cap;
  uint8_t *data;
} cm_bytearray;

typedef struct cm_bytes_iter {
  cm_obj hdr;
  cm_value seq; /* bytes or bytearray */
  size_t index;
} cm_bytes_iter;

#define cm_is_bytes(vm, v) \
  ((void)(vm), cm_is_obj(v) && cm_objptr(v)->type == &cm_bytes_type)

/* New bytes copied from p[0..n) / uninitialized of size n. */
cm_value cm_bytes_new(cm_vm *vm, const void *p, size_t n);
cm_bytes *cm_bytes_alloc(cm_vm *vm, size_t n);
/* Turns a buffer into bytes and frees the buffer. */
cm_value cm_bytes_from_buf(cm_vm *vm, cm_buf *b);
/* bytes-like (bytes or bytearray): sets *p and *n and returns true. */
bool cm_bytes_view(cm_vm *vm, cm_value v, const uint8_t **p, size_t *n);
/* repr of bytes data: b'...' (prefix e.g. "b" ; bytearray wraps it). */
int cm_bytes_repr_buf(cm_vm *vm, cm_buf *b, const uint8_t *p, size_t n);

/* Codecs. cm_codec_lookup: 0 utf-8, 1 ascii, 2 latin-1, -1 unknown.
   cm_errors_lookup: 0 strict, 1 ignore, 2 replace, 3 backslashreplace,
   4 xmlcharrefreplace, 5 surrogateescape, -1 unknown. */
int cm_codec_lookup(const char *name);
int cm_errors_lookup(const char *name);
/* str.encode(encoding, errors) (CM_NULL = default) -> bytes */
cm_value cm_str_encode(cm_vm *vm, cm_value s, cm_value enc, cm_value err);
/* bytes.decode -> str; encoding/errors are str or CM_NULL */
cm_value cm_str_decode_bytes(cm_vm *vm, const uint8_t *p, size_t n,
                             cm_value encoding, cm_value errors);

#endif
