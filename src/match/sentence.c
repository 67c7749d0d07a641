/* sentence.c - the coder's view of a parsed sentence (see sentence.h). */
#include "sentence.h"

#include <string.h>

#include "../text/utf8.h"

/* Lower-cases a word for dictionary lookups: ASCII in a small buffer,
 * the rest through utf8_lower. */
static const char *lower(petrel_doc *doc, const char *s, size_t n, size_t *out_len) {
    size_t i = 0;
    while (i < n && (unsigned char)s[i] < 0x80 && !(s[i] >= 'A' && s[i] <= 'Z'))
        i++;
    if (i == n) {
        *out_len = n;
        return s;
    }
    return utf8_lower(doc->arena, s, n, out_len);
}

int sent_view_build(sent_view *v, petrel_doc *doc, const lexicon *lex, uint32_t s) {
    memset(v, 0, sizeof *v);
    v->doc = doc;
    v->lex = lex;
    v->index = s;
    v->first = doc->sents[s].first;
    v->n = doc->sents[s].count;
    uint32_t n = v->n ? v->n : 1;
    arena *a = doc->arena;
    v->form = arena_alloc(a, n * sizeof *v->form);
    v->lemma = arena_alloc(a, n * sizeof *v->lemma);
    v->lower = arena_alloc(a, n * sizeof *v->lower);
    v->lower_len = arena_alloc(a, n * sizeof *v->lower_len);
    v->lemma_str = arena_alloc(a, n * sizeof *v->lemma_str);
    v->head = arena_alloc(a, n * sizeof *v->head);
    v->child = arena_alloc(a, n * sizeof *v->child);
    v->sibling = arena_alloc(a, n * sizeof *v->sibling);
    v->mention = arena_alloc(a, n * sizeof *v->mention);
    v->joined = arena_alloc(a, n * sizeof *v->joined);
    if (!v->form || !v->lemma || !v->lower || !v->lower_len || !v->head || !v->child || !v->sibling || !v->mention ||
        !v->lemma_str || !v->joined)
        return PETREL_ERR_NOMEM;
    for (uint32_t k = 0; k < v->n; k++) {
        const doc_word *w = &doc->words[v->first + k];
        size_t ln;
        const char *lw = lower(doc, w->norm, w->norm_len, &ln);
        if (!lw)
            return PETREL_ERR_NOMEM;
        v->lower[k] = lw;
        v->lower_len[k] = (uint32_t)ln;
        v->form[k] = lex_word(lex, lw, ln);
        v->lemma[k] = v->form[k];
        v->lemma_str[k] = doc_strdup(doc, lw, ln);
        if (!v->lemma_str[k])
            return PETREL_ERR_NOMEM;
        if (w->lemma && *w->lemma) {
            size_t ll;
            const char *lm = lower(doc, w->lemma, strlen(w->lemma), &ll);
            if (!lm || !(v->lemma_str[k] = doc_strdup(doc, lm, ll)))
                return PETREL_ERR_NOMEM;
            int32_t id = lex_word(lex, lm, ll);
            if (id >= 0 || v->lemma[k] < 0)
                v->lemma[k] = id;
        }
        int32_t h = w->head;
        v->head[k] = (h >= 1 && (uint32_t)h <= v->n && (uint32_t)h != k + 1) ? h - 1 : -1;
        v->child[k] = v->sibling[k] = v->mention[k] = -1;
    }
    /* "cease - fire" written "cease-fire": the first part and the second's
     * lemma joined, when the dictionaries know that word */
    for (uint32_t k = 0; k < v->n; k++) {
        v->joined[k] = -1;
        if (k < 2)
            continue;
        const doc_word *a0 = &doc->words[v->first + k - 2], *h = &doc->words[v->first + k - 1],
                       *b = &doc->words[v->first + k];
        if (h->norm_len != 1 || h->norm[0] != '-' || a0->start + a0->len != h->start || h->start + h->len != b->start)
            continue;
        char buf[96];
        size_t la = v->lower_len[k - 2], lb = strlen(v->lemma_str[k]);
        if (la + 1 + lb >= sizeof buf)
            continue;
        memcpy(buf, v->lower[k - 2], la);
        buf[la] = '-';
        memcpy(buf + la + 1, v->lemma_str[k], lb);
        v->joined[k] = lex_word(lex, buf, la + 1 + lb);
        if (v->joined[k] < 0 && v->lower_len[k] + la + 1 < sizeof buf) {
            memcpy(buf + la + 1, v->lower[k], v->lower_len[k]);
            v->joined[k] = lex_word(lex, buf, la + 1 + v->lower_len[k]);
        }
    }
    /* children in sentence order: link from the last word backwards */
    for (int32_t k = (int32_t)v->n - 1; k >= 0; k--) {
        int32_t h = v->head[k];
        if (h >= 0) {
            v->sibling[k] = v->child[h];
            v->child[h] = k;
        }
    }
    return 0;
}

int sv_rel_exact(const sent_view *v, int32_t k, const char *rel) {
    const char *d = sv_word(v, k)->deprel;
    return d && strcmp(d, rel) == 0;
}

/* Called for most words of most sentences: a plain loop, which leaves at
 * the first differing letter, costs less than strlen and strncmp. */
int sv_rel_is(const sent_view *v, int32_t k, const char *rel) {
    const char *d = sv_word(v, k)->deprel;
    if (!d)
        return 0;
    size_t i = 0;
    int sub = 0;
    for (; rel[i]; i++) {
        if (d[i] != rel[i])
            return 0;
        sub |= rel[i] == ':';
    }
    return d[i] == '\0' || (d[i] == ':' && !sub);
}

int sv_upos_is(const sent_view *v, int32_t k, const char *upos) {
    const char *u = sv_word(v, k)->upos;
    return u && strcmp(u, upos) == 0;
}

int sv_lemma_is(const sent_view *v, int32_t k, const char *w) { return strcmp(v->lemma_str[k], w) == 0; }

int32_t sv_child(const sent_view *v, int32_t k, const char *rel) {
    for (int32_t c = v->child[k]; c >= 0; c = v->sibling[c])
        if (sv_rel_is(v, c, rel))
            return c;
    return -1;
}

int32_t sv_case(const sent_view *v, int32_t k) {
    /* the last one, next to the noun: "out of the city" is an "of" phrase
     * ("out" is the verb's particle the parser hung there) */
    int32_t first = -1, last = -1;
    int any = 0;
    for (int32_t c = v->child[k]; c >= 0; c = v->sibling[c]) {
        if (!(sv_rel_is(v, c, "case") || (sv_rel_is(v, c, "mark") && sv_lemma_is(v, c, "to"))))
            continue;
        int32_t id = v->lemma[c] >= 0 ? v->lemma[c] : v->form[c];
        if (!any++)
            first = id;
        if (c < k)
            last = id;
    }
    /* else the first, wherever it stands */
    return last >= 0 ? last : first;
}

int sv_feat(const sent_view *v, int32_t k, const char *feat) {
    const char *f = sv_word(v, k)->feats;
    if (!f)
        return 0;
    size_t n = strlen(feat);
    for (const char *p = f; *p;) {
        if (strncmp(p, feat, n) == 0 && (p[n] == '|' || p[n] == '\0'))
            return 1;
        const char *bar = strchr(p, '|');
        if (!bar)
            break;
        p = bar + 1;
    }
    return 0;
}
