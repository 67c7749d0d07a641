/*
 * doc.c - the document and its public accessors (see doc.h and petrel.h).
 *
 * Arrays grow by doubling inside the arena; the abandoned smaller copies are
 * released with the story.  That wastes at most as much again as the final
 * array and keeps every allocation of a story in one place.
 */
#include "doc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/error.h"

const char *petrel_version(void) { return PETREL_VERSION_STRING; }

petrel_doc *petrel_doc_new(void) {
    petrel_doc *doc = calloc(1, sizeof *doc);
    if (!doc)
        return NULL;
    doc->arena = arena_new(256 * 1024);
    if (!doc->arena) {
        free(doc);
        return NULL;
    }
    doc_reset(doc);
    return doc;
}

void petrel_doc_free(petrel_doc *doc) {
    if (!doc)
        return;
    arena_free(doc->arena);
    free(doc);
}

void petrel_doc_set_memory_limit(petrel_doc *doc, size_t bytes) { arena_set_limit(doc->arena, bytes); }

void doc_reset(petrel_doc *doc) {
    arena *a = doc->arena;
    int explain = doc->explain; /* a setting of the document, kept */
    arena_reset(a);
    memset(doc, 0, sizeof *doc);
    doc->arena = a;
    doc->explain = explain;
    doc->text = "";
}

char *doc_strdup(petrel_doc *doc, const char *s, size_t len) { return arena_strndup(doc->arena, s, len); }

char *doc_strdup0(petrel_doc *doc, const char *s) { return s ? arena_strndup(doc->arena, s, strlen(s)) : NULL; }

int doc_set_text(petrel_doc *doc, const char *text, size_t len) {
    if (len >= (size_t)INT32_MAX)
        return PETREL_ERR_LIMIT;
    char *t = arena_strndup(doc->arena, text, len);
    if (!t)
        return PETREL_ERR_NOMEM;
    doc->text = t;
    doc->text_len = (uint32_t)len;
    return 0;
}

/* Makes room for one more element of size elem in *array. */
static int grow(petrel_doc *doc, void **array, uint32_t count, uint32_t *cap, size_t elem, uint32_t first) {
    if (count < *cap)
        return 0;
    uint32_t ncap = *cap ? *cap * 2 : first;
    if (ncap <= *cap)
        return -1;
    void *p = arena_grow(doc->arena, *array, (size_t)count * elem, (size_t)ncap * elem);
    if (!p)
        return -1;
    *array = p;
    *cap = ncap;
    return 0;
}

int doc_add_region(petrel_doc *doc, uint32_t start, uint32_t end, int headline) {
    if (grow(doc, (void **)&doc->regions, doc->nregions, &doc->cap_regions, sizeof *doc->regions, 8))
        return -1;
    doc_region *r = &doc->regions[doc->nregions++];
    r->start = start;
    r->end = end;
    r->headline = headline;
    return 0;
}

doc_word *doc_add_word(petrel_doc *doc) {
    if (grow(doc, (void **)&doc->words, doc->nwords, &doc->cap_words, sizeof *doc->words, 256))
        return NULL;
    doc_word *w = &doc->words[doc->nwords++];
    memset(w, 0, sizeof *w);
    w->head = -1;
    w->token_words = 1;
    return w;
}

doc_sentence *doc_add_sentence(petrel_doc *doc) {
    if (grow(doc, (void **)&doc->sents, doc->nsents, &doc->cap_sents, sizeof *doc->sents, 32))
        return NULL;
    doc_sentence *s = &doc->sents[doc->nsents++];
    memset(s, 0, sizeof *s);
    return s;
}

int doc_add_meta(petrel_doc *doc, const char *key, const char *json) {
    if (grow(doc, (void **)&doc->meta, doc->nmeta, &doc->cap_meta, sizeof *doc->meta, 8))
        return -1;
    doc_meta *m = &doc->meta[doc->nmeta];
    m->key = doc_strdup0(doc, key);
    m->json = doc_strdup0(doc, json);
    if (!m->key || !m->json)
        return -1;
    doc->nmeta++;
    return 0;
}

doc_mention *doc_add_mention(petrel_doc *doc) {
    if (grow(doc, (void **)&doc->mentions, doc->nmentions, &doc->cap_mentions, sizeof *doc->mentions, 32))
        return NULL;
    doc_mention *m = &doc->mentions[doc->nmentions++];
    memset(m, 0, sizeof *m);
    m->actor = m->antecedent = m->group = -1;
    return m;
}

