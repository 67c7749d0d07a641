/*
 * api.h - the petrel handle behind the public petrel_open / petrel_tag /
 * petrel_parse (petrel.h).
 *
 * A handle is the immutable part of the pipeline: the models (and, later,
 * the compiled dictionaries) that every thread reads and none writes.  Keep
 * it small and read-only after petrel_open: per-story and per-thread
 * scratch belongs in the document (its arena), never here, so that one
 * handle can serve any number of threads (STYLE.md, practice 3).
 */
#ifndef PETREL_API_H
#define PETREL_API_H

#include "../code/code.h"
#include "../parse/parser.h"
#include "../tag/tagger.h"
#include "petrel.h"

#define PETREL_TAGGER_FILE "en-tagger.model"
#define PETREL_PARSER_FILE "en-parser.model"

struct petrel {
    tagger tagger;          /* tagger and lemmatizer, mapped read-only */
    parser parser;          /* dependency parser, mapped read-only */
    int has_parser;         /* 0 when opened with no_parser */
    int has_tagger;         /* 0 when opened with no_models */
    char models_dir[512];   /* where the models came from, for messages */
    coder *coder;           /* dictionaries and CAMEO table, NULL when the
                               handle only tags and parses */
};

#endif
