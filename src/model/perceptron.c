/* perceptron.c - averaged perceptron training and its compact form (see
 * perceptron.h). */
#include "perceptron.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int ptrain_init(ptrain *p, uint32_t nclass) {
    memset(p, 0, sizeof *p);
    p->nclass = nclass;
    p->cap = 1u << 16;
    p->keys = calloc(p->cap, sizeof *p->keys);
    p->index = calloc(p->cap, sizeof *p->index);
    p->feats = calloc(p->cap / 2, sizeof *p->feats);
    if (!p->keys || !p->index || !p->feats) {
        ptrain_free(p);
        return -1;
    }
    return 0;
}

void ptrain_free(ptrain *p) {
    if (p->feats)
        for (size_t i = 0; i < p->count; i++)
            free(p->feats[i].v);
    free(p->feats);
    free(p->keys);
    free(p->index);
    memset(p, 0, sizeof *p);
}

static size_t slot_of(uint64_t key, size_t mask) { return (size_t)(key ^ (key >> 29)) & mask; }

/* Feature number of key, or -1. */
static long find(const ptrain *p, uint64_t key) {
    if (key == 0)
        key = 1;
    size_t mask = p->cap - 1;
    for (size_t i = slot_of(key, mask);; i = (i + 1) & mask) {
        if (p->keys[i] == key)
            return (long)p->index[i];
        if (p->keys[i] == 0)
            return -1;
    }
}

static int grow(ptrain *p) {
    size_t cap = p->cap * 2;
    uint64_t *keys = calloc(cap, sizeof *keys);
    uint32_t *index = calloc(cap, sizeof *index);
    pt_feature *feats = realloc(p->feats, cap / 2 * sizeof *feats);
    if (!keys || !index || !feats) {
        free(keys);
        free(index);
        if (feats)
            p->feats = feats;
        return -1;
    }
    p->feats = feats;
    memset(feats + p->count, 0, (cap / 2 - p->count) * sizeof *feats);
    for (size_t i = 0; i < p->cap; i++) {
        if (!p->keys[i])
            continue;
        size_t j = slot_of(p->keys[i], cap - 1);
        while (keys[j])
            j = (j + 1) & (cap - 1);
        keys[j] = p->keys[i];
        index[j] = p->index[i];
    }
    free(p->keys);
    free(p->index);
    p->keys = keys;
    p->index = index;
    p->cap = cap;
    return 0;
}

/* Feature number of key, added when new; -1 when out of memory. */
static long intern(ptrain *p, uint64_t key) {
    if (key == 0)
        key = 1;
    if ((p->count + 1) * 2 > p->cap && grow(p) != 0)
        return -1;
    size_t mask = p->cap - 1;
    size_t i = slot_of(key, mask);
    for (; p->keys[i]; i = (i + 1) & mask)
        if (p->keys[i] == key)
            return (long)p->index[i];
    p->keys[i] = key;
    p->index[i] = (uint32_t)p->count;
    return (long)p->count++;
}

void ptrain_score(const ptrain *p, const uint64_t *keys, size_t n, float *scores) {
    for (size_t k = 0; k < n; k++) {
        long f = find(p, keys[k]);
        if (f < 0)
            continue;
        const pt_feature *ft = &p->feats[f];
        for (uint32_t j = 0; j < ft->n; j++)
            scores[ft->v[j].cls] += (float)ft->v[j].w;
    }
}

static void bump(ptrain *p, pt_feature *ft, uint32_t cls, double d) {
    pt_weight *x = NULL;
    for (uint32_t j = 0; j < ft->n; j++)
        if (ft->v[j].cls == cls) {
            x = &ft->v[j];
            break;
        }
    if (!x) {
        if (ft->n == ft->cap) {
            uint32_t cap = ft->cap ? ft->cap * 2 : 2;
            pt_weight *v = realloc(ft->v, cap * sizeof *v);
            if (!v) {
                p->failed = 1;
                return;
            }
            ft->v = v;
            ft->cap = cap;
        }
        x = &ft->v[ft->n++];
        x->cls = cls;
        x->w = 0;
        x->total = 0;
        x->stamp = p->now;
    }
    x->total += (double)(p->now - x->stamp) * x->w;
    x->stamp = p->now;
    x->w += d;
}

