/*
** dict.c — the dict type: a compact, insertion-ordered hash table.
**
** Layout (CPython's since 3.6): `entries` holds (hash, key, value) in
** insertion order; `index` is a power-of-two table of int32 slots pointing
** into entries (IX_EMPTY / IX_DUMMY otherwise), probed with CPython's
** perturbation scheme. Deleting leaves a dead entry (key CM_NULL) and a
** dummy slot; a resize compacts entries and rebuilds the index.
** `version` changes on every mutation: the VM's global caches rely on it.
*/
#include "dict.h"
#include "list.h"
#include <stdio.h>

#define D(v) CM_AS(cm_dict, v)
#define IX_EMPTY (-1)
#define IX_DUMMY (-2)
#define PERTURB_SHIFT 5
#define MIN_SIZE 8

static bool is_dict(cm_value v) {
  return cm_is_obj(v) && cm_objptr(v)->type == &cm_dict_type;
}
static bool is_str(cm_value v) {
  return cm_is_obj(v) && cm_objptr(v)->type == &cm_str_type;
}
static size_t usable(size_t size) { return (size << 1) / 3; }
static int32_t *ixtab(cm_dict *d) { return (int32_t *)d->index; }

/* ---- table ------------------------------------------------------------ */

static size_t find_empty(cm_dict *d, int64_t hash) {
  size_t mask = d->mask, i = (size_t)hash & mask;
  uint64_t perturb = (uint64_t)hash;
  while (ixtab(d)[i] >= 0) {
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + (size_t)perturb + 1) & mask;
  }
  return i;
}

/* New tables able to hold `minused` entries; live entries are compacted. */
static int dict_resize(cm_vm *vm, cm_dict *d, size_t minused) {
  size_t size = MIN_SIZE;
  while (size < minused) size <<= 1;
  if (size > ((size_t)1 << 30)) {
    cm_raise_memory(vm);
    return -1;
  }
  size_t cap = usable(size);
  int32_t *ix = cm_alloc(vm, size * sizeof(int32_t));
  if (!ix) return -1;
  cm_dict_entry *ents = cm_alloc(vm, cap * sizeof(cm_dict_entry));
  if (!ents) {
    cm_free(vm, ix, size * sizeof(int32_t));
    return -1;
  }
  size_t n = 0;
  for (size_t i = 0; i < d->nentries; i++)
    if (!cm_is_null(d->entries[i].key)) ents[n++] = d->entries[i];
  if (d->index) cm_free(vm, d->index, (d->mask + 1) * sizeof(int32_t));
  cm_free(vm, d->entries, d->cap * sizeof(cm_dict_entry));
  d->index = ix;
  d->entries = ents;
  d->mask = size - 1;
  d->cap = cap;
  d->nentries = n;
  memset(ix, 0xff, size * sizeof(int32_t)); /* all IX_EMPTY */
  for (size_t i = 0; i < n; i++) ix[find_empty(d, ents[i].hash)] = (int32_t)i;
  return 0;
}

/* Entry index of key, -1 if absent, -2 on error; *slot gets its index
   slot. A Python __eq__ that mutates the dict restarts the probe. */
static int64_t lookup(cm_vm *vm, cm_value dv, cm_value key, int64_t hash,
                      size_t *slot) {
restart:;
  cm_dict *d = D(dv);
  if (!d->index) return -1;
  size_t mask = d->mask, i = (size_t)hash & mask;
  uint64_t perturb = (uint64_t)hash;
  for (;;) {
    int32_t ix = ixtab(d)[i];
    if (ix == IX_EMPTY) return -1;
    if (ix >= 0) {
      cm_dict_entry *e = &d->entries[ix];
      if (e->key == key) goto found;
      if (e->hash == hash) {
        cm_value k = e->key;
        if (is_str(k) && is_str(key)) {
          if (cm_str_eq(k, key)) goto found;
        } else {
          cm_dict_entry *ents = d->entries;
          uint64_t ver = d->version;
          int eq = cm_eq(vm, k, key);
          if (eq < 0) return -2;
          if (d->entries != ents || d->version != ver || e->key != k) goto restart;
          if (eq) goto found;
        }
      }
    }
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + (size_t)perturb + 1) & mask;
    continue;
  found:
    *slot = i;
    return ix;
  }
}

int cm_dict_key_hash(cm_vm *vm, cm_value key, int64_t *out, const char *as) {
  if (is_str(key) && CM_AS(cm_str, key)->hash != -1) {
    *out = CM_AS(cm_str, key)->hash;
    return 0;
  }
  if (cm_hash(vm, key, out) == 0) return 0;
  if (cm_typeof(vm, key)->hash == cm_hash_unhashable &&
      cm_exc_matches(vm, &cm_exc_TypeError)) {
    cm_exc_clear(vm);
    cm_raise(vm, &cm_exc_TypeError, "cannot use '%T' as %s (unhashable type: '%T')",
             key, as, key);
  }
  return -1;
}

cm_value cm_dict_get_h(cm_vm *vm, cm_value d, cm_value key, int64_t h) {
  size_t slot;
  int64_t ix = lookup(vm, d, key, h, &slot);
  if (ix == -2) return CM_ERROR;
  return ix < 0 ? CM_NULL : D(d)->entries[ix].value;
}

