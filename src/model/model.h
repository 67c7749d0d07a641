/*
 * model.h - petrel's binary model files: written once by a trainer, mapped
 * read-only by every thread that tags or parses.
 *
 * A model file is a fixed header, a directory of named sections and the
 * sections themselves, each 8-byte aligned, all little-endian:
 *
 *   offset 0   model_header (128 bytes): magic "PETRELMD", format version,
 *              byte-order mark, kind ("tagger", "parser"), feature-template
 *              hash, training-data identity (hash + short name), seed,
 *              payload size, section count, checksum of everything after
 *              the header
 *   then       nsections x model_section {name[16], offset, size}
 *   then       the sections
 *
 * Sections are arrays of fixed-size records (hash tables of feature weights,
 * string pools, class lists) that the tagger and parser use in place: loading
 * is mmap, a header check and one pass of a fast checksum, nothing is parsed
 * or copied.  A file that is missing, shorter than its header says, has a
 * wrong magic, version, byte order, kind or template hash, or a bad checksum
 * is refused with PETREL_ERR_MODEL and a message naming the file.
 *
 * Thread-safety: a loaded model_file is immutable and may be read by any
 * number of threads at once.
 */
#ifndef PETREL_MODEL_H
#define PETREL_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "petrel.h"

#define MODEL_MAGIC "PETRELMD"
#define MODEL_FORMAT_VERSION 1u
#define MODEL_BYTE_ORDER 0x01020304u

typedef struct model_header {
    char magic[8];             /* MODEL_MAGIC, no NUL */
    uint32_t version;          /* MODEL_FORMAT_VERSION */
    uint32_t byte_order;       /* MODEL_BYTE_ORDER as written by the trainer */
    char kind[16];             /* "tagger", "parser"; NUL-padded */
    uint64_t template_hash;    /* hash of the feature templates it was
                                  trained with (see tagger.c, parser.c) */
    uint64_t data_hash;        /* hash of the training files' bytes */
    uint64_t seed;             /* training seed */
    uint64_t payload_size;     /* bytes after the header */
    uint64_t checksum;         /* model_checksum of those bytes */
    uint32_t nsections;
    uint32_t reserved;
    char data_name[48];        /* short name of the training data */
} model_header;

typedef struct model_section {
    char name[16];             /* NUL-padded */
    uint64_t offset;           /* from the start of the file, 8-aligned */
    uint64_t size;             /* bytes */
} model_section;

/* A loaded (mapped) model file. */
typedef struct model_file {
    const unsigned char *base; /* the mapping */
    size_t size;
    const model_header *header;
    const model_section *sections;
    char path[256];            /* for messages */
} model_file;

/* Maps path and checks it is a model of the given kind trained with the
 * given templates.  Returns 0, or PETREL_ERR_MODEL / PETREL_ERR_IO with err
 * naming the file and the reason; *m is then zeroed. */
int model_open(model_file *m, const char *path, const char *kind, uint64_t template_hash, petrel_error *err);

/* Unmaps.  A zeroed model_file is ignored. */
void model_close(model_file *m);

/* The section called name: its bytes and size, or NULL when absent.  When
 * elem is nonzero the size must be a multiple of it (otherwise NULL). */
const void *model_section_get(const model_file *m, const char *name, size_t elem, size_t *count);

/* Builds a model file in memory, then writes it in one go. */
typedef struct model_writer {
    model_header header;
    model_section *sections;
    void **bodies;
    uint32_t n, cap;
    int failed;                /* an allocation failed */
} model_writer;

void model_writer_init(model_writer *w, const char *kind, uint64_t template_hash, uint64_t data_hash,
                       const char *data_name, uint64_t seed);
/* Adds a section (its bytes are copied). */
void model_writer_add(model_writer *w, const char *name, const void *bytes, size_t size);
/* Writes path (via path.partial and a rename).  Returns 0, or a negative
 * status with err set.  Frees the writer's memory either way. */
int model_writer_save(model_writer *w, const char *path, petrel_error *err);
/* Frees the writer's memory without writing. */
void model_writer_discard(model_writer *w);

/* The checksum of model payloads: 64-bit, four independent lanes of
 * multiply-xor over 8-byte words (fast enough to verify 20 MB in a few
 * milliseconds; it detects corruption, it is not cryptographic). */
uint64_t model_checksum(const void *bytes, size_t size);

/* 64-bit hashing used for feature keys and data identity. */
static inline uint64_t model_mix64(uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

/* FNV-1a over bytes, then mixed. */
static inline uint64_t model_hash_bytes(const void *p, size_t n, uint64_t seed) {
    const unsigned char *s = p;
    uint64_t h = 0xcbf29ce484222325ULL ^ seed;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 0x100000001b3ULL;
    }
    return model_mix64(h);
}

/* The same over the bytes lower-cased (ASCII): the key of a word whatever
 * its capitals, which the tagger and the lemmatizer must compute alike. */
static inline uint64_t model_hash_lower(const void *p, size_t n, uint64_t seed) {
    const unsigned char *s = p;
    uint64_t h = 0xcbf29ce484222325ULL ^ seed;
    for (size_t i = 0; i < n; i++) {
        h ^= (s[i] >= 'A' && s[i] <= 'Z') ? (unsigned char)(s[i] + 32) : s[i];
        h *= 0x100000001b3ULL;
    }
    return model_mix64(h);
}

/* Combines a template number with up to three values (themselves hashes)
 * into a feature key: one mixing round, as this runs ~50 times per parser
 * transition. */
static inline uint64_t model_feat(uint32_t tmpl, uint64_t a, uint64_t b, uint64_t c) {
    uint64_t h = a ^ ((b << 21) | (b >> 43)) ^ ((c << 42) | (c >> 22)) ^ (0x9e3779b97f4a7c15ULL * (tmpl + 1));
    return model_mix64(h);
}

/* ------------------------------------------------------------- lookups */

/* A read-only hash table from 64-bit keys to 32-bit values, stored as one
 * section of slots (open addressing, linear probing, key 0 = empty; a key
 * of 0 is stored as 1). */
typedef struct kv_slot {
    uint64_t key;
    uint32_t value;
    uint32_t pad;
} kv_slot;

typedef struct kvtable {
    const kv_slot *slots;
    uint32_t mask;
} kvtable;

/* Adds a section holding the n pairs (the first of duplicate keys wins). */
void kv_build(model_writer *w, const char *name, const uint64_t *keys, const uint32_t *values, size_t n);
/* Finds the section; returns 0, or -1 when absent or malformed.  (An absent
 * table may be acceptable to the caller: its lookups then find nothing.) */
int kv_load(kvtable *t, const model_file *m, const char *name);

static inline int kv_get(const kvtable *t, uint64_t key, uint32_t *value) {
    if (!t->slots)
        return 0;
    if (key == 0)
        key = 1;
    for (uint32_t i = (uint32_t)(key ^ (key >> 32)) & t->mask;; i = (i + 1) & t->mask) {
        if (t->slots[i].key == key) {
            *value = t->slots[i].value;
            return 1;
        }
        if (t->slots[i].key == 0)
            return 0;
    }
}

#endif
