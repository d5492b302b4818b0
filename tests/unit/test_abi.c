/*
** test_abi.c — the dart_monty ABI (abi/dart_monty.c, compiled in here so it
** runs under the sanitizers of `make test`), driven through the call
** sequences dart_monty_core makes (docs/dart_monty_abi.md §6-§8).
*/
#include "../../abi/dart_monty.c"

#include <stdio.h>

static int passed, failed;

#define CHECK(cond, ...)                                   \
  do {                                                     \
    if (cond) {                                            \
      passed++;                                            \
    } else {                                               \
      failed++;                                            \
      printf("FAIL %s:%d: ", __FILE__, __LINE__);          \
      printf(__VA_ARGS__);                                 \
      printf("\n");                                        \
    }                                                      \
  } while (0)

/* Compares a returned string with the expected text and frees it. */
static void expect_str(int line, char *got, const char *want) {
  bool ok = got && want ? !strcmp(got, want) : got == NULL && want == NULL;
  if (ok) {
    passed++;
  } else {
    failed++;
    printf("FAIL line %d: got [%s], want [%s]\n", line, got ? got : "(null)",
           want ? want : "(null)");
  }
  monty_string_free(got);
}
#define EXPECT(got, want) expect_str(__LINE__, got, want)

/* got contains want (and frees got). */
static void expect_has(int line, char *got, const char *want) {
  if (got && strstr(got, want)) {
    passed++;
  } else {
    failed++;
    printf("FAIL line %d: [%s] lacks [%s]\n", line, got ? got : "(null)",
           want);
  }
  monty_string_free(got);
}
#define HAS(got, want) expect_has(__LINE__, got, want)

/* Runs code with monty_run; returns the result JSON (caller frees). */
static char *run(const char *code, MontyResultTag want_tag, char **err) {
  char *e = NULL;
  MontyHandle *h = monty_create(code, NULL, NULL, &e);
  if (!h) {
    printf("FAIL create [%s]: %s\n", code, e ? e : "?");
    failed++;
    monty_string_free(e);
    return NULL;
  }
  char *json = NULL, *msg = NULL;
  MontyResultTag t = monty_run(h, &json, &msg);
  CHECK(t == want_tag, "run tag %d for [%s] (%s)", t, code, msg ? msg : "");
  monty_free(h);
  if (err) *err = msg;
  else monty_string_free(msg);
  return json;
}

/* The "value" part of a success result: the text after {"value": up to
   ,"usage" (our encoder writes value first). */
static char *value_of(char *json) {
  if (!json) return NULL;
  const char *p = strstr(json, "{\"value\":");
  const char *q = strstr(json, ",\"usage\":");
  char *r = p && q ? dup_n(p + 9, (size_t)(q - p - 9)) : NULL;
  monty_string_free(json);
  return r;
}

static void test_null_args(void) {
  char *e = NULL;
  CHECK(monty_create(NULL, NULL, NULL, &e) == NULL, "create NULL");
  EXPECT(e, "code is NULL");
  e = NULL;
  CHECK(monty_create("1\xff", NULL, NULL, &e) == NULL, "create bad utf8");
  EXPECT(e, "code is not valid UTF-8");
  e = NULL;
  CHECK(monty_create("1", "a\xc0\x80", NULL, &e) == NULL, "ext_fns utf8");
  EXPECT(e, "ext_fns is not valid UTF-8");
  e = NULL;
  CHECK(monty_resume(NULL, NULL, &e) == MONTY_PROGRESS_ERROR, "resume");
  EXPECT(e, "value_json is NULL");
  e = NULL;
  monty_resume(NULL, "1", &e);
  EXPECT(e, "handle is NULL");
  e = NULL;
  monty_resume_with_exception(NULL, NULL, NULL, &e);
  EXPECT(e, "exc_type is NULL");
  e = NULL;
  monty_resume_with_exception(NULL, "X", NULL, &e);
  EXPECT(e, "error_message is NULL");
  e = NULL;
  monty_resume_not_found(NULL, NULL, &e);
  EXPECT(e, "fn_name is NULL");
  e = NULL;
  monty_resume_futures(NULL, "{}", NULL, &e);
  EXPECT(e, "errors_json is NULL");
  e = NULL;
  char *json = (char *)1;
  CHECK(monty_run(NULL, &json, &e) == MONTY_RESULT_ERROR, "run NULL");
  EXPECT(e, "handle is NULL");
  e = NULL;
  monty_start(NULL, &e);
  EXPECT(e, "handle is NULL");
  e = NULL;
  monty_resume_name_lookup_undefined(NULL, &e);
  EXPECT(e, "handle is NULL");
  /* accessors on NULL */
  EXPECT(monty_pending_fn_name(NULL), NULL);
  CHECK(monty_pending_call_id(NULL) == UINT32_MAX, "call id");
  CHECK(monty_pending_method_call(NULL) == -1, "method call");
  CHECK(monty_complete_is_error(NULL) == -1, "is_error");
  EXPECT(monty_complete_result_json(NULL), NULL);
  CHECK(monty_os_call_id(NULL) == UINT32_MAX, "os id");
  monty_free(NULL);
  monty_set_memory_limit(NULL, 1);
  monty_set_time_limit_ms(NULL, 1);
  monty_set_stack_limit(NULL, 1);
  monty_string_free(NULL);
  monty_bytes_free(NULL, 3);
  /* double free is harmless */
  MontyHandle *h = monty_create("1", NULL, NULL, NULL);
  CHECK(h != NULL, "create");
  monty_free(h);
  monty_free(h);
}