int cm_dict_set_h(cm_vm *vm, cm_value dv, cm_value key, int64_t h, cm_value v) {
  size_t slot;
  int64_t ix = lookup(vm, dv, key, h, &slot);
  if (ix == -2) return -1;
  cm_dict *d = D(dv);
  d->version++;
  if (ix >= 0) {
    d->entries[ix].value = v;
    return 0;
  }
  if (!d->index || d->nentries == d->cap) {
    if (dict_resize(vm, d, d->used * 3 + 1) < 0) return -1;
  }
  slot = find_empty(d, h);
  ixtab(d)[slot] = (int32_t)d->nentries;
  d->entries[d->nentries].hash = h;
  d->entries[d->nentries].key = key;
  d->entries[d->nentries].value = v;
  d->nentries++;
  d->used++;
  return 0;
}

static void del_at(cm_dict *d, size_t slot, int64_t ix) {
  ixtab(d)[slot] = IX_DUMMY;
  d->entries[ix].key = CM_NULL;
  d->entries[ix].value = CM_NULL;
  d->used--;
  d->version++;
  /* keep the tail tight so popitem()/del of the newest key are O(1) */
  while (d->nentries && cm_is_null(d->entries[d->nentries - 1].key)) d->nentries--;
}

/* Removes key; 1 removed (*val set), 0 absent, -1 error. */
static int dict_pop_h(cm_vm *vm, cm_value dv, cm_value key, int64_t h, cm_value *val) {
  size_t slot;
  int64_t ix = lookup(vm, dv, key, h, &slot);
  if (ix == -2) return -1;
  if (ix < 0) return 0;
  if (val) *val = D(dv)->entries[ix].value;
  del_at(D(dv), slot, ix);
  return 1;
}

/* ---- vm.h API --------------------------------------------------------- */

cm_value cm_dict_new(cm_vm *vm) {
  cm_dict *d = cm_gc_new(vm, &cm_dict_type, sizeof(cm_dict));
  return d ? CM_VAL(d) : CM_ERROR;
}

cm_value cm_dict_get(cm_vm *vm, cm_value d, cm_value key) {
  int64_t h;
  if (cm_dict_key_hash(vm, key, &h, "a dict key") < 0) return CM_ERROR;
  return cm_dict_get_h(vm, d, key, h);
}

int cm_dict_set(cm_vm *vm, cm_value d, cm_value key, cm_value v) {
  int64_t h;
  if (cm_dict_key_hash(vm, key, &h, "a dict key") < 0) return -1;
  return cm_dict_set_h(vm, d, key, h, v);
}

int cm_dict_del(cm_vm *vm, cm_value d, cm_value key) {
  int64_t h;
  if (cm_dict_key_hash(vm, key, &h, "a dict key") < 0) return -1;
  return dict_pop_h(vm, d, key, h, NULL);
}

cm_value cm_dict_get_str(cm_vm *vm, cm_value d, cm_value key) {
  return cm_dict_get(vm, d, key); /* hash cached, identity compared first */
}

int cm_dict_set_str(cm_vm *vm, cm_value d, cm_value key, cm_value v) {
  return cm_dict_set(vm, d, key, v);
}

cm_value cm_dict_get_cstr(cm_vm *vm, cm_value d, const char *key) {
  cm_value k = cm_intern(vm, key);
  return cm_is_error(k) ? k : cm_dict_get_str(vm, d, k);
}

int cm_dict_set_cstr(cm_vm *vm, cm_value d, const char *key, cm_value v) {
  cm_value k = cm_intern(vm, key);
  return cm_is_error(k) ? -1 : cm_dict_set_str(vm, d, k, v);
}

int cm_dict_next(cm_value dv, size_t *pos, cm_value *key, cm_value *val) {
  cm_dict *d = D(dv);
  while (*pos < d->nentries) {
    cm_dict_entry *e = &d->entries[(*pos)++];
    if (cm_is_null(e->key)) continue;
    if (key) *key = e->key;
    if (val) *val = e->value;
    return 1;
  }
  return 0;
}

cm_value cm_raise_keyerror(cm_vm *vm, cm_value key) {
  cm_value args = cm_tuple_from(vm, &key, 1);
  if (cm_is_error(args)) return args;
  cm_value e = cm_exc_new(vm, &cm_exc_KeyError, args);
  if (cm_is_error(e)) return e;
  return cm_raise_value(vm, e);
}

int cm_dict_merge(cm_vm *vm, cm_value d, cm_value other, cm_value *dup) {
  cm_dict *o = D(other);
  for (size_t i = 0; i < o->nentries; i++) {
    cm_dict_entry e = o->entries[i];
    if (cm_is_null(e.key)) continue;
    if (dup) {
      size_t slot;
      int64_t ix = lookup(vm, d, e.key, e.hash, &slot);
      if (ix == -2) return -1;
      if (ix >= 0) {
        *dup = e.key;
        return 1;
      }
    }
    if (cm_dict_set_h(vm, d, e.key, e.hash, e.value) < 0) return -1;
    o = D(other); /* __eq__ may have resized it */
  }
  return 0;
}

