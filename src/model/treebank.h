/*
 * treebank.h - annotated sentences held in memory for training and
 * evaluation: the words of one or more CoNLL-U files with their gold
 * columns, read through petrel's own CoNLL-U reader (so the forms and
 * normalized forms are exactly those the tagger sees at run time).
 *
 * Training only; one treebank belongs to one thread.
 */
#ifndef PETREL_TREEBANK_H
#define PETREL_TREEBANK_H

#include <stddef.h>
#include <stdint.h>

#include "petrel.h"

typedef struct tb_word {
    uint32_t norm, norm_len;   /* normalized form: pool offset and bytes */
    uint32_t lemma, upos, xpos, feats, deprel; /* pool offsets ("" = absent) */
    int32_t head;              /* 1-based in the sentence, 0 root, -1 none */
} tb_word;

typedef struct tb_sent {
    uint32_t first, count;
} tb_sent;

typedef struct treebank {
    char *pool;                /* NUL-terminated strings */
    size_t pool_len, pool_cap;
    tb_word *words;
    size_t nwords, cap_words;
    tb_sent *sents;
    size_t nsents, cap_sents;
    uint64_t hash;             /* of the files' bytes, in order */
    char name[128];            /* file base names joined by '+' */
} treebank;

/* Reads the CoNLL-U files of a comma-separated list and appends their
 * sentences.  Returns 0 or a negative status with err set. */
int treebank_load(treebank *tb, const char *paths, petrel_error *err);

void treebank_free(treebank *tb);

/* The string at a pool offset. */
static inline const char *tb_str(const treebank *tb, uint32_t off) { return tb->pool + off; }

#endif
