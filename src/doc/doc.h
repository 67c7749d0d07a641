/*
 * doc.h - the document: one story and everything the pipeline derives from
 * it.
 *
 * Readers fill the story fields and the text; the tokenizer appends words
 * and sentences; later stages annotate the words.  Every allocation comes
 * from the document's arena, released in one go by doc_reset() when the next
 * story is loaded.  Words are byte spans into the text (slices, not copies),
 * with a valid UTF-8 form and a normalized form beside them.
 */
#ifndef PETREL_DOC_H
#define PETREL_DOC_H

#include <stdint.h>

#include "../base/arena.h"
#include "petrel.h"

/* word flags */
enum {
    WORD_SPACE_AFTER = 1,  /* white space follows the word in the text */
    WORD_PARA_START = 2,   /* first word of a paragraph */
    WORD_NEWLINE_AFTER = 4 /* a line break follows the word */
};

typedef struct doc_word {
    uint32_t start, len;    /* bytes in doc->text */
    const char *form;       /* valid UTF-8 surface form, form_len bytes */
    const char *norm;       /* normalized form for matching, norm_len bytes */
    uint32_t form_len, norm_len;
    uint16_t flags;         /* WORD_* */
    uint16_t token_words;   /* words in the surface token this word begins;
                               0 on the later words of a multiword token */
    int32_t head;           /* 1-based in the sentence, 0 root, -1 none */
    const char *lemma;      /* annotation, NULL when absent */
    const char *upos;
    const char *xpos;
    const char *feats;
    const char *deprel;
    const char *misc;       /* CoNLL-U MISC from the input, or NULL */
} doc_word;

/* sentence flags */
enum { SENT_HEADLINE = 1 };

typedef struct doc_sentence {
    uint32_t first, count;  /* words [first, first + count) */
    uint32_t start, end;    /* bytes of the text */
    uint32_t paragraph;     /* 0-based paragraph number */
    uint16_t flags;         /* SENT_* */
    const char *sent_id;    /* from CoNLL-U input, or NULL */
} doc_sentence;

/* A stretch of text the tokenizer is to analyze; furniture lies outside. */
typedef struct doc_region {
    uint32_t start, end;
    int headline;
} doc_region;

typedef struct doc_meta {
    const char *key;
    const char *json;       /* the value as JSON text */
} doc_meta;

/* An actor mention: a noun phrase (or pronoun) that names an actor.  Codes
 * are CAMEO actor codes; a compound phrase ("Hungarian and Romanian
 * officials") carries several. */
#define DOC_MAX_CODES 4

enum { MENTION_UNKNOWN = 0, MENTION_COUNTRY = 1, MENTION_PERSON = 2, MENTION_ORG = 3, MENTION_AGENT = 4 };

typedef struct doc_mention {
    uint32_t sent;              /* sentence index */
    uint32_t head;              /* word index (doc->words) of the head word */
    uint32_t start, end;        /* words [start, end) of the phrase */
    char code[DOC_MAX_CODES][24]; /* actor codes; "" for an unknown actor */
    uint8_t ncodes;
    uint8_t kind;               /* MENTION_* */
    uint8_t plural;             /* a plural noun or a group */
    uint8_t human;              /* a person (he/she can refer to it) */
    uint8_t pronoun;            /* a pronoun or a referring noun */
    uint8_t countryless;        /* an agent alone ("police"): its code has
                                   no country yet */
    int32_t actor;              /* dictionary actor index, -1 */
    int32_t antecedent;         /* the mention it refers to, -1 */
    int32_t group;              /* conjoined mentions share the index of
                                   the first of them; -1 alone */
    const char *how;            /* how the codes were found */
    const char *entry;          /* "file:line" of the dictionary entry of
                                   the name, or NULL */
    const char *agent_entry;    /* "file:line" of the agent, or NULL */
} doc_mention;

/* modalities of an event */
enum { MOD_ASSERTED = 0, MOD_FUTURE, MOD_HYPOTHETICAL, MOD_CONDITIONAL, MOD_INTENDED };

