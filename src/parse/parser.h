/*
 * parser.h - labelled dependency parser: greedy arc-hybrid transitions
 * scored by an averaged perceptron, trained with a dynamic oracle.
 *
 *   Transition system: arc-hybrid (Kuhlmann, Gomez-Rodriguez and Satta
 *   2011) with the root token at the end of the buffer (Ballesteros and
 *   Nivre 2013): SHIFT, LEFT-l (s0 <- b0), RIGHT-l (s1 -> s0).  The root may
 *   take a dependent (always labelled "root") only when one word is left on
 *   the stack, so every sentence gets exactly one root, every word exactly
 *   one head and no cycle: the output is always a well-formed tree.
 *   Training: the dynamic oracle of Goldberg and Nivre (2012, 2013) with
 *   exploration: after the first epoch the parser follows its own wrong
 *   prediction with probability 0.6 (chosen on the development sets, with
 *   jackknifed tags, over 0, 0.3 and 0.9) and learns the zero-cost
 *   transitions from wherever it got to.  Several parsers trained with
 *   different seeds can be averaged into one (--runs).
 *   Non-projective trees are made projective for training by lifting
 *   (Nivre and Nilsson 2005, without label encoding): about 1% of English
 *   arcs are affected, and the parser outputs projective trees.
 *   Features: Zhang and Nivre (2011)'s rich non-local templates, trimmed
 *   (parser.c lists them), over lower-cased words, XPOS and UPOS tags,
 *   labels of the children of s0, s1 and b0, distance and valency.
 *   Words must be tagged (petrel_tag) before parsing: the parser reads the
 *   xpos and upos strings of the words.
 *
 * Model file kind "parser"; read-only, shared by all threads; scratch from
 * the document's arena.
 */
#ifndef PETREL_PARSER_H
#define PETREL_PARSER_H

#include <stddef.h>
#include <stdint.h>

#include "../doc/doc.h"
#include "../model/model.h"
#include "../model/perceptron.h"
#include "../model/treebank.h"
#include "../tag/tagger.h"

typedef struct parser {
    model_file file;
    wtable weights;
    const uint32_t *labels;    /* string offsets of the dependency labels */
    uint32_t nlabels;
    uint32_t root_label;       /* index of "root" */
    const char *strings;
    size_t strings_len;
} parser;

int parser_load(parser *p, const char *path, petrel_error *err);
void parser_unload(parser *p);

/* Parses every sentence of doc (tagged already): sets head and deprel of
 * every word.  Returns 0 or PETREL_ERR_NOMEM. */
int parser_parse_doc(const parser *p, petrel_doc *doc, petrel_error *err);

typedef struct parser_train_opts {
    train_opts base;
    int jackknife;             /* K > 1: train on tags predicted by K
                                  taggers trained on the other folds */
    const char *tagger_path;   /* tag the development data with it (NULL:
                                  gold tags) */
    int explore;               /* percent of wrong predictions followed
                                  after the first epoch (negative: 60) */
    int runs;                  /* > 1: train that many parsers (seeds
                                  seed, seed+1, ...) and save the mean of
                                  their weights */
} parser_train_opts;

int parser_train(const treebank *train, const treebank *dev, const parser_train_opts *o, const char *path,
                 petrel_error *err);

/* Makes heads[1..n] (0 = root) projective by lifting (training only). */
void parser_projectivize(int32_t *heads, uint32_t n);

#endif
