/*
 * parser.c - the arc-hybrid dependency parser (see parser.h): features,
 * transitions, the dynamic oracle, prediction and training.
 *
 * Configuration: stack s2 s1 s0 | buffer b0 b1 b2 ... ROOT.  Positions are
 * 1..n for the words, n+1 for ROOT, 0 for "none".  Feature templates (w =
 * lower-cased word, t = XPOS, u = UPOS, l = label; lc1/lc2 = leftmost and
 * second leftmost child, rc1/rc2 = rightmost ones; d = distance bucket;
 * vl/vr = left/right valency):
 *
 *    0 s0w     1 s0t     2 s0w s0t   3 s1w     4 s1t     5 s1w s1t
 *    6 b0w     7 b0t     8 b0w b0t   9 b1w    10 b1t    11 b2t
 *   12 s2t    13 s0w b0w            14 s0t b0t          15 s0w s0t b0t
 *   16 s0t b0w b0t      17 s0w b0t  18 s0t b0w          19 s1w s0w
 *   20 s1t s0t          21 s1t s0w  22 s1w s0t          23 s0t b0t b1t
 *   24 s1t s0t b0t      25 s2t s1t s0t                  26 s1t s0t s0lc1t
 *   27 s1t s0t s0rc1t   28 s0t b0t b0lc1t               29 s1t s1rc1t s0t
 *   30 d(s0,b0) s0t b0t 31 d(s0,b0) s0w                 32 d(s1,s0) s1t s0t
 *   33 s0vl s0vr s0t    34 b0vl b0t 35 s0lc1l s0t       36 s0rc1l s0t
 *   37 b0lc1l b0t       38 s0lc1w   39 s0rc1w           40 b0lc1w
 *   41 s1rc1l s1t       42 s0lc1l s0lc2l s0t            43 s0rc1l s0rc2l s0t
 *   44 b0lc1l b0lc2l b0t            45 s0u b0u          46 s0t s0lc1t s0lc2t
 *   47 b0t b0lc1t b0lc2t            48 b1w b1t          49 s1lc1t s1t s0t
 *   50 s0u s1u b0u      51 d(s1,b0) s1t b0t 52 s0w s0t b0w b0t
 *   53 s0w s0t b0w      54 s0w b0w b0t      55 b0t b1t b2t
 *   56 d(s0,b0) b0w     57 s1u s0u          58 b0u b1u
 */
#define _POSIX_C_SOURCE 200809L
#include "parser.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../base/error.h"

static const char PARSE_TEMPLATES[] = "petrel parser templates 2: arc-hybrid root-last; 59 templates s0 s1 s2 b0 b1 b2 "
                                      "w/t/u, lc1 lc2 rc1 rc2 labels, distance, valency";

#define NPF 59
#define FNV_BASIS 0xcbf29ce484222325ULL
#define FNV_PRIME 0x100000001b3ULL

static uint64_t template_hash(void) { return model_hash_bytes(PARSE_TEMPLATES, sizeof PARSE_TEMPLATES - 1, 0); }

/* What the features see of a position. */
typedef struct pw {
    uint64_t w, t, u;
} pw;

static uint64_t hash_lower(const char *s, size_t n) {
    uint64_t h = FNV_BASIS;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        h ^= (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
        h *= FNV_PRIME;
    }
    return model_mix64(h);
}

static uint64_t hash_str(const char *s) { return s ? model_hash_bytes(s, strlen(s), 3) : 3; }

static const pw NONE_POS = {0x5151515151515151ULL, 0x5252525252525252ULL, 0x5353535353535353ULL};
static const pw ROOT_POS = {0x6161616161616161ULL, 0x6262626262626262ULL, 0x6363636363636363ULL};

/* ---------------------------------------------------------------- the state */

typedef struct pstate {
    uint32_t n, sp, b;
    uint32_t *stack;
    int32_t *head;              /* [n+2]; -1 none */
    uint16_t *label;            /* label + 1; 0 none */
    uint32_t *lc1, *lc2, *rc1, *rc2;
    uint8_t *vl, *vr;
} pstate;

static size_t state_bytes(uint32_t n) {
    size_t m = (size_t)n + 2;
    return m * (sizeof(uint32_t) * 5 + sizeof(int32_t) + sizeof(uint16_t) + 2) + 64;
}

