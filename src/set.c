/*
** set.c — set and frozenset: an open-addressing hash table laid out like
** CPython's (same sizes, probe sequence with linear runs, growth rule), so
** a set of small ints prints in the same order as on CPython.
** Slots: key CM_NULL = never used, CM_ERROR = deleted (dummy, hash -1).
** For mutable sets `hash` holds pop()'s search finger; for frozensets the
** cached hash (-1 until computed).
*/
#include "dict.h"
#include "list.h"

#define S(v) CM_AS(cm_set, v)
#define MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5
#define DUMMY CM_ERROR

static bool is_frozen(cm_value v) { return cm_objptr(v)->type == &cm_frozenset_type; }
static bool is_str(cm_value v) {
  return cm_is_obj(v) && cm_objptr(v)->type == &cm_str_type;
}
static bool live(cm_set_entry *e) { return !cm_is_null(e->key) && e->key != DUMMY; }

cm_value cm_set_new(cm_vm *vm, bool frozen) {
  cm_set *s = cm_gc_new(vm, frozen ? &cm_frozenset_type : &cm_set_type, sizeof(cm_set));
  if (!s) return CM_ERROR;
  s->hash = frozen ? -1 : 0;
  return CM_VAL(s);
}

static cm_value set_new_like(cm_vm *vm, cm_value proto) {
  return cm_set_new(vm, is_frozen(proto));
}

/* ---- table ------------------------------------------------------------ */

static cm_set_entry *new_table(cm_vm *vm, size_t size) {
  cm_set_entry *t = cm_alloc(vm, size * sizeof(cm_set_entry));
  if (!t) return NULL;
  for (size_t i = 0; i < size; i++) {
    t[i].key = CM_NULL;
    t[i].hash = 0;
  }
  return t;
}

static void insert_clean(cm_set_entry *table, size_t mask, cm_value key, int64_t hash) {
  uint64_t perturb = (uint64_t)hash;
  size_t i = (size_t)hash & mask;
  for (;;) {
    if (cm_is_null(table[i].key)) break;
    if (i + LINEAR_PROBES <= mask) {
      size_t j;
      for (j = 1; j <= LINEAR_PROBES && !cm_is_null(table[i + j].key); j++) {}
      if (j <= LINEAR_PROBES) {
        i += j;
        break;
      }
    }
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + 1 + (size_t)perturb) & mask;
  }
  table[i].key = key;
  table[i].hash = hash;
}

/* Rebuilds the table with room for `minused` (smallest power of two
   above it), dropping dummies; the old table's order is kept. */
static int set_resize(cm_vm *vm, cm_set *s, size_t minused) {
  size_t size = MINSIZE;
  while (size <= minused) {
    size <<= 1;
    if (size > ((size_t)1 << 40)) {
      cm_raise_memory(vm);
      return -1;
    }
  }
  cm_set_entry *t = new_table(vm, size);
  if (!t) return -1;
  if (s->table) {
    for (size_t i = 0; i <= s->mask; i++)
      if (live(&s->table[i])) insert_clean(t, size - 1, s->table[i].key, s->table[i].hash);
    cm_free(vm, s->table, (s->mask + 1) * sizeof(cm_set_entry));
  }
  s->table = t;
  s->mask = size - 1;
  s->fill = s->used;
  return 0;
}

/* Finds key: 1 found (*out = its entry), 0 absent, -1 error. A Python
   __eq__ that mutates the set restarts the search. */
static int lookkey(cm_vm *vm, cm_value sv, cm_value key, int64_t hash,
                   cm_set_entry **out) {
restart:;
  cm_set *s = S(sv);
  if (!s->table) return 0;
  size_t mask = s->mask, i = (size_t)hash & mask;
  uint64_t perturb = (uint64_t)hash;
  for (;;) {
    size_t probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
    for (size_t j = 0; j <= probes; j++) {
      cm_set_entry *e = &s->table[i + j];
      if (cm_is_null(e->key)) return 0;
      if (e->hash == hash && e->key != DUMMY) {
        cm_value k = e->key;
        if (k == key || (is_str(k) && is_str(key) && cm_str_eq(k, key))) {
          *out = e;
          return 1;
        }
        if (!is_str(k) || !is_str(key)) {
          cm_set_entry *tab = s->table;
          int eq = cm_eq(vm, k, key);
          if (eq < 0) return -1;
          if (tab != S(sv)->table || e->key != k) goto restart;
          if (eq) {
            *out = e;
            return 1;
          }
        }
      }
    }
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + 1 + (size_t)perturb) & mask;
  }
}

