/*
** host_agent.c — a C host running an agent-style Python script with
** cmonty's host API (include/cmonty.h):
**   - the script calls host functions `fetch(url)` and `lookup_user(id)`;
**     each call pauses the run, the host answers, the run resumes;
**   - its file and environment access (pathlib, os.getenv) arrive as OS
**     calls, answered from an in-memory file system (nothing real is
**     touched; anything else is refused with PermissionError);
**   - print() output is streamed to the host as it happens;
**   - finally a runaway loop is stopped by a time/instruction limit.
**
**   host_agent [examples/agent.py]
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmonty.h"

/* ---- the host's in-memory file system ---------------------------------- */

#define MAX_FILES 8
typedef struct mem_file {
  char path[64];
  char data[512];
} mem_file;

typedef struct host {
  mem_file files[MAX_FILES];
  int nfiles;
  int calls, os_calls;
} host;

static mem_file *find_file(host *h, const char *path, size_t len) {
  for (int i = 0; i < h->nfiles; i++)
    if (strlen(h->files[i].path) == len && !memcmp(h->files[i].path, path, len))
      return &h->files[i];
  return NULL;
}

static void put_file(host *h, const char *path, size_t len, const char *data,
                     size_t dlen) {
  mem_file *f = find_file(h, path, len);
  if (!f && h->nfiles < MAX_FILES) {
    f = &h->files[h->nfiles++];
    snprintf(f->path, sizeof f->path, "%.*s", (int)len, path);
  }
  if (f) snprintf(f->data, sizeof f->data, "%.*s", (int)dlen, data);
}

/* ---- streamed output --------------------------------------------------- */

static void on_write(void *ud, int stream, const char *data, size_t len) {
  (void)ud;
  fprintf(stream == 2 ? stderr : stdout, "%.*s", (int)len, data);
  fflush(stream == 2 ? stderr : stdout);
}

/* ---- answering the run's requests -------------------------------------- */

static int name_is(const cmonty_progress *p, const char *s) {
  return p->name_len == strlen(s) && !memcmp(p->name, s, p->name_len);
}

/* The i-th positional argument as text ("" if it is not str/path). */
static const char *arg_str(cmonty_vm *vm, const cmonty_progress *p, size_t i,
                           size_t *len) {
  const char *s = "";
  *len = 0;
  cmonty_val a = cmonty_item(vm, p->args, i);
  if (!a || cmonty_get_str(vm, a, &s, len) != CMONTY_OK) {
    *len = 0;
    return "";
  }
  return s;
}

static cmonty_status answer_call(cmonty_vm *vm, host *h, const cmonty_progress *p,
                                 cmonty_progress *next) {
  size_t n;
  h->calls++;
  if (name_is(p, "fetch")) {
    const char *url = arg_str(vm, p, 0, &n);
    printf("  [host] fetch(%.*s)\n", (int)n, url);
    char page[256];
    int len = snprintf(page, sizeof page, "<html>page of %.*s with extraordinarily long words</html>",
                       (int)n, url);
    return cmonty_resume(vm, cmonty_str(vm, page, (size_t)len), next);
  }
  if (name_is(p, "lookup_user")) {
    int64_t id = 0;
    cmonty_get_int(vm, cmonty_item(vm, p->args, 0), &id);
    printf("  [host] lookup_user(%lld)\n", (long long)id);
    if (id != 42) return cmonty_resume_exception(vm, "KeyError", "no such user", next);
    cmonty_val keys[3] = {cmonty_str(vm, "id", 2), cmonty_str(vm, "name", 4),
                          cmonty_str(vm, "role", 4)};
    cmonty_val vals[3] = {cmonty_int(vm, id), cmonty_str(vm, "Ada", 3),
                          cmonty_str(vm, "admin", 5)};
    return cmonty_resume(vm, cmonty_dict(vm, keys, vals, 3), next);
  }
  return cmonty_resume_not_found(vm, next);
}

static cmonty_status answer_os_call(cmonty_vm *vm, host *h, const cmonty_progress *p,
                                    cmonty_progress *next) {
  size_t n, dn;
  h->os_calls++;
  printf("  [host] OS call %.*s\n", (int)p->name_len, p->name);
  if (name_is(p, "os.getenv")) {
    const char *name = arg_str(vm, p, 0, &n);
    if (n == 4 && !memcmp(name, "HOME", 4))
      return cmonty_resume(vm, cmonty_str(vm, "/home/agent", 11), next);
    return cmonty_resume(vm, cmonty_none(vm), next);
  }
  const char *path = arg_str(vm, p, 0, &n);
  int in_data = n > 6 && !memcmp(path, "/data/", 6);
  if (!in_data) return cmonty_resume_exception(vm, "PermissionError", "outside /data", next);
  mem_file *f = find_file(h, path, n);
  if (name_is(p, "Path.exists")) return cmonty_resume(vm, cmonty_bool(vm, f != NULL), next);
  if (name_is(p, "Path.read_text")) {
    if (!f) return cmonty_resume_not_found(vm, next);
    return cmonty_resume(vm, cmonty_str(vm, f->data, strlen(f->data)), next);
  }
  if (name_is(p, "Path.write_text")) {
    const char *data = arg_str(vm, p, 1, &dn);
    put_file(h, path, n, data, dn);
    return cmonty_resume(vm, cmonty_int(vm, (int64_t)dn), next);
  }
  return cmonty_resume_exception(vm, "PermissionError", "not allowed by this host", next);
}

