/*
** modules_os.c — the `os` and `pathlib` modules. Every I/O operation is an
** OS call: the run pauses with an OS_CALL progress that the host answers,
** refuses or emulates (host.h). Nothing here touches the real system.
**
** Both modules are written mostly in Python (compiled when first
** imported) on top of one native, _os_call(name, *args, **kwargs), which
** tail-calls an OS-call external function so the VM loop pauses in place.
** Pure path manipulation (/, name, suffix, parent, ...) needs no host.
*/
#include <string.h>

#include "host.h"
#include "parser.h"
#include "runtime.h"

/* _os_call(name, *args, **kwargs) */
static cm_value os_call_native(cm_vm *vm, const cm_value *args, int nargs,
                               cm_value kwnames) {
  if (nargs < 1 || !cm_is_obj(args[0]) || cm_objptr(args[0])->type != &cm_str_type)
    return cm_raise(vm, &cm_exc_TypeError, "_os_call() needs an operation name");
  cm_value t = cm_tuple_from(vm, args + 1, (size_t)(nargs - 1));
  if (cm_is_error(t)) return t;
  cm_value kw = CM_NULL;
  if (!cm_is_null(kwnames)) {
    kw = cm_dict_new(vm);
    if (cm_is_error(kw)) return kw;
    cm_tuple *kn = CM_AS(cm_tuple, kwnames);
    for (size_t i = 0; i < kn->n; i++)
      if (cm_dict_set(vm, kw, kn->items[i], args[nargs + (int)i]) < 0) return CM_ERROR;
  }
  cm_value f = cm_extfn_new(vm, cm_intern_value(vm, args[0]), CM_EXT_OS);
  if (cm_is_error(f)) return f;
  return cm_tailcall(vm, f, t, kw);
}