/* Adds key with a known hash; 0 ok, -1 error. */
static int add_h(cm_vm *vm, cm_value sv, cm_value key, int64_t hash) {
  cm_set_entry *e;
  int rc = lookkey(vm, sv, key, hash, &e);
  if (rc != 0) return rc < 0 ? -1 : 0;
  cm_set *s = S(sv);
  if (!s->table && set_resize(vm, s, 0) < 0) return -1;
  /* first free or dummy slot on the probe path */
  size_t mask = s->mask, i = (size_t)hash & mask;
  uint64_t perturb = (uint64_t)hash;
  for (;;) {
    size_t probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
    for (size_t j = 0; j <= probes; j++) {
      e = &s->table[i + j];
      if (cm_is_null(e->key) || e->key == DUMMY) goto found;
    }
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + 1 + (size_t)perturb) & mask;
  }
found:
  if (cm_is_null(e->key)) s->fill++;
  e->key = key;
  e->hash = hash;
  s->used++;
  if (s->fill * 5 < mask * 3) return 0;
  return set_resize(vm, s, s->used > 50000 ? s->used * 2 : s->used * 4);
}

static int elem_hash(cm_vm *vm, cm_value key, int64_t *h) {
  return cm_dict_key_hash(vm, key, h, "a set element");
}

int cm_set_add(cm_vm *vm, cm_value set, cm_value key) {
  int64_t h;
  if (elem_hash(vm, key, &h) < 0) return -1;
  return add_h(vm, set, key, h);
}

int cm_set_contains(cm_vm *vm, cm_value set, cm_value key) {
  int64_t h;
  cm_set_entry *e;
  if (elem_hash(vm, key, &h) < 0) return -1;
  return lookkey(vm, set, key, h, &e);
}

/* 1 removed, 0 absent, -1 error */
static int discard_h(cm_vm *vm, cm_value set, cm_value key, int64_t h) {
  cm_set_entry *e;
  int rc = lookkey(vm, set, key, h, &e);
  if (rc <= 0) return rc;
  e->key = DUMMY;
  e->hash = -1;
  S(set)->used--;
  return 1;
}

static int discard(cm_vm *vm, cm_value set, cm_value key) {
  int64_t h;
  if (elem_hash(vm, key, &h) < 0) return -1;
  return discard_h(vm, set, key, h);
}

int cm_set_next(cm_value set, size_t *pos, cm_value *key, int64_t *hash) {
  cm_set *s = S(set);
  if (!s->table) return 0;
  while (*pos <= s->mask) {
    cm_set_entry *e = &s->table[(*pos)++];
    if (live(e)) {
      if (key) *key = e->key;
      if (hash) *hash = e->hash;
      return 1;
    }
  }
  return 0;
}

/* Adds every element of set `other`. */
static int merge_set(cm_vm *vm, cm_value sv, cm_value other) {
  cm_set *s = S(sv), *o = S(other);
  if (sv == other || o->used == 0) return 0;
  if (!s->table && set_resize(vm, s, 0) < 0) return -1; /* CPython starts at 8 */
  if ((s->fill + o->used) * 5 >= s->mask * 3 &&
      set_resize(vm, s, (s->used + o->used) * 2) < 0)
    return -1;
  if (s->fill == 0 && s->mask == o->mask && o->fill == o->used) {
    /* same size, no dummies: copy slot for slot (keeps CPython's order) */
    memcpy(s->table, o->table, (o->mask + 1) * sizeof(cm_set_entry));
    s->fill = s->used = o->used;
    return 0;
  }
  if (s->fill == 0) { /* empty target: no comparisons needed */
    for (size_t i = 0; i <= o->mask; i++)
      if (live(&o->table[i])) insert_clean(s->table, s->mask, o->table[i].key, o->table[i].hash);
    s->fill = s->used = o->used;
    return 0;
  }
  size_t pos = 0;
  cm_value k;
  int64_t h;
  while (cm_set_next(other, &pos, &k, &h))
    if (add_h(vm, sv, k, h) < 0) return -1;
  return 0;
}