/* Lays the state's arrays out in mem (state_bytes(n) bytes). */
static void state_init(pstate *s, uint32_t n, void *mem) {
    size_t m = (size_t)n + 2;
    char *p = mem;
    memset(p, 0, state_bytes(n));
    s->n = n;
    s->sp = 0;
    s->b = 1;
    s->stack = (uint32_t *)p;
    p += m * sizeof(uint32_t);
    s->lc1 = (uint32_t *)p;
    p += m * sizeof(uint32_t);
    s->lc2 = (uint32_t *)p;
    p += m * sizeof(uint32_t);
    s->rc1 = (uint32_t *)p;
    p += m * sizeof(uint32_t);
    s->rc2 = (uint32_t *)p;
    p += m * sizeof(uint32_t);
    s->head = (int32_t *)p;
    p += m * sizeof(int32_t);
    s->label = (uint16_t *)p;
    p += m * sizeof(uint16_t);
    s->vl = (uint8_t *)p;
    p += m;
    s->vr = (uint8_t *)p;
    for (size_t i = 0; i < m; i++)
        s->head[i] = -1;
}

static inline int terminal(const pstate *s) { return s->sp == 0 && s->b == s->n + 1; }

/* Transition classes: 0 SHIFT, 1..L LEFT-l, L+1..2L RIGHT-l. */
static inline int legal(const pstate *s, uint32_t c, uint32_t L, uint32_t root) {
    if (c == 0)
        return s->b <= s->n;
    if (c <= L) {
        if (s->sp < 1)
            return 0;
        if (s->b == s->n + 1)
            return s->sp == 1 && c - 1 == root;
        return c - 1 != root;
    }
    return s->sp >= 2 && c - 1 - L != root;
}

static void apply(pstate *s, uint32_t c, uint32_t L) {
    if (c == 0) {
        s->stack[s->sp++] = s->b++;
        return;
    }
    uint32_t d = s->stack[--s->sp], h, l;
    if (c <= L) {
        h = s->b;
        l = c - 1;
        s->lc2[h] = s->lc1[h];
        s->lc1[h] = d;
        if (s->vl[h] < 255)
            s->vl[h]++;
    } else {
        h = s->stack[s->sp - 1];
        l = c - 1 - L;
        s->rc2[h] = s->rc1[h];
        s->rc1[h] = d;
        if (s->vr[h] < 255)
            s->vr[h]++;
    }
    s->head[d] = (int32_t)h;
    s->label[d] = (uint16_t)(l + 1);
}

static inline uint64_t dist(uint32_t a, uint32_t b) {
    if (!a || !b)
        return 0;
    uint32_t d = a > b ? a - b : b - a;
    return d <= 4 ? d : d <= 6 ? 5 : d <= 9 ? 7 : 10;
}

