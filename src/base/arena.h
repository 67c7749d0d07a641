/*
 * arena.h - per-story bump allocator.
 *
 * Every stage of the pipeline appends to one document whose memory comes from
 * one arena; nothing is freed piecemeal, and arena_reset() releases a whole
 * story at once.  Blocks are kept across resets so a stream of stories of
 * similar size reaches a steady state with no calls to malloc at all.
 *
 * Building with -DPETREL_ARENA_MALLOC turns every arena_alloc() into its own
 * malloc() (freed at reset), so AddressSanitizer and valgrind see overruns of
 * individual allocations instead of silently writing into the next one.
 *
 * An arena may be given a byte limit (arena_set_limit); an allocation that
 * would pass it fails with NULL as if memory were exhausted.  That bounds the
 * memory one hostile story can take and lets tests inject allocation failure.
 *
 * Not thread-safe: one arena belongs to one document, used by one thread.
 */
#ifndef PETREL_ARENA_H
#define PETREL_ARENA_H

#include <stddef.h>

typedef struct arena arena;

/* New empty arena; block_size is the size of the first block (0 = default).
 * Returns NULL when out of memory.  Free with arena_free(). */
arena *arena_new(size_t block_size);

/* Releases the arena and everything allocated from it.  NULL is ignored. */
void arena_free(arena *a);

/* Allocates size bytes aligned for any type.  Returns NULL when out of
 * memory or past the limit; size 0 returns a valid unique pointer. */
void *arena_alloc(arena *a, size_t size);

/* As arena_alloc, zero-filled. */
void *arena_calloc(arena *a, size_t count, size_t size);

/* Copies len bytes and appends a NUL.  NULL when out of memory. */
char *arena_strndup(arena *a, const char *s, size_t len);

/* Grows an array allocated from this arena: returns a block of new_size
 * bytes whose first old_size bytes are those of old (which may be NULL).
 * The old block is not reused (it is released with the arena). */
void *arena_grow(arena *a, void *old, size_t old_size, size_t new_size);

/* Forgets every allocation; keeps the first block for reuse. */
void arena_reset(arena *a);

/* Caps the bytes the arena hands out between resets (0 = no cap). */
void arena_set_limit(arena *a, size_t limit);

/* Bytes handed out since the last reset. */
size_t arena_used(const arena *a);

#endif
