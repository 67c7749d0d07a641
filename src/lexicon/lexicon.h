/*
 * lexicon.h - compiled dictionaries: actors, agents, verb patterns.
 *
 * Dictionaries are read from text (petrel's own format, docs/dictionaries.md,
 * or the PETRARCH and TABARI formats) and compiled into:
 *   - a token trie of names and phrases: a path is a sequence of word ids
 *     (lower-cased normalized words as petrel's tokenizer splits them); a
 *     node may end one or more entries ("hits": a country name, an
 *     adjective, an agent noun, ...);
 *   - an actor table with dated roles;
 *   - verb patterns indexed by the lemma of their predicate, most specific
 *     first, and synsets.
 * A lexicon is built by one thread and then only read; any number of
 * threads may match against it at once.  Every line that cannot be read is
 * kept as a diagnostic (file, line, reason) and skipped.
 */
#ifndef PETREL_LEXICON_H
#define PETREL_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#include "../base/intern.h"
#include "petrel.h"

/* kinds of actors */
enum { LEX_COUNTRY = 1, LEX_PERSON = 2, LEX_ORG = 3 };

/* what a matched name stands for */
enum {
    HIT_NAME = 1,  /* a name of an actor: the actor's code (by date) */
    HIT_ADJECTIVE, /* a country adjective ("Russian") */
    HIT_PEOPLE,    /* a plural demonym ("Russians") */
    HIT_CAPITAL,   /* a capital: actor CODEGOV, place CODE */
    HIT_SEAT,      /* a seat of government: CODEGOV or its own code */
    HIT_CITY,      /* a place only */
    HIT_AGENT,     /* a role noun: its agent code */
    HIT_REFER,     /* a noun that refers back to an actor ("alliance") */
    HIT_CONTEXT    /* a keyword of a PLOVER context (code = its name) */
};

typedef struct lex_role {
    const char *code;  /* CAMEO actor code */
    int32_t from, to;  /* YYYYMMDD inclusive; 0 and 99999999 when open */
    const char *title; /* "president", or NULL */
} lex_role;

typedef struct lex_actor {
    const char *name;     /* canonical name */
    const char *code;     /* undated code (country code for countries), or NULL */
    const char *wikidata; /* Q id or NULL */
    uint32_t role;        /* roles [role, role + nroles) of lex->roles */
    uint32_t nroles;
    uint8_t kind;         /* LEX_* */
    const char *file;     /* where it was defined */
    uint32_t line;
} lex_actor;

typedef struct lex_hit {
    uint8_t type;     /* HIT_* */
    uint8_t caps;     /* the name was written in capitals: match capitals only */
    uint8_t initial;  /* the name starts with a capital: so must the text */
    uint32_t capmask; /* bit i: word i of the name starts with a capital, and
                         so must the text's ("Russia Today" is not "Russia
                         today") */
    uint32_t actor;   /* actor index (HIT_AGENT: unused) */
    const char *code; /* agent code, or a seat's own code; NULL otherwise */
    uint32_t next;    /* next hit at the same trie node (1-based), 0 = none */
    const char *file;
    uint32_t line;
} lex_hit;

/* pattern elements */
enum {
    EL_WORD = 1, /* a dependent with this lemma (word id) */
    EL_MOD,      /* a modifier (compound, amod, ...) of the next EL_WORD or
                    EL_SYNSET, or of the head noun when it opens a nominal
                    pattern */
    EL_PREP,     /* a prepositional dependent with this preposition (word
                    id); "to" also takes a complement verb ("threaten to
                    attack") */
    EL_TGT,      /* the target */
    EL_SRC,      /* the source */
    EL_SYNSET,   /* a dependent whose lemma is in the synset (synset id) */
    EL_PRE       /* a word before the predicate (imported TABARI/PETRARCH
                    patterns): an auxiliary, adverb or governing verb */
};

#define LEX_MAX_ELEMS 12

typedef struct lex_elem {
    uint8_t type;
    int32_t id; /* word or synset id; -1 for TGT and SRC */
} lex_elem;

typedef struct lex_pattern {
    char code[9];    /* CAMEO event code, "" for a null code ("---") */
    char code2[9];   /* code of the reverse event, or "" */
    char mode[16];   /* PLOVER mode for a category CAMEO lacks ("170+cyber"), or "" */
    char plover_code[9]; /* the code whose PLOVER type the event takes ("173/115"), or "" */
    int32_t head;    /* word id of the predicate lemma */
    uint8_t nominal; /* a noun pattern ([nouns]) */
    uint8_t nelem;
    lex_elem elem[LEX_MAX_ELEMS];
    const char *text; /* the pattern as written */
    const char *file;
    uint32_t line;
} lex_pattern;

/* dictionary formats */
typedef enum lex_format {
    LEX_PETREL = 0,    /* docs/dictionaries.md */
    LEX_PETRARCH_ACTORS,
    LEX_PETRARCH_AGENTS,
    LEX_PETRARCH_VERBS,
    LEX_PETRARCH_DISCARDS,
    LEX_TABARI_ACTORS,
    LEX_TABARI_AGENTS,
    LEX_TABARI_VERBS
} lex_format;

typedef struct lexicon lexicon;

/* New empty lexicon (NULL when out of memory). */
lexicon *lexicon_new(void);
void lexicon_free(lexicon *lex);

/* Reads one dictionary file into lex.  Bad lines become diagnostics and are
 * skipped.  Returns 0, or PETREL_ERR_IO when the file cannot be read, or
 * PETREL_ERR_NOMEM. */