static void test_run(void) {
  char *err = NULL;
  char *json = run("2 + 2", MONTY_RESULT_OK, &err);
  HAS(dup_s(json), "\"value\":4");
  HAS(dup_s(json), "\"usage\":{\"memory_bytes_used\":");
  CHECK(json && !strstr(json, "print_output") && !strstr(json, "error"),
        "no print/error keys: %s", json ? json : "");
  monty_string_free(json);
  EXPECT(err, NULL);

  json = run("1/0", MONTY_RESULT_ERROR, &err);
  EXPECT(err, "ZeroDivisionError: division by zero");
  HAS(dup_s(json), "\"value\":null");
  HAS(dup_s(json), "\"message\":\"division by zero\"");
  HAS(dup_s(json), "\"exc_type\":\"ZeroDivisionError\"");
  HAS(dup_s(json), "\"filename\":\"<input>\",\"line_number\":1,"
                   "\"column_number\":1,\"source_code\":\"1/0\"");
  HAS(json, "\"traceback\":[{\"filename\":\"<input>\",\"start_line\":1,"
            "\"start_column\":1,\"end_line\":1,\"end_column\":4,"
            "\"preview_line\":\"1/0\"}]");

  /* multi-frame traceback, custom script name, print output kept */
  char *e = NULL;
  MontyHandle *h = monty_create(
      "print('oops')\ndef inner():\n    return 1 / 0\ndef outer():\n"
      "    return inner()\nouter()\n",
      NULL, "main.py", &e);
  CHECK(h != NULL, "create");
  char *msg = NULL;
  json = NULL;
  CHECK(monty_run(h, &json, &msg) == MONTY_RESULT_ERROR, "tb run");
  EXPECT(msg, "ZeroDivisionError: division by zero");
  HAS(dup_s(json), "\"print_output\":\"oops\\n\"");
  HAS(dup_s(json), "\"frame_name\":\"outer\"");
  HAS(dup_s(json), "\"frame_name\":\"inner\",\"preview_line\":\"    return 1 / 0\"}]");
  HAS(dup_s(json), "\"filename\":\"main.py\",\"line_number\":3,\"column_number\":12");
  HAS(json, "{\"filename\":\"main.py\",\"start_line\":6,\"start_column\":1,"
            "\"end_line\":6,\"end_column\":8,\"preview_line\":\"outer()\"}");
  CHECK(monty_complete_is_error(h) == 1, "is_error");
  HAS(monty_complete_result_json(h), "ZeroDivisionError");
  /* one-shot */
  msg = NULL;
  json = (char *)1;
  CHECK(monty_run(h, &json, &msg) == MONTY_RESULT_ERROR, "run twice");
  CHECK(json == NULL, "misuse result_json NULL");
  EXPECT(msg, "handle not in Ready state");
  msg = NULL;
  monty_start(h, &msg);
  EXPECT(msg, "handle not in Ready state");
  monty_free(h);

  /* syntax error at create: Rust's exc.summary(), "SyntaxError: msg"
     without CPython's " (file, line N)" */
  e = NULL;
  CHECK(monty_create("x = (", NULL, NULL, &e) == NULL, "syntax");
  EXPECT(e, "SyntaxError: '(' was never closed");
  e = NULL;
  CHECK(monty_create("x = 1\nbreak\n", NULL, "s.py", &e) == NULL, "syntax 2");
  EXPECT(e, "SyntaxError: 'break' outside loop");

  /* message-less exception */
  json = run("raise ValueError", MONTY_RESULT_ERROR, &err);
  EXPECT(err, "ValueError");
  HAS(json, "\"message\":\"\",\"exc_type\":\"ValueError\"");
}

