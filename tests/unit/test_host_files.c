/*
** test_host_files.c — open(), file objects, pathlib, os and os.path as OS
** calls (src/modules_os.c), driven through include/cmonty.h. The test is
** the host: it answers every OS_CALL from a small in-memory file system.
**
** The scenarios below were run by CPython in a temporary directory holding
** the same files; their expected output is CPython's stdout, so the file
** objects must behave like CPython's on a real disk.
*/
#include <stdio.h>
#include <string.h>

#include "cmonty.h"

#include "check.h"

/* ---- the in-memory file system -------------------------------------- */

#define FS_MAX 64
#define FS_DATA 4096
typedef struct fs_node {
  int used, dir;
  char path[128];
  unsigned char data[FS_DATA];
  size_t len;
} fs_node;

typedef struct memfs {
  fs_node n[FS_MAX];
  char env_k[8][32], env_v[8][64];
  int nenv;
  char log[4096]; /* "name;name;..." of every OS call answered */
} memfs;

/* A file of a scenario: data NULL makes a directory. */
typedef struct fs_file {
  const char *path, *data;
  size_t len;
} fs_file;

typedef struct scenario {
  const char *name;
  const fs_file *files;
  const char *src, *out;
} scenario;

static memfs fs; /* test-only state: one host at a time */

static fs_node *fs_find(const char *p) {
  for (int i = 0; i < FS_MAX; i++)
    if (fs.n[i].used && !strcmp(fs.n[i].path, p)) return &fs.n[i];
  return NULL;
}

static fs_node *fs_add(const char *p, int dir, const void *data, size_t len) {
  fs_node *f = fs_find(p);
  for (int i = 0; !f && i < FS_MAX; i++)
    if (!fs.n[i].used) f = &fs.n[i];
  if (!f || len > FS_DATA || strlen(p) >= sizeof f->path) return NULL;
  f->used = 1;
  f->dir = dir;
  snprintf(f->path, sizeof f->path, "%s", p);
  if (len) memcpy(f->data, data, len);
  f->len = len;
  return f;
}

static void fs_reset(const fs_file *files) {
  memset(&fs, 0, sizeof fs);
  for (; files && files->path; files++)
    fs_add(files->path, files->data == NULL, files->data, files->len);
  snprintf(fs.env_k[0], 32, "HOME");
  snprintf(fs.env_v[0], 64, "/home/user");
  snprintf(fs.env_k[1], 32, "LANG");
  snprintf(fs.env_v[1], 64, "C.UTF-8");
  fs.nenv = 2;
}

/* The parent directory of p exists ("" and "." always do). */
static int parent_ok(const char *p) {
  const char *s = strrchr(p, '/');
  if (!s || s == p) return 1;
  char par[128];
  snprintf(par, sizeof par, "%.*s", (int)(s - p), p);
  fs_node *d = fs_find(par);
  return d && d->dir;
}

static int is_child(const char *dir, const char *p) {
  size_t n = strlen(dir);
  if (!strcmp(dir, ".")) return strchr(p, '/') == NULL;
  return !strncmp(p, dir, n) && p[n] == '/' && !strchr(p + n + 1, '/');
}

static int text_of(cmonty_vm *vm, cmonty_val v, char *buf, size_t cap) {
  const char *s;
  size_t n;
  if (cmonty_get_str(vm, v, &s, &n) != CMONTY_OK || n >= cap) return -1;
  memcpy(buf, s, n);
  buf[n] = 0;
  return 0;
}

static int kwarg_true(cmonty_vm *vm, cmonty_val kw, const char *key) {
  for (int64_t i = 0; i < cmonty_len(vm, kw); i++) {
    char k[32];
    int b = 0;
    if (text_of(vm, cmonty_item(vm, kw, (size_t)i), k, sizeof k) == 0 && !strcmp(k, key) &&
        cmonty_get_bool(vm, cmonty_dict_value(vm, kw, (size_t)i), &b) == CMONTY_OK)
      return b;
  }
  return 0;
}

static cmonty_status raise_errno(cmonty_vm *vm, const char *type, const char *what,
                                 const char *p, cmonty_progress *pr) {
  char msg[256];
  snprintf(msg, sizeof msg, "%s: '%s'", what, p);
  return cmonty_resume_exception(vm, type, msg, pr);
}

static cmonty_status mkdir_p(cmonty_vm *vm, const char *p, int parents, int exist_ok,
                             cmonty_progress *pr) {
  fs_node *f = fs_find(p);
  if (f) {
    if (exist_ok && f->dir) return cmonty_resume(vm, cmonty_none(vm), pr);
    return raise_errno(vm, "FileExistsError", "[Errno 17] File exists", p, pr);
  }
  if (!parent_ok(p)) {
    if (!parents) return cmonty_resume_not_found(vm, pr);
    char par[128];
    snprintf(par, sizeof par, "%s", p);
    for (char *s = strchr(par + 1, '/'); s; s = strchr(s + 1, '/')) {
      *s = 0;
      if (!fs_find(par)) fs_add(par, 1, NULL, 0);
      *s = '/';
    }
  }
  fs_add(p, 1, NULL, 0);
  return cmonty_resume(vm, cmonty_none(vm), pr);
}