static size_t features(const pstate *s, const pw *x, uint64_t *f) {
    uint32_t n1 = s->n + 1;
    uint32_t s0 = s->sp >= 1 ? s->stack[s->sp - 1] : 0, s1 = s->sp >= 2 ? s->stack[s->sp - 2] : 0,
             s2 = s->sp >= 3 ? s->stack[s->sp - 3] : 0;
    uint32_t b0 = s->b, b1 = s->b + 1 <= n1 ? s->b + 1 : 0, b2 = s->b + 2 <= n1 ? s->b + 2 : 0;
    const pw *S0 = &x[s0], *S1 = &x[s1], *S2 = &x[s2], *B0 = &x[b0], *B1 = &x[b1], *B2 = &x[b2];
    uint32_t s0l1 = s->lc1[s0], s0l2 = s->lc2[s0], s0r1 = s->rc1[s0], s0r2 = s->rc2[s0];
    uint32_t b0l1 = s->lc1[b0], b0l2 = s->lc2[b0], s1r1 = s->rc1[s1], s1l1 = s->lc1[s1];
    uint64_t lab_s0l1 = s->label[s0l1], lab_s0l2 = s->label[s0l2], lab_s0r1 = s->label[s0r1],
             lab_s0r2 = s->label[s0r2], lab_b0l1 = s->label[b0l1], lab_b0l2 = s->label[b0l2],
             lab_s1r1 = s->label[s1r1];
    uint64_t d0 = dist(s0, b0), d1 = dist(s1, s0), d2 = dist(s1, b0);
    size_t k = 0;
    f[k++] = model_feat(0, S0->w, 0, 0);
    f[k++] = model_feat(1, S0->t, 0, 0);
    f[k++] = model_feat(2, S0->w, S0->t, 0);
    f[k++] = model_feat(3, S1->w, 0, 0);
    f[k++] = model_feat(4, S1->t, 0, 0);
    f[k++] = model_feat(5, S1->w, S1->t, 0);
    f[k++] = model_feat(6, B0->w, 0, 0);
    f[k++] = model_feat(7, B0->t, 0, 0);
    f[k++] = model_feat(8, B0->w, B0->t, 0);
    f[k++] = model_feat(9, B1->w, 0, 0);
    f[k++] = model_feat(10, B1->t, 0, 0);
    f[k++] = model_feat(11, B2->t, 0, 0);
    f[k++] = model_feat(12, S2->t, 0, 0);
    f[k++] = model_feat(13, S0->w, B0->w, 0);
    f[k++] = model_feat(14, S0->t, B0->t, 0);
    f[k++] = model_feat(15, S0->w, S0->t, B0->t);
    f[k++] = model_feat(16, S0->t, B0->w, B0->t);
    f[k++] = model_feat(17, S0->w, B0->t, 0);
    f[k++] = model_feat(18, S0->t, B0->w, 0);
    f[k++] = model_feat(19, S1->w, S0->w, 0);
    f[k++] = model_feat(20, S1->t, S0->t, 0);
    f[k++] = model_feat(21, S1->t, S0->w, 0);
    f[k++] = model_feat(22, S1->w, S0->t, 0);
    f[k++] = model_feat(23, S0->t, B0->t, B1->t);
    f[k++] = model_feat(24, S1->t, S0->t, B0->t);
    f[k++] = model_feat(25, S2->t, S1->t, S0->t);
    f[k++] = model_feat(26, S1->t, S0->t, x[s0l1].t);
    f[k++] = model_feat(27, S1->t, S0->t, x[s0r1].t);
    f[k++] = model_feat(28, S0->t, B0->t, x[b0l1].t);
    f[k++] = model_feat(29, S1->t, x[s1r1].t, S0->t);
    f[k++] = model_feat(30, d0, S0->t, B0->t);
    f[k++] = model_feat(31, d0, S0->w, 0);
    f[k++] = model_feat(32, d1, S1->t, S0->t);
    f[k++] = model_feat(33, (uint64_t)s->vl[s0] << 8 | s->vr[s0], S0->t, 0);
    f[k++] = model_feat(34, s->vl[b0], B0->t, 0);
    f[k++] = model_feat(35, lab_s0l1, S0->t, 0);
    f[k++] = model_feat(36, lab_s0r1, S0->t, 0);
    f[k++] = model_feat(37, lab_b0l1, B0->t, 0);
    f[k++] = model_feat(38, x[s0l1].w, 0, 0);
    f[k++] = model_feat(39, x[s0r1].w, 0, 0);
    f[k++] = model_feat(40, x[b0l1].w, 0, 0);
    f[k++] = model_feat(41, lab_s1r1, S1->t, 0);
    f[k++] = model_feat(42, lab_s0l1, lab_s0l2, S0->t);
    f[k++] = model_feat(43, lab_s0r1, lab_s0r2, S0->t);
    f[k++] = model_feat(44, lab_b0l1, lab_b0l2, B0->t);
    f[k++] = model_feat(45, S0->u, B0->u, 0);
    f[k++] = model_feat(46, S0->t, x[s0l1].t, x[s0l2].t);
    f[k++] = model_feat(47, B0->t, x[b0l1].t, x[b0l2].t);
    f[k++] = model_feat(48, B1->w, B1->t, 0);
    f[k++] = model_feat(49, x[s1l1].t, S1->t, S0->t);
    f[k++] = model_feat(50, S0->u, S1->u, B0->u);
    f[k++] = model_feat(51, d2, S1->t, B0->t);
    f[k++] = model_feat(52, S0->w ^ (S0->t << 1), B0->w, B0->t);
    f[k++] = model_feat(53, S0->w, S0->t, B0->w);
    f[k++] = model_feat(54, S0->w, B0->w, B0->t);
    f[k++] = model_feat(55, B0->t, B1->t, B2->t);
    f[k++] = model_feat(56, d0, B0->w, 0);
    f[k++] = model_feat(57, S1->u, S0->u, 0);
    f[k++] = model_feat(58, B0->u, B1->u, 0);
    return k;
}

/* ------------------------------------------------------------------ runtime */

int parser_load(parser *p, const char *path, petrel_error *err) {
    memset(p, 0, sizeof *p);
    int rc = model_open(&p->file, path, "parser", template_hash(), err);
    if (rc)
        return rc;
    size_t n;
    p->strings = model_section_get(&p->file, "strings", 1, &p->strings_len);
    p->labels = model_section_get(&p->file, "labels", sizeof(uint32_t), &n);
    p->nlabels = (uint32_t)n;
    int bad = !p->strings || !p->strings_len || p->strings[p->strings_len - 1] || !p->labels || !p->nlabels;
    bad = bad || wtable_load(&p->weights, &p->file, "arc") != 0 || p->weights.nclass != 1 + 2 * p->nlabels;
    p->root_label = UINT32_MAX;
    for (uint32_t l = 0; !bad && l < p->nlabels; l++) {
        if (p->labels[l] >= p->strings_len) {
            bad = 1;
            break;
        }
        if (strcmp(p->strings + p->labels[l], "root") == 0)
            p->root_label = l;
    }
    if (bad || p->root_label == UINT32_MAX) {
        model_close(&p->file);
        memset(p, 0, sizeof *p);
        return err_set(err, PETREL_ERR_MODEL, path, 0, -1,
                       "not a usable petrel model: parser sections missing or inconsistent");
    }
    return 0;
}

