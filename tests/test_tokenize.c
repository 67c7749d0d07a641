/* test_tokenize.c - golden tokenizer cases through the library and the
 * program, offsets, and pathological input. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/doc/doc.h"
#include "../src/sink/conllu_out.h"
#include "test.h"

typedef struct golden_case {
    char name[128];
    char *input;
    char *expected;
    int line;
} golden_case;

/* Parses tests/golden/tokenize.txt into cases (see the file's header). */
static int load_golden(golden_case **out) {
    char path[512];
    snprintf(path, sizeof path, "%s/golden/tokenize.txt", test_tests_dir());
    char *text = test_read_file(path, NULL);
    if (!text) {
        test_fail(__FILE__, __LINE__, "cannot read %s", path);
        return 0;
    }
    golden_case *cases = NULL;
    int n = 0, lineno = 0;
    char *p = text;
    golden_case *cur = NULL;
    int in_expected = 0;
    size_t in_len = 0, ex_len = 0;
    while (*p) {
        char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        lineno++;
        if (len >= 4 && strncmp(p, "=== ", 4) == 0) {
            cases = realloc(cases, sizeof *cases * (size_t)(n + 1));
            cur = &cases[n++];
            memset(cur, 0, sizeof *cur);
            snprintf(cur->name, sizeof cur->name, "%.*s", (int)(len - 4), p + 4);
            cur->input = calloc(1, 1);
            cur->expected = calloc(1, 1);
            cur->line = lineno;
            in_expected = 0;
            in_len = ex_len = 0;
        } else if (cur && !in_expected && len == 3 && strncmp(p, "---", 3) == 0) {
            in_expected = 1;
        } else if (cur) {
            char **dst = in_expected ? &cur->expected : &cur->input;
            size_t *dl = in_expected ? &ex_len : &in_len;
            if (!(in_expected && len == 0)) {
                *dst = realloc(*dst, *dl + len + 2);
                memcpy(*dst + *dl, p, len);
                (*dst)[*dl + len] = '\n';
                *dl += len + 1;
                (*dst)[*dl] = '\0';
            } else if (!in_expected) {
                *dst = realloc(*dst, *dl + 2);
                (*dst)[(*dl)++] = '\n';
                (*dst)[*dl] = '\0';
            }
        }
        p = nl ? nl + 1 : p + len;
    }
    /* inputs lose the newline before "---" (and the blank line before the
     * next case from the expected part) */
    for (int i = 0; i < n; i++) {
        size_t l = strlen(cases[i].input);
        while (l > 0 && cases[i].input[l - 1] == '\n')
            cases[i].input[--l] = '\0';
    }
    free(text);
    *out = cases;
    return n;
}

static void free_golden(golden_case *c, int n) {
    for (int i = 0; i < n; i++) {
        free(c[i].input);
        free(c[i].expected);
    }
    free(c);
}

/* The text rendering of a document, as the program's --output-format text
 * writes it, without the blank line closing the story. */
static char *render(petrel_doc *doc) {
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    tokens_text_write_doc(f, doc);
    fclose(f);
    if (len > 0 && buf[len - 1] == '\n')
        buf[--len] = '\0';
    return buf;
}

void test_tokenize_golden_library(void) {
    golden_case *cases;
    int n = load_golden(&cases);
    CHECK(n >= 20);
    petrel_doc *doc = petrel_doc_new();
    for (int i = 0; i < n; i++) {
        petrel_error err;
        if (petrel_doc_load_text(doc, cases[i].name, cases[i].input, strlen(cases[i].input), NULL, &err) != 0 ||
            petrel_tokenize(doc, &err) != 0) {
            test_fail(__FILE__, __LINE__, "case \"%s\": %s", cases[i].name, err.message);
            continue;
        }
        char *got = render(doc);
        if (strcmp(got, cases[i].expected) != 0)
            test_fail("tests/golden/tokenize.txt", cases[i].line, "case \"%s\"\n--- want\n%s--- got\n%s\n",
                      cases[i].name, cases[i].expected, got);
        free(got);
    }
    petrel_doc_free(doc);
    free_golden(cases, n);
}

void test_tokenize_golden_cli(void) {
    golden_case *cases;
    int n = load_golden(&cases);
    for (int i = 0; i < n; i++) {
        char path[512], args[700];
        snprintf(path, sizeof path, "%s/case%d.txt", test_tmp_dir(), i);
        test_write_file(path, cases[i].input, strlen(cases[i].input));
        snprintf(args, sizeof args, "tokenize --format text --output-format text '%s'", path);
        char *out = NULL, *err = NULL;
        int rc = test_run_petrel(args, NULL, &out, &err);
        if (rc != 0)
            test_fail(__FILE__, __LINE__, "case \"%s\": exit %d: %s", cases[i].name, rc, err ? err : "");
        /* the program ends the story with an empty line; compare without
         * the trailing line breaks of either */
        size_t l = out ? strlen(out) : 0;
        while (l > 0 && out[l - 1] == '\n')
            out[--l] = '\0';
        size_t el = strlen(cases[i].expected);
        if (!out || l != el - (el > 0 && cases[i].expected[el - 1] == '\n') || strncmp(out, cases[i].expected, l) != 0)
            test_fail("tests/golden/tokenize.txt", cases[i].line, "case \"%s\" (program)\n--- want\n%s--- got\n%s\n",
                      cases[i].name, cases[i].expected, out);
        free(out);
        free(err);
    }
    free_golden(cases, n);
}

