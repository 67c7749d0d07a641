/* test_eval.c - accuracy floors on the shared UD test sets (skipped when
 * ../shared/data is absent). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/eval/eval.h"
#include "test.h"

static int eval_file(const char *path, eval_tok *all, eval_tok *edited) {
    petrel_reader_options o = {.format = PETREL_FORMAT_CONLLU};
    petrel_error err;
    petrel_reader *r = petrel_reader_open(path, &o, &err);
    if (!r) {
        test_fail(__FILE__, __LINE__, "%s: %s", path, err.message);
        return -1;
    }
    petrel_doc *gold = petrel_doc_new(), *sys = petrel_doc_new();
    int rc;
    while ((rc = petrel_reader_next(r, gold, &err)) != 0) {
        if (rc < 0) {
            test_fail(__FILE__, __LINE__, "%s:%ld: %s", path, err.line, err.message);
            continue;
        }
        eval_tok one = {0};
        eval_tokenize_doc(gold, sys, &one, NULL);
        char g[32];
        eval_genre(gold->genre, g, sizeof g);
        eval_tok *dst[2] = {all, NULL};
        if (edited && (!strcmp(g, "news") || !strcmp(g, "interview") || !strcmp(g, "bio") || !strcmp(g, "voyage") ||
                       !strcmp(g, "textbook")))
            dst[1] = edited;
        for (int k = 0; k < 2; k++) {
            if (!dst[k])
                continue;
            dst[k]->tokens.gold += one.tokens.gold;
            dst[k]->tokens.system += one.tokens.system;
            dst[k]->tokens.correct += one.tokens.correct;
            dst[k]->sentences.gold += one.sentences.gold;
            dst[k]->sentences.system += one.sentences.system;
            dst[k]->sentences.correct += one.sentences.correct;
        }
    }
    petrel_doc_free(gold);
    petrel_doc_free(sys);
    petrel_reader_close(r);
    return 0;
}

/* The goals of the tokenizer: token F1 >= 99.0 on EWT and GUM test,
 * sentence F1 >= 95 on GUM's edited prose. */
void test_eval_tokenize_floor(void) {
    const char *shared = test_shared_dir();
    if (!shared) {
        test_skip("../shared/data is absent");
        return;
    }
    char path[512];
    eval_tok ewt = {0}, gum = {0}, edited = {0};
    snprintf(path, sizeof path, "%s/ud/en_ewt-ud-test.conllu", shared);
    eval_file(path, &ewt, NULL);
    snprintf(path, sizeof path, "%s/ud/en_gum-ccby-ud-test.conllu", shared);
    eval_file(path, &gum, &edited);
    double f_ewt = eval_f1(&ewt.tokens), f_gum = eval_f1(&gum.tokens), s_ed = eval_f1(&edited.sentences);
    printf("     EWT test token F1 %.2f, GUM test token F1 %.2f, GUM edited sentence F1 %.2f\n", f_ewt, f_gum, s_ed);
    CHECK(f_ewt >= 99.0);
    CHECK(f_gum >= 99.0);
    CHECK(s_ed >= 95.0);
}