cm_value cm_dict_copy(cm_vm *vm, cm_value d) {
  cm_value r = cm_dict_new(vm);
  if (cm_is_error(r)) return r;
  if (D(d)->used && dict_resize(vm, D(r), D(d)->used * 3 / 2 + 1) < 0) return CM_ERROR;
  return cm_dict_merge(vm, r, d, NULL) < 0 ? CM_ERROR : r;
}

/* One element of dict(iterable_of_pairs). */
static int update_pair(cm_vm *vm, cm_value d, cm_value x, size_t i) {
  size_t n;
  cm_value *kv = cm_seq_items(x, &n);
  if (!kv) {
    const cm_type *t = cm_typeof(vm, x);
    if (!t->iter && !t->getitem) {
      cm_raise(vm, &cm_exc_TypeError, "object is not iterable");
      return -1;
    }
    cm_value l = cm_list_from_iterable(vm, x);
    if (cm_is_error(l)) return -1;
    kv = cm_seq_items(l, &n);
  }
  if (n != 2) {
    cm_raise(vm, &cm_exc_ValueError,
             "dictionary update sequence element #%zu has length %zu; 2 is required",
             i, n);
    return -1;
  }
  return cm_dict_set(vm, d, kv[0], kv[1]);
}

static int update_from_keys(cm_vm *vm, cm_value d, cm_value x, cm_value keys) {
  cm_value ks = cm_call(vm, keys, NULL, 0, CM_NULL);
  if (cm_is_error(ks)) return -1;
  cm_value it = cm_iter(vm, ks);
  if (cm_is_error(it)) return -1;
  for (;;) {
    cm_value k = cm_next(vm, it);
    if (k == CM_STOP) return 0;
    if (cm_is_error(k)) return -1;
    cm_value v = cm_getitem(vm, x, k);
    if (cm_is_error(v) || cm_dict_set(vm, d, k, v) < 0) return -1;
  }
}

int cm_dict_update(cm_vm *vm, cm_value d, cm_value x) {
  if (is_dict(x)) return cm_dict_merge(vm, d, x, NULL);
  if (cm_typeof(vm, x)->id == CM_T_USER) {
    cm_value keys = cm_getattr_opt(vm, x, cm_intern(vm, "keys"));
    if (cm_is_error(keys)) return -1;
    if (!cm_is_null(keys)) return update_from_keys(vm, d, x, keys);
  }
  cm_value it = cm_iter(vm, x);
  if (cm_is_error(it)) return -1;
  for (size_t i = 0;; i++) {
    cm_value item = cm_next(vm, it);
    if (item == CM_STOP) return 0;
    if (cm_is_error(item) || update_pair(vm, d, item, i) < 0) return -1;
  }
}

/* ---- slots ------------------------------------------------------------ */

static cm_value dict_repr(cm_vm *vm, cm_value self) {
  cm_obj *o = cm_objptr(self);
  if (o->flags & CM_FLAG_IN_REPR) return cm_str_from_cstr(vm, "{...}");
  if (D(self)->used == 0) return cm_str_from_cstr(vm, "{}");
  o->flags |= CM_FLAG_IN_REPR;
  cm_buf b = {0};
  int rc = cm_buf_putc(vm, &b, '{');
  size_t pos = 0;
  cm_value k, v;
  for (bool first = true; rc == 0 && cm_dict_next(self, &pos, &k, &v); first = false) {
    cm_value rk = CM_ERROR, rv = CM_ERROR;
    if ((!first && cm_buf_put(vm, &b, ", ", 2) < 0) || cm_is_error(rk = cm_repr(vm, k)) ||
        cm_buf_put_value_str(vm, &b, rk) < 0 || cm_buf_put(vm, &b, ": ", 2) < 0 ||
        cm_is_error(rv = cm_repr(vm, v)) || cm_buf_put_value_str(vm, &b, rv) < 0)
      rc = -1;
  }
  if (rc == 0) rc = cm_buf_putc(vm, &b, '}');
  o->flags &= (uint8_t)~CM_FLAG_IN_REPR;
  if (rc < 0) {
    cm_buf_free(vm, &b);
    return CM_ERROR;
  }
  return cm_buf_finish(vm, &b);
}

static int dict_equal(cm_vm *vm, cm_value a, cm_value b) {
  if (D(a)->used != D(b)->used) return 0;
  size_t pos = 0;
  cm_value k, v;
  while (cm_dict_next(a, &pos, &k, &v)) {
    int64_t h = D(a)->entries[pos - 1].hash;
    cm_value w = cm_dict_get_h(vm, b, k, h);
    if (cm_is_error(w)) return -1;
    if (cm_is_null(w)) return 0;
    int eq = cm_eq(vm, v, w);
    if (eq <= 0) return eq;
  }
  return 1;
}

static cm_value dict_compare(cm_vm *vm, int op, cm_value a, cm_value b) {
  if (!is_dict(a) || !is_dict(b) || (op != CM_CMP_EQ && op != CM_CMP_NE))
    return CM_NOTIMPL;
  if (cm_c_enter(vm, "in comparison") < 0) return CM_ERROR;
  int eq = dict_equal(vm, a, b);
  cm_c_leave(vm);
  if (eq < 0) return CM_ERROR;
  return cm_bool(op == CM_CMP_EQ ? eq : !eq);
}

