/* lexer.c — Python 3.14 tokenizer.  See lexer.h for the contract.
 *
 * Error messages and positions follow CPython 3.14's tokenizer (checked
 * against the reference interpreter); the parser converts them into
 * SyntaxError/IndentationError. */
#include "lexer.h"

#include <stdio.h>
#include <string.h>

#define TABSIZE 8

/* ------------------------------------------------------------ utilities */

int cm_lex_char_col(const char *line_start, int byte_col, const char *end)
{
    int n = 0;
    const char *p = line_start, *stop = line_start + byte_col;
    if (stop > end) stop = end;
    for (; p < stop; p++)
        if (((unsigned char)*p & 0xC0) != 0x80) n++;
    return n + 1;
}

/* Start of the line `target` counting from (line_start, lineno). */
static const char *line_at(const char *line_start, int lineno, int target,
                           const char *end)
{
    const char *p = line_start;
    while (lineno < target && p < end) {
        if (*p++ == '\n') lineno++;
    }
    return p;
}

void cm_lex_set_error(cm_syntax_error *err, const char *src,
                      const char *line_start, int lineno, int col,
                      int end_lineno, int end_col, const char *msg)
{
    (void)src;
    /* src is unused by design: columns are relative to line_start. */
    memset(err, 0, sizeof *err);
    snprintf(err->msg, sizeof err->msg, "%s", msg);
    err->lineno = lineno;
    err->end_lineno = end_lineno;
    const char *big_end = line_start + 0x7fffffff / 2;
    err->col_offset = col < 0 ? col : cm_lex_char_col(line_start, col, big_end);
    if (end_col < 0 || end_lineno <= 0) {
        err->end_col_offset = end_col;
    } else {
        const char *el = line_at(line_start, lineno, end_lineno, big_end);
        err->end_col_offset = cm_lex_char_col(el, end_col, big_end);
    }
}

/* Error at a byte position of the current line (1-char wide span). */
static cm_tok_type lex_error_at(cm_lexer *lx, cm_token *t, const char *at,
                                const char *msg, int end_delta)
{
    int col = (int)(at - lx->line_start);
    cm_lex_set_error(&lx->err, lx->src, lx->line_start, lx->lineno, col,
                     lx->lineno, col + end_delta, msg);
    /* cm_lex_set_error converts to 1-based, matching SyntaxError.offset;
     * the exclusive end equals the start for CPython's tokenizer errors. */
    t->type = CM_TOK_ERROR;
    return CM_TOK_ERROR;
}

static void lex_base_init(cm_lexer *lx, const char *src, const char *start,
                          const char *end)
{
    memset(lx, 0, sizeof *lx);
    lx->src = src;
    lx->pos = start;
    lx->end = end;
    lx->line_start = start;
    lx->lineno = 1;
    lx->at_bol = 1;
    lx->indent_n = 0;
}

void cm_lex_init(cm_lexer *lx, const char *src, size_t len)
{
    lex_base_init(lx, src, src, src + len);
    /* A UTF-8 BOM is skipped, as CPython does. */
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) {
        lx->pos += 3;
        lx->line_start = lx->pos;
    }
}

void cm_lex_init_sub(cm_lexer *lx, const char *src, const char *start,
                     const char *end, int lineno, const char *line_start)
{
    lex_base_init(lx, src, start, end);
    lx->lineno = lineno;
    lx->line_start = line_start;
    lx->at_bol = 0;
    lx->is_sub = 1;
}

static int is_id_start(unsigned c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           c >= 0x80;
}

static int is_id_char(unsigned c)
{
    return is_id_start(c) || (c >= '0' && c <= '9');
}

