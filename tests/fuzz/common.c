/* common.c - what the reader fuzz targets share (see fuzz.h). */
#include "fuzz.h"

#include "petrel.h"

int fuzz_read_all(const uint8_t *data, size_t size, int format) {
    petrel_reader_options o = {.format = (petrel_format)format, .max_story_bytes = 1 << 20};
    petrel_error err;
    petrel_reader *r = petrel_reader_open_memory("fuzz", (const char *)data, size, &o, &err);
    if (!r)
        return 0;
    petrel_doc *doc = petrel_doc_new();
    int rc, guard = 0;
    while (doc && (rc = petrel_reader_next(r, doc, &err)) != 0 && guard++ < 100000) {
        if (rc < 0) {
            if (rc == PETREL_ERR_IO)
                break;
            continue;
        }
        petrel_tokenize(doc, &err);
        /* touch every word so the sanitizers see any bad span */
        size_t n = petrel_doc_word_count(doc);
        for (size_t i = 0; i < n; i++) {
            petrel_word w;
            petrel_doc_word(doc, i, &w);
            volatile char c = w.form_len ? w.form[w.form_len - 1] : 0;
            (void)c;
        }
    }
    petrel_doc_free(doc);
    petrel_reader_close(r);
    return 0;
}
