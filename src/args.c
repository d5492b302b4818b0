/*
** args.c — argument checking and binding for native functions, with the
** messages CPython's builtins give.
*/
#include <string.h>

#include "runtime.h"

static int nkw(cm_value kwnames) {
  return cm_is_null(kwnames) ? 0 : (int)CM_AS(cm_tuple, kwnames)->n;
}

/* max < 0: no upper bound. */
int cm_check_nargs(cm_vm *vm, const char *fname, int nargs, cm_value kwnames,
                   int min, int max) {
  if (nkw(kwnames)) {
    cm_raise(vm, &cm_exc_TypeError, "%s() takes no keyword arguments", fname);
    return -1;
  }
  if (nargs >= min && (max < 0 || nargs <= max)) return 0;
  if (min == 0 && max == 0)
    cm_raise(vm, &cm_exc_TypeError, "%s() takes no arguments (%d given)",
             fname, nargs);
  else if (min == 1 && max == 1)
    cm_raise(vm, &cm_exc_TypeError,
             "%s() takes exactly one argument (%d given)", fname, nargs);
  else if (min == max)
    cm_raise(vm, &cm_exc_TypeError, "%s expected %d argument%s, got %d",
             fname, min, cm_plural(min), nargs);
  else if (nargs < min)
    cm_raise(vm, &cm_exc_TypeError, "%s expected at least %d argument%s, got %d",
             fname, min, cm_plural(min), nargs);
  else
    cm_raise(vm, &cm_exc_TypeError, "%s expected at most %d argument%s, got %d",
             fname, max, cm_plural(max), nargs);
  return -1;
}

static int too_many(cm_vm *vm, const char *fname, int nargs, int n,
                    int required, int maxpos) {
  if (maxpos == 0)
    cm_raise(vm, &cm_exc_TypeError, "%s() takes no positional arguments",
             fname);
  else if (maxpos == n)
    cm_raise(vm, &cm_exc_TypeError, "%s() takes %s %d argument%s (%d given)",
             fname, required == n ? "exactly" : "at most", maxpos,
             cm_plural(maxpos), nargs);
  else
    cm_raise(vm, &cm_exc_TypeError,
             "%s() takes at most %d positional argument%s (%d given)", fname,
             maxpos, cm_plural(maxpos), nargs);
  return -1;
}

static int find_name(const char *const *names, int n, cm_value key) {
  const char *k = cm_str_cstr(key);
  for (int i = 0; i < n; i++)
    if (!strcmp(names[i], k)) return i;
  return -1;
}

int cm_bind_args(cm_vm *vm, const char *fname, const cm_value *args,
                 int nargs, cm_value kwnames, const char *const *names,
                 int n, int required, int maxpos, cm_value *out) {
  int k = nkw(kwnames);
  /* With keywords, CPython counts all the arguments first:
     'ab'.expandtabs(4, tabsize=8) -> "takes at most 1 argument (2 given)". */
  if (k && nargs + k > n) {
    cm_raise(vm, &cm_exc_TypeError, "%s() takes at most %d %sargument%s (%d given)",
             fname, n, nargs ? "" : "keyword ", cm_plural(n), nargs + k);
    return -1;
  }
  if (nargs > maxpos) return too_many(vm, fname, nargs, n, required, maxpos);
  for (int i = 0; i < n; i++) out[i] = i < nargs ? args[i] : CM_NULL;
  for (int j = 0; j < k; j++) {
    cm_value key = CM_AS(cm_tuple, kwnames)->items[j];
    int i = find_name(names, n, key);
    if (i < 0) {
      int s = cm_suggest(cm_str_cstr(key), names, (size_t)n);
      if (s >= 0)
        cm_raise(vm, &cm_exc_TypeError,
                 "%s() got an unexpected keyword argument '%U'. Did you mean "
                 "'%s'?", fname, key, names[s]);
      else
        cm_raise(vm, &cm_exc_TypeError,
                 "%s() got an unexpected keyword argument '%U'", fname, key);
      return -1;
    }
    if (i < nargs) {
      cm_raise(vm, &cm_exc_TypeError,
               "argument for %s() given by name ('%s') and position (%d)",
               fname, names[i], i + 1);
      return -1;
    }
    out[i] = args[nargs + j];
  }
  for (int i = 0; i < required; i++) {
    if (!cm_is_null(out[i])) continue;
    if (i < maxpos)
      cm_raise(vm, &cm_exc_TypeError,
               "%s() missing required argument '%s' (pos %d)", fname,
               names[i], i + 1);
    else
      cm_raise(vm, &cm_exc_TypeError,
               "%s() missing required keyword-only argument '%s'", fname,
               names[i]);
    return -1;
  }
  return 0;
}

/* ---- "Did you mean" suggestions (CPython's Levenshtein variant) ------ */

#define MOVE_COST 2
#define CASE_COST 1
#define MAX_NAME 40

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static int subst_cost(char a, char b) {
  if (a == b) return 0;
  return lower((unsigned char)a) == lower((unsigned char)b) ? CASE_COST
                                                            : MOVE_COST;
}

/* Edit distance with CPython's costs, or max_cost + 1 if above it. */
static int levenshtein(const char *a, size_t an, const char *b, size_t bn,
                       int max_cost) {
  while (an && bn && *a == *b) a++, b++, an--, bn--;
  while (an && bn && a[an - 1] == b[bn - 1]) an--, bn--;
  if (!an || !bn) return MOVE_COST * (int)(an + bn);
  if (an > MAX_NAME || bn > MAX_NAME) return max_cost + 1;
  if (bn < an) {
    const char *t = a; a = b; b = t;
    size_t tn = an; an = bn; bn = tn;
  }
  if ((int)(bn - an) * MOVE_COST > max_cost) return max_cost + 1;
  int row[MAX_NAME];
  for (size_t i = 0; i < an; i++) row[i] = (int)(i + 1) * MOVE_COST;
  int result = 0;
  for (size_t bi = 0; bi < bn; bi++) {
    int distance = result = (int)bi * MOVE_COST, minimum = 1 << 30;
    for (size_t i = 0; i < an; i++) {
      int substitute = distance + subst_cost(b[bi], a[i]);
      distance = row[i];
      int insdel = (result < distance ? result : distance) + MOVE_COST;
      result = insdel < substitute ? insdel : substitute;
      row[i] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > max_cost) return max_cost + 1;
  }
  return result;
}

int cm_suggest(const char *wrong, const char *const *cands, size_t n) {
  size_t wn = strlen(wrong);
  if (wn > MAX_NAME || n > 750) return -1;
  int best = -1, best_dist = (int)wn;
  for (size_t i = 0; i < n; i++) {
    size_t cn = strlen(cands[i]);
    if (cn == wn && !memcmp(cands[i], wrong, wn)) continue;
    int maxd = (int)(cn + wn + 3) * MOVE_COST / 6;
    if (maxd > best_dist - 1) maxd = best_dist - 1;
    int d = levenshtein(wrong, wn, cands[i], cn, maxd);
    if (d > maxd) continue;
    if (best < 0 || d < best_dist) {
      best = (int)i;
      best_dist = d;
    }
  }
  return best;
}
