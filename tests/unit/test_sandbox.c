/*
** test_sandbox.c — running Python makes no file, network, environment or
** process access of its own (DESIGN.md rule 5).
**
** Runs the cmonty CLI (next to this program in the build directory) under
** `strace -f` on a script that does a lot of work and tries every way out
** it can name (open(), os.getenv, os.environ, pathlib, socket, subprocess,
** __import__, exec/eval, time). The script first prints a >64 KiB marker,
** which the CLI writes straight through: that write(2) call marks the end
** of start-up (dynamic loading, sanitizer set-up, reading the script is
** all before it). From the marker to the exit, the only syscalls of the
** traced classes (file, network, process, write, getrandom) allowed are
** writes to stdout/stderr and the final exit_group.
**
** Without a working strace (not installed, or ptrace not permitted) it
** prints why and `0 passed, 0 failed`. `make test` installs strace.
*/
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"

/* Runs argv with stdout/stderr to `out` (NULL: /dev/null); exit status,
   or -1 if it could not run. */
static int run_cmd(char *const argv[], const char *out) {
  pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    FILE *f = freopen(out ? out : "/dev/null", "w", stdout);
    if (!f || dup2(fileno(stdout), 2) < 0) _exit(127);
    /* LeakSanitizer cannot run under ptrace */
    setenv("ASAN_OPTIONS", "detect_leaks=0", 1);
    execvp(argv[0], argv);
    _exit(127);
  }
  int st;
  if (waitpid(pid, &st, 0) < 0) return -1;
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap + 1);
  while (buf) {
    n += fread(buf + n, 1, cap - n, f);
    if (n < cap) break;
    char *nb = realloc(buf, cap * 2 + 1);
    if (!nb) {
      free(buf);
      buf = NULL;
      break;
    }
    buf = nb;
    cap *= 2;
  }
  fclose(f);
  if (buf) buf[n] = '\0';
  return buf;
}

/* Scans strace output: the syscalls after the marker write that are not
   writes to fd 1/2 or exit_group. Prints them; returns how many (-1 if
   the marker is missing). */
static int forbidden_after_marker(const char *trace, const char *marker) {
  const char *m = strstr(trace, marker);
  if (!m) return -1;
  const char *line = strchr(m, '\n');
  int bad = 0;
  while (line && *line) {
    line++;
    const char *end = strchr(line, '\n');
    size_t len = end ? (size_t)(end - line) : strlen(line);
    /* "PID  name(args) = ret", or "<... name resumed>", "+++ exited" */
    const char *p = line;
    while (p < line + len && (*p == ' ' || (*p >= '0' && *p <= '9'))) p++;
    int ok = len == 0 || !strncmp(p, "write(1,", 8) || !strncmp(p, "write(2,", 8) ||
             !strncmp(p, "exit_group(", 11) || !strncmp(p, "+++ ", 4) ||
             !strncmp(p, "--- ", 4) || !strncmp(p, "<... write resumed>", 19);
    if (!ok) {
      fprintf(stderr, "forbidden syscall after start-up: %.*s\n", (int)len, line);
      bad++;
    }
    line = end;
  }
  return bad;
}

static const char script[] =
    "print('SANDBOX_BEGIN' + 'x' * 70000)\n"
    "out = []\n"
    "def attempt(name, f):\n"
    "    try:\n"
    "        r = f()\n"
    "        out.append(name + ': returned ' + repr(r)[:40])\n"
    "    except BaseException as e:\n"
    "        out.append(name + ': ' + type(e).__name__)\n"
    /* real work: numbers, strings, containers, classes, generators,
       exceptions, big ints, float formatting, sorting */
    "class P:\n"
    "    def __init__(self, x): self.x = x\n"
    "    def __lt__(self, o): return self.x < o.x\n"
    "def gen(n):\n"
    "    for i in range(n): yield i * i\n"
    "acc = 0\n"
    "for i in range(20000):\n"
    "    acc += i % 7\n"
    "d = {str(i): i for i in range(5000)}\n"
    "s = ','.join(sorted(d, key=lambda k: -d[k]))\n"
    "ps = sorted(P(i % 97) for i in range(3000))\n"
    "big = 3 ** 5000\n"
    "fl = [f'{i / 7:.5f}' for i in range(2000)]\n"
    "g = sum(gen(10000))\n"
    "for i in range(2000):\n"
    "    try:\n"
    "        raise ValueError(i)\n"
    "    except ValueError:\n"
    "        pass\n"
    "out.append('work ' + str(acc) + ' ' + str(len(s)) + ' ' + str(len(str(big))) + "
    "' ' + str(g))\n"
    /* ways out */
    "attempt('open', lambda: open('/etc/passwd').read())\n"
    "attempt('open_w', lambda: open('/tmp/cmonty_sandbox_escape', 'w'))\n"
    "def imp(n):\n"
    "    return __import__(n)\n"
    "attempt('os', lambda: imp('os').getenv('HOME'))\n"
    "attempt('environ', lambda: dict(imp('os').environ))\n"
    "attempt('listdir', lambda: imp('os').listdir('/'))\n"
    "attempt('system', lambda: imp('os').system('true'))\n"
    "attempt('pathlib', lambda: imp('pathlib').Path('/etc/passwd').read_text())\n"
    "attempt('exists', lambda: imp('pathlib').Path('/etc').exists())\n"
    "attempt('socket', lambda: imp('socket').create_connection(('127.0.0.1', 1)))\n"
    "attempt('subprocess', lambda: imp('subprocess').run(['true']))\n"
    "attempt('time', lambda: imp('time').time())\n"
    "attempt('random', lambda: imp('random').random())\n"
    "attempt('sys', lambda: imp('sys').argv)\n"
    "attempt('exec', lambda: exec(\"open('/etc/hostname')\"))\n"
    "attempt('eval', lambda: eval(\"__import__('os').getenv('PATH')\"))\n"
    "attempt('input', lambda: input())\n"
    "for line in out: print(line)\n"
    "print('SANDBOX_DONE')\n";

