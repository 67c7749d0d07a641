/*
 * conllu_out.h - writing documents as CoNLL-U and as JSON Lines of
 * sentences and tokens (the output of `petrel tokenize` and `petrel parse`).
 */
#ifndef PETREL_SINK_CONLLU_OUT_H
#define PETREL_SINK_CONLLU_OUT_H

#include <stdio.h>

#include "../doc/doc.h"

/* Writes doc as CoNLL-U: story metadata as comments, a "# newpar" at each
 * paragraph, multiword token lines, TokenRange=start:end and SpaceAfter=No
 * in MISC, annotation columns where the words have them. */
void conllu_write_doc(FILE *f, const petrel_doc *doc);

/* Writes doc as one JSON object on one line: story fields, then sentences
 * with their tokens (and the words of multiword tokens). */
void tokens_json_write_doc(FILE *f, const petrel_doc *doc);

/* Writes doc as plain text: one sentence per line, tokens separated by a
 * space, a multiword token as its words in brackets ("[do n't]"), and an
 * empty line after the story.  The form golden tests are written in. */
void tokens_text_write_doc(FILE *f, const petrel_doc *doc);

/* Writes s[0..n) so that it stays on one line and one field: tabs and line
 * breaks as spaces, invalid UTF-8 as U+FFFD (CoNLL-U comments, TSV, text). */
void sink_line_text(FILE *f, const char *s, size_t n);

/* Formats a date as YYYY-MM-DD into buf (at least 16 bytes); returns buf,
 * or NULL for an unknown date. */
const char *date_format(const petrel_date *d, char *buf);

#endif
