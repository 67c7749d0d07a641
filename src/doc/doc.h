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

/* Looks a meta value up by key; NULL when absent. */
const char *doc_meta_get(const petrel_doc *doc, const char *key);

#endif