/* Answers the pending OS call in *pr and continues the run. */
static cmonty_status answer(cmonty_vm *vm, cmonty_progress *pr) {
  char name[64], p[128];
  snprintf(name, sizeof name, "%s", pr->name);
  size_t ll = strlen(fs.log);
  snprintf(fs.log + ll, sizeof fs.log - ll, "%s;", name);
  cmonty_val a0 = cmonty_item(vm, pr->args, 0), a1 = cmonty_item(vm, pr->args, 1);
  if (!strcmp(name, "os.getcwd")) return cmonty_resume(vm, cmonty_str(vm, "/home/user", 10), pr);
  if (!strcmp(name, "os.environ")) {
    cmonty_val k[8], v[8];
    for (int i = 0; i < fs.nenv; i++) {
      k[i] = cmonty_str(vm, fs.env_k[i], strlen(fs.env_k[i]));
      v[i] = cmonty_str(vm, fs.env_v[i], strlen(fs.env_v[i]));
    }
    return cmonty_resume(vm, cmonty_dict(vm, k, v, (size_t)fs.nenv), pr);
  }
  if (text_of(vm, a0, p, sizeof p) < 0)
    return cmonty_resume_exception(vm, "PermissionError", "bad argument", pr);
  if (!strcmp(name, "os.getenv")) {
    for (int i = 0; i < fs.nenv; i++)
      if (!strcmp(fs.env_k[i], p))
        return cmonty_resume(vm, cmonty_str(vm, fs.env_v[i], strlen(fs.env_v[i])), pr);
    return cmonty_resume_not_found(vm, pr);
  }
  if (!strcmp(name, "os.putenv")) {
    int i = 0;
    while (i < fs.nenv && strcmp(fs.env_k[i], p)) i++;
    if (i == 8 || text_of(vm, a1, fs.env_v[i], sizeof fs.env_v[i]) < 0)
      return cmonty_resume_exception(vm, "PermissionError", "env full", pr);
    snprintf(fs.env_k[i], sizeof fs.env_k[i], "%.31s", p);
    if (i == fs.nenv) fs.nenv++;
    return cmonty_resume(vm, cmonty_none(vm), pr);
  }
  if (!strcmp(name, "os.unsetenv")) {
    for (int i = 0; i < fs.nenv; i++)
      if (!strcmp(fs.env_k[i], p)) {
        fs.nenv--;
        memmove(fs.env_k[i], fs.env_k[i + 1], sizeof fs.env_k[0] * (size_t)(fs.nenv - i));
        memmove(fs.env_v[i], fs.env_v[i + 1], sizeof fs.env_v[0] * (size_t)(fs.nenv - i));
      }
    return cmonty_resume(vm, cmonty_none(vm), pr);
  }
  /* Path.* operations: paths arrive as pathlib.Path values */
  if (cmonty_kind_of(vm, a0) != CMONTY_KIND_PATH)
    return cmonty_resume_exception(vm, "TypeError", "path expected", pr);
  fs_node *f = fs_find(p);
  int isdot = !strcmp(p, ".");
  if (!strcmp(name, "Path.exists")) return cmonty_resume(vm, cmonty_bool(vm, f || isdot), pr);
  if (!strcmp(name, "Path.is_file")) return cmonty_resume(vm, cmonty_bool(vm, f && !f->dir), pr);
  if (!strcmp(name, "Path.is_dir"))
    return cmonty_resume(vm, cmonty_bool(vm, isdot || (f && f->dir)), pr);
  if (!strcmp(name, "Path.read_text") || !strcmp(name, "Path.read_bytes")) {
    if (!f) return cmonty_resume_not_found(vm, pr);
    if (f->dir) return raise_errno(vm, "IsADirectoryError", "[Errno 21] Is a directory", p, pr);
    cmonty_val v = name[10] == 't' ? cmonty_str(vm, (const char *)f->data, f->len)
                                  : cmonty_bytes(vm, f->data, f->len);
    if (!v) return cmonty_resume_exception(vm, "UnicodeDecodeError", "invalid utf-8", pr);
    return cmonty_resume(vm, v, pr);
  }
  if (!strcmp(name, "Path.write_text") || !strcmp(name, "Path.write_bytes")) {
    const char *d;
    const uint8_t *b;
    size_t n;
    int text = name[11] == 't';
    if (text ? cmonty_get_str(vm, a1, &d, &n) : cmonty_get_bytes(vm, a1, &b, &n))
      return cmonty_resume_exception(vm, "TypeError", "bad data", pr);
    if (!text) d = (const char *)b;
    if (f && f->dir) return raise_errno(vm, "IsADirectoryError", "[Errno 21] Is a directory", p, pr);
    if (!parent_ok(p)) return cmonty_resume_not_found(vm, pr);
    if (!fs_add(p, 0, d, n)) return cmonty_resume_exception(vm, "OSError", "disk full", pr);
    return cmonty_resume(vm, cmonty_int(vm, text ? cmonty_len(vm, a1) : (int64_t)n), pr);
  }
  if (!strcmp(name, "Path.stat")) { /* a named tuple, as dart_monty's hosts answer */
    static const char *const sf[10] = {"st_mode", "st_ino",  "st_dev",   "st_nlink",
                                       "st_uid",  "st_gid",  "st_size",  "st_atime",
                                       "st_mtime", "st_ctime"};
    if (!f && !isdot) return cmonty_resume_not_found(vm, pr);
    int dir = isdot || f->dir;
    cmonty_val v[10];
    for (int i = 0; i < 10; i++) v[i] = cmonty_int(vm, 0);
    v[0] = cmonty_int(vm, dir ? 0040755 : 0100644);
    v[1] = cmonty_int(vm, 1);
    v[6] = cmonty_int(vm, dir ? 0 : (int64_t)f->len);
    return cmonty_resume(vm, cmonty_namedtuple(vm, "os.stat_result", 14, sf, v, 10), pr);
  }
  if (!strcmp(name, "Path.mkdir"))
    return mkdir_p(vm, p, kwarg_true(vm, pr->kwargs, "parents"),
                   kwarg_true(vm, pr->kwargs, "exist_ok"), pr);
  if (!strcmp(name, "Path.unlink")) {
    if (!f) return cmonty_resume_not_found(vm, pr);
    if (f->dir) return raise_errno(vm, "IsADirectoryError", "[Errno 21] Is a directory", p, pr);
    f->used = 0;
    return cmonty_resume(vm, cmonty_none(vm), pr);
  }
  if (!strcmp(name, "Path.iterdir")) {
    if (!isdot && !(f && f->dir)) return cmonty_resume_not_found(vm, pr);
    cmonty_val items[FS_MAX];
    size_t n = 0;
    for (int i = 0; i < FS_MAX; i++)
      if (fs.n[i].used && is_child(p, fs.n[i].path))
        items[n++] = cmonty_str(vm, fs.n[i].path, strlen(fs.n[i].path));
    return cmonty_resume(vm, cmonty_list(vm, items, n), pr);
  }
  return cmonty_resume_exception(vm, "PermissionError", "not emulated", pr);
}

/* Runs src as a program, answering OS calls from fs; stdout goes to out,
   followed by "ERROR Type: message\n" if the run failed. */
static void run_fs(cmonty_vm *vm, const char *src, char *out, size_t cap) {
  cmonty_program *prog = NULL;
  out[0] = 0;
  if (cmonty_compile(vm, src, strlen(src), "main.py", NULL, 0, NULL, 0, &prog) != CMONTY_OK) {
    snprintf(out, cap, "COMPILE %s: %s\n", cmonty_error_type(vm), cmonty_error_message(vm));
    return;
  }
  cmonty_progress pr;
  cmonty_status st = cmonty_start(vm, prog, NULL, 0, &pr);
  size_t len = 0;
  for (int steps = 0; st == CMONTY_OK && steps < 10000; steps++) {
    if (pr.out_len && len + pr.out_len < cap) {
      memcpy(out + len, pr.out, pr.out_len);
      len += pr.out_len;
      out[len] = 0;
    }
    if (pr.kind == CMONTY_PROGRESS_OS_CALL) st = answer(vm, &pr);
    else if (pr.kind == CMONTY_PROGRESS_CALL || pr.kind == CMONTY_PROGRESS_NAME_LOOKUP)
      st = cmonty_resume_not_found(vm, &pr);
    else break;
  }
  if (st == CMONTY_OK && pr.kind == CMONTY_PROGRESS_ERROR)
    snprintf(out + len, cap - len, "ERROR %s: %s\n", cmonty_error_type(vm),
             cmonty_error_message(vm));
  else if (st != CMONTY_OK)
    snprintf(out + len, cap - len, "STATUS %d\n", (int)st);
  cmonty_program_free(vm, prog);
}