static void test_values(void) {
  EXPECT(value_of(run("[1.0, 1, -0.0, 1e20, 1.5e-7, float('nan'), "
                      "float('inf'), -float('inf')]",
                      MONTY_RESULT_OK, NULL)),
         "[1.0,1,-0.0,1e+20,1.5e-07,\"NaN\",\"Infinity\",\"-Infinity\"]");
  EXPECT(value_of(run("[2**70, -2**63, 2**63, 9223372036854775807]",
                      MONTY_RESULT_OK, NULL)),
         "[\"1180591620717411303424\",-9223372036854775808,"
         "\"9223372036854775808\",9223372036854775807]");
  EXPECT(value_of(run("((1, 'a'), {1: 'a'}, {'a': 1, 2: 3}, {}, {'k': [None, "
                      "True, False]})",
                      MONTY_RESULT_OK, NULL)),
         "{\"__type\":\"tuple\",\"value\":[{\"__type\":\"tuple\",\"value\":"
         "[1,\"a\"]},[[1,\"a\"]],[[\"a\",1],[2,3]],{},{\"k\":[null,true,"
         "false]}]}");
  EXPECT(value_of(run("[{5}, frozenset(), b'Hi', ..., 'q\"\\\\\\n\\x01é']",
                      MONTY_RESULT_OK, NULL)),
         "[{\"__type\":\"set\",\"value\":[5]},{\"__type\":\"frozenset\","
         "\"value\":[]},{\"__type\":\"bytes\",\"value\":[72,105]},\"...\","
         "\"q\\\"\\\\\\n\\u0001é\"]");
  EXPECT(value_of(run("a = [1]\na.append(a)\nd = {}\nd['d'] = d\n[a, d]",
                      MONTY_RESULT_OK, NULL)),
         "[[1,\"[...]\"],{\"d\":\"{...}\"}]");
  EXPECT(value_of(run("def f(): pass\n[f, int, ValueError('bad'), "
                      "KeyError()]",
                      MONTY_RESULT_OK, NULL)),
         "[\"<function f>\",\"<class 'int'>\",\"ValueError: bad\","
         "\"KeyError\"]");
  EXPECT(value_of(run("'\\ud800x'", MONTY_RESULT_OK, NULL)),
         "\"\\ud800x\"");
  /* too deep to encode: an error result, not a crash */
  char *err = NULL;
  char *json = run("a = []\nfor _ in range(1000):\n    a = [a]\na",
                   MONTY_RESULT_ERROR, &err);
  HAS(err, "RecursionError");
  monty_string_free(json);
}

/* start → PENDING; checks the accessors; returns the handle. */
static MontyHandle *start(const char *code, const char *ext,
                          MontyProgressTag want) {
  char *e = NULL;
  MontyHandle *h = monty_create(code, ext, NULL, &e);
  if (!h) {
    printf("FAIL create: %s\n", e ? e : "?");
    failed++;
    monty_string_free(e);
    return NULL;
  }
  MontyProgressTag t = monty_start(h, &e);
  CHECK(t == want, "start tag %d want %d (%s)", t, want, e ? e : "");
  monty_string_free(e);
  return h;
}

static void test_start_resume(void) {
  MontyHandle *h = start("result = ext_fn(42)\nresult + 1", "ext_fn",
                         MONTY_PROGRESS_PENDING);
  if (!h) return;
  EXPECT(monty_pending_fn_name(h), "ext_fn");
  EXPECT(monty_pending_fn_args_json(h), "[42]");
  EXPECT(monty_pending_fn_kwargs_json(h), "{}");
  CHECK(monty_pending_call_id(h) == 0, "id 0");
  CHECK(monty_pending_method_call(h) == 0, "method 0");
  EXPECT(monty_complete_result_json(h), NULL);
  EXPECT(monty_os_call_fn_name(h), NULL);
  char *e = (char *)1;
  /* bad JSON and wrong-kind resumes leave the state alone */
  CHECK(monty_resume(h, "{bad", &e) == MONTY_PROGRESS_ERROR, "bad json");
  CHECK(e && !strncmp(e, "invalid JSON: ", 14), "prefix %s", e ? e : "");
  monty_string_free(e);
  e = NULL;
  monty_resume_name_lookup_undefined(h, &e);
  EXPECT(e, "handle not in NameLookup state");
  e = NULL;
  monty_resume_futures(h, "{}", "{}", &e);
  EXPECT(e, "handle not in Futures state");
  e = NULL;
  monty_resume_futures(h, "{\"x\":1}", "{}", &e);
  EXPECT(e, "invalid call_id: x");
  e = NULL;
  monty_resume_futures(h, "[", "{}", &e);
  CHECK(e && !strncmp(e, "invalid results JSON: ", 22), "%s", e ? e : "");
  monty_string_free(e);
  EXPECT(monty_pending_fn_name(h), "ext_fn");
  e = (char *)1;
  CHECK(monty_resume(h, "100", &e) == MONTY_PROGRESS_COMPLETE, "complete");
  CHECK(e == NULL, "out_error NULL on success");
  if (e != (char *)1) monty_string_free(e);
  HAS(monty_complete_result_json(h), "\"value\":101");
  CHECK(monty_complete_is_error(h) == 0, "not error");
  e = NULL;
  monty_resume(h, "1", &e);
  EXPECT(e, "handle not in Paused or OsCall state");
  monty_free(h);

  /* kwargs, increasing ids, several call sites */
  h = start("a = f(1, 'x', k=[1.5], j=None)\nb = f()\n[a, b]", "f, g",
            MONTY_PROGRESS_PENDING);
  if (!h) return;
  EXPECT(monty_pending_fn_args_json(h), "[1,\"x\"]");
  EXPECT(monty_pending_fn_kwargs_json(h), "{\"k\":[1.5],\"j\":null}");
  uint32_t id0 = monty_pending_call_id(h);
  CHECK(monty_resume(h, "{\"__type\":\"tuple\",\"value\":[1,2]}", NULL) ==
            MONTY_PROGRESS_PENDING,
        "second call");
  CHECK(monty_pending_call_id(h) > id0, "ids increase");
  CHECK(monty_resume(h, "[{\"__type\":\"bytes\",\"value\":[65]},"
                        "{\"__type\":\"set\",\"value\":[1]},1e2,"
                        "{\"a\":{\"__type\":\"other\"}}, \"NaN\"]",
                     NULL) == MONTY_PROGRESS_COMPLETE,
        "complete 2");
  HAS(monty_complete_result_json(h),
      "{\"value\":[{\"__type\":\"tuple\",\"value\":[1,2]},[{\"__type\":"
      "\"bytes\",\"value\":[65]},{\"__type\":\"set\",\"value\":[1]},100.0,"
      "{\"a\":{\"__type\":\"other\"}},\"NaN\"]]");
  monty_free(h);

  /* errors raised at the call site */
  h = start("try:\n    f()\nexcept RuntimeError as e:\n    r = str(e)\nr",
            "f", MONTY_PROGRESS_PENDING);
  CHECK(monty_resume_with_error(h, "boom", NULL) == MONTY_PROGRESS_COMPLETE,
        "with_error");
  HAS(monty_complete_result_json(h), "\"value\":\"boom\"");
  monty_free(h);
  h = start("try:\n    f()\nexcept OSError as e:\n    r = type(e).__name__ "
            "+ str(e)\nr",
            "f", MONTY_PROGRESS_PENDING);
  CHECK(monty_resume_with_exception(h, "FileNotFoundError", "gone", NULL) ==
            MONTY_PROGRESS_COMPLETE,
        "with_exception");
  HAS(monty_complete_result_json(h), "\"value\":\"FileNotFoundErrorgone\"");
  monty_free(h);
  h = start("f()", "f", MONTY_PROGRESS_PENDING);
  char *err = NULL;
  CHECK(monty_resume_with_exception(h, "NoSuchError", "m", &err) ==
            MONTY_PROGRESS_ERROR,
        "unknown type");
  EXPECT(err, "RuntimeError: m");
  CHECK(monty_complete_is_error(h) == 1, "error complete");
  monty_free(h);
  h = start("f()", "f", MONTY_PROGRESS_PENDING);
  err = NULL;
  monty_resume_not_found(h, "f", &err);
  EXPECT(err, "NameError: name 'f' is not defined");
  monty_free(h);

  /* print across pauses */
  h = start("print('before')\nf()\nprint('after')", "f",
            MONTY_PROGRESS_PENDING);
  monty_resume(h, "null", NULL);
  HAS(monty_complete_result_json(h), "\"print_output\":\"before\\nafter\\n\"");
  monty_free(h);

  /* a paused handle can be freed; as_future is not supported yet */
  h = start("f()", "f", MONTY_PROGRESS_PENDING);
  err = NULL;
  CHECK(monty_resume_as_future(h, &err) == MONTY_PROGRESS_ERROR, "future");
  HAS(err, "not supported yet");
  EXPECT(monty_pending_fn_name(h), "f");
  monty_free(h);
}

