/*
 * arena.c - per-story bump allocator (see arena.h).
 *
 * Blocks form a singly linked list, newest first.  Allocation bumps a pointer
 * in the newest block; a request that does not fit opens a block of at least
 * twice the previous size (or the request, if larger).  Reset frees every
 * block but the largest, so memory stays flat over a stream of stories.
 */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_ALIGN 16u
#define ARENA_DEFAULT_BLOCK (64u * 1024u)

typedef struct block {
    struct block *next;
    size_t size; /* usable bytes after the header */
    size_t used;
} block;

struct arena {
    block *head;       /* newest block, allocation happens here */
    size_t first_size; /* size of the first block asked for */
    size_t used;       /* bytes handed out since reset */
    size_t limit;      /* 0 = none */
};

/* Header padded so the payload starts aligned. */
#define BLOCK_HEADER (((sizeof(block) + ARENA_ALIGN - 1) / ARENA_ALIGN) * ARENA_ALIGN)

arena *arena_new(size_t block_size) {
    arena *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    a->first_size = block_size ? block_size : ARENA_DEFAULT_BLOCK;
    return a;
}

static void free_blocks(block *b, block *keep) {
    while (b) {
        block *next = b->next;
        if (b != keep)
            free(b);
        b = next;
    }
}

void arena_free(arena *a) {
    if (!a)
        return;
    free_blocks(a->head, NULL);
    free(a);
}

#ifdef PETREL_ARENA_MALLOC
/* Sanitizer build: each allocation is a block of its own. */
void *arena_alloc(arena *a, size_t size) {
    if (a->limit && (size > a->limit || a->used > a->limit - size))
        return NULL;
    block *b = malloc(BLOCK_HEADER + (size ? size : 1));
    if (!b)
        return NULL;
    b->size = size;
    b->used = size;
    b->next = a->head;
    a->head = b;
    a->used += size;
    return (char *)b + BLOCK_HEADER;
}

void arena_reset(arena *a) {
    free_blocks(a->head, NULL);
    a->head = NULL;
    a->used = 0;
}
#else
static size_t align_up(size_t n) { return (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1); }

void *arena_alloc(arena *a, size_t size) {
    size_t need = align_up(size ? size : 1);
    if (need < size)
        return NULL; /* overflow */
    if (a->limit && (need > a->limit || a->used > a->limit - need))
        return NULL;
    block *b = a->head;
    if (!b || b->size - b->used < need) {
        size_t bs = b ? b->size * 2 : a->first_size;
        if (bs < need)
            bs = need;
        if (bs > SIZE_MAX - BLOCK_HEADER)
            return NULL;
        block *nb = malloc(BLOCK_HEADER + bs);
        if (!nb)
            return NULL;
        nb->size = bs;
        nb->used = 0;
        nb->next = b;
        a->head = nb;
        b = nb;
    }
    void *p = (char *)b + BLOCK_HEADER + b->used;
    b->used += need;
    a->used += need;
    return p;
}

void arena_reset(arena *a) {
    /* Keep the largest block (the newest, as sizes double) so that the next
     * story of the same size allocates nothing. */
    block *keep = a->head;
    if (keep) {
        free_blocks(keep->next, NULL);
        keep->next = NULL;
        keep->used = 0;
    }
    a->used = 0;
}
#endif

void *arena_calloc(arena *a, size_t count, size_t size) {
    if (size && count > SIZE_MAX / size)
        return NULL;
    void *p = arena_alloc(a, count * size);
    if (p)
        memset(p, 0, count * size);
    return p;
}

char *arena_strndup(arena *a, const char *s, size_t len) {
    if (len == SIZE_MAX)
        return NULL;
    char *p = arena_alloc(a, len + 1);
    if (!p)
        return NULL;
    if (len)
        memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

void *arena_grow(arena *a, void *old, size_t old_size, size_t new_size) {
    void *p = arena_alloc(a, new_size);
    if (p && old && old_size)
        memcpy(p, old, old_size < new_size ? old_size : new_size);
    return p;
}

void arena_set_limit(arena *a, size_t limit) { a->limit = limit; }

size_t arena_used(const arena *a) { return a->used; }
