/*
 * sentence.h - a parsed sentence as the coder sees it: each word's
 * dictionary word ids (form and lemma, lower-cased), its head and children
 * in the dependency tree, and small questions about relations ("the nsubj
 * of this verb", "the preposition of this oblique").
 *
 * Built per sentence from the document (tagged and parsed) into the
 * document's arena; read-only afterwards.  Word numbers here are local to
 * the sentence (0-based); doc word = first + local.
 */
#ifndef PETREL_MATCH_SENTENCE_H
#define PETREL_MATCH_SENTENCE_H

#include <stdint.h>

#include "../doc/doc.h"
#include "../lexicon/lexicon.h"

typedef struct sent_view {
    petrel_doc *doc;
    const lexicon *lex;
    uint32_t index;        /* sentence number */
    uint32_t first, n;     /* doc words [first, first + n) */
    int32_t *form;         /* word id of the lower-cased normalized form */
    int32_t *lemma;        /* word id of the lower-cased lemma (or form) */
    const char **lower;    /* the lower-cased form itself */
    uint32_t *lower_len;
    const char **lemma_str; /* the lower-cased lemma (the form when the
                              word has none), NUL-terminated */
    int32_t *head;         /* local head, -1 for the root */
    int32_t *child;        /* first child, -1 none */
    int32_t *sibling;      /* next sibling, -1 none */
    int32_t *mention;      /* mention whose head is this word, -1 */
    int32_t *joined;       /* word id of the hyphenated word this word ends,
                              which the tokenizer split ("cease-fire" on
                              "fire"; its lemma form "cease-fire" for
                              "cease-fires"), -1 when none is a dictionary
                              word */
} sent_view;

/* Builds the view of sentence s.  Returns 0 or PETREL_ERR_NOMEM. */
int sent_view_build(sent_view *v, petrel_doc *doc, const lexicon *lex, uint32_t s);

/* The doc word of local word k. */
static inline const doc_word *sv_word(const sent_view *v, int32_t k) { return &v->doc->words[v->first + (uint32_t)k]; }

/* The relation of k without subtype ("obl" for "obl:tmod"), and whether
 * k's relation is rel (exactly, or as the base of a subtype when rel has
 * no ':'). */
int sv_rel_is(const sent_view *v, int32_t k, const char *rel);
int sv_rel_exact(const sent_view *v, int32_t k, const char *rel);

/* UPOS test. */
int sv_upos_is(const sent_view *v, int32_t k, const char *upos);

/* Is the lemma (lower-cased) of k the string w? */
int sv_lemma_is(const sent_view *v, int32_t k, const char *w);

/* The first child of k with relation rel (sv_rel_is), or -1. */
int32_t sv_child(const sent_view *v, int32_t k, const char *rel);

/* The preposition (case child's lemma word id) of a nominal, or -1. */
int32_t sv_case(const sent_view *v, int32_t k);

/* Has k a feature "Name=Value" in its feats? */
int sv_feat(const sent_view *v, int32_t k, const char *feat);

#endif