int cm_set_update(cm_vm *vm, cm_value set, cm_value iterable) {
  if (cm_is_anyset(iterable)) return merge_set(vm, set, iterable);
  if (cm_is_obj(iterable) && cm_objptr(iterable)->type == &cm_dict_type) {
    cm_dict *d = CM_AS(cm_dict, iterable);
    cm_set *s = S(set);
    if (!s->table && set_resize(vm, s, 0) < 0) return -1;
    if ((s->fill + d->used) * 5 >= s->mask * 3 &&
        set_resize(vm, s, (s->used + d->used) * 2) < 0)
      return -1;
    for (size_t i = 0; i < CM_AS(cm_dict, iterable)->nentries; i++) {
      cm_dict_entry e = CM_AS(cm_dict, iterable)->entries[i];
      if (!cm_is_null(e.key) && add_h(vm, set, e.key, e.hash) < 0) return -1;
    }
    return 0;
  }
  cm_value it = cm_iter(vm, iterable);
  if (cm_is_error(it)) return -1;
  for (;;) {
    cm_value x = cm_next(vm, it);
    if (x == CM_STOP) return 0;
    if (cm_is_error(x) || cm_set_add(vm, set, x) < 0) return -1;
  }
}

static cm_value set_copy(cm_vm *vm, cm_value s, bool frozen) {
  cm_value r = cm_set_new(vm, frozen);
  if (cm_is_error(r) || merge_set(vm, r, s) < 0) return CM_ERROR;
  return r;
}

/* `other` as a set (itself if it already is one). */
static cm_value as_set(cm_vm *vm, cm_value other) {
  if (cm_is_anyset(other)) return other;
  cm_value r = cm_set_new(vm, false);
  if (cm_is_error(r) || cm_set_update(vm, r, other) < 0) return CM_ERROR;
  return r;
}

static void set_clear(cm_vm *vm, cm_set *s) {
  if (s->table) cm_free(vm, s->table, (s->mask + 1) * sizeof(cm_set_entry));
  s->table = NULL;
  s->mask = s->fill = s->used = 0;
}

/* ---- algebra (each follows CPython's iteration order) ----------------- */

static cm_value set_intersection(cm_vm *vm, cm_value so, cm_value other) {
  cm_value r = set_new_like(vm, so);
  if (cm_is_error(r)) return r;
  if (cm_is_anyset(other)) {
    cm_value a = so, b = other;
    if (S(b)->used > S(a)->used) { a = other; b = so; } /* walk the smaller */
    size_t pos = 0;
    cm_value k;
    int64_t h;
    while (cm_set_next(b, &pos, &k, &h)) {
      cm_set_entry *e;
      int rc = lookkey(vm, a, k, h, &e);
      if (rc < 0 || (rc && add_h(vm, r, k, h) < 0)) return CM_ERROR;
    }
    return r;
  }
  cm_value it = cm_iter(vm, other);
  if (cm_is_error(it)) return it;
  for (;;) {
    cm_value x = cm_next(vm, it);
    if (x == CM_STOP) return r;
    if (cm_is_error(x)) return x;
    int64_t h;
    cm_set_entry *e;
    if (elem_hash(vm, x, &h) < 0) return CM_ERROR;
    int rc = lookkey(vm, so, x, h, &e);
    if (rc < 0 || (rc && add_h(vm, r, x, h) < 0)) return CM_ERROR;
  }
}

static cm_value set_difference(cm_vm *vm, cm_value so, cm_value other) {
  cm_value o = as_set(vm, other);
  if (cm_is_error(o)) return o;
  cm_value r = set_new_like(vm, so);
  if (cm_is_error(r)) return r;
  size_t pos = 0;
  cm_value k;
  int64_t h;
  while (cm_set_next(so, &pos, &k, &h)) {
    cm_set_entry *e;
    int rc = lookkey(vm, o, k, h, &e);
    if (rc < 0 || (!rc && add_h(vm, r, k, h) < 0)) return CM_ERROR;
  }
  return r;
}

