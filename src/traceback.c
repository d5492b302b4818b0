/*
** traceback.c — traceback objects and CPython 3.13+'s traceback text.
**
** Carets follow CPython: under the failing expression's span, with `~` for
** the operands and `^` for the operator of a binary operation, or for the
** `(...)`/`[...]` part of a call/subscript; omitted when the span is the
** whole line (and for `x = f(...)` / `return f(...)`). CPython finds the
** expression's shape by re-parsing the span; we scan it textually, which
** agrees on the common shapes.
*/
#include <stdio.h>
#include <string.h>

#include "runtime.h"
#include "str.h"

/* ---- the traceback type ---------------------------------------------- */

static cm_value tb_getattr(cm_vm *vm, cm_value v, cm_value name) {
  cm_traceback *tb = CM_AS(cm_traceback, v);
  const char *s = cm_str_cstr(name);
  cm_code *code = CM_AS(cm_code, tb->code);
  if (!strcmp(s, "tb_next")) return tb->next;
  if (!strcmp(s, "tb_lineno"))
    return cm_mkint(tb->pc < code->ninsns ? code->pos[tb->pc].line : 0);
  if (!strcmp(s, "tb_lasti")) return cm_mkint((int64_t)tb->pc * 2);
  return cm_generic_getattr(vm, v, name);
}

static void tb_trace(cm_vm *vm, cm_obj *o) {
  cm_gc_mark_value(vm, ((cm_traceback *)o)->next);
  cm_gc_mark_value(vm, ((cm_traceback *)o)->code);
}

const cm_type cm_traceback_type = {
    .name = "traceback", .id = CM_T_TRACEBACK, .base = &cm_object_type,
    .getattr = tb_getattr, .trace = tb_trace,
};

/* ---- source lines ---------------------------------------------------- */

typedef struct span {
  const char *p;
  size_t n;
} span;

const char *cm_source_line(cm_value src, int64_t line, size_t *n) {
  *n = 0;
  if (!cm_is_obj(src) || cm_objptr(src)->type != &cm_str_type || line < 1)
    return NULL;
  const char *s = cm_str_cstr(src), *end = s + CM_AS(cm_str, src)->size;
  for (int64_t i = 1; i < line && s < end; i++) {
    const char *nl = memchr(s, '\n', (size_t)(end - s));
    if (!nl) return NULL;
    s = nl + 1;
  }
  const char *nl = memchr(s, '\n', (size_t)(end - s));
  *n = (size_t)((nl ? nl : end) - s);
  if (*n && s[*n - 1] == '\r') (*n)--;
  return s;
}

static span source_line(cm_value src, int32_t line) {
  span r;
  r.p = cm_source_line(src, line, &r.n);
  return r;
}

static bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\f'; }


/* ---- expression shape ------------------------------------------------ */

enum { SHAPE_NONE, SHAPE_BINOP, SHAPE_CALL };
typedef struct shape {
  int kind;
  size_t a, b; /* BINOP: operator [a, b); CALL/SUBSCRIPT: '(' or '[' at a */
} shape;

static bool ident_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_' || (unsigned char)c >= 0x80;
}

static size_t skip_string(const char *s, size_t n, size_t i) {
  char q = s[i];
  bool triple = i + 2 < n && s[i + 1] == q && s[i + 2] == q;
  i += triple ? 3 : 1;
  while (i < n) {
    if (s[i] == '\\') { i += 2; continue; }
    if (s[i] == q && (!triple || (i + 2 < n && s[i + 1] == q && s[i + 2] == q)))
      return i + (triple ? 3 : 1);
    i++;
  }
  return n;
}

static int binop_prec(const char *s, size_t n, size_t i, size_t *len) {
  char c = s[i], d = i + 1 < n ? s[i + 1] : 0;
  *len = 1;
  if (c == '*' && d == '*') { *len = 2; return 7; }
  if (c == '/' && d == '/') { *len = 2; return 6; }
  if ((c == '<' && d == '<') || (c == '>' && d == '>')) { *len = 2; return 4; }
  if (d == '=') return -1; /* comparison or assignment */
  switch (c) {
  case '|': return 1;
  case '^': return 2;
  case '&': return 3;
  case '+': case '-': return 5;
  case '*': case '/': case '%': case '@': return 6;
  default: return 0;
  }
}