static cm_value dict_binop(cm_vm *vm, int op, cm_value a, cm_value b) {
  if (op == CM_OP_OR) {
    if (!is_dict(a) || !is_dict(b)) return CM_NOTIMPL;
    cm_value r = cm_dict_copy(vm, a);
    if (cm_is_error(r) || cm_dict_merge(vm, r, b, NULL) < 0) return CM_ERROR;
    return r;
  }
  if (op == CM_OP_INPLACE + CM_OP_OR && is_dict(a))
    return cm_dict_update(vm, a, b) < 0 ? CM_ERROR : a;
  return CM_NOTIMPL;
}

static int64_t dict_len(cm_vm *vm, cm_value self) { return (int64_t)D(self)->used; }

static cm_value dict_getitem(cm_vm *vm, cm_value self, cm_value key) {
  cm_value v = cm_dict_get(vm, self, key);
  if (cm_is_null(v)) return cm_raise_keyerror(vm, key);
  return v;
}

static int dict_setitem(cm_vm *vm, cm_value self, cm_value key, cm_value v) {
  return cm_dict_set(vm, self, key, v);
}

static int dict_delitem(cm_vm *vm, cm_value self, cm_value key) {
  int rc = cm_dict_del(vm, self, key);
  if (rc == 0) {
    cm_raise_keyerror(vm, key);
    return -1;
  }
  return rc < 0 ? -1 : 0;
}

static int dict_contains(cm_vm *vm, cm_value self, cm_value key) {
  cm_value v = cm_dict_get(vm, self, key);
  if (cm_is_error(v)) return -1;
  return !cm_is_null(v);
}

/* ---- iterators -------------------------------------------------------- */

static cm_value dictiter_new(cm_vm *vm, const cm_type *t, cm_value d, int kind,
                             bool reverse) {
  cm_dictiter *it = cm_gc_new(vm, t, sizeof(cm_dictiter));
  if (!it) return CM_ERROR;
  it->dict = d;
  it->used = D(d)->used;
  it->pos = reverse ? D(d)->nentries : 0;
  it->kind = kind;
  return CM_VAL(it);
}

static cm_value dict_iter(cm_vm *vm, cm_value self) {
  return dictiter_new(vm, &cm_dict_keyiter_type, self, CM_DICT_KEYS, false);
}

cm_value cm_dict_reversed(cm_vm *vm, cm_value d, int kind) {
  return dictiter_new(vm, &cm_dict_revkeyiter_type, d, kind, true);
}

static cm_value iter_item(cm_vm *vm, cm_dict_entry *e, int kind) {
  if (kind == CM_DICT_KEYS) return e->key;
  if (kind == CM_DICT_VALUES) return e->value;
  cm_value kv[2] = {e->key, e->value};
  return cm_tuple_from(vm, kv, 2);
}

/* Checks the dict's size is unchanged; NULL-safe. 0 ok, -1 raised. */
static int iter_check(cm_vm *vm, cm_dictiter *it) {
  if (D(it->dict)->used == it->used) return 0;
  it->used = (size_t)-1; /* keep failing, like CPython */
  cm_raise(vm, &cm_exc_RuntimeError, "dictionary changed size during iteration");
  return -1;
}

static cm_value dictiter_next_kind(cm_vm *vm, cm_value self, int kind) {
  cm_dictiter *it = CM_AS(cm_dictiter, self);
  if (cm_is_null(it->dict)) return CM_STOP;
  if (iter_check(vm, it) < 0) return CM_ERROR;
  cm_dict *d = D(it->dict);
  while (it->pos < d->nentries) {
    cm_dict_entry *e = &d->entries[it->pos++];
    if (!cm_is_null(e->key)) return iter_item(vm, e, kind);
  }
  it->dict = CM_NULL;
  return CM_STOP;
}

static cm_value keyiter_next(cm_vm *vm, cm_value self) {
  return dictiter_next_kind(vm, self, CM_DICT_KEYS);
}
static cm_value valueiter_next(cm_vm *vm, cm_value self) {
  return dictiter_next_kind(vm, self, CM_DICT_VALUES);
}
static cm_value itemiter_next(cm_vm *vm, cm_value self) {
  return dictiter_next_kind(vm, self, CM_DICT_ITEMS);
}

static cm_value reviter_next(cm_vm *vm, cm_value self) {
  cm_dictiter *it = CM_AS(cm_dictiter, self);
  if (cm_is_null(it->dict)) return CM_STOP;
  if (iter_check(vm, it) < 0) return CM_ERROR;
  cm_dict *d = D(it->dict);
  if (it->pos > d->nentries) it->pos = d->nentries;
  while (it->pos > 0) {
    cm_dict_entry *e = &d->entries[--it->pos];
    if (!cm_is_null(e->key)) return iter_item(vm, e, it->kind);
  }
  it->dict = CM_NULL;
  return CM_STOP;
}