static void test_name_lookup(void) {
  MontyHandle *h = start("x + 1", NULL, MONTY_PROGRESS_NAME_LOOKUP);
  if (!h) return;
  EXPECT(monty_name_lookup_name(h), "x");
  char *e = NULL;
  monty_resume(h, "1", &e);
  EXPECT(e, "handle not in Paused or OsCall state");
  CHECK(monty_resume_name_lookup_value(h, "41", NULL) ==
            MONTY_PROGRESS_COMPLETE,
        "lookup value");
  HAS(monty_complete_result_json(h), "\"value\":42");
  monty_free(h);
  h = start("try:\n    y\nexcept NameError as e:\n    r = str(e)\nr", NULL,
            MONTY_PROGRESS_NAME_LOOKUP);
  CHECK(monty_resume_name_lookup_undefined(h, NULL) ==
            MONTY_PROGRESS_COMPLETE,
        "undefined");
  HAS(monty_complete_result_json(h), "name 'y' is not defined");
  monty_free(h);
}

static void test_limits(void) {
  MontyHandle *h = monty_create("def f(n):\n    return f(n + 1)\nf(0)", NULL,
                                NULL, NULL);
  monty_set_stack_limit(h, 50);
  char *json = NULL, *err = NULL;
  CHECK(monty_run(h, &json, &err) == MONTY_RESULT_ERROR, "recursion");
  HAS(err, "RecursionError");
  HAS(json, "\"exc_type\":\"RecursionError\"");
  monty_free(h);
  h = monty_create("while True:\n    pass", NULL, NULL, NULL);
  monty_set_memory_limit(h, 268435456);
  monty_set_time_limit_ms(h, 50);
  monty_set_stack_limit(h, 1000);
  err = json = NULL;
  CHECK(monty_run(h, &json, &err) == MONTY_RESULT_ERROR, "timeout");
  HAS(err, "TimeoutError");
  monty_string_free(json);
  monty_free(h);
  h = monty_create("x = []\nwhile True:\n    x.append('abc' * 1000)", NULL,
                   NULL, NULL);
  monty_set_memory_limit(h, 8 << 20);
  err = json = NULL;
  CHECK(monty_run(h, &json, &err) == MONTY_RESULT_ERROR, "memory");
  HAS(err, "MemoryError");
  HAS(json, "\"exc_type\":\"MemoryError\"");
  monty_free(h);
}

