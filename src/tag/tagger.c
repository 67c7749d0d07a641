/*
 * tagger.c - the part-of-speech and morphology tagger (see tagger.h):
 * features, prediction, loading and training.
 *
 * Feature templates (the numbers are part of the model: changing them
 * changes TAG_TEMPLATES and so the template hash, and old models are then
 * refused).  w = the word lower-cased, p1/p2 = XPOS of the two previously
 * predicted words, suf/pre = byte suffixes/prefixes of w, shape = the word
 * with letters mapped to X/x, digits to d and runs collapsed ("Xx", "d,d").
 *
 *    0 bias           1 w              2-5 suffix 1..4   6-8 prefix 1..3
 *    9 shape         10 p1            11 p1 p2          12 p1 w
 *   13 w[-1]         14 w[+1]         15 w[-2]          16 w[+2]
 *   17 suf3[-1]      18 suf3[+1]      19 shape[+1]      20 shape[-1]
 *   21 w[-1] w       22 w w[+1]       23 shape, first   24 exact form
 *   25 p1 suf3       26 flags         27 p1 w[+1]
 *   28 a             29 a[+1]         30 a[+2]          31 p1 a[+1]
 *   32 a a[+1]       33 a[-1] a       34 w a[+1]
 *
 * a = the word's ambiguity class: the set of XPOS tags the lower-cased word
 * had in training (words seen at least twice; tags with at least 2% of its
 * occurrences), as the Stanford tagger's lookahead features (Toutanova et
 * al. 2003) use it: it tells a greedy left-to-right tagger what is coming.
 *
 *   35 c             36 c shape       37 c[+1]          38 p1 c
 *   39 c[-1] c
 *
 * c = the word's capitalization profile, derived from unlabeled text (the
 * news corpus and the treebank text at training time, baked into the
 * model): how often the lower-cased word is written capitalized when it is
 * not the first word of a sentence (6 buckets) and how frequent it is (4
 * buckets).  "google" in a web comment is PROPN because "Google" is
 * capitalized nearly everywhere else; proper versus common noun is the
 * tagger's most frequent confusion on EWT.
 */
#define _POSIX_C_SOURCE 200809L
#include "tagger.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../base/error.h"

static const char TAG_TEMPLATES[] = "petrel tagger templates 1: bias w suf1-4 pre1-3 shape p1 p1p2 p1w w-1 w+1 w-2 "
                                    "w+2 suf3-1 suf3+1 shape+1 shape-1 w-1w ww+1 shape0 exact p1suf3 flags p1w+1; "
                                    "joint upos/xpos/feats; lemma rules 1; amb a a+1 a+2 p1a+1 aa+1 a-1a wa+1; casing c cshape c+1 p1c c-1c";

#define NFEAT 40
#define FNV_BASIS 0xcbf29ce484222325ULL
#define FNV_PRIME 0x100000001b3ULL

enum { F_DIGIT = 1, F_UPPER = 2, F_HYPHEN = 4, F_ALLUPPER = 8, F_LOWER = 16, F_NONASCII = 32, F_PUNCT = 64 };

static uint64_t template_hash(void) { return model_hash_bytes(TAG_TEMPLATES, sizeof TAG_TEMPLATES - 1, 0); }

static inline unsigned char lower(unsigned char c) { return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c; }


static void word_prep(const char *s, uint32_t n, tg_word *w) {
    uint64_t he = FNV_BASIS, hl = FNV_BASIS;
    char shape[16];
    int sl = 0;
    char last = 0;
    uint32_t flags = 0;
    int letters = 0, uppers = 0;
    for (uint32_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        he = (he ^ c) * FNV_PRIME;
        hl = (hl ^ lower(c)) * FNV_PRIME;
        char sc;
        if (c >= 'A' && c <= 'Z') {
            sc = 'X';
            flags |= F_UPPER;
            letters++;
            uppers++;
        } else if (c >= 'a' && c <= 'z') {
            sc = 'x';
            flags |= F_LOWER;
            letters++;
        } else if (c >= '0' && c <= '9') {
            sc = 'd';
            flags |= F_DIGIT;
        } else if (c >= 0x80) {
            flags |= F_NONASCII;
            sc = c >= 0xc0 ? 'u' : 0;
        } else {
            sc = (char)c;
            if (c == '-')
                flags |= F_HYPHEN;
            else
                flags |= F_PUNCT;
        }
        if (sc && sc != last && sl < 12) {
            shape[sl++] = sc;
            last = sc;
        }
    }
    if (letters > 1 && uppers == letters)
        flags |= F_ALLUPPER;
    w->exact = model_mix64(he);
    w->low = model_mix64(hl);
    w->shape = model_hash_bytes(shape, (size_t)sl, 7);
    for (uint32_t k = 1; k <= 4; k++)
        w->suf[k - 1] = k < n ? model_hash_lower(s + n - k, k, k) : w->low ^ k;
    for (uint32_t k = 1; k <= 3; k++)
        w->pre[k - 1] = k < n ? model_hash_lower(s, k, 16 + k) : w->low ^ (16 + k);
    w->flags = flags;
    w->len = n;
}

