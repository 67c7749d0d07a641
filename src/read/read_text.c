/*
 * read_text.c - plain-text wire stories: one story per file (or per standard
 * input), furniture recognized by wire.c.
 */
#include <string.h>

#include "../base/error.h"
#include "reader.h"

int read_text_next(petrel_reader *r, petrel_doc *doc, petrel_error *err) {
    const char *bytes;
    size_t len;
    int too_long;
    r->done = 1; /* one story per input */
    if (input_read_all(&r->in, r->opt.max_story_bytes, &bytes, &len, &too_long) != 0)
        return err_set(err, PETREL_ERR_IO, r->in.name, 0, -1, "read error");
    if (too_long)
        return err_set(err, PETREL_ERR_LIMIT, r->in.name, 1, 0, "story is larger than the %zu-byte limit, skipped",
                       r->opt.max_story_bytes);
    if (input_blank(bytes, len))
        return 0; /* nothing here: petrel_reader_next reports an empty input */
    int rc = doc_set_text(doc, bytes, len);
    if (rc != 0)
        return err_set(err, rc, r->in.name, 1, 0, "%s", petrel_status_name(rc));
    doc->input_line = 1;
    doc->id = doc_strdup0(doc, r->in.name);
    if (wire_parse(doc, 0, 1) != 0)
        return err_nomem(err);
    return reader_finish_story(r, doc, 0, err) == 0 ? 1 : PETREL_ERR_NOMEM;
}