static void test_malformed_json(void) {
  static const char *bad[] = {
      "", " ", "[1,", "[1,]", "{\"a\"}", "{\"a\":1,}", "01", "1 2", "-",
      "1.", "1e", "+1", "\"\\x\"", "\"\\u12\"", "\"a", "nul", "[", "{",
      "tru", "\"\x01\"", "1e400", "{1:2}", "NaN", "Infinity",
      "{\"__type\":\"set\",\"value\":[[1]]}"};
  MontyHandle *h = start("f()", "f", MONTY_PROGRESS_PENDING);
  if (!h) return;
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    char *e = NULL;
    CHECK(monty_resume(h, bad[i], &e) == MONTY_PROGRESS_ERROR, "bad %zu", i);
    CHECK(e && !strncmp(e, "invalid JSON: ", 14), "bad %zu: %s", i,
          e ? e : "(null)");
    monty_string_free(e);
  }
  /* deep nesting is bounded */
  char deep[4001];
  memset(deep, '[', 2000);
  memset(deep + 2000, ']', 2000);
  deep[4000] = '\0';
  char *e = NULL;
  CHECK(monty_resume(h, deep, &e) == MONTY_PROGRESS_ERROR, "deep");
  HAS(e, "invalid JSON: ");
  e = NULL;
  monty_resume(h, "\"\xff\"", &e);
  EXPECT(e, "value_json is not valid UTF-8");
  /* escapes decode */
  CHECK(monty_resume(h, " \"\\u00e9\\ud83d\\ude00\\n\\/\" ", NULL) ==
            MONTY_PROGRESS_COMPLETE,
        "escapes");
  HAS(monty_complete_result_json(h), "\"value\":\"é😀\\n/\"");
  monty_free(h);
}

static void test_not_supported(void) {
  char *e = NULL;
  CHECK(monty_repl_create(NULL, &e) == NULL, "repl");
  HAS(e, "not supported yet");
  e = NULL;
  monty_repl_feed_start(NULL, "1", &e);
  EXPECT(e, "handle is NULL");
  monty_repl_free(NULL);
  e = NULL;
  char *diag = (char *)1;
  CHECK(monty_type_check("x = 1", NULL, "main.py", &diag, &e) ==
            MONTY_RESULT_ERROR,
        "type check");
  CHECK(diag == NULL, "diag NULL");
  HAS(e, "not supported yet");
  e = NULL;
  monty_type_check(NULL, NULL, NULL, NULL, &e);
  EXPECT(e, "code is NULL");
  e = NULL;
  CHECK(monty_restore(NULL, 0, &e) == NULL, "restore");
  EXPECT(e, "data is NULL");
  e = NULL;
  const uint8_t junk[4] = {0, 1, 2, 3};
  monty_restore(junk, 4, &e);
  CHECK(e && !strncmp(e, "restore failed: ", 16), "restore msg");
  monty_string_free(e);
  MontyHandle *h = monty_create("1", NULL, NULL, NULL);
  size_t len = 7;
  CHECK(monty_snapshot(h, &len) == NULL && len == 7, "snapshot");
  EXPECT(monty_pending_future_call_ids(h), NULL);
  monty_free(h);
}

/* ---- json.c through the internal API (no host engine needed) ---------- */

static char *enc_expr(cm_vm *vm, const char *expr) {
  cm_value code = cm_compile(vm, expr, strlen(expr), "<t>", CM_COMPILE_EVAL);
  cm_value v = cm_is_error(code) ? CM_ERROR
                                 : cm_run_code(vm, code, vm->main_globals);
  if (cm_is_error(v)) {
    vm->exc = CM_NULL;
    return dup_s("<error>");
  }
  cm_buf b = {0};
  if (cm_json_encode(vm, &b, v) < 0) {
    cm_buf_free(vm, &b);
    vm->exc = CM_NULL;
    return dup_s("<encode error>");
  }
  return buf_take(vm, &b);
}

static char *dec_enc(cm_vm *vm, const char *json) {
  cm_value v = cm_json_decode(vm, json, strlen(json));
  if (cm_is_error(v)) return exc_text(vm, "error: ");
  cm_buf b = {0};
  if (cm_json_encode(vm, &b, v) < 0) {
    cm_buf_free(vm, &b);
    return exc_text(vm, "encode error: ");
  }
  return buf_take(vm, &b);
}

