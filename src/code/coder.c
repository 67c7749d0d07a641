/* coder.c - loading what the coder reads (see code.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/error.h"
#include "code.h"

coder *coder_open(const coder_options *opt, petrel_error *err) {
    coder *cd = calloc(1, sizeof *cd);
    if (!cd) {
        err_nomem(err);
        return NULL;
    }
    const char *data = opt && opt->data_dir ? opt->data_dir : "data";
    char path[2048];
    snprintf(path, sizeof path, "%s/cameo/cameo.txt", data);
    cd->cameo = cameo_load(path, err);
    cd->lex = lexicon_new();
    if (!cd->cameo || !cd->lex) {
        if (cd->cameo && !cd->lex)
            err_nomem(err);
        coder_free(cd);
        return NULL;
    }
    cd->peer_rules = opt && opt->peer_rules;
    int rc = 0;
    if (opt && opt->dict_format != PETREL_DICT_PETREL) {
        int tabari = opt->dict_format == PETREL_DICT_TABARI;
        const struct {
            const char *path;
            lex_format format;
        } files[] = {
            {opt->actors, tabari ? LEX_TABARI_ACTORS : LEX_PETRARCH_ACTORS},
            {opt->agents, tabari ? LEX_TABARI_AGENTS : LEX_PETRARCH_AGENTS},
            {opt->verbs, tabari ? LEX_TABARI_VERBS : LEX_PETRARCH_VERBS},
            {opt->discards, LEX_PETRARCH_DISCARDS},
        };
        for (size_t i = 0; i < sizeof files / sizeof *files && rc == 0; i++)
            if (files[i].path)
                rc = lexicon_load_file(cd->lex, files[i].path, files[i].format, err);
    } else if (opt && opt->dict_dir) {
        rc = lexicon_load_dir(cd->lex, opt->dict_dir, err);
    } else {
        snprintf(path, sizeof path, "%s/dict", data);
        rc = lexicon_load_dir(cd->lex, path, err);
    }
    if (rc == 0 && lexicon_finish(cd->lex) != 0)
        rc = err_nomem(err);
    if (rc) {
        coder_free(cd);
        return NULL;
    }
    return cd;
}

void coder_free(coder *cd) {
    if (!cd)
        return;
    lexicon_free(cd->lex);
    cameo_free(cd->cameo);
    free(cd);
}