static void show_diff(const char *name, const char *want, const char *got) {
  size_t i = 0, line = 1;
  while (want[i] && want[i] == got[i]) {
    if (want[i] == '\n') line++;
    i++;
  }
  fprintf(stderr, "scenario %s differs at line %zu:\n--- want\n%s--- got\n%s", name, line, want, got);
}

/* ---- scenarios: each was run by CPython (3.11 native, 3.14 checked) in a
   temporary directory holding the same files; _out is its stdout ---- */
static const fs_file text_read_files[] = {
    {"notes.txt", "line one\n"
    "line two\015\n"
    "line three\015last", 34},
    {NULL, NULL, 0}};
static const char text_read_src[] =
    "with open('notes.txt') as f:\n"
    "    print(repr(f))\n"
    "    print(f.readline(), end='|')\n"
    "    print(repr(f.read(5)), f.tell())\n"
    "    print(f.readlines())\n"
    "    print(repr(f.read()), f.closed)\n"
    "print(f.closed, f.name, f.mode, f.encoding, f.errors)\n"
    "f = open('notes.txt', encoding='UTF8')\n"
    "print([l for l in f], f.encoding)\n"
    "print(f.seek(0), repr(f.readline(4)), f.tell(), repr(f.readline(100)))\n"
    "print(f.seek(0, 2), repr(f.read()))\n"
    "f.seek(0)\n"
    "print(repr(f.read(11)), repr(f.read(3)), f.tell())\n"
    "f.close()\n"
    "f.close()\n"
    "for op in (f.read, f.readline, f.tell, f.__enter__, f.__next__):\n"
    "    try:\n"
    "        op()\n"
    "    except ValueError as e:\n"
    "        print('ValueError', e)\n"
    "print(open('notes.txt', newline='').readlines())\n"
    "print(open('notes.txt', newline='\\r').readlines())\n"
    "print(open('notes.txt', newline='\\r\\n').readlines())\n"
    "print(open('notes.txt', 'rb').readlines())\n"
    "print(open('notes.txt', 'rt').read(-1) == open('notes.txt').read(None))\n"
    "print(sum(1 for _ in open('notes.txt')), len(open('notes.txt').readlines(12)))\n";
static const char text_read_out[] =
    "<_io.TextIOWrapper name='notes.txt' mode='r' encoding='UTF-8'>\n"
    "line one\n"
    "|'line ' 14\n"
    "['two\\n', 'line three\\n', 'last']\n"
    "'' False\n"
    "True notes.txt r UTF-8 strict\n"
    "['line one\\n', 'line two\\n', 'line three\\n', 'last'] UTF8\n"
    "0 'line' 4 ' one\\n'\n"
    "34 ''\n"
    "'line one\\nli' 'ne ' 14\n"
    "ValueError I/O operation on closed file.\n"
    "ValueError I/O operation on closed file.\n"
    "ValueError I/O operation on closed file.\n"
    "ValueError I/O operation on closed file.\n"
    "ValueError I/O operation on closed file.\n"
    "['line one\\n', 'line two\\r\\n', 'line three\\r', 'last']\n"
    "['line one\\nline two\\r', '\\nline three\\r', 'last']\n"
    "['line one\\nline two\\r\\n', 'line three\\rlast']\n"
    "[b'line one\\n', b'line two\\r\\n', b'line three\\rlast']\n"
    "True\n"
    "4 2\n";
static const fs_file text_write_files[] = {
    {"old.txt", "old\n", 4},
    {NULL, NULL, 0}};
static const char text_write_src[] =
    "with open('out.txt', 'w') as f:\n"
    "    print(f.write('h\\u00e9llo\\n'), f.write('w\\u00f6rld\\n'))\n"
    "    f.writelines(['a\\n', 'b\\n'])\n"
    "    print(f.tell(), f.writable(), f.readable(), f.seekable())\n"
    "    print(repr(f))\n"
    "print(open('out.txt').read(), end='')\n"
    "with open('out.txt', 'a') as f:\n"
    "    print(f.tell())\n"
    "    f.write('more\\n')\n"
    "print(open('out.txt').read().splitlines())\n"
    "with open('new.txt', 'a') as f:\n"
    "    f.write('fresh')\n"
    "print(open('new.txt').read())\n"
    "try:\n"
    "    open('old.txt', 'x')\n"
    "except FileExistsError as e:\n"
    "    print('FileExistsError', e)\n"
    "with open('x.txt', 'x') as f:\n"
    "    pass\n"
    "print(repr(open('x.txt').read()))\n"
    "with open('crlf.txt', 'w', newline='\\r\\n') as f:\n"
    "    f.write('a\\nb\\n')\n"
    "print(open('crlf.txt', 'rb').read(), open('crlf.txt').read().split('\\n'))\n"
    "with open('old.txt', 'w') as f:\n"
    "    print(repr(open('old.txt').read()))\n"
    "    f.write('new')\n"
    "    f.flush()\n"
    "    print(repr(open('old.txt').read()))\n"
    "    f.write('er')\n"
    "print(repr(open('old.txt').read()))\n"
    "f = open('t.txt', 'w')\n"
    "f.write('abc')\n"
    "print(f.seek(1), f.write('Z'), f.tell(), f.truncate(), f.truncate(5))\n"
    "f.close()\n"
    "print(repr(open('t.txt').read()))\n"
    "for op in (f.write, f.writelines):\n"
    "    try:\n"
    "        op('x')\n"
    "    except ValueError as e:\n"
    "        print('ValueError', e)\n"
    "with open('old.txt') as src, open('copy.txt', 'w') as dst:\n"
    "    for line in src:\n"
    "        print(line.strip().upper(), 'done', sep=': ', file=dst)\n"
    "print(open('copy.txt').read(), end='')\n";
static const char text_write_out[] =
    "6 6\n"
    "18 True False True\n"
    "<_io.TextIOWrapper name='out.txt' mode='w' encoding='UTF-8'>\n"
    "h\303\251llo\n"
    "w\303\266rld\n"
    "a\n"
    "b\n"
    "18\n"
    "['h\303\251llo', 'w\303\266rld', 'a', 'b', 'more']\n"
    "fresh\n"
    "FileExistsError [Errno 17] File exists: 'old.txt'\n"
    "''\n"
    "b'a\\r\\nb\\r\\n' ['a', 'b', '']\n"
    "''\n"
    "'new'\n"
    "'newer'\n"
    "1 1 2 2 5\n"
    "'aZ\\x00\\x00\\x00'\n"
    "ValueError I/O operation on closed file.\n"
    "ValueError I/O operation on closed file.\n"
    "NEWER: done\n";
static const fs_file binary_files[] = {
    {NULL, NULL, 0}};
