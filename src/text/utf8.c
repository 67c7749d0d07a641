/*
 * utf8.c - UTF-8 decoding, validation, normalization and character classes
 * (see utf8.h).  Decoding follows the Unicode "maximal subpart" practice in
 * its simplest form: any byte that does not start a well-formed sequence is
 * one invalid unit.  Unicode tables come from utf8proc.
 */
#include "utf8.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

size_t utf8_decode(const char *str, size_t n, int32_t *cp) {
    const unsigned char *s = (const unsigned char *)str;
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = (int32_t)c;
        return 1;
    }
    size_t len;
    int32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        v = c & 0x1F;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        v = c & 0x0F;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        v = c & 0x07;
        min = 0x10000;
    } else {
        *cp = -1;
        return 1;
    }
    if (n < len) {
        *cp = -1;
        return 1;
    }
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = -1;
            return 1;
        }
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        *cp = -1;
        return 1;
    }
    *cp = v;
    return len;
}

size_t utf8_encode(int32_t cp, char out[4]) {
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t utf8_find_invalid(const char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        /* ASCII fast path, eight bytes at a time. */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ull)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        int32_t cp;
        size_t k = utf8_decode(s + i, n - i, &cp);
        if (cp < 0)
            return i;
        i += k;
    }
    return n;
}

char *utf8_sanitize(arena *a, const char *s, size_t n, size_t *out_len) {
    size_t bad = 0;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        size_t k = utf8_decode(s + i, n - i, &cp);
        if (cp < 0)
            bad++;
        i += k;
    }
    char *out = arena_alloc(a, n + 2 * bad + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        size_t k = utf8_decode(s + i, n - i, &cp);
        if (cp < 0) {
            o += utf8_encode(UTF8_REPLACEMENT, out + o);
        } else {
            memcpy(out + o, s + i, k);
            o += k;
        }
        i += k;
    }
    out[o] = '\0';
    if (out_len)
        *out_len = o;
    return out;
}

const char *utf8_fold(int32_t cp) {
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
    case 0x00B4: case 0xFF07:
        return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB:
    case 0x00BB: case 0xFF02:
        return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
        return "-";
    case 0x00A0: case 0x2000: case 0x2001: case 0x2002: case 0x2003: case 0x2004:
    case 0x2005: case 0x2006: case 0x2007: case 0x2008: case 0x2009: case 0x200A:
    case 0x202F: case 0x205F: case 0x3000:
        return " ";
    case 0x2026:
        return "...";
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
        return "";
    default:
        return NULL;
    }
}

int utf8_normalize(arena *a, const char *s, size_t n, const char **out, size_t *out_len) {
    size_t i = 0;
    while (i < n && (unsigned char)s[i] < 0x80)
        i++;
    if (i == n) {
        *out = s;
        *out_len = n;
        return 0;
    }
    /* Non-ASCII: valid copy, NFC, then fold.  utf8proc wants valid input,
     * hence the sanitizing copy first. */
    size_t clean_len;
    char *clean = utf8_sanitize(a, s, n, &clean_len);
    if (!clean)
        return -1;
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)clean, (utf8proc_ssize_t)clean_len, &nfc,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    const char *src = clean;
    size_t src_len = clean_len;
    if (m >= 0 && nfc) {
        src = (const char *)nfc;
        src_len = (size_t)m;
    }
    /* Folding never grows a code point by more than 3 bytes ("..."). */
    char *dst = arena_alloc(a, src_len * 3 + 1);
    if (!dst) {
        free(nfc);
        return -1;
    }
    size_t o = 0;
    for (size_t j = 0; j < src_len;) {
        int32_t cp;
        size_t k = utf8_decode(src + j, src_len - j, &cp);
        const char *f = cp >= 0x80 ? utf8_fold(cp) : NULL;
        if (f) {
            size_t fl = strlen(f);
            memcpy(dst + o, f, fl);
            o += fl;
        } else {
            memcpy(dst + o, src + j, k);
            o += k;
        }
        j += k;
    }
    dst[o] = '\0';
    free(nfc);
    *out = dst;
    *out_len = o;
    return 0;
}

/* ASCII classes, computed once by hand so the hot loop needs no lookup
 * into utf8proc for plain English text. */
static unsigned ascii_class(int c) {
    if (c == '\n' || c == '\r')
        return CC_SPACE | CC_NEWLINE;
    if (c == ' ' || c == '\t' || c == '\f' || c == '\v')
        return CC_SPACE;
    if (c >= 'A' && c <= 'Z')
        return CC_LETTER | CC_UPPER;
    if (c >= 'a' && c <= 'z')
        return CC_LETTER | CC_LOWER;
    if (c >= '0' && c <= '9')
        return CC_DIGIT;
    if (c < 0x20 || c == 0x7F)
        return CC_OTHER;
    if (c == '$' || c == '+' || c == '<' || c == '=' || c == '>' || c == '^' || c == '`' || c == '|' || c == '~')
        return CC_SYMBOL;
    return CC_PUNCT;
}

unsigned utf8_class(int32_t cp) {
    if (cp < 0)
        return CC_OTHER;
    if (cp < 0x80)
        return ascii_class((int)cp);
    if (cp == 0x2028 || cp == 0x2029 || cp == 0x85)
        return CC_SPACE | CC_NEWLINE;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
        return CC_LETTER | CC_UPPER;
    case UTF8PROC_CATEGORY_LL:
        return CC_LETTER | CC_LOWER;
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
        return CC_LETTER;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return CC_MARK;
    case UTF8PROC_CATEGORY_ND:
        return CC_DIGIT;
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return CC_LETTER; /* Roman numerals, superscripts: part of words */
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
        return CC_PUNCT;
    case UTF8PROC_CATEGORY_SM:
    case UTF8PROC_CATEGORY_SC:
    case UTF8PROC_CATEGORY_SK:
    case UTF8PROC_CATEGORY_SO:
        return CC_SYMBOL;
    case UTF8PROC_CATEGORY_ZS:
        return CC_SPACE;
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
        return CC_SPACE | CC_NEWLINE;
    case UTF8PROC_CATEGORY_CF:
        /* Zero-width joiners and variation selectors glue emoji and
         * Indic clusters together: treat them as marks. */
        return CC_MARK;
    default:
        return CC_OTHER;
    }
}

int32_t utf8_tolower(int32_t cp) {
    if (cp < 0)
        return cp;
    if (cp < 0x80)
        return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    return utf8proc_tolower(cp);
}

char *utf8_lower(arena *a, const char *s, size_t n, size_t *out_len) {
    /* Worst case: an invalid byte becomes a 3-byte U+FFFD. */
    char *out = arena_alloc(a, n * 3 + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        size_t k = utf8_decode(s + i, n - i, &cp);
        if (cp < 0) {
            o += utf8_encode(UTF8_REPLACEMENT, out + o);
        } else {
            int32_t l = utf8_tolower(cp);
            o += utf8_encode(l, out + o);
        }
        i += k;
    }
    out[o] = '\0';
    if (out_len)
        *out_len = o;
    return out;
}