static int symdiff_update(cm_vm *vm, cm_value so, cm_value other) {
  cm_value o = as_set(vm, other);
  if (cm_is_error(o)) return -1;
  if (o == so) o = set_copy(vm, so, false);
  if (cm_is_error(o)) return -1;
  size_t pos = 0;
  cm_value k;
  int64_t h;
  while (cm_set_next(o, &pos, &k, &h)) {
    int rc = discard_h(vm, so, k, h);
    if (rc < 0 || (rc == 0 && add_h(vm, so, k, h) < 0)) return -1;
  }
  return 0;
}

static cm_value set_symdiff(cm_vm *vm, cm_value so, cm_value other) {
  cm_value r = set_new_like(vm, so);
  if (cm_is_error(r) || cm_set_update(vm, r, other) < 0 || symdiff_update(vm, r, so) < 0)
    return CM_ERROR;
  return r;
}

static cm_value set_union(cm_vm *vm, cm_value so, cm_value other) {
  cm_value r = set_copy(vm, so, is_frozen(so));
  if (cm_is_error(r) || cm_set_update(vm, r, other) < 0) return CM_ERROR;
  return r;
}

/* 1 if every element of a is in b (b a set). */
static int is_subset(cm_vm *vm, cm_value a, cm_value b) {
  if (S(a)->used > S(b)->used) return 0;
  size_t pos = 0;
  cm_value k;
  int64_t h;
  while (cm_set_next(a, &pos, &k, &h)) {
    cm_set_entry *e;
    int rc = lookkey(vm, b, k, h, &e);
    if (rc <= 0) return rc;
  }
  return 1;
}

/* ---- slots ------------------------------------------------------------ */

static cm_value set_repr(cm_vm *vm, cm_value self) {
  bool fz = is_frozen(self);
  if (S(self)->used == 0) return cm_str_from_cstr(vm, fz ? "frozenset()" : "set()");
  cm_buf b = {0};
  int rc = cm_buf_puts(vm, &b, fz ? "frozenset({" : "{");
  size_t pos = 0;
  cm_value k;
  for (bool first = true; rc == 0 && cm_set_next(self, &pos, &k, NULL); first = false) {
    cm_value r = CM_ERROR;
    if ((!first && cm_buf_put(vm, &b, ", ", 2) < 0) || cm_is_error(r = cm_repr(vm, k)) ||
        cm_buf_put_value_str(vm, &b, r) < 0)
      rc = -1;
  }
  if (rc == 0) rc = cm_buf_puts(vm, &b, fz ? "})" : "}");
  if (rc < 0) {
    cm_buf_free(vm, &b);
    return CM_ERROR;
  }
  return cm_buf_finish(vm, &b);
}

static uint64_t shuffle_bits(uint64_t h) {
  return ((h ^ UINT64_C(89869747)) ^ (h << 16)) * UINT64_C(3644798167);
}

/* CPython's frozenset hash: order-independent xor of shuffled hashes. */
static int frozenset_hash(cm_vm *vm, cm_value self, int64_t *out) {
  cm_set *s = S(self);
  if (s->hash != -1) {
    *out = s->hash;
    return 0;
  }
  uint64_t h = 0;
  size_t pos = 0;
  int64_t eh;
  while (cm_set_next(self, &pos, NULL, &eh)) h ^= shuffle_bits((uint64_t)eh);
  h ^= ((uint64_t)s->used + 1) * UINT64_C(1927868237);
  h ^= (h >> 11) ^ (h >> 25);
  h = h * UINT64_C(69069) + UINT64_C(907133923);
  if (h == UINT64_MAX) h = 590923713;
  s->hash = (int64_t)h;
  *out = (int64_t)h;
  return 0;
}