static const char binary_src[] =
    "with open('data.bin', 'wb') as f:\n"
    "    print(f.write(b'\\x00\\x01abc'), f.write(bytearray(b'de')))\n"
    "    print(repr(f), f.mode)\n"
    "with open('data.bin', 'rb') as f:\n"
    "    print(repr(f), f.mode)\n"
    "    print(f.read(2), f.tell(), f.read(), f.seek(-2, 2), f.read(), f.seek(1), f.read(1))\n"
    "    print(f.seek(2, 1), f.readline(), f.seek(0), list(f))\n"
    "with open('data.bin', 'r+b') as f:\n"
    "    print(repr(f), f.mode)\n"
    "    f.seek(2)\n"
    "    f.write(b'XY')\n"
    "    f.seek(0)\n"
    "    print(f.read())\n"
    "print(open('data.bin', 'rb').read())\n"
    "with open('data.bin', 'ab') as f:\n"
    "    print(repr(f), f.mode, f.tell())\n"
    "    f.seek(0)\n"
    "    f.write(b'!')\n"
    "with open('data.bin', 'a+b') as f:\n"
    "    print(f.mode, f.read(), f.seek(0), f.read())\n"
    "with open('data.bin', 'rb', buffering=0) as f:\n"
    "    print(repr(f), f.read(3))\n"
    "with open('data.bin', 'w+b') as f:\n"
    "    print(f.mode, f.read())\n"
    "    f.write(b'line1\\nline2\\n')\n"
    "    f.seek(0)\n"
    "    print(f.readlines())\n"
    "    f.seek(8)\n"
    "    f.write(b'\\n')\n"
    "with open('data.bin', 'rb') as f:\n"
    "    print(f.read())\n"
    "with open('gap.bin', 'wb') as f:\n"
    "    f.seek(3)\n"
    "    f.write(b'x')\n"
    "print(open('gap.bin', 'rb').read())\n";
static const char binary_out[] =
    "5 2\n"
    "<_io.BufferedWriter name='data.bin'> wb\n"
    "<_io.BufferedReader name='data.bin'> rb\n"
    "b'\\x00\\x01' 2 b'abcde' 5 b'de' 1 b'\\x01'\n"
    "4 b'cde' 0 [b'\\x00\\x01abcde']\n"
    "<_io.BufferedRandom name='data.bin'> rb+\n"
    "b'\\x00\\x01XYcde'\n"
    "b'\\x00\\x01XYcde'\n"
    "<_io.BufferedWriter name='data.bin'> ab 7\n"
    "ab+ b'' 0 b'\\x00\\x01XYcde!'\n"
    "<_io.FileIO name='data.bin' mode='rb' closefd=True> b'\\x00\\x01X'\n"
    "rb+ b''\n"
    "[b'line1\\n', b'line2\\n']\n"
    "b'line1\\nli\\ne2\\n'\n"
    "b'\\x00\\x00\\x00x'\n";
static const fs_file plus_modes_files[] = {
    {"t.txt", "abc\n"
    "def\n", 8},
    {NULL, NULL, 0}};
static const char plus_modes_src[] =
    "with open('t.txt', 'r+') as f:\n"
    "    print(repr(f))\n"
    "    print(repr(f.read(2)))\n"
    "    f.seek(0, 2)\n"
    "    f.write('end')\n"
    "print(repr(open('t.txt').read()))\n"
    "with open('t.txt', 'w+') as f:\n"
    "    print(repr(f.read()))\n"
    "    f.write('one\\ntwo\\n')\n"
    "    f.seek(0)\n"
    "    print(f.readlines())\n"
    "    f.seek(0)\n"
    "    f.write('O')\n"
    "    print(f.tell())\n"
    "print(repr(open('t.txt').read()))\n"
    "with open('t.txt', 'a+') as f:\n"
    "    print(repr(f.read()), f.seek(0), repr(f.read()))\n"
    "    f.write('three\\n')\n"
    "print(open('t.txt').read().split())\n";
static const char plus_modes_out[] =
    "<_io.TextIOWrapper name='t.txt' mode='r+' encoding='UTF-8'>\n"
    "'ab'\n"
    "'abc\\ndef\\nend'\n"
    "''\n"
    "['one\\n', 'two\\n']\n"
    "1\n"
    "'One\\ntwo\\n'\n"
    "'' 0 'One\\ntwo\\n'\n"
    "['One', 'two', 'three']\n";
static const fs_file errors_files[] = {
    {"notes.txt", "a\n"
    "b\n", 4},
    {"dir", NULL, 0},
    {NULL, NULL, 0}};
static const char errors_src[] =
    "def t(f):\n"
    "    try:\n"
    "        r = f()\n"
    "        print('ok', repr(r))\n"
    "    except Exception as e:\n"
    "        print(type(e).__name__ + ':', e)\n"
    "t(lambda: open('missing.txt'))\n"
    "t(lambda: open('missing.txt', 'rb'))\n"
    "t(lambda: open('missing.txt', 'r+'))\n"
    "t(lambda: open('dir'))\n"
    "with open('w.txt', 'w') as f:\n"
    "    t(f.read)\n"
    "    t(f.readline)\n"
    "    t(lambda: next(f))\n"
    "    t(lambda: f.write(b'x'))\n"
    "    t(lambda: f.write(1))\n"
    "with open('notes.txt') as f:\n"
    "    t(lambda: f.write('x'))\n"
    "    t(lambda: f.write(b'x'))\n"
    "    t(f.truncate)\n"
    "    t(lambda: f.read('x'))\n"
    "    t(lambda: f.read(2.0))\n"
    "    t(lambda: f.seek(1, 1))\n"
    "    t(lambda: f.seek(-1, 2))\n"
    "    t(lambda: f.seek(-1))\n"
    "    t(lambda: f.seek(0, 3))\n"
    "    t(lambda: f.seek(0, 1))\n"
    "    t(f.isatty)\n"
    "with open('notes.txt', 'rb') as f:\n"
    "    t(lambda: f.write(b'x'))\n"
    "    t(lambda: f.seek('a'))\n"
    "    t(lambda: f.read(None))\n"
    "with open('w.bin', 'wb') as f:\n"
    "    t(f.read)\n"
    "    t(lambda: f.write('x'))\n"
    "    t(lambda: f.write(1))\n"
    "f.close()\n"
    "t(f.read)\n"
    "t(lambda: f.write(b'x'))\n"
    "t(lambda: f.seek(0))\n"
    "t(lambda: open('notes.txt', encoding='nope'))\n"
    "t(lambda: open('notes.txt', newline='x'))\n"
    "t(lambda: open('notes.txt', buffering=0))\n";