static cm_value reviter_repr(cm_vm *vm, cm_value self) {
  static const char *const names[] = {"dict_reversekeyiterator",
                                      "dict_reversevalueiterator",
                                      "dict_reverseitemiterator"};
  cm_dictiter *it = CM_AS(cm_dictiter, self);
  char buf[96];
  snprintf(buf, sizeof buf, "<%s object at %p>", names[it->kind], (void *)it);
  return cm_str_from_cstr(vm, buf);
}

static void dictiter_trace(cm_vm *vm, cm_obj *o) {
  cm_gc_mark_value(vm, ((cm_dictiter *)o)->dict);
}

/* ---- views ------------------------------------------------------------ */

static cm_value view_new(cm_vm *vm, const cm_type *t, cm_value d) {
  cm_dictview *v = cm_gc_new(vm, t, sizeof(cm_dictview));
  if (!v) return CM_ERROR;
  v->dict = d;
  return CM_VAL(v);
}

#define VIEWDICT(v) (CM_AS(cm_dictview, v)->dict)

static int view_kind(cm_value v) {
  const cm_type *t = cm_objptr(v)->type;
  return t == &cm_dict_keys_type ? CM_DICT_KEYS
         : t == &cm_dict_values_type ? CM_DICT_VALUES : CM_DICT_ITEMS;
}

static int64_t view_len(cm_vm *vm, cm_value self) {
  return (int64_t)D(VIEWDICT(self))->used;
}

static cm_value view_iter(cm_vm *vm, cm_value self) {
  static const cm_type *const types[] = {&cm_dict_keyiter_type, &cm_dict_valueiter_type,
                                         &cm_dict_itemiter_type};
  int k = view_kind(self);
  return dictiter_new(vm, types[k], VIEWDICT(self), k, false);
}

static cm_value view_repr(cm_vm *vm, cm_value self) {
  cm_obj *o = cm_objptr(self);
  if (o->flags & CM_FLAG_IN_REPR) return cm_str_from_cstr(vm, "...");
  cm_value l = cm_list_from_iterable(vm, self);
  if (cm_is_error(l)) return l;
  o->flags |= CM_FLAG_IN_REPR;
  cm_value r = cm_repr(vm, l);
  o->flags &= (uint8_t)~CM_FLAG_IN_REPR;
  if (cm_is_error(r)) return r;
  return cm_str_printf(vm, "%s(%U)", o->type->name, r);
}

static int keys_contains(cm_vm *vm, cm_value self, cm_value x) {
  return dict_contains(vm, VIEWDICT(self), x);
}

static int items_contains(cm_vm *vm, cm_value self, cm_value x) {
  if (!cm_is_obj(x) || cm_objptr(x)->type != &cm_tuple_type || CM_AS(cm_tuple, x)->n != 2)
    return 0;
  cm_value v = cm_dict_get(vm, VIEWDICT(self), CM_AS(cm_tuple, x)->items[0]);
  if (cm_is_error(v)) return -1;
  if (cm_is_null(v)) return 0;
  return cm_eq(vm, v, CM_AS(cm_tuple, x)->items[1]);
}

static bool is_setlike(cm_value v) {
  if (cm_is_anyset(v)) return true;
  if (!cm_is_obj(v)) return false;
  const cm_type *t = cm_objptr(v)->type;
  return t == &cm_dict_keys_type || t == &cm_dict_items_type;
}

static cm_value as_set(cm_vm *vm, cm_value v) {
  if (cm_is_anyset(v)) return v;
  cm_value s = cm_set_new(vm, false);
  if (cm_is_error(s) || cm_set_update(vm, s, v) < 0) return CM_ERROR;
  return s;
}

static bool is_view(cm_value v) {
  if (!cm_is_obj(v)) return false;
  const cm_type *t = cm_objptr(v)->type;
  return t == &cm_dict_keys_type || t == &cm_dict_items_type;
}

/* The items of it that the keys/items view contains (in a new set). */
static cm_value view_filter(cm_vm *vm, cm_value view, cm_value iterable) {
  int (*has)(cm_vm *, cm_value, cm_value) =
      cm_objptr(view)->type == &cm_dict_keys_type ? keys_contains : items_contains;
  cm_value r = cm_set_new(vm, false);
  if (cm_is_error(r)) return r;
  cm_value it = cm_iter(vm, iterable);
  if (cm_is_error(it)) return it;
  for (;;) {
    cm_value x = cm_next(vm, it);
    if (x == CM_STOP) return r;
    if (cm_is_error(x)) return x;
    int rc = has(vm, view, x);
    if (rc < 0 || (rc > 0 && cm_set_add(vm, r, x) < 0)) return CM_ERROR;
  }
}

/* view & other as CPython computes it: the elements of other (or of the
   smaller of two views) that the view contains, so an unhashable element
   fails as a dict key would; a set at least as big as the view is probed
   with the view's elements instead. */
