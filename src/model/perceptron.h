/*
 * perceptron.h - the averaged perceptron (Collins 2002) shared by the tagger
 * and the parser: a mutable form for training and a compact, read-only form
 * that lives in a model file.
 *
 * Features are 64-bit keys (model_feat of a template number and hashed
 * values); each feature has weights for the few classes it was ever updated
 * for.  Training keeps, per (feature, class), the current weight, the running
 * total and the time of the last change, so that averaging costs nothing per
 * step (the "lazy" update of Daume III's thesis).
 *
 * The compact form ("wtable") is an open-addressing table of 32-bit
 * fingerprints pointing into an array of (class, int16 weight) entries.
 * Weights are the averaged weights times one scale, rounded; entries whose
 * rounded weight is below a threshold are pruned.  A lookup of an absent
 * feature ends at an empty slot; a fingerprint collision (one in 2^32 per
 * probe) adds a wrong feature's weights and is harmless.
 *
 * Thread-safety: ptrain is one trainer's; a wtable is read-only and shared.
 */
#ifndef PETREL_PERCEPTRON_H
#define PETREL_PERCEPTRON_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"

/* ----------------------------------------------------------------- training */

typedef struct pt_weight {
    uint32_t cls;
    uint32_t stamp;    /* update count at the last change */
    double w;          /* current weight */
    double total;      /* sum of w over updates up to stamp */
} pt_weight;

typedef struct pt_feature {
    pt_weight *v;
    uint32_t n, cap;
} pt_feature;

typedef struct ptrain {
    uint32_t nclass;
    uint64_t *keys;       /* open addressing, 0 = empty */
    uint32_t *index;      /* slot -> feature number */
    size_t cap, count;
    pt_feature *feats;    /* by feature number (insertion order) */
    uint32_t now;         /* number of updates (examples) so far */
    int failed;           /* an allocation failed */
} ptrain;

int ptrain_init(ptrain *p, uint32_t nclass);
void ptrain_free(ptrain *p);

/* Adds the current weights of the features to scores[0..nclass). */
void ptrain_score(const ptrain *p, const uint64_t *keys, size_t n, float *scores);

/* Adds the averaged weights (what ptrain_save would write, unquantized):
 * for scoring development data during training. */
void ptrain_score_avg(const ptrain *p, const uint64_t *keys, size_t n, float *scores);

/* One perceptron step: +1 for gold, -1 for guess on every feature (nothing
 * when they are equal, except that the clock advances). */
void ptrain_update(ptrain *p, const uint64_t *keys, size_t n, uint32_t gold, uint32_t guess);

/* Advances the clock without an update (a correct prediction). */
static inline void ptrain_tick(ptrain *p) { p->now++; }

/* Adds weight times the averaged weights of src to dst, a trainer used only
 * to hold means: its clock must be 1 and its entries keep their value in
 * `total` (so that ptrain_save writes them).  Returns 0 or -1 (memory). */
int ptrain_merge_mean(ptrain *dst, const ptrain *src, double weight);

/* Writes the averaged weights as sections "<prefix>.hdr", "<prefix>.tab",
 * "<prefix>.ent".  Entries whose quantized weight is smaller than min_q in
 * absolute value are dropped; when max_bytes is not 0, the threshold is
 * raised (by steps of 25%) until the two sections fit in max_bytes.
 * Returns the number of entries kept; *used_q (may be NULL) receives the
 * threshold used. */
size_t ptrain_save(const ptrain *p, model_writer *w, const char *prefix, int min_q, size_t max_bytes, int *used_q);

/* ------------------------------------------------------------------ compact */

typedef struct wt_slot {
    uint32_t fp;       /* fingerprint (key >> 32 | 1), 0 = empty */
    uint32_t packed;   /* first entry << 8 | entry count */
} wt_slot;

typedef struct wt_entry {
    uint16_t cls;
    int16_t w;
} wt_entry;

typedef struct wt_header {
    uint32_t nclass;
    uint32_t mask;     /* slots - 1 (a power of two minus one) */
    float scale;       /* quantized = round(weight * scale) */
    uint32_t nentries;
} wt_header;

typedef struct wtable {
    const wt_header *hdr;
    const wt_slot *slots;
    const wt_entry *entries;
    uint32_t mask, nclass;
} wtable;

/* Finds the sections of a wtable in a mapped model.  Returns 0 or -1 when
 * they are absent or inconsistent. */
int wtable_load(wtable *t, const model_file *m, const char *prefix);

/* Adds the weights of feature key to scores[0..nclass). */
static inline void wtable_add(const wtable *t, uint64_t key, int32_t *scores) {
    uint32_t i = (uint32_t)key & t->mask;
    uint32_t fp = (uint32_t)(key >> 32) | 1u;
    for (;;) {
        wt_slot s = t->slots[i];
        if (s.fp == fp) {
            const wt_entry *e = t->entries + (s.packed >> 8);
            for (uint32_t k = 0, n = s.packed & 0xff; k < n; k++)
                scores[e[k].cls] += e[k].w;
            return;
        }
        if (s.fp == 0)
            return;
        i = (i + 1) & t->mask;
    }
}

/* Adds the weights of n features (n <= 64) to scores.  The same as n calls
 * of wtable_add, but the table slots are fetched all at once first, so their
 * cache misses overlap instead of following one another. */
static inline void wtable_add_all(const wtable *t, const uint64_t *keys, size_t n, int32_t *scores) {
    uint32_t idx[64];
    if (n > 64)
        n = 64;
    for (size_t k = 0; k < n; k++) {
        idx[k] = (uint32_t)keys[k] & t->mask;
        __builtin_prefetch(&t->slots[idx[k]]);
    }
    uint32_t found[64];
    size_t nf = 0;
    for (size_t k = 0; k < n; k++) {
        uint32_t fp = (uint32_t)(keys[k] >> 32) | 1u;
        for (uint32_t i = idx[k];; i = (i + 1) & t->mask) {
            wt_slot s = t->slots[i];
            if (s.fp == fp) {
                found[nf++] = s.packed;
                /* every cache line of the feature's weights (16 a line) */
                const wt_entry *e = t->entries + (s.packed >> 8);
                for (uint32_t j = 0, m = s.packed & 0xff; j < m; j += 16)
                    __builtin_prefetch(e + j);
                break;
            }
            if (s.fp == 0)
                break;
        }
    }
    for (size_t k = 0; k < nf; k++) {
        const wt_entry *e = t->entries + (found[k] >> 8);
        for (uint32_t j = 0, m = found[k] & 0xff; j < m; j++)
            scores[e[j].cls] += e[j].w;
    }
}

#endif