/* Out-of-sentence positions. */
static const tg_word boundary[2] = {
    {0x1111111111111111ULL, 0x1111111111111111ULL, 0x1111111111111111ULL, {1, 1, 1, 1}, {1, 1, 1}, 1, 1, 0, 0},
    {0x2222222222222222ULL, 0x2222222222222222ULL, 0x2222222222222222ULL, {2, 2, 2, 2}, {2, 2, 2}, 2, 2, 0, 0}};

static inline const tg_word *at(const tg_word *w, size_t n, long i) {
    if (i < 0)
        return &boundary[0];
    if ((size_t)i >= n)
        return &boundary[1];
    return &w[i];
}

/* The features of word i given the XPOS ids (+1; 0 = start) of the two
 * previous predictions. */
static size_t features(const tg_word *ws, size_t n, size_t i, uint64_t p1, uint64_t p2, uint64_t *f) {
    const tg_word *w = &ws[i], *m1 = at(ws, n, (long)i - 1), *m2 = at(ws, n, (long)i - 2), *n1 = at(ws, n, (long)i + 1),
                  *n2 = at(ws, n, (long)i + 2);
    size_t k = 0;
    f[k++] = model_feat(0, 0, 0, 0);
    f[k++] = model_feat(1, w->low, 0, 0);
    for (int j = 0; j < 4; j++)
        f[k++] = model_feat(2 + (uint32_t)j, w->suf[j], 0, 0);
    for (int j = 0; j < 3; j++)
        f[k++] = model_feat(6 + (uint32_t)j, w->pre[j], 0, 0);
    f[k++] = model_feat(9, w->shape, 0, 0);
    f[k++] = model_feat(10, p1, 0, 0);
    f[k++] = model_feat(11, p1, p2, 0);
    f[k++] = model_feat(12, p1, w->low, 0);
    f[k++] = model_feat(13, m1->low, 0, 0);
    f[k++] = model_feat(14, n1->low, 0, 0);
    f[k++] = model_feat(15, m2->low, 0, 0);
    f[k++] = model_feat(16, n2->low, 0, 0);
    f[k++] = model_feat(17, m1->suf[2], 0, 0);
    f[k++] = model_feat(18, n1->suf[2], 0, 0);
    f[k++] = model_feat(19, n1->shape, 0, 0);
    f[k++] = model_feat(20, m1->shape, 0, 0);
    f[k++] = model_feat(21, m1->low, w->low, 0);
    f[k++] = model_feat(22, w->low, n1->low, 0);
    f[k++] = model_feat(23, w->shape, i == 0, 0);
    f[k++] = model_feat(24, w->exact, 0, 0);
    f[k++] = model_feat(25, p1, w->suf[2], 0);
    f[k++] = model_feat(26, w->flags, 0, 0);
    f[k++] = model_feat(27, p1, n1->low, 0);
    f[k++] = model_feat(28, w->amb, 0, 0);
    f[k++] = model_feat(29, n1->amb, 0, 0);
    f[k++] = model_feat(30, n2->amb, 0, 0);
    f[k++] = model_feat(31, p1, n1->amb, 0);
    f[k++] = model_feat(32, w->amb, n1->amb, 0);
    f[k++] = model_feat(33, m1->amb, w->amb, 0);
    f[k++] = model_feat(34, w->low, n1->amb, 0);
    f[k++] = model_feat(35, w->casing, 0, 0);
    f[k++] = model_feat(36, w->casing, w->shape, 0);
    f[k++] = model_feat(37, n1->casing, 0, 0);
    f[k++] = model_feat(38, p1, w->casing, 0);
    f[k++] = model_feat(39, m1->casing, w->casing, 0);
    return k;
}

/* ------------------------------------------------------------------ runtime */