static cm_value set_compare(cm_vm *vm, int op, cm_value a, cm_value b) {
  if (!cm_is_anyset(a) || !cm_is_anyset(b)) return CM_NOTIMPL;
  size_t na = S(a)->used, nb = S(b)->used;
  int r;
  switch (op) {
  case CM_CMP_EQ: case CM_CMP_NE:
    r = na == nb ? is_subset(vm, a, b) : 0;
    if (r < 0) return CM_ERROR;
    return cm_bool(op == CM_CMP_EQ ? r : !r);
  case CM_CMP_LE: r = is_subset(vm, a, b); break;
  case CM_CMP_GE: r = is_subset(vm, b, a); break;
  case CM_CMP_LT: r = na < nb ? is_subset(vm, a, b) : 0; break;
  default: r = na > nb ? is_subset(vm, b, a) : 0; break;
  }
  return r < 0 ? CM_ERROR : cm_bool(r);
}

static cm_value set_binop(cm_vm *vm, int op, cm_value a, cm_value b) {
  if (!cm_is_anyset(a) || !cm_is_anyset(b)) return CM_NOTIMPL;
  bool inplace = op >= CM_OP_INPLACE && !is_frozen(a);
  switch (op & ~CM_OP_INPLACE) {
  case CM_OP_OR:
    if (inplace) return merge_set(vm, a, b) < 0 ? CM_ERROR : a;
    return set_union(vm, a, b);
  case CM_OP_AND: {
    cm_value r = set_intersection(vm, a, b);
    if (!inplace || cm_is_error(r)) return r;
    cm_set t = *S(a); /* swap tables: a takes r's contents */
    S(a)->table = S(r)->table, S(a)->mask = S(r)->mask;
    S(a)->fill = S(r)->fill, S(a)->used = S(r)->used;
    S(r)->table = t.table, S(r)->mask = t.mask, S(r)->fill = t.fill, S(r)->used = t.used;
    return a;
  }
  case CM_OP_SUB:
    if (inplace) {
      if (a == b) {
        set_clear(vm, S(a));
        return a;
      }
      size_t pos = 0;
      cm_value k;
      int64_t h;
      while (cm_set_next(b, &pos, &k, &h))
        if (discard_h(vm, a, k, h) < 0) return CM_ERROR;
      return a;
    }
    return set_difference(vm, a, b);
  case CM_OP_XOR:
    if (inplace) return symdiff_update(vm, a, b) < 0 ? CM_ERROR : a;
    return set_symdiff(vm, a, b);
  default:
    return CM_NOTIMPL;
  }
}

static int64_t set_len(cm_vm *vm, cm_value self) { return (int64_t)S(self)->used; }

static int set_contains_slot(cm_vm *vm, cm_value self, cm_value x) {
  return cm_set_contains(vm, self, x);
}

/* ---- iterator --------------------------------------------------------- */

typedef struct set_iter {
  cm_obj hdr;
  cm_value set; /* CM_NULL when exhausted */
  size_t pos, used;
} set_iter;

static cm_value set_iter_new(cm_vm *vm, cm_value self) {
  set_iter *it = cm_gc_new(vm, &cm_set_iter_type, sizeof(set_iter));
  if (!it) return CM_ERROR;
  it->set = self;
  it->used = S(self)->used;
  return CM_VAL(it);
}

static cm_value setiter_next(cm_vm *vm, cm_value self) {
  set_iter *it = CM_AS(set_iter, self);
  if (cm_is_null(it->set)) return CM_STOP;
  if (S(it->set)->used != it->used) {
    it->used = (size_t)-1;
    return cm_raise(vm, &cm_exc_RuntimeError, "Set changed size during iteration");
  }
  cm_value k;
  if (cm_set_next(it->set, &it->pos, &k, NULL)) return k;
  it->set = CM_NULL;
  return CM_STOP;
}

static void setiter_trace(cm_vm *vm, cm_obj *o) {
  cm_gc_mark_value(vm, ((set_iter *)o)->set);
}

/* ---- methods ---------------------------------------------------------- */

/* Natives handed generators (or other Python iterators) first let the
   prelude turn them into lists, so the iteration can pause. */
static uint32_t nonnative_mask(cm_vm *vm, const cm_value *args, int nargs) {
  uint32_t m = 0;
  for (int i = 1; i < nargs && i < 31; i++) {
    const cm_type *t = cm_typeof(vm, args[i]);
    if ((t->iter || t->getitem) && !cm_iterable_is_native(vm, args[i])) m |= 1u << i;
  }
  return m;
}