static bool low_keyword(const char *s, size_t n, size_t i) {
  static const char *const kw[] = {"and", "or", "not", "in", "is", "if",
                                   "else", "lambda", "for", "await", NULL};
  if (i > 0 && ident_char(s[i - 1])) return false;
  for (int k = 0; kw[k]; k++) {
    size_t l = strlen(kw[k]);
    if (i + l <= n && !memcmp(s + i, kw[k], l) &&
        (i + l == n || !ident_char(s[i + l])))
      return true;
  }
  return false;
}

/* Does s[0..n) start with a keyword that cannot begin an expression
   (`raise []`, `return (x)`, `del a[0]`)? CPython finds no anchors then. */
static bool stmt_keyword(const char *s, size_t n) {
  static const char *const kw[] = {
      "raise", "return", "del", "assert", "import", "from", "global",
      "nonlocal", "pass", "break", "continue", "while", "with", "try",
      "except", "finally", "def", "class", "async", "elif", NULL};
  size_t i = 0;
  while (i < n && is_ws(s[i])) i++;
  for (int k = 0; kw[k]; k++) {
    size_t l = strlen(kw[k]);
    if (i + l <= n && !memcmp(s + i, kw[k], l) &&
        (i + l == n || !ident_char(s[i + l])))
      return true;
  }
  return false;
}

/* Finds the root operator of expression text s[0..n). */
static shape expr_shape(const char *s, size_t n) {
  shape sh = {SHAPE_NONE, 0, 0};
  if (stmt_keyword(s, n)) return sh;
  int depth = 0, best = 99;
  bool operand = false; /* the previous token ends an operand */
  size_t last_open = 0;
  bool open_after_operand = false;
  for (size_t i = 0; i < n;) {
    char c = s[i];
    if (c == '"' || c == '\'') { i = skip_string(s, n, i); operand = true; continue; }
    /* two operands in a row (`raise X(...)`, `return f()`): a statement,
       not an expression, so no anchors */
    if (depth == 0 && operand && ident_char(c) && !low_keyword(s, n, i))
      return (shape){SHAPE_NONE, 0, 0};
    if (c == '(' || c == '[' || c == '{') {
      if (depth == 0) { last_open = i; open_after_operand = operand; }
      depth++; i++; operand = false; continue;
    }
    if (c == ')' || c == ']' || c == '}') { depth--; i++; operand = true; continue; }
    if (is_ws(c) || c == '\n' || c == '\\') { i++; continue; }
    if (depth > 0) { i++; continue; }
    if (ident_char(c)) {
      if (low_keyword(s, n, i)) return (shape){SHAPE_NONE, 0, 0};
      while (i < n && ident_char(s[i])) i++;
      operand = true;
      continue;
    }
    if (c == '.') { i++; operand = false; continue; }
    size_t len;
    int p = binop_prec(s, n, i, &len);
    if (p < 0 || (p == 0 && c != '~') || c == ',' || c == ':' || c == '=' ||
        c == '<' || c == '>' || c == '!')
      return (shape){SHAPE_NONE, 0, 0};
    if (operand && p > 0 && (p < best || (p == best && p != 7))) {
      best = p;
      sh = (shape){SHAPE_BINOP, i, i + len};
    }
    if (!operand && i == 0) return (shape){SHAPE_NONE, 0, 0}; /* unary */
    i += len;
    operand = false;
  }
  if (sh.kind == SHAPE_BINOP) return sh;
  if (n && (s[n - 1] == ')' || s[n - 1] == ']') && open_after_operand &&
      s[last_open] != '{')
    return (shape){SHAPE_CALL, last_open, n};
  return sh;
}