static const char pathlib_src[] =
    "def _norm(s):\n"
    "    if s == '':\n"
    "        return '.'\n"
    "    root = '/' if s.startswith('/') else ''\n"
    "    parts = [p for p in s.split('/') if p and p != '.']\n"
    "    r = root + '/'.join(parts)\n"
    "    return r if r else '.'\n"
    "class PurePath:\n"
    "    def __init__(self, *parts):\n"
    "        s = ''\n"
    "        for p in parts:\n"
    "            if isinstance(p, PurePath):\n"
    "                p = p._p\n"
    "            elif not isinstance(p, str):\n"
    "                raise TypeError('argument should be a str or an os.PathLike object, not ' + repr(type(p).__name__))\n"
    "            if p.startswith('/') or s == '' or s == '.':\n"
    "                s = p\n"
    "            elif p:\n"
    "                s = s + '/' + p\n"
    "        self._p = _norm(s)\n"
    "    def __str__(self):\n"
    "        return self._p\n"
    "    def __fspath__(self):\n"
    "        return self._p\n"
    "    def __repr__(self):\n"
    "        return 'PosixPath(' + repr(self._p) + ')'\n"
    "    def __eq__(self, other):\n"
    "        if not isinstance(other, PurePath):\n"
    "            return NotImplemented\n"
    "        return self._p == other._p\n"
    "    def __hash__(self):\n"
    "        return hash(self._p)\n"
    "    def __lt__(self, other):\n"
    "        return self._p < other._p\n"
    "    def __truediv__(self, other):\n"
    "        return type(self)(self, other)\n"
    "    def __rtruediv__(self, other):\n"
    "        return type(self)(other, self)\n"
    "    @property\n"
    "    def name(self):\n"
    "        n = self._p.rsplit('/', 1)[-1]\n"
    "        return '' if n == '.' else n\n"
    "    @property\n"
    "    def suffix(self):\n"
    "        n = self.name\n"
    "        i = n.rfind('.')\n"
    "        return n[i:] if 0 < i < len(n) - 1 else ''\n"
    "    @property\n"
    "    def suffixes(self):\n"
    "        n = self.name.lstrip('.')\n"
    "        return ['.' + s for s in n.split('.')[1:]] if not n.endswith('.') else []\n"
    "    @property\n"
    "    def stem(self):\n"
    "        n, s = self.name, self.suffix\n"
    "        return n[:len(n) - len(s)] if s else n\n"
    "    @property\n"
    "    def parent(self):\n"
    "        p = self._p\n"
    "        if p == '/' or p == '.':\n"
    "            return self\n"
    "        i = p.rfind('/')\n"
    "        if i < 0:\n"
    "            return type(self)('.')\n"
    "        return type(self)(p[:i] if i > 0 else '/')\n"
    "    @property\n"
    "    def parts(self):\n"
    "        p = self._p\n"
    "        if p == '.':\n"
    "            return ()\n"
    "        r = tuple(x for x in p.split('/') if x)\n"
    "        return ('/',) + r if p.startswith('/') else r\n"
    "    def is_absolute(self):\n"
    "        return self._p.startswith('/')\n"
    "    def with_name(self, name):\n"
    "        return self.parent / name\n"
    "    def with_suffix(self, suffix):\n"
    "        return self.parent / (self.stem + suffix)\n"
    "    def joinpath(self, *others):\n"
    "        return type(self)(self, *others)\n"
    "    def as_posix(self):\n"
    "        return self._p\n"
    "class Path(PurePath):\n"
    "    def exists(self):\n"
    "        return _os_call('Path.exists', self)\n"
    "    def is_file(self):\n"
    "        return _os_call('Path.is_file', self)\n"
    "    def is_dir(self):\n"
    "        return _os_call('Path.is_dir', self)\n"
    "    def is_symlink(self):\n"
    "        return _os_call('Path.is_symlink', self)\n"
    "    def read_text(self, encoding=None, errors=None):\n"
    "        return _os_call('Path.read_text', self)\n"
    "    def read_bytes(self):\n"
    "        return _os_call('Path.read_bytes', self)\n"
    "    def write_text(self, data, encoding=None, errors=None, newline=None):\n"
    "        if not isinstance(data, str):\n"
    "            raise TypeError('data must be str, not ' + type(data).__name__)\n"
    "        return _os_call('Path.write_text', self, data)\n"
    "    def write_bytes(self, data):\n"
    "        return _os_call('Path.write_bytes', self, bytes(data))\n"
    "    def mkdir(self, mode=0o777, parents=False, exist_ok=False):\n"
    "        return _os_call('Path.mkdir', self, parents=parents, exist_ok=exist_ok)\n"
    "    def unlink(self, missing_ok=False):\n"
    "        return _os_call('Path.unlink', self)\n"
    "    def rmdir(self):\n"
    "        return _os_call('Path.rmdir', self)\n"
    "    def iterdir(self):\n"
    "        return iter([Path(p) for p in _os_call('Path.iterdir', self)])\n"
    "    def stat(self):\n"
    "        return _os_call('Path.stat', self)\n"
    "    def rename(self, target):\n"
    "        _os_call('Path.rename', self, Path(target))\n"
    "        return Path(target)\n"
    "    def resolve(self, strict=False):\n"
    "        return Path(_os_call('Path.resolve', self))\n"
    "    def absolute(self):\n"
    "        return Path(_os_call('Path.absolute', self))\n"
    "PosixPath = Path\n"
    "PurePosixPath = PurePath\n";

static const char os_src[] =
    "import pathlib as _pl\n"
    "sep = '/'\n"
    "curdir = '.'\n"
    "pardir = '..'\n"
    "name = 'posix'\n"
    "def getenv(key, default=None):\n"
    "    if not isinstance(key, str):\n"
    "        raise TypeError('str expected, not ' + type(key).__name__)\n"
    "    return _os_call('os.getenv', key, default)\n"
    "class _Environ:\n"
    "    def _all(self):\n"
    "        return _os_call('os.environ')\n"
    "    def get(self, key, default=None):\n"
    "        return getenv(key, default)\n"
    "    def keys(self):\n"
    "        return self._all().keys()\n"
    "    def items(self):\n"
    "        return self._all().items()\n"
    "    def values(self):\n"
    "        return self._all().values()\n"
    "    def copy(self):\n"
    "        return dict(self._all())\n"
    "    def __repr__(self):\n"
    "        return 'environ(...)'\n"
    "environ = _Environ()\n"
    "def listdir(path='.'):\n"
    "    return [p.name for p in _pl.Path(path).iterdir()]\n"
    "def fspath(p):\n"
    "    if isinstance(p, (str, bytes)):\n"
    "        return p\n"
    "    return p.__fspath__()\n";