static void test_json(void) {
  cm_vm *vm = cm_vm_new(NULL, NULL);
  if (!vm) {
    failed++;
    return;
  }
  EXPECT(enc_expr(vm, "[1.0, 1, -0.0, 1e20, 1.5e-7, float('nan'), "
                      "float('inf'), -float('inf')]"),
         "[1.0,1,-0.0,1e+20,1.5e-07,\"NaN\",\"Infinity\",\"-Infinity\"]");
  EXPECT(enc_expr(vm, "[2**70, -2**63, 2**63, 9223372036854775807]"),
         "[\"1180591620717411303424\",-9223372036854775808,"
         "\"9223372036854775808\",9223372036854775807]");
  EXPECT(enc_expr(vm, "((1, 'a'), {1: 'a'}, {'a': 1, 2: 3}, {}, "
                      "{'k': [None, True, False]})"),
         "{\"__type\":\"tuple\",\"value\":[{\"__type\":\"tuple\",\"value\":"
         "[1,\"a\"]},[[1,\"a\"]],[[\"a\",1],[2,3]],{},{\"k\":[null,true,"
         "false]}]}");
  EXPECT(enc_expr(vm, "[{5}, frozenset(), b'Hi', ..., 'q\"\\\\\\n\\x01\xc3\xa9']"),
         "[{\"__type\":\"set\",\"value\":[5]},{\"__type\":\"frozenset\","
         "\"value\":[]},{\"__type\":\"bytes\",\"value\":[72,105]},\"...\","
         "\"q\\\"\\\\\\n\\u0001\xc3\xa9\"]");
  EXPECT(enc_expr(vm, "(lambda a, d: (a.append(a), d.update(d=d), [a, d])[2])"
                      "([1], {})"),
         "[[1,\"[...]\"],{\"d\":\"{...}\"}]");
  EXPECT(enc_expr(vm, "[int, ValueError('bad'), KeyError(), range(3)]"),
         "[\"<class 'int'>\",\"ValueError: bad\",\"KeyError\",\"range(0, 3)\"]");
  EXPECT(enc_expr(vm, "'\\ud800x'"), "\"\\ud800x\"");
  /* decode then encode */
  EXPECT(dec_enc(vm, " [1, -0, 1.5, 1e2, 12345678901234567890, \"NaN\", "
                     "{\"__type\":\"tuple\",\"value\":[1,[2]]}, "
                     "{\"__type\":\"frozenset\",\"value\":[1]}, "
                     "{\"__type\":\"bytes\",\"value\":[65, 300, \"x\"]}, "
                     "{\"__type\":\"namedtuple\",\"values\":[1]}, "
                     "{\"__type\":\"other\",\"year\":1}, {\"a\":1,\"a\":2}] "),
         "[1,0,1.5,100.0,1.2345678901234567e+19,\"NaN\",{\"__type\":\"tuple\","
         "\"value\":[1,[2]]},{\"__type\":\"frozenset\",\"value\":[1]},"
         "{\"__type\":\"bytes\",\"value\":[65,0,0]},{\"__type\":\"tuple\","
         "\"value\":[1]},{\"__type\":\"other\",\"year\":1},{\"a\":2}]");
  EXPECT(dec_enc(vm, "\"\\u00e9\\ud83d\\ude00\\n\\/\\ud800\""),
         "\"\xc3\xa9\xf0\x9f\x98\x80\\n/\\ud800\"");
  static const char *bad[] = {
      "", " ", "[1,", "[1,]", "{\"a\"}", "{\"a\":1,}", "01", "1 2", "-",
      "1.", "1e", "+1", "\"\\x\"", "\"\\u12\"", "\"a", "nul", "[", "{",
      "tru", "\"\x01\"", "1e400", "{1:2}", "NaN", "Infinity", "\"\xff\"",
      "\"\xed\xa0\x80\"", "{\"__type\":\"set\",\"value\":[[1]]}"};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    char *r = dec_enc(vm, bad[i]);
    CHECK(r && !strncmp(r, "error: ", 7), "bad %zu: %s", i, r ? r : "");
    monty_string_free(r);
  }
  char deep[4001];
  memset(deep, '[', 2000);
  memset(deep + 2000, ']', 2000);
  deep[4000] = '\0';
  HAS(dec_enc(vm, deep), "error: recursion limit exceeded");
  memset(deep, '[', 150);
  memset(deep + 150, ']', 150);
  deep[300] = '\0';
  HAS(dec_enc(vm, deep), "[[[[");
  /* too deep to encode: RecursionError, not a crash */
  HAS(enc_expr(vm, "(lambda f: f(f, 1000))(lambda f, n: [f(f, n - 1)] if n "
                   "else [])"),
      "error");
  cm_vm_free(vm);
}


/* OS calls through start/resume: answered with a value, a typed exception
   (caught as OSError), not_found and with_error (§4.5). */
