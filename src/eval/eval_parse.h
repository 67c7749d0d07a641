/*
 * eval_parse.h - tagging, lemmatization and parsing scores with the
 * definitions of the CoNLL 2018 shared task (Zeman et al. 2018):
 *
 *   UPOS, XPOS   the tag of an aligned word is the gold one
 *   UFeats       the universal features (the shared task's list: PronType,
 *                NumType, Poss, Reflex, Foreign, Abbr, Gender, Animacy,
 *                Number, Case, Definite, Degree, VerbForm, Mood, Tense,
 *                Aspect, Voice, Evident, Polarity, Person, Polite) are all
 *                the gold ones; others (Typo, ExtPos, Style) are ignored
 *   Lemmas       the lemma is the gold one
 *   UAS          the head is aligned to the gold head (or both are root)
 *   LAS          UAS and the relation without its subtype ("nsubj:pass" ->
 *                "nsubj") is the gold one
 *
 * Each is an F1 over words: correct / gold and correct / system words.  On
 * gold tokenization the words are the gold words (F1 = accuracy).  From raw
 * text, petrel's tokenizer splits the gold text and system words are aligned
 * to gold words by their character spans (both share one text), as the
 * shared task aligns them.
 */
#ifndef PETREL_EVAL_PARSE_H
#define PETREL_EVAL_PARSE_H

#include "eval.h"

enum { EP_UPOS, EP_XPOS, EP_UFEATS, EP_LEMMAS, EP_UAS, EP_LAS, EP_WORDS, EP_N };

typedef struct eval_parse {
    eval_counts m[EP_N];    /* by EP_* */
    eval_counts sentences;  /* raw text only */
} eval_parse;

extern const char *const eval_parse_names[EP_N];

/* How eval_parse_doc gets its words and tags. */
enum {
    EVAL_GOLD_TOKENS = 0, /* a copy of gold's tokenization, tagged and parsed */
    EVAL_RAW_TEXT = 1,    /* gold's text tokenized by petrel, tagged, parsed */
    EVAL_GOLD_TAGS = 2    /* gold's tokens with gold UPOS/XPOS/features/lemmas:
                             the parser alone (a diagnostic) */
};

/* Annotates sys from gold as mode says with handle p, and adds the
 * comparison to *acc.  Returns 0 or a negative status with err set. */
int eval_parse_doc(const petrel *p, const petrel_doc *gold, petrel_doc *sys, int mode, eval_parse *acc,
                   petrel_error *err);

/* Copies gold's text, sentences and words (without annotation) into sys,
 * marked tokenized. Returns 0 or PETREL_ERR_NOMEM. */
int eval_copy_tokens(const petrel_doc *gold, petrel_doc *sys);

#endif
