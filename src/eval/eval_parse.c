/* eval_parse.c - tagging and parsing scores (see eval_parse.h). */
#include "eval_parse.h"

#include <stdlib.h>
#include <string.h>

#include "../api/api.h"
#include "../base/error.h"
#include "../tokenize/tokenize.h"

const char *const eval_parse_names[EP_N] = {"UPOS", "XPOS", "UFeats", "Lemmas", "UAS", "LAS", "Words"};

int eval_copy_tokens(const petrel_doc *gold, petrel_doc *sys) {
    doc_reset(sys);
    if (doc_set_text(sys, gold->text, gold->text_len) != 0)
        return PETREL_ERR_NOMEM;
    sys->id = gold->id ? doc_strdup0(sys, gold->id) : NULL;
    for (uint32_t i = 0; i < gold->nwords; i++) {
        const doc_word *g = &gold->words[i];
        doc_word *w = doc_add_word(sys);
        if (!w)
            return PETREL_ERR_NOMEM;
        w->start = g->start;
        w->len = g->len;
        w->form = doc_strdup(sys, g->form, g->form_len);
        w->norm = doc_strdup(sys, g->norm, g->norm_len);
        if (!w->form || !w->norm)
            return PETREL_ERR_NOMEM;
        w->form_len = g->form_len;
        w->norm_len = g->norm_len;
        w->flags = g->flags;
        w->token_words = g->token_words;
    }
    for (uint32_t i = 0; i < gold->nsents; i++) {
        doc_sentence *s = doc_add_sentence(sys);
        if (!s)
            return PETREL_ERR_NOMEM;
        *s = gold->sents[i];
        s->sent_id = NULL;
    }
    sys->tokenized = 1;
    return 0;
}

static int universal(const char *f, size_t n) {
    static const char *const names[] = {"PronType", "NumType", "Poss",   "Reflex", "Foreign",  "Abbr",  "Gender",
                                        "Animacy",  "Number",  "Case",   "Definite", "Degree", "VerbForm", "Mood",
                                        "Tense",    "Aspect",  "Voice",  "Evident", "Polarity", "Person", "Polite"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strlen(names[i]) == n && memcmp(names[i], f, n) == 0)
            return 1;
    return 0;
}

/* Universal features of a FEATS string, in order, joined by '|'. */
static void ufeats(const char *s, char *out, size_t cap) {
    size_t k = 0;
    out[0] = '\0';
    if (!s || strcmp(s, "_") == 0)
        return;
    while (*s) {
        const char *bar = strchr(s, '|');
        size_t n = bar ? (size_t)(bar - s) : strlen(s);
        const char *eq = memchr(s, '=', n);
        if (eq && universal(s, (size_t)(eq - s)) && k + n + 2 < cap) {
            if (k)
                out[k++] = '|';
            memcpy(out + k, s, n);
            k += n;
            out[k] = '\0';
        }
        s += n;
        if (*s == '|')
            s++;
    }
}

static int same(const char *a, const char *b) {
    if (!a || strcmp(a, "_") == 0)
        a = "";
    if (!b || strcmp(b, "_") == 0)
        b = "";
    return strcmp(a, b) == 0;
}

static int same_label(const char *a, const char *b) {
    if (!a || !b)
        return 0;
    size_t na = strcspn(a, ":"), nb = strcspn(b, ":");
    return na == nb && memcmp(a, b, na) == 0;
}

/* Sentence-level index -> document index of each word's head (-1 root or
 * none). */
static void global_heads(const petrel_doc *d, long *out) {
    for (uint32_t s = 0; s < d->nsents; s++) {
        const doc_sentence *st = &d->sents[s];
        for (uint32_t i = 0; i < st->count; i++) {
            int32_t h = d->words[st->first + i].head;
            out[st->first + i] = (h > 0 && (uint32_t)h <= st->count) ? (long)(st->first + (uint32_t)h - 1) : -1;
        }
    }
}