void ptrain_update(ptrain *p, const uint64_t *keys, size_t n, uint32_t gold, uint32_t guess) {
    p->now++;
    if (gold == guess)
        return;
    for (size_t k = 0; k < n; k++) {
        long f = intern(p, keys[k]);
        if (f < 0) {
            p->failed = 1;
            return;
        }
        bump(p, &p->feats[f], gold, 1.0);
        bump(p, &p->feats[f], guess, -1.0);
    }
}


static double averaged(const ptrain *p, const pt_weight *x) {
    if (p->now == 0)
        return 0;
    return (x->total + (double)(p->now - x->stamp) * x->w) / (double)p->now;
}

void ptrain_score_avg(const ptrain *p, const uint64_t *keys, size_t n, float *scores) {
    for (size_t k = 0; k < n; k++) {
        long f = find(p, keys[k]);
        if (f < 0)
            continue;
        const pt_feature *ft = &p->feats[f];
        for (uint32_t j = 0; j < ft->n; j++)
            scores[ft->v[j].cls] += (float)averaged(p, &ft->v[j]);
    }
}

int ptrain_merge_mean(ptrain *dst, const ptrain *src, double weight) {
    for (size_t fi = 0; fi < src->cap; fi++) {
        if (!src->keys[fi])
            continue;
        const pt_feature *ft = &src->feats[src->index[fi]];
        long d = intern(dst, src->keys[fi]);
        if (d < 0)
            return -1;
        for (uint32_t j = 0; j < ft->n; j++) {
            double a = averaged(src, &ft->v[j]);
            if (a == 0)
                continue;
            /* bump at clock 1 with w = 0: total accumulates the value */
            pt_feature *df = &dst->feats[d];
            pt_weight *x = NULL;
            for (uint32_t k = 0; k < df->n; k++)
                if (df->v[k].cls == ft->v[j].cls)
                    x = &df->v[k];
            if (!x) {
                if (df->n == df->cap) {
                    uint32_t cap = df->cap ? df->cap * 2 : 2;
                    pt_weight *v = realloc(df->v, cap * sizeof *v);
                    if (!v)
                        return -1;
                    df->v = v;
                    df->cap = cap;
                }
                x = &df->v[df->n++];
                x->cls = ft->v[j].cls;
                x->w = 0;
                x->total = 0;
                x->stamp = dst->now;
            }
            x->total += weight * a;
        }
    }
    return 0;
}

/* Features and entries that survive threshold q. */
static void survivors(const ptrain *p, double scale, int q, size_t *nfeat, size_t *nent) {
    *nfeat = *nent = 0;
    for (size_t i = 0; i < p->count; i++) {
        uint32_t keep = 0;
        for (uint32_t j = 0; j < p->feats[i].n; j++)
            if (fabs(round(averaged(p, &p->feats[i].v[j]) * scale)) >= q)
                keep++;
        if (keep > 255)
            keep = 255;
        if (keep) {
            (*nfeat)++;
            *nent += keep;
        }
    }
}

static size_t table_slots(size_t nfeat) {
    size_t slots = 16;
    while (slots < nfeat * 10 / 7 + 1)
        slots *= 2;
    return slots;
}