typedef struct doc_event {
    uint32_t sent;              /* sentence index */
    uint32_t trigger;           /* word index of the predicate */
    int32_t source, target;     /* mention indices, -1 none */
    uint8_t source_code, target_code; /* which code of the mention */
    char code[9];               /* CAMEO event code */
    uint8_t negated;
    uint8_t modality;           /* MOD_* */
    uint8_t quote;              /* inside a direct quotation */
    uint8_t reverse;            /* the second event of a CODE:CODE pair */
    int32_t reporter;           /* mention of who reported it, -1 */
    int32_t date;               /* YYYYMMDD, 0 unknown */
    uint8_t date_precision;     /* 0 unknown, 1 day, 2 week, 3 month, 4 year */
    int32_t date_word;          /* word that dated it, -1: the story date */
    int32_t place_word;         /* word naming the place, -1 */
    char place[24];             /* country code of the place, "" */
    const char *pattern;        /* the pattern as written */
    const char *pattern_entry;  /* "file:line" of the pattern */
    const char *how;            /* intent, threat, passive, reported ... */
    const char *plover_mode;    /* PLOVER mode in place of the code's, for a
                                   category CAMEO lacks ("cyber"), or NULL */
    char plover_code[9];        /* the code whose PLOVER type, mode and
                                   contexts the event takes, "" for its own:
                                   a pattern "173/115 indict TGT" is CAMEO's
                                   charge (173) and PLOVER's ACCUSE (115) */
    const char *context;        /* PLOVER contexts the sentence's keywords
                                   add, ';'-separated, or NULL */
} doc_event;

#define DOC_MAX_WARNINGS 64

struct petrel_doc {
    arena *arena;
    /* story */
    const char *id, *source, *headline, *dateline, *byline, *credits;
    const char *genre;      /* CoNLL-U newdoc id, for per-genre figures */
    int copyright_year;
    petrel_date date;
    petrel_date_origin date_origin;
    const char *input_name;
    long input_line;
    char *text;             /* NUL-terminated; text_len bytes */
    uint32_t text_len;
    uint32_t body_offset;
    /* analysis */
    doc_region *regions;
    uint32_t nregions, cap_regions;
    doc_word *words;
    uint32_t nwords, cap_words;
    doc_sentence *sents;
    uint32_t nsents, cap_sents;
    doc_meta *meta;
    uint32_t nmeta, cap_meta;
    int tokenized;          /* words and sentences came with the input */
    /* warnings: the first DOC_MAX_WARNINGS are kept, the rest counted */
    petrel_error *warnings;
    uint32_t nwarnings;
    uint32_t warnings_dropped;
    /* coding */
    doc_mention *mentions;
    uint32_t nmentions, cap_mentions;
    doc_event *events;
    uint32_t nevents, cap_events;
    int discarded;          /* a discard phrase matched: story not coded */
    int explain;            /* record an explanation trace while coding */
    const char **trace;     /* explanation lines, in order */
    uint32_t ntrace, cap_trace;
};

/* Forgets the current story; keeps the arena's memory for the next. */
void doc_reset(petrel_doc *doc);

/* Copies s (len bytes) into the arena; NULL when out of memory.  The
 * NULL-tolerant form returns NULL for NULL. */
char *doc_strdup(petrel_doc *doc, const char *s, size_t len);
char *doc_strdup0(petrel_doc *doc, const char *s);

/* Sets the text (copied).  Returns 0, PETREL_ERR_NOMEM, or PETREL_ERR_LIMIT
 * past 2 GiB. */
int doc_set_text(petrel_doc *doc, const char *text, size_t len);

/* Appends a region / word / sentence / meta pair.  NULL or -1 when out of
 * memory. */
int doc_add_region(petrel_doc *doc, uint32_t start, uint32_t end, int headline);
doc_word *doc_add_word(petrel_doc *doc);
doc_sentence *doc_add_sentence(petrel_doc *doc);
int doc_add_meta(petrel_doc *doc, const char *key, const char *json);

/* Records a warning about the story (kept on the document, never printed).
 * offset is a byte offset in the input file or -1. */
void doc_warn(petrel_doc *doc, long line, long long offset, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* Appends a mention / an event (zeroed, -1 in the index fields); NULL when
 * out of memory. */
doc_mention *doc_add_mention(petrel_doc *doc);
doc_event *doc_add_event(petrel_doc *doc);

/* Appends a formatted line to the explanation trace when doc->explain is
 * set (and does nothing otherwise). */
void doc_trace(petrel_doc *doc, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Looks a meta value up by key; NULL when absent. */
const char *doc_meta_get(const petrel_doc *doc, const char *key);

#endif
