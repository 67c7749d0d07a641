/*
 * reader.h - story readers: the first stage of the pipeline.
 *
 * petrel_reader (petrel.h) dispatches on the input format to one reader per
 * format below.  Each reads one story into a document, filling the story
 * fields and the text, and leaves analysis regions for the tokenizer.
 * Readers share the finishing step (default date, id, UTF-8 check) in
 * reader_finish_story().
 */
#ifndef PETREL_READ_READER_H
#define PETREL_READ_READER_H

#include "../doc/doc.h"
#include "input.h"
#include "petrel.h"

typedef struct xml_state xml_state; /* PETRARCH reader, read_petrarch.c */

struct petrel_reader {
    input in;
    petrel_reader_options opt;
    petrel_format format;
    long stories;          /* stories returned so far (for made-up ids) */
    long failures;         /* bad stories reported so far */
    int done;              /* nothing more will be read */
    xml_state *xml;        /* PETRARCH reader state */
    /* CoNLL-U reader: a comment line read ahead that starts the next story */
    char *pending;
    size_t pending_len;
    long pending_line;
    long long pending_off;
};

/* Per-format readers: 1 story, 0 end, negative status for a bad story. */
int read_text_next(petrel_reader *r, petrel_doc *doc, petrel_error *err);
int read_jsonl_next(petrel_reader *r, petrel_doc *doc, petrel_error *err);
int read_petrarch_next(petrel_reader *r, petrel_doc *doc, petrel_error *err);
int read_tabari_next(petrel_reader *r, petrel_doc *doc, petrel_error *err);
int read_conllu_next(petrel_reader *r, petrel_doc *doc, petrel_error *err);
void read_petrarch_free(petrel_reader *r);

/* Common last step for a story just read: a made-up id when the input gave
 * none, the default date when it gave none, a warning for each invalid
 * UTF-8 byte of the text (file offset = text offset + text_file_offset,
 * or -1 when the text is not a verbatim slice of the file), one body region
 * covering the text when the reader set none.  Returns 0 or
 * PETREL_ERR_NOMEM. */
int reader_finish_story(petrel_reader *r, petrel_doc *doc, long long text_file_offset, petrel_error *err);

/* Recognizes wire-story furniture in doc->text (headline line, byline,
 * dateline lead, trailers) and sets the story fields and the analysis
 * regions accordingly, looking at text from byte `from` on.  with_headline:
 * the first line may be a headline.
 * Defined in wire.c. */
int wire_parse(petrel_doc *doc, uint32_t from, int with_headline);

/* Builds doc->text as headline, blank line, body (either may be NULL or
 * empty) and sets body_offset and the regions.  Returns 0 or a status. */
int reader_set_headline_body(petrel_doc *doc, const char *headline, size_t hlen, const char *body, size_t blen);

#endif
