/* parse_str.c — number literals, string concatenation, f- and t-strings.
 *
 * f-string fields are parsed by a sub-parser whose lexer runs over the same
 * source buffer (cm_lex_init_sub), so nested expressions get exact
 * positions and PEP 701 quote reuse works naturally. */
#include "parse_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static cm_expr *new_const(cm_parser *p, cm_const_kind k, cm_loc loc)
{
    cm_expr *e = cm_ast_expr(p->arena, CM_E_CONSTANT, loc);
    if (!e) return cm_parse_nomem(p);
    e->v.constant.kind = k;
    return e;
}

/* ---------------------------------------------------------------- numbers */

/* Copies [s, e) without underscores (NUL-terminated, in the arena). */
static char *strip_underscores(cm_parser *p, const char *s, const char *e, size_t *n)
{
    char *out = cm_parse_alloc(p, (size_t)(e - s) + 1);
    if (!out) return NULL;
    size_t k = 0;
    for (; s < e; s++)
        if (*s != '_') out[k++] = *s;
    out[k] = 0;
    *n = k;
    return out;
}

static void int_value(cm_constant *c)
{
    uint64_t v = 0;
    c->i.fits_i64 = 1;
    for (size_t i = 0; i < c->i.len; i++) {
        char ch = c->i.digits[i];
        unsigned d = (unsigned)(ch <= '9' ? ch - '0' : ch - 'a' + 10);
        if (v > (UINT64_MAX - d) / (unsigned)c->i.base) { c->i.fits_i64 = 0; return; }
        v = v * (unsigned)c->i.base + d;
    }
    if (v > (uint64_t)INT64_MAX) { c->i.fits_i64 = 0; return; }
    c->i.i64 = (int64_t)v;
}

cm_expr *cm_parse_number(cm_parser *p)
{
    cm_token *t = cm_parse_next(p);
    const char *s = t->start, *e = t->end;
    size_t n;
    char last = (char)(e[-1] | 0x20);
    int radix = e - s > 2 && s[0] == '0' && ((s[1] | 0x20) == 'x' || (s[1] | 0x20) == 'o' ||
                                             (s[1] | 0x20) == 'b');
    if (!radix && (last == 'j' || memchr(s, '.', (size_t)(e - s)) ||
                   memchr(s, 'e', (size_t)(e - s)) || memchr(s, 'E', (size_t)(e - s)))) {
        char *txt = strip_underscores(p, s, last == 'j' ? e - 1 : e, &n);
        cm_expr *c = txt ? new_const(p, last == 'j' ? CM_CONST_IMAG : CM_CONST_FLOAT,
                                     cm_parse_tok_loc(t)) : NULL;
        if (c) c->v.constant.f = strtod(txt, NULL);
        return c;
    }
    char *digits = strip_underscores(p, radix ? s + 2 : s, e, &n);
    if (!digits) return NULL;
    for (size_t i = 0; i < n; i++)
        if (digits[i] >= 'A' && digits[i] <= 'F') digits[i] = (char)(digits[i] + 32);
    while (n > 1 && digits[0] == '0') { digits++; n--; }
    cm_expr *c = new_const(p, CM_CONST_INT, cm_parse_tok_loc(t));
    if (!c) return NULL;
    c->v.constant.i.digits = digits;
    c->v.constant.i.len = n;
    c->v.constant.i.base = !radix ? 10 : (s[1] | 0x20) == 'x' ? 16 : (s[1] | 0x20) == 'o' ? 8 : 2;
    int_value(&c->v.constant);
    return c;
}

/* ---------------------------------------------------------------- strings */

/* Literal text accumulated between fields. */
typedef struct litbuf { char *data; size_t len, cap; } litbuf;

typedef struct fctx {
    cm_parser *p;
    cm_token *tok;          /* the STRING token being walked */
    int flags;
    int line;               /* line of the current position */
    const char *line_start;
    pvec *values;           /* JoinedStr values being built */
    litbuf *lit;
    cm_loc loc;             /* location used for constant parts */
    int is_t;
} fctx;

static int lit_append(cm_parser *p, litbuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t ncap = (b->len + n + 1) * 2;
        char *nd = cm_parse_alloc(p, ncap);
        if (!nd) return 0;
        if (b->len) memcpy(nd, b->data, b->len);
        b->data = nd;
        b->cap = ncap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
    return 1;
}