void test_tokenize_offsets(void) {
    /* every word is a slice of the text, and the normalized form folds
     * typography */
    const char *in = "\xE2\x80\x9CWe\xE2\x80\x99re here,\xE2\x80\x9D  Guterres\xC2\xA0said \xE2\x80\x94 again.";
    petrel_doc *doc = petrel_doc_new();
    petrel_error err;
    CHECK(petrel_doc_load_text(doc, "o", in, strlen(in), NULL, &err) == 0);
    CHECK(petrel_tokenize(doc, &err) == 0);
    size_t n = petrel_doc_word_count(doc);
    CHECK_INT(n, 11); /* “ We ’re here , ” Guterres said — again . */
    for (size_t i = 0; i < n; i++) {
        petrel_word w;
        petrel_doc_word(doc, i, &w);
        CHECK(w.end > w.start && w.end <= strlen(in));
        CHECK(w.form_len == w.end - w.start && memcmp(w.form, in + w.start, w.form_len) == 0);
    }
    petrel_word w;
    petrel_doc_word(doc, 0, &w);
    CHECK(w.norm_len == 1 && w.norm[0] == '"');
    petrel_doc_word(doc, 2, &w);
    CHECK(w.norm_len == 3 && memcmp(w.norm, "'re", 3) == 0);
    CHECK(w.token_words == 0);
    petrel_doc_word(doc, 1, &w);
    CHECK_INT(w.token_words, 2);
    CHECK_INT(w.token_end - w.token_start, 7); /* We’re */
    CHECK(!w.space_after);
    petrel_doc_word(doc, 8, &w);
    CHECK(w.norm_len == 1 && w.norm[0] == '-');
    CHECK(w.form_len == 3); /* the em dash as written */
    petrel_doc_free(doc);
}

void test_tokenize_pathological(void) {
    petrel_doc *doc = petrel_doc_new();
    petrel_error err;
    /* a 100,000-token sentence */
    size_t n = 100000;
    char *big = malloc(n * 2 + 1);
    for (size_t i = 0; i < n; i++) {
        big[2 * i] = 'a';
        big[2 * i + 1] = ' ';
    }
    big[2 * n] = '\0';
    CHECK(petrel_doc_load_text(doc, "big", big, 2 * n, NULL, &err) == 0);
    CHECK(petrel_tokenize(doc, &err) == 0);
    CHECK_INT(petrel_doc_word_count(doc), n);
    CHECK_INT(petrel_doc_sentence_count(doc), 1);
    /* 10,000 nested quotes and brackets */
    for (size_t i = 0; i < 20000; i++)
        big[i] = (i % 2) ? '(' : '"';
    CHECK(petrel_doc_load_text(doc, "quotes", big, 20000, NULL, &err) == 0);
    CHECK(petrel_tokenize(doc, &err) == 0);
    CHECK(petrel_doc_word_count(doc) >= 1);
    /* one 100,000-byte token, and a chunk of punctuation */
    memset(big, 'x', 100000);
    CHECK(petrel_doc_load_text(doc, "long", big, 100000, NULL, &err) == 0);
    CHECK(petrel_tokenize(doc, &err) == 0);
    CHECK_INT(petrel_doc_word_count(doc), 1);
    for (size_t i = 0; i < 100000; i++)
        big[i] = ",.;:!?'\"()-"[i % 11];
    CHECK(petrel_doc_load_text(doc, "punct", big, 100000, NULL, &err) == 0);
    CHECK(petrel_tokenize(doc, &err) == 0);
    size_t total = 0;
    for (size_t i = 0; i < petrel_doc_word_count(doc); i++) {
        petrel_word w;
        petrel_doc_word(doc, i, &w);
        total += w.end - w.start;
    }
    CHECK_INT(total, 100000); /* no byte lost or counted twice */
    /* the memory limit turns into a clean error */
    petrel_doc_set_memory_limit(doc, 64 * 1024);
    for (size_t i = 0; i < n; i++)
        big[2 * i] = 'a', big[2 * i + 1] = ' ';
    int rc = petrel_doc_load_text(doc, "limited", big, 2 * n, NULL, &err);
    if (rc == 0)
        rc = petrel_tokenize(doc, &err);
    CHECK_INT(rc, PETREL_ERR_NOMEM);
    free(big);
    petrel_doc_free(doc);
}
