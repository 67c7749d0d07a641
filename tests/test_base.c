/* test_base.c - arena, UTF-8 layer and word lists. */
#include <stdint.h>
#include <string.h>

#include "../src/base/arena.h"
#include "../src/text/utf8.h"
#include "../src/tokenize/tokenize.h"
#include "test.h"

void test_arena(void) {
    arena *a = arena_new(64);
    CHECK(a != NULL);
    char *p = arena_alloc(a, 10);
    char *q = arena_alloc(a, 100); /* larger than the first block */
    CHECK(p && q && p != q);
    CHECK(((uintptr_t)p % 16) == 0 && ((uintptr_t)q % 16) == 0);
    memset(p, 'x', 10);
    memset(q, 'y', 100);
    CHECK(p[9] == 'x' && q[0] == 'y');
    char *s = arena_strndup(a, "hello world", 5);
    CHECK_STR(s, "hello");
    int *g = arena_grow(a, NULL, 0, 4 * sizeof(int));
    for (int i = 0; i < 4; i++)
        g[i] = i;
    int *g2 = arena_grow(a, g, 4 * sizeof(int), 8 * sizeof(int));
    CHECK(g2 && g2[3] == 3);
    int *z = arena_calloc(a, 8, sizeof(int));
    CHECK(z && z[7] == 0);
    CHECK(arena_used(a) >= 10 + 100 + 6);
    arena_reset(a);
    CHECK_INT(arena_used(a), 0);
    CHECK(arena_alloc(a, 0) != NULL);
    CHECK(arena_calloc(a, SIZE_MAX / 2, 4) == NULL); /* overflow refused */
    arena_free(a);
    arena_free(NULL);
}

void test_arena_limit(void) {
    arena *a = arena_new(0);
    arena_set_limit(a, 1000);
    CHECK(arena_alloc(a, 500) != NULL);
    CHECK(arena_alloc(a, 600) == NULL); /* would pass the limit */
    CHECK(arena_alloc(a, 100) != NULL);
    arena_reset(a);
    CHECK(arena_alloc(a, 900) != NULL); /* the limit counts since reset */
    arena_free(a);
}

void test_utf8_decode(void) {
    int32_t cp;
    CHECK_INT(utf8_decode("A", 1, &cp), 1);
    CHECK_INT(cp, 'A');
    CHECK_INT(utf8_decode("\xC3\xA9", 2, &cp), 2);
    CHECK_INT(cp, 0xE9);
    CHECK_INT(utf8_decode("\xF0\x9F\x98\x80", 4, &cp), 4);
    CHECK_INT(cp, 0x1F600);
    /* overlong, surrogate, stray continuation, truncated, past U+10FFFF */
    CHECK_INT(utf8_decode("\xC0\xAF", 2, &cp), 1);
    CHECK_INT(cp, -1);
    CHECK_INT(utf8_decode("\xED\xA0\x80", 3, &cp), 1);
    CHECK_INT(cp, -1);
    CHECK_INT(utf8_decode("\x80", 1, &cp), 1);
    CHECK_INT(cp, -1);
    CHECK_INT(utf8_decode("\xE2\x82", 2, &cp), 1);
    CHECK_INT(cp, -1);
    CHECK_INT(utf8_decode("\xF4\x90\x80\x80", 4, &cp), 1);
    CHECK_INT(cp, -1);
    CHECK_INT(utf8_find_invalid("abc\xFF" "def", 7), 3);
    CHECK_INT(utf8_find_invalid("caf\xC3\xA9", 5), 5);
    arena *a = arena_new(0);
    size_t n;
    char *s = utf8_sanitize(a, "a\xFF" "b", 3, &n);
    CHECK_STR(s, "a\xEF\xBF\xBD" "b");
    CHECK_INT(n, 5);
    char *l = utf8_lower(a, "\xC3\x89VIAN", 6, &n);
    CHECK_STR(l, "\xC3\xA9vian");
    arena_free(a);
    CHECK(utf8_class('A') & CC_UPPER);
    CHECK(utf8_class(0x0416) & CC_UPPER); /* Cyrillic capital ZHE */
    CHECK(utf8_class(0x4E2D) & CC_LETTER); /* a CJK ideograph */
    CHECK(utf8_class(0x0301) & CC_MARK);
    CHECK(utf8_class(0x00A0) & CC_SPACE);
    CHECK(utf8_class('$') & CC_SYMBOL);
}

void test_utf8_normalize(void) {
    arena *a = arena_new(0);
    const char *out;
    size_t n;
    const char *ascii = "plain";
    CHECK(utf8_normalize(a, ascii, 5, &out, &n) == 0);
    CHECK(out == ascii && n == 5); /* ASCII is not copied */
    /* curly quotes, dashes, no-break space and the ellipsis fold */
    const char *in = "\xE2\x80\x9CKyiv\xE2\x80\x99s\xE2\x80\x9D \xE2\x80\x94\xC2\xA0" "a\xE2\x80\xA6";
    CHECK(utf8_normalize(a, in, strlen(in), &out, &n) == 0);
    CHECK_STR(out, "\"Kyiv's\" - a...");
    /* NFC: e + combining acute becomes one code point */
    CHECK(utf8_normalize(a, "Pe\xCC\x81rez", 7, &out, &n) == 0);
    CHECK_STR(out, "P\xC3\xA9rez");
    /* invalid bytes become U+FFFD; soft hyphen disappears */
    CHECK(utf8_normalize(a, "a\xFF\xC2\xAD" "b", 5, &out, &n) == 0);
    CHECK_STR(out, "a\xEF\xBF\xBD" "b");
    arena_free(a);
}

void test_tokenize_lists_sorted(void) {
    CHECK(tok_lists_sorted());
    CHECK(tok_is_abbreviation("Gen.", 4));
    CHECK(tok_is_title_abbreviation("Gen.", 4));
    CHECK(tok_is_abbreviation("Inc.", 4));
    CHECK(!tok_is_title_abbreviation("Inc.", 4));
    CHECK(!tok_is_abbreviation("the.", 4));
    CHECK(tok_is_sentence_starter("However", 7));
    CHECK(!tok_is_sentence_starter("Putin", 5));
    CHECK(tok_is_hyphen_prefix("Co", 2));
    CHECK(!tok_is_hyphen_prefix("search", 6));
    CHECK_INT(tok_contraction_split("gonna", 5), 3);
    CHECK_INT(tok_contraction_split("Cannot", 6), 3);
    CHECK_INT(tok_contraction_split("going", 5), 0);
}