size_t ptrain_save(const ptrain *p, model_writer *w, const char *prefix, int min_q, size_t max_bytes, int *used_q) {
    /* scale: the largest averaged weight maps to 32000 */
    double maxw = 1e-9;
    for (size_t i = 0; i < p->count; i++)
        for (uint32_t j = 0; j < p->feats[i].n; j++) {
            double a = fabs(averaged(p, &p->feats[i].v[j]));
            if (a > maxw)
                maxw = a;
        }
    double scale = 32000.0 / maxw;
    /* count what survives pruning, raising the threshold to fit */
    size_t nfeat, nent;
    if (min_q < 1)
        min_q = 1;
    for (;;) {
        survivors(p, scale, min_q, &nfeat, &nent);
        size_t bytes = table_slots(nfeat) * sizeof(wt_slot) + nent * sizeof(wt_entry);
        if (!max_bytes || bytes <= max_bytes || min_q >= 30000)
            break;
        min_q = min_q + min_q / 4 + 1;
    }
    if (used_q)
        *used_q = min_q;
    size_t slots = table_slots(nfeat);
    wt_slot *tab = calloc(slots, sizeof *tab);
    wt_entry *ent = malloc((nent ? nent : 1) * sizeof *ent);
    wt_entry *row = malloc(p->nclass * sizeof *row);
    if (!tab || !ent || !row || nent >= (1u << 24)) {
        free(tab);
        free(ent);
        free(row);
        w->failed = 1;
        return 0;
    }
    size_t at = 0;
    for (size_t fi = 0; fi < p->cap; fi++) {
        /* walk the training table in slot order: deterministic for a seed */
        uint64_t key = p->keys[fi];
        if (!key)
            continue;
        const pt_feature *ft = &p->feats[p->index[fi]];
        uint32_t n = 0;
        for (uint32_t j = 0; j < ft->n; j++) {
            double q = round(averaged(p, &ft->v[j]) * scale);
            if (fabs(q) < min_q)
                continue;
            if (q > 32767)
                q = 32767;
            if (q < -32767)
                q = -32767;
            row[n].cls = (uint16_t)ft->v[j].cls;
            row[n].w = (int16_t)q;
            n++;
        }
        if (!n)
            continue;
        if (n > 255) {
            /* keep the 255 largest: a partial selection sort, rare */
            for (uint32_t a = 0; a < 255; a++) {
                uint32_t best = a;
                for (uint32_t b = a + 1; b < n; b++)
                    if (abs(row[b].w) > abs(row[best].w))
                        best = b;
                wt_entry t = row[a];
                row[a] = row[best];
                row[best] = t;
            }
            n = 255;
        }
        uint32_t fp = (uint32_t)(key >> 32) | 1u;
        size_t s = (uint32_t)key & (slots - 1);
        while (tab[s].fp)
            s = (s + 1) & (slots - 1);
        tab[s].fp = fp;
        tab[s].packed = (uint32_t)(at << 8) | n;
        memcpy(ent + at, row, n * sizeof *row);
        at += n;
    }
    wt_header h = {p->nclass, (uint32_t)(slots - 1), (float)scale, (uint32_t)at};
    char name[16];
    snprintf(name, sizeof name, "%s.hdr", prefix);
    model_writer_add(w, name, &h, sizeof h);
    snprintf(name, sizeof name, "%s.tab", prefix);
    model_writer_add(w, name, tab, slots * sizeof *tab);
    snprintf(name, sizeof name, "%s.ent", prefix);
    model_writer_add(w, name, ent, at * sizeof *ent);
    free(tab);
    free(ent);
    free(row);
    return at;
}

int wtable_load(wtable *t, const model_file *m, const char *prefix) {
    char name[16];
    size_t n;
    memset(t, 0, sizeof *t);
    snprintf(name, sizeof name, "%s.hdr", prefix);
    t->hdr = model_section_get(m, name, sizeof(wt_header), &n);
    if (!t->hdr || n != 1)
        return -1;
    snprintf(name, sizeof name, "%s.tab", prefix);
    size_t nslots, nent;
    t->slots = model_section_get(m, name, sizeof(wt_slot), &nslots);
    snprintf(name, sizeof name, "%s.ent", prefix);
    t->entries = model_section_get(m, name, sizeof(wt_entry), &nent);
    if (!t->slots || !t->entries || nslots != (size_t)t->hdr->mask + 1 || (nslots & (nslots - 1)) ||
        nent != t->hdr->nentries)
        return -1;
    /* every slot must point inside the entries and every class be in range,
     * so that scoring never reads or writes out of bounds; one linear pass */
    size_t empty = 0;
    for (size_t i = 0; i < nslots; i++) {
        if (!t->slots[i].fp) {
            empty++;
            continue;
        }
        size_t first = t->slots[i].packed >> 8, cnt = t->slots[i].packed & 0xff;
        if (first + cnt > nent)
            return -1;
    }
    if (!empty)
        return -1; /* a probe would never end */
    for (size_t i = 0; i < nent; i++)
        if (t->entries[i].cls >= t->hdr->nclass)
            return -1;
    t->mask = t->hdr->mask;
    t->nclass = t->hdr->nclass;
    return 0;
}