#define RELIST(fn, name)                                                  \
  do {                                                                    \
    uint32_t m_ = nonnative_mask(vm, args, nargs);                        \
    if (m_) {                                                             \
      cm_value f_ = cm_native_helper(vm, fn, name);                       \
      if (cm_is_error(f_)) return f_;                                     \
      return cm_tail_relist(vm, f_, args, nargs, kw, m_);                 \
    }                                                                     \
  } while (0)

static cm_value m_add(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_arity_o(vm, "set.add", nargs - 1, kw) < 0) return CM_ERROR;
  return cm_set_add(vm, args[0], args[1]) < 0 ? CM_ERROR : CM_NONE;
}

static cm_value m_remove(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_arity_o(vm, "set.remove", nargs - 1, kw) < 0) return CM_ERROR;
  int rc = discard(vm, args[0], args[1]);
  if (rc < 0) return CM_ERROR;
  return rc ? CM_NONE : cm_raise_keyerror(vm, args[1]);
}

static cm_value m_discard(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_arity_o(vm, "set.discard", nargs - 1, kw) < 0) return CM_ERROR;
  return discard(vm, args[0], args[1]) < 0 ? CM_ERROR : CM_NONE;
}

static cm_value m_pop(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_arity_none(vm, "set.pop", nargs - 1, kw) < 0) return CM_ERROR;
  cm_set *s = S(args[0]);
  if (s->used == 0) return cm_raise(vm, &cm_exc_KeyError, "pop from an empty set");
  size_t i = (size_t)s->hash & s->mask; /* the finger: resume the scan */
  while (!live(&s->table[i])) i = (i + 1) & s->mask;
  cm_value k = s->table[i].key;
  s->table[i].key = DUMMY;
  s->table[i].hash = -1;
  s->used--;
  s->hash = (int64_t)((i + 1) & s->mask);
  return k;
}

static cm_value m_clear(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_arity_none(vm, "set.clear", nargs - 1, kw) < 0) return CM_ERROR;
  set_clear(vm, S(args[0]));
  return CM_NONE;
}

static cm_value m_copy(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  bool fz = is_frozen(args[0]);
  if (cm_arity_none(vm, fz ? "frozenset.copy" : "set.copy", nargs - 1, kw) < 0)
    return CM_ERROR;
  return fz ? args[0] : set_copy(vm, args[0], false);
}

static cm_value m_update(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_arity(vm, "set.update", 0, kw, 0, 0) < 0) return CM_ERROR;
  RELIST(m_update, "update");
  for (int i = 1; i < nargs; i++)
    if (cm_set_update(vm, args[0], args[i]) < 0) return CM_ERROR;
  return CM_NONE;
}

static cm_value m_union(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_arity(vm, "union", 0, kw, 0, 0) < 0) return CM_ERROR;
  RELIST(m_union, "union");
  cm_value r = set_copy(vm, args[0], is_frozen(args[0]));
  for (int i = 1; i < nargs && !cm_is_error(r); i++)
    if (cm_set_update(vm, r, args[i]) < 0) return CM_ERROR;
  return r;
}

static cm_value m_intersection(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_arity(vm, "intersection", 0, kw, 0, 0) < 0) return CM_ERROR;
  RELIST(m_intersection, "intersection");
  if (nargs == 1) return set_copy(vm, args[0], is_frozen(args[0]));
  cm_value r = args[0];
  for (int i = 1; i < nargs; i++) {
    cm_value n = set_intersection(vm, r, args[i]);
    if (cm_is_error(n)) return n;
    if (is_frozen(args[0]) != is_frozen(n)) n = set_copy(vm, n, is_frozen(args[0]));
    r = n;
  }
  return r;
}

static cm_value m_difference(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_arity(vm, "difference", 0, kw, 0, 0) < 0) return CM_ERROR;
  RELIST(m_difference, "difference");
  cm_value r = set_copy(vm, args[0], false);
  for (int i = 1; i < nargs && !cm_is_error(r); i++) {
    cm_value o = as_set(vm, args[i]);
    if (cm_is_error(o)) return o;
    if (o == r) o = set_copy(vm, o, false);
    size_t pos = 0;
    cm_value k;
    int64_t h;
    while (cm_set_next(o, &pos, &k, &h))
      if (discard_h(vm, r, k, h) < 0) return CM_ERROR;
  }
  if (cm_is_error(r) || !is_frozen(args[0])) return r;
  return set_copy(vm, r, true);
}

