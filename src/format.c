/*
** format.c — the format-spec mini-language, padding and number layout
** helpers, str.__format__, str.format/format_map and printf-style (%)
** formatting for str and bytes.
*/
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "format.h"
#include "str.h"
#include "bytes.h"
#include "unicode.h"

/* ---- spec parsing ------------------------------------------------------- */

static bool is_align(uint32_t c) {
  return c == '<' || c == '>' || c == '^' || c == '=';
}

/* "'x'" or "'\x01'" for messages about a presentation type */
static void code_text(char code, char out[8]) {
  unsigned char c = (unsigned char)code;
  if (c >= 32 && c < 127) snprintf(out, 8, "'%c'", c);
  else snprintf(out, 8, "'\\x%02x'", c);
}

int cm_fmt_unknown_code(cm_vm *vm, char code, const char *tname) {
  char t[8];
  code_text(code, t);
  cm_raise(vm, &cm_exc_ValueError,
           "Unknown format code %s for object of type '%s'", t, tname);
  return -1;
}

static int parse_digits(cm_vm *vm, const char *s, size_t n, size_t *i,
                        int64_t *out) {
  int64_t v = 0;
  size_t st = *i;
  while (*i < n && s[*i] >= '0' && s[*i] <= '9') {
    if (v > (INT64_MAX - 9) / 10 / 1000000) { /* CPython's ssize_t bound */
      cm_raise(vm, &cm_exc_ValueError,
               "Too many decimal digits in format string");
      return -1;
    }
    v = v * 10 + (s[*i] - '0');
    (*i)++;
  }
  *out = *i > st ? v : -1;
  return 0;
}

static int grouping_error(cm_vm *vm, char a, char b) {
  if (a == b)
    cm_raise(vm, &cm_exc_ValueError, "Cannot specify '%c' with '%c'.", a, b);
  else
    cm_raise(vm, &cm_exc_ValueError, "Cannot specify both ',' and '_'.");
  return -1;
}

static int parse_grouping(cm_vm *vm, const char *s, size_t n, size_t *i,
                          char *out) {
  *out = 0;
  if (*i < n && (s[*i] == ',' || s[*i] == '_')) {
    *out = s[(*i)++];
    if (*i < n && (s[*i] == ',' || s[*i] == '_'))
      return grouping_error(vm, *out, s[*i]);
  }
  return 0;
}

static int check_grouping_type(cm_vm *vm, char g, char type) {
  if (!g) return 0;
  switch (type) {
  case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%':
  case 'F': case 0:
    return 0;
  case 'b': case 'o': case 'x': case 'X':
    if (g == '_') return 0;
    /* fall through */
  default: {
    char t[8];
    code_text(type, t);
    cm_raise(vm, &cm_exc_ValueError, "Cannot specify '%c' with %s.", g, t);
    return -1;
  }
  }
}

int cm_fmtspec_parse(cm_vm *vm, const char *s, size_t n, const char *tname,
                     cm_fmtspec *f) {
  memset(f, 0, sizeof *f);
  f->fill = ' ';
  f->width = f->precision = -1;
  size_t i = 0;
  if (n > 0) { /* [[fill]align]: the fill may be any code point */
    size_t adv = cm_utf8_seqlen((unsigned char)s[0]);
    if (adv < n && is_align((unsigned char)s[adv])) {
      f->fill = cm_utf8_get((const unsigned char *)s, &adv);
      f->fill_given = true;
      f->align = s[adv];
      i = adv + 1;
    } else if (is_align((unsigned char)s[0])) {
      f->align = s[0];
      i = 1;
    }
  }
  if (i < n && (s[i] == '+' || s[i] == '-' || s[i] == ' ')) f->sign = s[i++];
  if (i < n && s[i] == 'z') { f->z = true; i++; }
  if (i < n && s[i] == '#') { f->alt = true; i++; }
  if (i < n && s[i] == '0') {
    f->zero = true;
    if (!f->fill_given) f->fill = '0';
    i++;
  }
  if (parse_digits(vm, s, n, &i, &f->width) < 0) return -1;
  if (parse_grouping(vm, s, n, &i, &f->grouping) < 0) return -1;
  if (i < n && s[i] == '.') {
    i++;
    if (parse_digits(vm, s, n, &i, &f->precision) < 0) return -1;
    if (parse_grouping(vm, s, n, &i, &f->frac_grouping) < 0) return -1;
    if (f->precision < 0 && !f->frac_grouping) {
      cm_raise(vm, &cm_exc_ValueError, "Format specifier missing precision");
      return -1;
    }
  }
  if (n - i > 1) {
    cm_value sv = cm_str_new(vm, s, n);
    if (sv == CM_ERROR) return -1;
    cm_raise(vm, &cm_exc_ValueError,
             "Invalid format specifier '%U' for object of type '%s'", sv, tname);
    return -1;
  }
  if (i < n) f->type = s[i];
  if (check_grouping_type(vm, f->grouping, f->type) < 0) return -1;
  return check_grouping_type(vm, f->frac_grouping, f->type);
}

