/*
 * lemma.c - the lemmatizer: edit scripts learned from a treebank.
 *
 * Each training word and its lemma give an edit script (lower-case the word
 * or not, strip N bytes from the end, append S): "studies" -> "study" is
 * (no, 3, "y"), "The" -> "the" is (yes, 0, ""), "went" -> "go" is (no, 4,
 * "go").  At run time the script comes from, in order:
 *   1. the (lower-cased word, UPOS) pairs seen in training (exceptions and
 *      every known word: the majority script of the pair);
 *   2. the longest suffix (up to 6 bytes) of the lower-cased word seen with
 *      that UPOS, counted over word types, whose script strips no more than
 *      the suffix (the majority script, seen at least twice);
 *   3. the UPOS's most common script;
 *   4. the word itself.
 * This is the "lookup + suffix rules" lemmatizer of the issue; Chrupala
 * (2008) and UDPipe 1 (Straka and Strakova 2017) predict such scripts as
 * classes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tagger.h"

#define MAX_SUFFIX 6

static inline unsigned char lower(unsigned char c) { return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c; }

static uint64_t exc_key(uint64_t low, uint32_t upos) { return model_feat(100, low, upos, 0); }

static uint64_t suf_key(const char *s, size_t n, size_t k, uint32_t upos) {
    return model_feat(101, model_hash_lower(s + n - k, k, 33), k, upos);
}

const char *tagger_lemma(const tagger *t, const char *norm, size_t len, uint32_t cls, arena *a) {
    uint32_t upos = t->classes[cls].upos_id, r;
    const lem_rule *rule = NULL;
    if (kv_get(&t->lem_exc, exc_key(model_hash_lower(norm, len, 0), upos), &r) && r < t->nrules &&
        t->rules[r].strip <= len)
        rule = &t->rules[r];
    for (size_t k = len < MAX_SUFFIX ? len : MAX_SUFFIX; !rule && k >= 1; k--)
        if (kv_get(&t->lem_suf, suf_key(norm, len, k, upos), &r) && r < t->nrules && t->rules[r].strip <= k)
            rule = &t->rules[r];
    if (!rule && kv_get(&t->lem_suf, suf_key(norm, len, 0, upos), &r) && r < t->nrules && t->rules[r].strip <= len)
        rule = &t->rules[r];
    if (!rule)
        return arena_strndup(a, norm, len);
    const char *app = t->strings + rule->append;
    size_t keep = len - rule->strip, alen = strlen(app);
    char *out = arena_alloc(a, keep + alen + 1);
    if (!out)
        return NULL;
    for (size_t i = 0; i < keep; i++)
        out[i] = rule->lower ? (char)lower((unsigned char)norm[i]) : norm[i];
    memcpy(out + keep, app, alen + 1);
    return out;
}

/* ----------------------------------------------------------------- learning */

typedef struct rkey {
    uint8_t lower;
    uint16_t strip;
    uint32_t append;
} rkey;

/* The cheapest script from form to lemma. */
static rkey script(const char *f, size_t n, const char *l, strpool *sp) {
    size_t ln = strlen(l);
    size_t p = 0, q = 0;
    while (p < n && p < ln && f[p] == l[p])
        p++;
    while (q < n && q < ln && lower((unsigned char)f[q]) == l[q])
        q++;
    rkey r;
    /* lower-casing wins ties: "Running" at a sentence start -> "run" */
    if (q >= p) {
        r.lower = 1;
        p = q;
    } else {
        r.lower = 0;
    }
    r.strip = (uint16_t)(n - p > 65535 ? 65535 : n - p);
    long off = strpool_add(sp, l + p, ln - p);
    r.append = off < 0 ? 0 : (uint32_t)off;
    return r;
}

typedef struct item {
    uint64_t key;
    uint32_t rule;
    uint32_t word; /* a token of this type */
} item;

static int cmp_item(const void *a, const void *b) {
    const item *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    if (x->rule != y->rule)
        return x->rule < y->rule ? -1 : 1;
    return (x->word > y->word) - (x->word < y->word);
}

/* Majority rule of each key run in a sorted array; writes (key, rule, word,
 * count) of the winners into out (may alias items). */
static size_t majority(item *it, size_t n, uint32_t *counts, size_t min_count) {
    size_t out = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i, best = 0;
        item win = it[i];
        while (j < n && it[j].key == it[i].key) {
            size_t k = j;
            while (k < n && it[k].key == it[j].key && it[k].rule == it[j].rule)
                k++;
            if (k - j > best) {
                best = k - j;
                win = it[j];
            }
            j = k;
        }
        if (best >= min_count) {
            it[out] = win;
            if (counts)
                counts[out] = (uint32_t)best;
            out++;
        }
        i = j;
    }
    return out;
}

/* Applies a script to a form (for learning); writes a NUL-terminated lemma
 * into out (cap bytes); returns 0, or -1 when it does not apply or fit. */
