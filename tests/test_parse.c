/* test_parse.c - the parser: training on a tiny fixture, projectivization,
 * golden structural parses of news sentences, robustness (well-formed trees
 * on odd input, linear time), the command line, and the accuracy floor on
 * the shared UD test sets. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "../src/api/api.h"
#include "../src/eval/eval_parse.h"
#include "../src/model/treebank.h"
#include "test.h"

static double seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The committed models, or NULL (the test is then skipped). */
static petrel *real_models(void) {
    char dir[600];
    snprintf(dir, sizeof dir, "%s/../models", test_tests_dir());
    petrel_options o = {.models_dir = dir};
    petrel_error err;
    petrel *p = petrel_open(&o, &err);
    if (!p)
        test_skip("models/ holds no usable trained models (run make models)");
    return p;
}

/* Checks that every sentence of doc is one well-formed tree: heads in
 * range, exactly one root labelled "root", no cycle, every word labelled. */
static int well_formed(const petrel_doc *doc) {
    int ok = 1;
    for (uint32_t s = 0; s < doc->nsents; s++) {
        const doc_sentence *st = &doc->sents[s];
        const doc_word *w = &doc->words[st->first];
        uint32_t roots = 0;
        for (uint32_t i = 0; i < st->count; i++) {
            if (w[i].head < 0 || (uint32_t)w[i].head > st->count || !w[i].deprel || !w[i].upos || !w[i].lemma) {
                ok = 0;
                continue;
            }
            if (w[i].head == 0) {
                roots++;
                if (strcmp(w[i].deprel, "root") != 0)
                    ok = 0;
            } else if (strcmp(w[i].deprel, "root") == 0) {
                ok = 0;
            }
            /* walk up: must reach the root within count steps */
            int32_t h = w[i].head;
            uint32_t steps = 0;
            while (h > 0 && steps <= st->count && h <= (int32_t)st->count) {
                h = w[h - 1].head;
                steps++;
            }
            if (h != 0)
                ok = 0;
        }
        if (st->count && roots != 1)
            ok = 0;
    }
    return ok;
}

void test_parse_projectivize(void) {
    /* the arc 2 -> 5 passes over the root 4: lifted to 4 -> 5 */
    int32_t h[] = {-1, 2, 4, 4, 0, 2, 7, 5, 4};
    parser_projectivize(h, 8);
    for (uint32_t d = 1; d <= 8; d++) {
        int32_t hd = h[d];
        uint32_t lo = hd > 0 && (uint32_t)hd < d ? (uint32_t)hd : d, hi = hd > 0 && (uint32_t)hd > d ? (uint32_t)hd : d;
        for (uint32_t k = lo + 1; hd > 0 && k < hi; k++) {
            int32_t x = (int32_t)k;
            while (x > 0 && x != hd)
                x = h[x];
            CHECK(x == hd);
        }
    }
    CHECK_INT(h[4], 0);
    CHECK_INT(h[5], 4); /* lifted from 2 to 2's head */
    CHECK_INT(h[7], 5);
}

void test_parse_train_tiny(void) {
    char fx[512], dir[600], path[700];
    snprintf(fx, sizeof fx, "%s/fixtures/tiny.conllu", test_tests_dir());
    snprintf(dir, sizeof dir, "%s/tiny-models", test_tmp_dir());
    mkdir(dir, 0755);
    treebank tb = {0};
    petrel_error err;
    if (treebank_load(&tb, fx, &err) != 0) {
        test_fail(__FILE__, __LINE__, "%s", err.message);
        return;
    }
    train_opts o = {0};
    o.epochs = 20;
    o.seed = 3;
    o.min_q = 1;
    snprintf(path, sizeof path, "%s/en-tagger.model", dir);
    CHECK_INT(tagger_train(&tb, NULL, &o, path, &err), 0);
    parser_train_opts po = {o, 0, NULL, -1, 1};
    po.base.epochs = 30;
    snprintf(path, sizeof path, "%s/en-parser.model", dir);
    CHECK_INT(parser_train(&tb, &tb, &po, path, &err), 0);
    treebank_free(&tb);
    /* load both through the public API and parse the training sentences */
    petrel_options opt = {.models_dir = dir};
    petrel *p = petrel_open(&opt, &err);
    CHECK(p != NULL);
    if (!p) {
        fprintf(stderr, "  %s\n", err.message);
        return;
    }
    petrel_reader_options ro = {.format = PETREL_FORMAT_CONLLU};
    petrel_reader *r = petrel_reader_open(fx, &ro, &err);
    petrel_doc *gold = petrel_doc_new(), *sys = petrel_doc_new();
    eval_parse acc;
    memset(&acc, 0, sizeof acc);
    while (r && petrel_reader_next(r, gold, &err) > 0) {
        CHECK_INT(eval_parse_doc(p, gold, sys, 0, &acc, &err), 0);
        CHECK(well_formed(sys));
    }
    for (int m = 0; m < EP_WORDS; m++)
        if (acc.m[m].correct != acc.m[m].gold)
            test_fail(__FILE__, __LINE__, "%s on the training fixture: %lu of %lu", eval_parse_names[m],
                      acc.m[m].correct, acc.m[m].gold);
    CHECK(acc.m[EP_UPOS].gold > 40);
    petrel_reader_close(r);
    petrel_doc_free(gold);
    petrel_doc_free(sys);
    petrel_close(p);
}