/* ---- padding ------------------------------------------------------------ */

static int put_fill(cm_vm *vm, cm_buf *out, uint32_t fill, int64_t k) {
  char f[4];
  size_t fl = cm_utf8_encode(fill, f);
  if (cm_buf_reserve(vm, out, (size_t)k * fl) < 0) return -1;
  for (int64_t i = 0; i < k; i++) cm_buf_put(vm, out, f, fl);
  return 0;
}

int cm_fmt_pad(cm_vm *vm, cm_buf *out, const cm_fmtspec *spec,
               const char *body, size_t n, size_t body_cps,
               char default_align, size_t prefix_n) {
  char align = spec->align ? spec->align : default_align;
  int64_t padn = spec->width > (int64_t)body_cps
                     ? spec->width - (int64_t)body_cps : 0;
  if (padn > ((int64_t)1 << 36)) {
    cm_raise_memory(vm);
    return -1;
  }
  int64_t left = 0, right = 0;
  switch (align) {
  case '<': right = padn; break;
  case '^': left = padn / 2; right = padn - left; break;
  default: left = padn; break;
  }
  if (align == '=') {
    if (cm_buf_put(vm, out, body, prefix_n) < 0) return -1;
    body += prefix_n;
    n -= prefix_n;
  }
  if (put_fill(vm, out, spec->fill, left) < 0) return -1;
  if (cm_buf_put(vm, out, body, n) < 0) return -1;
  return put_fill(vm, out, spec->fill, right);
}

/* ---- numbers ------------------------------------------------------------- */

/* Appends digits[0..n) grouped by `sep` every `every` digits, zero-extended
   to at least min_width characters (never starting with a separator). */
static int group_digits(cm_vm *vm, cm_buf *out, const char *digits, size_t n,
                        char sep, int every, int64_t min_width) {
  /* built right to left in a scratch buffer, then reversed into out */
  cm_buf t = {0};
  int64_t count = 0;
  int rc = 0;
  for (size_t i = n; i > 0 && rc == 0; i--) {
    if (sep && count > 0 && count % every == 0) rc = cm_buf_putc(vm, &t, sep);
    if (rc == 0) rc = cm_buf_putc(vm, &t, digits[i - 1]);
    count++;
  }
  while (rc == 0 && (int64_t)t.len < min_width) {
    if (sep && count > 0 && count % every == 0) {
      rc = cm_buf_putc(vm, &t, sep);
      if (rc == 0 && (int64_t)t.len >= min_width) rc = cm_buf_putc(vm, &t, '0'), count++;
      if (rc == 0 && (int64_t)t.len >= min_width) break;
    }
    if (rc == 0) rc = cm_buf_putc(vm, &t, '0');
    count++;
  }
  if (rc == 0) rc = cm_buf_reserve(vm, out, t.len);
  for (size_t i = t.len; rc == 0 && i > 0; i--) out->data[out->len++] = t.data[i - 1];
  cm_buf_free(vm, &t);
  return rc;
}

cm_value cm_fmt_number(cm_vm *vm, const cm_fmtspec *spec, const char *sign,
                       const char *prefix, const char *digits, size_t ndigits,
                       const char *rest, size_t nrest) {
  cm_fmtspec f = *spec;
  if (!f.align && f.zero) f.align = '=';
  if (!f.align) f.align = '>';
  size_t ns = strlen(sign), np = strlen(prefix);
  int every = (f.type == 'b' || f.type == 'o' || f.type == 'x' ||
               f.type == 'X') ? 4 : 3;
  int64_t minw = 0;
  if (f.fill == '0' && f.align == '=' && f.width > 0)
    minw = f.width - (int64_t)(ns + np + nrest);
  cm_buf body = {0};
  int rc = cm_buf_puts(vm, &body, sign);
  if (rc == 0) rc = cm_buf_puts(vm, &body, prefix);
  /* no digits (inf, nan as digits or rest): zero padding is not grouped */
  bool numeric = ndigits && ((digits[0] >= '0' && digits[0] <= '9') ||
                             ((digits[0] | 32) >= 'a' && (digits[0] | 32) <= 'f' &&
                              every == 4));
  char sep = numeric ? f.grouping : 0;
  if (rc == 0) rc = group_digits(vm, &body, digits, ndigits, sep, every, minw);
  if (rc == 0) rc = cm_buf_put(vm, &body, rest, nrest);
  cm_buf out = {0};
  if (rc == 0)
    rc = cm_fmt_pad(vm, &out, &f, body.data, body.len, body.len, '>', ns + np);
  cm_buf_free(vm, &body);
  if (rc < 0) {
    cm_buf_free(vm, &out);
    return CM_ERROR;
  }
  return cm_buf_finish(vm, &out);
}