/* Decodes one UTF-8 sequence; returns its length or 0 if invalid. */
static int utf8_decode(const unsigned char *p, const unsigned char *end,
                       unsigned *cp)
{
    unsigned c = p[0];
    int n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3
          : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (!n || end - p < n) return 0;
    unsigned v = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 7;
    for (int i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80) return 0;
        v = (v << 6) | (p[i] & 0x3F);
    }
    static const unsigned minv[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (v < minv[n] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
    *cp = v;
    return n;
}

/* Non-ASCII code points that cannot appear in identifiers.  A small table
 * instead of full XID tables: punctuation, symbols, spaces, emoji. */
static int is_bad_id_cp(unsigned cp)
{
    static const unsigned ranges[][2] = {
        {0x80, 0xA9}, {0xAB, 0xB4}, {0xB6, 0xB6}, {0xB8, 0xB9}, {0xBB, 0xBF},
        {0xD7, 0xD7}, {0xF7, 0xF7}, {0x2000, 0x206F}, {0x20A0, 0x20CF},
        {0x2100, 0x2101}, {0x2190, 0x2BFF}, {0x3000, 0x3003},
        {0x3008, 0x3020}, {0xFE10, 0xFE6F}, {0xFEFF, 0xFEFF},
        {0xFF01, 0xFF0F}, {0xFF1A, 0xFF20}, {0xFF3B, 0xFF40},
        {0xFF5B, 0xFF65}, {0x1F000, 0x1FAFF}};
    for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
        if (cp >= ranges[i][0] && cp <= ranges[i][1]) return 1;
    return 0;
}

static int is_printable_cp(unsigned cp)
{
    return !(cp < 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0xAD ||
             (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
             (cp >= 0x205F && cp <= 0x206F) || cp == 0xFEFF || cp == 0x3000);
}

/* "invalid character '…' (U+2026)" or the non-printable variant. */
static cm_tok_type bad_char(cm_lexer *lx, cm_token *t, const char *at,
                            unsigned cp, int n)
{
    char msg[80];
    if (is_printable_cp(cp))
        snprintf(msg, sizeof msg, "invalid character '%.*s' (U+%04X)", n, at, cp);
    else
        snprintf(msg, sizeof msg, "invalid non-printable character U+%04X", cp);
    return lex_error_at(lx, t, at, msg, 0);
}

/* ------------------------------------------------------------- keywords */

static int keyword_of(const char *s, size_t n)
{
    static const char *const kws[] = {
        "", "False", "None", "True", "and", "as", "assert", "async", "await",
        "break", "class", "continue", "def", "del", "elif", "else", "except",
        "finally", "for", "from", "global", "if", "import", "in", "is",
        "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
        "while", "with", "yield"};
    if (n < 2 || n > 8) return 0;
    for (int i = 1; i < (int)(sizeof kws / sizeof kws[0]); i++)
        if (strlen(kws[i]) == n && memcmp(kws[i], s, n) == 0) return i;
    return 0;
}

/* ----------------------------------------------------------- operators */

typedef struct { const char *text; cm_tok_type type; } op_entry;

/* Longest operators first so the first match wins. */
static const op_entry ops[] = {
    {"**=", CM_TOK_DOUBLESTAREQUAL}, {"//=", CM_TOK_DOUBLESLASHEQUAL},
    {">>=", CM_TOK_RIGHTSHIFTEQUAL}, {"<<=", CM_TOK_LEFTSHIFTEQUAL},
    {"...", CM_TOK_ELLIPSIS}, {"!=", CM_TOK_NOTEQUAL}, {"%=", CM_TOK_PERCENTEQUAL},
    {"&=", CM_TOK_AMPEREQUAL}, {"**", CM_TOK_DOUBLESTAR}, {"*=", CM_TOK_STAREQUAL},
    {"+=", CM_TOK_PLUSEQUAL}, {"-=", CM_TOK_MINEQUAL}, {"->", CM_TOK_RARROW},
    {"//", CM_TOK_DOUBLESLASH}, {"/=", CM_TOK_SLASHEQUAL}, {":=", CM_TOK_COLONEQUAL},
    {"<<", CM_TOK_LEFTSHIFT}, {"<=", CM_TOK_LESSEQUAL}, {"==", CM_TOK_EQEQUAL},
    {">=", CM_TOK_GREATEREQUAL}, {">>", CM_TOK_RIGHTSHIFT}, {"@=", CM_TOK_ATEQUAL},
    {"^=", CM_TOK_CIRCUMFLEXEQUAL}, {"|=", CM_TOK_VBAREQUAL}, {"<>", CM_TOK_ERROR},
    {"(", CM_TOK_LPAR}, {")", CM_TOK_RPAR}, {"[", CM_TOK_LSQB}, {"]", CM_TOK_RSQB},
    {"{", CM_TOK_LBRACE}, {"}", CM_TOK_RBRACE}, {":", CM_TOK_COLON},
    {",", CM_TOK_COMMA}, {";", CM_TOK_SEMI}, {"+", CM_TOK_PLUS}, {"-", CM_TOK_MINUS},
    {"*", CM_TOK_STAR}, {"/", CM_TOK_SLASH}, {"|", CM_TOK_VBAR}, {"&", CM_TOK_AMPER},
    {"<", CM_TOK_LESS}, {">", CM_TOK_GREATER}, {"=", CM_TOK_EQUAL}, {".", CM_TOK_DOT},
    {"%", CM_TOK_PERCENT}, {"~", CM_TOK_TILDE}, {"^", CM_TOK_CIRCUMFLEX},
    {"@", CM_TOK_AT}, {"!", CM_TOK_EXCLAMATION}};

static cm_tok_type match_op(const char *p, const char *end, int *len)
{
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        size_t n = strlen(ops[i].text);
        if ((size_t)(end - p) >= n && memcmp(p, ops[i].text, n) == 0) {
            if (ops[i].type == CM_TOK_ERROR) continue;   /* '<>' is not valid */
            *len = (int)n;
            return ops[i].type;
        }
    }
    return CM_TOK_ERROR;
}

/* ------------------------------------------------------------- brackets */

static cm_tok_type open_bracket(cm_lexer *lx, cm_token *t, char c)
{
    if (lx->level >= CM_LEX_MAXLEVEL)
        return lex_error_at(lx, t, t->start, "too many nested parentheses", 0);
    lx->paren[lx->level] = c;
    lx->paren_line[lx->level] = lx->lineno;
    lx->paren_col[lx->level] = (int)(t->start - lx->line_start);
    lx->level++;
    return t->type;
}

static cm_tok_type close_bracket(cm_lexer *lx, cm_token *t, char c)
{
    char msg[120];
    if (lx->level == 0) {
        snprintf(msg, sizeof msg, "unmatched '%c'", c);
        return lex_error_at(lx, t, t->start, msg, 0);
    }
    char o = lx->paren[lx->level - 1];
    if ((o == '(' && c != ')') || (o == '[' && c != ']') || (o == '{' && c != '}')) {
        if (lx->paren_line[lx->level - 1] != lx->lineno)
            snprintf(msg, sizeof msg, "closing parenthesis '%c' does not match "
                     "opening parenthesis '%c' on line %d", c, o,
                     lx->paren_line[lx->level - 1]);
        else
            snprintf(msg, sizeof msg, "closing parenthesis '%c' does not match "
                     "opening parenthesis '%c'", c, o);
        return lex_error_at(lx, t, t->start, msg, 0);
    }
    lx->level--;
    return t->type;
}

/* --------------------------------------------------------------- numbers */

static int is_digit_in(unsigned c, int base)
{
    if (base == 16)
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    return c >= '0' && c < (unsigned)('0' + base);
}

/* Reads digits with single underscores between them.  Returns 0 on a
 * misplaced underscore (pointing *p at the bad char). */
static int scan_digits(const char **pp, const char *end, int base)
{
    const char *p = *pp;
    for (;;) {
        while (p < end && is_digit_in((unsigned char)*p, base)) p++;
        if (p < end && *p == '_') {
            p++;
            if (p >= end || !is_digit_in((unsigned char)*p, base)) { *pp = p; return 0; }
            continue;
        }
        break;
    }
    *pp = p;
    return 1;
}

/* Keywords that may directly follow a number (`1if x else y`). */
static int number_may_be_followed(const char *p, const char *end)
{
    static const char *const kws[] = {"and", "else", "for", "if", "in", "is",
                                      "not", "or"};
    for (size_t i = 0; i < sizeof kws / sizeof kws[0]; i++) {
        size_t n = strlen(kws[i]);
        if ((size_t)(end - p) >= n && memcmp(p, kws[i], n) == 0) return 1;
    }
    return 0;
}

static cm_tok_type number_end(cm_lexer *lx, cm_token *t, const char *p,
                              const char *kind)
{
    char msg[64];
    unsigned cp = 0;
    if (p < lx->end && (unsigned char)*p >= 0x80 &&
        utf8_decode((const unsigned char *)p, (const unsigned char *)lx->end, &cp) &&
        is_bad_id_cp(cp)) {
        lx->pos = p;   /* the next token reports the invalid character */
        t->type = CM_TOK_NUMBER;
        return CM_TOK_NUMBER;
    }
    if (p < lx->end && is_id_char((unsigned char)*p) &&
        !number_may_be_followed(p, lx->end)) {
        snprintf(msg, sizeof msg, "invalid %s literal", kind);
        /* CPython points at the last char of the number for decimals,
         * else at the bad char. */
        return lex_error_at(lx, t, kind[0] == 'd' ? p - 1 : p, msg, 0);
    }
    lx->pos = p;
    t->type = CM_TOK_NUMBER;
    return CM_TOK_NUMBER;
}

static cm_tok_type radix_number(cm_lexer *lx, cm_token *t, const char *p)
{
    char c = (char)(p[1] | 0x20);
    int base = c == 'x' ? 16 : c == 'o' ? 8 : 2;
    const char *kind = base == 16 ? "hexadecimal" : base == 8 ? "octal" : "binary";
    char msg[64];
    p += 2;
    if (p < lx->end && *p == '_') p++;
    if (p >= lx->end || !is_digit_in((unsigned char)*p, base)) {
        if (p < lx->end && base != 16 && *p >= '0' && *p <= '9') {
            snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", *p, kind);
            return lex_error_at(lx, t, p, msg, 0);
        }
        snprintf(msg, sizeof msg, "invalid %s literal", kind);
        return lex_error_at(lx, t, p - 1, msg, 0);
    }
    if (!scan_digits(&p, lx->end, base)) {
        snprintf(msg, sizeof msg, "invalid %s literal", kind);
        return lex_error_at(lx, t, p - 1, msg, 0);
    }
    if (p < lx->end && base != 16 && *p >= '0' && *p <= '9') {
        snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", *p, kind);
        return lex_error_at(lx, t, p, msg, 0);
    }
    return number_end(lx, t, p, kind);
}

/* Fraction/exponent/imaginary tail after the integer part. */
static cm_tok_type number_tail(cm_lexer *lx, cm_token *t, const char *p)
{
    const char *end = lx->end;
    if (p < end && *p == '.') {
        p++;
        if (p < end && *p >= '0' && *p <= '9' && !scan_digits(&p, end, 10))
            return lex_error_at(lx, t, p - 1, "invalid decimal literal", 0);
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        const char *e = p++;
        if (p < end && (*p == '+' || *p == '-')) p++;
        if (p >= end || *p < '0' || *p > '9') {
            if (p == e + 1 && p < end && is_id_char((unsigned char)*p) &&
                number_may_be_followed(e, end)) {
                lx->pos = e;
                t->type = CM_TOK_NUMBER;
                return CM_TOK_NUMBER;
            }
            return lex_error_at(lx, t, e > t->start ? e - 1 : e, "invalid decimal literal", 0);
        }
        if (!scan_digits(&p, end, 10))
            return lex_error_at(lx, t, p - 1, "invalid decimal literal", 0);
    }
    if (p < end && (*p == 'j' || *p == 'J')) p++;
    return number_end(lx, t, p, "decimal");
}

static cm_tok_type lex_number(cm_lexer *lx, cm_token *t)
{
    const char *p = t->start, *end = lx->end;
    if (*p == '0' && p + 1 < end &&
        ((p[1] | 0x20) == 'x' || (p[1] | 0x20) == 'o' || (p[1] | 0x20) == 'b'))
        return radix_number(lx, t, p);
    if (*p == '.') return number_tail(lx, t, p);
    const char *digits_start = p;
    if (!scan_digits(&p, end, 10))
        return lex_error_at(lx, t, p - 1, "invalid decimal literal", 0);
    /* Leading zeros are only allowed for zero itself or floats. */
    if (*digits_start == '0' && (p >= end || (*p != '.' && (*p | 0x20) != 'e' &&
                                              (*p | 0x20) != 'j'))) {
        for (const char *q = digits_start; q < p; q++)
            if (*q != '0' && *q != '_')
                return lex_error_at(lx, t, digits_start,
                    "leading zeros in decimal integer literals are not "
                    "permitted; use an 0o prefix for octal integers", 1);
    }
    return number_tail(lx, t, p);
}

/* --------------------------------------------------------------- strings */

/* Parses a string prefix [s, e); returns flags or -1 if not a prefix. */
static int string_prefix(const char *s, const char *e)
{
    int f = 0;
    for (; s < e; s++) {
        int bit;
        switch (*s | 0x20) {
        case 'r': bit = CM_STR_RAW; break;
        case 'b': bit = CM_STR_BYTES; break;
        case 'f': bit = CM_STR_F; break;
        case 't': bit = CM_STR_T; break;
        case 'u': bit = CM_STR_U; break;
        default: return -1;
        }
        if (f & bit) return -1;
        f |= bit;
    }
    if ((f & CM_STR_U) && f != CM_STR_U) return -1;
    int kinds = !!(f & CM_STR_BYTES) + !!(f & CM_STR_F) + !!(f & CM_STR_T);
    return kinds > 1 ? -1 : f;
}

typedef struct str_scan {
    const char *p, *end;
    int lineno;
    const char *line_start;
    int depth;              /* nested replacement fields (bounded) */
    const char *fail_at;    /* where a field failed: "expecting '}'" */
    int too_deep;
} str_scan;

#define MAX_FSTRING_NESTING 150

static void scan_newline(str_scan *s)
{
    s->lineno++;
    s->line_start = s->p;
}

static int scan_string_body(str_scan *s, char q, int triple, int flags);

/* Skips one replacement field after '{' (up to and including the closing
 * '}'), handling nested brackets, strings and format specs.  Returns 0 if
 * the body ends first. */
static int scan_field_inner(str_scan *s, char q, int triple);

static int scan_field(str_scan *s, char q, int triple)
{
    if (++s->depth > MAX_FSTRING_NESTING) {
        s->too_deep = 1;
        if (!s->fail_at) s->fail_at = s->p;
        return 0;
    }
    int r = scan_field_inner(s, q, triple);
    s->depth--;
    if (!r && !s->fail_at) s->fail_at = s->p;
    return r;
}

static int scan_field_inner(str_scan *s, char q, int triple)
{
    int depth = 0;
    while (s->p < s->end) {
        char c = *s->p;
        if (!triple && c == q && depth == 0) {
            /* Same quote as the enclosing string: PEP 701 nested string,
             * unless it terminates the f-string (unclosed field). */
        }
        if (c == '\n') { s->p++; scan_newline(s); continue; }
        if (c == '#') { while (s->p < s->end && *s->p != '\n') s->p++; continue; }
        if (c == '\'' || c == '"') {
            const char *st = s->p;
            const char *pre = st;
            while (pre > s->line_start && is_id_char((unsigned char)pre[-1])) pre--;
            int fl = string_prefix(pre, st);
            if (fl < 0) fl = 0;
            int tr = s->end - st >= 3 && st[1] == c && st[2] == c;
            s->p += tr ? 3 : 1;
            if (!scan_string_body(s, c, tr, fl)) {
                if (!s->fail_at) s->fail_at = st;
                return 0;
            }
            continue;
        }
        if (c == '(' || c == '[' || c == '{') depth++;
        else if (c == ')' || c == ']') depth--;
        else if (c == '}') {
            if (depth == 0) { s->p++; return 1; }
            depth--;
        } else if (c == ':' && depth == 0) {
            s->p++;
            /* Format spec: literal text with nested fields, ends at '}'. */
            while (s->p < s->end && *s->p != '}') {
                if (*s->p == '{') { s->p++; if (!scan_field(s, q, triple)) return 0; continue; }
                if (*s->p == q && !triple) return 0;
                if (*s->p == '\n') { s->p++; scan_newline(s); continue; }
                s->p++;
            }
            if (s->p >= s->end) return 0;
            s->p++;
            return 1;
        }
        s->p++;
    }
    return 0;
}

/* Scans a string body after the opening quote(s); leaves s->p after the
 * closing quote(s).  Returns 0 if unterminated. */
static int scan_string_body(str_scan *s, char q, int triple, int flags)
{
    int fmt = flags & (CM_STR_F | CM_STR_T);
    while (s->p < s->end) {
        char c = *s->p;
        if (c == '\\') {
            s->p++;
            if (s->p >= s->end) return 0;
            if (fmt && !(flags & CM_STR_RAW) && *s->p == 'N' &&
                s->p + 1 < s->end && s->p[1] == '{') {
                while (s->p < s->end && *s->p != '}' && *s->p != q && *s->p != '\n') s->p++;
                continue;
            }
            if (*s->p == '\n') { s->p++; scan_newline(s); continue; }
            if (fmt && (*s->p == '{' || *s->p == '}')) continue;
            s->p++;
            continue;
        }
        if (c == q && (!triple || (s->end - s->p >= 3 && s->p[1] == q && s->p[2] == q))) {
            s->p += triple ? 3 : 1;
            return 1;
        }
        if (c == '\n') {
            if (!triple) return 0;
            s->p++;
            scan_newline(s);
            continue;
        }
        if (fmt && c == '{') {
            s->p++;
            if (s->p < s->end && *s->p == '{') { s->p++; continue; }
            if (!scan_field(s, q, triple)) return 0;
            continue;
        }
        s->p++;
    }
    return 0;
}

static cm_tok_type lex_string(cm_lexer *lx, cm_token *t, const char *q, int flags)
{
    char quote = *q;
    int triple = lx->end - q >= 3 && q[1] == quote && q[2] == quote;
    str_scan s = {q + (triple ? 3 : 1), lx->end, lx->lineno, lx->line_start, 0, NULL, 0};
    t->str_flags = flags | (triple ? CM_STR_TRIPLE : 0);
    t->body = s.p;
    t->body_lineno = lx->lineno;
    t->body_line_start = lx->line_start;
    if (!scan_string_body(&s, quote, triple, flags)) {
        char msg[96];
        int at_line = s.lineno;
        if (!triple && s.p < s.end && *s.p == '\n') at_line = s.lineno;
        if (s.p >= s.end && s.p > t->body && s.p[-1] == '\n')
            at_line = s.lineno - 1;   /* EOF right after a newline */
        snprintf(msg, sizeof msg, "unterminated %sstring literal (detected at line %d)",
                 triple ? "triple-quoted " : "", at_line);
        if (s.fail_at && !triple) {
            /* A replacement field never closed: CPython's message and spot. */
            const char *ls = lx->line_start;
            int line = lx->lineno;
            for (const char *k = ls; k < s.fail_at; k++)
                if (*k == '\n') { line++; ls = k + 1; }
            snprintf(msg, sizeof msg, s.too_deep ? "too many nested f-strings or t-strings" :
                     (flags & CM_STR_T) ? "t-string: expecting '}'" : "f-string: expecting '}'");
            int col = (int)(s.fail_at - ls);
            cm_lex_set_error(&lx->err, lx->src, ls, line, col, line, col, msg);
            t->type = CM_TOK_ERROR;
            return CM_TOK_ERROR;
        }
        return lex_error_at(lx, t, t->start, msg, 0);
    }
    t->body_end = s.p - (triple ? 3 : 1);
    lx->pos = s.p;
    lx->lineno = s.lineno;
    lx->line_start = s.line_start;
    t->type = CM_TOK_STRING;
    return CM_TOK_STRING;
}

const char *cm_lex_scan_fexpr(const char *p, const char *body_end)
{
    int depth = 0;
    while (p < body_end) {
        char c = *p;
        if (c == '\'' || c == '"') {
            int tr = body_end - p >= 3 && p[1] == c && p[2] == c;
            const char *pre = p;
            while (pre > p - 3 && is_id_char((unsigned char)pre[-1])) pre--;
            str_scan s = {p + (tr ? 3 : 1), body_end, 0, p, 0, NULL, 0};
            int fl = string_prefix(pre, p);
            if (!scan_string_body(&s, c, tr, fl < 0 ? 0 : fl)) return NULL;
            p = s.p;
            continue;
        }
        if (c == '#') { while (p < body_end && *p != '\n') p++; continue; }
        if (c == '(' || c == '[' || c == '{') depth++;
        else if (c == ')' || c == ']') { if (depth) depth--; }
        else if (c == '}') { if (depth == 0) return p; depth--; }
        else if (depth == 0 && c == '!' && (p + 1 >= body_end || p[1] != '=')) return p;
        else if (depth == 0 && c == ':') return p;
        else if (depth == 0 && c == '=' && (p + 1 >= body_end || p[1] != '=')) {
            /* a lone '=' (not part of ==, !=, <=, >=, :=) is the debug marker */
            char prev = p[-1];
            if (prev != '=' && prev != '!' && prev != '<' && prev != '>' && prev != ':')
                return p;
        } else if (depth == 0 && c == '=' ) { p += 2; continue; }
        p++;
    }
    return NULL;
}

/* ------------------------------------------------------------ the loop */

/* Measures indentation of the line at lx->pos; advances past it. */
static void measure_indent(cm_lexer *lx, int *col, int *altcol)
{
    *col = *altcol = 0;
    for (; lx->pos < lx->end; lx->pos++) {
        char c = *lx->pos;
        if (c == ' ') { (*col)++; (*altcol)++; }
        else if (c == '\t') { *col = (*col / TABSIZE + 1) * TABSIZE; (*altcol)++; }
        else if (c == '\f') { *col = *altcol = 0; }
        else break;
    }
}

static cm_tok_type indent_error(cm_lexer *lx, cm_token *t, const char *msg,
                                int tab, int col)
{
    cm_lex_set_error(&lx->err, lx->src, lx->line_start, lx->lineno, col,
                     lx->lineno, -1, msg);
    lx->err.is_indentation_error = 1;
    lx->err.is_tab_error = tab;
    if (tab) lx->err.end_col_offset = 0;
    t->type = CM_TOK_ERROR;
    return CM_TOK_ERROR;
}

/* Handles the start of a logical line: blank lines, comments, indents.
 * Returns CM_TOK_ENDMARKER when nothing is to be emitted yet (continue),
 * or an INDENT/DEDENT/ERROR type. */
static cm_tok_type line_start_(cm_lexer *lx, cm_token *t)
{
    for (;;) {
        int col, altcol;
        lx->line_start = lx->pos;
        measure_indent(lx, &col, &altcol);
        const char *p = lx->pos;
        if (p < lx->end && (*p == '#' || *p == '\n' || *p == '\r' ||
                            (*p == '\\' && 0))) {
            while (lx->pos < lx->end && *lx->pos != '\n') lx->pos++;
            if (lx->pos < lx->end) { lx->pos++; lx->lineno++; continue; }
            return CM_TOK_ENDMARKER;
        }
        if (p >= lx->end) return CM_TOK_ENDMARKER;   /* EOF: no indent change */
        lx->at_bol = 0;
        int top = lx->indent_n ? lx->indent[lx->indent_n - 1] : 0;
        int alttop = lx->indent_n ? lx->altindent[lx->indent_n - 1] : 0;
        t->start = t->end = p;
        t->lineno = t->end_lineno = lx->lineno;
        t->col = t->end_col = (int)(p - lx->line_start);
        if (col == top) {
            if (altcol != alttop)
                return indent_error(lx, t, "inconsistent use of tabs and spaces in indentation", 1, 0);
            return CM_TOK_ENDMARKER;
        }
        if (col > top) {
            if (lx->indent_n >= CM_LEX_MAXINDENT)
                return indent_error(lx, t, "too many levels of indentation", 0, 0);
            if (altcol <= alttop)
                return indent_error(lx, t, "inconsistent use of tabs and spaces in indentation", 1, 0);
            lx->indent[lx->indent_n] = col;
            lx->altindent[lx->indent_n++] = altcol;
            lx->pending = 1;
            return CM_TOK_ENDMARKER;
        }
        int n = 0;
        while (lx->indent_n > 0 && col < lx->indent[lx->indent_n - 1]) {
            lx->indent_n--;
            n++;
        }
        int newtop = lx->indent_n ? lx->indent[lx->indent_n - 1] : 0;
        if (col != newtop) {
            /* CPython points just past the end of the offending line. */
            const char *eol = p;
            while (eol < lx->end && *eol != '\n') eol++;
            return indent_error(lx, t, "unindent does not match any outer indentation level",
                                0, (int)(eol - lx->line_start));
        }
        int newalt = lx->indent_n ? lx->altindent[lx->indent_n - 1] : 0;
        if (altcol != newalt)
            return indent_error(lx, t, "inconsistent use of tabs and spaces in indentation", 1, 0);
        lx->pending = -n;
        return CM_TOK_ENDMARKER;
    }
}

static void set_end(cm_lexer *lx, cm_token *t)
{
    t->end = lx->pos;
    t->end_lineno = lx->lineno;
    t->end_col = (int)(lx->pos - lx->line_start);
}

static cm_tok_type emit_simple(cm_lexer *lx, cm_token *t, cm_tok_type type)
{
    t->type = type;
    t->end = t->start;
    t->end_lineno = t->lineno;
    t->end_col = t->col;
    (void)lx;
    return type;
}

/* End of input: final NEWLINE, DEDENTs, ENDMARKER; or unclosed bracket. */
static cm_tok_type lex_eof(cm_lexer *lx, cm_token *t)
{
    if (lx->level > 0 && !lx->is_sub) {
        char msg[64];
        snprintf(msg, sizeof msg, "'%c' was never closed", lx->paren[lx->level - 1]);
        const char *ls = line_at(lx->src, 1, lx->paren_line[lx->level - 1], lx->end);
        if (lx->src[0] == '\xEF' && lx->paren_line[lx->level - 1] == 1) ls = lx->line_start;
        cm_lex_set_error(&lx->err, lx->src, ls, lx->paren_line[lx->level - 1],
                         lx->paren_col[lx->level - 1], lx->paren_line[lx->level - 1], -1, msg);
        lx->err.end_col_offset = 0;
        t->type = CM_TOK_ERROR;
        return CM_TOK_ERROR;
    }
    if (lx->cont_line && !lx->is_sub) {
        lx->cont_line = NULL;
        return lex_error_at(lx, t, lx->pos, "unexpected EOF while parsing", 0);
    }
    if (!lx->is_sub && lx->emitted_any && !lx->last_was_newline) {
        lx->last_was_newline = 1;
        return emit_simple(lx, t, CM_TOK_NEWLINE);
    }
    if (!lx->is_sub && lx->indent_n > 0) {
        lx->indent_n--;
        return emit_simple(lx, t, CM_TOK_DEDENT);
    }
    lx->done = 1;
    return emit_simple(lx, t, CM_TOK_ENDMARKER);
}

static cm_tok_type lex_name_or_string(cm_lexer *lx, cm_token *t)
{
    const char *p = lx->pos;
    while (p < lx->end && is_id_char((unsigned char)*p)) {
        if ((unsigned char)*p >= 0x80) {
            unsigned cp;
            int n = utf8_decode((const unsigned char *)p, (const unsigned char *)lx->end, &cp);
            if (!n) return lex_error_at(lx, t, p, "(unicode error) 'utf-8' codec can't decode byte", 0);
            if (is_bad_id_cp(cp)) {
                if (p == lx->pos) return bad_char(lx, t, p, cp, n);
                break;
            }
            p += n;
        } else {
            p++;
        }
    }
    if (p < lx->end && (*p == '\'' || *p == '"')) {
        int flags = string_prefix(lx->pos, p);
        if (flags >= 0) return lex_string(lx, t, p, flags);
    }
    if (p < lx->end && (unsigned char)*p >= 0x80) {
        unsigned cp = 0;
        int n = utf8_decode((const unsigned char *)p, (const unsigned char *)lx->end, &cp);
        if (n) return bad_char(lx, t, p, cp, n);
    }
    lx->pos = p;
    t->type = CM_TOK_NAME;
    t->kw = keyword_of(t->start, (size_t)(p - t->start));
    return CM_TOK_NAME;
}

/* Skips spaces, comments and line continuations inside a logical line.
 * Returns CM_TOK_ERROR (with err) or CM_TOK_ENDMARKER when fine. */
static cm_tok_type skip_space(cm_lexer *lx, cm_token *t)
{
    for (;;) {
        while (lx->pos < lx->end && (*lx->pos == ' ' || *lx->pos == '\t' ||
                                     *lx->pos == '\f' || *lx->pos == '\r'))
            lx->pos++;
        if (lx->pos < lx->end && *lx->pos == '#') {
            while (lx->pos < lx->end && *lx->pos != '\n') lx->pos++;
        }
        if (lx->pos < lx->end && *lx->pos == '\\') {
            const char *q = lx->pos + 1;
            if (q < lx->end && *q == '\r') q++;
            if (q >= lx->end || *q != '\n') {
                if (q >= lx->end) { lx->cont_line = lx->line_start; lx->pos = q; continue; }
                t->start = lx->pos;
                lex_error_at(lx, t, lx->pos + 1,
                    "unexpected character after line continuation character", 0);
                lx->err.end_col_offset = 0;   /* as CPython reports it */
                return CM_TOK_ERROR;
            }
            lx->pos = q + 1;
            lx->lineno++;
            lx->line_start = lx->pos;
            lx->cont_line = lx->line_start;
            if (lx->pos >= lx->end) {
                cm_lex_set_error(&lx->err, lx->src, lx->line_start, lx->lineno - 1, 0,
                                 lx->lineno - 1, -1, "unexpected EOF while parsing");
                t->type = CM_TOK_ERROR;
                return CM_TOK_ERROR;
            }
            continue;
        }
        return CM_TOK_ENDMARKER;
    }
}

static cm_tok_type lex_token(cm_lexer *lx, cm_token *t)
{
    cm_tok_type r = skip_space(lx, t);
    if (r == CM_TOK_ERROR) return r;
    t->start = lx->pos;
    t->lineno = lx->lineno;
    t->col = (int)(lx->pos - lx->line_start);
    if (lx->pos >= lx->end) return lex_eof(lx, t);
    lx->cont_line = NULL;
    unsigned char c = (unsigned char)*lx->pos;
    if (c == '\n') {
        lx->pos++;
        if (lx->level > 0 || lx->is_sub) {
            lx->lineno++;
            lx->line_start = lx->pos;
            return CM_TOK_INDENT;   /* sentinel: caller loops */
        }
        t->type = CM_TOK_NEWLINE;
        t->end = lx->pos;
        t->end_lineno = lx->lineno;
        t->end_col = t->col + 1;
        lx->lineno++;
        lx->line_start = lx->pos;
        lx->at_bol = 1;
        return CM_TOK_NEWLINE;
    }
    if (is_id_start(c)) return lex_name_or_string(lx, t);
    if ((c >= '0' && c <= '9') ||
        (c == '.' && lx->pos + 1 < lx->end && lx->pos[1] >= '0' && lx->pos[1] <= '9'))
        return lex_number(lx, t);
    if (c == '\'' || c == '"') return lex_string(lx, t, lx->pos, 0);
    int len = 0;
    cm_tok_type op = match_op(lx->pos, lx->end, &len);
    if (op == CM_TOK_ERROR) {
        if (c < 0x80) {
            if (c < 0x20 || c == 0x7f) {
                char msg[64];
                snprintf(msg, sizeof msg, "invalid non-printable character U+%04X", c);
                return lex_error_at(lx, t, lx->pos, msg, 0);
            }
            /* '$', '?', '`': CPython reports plain "invalid syntax". */
            lx->pos++;
            t->type = CM_TOK_ERROR;
            cm_lex_set_error(&lx->err, lx->src, lx->line_start, lx->lineno, t->col,
                             lx->lineno, t->col + 1, "invalid syntax");
            return CM_TOK_ERROR;
        }
        unsigned cp = 0;
        int n = utf8_decode((const unsigned char *)lx->pos, (const unsigned char *)lx->end, &cp);
        if (!n) return lex_error_at(lx, t, lx->pos, "invalid utf-8", 0);
        return bad_char(lx, t, lx->pos, cp, n);
    }
    lx->pos += len;
    t->type = op;
    if (op == CM_TOK_LPAR) return open_bracket(lx, t, '(');
    if (op == CM_TOK_LSQB) return open_bracket(lx, t, '[');
    if (op == CM_TOK_LBRACE) return open_bracket(lx, t, '{');
    if (op == CM_TOK_RPAR) return close_bracket(lx, t, ')');
    if (op == CM_TOK_RSQB) return close_bracket(lx, t, ']');
    if (op == CM_TOK_RBRACE) return close_bracket(lx, t, '}');
    return op;
}

cm_tok_type cm_lex_next(cm_lexer *lx, cm_token *t)
{
    memset(t, 0, sizeof *t);
    if (lx->done) return emit_simple(lx, t, CM_TOK_ENDMARKER);
    for (;;) {
        if (lx->pending > 0) {
            lx->pending--;
            t->start = lx->pos;
            t->lineno = lx->lineno;
            t->col = (int)(lx->pos - lx->line_start);
            return emit_simple(lx, t, CM_TOK_INDENT);
        }
        if (lx->pending < 0) {
            lx->pending++;
            t->start = lx->pos;
            t->lineno = lx->lineno;
            t->col = (int)(lx->pos - lx->line_start);
            return emit_simple(lx, t, CM_TOK_DEDENT);
        }
        if (lx->at_bol && !lx->is_sub && lx->level == 0) {
            cm_tok_type r = line_start_(lx, t);
            if (r == CM_TOK_ERROR) return r;
            lx->at_bol = 0;
            if (lx->pending) continue;
        }
        cm_tok_type r = lex_token(lx, t);
        if (r == CM_TOK_INDENT) continue;   /* newline inside brackets */
        if (r == CM_TOK_NEWLINE) {
            lx->last_was_newline = 1;
            if (!lx->emitted_any) continue;  /* no NEWLINE before first stmt */
            return r;
        }
        if (r == CM_TOK_ENDMARKER || r == CM_TOK_DEDENT) return r;
        if (r == CM_TOK_ERROR) return r;
        if (r != CM_TOK_STRING) set_end(lx, t);
        else {
            t->end = lx->pos;
            t->end_lineno = lx->lineno;
            t->end_col = (int)(lx->pos - lx->line_start);
        }
        lx->emitted_any = 1;
        lx->last_was_newline = 0;
        return r;
    }
}

/* ------------------------------------------------------ string decoding */

/* A few \N{...} names; CPython knows all of Unicode, we know the common
 * ones and report the rest as unknown. Sorted only for readability. */
static const struct { const char *name; unsigned cp; } uni_names[] = {
    {"NULL", 0x0}, {"CHARACTER TABULATION", 0x9}, {"LINE FEED", 0xA},
    {"CARRIAGE RETURN", 0xD}, {"ESCAPE", 0x1B}, {"SPACE", 0x20},
    {"EXCLAMATION MARK", 0x21}, {"QUOTATION MARK", 0x22},
    {"NUMBER SIGN", 0x23}, {"DOLLAR SIGN", 0x24}, {"PERCENT SIGN", 0x25},
    {"AMPERSAND", 0x26}, {"APOSTROPHE", 0x27}, {"ASTERISK", 0x2A},
    {"PLUS SIGN", 0x2B}, {"COMMA", 0x2C}, {"HYPHEN-MINUS", 0x2D},
    {"FULL STOP", 0x2E}, {"SOLIDUS", 0x2F}, {"DIGIT ZERO", 0x30},
    {"COLON", 0x3A}, {"SEMICOLON", 0x3B}, {"LESS-THAN SIGN", 0x3C},
    {"EQUALS SIGN", 0x3D}, {"GREATER-THAN SIGN", 0x3E},
    {"QUESTION MARK", 0x3F}, {"COMMERCIAL AT", 0x40},
    {"LATIN CAPITAL LETTER A", 0x41}, {"REVERSE SOLIDUS", 0x5C},
    {"LOW LINE", 0x5F}, {"GRAVE ACCENT", 0x60}, {"LATIN SMALL LETTER A", 0x61},
    {"LEFT CURLY BRACKET", 0x7B}, {"VERTICAL LINE", 0x7C},
    {"RIGHT CURLY BRACKET", 0x7D}, {"TILDE", 0x7E}, {"DELETE", 0x7F},
    {"NO-BREAK SPACE", 0xA0}, {"INVERTED EXCLAMATION MARK", 0xA1},
    {"CENT SIGN", 0xA2}, {"POUND SIGN", 0xA3}, {"YEN SIGN", 0xA5},
    {"SECTION SIGN", 0xA7}, {"COPYRIGHT SIGN", 0xA9},
    {"LEFT-POINTING DOUBLE ANGLE QUOTATION MARK", 0xAB},
    {"NOT SIGN", 0xAC}, {"SOFT HYPHEN", 0xAD}, {"REGISTERED SIGN", 0xAE},
    {"DEGREE SIGN", 0xB0}, {"PLUS-MINUS SIGN", 0xB1},
    {"SUPERSCRIPT TWO", 0xB2}, {"SUPERSCRIPT THREE", 0xB3},
    {"MICRO SIGN", 0xB5}, {"PILCROW SIGN", 0xB6}, {"MIDDLE DOT", 0xB7},
    {"RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK", 0xBB},
    {"VULGAR FRACTION ONE HALF", 0xBD}, {"INVERTED QUESTION MARK", 0xBF},
    {"LATIN CAPITAL LETTER A WITH GRAVE", 0xC0},
    {"LATIN CAPITAL LETTER E WITH ACUTE", 0xC9},
    {"MULTIPLICATION SIGN", 0xD7}, {"LATIN SMALL LETTER SHARP S", 0xDF},
    {"LATIN SMALL LETTER A WITH GRAVE", 0xE0},
    {"LATIN SMALL LETTER A WITH ACUTE", 0xE1},
    {"LATIN SMALL LETTER A WITH DIAERESIS", 0xE4},
    {"LATIN SMALL LETTER C WITH CEDILLA", 0xE7},
    {"LATIN SMALL LETTER E WITH GRAVE", 0xE8},
    {"LATIN SMALL LETTER E WITH ACUTE", 0xE9},
    {"LATIN SMALL LETTER N WITH TILDE", 0xF1},
    {"LATIN SMALL LETTER O WITH DIAERESIS", 0xF6}, {"DIVISION SIGN", 0xF7},
    {"LATIN SMALL LETTER U WITH DIAERESIS", 0xFC},
    {"GREEK CAPITAL LETTER DELTA", 0x394}, {"GREEK CAPITAL LETTER OMEGA", 0x3A9},
    {"GREEK SMALL LETTER ALPHA", 0x3B1}, {"GREEK SMALL LETTER BETA", 0x3B2},
    {"GREEK SMALL LETTER GAMMA", 0x3B3}, {"GREEK SMALL LETTER DELTA", 0x3B4},
    {"GREEK SMALL LETTER EPSILON", 0x3B5}, {"GREEK SMALL LETTER LAMDA", 0x3BB},
    {"GREEK SMALL LETTER MU", 0x3BC}, {"GREEK SMALL LETTER PI", 0x3C0},
    {"GREEK SMALL LETTER SIGMA", 0x3C3}, {"GREEK SMALL LETTER OMEGA", 0x3C9},
    {"CYRILLIC CAPITAL LETTER A", 0x410}, {"HEBREW LETTER ALEF", 0x5D0},
    {"ZERO WIDTH SPACE", 0x200B}, {"ZERO WIDTH JOINER", 0x200D},
    {"EN DASH", 0x2013}, {"EM DASH", 0x2014},
    {"LEFT SINGLE QUOTATION MARK", 0x2018},
    {"RIGHT SINGLE QUOTATION MARK", 0x2019},
    {"LEFT DOUBLE QUOTATION MARK", 0x201C},
    {"RIGHT DOUBLE QUOTATION MARK", 0x201D}, {"DAGGER", 0x2020},
    {"BULLET", 0x2022}, {"HORIZONTAL ELLIPSIS", 0x2026},
    {"PER MILLE SIGN", 0x2030}, {"EURO SIGN", 0x20AC},
    {"INDIAN RUPEE SIGN", 0x20B9}, {"TRADE MARK SIGN", 0x2122},
    {"LEFTWARDS ARROW", 0x2190}, {"UPWARDS ARROW", 0x2191},
    {"RIGHTWARDS ARROW", 0x2192}, {"DOWNWARDS ARROW", 0x2193},
    {"FOR ALL", 0x2200}, {"PARTIAL DIFFERENTIAL", 0x2202},
    {"THERE EXISTS", 0x2203}, {"EMPTY SET", 0x2205}, {"ELEMENT OF", 0x2208},
    {"N-ARY SUMMATION", 0x2211}, {"SQUARE ROOT", 0x221A},
    {"INFINITY", 0x221E}, {"NOT EQUAL TO", 0x2260},
    {"LESS-THAN OR EQUAL TO", 0x2264}, {"GREATER-THAN OR EQUAL TO", 0x2265},
    {"BOX DRAWINGS LIGHT HORIZONTAL", 0x2500}, {"FULL BLOCK", 0x2588},
    {"BLACK SQUARE", 0x25A0}, {"WHITE SQUARE", 0x25A1},
    {"BLACK CIRCLE", 0x25CF}, {"WHITE CIRCLE", 0x25CB},
    {"BLACK STAR", 0x2605}, {"WHITE STAR", 0x2606}, {"SNOWMAN", 0x2603},
    {"BLACK HEART SUIT", 0x2665}, {"CHECK MARK", 0x2713},
    {"HEAVY CHECK MARK", 0x2714}, {"BALLOT X", 0x2717},
    {"HEAVY BLACK HEART", 0x2764}, {"SPARKLES", 0x2728},
    {"CJK UNIFIED IDEOGRAPH-4E00", 0x4E00}, {"REPLACEMENT CHARACTER", 0xFFFD},
    {"GRINNING FACE", 0x1F600}, {"FACE WITH TEARS OF JOY", 0x1F602},
    {"SMILING FACE WITH SMILING EYES", 0x1F60A}, {"THUMBS UP SIGN", 0x1F44D},
    {"PILE OF POO", 0x1F4A9}, {"FIRE", 0x1F525}, {"ROCKET", 0x1F680},
    {"PARTY POPPER", 0x1F389}, {"SNAKE", 0x1F40D}};

static int lookup_uniname(const char *s, size_t n, unsigned *cp)
{
    for (size_t i = 0; i < sizeof uni_names / sizeof uni_names[0]; i++) {
        const char *k = uni_names[i].name;
        if (strlen(k) != n) continue;
        size_t j = 0;
        while (j < n && (s[j] >= 'a' && s[j] <= 'z' ? s[j] - 32 : s[j]) == k[j]) j++;
        if (j == n) { *cp = uni_names[i].cp; return 1; }
    }
    return 0;
}

/* Generalized UTF-8: surrogates are encoded like any other code point. */
static size_t put_utf8(char *o, unsigned cp)
{
    if (cp < 0x80) { o[0] = (char)cp; return 1; }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 63));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 63));
        o[2] = (char)(0x80 | (cp & 63));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 63));
    o[2] = (char)(0x80 | ((cp >> 6) & 63));
    o[3] = (char)(0x80 | (cp & 63));
    return 4;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') return (c | 0x20) - 'a' + 10;
    return -1;
}