/* Word of the sentence whose form is `form` (first match), or -1. */
static long find_word(const petrel_doc *doc, const doc_sentence *st, const char *form) {
    for (uint32_t i = 0; i < st->count; i++) {
        const doc_word *w = &doc->words[st->first + i];
        if (w->form_len == strlen(form) && memcmp(w->form, form, w->form_len) == 0)
            return (long)i;
    }
    return -1;
}

/* tests/golden/parse.txt: blocks of a sentence line then "REL HEAD DEP"
 * lines: the word DEP is attached to the word HEAD ("ROOT" for the root)
 * with relation REL. */
void test_parse_golden(void) {
    petrel *p = real_models();
    if (!p)
        return;
    char path[600];
    snprintf(path, sizeof path, "%s/golden/parse.txt", test_tests_dir());
    char *text = test_read_file(path, NULL);
    CHECK(text != NULL);
    petrel_doc *doc = petrel_doc_new();
    petrel_error err;
    int cases = 0;
    char *save = NULL;
    int have_sentence = 0;
    for (char *line = text ? strtok_r(text, "\n", &save) : NULL; line; line = strtok_r(NULL, "\n", &save)) {
        if (line[0] == '#' || line[0] == '\0')
            continue;
        char rel[64], head[128], dep[128];
        if (have_sentence && sscanf(line, "%63s %127s %127s", rel, head, dep) == 3 && line[0] >= 'a' &&
            line[0] <= 'z' && strchr(line, ' ') && !strchr(line, '.')) {
            const doc_sentence *st = &doc->sents[0];
            long d = find_word(doc, st, dep), h = strcmp(head, "ROOT") == 0 ? -1 : find_word(doc, st, head);
            const doc_word *w = d >= 0 ? &doc->words[st->first + (uint32_t)d] : NULL;
            int ok = w && w->head == h + 1 && w->deprel && strcmp(w->deprel, rel) == 0;
            if (!ok)
                test_fail(__FILE__, __LINE__, "\"%s\": want %s(%s, %s), got %s attached to %d as %s", doc->text, rel,
                          head, dep, dep, w ? w->head : -2, w && w->deprel ? w->deprel : "?");
            continue;
        }
        /* a sentence */
        CHECK_INT(petrel_doc_load_text(doc, "golden", line, strlen(line), NULL, &err), 0);
        CHECK_INT(petrel_parse(p, doc, &err), 0);
        CHECK(well_formed(doc));
        CHECK_INT(doc->nsents, 1);
        have_sentence = doc->nsents >= 1;
        cases++;
    }
    CHECK(cases >= 6);
    free(text);
    petrel_doc_free(doc);
    petrel_close(p);
}

/* Parses text; checks the trees and returns the seconds it took. */
static double parse_text(petrel *p, petrel_doc *doc, const char *text) {
    petrel_error err;
    double t0 = seconds();
    CHECK_INT(petrel_doc_load_text(doc, "robust", text, strlen(text), NULL, &err), 0);
    CHECK_INT(petrel_parse(p, doc, &err), 0);
    double el = seconds() - t0;
    CHECK(doc->nwords > 0);
    if (!well_formed(doc))
        test_fail(__FILE__, __LINE__, "not a well-formed tree for \"%.60s\"", text);
    return el;
}