int tagger_load(tagger *t, const char *path, petrel_error *err) {
    memset(t, 0, sizeof *t);
    int rc = model_open(&t->file, path, "tagger", template_hash(), err);
    if (rc)
        return rc;
    size_t n;
    t->strings = model_section_get(&t->file, "strings", 1, &t->strings_len);
    t->classes = model_section_get(&t->file, "classes", sizeof(tg_class), &n);
    t->nclass = (uint32_t)n;
    t->rules = model_section_get(&t->file, "lem.rules", sizeof(lem_rule), &n);
    t->nrules = (uint32_t)n;
    int bad = !t->strings || !t->strings_len || t->strings[t->strings_len - 1] != '\0' || !t->classes ||
              !t->nclass || !t->rules || !t->nrules;
    bad = bad || wtable_load(&t->weights, &t->file, "tag") != 0 || t->weights.nclass != t->nclass;
    bad = bad || kv_load(&t->tagdict, &t->file, "tagdict") != 0 || kv_load(&t->amb, &t->file, "amb") != 0 ||
          kv_load(&t->casing, &t->file, "casing") != 0 || kv_load(&t->lem_exc, &t->file, "lem.exc") != 0 ||
          kv_load(&t->lem_suf, &t->file, "lem.suf") != 0;
    for (uint32_t c = 0; !bad && c < t->nclass; c++)
        bad = t->classes[c].upos >= t->strings_len || t->classes[c].xpos >= t->strings_len ||
              t->classes[c].feats >= t->strings_len;
    for (uint32_t r = 0; !bad && r < t->nrules; r++)
        bad = t->rules[r].append >= t->strings_len;
    if (bad) {
        model_close(&t->file);
        memset(t, 0, sizeof *t);
        return err_set(err, PETREL_ERR_MODEL, path, 0, -1,
                       "not a usable petrel model: tagger sections missing or inconsistent");
    }
    return 0;
}

void tagger_unload(tagger *t) {
    model_close(&t->file);
    memset(t, 0, sizeof *t);
}

/* Ambiguity classes and capitalization profiles of the words (0 =
 * unknown). */
static void lookup_amb(const kvtable *amb, const kvtable *casing, tg_word *ws, size_t n) {
    for (size_t i = 0; i < n; i++) {
        uint32_t a;
        ws[i].amb = kv_get(amb, ws[i].low, &a) ? (uint64_t)a + 3 : 0;
        ws[i].casing = kv_get(casing, ws[i].low, &a) ? (uint64_t)a + 3 : 0;
    }
}

static void predict(const tagger *t, tg_word *ws, size_t n, uint16_t *classes, int32_t *scores) {
    uint64_t f[NFEAT];
    uint64_t p1 = 0, p2 = 0;
    lookup_amb(&t->amb, &t->casing, ws, n);
    for (size_t i = 0; i < n; i++) {
        uint32_t c;
        if (!kv_get(&t->tagdict, ws[i].exact, &c) || c >= t->nclass) {
            size_t nf = features(ws, n, i, p1, p2, f);
            memset(scores, 0, t->nclass * sizeof *scores);
            wtable_add_all(&t->weights, f, nf, scores);
            c = 0;
            for (uint32_t j = 1; j < t->nclass; j++)
                if (scores[j] > scores[c])
                    c = j;
        }
        classes[i] = (uint16_t)c;
        p2 = p1;
        p1 = (uint64_t)t->classes[c].xpos_id + 1;
    }
}

void tagger_predict(const tagger *t, const tag_token *tokens, size_t n, tg_word *scratch, uint16_t *classes) {
    int32_t scores[1024];
    int32_t *sc = t->nclass <= 1024 ? scores : malloc(t->nclass * sizeof *sc);
    if (!sc)
        return;
    for (size_t i = 0; i < n; i++)
        word_prep(tokens[i].norm, tokens[i].len, &scratch[i]);
    predict(t, scratch, n, classes, sc);
    if (sc != scores)
        free(sc);
}

/* Is a word capitalized as a title capitalizes it: an upper-case letter,
 * then lower-case ones? */
static int title_word(const char *s, uint32_t n) {
    if (n < 2 || !(s[0] >= 'A' && s[0] <= 'Z'))
        return 0;
    for (uint32_t i = 1; i < n; i++)
        if (s[i] >= 'A' && s[i] <= 'Z')
            return 0;
    return 1;
}

/* Is a sentence written in title case ("Insurgents Announce Withdrawal
 * from Northern Villages")?  Most words of four letters or more start with
 * a capital, and at least three do.  Only headlines are asked: in running
 * text such lines are mostly titles of works and headings, whose words the
 * treebanks tag as names. */
static int title_case(const doc_word *w, uint32_t n) {
    uint32_t long_words = 0, capital = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (w[i].norm_len < 4 || !((w[i].norm[0] | 32) >= 'a' && (w[i].norm[0] | 32) <= 'z'))
            continue;
        long_words++;
        capital += title_word(w[i].norm, w[i].norm_len);
    }
    return capital >= 3 && capital * 4 >= long_words * 3;
}

/* Features of a word of a title-case sentence.  The capital a title gives
 * every word hides the verbs and nouns the tagger knows in lower case;
 * a word that running text mostly writes in lower case (its casing
 * profile: capitalized in under two fifths of its uses inside sentences)
 * is seen in lower case.  Names, which text capitalizes, keep theirs. */
