/*
** format.h — the format-spec mini-language, padding, number layout,
** str.format / format_map and printf-style (%) formatting.
**
** Used by every type's __format__ (str here; int/float/complex in the
** numbers engineer's files). Typical use in a __format__ method:
**
**   cm_fmtspec fs;
**   if (cm_fmtspec_parse(vm, spec, n, "int", &fs) < 0) return CM_ERROR;
**   ... build sign / prefix / integer digits / rest ...
**   return cm_fmt_number(vm, &fs, sign, prefix, digits, ndigits, rest, nrest);
*/
#ifndef CM_FORMAT_H
#define CM_FORMAT_H

#include <stdbool.h>
#include <stdint.h>
#include "vm.h"

/* A parsed spec:
   [[fill]align][sign]["z"]["#"]["0"][width][grouping]["."[precision][grouping]][type]
   (the fractional grouping is new in 3.14). */
typedef struct cm_fmtspec {
  uint32_t fill;      /* fill code point; ' ' when not given */
  char align;         /* '<' '>' '^' '=' or 0 when not given */
  char sign;          /* '+' '-' ' ' or 0 when not given */
  bool z;             /* 'z': coerce negative zero to zero */
  bool alt;           /* '#' */
  bool zero;          /* '0' before the width (already folded into fill/align
                         when no explicit align was given: fill '0', '=') */
  bool fill_given;    /* an explicit fill character was given */
  int64_t width;      /* -1 when not given */
  char grouping;      /* ',' '_' or 0: integer-part grouping */
  char frac_grouping; /* ',' '_' or 0: fractional-part grouping (3.14) */
  int64_t precision;  /* -1 when not given */
  char type;          /* presentation type, 0 when not given */
} cm_fmtspec;

/* Parses spec[0..n) for an object of type `tname` (used in the messages).
   CPython's errors: "Invalid format specifier '...' for object of type
   'str'", "Format specifier missing precision", "Too many decimal digits in
   format string", "Cannot specify ',' with ','.", "Cannot specify both ','
   and '_'.", "Cannot specify ',' with 's'.". 0 ok, -1 error. */
int cm_fmtspec_parse(cm_vm *vm, const char *spec, size_t n, const char *tname,
                     cm_fmtspec *out);

/* Raises ValueError "Unknown format code 'x' for object of type 'tname'"
   (with CPython's \x.. form for non-printable codes). Returns -1. */
int cm_fmt_unknown_code(cm_vm *vm, char code, const char *tname);

/* Appends body (UTF-8, `body_cps` code points) padded to spec->width with
   spec->fill by spec->align (or `default_align` when none was given).
   '=' puts the padding after the first `prefix_n` bytes of body (sign and
   0x-like prefix). 0 ok, -1 error. */
int cm_fmt_pad(cm_vm *vm, cm_buf *out, const cm_fmtspec *spec,
               const char *body, size_t n, size_t body_cps,
               char default_align, size_t prefix_n);

/* Lays out a number the way CPython does and returns it as a str:
   sign ("", "-", "+", " "), prefix ("0x", ... or ""), the integer digits
   (ASCII), and the rest (".123e+05", "%", " ..." — ASCII, already
   fraction-grouped if wanted). Applies spec->grouping to the integer digits
   (every 3 digits, or 4 for types b o x X), zero padding with grouping
   ('0' fill with '=' align groups the padding zeros too), and alignment
   (default '>'). Non-numeric "digits" such as inf/nan are not grouped. */
cm_value cm_fmt_number(cm_vm *vm, const cm_fmtspec *spec, const char *sign,
                       const char *prefix, const char *digits, size_t ndigits,
                       const char *rest, size_t nrest);

/* Inserts `sep` every 3 digits into the fractional digits frac[0..n)
   (3.14's fractional grouping), appending to out. */
int cm_fmt_group_frac(cm_vm *vm, cm_buf *out, const char *frac, size_t n,
                      char sep);

/* str.__format__ semantics for a str value (types 's' and none). */
cm_value cm_str_format_spec(cm_vm *vm, cm_value s, const char *spec, size_t n);

/* fmt.format(*args, **kwargs): args/nargs positional, kwargs dict or
   CM_NULL. `mapping` (format_map) replaces kwargs when not CM_NULL. */
cm_value cm_str_format(cm_vm *vm, cm_value fmt, const cm_value *args,
                       int nargs, cm_value kwargs, cm_value mapping);

/* printf-style formatting: fmt % args, for str (is_bytes false) or bytes
   (fmt a cm_bytes; result bytes). */
cm_value cm_percent_format(cm_vm *vm, cm_value fmt, cm_value args,
                           bool is_bytes);

#endif