/* Drives a started run to its end; returns its final progress kind. */
static cmonty_progress_kind drive(cmonty_vm *vm, host *h, cmonty_progress *p) {
  for (;;) {
    cmonty_progress next;
    cmonty_status st;
    switch (p->kind) {
      case CMONTY_PROGRESS_CALL: st = answer_call(vm, h, p, &next); break;
      case CMONTY_PROGRESS_OS_CALL: st = answer_os_call(vm, h, p, &next); break;
      case CMONTY_PROGRESS_NAME_LOOKUP: st = cmonty_resume_not_found(vm, &next); break;
      default: return p->kind;
    }
    if (st != CMONTY_OK) {
      fprintf(stderr, "host: resume failed: %s\n", cmonty_last_error(vm));
      return CMONTY_PROGRESS_ERROR;
    }
    *p = next;
  }
}

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
  if (buf) *len = fread(buf, 1, (size_t)n, f);
  fclose(f);
  return buf;
}

static void print_usage(const cmonty_usage *u) {
  printf("  usage: %.3f ms, %llu instructions, peak %llu bytes, %llu allocations, "
         "depth %u\n",
         u->seconds * 1e3, (unsigned long long)u->instructions,
         (unsigned long long)u->memory_peak, (unsigned long long)u->allocations,
         (unsigned)u->depth_peak);
}

int main(int argc, char **argv) {
  const char *script = argc > 1 ? argv[1] : "examples/agent.py";
  size_t len = 0;
  char *src = read_file(script, &len);
  if (!src) {
    fprintf(stderr, "host_agent: cannot read %s\n", script);
    return 1;
  }
  cmonty_vm *vm = cmonty_new(NULL, NULL);
  if (!vm) return 1;
  cmonty_set_write(vm, on_write, NULL);
  host h;
  memset(&h, 0, sizeof h);
  put_file(&h, "/data/config.txt", 16, "model=small\nretries=3\n", 22);

  /* 1. the agent script: compiled once, with its host functions and inputs */
  const char *ext[] = {"fetch", "lookup_user"};
  const char *inputs[] = {"user_id", "urls"};
  cmonty_program *prog = NULL;
  if (cmonty_compile(vm, src, len, "agent.py", ext, 2, inputs, 2, &prog) != CMONTY_OK) {
    fprintf(stderr, "%s", cmonty_error_traceback(vm));
    return 1;
  }
  free(src);
  cmonty_val urls[2] = {cmonty_str(vm, "https://a.example", 17),
                        cmonty_str(vm, "https://b.example", 17)};
  cmonty_val in[2] = {cmonty_int(vm, 42), cmonty_list(vm, urls, 2)};
  printf("== running %s\n", script);
  cmonty_progress p;
  int status = 0;
  if (cmonty_start(vm, prog, in, 2, &p) != CMONTY_OK ||
      drive(vm, &h, &p) != CMONTY_PROGRESS_COMPLETE) {
    fprintf(stderr, "%s", cmonty_error_traceback(vm));
    status = 1;
  } else {
    cmonty_val r = cmonty_repr(vm, p.value);
    const char *s = "";
    size_t n = 0;
    cmonty_get_str(vm, r, &s, &n);
    printf("== result: %.*s\n", (int)n, s);
    printf("== %d host calls, %d OS calls; /data/summary.txt = %s\n", h.calls,
           h.os_calls, find_file(&h, "/data/summary.txt", 17)
                           ? find_file(&h, "/data/summary.txt", 17)->data
                           : "(missing)");
    print_usage(&p.usage);
  }

  /* 2. a runaway loop, stopped by the limits (Python cannot catch it) */
  const char runaway[] =
      "n = 0\n"
      "while True:\n"
      "    try:\n"
      "        n += 1\n"
      "    except Exception:\n"
      "        pass\n";
  cmonty_program *loop = NULL;
  cmonty_limits lim = {0};
  lim.max_seconds = 0.2;
  lim.max_instructions = 5000000;
  cmonty_set_limits(vm, &lim);
  printf("== running a runaway loop with max 0.2 s / 5M instructions\n");
  if (cmonty_compile(vm, runaway, sizeof runaway - 1, "runaway.py", NULL, 0, NULL, 0,
                     &loop) == CMONTY_OK &&
      cmonty_start(vm, loop, NULL, 0, &p) == CMONTY_OK &&
      drive(vm, &h, &p) == CMONTY_PROGRESS_ERROR) {
    printf("  stopped: %s: %s\n", cmonty_error_type(vm), cmonty_error_message(vm));
    print_usage(&p.usage);
  } else {
    printf("  the loop was not stopped?\n");
    status = 1;
  }
  cmonty_program_free(vm, loop);
  cmonty_program_free(vm, prog);
  cmonty_free(vm);
  return status;
}
