/*
 * match.h - the matching stage: actor mentions and events of a parsed
 * story, found with the compiled dictionaries.
 *
 * Mentions (mention.c): dictionary names found by walking the token trie
 * along the sentence, attached to noun phrases of the dependency tree
 * (titles and appositions, possessors, country adjectives on agents,
 * compounds); pronouns and referring nouns resolved against earlier
 * mentions of the story; proper nouns nobody knows kept as unknown actors.
 *
 * Events (event.c): verb and noun patterns matched on the tree around each
 * predicate; source from the subject (or the by-agent of a passive, the
 * controller of a complement, the subject shared by conjoined verbs),
 * target from the pattern; negation, modality, reported speech and control
 * verbs ("agreed to provide aid" = intent to provide aid); one event per
 * dyad of conjoined actors.
 *
 * Both append to the document (doc->mentions, doc->events) and, when
 * doc->explain is set, to its explanation trace.
 */
#ifndef PETREL_MATCH_H
#define PETREL_MATCH_H

#include "../lexicon/lexicon.h"
#include "sentence.h"

/* Story-level context of the coder. */
typedef struct match_story {
    int32_t date;            /* story date YYYYMMDD, 0 unknown */
    char dateline[24];       /* country code of the dateline place, "" */
    uint32_t first_mention;  /* mentions of this story start here */
    int peer_rules;          /* TABARI's and PETRARCH's rules: modal events
                                as written, no event without a source */
} match_story;

/* Finds the mentions of one sentence (after those of earlier sentences).
 * Returns 0 or PETREL_ERR_NOMEM. */
int match_mentions(const lexicon *lex, sent_view *v, const match_story *st);

/* Finds the events of one sentence, whose mentions are found.  Returns 0 or
 * PETREL_ERR_NOMEM. */
int match_events(const lexicon *lex, sent_view *v, const match_story *st);

/* Joins an actor code and an agent code the CAMEO way ("RUS" + "GOV" =
 * "RUSGOV"; a code already there is not repeated; an agent code ending in
 * '~' goes first).  Writes into out (len bytes). */
void match_join_codes(const char *base, const char *agent, char *out, size_t len);

/* The root of a CAMEO code: 19 for "193"; -1 for a null code. */
int match_code_root(const char *code);

/* The country code a place word names (a country, capital or city of the
 * dictionaries) starting at local word k, or NULL. */
const char *match_place(const lexicon *lex, const sent_view *v, int32_t k, char *out, size_t len);

#endif