static void test_os_call_sequences(void) {
  const char *src =
      "from pathlib import Path\n"
      "out = [Path('/m/a.txt').read_text()]\n"
      "try:\n    Path('/m/b.txt').read_text()\n"
      "except OSError as e:\n    out.append(type(e).__name__ + ': ' + str(e))\n"
      "try:\n    Path('/m/c.txt').exists()\n"
      "except NameError as e:\n    out.append(str(e))\n"
      "try:\n    Path('/m/d.txt').unlink()\n"
      "except RuntimeError as e:\n    out.append('RE ' + str(e))\n"
      "out";
  MontyHandle *h = start(src, NULL, MONTY_PROGRESS_OS_CALL);
  if (!h) return;
  EXPECT(monty_os_call_fn_name(h), "Path.read_text");
  EXPECT(monty_os_call_args_json(h), "[{\"__type\":\"path\",\"value\":\"/m/a.txt\"}]");
  EXPECT(monty_os_call_kwargs_json(h), "{}");
  CHECK(monty_os_call_id(h) == 0, "os call id 0");
  EXPECT(monty_pending_fn_name(h), NULL); /* not a PENDING */
  char *e = NULL;
  CHECK(monty_resume_as_future(h, &e) == MONTY_PROGRESS_ERROR, "no futures for OS calls");
  EXPECT(e, "handle not in Paused state");
  CHECK(monty_resume(h, "\"hello\"", NULL) == MONTY_PROGRESS_OS_CALL, "second os call");
  EXPECT(monty_os_call_args_json(h), "[{\"__type\":\"path\",\"value\":\"/m/b.txt\"}]");
  CHECK(monty_os_call_id(h) == 1, "os call id 1");
  CHECK(monty_resume_with_exception(h, "FileNotFoundError", "no such file", NULL) ==
            MONTY_PROGRESS_OS_CALL,
        "third os call");
  EXPECT(monty_os_call_fn_name(h), "Path.exists");
  CHECK(monty_resume_not_found(h, "Path.exists", NULL) == MONTY_PROGRESS_OS_CALL,
        "fourth os call");
  EXPECT(monty_os_call_fn_name(h), "Path.unlink");
  CHECK(monty_resume_with_error(h, "PermissionError: denied", NULL) ==
            MONTY_PROGRESS_COMPLETE,
        "complete");
  EXPECT(value_of(monty_complete_result_json(h)),
         "[\"hello\",\"FileNotFoundError: no such file\","
         "\"name 'Path.exists' is not defined\",\"RE PermissionError: denied\"]");
  monty_free(h);
  /* an uncaught typed exception ends the run with that error */
  h = start("from pathlib import Path\nPath('/x').read_text()", NULL, MONTY_PROGRESS_OS_CALL);
  if (!h) return;
  e = NULL;
  CHECK(monty_resume_with_exception(h, "FileNotFoundError", "gone", &e) == MONTY_PROGRESS_ERROR,
        "uncaught");
  EXPECT(e, "FileNotFoundError: gone");
  HAS(monty_complete_result_json(h), "\"exc_type\":\"FileNotFoundError\"");
  monty_free(h);
}

/* A dataclass sent by the host, then a method call on it (§3.2, §4.4). */
static void test_method_call(void) {
  const char *dc = "{\"__type\":\"dataclass\",\"name\":\"Point\",\"type_id\":42,"
                   "\"field_names\":[\"x\",\"y\"],\"attrs\":{\"x\":1,\"y\":2},\"frozen\":false}";
  MontyHandle *h = start("p = get_point()\nr = p.scale(3, k=True)\n"
                         "try:\n    p.nope()\nexcept AttributeError as e:\n    m = str(e)\n"
                         "p.x = 7\n[repr(p), r, m, p, type(p).__name__]",
                         "get_point", MONTY_PROGRESS_PENDING);
  if (!h) return;
  CHECK(monty_pending_method_call(h) == 0, "plain call");
  CHECK(monty_resume(h, dc, NULL) == MONTY_PROGRESS_PENDING, "method call pauses");
  EXPECT(monty_pending_fn_name(h), "scale");
  CHECK(monty_pending_method_call(h) == 1, "method_call 1");
  CHECK(monty_pending_call_id(h) == 1, "call id 1");
  char *args = monty_pending_fn_args_json(h);
  size_t dl = strlen(dc);
  CHECK(args && !strncmp(args, "[", 1) && !strncmp(args + 1, dc, dl) && !strcmp(args + 1 + dl, ",3]"),
        "args[0] is the dataclass: %s", args ? args : "(null)");
  monty_string_free(args);
  EXPECT(monty_pending_fn_kwargs_json(h), "{\"k\":true}");
  CHECK(monty_resume(h, "{\"__type\":\"tuple\",\"value\":[3,6]}", NULL) == MONTY_PROGRESS_PENDING,
        "unknown method pauses too");
  EXPECT(monty_pending_fn_name(h), "nope");
  CHECK(monty_pending_method_call(h) == 1, "method_call 1 again");
  /* what the dart fixture runner answers for an unknown method */
  CHECK(monty_resume_with_exception(h, "AttributeError",
                                    "'Point' object has no attribute 'nope'",
                                    NULL) == MONTY_PROGRESS_COMPLETE,
        "complete");
  char *res = monty_complete_result_json(h);
  HAS(res ? value_of(res) : NULL,
      "[\"Point(x=7, y=2)\",{\"__type\":\"tuple\",\"value\":[3,6]},"
      "\"'Point' object has no attribute 'nope'\",{\"__type\":\"dataclass\",\"name\":"
      "\"Point\",\"type_id\":42,\"field_names\":[\"x\",\"y\"],\"attrs\":{\"x\":7,\"y\":2},"
      "\"frozen\":false},\"Point\"]");
  monty_free(h);
  /* wrong state: -1 */
  CHECK(monty_pending_method_call(NULL) == -1, "NULL handle");
}

/* Frozen dataclasses raise FrozenInstanceError (reported bare, as Monty
   does); named tuples decode to objects with field access and encode
   back to the same JSON. */
