/*
 * tagger.h - part-of-speech and morphology tagger and lemmatizer.
 *
 * One greedy left-to-right averaged perceptron (Collins 2002) predicts, for
 * each word, a joint class "UPOS, XPOS, feature bundle" (about 480 classes
 * in EWT + GUM): predicting the bundle jointly lets context decide what the
 * word alone cannot (VerbForm=Inf versus Mood=Imp for "go", the person and
 * number of "are").  Features are those of Ratnaparkhi (1996) and Collins
 * (2002) over the word's normalized form: the word and its neighbours
 * lower-cased, prefixes and suffixes, a word shape, the two previous
 * predicted XPOS tags, and a few conjunctions (tagger.c lists them).
 * Frequent words that are unambiguous in training (>= 20 occurrences, one
 * class >= 99.5%) skip the perceptron, as in Honnibal's textblob tagger.
 * In a title-case headline, words that running text writes in lower case
 * are seen in lower case ("Turkey Condemns Greece" tags as "Turkey condemns
 * Greece"); the treebanks have almost no such headlines.
 *
 * The lemmatizer (lemma.c) applies an edit script "lower-case or not,
 * strip N bytes, append S" chosen by (lower-cased word, UPOS) when training
 * saw the pair, else by the longest known (suffix, UPOS), else by UPOS.
 *
 * Everything lives in one model file (kind "tagger"), mapped read-only and
 * shared by all threads; per-call scratch comes from the document's arena.
 */
#ifndef PETREL_TAGGER_H
#define PETREL_TAGGER_H

#include <stddef.h>
#include <stdint.h>

#include "../doc/doc.h"
#include "../model/model.h"
#include "../model/perceptron.h"
#include "../model/treebank.h"

/* A joint class: offsets into the string pool, and small ids. */
typedef struct tg_class {
    uint32_t upos, xpos, feats; /* string offsets; feats "" = none */
    uint16_t upos_id, xpos_id;
} tg_class;

/* An edit script turning a word into its lemma. */
typedef struct lem_rule {
    uint8_t lower;              /* lower-case (ASCII) the word first */
    uint8_t pad;
    uint16_t strip;             /* bytes removed from the end */
    uint32_t append;            /* string offset of what is appended */
} lem_rule;

typedef struct tagger {
    model_file file;
    wtable weights;
    kvtable tagdict;            /* exact form hash -> class */
    kvtable amb;                /* lower form hash -> ambiguity class (the
                                   hash of the XPOS tags it was seen with) */
    kvtable casing;             /* lower form hash -> capitalization profile
                                   in unlabeled text (see tagger.c) */
    kvtable lem_exc;            /* (lower form, upos) -> rule */
    kvtable lem_suf;            /* (suffix, length, upos) -> rule */
    const tg_class *classes;
    uint32_t nclass;
    const lem_rule *rules;
    uint32_t nrules;
    const char *strings;
    size_t strings_len;
} tagger;

/* What the features see of a word (precomputed once per sentence). */
typedef struct tg_word {
    uint64_t low, exact, shape;
    uint64_t suf[4], pre[3];
    uint64_t amb;               /* ambiguity class, 0 = unknown word */
    uint64_t casing;            /* capitalization profile, 0 = unseen */
    uint32_t flags;
    uint32_t len;
} tg_word;

/* A word to tag: its normalized form. */
typedef struct tag_token {
    const char *norm;
    uint32_t len;
} tag_token;

/* Maps and checks a tagger model.  Returns 0 or PETREL_ERR_MODEL /
 * PETREL_ERR_IO with err naming the file. */
int tagger_load(tagger *t, const char *path, petrel_error *err);
void tagger_unload(tagger *t);

/* Tags n words; scratch holds n tg_word.  classes[i] receives the class. */
void tagger_predict(const tagger *t, const tag_token *tokens, size_t n, tg_word *scratch, uint16_t *classes);

/* Tags and lemmatizes every sentence of doc (tokenized already): sets
 * upos, xpos, feats (pointing into the model) and lemma (in the arena).
 * Returns 0 or PETREL_ERR_NOMEM. */
int tagger_tag_doc(const tagger *t, petrel_doc *doc, petrel_error *err);

/* The lemma of a word of class cls, in arena a (NULL when out of memory). */
const char *tagger_lemma(const tagger *t, const char *norm, size_t len, uint32_t cls, arena *a);

/* ----------------------------------------------------------------- training */

typedef struct train_progress {
    int epoch, epochs;
    double dev_score;           /* main dev figure (tagger: joint class
                                   accuracy; parser: LAS), percent */
    double dev_score2;          /* second (tagger: UPOS; parser: UAS) */
    double elapsed, remaining;  /* seconds */
} train_progress;

typedef void (*train_progress_fn)(void *ctx, const train_progress *p);

typedef struct train_opts {
    int epochs;                 /* 0 = default */
    uint64_t seed;
    int min_q;                  /* prune quantized weights below (0 = default) */
    size_t max_bytes;           /* raise that threshold until the weights
                                   fit in this many bytes (0 = no bound) */
    int runs;                   /* > 1: train that many models (seeds seed,
                                   seed+1, ...) and save the mean of their
                                   weights */
    train_progress_fn progress; /* may be NULL */
    void *ctx;
    const char *command;        /* recorded in the model's meta section */
    const char *unlabeled;      /* tagger: comma-separated story files
                                   (any input format) whose words give the
                                   capitalization profiles; may be NULL */
} train_opts;

/* Trains on train (dev may be NULL) and writes the model to path.
 * Deterministic for a seed.  Returns 0 or a negative status. */
int tagger_train(const treebank *train, const treebank *dev, const train_opts *o, const char *path,
                 petrel_error *err);

/* Lemma rules learned from a treebank, written into a model (lemma.c). */
typedef struct strpool strpool;
int lemma_learn(const treebank *tb, const uint16_t *upos_ids, strpool *strings, model_writer *w);

/* A growing pool of NUL-terminated strings, interned (tagger training). */
struct strpool {
    char *p;
    size_t len, cap;
    uint64_t *hash;             /* open addressing: hash of string */
    uint32_t *off;              /* its offset */
    size_t hcap, count;
};
long strpool_add(strpool *sp, const char *s, size_t n);
void strpool_free(strpool *sp);

#endif