/* `x = f(...)` and `return f(...)` where the call is the whole value. */
static bool plain_call_statement(span line, size_t col, size_t end,
                                 shape sh) {
  if (sh.kind != SHAPE_CALL || line.p[sh.a] != '(') return false;
  for (size_t i = col; i < sh.a; i++)
    if (!ident_char(line.p[i])) return false;
  size_t i = 0;
  while (i < col && is_ws(line.p[i])) i++;
  const char *head = line.p + i;
  size_t hn = col - i;
  size_t tail = end;
  while (tail < line.n && is_ws(line.p[tail])) tail++;
  if (tail != line.n) return false;
  if (hn >= 7 && !memcmp(head, "return", 6) && is_ws(head[6])) {
    for (size_t k = 6; k < hn; k++)
      if (!is_ws(head[k])) return false;
    return true;
  }
  size_t k = 0;
  while (k < hn && ident_char(head[k])) k++;
  if (k == 0) return false;
  while (k < hn && is_ws(head[k])) k++;
  if (k >= hn || head[k] != '=') return false;
  for (k++; k < hn; k++)
    if (!is_ws(head[k])) return false;
  return true;
}

/* Appends the caret line for span [col, end) of `line` (byte offsets),
   `indent` bytes of the line having been stripped. */
static int put_carets(cm_vm *vm, cm_buf *b, span line, size_t indent,
                      size_t col, size_t end) {
  shape sh = expr_shape(line.p + col, end - col);
  sh.a += col;
  sh.b += col;
  if (plain_call_statement(line, col, end, sh)) return 0;
  if (sh.kind == SHAPE_NONE) {
    size_t a = indent, z = line.n;
    while (z > a && is_ws(line.p[z - 1])) z--;
    if (col <= a && end >= z) return 0;
  }
  if (cm_buf_puts(vm, b, "    ") < 0) return -1;
  for (size_t i = indent; i < col; i++)
    if (((unsigned char)line.p[i] & 0xC0) != 0x80 &&
        cm_buf_putc(vm, b, line.p[i] == '\t' ? '\t' : ' ') < 0)
      return -1;
  for (size_t i = col; i < end; i++) {
    if (((unsigned char)line.p[i] & 0xC0) == 0x80) continue;
    char ch = '^';
    if (sh.kind == SHAPE_BINOP) ch = (i >= sh.a && i < sh.b) ? '^' : '~';
    if (sh.kind == SHAPE_CALL) ch = i >= sh.a ? '^' : '~';
    if (cm_buf_putc(vm, b, ch) < 0) return -1;
  }
  return cm_buf_putc(vm, b, '\n');
}

/* ---- frames ---------------------------------------------------------- */

static bool hidden(cm_code *code) {
  return cm_is_obj(code->filename) &&
         !strcmp(cm_str_cstr(code->filename), "<prelude>");
}

/* ---- spans over several lines (CPython 3.13+'s layout) -------------- */

#define MAX_SPAN_LINES 64

typedef struct mspan {
  span line[MAX_SPAN_LINES]; /* dedented, right-stripped */
  int n;
  size_t start, end;         /* on line 0 / on line n-1 */
  int al, ar;                /* anchor lines (left end, right start) */
  size_t ac, arc;            /* anchor columns */
  int kind;                  /* SHAPE_* */
} mspan;

static bool blank(const char *p, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!is_ws(p[i])) return false;
  return true;
}

static size_t lead_ws(span s) {
  size_t i = 0;
  while (i < s.n && is_ws(s.p[i])) i++;
  return i;
}

/* Maps offset `off` of the joined lines (from line 0, col `start`) to a
   (line, column) pair. */
static void locate(const mspan *m, size_t off, int *line, size_t *col) {
  size_t c = m->start;
  int l = 0;
  while (off > 0 && l < m->n) {
    size_t room = m->line[l].n - c;
    if (off <= room) break;
    off -= room + 1; /* the '\n' */
    l++;
    c = 0;
  }
  *line = l;
  *col = c + off;
}