static cm_value view_and(cm_vm *vm, cm_value a, cm_value b) {
  if (!is_view(a)) {
    cm_value t = a;
    a = b;
    b = t;
  }
  size_t na = CM_AS(cm_dict, VIEWDICT(a))->used;
  if (cm_is_obj(b) && cm_objptr(b)->type == &cm_set_type &&
      na <= CM_AS(cm_set, b)->used) {
    cm_value r = cm_set_new(vm, false);
    if (cm_is_error(r)) return r;
    cm_value it = cm_iter(vm, a);
    if (cm_is_error(it)) return it;
    for (;;) {
      cm_value x = cm_next(vm, it);
      if (x == CM_STOP) return r;
      if (cm_is_error(x)) return x;
      int rc = cm_set_contains(vm, b, x);
      if (rc < 0 || (rc > 0 && cm_set_add(vm, r, x) < 0)) return CM_ERROR;
    }
  }
  if (is_view(b) && CM_AS(cm_dict, VIEWDICT(b))->used > na) {
    cm_value t = a;
    a = b;
    b = t;
  }
  return view_filter(vm, a, b);
}

/* Set operators on keys/items views: & as CPython does it (view_and); the
   others on sets built from both. Like CPython, the other operand is
   iterated whatever its type, so a non-iterable one raises "'int' object is
   not iterable". */
static cm_value view_binop(cm_vm *vm, int op, cm_value a, cm_value b) {
  op &= ~CM_OP_INPLACE;
  if (op == CM_OP_AND) return view_and(vm, a, b);
  if (op != CM_OP_OR && op != CM_OP_SUB && op != CM_OP_XOR)
    return CM_NOTIMPL;
  cm_value sa = cm_set_new(vm, false), sb;
  if (cm_is_error(sa) || cm_set_update(vm, sa, a) < 0) return CM_ERROR;
  sb = as_set(vm, b);
  if (cm_is_error(sb)) return sb;
  return cm_binop(vm, op, sa, sb);
}

static cm_value view_compare(cm_vm *vm, int op, cm_value a, cm_value b) {
  if (!is_setlike(a) || !is_setlike(b)) return CM_NOTIMPL;
  cm_value sa = as_set(vm, a), sb;
  if (cm_is_error(sa)) return sa;
  sb = as_set(vm, b);
  if (cm_is_error(sb)) return sb;
  return cm_compare(vm, op, sa, sb);
}

static cm_value view_isdisjoint(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_arity_o(vm, "isdisjoint", nargs - 1, kw) < 0) return CM_ERROR;
  cm_value it = cm_iter(vm, args[1]);
  if (cm_is_error(it)) return it;
  const cm_type *t = cm_objptr(args[0])->type;
  for (;;) {
    cm_value x = cm_next(vm, it);
    if (x == CM_STOP) return CM_TRUE;
    if (cm_is_error(x)) return x;
    int in = t == &cm_dict_keys_type ? keys_contains(vm, args[0], x)
                                     : items_contains(vm, args[0], x);
    if (in < 0) return CM_ERROR;
    if (in) return CM_FALSE;
  }
}

static void view_trace(cm_vm *vm, cm_obj *o) {
  cm_gc_mark_value(vm, ((cm_dictview *)o)->dict);
}

static const cm_method_def setview_methods[] = {{"isdisjoint", view_isdisjoint, 0},
                                                {NULL, NULL, 0}};

/* ---- methods ---------------------------------------------------------- */

static cm_value m_get(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_arity(vm, "get", nargs - 1, kw, 1, 2) < 0) return CM_ERROR;
  cm_value v = cm_dict_get(vm, args[0], args[1]);
  if (cm_is_null(v)) return nargs > 2 ? args[2] : CM_NONE;
  return v;
}

static cm_value m_setdefault(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_arity(vm, "setdefault", nargs - 1, kw, 1, 2) < 0) return CM_ERROR;
  int64_t h;
  if (cm_dict_key_hash(vm, args[1], &h, "a dict key") < 0) return CM_ERROR;
  cm_value v = cm_dict_get_h(vm, args[0], args[1], h);
  if (!cm_is_null(v)) return v;
  v = nargs > 2 ? args[2] : CM_NONE;
  return cm_dict_set_h(vm, args[0], args[1], h, v) < 0 ? CM_ERROR : v;
}

static cm_value m_pop(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_arity(vm, "pop", nargs - 1, kw, 1, 2) < 0) return CM_ERROR;
  int64_t h;
  cm_value v;
  if (cm_dict_key_hash(vm, args[1], &h, "a dict key") < 0) return CM_ERROR;
  int rc = dict_pop_h(vm, args[0], args[1], h, &v);
  if (rc < 0) return CM_ERROR;
  if (rc) return v;
  return nargs > 2 ? args[2] : cm_raise_keyerror(vm, args[1]);
}

static cm_value m_popitem(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_arity_none(vm, "dict.popitem", nargs - 1, kw) < 0) return CM_ERROR;
  cm_dict *d = D(args[0]);
  if (d->used == 0)
    return cm_raise(vm, &cm_exc_KeyError, "popitem(): dictionary is empty");
  cm_dict_entry *e = &d->entries[d->nentries - 1]; /* the tail is live */
  cm_value kv[2] = {e->key, e->value};
  cm_value t = cm_tuple_from(vm, kv, 2);
  if (cm_is_error(t)) return t;
  size_t slot;
  int64_t ix = lookup(vm, args[0], kv[0], e->hash, &slot);
  if (ix < 0) return ix == -2 ? CM_ERROR : t;
  del_at(d, slot, ix);
  return t;
}