static int apply_script(const rkey *r, const char *f, size_t n, const strpool *sp, char *out, size_t cap) {
    if (r->strip > n)
        return -1;
    const char *app = sp->p + r->append;
    size_t keep = n - r->strip, alen = strlen(app);
    if (keep + alen + 1 > cap)
        return -1;
    for (size_t i = 0; i < keep; i++)
        out[i] = r->lower ? (char)lower((unsigned char)f[i]) : f[i];
    memcpy(out + keep, app, alen + 1);
    return 0;
}

/* For each (lower-cased word, UPOS) group of the sorted items, the script
 * that gives the right lemma for the most tokens of the group (ties: the
 * most frequent script): "i" and "I" both have the lemma "I", and "lower,
 * strip 1, append I" is right for both where the majority script (keep "I"
 * as it is) fails on "i".  Writes the winners to the front of it; returns
 * their count. */
static size_t best_scripts(const treebank *tb, item *it, size_t n, const rkey *rules, const strpool *sp) {
    size_t out = 0;
    char buf[256];
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && it[j].key == it[i].key)
            j++;
        item win = it[i];
        size_t best_right = 0, best_count = 0;
        for (size_t a = i; a < j;) {
            size_t b = a;
            while (b < j && it[b].rule == it[a].rule)
                b++;
            size_t right = 0;
            if (j - i > 1 && it[i].rule != it[j - 1].rule) {
                for (size_t k = i; k < j; k++) {
                    const tb_word *x = &tb->words[it[k].word];
                    right += apply_script(&rules[it[a].rule], tb_str(tb, x->norm), x->norm_len, sp, buf, sizeof buf) == 0 &&
                             strcmp(buf, tb_str(tb, x->lemma)) == 0;
                }
            } else {
                right = b - a;
            }
            if (right > best_right || (right == best_right && b - a > best_count)) {
                best_right = right;
                best_count = b - a;
                win = it[a];
            }
            a = b;
        }
        it[out++] = win;
        i = j;
    }
    return out;
}

int lemma_learn(const treebank *tb, const uint16_t *upos_ids, strpool *sp, model_writer *w) {
    size_t n = tb->nwords;
    rkey *rules = calloc(4096, sizeof *rules);
    uint32_t nrules = 0;
    item *it = malloc((n + 1) * sizeof *it);
    item *suf = malloc(((n + 1) * (MAX_SUFFIX + 1)) * sizeof *suf);
    uint64_t *keys = malloc((n + 1) * (MAX_SUFFIX + 1) * sizeof *keys);
    uint32_t *vals = malloc((n + 1) * (MAX_SUFFIX + 1) * sizeof *vals);
    int rc = -1;
    if (!rules || !it || !suf || !keys || !vals)
        goto out;
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        const tb_word *x = &tb->words[i];
        const char *f = tb_str(tb, x->norm), *l = tb_str(tb, x->lemma);
        if (!*l)
            continue;
        rkey r = script(f, x->norm_len, l, sp);
        uint32_t id;
        for (id = 0; id < nrules; id++)
            if (rules[id].lower == r.lower && rules[id].strip == r.strip && rules[id].append == r.append)
                break;
        if (id == nrules) {
            if (nrules == 4096)
                continue; /* a pathological treebank; the word is skipped */
            rules[nrules++] = r;
        }
        it[m++] = (item){exc_key(model_hash_lower(f, x->norm_len, 0), upos_ids[i]), id, (uint32_t)i};
    }
    qsort(it, m, sizeof *it, cmp_item);
    size_t types = best_scripts(tb, it, m, rules, sp);
    for (size_t i = 0; i < types; i++) {
        keys[i] = it[i].key;
        vals[i] = it[i].rule;
    }
    kv_build(w, "lem.exc", keys, vals, types);
    /* suffix scripts, over word types */
    size_t ns = 0;
    for (size_t i = 0; i < types; i++) {
        const tb_word *x = &tb->words[it[i].word];
        const char *f = tb_str(tb, x->norm);
        size_t len = x->norm_len, kmax = len < MAX_SUFFIX ? len : MAX_SUFFIX;
        const rkey *r = &rules[it[i].rule];
        for (size_t k = 0; k <= kmax; k++) {
            if (k > 0 && r->strip > k)
                continue;
            suf[ns++] = (item){suf_key(f, len, k, upos_ids[it[i].word]), it[i].rule, it[i].word};
        }
    }
    qsort(suf, ns, sizeof *suf, cmp_item);
    size_t nk = majority(suf, ns, NULL, 2);
    for (size_t i = 0; i < nk; i++) {
        keys[i] = suf[i].key;
        vals[i] = suf[i].rule;
    }
    kv_build(w, "lem.suf", keys, vals, nk);
    lem_rule *out = calloc(nrules ? nrules : 1, sizeof *out);
    if (!out)
        goto out;
    for (uint32_t i = 0; i < nrules; i++)
        out[i] = (lem_rule){rules[i].lower, 0, rules[i].strip, rules[i].append};
    model_writer_add(w, "lem.rules", out, (nrules ? nrules : 1) * sizeof *out);
    free(out);
    rc = 0;
out:
    free(rules);
    free(it);
    free(suf);
    free(keys);
    free(vals);
    return rc;
}
