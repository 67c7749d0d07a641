/*
 * intern.h - string interning and a 64-bit-key hash map, the two tables the
 * dictionaries are compiled into.
 *
 * An interner gives every distinct string a small integer id (0, 1, 2 ...)
 * so that words can be compared as integers; the map takes 64-bit keys
 * (such as a trie node and a word id packed together) to 32-bit values.
 * Both use open addressing with linear probing and grow by doubling.
 * Built once while loading, then only read: reads are thread-safe, writes
 * are not.
 */
#ifndef PETREL_BASE_INTERN_H
#define PETREL_BASE_INTERN_H

#include <stddef.h>
#include <stdint.h>

typedef struct intern intern;

/* New empty interner, or NULL when out of memory. */
intern *intern_new(void);
void intern_free(intern *in);

/* The id of s[0..n), added when new; -1 when out of memory. */
int32_t intern_add(intern *in, const char *s, size_t n);

/* The id of s[0..n), or -1 when it was never added. */
int32_t intern_find(const intern *in, const char *s, size_t n);

/* The string of an id (NUL-terminated, owned by the interner). */
const char *intern_str(const intern *in, int32_t id);

/* Number of strings. */
size_t intern_count(const intern *in);

/* 64-bit FNV-1a, the hash used for strings. */
uint64_t intern_hash(const char *s, size_t n);

typedef struct u64map {
    uint64_t *keys;   /* key + 1; 0 marks an empty slot */
    uint32_t *vals;
    size_t cap, count;
} u64map;

/* An empty map (no allocation until the first put). */
void u64map_init(u64map *m);
void u64map_free(u64map *m);
/* Sets key to val; returns 0, or -1 when out of memory.  Key UINT64_MAX is
 * not allowed. */
int u64map_put(u64map *m, uint64_t key, uint32_t val);
/* The value of key in *val; returns 1 when found, 0 when absent. */
int u64map_get(const u64map *m, uint64_t key, uint32_t *val);

#endif
