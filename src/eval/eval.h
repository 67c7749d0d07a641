/*
 * eval.h - evaluation against gold CoNLL-U, with the definitions of the
 * CoNLL 2018 shared task (Zeman et al. 2018).
 *
 * Tokenization: the gold text is rebuilt from the gold file (see
 * read_conllu.c), tokenized by petrel, and system and gold units compared
 * by their character spans (both sides share one text, so this is the
 * shared task's alignment on non-white-space characters).  A token or a
 * sentence is correct when its span matches exactly; words inside
 * multiword tokens are matched, for tokens whose spans match, by the
 * longest common subsequence of their lower-cased forms, as the shared
 * task's script does.
 */
#ifndef PETREL_EVAL_H
#define PETREL_EVAL_H

#include <stdio.h>

#include "../doc/doc.h"

typedef struct eval_counts {
    unsigned long gold, system, correct;
} eval_counts;

typedef struct eval_tok {
    eval_counts tokens, words, sentences;
} eval_tok;

/* Tokenizes gold's text into sys (reset first) and adds the comparison to
 * *acc.  When diffs is not NULL, each disagreement is written there as a
 * line: the gold and the system tokens of the stretch where they differ,
 * or the text around a sentence boundary only one side has.
 * Returns 0 or PETREL_ERR_NOMEM. */
int eval_tokenize_doc(const petrel_doc *gold, petrel_doc *sys, eval_tok *acc, FILE *diffs);

/* Precision, recall and F1 in percent (0 when undefined). */
double eval_precision(const eval_counts *c);
double eval_recall(const eval_counts *c);
double eval_f1(const eval_counts *c);

/* Genre of a treebank document from its newdoc id: "GUM_bio_dvorak" ->
 * "bio", "weblog-blogspot.com_..." -> "weblog".  Writes into buf. */
const char *eval_genre(const char *doc_id, char *buf, size_t len);

#endif