/* Finds the anchors of the expression spanning m's lines. */
static int span_shape(cm_vm *vm, mspan *m) {
  cm_buf seg = {0};
  for (int i = 0; i < m->n; i++) {
    size_t a = i == 0 ? m->start : 0;
    size_t z = i == m->n - 1 ? m->end : m->line[i].n;
    if ((i && cm_buf_putc(vm, &seg, '\n') < 0) ||
        (z > a && cm_buf_put(vm, &seg, m->line[i].p + a, z - a) < 0)) {
      cm_buf_free(vm, &seg);
      return -1;
    }
  }
  shape sh = expr_shape(seg.data ? seg.data : "", seg.len);
  cm_buf_free(vm, &seg);
  m->kind = sh.kind;
  if (sh.kind == SHAPE_NONE) return 0;
  locate(m, sh.a, &m->al, &m->ac);
  if (sh.kind == SHAPE_BINOP) {
    locate(m, sh.b, &m->ar, &m->arc);
  } else {
    m->ar = m->n - 1;
    m->arc = m->end;
  }
  return 0;
}

static int put_span_line(cm_vm *vm, cm_buf *b, const mspan *m, int i,
                         bool carets) {
  span s = m->line[i];
  if (cm_buf_puts(vm, b, "    ") < 0 || cm_buf_put(vm, b, s.p, s.n) < 0 ||
      cm_buf_putc(vm, b, '\n') < 0)
    return -1;
  if (!carets) return 0;
  size_t sp = lead_ws(s), nc = i == m->n - 1 ? m->end : s.n;
  char primary = m->kind == SHAPE_NONE ? '^' : '~';
  if (cm_buf_puts(vm, b, "    ") < 0) return -1;
  for (size_t c = 0; c < nc; c++) {
    char ch = primary;
    bool after = i > m->al || (i == m->al && c >= m->ac);
    bool before = i < m->ar || (i == m->ar && c < m->arc);
    if (c < sp || (i == 0 && c < m->start)) ch = ' ';
    else if (m->kind != SHAPE_NONE && after && before) ch = '^';
    if (cm_buf_putc(vm, b, ch) < 0) return -1;
  }
  return cm_buf_putc(vm, b, '\n');
}

/* `x = f(...)` / `return f(...)` spanning several lines: no carets. */
static bool plain_call_span(const mspan *m) {
  if (m->kind != SHAPE_CALL || m->al != 0) return false;
  span l0 = m->line[0];
  if (m->ac >= l0.n || l0.p[m->ac] != '(') return false; /* calls only */
  for (size_t i = m->start; i < m->ac; i++)
    if (!ident_char(l0.p[i])) return false;
  span last = m->line[m->n - 1];
  if (!blank(last.p + m->end, last.n - m->end)) return false;
  const char *h = l0.p;
  size_t hn = m->start, k = lead_ws(l0);
  if (hn >= k + 7 && !memcmp(h + k, "return", 6) && blank(h + k + 6, hn - k - 6))
    return is_ws(h[k + 6]);
  size_t j = k;
  while (j < hn && ident_char(h[j])) j++;
  if (j == k) return false;
  while (j < hn && is_ws(h[j])) j++;
  return j < hn && h[j] == '=' && blank(h + j + 1, hn - j - 1);
}

static int put_multiline(cm_vm *vm, cm_buf *b, cm_code *code, cm_pos pos) {
  mspan m;
  m.n = pos.end_line - pos.line + 1;
  if (m.n > MAX_SPAN_LINES) m.n = MAX_SPAN_LINES;
  size_t indent = (size_t)-1;
  for (int i = 0; i < m.n; i++) {
    m.line[i] = source_line(code->source, pos.line + i);
    if (!m.line[i].p) return 0;
    while (m.line[i].n && is_ws(m.line[i].p[m.line[i].n - 1])) m.line[i].n--;
    if (m.line[i].n && lead_ws(m.line[i]) < indent) indent = lead_ws(m.line[i]);
  }
  for (int i = 0; i < m.n; i++) {
    size_t cut = m.line[i].n < indent ? m.line[i].n : indent;
    m.line[i].p += cut;
    m.line[i].n -= cut;
  }
  if ((size_t)pos.col < indent || (size_t)pos.end_col < indent) return 0;
  m.start = (size_t)pos.col - indent;
  m.end = (size_t)pos.end_col - indent;
  if (m.start > m.line[0].n) m.start = m.line[0].n;
  if (m.end > m.line[m.n - 1].n) m.end = m.line[m.n - 1].n;
  if (span_shape(vm, &m) < 0) return -1;
  bool carets = m.kind != SHAPE_NONE ? !plain_call_span(&m)
                : !blank(m.line[0].p, m.start) ||
                      !blank(m.line[m.n - 1].p + m.end, m.line[m.n - 1].n - m.end);
  bool sig[MAX_SPAN_LINES] = {false};
  sig[0] = sig[m.n - 1] = true;
  for (int d = -1; m.kind != SHAPE_NONE && d <= 1; d++) {
    if (m.al + d >= 0 && m.al + d < m.n) sig[m.al + d] = true;
    if (m.ar + d >= 0 && m.ar + d < m.n) sig[m.ar + d] = true;
  }
  int prev = -1;
  for (int i = 0; i < m.n; i++) {
    if (!sig[i]) continue;
    if (prev >= 0 && i - prev == 2 && put_span_line(vm, b, &m, i - 1, carets) < 0)
      return -1;
    if (prev >= 0 && i - prev > 2) {
      cm_value s = cm_str_printf(vm, "    ...<%d lines>...\n", i - prev - 1);
      if (cm_is_error(s) || cm_buf_put_value_str(vm, b, s) < 0) return -1;
    }
    if (put_span_line(vm, b, &m, i, carets) < 0) return -1;
    prev = i;
  }
  return 0;
}