doc_event *doc_add_event(petrel_doc *doc) {
    if (grow(doc, (void **)&doc->events, doc->nevents, &doc->cap_events, sizeof *doc->events, 16))
        return NULL;
    doc_event *e = &doc->events[doc->nevents++];
    memset(e, 0, sizeof *e);
    e->source = e->target = e->reporter = e->date_word = e->place_word = -1;
    return e;
}

void doc_trace(petrel_doc *doc, const char *fmt, ...) {
    if (!doc->explain)
        return;
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (grow(doc, (void **)&doc->trace, doc->ntrace, &doc->cap_trace, sizeof *doc->trace, 64))
        return;
    const char *line = doc_strdup0(doc, buf);
    if (line)
        doc->trace[doc->ntrace++] = line;
}

const char *doc_meta_get(const petrel_doc *doc, const char *key) {
    for (uint32_t i = 0; i < doc->nmeta; i++)
        if (strcmp(doc->meta[i].key, key) == 0)
            return doc->meta[i].json;
    return NULL;
}

void doc_warn(petrel_doc *doc, long line, long long offset, const char *fmt, ...) {
    if (doc->nwarnings >= DOC_MAX_WARNINGS) {
        doc->warnings_dropped++;
        return;
    }
    if (!doc->warnings) {
        doc->warnings = arena_alloc(doc->arena, DOC_MAX_WARNINGS * sizeof *doc->warnings);
        if (!doc->warnings) {
            doc->warnings_dropped++;
            return;
        }
    }
    petrel_error *w = &doc->warnings[doc->nwarnings++];
    memset(w, 0, sizeof *w);
    w->code = PETREL_ERR_FORMAT;
    w->line = line;
    w->offset = offset;
    snprintf(w->file, sizeof w->file, "%s", doc->input_name ? doc->input_name : "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(w->message, sizeof w->message, fmt, ap);
    va_end(ap);
}

/* ---------------------------------------------------------- public views */

void petrel_doc_story(const petrel_doc *doc, petrel_story *out) {
    memset(out, 0, sizeof *out);
    out->id = doc->id;
    out->source = doc->source;
    out->headline = doc->headline;
    out->dateline = doc->dateline;
    out->byline = doc->byline;
    out->credits = doc->credits;
    out->copyright_year = doc->copyright_year;
    out->date = doc->date;
    out->date_origin = doc->date_origin;
    out->text = doc->text;
    out->text_len = doc->text_len;
    out->body_offset = doc->body_offset;
    out->input_name = doc->input_name;
    out->input_line = doc->input_line;
}

size_t petrel_doc_meta_count(const petrel_doc *doc) { return doc->nmeta; }

int petrel_doc_meta(const petrel_doc *doc, size_t i, const char **key, const char **json_value) {
    if (i >= doc->nmeta)
        return PETREL_ERR_ARG;
    *key = doc->meta[i].key;
    *json_value = doc->meta[i].json;
    return 0;
}

size_t petrel_doc_warning_count(const petrel_doc *doc) { return doc->nwarnings; }

const petrel_error *petrel_doc_warning(const petrel_doc *doc, size_t i) {
    return i < doc->nwarnings ? &doc->warnings[i] : NULL;
}

size_t petrel_doc_sentence_count(const petrel_doc *doc) { return doc->nsents; }

size_t petrel_doc_word_count(const petrel_doc *doc) { return doc->nwords; }

int petrel_doc_sentence(const petrel_doc *doc, size_t i, petrel_sentence *out) {
    if (i >= doc->nsents)
        return PETREL_ERR_ARG;
    const doc_sentence *s = &doc->sents[i];
    out->first_word = s->first;
    out->word_count = s->count;
    out->start = s->start;
    out->end = s->end;
    out->headline = (s->flags & SENT_HEADLINE) != 0;
    out->paragraph = (int)s->paragraph;
    return 0;
}

int petrel_doc_word(const petrel_doc *doc, size_t i, petrel_word *out) {
    if (i >= doc->nwords)
        return PETREL_ERR_ARG;
    const doc_word *w = &doc->words[i];
    out->start = w->start;
    out->end = (size_t)w->start + w->len;
    out->form = w->form;
    out->form_len = w->form_len;
    out->norm = w->norm;
    out->norm_len = w->norm_len;
    out->space_after = (w->flags & WORD_SPACE_AFTER) != 0;
    out->token_words = w->token_words;
    out->token_start = w->start;
    out->token_end = out->end;
    if (w->token_words > 1 && i + w->token_words <= doc->nwords) {
        const doc_word *last = &doc->words[i + w->token_words - 1];
        out->token_end = (size_t)last->start + last->len;
    }
    out->lemma = w->lemma;
    out->upos = w->upos;
    out->xpos = w->xpos;
    out->feats = w->feats;
    out->head = w->head;
    out->deprel = w->deprel;
    return 0;
}