static const char errors_out[] =
    "FileNotFoundError: [Errno 2] No such file or directory: 'missing.txt'\n"
    "FileNotFoundError: [Errno 2] No such file or directory: 'missing.txt'\n"
    "FileNotFoundError: [Errno 2] No such file or directory: 'missing.txt'\n"
    "IsADirectoryError: [Errno 21] Is a directory: 'dir'\n"
    "UnsupportedOperation: not readable\n"
    "UnsupportedOperation: not readable\n"
    "UnsupportedOperation: not readable\n"
    "TypeError: write() argument must be str, not bytes\n"
    "TypeError: write() argument must be str, not int\n"
    "UnsupportedOperation: not writable\n"
    "TypeError: write() argument must be str, not bytes\n"
    "UnsupportedOperation: truncate\n"
    "TypeError: argument should be integer or None, not 'str'\n"
    "TypeError: argument should be integer or None, not 'float'\n"
    "UnsupportedOperation: can't do nonzero cur-relative seeks\n"
    "UnsupportedOperation: can't do nonzero end-relative seeks\n"
    "ValueError: negative seek position -1\n"
    "ValueError: invalid whence (3, should be 0, 1 or 2)\n"
    "ok 0\n"
    "ok False\n"
    "UnsupportedOperation: write\n"
    "TypeError: 'str' object cannot be interpreted as an integer\n"
    "ok b'a\\nb\\n'\n"
    "UnsupportedOperation: read\n"
    "TypeError: a bytes-like object is required, not 'str'\n"
    "TypeError: a bytes-like object is required, not 'int'\n"
    "UnsupportedOperation: read\n"
    "ValueError: write to closed file\n"
    "ValueError: seek of closed file\n"
    "LookupError: unknown encoding: nope\n"
    "ValueError: illegal newline value: x\n"
    "ValueError: can't have unbuffered text I/O\n";
static const fs_file paths_os_files[] = {
    {"notes.txt", "x\015\n"
    "y\n", 5},
    {"d", NULL, 0},
    {"d/a.txt", "A", 1},
    {NULL, NULL, 0}};
static const char paths_os_src[] =
    "from pathlib import Path\n"
    "import os\n"
    "p = Path('notes.txt')\n"
    "with p.open() as f:\n"
    "    print(repr(f.readline()), f.name)\n"
    "print(repr(p.read_text()), p.read_bytes())\n"
    "print(Path('p.txt').write_text('via path\\n'))\n"
    "with open(Path('p.txt')) as f:\n"
    "    print(f.name, repr(f.read()))\n"
    "with Path('p.bin').open('wb') as f:\n"
    "    f.write(b'123')\n"
    "print(Path('p.bin').read_bytes())\n"
    "import os.path\n"
    "print(os.path.join('d', 'a.txt'), os.path.exists('d/a.txt'), os.path.exists('nope'))\n"
    "print(os.path.isfile('d/a.txt'), os.path.isdir('d/a.txt'), os.path.isdir('d'), os.path.isfile('d'))\n"
    "os.makedirs('d/e/f', exist_ok=True)\n"
    "os.makedirs('d/e/f', exist_ok=True)\n"
    "os.mkdir('d/g')\n"
    "try:\n"
    "    os.mkdir('d/g')\n"
    "except FileExistsError:\n"
    "    print('FileExistsError')\n"
    "print(sorted(os.listdir('d')))\n"
    "with open(os.path.join('d', 'g', 'h.txt'), 'w') as f:\n"
    "    f.write('hi')\n"
    "print(os.listdir('d/g'))\n"
    "os.remove('d/g/h.txt')\n"
    "print(os.listdir('d/g'), os.path.exists('d/g/h.txt'))\n"
    "try:\n"
    "    os.remove('d/g/h.txt')\n"
    "except FileNotFoundError:\n"
    "    print('FileNotFoundError')\n"
    "Path('d/g/h.txt').unlink(missing_ok=True)\n"
    "print(os.path.abspath('x/../y.txt') == os.path.join(os.getcwd(), 'y.txt'))\n"
    "print(Path.cwd() == Path(os.getcwd()))\n"
    "print(sorted((t, sorted(d), sorted(f)) for t, d, f in os.walk('d')))\n"
    "print(next(os.walk('d'))[0], list(os.walk('d', topdown=False))[-1][0])\n"
    "print(list(os.walk('nope')))\n";
static const char paths_os_out[] =
    "'x\\n' notes.txt\n"
    "'x\\ny\\n' b'x\\r\\ny\\n'\n"
    "9\n"
    "p.txt 'via path\\n'\n"
    "b'123'\n"
    "d/a.txt True False\n"
    "True False True False\n"
    "FileExistsError\n"
    "['a.txt', 'e', 'g']\n"
    "['h.txt']\n"
    "[] False\n"
    "FileNotFoundError\n"
    "True\n"
    "True\n"
    "[('d', ['e', 'g'], ['a.txt']), ('d/e', ['f'], []), ('d/e/f', [], []), ('d/g', [], [])]\n"
    "d d\n"
    "[]\n";
static const fs_file encodings_files[] = {
    {NULL, NULL, 0}};
static const char encodings_src[] =
    "with open('l1.txt', 'w', encoding='latin-1') as f:\n"
    "    print(f.write('caf\\u00e9\\n'), f.encoding, f.tell())\n"
    "print(open('l1.txt', 'rb').read(), repr(open('l1.txt', encoding='Latin1').read()))\n"
    "try:\n"
    "    open('l1.txt').read()\n"
    "except UnicodeDecodeError as e:\n"
    "    print('UnicodeDecodeError')\n"
    "with open('a.txt', 'w', encoding='ascii') as f:\n"
    "    try:\n"
    "        f.write('\\u00e9')\n"
    "    except UnicodeEncodeError as e:\n"
    "        print(e)\n"
    "    f.write('plain')\n"
    "print(open('a.txt', 'rb').read())\n"
    "with open('s.csv', 'w', encoding='utf-8-sig') as f:\n"
    "    f.write('a,b\\n')\n"
    "    print(f.tell())\n"
    "print(open('s.csv', 'rb').read(), repr(open('s.csv', encoding='utf-8-sig').read()), repr(open('s.csv').read()))\n"
    "with open('s.csv', 'a', encoding='utf-8-sig') as f:\n"
    "    f.write('1,2\\n')\n"
    "print(open('s.csv', 'rb').read())\n"
    "with open('n.csv', 'w') as f:\n"
    "    f.write('x,y\\n')\n"
    "with open('n.csv', 'a', encoding='utf-8-sig') as f:\n"
    "    f.write('3,4\\n')\n"
    "print(open('n.csv', 'rb').read())\n"
    "print(open('l1.txt', encoding='ascii', errors='replace').read(), end='')\n"
    "with open('l1.txt', 'r+', encoding='latin-1') as f:\n"
    "    print(f.read(2), f.tell(), f.seek(3), repr(f.read()))\n"
    "from pathlib import Path\n"
    "print(Path('p1.txt').write_text('na\\u00efve', encoding='latin-1'))\n"
    "print(Path('p1.txt').read_bytes(), Path('p1.txt').read_text(encoding='latin-1'))\n"
    "try:\n"
    "    open('p1.txt', encoding='nope')\n"
    "except LookupError as e:\n"
    "    print('LookupError', e)\n";
