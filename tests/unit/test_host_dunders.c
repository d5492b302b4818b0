/*
** test_host_dunders.c — host calls made inside user dunder methods and
** properties (property getters, __getitem__/__setitem__/__delitem__,
** __contains__, __iter__/__next__, __len__, __bool__, __str__/__repr__/
** __format__, gen.send, __getattr__, __exit__ after an exception,
** operator dunders: binary, in-place, reflected, comparisons, unary): each
** pauses like any other call, the host's answer is used, an exception
** resumed into the dunder propagates, and runs without a host behave as
** before. The one external function,
** fetch(x), is answered by answer(): int n -> n * 10; str s -> "<s>",
** except that "!msg" raises ValueError(msg) at the call.
*/
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cmonty.h"

static int passed, failed;
#define CHECK(c)                                                      \
  do {                                                                \
    if (c) passed++;                                                  \
    else {                                                            \
      failed++;                                                       \
      fprintf(stderr, "%s:%d: FAILED: %s\n", __FILE__, __LINE__, #c); \
    }                                                                 \
  } while (0)

/* One run's outcome. */
typedef struct outcome {
  char out[4096];        /* all captured stdout */
  int pauses;            /* CALL progresses answered */
  cmonty_progress_kind kind; /* how it ended: COMPLETE or ERROR */
  char err_type[64];
  char err_tb[2048];
} outcome;

/* Answers the pending fetch(x) and continues. */
static cmonty_status answer(cmonty_vm *vm, cmonty_progress *pr) {
  cmonty_val a = cmonty_item(vm, pr->args, 0);
  int64_t n;
  const char *s;
  size_t len;
  if (cmonty_get_int(vm, a, &n) == CMONTY_OK) return cmonty_resume(vm, cmonty_int(vm, n * 10), pr);
  if (cmonty_get_str(vm, a, &s, &len) == CMONTY_OK) {
    char buf[256];
    if (len > 0 && s[0] == '!') {
      snprintf(buf, sizeof buf, "%.*s", (int)len - 1, s + 1);
      return cmonty_resume_exception(vm, "ValueError", buf, pr);
    }
    snprintf(buf, sizeof buf, "<%.*s>", (int)len, s);
    return cmonty_resume(vm, cmonty_str(vm, buf, strlen(buf)), pr);
  }
  return cmonty_resume(vm, cmonty_none(vm), pr);
}

/* Runs src (fetch declared external) with the host answering every call,
   or with cmonty_run when `no_host`. */
static void drive(const char *src, bool no_host, outcome *o) {
  memset(o, 0, sizeof *o);
  cmonty_vm *vm = cmonty_new(NULL, NULL);
  cmonty_set_capture(vm, 1);
  const char *ext[1] = {"fetch"};
  cmonty_program *p = NULL;
  if (cmonty_compile(vm, src, strlen(src), "main.py", ext, 1, NULL, 0, &p) != CMONTY_OK) {
    fprintf(stderr, "compile failed: %s\n", cmonty_error_message(vm));
    o->kind = CMONTY_PROGRESS_ERROR;
    cmonty_free(vm);
    return;
  }
  cmonty_progress pr;
  cmonty_status st = no_host ? cmonty_run(vm, p, NULL, 0, &pr) : cmonty_start(vm, p, NULL, 0, &pr);
  for (int guard = 0; st == CMONTY_OK && guard < 10000; guard++) {
    strncat(o->out, pr.out, sizeof o->out - strlen(o->out) - 1);
    if (pr.kind != CMONTY_PROGRESS_CALL) break;
    if (strcmp(pr.name, "fetch") != 0) break;
    o->pauses++;
    st = answer(vm, &pr);
  }
  o->kind = st == CMONTY_OK ? pr.kind : CMONTY_PROGRESS_ERROR;
  if (o->kind == CMONTY_PROGRESS_ERROR) {
    snprintf(o->err_type, sizeof o->err_type, "%s", cmonty_error_type(vm));
    snprintf(o->err_tb, sizeof o->err_tb, "%s", cmonty_error_traceback(vm));
  }
  cmonty_program_free(vm, p);
  cmonty_free(vm);
}

static int ok(const outcome *o, const char *want, int pauses) {
  if (o->kind == CMONTY_PROGRESS_COMPLETE && !strcmp(o->out, want) && o->pauses == pauses)
    return 1;
  fprintf(stderr, "  got kind %d, %d pauses, output:\n%s  error: %s\n%s\n", (int)o->kind,
          o->pauses, o->out, o->err_type, o->err_tb);
  return 0;
}

static void test_property(void) {
  outcome o;
  drive("class Repo:\n"
        "    def __init__(self, u):\n        self.url = u\n"
        "    @property\n    def data(self):\n        return fetch(self.url)\n"
        "    def __getattr__(self, name):\n        return fetch(name)\n"
        "class Sub(Repo):\n    pass\n"
        "r = Sub('a')\n"
        "print(r.data, r.data.upper(), getattr(r, 'data'), getattr(r, 'zz'))\n"
        "print(r.other, r.more.upper(), getattr(r, 'x', 'dflt'))\n"
        "print([r.data for _ in range(3)])\n",
        false, &o);
  CHECK(ok(&o, "<a> <A> <a> <zz>\n<other> <MORE> <x>\n['<a>', '<a>', '<a>']\n", 10));
}

/* hasattr() runs a property getter / __getattr__ as Python code: a host
   call inside pauses; AttributeError from it (even one the host raises
   at the call) means False. */
static void test_hasattr(void) {
  outcome o;
  drive("class R:\n"
        "    @property\n    def p(self):\n        return fetch('p')\n"
        "    @property\n    def q(self):\n        if fetch(1) == 10:\n"
        "            raise AttributeError('q')\n"
        "    def __getattr__(self, name):\n        return fetch(name)\n"
        "class M:\n"
        "    def __getattr__(self, name):\n"
        "        if fetch(name) != '<yes>':\n            raise AttributeError(name)\n"
        "        return 1\n"
        "r, m = R(), M()\n"
        "print(hasattr(r, 'p'), hasattr(r, 'q'), hasattr(r, 'z'), hasattr(m, 'yes'), hasattr(m, 'no'))\n",
        false, &o);
  /* R.q raises AttributeError, so __getattr__('q') runs too, like CPython */
  CHECK(ok(&o, "True True True True False\n", 6));
}

/* str(x) and bool(x) run __str__ / __bool__ / __len__ through the
   prelude: they pause too. */
static void test_str_bool_constructors(void) {
  outcome o;
  drive("class S:\n"
        "    def __str__(self):\n        return fetch('s')\n"
        "    def __bool__(self):\n        return fetch(0) == 0\n"
        "class L:\n    def __len__(self):\n        return fetch(0)\n"
        "print(str(S()), bool(S()), bool(L()), [str(S()) for _ in range(2)])\n",
        false, &o);
  CHECK(ok(&o, "<s> True False ['<s>', '<s>']\n", 5));
}

static void test_setattr(void) {
  outcome o;
  drive("class T:\n"
        "    @property\n    def c(self):\n        return self._c\n"
        "    @c.setter\n    def c(self, v):\n        self._c = fetch(v)\n"
        "    @c.deleter\n    def c(self):\n        self._c = fetch('gone')\n"
        "class L:\n"
        "    def __setattr__(self, n, v):\n        object.__setattr__(self, n, fetch(v))\n"
        "    def __delattr__(self, n):\n        fetch(n)\n        object.__delattr__(self, n)\n"
        "t = T()\n"
        "t.c = 2\n"
        "t.c += 1\n"
        "print(t.c)\n"
        "del t.c\n"
        "print(t.c)\n"
        "l = L()\n"
        "l.a = 'x'\n"
        "setattr(l, 'b', 1)\n"
        "del l.a\n"
        "delattr(l, 'b')\n"
        "print(vars(l))\n",
        false, &o);
  CHECK(ok(&o, "210\n<gone>\n{}\n", 7));
  drive("class L:\n"
        "    def __setattr__(self, n, v):\n        object.__setattr__(self, n, fetch(v))\n"
        "    def __delattr__(self, n):\n        fetch(n)\n        object.__delattr__(self, n)\n"
        "l = L()\n"
        "l.a = 'x'\n"
        "l.b = 1\n"
        "del l.a\n"
        "print(vars(l))\n",
        false, &o);
  CHECK(ok(&o, "{'b': 10}\n", 3));
}

static void test_subscript(void) {
  outcome o;
  drive("class M:\n"
        "    def __init__(self):\n        self.log = []\n"
        "    def __getitem__(self, k):\n        return fetch(k)\n"
        "    def __setitem__(self, k, v):\n        self.log.append(fetch(v))\n"
        "    def __delitem__(self, k):\n        self.log.append(fetch(-k))\n"
        "    def __contains__(self, k):\n        return fetch(k) > 10\n"
        "m = M()\n"
        "m[1] = 2\n"
        "del m[3]\n"
        "print(m['x'], m[4], 1 in m, 2 not in m, 3 in m, m.log)\n",
        false, &o);
  CHECK(ok(&o, "<x> 40 False False True [20, -30]\n", 7));
}

static void test_iter_len_bool(void) {
  outcome o;
  drive("class It:\n"
        "    def __init__(self):\n        self.i = 0\n"
        "    def __iter__(self):\n        fetch(0)\n        return self\n"
        "    def __next__(self):\n"
        "        self.i += 1\n"
        "        if self.i > 2:\n            raise StopIteration\n"
        "        return fetch(self.i)\n"
        "class Sz:\n    def __len__(self):\n        return fetch(3)\n"
        "class Tr:\n    def __bool__(self):\n        return fetch(0) == 0\n"
        "print([x for x in It()], next(It(), 'd'), next(iter(It())))\n"
        "print(len(Sz()), 'T' if Tr() else 'F', not Tr(), 'S' if Sz() else '')\n"
        "n = 0\n"
        "for x in It():\n    n += x\n"
        "print(n)\n",
        false, &o);
  /* It comprehension 3, next 1, next(iter()) 2, len 1, Tr 2, Sz truth 1,
     the for loop 3 */
  CHECK(ok(&o, "[10, 20] 10 10\n30 T False S\n30\n", 13));
}

static void test_str_repr_format(void) {
  outcome o;
  drive("class S:\n"
        "    def __str__(self):\n        return fetch('s')\n"
        "    def __repr__(self):\n        return fetch('r')\n"
        "    def __format__(self, spec):\n        return fetch('f' + spec)\n"
        "class T:\n    def __repr__(self):\n        return fetch('t')\n"
        "s = S()\n"
        "print(s, T())\n"
        "print(repr(s), format(s, 'x'), f'{s}|{s!s}|{s!r}|{s:y}|{T()}')\n"
        "print(s, T(), sep='-', end='!\\n')\n",
        false, &o);
  CHECK(ok(&o, "<s> <t>\n<r> <fx> <f>|<s>|<r>|<fy>|<t>\n<s>-<t>!\n", 11));
}

static void test_send(void) {
  outcome o;
  drive("def g():\n"
        "    x = yield 1\n"
        "    while True:\n        x = yield fetch(x)\n"
        "it = g()\n"
        "next(it)\n"
        "print(it.send(5), it.send('k'))\n"
        "snd = it.send\n"
        "print(snd(7))\n",
        false, &o);
  CHECK(ok(&o, "50 <k>\n70\n", 3));
}

/* An exception the host resumes with is raised at the call inside the
   dunder: finally blocks run and the caller's except clause sees it. */
static void test_exceptions(void) {
  outcome o;
  drive("class R:\n"
        "    @property\n    def p(self):\n"
        "        try:\n            return fetch('!boom')\n"
        "        finally:\n            print('finally')\n"
        "    def __getitem__(self, k):\n        return fetch('!' + k)\n"
        "    def __str__(self):\n        return fetch('!str')\n"
        "    def __iter__(self):\n        return fetch('!iter')\n"
        "r = R()\n"
        "try:\n    r.p\nexcept ValueError as e:\n    print('VE', e)\n"
        "try:\n    r['key']\nexcept ValueError as e:\n    print('VE', e)\n"
        "try:\n    print(r)\nexcept ValueError as e:\n    print('VE', e)\n"
        "try:\n    for x in r:\n        pass\nexcept ValueError as e:\n    print('VE', e)\n"
        "print('end')\n",
        false, &o);
  CHECK(ok(&o, "finally\nVE boom\nVE key\nVE str\nVE iter\nend\n", 4));

  /* uncaught: the traceback goes through the dunder's frame */
  drive("class R:\n"
        "    def __getitem__(self, k):\n        return fetch('!' + k)\n"
        "x = R()['deep']\n",
        false, &o);
  CHECK(o.kind == CMONTY_PROGRESS_ERROR && o.pauses == 1 && !strcmp(o.err_type, "ValueError"));
  CHECK(strstr(o.err_tb, "line 4, in <module>") && strstr(o.err_tb, "in __getitem__") &&
        strstr(o.err_tb, "ValueError: deep"));

  /* a bad result from the dunder is checked after the pause */
  drive("class B:\n"
        "    def __len__(self):\n        return fetch('n')\n"
        "    def __bool__(self):\n        return fetch(1)\n"
        "for t in (lambda: len(B()), lambda: 1 if B() else 0):\n"
        "    try:\n        t()\n    except TypeError as e:\n        print(e)\n",
        false, &o);
  CHECK(ok(&o, "'str' object cannot be interpreted as an integer\n"
               "__bool__ should return bool, returned int\n", 2));
}

/* __exit__ of a with statement whose body raised runs as a frame: a host
   call inside pauses, a truthy result swallows the exception, a falsy one
   lets it propagate with its traceback, an exception from __exit__
   replaces it (chained), and a callable object as __exit__ works too. */
static void test_with_exit(void) {
  outcome o;
  drive("class CM:\n"
        "    def __init__(self, tag, keep):\n        self.tag, self.keep = tag, keep\n"
        "    def __enter__(self):\n        return fetch(self.tag)\n"
        "    def __exit__(self, t, e, tb):\n"
        "        print('exit', t.__name__, e, fetch(self.tag + '!'), tb is not None)\n"
        "        return self.keep\n"
        "def run(keep, n):\n"
        "    for i in range(n):\n"
        "        with CM('c' + str(i), keep) as v:\n"
        "            raise KeyError(v)\n"
        "    return 'done'\n"
        "print(run(1, 2))\n"
        "try:\n    run(0, 1)\nexcept KeyError as e:\n    print('KE', e, e.__traceback__ is not None)\n",
        false, &o);
  CHECK(ok(&o, "exit KeyError '<c0>' <c0!> True\nexit KeyError '<c1>' <c1!> True\ndone\n"
               "exit KeyError '<c0>' <c0!> True\nKE '<c0>' True\n", 6));

  /* the host raises inside __exit__: that exception replaces the body's,
     chained to it; a callable object as __exit__ (through the prelude) */
  drive("class CM:\n"
        "    def __enter__(self):\n        return self\n"
        "    def __exit__(self, *a):\n        fetch('!from exit')\n"
        "class X:\n"
        "    def __call__(self, t, e, tb):\n        return fetch(t.__name__) == '<IndexError>'\n"
        "class CM2:\n"
        "    def __enter__(self):\n        return 2\n"
        "    __exit__ = X()\n"
        "try:\n    with CM():\n        1 / 0\n"
        "except ValueError as e:\n    print('VE', e, type(e.__context__).__name__)\n"
        "with CM2() as v:\n    [][v]\n"
        "print('swallowed', v)\n",
        false, &o);
  CHECK(ok(&o, "VE from exit ZeroDivisionError\nswallowed 2\n", 2));

  /* uncaught: the body's exception, with the traceback of its raise */
  drive("class CM:\n"
        "    def __enter__(self):\n        return self\n"
        "    def __exit__(self, *a):\n        return fetch(0)\n"
        "def f():\n    with CM():\n        raise LookupError('deep')\n"
        "f()\n",
        false, &o);
  CHECK(o.kind == CMONTY_PROGRESS_ERROR && o.pauses == 1 && !strcmp(o.err_type, "LookupError"));
  CHECK(strstr(o.err_tb, "line 8, in f") && strstr(o.err_tb, "line 9, in <module>") &&
        !strstr(o.err_tb, "__exit__") && strstr(o.err_tb, "LookupError: deep"));

  /* without a host, a host call in __exit__ is refused where it is made */
  drive("class CM:\n"
        "    def __enter__(self):\n        return self\n"
        "    def __exit__(self, *a):\n        return fetch(1)\n"
        "with CM():\n    raise KeyError(1)\n",
        true, &o);
  CHECK(o.kind == CMONTY_PROGRESS_ERROR && !strcmp(o.err_type, "RuntimeError") &&
        strstr(o.err_tb, "During handling"));
}

/* `with open(path, 'w')` left by an exception: file.__exit__ flushes the
   content with a Path.write_text OS call, which pauses like any other; the
   host records each write. */
static void test_with_open_exception(void) {
  const char *src = "try:\n"
                    "    with open('f.txt', 'w') as f:\n"
                    "        f.write('x')\n"
                    "        raise ValueError('boom')\n"
                    "except ValueError as e:\n"
                    "    print('VE', e, f.closed)\n";
  cmonty_vm *vm = cmonty_new(NULL, NULL);
  cmonty_set_capture(vm, 1);
  cmonty_program *p = NULL;
  CHECK(cmonty_compile(vm, src, strlen(src), "main.py", NULL, 0, NULL, 0, &p) == CMONTY_OK);
  char writes[256] = "", out[256] = "";
  cmonty_progress pr;
  cmonty_status st = cmonty_start(vm, p, NULL, 0, &pr);
  for (int guard = 0; st == CMONTY_OK && guard < 10; guard++) {
    strncat(out, pr.out, sizeof out - strlen(out) - 1);
    if (pr.kind != CMONTY_PROGRESS_OS_CALL) break;
    const char *s = "?";
    size_t n = 1;
    if (strcmp(pr.name, "Path.write_text") != 0 ||
        cmonty_get_str(vm, cmonty_item(vm, pr.args, 1), &s, &n) != CMONTY_OK)
      s = "?", n = 1;
    snprintf(writes + strlen(writes), sizeof writes - strlen(writes), "%s(%.*s);", pr.name,
             (int)n, s);
    st = cmonty_resume(vm, cmonty_none(vm), &pr);
  }
  CHECK(st == CMONTY_OK && pr.kind == CMONTY_PROGRESS_COMPLETE);
  CHECK(!strcmp(writes, "Path.write_text();Path.write_text(x);"));
  CHECK(!strcmp(out, "VE boom True\n"));
  if (strcmp(out, "VE boom True\n")) fprintf(stderr, "  writes %s out %s\n", writes, out);
  cmonty_program_free(vm, p);
  cmonty_free(vm);
}

/* Many pauses inside dunders in a loop: frames and the value stack stay
   consistent (and the GC, which may run between pauses, keeps them). */
static void test_many(void) {
  outcome o;
  drive("class M:\n"
        "    def __getitem__(self, k):\n        return [fetch(k)] * 3\n"
        "    @property\n    def one(self):\n        return fetch(1)\n"
        "m = M()\n"
        "t = 0\n"
        "for i in range(300):\n"
        "    t += sum(m[i]) + m.one\n"
        "print(t)\n",
        false, &o);
  CHECK(ok(&o, "1348500\n", 600));
}

/* Operator dunders (binary, in-place, reflected, rich comparisons,
   unary) run as frames: a host call inside pauses and its answer is used,
   NotImplemented moves on along CPython's protocol, and the protocol's
   errors and exceptions raised at the call come out as before. */
static void test_operators(void) {
  outcome o;
  drive("class V:\n"
        "    def __init__(self, v):\n        self.v = v\n"
        "    def __add__(self, o):\n"
        "        if isinstance(o, V):\n            return V(fetch(self.v + o.v))\n"
        "        return NotImplemented\n"
        "    def __radd__(self, o):\n        return V(fetch(o) + self.v)\n"
        "    def __iadd__(self, o):\n"
        "        if isinstance(o, V):\n            return NotImplemented\n"
        "        self.v = fetch(o)\n        return self\n"
        "    def __eq__(self, o):\n        return fetch(self.v) == fetch(o.v)\n"
        "    def __lt__(self, o):\n        return fetch(self.v) < o.v\n"
        "    def __neg__(self):\n        return fetch(-self.v)\n"
        "    def __invert__(self):\n        return fetch('inv')\n"
        "print((V(1) + V(2)).v, (5 + V(1)).v)\n"
        "x = V(1)\nx += 3\nprint(x.v)\n"
        "y = V(7)\ny += V(1)\nprint(y.v)\n"
        "print(V(1) == V(1), V(1) != V(2), V(1) < V(20), V(20) > V(1))\n"
        "if V(3) == V(3):\n    print('eq')\n"
        "print(-V(4), ~V(0))\n",
        false, &o);
  /* fetches: add 1, radd 1, iadd 1, iadd-NotImplemented->add 1,
     == 2, != 2, < 1, > (reflected <) 1, if == 2, neg 1, invert 1 */
  CHECK(ok(&o, "30 51\n30\n80\nTrue True True True\neq\n-40 <inv>\n", 14));

  /* the subclass's reflected method goes first; NotImplemented chains end
     in CPython's TypeErrors; != falls back to == and then identity */
  drive("class A:\n"
        "    def __add__(self, o):\n        return fetch('A.add')\n"
        "    def __lt__(self, o):\n        fetch(1)\n        return NotImplemented\n"
        "class B(A):\n"
        "    def __radd__(self, o):\n        return fetch('B.radd')\n"
        "    def __gt__(self, o):\n        return fetch('B.gt')\n"
        "class N:\n"
        "    def __add__(self, o):\n        fetch(2)\n        return NotImplemented\n"
        "    def __eq__(self, o):\n        fetch(3)\n        return NotImplemented\n"
        "print(A() + B(), A() + A(), A() < B())\n"
        "n = N()\n"
        "print(n == n, n != N(), n == 1)\n"
        "for t in (lambda: n + 1, lambda: A() < A(), lambda: -n):\n"
        "    try:\n        t()\n    except TypeError as e:\n        print(e)\n",
        false, &o);
  CHECK(ok(&o, "<B.radd> <A.add> <B.gt>\nTrue True False\n"
               "unsupported operand type(s) for +: 'N' and 'int'\n"
               "'<' not supported between instances of 'A' and 'A'\n"
               "bad operand type for unary -: 'N'\n", 10));

  /* an exception resumed into the dunder propagates from the operator's
     line, through the dunder's frame */
  drive("class E:\n"
        "    def __mul__(self, o):\n        return fetch('!mul' + str(o))\n"
        "try:\n    E() * 2\nexcept ValueError as e:\n    print('VE', e)\n"
        "r = E() * 3\n",
        false, &o);
  CHECK(o.kind == CMONTY_PROGRESS_ERROR && o.pauses == 2 && !strcmp(o.err_type, "ValueError"));
  CHECK(strstr(o.out, "VE mul2\n") != NULL);
  CHECK(strstr(o.err_tb, "line 8, in <module>") && strstr(o.err_tb, "in __mul__") &&
        strstr(o.err_tb, "ValueError: mul3") && !strstr(o.err_tb, "prelude"));

  /* min()/max() of user instances compare through their dunders as
     frames too */
  drive("class S:\n"
        "    def __init__(self, v):\n        self.v = v\n"
        "    def __lt__(self, o):\n        return fetch(self.v) < fetch(o.v)\n"
        "    def __gt__(self, o):\n        return fetch(self.v) > o.v * 10\n"
        "xs = [S(3), S(1), S(2)]\n"
        "print(min(xs).v, max(S(1), S(4)).v, min(*xs, key=lambda s: -s.v).v)\n",
        false, &o);
  CHECK(ok(&o, "1 4 3\n", 5));

  /* str % values: a user __str__/__repr__ runs as a frame */
  drive("class T:\n"
        "    def __str__(self):\n        return fetch('s')\n"
        "    def __repr__(self):\n        return fetch('r')\n"
        "t = T()\n"
        "print('%s|%r|%5s|%d%%' % (t, t, t, 7), 'one %s' % t)\n",
        false, &o);
  CHECK(ok(&o, "<s>|<r>|  <s>|7% one <s>\n", 4));

  /* without a host the same protocol runs to completion */
  drive("class P:\n"
        "    def __init__(self, v):\n        self.v = v\n"
        "    def __sub__(self, o):\n        return P(self.v - o)\n"
        "    def __rsub__(self, o):\n        return P(o - self.v)\n"
        "    def __le__(self, o):\n        return self.v <= o\n"
        "    def __pos__(self):\n        return self.v\n"
        "print(+(P(5) - 2), +(10 - P(3)), P(1) <= 1, 2 >= P(1), P(3) <= 1)\n",
        true, &o);
  CHECK(ok(&o, "3 7 True True False\n", 0));
}

/* Without a host the same code runs as before; paths that stay nested
   still refuse a host call with the documented RuntimeError. */
static void test_no_host_and_nested(void) {
  outcome o;
  drive("class C:\n"
        "    @property\n    def p(self):\n        return 1\n"
        "    def __getitem__(self, k):\n        return k * 2\n"
        "    def __len__(self):\n        return 4\n"
        "    def __repr__(self):\n        return 'C!'\n"
        "c = C()\n"
        "print(c.p, c[3], len(c), c, repr(c), f'{c!r:>4}', bool(c))\n",
        true, &o);
  CHECK(ok(&o, "1 6 4 C! C!   C! True\n", 0));

  drive("class C:\n"
        "    @property\n    def p(self):\n        return fetch(1)\n"
        "print(C().p)\n",
        true, &o);
  CHECK(o.kind == CMONTY_PROGRESS_ERROR && !strcmp(o.err_type, "RuntimeError"));

  drive("class K:\n"
        "    def __hash__(self):\n        return 1\n"
        "    def __eq__(self, o):\n        return fetch(1)\n"
        "d = {K(): 1}\n"
        "try:\n    d[K()]\nexcept RuntimeError as e:\n    print('RE', e)\n",
        false, &o);
  CHECK(ok(&o, "RE cannot call external function 'fetch' here (inside a nested call)\n", 0));

  drive("class R:\n"
        "    def __getitem__(self, k):\n        return self[k]\n"
        "R()[1]\n",
        true, &o);
  CHECK(o.kind == CMONTY_PROGRESS_ERROR && !strcmp(o.err_type, "RecursionError"));
}

int main(void) {
  test_property();
  test_subscript();
  test_setattr();
  test_hasattr();
  test_str_bool_constructors();
  test_iter_len_bool();
  test_str_repr_format();
  test_send();
  test_exceptions();
  test_many();
  test_no_host_and_nested();
  test_with_exit();
  test_with_open_exception();
  test_operators();
  printf("%d passed, %d failed\n", passed, failed);
  return failed != 0;
}
