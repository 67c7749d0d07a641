/*
 * utf8.h - UTF-8 decoding, validation, normalization and character classes.
 *
 * Input text is kept exactly as given: tokens are byte spans into it.  What
 * the later stages compare is a normalized form computed per token:
 * NFC (utf8proc), then the typographic variants news text mixes freely are
 * folded to one spelling for matching: curly and prime quotes to ' and ",
 * the dash family and minus to -, every space variant to a space, the
 * ellipsis character to "...", invisible format characters removed.
 *
 * Invalid bytes (overlong forms, surrogates, stray continuation bytes,
 * values past U+10FFFF, truncated sequences) decode one byte at a time as
 * U+FFFD so that no byte is lost and offsets stay exact.
 */
#ifndef PETREL_TEXT_UTF8_H
#define PETREL_TEXT_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "../base/arena.h"

#define UTF8_REPLACEMENT 0xFFFD

/* Decodes one code point from s[0..n), n > 0.  Returns the bytes consumed
 * (1 to 4) and stores the code point, or -1 for an invalid byte (consumed
 * alone). */
size_t utf8_decode(const char *s, size_t n, int32_t *cp);

/* Encodes cp (valid scalar value) into out; returns 1 to 4. */
size_t utf8_encode(int32_t cp, char out[4]);

/* Offset of the first invalid byte in s[0..n), or n when all is valid. */
size_t utf8_find_invalid(const char *s, size_t n);

/* Copy of s with every invalid byte replaced by U+FFFD (NUL-terminated, in
 * the arena).  NULL when out of memory. */
char *utf8_sanitize(arena *a, const char *s, size_t n, size_t *out_len);

/* Normalized form of s[0..n) for matching (see above).  When s is ASCII
 * with nothing to fold, *out points at s itself (not NUL-terminated);
 * otherwise it is a NUL-terminated arena copy.  Returns 0, or -1 when out of
 * memory. */
int utf8_normalize(arena *a, const char *s, size_t n, const char **out, size_t *out_len);

/* Character classes the tokenizer needs. */
enum {
    CC_SPACE = 1,   /* white space, including line breaks */
    CC_LETTER = 2,  /* L*, with CC_UPPER / CC_LOWER beside it */
    CC_MARK = 4,    /* combining marks: belong to the preceding letter */
    CC_DIGIT = 8,   /* Nd */
    CC_PUNCT = 16,  /* P* */
    CC_SYMBOL = 32, /* S* (currency, math, emoji ...) */
    CC_UPPER = 64,
    CC_LOWER = 128,
    CC_OTHER = 256, /* controls, format characters, invalid bytes */
    CC_NEWLINE = 512
};

/* Class bits of a code point (cp < 0 = invalid byte). */
unsigned utf8_class(int32_t cp);

/* Simple lowercase mapping of one code point. */
int32_t utf8_tolower(int32_t cp);

/* Lowercased copy of s (UTF-8 aware) in the arena; NUL-terminated. */
char *utf8_lower(arena *a, const char *s, size_t n, size_t *out_len);

/* Folds a code point to its matching spelling: returns the replacement
 * string for quotes, dashes, spaces and the like, "" for characters that
 * are dropped, or NULL when cp stays as it is. */
const char *utf8_fold(int32_t cp);

#endif