static const char encodings_out[] =
    "5 latin-1 5\n"
    "b'caf\\xe9\\n' 'caf\303\251\\n'\n"
    "UnicodeDecodeError\n"
    "'ascii' codec can't encode character '\\xe9' in position 0: ordinal not in range(128)\n"
    "b'plain'\n"
    "7\n"
    "b'\\xef\\xbb\\xbfa,b\\n' 'a,b\\n' '\\ufeffa,b\\n'\n"
    "b'\\xef\\xbb\\xbfa,b\\n1,2\\n'\n"
    "b'x,y\\n3,4\\n'\n"
    "caf\357\277\275\n"
    "ca 2 3 '\303\251\\n'\n"
    "5\n"
    "b'na\\xefve' na\303\257ve\n"
    "LookupError unknown encoding: nope\n";
static const scenario scenarios[] = {
    {"text_read", text_read_files, text_read_src, text_read_out},
    {"text_write", text_write_files, text_write_src, text_write_out},
    {"binary", binary_files, binary_src, binary_out},
    {"plus_modes", plus_modes_files, plus_modes_src, plus_modes_out},
    {"errors", errors_files, errors_src, errors_out},
    {"paths_os", paths_os_files, paths_os_src, paths_os_out},
    {"encodings", encodings_files, encodings_src, encodings_out},
    {NULL, NULL, NULL, NULL}};
/* ---- end of generated scenarios ---- */

static char out[16384];

static void test_scenarios(cmonty_vm *vm) {
  for (const scenario *s = scenarios; s->name; s++) {
    fs_reset(s->files);
    run_fs(vm, s->src, out, sizeof out);
    int same = !strcmp(out, s->out);
    CHECK(same);
    if (!same) show_diff(s->name, s->out, out);
  }
}

static int file_is(const char *p, const char *data) {
  fs_node *f = fs_find(p);
  return f && !f->dir && f->len == strlen(data) && !memcmp(f->data, data, f->len);
}

/* Exactly which OS calls open() makes, and what reaches the host. */
static void test_call_sequences(cmonty_vm *vm) {
  fs_reset(NULL);
  fs_add("n.txt", 0, "a\r\nb", 4);
  run_fs(vm, "with open('a.txt', 'w') as f:\n    f.write('x')\n    f.write('y')\n", out, sizeof out);
  CHECK(!strcmp(fs.log, "Path.write_text;Path.write_text;") && file_is("a.txt", "xy"));
  fs.log[0] = 0;
  run_fs(vm, "f = open('n.txt')\nprint(repr(f.read()))\nf.close()\n", out, sizeof out);
  CHECK(!strcmp(fs.log, "Path.read_text;") && !strcmp(out, "'a\\nb'\n"));
  fs.log[0] = 0;
  run_fs(vm, "with open('n.txt', 'r+') as f:\n    f.read()\n", out, sizeof out);
  CHECK(!strcmp(fs.log, "Path.read_text;")); /* nothing written: nothing sent */
  fs.log[0] = 0;
  run_fs(vm, "with open('m.txt', 'a') as f:\n    f.write('1')\nwith open('m.txt', 'a') as f:\n    f.write('2')\n",
         out, sizeof out);
  CHECK(!strcmp(fs.log, "Path.read_text;Path.write_text;Path.write_text;"
                        "Path.read_text;Path.write_text;"));
  CHECK(file_is("m.txt", "12"));
  fs.log[0] = 0;
  run_fs(vm, "with open('y.bin', 'xb') as f:\n    f.write(b'\\x00\\xff')\n", out, sizeof out);
  CHECK(!strcmp(fs.log, "Path.exists;Path.write_bytes;Path.write_bytes;"));
  fs_node *y = fs_find("y.bin");
  CHECK(y && y->len == 2 && y->data[0] == 0 && y->data[1] == 0xff);
  /* a file never closed keeps only what open() created: no finalizers */
  fs.log[0] = 0;
  run_fs(vm, "f = open('lost.txt', 'w')\nf.write('data')\n", out, sizeof out);
  CHECK(!strcmp(fs.log, "Path.write_text;") && file_is("lost.txt", ""));
  /* flush() sends the content so far; close() sends only if changed */
  fs.log[0] = 0;
  run_fs(vm, "f = open('fl.txt', 'w')\nf.write('a')\nf.flush()\nf.flush()\nf.close()\n", out, sizeof out);
  CHECK(!strcmp(fs.log, "Path.write_text;Path.write_text;") && file_is("fl.txt", "a"));
  /* open() and pathlib calls pause inside functions, comprehensions,
     map() and generators */
  fs_reset(NULL);
  fs_add("a", 0, "A1\nA2\n", 6);
  fs_add("b", 0, "B\n", 2);
  run_fs(vm,
         "def load(n):\n    with open(n) as f:\n        return f.read()\n"
         "print([load(n) for n in ('a', 'b')])\n"
         "print(list(map(load, ['b'])))\n"
         "def lines(n):\n    for line in open(n):\n        yield line.strip()\n"
         "print(','.join(lines('a')), sorted(lines('a'), key=lambda s: -len(load('b'))))\n",
         out, sizeof out);
  CHECK(!strcmp(out, "['A1\\nA2\\n', 'B\\n']\n['B\\n']\nA1,A2 ['A1', 'A2']\n"));
  if (strcmp(out, "['A1\\nA2\\n', 'B\\n']\n['B\\n']\nA1,A2 ['A1', 'A2']\n")) fprintf(stderr, "%s", out);
}

/* `with open(...)` left by an exception still writes the file; the
   exception propagates unchanged. */
static void test_exit_on_exception(cmonty_vm *vm) {
  fs_reset(NULL);
  run_fs(vm,
         "try:\n    with open('a.txt', 'w') as f:\n        f.write('x')\n"
         "        raise ValueError('boom')\n"
         "except Exception as e:\n    print(type(e).__name__, e, f.closed)\n"
         "print(open('a.txt').read())\n",
         out, sizeof out);
  CHECK(!strcmp(out, "ValueError boom True\nx\n"));
  if (strcmp(out, "ValueError boom True\nx\n")) fprintf(stderr, "%s", out);
}