static cm_value m_keys(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_arity_none(vm, "dict.keys", nargs - 1, kw) < 0) return CM_ERROR;
  return view_new(vm, &cm_dict_keys_type, args[0]);
}
static cm_value m_values(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_arity_none(vm, "dict.values", nargs - 1, kw) < 0) return CM_ERROR;
  return view_new(vm, &cm_dict_values_type, args[0]);
}
static cm_value m_items(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_arity_none(vm, "dict.items", nargs - 1, kw) < 0) return CM_ERROR;
  return view_new(vm, &cm_dict_items_type, args[0]);
}

/* 1 for a user instance with a keys attribute: a mapping that dict(m)
   and dict.update(m) read through Python code (keys(), __getitem__);
   0 if not; -1 if looking up keys raised something else than
   AttributeError. */
static int is_user_mapping(cm_vm *vm, cm_value m) {
  if (cm_typeof(vm, m)->id != CM_T_USER) return 0;
  cm_value keys = cm_getattr_opt(vm, m, cm_intern(vm, "keys"));
  return cm_is_error(keys) ? -1 : !cm_is_null(keys);
}

/* Shared by dict.update and dict(): positional arg (if any), then kwargs.
   A user instance (a mapping or an iterable) or a non-native iterable
   goes through the prelude so it can pause: CM_NULL then (the caller
   tail-calls tail_update). */
static cm_value update_args(cm_vm *vm, cm_value d, const cm_value *args, int nargs,
                            cm_value kw) {
  if (nargs == 1 && !is_dict(args[0]) &&
      (cm_typeof(vm, args[0])->id == CM_T_USER || !cm_iterable_is_native(vm, args[0])))
    return CM_NULL;
  if (nargs == 1 && cm_dict_update(vm, d, args[0]) < 0) return CM_ERROR;
  size_t nkw = cm_has_kw(kw) ? CM_AS(cm_tuple, kw)->n : 0;
  for (size_t i = 0; i < nkw; i++)
    if (cm_dict_set(vm, d, CM_AS(cm_tuple, kw)->items[i], args[nargs + (int)i]) < 0)
      return CM_ERROR;
  return CM_NONE;
}

/* Calls native f(*args, **kw) again through the prelude, with args[i]
   (a user mapping or a non-native iterable) read there first. */
static cm_value tail_update(cm_vm *vm, cm_native_fn fn, const char *name,
                            const cm_value *args, int nargs, cm_value kw, int i) {
  cm_value f = cm_native_helper(vm, fn, name);
  if (cm_is_error(f)) return f;
  int m = is_user_mapping(vm, args[i]);
  if (m < 0) return CM_ERROR;
  if (m == 0) return cm_tail_relist(vm, f, args, nargs, kw, 1u << i);
  cm_value h = cm_prelude(vm, "dn_mapping_call");
  cm_value kd = cm_is_error(h) ? h : cm_kwargs_dict(vm, args + nargs, kw);
  cm_value a = cm_is_error(kd) ? kd : cm_tuple_from(vm, args, (size_t)nargs);
  if (cm_is_error(a)) return a;
  cm_value p[4] = {f, a, cm_mkint(i), cm_is_null(kd) ? CM_NONE : kd};
  cm_value t = cm_tuple_from(vm, p, 4);
  return cm_is_error(t) ? t : cm_tailcall(vm, h, t, CM_NULL);
}

static cm_value m_update(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (nargs > 2)
    return cm_raise(vm, &cm_exc_TypeError, "update expected at most 1 argument, got %d",
                    nargs - 1);
  cm_value r = update_args(vm, args[0], args + 1, nargs - 1, kw);
  if (!cm_is_null(r)) return r;
  return tail_update(vm, m_update, "update", args, nargs, kw, 1);
}

static cm_value m_clear(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_arity_none(vm, "dict.clear", nargs - 1, kw) < 0) return CM_ERROR;
  cm_dict *d = D(args[0]);
  if (d->index) cm_free(vm, d->index, (d->mask + 1) * sizeof(int32_t));
  cm_free(vm, d->entries, d->cap * sizeof(cm_dict_entry));
  d->index = NULL;
  d->entries = NULL;
  d->used = d->nentries = d->cap = d->mask = 0;
  d->version++;
  return CM_NONE;
}

static cm_value m_copy(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_arity_none(vm, "dict.copy", nargs - 1, kw) < 0) return CM_ERROR;
  return cm_dict_copy(vm, args[0]);
}

