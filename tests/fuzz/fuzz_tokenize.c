/* fuzz_tokenize.c - fuzz target for the sentence splitter and tokenizer:
 * the input is one plain-text story (see fuzz.h). */
#include "fuzz.h"

#include "petrel.h"

int fuzz_tokenize(const uint8_t *data, size_t size) {
    petrel_doc *doc = petrel_doc_new();
    petrel_error err;
    if (doc && petrel_doc_load_text(doc, "fuzz", (const char *)data, size, NULL, &err) == 0 &&
        petrel_tokenize(doc, &err) == 0) {
        /* words must tile their sentence in order, inside the text */
        size_t prev_end = 0, n = petrel_doc_word_count(doc);
        for (size_t i = 0; i < n; i++) {
            petrel_word w;
            petrel_doc_word(doc, i, &w);
            if (w.start < prev_end || w.end <= w.start || w.end > size)
                __builtin_trap();
            prev_end = w.end;
        }
    }
    petrel_doc_free(doc);
    return 0;
}

#ifdef PETREL_FUZZ_MAIN
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) { return fuzz_tokenize(data, size); }
#endif
