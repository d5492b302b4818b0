/* ast.c — arena allocator, node constructors and ast.dump()-style printer.
 *
 * The dump mirrors CPython 3.14's `ast.dump(tree)` so unit tests can compare
 * our trees against the reference interpreter's text directly. */
#include "ast.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- arena */

struct cm_arena_block {
    cm_arena_block *next;
    size_t size;      /* usable bytes after the header */
    size_t used;
};

/* Header is padded so payloads keep max alignment. */
#define CM_ALIGN 16u
#define CM_HDR ((sizeof(cm_arena_block) + CM_ALIGN - 1) & ~(size_t)(CM_ALIGN - 1))
#define CM_BLOCK_MIN 8192u

void cm_arena_init(cm_arena *a, cm_alloc_fn alloc, void *ud)
{
    a->alloc = alloc;
    a->ud = ud;
    a->blocks = NULL;
    a->used_bytes = 0;
    a->failed = 0;
}

static cm_arena_block *arena_new_block(cm_arena *a, size_t need)
{
    size_t size = need > CM_BLOCK_MIN ? need : CM_BLOCK_MIN;
    if (size > (size_t)-1 - CM_HDR) return NULL;
    cm_arena_block *b = a->alloc(a->ud, NULL, 0, CM_HDR + size);
    if (!b) return NULL;
    b->next = a->blocks;
    b->size = size;
    b->used = 0;
    a->blocks = b;
    a->used_bytes += CM_HDR + size;
    return b;
}

void *cm_arena_alloc(cm_arena *a, size_t size)
{
    if (a->failed) return NULL;
    if (size > (size_t)-1 - CM_ALIGN) { a->failed = 1; return NULL; }
    size = (size + CM_ALIGN - 1) & ~(size_t)(CM_ALIGN - 1);
    if (size == 0) size = CM_ALIGN;
    cm_arena_block *b = a->blocks;
    if (!b || b->size - b->used < size) {
        b = arena_new_block(a, size);
        if (!b) { a->failed = 1; return NULL; }
    }
    char *p = (char *)b + CM_HDR + b->used;
    b->used += size;
    memset(p, 0, size);
    return p;
}

char *cm_arena_strdup(cm_arena *a, const char *s, size_t len)
{
    char *p = cm_arena_alloc(a, len + 1);
    if (!p) return NULL;
    if (len) memcpy(p, s, len);
    p[len] = 0;
    return p;
}

void cm_arena_free(cm_arena *a)
{
    cm_arena_block *b = a->blocks;
    while (b) {
        cm_arena_block *next = b->next;
        a->alloc(a->ud, b, CM_HDR + b->size, 0);
        b = next;
    }
    a->blocks = NULL;
    a->used_bytes = 0;
    a->failed = 0;
}

/* ---------------------------------------------------------- constructors */

cm_expr *cm_ast_expr(cm_arena *a, cm_expr_kind kind, cm_loc loc)
{
    cm_expr *e = cm_arena_alloc(a, sizeof *e);
    if (e) { e->kind = kind; e->loc = loc; }
    return e;
}

cm_stmt *cm_ast_stmt(cm_arena *a, cm_stmt_kind kind, cm_loc loc)
{
    cm_stmt *s = cm_arena_alloc(a, sizeof *s);
    if (s) { s->kind = kind; s->loc = loc; }
    return s;
}

cm_pattern *cm_ast_pattern(cm_arena *a, cm_pattern_kind kind, cm_loc loc)
{
    cm_pattern *p = cm_arena_alloc(a, sizeof *p);
    if (p) { p->kind = kind; p->loc = loc; }
    return p;
}

static const char *const expr_names[] = {
    "BoolOp", "NamedExpr", "BinOp", "UnaryOp", "Lambda", "IfExp", "Dict",
    "Set", "ListComp", "SetComp", "DictComp", "GeneratorExp", "Await",
    "Yield", "YieldFrom", "Compare", "Call", "FormattedValue",
    "Interpolation", "JoinedStr", "TemplateStr", "Constant", "Attribute",
    "Subscript", "Starred", "Name", "List", "Tuple", "Slice"
};

