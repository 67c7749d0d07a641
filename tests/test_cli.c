/* test_cli.c - the petrel program: usage, exit status, error lines, output
 * files that appear only when complete, and the fuzz corpus replay. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz/fuzz.h"
#include "test.h"

void test_cli_usage(void) {
    char *out = NULL, *err = NULL;
    CHECK_INT(test_run_petrel("--help", NULL, &out, &err), 0);
    CHECK(out && strstr(out, "exit status") && strstr(out, "tokenize"));
    free(out);
    free(err);
    CHECK_INT(test_run_petrel("--version", NULL, &out, &err), 0);
    CHECK(out && strncmp(out, "petrel ", 7) == 0);
    free(out);
    free(err);
    CHECK_INT(test_run_petrel("frobnicate", NULL, &out, &err), 2);
    CHECK(err && strstr(err, "unknown command"));
    free(out);
    free(err);
    CHECK_INT(test_run_petrel("tokenize --no-such-option", NULL, &out, &err), 2);
    free(out);
    free(err);
    CHECK_INT(test_run_petrel("tokenize --date tomorrow", NULL, &out, &err), 2);
    CHECK(err && strstr(err, "--date"));
    free(out);
    free(err);
    CHECK_INT(test_run_petrel("tokenize --help", NULL, &out, &err), 0);
    CHECK(out && strstr(out, "--output-format"));
    free(out);
    free(err);    CHECK_INT(test_run_petrel("dict convert --help", NULL, &out, &err), 0);
    CHECK(out && strstr(out, "petrel dict convert") && strstr(out, "never match"));
    free(out);
    free(err);
}

void test_cli_exit_status(void) {
    char *out = NULL, *err = NULL;
    /* good input from standard input */
    CHECK_INT(test_run_petrel("tokenize --format jsonl --output-format text",
                              "{\"id\": \"a\", \"text\": \"Talks began.\"}\n", &out, &err),
              0);
    CHECK_STR(out, "Talks began .\n\n");
    free(out);
    free(err);
    /* one bad line among good ones: reported with its line, rest coded, exit 1 */
    CHECK_INT(test_run_petrel("tokenize --format jsonl --output-format text",
                              "{\"id\": \"a\", \"text\": \"One.\"}\n{\"id\": \n{\"id\": \"c\", \"text\": \"Three.\"}\n",
                              &out, &err),
              1);
    CHECK_STR(out, "One .\n\nThree .\n\n");
    CHECK(err && strstr(err, "petrel: -:2: invalid JSON") != NULL);
    /* one line per problem */
    int lines = 0;
    for (const char *p = err; p && *p; p++)
        lines += *p == '\n';
    CHECK_INT(lines, 1);
    free(out);
    free(err);
    /* a file that does not exist, then a good one: both handled */
    char good[512], args[1200];
    snprintf(good, sizeof good, "%s/good.txt", test_tmp_dir());
    test_write_file(good, "Fighting resumed.", 17);
    snprintf(args, sizeof args, "tokenize --output-format text /no/such/file '%s'", good);
    CHECK_INT(test_run_petrel(args, NULL, &out, &err), 1);
    CHECK(err && strstr(err, "/no/such/file: cannot open") != NULL);
    CHECK_STR(out, "Fighting resumed .\n\n");
    free(out);
    free(err);
    /* invalid UTF-8 is a warning: the story is coded, exit 0 */
    CHECK_INT(test_run_petrel("tokenize --format text --output-format text", "Caf\xE9 closed.", &out, &err), 0);
    CHECK(err && strstr(err, "warning") && strstr(err, "0xE9"));
    CHECK_STR(out, "Caf\xEF\xBF\xBD closed .\n\n");
    free(out);
    free(err);
    /* empty input */
    CHECK_INT(test_run_petrel("tokenize", "", &out, &err), 1);
    CHECK(err && strstr(err, "empty input"));
    free(out);
    free(err);
}

void test_cli_output_file(void) {
    char path[512], partial[600], args[1200];
    snprintf(path, sizeof path, "%s/out.conllu", test_tmp_dir());
    snprintf(partial, sizeof partial, "%s.partial", path);
    snprintf(args, sizeof args, "tokenize --format jsonl -o '%s'", path);
    char *out = NULL, *err = NULL;
    CHECK_INT(test_run_petrel(args, "{\"id\": \"s1\", \"date\": \"2024-03-01\", \"text\": \"Iran's envoy left.\"}\n", &out,
                              &err),
              0);
    char *written = test_read_file(path, NULL);
    CHECK(written && strstr(written, "# newdoc id = s1\n# date = 2024-03-01\n"));
    CHECK(written && strstr(written, "1-2\tIran's\t") && strstr(written, "TokenRange=0:6"));
    struct stat st;
    CHECK(stat(partial, &st) != 0); /* no leftover */
    free(written);
    free(out);
    free(err);
    /* an output that cannot be written: exit 3, nothing left behind */
    CHECK_INT(test_run_petrel("tokenize -o /no/such/dir/out.conllu", "Text.", &out, &err), 3);
    CHECK(err && strstr(err, "cannot write"));
    free(out);
    free(err);
}

static const struct {
    const char *name;
    int (*fn)(const uint8_t *, size_t);
} targets[] = {
    {"jsonl", fuzz_jsonl},   {"text", fuzz_text},     {"petrarch", fuzz_petrarch},
    {"tabari", fuzz_tabari}, {"conllu", fuzz_conllu}, {"tokenize", fuzz_tokenize}, {"dict", fuzz_dict},
};

void test_fuzz_corpus(void) {
    int files = 0;
    for (size_t t = 0; t < sizeof targets / sizeof *targets; t++) {
        char dir[512];
        snprintf(dir, sizeof dir, "%s/fuzz/corpus/%s", test_tests_dir(), targets[t].name);
        DIR *d = opendir(dir);
        if (!d) {
            test_fail(__FILE__, __LINE__, "no corpus folder %s", dir);
            continue;
        }
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (e->d_name[0] == '.')
                continue;
            char path[1024];
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            size_t len;
            char *data = test_read_file(path, &len);
            if (!data)
                continue;
            targets[t].fn((const uint8_t *)data, len);
            free(data);
            files++;
        }
        closedir(d);
    }
    CHECK(files >= 6);
}