int main(int argc, char **argv) {
  (void)argc;
  /* the CLI sits next to this program */
  char cli[4096];
  const char *slash = strrchr(argv[0], '/');
  if (slash)
    snprintf(cli, sizeof cli, "%.*s/cmonty", (int)(slash - argv[0]), argv[0]);
  else
    snprintf(cli, sizeof cli, "./cmonty");
  if (access(cli, X_OK) != 0) {
    printf("skip: no cmonty CLI at %s\n0 passed, 0 failed\n", cli);
    return 0;
  }
  char *probe[] = {"strace", "-f", "-qq", "-o", "/dev/null", "true", NULL};
  if (run_cmd(probe, NULL) != 0) {
    printf("skip: strace is not installed or cannot trace here\n0 passed, 0 failed\n");
    return 0;
  }

  char trace_path[256], out_path[256];
  snprintf(trace_path, sizeof trace_path, "/tmp/cmonty_sandbox_%ld.trace", (long)getpid());
  snprintf(out_path, sizeof out_path, "/tmp/cmonty_sandbox_%ld.out", (long)getpid());
  char *cmd[] = {"strace", "-f", "-qq", "-s", "16", "-o", trace_path, "-e",
                 "trace=file,network,process,write,getrandom", cli, "-c",
                 (char *)script, NULL};
  int st = run_cmd(cmd, out_path);
  char *trace = slurp(trace_path);
  char *out = slurp(out_path);
  CHECK(st == 0);
  CHECK(trace != NULL && out != NULL);
  if (trace && out) {
    CHECK(strstr(out, "SANDBOX_DONE") != NULL);
    CHECK(strstr(out, "work 59997 ") != NULL);
    /* every way out was refused */
    CHECK(strstr(out, "open: returned") == NULL);
    CHECK(strstr(out, "open_w: returned") == NULL);
    CHECK(strstr(out, "environ: returned") == NULL);
    CHECK(strstr(out, "pathlib: returned") == NULL);
    CHECK(strstr(out, "socket: returned") == NULL);
    CHECK(strstr(out, "subprocess: returned") == NULL);
    CHECK(strstr(out, "system: returned") == NULL);
    CHECK(access("/tmp/cmonty_sandbox_escape", F_OK) != 0);
    /* start-up did use the traced classes (the trace works) ... */
    CHECK(strstr(trace, "execve(") != NULL);
    /* ... and after it, nothing but writes to stdout/stderr and exit */
    int bad = forbidden_after_marker(trace, "write(1, \"SANDBOX_BEGIN");
    CHECK(bad == 0);
    if (bad != 0) fprintf(stderr, "program output:\n%s\n", out);
  }
  /* the checker itself flags an open after the marker */
  CHECK(forbidden_after_marker("1 execve(\"x\") = 0\n1 write(1, \"SANDBOX_BEGIN\"...) = 9\n"
                               "1 openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY) = 3\n"
                               "1 exit_group(0) = ?\n",
                               "write(1, \"SANDBOX_BEGIN") == 1);
  CHECK(forbidden_after_marker("1 write(1, \"SANDBOX_BEGIN\"...) = 9\n1 write(2, \"x\", 1) = 1\n"
                               "1 exit_group(0) = ?\n1 +++ exited with 0 +++\n",
                               "write(1, \"SANDBOX_BEGIN") == 0);
  free(trace);
  free(out);
  remove(trace_path);
  remove(out_path);
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