static const char *const stmt_names[] = {
    "FunctionDef", "AsyncFunctionDef", "ClassDef", "Return", "Delete",
    "Assign", "TypeAlias", "AugAssign", "AnnAssign", "For", "AsyncFor",
    "While", "If", "With", "AsyncWith", "Match", "Raise", "Try", "TryStar",
    "Assert", "Import", "ImportFrom", "Global", "Nonlocal", "Expr", "Pass",
    "Break", "Continue"
};

const char *cm_ast_expr_kind_name(cm_expr_kind k) { return expr_names[k]; }
const char *cm_ast_stmt_kind_name(cm_stmt_kind k) { return stmt_names[k]; }

/* ------------------------------------------------------------------ dump */

typedef struct dumper {
    char *buf;
    size_t cap, len;
    int first;      /* no field written yet in the current node */
    int depth;      /* nesting; deeper trees print "..." (bounded C stack) */
} dumper;

#define DUMP_MAX_DEPTH 2000

static void put(dumper *d, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++, d->len++)
        if (d->len + 1 < d->cap) d->buf[d->len] = s[i];
}

static void puts_(dumper *d, const char *s) { put(d, s, strlen(s)); }

static void putf_num(dumper *d, long long v)
{
    char tmp[32];
    snprintf(tmp, sizeof tmp, "%lld", v);
    puts_(d, tmp);
}

/* Starts "name=" for the next field of the current node. */
static void field(dumper *d, const char *name)
{
    if (!d->first) puts_(d, ", ");
    d->first = 0;
    puts_(d, name);
    puts_(d, "=");
}

static int begin(dumper *d, const char *node)
{
    int saved = d->first;
    puts_(d, node);
    puts_(d, "(");
    d->first = 1;
    return saved;
}

static void end(dumper *d, int saved)
{
    puts_(d, ")");
    d->first = saved;
}

static void dump_expr(dumper *d, const cm_expr *e);
static void dump_stmts(dumper *d, const char *name, cm_stmt_seq s);
static void dump_pattern(dumper *d, const cm_pattern *p);

/* Python repr() of a str given as generalized UTF-8. */
static void dump_utf8_char(dumper *d, const unsigned char *s, size_t *i,
                           size_t n)
{
    unsigned c = s[*i];
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    unsigned cp = extra == 3 ? c & 7 : extra == 2 ? c & 15 : c & 31;
    if ((size_t)extra >= n - *i) extra = (int)(n - *i - 1);
    for (int k = 1; k <= extra; k++) cp = (cp << 6) | (s[*i + k] & 63);
    char tmp[16];
    if (cp >= 0xD800 && cp <= 0xDFFF) {
        snprintf(tmp, sizeof tmp, "\\u%04x", cp);
        puts_(d, tmp);
    } else if (cp <= 0xA0 || cp == 0xAD) {
        snprintf(tmp, sizeof tmp, "\\x%02x", cp);
        puts_(d, tmp);
    } else {
        put(d, (const char *)s + *i, (size_t)extra + 1);
    }
    *i += (size_t)extra;
}

static void dump_str(dumper *d, const char *data, size_t n, int is_bytes)
{
    const unsigned char *s = (const unsigned char *)data;
    int has_sq = memchr(s, '\'', n) != NULL, has_dq = memchr(s, '"', n) != NULL;
    char q = has_sq && !has_dq ? '"' : '\'';
    if (is_bytes) puts_(d, "b");
    put(d, &q, 1);
    for (size_t i = 0; i < n; i++) {
        unsigned c = s[i];
        char tmp[8];
        if (c == '\\' || c == (unsigned char)q) { put(d, "\\", 1); put(d, (char *)&s[i], 1); }
        else if (c == '\n') puts_(d, "\\n");
        else if (c == '\r') puts_(d, "\\r");
        else if (c == '\t') puts_(d, "\\t");
        else if (c < 0x20 || c == 0x7f || (c >= 0x80 && is_bytes)) {
            snprintf(tmp, sizeof tmp, "\\x%02x", c);
            puts_(d, tmp);
        } else if (c >= 0x80) dump_utf8_char(d, s, &i, n);
        else put(d, (char *)&s[i], 1);
    }
    put(d, &q, 1);
}

