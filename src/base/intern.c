/* intern.c - string interning and 64-bit hash map (see intern.h). */
#include "intern.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"

struct intern {
    arena *strings;      /* the bytes of every string */
    const char **str;    /* id -> string */
    uint32_t *len;       /* id -> length */
    uint64_t *hash;      /* id -> hash */
    size_t count, cap_ids;
    int32_t *slots;      /* open addressing: id + 1, 0 = empty */
    size_t nslots;
};

uint64_t intern_hash(const char *s, size_t n) {
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

intern *intern_new(void) {
    intern *in = calloc(1, sizeof *in);
    if (!in)
        return NULL;
    in->strings = arena_new(64 * 1024);
    in->nslots = 1024;
    in->slots = calloc(in->nslots, sizeof *in->slots);
    if (!in->strings || !in->slots) {
        intern_free(in);
        return NULL;
    }
    return in;
}

void intern_free(intern *in) {
    if (!in)
        return;
    arena_free(in->strings);
    free(in->str);
    free(in->len);
    free(in->hash);
    free(in->slots);
    free(in);
}

static size_t probe(const intern *in, const char *s, size_t n, uint64_t h, int *found) {
    size_t mask = in->nslots - 1, i = (size_t)h & mask;
    for (;;) {
        int32_t v = in->slots[i];
        if (v == 0) {
            *found = 0;
            return i;
        }
        int32_t id = v - 1;
        if (in->hash[id] == h && in->len[id] == n && memcmp(in->str[id], s, n) == 0) {
            *found = 1;
            return i;
        }
        i = (i + 1) & mask;
    }
}

static int rehash(intern *in) {
    size_t n = in->nslots * 2;
    int32_t *slots = calloc(n, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t id = 0; id < in->count; id++) {
        size_t i = (size_t)in->hash[id] & (n - 1);
        while (slots[i])
            i = (i + 1) & (n - 1);
        slots[i] = (int32_t)id + 1;
    }
    free(in->slots);
    in->slots = slots;
    in->nslots = n;
    return 0;
}

int32_t intern_add(intern *in, const char *s, size_t n) {
    uint64_t h = intern_hash(s, n);
    int found;
    size_t slot = probe(in, s, n, h, &found);
    if (found)
        return in->slots[slot] - 1;
    if (in->count >= (size_t)INT32_MAX - 1)
        return -1;
    if (in->count == in->cap_ids) {
        size_t cap = in->cap_ids ? in->cap_ids * 2 : 1024;
        const char **str = realloc(in->str, cap * sizeof *str);
        if (!str)
            return -1;
        in->str = str;
        uint32_t *len = realloc(in->len, cap * sizeof *len);
        if (!len)
            return -1;
        in->len = len;
        uint64_t *hash = realloc(in->hash, cap * sizeof *hash);
        if (!hash)
            return -1;
        in->hash = hash;
        in->cap_ids = cap;
    }
    char *copy = arena_strndup(in->strings, s, n);
    if (!copy)
        return -1;
    int32_t id = (int32_t)in->count++;
    in->str[id] = copy;
    in->len[id] = (uint32_t)n;
    in->hash[id] = h;
    in->slots[slot] = id + 1;
    if (in->count * 2 > in->nslots && rehash(in) != 0)
        return -1;
    return id;
}

int32_t intern_find(const intern *in, const char *s, size_t n) {
    int found;
    size_t slot = probe(in, s, n, intern_hash(s, n), &found);
    return found ? in->slots[slot] - 1 : -1;
}

const char *intern_str(const intern *in, int32_t id) {
    return id >= 0 && (size_t)id < in->count ? in->str[id] : NULL;
}

size_t intern_count(const intern *in) { return in->count; }

/* ------------------------------------------------------------------ map */

void u64map_init(u64map *m) { memset(m, 0, sizeof *m); }

void u64map_free(u64map *m) {
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

static uint64_t mix(uint64_t k) {
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdull;
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ull;
    k ^= k >> 33;
    return k;
}

static int map_grow(u64map *m) {
    size_t cap = m->cap ? m->cap * 2 : 256;
    uint64_t *keys = calloc(cap, sizeof *keys);
    uint32_t *vals = malloc(cap * sizeof *vals);
    if (!keys || !vals) {
        free(keys);
        free(vals);
        return -1;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i])
            continue;
        size_t j = (size_t)mix(m->keys[i] - 1) & (cap - 1);
        while (keys[j])
            j = (j + 1) & (cap - 1);
        keys[j] = m->keys[i];
        vals[j] = m->vals[i];
    }
    free(m->keys);
    free(m->vals);
    m->keys = keys;
    m->vals = vals;
    m->cap = cap;
    return 0;
}

int u64map_put(u64map *m, uint64_t key, uint32_t val) {
    if ((m->count + 1) * 2 > m->cap && map_grow(m) != 0)
        return -1;
    size_t j = (size_t)mix(key) & (m->cap - 1);
    while (m->keys[j] && m->keys[j] != key + 1)
        j = (j + 1) & (m->cap - 1);
    if (!m->keys[j])
        m->count++;
    m->keys[j] = key + 1;
    m->vals[j] = val;
    return 0;
}

int u64map_get(const u64map *m, uint64_t key, uint32_t *val) {
    if (!m->cap)
        return 0;
    size_t j = (size_t)mix(key) & (m->cap - 1);
    while (m->keys[j]) {
        if (m->keys[j] == key + 1) {
            *val = m->vals[j];
            return 1;
        }
        j = (j + 1) & (m->cap - 1);
    }
    return 0;
}
