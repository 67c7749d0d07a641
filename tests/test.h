/*
 * test.h - the small test harness of petrel's test runner.
 *
 * A test is a function; it passes when none of its checks failed.  CHECK
 * records a failure with its file and line and goes on (it never returns
 * early, so one run shows every broken assertion).  A test that needs
 * something absent (../shared/data) calls test_skip with a one-line reason.
 */
#ifndef PETREL_TEST_H
#define PETREL_TEST_H

#include <stddef.h>

#include "petrel.h"

/* Records the outcome of one check. */
void test_check(int ok, const char *file, int line, const char *expr);
/* Records a failure with a formatted explanation. */
void test_fail(const char *file, int line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* Marks the running test as skipped. */
void test_skip(const char *reason);

#define CHECK(expr) test_check((expr) ? 1 : 0, __FILE__, __LINE__, #expr)
#define CHECK_STR(a, b) test_check_str((a), (b), __FILE__, __LINE__)
#define CHECK_INT(a, b) test_check_int((long long)(a), (long long)(b), __FILE__, __LINE__, #a)
void test_check_str(const char *got, const char *want, const char *file, int line);
void test_check_int(long long got, long long want, const char *file, int line, const char *expr);

/* Paths given to the runner. */
const char *test_petrel_path(void); /* the petrel program */
const char *test_shared_dir(void);  /* ../shared/data, or NULL when absent */
const char *test_tests_dir(void);   /* the tests/ folder */
const char *test_tmp_dir(void);     /* a scratch folder for this run */

/* Reads a whole file (NUL-terminated, malloc'd); NULL when unreadable. */
char *test_read_file(const char *path, size_t *len);
/* Writes a file; returns 0 on success. */
int test_write_file(const char *path, const char *data, size_t len);

/* Runs the petrel program with args (a shell-quoted string), feeding it
 * stdin_text when not NULL; captures standard output and error (malloc'd)
 * and returns the exit status (-1 when it could not run). */
int test_run_petrel(const char *args, const char *stdin_text, char **out, char **err);

/* Declarations of every test. */
#include "tests.h"

#endif