static int put_frame(cm_vm *vm, cm_buf *b, cm_code *code, uint32_t pc) {
  cm_pos pos = pc < code->ninsns && code->pos ? code->pos[pc]
                                              : (cm_pos){0, 0, 0, 0};
  cm_value fn = cm_is_obj(code->filename) ? code->filename
                                          : cm_intern(vm, "<unknown>");
  cm_value name = cm_is_obj(code->name) ? code->name : cm_intern(vm, "?");
  cm_value head = cm_str_printf(vm, "  File \"%U\", line %d, in %U\n", fn,
                                (int)pos.line, name);
  if (cm_is_error(head) || cm_buf_put_value_str(vm, b, head) < 0) return -1;
  if (pos.end_line > pos.line && pos.col >= 0 && pos.end_col >= 0)
    return put_multiline(vm, b, code, pos);
  span line = source_line(code->source, pos.line);
  if (!line.p) return 0;
  size_t indent = 0;
  while (indent < line.n && is_ws(line.p[indent])) indent++;
  size_t z = line.n;
  while (z > indent && is_ws(line.p[z - 1])) z--;
  if (z == indent) return 0;
  if (cm_buf_puts(vm, b, "    ") < 0 ||
      cm_buf_put(vm, b, line.p + indent, z - indent) < 0 ||
      cm_buf_putc(vm, b, '\n') < 0)
    return -1;
  if (pos.end_line != pos.line || pos.col < 0 || pos.end_col <= pos.col ||
      (size_t)pos.end_col > line.n)
    return 0;
  return put_carets(vm, b, line, indent, (size_t)pos.col, (size_t)pos.end_col);
}

#define RECURSIVE_CUTOFF 3

static int put_repeated(cm_vm *vm, cm_buf *b, long count) {
  if (count <= RECURSIVE_CUTOFF) return 0;
  count -= RECURSIVE_CUTOFF;
  cm_value s = cm_str_printf(vm, "  [Previous line repeated %ld more time%s]\n",
                             count, count > 1 ? "s" : "");
  return cm_is_error(s) ? -1 : cm_buf_put_value_str(vm, b, s);
}

static int put_traceback(cm_vm *vm, cm_buf *b, cm_value tb) {
  bool any = false;
  for (cm_value t = tb; cm_is_obj(t); t = CM_AS(cm_traceback, t)->next)
    any |= !hidden(CM_AS(cm_code, CM_AS(cm_traceback, t)->code));
  if (!any) return 0;
  if (cm_buf_puts(vm, b, "Traceback (most recent call last):\n") < 0)
    return -1;
  /* Like CPython, a frame line repeated more than 3 times in a row (deep
     recursion) is summarized. */
  cm_code *last = NULL;
  int32_t last_line = -1;
  long count = 0;
  for (cm_value t = tb; cm_is_obj(t); t = CM_AS(cm_traceback, t)->next) {
    cm_traceback *e = CM_AS(cm_traceback, t);
    cm_code *code = CM_AS(cm_code, e->code);
    if (hidden(code)) continue;
    int32_t line = e->pc < code->ninsns && code->pos ? code->pos[e->pc].line : 0;
    if (code != last || line != last_line) {
      if (put_repeated(vm, b, count) < 0) return -1;
      last = code;
      last_line = line;
      count = 0;
    }
    if (++count > RECURSIVE_CUTOFF) continue;
    if (put_frame(vm, b, code, e->pc) < 0) return -1;
  }
  return put_repeated(vm, b, count);
}