static void test_frozen_and_namedtuple(void) {
  const char *dc = "{\"__type\":\"dataclass\",\"name\":\"Point\",\"type_id\":1,"
                   "\"field_names\":[\"x\"],\"attrs\":{\"x\":1},\"frozen\":true}";
  MontyHandle *h = start("p = get()\np.x += 1", "get", MONTY_PROGRESS_PENDING);
  if (!h) return;
  char *e = NULL;
  CHECK(monty_resume(h, dc, &e) == MONTY_PROGRESS_ERROR, "frozen error");
  EXPECT(e, "FrozenInstanceError: cannot assign to field 'x'");
  HAS(monty_complete_result_json(h),
      "\"message\":\"cannot assign to field 'x'\",\"exc_type\":\"FrozenInstanceError\"");
  monty_free(h);

  const char *nt = "{\"__type\":\"namedtuple\",\"type_name\":\"os.stat_result\","
                   "\"field_names\":[\"st_mode\",\"st_size\"],\"values\":[33188,12]}";
  h = start("from pathlib import Path\nst = Path('/a').stat()\n"
            "[st.st_size, st[0] & 0o777, len(st), type(st).__name__, st == (33188, 12), st]",
            NULL, MONTY_PROGRESS_OS_CALL);
  if (!h) return;
  EXPECT(monty_os_call_fn_name(h), "Path.stat");
  CHECK(monty_resume(h, nt, NULL) == MONTY_PROGRESS_COMPLETE, "stat complete");
  char *res = monty_complete_result_json(h);
  char want[512];
  snprintf(want, sizeof want, "[12,420,2,\"stat_result\",true,%s]", nt);
  HAS(res ? value_of(res) : NULL, want);
  monty_free(h);
}

/* A name-lookup value is bound: read again (also in a function) without
   another NAME_LOOKUP (§4.3). */
static void test_name_lookup_binding(void) {
  MontyHandle *h = start("def f():\n    return k * 10\n[k, k + 1, f()]", NULL,
                         MONTY_PROGRESS_NAME_LOOKUP);
  if (!h) return;
  EXPECT(monty_name_lookup_name(h), "k");
  CHECK(monty_resume_name_lookup_value(h, "4", NULL) == MONTY_PROGRESS_COMPLETE,
        "one lookup only");
  char *res = monty_complete_result_json(h);
  HAS(res ? value_of(res) : NULL, "[4,5,40]");
  monty_free(h);
  /* undefined binds nothing: the next read asks again */
  h = start("out = []\nfor i in range(2):\n    try:\n        out.append(z)\n"
            "    except NameError as e:\n        out.append(str(e))\nout",
            NULL, MONTY_PROGRESS_NAME_LOOKUP);
  if (!h) return;
  CHECK(monty_resume_name_lookup_undefined(h, NULL) == MONTY_PROGRESS_NAME_LOOKUP,
        "asked again");
  EXPECT(monty_name_lookup_name(h), "z");
  CHECK(monty_resume_name_lookup_value(h, "\"Z\"", NULL) == MONTY_PROGRESS_COMPLETE, "done");
  res = monty_complete_result_json(h);
  HAS(res ? value_of(res) : NULL, "[\"name 'z' is not defined\",\"Z\"]");
  monty_free(h);
}

/* The datetime shapes of the wire format have no Python type yet: a clear
   error, the call still pending (never a dict in their place). */
static void test_datetime_unsupported(void) {
  static const char *vals[] = {
      "{\"__type\":\"date\",\"year\":2026,\"month\":4,\"day\":9}",
      "{\"__type\":\"datetime\",\"year\":2026,\"month\":4,\"day\":9,"
      "\"hour\":1,\"minute\":2,\"second\":3,\"microsecond\":0,"
      "\"offset_seconds\":null,\"timezone_name\":null}",
      "{\"__type\":\"timedelta\",\"days\":1,\"seconds\":0,\"microseconds\":0}",
      "{\"__type\":\"timezone\",\"offset_seconds\":0,\"name\":null}"};
  MontyHandle *h = start("f()", "f", MONTY_PROGRESS_PENDING);
  if (!h) return;
  for (size_t i = 0; i < sizeof vals / sizeof *vals; i++) {
    char *e = NULL;
    CHECK(monty_resume(h, vals[i], &e) == MONTY_PROGRESS_ERROR, "dt %zu", i);
    HAS(e, "unsupported value: ");
    e = NULL;
    monty_resume(h, vals[i], &e);
    HAS(e, "values are not supported yet (no datetime module)");
  }
  /* an unknown tag stays a dict, "__type" included */
  CHECK(monty_resume(h, "[{\"__type\":\"zzz\",\"a\":1}]", NULL) ==
            MONTY_PROGRESS_COMPLETE,
        "still pending after the errors");
  char *res = monty_complete_result_json(h);
  HAS(res ? value_of(res) : NULL, "[{\"__type\":\"zzz\",\"a\":1}]");
  monty_free(h);
}

int main(void) {
  test_json();
  test_datetime_unsupported();
  test_null_args();
  test_not_supported();
  test_run();
  test_values();
  test_limits();
  test_start_resume();
  test_name_lookup();
  test_os_call_sequences();
  test_method_call();
  test_frozen_and_namedtuple();
  test_name_lookup_binding();
  test_malformed_json();
  printf("%d passed, %d failed\n", passed, failed);
  return failed != 0;
}