/* Decodes [s, e) (escapes per flags) onto the literal buffer. */
static int lit_decode(fctx *f, const char *s, const char *e)
{
    cm_parser *p = f->p;
    if (s == e) return 1;
    char *tmp = cm_parse_alloc(p, (size_t)(e - s) + 1);
    if (!tmp) return 0;
    char msg[200];
    const char *bad = NULL;
    long n = cm_lex_decode_string(s, e, f->flags, tmp, msg, sizeof msg, &bad);
    if (n < 0) {
        cm_parse_error_tok(p, f->tok, "%s", msg);
        return 0;
    }
    return lit_append(p, f->lit, tmp, (size_t)n);
}

/* Moves the pending literal into values as a str Constant. */
static int lit_flush(fctx *f)
{
    if (!f->lit->len) return 1;
    cm_expr *c = new_const(f->p, CM_CONST_STR, f->loc);
    if (!c) return 0;
    c->v.constant.s.data = cm_arena_strdup(f->p->arena, f->lit->data, f->lit->len);
    if (!c->v.constant.s.data) { cm_parse_nomem(f->p); return 0; }
    c->v.constant.s.len = f->lit->len;
    f->lit->len = 0;
    return cm_parse_vpush(f->p, f->values, c);
}

static void advance_lines(fctx *f, const char *from, const char *to)
{
    for (; from < to; from++)
        if (*from == '\n') { f->line++; f->line_start = from + 1; }
}

/* Byte col of pointer q on the current line. */
static int colof(fctx *f, const char *q) { return (int)(q - f->line_start); }

static void ferr_at(fctx *f, const char *q, int width, const char *msg)
{
    cm_parse_error(f->p, f->line, colof(f, q), f->line, colof(f, q) + width, "%s", msg);
}

/* Parses the expression text [s, e) of one field with a sub-parser. */
static cm_expr *parse_field_expr(fctx *f, const char *s, const char *e)
{
    cm_parser *p = f->p;
    cm_parser sub;
    cm_parse_init(&sub, p->arena, p->src, p->end, p->err);
    sub.depth = p->depth + 5;   /* each nesting level costs more C stack */
    sub.is_sub = 1;
    sub.mode = p->mode;
    if (sub.depth > CM_PARSE_MAX_DEPTH) { cm_parse_enter(&sub); p->failed = 1; return NULL; }
    cm_lex_init_sub(&sub.lx, p->src, s, e, f->line, f->line_start);
    cm_expr *r;
    if (cm_parse_is_kw(&sub, CM_KW_YIELD)) r = cm_parse_yield_expr(&sub);
    else r = cm_parse_star_expressions(&sub);
    if (r && !cm_parse_is(&sub, CM_TOK_ENDMARKER) && !sub.failed) cm_parse_invalid(&sub);
    if (sub.failed) { p->failed = 1; return NULL; }
    return r;
}

static const char *parse_literal_part(fctx *f, const char *q, const char *end, int in_spec);

/* Handles one "{...}" starting at q (the '{'); returns the position after
 * the closing '}', or NULL on error. */