/* Refusals and failures from the host surface where CPython raises. */
static void test_refusals(cmonty_vm *vm) {
  cmonty_progress pr;
  cmonty_program *p = NULL;
  const char *src = "try:\n    with open('a.txt', 'w') as f:\n        f.write('x')\n"
                    "except PermissionError as e:\n    print('refused:', e, f.closed)\n"
                    "print(open('a.txt').read())\n";
  CHECK(cmonty_compile(vm, src, strlen(src), "main.py", NULL, 0, NULL, 0, &p) == CMONTY_OK);
  CHECK(cmonty_start(vm, p, NULL, 0, &pr) == CMONTY_OK && pr.kind == CMONTY_PROGRESS_OS_CALL);
  CHECK(!strcmp(pr.name, "Path.write_text") && cmonty_len(vm, cmonty_item(vm, pr.args, 1)) == 0);
  CHECK(cmonty_kind_of(vm, cmonty_item(vm, pr.args, 0)) == CMONTY_KIND_PATH);
  CHECK(cmonty_resume(vm, cmonty_int(vm, 0), &pr) == CMONTY_OK);
  CHECK(pr.kind == CMONTY_PROGRESS_OS_CALL && !strcmp(pr.name, "Path.write_text"));
  const char *s;
  size_t n;
  CHECK(cmonty_get_str(vm, cmonty_item(vm, pr.args, 1), &s, &n) == CMONTY_OK && n == 1 && *s == 'x');
  CHECK(cmonty_resume_exception(vm, "PermissionError", "read-only disk", &pr) == CMONTY_OK);
  CHECK(pr.kind == CMONTY_PROGRESS_OS_CALL && !strcmp(pr.out, "refused: read-only disk True\n"));
  CHECK(!strcmp(pr.name, "Path.read_text"));
  CHECK(cmonty_resume(vm, cmonty_str(vm, "r\rs", 3), &pr) == CMONTY_OK); /* universal newlines */
  CHECK(pr.kind == CMONTY_PROGRESS_COMPLETE && !strcmp(pr.out, "r\ns\n"));
  /* a host answer of the wrong type is a clear TypeError */
  CHECK(cmonty_start(vm, p, NULL, 0, &pr) == CMONTY_OK);
  cmonty_resume(vm, cmonty_int(vm, 0), &pr);
  cmonty_resume(vm, cmonty_int(vm, 1), &pr);
  CHECK(pr.kind == CMONTY_PROGRESS_OS_CALL && !strcmp(pr.name, "Path.read_text"));
  CHECK(cmonty_resume(vm, cmonty_int(vm, 5), &pr) == CMONTY_OK && pr.kind == CMONTY_PROGRESS_ERROR);
  CHECK(!strcmp(cmonty_error_type(vm), "TypeError"));
  CHECK(!strcmp(cmonty_error_message(vm), "Path.read_text: the host answered int, not str"));
  cmonty_program_free(vm, p);
  /* no host: every OS call is a PermissionError, at open() like CPython */
  p = NULL;
  src = "for m in ('r', 'w', 'ab', 'x'):\n    try:\n        open('f.txt', m)\n"
        "    except PermissionError as e:\n        print(m, e)\n"
        "import os\nprint(os.path.exists('f.txt'), os.path.isdir('.'))\n"
        "try:\n    os.getcwd()\nexcept PermissionError as e:\n    print(e)\n"
        "print(os.path.join('a', 'b'), os.path.splitext('x.tar.gz'))\n";
  CHECK(cmonty_compile(vm, src, strlen(src), "main.py", NULL, 0, NULL, 0, &p) == CMONTY_OK);
  CHECK(cmonty_run(vm, p, NULL, 0, &pr) == CMONTY_OK && pr.kind == CMONTY_PROGRESS_COMPLETE);
  CHECK(!strcmp(pr.out, "r Path.read_text: no host to answer this operation\n"
                        "w Path.write_text: no host to answer this operation\n"
                        "ab Path.read_bytes: no host to answer this operation\n"
                        "x Path.exists: no host to answer this operation\n"
                        "False False\nos.getcwd: no host to answer this operation\n"
                        "a/b ('x.tar', '.gz')\n"));
  cmonty_program_free(vm, p);
}

/* os.environ as a mapping over os.getenv / os.environ / os.putenv. */
static void test_environ(cmonty_vm *vm) {
  fs_reset(NULL);
  run_fs(vm,
         "import os\n"
         "print(os.environ.get('HOME'), os.environ.get('NOPE', 'd'), os.getenv('LANG'))\n"
         "print(sorted(os.environ.keys()), sorted(os.environ.values()))\n"
         "print(sorted(os.environ.items())[0], os.environ.copy()['LANG'])\n"
         "print(os.environ.setdefault('NEW', 'n1'), os.environ.setdefault('NEW', 'n2'))\n"
         "print(os.environ.pop('NEW'), os.environ.pop('NEW', 'gone'))\n"
         "try:\n    os.environ.pop('NEW')\nexcept KeyError as e:\n    print('KeyError', e)\n"
         "try:\n    os.getenv(1)\nexcept TypeError as e:\n    print(e)\n"
         "os.putenv('P', 'v')\nprint(os.getenv('P'))\nos.unsetenv('P')\nprint(os.getenv('P'))\n",
         out, sizeof out);
  CHECK(!strcmp(out, "/home/user d C.UTF-8\n['HOME', 'LANG'] ['/home/user', 'C.UTF-8']\n"
                     "('HOME', '/home/user') C.UTF-8\nn1 n1\nn1 gone\nKeyError 'NEW'\n"
                     "str expected, not int\nv\nNone\n"));
  if (strstr(out, "ERROR")) fprintf(stderr, "%s", out);
  run_fs(vm,
         "import os\n"
         "print(os.environ['HOME'], 'HOME' in os.environ, 'NOPE' in os.environ)\n"
         "try:\n    os.environ['NOPE']\nexcept KeyError as e:\n    print('KeyError', e)\n"
         "try:\n    1 in os.environ\nexcept TypeError as e:\n    print(e)\n"
         "print(len(os.environ), sorted(os.environ), sorted(k for k in os.environ))\n"
         "os.environ['X'] = 'y'\nprint(os.environ['X'], os.environ.copy()['X'])\n"
         "del os.environ['X']\nprint('X' in os.environ)\n"
         "try:\n    del os.environ['X']\nexcept KeyError as e:\n    print('KeyError', e)\n",
         out, sizeof out);
  CHECK(!strcmp(out, "/home/user True False\nKeyError 'NOPE'\nstr expected, not int\n"
                     "2 ['HOME', 'LANG'] ['HOME', 'LANG']\ny y\nFalse\nKeyError 'X'\n"));
  if (strstr(out, "ERROR")) fprintf(stderr, "%s", out);
  /* dict(os.environ) and dict.update(os.environ) read it through keys()
     and __getitem__, which pause for their OS calls */
  run_fs(vm,
         "import os\n"
         "d = dict(os.environ, X='1')\nprint(sorted(d.items()))\n"
         "e = {'A': 'a'}\ne.update(os.environ)\nprint(sorted(e))\n",
         out, sizeof out);
  CHECK(!strcmp(out, "[('HOME', '/home/user'), ('LANG', 'C.UTF-8'), ('X', '1')]\n"
                     "['A', 'HOME', 'LANG']\n"));
  if (strstr(out, "ERROR")) fprintf(stderr, "%s", out);
}

/* The io module: StringIO/BytesIO (in-memory, no OS calls) and the names
   of the file classes. Expected output: CPython 3.14's. */