/* ---- the exception line(s) ------------------------------------------- */

static int put_syntax_detail(cm_vm *vm, cm_buf *b, cm_value exc) {
  cm_value fn = cm_exc_dict_get(vm, exc, "filename");
  cm_value ln = cm_exc_dict_get(vm, exc, "lineno");
  cm_value text = cm_exc_dict_get(vm, exc, "text");
  cm_value off = cm_exc_dict_get(vm, exc, "offset");
  cm_value eln = cm_exc_dict_get(vm, exc, "end_lineno");
  cm_value eoff = cm_exc_dict_get(vm, exc, "end_offset");
  if (!cm_is_int(ln)) return 0;
  cm_value head = cm_str_printf(
      vm, "  File \"%s\", line %d\n",
      cm_isinstance_t(vm, fn, &cm_str_type) ? cm_str_cstr(fn) : "<string>",
      (int)cm_intval(ln));
  if (cm_is_error(head) || cm_buf_put_value_str(vm, b, head) < 0) return -1;
  if (!cm_isinstance_t(vm, text, &cm_str_type)) return 0;
  const char *t = cm_str_cstr(text);
  size_t n = CM_AS(cm_str, text)->size;
  while (n && t[n - 1] == '\n') n--;
  size_t rlen = cm_utf8_count(t, n), sp = 0;
  while (sp < n && (t[sp] == ' ' || t[sp] == '\n' || t[sp] == '\f')) sp++;
  if (cm_buf_puts(vm, b, "    ") < 0 || cm_buf_put(vm, b, t + sp, n - sp) < 0 ||
      cm_buf_putc(vm, b, '\n') < 0)
    return -1;
  if (!cm_is_int(off)) return 0;
  int64_t o = cm_intval(off), e;
  if (cm_is_int(eln) && cm_intval(eln) == cm_intval(ln))
    e = cm_is_int(eoff) && cm_intval(eoff) != 0 ? cm_intval(eoff) : o;
  else
    e = (int64_t)rlen + 1;
  int64_t tlen = (int64_t)cm_utf8_count(t, CM_AS(cm_str, text)->size);
  if (o > tlen) o = (int64_t)rlen + 1;
  if (e > tlen) e = (int64_t)rlen + 1;
  if (o >= e || e < 0) e = o + 1;
  int64_t col = o - 1 - (int64_t)sp, ecol = e - 1 - (int64_t)sp;
  if (col < 0) return 0;
  if (cm_buf_puts(vm, b, "    ") < 0) return -1;
  const char *p = t + sp;
  for (int64_t i = 0; i < col && p < t + n; i++) {
    char c = *p;
    if (cm_buf_putc(vm, b, c == '\t' || c == '\f' ? c : ' ') < 0) return -1;
    p++;
    while (p < t + n && ((unsigned char)*p & 0xC0) == 0x80) p++;
  }
  for (int64_t i = col; i < ecol; i++)
    if (cm_buf_putc(vm, b, '^') < 0) return -1;
  return cm_buf_putc(vm, b, '\n');
}

/* ---- "Did you mean" for NameError and AttributeError ---------------- */

typedef struct names {
  const char **p;
  size_t n, cap;
} names;

static int names_add(cm_vm *vm, names *ns, cm_value s, bool underscore) {
  if (!cm_is_obj(s) || cm_objptr(s)->type != &cm_str_type) return 0;
  const char *c = cm_str_cstr(s);
  if (c[0] == '_' && !underscore) return 0;
  if (ns->n == ns->cap) {
    size_t cap = ns->cap ? ns->cap * 2 : 64;
    const char **p = cm_realloc(vm, ns->p, ns->cap * sizeof *p, cap * sizeof *p);
    if (!p) return -1;
    ns->p = p;
    ns->cap = cap;
  }
  ns->p[ns->n++] = c;
  return 0;
}

