/* test_tag.c - the model format, the tagger and lemmatizer: training on a
 * tiny fixture, save and load, determinism, and refusing bad model files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/api/api.h"
#include "../src/model/treebank.h"
#include "../src/tag/tagger.h"
#include "test.h"

static void fixture(char *buf, size_t n) { snprintf(buf, n, "%s/fixtures/tiny.conllu", test_tests_dir()); }

/* Trains a tagger on the fixture into tmp/NAME; returns 0 on success. */
static int train_tiny_tagger(const char *name, char *path, size_t n) {
    char fx[512];
    fixture(fx, sizeof fx);
    snprintf(path, n, "%s/%s", test_tmp_dir(), name);
    treebank tb = {0};
    petrel_error err;
    if (treebank_load(&tb, fx, &err) != 0) {
        test_fail(__FILE__, __LINE__, "%s", err.message);
        return -1;
    }
    train_opts o = {0};
    o.epochs = 20;
    o.seed = 7;
    o.min_q = 1;
    int rc = tagger_train(&tb, NULL, &o, path, &err);
    if (rc)
        test_fail(__FILE__, __LINE__, "tagger_train: %s", err.message);
    treebank_free(&tb);
    return rc;
}

void test_tag_train_tiny(void) {
    char path[600], fx[512];
    if (train_tiny_tagger("tiny-tagger.model", path, sizeof path) != 0)
        return;
    tagger t;
    petrel_error err;
    CHECK_INT(tagger_load(&t, path, &err), 0);
    /* every training word gets its gold tags, features and lemma back */
    fixture(fx, sizeof fx);
    treebank tb = {0};
    CHECK_INT(treebank_load(&tb, fx, &err), 0);
    size_t wrong = 0, wrong_lemma = 0;
    arena *a = arena_new(0);
    for (size_t s = 0; s < tb.nsents; s++) {
        const tb_sent *st = &tb.sents[s];
        tag_token tok[64];
        tg_word ws[64];
        uint16_t cls[64];
        for (uint32_t i = 0; i < st->count; i++) {
            tok[i].norm = tb_str(&tb, tb.words[st->first + i].norm);
            tok[i].len = tb.words[st->first + i].norm_len;
        }
        tagger_predict(&t, tok, st->count, ws, cls);
        for (uint32_t i = 0; i < st->count; i++) {
            const tb_word *w = &tb.words[st->first + i];
            const tg_class *c = &t.classes[cls[i]];
            if (strcmp(t.strings + c->upos, tb_str(&tb, w->upos)) || strcmp(t.strings + c->xpos, tb_str(&tb, w->xpos)) ||
                strcmp(t.strings + c->feats, tb_str(&tb, w->feats))) {
                wrong++;
                fprintf(stderr, "  tagged %s as %s %s %s\n", tok[i].norm, t.strings + c->upos, t.strings + c->xpos,
                        t.strings + c->feats);
            }
            const char *lemma = tagger_lemma(&t, tok[i].norm, tok[i].len, cls[i], a);
            if (!lemma || strcmp(lemma, tb_str(&tb, w->lemma))) {
                wrong_lemma++;
                fprintf(stderr, "  lemma of %s: %s\n", tok[i].norm, lemma ? lemma : "(null)");
            }
        }
    }
    CHECK_INT(wrong, 0);
    CHECK_INT(wrong_lemma, 0);
    /* suffix rules reach words never seen: "bombed" -> "bomb" as a VBD */
    uint32_t vbd = UINT32_MAX;
    for (uint32_t c = 0; c < t.nclass; c++)
        if (strcmp(t.strings + t.classes[c].xpos, "VBD") == 0 && strcmp(t.strings + t.classes[c].upos, "VERB") == 0)
            vbd = c;
    CHECK(vbd != UINT32_MAX);
    if (vbd != UINT32_MAX)
        CHECK_STR(tagger_lemma(&t, "bombed", 6, vbd, a), "bomb");
    arena_free(a);
    treebank_free(&tb);
    tagger_unload(&t);
}

void test_tag_deterministic(void) {
    char a[600], b[600];
    if (train_tiny_tagger("det-a.model", a, sizeof a) || train_tiny_tagger("det-b.model", b, sizeof b))
        return;
    size_t na, nb;
    char *x = test_read_file(a, &na), *y = test_read_file(b, &nb);
    CHECK(x && y);
    if (x && y) {
        CHECK_INT(na, nb);
        CHECK(na == nb && memcmp(x, y, na) == 0);
    }
    free(x);
    free(y);
}

/* Copies the first `keep` bytes of src to dst, flipping byte `flip` when it
 * is below keep. */
static int damaged_copy(const char *src, const char *dst, size_t keep, size_t flip) {
    size_t n;
    char *s = test_read_file(src, &n);
    if (!s)
        return -1;
    if (keep > n)
        keep = n;
    if (flip < keep)
        s[flip] ^= 0x40;
    int rc = test_write_file(dst, s, keep);
    free(s);
    return rc;
}

void test_model_bad_files(void) {
    char good[600], bad[700];
    if (train_tiny_tagger("good.model", good, sizeof good) != 0)
        return;
    size_t n;
    char *bytes = test_read_file(good, &n);
    free(bytes);
    tagger t;
    petrel_error err;
    /* missing */
    snprintf(bad, sizeof bad, "%s/no-such.model", test_tmp_dir());
    CHECK_INT(tagger_load(&t, bad, &err), PETREL_ERR_MODEL);
    CHECK(strstr(err.file, "no-such.model") != NULL);
    /* truncated: in the header, then in the body */
    snprintf(bad, sizeof bad, "%s/short.model", test_tmp_dir());
    CHECK_INT(damaged_copy(good, bad, 40, (size_t)-1), 0);
    CHECK_INT(tagger_load(&t, bad, &err), PETREL_ERR_MODEL);
    CHECK(strstr(err.file, "short.model") && strstr(err.message, "truncated"));
    CHECK_INT(damaged_copy(good, bad, n / 2, (size_t)-1), 0);
    CHECK_INT(tagger_load(&t, bad, &err), PETREL_ERR_MODEL);
    CHECK(strstr(err.message, "truncated") != NULL);
    /* corrupted: one bit in the middle */
    snprintf(bad, sizeof bad, "%s/flipped.model", test_tmp_dir());
    CHECK_INT(damaged_copy(good, bad, n, n / 2), 0);
    CHECK_INT(tagger_load(&t, bad, &err), PETREL_ERR_MODEL);
    CHECK(strstr(err.message, "checksum") != NULL);
    /* foreign: a text file, and a tagger where a parser is expected */
    char fx[512];
    fixture(fx, sizeof fx);
    CHECK_INT(tagger_load(&t, fx, &err), PETREL_ERR_MODEL);
    CHECK(strstr(err.message, "magic") != NULL);
    parser p;
    CHECK_INT(parser_load(&p, good, &err), PETREL_ERR_MODEL);
    CHECK(strstr(err.message, "tagger model where a parser") != NULL);
    /* through the public API: the error names the file */
    petrel_options o = {.models_dir = test_tmp_dir()};
    petrel *h = petrel_open(&o, &err);
    CHECK(h == NULL);
    CHECK_INT(err.code, PETREL_ERR_MODEL);
    CHECK(strstr(err.file, "en-tagger.model") != NULL);
    /* and a good one loads */
    CHECK_INT(tagger_load(&t, good, &err), 0);
    tagger_unload(&t);
}