static const char io_src[] =
    "import io\n"
    "def t(f):\n"
    "    try:\n"
    "        r = f()\n"
    "        print('ok', repr(r))\n"
    "    except Exception as e:\n"
    "        print(type(e).__name__ + ':', e)\n"
    "s = io.StringIO('abc\\r\\ndef')\n"
    "t(lambda: (s.write('X'), s.getvalue(), s.tell(), s.read()))\n"
    "t(lambda: s.seek(1, 1))\n"
    "t(lambda: s.seek(-1))\n"
    "t(lambda: (s.seek(0, 2), s.seek(0), s.readlines()))\n"
    "t(lambda: (s.readable(), s.writable(), s.seekable(), s.encoding, s.errors, s.closed))\n"
    "t(lambda: io.StringIO(b'x'))\n"
    "t(lambda: (io.StringIO('a\\r\\nb', newline=None).getvalue(), io.StringIO('a\\nb', newline='\\r\\n').getvalue()))\n"
    "s.close()\n"
    "t(s.getvalue)\n"
    "b = io.BytesIO(b'hello\\nworld')\n"
    "t(lambda: (b.read(3), b.write(b'XY'), b.getvalue(), b.readline(), b.tell()))\n"
    "t(lambda: b.write('x'))\n"
    "t(lambda: b.seek(-1))\n"
    "b.close()\n"
    "t(b.read)\n"
    "with io.StringIO() as s:\n"
    "    s.write('y\\n')\n"
    "    print(repr(s.getvalue()), [line for line in io.StringIO('1\\n2\\n')])\n"
    "print(s.closed, io.open is open, io.SEEK_END)\n"
    "t(lambda: issubclass(io.UnsupportedOperation, OSError))\n";
static const char io_out[] =
    "ok (1, 'Xbc\\r\\ndef', 1, 'bc\\r\\ndef')\n"
    "OSError: Can't do nonzero cur-relative seeks\n"
    "ValueError: Negative seek position -1\n"
    "ok (8, 0, ['Xbc\\r\\n', 'def'])\n"
    "ok (True, True, True, None, None, False)\n"
    "TypeError: initial_value must be str or None, not bytes\n"
    "ok ('a\\nb', 'a\\r\\nb')\n"
    "ValueError: I/O operation on closed file\n"
    "ok (b'hel', 2, b'helXY\\nworld', b'\\n', 6)\n"
    "TypeError: a bytes-like object is required, not 'str'\n"
    "ValueError: negative seek value -1\n"
    "ValueError: I/O operation on closed file.\n"
    "'y\\n' ['1\\n', '2\\n']\n"
    "True True 2\n"
    "ok True\n";

static void test_io_module(cmonty_vm *vm) {
  fs_reset(NULL);
  run_fs(vm, io_src, out, sizeof out);
  int same = !strcmp(out, io_out);
  CHECK(same);
  if (!same) show_diff("io", io_out, out);
  CHECK(fs.log[0] == 0); /* no OS calls */
}

/* Path.stat answered with a named tuple; type errors of the write
   operations, raised before any OS call. Expected output: CPython 3.14's
   (with os.stat_result((33188, 1, 0, 0, 0, 0, 5, 0, 0, 0)) for the stat of
   a 5-byte file). */
static const fs_file stat_files[] = {{"/d", NULL, 0}, {"/d/a.txt", "hello", 5}, {NULL, NULL, 0}};
static const char stat_src[] =
    "import os.path\n"
    "from pathlib import Path\n"
    "def t(f):\n"
    "    try:\n"
    "        print('ok', repr(f()))\n"
    "    except Exception as e:\n"
    "        print(type(e).__name__ + ':', e)\n"
    "st = Path('/d/a.txt').stat()\n"
    "print(st.st_size, st[6], oct(st.st_mode & 0o777), st.st_mode & 0o170000 == 0o100000)\n"
    "print(type(st).__name__, len(st), st[:2], st == tuple(st), hash(st) == hash(tuple(st)))\n"
    "mode, *rest = st\n"
    "print(mode, rest)\n"
    "print(st)\n"
    "print(Path('/d').stat().st_mode & 0o170000 == 0o040000)\n"
    "t(lambda: Path('/d/b').write_bytes(123))\n"
    "t(lambda: Path('/d/b').write_bytes('abc'))\n"
    "t(lambda: Path('/d/b').write_text(123))\n"
    "t(lambda: Path('/d/b').write_text(b'x'))\n"
    "f = open('/d/b', 'w')\n"
    "t(lambda: f.write(1))\n"
    "t(lambda: f.write(b'x'))\n"
    "g = open('/d/c', 'wb')\n"
    "t(lambda: g.write('s'))\n"
    "t(lambda: g.write(1))\n"
    "t(lambda: os.path.join('a', 'b'))\n";
static const char stat_out[] =
    "5 5 0o644 True\n"
    "stat_result 10 (33188, 1) True True\n"
    "33188 [1, 0, 0, 0, 0, 5, 0, 0, 0]\n"
    "os.stat_result(st_mode=33188, st_ino=1, st_dev=0, st_nlink=0, st_uid=0, st_gid=0, "
    "st_size=5, st_atime=0, st_mtime=0, st_ctime=0)\n"
    "True\n"
    "TypeError: memoryview: a bytes-like object is required, not 'int'\n"
    "TypeError: memoryview: a bytes-like object is required, not 'str'\n"
    "TypeError: data must be str, not int\n"
    "TypeError: data must be str, not bytes\n"
    "TypeError: write() argument must be str, not int\n"
    "TypeError: write() argument must be str, not bytes\n"
    "TypeError: a bytes-like object is required, not 'str'\n"
    "TypeError: a bytes-like object is required, not 'int'\n"
    "ok 'a/b'\n";

static void test_stat_and_write_errors(cmonty_vm *vm) {
  fs_reset(stat_files);
  run_fs(vm, stat_src, out, sizeof out);
  int same = !strcmp(out, stat_out);
  CHECK(same);
  if (!same) show_diff("stat", stat_out, out);
  /* two stats and the two open()s creating empty files: the failed
     writes wrote nothing */
  const char *log = "Path.stat;Path.stat;Path.write_text;Path.write_bytes;";
  CHECK(!strcmp(fs.log, log));
  if (strcmp(fs.log, log)) fprintf(stderr, "log: %s\n", fs.log);
  CHECK(fs_find("/d/b") && fs_find("/d/b")->len == 0);
  CHECK(fs_find("/d/c") && fs_find("/d/c")->len == 0);
}

int main(void) {
  cmonty_vm *vm = cmonty_new(NULL, NULL);
  cmonty_set_capture(vm, 1);
  test_scenarios(vm);
  test_call_sequences(vm);
  test_refusals(vm);
  test_exit_on_exception(vm);
  test_environ(vm);
  test_io_module(vm);
  cmonty_free(vm);
  vm = cmonty_new(NULL, NULL); /* fresh: `import os.path` before `import os` */
  cmonty_set_capture(vm, 1);
  test_stat_and_write_errors(vm);
  cmonty_free(vm);
  printf("%d passed, %d failed\n", passed, failed);
  return failed != 0;
}