/* Python's repr(float): shortest digits that round-trip. */
static void dump_float(dumper *d, double v, int imag)
{
    char tmp[64];
    if (isnan(v)) { puts_(d, "nan"); return; }
    if (isinf(v)) { puts_(d, v < 0 ? "-inf" : "inf"); return; }
    int p;
    for (p = 1; p <= 17; p++) {
        snprintf(tmp, sizeof tmp, "%.*e", p - 1, v);
        if (strtod(tmp, NULL) == v) break;
    }
    /* tmp = [-]D.DDDe[+-]XX; split mantissa digits and exponent */
    char digits[32];
    int nd = 0, neg = tmp[0] == '-';
    const char *q = tmp + neg;
    for (; *q && *q != 'e'; q++)
        if (*q != '.') digits[nd++] = *q;
    while (nd > 1 && digits[nd - 1] == '0') nd--;
    digits[nd] = 0;
    int exp = atoi(q + 1);
    if (neg) puts_(d, "-");
    if (exp < -4 || exp >= 16) {
        put(d, digits, 1);
        if (nd > 1) { puts_(d, "."); put(d, digits + 1, (size_t)nd - 1); }
        snprintf(tmp, sizeof tmp, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
        puts_(d, tmp);
    } else if (exp < 0) {
        puts_(d, "0.");
        for (int k = -1; k > exp; k--) puts_(d, "0");
        put(d, digits, (size_t)nd);
    } else {
        for (int k = 0; k <= exp; k++) put(d, k < nd ? &digits[k] : "0", 1);
        if (nd > exp + 1) { puts_(d, "."); put(d, digits + exp + 1, (size_t)(nd - exp - 1)); }
        else if (!imag) puts_(d, ".0");
    }
}

/* Converts an int literal's digits in any base to decimal text. */
static void dump_bigint(dumper *d, const cm_constant *c)
{
    if (c->i.fits_i64) { putf_num(d, (long long)c->i.i64); return; }
    /* No heap here (the library allocates only through the VM's hook):
     * literals too long for the fixed buffer print in their own base. */
    unsigned char dec[4096];
    size_t nd = 1;
    if (c->i.len * 2 + 2 > sizeof dec) {
        puts_(d, c->i.base == 16 ? "0x" : c->i.base == 8 ? "0o" : c->i.base == 2 ? "0b" : "");
        put(d, c->i.digits, c->i.len);
        return;
    }
    dec[0] = 0;   /* little-endian decimal digits */
    for (size_t i = 0; i < c->i.len; i++) {
        char ch = c->i.digits[i];
        unsigned carry = (unsigned)(ch <= '9' ? ch - '0' : ch - 'a' + 10);
        for (size_t k = 0; k < nd; k++) {
            unsigned v = dec[k] * (unsigned)c->i.base + carry;
            dec[k] = (unsigned char)(v % 10);
            carry = v / 10;
        }
        while (carry) { dec[nd++] = (unsigned char)(carry % 10); carry /= 10; }
    }
    while (nd > 1 && dec[nd - 1] == 0) nd--;
    for (size_t k = nd; k-- > 0;) { char ch = (char)('0' + dec[k]); put(d, &ch, 1); }
}

static void dump_constant(dumper *d, const cm_constant *c)
{
    switch (c->kind) {
    case CM_CONST_NONE: puts_(d, "None"); break;
    case CM_CONST_TRUE: puts_(d, "True"); break;
    case CM_CONST_FALSE: puts_(d, "False"); break;
    case CM_CONST_ELLIPSIS: puts_(d, "Ellipsis"); break;
    case CM_CONST_INT: dump_bigint(d, c); break;
    case CM_CONST_FLOAT: dump_float(d, c->f, 0); break;
    case CM_CONST_IMAG: dump_float(d, c->f, 1); puts_(d, "j"); break;
    case CM_CONST_STR: dump_str(d, c->s.data, c->s.len, 0); break;
    case CM_CONST_BYTES: dump_str(d, c->s.data, c->s.len, 1); break;
    }
}

static void dump_ident(dumper *d, const char *name, cm_ident id)
{
    if (!id.str) return;
    field(d, name);
    dump_str(d, id.str, id.len, 0);
}

static void dump_opt_expr(dumper *d, const char *name, const cm_expr *e)
{
    if (!e) return;
    field(d, name);
    dump_expr(d, e);
}

/* Expression list; NULL items print as None (Dict keys, kw_defaults). */
static void dump_exprs(dumper *d, const char *name, cm_expr_seq s)
{
    if (!s.count) return;
    field(d, name);
    puts_(d, "[");
    for (int i = 0; i < s.count; i++) {
        if (i) puts_(d, ", ");
        if (s.items[i]) dump_expr(d, s.items[i]);
        else puts_(d, "None");
    }
    puts_(d, "]");
}

static void dump_idents(dumper *d, const char *name, cm_ident_seq s)
{
    if (!s.count) return;
    field(d, name);
    puts_(d, "[");
    for (int i = 0; i < s.count; i++) {
        if (i) puts_(d, ", ");
        dump_str(d, s.items[i].str, s.items[i].len, 0);
    }
    puts_(d, "]");
}

static void dump_int_field(dumper *d, const char *name, long long v)
{
    field(d, name);
    putf_num(d, v);
}

static void dump_tag(dumper *d, const char *name, const char *tag)
{
    field(d, name);
    puts_(d, tag);
    puts_(d, "()");
}

static const char *const ctx_names[] = {"Load", "Store", "Del"};
static const char *const op_names[] = {
    "Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow", "LShift",
    "RShift", "BitOr", "BitXor", "BitAnd", "FloorDiv"};
static const char *const unop_names[] = {"Invert", "Not", "UAdd", "USub"};
static const char *const cmp_names[] = {
    "Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"};

static void dump_arg(dumper *d, const cm_arg *a)
{
    int s = begin(d, "arg");
    dump_ident(d, "arg", a->arg);
    dump_opt_expr(d, "annotation", a->annotation);
    end(d, s);
}

static void dump_args_seq(dumper *d, const char *name, cm_arg_seq s)
{
    if (!s.count) return;
    field(d, name);
    puts_(d, "[");
    for (int i = 0; i < s.count; i++) {
        if (i) puts_(d, ", ");
        dump_arg(d, s.items[i]);
    }
    puts_(d, "]");
}

static void dump_arguments(dumper *d, const cm_arguments *a)
{
    int s = begin(d, "arguments");
    dump_args_seq(d, "posonlyargs", a->posonlyargs);
    dump_args_seq(d, "args", a->args);
    if (a->vararg) { field(d, "vararg"); dump_arg(d, a->vararg); }
    dump_args_seq(d, "kwonlyargs", a->kwonlyargs);
    dump_exprs(d, "kw_defaults", a->kw_defaults);
    if (a->kwarg) { field(d, "kwarg"); dump_arg(d, a->kwarg); }
    dump_exprs(d, "defaults", a->defaults);
    end(d, s);
}

static void dump_comprehensions(dumper *d, cm_comprehension_seq g)
{
    field(d, "generators");
    puts_(d, "[");
    for (int i = 0; i < g.count; i++) {
        const cm_comprehension *c = g.items[i];
        if (i) puts_(d, ", ");
        int s = begin(d, "comprehension");
        dump_opt_expr(d, "target", c->target);
        dump_opt_expr(d, "iter", c->iter);
        dump_exprs(d, "ifs", c->ifs);
        dump_int_field(d, "is_async", c->is_async);
        end(d, s);
    }
    puts_(d, "]");
}

static void dump_keywords(dumper *d, cm_keyword_seq k)
{
    if (!k.count) return;
    field(d, "keywords");
    puts_(d, "[");
    for (int i = 0; i < k.count; i++) {
        if (i) puts_(d, ", ");
        int s = begin(d, "keyword");
        dump_ident(d, "arg", k.items[i]->arg);
        dump_opt_expr(d, "value", k.items[i]->value);
        end(d, s);
    }
    puts_(d, "]");
}

static void dump_expr_fields2(dumper *d, const cm_expr *e)
{
    switch (e->kind) {
    case CM_E_COMPARE:
        dump_opt_expr(d, "left", e->v.compare.left);
        field(d, "ops");
        puts_(d, "[");
        for (int i = 0; i < e->v.compare.ops.count; i++) {
            if (i) puts_(d, ", ");
            puts_(d, cmp_names[e->v.compare.ops.items[i]]);
            puts_(d, "()");
        }
        puts_(d, "]");
        dump_exprs(d, "comparators", e->v.compare.comparators);
        break;
    case CM_E_CALL:
        dump_opt_expr(d, "func", e->v.call.func);
        dump_exprs(d, "args", e->v.call.args);
        dump_keywords(d, e->v.call.keywords);
        break;
    case CM_E_FORMATTEDVALUE: case CM_E_INTERPOLATION:
        dump_opt_expr(d, "value", e->v.fvalue.value);
        if (e->kind == CM_E_INTERPOLATION) {
            field(d, "str");
            dump_str(d, e->v.fvalue.str, e->v.fvalue.str_len, 0);
        }
        dump_int_field(d, "conversion", e->v.fvalue.conversion);
        dump_opt_expr(d, "format_spec", e->v.fvalue.format_spec);
        break;
    case CM_E_JOINEDSTR: case CM_E_TEMPLATESTR:
        dump_exprs(d, "values", e->v.joinedstr.values);
        break;
    case CM_E_CONSTANT:
        field(d, "value");
        dump_constant(d, &e->v.constant);
        if (e->v.constant.is_u) { field(d, "kind"); puts_(d, "'u'"); }
        break;
    case CM_E_ATTRIBUTE:
        dump_opt_expr(d, "value", e->v.attribute.value);
        dump_ident(d, "attr", e->v.attribute.attr);
        dump_tag(d, "ctx", ctx_names[e->v.attribute.ctx]);
        break;
    case CM_E_SUBSCRIPT:
        dump_opt_expr(d, "value", e->v.subscript.value);
        dump_opt_expr(d, "slice", e->v.subscript.slice);
        dump_tag(d, "ctx", ctx_names[e->v.subscript.ctx]);
        break;
    case CM_E_STARRED:
        dump_opt_expr(d, "value", e->v.starred.value);
        dump_tag(d, "ctx", ctx_names[e->v.starred.ctx]);
        break;
    case CM_E_NAME:
        dump_ident(d, "id", e->v.name.id);
        dump_tag(d, "ctx", ctx_names[e->v.name.ctx]);
        break;
    case CM_E_LIST: case CM_E_TUPLE:
        dump_exprs(d, "elts", e->v.seq.elts);
        dump_tag(d, "ctx", ctx_names[e->v.seq.ctx]);
        break;
    case CM_E_SLICE:
        dump_opt_expr(d, "lower", e->v.slice.lower);
        dump_opt_expr(d, "upper", e->v.slice.upper);
        dump_opt_expr(d, "step", e->v.slice.step);
        break;
    default: break;
    }
}

static void dump_expr_fields(dumper *d, const cm_expr *e)
{
    switch (e->kind) {
    case CM_E_BOOLOP:
        dump_tag(d, "op", e->v.boolop.op == CM_AND ? "And" : "Or");
        dump_exprs(d, "values", e->v.boolop.values);
        break;
    case CM_E_NAMEDEXPR:
        dump_opt_expr(d, "target", e->v.namedexpr.target);
        dump_opt_expr(d, "value", e->v.namedexpr.value);
        break;
    case CM_E_BINOP:
        dump_opt_expr(d, "left", e->v.binop.left);
        dump_tag(d, "op", op_names[e->v.binop.op]);
        dump_opt_expr(d, "right", e->v.binop.right);
        break;
    case CM_E_UNARYOP:
        dump_tag(d, "op", unop_names[e->v.unaryop.op]);
        dump_opt_expr(d, "operand", e->v.unaryop.operand);
        break;
    case CM_E_LAMBDA:
        field(d, "args");
        dump_arguments(d, e->v.lambda.args);
        dump_opt_expr(d, "body", e->v.lambda.body);
        break;
    case CM_E_IFEXP:
        dump_opt_expr(d, "test", e->v.ifexp.test);
        dump_opt_expr(d, "body", e->v.ifexp.body);
        dump_opt_expr(d, "orelse", e->v.ifexp.orelse);
        break;
    case CM_E_DICT:
        dump_exprs(d, "keys", e->v.dict.keys);
        dump_exprs(d, "values", e->v.dict.values);
        break;
    case CM_E_SET: dump_exprs(d, "elts", e->v.set.elts); break;
    case CM_E_LISTCOMP: case CM_E_SETCOMP: case CM_E_GENERATOREXP:
        dump_opt_expr(d, "elt", e->v.comp.elt);
        dump_comprehensions(d, e->v.comp.generators);
        break;
    case CM_E_DICTCOMP:
        dump_opt_expr(d, "key", e->v.dictcomp.key);
        dump_opt_expr(d, "value", e->v.dictcomp.value);
        dump_comprehensions(d, e->v.dictcomp.generators);
        break;
    case CM_E_AWAIT: case CM_E_YIELDFROM:
        dump_opt_expr(d, "value", e->v.await.value);
        break;
    case CM_E_YIELD: dump_opt_expr(d, "value", e->v.yield.value); break;
    default: dump_expr_fields2(d, e); break;
    }
}

static void dump_expr(dumper *d, const cm_expr *e)
{
    if (d->depth >= DUMP_MAX_DEPTH) { puts_(d, "..."); return; }
    d->depth++;
    int s = begin(d, expr_names[e->kind]);
    dump_expr_fields(d, e);
    end(d, s);
    d->depth--;
}

/* ---- patterns */

static void dump_patterns(dumper *d, const char *name, cm_pattern_seq s)
{
    if (!s.count) return;
    field(d, name);
    puts_(d, "[");
    for (int i = 0; i < s.count; i++) {
        if (i) puts_(d, ", ");
        dump_pattern(d, s.items[i]);
    }
    puts_(d, "]");
}

static const char *const pattern_names[] = {
    "MatchValue", "MatchSingleton", "MatchSequence", "MatchMapping",
    "MatchClass", "MatchStar", "MatchAs", "MatchOr"};

static void dump_pattern(dumper *d, const cm_pattern *p)
{
    int s = begin(d, pattern_names[p->kind]);
    switch (p->kind) {
    case CM_P_MATCHVALUE: dump_opt_expr(d, "value", p->v.value.value); break;
    case CM_P_MATCHSINGLETON: {
        cm_constant c;
        memset(&c, 0, sizeof c);
        c.kind = p->v.singleton.value;
        field(d, "value");
        dump_constant(d, &c);
        break;
    }
    case CM_P_MATCHSEQUENCE: case CM_P_MATCHOR:
        dump_patterns(d, "patterns", p->v.sequence.patterns);
        break;
    case CM_P_MATCHMAPPING:
        dump_exprs(d, "keys", p->v.mapping.keys);
        dump_patterns(d, "patterns", p->v.mapping.patterns);
        dump_ident(d, "rest", p->v.mapping.rest);
        break;
    case CM_P_MATCHCLASS:
        dump_opt_expr(d, "cls", p->v.cls.cls);
        dump_patterns(d, "patterns", p->v.cls.patterns);
        dump_idents(d, "kwd_attrs", p->v.cls.kwd_attrs);
        dump_patterns(d, "kwd_patterns", p->v.cls.kwd_patterns);
        break;
    case CM_P_MATCHSTAR: dump_ident(d, "name", p->v.star.name); break;
    case CM_P_MATCHAS:
        if (p->v.as.pattern) { field(d, "pattern"); dump_pattern(d, p->v.as.pattern); }
        dump_ident(d, "name", p->v.as.name);
        break;
    }
    end(d, s);
}

/* ---- statements */

static void dump_type_params(dumper *d, cm_type_param_seq t)
{
    static const char *const names[] = {"TypeVar", "ParamSpec", "TypeVarTuple"};
    if (!t.count) return;
    field(d, "type_params");
    puts_(d, "[");
    for (int i = 0; i < t.count; i++) {
        const cm_type_param *tp = t.items[i];
        if (i) puts_(d, ", ");
        int s = begin(d, names[tp->kind]);
        dump_ident(d, "name", tp->name);
        dump_opt_expr(d, "bound", tp->bound);
        dump_opt_expr(d, "default_value", tp->default_value);
        end(d, s);
    }
    puts_(d, "]");
}

static void dump_aliases(dumper *d, cm_alias_seq a)
{
    field(d, "names");
    puts_(d, "[");
    for (int i = 0; i < a.count; i++) {
        if (i) puts_(d, ", ");
        int s = begin(d, "alias");
        dump_ident(d, "name", a.items[i]->name);
        dump_ident(d, "asname", a.items[i]->asname);
        end(d, s);
    }
    puts_(d, "]");
}

static void dump_withitems(dumper *d, cm_withitem_seq w)
{
    field(d, "items");
    puts_(d, "[");
    for (int i = 0; i < w.count; i++) {
        if (i) puts_(d, ", ");
        int s = begin(d, "withitem");
        dump_opt_expr(d, "context_expr", w.items[i]->context_expr);
        dump_opt_expr(d, "optional_vars", w.items[i]->optional_vars);
        end(d, s);
    }
    puts_(d, "]");
}

static void dump_handlers(dumper *d, cm_excepthandler_seq h)
{
    if (!h.count) return;
    field(d, "handlers");
    puts_(d, "[");
    for (int i = 0; i < h.count; i++) {
        if (i) puts_(d, ", ");
        int s = begin(d, "ExceptHandler");
        dump_opt_expr(d, "type", h.items[i]->type);
        dump_ident(d, "name", h.items[i]->name);
        dump_stmts(d, "body", h.items[i]->body);
        end(d, s);
    }
    puts_(d, "]");
}

static void dump_cases(dumper *d, cm_match_case_seq c)
{
    field(d, "cases");
    puts_(d, "[");
    for (int i = 0; i < c.count; i++) {
        if (i) puts_(d, ", ");
        int s = begin(d, "match_case");
        field(d, "pattern");
        dump_pattern(d, c.items[i]->pattern);
        dump_opt_expr(d, "guard", c.items[i]->guard);
        dump_stmts(d, "body", c.items[i]->body);
        end(d, s);
    }
    puts_(d, "]");
}

static void dump_stmt_fields2(dumper *d, const cm_stmt *st)
{
    switch (st->kind) {
    case CM_S_WITH: case CM_S_ASYNCWITH:
        dump_withitems(d, st->v.with.items);
        dump_stmts(d, "body", st->v.with.body);
        break;
    case CM_S_MATCH:
        dump_opt_expr(d, "subject", st->v.match.subject);
        dump_cases(d, st->v.match.cases);
        break;
    case CM_S_RAISE:
        dump_opt_expr(d, "exc", st->v.raise.exc);
        dump_opt_expr(d, "cause", st->v.raise.cause);
        break;
    case CM_S_TRY: case CM_S_TRYSTAR:
        dump_stmts(d, "body", st->v.try_.body);
        dump_handlers(d, st->v.try_.handlers);
        dump_stmts(d, "orelse", st->v.try_.orelse);
        dump_stmts(d, "finalbody", st->v.try_.finalbody);
        break;
    case CM_S_ASSERT:
        dump_opt_expr(d, "test", st->v.assert_.test);
        dump_opt_expr(d, "msg", st->v.assert_.msg);
        break;
    case CM_S_IMPORT: dump_aliases(d, st->v.import.names); break;
    case CM_S_IMPORTFROM:
        dump_ident(d, "module", st->v.importfrom.module);
        dump_aliases(d, st->v.importfrom.names);
        dump_int_field(d, "level", st->v.importfrom.level);
        break;
    case CM_S_GLOBAL: case CM_S_NONLOCAL:
        dump_idents(d, "names", st->v.global.names);
        break;
    case CM_S_EXPR: dump_opt_expr(d, "value", st->v.expr.value); break;
    default: break;
    }
}

static void dump_stmt_fields(dumper *d, const cm_stmt *st)
{
    switch (st->kind) {
    case CM_S_FUNCTIONDEF: case CM_S_ASYNCFUNCTIONDEF:
        dump_ident(d, "name", st->v.funcdef.name);
        field(d, "args");
        dump_arguments(d, st->v.funcdef.args);
        dump_stmts(d, "body", st->v.funcdef.body);
        dump_exprs(d, "decorator_list", st->v.funcdef.decorator_list);
        dump_opt_expr(d, "returns", st->v.funcdef.returns);
        dump_type_params(d, st->v.funcdef.type_params);
        break;
    case CM_S_CLASSDEF:
        dump_ident(d, "name", st->v.classdef.name);
        dump_exprs(d, "bases", st->v.classdef.bases);
        dump_keywords(d, st->v.classdef.keywords);
        dump_stmts(d, "body", st->v.classdef.body);
        dump_exprs(d, "decorator_list", st->v.classdef.decorator_list);
        dump_type_params(d, st->v.classdef.type_params);
        break;
    case CM_S_RETURN: dump_opt_expr(d, "value", st->v.ret.value); break;
    case CM_S_DELETE: dump_exprs(d, "targets", st->v.del.targets); break;
    case CM_S_ASSIGN:
        dump_exprs(d, "targets", st->v.assign.targets);
        dump_opt_expr(d, "value", st->v.assign.value);
        break;
    case CM_S_TYPEALIAS:
        dump_opt_expr(d, "name", st->v.typealias.name);
        dump_type_params(d, st->v.typealias.type_params);
        dump_opt_expr(d, "value", st->v.typealias.value);
        break;
    case CM_S_AUGASSIGN:
        dump_opt_expr(d, "target", st->v.augassign.target);
        dump_tag(d, "op", op_names[st->v.augassign.op]);
        dump_opt_expr(d, "value", st->v.augassign.value);
        break;
    case CM_S_ANNASSIGN:
        dump_opt_expr(d, "target", st->v.annassign.target);
        dump_opt_expr(d, "annotation", st->v.annassign.annotation);
        dump_opt_expr(d, "value", st->v.annassign.value);
        dump_int_field(d, "simple", st->v.annassign.simple);
        break;
    case CM_S_FOR: case CM_S_ASYNCFOR:
        dump_opt_expr(d, "target", st->v.for_.target);
        dump_opt_expr(d, "iter", st->v.for_.iter);
        dump_stmts(d, "body", st->v.for_.body);
        dump_stmts(d, "orelse", st->v.for_.orelse);
        break;
    case CM_S_WHILE: case CM_S_IF:
        dump_opt_expr(d, "test", st->v.while_.test);
        dump_stmts(d, "body", st->v.while_.body);
        dump_stmts(d, "orelse", st->v.while_.orelse);
        break;
    default: dump_stmt_fields2(d, st); break;
    }
}

static void dump_stmts(dumper *d, const char *name, cm_stmt_seq s)
{
    if (!s.count) return;
    field(d, name);
    puts_(d, "[");
    for (int i = 0; i < s.count; i++) {
        if (i) puts_(d, ", ");
        if (d->depth >= DUMP_MAX_DEPTH) { puts_(d, "..."); continue; }
        d->depth++;
        int sv = begin(d, stmt_names[s.items[i]->kind]);
        dump_stmt_fields(d, s.items[i]);
        end(d, sv);
        d->depth--;
    }
    puts_(d, "]");
}

static size_t dump_finish(dumper *d)
{
    if (d->cap) d->buf[d->len < d->cap ? d->len : d->cap - 1] = 0;
    return d->len;
}

size_t cm_ast_dump(const cm_ast_mod *mod, char *buf, size_t cap)
{
    dumper d = {buf, cap, 0, 1, 0};
    static const char *const names[] = {"Module", "Interactive", "Expression"};
    int s = begin(&d, names[mod->kind]);
    if (mod->kind == CM_MOD_EXPRESSION) dump_opt_expr(&d, "body", mod->expr);
    else dump_stmts(&d, "body", mod->body);
    end(&d, s);
    return dump_finish(&d);
}

size_t cm_ast_dump_expr(const cm_expr *e, char *buf, size_t cap)
{
    dumper d = {buf, cap, 0, 1, 0};
    dump_expr(&d, e);
    return dump_finish(&d);
}