int eval_parse_doc(const petrel *p, const petrel_doc *gold, petrel_doc *sys, int mode, eval_parse *acc,
                   petrel_error *err) {
    int rc, raw = mode == EVAL_RAW_TEXT;
    if (raw) {
        doc_reset(sys);
        if (doc_set_text(sys, gold->text, gold->text_len) != 0 ||
            (gold->text_len && doc_add_region(sys, 0, gold->text_len, 0) != 0) || tokenize_doc(sys) != 0)
            return err_nomem(err);
    } else if (eval_copy_tokens(gold, sys) != 0) {
        return err_nomem(err);
    }
    if (mode == EVAL_GOLD_TAGS) {
        if (!p->has_parser)
            return err_set(err, PETREL_ERR_ARG, NULL, 0, -1, "no parser");
        for (uint32_t i = 0; i < sys->nwords; i++) {
            sys->words[i].upos = gold->words[i].upos;
            sys->words[i].xpos = gold->words[i].xpos;
            sys->words[i].feats = gold->words[i].feats;
            sys->words[i].lemma = gold->words[i].lemma;
        }
        if ((rc = parser_parse_doc(&p->parser, sys, err)) != 0)
            return rc;
    } else if ((rc = petrel_parse(p, sys, err)) != 0) {
        return rc;
    }
    uint32_t ng = gold->nwords, ns = sys->nwords;
    long *align = malloc(((size_t)ns + 1) * sizeof *align); /* sys -> gold */
    long *gh = malloc(((size_t)ng + 1) * sizeof *gh), *sh = malloc(((size_t)ns + 1) * sizeof *sh);
    if (!align || !gh || !sh) {
        free(align);
        free(gh);
        free(sh);
        return err_nomem(err);
    }
    if (!raw) {
        for (uint32_t j = 0; j < ns; j++)
            align[j] = j;
    } else {
        uint32_t i = 0;
        for (uint32_t j = 0; j < ns; j++) {
            const doc_word *s = &sys->words[j];
            while (i < ng && (gold->words[i].start < s->start ||
                              (gold->words[i].start == s->start && gold->words[i].len < s->len)))
                i++;
            /* words of one multiword token share a start: match in order */
            uint32_t k = i;
            align[j] = -1;
            while (k < ng && gold->words[k].start == s->start) {
                if (gold->words[k].len == s->len) {
                    align[j] = k;
                    i = k + 1;
                    break;
                }
                k++;
            }
        }
        acc->sentences.gold += gold->nsents;
        acc->sentences.system += sys->nsents;
        uint32_t a = 0, b = 0;
        while (a < gold->nsents && b < sys->nsents) {
            const doc_sentence *x = &gold->sents[a], *y = &sys->sents[b];
            if (x->start == y->start && x->end == y->end) {
                acc->sentences.correct++;
                a++;
                b++;
            } else if (x->end <= y->end) {
                a++;
            } else {
                b++;
            }
        }
    }
    global_heads(gold, gh);
    global_heads(sys, sh);
    for (int m = 0; m < EP_N; m++) {
        acc->m[m].gold += ng;
        acc->m[m].system += ns;
    }
    char fa[512], fb[512];
    for (uint32_t j = 0; j < ns; j++) {
        if (align[j] < 0)
            continue;
        const doc_word *s = &sys->words[j], *g = &gold->words[align[j]];
        acc->m[EP_WORDS].correct++;
        acc->m[EP_UPOS].correct += same(s->upos, g->upos);
        acc->m[EP_XPOS].correct += same(s->xpos, g->xpos);
        ufeats(s->feats, fa, sizeof fa);
        ufeats(g->feats, fb, sizeof fb);
        acc->m[EP_UFEATS].correct += strcmp(fa, fb) == 0;
        acc->m[EP_LEMMAS].correct += same(s->lemma, g->lemma);
        int head_ok = (sh[j] < 0 && gh[align[j]] < 0) || (sh[j] >= 0 && align[sh[j]] >= 0 && align[sh[j]] == gh[align[j]]);
        if (head_ok) {
            acc->m[EP_UAS].correct++;
            acc->m[EP_LAS].correct += same_label(s->deprel, g->deprel);
        }
    }
    free(align);
    free(gh);
    free(sh);
    return 0;
}