static const char *parse_field(fctx *f, const char *q, const char *end)
{
    cm_parser *p = f->p;
    const char *s = q + 1;
    const char *te = cm_lex_scan_fexpr(s, end);
    if (!te) {
        advance_lines(f, q, end);
        ferr_at(f, end, 0, f->is_t ? "t-string: expecting '}'" : "f-string: expecting '}'");
        return NULL;
    }
    const char *k = s;
    while (k < te && (*k == ' ' || *k == '\t' || *k == '\n' || *k == '\f')) k++;
    if (k == te) {
        advance_lines(f, q, te);
        char msg[80];
        snprintf(msg, sizeof msg, "%s: valid expression required before '%c'",
                 f->is_t ? "t-string" : "f-string", *te);
        ferr_at(f, te, 1, msg);
        return NULL;
    }
    int fline = f->line;
    const char *fls = f->line_start;
    advance_lines(f, q, s);
    cm_expr *value = parse_field_expr(f, s, te);
    if (!value) return NULL;
    advance_lines(f, s, te);
    const char *pos = te;
    int conversion = -1, debug = 0;
    if (*pos == '=') {
        debug = 1;
        pos++;
        while (pos < end && (*pos == ' ' || *pos == '\t' || *pos == '\n')) pos++;
        if (!lit_append(p, f->lit, s, (size_t)(pos - s))) return NULL;
        advance_lines(f, te, pos);
    }
    if (pos < end && *pos == '!') {
        const char *c = pos + 1;
        if (c >= end || *c == '}' || *c == ':' ) {
            ferr_at(f, c, 1, f->is_t ? "t-string: missing conversion character"
                                      : "f-string: missing conversion character");
            return NULL;
        }
        if ((*c != 's' && *c != 'r' && *c != 'a') || (c + 1 < end && c[1] != '}' && c[1] != ':')) {
            char msg[120];
            const char *ce = c;
            while (ce < end && *ce != '}' && *ce != ':') ce++;
            snprintf(msg, sizeof msg, "%s: invalid conversion character '%.*s': expected 's', 'r', or 'a'",
                     f->is_t ? "t-string" : "f-string", (int)(ce - c), c);
            ferr_at(f, c, (int)(ce - c), msg);
            return NULL;
        }
        conversion = *c;
        pos = c + 1;
    }
    cm_expr *spec = NULL;
    if (pos < end && *pos == ':') {
        pvec *saved_vals = f->values;
        litbuf *saved_lit = f->lit;
        pvec sv = {0};
        litbuf sl = {0};
        int saved_t = f->is_t;
        f->values = &sv;
        f->lit = &sl;
        f->is_t = 0;   /* fields inside a t-string's spec are FormattedValue */
        const char *r = parse_literal_part(f, pos + 1, end, 1);
        f->is_t = saved_t;
        f->values = saved_vals;
        f->lit = saved_lit;
        if (!r) return NULL;
        if (!(spec = cm_ast_expr(p->arena, CM_E_JOINEDSTR, f->loc))) return cm_parse_nomem(p);
        spec->v.joinedstr.values = cm_parse_expr_seq(p, &sv);
        pos = r;
    }
    if (pos >= end || *pos != '}') {
        ferr_at(f, pos, 0, f->is_t ? "t-string: expecting '}'" : "f-string: expecting '}'");
        return NULL;
    }
    if (debug && conversion < 0 && !spec) conversion = 'r';
    if (!lit_flush(f)) return NULL;
    cm_loc loc = {fline, (int)(q - fls), f->line, colof(f, pos) + 1};
    cm_expr *fv = cm_ast_expr(p->arena, f->is_t ? CM_E_INTERPOLATION : CM_E_FORMATTEDVALUE, loc);
    if (!fv) return cm_parse_nomem(p);
    fv->v.fvalue.value = value;
    fv->v.fvalue.conversion = conversion;
    fv->v.fvalue.format_spec = spec;
    fv->v.fvalue.str = cm_arena_strdup(p->arena, s, (size_t)(te - s));
    fv->v.fvalue.str_len = (size_t)(te - s);
    if (!fv->v.fvalue.str) return cm_parse_nomem(p);
    if (!cm_parse_vpush(p, f->values, fv)) return NULL;
    return pos + 1;
}

/* Walks literal text with fields.  In a format spec (in_spec) it stops at
 * the closing '}' and returns its position; otherwise returns end. */
static const char *parse_literal_part(fctx *f, const char *q, const char *end, int in_spec)
{
    const char *chunk = q;
    int raw = f->flags & CM_STR_RAW;
    while (q < end) {
        char c = *q;
        if (c == '\\' && !raw && q + 1 < end) {
            if (q[1] == 'N' && q + 2 < end && q[2] == '{') {
                const char *close = memchr(q, '}', (size_t)(end - q));
                q = close ? close + 1 : end;
                continue;
            }
            q += (q[1] == '{' || q[1] == '}') ? 1 : 2;
            continue;
        }
        if (c == '\n' && in_spec && !(f->flags & CM_STR_TRIPLE)) {
            ferr_at(f, q, 0, "f-string: newlines are not allowed in format specifiers for single quoted f-strings");
            return NULL;
        }
        if (c == '\n') { f->line++; f->line_start = q + 1; q++; continue; }
        if (c != '{' && c != '}') { q++; continue; }
        if (!lit_decode(f, chunk, q)) return NULL;
        if (!in_spec && q + 1 < end && q[1] == c) {
            if (!lit_append(f->p, f->lit, q, 1)) return NULL;
            q += 2;
            chunk = q;
            continue;
        }
        if (c == '}') {
            if (in_spec) { return lit_flush(f) ? q : NULL; }
            ferr_at(f, q, 0, f->is_t ? "t-string: single '}' is not allowed"
                                      : "f-string: single '}' is not allowed");
            return NULL;
        }
        if (!(q = parse_field(f, q, end))) return NULL;
        chunk = q;
    }
    if (in_spec) {
        ferr_at(f, end, 0, f->is_t ? "t-string: expecting '}'" : "f-string: expecting '}'");
        return NULL;
    }
    if (!lit_decode(f, chunk, end)) return NULL;
    return end;
}