void parser_unload(parser *p) {
    model_close(&p->file);
    memset(p, 0, sizeof *p);
}

/* Parses one sentence whose positions x[0..n+1] are filled; leaves the tree
 * in s. */
static void parse_sentence(const parser *p, pstate *s, const pw *x, int32_t *scores) {
    uint32_t L = p->nlabels, nc = 1 + 2 * L;
    uint64_t f[NPF];
    while (!terminal(s)) {
        size_t nf = features(s, x, f);
        memset(scores, 0, nc * sizeof *scores);
        wtable_add_all(&p->weights, f, nf, scores);
        uint32_t best = UINT32_MAX;
        for (uint32_t c = 0; c < nc; c++)
            if (legal(s, c, L, p->root_label) && (best == UINT32_MAX || scores[c] > scores[best]))
                best = c;
        apply(s, best, L);
    }
}

int parser_parse_doc(const parser *p, petrel_doc *doc, petrel_error *err) {
    uint32_t maxn = 0;
    for (uint32_t s = 0; s < doc->nsents; s++)
        if (doc->sents[s].count > maxn)
            maxn = doc->sents[s].count;
    if (!maxn)
        return 0;
    pw *x = arena_alloc(doc->arena, ((size_t)maxn + 2) * sizeof *x);
    void *mem = arena_alloc(doc->arena, state_bytes(maxn));
    int32_t *scores = arena_alloc(doc->arena, (1 + 2 * (size_t)p->nlabels) * sizeof *scores);
    if (!x || !mem || !scores)
        return err_set(err, PETREL_ERR_NOMEM, doc->input_name, doc->input_line, -1,
                       "out of memory while parsing story %s", doc->id ? doc->id : "?");
    for (uint32_t si = 0; si < doc->nsents; si++) {
        const doc_sentence *st = &doc->sents[si];
        doc_word *w = &doc->words[st->first];
        uint32_t n = st->count;
        if (!n)
            continue;
        x[0] = NONE_POS;
        for (uint32_t i = 0; i < n; i++) {
            x[i + 1].w = hash_lower(w[i].norm, w[i].norm_len);
            x[i + 1].t = hash_str(w[i].xpos);
            x[i + 1].u = hash_str(w[i].upos);
        }
        x[n + 1] = ROOT_POS;
        pstate s;
        state_init(&s, n, mem);
        parse_sentence(p, &s, x, scores);
        for (uint32_t i = 0; i < n; i++) {
            int32_t h = s.head[i + 1];
            w[i].head = h == (int32_t)n + 1 ? 0 : h;
            w[i].deprel = p->strings + p->labels[s.label[i + 1] - 1];
        }
    }
    return 0;
}

/* ----------------------------------------------------------- projectivizing */

static int dominates(const int32_t *heads, uint32_t n, int32_t h, int32_t k) {
    for (uint32_t steps = 0; k > 0 && steps <= n; steps++) {
        if (k == h)
            return 1;
        k = heads[k];
    }
    return h == 0;
}

void parser_projectivize(int32_t *heads, uint32_t n) {
    for (uint32_t round = 0; round < n * 2 + 2; round++) {
        uint32_t best = 0, best_span = UINT32_MAX;
        for (uint32_t d = 1; d <= n; d++) {
            int32_t h = heads[d];
            if (h <= 0)
                continue;
            uint32_t lo = (uint32_t)h < d ? (uint32_t)h : d, hi = (uint32_t)h < d ? d : (uint32_t)h;
            if (hi - lo >= best_span)
                continue;
            for (uint32_t k = lo + 1; k < hi; k++)
                if (!dominates(heads, n, h, (int32_t)k)) {
                    best = d;
                    best_span = hi - lo;
                    break;
                }
        }
        if (!best)
            return;
        heads[best] = heads[heads[best]]; /* lift */
    }
}

/* ----------------------------------------------------------------- training */

typedef struct tsent {
    uint32_t first, n;      /* words in the treebank */
    int usable;             /* one root, heads in range */
} tsent;