static int names_add_dict(cm_vm *vm, names *ns, cm_value d) {
  if (!cm_is_obj(d) || cm_objptr(d)->type != &cm_dict_type) return 0;
  cm_dict *dd = CM_AS(cm_dict, d);
  for (size_t i = 0; i < dd->nentries; i++)
    if (!cm_is_null(dd->entries[i].key) &&
        names_add(vm, ns, dd->entries[i].key, true) < 0)
      return -1;
  return 0;
}

/* The innermost traceback entry's code. */
static cm_code *innermost_code(cm_value tb) {
  cm_code *c = NULL;
  for (; cm_is_obj(tb); tb = CM_AS(cm_traceback, tb)->next)
    c = CM_AS(cm_code, CM_AS(cm_traceback, tb)->code);
  return c;
}

/* The wrong name of a NameError: its name attribute or from the message
   "name 'x' is not defined". */
static cm_value name_error_name(cm_vm *vm, cm_value exc) {
  cm_value n = cm_exc_dict_get(vm, exc, "name");
  if (cm_is_obj(n)) return n;
  cm_tuple *a = CM_AS(cm_tuple, CM_AS(cm_exc, exc)->args);
  if (a->n != 1 || !cm_isinstance_t(vm, a->items[0], &cm_str_type))
    return CM_NULL;
  const char *m = cm_str_cstr(a->items[0]);
  if (strncmp(m, "name '", 6)) return CM_NULL;
  const char *q = strchr(m + 6, '\'');
  return q ? cm_str_new(vm, m + 6, (size_t)(q - m - 6)) : CM_NULL;
}

static int gather(cm_vm *vm, cm_value exc, names *ns, cm_value *wrong) {
  const cm_type *t = cm_typeof(vm, exc);
  if (cm_type_is_sub(t, &cm_exc_AttributeError)) {
    *wrong = cm_exc_dict_get(vm, exc, "name");
    cm_value obj = cm_exc_dict_get(vm, exc, "obj");
    if (!cm_is_obj(*wrong) || cm_is_null(obj) || cm_is_error(obj)) return 0;
    cm_value l = cm_dir(vm, obj);
    if (cm_is_error(l)) return -1;
    bool us = cm_str_cstr(*wrong)[0] == '_';
    cm_list *li = CM_AS(cm_list, l);
    for (size_t i = 0; i < li->n; i++)
      if (names_add(vm, ns, li->items[i], us) < 0) return -1;
    return 0;
  }
  if (!cm_type_is_sub(t, &cm_exc_NameError)) return 0;
  *wrong = name_error_name(vm, exc);
  if (!cm_is_obj(*wrong)) return 0;
  cm_code *c = innermost_code(CM_AS(cm_exc, exc)->traceback);
  if (c && !(c->flags & CM_CO_MODULE))
    for (uint32_t i = 0; i < c->nlocalsplus; i++)
      if (names_add(vm, ns, c->localnames[i], true) < 0) return -1;
  if (names_add_dict(vm, ns, vm->main_globals) < 0 ||
      names_add_dict(vm, ns, vm->builtins) < 0)
    return -1;
  return 0;
}

/* ". Did you mean: 'x'?" or CM_NULL; never raises. */
static cm_value suggestion(cm_vm *vm, cm_value exc) {
  cm_value saved = vm->exc, wrong = CM_NULL, r = CM_NULL;
  names ns = {NULL, 0, 0};
  if (gather(vm, exc, &ns, &wrong) == 0 && cm_is_obj(wrong) && ns.n) {
    int i = cm_suggest(cm_str_cstr(wrong), ns.p, ns.n);
    if (i >= 0) r = cm_str_printf(vm, ". Did you mean: '%s'?", ns.p[i]);
  }
  cm_free(vm, ns.p, ns.cap * sizeof *ns.p);
  vm->exc = saved;
  return cm_is_error(r) ? CM_NULL : r;
}