/* Runs `src` with `dict` as its module globals. */
static int run_module_src(cm_vm *vm, cm_value dict, const char *src, const char *file) {
  cm_value f = cm_builtin_new(vm, os_call_native, "_os_call", CM_NULL);
  if (cm_is_error(f) || cm_dict_set_cstr(vm, dict, "_os_call", f) < 0) return -1;
  if (cm_dict_set_cstr(vm, dict, "__builtins__", vm->builtins) < 0) return -1;
  cm_value code = cm_compile(vm, src, strlen(src), file, CM_COMPILE_EXEC);
  if (cm_is_error(code)) return -1;
  if (cm_root_push(vm, code) < 0) return -1;
  if (cm_root_push(vm, dict) < 0) {
    cm_root_pop(vm, 1);
    return -1;
  }
  vm->nest++; /* module bodies never pause */
  cm_value r = cm_run_code(vm, code, dict);
  vm->nest--;
  cm_root_pop(vm, 2);
  return cm_is_error(r) ? -1 : 0;
}

int cm_mod_pathlib_init(cm_vm *vm, cm_value dict) {
  return run_module_src(vm, dict, pathlib_src, "<pathlib>");
}

int cm_mod_os_init(cm_vm *vm, cm_value dict) {
  return run_module_src(vm, dict, os_src, "<os>");
}

/* ---- pathlib.Path values from C ------------------------------------------ */

static cm_value path_class(cm_vm *vm) {
  cm_value m = cm_import(vm, cm_intern(vm, "pathlib"), 0);
  if (cm_is_error(m)) return m;
  cm_value c = cm_dict_get_cstr(vm, CM_AS(cm_module, m)->dict, "Path");
  if (cm_is_null(c)) return cm_raise(vm, &cm_exc_ImportError, "pathlib.Path is missing");
  return c;
}

cm_value cm_path_new(cm_vm *vm, cm_value s) {
  cm_value cls = path_class(vm);
  if (cm_is_error(cls)) return cls;
  cm_value o = cm_class_alloc(vm, cls, NULL, 0);
  if (cm_is_error(o)) return o;
  /* the text as given: the host speaks for the file system */
  if (cm_instance_setattr(vm, o, cm_intern(vm, "_p"), s) < 0) return CM_ERROR;
  return o;
}

bool cm_is_path(cm_vm *vm, cm_value v) {
  if (!cm_is_obj(v)) return false;
  const cm_type *t = cm_typeof(vm, v);
  if (t->id != CM_T_USER) return false;
  for (; t && t->id == CM_T_USER; t = t->base) {
    cm_class *c = CM_CLASS_OF(t);
    if ((!strcmp(t->name, "PurePath") || !strcmp(t->name, "Path")) &&
        cm_is_obj(c->module) && cm_objptr(c->module)->type == &cm_str_type &&
        !strcmp(cm_str_cstr(c->module), "pathlib"))
      return true;
  }
  return false;
}

cm_value cm_path_str(cm_vm *vm, cm_value v) {
  cm_value d = CM_AS(cm_instance, v)->dict;
  if (!cm_is_obj(d)) return cm_intern(vm, ".");
  cm_value s = cm_dict_get_cstr(vm, d, "_p");
  if (cm_is_null(s) || cm_is_error(s)) {
    vm->exc = CM_NULL;
    return cm_intern(vm, ".");
  }
  return s;
}