typedef struct gold_view {
    const int32_t *head;    /* [n+2], ROOT = n+1 */
    const uint16_t *label;  /* label id */
} gold_view;

/* Unlabeled costs of SHIFT, LEFT and RIGHT (Goldberg and Nivre 2013). */
static void costs(const pstate *s, const gold_view *g, int *cs, int *cl, int *cr) {
    uint32_t n = s->n, b = s->b;
    uint32_t s0 = s->sp >= 1 ? s->stack[s->sp - 1] : 0, s1 = s->sp >= 2 ? s->stack[s->sp - 2] : 0;
    *cs = *cl = *cr = 0;
    if (b <= n) {
        int32_t h = g->head[b];
        for (uint32_t k = 0; k < s->sp; k++) {
            uint32_t d = s->stack[k];
            if (g->head[d] == (int32_t)b)
                (*cs)++;
            if (d == (uint32_t)h && d != s0)
                (*cs)++;
        }
    }
    if (s0) {
        int32_t h = g->head[s0];
        int dep_in_buffer = 0;
        for (uint32_t d = b; d <= n; d++)
            if (g->head[d] == (int32_t)s0)
                dep_in_buffer++;
        *cl = dep_in_buffer + ((h != (int32_t)b && ((s1 && h == (int32_t)s1) || h > (int32_t)b)) ? 1 : 0);
        *cr = dep_in_buffer + ((h != (int32_t)s1 && h >= (int32_t)b) ? 1 : 0);
    }
}

