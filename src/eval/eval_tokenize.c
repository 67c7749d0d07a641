/* eval_tokenize.c - tokenization scores (see eval.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../text/utf8.h"
#include "../tokenize/tokenize.h"
#include "eval.h"

typedef struct span {
    uint32_t start, end;
    uint32_t first, count; /* words */
} span;

/* Surface tokens of a document, in text order. */
static span *token_spans(const petrel_doc *doc, size_t *n) {
    span *s = malloc(sizeof *s * (doc->nwords + 1));
    if (!s)
        return NULL;
    size_t k = 0;
    for (uint32_t i = 0; i < doc->nwords;) {
        const doc_word *w = &doc->words[i];
        uint32_t nw = w->token_words ? w->token_words : 1;
        if (i + nw > doc->nwords)
            nw = doc->nwords - i;
        uint32_t end = w->start + w->len;
        for (uint32_t j = i; j < i + nw; j++)
            if (doc->words[j].start + doc->words[j].len > end)
                end = doc->words[j].start + doc->words[j].len;
        s[k].start = w->start;
        s[k].end = end;
        s[k].first = i;
        s[k].count = nw;
        k++;
        i += nw;
    }
    *n = k;
    return s;
}

static int same_lower(const petrel_doc *a, const doc_word *x, const petrel_doc *b, const doc_word *y) {
    (void)a;
    (void)b;
    if (x->form_len != y->form_len)
        return 0;
    for (uint32_t i = 0; i < x->form_len; i++) {
        char c = x->form[i], d = y->form[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (d >= 'A' && d <= 'Z')
            d = (char)(d + 32);
        if (c != d)
            return 0;
    }
    return 1;
}

/* Longest common subsequence of two short word lists. */
static unsigned lcs(const petrel_doc *ga, const doc_word *g, uint32_t ng, const petrel_doc *sa, const doc_word *s,
                    uint32_t ns) {
    unsigned t[17][17];
    if (ng > 16)
        ng = 16;
    if (ns > 16)
        ns = 16;
    for (uint32_t i = 0; i <= ng; i++)
        for (uint32_t j = 0; j <= ns; j++) {
            if (i == 0 || j == 0)
                t[i][j] = 0;
            else if (same_lower(ga, &g[i - 1], sa, &s[j - 1]))
                t[i][j] = t[i - 1][j - 1] + 1;
            else
                t[i][j] = t[i - 1][j] > t[i][j - 1] ? t[i - 1][j] : t[i][j - 1];
        }
    return t[ng][ns];
}

/* The text around byte at, on one line. */
static void context(FILE *f, const char *what, const petrel_doc *doc, uint32_t at) {
    uint32_t s = at > 40 ? at - 40 : 0, e = at + 40 < doc->text_len ? at + 40 : doc->text_len;
    fprintf(f, "%s %s: ", doc->id ? doc->id : "", what);
    for (uint32_t k = s; k < e; k++) {
        if (k == at)
            fputs(" || ", f);
        char c = doc->text[k];
        fputc(c == '\n' ? ' ' : c, f);
    }
    fputc('\n', f);
}

int eval_tokenize_doc(const petrel_doc *gold, petrel_doc *sys, eval_tok *acc, FILE *diffs) {
    doc_reset(sys);
    if (doc_set_text(sys, gold->text, gold->text_len) != 0)
        return PETREL_ERR_NOMEM;
    if (gold->text_len && doc_add_region(sys, 0, gold->text_len, 0) != 0)
        return PETREL_ERR_NOMEM;
    if (tokenize_doc(sys) != 0)
        return PETREL_ERR_NOMEM;

    size_t ng, ns;
    span *g = token_spans(gold, &ng);
    span *s = token_spans(sys, &ns);
    if (!g || !s) {
        free(g);
        free(s);
        return PETREL_ERR_NOMEM;
    }
    acc->tokens.gold += ng;
    acc->tokens.system += ns;
    acc->words.gold += gold->nwords;
    acc->words.system += sys->nwords;
    size_t i = 0, j = 0;
    size_t gi0 = SIZE_MAX, sj0 = 0; /* start of a disagreement */
    while (i < ng && j < ns) {
        int same = g[i].start == s[j].start && g[i].end == s[j].end;
        if (diffs && !same && gi0 == SIZE_MAX) {
            gi0 = i;
            sj0 = j;
        }
        if (diffs && same && gi0 != SIZE_MAX) {
            fprintf(diffs, "%s token  gold:", gold->id ? gold->id : "");
            for (size_t k = gi0; k < i; k++)
                fprintf(diffs, " [%.*s]", (int)(g[k].end - g[k].start), gold->text + g[k].start);
            fputs("  system:", diffs);
            for (size_t k = sj0; k < j; k++)
                fprintf(diffs, " [%.*s]", (int)(s[k].end - s[k].start), sys->text + s[k].start);
            fputc('\n', diffs);
            gi0 = SIZE_MAX;
        }
        if (same) {
            acc->tokens.correct++;
            if (g[i].count == 1 && s[j].count == 1)
                acc->words.correct++;
            else
                acc->words.correct += lcs(gold, &gold->words[g[i].first], g[i].count, sys, &sys->words[s[j].first],
                                          s[j].count);
            i++;
            j++;
        } else if (g[i].end <= s[j].end) {
            i++;
        } else {
            j++;
        }
    }
    free(g);
    free(s);

    acc->sentences.gold += gold->nsents;
    acc->sentences.system += sys->nsents;
    i = j = 0;
    while (i < gold->nsents && j < sys->nsents) {
        const doc_sentence *a = &gold->sents[i], *b = &sys->sents[j];
        if (a->start == b->start && a->end == b->end) {
            acc->sentences.correct++;
            i++;
            j++;
        } else if (a->end <= b->end) {
            i++;
        } else {
            j++;
        }
    }
    if (diffs) {
        /* boundaries (sentence ends) that only one side has */
        i = j = 0;
        while (i < gold->nsents || j < sys->nsents) {
            uint32_t ge = i < gold->nsents ? gold->sents[i].end : UINT32_MAX;
            uint32_t se = j < sys->nsents ? sys->sents[j].end : UINT32_MAX;
            if (ge == se) {
                i++;
                j++;
            } else if (ge < se) {
                context(diffs, "sentence end only in gold  ", gold, ge);
                i++;
            } else {
                context(diffs, "sentence end only in system", gold, se);
                j++;
            }
        }
    }
    return 0;
}

double eval_precision(const eval_counts *c) { return c->system ? 100.0 * (double)c->correct / (double)c->system : 0; }

double eval_recall(const eval_counts *c) { return c->gold ? 100.0 * (double)c->correct / (double)c->gold : 0; }

double eval_f1(const eval_counts *c) {
    double d = (double)c->gold + (double)c->system;
    return d > 0 ? 200.0 * (double)c->correct / d : 0;
}

const char *eval_genre(const char *id, char *buf, size_t len) {
    if (!id || !*id) {
        snprintf(buf, len, "(none)");
        return buf;
    }
    if (strncmp(id, "GUM_", 4) == 0)
        id += 4;
    size_t n = strcspn(id, "-_");
    if (n >= len)
        n = len - 1;
    memcpy(buf, id, n);
    buf[n] = '\0';
    return buf;
}
