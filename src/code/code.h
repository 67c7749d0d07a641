/*
 * code.h - the coding stage: a parsed story in, its events out with their
 * dates and places.
 *
 * A coder holds what coding reads and never writes: the compiled
 * dictionaries and the CAMEO table.  One coder serves every thread.
 * code_doc() finds the mentions and events of each sentence (src/match),
 * then dates each event and places it:
 *   date   a time expression of the event's own clause, or else of the
 *          clause that reports it ("Moscow said on Tuesday it regarded
 *          ..."), resolved against the story date: weekdays ("on Friday":
 *          the last Friday on or before the story date, the next one for a
 *          future event), yesterday / today / tomorrow, last week / month
 *          / year, "July 10" or "10 July" (the story's year, or the year
 *          before when that date is still to come), a year alone; without
 *          one, the story date;
 *   place  an "in / at / near" phrase of the event's clause naming a
 *          country, capital or city of the dictionaries.
 */
#ifndef PETREL_CODE_H
#define PETREL_CODE_H

#include "../doc/doc.h"
#include "../lexicon/lexicon.h"
#include "cameo.h"

typedef struct coder {
    lexicon *lex;
    cameo_table *cameo;
    int peer_rules;
} coder;

/* Where a coder's dictionaries come from. */
typedef struct coder_options {
    const char *data_dir;  /* holds dict/ (petrel format) and cameo/cameo.txt */
    const char *dict_dir;  /* petrel-format dictionaries read instead of
                              data_dir/dict, or NULL */
    int dict_format;       /* 0 petrel, 1 PETRARCH, 2 TABARI (PETREL_DICT_*) */
    const char *actors, *agents, *verbs, *discards; /* files in that format,
                                                        used instead of dict/ */
    int peer_rules;    /* petrel_options.peer_rules */
} coder_options;

/* Loads the dictionaries and the CAMEO table.  Bad dictionary lines are
 * kept as diagnostics (lexicon_diag); NULL on failure with err set (a
 * folder or file that cannot be read, a broken CAMEO table). */
coder *coder_open(const coder_options *opt, petrel_error *err);
void coder_free(coder *cd);

/* Codes a tagged and parsed document.  Returns 0 or PETREL_ERR_NOMEM. */
int code_doc(const coder *cd, petrel_doc *doc, petrel_error *err);

/* Days since 1970-01-01 of a date, and back. */
long code_days(int y, int m, int d);
void code_civil(long days, int *y, int *m, int *d);

/* Resolves the time expression at local word k of a parsed sentence
 * (a weekday, a month and day, yesterday, last week ...).  Returns 1 and
 * the date (YYYYMMDD) and precision (1 day, 2 week, 3 month, 4 year), or
 * 0 when k is not one. */
struct sent_view;
int code_time_word(const struct sent_view *v, int32_t k, int32_t story_date, int future, int32_t *date,
                   uint8_t *precision);

#endif