int cm_fmt_group_frac(cm_vm *vm, cm_buf *out, const char *frac, size_t n,
                      char sep) {
  for (size_t i = 0; i < n; i++) {
    if (sep && i > 0 && i % 3 == 0 && cm_buf_putc(vm, out, sep) < 0) return -1;
    if (cm_buf_putc(vm, out, frac[i]) < 0) return -1;
  }
  return 0;
}

/* ---- str.__format__ ------------------------------------------------------- */

cm_value cm_str_format_spec(cm_vm *vm, cm_value s, const char *spec,
                            size_t n) {
  if (n == 0) return s;
  cm_fmtspec f;
  if (cm_fmtspec_parse(vm, spec, n, "str", &f) < 0) return CM_ERROR;
  /* str's default presentation type is 's' (CPython parses with it) */
  if ((f.grouping || f.frac_grouping) && (!f.type || f.type == 's')) {
    cm_raise(vm, &cm_exc_ValueError, "Cannot specify '%c' with 's'.",
             f.grouping ? f.grouping : f.frac_grouping);
    return CM_ERROR;
  }
  if (f.type && f.type != 's') {
    cm_fmt_unknown_code(vm, f.type, "str");
    return CM_ERROR;
  }
  if (f.sign == ' ')
    return cm_raise(vm, &cm_exc_ValueError,
                    "Space not allowed in string format specifier");
  if (f.sign)
    return cm_raise(vm, &cm_exc_ValueError,
                    "Sign not allowed in string format specifier");
  if (f.z)
    return cm_raise(vm, &cm_exc_ValueError, "Negative zero coercion (z) not "
                    "allowed in string format specifier");
  if (f.alt)
    return cm_raise(vm, &cm_exc_ValueError,
                    "Alternate form (#) not allowed in string format specifier");
  if (f.align == '=')
    return cm_raise(vm, &cm_exc_ValueError,
                    "'=' alignment not allowed in string format specifier");
  cm_str *o = CM_AS(cm_str, s);
  size_t len = o->len, size = o->size;
  if (f.precision >= 0 && (size_t)f.precision < len) {
    len = (size_t)f.precision;
    size = cm_str_offset(o, len);
  }
  if ((int64_t)len >= f.width && size == o->size) return s;
  cm_buf out = {0};
  if (cm_fmt_pad(vm, &out, &f, o->data, size, len, '<', 0) < 0) {
    cm_buf_free(vm, &out);
    return CM_ERROR;
  }
  return cm_buf_finish(vm, &out);
}

/* ---- str.format ------------------------------------------------------------- */

typedef struct fmt_ctx {
  const cm_value *args;
  int nargs;
  cm_value kwargs, mapping;
  int auto_idx; /* next automatic index; -1 once manual numbering is used */
  bool manual;
} fmt_ctx;

static cm_value fmt_error(cm_vm *vm, const char *msg) {
  return cm_raise(vm, &cm_exc_ValueError, "%s", msg);
}

