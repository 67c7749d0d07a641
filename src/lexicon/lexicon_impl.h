/*
 * lexicon_impl.h - the inside of a lexicon, shared by the loaders of the
 * different dictionary formats (lexicon.c for petrel's own, lex_foreign.c
 * for PETRARCH and TABARI).  Nothing outside src/lexicon includes it.
 */
#ifndef PETREL_LEXICON_IMPL_H
#define PETREL_LEXICON_IMPL_H

#include "../base/arena.h"
#include "../doc/doc.h"
#include "lexicon.h"

#define LEX_MAX_DIAGS 1000

typedef struct pidx {
    uint32_t start, count;
} pidx;

struct lexicon {
    intern *words;         /* word ids: lower-cased normalized words */
    intern *synsets;       /* synset names -> ids */
    arena *mem;            /* names, codes, pattern texts, file names */
    lex_actor *actors;
    size_t nactors, cap_actors;
    lex_role *roles;
    size_t nroles, cap_roles;
    lex_hit *hits;         /* 1-based: hits[0] is unused */
    size_t nhits, cap_hits;
    u64map edges;          /* (node << 32 | word) -> child node */
    u64map prefix_edges;   /* the same for words that match as prefixes
                              (TABARI and PETRARCH phrases without a
                              final "_": ARGENTIN matches Argentina) */
    uint32_t *node_hits;   /* node -> first hit, 0 = none */
    uint8_t *node_discard; /* node -> bits: 1 sentence discard, 2 story
                              discard, 4 has prefix children */
    size_t nnodes, cap_nodes;
    lex_pattern *patterns;
    size_t npatterns, cap_patterns;
    u64map pattern_index;  /* (nominal << 32 | head) -> pidx index */
#define SURNAME_SHARED UINT32_MAX
    u64map surnames;       /* last word of a person's canonical name -> the
                              person, or SURNAME_SHARED when two share it */
    pidx *pidx;
    size_t npidx;
    u64map synset_members; /* (synset << 32 | word) -> 1 */
    u64map preps;          /* word -> 1 */
    int32_t prep_alias[4][2]; /* word ids: a preposition and the one patterns
                                 write for it ("upon" -> "on") */
    size_t nagents, ndiscards, ncontexts;
    petrel_error *diags;
    size_t ndiags, dropped;
    petrel_doc *scratch;   /* tokenizes names while loading */
};

/* Records a diagnostic for file:line. */
void lex_diag(lexicon *lex, const char *file, uint32_t line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* A copy of s[0..n) kept as long as the lexicon; NULL when out of memory. */
const char *lex_strdup(lexicon *lex, const char *s, size_t n);

/* Tokenizes a phrase as text would be and returns its word ids (at most
 * max) in ids; returns the count, 0 for an empty phrase, -1 when out of
 * memory.  *caps is set when the phrase has letters and all are capitals;
 * capmask (may be NULL) gets bit i set when word i (i < 32) starts with a
 * capital. */
int lex_phrase_ids(lexicon *lex, const char *s, size_t n, int32_t *ids, int max, int *caps, uint32_t *capmask);

/* Adds a hit for the phrase (its word ids); returns 0 or -1 (memory). */
int lex_add_hit(lexicon *lex, const int32_t *ids, int nids, const lex_hit *hit);

/* As lex_add_hit, the last word matching any word it begins. */
int lex_add_hit_prefix(lexicon *lex, const int32_t *ids, int nids, const lex_hit *hit);

/* Adds an actor; returns its index or -1. */
int32_t lex_add_actor(lexicon *lex, const lex_actor *a);

/* Adds a role to the actor last added; returns 0 or -1. */
int lex_add_role(lexicon *lex, uint32_t actor, const lex_role *r);

/* Adds a pattern; returns 0 or -1. */
int lex_add_pattern(lexicon *lex, const lex_pattern *p);

/* Word id of a single word (lower-cased), added when new; -1 on memory. */
int32_t lex_word_add(lexicon *lex, const char *s, size_t n);

/* Synset id by name, added when new. */
int32_t lex_synset_add(lexicon *lex, const char *name, size_t n);
int32_t lex_synset_find(const lexicon *lex, const char *name, size_t n);
int lex_synset_add_member(lexicon *lex, int32_t synset, int32_t word);

/* Marks the trie node of a phrase as a discard (story=1 for story level). */
int lex_add_discard(lexicon *lex, const int32_t *ids, int nids, int story);

/* Loaders of the other formats (lex_foreign.c). */
int lex_load_foreign(lexicon *lex, const char *file, const char *text, size_t len, lex_format format);

#endif