/* dict.fromkeys(iterable, value=None): args[0] is the class. */
static cm_value m_fromkeys(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_arity(vm, "fromkeys", nargs - 1, kw, 1, 2) < 0) return CM_ERROR;
  cm_value src = args[1], v = nargs > 2 ? args[2] : CM_NONE;
  if (!cm_iterable_is_native(vm, src)) {
    const cm_type *t = cm_typeof(vm, src);
    if (!t->iter && !t->getitem)
      return cm_raise(vm, &cm_exc_TypeError, "'%T' object is not iterable", src);
    cm_value f = cm_native_helper(vm, m_fromkeys, "fromkeys");
    if (cm_is_error(f)) return f;
    return cm_tail_relist(vm, f, args, nargs, CM_NULL, 2);
  }
  cm_value d = cm_dict_new(vm);
  if (cm_is_error(d)) return d;
  cm_value it = cm_iter(vm, src);
  if (cm_is_error(it)) return it;
  for (;;) {
    cm_value k = cm_next(vm, it);
    if (k == CM_STOP) return d;
    if (cm_is_error(k) || cm_dict_set(vm, d, k, v) < 0) return CM_ERROR;
  }
}

static const cm_method_def dict_methods[] = {
    {"get", m_get, 0},         {"setdefault", m_setdefault, 0},
    {"pop", m_pop, 0},         {"popitem", m_popitem, 0},
    {"keys", m_keys, 0},       {"values", m_values, 0},
    {"items", m_items, 0},     {"update", m_update, 0},
    {"clear", m_clear, 0},     {"copy", m_copy, 0},
    {"fromkeys", m_fromkeys, CM_METH_CLASS}, {NULL, NULL, 0}};

static cm_value dict_construct(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (nargs > 1)
    return cm_raise(vm, &cm_exc_TypeError, "dict expected at most 1 argument, got %d",
                    nargs);
  cm_value d = cm_dict_new(vm);
  if (cm_is_error(d)) return d;
  cm_value r = update_args(vm, d, args, nargs, kw);
  if (cm_is_error(r)) return r;
  if (!cm_is_null(r)) return d;
  return tail_update(vm, dict_construct, "dict", args, nargs, kw, 0);
}

static void dict_trace(cm_vm *vm, cm_obj *o) {
  cm_dict *d = (cm_dict *)o;
  for (size_t i = 0; i < d->nentries; i++) {
    cm_gc_mark_value(vm, d->entries[i].key);
    cm_gc_mark_value(vm, d->entries[i].value);
  }
}

static void dict_finalize(cm_vm *vm, cm_obj *o) {
  cm_dict *d = (cm_dict *)o;
  if (d->index) cm_free(vm, d->index, (d->mask + 1) * sizeof(int32_t));
  cm_free(vm, d->entries, d->cap * sizeof(cm_dict_entry));
  d->index = NULL;
  d->entries = NULL;
}

const cm_type cm_dict_type = {
    .name = "dict",
    .id = CM_T_DICT,
    .flags = CM_TF_BASETYPE,
    .base = &cm_object_type,
    .repr = dict_repr,
    .hash = cm_hash_unhashable,
    .compare = dict_compare,
    .binop = dict_binop,
    .len = dict_len,
    .getitem = dict_getitem,
    .setitem = dict_setitem,
    .delitem = dict_delitem,
    .contains = dict_contains,
    .iter = dict_iter,
    .construct = dict_construct,
    .methods = dict_methods,
    .trace = dict_trace,
    .finalize = dict_finalize,
};

#define VIEW_TYPE(cname, pyname, ID, contains_fn, binop_fn, compare_fn, meths) \
  const cm_type cname = {                                                     \
      .name = pyname,                                                         \
      .id = ID,                                                               \
      .base = &cm_object_type,                                                \
      .repr = view_repr,                                                      \
      .hash = cm_hash_unhashable,                                             \
      .compare = compare_fn,                                                  \
      .binop = binop_fn,                                                      \
      .len = view_len,                                                        \
      .contains = contains_fn,                                                \
      .iter = view_iter,                                                      \
      .methods = meths,                                                       \
      .trace = view_trace,                                                    \
  };
VIEW_TYPE(cm_dict_keys_type, "dict_keys", CM_T_DICT_KEYS, keys_contains, view_binop,
          view_compare, setview_methods)
VIEW_TYPE(cm_dict_items_type, "dict_items", CM_T_DICT_ITEMS, items_contains,
          view_binop, view_compare, setview_methods)
VIEW_TYPE(cm_dict_values_type, "dict_values", CM_T_DICT_VALUES, NULL, NULL, NULL, NULL)

#define ITER_TYPE(cname, pyname, ID, next_fn, repr_fn) \
  const cm_type cname = {                              \
      .name = pyname,                                  \
      .id = ID,                                        \
      .flags = CM_TF_ITERATOR,                         \
      .base = &cm_object_type,                         \
      .repr = repr_fn,                                 \
      .iter = cm_iter_self,                            \
      .iternext = next_fn,                             \
      .trace = dictiter_trace,                         \
  };
ITER_TYPE(cm_dict_keyiter_type, "dict_keyiterator", CM_T_DICT_KEYITER, keyiter_next, NULL)
ITER_TYPE(cm_dict_valueiter_type, "dict_valueiterator", CM_T_DICT_VALUEITER,
          valueiter_next, NULL)
ITER_TYPE(cm_dict_itemiter_type, "dict_itemiterator", CM_T_DICT_ITEMITER, itemiter_next,
          NULL)
ITER_TYPE(cm_dict_revkeyiter_type, "dict_reversekeyiterator", CM_T_DICT_REVKEYITER,
          reviter_next, reviter_repr)
