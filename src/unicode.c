/*
** unicode.c — UTF-8 coding and lookups in the generated tables.
*/
#include "unicode.h"

size_t cm_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp) {
  uint32_t c = s[0];
  if (c < 0x80) { *cp = c; return 1; }
  size_t len;
  uint32_t min;
  if (c >= 0xC2 && c < 0xE0) { len = 2; c &= 0x1F; min = 0x80; }
  else if (c >= 0xE0 && c < 0xF0) { len = 3; c &= 0x0F; min = 0x800; }
  else if (c >= 0xF0 && c < 0xF5) { len = 4; c &= 0x07; min = 0x10000; }
  else return 0;
  if (n < len) return 0;
  for (size_t i = 1; i < len; i++) {
    if ((s[i] & 0xC0) != 0x80) return 0;
    c = (c << 6) | (s[i] & 0x3F);
  }
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
  *cp = c;
  return len;
}

size_t cm_utf8_encode(uint32_t cp, char *out) {
  unsigned char *o = (unsigned char *)out;
  if (cp < 0x80) { o[0] = (unsigned char)cp; return 1; }
  if (cp < 0x800) {
    o[0] = (unsigned char)(0xC0 | (cp >> 6));
    o[1] = (unsigned char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    o[0] = (unsigned char)(0xE0 | (cp >> 12));
    o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (unsigned char)(0x80 | (cp & 0x3F));
    return 3;
  }
  o[0] = (unsigned char)(0xF0 | (cp >> 18));
  o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
  o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
  o[3] = (unsigned char)(0x80 | (cp & 0x3F));
  return 4;
}

size_t cm_utf8_first_invalid(const char *s, size_t n, size_t *badlen) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0;
  while (i < n) {
    if (u[i] < 0x80) { i++; continue; }
    uint32_t cp;
    size_t k = cm_utf8_decode(u + i, n - i, &cp);
    if (k == 0) {
      /* CPython reports the maximal valid prefix of the bad sequence */
      size_t len = cm_utf8_seqlen(u[i]), j = 1;
      if (u[i] >= 0xC2 && u[i] < 0xF5) {
        while (j < len && i + j < n && (u[i + j] & 0xC0) == 0x80) {
          /* second-byte range restrictions (E0, ED, F0, F4) */
          if (j == 1 && ((u[i] == 0xE0 && u[i + 1] < 0xA0) ||
                         (u[i] == 0xED && u[i + 1] > 0x9F) ||
                         (u[i] == 0xF0 && u[i + 1] < 0x90) ||
                         (u[i] == 0xF4 && u[i + 1] > 0x8F)))
            break;
          j++;
        }
      }
      *badlen = j;
      return i;
    }
    i += k;
  }
  *badlen = 0;
  return n;
}

/* True if s[0..n) (n >= 3) is a surrogate U+D800..U+DFFF as 3 bytes. */
static bool is_surrogate_seq(const unsigned char *s, size_t n) {
  return n >= 3 && s[0] == 0xED && s[1] >= 0xA0 && s[1] <= 0xBF &&
         (s[2] & 0xC0) == 0x80;
}

bool cm_utf8_validate(const char *s, size_t n, size_t *ncp) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0, count = 0;
  while (i < n) {
    if (u[i] < 0x80) { i++; count++; continue; }
    uint32_t cp;
    size_t k = cm_utf8_decode(u + i, n - i, &cp);
    if (k == 0 && is_surrogate_seq(u + i, n - i)) k = 3; /* chr(0xD800) */
    if (k == 0) return false;
    i += k;
    count++;
  }
  *ncp = count;
  return true;
}

const cm_uc_record *cm_uc_get(uint32_t cp) {
  if (cp > 0x10FFFF) cp = 0x10FFFF; /* unassigned: no properties */
  uint32_t shift = cm_uc_unicode_shift;
  uint32_t blk = cm_uc_index1[cp >> shift];
  uint32_t r = cm_uc_index2[(blk << shift) | (cp & ((1u << shift) - 1))];
  return &cm_uc_records[r];
}

bool cm_uc_isalnum(uint32_t cp) {
  return (cm_uc_get(cp)->flags &
          (CM_UC_ALPHA | CM_UC_DECIMAL | CM_UC_DIGIT | CM_UC_NUMERIC)) != 0;
}

int cm_uc_decimal(uint32_t cp) {
  if (cp >= '0' && cp <= '9') return (int)(cp - '0');
  return cm_uc_get(cp)->decimal - 1;
}

static int special_copy(int32_t idx, uint32_t out[3]) {
  const uint32_t *p = &cm_uc_special[idx];
  uint32_t n = p[0];
  for (uint32_t i = 0; i < n && i < 3; i++) out[i] = p[1 + i];
  return (int)n;
}

int cm_uc_tocase(uint32_t cp, int which, uint32_t out[3]) {
  if (cp < 128) {
    if (which == CM_CASE_UPPER || which == CM_CASE_TITLE)
      out[0] = (cp >= 'a' && cp <= 'z') ? cp - 32 : cp;
    else
      out[0] = (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    return 1;
  }
  const cm_uc_record *r = cm_uc_get(cp);
  int32_t v;
  switch (which) {
  case CM_CASE_UPPER:
    if (r->flags & CM_UC_UP_SPECIAL) return special_copy(r->upper, out);
    v = r->upper;
    break;
  case CM_CASE_TITLE:
    if (r->flags & CM_UC_TI_SPECIAL) return special_copy(r->title, out);
    v = r->title;
    break;
  default: /* lower, and casefold where it equals lower */
    if (which == CM_CASE_FOLD && (r->flags & CM_UC_FOLD_SPECIAL))
      return special_copy(r->fold, out);
    if (r->flags & CM_UC_LO_SPECIAL) return special_copy(r->lower, out);
    v = r->lower;
    break;
  }
  out[0] = (uint32_t)((int32_t)cp + v);
  return 1;
}
