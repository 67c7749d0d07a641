/*
 * petrel.c - the public handle: opening the models, tagging and parsing a
 * document (see petrel.h, "tagging and parsing").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/error.h"
#include "../doc/doc.h"
#include "../tokenize/tokenize.h"
#include "api.h"

petrel *petrel_open(const petrel_options *opt, petrel_error *err) {
    const char *dir = opt && opt->models_dir ? opt->models_dir : "models";
    petrel *p = calloc(1, sizeof *p);
    if (!p) {
        err_nomem(err);
        return NULL;
    }
    snprintf(p->models_dir, sizeof p->models_dir, "%s", dir);
    char path[1024];
    int models = !opt || !opt->no_models;
    snprintf(path, sizeof path, "%s/%s", dir, PETREL_TAGGER_FILE);
    if (models && tagger_load(&p->tagger, path, err) != 0) {
        free(p);
        return NULL;
    }
    p->has_tagger = models;
    if (models && (!opt || !opt->no_parser)) {
        snprintf(path, sizeof path, "%s/%s", dir, PETREL_PARSER_FILE);
        if (parser_load(&p->parser, path, err) != 0) {
            tagger_unload(&p->tagger);
            free(p);
            return NULL;
        }
        p->has_parser = 1;
    }
    if (opt && (opt->data_dir || opt->dict_dir || opt->actors || opt->agents || opt->verbs)) {
        coder_options co = {opt->data_dir, opt->dict_dir, (int)opt->dict_format, opt->actors, opt->agents,
                            opt->verbs, opt->discards, opt->peer_rules};
        p->coder = coder_open(&co, err);
        if (!p->coder) {
            petrel_close(p);
            return NULL;
        }
    }
    return p;
}

void petrel_close(petrel *p) {
    if (!p)
        return;
    if (p->has_tagger)
        tagger_unload(&p->tagger);
    if (p->has_parser)
        parser_unload(&p->parser);
    coder_free(p->coder);
    free(p);
}

int petrel_tag(const petrel *p, petrel_doc *doc, petrel_error *err) {
    if (!p || !doc)
        return err_set(err, PETREL_ERR_ARG, NULL, 0, -1, "petrel_tag: NULL handle or document");
    if (!p->has_tagger)
        return err_set(err, PETREL_ERR_MODEL, doc->input_name, doc->input_line, -1,
                       "story %s is not parsed and the handle was opened without models", doc->id ? doc->id : "?");
    if (!doc->tokenized) {
        int rc = petrel_tokenize(doc, err);
        if (rc)
            return rc;
    }
    return tagger_tag_doc(&p->tagger, doc, err);
}

int petrel_parse(const petrel *p, petrel_doc *doc, petrel_error *err) {
    if (!p || !doc)
        return err_set(err, PETREL_ERR_ARG, NULL, 0, -1, "petrel_parse: NULL handle or document");
    if (!p->has_parser)
        return err_set(err, PETREL_ERR_ARG, NULL, 0, -1, "petrel_parse: the handle was opened without the parser");
    int rc = petrel_tag(p, doc, err);
    if (rc)
        return rc;
    return parser_parse_doc(&p->parser, doc, err);
}