/* Plain (non-f) string or bytes token decoded onto the literal buffer. */
static int decode_plain(cm_parser *p, cm_token *t, litbuf *b)
{
    fctx f;
    memset(&f, 0, sizeof f);
    f.p = p;
    f.tok = t;
    f.flags = t->str_flags;
    f.lit = b;
    return lit_decode(&f, t->body, t->body_end);
}

static cm_expr *finish_fstring(cm_parser *p, cm_token *first, cm_token *last, int is_t)
{
    pvec values = {0};
    litbuf lit = {0};
    cm_loc loc = cm_parse_span(cm_parse_tok_loc(first), cm_parse_tok_loc(last));
    for (cm_token *t = first; t <= last; t++) {
        if (!(t->str_flags & (CM_STR_F | CM_STR_T))) {
            if (!decode_plain(p, t, &lit)) return NULL;
            continue;
        }
        fctx f = {p, t, t->str_flags, t->body_lineno, t->body_line_start, &values, &lit,
                  loc, is_t};
        if (!parse_literal_part(&f, t->body, t->body_end, 0)) return NULL;
    }
    fctx f = {p, last, 0, 0, NULL, &values, &lit, loc, is_t};
    if (!lit_flush(&f)) return NULL;
    cm_expr *e = cm_ast_expr(p->arena, is_t ? CM_E_TEMPLATESTR : CM_E_JOINEDSTR, loc);
    if (!e) return cm_parse_nomem(p);
    e->v.joinedstr.values = cm_parse_expr_seq(p, &values);
    return e;
}

cm_expr *cm_parse_strings(cm_parser *p)
{
    int i0 = p->pos;
    cm_parse_next(p);
    while (cm_parse_is(p, CM_TOK_STRING)) cm_parse_next(p);
    if (p->failed) return NULL;
    /* Index, not pointers: reading ahead may have moved the token array. */
    cm_token *first = &p->toks[i0], *last = &p->toks[p->pos - 1];
    int bytes = 0, text = 0, fmt = 0, tmpl = 0;
    for (cm_token *t = first; t <= last; t++) {
        if (t->str_flags & CM_STR_BYTES) bytes = 1; else text = 1;
        if (t->str_flags & CM_STR_F) fmt = 1;
        if (t->str_flags & CM_STR_T) tmpl = 1;
    }
    if (tmpl && (bytes || fmt || last > first)) {
        for (cm_token *t = first; t <= last; t++)
            if (!(t->str_flags & CM_STR_T)) {
                cm_parse_error(p, first->lineno, first->col, last->end_lineno, last->end_col,
                               "cannot mix t-string literals with string or bytes literals");
                return NULL;
            }
    }
    if (bytes && text) {
        for (cm_token *t = first + 1; t <= last; t++)
            if ((t->str_flags & CM_STR_BYTES) != (first->str_flags & CM_STR_BYTES)) {
                cm_parse_error_tok(p, t, "cannot mix bytes and nonbytes literals");
                return NULL;
            }
    }
    if (fmt || tmpl) return finish_fstring(p, first, last, tmpl);
    litbuf lit = {0};
    for (cm_token *t = first; t <= last; t++)
        if (!decode_plain(p, t, &lit)) return NULL;
    cm_expr *c = new_const(p, bytes ? CM_CONST_BYTES : CM_CONST_STR,
                           cm_parse_span(cm_parse_tok_loc(first), cm_parse_tok_loc(last)));
    if (!c) return NULL;
    c->v.constant.s.data = lit.data ? lit.data : "";
    c->v.constant.s.len = lit.len;
    c->v.constant.is_u = first->start[0] == 'u';   /* CPython: kind='u' for lowercase only */
    return c;
}