/* Position (in chars of the literal body) for "(unicode error)" text. */
static long decode_fail(const char *body, const char *esc, const char *esc_end,
                        const char *what, char *msg, size_t cap,
                        const char **bad_at)
{
    long a = 0, b = 0;
    for (const char *q = body; q < esc; q++) if (((unsigned char)*q & 0xC0) != 0x80) a++;
    b = a;
    for (const char *q = esc; q < esc_end; q++) if (((unsigned char)*q & 0xC0) != 0x80) b++;
    snprintf(msg, cap, "(unicode error) 'unicodeescape' codec can't decode bytes "
             "in position %ld-%ld: %s", a, b - 1, what);
    *bad_at = esc;
    return -1;
}

/* Decodes one escape at p (just after the backslash); returns the code
 * point or -1 / -2 for errors (details via *what). */
static long decode_escape(const char **pp, const char *end, int bytes,
                          const char **what)
{
    const char *p = *pp;
    char c = *p++;
    long v = -3;   /* -3: unknown escape, keep backslash */
    switch (c) {
    case '\\': v = '\\'; break;
    case '\'': v = '\''; break;
    case '"': v = '"'; break;
    case 'a': v = 7; break;
    case 'b': v = 8; break;
    case 'f': v = 12; break;
    case 'n': v = 10; break;
    case 'r': v = 13; break;
    case 't': v = 9; break;
    case 'v': v = 11; break;
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
        v = c - '0';
        for (int i = 0; i < 2 && p < end && *p >= '0' && *p <= '7'; i++)
            v = v * 8 + (*p++ - '0');
        if (bytes) v &= 0xFF;
        break;
    case 'x': case 'u': case 'U': {
        int n = c == 'x' ? 2 : c == 'u' ? 4 : 8;
        if (bytes && c != 'x') break;
        v = 0;
        for (int i = 0; i < n; i++) {
            int h = p < end ? hexval(*p) : -1;
            if (h < 0) {
                *what = c == 'x' ? "truncated \\xXX escape" : c == 'u' ?
                        "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
                *pp = p;
                return -1;
            }
            v = v * 16 + h;
            p++;
        }
        if (v > 0x10FFFF) { *what = "illegal Unicode character"; *pp = p; return -1; }
        break;
    }
    case 'N': {
        if (bytes) break;
        const char *close = p < end && *p == '{' ? memchr(p, '}', (size_t)(end - p)) : NULL;
        unsigned cp;
        if (!close || close == p + 1) {
            *what = "malformed \\N character escape";
            *pp = close ? close + 1 : p;
            return -1;
        }
        if (!lookup_uniname(p + 1, (size_t)(close - p - 1), &cp)) {
            *what = "unknown Unicode character name";
            *pp = close + 1;
            return -1;
        }
        p = close + 1;
        v = cp;
        break;
    }
    default: break;
    }
    *pp = p;
    return v;
}

long cm_lex_decode_string(const char *p, const char *end, int flags,
                          char *out, char *msg, size_t msgcap,
                          const char **bad_at)
{
    const char *body = p;
    int bytes = flags & CM_STR_BYTES;
    size_t n = 0;
    while (p < end) {
        unsigned char c = (unsigned char)*p;
        if (bytes && c >= 0x80) {
            snprintf(msg, msgcap, "bytes can only contain ASCII literal characters");
            *bad_at = p;
            return -1;
        }
        if (c != '\\' || (flags & CM_STR_RAW)) { out[n++] = (char)c; p++; continue; }
        if (p + 1 >= end) { out[n++] = '\\'; p++; continue; }
        if (p[1] == '\n') { p += 2; continue; }   /* line continuation */
        const char *esc = p, *q = p + 1, *what = "";
        long v = decode_escape(&q, end, bytes, &what);
        if (v == -1) return decode_fail(body, esc, q, what, msg, msgcap, bad_at);
        if (v == -3) { out[n++] = '\\'; p++; continue; }
        if (bytes) out[n++] = (char)v;
        else n += put_utf8(out + n, (unsigned)v);
        p = q;
    }
    return (long)n;
}