static void title_word_prep(const tagger *t, const char *s, uint32_t n, tg_word *w) {
    char low[64];
    if (title_word(s, n) && n < sizeof low) {
        memcpy(low, s, n);
        low[0] = (char)(low[0] | 32);
        word_prep(low, n, w);
        uint32_t a;
        if (kv_get(&t->casing, w->low, &a) && a / 4 <= 1)
            return;
    }
    word_prep(s, n, w);
}

int tagger_tag_doc(const tagger *t, petrel_doc *doc, petrel_error *err) {
    uint32_t maxn = 0;
    for (uint32_t s = 0; s < doc->nsents; s++)
        if (doc->sents[s].count > maxn)
            maxn = doc->sents[s].count;
    if (!maxn)
        return 0;
    tg_word *ws = arena_alloc(doc->arena, maxn * sizeof *ws);
    uint16_t *cls = arena_alloc(doc->arena, maxn * sizeof *cls);
    int32_t *scores = arena_alloc(doc->arena, t->nclass * sizeof *scores);
    if (!ws || !cls || !scores)
        return err_set(err, PETREL_ERR_NOMEM, doc->input_name, doc->input_line, -1,
                       "out of memory while tagging story %s", doc->id ? doc->id : "?");
    for (uint32_t s = 0; s < doc->nsents; s++) {
        const doc_sentence *st = &doc->sents[s];
        doc_word *w = &doc->words[st->first];
        int title = (st->flags & SENT_HEADLINE) && title_case(w, st->count);
        for (uint32_t i = 0; i < st->count; i++) {
            if (title)
                title_word_prep(t, w[i].norm, w[i].norm_len, &ws[i]);
            else
                word_prep(w[i].norm, w[i].norm_len, &ws[i]);
        }
        predict(t, ws, st->count, cls, scores);
        for (uint32_t i = 0; i < st->count; i++) {
            const tg_class *c = &t->classes[cls[i]];
            w[i].upos = t->strings + c->upos;
            w[i].xpos = t->strings + c->xpos;
            w[i].feats = t->strings[c->feats] ? t->strings + c->feats : NULL;
            w[i].lemma = tagger_lemma(t, w[i].norm, w[i].norm_len, cls[i], doc->arena);
            if (!w[i].lemma)
                return err_set(err, PETREL_ERR_NOMEM, doc->input_name, doc->input_line, -1,
                               "out of memory while tagging story %s", doc->id ? doc->id : "?");
        }
    }
    return 0;
}

/* ----------------------------------------------------------------- training */

static void sp_init(strpool *sp) { memset(sp, 0, sizeof *sp); }

void strpool_free(strpool *sp) {
    free(sp->p);
    free(sp->hash);
    free(sp->off);
    memset(sp, 0, sizeof *sp);
}

long strpool_add(strpool *sp, const char *s, size_t n) {
    if (sp->count * 2 + 2 > sp->hcap) {
        size_t cap = sp->hcap ? sp->hcap * 2 : 1024;
        uint64_t *h = calloc(cap, sizeof *h);
        uint32_t *o = calloc(cap, sizeof *o);
        if (!h || !o) {
            free(h);
            free(o);
            return -1;
        }
        for (size_t i = 0; i < sp->hcap; i++)
            if (sp->hash[i]) {
                size_t j = sp->hash[i] & (cap - 1);
                while (h[j])
                    j = (j + 1) & (cap - 1);
                h[j] = sp->hash[i];
                o[j] = sp->off[i];
            }
        free(sp->hash);
        free(sp->off);
        sp->hash = h;
        sp->off = o;
        sp->hcap = cap;
    }
    uint64_t key = model_hash_bytes(s, n, 99) | 1;
    size_t j = key & (sp->hcap - 1);
    for (; sp->hash[j]; j = (j + 1) & (sp->hcap - 1))
        if (sp->hash[j] == key)
            return sp->off[j];
    if (sp->len + n + 1 > sp->cap) {
        size_t cap = sp->cap ? sp->cap * 2 : 4096;
        while (cap < sp->len + n + 1)
            cap *= 2;
        char *p = realloc(sp->p, cap);
        if (!p)
            return -1;
        sp->p = p;
        sp->cap = cap;
    }
    long off = (long)sp->len;
    memcpy(sp->p + sp->len, s, n);
    sp->p[sp->len + n] = '\0';
    sp->len += n + 1;
    sp->hash[j] = key;
    sp->off[j] = (uint32_t)off;
    sp->count++;
    return off;
}

/* Small string -> id maps for training (linear probing on a 64-bit hash). */
typedef struct idmap {
    uint64_t keys[4096];
    uint32_t ids[4096];
    uint32_t n;
} idmap;

