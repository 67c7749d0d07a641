/*
 * code_api.c - the public coding interface: petrel_code and the event
 * views (petrel.h, "coding").
 */
#include <string.h>

#include "../base/error.h"
#include "../doc/doc.h"
#include "../sink/events_out.h"
#include "api.h"

int petrel_code(const petrel *p, petrel_doc *doc, petrel_error *err) {
    if (!p || !doc)
        return err_set(err, PETREL_ERR_ARG, NULL, 0, -1, "petrel_code: NULL handle or document");
    if (!p->coder)
        return err_set(err, PETREL_ERR_ARG, NULL, 0, -1, "petrel_code: the handle was opened without dictionaries");
    int parsed = doc->nwords > 0 && doc->words[0].deprel != NULL && !doc->tokenized;
    (void)parsed;
    /* CoNLL-U input may come parsed: keep a gold parse when every word has
     * a head; otherwise tag and parse */
    int have_tree = doc->nwords > 0;
    for (uint32_t i = 0; i < doc->nwords && have_tree; i++)
        have_tree = doc->words[i].head >= 0 && doc->words[i].deprel && doc->words[i].lemma && doc->words[i].upos;
    if (!have_tree) {
        int rc = petrel_parse(p, doc, err);
        if (rc)
            return rc;
    }
    doc->nmentions = doc->nevents = 0;
    doc->discarded = 0;
    return code_doc(p->coder, doc, err);
}

size_t petrel_dict_diag_count(const petrel *p) { return p && p->coder ? lexicon_diag_count(p->coder->lex) : 0; }

const petrel_error *petrel_dict_diag(const petrel *p, size_t i) {
    return p && p->coder ? lexicon_diag(p->coder->lex, i) : NULL;
}

size_t petrel_doc_event_count(const petrel_doc *doc) { return doc->nevents; }

static void actor_view(const petrel_doc *doc, int32_t m, uint8_t which, petrel_actor *out) {
    memset(out, 0, sizeof *out);
    if (m < 0)
        return;
    const doc_mention *x = &doc->mentions[m];
    out->code = x->ncodes ? x->code[which < x->ncodes ? which : 0] : "";
    out->known = x->ncodes > 0;
    out->start = doc->words[x->start].start;
    out->end = doc->words[x->end - 1].start + doc->words[x->end - 1].len;
    events_plover_actor(out->code, out->country, out->sector);
}

int petrel_doc_event(const petrel *p, const petrel_doc *doc, size_t i, petrel_event *out) {
    if (!doc || i >= doc->nevents)
        return PETREL_ERR_ARG;
    const doc_event *e = &doc->events[i];
    memset(out, 0, sizeof *out);
    out->sentence = e->sent;
    out->cameo = e->code;
    const cameo_table *cameo = p && p->coder ? p->coder->cameo : NULL;
    const cameo_code *cc = cameo ? cameo_find(cameo, e->code) : NULL, *pc = events_plover_entry(cameo, e);
    if (cc) {
        out->cameo_name = cc->name;
        out->goldstein = cc->scale;
        out->quad = cc->quad;
    }
    out->plover = pc ? pc->plover : NULL;
    out->plover_mode = events_plover_mode(cameo, e);
    actor_view(doc, e->source, e->source_code, &out->source);
    actor_view(doc, e->target, e->target_code, &out->target);
    const doc_word *t = &doc->words[e->trigger];
    out->trigger_start = t->start;
    out->trigger_end = t->start + t->len;
    out->negated = e->negated;
    out->modality = events_modality_name(e->modality);
    out->quote = e->quote;
    if (e->date) {
        out->date.year = e->date / 10000;
        out->date.month = e->date / 100 % 100;
        out->date.day = e->date % 100;
    }
    out->location = e->place[0] ? e->place : NULL;
    out->pattern = e->pattern;
    return 0;
}