static uint64_t rng_next(uint64_t *st) {
    uint64_t z = (*st += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static double wall(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Fills x[1..n] of the treebank words from their norm and the tag strings
 * given (NULL = the gold columns). */
static void fill_positions(const treebank *tb, pw *x, const char *const *xpos, const char *const *upos) {
    for (size_t i = 0; i < tb->nwords; i++) {
        const tb_word *w = &tb->words[i];
        x[i].w = hash_lower(tb_str(tb, w->norm), w->norm_len);
        x[i].t = hash_str(xpos ? xpos[i] : tb_str(tb, w->xpos));
        x[i].u = hash_str(upos ? upos[i] : tb_str(tb, w->upos));
    }
}

/* Tags every sentence of tb with the tagger at path; fills xpos/upos. */
static int tag_with(const char *path, const treebank *tb, const tb_sent *sents, size_t nsents, const char **xpos,
                    const char **upos, petrel_error *err) {
    tagger t;
    int rc = tagger_load(&t, path, err);
    if (rc)
        return rc;
    uint32_t maxn = 1;
    for (size_t s = 0; s < nsents; s++)
        if (sents[s].count > maxn)
            maxn = sents[s].count;
    tag_token *tok = malloc(maxn * sizeof *tok);
    tg_word *ws = malloc(maxn * sizeof *ws);
    uint16_t *cls = malloc(maxn * sizeof *cls);
    if (!tok || !ws || !cls) {
        free(tok);
        free(ws);
        free(cls);
        tagger_unload(&t);
        return err_nomem(err);
    }
    for (size_t s = 0; s < nsents; s++) {
        const tb_sent *st = &sents[s];
        for (uint32_t i = 0; i < st->count; i++) {
            tok[i].norm = tb_str(tb, tb->words[st->first + i].norm);
            tok[i].len = tb->words[st->first + i].norm_len;
        }
        tagger_predict(&t, tok, st->count, ws, cls);
        for (uint32_t i = 0; i < st->count; i++) {
            /* the strings live in the mapping: copy the few distinct ones */
            const tg_class *c = &t.classes[cls[i]];
            xpos[st->first + i] = t.strings + c->xpos;
            upos[st->first + i] = t.strings + c->upos;
        }
    }
    free(tok);
    free(ws);
    free(cls);
    /* keep the mapping alive: the caller's pointers point into it; it is
     * unmapped when the process ends (training is a one-shot command) */
    return 0;
}

/* Jackknifing: K taggers, each trained on the sentences outside one fold,
 * tag that fold. */
static int jackknife(const treebank *train, const parser_train_opts *o, const char *path, const char **xpos,
                     const char **upos, petrel_error *err) {
    int K = o->jackknife;
    char tmp[1200];
    snprintf(tmp, sizeof tmp, "%s.jackknife-tagger", path);
    tb_sent *held = malloc(train->nsents * sizeof *held);
    treebank view = *train;
    view.words = malloc(train->nwords * sizeof *view.words);
    view.sents = malloc(train->nsents * sizeof *view.sents);
    if (!held || !view.words || !view.sents) {
        free(held);
        free(view.words);
        free(view.sents);
        return err_nomem(err);
    }
    int rc = 0;
    for (int k = 0; k < K && rc == 0; k++) {
        view.nwords = view.nsents = 0;
        size_t nheld = 0;
        for (size_t s = 0; s < train->nsents; s++) {
            const tb_sent *st = &train->sents[s];
            if ((int)(s * (size_t)K / train->nsents) == k) {
                held[nheld++] = *st;
                continue;
            }
            view.sents[view.nsents].first = (uint32_t)view.nwords;
            view.sents[view.nsents].count = st->count;
            view.nsents++;
            memcpy(view.words + view.nwords, train->words + st->first, st->count * sizeof *view.words);
            view.nwords += st->count;
        }
        train_opts to = o->base;
        to.epochs = 0;
        to.runs = 1;
        to.progress = NULL;
        to.command = "jackknife fold";
        rc = tagger_train(&view, NULL, &to, tmp, err);
        if (rc == 0)
            rc = tag_with(tmp, train, held, nheld, xpos, upos, err);
        if (o->base.progress) {
            train_progress pr = {0, K, 0, 0, 0, 0};
            pr.epoch = -(k + 1);
            o->base.progress(o->base.ctx, &pr);
        }
    }
    remove(tmp);
    free(held);
    free(view.words);
    free(view.sents);
    return rc;
}

int parser_train(const treebank *train, const treebank *dev, const parser_train_opts *o, const char *path,
                 petrel_error *err) {
    int epochs = o->base.epochs > 0 ? o->base.epochs : 15;
    int min_q = o->base.min_q > 0 ? o->base.min_q : 2;
    int explore = o->explore >= 0 ? o->explore : 60;
    strpool sp;
    memset(&sp, 0, sizeof sp);
    if (strpool_add(&sp, "", 0) != 0)
        return err_nomem(err);
    /* labels in order of first appearance */
    uint32_t *label_off = calloc(1024, sizeof *label_off);
    uint16_t *glabel = malloc((train->nwords + 1) * sizeof *glabel);
    uint16_t *dlabel = dev ? malloc((dev->nwords + 1) * sizeof *dlabel) : NULL;
    pw *xt = malloc((train->nwords + 1) * sizeof *xt);
    pw *xd = dev ? malloc((dev->nwords + 1) * sizeof *xd) : NULL;
    const char **tx = NULL, **tu = NULL;
    uint32_t L = 0;
    int rc = 0;
    ptrain pt = {0}, merged = {0};
    uint32_t *order = malloc((train->nsents + 1) * sizeof *order);
    if (!label_off || !glabel || !xt || !order || (dev && (!dlabel || !xd))) {
        rc = err_nomem(err);
        goto out;
    }
    uint32_t root = UINT32_MAX;
    for (int pass = 0; pass < 2; pass++) {
        const treebank *tb = pass ? dev : train;
        uint16_t *lab = pass ? dlabel : glabel;
        if (!tb)
            continue;
        for (size_t i = 0; i < tb->nwords; i++) {
            const char *d = tb_str(tb, tb->words[i].deprel);
            long off = strpool_add(&sp, d, strlen(d));
            if (off < 0) {
                rc = err_nomem(err);
                goto out;
            }
            uint32_t l;
            for (l = 0; l < L; l++)
                if (label_off[l] == (uint32_t)off)
                    break;
            if (l == L) {
                if (pass || L == 1024) {
                    lab[i] = UINT16_MAX; /* unknown in dev: never right */
                    continue;
                }
                label_off[L++] = (uint32_t)off;
                if (strcmp(d, "root") == 0)
                    root = l;
            }
            lab[i] = (uint16_t)l;
        }
    }
    if (root == UINT32_MAX) {
        rc = err_set(err, PETREL_ERR_FORMAT, NULL, 0, -1, "the training data has no \"root\" relation");
        goto out;
    }
    /* tags: gold, or jackknifed */
    if (o->jackknife > 1) {
        tx = calloc(train->nwords + 1, sizeof *tx);
        tu = calloc(train->nwords + 1, sizeof *tu);
        if (!tx || !tu) {
            rc = err_nomem(err);
            goto out;
        }
        rc = jackknife(train, o, path, tx, tu, err);
        if (rc)
            goto out;
    }
    fill_positions(train, xt, tx, tu);
    if (dev) {
        if (o->tagger_path) {
            const char **dx = calloc(dev->nwords + 1, sizeof *dx), **du = calloc(dev->nwords + 1, sizeof *du);
            if (!dx || !du) {
                free(dx);
                free(du);
                rc = err_nomem(err);
                goto out;
            }
            rc = tag_with(o->tagger_path, dev, dev->sents, dev->nsents, dx, du, err);
            if (rc == 0)
                fill_positions(dev, xd, dx, du);
            free(dx);
            free(du);
            if (rc)
                goto out;
        } else {
            fill_positions(dev, xd, NULL, NULL);
        }
    }
    uint32_t nc = 1 + 2 * L;
    if (ptrain_init(&pt, nc) != 0 || (o->runs > 1 && ptrain_init(&merged, nc) != 0)) {
        rc = err_nomem(err);
        goto out;
    }
    merged.now = 1; /* holds means in `total`: see ptrain_merge_mean */
    uint32_t maxn = 1;
    for (size_t s = 0; s < train->nsents; s++)
        if (train->sents[s].count > maxn)
            maxn = train->sents[s].count;
    if (dev)
        for (size_t s = 0; s < dev->nsents; s++)
            if (dev->sents[s].count > maxn)
                maxn = dev->sents[s].count;
    pw *x = malloc(((size_t)maxn + 2) * sizeof *x);
    void *mem = malloc(state_bytes(maxn));
    int32_t *gh = malloc(((size_t)maxn + 2) * sizeof *gh);
    uint16_t *gl = malloc(((size_t)maxn + 2) * sizeof *gl);
    float *scores = malloc(nc * sizeof *scores);
    int *cost = malloc(nc * sizeof *cost);
    if (!x || !mem || !gh || !gl || !scores || !cost) {
        free(x);
        free(mem);
        free(gh);
        free(gl);
        free(scores);
        free(cost);
        rc = err_nomem(err);
        goto out;
    }
    double t0 = wall();
    uint64_t f[NPF];
    int runs = o->runs > 1 ? o->runs : 1;
    for (int run = 0; run < runs && rc == 0; run++) {
    /* each run: a parser trained from scratch with its own seed; the saved
     * weights are the mean of the runs' averaged weights */
    if (run > 0) {
        if (ptrain_merge_mean(&merged, &pt, 1.0 / runs) != 0) {
            rc = err_nomem(err);
            break;
        }
        ptrain_free(&pt);
        if (ptrain_init(&pt, nc) != 0) {
            rc = err_nomem(err);
            break;
        }
    }
    for (size_t s = 0; s < train->nsents; s++)
        order[s] = (uint32_t)s;
    uint64_t rng = (o->base.seed + (uint64_t)run) ^ 0x5deece66dULL;
    for (int ep = 1; ep <= epochs; ep++) {
        for (size_t s = train->nsents; s > 1; s--) {
            size_t r = rng_next(&rng) % s;
            uint32_t t = order[s - 1];
            order[s - 1] = order[r];
            order[r] = t;
        }
        for (size_t si = 0; si < train->nsents; si++) {
            const tb_sent *st = &train->sents[order[si]];
            uint32_t n = st->count;
            /* gold tree: one root, heads in range, made projective */
            int roots = 0, ok = n > 0;
            gh[0] = -1;
            for (uint32_t i = 1; i <= n && ok; i++) {
                int32_t h = train->words[st->first + i - 1].head;
                if (h < 0 || h > (int32_t)n)
                    ok = 0;
                roots += h == 0;
                gh[i] = h;
                gl[i] = glabel[st->first + i - 1];
            }
            if (!ok || roots != 1)
                continue;
            parser_projectivize(gh, n);
            for (uint32_t i = 1; i <= n; i++)
                if (gh[i] == 0)
                    gh[i] = (int32_t)n + 1;
            gh[n + 1] = -1;
            gold_view g = {gh, gl};
            x[0] = NONE_POS;
            memcpy(x + 1, xt + st->first, n * sizeof *x);
            x[n + 1] = ROOT_POS;
            pstate s;
            state_init(&s, n, mem);
            while (!terminal(&s)) {
                size_t nf = features(&s, x, f);
                memset(scores, 0, nc * sizeof *scores);
                ptrain_score(&pt, f, nf, scores);
                int cs, cl, cr;
                costs(&s, &g, &cs, &cl, &cr);
                uint32_t s0 = s.sp >= 1 ? s.stack[s.sp - 1] : 0, s1 = s.sp >= 2 ? s.stack[s.sp - 2] : 0;
                uint32_t pred = UINT32_MAX, best = UINT32_MAX;
                int minc = 1 << 30;
                for (uint32_t c = 0; c < nc; c++) {
                    if (!legal(&s, c, L, root)) {
                        cost[c] = -1;
                        continue;
                    }
                    if (c == 0)
                        cost[c] = cs;
                    else if (c <= L)
                        cost[c] = cl + (gh[s0] == (int32_t)s.b && gl[s0] != c - 1);
                    else
                        cost[c] = cr + (gh[s0] == (int32_t)s1 && gl[s0] != c - 1 - L);
                    if (cost[c] < minc)
                        minc = cost[c];
                    if (pred == UINT32_MAX || scores[c] > scores[pred])
                        pred = c;
                }
                for (uint32_t c = 0; c < nc; c++)
                    if (cost[c] == minc && (best == UINT32_MAX || scores[c] > scores[best]))
                        best = c;
                ptrain_update(&pt, f, nf, best, cost[pred] == minc ? best : pred);
                uint32_t next = best;
                if (cost[pred] == minc)
                    next = pred;
                else if (ep > 1 && (int)(rng_next(&rng) % 100) < explore)
                    next = pred;
                apply(&s, next, L);
            }
        }
        if (pt.failed) {
            rc = err_nomem(err);
            break;
        }
        double las = 0, uas = 0;
        if (dev) {
            size_t right_u = 0, right_l = 0, total = 0;
            for (size_t si = 0; si < dev->nsents; si++) {
                const tb_sent *st = &dev->sents[si];
                uint32_t n = st->count;
                if (!n)
                    continue;
                x[0] = NONE_POS;
                memcpy(x + 1, xd + st->first, n * sizeof *x);
                x[n + 1] = ROOT_POS;
                pstate s;
                state_init(&s, n, mem);
                while (!terminal(&s)) {
                    size_t nf = features(&s, x, f);
                    memset(scores, 0, nc * sizeof *scores);
                    ptrain_score_avg(&pt, f, nf, scores);
                    uint32_t pred = UINT32_MAX;
                    for (uint32_t c = 0; c < nc; c++)
                        if (legal(&s, c, L, root) && (pred == UINT32_MAX || scores[c] > scores[pred]))
                            pred = c;
                    apply(&s, pred, L);
                }
                for (uint32_t i = 1; i <= n; i++) {
                    const tb_word *w = &dev->words[st->first + i - 1];
                    int32_t h = s.head[i] == (int32_t)n + 1 ? 0 : s.head[i];
                    total++;
                    if (h == w->head) {
                        right_u++;
                        right_l += (uint32_t)(s.label[i] - 1) == dlabel[st->first + i - 1];
                    }
                }
            }
            uas = total ? 100.0 * (double)right_u / (double)total : 0;
            las = total ? 100.0 * (double)right_l / (double)total : 0;
        }
        if (o->base.progress) {
            double el = wall() - t0;
            int done = run * epochs + ep, all = runs * epochs;
            train_progress pr = {done, all, las, uas, el, el / done * (all - done)};
            o->base.progress(o->base.ctx, &pr);
        }
    }
    }
    if (rc == 0 && runs > 1) {
        if (ptrain_merge_mean(&merged, &pt, 1.0 / runs) != 0)
            rc = err_nomem(err);
        ptrain_free(&pt);
        pt = merged;
        memset(&merged, 0, sizeof merged);
    }
    free(x);
    free(mem);
    free(gh);
    free(gl);
    free(scores);
    free(cost);
    if (rc == 0) {
        model_writer mw;
        model_writer_init(&mw, "parser", template_hash(), train->hash, train->name, o->base.seed);
        int used_q = min_q;
    size_t kept = ptrain_save(&pt, &mw, "arc", min_q, o->base.max_bytes, &used_q);
        model_writer_add(&mw, "labels", label_off, L * sizeof *label_off);
        model_writer_add(&mw, "strings", sp.p, sp.len);
        char meta[1024];
        int n = snprintf(meta, sizeof meta,
                         "kind=parser\ntrain=%s\ndev=%s\nseed=%llu\nepochs=%d\nlabels=%u\nfeatures=%zu\n"
                         "jackknife=%d\nexplore=%d\nruns=%d\nmin_weight=%d\nentries=%zu\ncommand=%s\n",
                         train->name, dev ? dev->name : "", (unsigned long long)o->base.seed, epochs, L, pt.count,
                         o->jackknife, explore, o->runs > 1 ? o->runs : 1, used_q, kept, o->base.command ? o->base.command : "");
        model_writer_add(&mw, "meta", meta, (size_t)n < sizeof meta ? (size_t)n : sizeof meta - 1);
        rc = model_writer_save(&mw, path, err);
    }
out:
    ptrain_free(&merged);
    ptrain_free(&pt);
    strpool_free(&sp);
    free(label_off);
    free(glabel);
    free(dlabel);
    free(xt);
    free(xd);
    free(tx);
    free(tu);
    free(order);
    return rc;
}