/* Like CPython: the qualified name, prefixed by the module unless it is
   __main__ or builtins. */
static int put_type_name(cm_vm *vm, cm_buf *b, const cm_type *t) {
  if (t->id != CM_T_USER) return cm_buf_puts(vm, b, t->name);
  cm_class *c = CM_CLASS_OF(t);
  if (cm_isinstance_t(vm, c->module, &cm_str_type)) {
    const char *m = cm_str_cstr(c->module);
    if (strcmp(m, "__main__") && strcmp(m, "builtins") &&
        (cm_buf_puts(vm, b, m) < 0 || cm_buf_putc(vm, b, '.') < 0))
      return -1;
  }
  return cm_buf_put_value_str(vm, b, c->qualname);
}

static int put_exc_line(cm_vm *vm, cm_buf *b, cm_value exc) {
  const cm_type *t = cm_typeof(vm, exc);
  bool syntax = cm_type_is_sub(t, &cm_exc_SyntaxError);
  if (syntax && put_syntax_detail(vm, b, exc) < 0) return -1;
  cm_value msg;
  if (syntax) {
    msg = cm_exc_dict_get(vm, exc, "msg");
    if (cm_is_null(msg) || cm_is_error(msg)) msg = cm_exc_message(vm, exc);
    else msg = cm_to_str(vm, msg);
  } else {
    msg = cm_exc_message(vm, exc);
  }
  if (cm_is_error(msg) || put_type_name(vm, b, t) < 0) return -1;
  if (CM_AS(cm_str, msg)->size &&
      (cm_buf_puts(vm, b, ": ") < 0 || cm_buf_put_value_str(vm, b, msg) < 0))
    return -1;
  cm_value hint = suggestion(vm, exc);
  if (!cm_is_null(hint) && cm_buf_put_value_str(vm, b, hint) < 0) return -1;
  if (cm_buf_putc(vm, b, '\n') < 0) return -1;
  cm_value notes = CM_AS(cm_exc, exc)->notes;
  if (cm_is_obj(notes) && cm_objptr(notes)->type == &cm_list_type) {
    cm_list *l = CM_AS(cm_list, notes);
    for (size_t i = 0; i < l->n; i++) {
      cm_value s = cm_to_str(vm, l->items[i]);
      if (cm_is_error(s) || cm_buf_put_value_str(vm, b, s) < 0 ||
          cm_buf_putc(vm, b, '\n') < 0)
        return -1;
    }
  }
  return 0;
}

/* Formats exc and, first, the exceptions it was chained from. */
static int put_chain(cm_vm *vm, cm_buf *b, cm_value exc, cm_value *seen,
                     int nseen) {
  if (nseen >= 32) return 0;
  for (int i = 0; i < nseen; i++)
    if (seen[i] == exc) return 0;
  seen[nseen++] = exc;
  cm_exc *e = CM_AS(cm_exc, exc);
  const char *sep = NULL;
  cm_value prev = CM_NONE;
  if (cm_is_obj(e->cause)) {
    prev = e->cause;
    sep = "\nThe above exception was the direct cause of the following "
          "exception:\n\n";
  } else if (cm_is_obj(e->context) && !e->suppress_context) {
    prev = e->context;
    sep = "\nDuring handling of the above exception, another exception "
          "occurred:\n\n";
  }
  if (sep && (put_chain(vm, b, prev, seen, nseen) < 0 ||
              cm_buf_puts(vm, b, sep) < 0))
    return -1;
  if (put_traceback(vm, b, e->traceback) < 0) return -1;
  return put_exc_line(vm, b, exc);
}

cm_value cm_format_exception(cm_vm *vm, cm_value exc) {
  cm_buf b = {0};
  cm_value seen[32];
  if (!cm_is_obj(exc) || !(cm_typeof(vm, exc)->flags & CM_TF_EXCEPTION))
    return cm_str_from_cstr(vm, "");
  if (put_chain(vm, &b, exc, seen, 0) < 0) {
    cm_buf_free(vm, &b);
    return CM_ERROR;
  }
  return cm_buf_finish(vm, &b);
}