static bool all_digits(const char *s, size_t n) {
  if (n == 0) return false;
  for (size_t i = 0; i < n; i++)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

static cm_value digits_value(cm_vm *vm, const char *s, size_t n) {
  if (n < 15) {
    int64_t v = 0;
    for (size_t i = 0; i < n; i++) v = v * 10 + (s[i] - '0');
    return cm_mkint(v);
  }
  return cm_int_from_str(vm, s, n, 10);
}

/* The object named by the first part of a field name. */
static cm_value field_first(cm_vm *vm, fmt_ctx *c, const char *s, size_t n) {
  if (n == 0 || all_digits(s, n)) {
    int64_t idx;
    if (n == 0) {
      if (c->manual)
        return fmt_error(vm, "cannot switch from manual field specification "
                         "to automatic field numbering");
      idx = c->auto_idx++;
    } else {
      if (c->auto_idx > 0)
        return fmt_error(vm, "cannot switch from automatic field numbering "
                         "to manual field specification");
      c->manual = true;
      cm_value iv = digits_value(vm, s, n);
      if (iv == CM_ERROR) return iv;
      idx = cm_is_int(iv) ? cm_intval(iv) : INT64_MAX;
    }
    if (c->mapping != CM_NULL || idx >= c->nargs) {
      if (c->mapping != CM_NULL)
        return cm_raise(vm, &cm_exc_ValueError,
                        "Format string contains positional fields");
      return cm_raise(vm, &cm_exc_IndexError, "Replacement index %lld out of "
                      "range for positional args tuple", (long long)idx);
    }
    return c->args[idx];
  }
  cm_value key = cm_str_new(vm, s, n);
  if (key == CM_ERROR) return key;
  if (c->mapping != CM_NULL) return cm_getitem(vm, c->mapping, key);
  cm_value v = c->kwargs == CM_NULL ? CM_NULL : cm_dict_get(vm, c->kwargs, key);
  if (v == CM_NULL) {
    cm_value t = cm_tuple_from(vm, &key, 1);
    if (t == CM_ERROR) return t;
    cm_value e = cm_exc_new(vm, &cm_exc_KeyError, t);
    if (e == CM_ERROR) return e;
    return cm_raise_value(vm, e);
  }
  return v;
}

/* Resolves "name.attr[key]..." */
static cm_value field_lookup(cm_vm *vm, fmt_ctx *c, const char *s, size_t n) {
  size_t i = 0;
  while (i < n && s[i] != '.' && s[i] != '[') i++;
  cm_value obj = field_first(vm, c, s, i);
  while (obj != CM_ERROR && i < n) {
    if (s[i] == '.') {
      size_t j = ++i;
      while (j < n && s[j] != '.' && s[j] != '[') j++;
      if (j == i) return fmt_error(vm, "Empty attribute in format string");
      cm_value name = cm_intern_n(vm, s + i, j - i);
      if (name == CM_ERROR) return name;
      obj = cm_getattr(vm, obj, name);
      i = j;
    } else if (s[i] == '[') {
      size_t j = ++i;
      while (j < n && s[j] != ']') j++;
      if (j == i) return fmt_error(vm, "Empty attribute in format string");
      cm_value key = all_digits(s + i, j - i) ? digits_value(vm, s + i, j - i)
                                              : cm_str_new(vm, s + i, j - i);
      if (key == CM_ERROR) return key;
      obj = cm_getitem(vm, obj, key);
      i = j + 1;
      if (i < n && s[i] != '.' && s[i] != '[')
        return fmt_error(vm, "Only '.' or '[' may follow ']' in format field "
                         "specifier");
    } else {
      return fmt_error(vm, "Only '.' or '[' may follow ']' in format field "
                       "specifier");
    }
  }
  return obj;
}

static int format_into(cm_vm *vm, fmt_ctx *c, cm_buf *out, const char *s,
                       size_t n, int depth);

/* One replacement field; *pp points just after '{'. */
static int format_field(cm_vm *vm, fmt_ctx *c, cm_buf *out, const char **pp,
                        const char *end, int depth) {
  const char *p = *pp, *name = p;
  while (p < end && *p != '}' && *p != ':' && *p != '!') {
    if (*p == '{') return fmt_error(vm, "unexpected '{' in field name"), -1;
    if (*p == '[') {
      while (p < end && *p != ']') p++;
      if (p >= end)
        return fmt_error(vm, "expected '}' before end of string"), -1;
    }
    p++;
  }
  if (p >= end) return fmt_error(vm, "expected '}' before end of string"), -1;
  size_t namelen = (size_t)(p - name);
  char conv = 0;
  const char *spec = p;
  size_t specn = 0;
  if (*p == '!') {
    if (++p >= end)
      return fmt_error(vm, "end of string while looking for conversion "
                       "specifier"), -1;
    conv = *p++;
    if (p >= end) return fmt_error(vm, "unmatched '{' in format spec"), -1;
    if (*p != ':' && *p != '}')
      return fmt_error(vm, "expected ':' after conversion specifier"), -1;
  }
  if (*p == ':') {
    spec = ++p;
    int nest = 1;
    for (; p < end; p++) {
      if (*p == '{') nest++;
      else if (*p == '}' && --nest == 0) break;
    }
    if (p >= end) return fmt_error(vm, "unmatched '{' in format spec"), -1;
    specn = (size_t)(p - spec);
  }
  *pp = p + 1; /* past the closing '}' */
  cm_value obj = field_lookup(vm, c, name, namelen);
  if (obj == CM_ERROR) return -1;
  switch (conv) {
  case 0: break;
  case 'r': obj = cm_repr(vm, obj); break;
  case 's': obj = cm_to_str(vm, obj); break;
  case 'a': obj = cm_ascii(vm, obj); break;
  default:
    cm_raise(vm, &cm_exc_ValueError, "Unknown conversion specifier %c", conv);
    return -1;
  }
  if (obj == CM_ERROR) return -1;
  cm_value specv;
  if (memchr(spec, '{', specn)) { /* nested fields in the spec */
    if (depth >= 1)
      return fmt_error(vm, "Max string recursion exceeded"), -1;
    cm_buf sb = {0};
    if (format_into(vm, c, &sb, spec, specn, depth + 1) < 0) {
      cm_buf_free(vm, &sb);
      return -1;
    }
    specv = cm_buf_finish(vm, &sb);
  } else {
    if (specn == 0 && cm_is_str(vm, obj)) return cm_buf_put_value_str(vm, out, obj);
    specv = cm_str_new(vm, spec, specn);
  }
  if (specv == CM_ERROR) return -1;
  cm_value r = cm_format(vm, obj, specv);
  if (r == CM_ERROR) return -1;
  return cm_buf_put_value_str(vm, out, r);
}

static int format_into(cm_vm *vm, fmt_ctx *c, cm_buf *out, const char *s,
                       size_t n, int depth) {
  const char *p = s, *end = s + n;
  while (p < end) {
    const char *q = p;
    while (q < end && *q != '{' && *q != '}') q++;
    if (cm_buf_put(vm, out, p, (size_t)(q - p)) < 0) return -1;
    if (q >= end) break;
    if (*q == '}') {
      if (q + 1 < end && q[1] == '}') {
        if (cm_buf_putc(vm, out, '}') < 0) return -1;
        p = q + 2;
        continue;
      }
      fmt_error(vm, "Single '}' encountered in format string");
      return -1;
    }
    if (q + 1 >= end) {
      fmt_error(vm, "Single '{' encountered in format string");
      return -1;
    }
    if (q[1] == '{') {
      if (cm_buf_putc(vm, out, '{') < 0) return -1;
      p = q + 2;
      continue;
    }
    p = q + 1;
    if (format_field(vm, c, out, &p, end, depth) < 0) return -1;
  }
  return 0;
}

cm_value cm_str_format(cm_vm *vm, cm_value fmt, const cm_value *args,
                       int nargs, cm_value kwargs, cm_value mapping) {
  fmt_ctx c = {args, nargs, kwargs, mapping, 0, false};
  cm_str *f = CM_AS(cm_str, fmt);
  if (!memchr(f->data, '{', f->size) && !memchr(f->data, '}', f->size))
    return fmt;
  cm_buf out = {0};
  if (format_into(vm, &c, &out, f->data, f->size, 0) < 0) {
    cm_buf_free(vm, &out);
    return CM_ERROR;
  }
  return cm_buf_finish(vm, &out);
}

/* ---- printf-style formatting ------------------------------------------------- */

typedef struct pct {
  const cm_value *items;
  size_t n, next;
  cm_value dict; /* mapping for %(key)s, or CM_NULL */
  bool bytes;
} pct;

typedef struct pflags {
  bool left, plus, space, alt, zero;
  int64_t width, prec;
} pflags;

static cm_value pct_next(cm_vm *vm, pct *st) {
  if (st->next >= st->n)
    return cm_raise(vm, &cm_exc_TypeError,
                    "not enough arguments for format string");
  return st->items[st->next++];
}

/* Appends sign + prefix + body padded per flags (numbers: zero padding). */
static int pct_emit(cm_vm *vm, cm_buf *out, const pflags *f, const char *sign,
                    const char *prefix, const char *body, size_t n,
                    size_t cps, bool numeric) {
  size_t ns = strlen(sign), np = strlen(prefix);
  int64_t total = (int64_t)(ns + np + cps);
  int64_t padn = f->width > total ? f->width - total : 0;
  if (padn > ((int64_t)1 << 36)) {
    cm_raise_memory(vm);
    return -1;
  }
  bool zero = numeric && f->zero && !f->left;
  if (!f->left && !zero && put_fill(vm, out, ' ', padn) < 0) return -1;
  if (cm_buf_puts(vm, out, sign) < 0 || cm_buf_puts(vm, out, prefix) < 0)
    return -1;
  if (zero && put_fill(vm, out, '0', padn) < 0) return -1;
  if (cm_buf_put(vm, out, body, n) < 0) return -1;
  if (f->left && put_fill(vm, out, ' ', padn) < 0) return -1;
  return 0;
}

/* %s %r %a: text of v (for bytes %s: the bytes themselves). */
static int pct_text(cm_vm *vm, pct *st, cm_buf *out, const pflags *f, char c,
                    cm_value v) {
  cm_value s;
  if (st->bytes && (c == 's' || c == 'b')) {
    const uint8_t *p;
    size_t n;
    if (!cm_bytes_view(vm, v, &p, &n)) {
      cm_raise(vm, &cm_exc_TypeError, "%%b requires a bytes-like object, or "
               "an object that implements __bytes__, not '%T'", v);
      return -1;
    }
    if (f->prec >= 0 && (size_t)f->prec < n) n = (size_t)f->prec;
    return pct_emit(vm, out, f, "", "", (const char *)p, n, n, false);
  }
  if (c == 's') s = cm_to_str(vm, v);
  else if (c == 'r' && !st->bytes) s = cm_repr(vm, v);
  else s = cm_ascii(vm, v);
  if (s == CM_ERROR) return -1;
  cm_str *o = CM_AS(cm_str, s);
  size_t len = o->len, size = o->size;
  if (f->prec >= 0 && (size_t)f->prec < len) {
    len = (size_t)f->prec;
    size = cm_str_offset(o, len);
  }
  return pct_emit(vm, out, f, "", "", o->data, size, len, false);
}

static int pct_char(cm_vm *vm, pct *st, cm_buf *out, const pflags *f,
                    cm_value v) {
  int64_t cp;
  if (cm_is_intlike(vm, v)) {
    if (cm_index_i64(vm, v, &cp) < 0) cp = -1, cm_exc_clear(vm);
    int64_t lim = st->bytes ? 256 : 0x110000;
    if (cp < 0 || cp >= lim) {
      if (st->bytes)
        cm_raise(vm, &cm_exc_OverflowError, "%%c arg not in range(256)");
      else
        cm_raise(vm, &cm_exc_OverflowError, "%%c arg not in range(0x110000)");
      return -1;
    }
  } else if (!st->bytes && cm_is_str(vm, v) && CM_AS(cm_str, v)->len == 1) {
    size_t adv;
    cp = cm_utf8_get((const unsigned char *)cm_str_cstr(v), &adv);
  } else if (st->bytes && cm_is_bytes(vm, v) && CM_AS(cm_bytes, v)->size == 1) {
    cp = CM_AS(cm_bytes, v)->data[0];
  } else if (!st->bytes && cm_is_str(vm, v)) {
    cm_raise(vm, &cm_exc_TypeError, "%%c requires an int or a unicode "
             "character, not a string of length %zu", CM_AS(cm_str, v)->len);
    return -1;
  } else {
    if (st->bytes)
      cm_raise(vm, &cm_exc_TypeError, "%%c requires an integer in range(256)"
               " or a single byte, not %T", v);
    else
      cm_raise(vm, &cm_exc_TypeError,
               "%%c requires an int or a unicode character, not %T", v);
    return -1;
  }
  char tmp[4];
  size_t n;
  if (st->bytes) tmp[0] = (char)cp, n = 1;
  else n = cm_utf8_encode((uint32_t)cp, tmp);
  return pct_emit(vm, out, f, "", "", tmp, n, 1, false);
}

/* %d %i %u %o %x %X */
static int pct_int(cm_vm *vm, cm_buf *out, const pflags *f, char c,
                   cm_value v) {
  bool dec = c == 'd' || c == 'i' || c == 'u';
  if (!cm_is_intlike(vm, v)) {
    if (dec && cm_is_float(v)) {
      double d = cm_floatval(v);
      if (isnan(d) || isinf(d)) {
        cm_raise(vm, &cm_exc_ValueError, isnan(d) ?
                 "cannot convert float NaN to integer" :
                 "cannot convert float infinity to integer");
        return -1;
      }
      v = cm_call(vm, cm_type_value(vm, &cm_int_type), &v, 1, CM_NULL);
      if (v == CM_ERROR) return -1;
    } else {
      if (dec)
        cm_raise(vm, &cm_exc_TypeError,
                 "%%%c format: a real number is required, not %T", c, v);
      else
        cm_raise(vm, &cm_exc_TypeError,
                 "%%%c format: an integer is required, not %T", c, v);
      return -1;
    }
  }
  if (cm_is_bool(v)) v = cm_mkint(v == CM_TRUE);
  char spec[2] = {dec ? 'd' : c, 0};
  cm_value sv = cm_intern(vm, spec);
  if (sv == CM_ERROR) return -1;
  cm_value r = cm_format(vm, v, sv);
  if (r == CM_ERROR) return -1;
  const char *d = cm_str_cstr(r);
  size_t n = CM_AS(cm_str, r)->size;
  const char *sign = "";
  if (d[0] == '-') sign = "-", d++, n--;
  else if (f->plus) sign = "+";
  else if (f->space) sign = " ";
  const char *prefix = "";
  if (f->alt && !dec) prefix = c == 'o' ? "0o" : c == 'x' ? "0x" : "0X";
  cm_buf body = {0};
  int rc = 0;
  if (f->prec > (int64_t)n) rc = put_fill(vm, &body, '0', f->prec - (int64_t)n);
  if (rc == 0) rc = cm_buf_put(vm, &body, d, n);
  if (rc == 0)
    rc = pct_emit(vm, out, f, sign, prefix, body.data, body.len, body.len, true);
  cm_buf_free(vm, &body);
  return rc;
}

/* %e %E %f %F %g %G through the C library (exact for %f). */
static int pct_float(cm_vm *vm, cm_buf *out, const pflags *f, char c,
                     cm_value v) {
  double d;
  if (!cm_is_float(v) && !cm_is_intlike(vm, v)) {
    cm_raise(vm, &cm_exc_TypeError, "must be real number, not %T", v);
    return -1;
  }
  if (cm_to_double(vm, v, &d) < 0) return -1;
  int64_t prec = f->prec < 0 ? 6 : f->prec;
  if (prec > 10000) prec = 10000;
  const char *sign = "";
  if (signbit(d) && !isnan(d)) sign = "-", d = -d;
  else if (f->plus) sign = "+";
  else if (f->space) sign = " ";
  cm_buf body = {0};
  int rc;
  if (isnan(d) || isinf(d)) {
    bool up = c == 'E' || c == 'F' || c == 'G';
    rc = cm_buf_puts(vm, &body, isnan(d) ? (up ? "NAN" : "nan")
                                         : (up ? "INF" : "inf"));
    if (rc == 0) /* CPython zero-pads these too: '%05f' % inf == '00inf' */
      rc = pct_emit(vm, out, f, sign, "", body.data, body.len, body.len, true);
    cm_buf_free(vm, &body);
    return rc;
  }
  char cfmt[16];
  snprintf(cfmt, sizeof cfmt, "%%%s.%d%c", f->alt ? "#" : "", (int)prec, c);
  size_t need = 400 + (size_t)prec + (c == 'f' || c == 'F' ? 310 : 0);
  rc = cm_buf_reserve(vm, &body, need);
  if (rc == 0) {
    int k = snprintf(body.data, need, cfmt, d);
    body.len = k > 0 ? (size_t)k : 0;
    rc = pct_emit(vm, out, f, sign, "", body.data, body.len, body.len, true);
  }
  cm_buf_free(vm, &body);
  return rc;
}

static int pct_star(cm_vm *vm, pct *st, int64_t *out) {
  cm_value v = pct_next(vm, st);
  if (v == CM_ERROR) return -1;
  if (!cm_is_intlike(vm, v)) {
    cm_raise(vm, &cm_exc_TypeError, "* wants int");
    return -1;
  }
  return cm_index_i64(vm, v, out);
}

/* Parses "(key)flags width .prec" after '%'; *pp advances. */
static int pct_spec(cm_vm *vm, pct *st, const char **pp, const char *end,
                    pflags *f, cm_value *arg) {
  const char *p = *pp;
  *arg = CM_NULL;
  if (p < end && *p == '(') {
    if (st->dict == CM_NULL) {
      cm_raise(vm, &cm_exc_TypeError, "format requires a mapping");
      return -1;
    }
    const char *k = ++p;
    int nest = 1;
    while (p < end && (nest > 1 || *p != ')')) {
      if (*p == '(') nest++;
      else if (*p == ')') nest--;
      p++;
    }
    if (p >= end) {
      cm_raise(vm, &cm_exc_ValueError, "incomplete format key");
      return -1;
    }
    cm_value key = st->bytes ? cm_bytes_new(vm, k, (size_t)(p - k))
                             : cm_str_new(vm, k, (size_t)(p - k));
    if (key == CM_ERROR) return -1;
    *arg = cm_getitem(vm, st->dict, key);
    if (*arg == CM_ERROR) return -1;
    p++;
  }
  for (; p < end; p++) {
    if (*p == '-') f->left = true;
    else if (*p == '+') f->plus = true;
    else if (*p == ' ') f->space = true;
    else if (*p == '#') f->alt = true;
    else if (*p == '0') f->zero = true;
    else break;
  }
  if (p < end && *p == '*') {
    if (pct_star(vm, st, &f->width) < 0) return -1;
    if (f->width < 0) f->left = true, f->width = -f->width;
    p++;
  } else {
    while (p < end && *p >= '0' && *p <= '9') {
      if (f->width > (INT32_MAX - (*p - '0')) / 10) { /* CPython's limit */
        cm_raise(vm, &cm_exc_ValueError, "width too big");
        return -1;
      }
      f->width = f->width * 10 + (*p++ - '0');
    }
  }
  if (p < end && *p == '.') {
    f->prec = 0;
    if (++p < end && *p == '*') {
      if (pct_star(vm, st, &f->prec) < 0) return -1;
      if (f->prec < 0) f->prec = 0;
      p++;
    } else {
      while (p < end && *p >= '0' && *p <= '9') {
        if (f->prec > (INT32_MAX - (*p - '0')) / 10) {
          cm_raise(vm, &cm_exc_ValueError, "precision too big");
          return -1;
        }
        f->prec = f->prec * 10 + (*p++ - '0');
      }
    }
  }
  while (p < end && (*p == 'h' || *p == 'l' || *p == 'L')) p++;
  *pp = p;
  return 0;
}

static int pct_one(cm_vm *vm, pct *st, cm_buf *out, const char **pp,
                   const char *end, const char *start) {
  pflags f = {false, false, false, false, false, 0, -1};
  cm_value arg;
  if (pct_spec(vm, st, pp, end, &f, &arg) < 0) return -1;
  if (*pp >= end) {
    cm_raise(vm, &cm_exc_ValueError, "incomplete format");
    return -1;
  }
  char c = *(*pp)++;
  if (c == '%' && *pp - 2 >= start && (*pp)[-2] == '%') return cm_buf_putc(vm, out, '%');
  if (arg == CM_NULL && (arg = pct_next(vm, st)) == CM_ERROR) return -1;
  switch (c) {
  case '%': return cm_buf_putc(vm, out, '%');
  case 's': case 'r': case 'a': case 'b': return pct_text(vm, st, out, &f, c, arg);
  case 'c': return pct_char(vm, st, out, &f, arg);
  case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
    return pct_int(vm, out, &f, c, arg);
  case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
    return pct_float(vm, out, &f, c, arg);
  default: {
    size_t idx = (size_t)(*pp - 1 - start);
    unsigned char uc = (unsigned char)c;
    if (uc >= 0x80 && !st->bytes) { /* report the whole code point */
      size_t adv;
      uint32_t cp = cm_utf8_get((const unsigned char *)*pp - 1, &adv);
      cm_raise(vm, &cm_exc_ValueError, "unsupported format character '%c' "
               "(0x%x) at index %zu", (int)cp, (unsigned)cp,
               cm_utf8_count(start, idx));
      return -1;
    }
    cm_raise(vm, &cm_exc_ValueError, "unsupported format character '%c' "
             "(0x%x) at index %zu", (int)uc, (unsigned)uc, idx);
    return -1;
  }
  }
}

cm_value cm_percent_format(cm_vm *vm, cm_value fmt, cm_value args,
                           bool is_bytes) {
  pct st = {NULL, 0, 0, CM_NULL, is_bytes};
  const cm_type *t = cm_typeof(vm, args);
  if (t == &cm_tuple_type) {
    st.items = CM_AS(cm_tuple, args)->items;
    st.n = CM_AS(cm_tuple, args)->n;
  } else {
    st.items = &args;
    st.n = 1;
    if (t->getitem && t != &cm_str_type && t != &cm_bytes_type &&
        t != &cm_bytearray_type)
      st.dict = args;
  }
  const char *s;
  size_t n;
  if (is_bytes) {
    const uint8_t *p;
    cm_bytes_view(vm, fmt, &p, &n);
    s = (const char *)p;
  } else {
    s = cm_str_cstr(fmt);
    n = CM_AS(cm_str, fmt)->size;
  }
  const char *p = s, *end = s + n;
  cm_buf out = {0};
  while (p < end) {
    const char *q = memchr(p, '%', (size_t)(end - p));
    if (!q) q = end;
    if (cm_buf_put(vm, &out, p, (size_t)(q - p)) < 0) goto fail;
    if (q >= end) break;
    p = q + 1;
    if (pct_one(vm, &st, &out, &p, end, s) < 0) goto fail;
  }
  if (st.next < st.n && st.dict == CM_NULL) {
    cm_raise(vm, &cm_exc_TypeError,
             "not all arguments converted during string formatting");
    goto fail;
  }
  if (is_bytes) return cm_bytes_from_buf(vm, &out);
  return cm_buf_finish(vm, &out);
fail:
  cm_buf_free(vm, &out);
  return CM_ERROR;
}