static cm_value m_symdiff(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_arity_o(vm, is_frozen(args[0]) ? "frozenset.symmetric_difference"
                                         : "set.symmetric_difference", nargs - 1, kw) < 0)
    return CM_ERROR;
  RELIST(m_symdiff, "symmetric_difference");
  return set_symdiff(vm, args[0], args[1]);
}

/* x_update(*others) = self op= each other, in place. */
static cm_value inplace_each(cm_vm *vm, const cm_value *args, int nargs, int op) {
  for (int i = 1; i < nargs; i++) {
    cm_value o = as_set(vm, args[i]);
    if (cm_is_error(o) || cm_is_error(set_binop(vm, CM_OP_INPLACE + op, args[0], o)))
      return CM_ERROR;
  }
  return CM_NONE;
}

static cm_value m_intersection_update(cm_vm *vm, const cm_value *args, int nargs,
                                      cm_value kw) {
  if (cm_arity(vm, "intersection_update", 0, kw, 0, 0) < 0) return CM_ERROR;
  RELIST(m_intersection_update, "intersection_update");
  return inplace_each(vm, args, nargs, CM_OP_AND);
}

static cm_value m_difference_update(cm_vm *vm, const cm_value *args, int nargs,
                                    cm_value kw) {
  if (cm_arity(vm, "difference_update", 0, kw, 0, 0) < 0) return CM_ERROR;
  RELIST(m_difference_update, "difference_update");
  return inplace_each(vm, args, nargs, CM_OP_SUB);
}

static cm_value m_symdiff_update(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_arity_o(vm, "set.symmetric_difference_update", nargs - 1, kw) < 0)
    return CM_ERROR;
  RELIST(m_symdiff_update, "symmetric_difference_update");
  return symdiff_update(vm, args[0], args[1]) < 0 ? CM_ERROR : CM_NONE;
}

static cm_value subset_op(cm_vm *vm, const cm_value *args, int nargs, cm_value kw,
                          const char *name, int which) {
  if (cm_arity_o(vm, name, nargs - 1, kw) < 0) return CM_ERROR;
  cm_value o = as_set(vm, args[1]);
  if (cm_is_error(o)) return o;
  int r;
  if (which == 0) r = is_subset(vm, args[0], o);
  else if (which == 1) r = is_subset(vm, o, args[0]);
  else {
    cm_value i = set_intersection(vm, args[0], o);
    if (cm_is_error(i)) return i;
    r = S(i)->used == 0;
  }
  return r < 0 ? CM_ERROR : cm_bool(r);
}

static cm_value m_issubset(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  RELIST(m_issubset, "issubset");
  return subset_op(vm, args, nargs, kw, is_frozen(args[0]) ? "frozenset.issubset"
                                                           : "set.issubset", 0);
}
static cm_value m_issuperset(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  RELIST(m_issuperset, "issuperset");
  return subset_op(vm, args, nargs, kw, is_frozen(args[0]) ? "frozenset.issuperset"
                                                           : "set.issuperset", 1);
}
static cm_value m_isdisjoint(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  RELIST(m_isdisjoint, "isdisjoint");
  return subset_op(vm, args, nargs, kw, is_frozen(args[0]) ? "frozenset.isdisjoint"
                                                           : "set.isdisjoint", 2);
}

static const cm_method_def set_methods[] = {
    {"add", m_add, 0},
    {"remove", m_remove, 0},
    {"discard", m_discard, 0},
    {"pop", m_pop, 0},
    {"clear", m_clear, 0},
    {"copy", m_copy, 0},
    {"update", m_update, 0},
    {"intersection_update", m_intersection_update, 0},
    {"difference_update", m_difference_update, 0},
    {"symmetric_difference_update", m_symdiff_update, 0},
    {"union", m_union, 0},
    {"intersection", m_intersection, 0},
    {"difference", m_difference, 0},
    {"symmetric_difference", m_symdiff, 0},
    {"issubset", m_issubset, 0},
    {"issuperset", m_issuperset, 0},
    {"isdisjoint", m_isdisjoint, 0},
    {NULL, NULL, 0}};