static char *repeat_words(size_t n) {
    static const char *const words[] = {"the", "army", "said", "rebels", "attacked", "a", "convoy", "near", "town",
                                        "and", "police"};
    char *s = malloc(n * 10 + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += (size_t)sprintf(s + k, "%s ", words[i % 11]);
    s[k] = '\0';
    return s;
}

void test_parse_robust(void) {
    petrel *p = real_models();
    if (!p)
        return;
    petrel_doc *doc = petrel_doc_new();
    parse_text(p, doc, "Hello");
    CHECK_INT(doc->nwords, 1);
    parse_text(p, doc, "REBELS SEIZE CAPITAL AS GOVERNMENT FLEES\n\nThe rebels said so.");
    parse_text(p, doc, "Путин встретился с Эрдоганом в Сочи. 习近平会见了普京。 قال الرئيس إن المحادثات ستستمر.");
    parse_text(p, doc, "Protesters \xF0\x9F\x98\xA1\xF0\x9F\x94\xA5 marched \xF0\x9F\x9A\xA9 today \xF0\x9F\x91\x8D !!");
    char *big = malloc(10000 + 64);
    strcpy(big, "They wrote ");
    memset(big + 11, 'a', 10000);
    strcpy(big + 10011, " yesterday.");
    parse_text(p, doc, big);
    free(big);
    /* 5,000 words in one sentence, and linear time: 20,000 words take not
     * much more than 4 times as long */
    char *s5 = repeat_words(5000), *s20 = repeat_words(20000);
    double t5 = parse_text(p, doc, s5);
    CHECK(doc->nsents == 1 && doc->nwords == 5000);
    double t20 = parse_text(p, doc, s20);
    if (t20 > 8 * t5 + 0.05)
        test_fail(__FILE__, __LINE__, "not linear: 5,000 words %.3f s, 20,000 words %.3f s", t5, t20);
    free(s5);
    free(s20);
    petrel_doc_free(doc);
    petrel_close(p);
}

void test_parse_cli(void) {
    petrel *p = real_models();
    if (!p)
        return;
    petrel_close(p);
    char args[800], *out1 = NULL, *out2 = NULL, *err = NULL;
    const char *stories = "{\"id\": \"a\", \"text\": \"Rebels attacked the town. Police fled.\"}\n"
                          "{\"id\": \"b\", \"text\": \"The minister met his counterpart.\"}\n"
                          "{\"id\": \"c\", \"text\": \"Talks ended without an agreement.\"}\n";
    snprintf(args, sizeof args, "parse -q --format jsonl --models '%s/../models' -j 1", test_tests_dir());
    CHECK_INT(test_run_petrel(args, stories, &out1, &err), 0);
    free(err);
    snprintf(args, sizeof args, "parse -q --format jsonl --models '%s/../models' -j 3", test_tests_dir());
    CHECK_INT(test_run_petrel(args, stories, &out2, &err), 0);
    CHECK(out1 && out2 && strcmp(out1, out2) == 0); /* same output, input order */
    CHECK(out1 && strstr(out1, "\tattack\tVERB\tVBD\t") != NULL);
    CHECK(out1 && strstr(out1, "\troot\t") != NULL);
    CHECK(out1 && strstr(out1, "# newdoc id = a") < strstr(out1, "# newdoc id = c"));
    free(out1);
    free(out2);
    free(err);
    /* a missing model folder is a clear one-line failure, exit 3 */
    CHECK_INT(test_run_petrel("parse --models /nonexistent/models", "x", NULL, &err), 3);
    CHECK(err && strstr(err, "/nonexistent/models/en-tagger.model") != NULL);
    free(err);
}

/* Reads "floor FILE UPOS X LAS Y" from models/MANIFEST.md. */
static int manifest_floor(const char *file, double *upos, double *las) {
    char path[600];
    snprintf(path, sizeof path, "%s/../models/MANIFEST.md", test_tests_dir());
    char *m = test_read_file(path, NULL);
    if (!m)
        return -1;
    int found = -1;
    for (char *line = m; line && *line;) {
        char name[128];
        double u, l;
        if (sscanf(line, "floor %127s UPOS %lf LAS %lf", name, &u, &l) == 3 && strcmp(name, file) == 0) {
            *upos = u;
            *las = l;
            found = 0;
        }
        line = strchr(line, '\n');
        if (line)
            line++;
    }
    free(m);
    return found;
}

void test_parse_floor(void) {
    const char *shared = test_shared_dir();
    if (!shared) {
        test_skip("../shared/data is absent");
        return;
    }
    petrel *p = real_models();
    if (!p)
        return;
    static const char *const files[] = {"en_ewt-ud-test", "en_gum-ccby-ud-test"};
    petrel_doc *gold = petrel_doc_new(), *sys = petrel_doc_new();
    for (int f = 0; f < 2; f++) {
        double want_upos, want_las;
        if (manifest_floor(files[f], &want_upos, &want_las) != 0) {
            test_fail(__FILE__, __LINE__, "models/MANIFEST.md has no \"floor %s UPOS x LAS y\" line", files[f]);
            continue;
        }
        char path[600];
        snprintf(path, sizeof path, "%s/ud/%s.conllu", shared, files[f]);
        petrel_reader_options ro = {.format = PETREL_FORMAT_CONLLU};
        petrel_error err;
        petrel_reader *r = petrel_reader_open(path, &ro, &err);
        CHECK(r != NULL);
        eval_parse acc;
        memset(&acc, 0, sizeof acc);
        while (r && petrel_reader_next(r, gold, &err) > 0)
            CHECK_INT(eval_parse_doc(p, gold, sys, 0, &acc, &err), 0);
        petrel_reader_close(r);
        double upos = eval_f1(&acc.m[EP_UPOS]), las = eval_f1(&acc.m[EP_LAS]);
        printf("     %s gold tokens: UPOS %.2f (manifest %.2f), LAS %.2f (manifest %.2f)\n", files[f], upos, want_upos,
               las, want_las);
        CHECK(upos >= want_upos - 0.3);
        CHECK(las >= want_las - 0.3);
    }
    petrel_doc_free(gold);
    petrel_doc_free(sys);
    petrel_close(p);
}