int lexicon_load_file(lexicon *lex, const char *path, lex_format format, petrel_error *err);

/* As lexicon_load_file, from memory (name is used in diagnostics). */
int lexicon_load_text(lexicon *lex, const char *name, const char *text, size_t len, lex_format format,
                      petrel_error *err);

/* Reads every *.txt file of dir and of dir/actors (petrel format), in name
 * order.  Returns 0 or a status. */
int lexicon_load_dir(lexicon *lex, const char *dir, petrel_error *err);

/* Sorts and indexes what was loaded; call once before matching.  Returns 0
 * or PETREL_ERR_NOMEM. */
int lexicon_finish(lexicon *lex);

/* Diagnostics: bad lines (file, line, message). */
size_t lexicon_diag_count(const lexicon *lex);
const petrel_error *lexicon_diag(const lexicon *lex, size_t i);
/* Diagnostics beyond the ones kept (only counted). */
size_t lexicon_diag_dropped(const lexicon *lex);

/* ------------------------------------------------------------ lookups */

/* Word id of a lower-cased normalized word, -1 when no dictionary uses it. */
int32_t lex_word(const lexicon *lex, const char *s, size_t n);
const char *lex_word_str(const lexicon *lex, int32_t id);

/* Trie walk: the child of node along word id, or 0 when none (the root is
 * node 0 and is never a child). */
uint32_t lex_trie_next(const lexicon *lex, uint32_t node, int32_t word);
/* First hit ending at node (1-based index into hits), 0 when none. */
uint32_t lex_trie_hits(const lexicon *lex, uint32_t node);
/* The child of node along a word that a prefix phrase matches (the
 * lower-cased word as text), or 0. */
uint32_t lex_trie_prefix_next(const lexicon *lex, uint32_t node, const char *word, size_t n);
const lex_hit *lex_hit_get(const lexicon *lex, uint32_t index);

const lex_actor *lex_actor_get(const lexicon *lex, uint32_t index);
size_t lex_actor_count(const lexicon *lex);
/* Trie nodes are 0 .. lex_node_count() - 1 (for walks over every hit). */
size_t lex_node_count(const lexicon *lex);
/* For every node, the node above it and the word between them, as
 * parent << 32 | word (UINT64_MAX for the root): a malloc'ed array of
 * lex_node_count() entries, NULL when out of memory.  For reports only. */
uint64_t *lex_node_parents(const lexicon *lex);
/* The phrase of a node ("united states"), written into buf. */
const char *lex_node_text(const lexicon *lex, const uint64_t *parents, uint32_t node, char *buf, size_t n);
const lex_role *lex_role_get(const lexicon *lex, uint32_t index);

/* The code an actor has on a date (YYYYMMDD, 0 = unknown), following the
 * rules of docs/dictionaries.md; writes it into out (at least 32 bytes) and
 * returns out, or NULL when the actor has no code then. */
const char *lex_actor_code(const lexicon *lex, const lex_actor *a, int32_t date, char *out, size_t outlen);

/* Patterns whose predicate lemma is word: *count of them starting at the
 * returned pointer, most specific first. */
const lex_pattern *lex_patterns(const lexicon *lex, int32_t word, int nominal, size_t *count);

/* The one person whose canonical name ends in word ("kerry" for "John
 * Kerry"), or -1 when none or several do. */
int32_t lex_person_by_surname(const lexicon *lex, int32_t word);
size_t lex_pattern_count(const lexicon *lex);
const lex_pattern *lex_pattern_get(const lexicon *lex, size_t i);

/* Is word a member of synset id? */
int lex_synset_has(const lexicon *lex, int32_t synset, int32_t word);

/* Is word id a preposition of the pattern language? */
int lex_is_prep(const lexicon *lex, int32_t word);

/* Is preposition a (a word id) the pattern's preposition p?  Patterns write
 * "upon" as "on", "towards" as "toward", "amongst" as "among". */
int lex_same_prep(const lexicon *lex, int32_t a, int32_t p);

/* Verb particles (off, out, up, down, back, away, aside, apart): the verb's
 * wherever they stand, NULL-terminated. */
extern const char *const lex_particles[];

/* Discard phrases (PETRARCH): 1 when the lower-cased phrase word ids at
 * node end a discard; story=1 for story-level discards. */
int lex_trie_discard(const lexicon *lex, uint32_t node, int *story);

/* Counts for `petrel dict stats`. */
typedef struct lex_stats {
    size_t countries, persons, orgs, roles, names, agents, patterns, nominal_patterns, synsets, discards, contexts;
} lex_stats;
void lex_get_stats(const lexicon *lex, lex_stats *st);

/* Writes the lexicon as petrel-format text: actors, agents, synsets and
 * patterns, discards and contexts, each to its stream.  Returns 0,
 * PETREL_ERR_NOMEM or PETREL_ERR_IO. */
#include <stdio.h>
int lexicon_write(const lexicon *lex, FILE *actors, FILE *agents, FILE *verbs, FILE *other);

/* Parses a dictionary date (YYYY, YYYY-MM, YYYY-MM-DD, or PETRARCH's
 * YYMMDD / YYYYMMDD) into YYYYMMDD; end=1 rounds a partial date up (the
 * last day it covers).  Returns 0 or -1. */
int lex_parse_date(const char *s, size_t n, int end, int32_t *out);

#endif