static const cm_method_def frozenset_methods[] = {
    {"copy", m_copy, 0},
    {"union", m_union, 0},
    {"intersection", m_intersection, 0},
    {"difference", m_difference, 0},
    {"symmetric_difference", m_symdiff, 0},
    {"issubset", m_issubset, 0},
    {"issuperset", m_issuperset, 0},
    {"isdisjoint", m_isdisjoint, 0},
    {NULL, NULL, 0}};

static cm_value construct(cm_vm *vm, const cm_value *args, int nargs, cm_value kw,
                          bool frozen, cm_native_fn self_fn) {
  const char *name = frozen ? "frozenset" : "set";
  if (cm_has_kw(kw))
    return cm_raise(vm, &cm_exc_TypeError, "%s() takes no keyword arguments", name);
  if (nargs > 1)
    return cm_raise(vm, &cm_exc_TypeError, "%s expected at most 1 argument, got %d",
                    name, nargs);
  if (nargs == 1 && frozen && cm_is_obj(args[0]) &&
      cm_objptr(args[0])->type == &cm_frozenset_type)
    return args[0];
  if (nargs == 1 && !cm_iterable_is_native(vm, args[0])) {
    const cm_type *t = cm_typeof(vm, args[0]);
    if (t->iter || t->getitem) {
      cm_value f = cm_native_helper(vm, self_fn, name);
      if (cm_is_error(f)) return f;
      return cm_tail_relist(vm, f, args, nargs, kw, 1);
    }
  }
  cm_value s = cm_set_new(vm, frozen);
  if (cm_is_error(s)) return s;
  if (nargs == 1 && cm_set_update(vm, s, args[0]) < 0) return CM_ERROR;
  return s;
}

static cm_value set_construct(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  return construct(vm, args, nargs, kw, false, set_construct);
}

static cm_value frozenset_construct(cm_vm *vm, const cm_value *args, int nargs,
                                    cm_value kw) {
  return construct(vm, args, nargs, kw, true, frozenset_construct);
}

static void set_trace(cm_vm *vm, cm_obj *o) {
  cm_set *s = (cm_set *)o;
  if (!s->table) return;
  for (size_t i = 0; i <= s->mask; i++)
    if (live(&s->table[i])) cm_gc_mark_value(vm, s->table[i].key);
}

static void set_finalize(cm_vm *vm, cm_obj *o) {
  cm_set *s = (cm_set *)o;
  if (s->table) cm_free(vm, s->table, (s->mask + 1) * sizeof(cm_set_entry));
  s->table = NULL;
}

const cm_type cm_set_type = {
    .name = "set",
    .id = CM_T_SET,
    .flags = CM_TF_BASETYPE,
    .base = &cm_object_type,
    .repr = set_repr,
    .hash = cm_hash_unhashable,
    .compare = set_compare,
    .binop = set_binop,
    .len = set_len,
    .contains = set_contains_slot,
    .iter = set_iter_new,
    .construct = set_construct,
    .methods = set_methods,
    .trace = set_trace,
    .finalize = set_finalize,
};

const cm_type cm_frozenset_type = {
    .name = "frozenset",
    .id = CM_T_FROZENSET,
    .flags = CM_TF_BASETYPE,
    .base = &cm_object_type,
    .repr = set_repr,
    .hash = frozenset_hash,
    .compare = set_compare,
    .binop = set_binop,
    .len = set_len,
    .contains = set_contains_slot,
    .iter = set_iter_new,
    .construct = frozenset_construct,
    .methods = frozenset_methods,
    .trace = set_trace,
    .finalize = set_finalize,
};

const cm_type cm_set_iter_type = {
    .name = "set_iterator",
    .id = CM_T_SET_ITER,
    .flags = CM_TF_ITERATOR,
    .base = &cm_object_type,
    .iter = cm_iter_self,
    .iternext = setiter_next,
    .trace = setiter_trace,
};
