/* fuzz_dict.c - fuzz target for the dictionary loaders: the input is read
 * as a petrel dictionary and as each PETRARCH and TABARI dictionary kind,
 * then compiled and looked up (see fuzz.h). */
#include "fuzz.h"

#include "../../src/lexicon/lexicon.h"

int fuzz_dict(const uint8_t *data, size_t size) {
    static const lex_format formats[] = {LEX_PETREL,          LEX_PETRARCH_ACTORS, LEX_PETRARCH_AGENTS,
                                         LEX_PETRARCH_VERBS,  LEX_PETRARCH_DISCARDS, LEX_TABARI_ACTORS,
                                         LEX_TABARI_AGENTS,   LEX_TABARI_VERBS};
    for (size_t f = 0; f < sizeof formats / sizeof *formats; f++) {
        lexicon *lex = lexicon_new();
        petrel_error err;
        if (!lex)
            return 0;
        lexicon_load_text(lex, "fuzz", (const char *)data, size, formats[f], &err);
        lexicon_finish(lex);
        /* every actor's code on a few dates */
        for (size_t a = 0; a < lex_actor_count(lex); a++) {
            char code[32];
            lex_actor_code(lex, lex_actor_get(lex, (uint32_t)a), 0, code, sizeof code);
            lex_actor_code(lex, lex_actor_get(lex, (uint32_t)a), 20240101, code, sizeof code);
        }
        lexicon_free(lex);
    }
    return 0;
}

#ifdef PETREL_FUZZ_MAIN
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) { return fuzz_dict(data, size); }
#endif
