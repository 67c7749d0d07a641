/*
 * runner.c - runs every test of petrel and ends with "N passed, N failed"
 * (and ", N skipped" when any were).
 *
 *   petrel-test [--petrel PATH] [--shared DIR] [--tests DIR] [NAME-PREFIX...]
 */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../src/base/file.h"
#include "test.h"

static const struct {
    const char *name;
    void (*fn)(void);
} tests[] = {
#define TEST(name) {#name, name},
#include "tests.h"
#undef TEST
};

static int failed_checks;
static int skipped;
static char skip_reason[256];
static const char *petrel_path = "build/petrel";
static const char *shared_dir = "../shared/data";
static const char *tests_dir = "tests";
static char tmp_dir[256];

void test_check(int ok, const char *file, int line, const char *expr) {
    if (!ok) {
        failed_checks++;
        fprintf(stderr, "  %s:%d: check failed: %s\n", file, line, expr);
    }
}

void test_fail(const char *file, int line, const char *fmt, ...) {
    failed_checks++;
    fprintf(stderr, "  %s:%d: ", file, line);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

void test_check_str(const char *got, const char *want, const char *file, int line) {
    if ((got == NULL) != (want == NULL) || (got && strcmp(got, want) != 0))
        test_fail(file, line, "got \"%s\", want \"%s\"", got ? got : "(null)", want ? want : "(null)");
}

void test_check_int(long long got, long long want, const char *file, int line, const char *expr) {
    if (got != want)
        test_fail(file, line, "%s is %lld, want %lld", expr, got, want);
}

void test_skip(const char *reason) {
    skipped = 1;
    snprintf(skip_reason, sizeof skip_reason, "%s", reason);
}

const char *test_petrel_path(void) { return petrel_path; }
const char *test_tests_dir(void) { return tests_dir; }
const char *test_tmp_dir(void) { return tmp_dir; }

const char *test_shared_dir(void) {
    struct stat st;
    char probe[512];
    snprintf(probe, sizeof probe, "%s/ud", shared_dir);
    return stat(probe, &st) == 0 ? shared_dir : NULL;
}

char *test_read_file(const char *path, size_t *len) { return file_read_all(path, "file", len, NULL); }

int test_write_file(const char *path, const char *data, size_t len) {
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    size_t w = fwrite(data, 1, len, f);
    return (fclose(f) == 0 && w == len) ? 0 : -1;
}

int test_run_petrel(const char *args, const char *stdin_text, char **out, char **err) {
    char in_path[512], out_path[512], err_path[512], cmd[4096];
    snprintf(in_path, sizeof in_path, "%s/stdin.txt", tmp_dir);
    snprintf(out_path, sizeof out_path, "%s/stdout.txt", tmp_dir);
    snprintf(err_path, sizeof err_path, "%s/stderr.txt", tmp_dir);
    if (test_write_file(in_path, stdin_text ? stdin_text : "", stdin_text ? strlen(stdin_text) : 0) != 0)
        return -1;
    snprintf(cmd, sizeof cmd, "'%s' %s < '%s' > '%s' 2> '%s'", petrel_path, args, in_path, out_path, err_path);
    int status = system(cmd);
    if (out)
        *out = test_read_file(out_path, NULL);
    if (err)
        *err = test_read_file(err_path, NULL);
    if (status == -1 || !WIFEXITED(status))
        return -1;
    return WEXITSTATUS(status);
}

static int selected(const char *name, int argc, char **argv, int first) {
    if (first >= argc)
        return 1;
    for (int i = first; i < argc; i++)
        if (strncmp(name, argv[i], strlen(argv[i])) == 0)
            return 1;
    return 0;
}

int main(int argc, char **argv) {
    int first = 1;
    while (first + 1 < argc && argv[first][0] == '-') {
        if (strcmp(argv[first], "--petrel") == 0)
            petrel_path = argv[first + 1];
        else if (strcmp(argv[first], "--shared") == 0)
            shared_dir = argv[first + 1];
        else if (strcmp(argv[first], "--tests") == 0)
            tests_dir = argv[first + 1];
        else
            break;
        first += 2;
    }
    snprintf(tmp_dir, sizeof tmp_dir, "%s/petrel-test-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(tmp_dir)) {
        perror("mkdtemp");
        return 2;
    }
    int passed = 0, failed = 0, skips = 0;
    for (size_t i = 0; i < sizeof tests / sizeof *tests; i++) {
        if (!selected(tests[i].name, argc, argv, first))
            continue;
        failed_checks = 0;
        skipped = 0;
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        tests[i].fn();
        clock_gettime(CLOCK_MONOTONIC, &t1);
        double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
        if (failed_checks) {
            failed++;
            fprintf(stderr, "FAIL %s (%d checks)\n", tests[i].name, failed_checks);
        } else if (skipped) {
            skips++;
            printf("skip %s: %s\n", tests[i].name, skip_reason);
        } else {
            passed++;
            printf("ok   %s (%.0f ms)\n", tests[i].name, ms);
        }
        fflush(stdout);
    }
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp_dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", tmp_dir);
    if (skips)
        printf("%d passed, %d failed, %d skipped\n", passed, failed, skips);
    else
        printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