static long idmap_get(idmap *m, const char *s, int add) {
    uint64_t key = model_hash_bytes(s, strlen(s), 5) | 1;
    size_t j = key & 4095;
    for (; m->keys[j]; j = (j + 1) & 4095)
        if (m->keys[j] == key)
            return m->ids[j];
    if (!add || m->n >= 2048)
        return -1;
    m->keys[j] = key;
    m->ids[j] = m->n;
    return m->n++;
}

static uint64_t rng_next(uint64_t *s) {
    uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static double wall(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct pair64 {
    uint64_t key;
    uint32_t val;
} pair64;

static int cmp_pair(const void *a, const void *b) {
    const pair64 *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->val < y->val ? -1 : x->val > y->val;
}

typedef struct tclass {
    char upos[32], xpos[32];
    const char *feats;
} tclass;

/* Joint class of a treebank word. */
static long class_of(const treebank *tb, const tb_word *w, idmap *m, int add) {
    char key[512];
    snprintf(key, sizeof key, "%s\t%s\t%s", tb_str(tb, w->upos), tb_str(tb, w->xpos), tb_str(tb, w->feats));
    return idmap_get(m, key, add);
}

/* The class with the highest score (the first on ties). */
static uint32_t best_class(const float *scores, uint32_t n) {
    uint32_t c = 0;
    for (uint32_t j = 1; j < n; j++)
        if (scores[j] > scores[c])
            c = j;
    return c;
}

/* Counts, per lower-cased word of the treebank's and the unlabeled text,
 * occurrences not first in their sentence and how many of them start with
 * a capital; writes the "casing" section.  The unlabeled files are read
 * with petrel's own readers and tokenizer. */
typedef struct case_count {
    uint64_t key;       /* the word's hash | 1 (0 = empty slot) */
    uint64_t word;      /* the word's hash */
    uint32_t total, inner, capital;
} case_count;

typedef struct case_map {
    case_count *v;
    size_t cap, n;
} case_map;

static case_count *case_slot(case_map *m, uint64_t word) {
    uint64_t key = word | 1;
    if ((m->n + 1) * 2 > m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 1 << 16;
        case_count *v = calloc(cap, sizeof *v);
        if (!v)
            return NULL;
        for (size_t i = 0; i < m->cap; i++)
            if (m->v[i].key) {
                size_t j = m->v[i].key & (cap - 1);
                while (v[j].key)
                    j = (j + 1) & (cap - 1);
                v[j] = m->v[i];
            }
        free(m->v);
        m->v = v;
        m->cap = cap;
    }
    size_t j = key & (m->cap - 1);
    while (m->v[j].key && m->v[j].key != key)
        j = (j + 1) & (m->cap - 1);
    if (!m->v[j].key) {
        m->v[j].key = key;
        m->v[j].word = word;
        m->n++;
    }
    return &m->v[j];
}

static int case_add(case_map *m, const char *s, size_t n, int first) {
    if (!n)
        return 0;
    tg_word w;
    word_prep(s, (uint32_t)n, &w);
    case_count *c = case_slot(m, w.low);
    if (!c)
        return -1;
    c->total++;
    if (!first) {
        c->inner++;
        c->capital += s[0] >= 'A' && s[0] <= 'Z';
    }
    return 0;
}

static int casing_profiles(const treebank *train, const char *unlabeled, model_writer *mw, petrel_error *err) {
    case_map m = {0};
    int rc = 0;
    for (size_t si = 0; si < train->nsents && rc == 0; si++) {
        const tb_sent *st = &train->sents[si];
        for (uint32_t i = 0; i < st->count && rc == 0; i++) {
            const tb_word *w = &train->words[st->first + i];
            rc = case_add(&m, tb_str(train, w->norm), w->norm_len, i == 0);
        }
    }
    petrel_doc *doc = petrel_doc_new();
    if (!doc)
        rc = -1;
    for (const char *p = unlabeled; rc == 0 && p && *p;) {
        const char *comma = strchr(p, ',');
        size_t n = comma ? (size_t)(comma - p) : strlen(p);
        char path[1024];
        snprintf(path, sizeof path, "%.*s", (int)n, p);
        p = comma ? comma + 1 : NULL;
        petrel_reader *r = petrel_reader_open(path, NULL, err);
        if (!r) {
            petrel_doc_free(doc);
            free(m.v);
            return err ? err->code : PETREL_ERR_IO;
        }
        int got;
        while (rc == 0 && (got = petrel_reader_next(r, doc, NULL)) != 0) {
            if (got < 0)
                continue;
            if (petrel_tokenize(doc, NULL) != 0)
                continue;
            for (uint32_t si = 0; si < doc->nsents && rc == 0; si++) {
                const doc_sentence *st = &doc->sents[si];
                if (st->flags & SENT_HEADLINE)
                    continue; /* title case says nothing */
                for (uint32_t i = 0; i < st->count && rc == 0; i++)
                    rc = case_add(&m, doc->words[st->first + i].norm, doc->words[st->first + i].norm_len, i == 0);
            }
        }
        petrel_reader_close(r);
    }
    petrel_doc_free(doc);
    uint64_t *keys = malloc((m.n + 1) * sizeof *keys);
    uint32_t *vals = malloc((m.n + 1) * sizeof *vals);
    size_t k = 0;
    if (rc != 0 || !keys || !vals) {
        free(keys);
        free(vals);
        free(m.v);
        return err_nomem(err);
    }
    for (size_t i = 0; i < m.cap; i++) {
        const case_count *c = &m.v[i];
        if (!c->key || c->inner < 2)
            continue;
        uint32_t ratio = c->capital * 5 / c->inner; /* 0..5 */
        uint32_t freq = c->total < 5 ? 0 : c->total < 50 ? 1 : c->total < 500 ? 2 : 3;
        keys[k] = c->word;
        vals[k] = ratio * 4 + freq;
        k++;
    }
    kv_build(mw, "casing", keys, vals, k);
    free(keys);
    free(vals);
    free(m.v);
    return 0;
}

int tagger_train(const treebank *train, const treebank *dev, const train_opts *o, const char *path,
                 petrel_error *err) {
    int epochs = o->epochs > 0 ? o->epochs : 10;
    int min_q = o->min_q > 0 ? o->min_q : 2;
    idmap *classes = calloc(1, sizeof *classes), *upos = calloc(1, sizeof *upos), *xpos = calloc(1, sizeof *xpos);
    uint16_t *gold = malloc((train->nwords + 1) * sizeof *gold);
    uint16_t *gold_upos = malloc((train->nwords + 1) * sizeof *gold_upos);
    uint16_t *dgold = dev ? malloc((dev->nwords + 1) * sizeof *dgold) : NULL;
    tg_word *ws = malloc((train->nwords + 1) * sizeof *ws);
    tg_word *dws = dev ? malloc((dev->nwords + 1) * sizeof *dws) : NULL;
    uint32_t *order = malloc((train->nsents + 1) * sizeof *order);
    pair64 *pairs = malloc((train->nwords + 1) * sizeof *pairs);
    strpool sp;
    sp_init(&sp);
    tg_class *cls = NULL;
    uint64_t *tdk = NULL;
    uint32_t *tdv = NULL;
    ptrain pt = {0}, merged = {0};
    int rc = 0;
    if (!classes || !upos || !xpos || !gold || !gold_upos || !ws || !order || !pairs || (dev && (!dgold || !dws)) ||
        strpool_add(&sp, "", 0) != 0) {
        rc = err_nomem(err);
        goto out;
    }
    /* classes, in order of first appearance (deterministic) */
    uint32_t cap_cls = 2048;
    cls = calloc(cap_cls, sizeof *cls);
    if (!cls) {
        rc = err_nomem(err);
        goto out;
    }
    for (size_t i = 0; i < train->nwords; i++) {
        const tb_word *w = &train->words[i];
        uint32_t before = classes->n;
        long c = class_of(train, w, classes, 1);
        long u = idmap_get(upos, tb_str(train, w->upos), 1);
        long x = idmap_get(xpos, tb_str(train, w->xpos), 1);
        if (c < 0 || u < 0 || x < 0) {
            rc = err_set(err, PETREL_ERR_FORMAT, NULL, 0, -1, "too many distinct tags in the training data");
            goto out;
        }
        if (classes->n != before) {
            long a = strpool_add(&sp, tb_str(train, w->upos), strlen(tb_str(train, w->upos)));
            long b = strpool_add(&sp, tb_str(train, w->xpos), strlen(tb_str(train, w->xpos)));
            long f = strpool_add(&sp, tb_str(train, w->feats), strlen(tb_str(train, w->feats)));
            if (a < 0 || b < 0 || f < 0) {
                rc = err_nomem(err);
                goto out;
            }
            cls[c] = (tg_class){(uint32_t)a, (uint32_t)b, (uint32_t)f, (uint16_t)u, (uint16_t)x};
        }
        gold[i] = (uint16_t)c;
        gold_upos[i] = (uint16_t)u;
        word_prep(tb_str(train, w->norm), w->norm_len, &ws[i]);
    }
    uint32_t nclass = classes->n;
    if (dev)
        for (size_t i = 0; i < dev->nwords; i++) {
            long c = class_of(dev, &dev->words[i], classes, 0);
            dgold[i] = c < 0 ? UINT16_MAX : (uint16_t)c;
            word_prep(tb_str(dev, dev->words[i].norm), dev->words[i].norm_len, &dws[i]);
        }
    /* the tag dictionary: frequent unambiguous exact forms */
    for (size_t i = 0; i < train->nwords; i++)
        pairs[i] = (pair64){ws[i].exact, gold[i]};
    qsort(pairs, train->nwords, sizeof *pairs, cmp_pair);
    size_t ntd = 0;
    tdk = malloc((train->nwords + 1) * sizeof *tdk);
    tdv = malloc((train->nwords + 1) * sizeof *tdv);
    if (!tdk || !tdv) {
        rc = err_nomem(err);
        goto out;
    }
    for (size_t i = 0; i < train->nwords;) {
        size_t j = i, best = 0;
        uint32_t bestc = 0;
        while (j < train->nwords && pairs[j].key == pairs[i].key) {
            size_t k = j;
            while (k < train->nwords && pairs[k].key == pairs[j].key && pairs[k].val == pairs[j].val)
                k++;
            if (k - j > best) {
                best = k - j;
                bestc = pairs[j].val;
            }
            j = k;
        }
        size_t total = j - i;
        if (total >= 20 && best * 1000 >= total * 995) {
            tdk[ntd] = pairs[i].key;
            tdv[ntd] = bestc;
            ntd++;
        }
        i = j;
    }
    /* a training-time view of the dictionary */
    model_writer mw;
    model_writer_init(&mw, "tagger", template_hash(), train->hash, train->name, o->seed);
    kv_build(&mw, "tagdict", tdk, tdv, ntd);
    /* ambiguity classes: the XPOS tags of each lower-cased word */
    for (size_t i = 0; i < train->nwords; i++)
        pairs[i] = (pair64){ws[i].low, cls[gold[i]].xpos_id};
    qsort(pairs, train->nwords, sizeof *pairs, cmp_pair);
    size_t namb = 0;
    for (size_t i = 0; i < train->nwords;) {
        size_t j = i;
        while (j < train->nwords && pairs[j].key == pairs[i].key)
            j++;
        size_t total = j - i;
        uint64_t h = 0x12345;
        for (size_t k = i; k < j;) {
            size_t e = k;
            while (e < j && pairs[e].val == pairs[k].val)
                e++;
            if ((e - k) * 50 >= total)
                h = model_mix64(h ^ (pairs[k].val + 1));
            k = e;
        }
        if (total >= 2) {
            tdk[namb] = pairs[i].key;
            tdv[namb] = (uint32_t)h;
            namb++;
        }
        i = j;
    }
    kv_build(&mw, "amb", tdk, tdv, namb);
    if (casing_profiles(train, o->unlabeled, &mw, err) != 0) {
        rc = err ? err->code : PETREL_ERR_IO;
        goto out_mw;
    }
    tagger view = {0};
    view.tagdict.slots = (const kv_slot *)mw.bodies[0];
    view.tagdict.mask = (uint32_t)(mw.sections[0].size / sizeof(kv_slot) - 1);
    view.amb.slots = (const kv_slot *)mw.bodies[1];
    view.amb.mask = (uint32_t)(mw.sections[1].size / sizeof(kv_slot) - 1);
    if (mw.failed) {
        rc = err_nomem(err);
        goto out_mw;
    }
    view.casing.slots = (const kv_slot *)mw.bodies[2];
    view.casing.mask = (uint32_t)(mw.sections[2].size / sizeof(kv_slot) - 1);
    lookup_amb(&view.amb, &view.casing, ws, train->nwords);
    if (dev)
        lookup_amb(&view.amb, &view.casing, dws, dev->nwords);
    if (ptrain_init(&pt, nclass) != 0) {
        rc = err_nomem(err);
        goto out_mw;
    }
    float *scores = malloc(nclass * sizeof *scores);
    int runs = o->runs > 1 ? o->runs : 1;
    if (!scores || (runs > 1 && ptrain_init(&merged, nclass) != 0)) {
        free(scores);
        rc = err_nomem(err);
        goto out_mw;
    }
    merged.now = 1; /* holds means: see ptrain_merge_mean */
    double t0 = wall();
    double best_dev = 0;
    for (int run = 0; run < runs; run++) {
    /* each run: a tagger trained from scratch with its own seed; the saved
     * weights are the mean of the runs' averaged weights */
    if (run > 0) {
        int failed = ptrain_merge_mean(&merged, &pt, 1.0 / runs) != 0;
        ptrain_free(&pt);
        if (failed || ptrain_init(&pt, nclass) != 0) {
            free(scores);
            rc = err_nomem(err);
            goto out_mw;
        }
    }
    for (size_t s = 0; s < train->nsents; s++)
        order[s] = (uint32_t)s;
    uint64_t rng = o->seed + (uint64_t)run;
    for (int ep = 1; ep <= epochs; ep++) {
        for (size_t s = train->nsents; s > 1; s--) {
            size_t r = rng_next(&rng) % s;
            uint32_t tmp = order[s - 1];
            order[s - 1] = order[r];
            order[r] = tmp;
        }
        for (size_t si = 0; si < train->nsents; si++) {
            const tb_sent *st = &train->sents[order[si]];
            tg_word *w = ws + st->first;
            const uint16_t *g = gold + st->first;
            uint64_t p1 = 0, p2 = 0, f[NFEAT];
            for (uint32_t i = 0; i < st->count; i++) {
                uint32_t c;
                if (!kv_get(&view.tagdict, w[i].exact, &c)) {
                    size_t nf = features(w, st->count, i, p1, p2, f);
                    memset(scores, 0, nclass * sizeof *scores);
                    ptrain_score(&pt, f, nf, scores);
                    c = best_class(scores, nclass);
                    ptrain_update(&pt, f, nf, g[i], c);
                }
                p2 = p1;
                p1 = (uint64_t)cls[c].xpos_id + 1;
            }
        }
        if (pt.failed) {
            rc = err_nomem(err);
            free(scores);
            goto out_mw;
        }
        double dev_acc = 0, dev_upos = 0;
        if (dev) {
            size_t right = 0, right_u = 0;
            for (size_t si = 0; si < dev->nsents; si++) {
                const tb_sent *st = &dev->sents[si];
                const tg_word *w = dws + st->first;
                uint64_t p1 = 0, p2 = 0, f[NFEAT];
                for (uint32_t i = 0; i < st->count; i++) {
                    uint32_t c;
                    if (!kv_get(&view.tagdict, w[i].exact, &c)) {
                        size_t nf = features(w, st->count, i, p1, p2, f);
                        memset(scores, 0, nclass * sizeof *scores);
                        ptrain_score_avg(&pt, f, nf, scores);
                        c = best_class(scores, nclass);
                    }
                    right += c == dgold[st->first + i];
                    right_u += strcmp(sp.p + cls[c].upos, tb_str(dev, dev->words[st->first + i].upos)) == 0;
                    p2 = p1;
                    p1 = (uint64_t)cls[c].xpos_id + 1;
                }
            }
            dev_acc = 100.0 * (double)right / (double)(dev->nwords ? dev->nwords : 1);
            dev_upos = 100.0 * (double)right_u / (double)(dev->nwords ? dev->nwords : 1);
            if (dev_acc > best_dev)
                best_dev = dev_acc;
        }
        if (o->progress) {
            double el = wall() - t0;
            int done = run * epochs + ep, all = runs * epochs;
            train_progress pr = {done, all, dev_acc, dev_upos, el, el / done * (all - done)};
            o->progress(o->ctx, &pr);
        }
    }
    }
    free(scores);
    if (runs > 1) {
        if (ptrain_merge_mean(&merged, &pt, 1.0 / runs) != 0) {
            rc = err_nomem(err);
            goto out_mw;
        }
        ptrain_free(&pt);
        pt = merged;
        memset(&merged, 0, sizeof merged);
    }
    /* lemma rules */
    if (lemma_learn(train, gold_upos, &sp, &mw) != 0) {
        rc = err_nomem(err);
        goto out_mw;
    }
    int used_q = min_q;
    size_t kept = ptrain_save(&pt, &mw, "tag", min_q, o->max_bytes, &used_q);
    model_writer_add(&mw, "classes", cls, nclass * sizeof *cls);
    model_writer_add(&mw, "strings", sp.p, sp.len);
    {
        char meta[1024];
        int n = snprintf(meta, sizeof meta,
                         "kind=tagger\ntrain=%s\ndev=%s\nseed=%llu\nepochs=%d\nclasses=%u\nfeatures=%zu\n"
                         "tagdict=%zu\nruns=%d\nmin_weight=%d\nentries=%zu\nbest_dev=%.2f\ncommand=%s\n",
                         train->name, dev ? dev->name : "", (unsigned long long)o->seed, epochs, nclass, pt.count, ntd,
                         runs, used_q, kept, best_dev, o->command ? o->command : "");
        model_writer_add(&mw, "meta", meta, (size_t)n < sizeof meta ? (size_t)n : sizeof meta - 1);
    }
    rc = model_writer_save(&mw, path, err);
    goto out;
out_mw:
    model_writer_discard(&mw);
out:
    ptrain_free(&merged);
    ptrain_free(&pt);
    free(classes);
    free(upos);
    free(xpos);
    free(gold);
    free(gold_upos);
    free(dgold);
    free(ws);
    free(dws);
    free(order);
    free(pairs);
    free(cls);
    free(tdk);
    free(tdv);
    strpool_free(&sp);
    return rc;
}
