/*
 * tokenize.c - sentence splitter and tokenizer (see tokenize.h).
 *
 * The text of a region is read one paragraph at a time (paragraphs end at a
 * blank line).  Each white-space-delimited chunk is cut into surface tokens
 * in three steps: opening punctuation is peeled from the front, closing and
 * terminal punctuation from the back (a period stays when the rest is an
 * abbreviation or initials), and what remains is split at internal
 * punctuation unless it is a URL, an e-mail address, an emoticon, a number
 * or a compound that keeps its hyphen.  Sentence boundaries are then chosen
 * over the paragraph's tokens, and each token is emitted as one or more
 * words (clitics split off).
 *
 * Work is linear in the text: every byte is looked at a bounded number of
 * times, whatever the length of a chunk or a sentence.
 */
#include "tokenize.h"

#include <stdlib.h>
#include <string.h>

#include "../base/error.h"
#include "../text/utf8.h"

/* token flags */
enum {
    T_SPACE_AFTER = 1,
    T_PARA_START = 2,
    T_TERM = 4,        /* sentence-final punctuation: . ! ? ... and runs */
    T_ABBR = 8,        /* keeps a final period: abbreviation or initials */
    T_OPEN = 16,       /* opening bracket or quote */
    T_CLOSE = 32,      /* closing bracket or quote */
    T_DQUOTE = 64,     /* a straight double quote, open or close by context */
    T_BREAK_BEFORE = 128, /* a line break and a bullet precede it */
    T_NEWLINE_AFTER = 256
};

typedef struct tok {
    uint32_t start, end;
    uint32_t flags;
} tok;

typedef struct tk {
    petrel_doc *doc;
    const char *text;
    size_t n;
    tok *toks;
    size_t ntoks, cap;
    int oom;
    int headline;
    uint32_t paragraph;
} tk;

/* ------------------------------------------------------------ decoding */

static size_t cp_at(const tk *t, size_t i, size_t end, int32_t *cp) { return utf8_decode(t->text + i, end - i, cp); }

/* Code point ending at i (i > lo): returns its length. */
static size_t cp_before(const tk *t, size_t lo, size_t i, int32_t *cp) {
    const unsigned char *s = (const unsigned char *)t->text;
    if (s[i - 1] < 0x80) {
        *cp = s[i - 1];
        return 1;
    }
    for (size_t k = 2; k <= 4 && i - lo >= k; k++) {
        unsigned c = s[i - k];
        if ((c & 0xC0) != 0x80) {
            int32_t v;
            size_t len = utf8_decode(t->text + i - k, k, &v);
            if (len == k && v >= 0) {
                *cp = v;
                return k;
            }
            break;
        }
    }
    *cp = -1;
    return 1;
}

/* The replacement character stands for a letter lost to bad encoding: it
 * stays inside its word. */
static unsigned cls(int32_t cp) { return cp == UTF8_REPLACEMENT ? CC_LETTER : utf8_class(cp); }

static int is_alnum_cp(int32_t cp) { return cp < 0 || (cls(cp) & (CC_LETTER | CC_DIGIT | CC_MARK)) != 0; }

static int is_digit_cp(int32_t cp) { return cp >= '0' && cp <= '9'; }

/* ------------------------------------------------------------- tokens */

static void add_tok(tk *t, size_t s, size_t e, uint32_t flags) {
    if (s >= e || t->oom)
        return;
    if (t->ntoks == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 256;
        tok *p = realloc(t->toks, cap * sizeof *p);
        if (!p) {
            t->oom = 1;
            return;
        }
        t->toks = p;
        t->cap = cap;
    }
    tok *k = &t->toks[t->ntoks++];
    k->start = (uint32_t)s;
    k->end = (uint32_t)e;
    /* a word token that kept its final period is an abbreviation */
    if (!(flags & T_TERM) && e - s > 1 && t->text[e - 1] == '.')
        flags |= T_ABBR;
    k->flags = flags;
}

/* Sets T_TERM / T_OPEN / T_CLOSE / T_DQUOTE on a punctuation token. */
static uint32_t punct_flags(const tk *t, size_t s, size_t e) {
    int all_term = 1;
    for (size_t i = s; i < e;) {
        int32_t cp;
        size_t k = cp_at(t, i, e, &cp);
        if (!(cp == '.' || cp == '!' || cp == '?' || cp == 0x2026))
            all_term = 0;
        i += k;
    }
    if (all_term)
        return T_TERM;
    int32_t cp;
    size_t k = cp_at(t, s, e, &cp);
    if (k != e - s)
        return 0;
    switch (cp) {
    case '(': case '[': case '{': case 0x201C: case 0x2018: case 0x00AB: case 0x2039: case 0x201E:
        return T_OPEN;
    case ')': case ']': case '}': case 0x201D: case 0x2019: case 0x00BB: case 0x203A:
        return T_CLOSE;
    case '"':
        return T_DQUOTE;
    default:
        return 0;
    }
}

static int ascii_eq_nocase(const char *a, size_t n, const char *b) {
    size_t m = strlen(b);
    if (n != m)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = a[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != b[i])
            return 0;
    }
    return 1;
}

static int starts_with_nocase(const char *a, size_t n, const char *b) {
    size_t m = strlen(b);
    return n >= m && ascii_eq_nocase(a, m, b);
}

static const char *const emoticons[] = {
    ":)", ":-)", ":(", ":-(", ";)", ";-)", ":D", ":-D", ":P", ":-P", ":p", ":-p", ":/", ":-/", ":'(", "<3",
    "^_^", "^^", ":o", ":O", "=)", "=(", ":|", ":]", ":[", ":*", "-_-", "o_O", "O_o", "XD", "xD", "D:", ":3",
};

/* Cheap test that s could hold an emoticon: they are 2 or 3 bytes of
 * ASCII punctuation and a few letters. */
static int emoticon_char(char c) {
    switch (c) {
    case ':': case ';': case '=': case '<': case '^': case '-': case '_': case '\'': case '(': case ')': case 'D':
    case 'P': case 'p': case 'O': case 'o': case 'X': case 'x': case '3': case '|': case '/': case '[': case ']':
    case '*': case '8':
        return 1;
    default:
        return 0;
    }
}

static int is_emoticon(const char *s, size_t n) {
    if (n < 2 || n > 3 || !emoticon_char(s[0]) || !emoticon_char(s[1]))
        return 0;
    for (size_t i = 0; i < sizeof emoticons / sizeof *emoticons; i++)
        if (strlen(emoticons[i]) == n && memcmp(emoticons[i], s, n) == 0)
            return 1;
    return 0;
}

/* Length of an emoticon at the end of s[0..n), or 0. */
static size_t emoticon_suffix(const char *s, size_t n) {
    if (n < 3 || !emoticon_char(s[n - 1]) || !emoticon_char(s[n - 2]))
        return 0;
    for (size_t i = 0; i < sizeof emoticons / sizeof *emoticons; i++) {
        size_t m = strlen(emoticons[i]);
        if (m < n && memcmp(emoticons[i], s + n - m, m) == 0 && (s[n - m - 1] != ':' && s[n - m - 1] != ';'))
            return m;
    }
    return 0;
}

static int is_url(const char *s, size_t n) {
    if (!memchr(s, '.', n))
        return 0;
    if (starts_with_nocase(s, n, "http://") || starts_with_nocase(s, n, "https://") ||
        starts_with_nocase(s, n, "ftp://") || starts_with_nocase(s, n, "www.") || starts_with_nocase(s, n, "mailto:"))
        return n > 7;
    /* domain name: labels of letters, digits and hyphens, a known TLD,
     * optionally a path */
    static const char *const tlds[] = {"com", "org", "net", "edu", "gov", "mil", "int", "io",  "co",
                                       "uk",  "de",  "fr",  "ru",  "cn",  "info", "biz", "us", "ca",
                                       "au",  "jp",  "in",  "eu",  "tv",  "ly",  "me",  "ch", "nl"};
    size_t i = 0, last_dot = 0;
    int dots = 0;
    while (i < n && s[i] != '/') {
        char c = s[i];
        if (c == '.') {
            if (i == 0 || s[i - 1] == '.')
                return 0;
            dots++;
            last_dot = i;
        } else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) {
            return 0;
        }
        i++;
    }
    if (!dots)
        return 0;
    size_t tl = i - last_dot - 1;
    for (size_t k = 0; k < sizeof tlds / sizeof *tlds; k++)
        if (strlen(tlds[k]) == tl && memcmp(s + last_dot + 1, tlds[k], tl) == 0) {
            /* "end.co" is more likely two words than a domain unless the
             * first label looks like a name (no capitals) */
            for (size_t q = 0; q < last_dot; q++)
                if (s[q] >= 'A' && s[q] <= 'Z')
                    return i < n; /* capitals: a domain only with a path */
            return 1;
        }
    return 0;
}

static int ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

/* Length of an e-mail address at the start of s[0..n) ("x.y@host.org",
 * also the masked "jo...@host.org" of newsgroup archives), or 0. */
static size_t email_len(const char *s, size_t n) {
    size_t i = 0;
    while (i < n && (ascii_alnum(s[i]) || s[i] == '.' || s[i] == '_' || s[i] == '%' || s[i] == '+' || s[i] == '-'))
        i++;
    if (i == 0 || i >= n || s[i] != '@')
        return 0;
    size_t d = ++i;
    while (i < n && (ascii_alnum(s[i]) || s[i] == '.' || s[i] == '-'))
        i++;
    while (i > d && (s[i - 1] == '.' || s[i - 1] == '-'))
        i--;
    return i - d >= 2 ? i : 0;
}

static int is_email(const char *s, size_t n) { return email_len(s, n) == n; }

static int url_char(char c) {
    return ascii_alnum(c) || (c && strchr("-._~:/?#[]@!$&'()*+,;=%", c) != NULL);
}

/* Length of a URL with a scheme or "www." at the start of s, or 0. */
static size_t url_len(const char *s, size_t n) {
    if (n < 8 || !(s[0] == 'h' || s[0] == 'H' || s[0] == 'f' || s[0] == 'F' || s[0] == 'w' || s[0] == 'W' ||
                   s[0] == 'm' || s[0] == 'M'))
        return 0;
    if (!(starts_with_nocase(s, n, "http://") || starts_with_nocase(s, n, "https://") ||
          starts_with_nocase(s, n, "ftp://") || starts_with_nocase(s, n, "www.") || starts_with_nocase(s, n, "mailto:")))
        return 0;
    size_t i = 0;
    while (i < n && url_char(s[i]))
        i++;
    while (i > 7 && strchr(".,;:!?'()", s[i - 1]))
        i--;
    return i > 7 ? i : 0;
}

/* Initials and dotted abbreviations: "J.", "U.S.", "e.g.", "Ph.D.". */
static int is_dotted(const char *s, size_t n) {
    if (n < 2 || s[n - 1] != '.')
        return 0;
    int letters = 0;
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
            letters++;
            run++;
            if (run > 2)
                return 0; /* "Ph.D." has runs of 2; words have more */
        } else if (c == '.') {
            if (run == 0)
                return 0;
            run = 0;
        } else {
            return 0;
        }
    }
    /* one letter and a period ("J.") or several dotted parts */
    return letters >= 1 && (n == 2 || memchr(s, '.', n - 1) != NULL);
}

static int keeps_period(const char *s, size_t n) {
    if (tok_is_abbreviation(s, n) || is_dotted(s, n))
        return 1;
    /* "LTD." as "Ltd." */
    if (n >= 3 && n < 16) {
        char cap[16];
        int upper = 1;
        for (size_t i = 0; i < n; i++) {
            char c = s[i];
            if (c >= 'a' && c <= 'z')
                upper = 0;
            cap[i] = (char)(i > 0 && c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        if (upper && tok_is_abbreviation(cap, n))
            return 1;
    }
    return 0;
}

/* Should the hyphens of core s[0..n) stay inside the token? */
static int hyphen_keep(const char *s, size_t n) {
    size_t hyphens = 0, digits = 0, other = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '-')
            hyphens++;
        else if (s[i] >= '0' && s[i] <= '9')
            digits++;
        else
            other++;
    }
    if (!hyphens)
        return 1;
    /* phone numbers and ISO dates: 713-853-3989, 2001-04-30, 853-3242,
     * zip codes 77042-2016; but not year ranges such as 1990-2000 */
    if (hyphens >= 2 && other == 0 && digits >= 6)
        return 1;
    if (hyphens == 1 && other == 0) {
        size_t left = (size_t)((const char *)memchr(s, '-', n) - s), right = n - left - 1;
        if (right == 4 && left != 4 && left >= 1 && left <= 5)
            return 1;
    }
    const char *h = memchr(s, '-', n);
    size_t first = (size_t)(h - s);
    if (first == 0 || first == n - 1)
        return 0;
    if (tok_is_hyphen_prefix(s, first))
        return 1;
    /* "e-mail", "X-ray", "T-shirt": a single letter before the hyphen */
    if (first == 1 && ((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')) && s[2] >= 'A')
        return 1;
    return 0;
}

/* Emits a run of identical characters starting at i as one token; returns
 * the end of the run. */
static size_t emit_run(tk *t, size_t i, size_t e) {
    int32_t cp;
    size_t k = cp_at(t, i, e, &cp);
    size_t j = i + k;
    while (j < e) {
        int32_t c2;
        size_t k2 = cp_at(t, j, e, &c2);
        if (c2 != cp)
            break;
        j += k2;
    }
    add_tok(t, i, j, punct_flags(t, i, j));
    return j;
}

static int all_lower(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (!(s[i] >= 'a' && s[i] <= 'z'))
            return 0;
    return n > 0;
}

static int all_letters(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
            return 0;
    return n > 0;
}

static int all_number(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || ((s[i] == '.' || s[i] == ',') && i > 0)))
            return 0;
    return n > 0;
}

/* Units written straight after a number. */
static int is_unit(const char *s, size_t n) {
    static const char *const units[] = {"am",  "pm",  "k",   "K",   "m",   "M",   "mm",  "cm",  "km",  "kg",  "g",
                                        "mg",  "gb",  "GB",  "mb",  "MB",  "kb",  "KB",  "tb",  "TB",  "hrs", "hr",
                                        "h",   "min", "mins", "sec", "secs", "lb", "lbs", "oz",  "ft",  "mph", "kph",
                                        "ml",  "bn",  "mn",  "p",   "AM",  "PM",  "GHz", "MHz", "Hz",  "kW",  "MW",
                                        "kmh", "yrs", "yr",  "mos", "wks"};
    for (size_t i = 0; i < sizeof units / sizeof *units; i++)
        if (strlen(units[i]) == n && memcmp(units[i], s, n) == 0)
            return 1;
    return 0;
}

/* Splits the core of a chunk (front and back already peeled). */
static void split_core(tk *t, size_t s, size_t e) {
    const char *p = t->text + s;
    size_t n = e - s;
    /* one look at the bytes decides what needs checking; a plain word or
     * number is a token as it is */
    int has_at = 0, has_dot = 0, has_colon = 0, has_slash = 0, other = 0, digit = 0;
    for (size_t q = 0; q < n; q++) {
        char c = p[q];
        if (c >= '0' && c <= '9') {
            digit = 1;
            continue;
        }
        if (ascii_alnum(c)) {
            other |= digit; /* a number with its unit: "5pm" */
            continue;
        }
        if (c == '@')
            has_at = 1;
        else if (c == '.')
            has_dot = 1;
        else if (c == ':')
            has_colon = 1;
        else if (c == '/')
            has_slash = 1;
        else
            other = 1;
    }
    if (!(has_at | has_dot | has_colon | has_slash | other)) {
        add_tok(t, s, e, 0);
        return;
    }
    if (has_slash && n <= 4) {
        static const char *const slash_words[] = {"w/", "w/o", "b/c", "c/o", "n/a", "N/A", "a/c", "s/he", "l/c", "A/C"};
        for (size_t k = 0; k < sizeof slash_words / sizeof *slash_words; k++)
            if (strlen(slash_words[k]) == n && memcmp(slash_words[k], p, n) == 0) {
                add_tok(t, s, e, 0);
                return;
            }
    }
    if ((has_dot && is_url(p, n)) || (has_at && is_email(p, n)) || is_emoticon(p, n)) {
        add_tok(t, s, e, 0);
        return;
    }
    int keep_hyphen = hyphen_keep(p, n);
    /* addresses and links are looked for only where they can be */
    int maybe_link = has_at || has_colon || has_dot;
    size_t ts = s, i = s;
    int32_t prev = 0;
    while (i < e) {
        if (i == ts && maybe_link) {
            /* a URL or an address inside the chunk: "<x@y.org>" */
            size_t ul = url_len(t->text + i, e - i);
            if (!ul)
                ul = email_len(t->text + i, e - i);
            if (ul) {
                add_tok(t, i, i + ul, 0);
                i = ts = i + ul;
                prev = 0;
                continue;
            }
        }
        int32_t cp;
        size_t k = cp_at(t, i, e, &cp);
        unsigned c = cls(cp);
        if (cp < 0 || (c & (CC_LETTER | CC_DIGIT | CC_MARK | CC_OTHER))) {
            /* a number and its unit are two tokens: "5pm", "8gb", "70k" */
            if (is_digit_cp(prev) && (c & CC_LETTER) && i > ts) {
                size_t ue = i;
                while (ue < e && ((t->text[ue] >= 'a' && t->text[ue] <= 'z') || (t->text[ue] >= 'A' && t->text[ue] <= 'Z')))
                    ue++;
                if ((ue == e || !is_alnum_cp((unsigned char)t->text[ue])) && is_unit(t->text + i, ue - i) &&
                    all_number(t->text + ts, i - ts)) {
                    add_tok(t, ts, i, 0);
                    ts = i;
                }
            }
            prev = cp;
            i += k;
            continue;
        }
        int32_t next = 0;
        if (i + k < e)
            cp_at(t, i + k, e, &next);
        int split = 1;
        switch (cp) {
        case '\'':
        case 0x2019:
            /* inside a word: O'Neil, rock'n'roll, clitics (split into words
             * later); doubled: a quote */
            split = !(is_alnum_cp(prev) && is_alnum_cp(next)) && !(is_alnum_cp(prev) && i + k == e);
            break;
        case '-':
            if (next == '-')
                split = 1;
            else
                split = !(keep_hyphen && is_alnum_cp(prev) && is_alnum_cp(next)) &&
                        !(i + k == e && i - ts <= 3 && all_lower(t->text + ts, i - ts)); /* cut-off "th-" */
            break;
        case '/':
            split = !(is_digit_cp(prev) && is_digit_cp(next));
            break;
        case ',':
        case ':':
            split = !(is_digit_cp(prev) && is_digit_cp(next));
            break;
        case '.':
            split = next == '.' || next == 0x2026;
            if (!split && i == ts && !is_alnum_cp(next))
                split = 1;
            /* a period before punctuation ends the token unless it belongs
             * to an abbreviation: "1788.[3]" but "U.S.)" */
            if (!split && i > ts && !is_alnum_cp(next) && !keeps_period(t->text + ts, i + k - ts)) {
                add_tok(t, ts, i, 0);
                add_tok(t, i, i + k, T_TERM);
                i += k;
                ts = i;
                prev = cp;
                continue;
            }
            /* two sentences run together: "album.That" */
            if (!split && (cls(prev) & CC_LOWER) && (cls(next) & CC_UPPER) && i + k + 1 < e &&
                (cls((unsigned char)t->text[i + k + 1]) & CC_LOWER) && all_letters(t->text + ts, i - ts) && i - ts >= 2) {
                add_tok(t, ts, i, 0);
                add_tok(t, i, i + k, T_TERM);
                i += k;
                ts = i;
                prev = cp;
                continue;
            }
            break;
        case '&':
            split = !(is_alnum_cp(prev) && is_alnum_cp(next));
            break;
        case '#':
            split = is_digit_cp(next); /* "#1" -> # 1; hashtags stay */
            break;
        case '+':
            split = is_alnum_cp(prev) && !is_alnum_cp(next); /* "A+", "18+" */
            break;
        case '@': case '_': case '~': case '*': case '^': case '=': case '|': case '\\':
            split = 0;
            break;
        case '$':
            /* "$5" -> $ 5, "US$5" -> US$ 5 */
            if (is_digit_cp(next)) {
                add_tok(t, ts, i + k, 0);
                ts = i + k;
                prev = cp;
                i += k;
                continue;
            }
            split = 0;
            break;
        default:
            split = 1;
            break;
        }
        if (!split) {
            prev = cp;
            i += k;
            continue;
        }
        add_tok(t, ts, i, 0);
        i = emit_run(t, i, e);
        ts = i;
        prev = cp;
    }
    add_tok(t, ts, e, 0);
}

/* Words that begin with an apostrophe in their own right. */
static int leading_apostrophe_word(const char *s, size_t n) {
    static const char *const words[] = {"s", "re", "ve", "ll", "d", "m", "t", "em", "cause", "til", "n", "tis", "twas"};
    if (n == 0)
        return 0;
    if (s[0] >= '0' && s[0] <= '9')
        return 1; /* '90s */
    size_t m = 0;
    while (m < n && ((s[m] >= 'a' && s[m] <= 'z') || (s[m] >= 'A' && s[m] <= 'Z')))
        m++;
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (ascii_eq_nocase(s, m, words[i]))
            return 1;
    return 0;
}

static int is_opener(int32_t cp) {
    switch (cp) {
    case '"': case '(': case '[': case '{': case '<': case '`': case 0x201C: case 0x2018: case 0x00AB: case 0x2039:
    case 0x201E: case 0x201A: case 0x00BF: case 0x00A1: case '*': case '&': case '%': case '=': case ',':
    case ';': case '!': case '?': case ')': case ']': case '}': case 0x201D: case 0x00BB:
        return 1;
    default:
        return 0;
    }
}

static int is_closer(int32_t cp) {
    switch (cp) {
    case '"': case ')': case ']': case '}': case '>': case 0x201D: case 0x2019: case 0x00BB: case 0x203A: case ',':
    case ';': case ':': case '*': case '`': case '(': case '[': case 0x201C: case 0x2018: case '%': case '&':
    case '=':
        return 1;
    default:
        return 0;
    }
}

/* A chunk with no letter or digit that stays one token: a run of one
 * character ("***", "$$$", ">>"), of terminal punctuation ("?!"), or of
 * the characters of rules and arrows ("----==", "<--"). */
static int punct_chunk_whole(const tk *t, size_t s, size_t e) {
    int32_t first;
    cp_at(t, s, e, &first);
    int same = 1, term = 1, deco = 1;
    for (size_t i = s; i < e;) {
        int32_t cp;
        size_t k = cp_at(t, i, e, &cp);
        if (is_alnum_cp(cp))
            return 0;
        if (cp != first)
            same = 0;
        if (!(cp == '.' || cp == '!' || cp == '?'))
            term = 0;
        if (!(cp == '-' || cp == '=' || cp == '_' || cp == '*' || cp == '~' || cp == '#' || cp == '+' || cp == '<' ||
              cp == '>' || cp == '^' || cp == '|' || cp == '/' || cp == '\\'))
            deco = 0;
        i += k;
    }
    return same || term || deco;
}

static void split_chunk(tk *t, size_t s, size_t e) {
    /* Most chunks are a plain word or number, perhaps with a comma after
     * it: settle those with one look at the bytes. */
    {
        size_t q = s;
        int digit = 0, mixed = 0;
        while (q < e) {
            char c = t->text[q];
            if (c >= '0' && c <= '9')
                digit = 1;
            else if (ascii_alnum(c))
                mixed |= digit;
            else
                break;
            q++;
        }
        if (!mixed && q > s) {
            if (q == e) {
                add_tok(t, s, e, 0);
                return;
            }
            if (q + 1 == e && (t->text[q] == ',' || t->text[q] == ';' || (t->text[q] == ':' && !digit))) {
                add_tok(t, s, q, 0);
                add_tok(t, q, e, 0);
                return;
            }
        }
    }
    /* whole-chunk forms first */
    if (is_emoticon(t->text + s, e - s)) {
        add_tok(t, s, e, 0);
        return;
    }
    if (punct_chunk_whole(t, s, e)) {
        add_tok(t, s, e, punct_flags(t, s, e));
        return;
    }
    /* peel the front */
    while (s < e) {
        int32_t cp;
        size_t k = cp_at(t, s, e, &cp);
        if (is_opener(cp)) {
            if (cp == '`' || cp == '!' || cp == '?' || cp == ',' || cp == ';') {
                s = emit_run(t, s, e);
                continue;
            }
            if (cp == '(' && e - s >= 3 && is_emoticon(t->text + s, e - s))
                break;
            if (cp == '*' || cp == '&' || cp == '%' || cp == '=') {
                s = emit_run(t, s, e); /* "***Update" */
                continue;
            }
            add_tok(t, s, s + k, punct_flags(t, s, s + k));
            s += k;
            continue;
        }
        if (cp == '\'' || cp == 0x2019) {
            if (leading_apostrophe_word(t->text + s + k, e - s - k) || s + k == e)
                break;
            int32_t next = 0;
            if (s + k < e)
                cp_at(t, s + k, e, &next);
            if (next == cp) {
                /* '' as a quote */
                add_tok(t, s, s + 2 * k, T_DQUOTE);
                s += 2 * k;
                continue;
            }
            add_tok(t, s, s + k, T_OPEN);
            s += k;
            continue;
        }
        if (cp == '-' || cp == 0x2013 || cp == 0x2014 || cp == 0x2015) {
            int32_t next = 0;
            if (s + k < e)
                cp_at(t, s + k, e, &next);
            if (cp == '-' && (is_digit_cp(next) || next == '.') )
                break; /* -5, -.5 */
            s = emit_run(t, s, e);
            continue;
        }
        if (cp == '.' || cp == 0x2026) {
            int32_t next = 0;
            if (s + k < e)
                cp_at(t, s + k, e, &next);
            if (cp == '.' && next != '.' && is_alnum_cp(next))
                break; /* .com, .5 */
            /* a run of dots or ellipses */
            size_t j = s;
            while (j < e && (t->text[j] == '.' || (unsigned char)t->text[j] == 0xE2)) {
                int32_t c2;
                size_t k2 = cp_at(t, j, e, &c2);
                if (c2 != '.' && c2 != 0x2026)
                    break;
                j += k2;
            }
            add_tok(t, s, j, T_TERM);
            s = j;
            continue;
        }
        if (cp >= 0 && (cls(cp) & CC_SYMBOL) && cp != '#' && cp != '@' && cp != '+' && cp != '<' && cp != '^' &&
            cp != '~') {
            /* currency and other symbols before a word: $ 5, # stays */
            s = emit_run(t, s, e);
            continue;
        }
        break;
    }
    if (s >= e)
        return;
    /* peel the back onto a stack, emitted in order after the core */
    size_t stack_s[64], stack_e[64];
    uint32_t stack_f[64];
    int top = 0;
    while (e > s && top < 64) {
        size_t em = emoticon_suffix(t->text + s, e - s);
        if (em) {
            stack_s[top] = e - em;
            stack_e[top] = e;
            stack_f[top++] = 0;
            e -= em;
            continue;
        }
        int32_t cp;
        size_t k = cp_before(t, s, e, &cp);
        if (cp == '.' || cp == '!' || cp == '?' || cp == 0x2026) {
            /* the run of terminal punctuation */
            size_t r = e;
            for (;;) {
                if (r <= s)
                    break;
                int32_t c2;
                size_t k2 = cp_before(t, s, r, &c2);
                if (c2 != '.' && c2 != '!' && c2 != '?' && c2 != 0x2026)
                    break;
                r -= k2;
            }
            if (r == s) {
                /* nothing but punctuation */
                stack_s[top] = s;
                stack_e[top] = e;
                stack_f[top++] = T_TERM;
                e = s;
                break;
            }
            if (e - r == 1 && cp == '.' && keeps_period(t->text + s, e - s))
                break;
            /* "Inc.." : the abbreviation and a sentence period */
            if (e - r == 2 && cp == '.' && t->text[r] == '.' && keeps_period(t->text + s, r + 1 - s)) {
                stack_s[top] = r + 1;
                stack_e[top] = e;
                stack_f[top++] = T_TERM;
                e = r + 1;
                break;
            }
            stack_s[top] = r;
            stack_e[top] = e;
            stack_f[top++] = T_TERM;
            e = r;
            continue;
        }
        if (cp == '\'' || cp == 0x2019) {
            /* "parents'" is a possessive (a word inside the token);
             * otherwise a closing quote */
            int32_t before = 0;
            if (e - k > s)
                cp_before(t, s, e - k, &before);
            if ((before == 's' || before == 'S') && e - k - s >= 2)
                break;
            if (e - k > s && before == cp) {
                /* '' closing */
                stack_s[top] = e - 2 * k;
                stack_e[top] = e;
                stack_f[top++] = T_DQUOTE;
                e -= 2 * k;
                continue;
            }
            stack_s[top] = e - k;
            stack_e[top] = e;
            stack_f[top++] = T_CLOSE;
            e -= k;
            continue;
        }
        if (is_closer(cp) || (cp == '-' && e - k > s && t->text[e - k - 1] == '-')) {
            if (cp == ':' && e - k > s) {
                /* "http:" never ends a chunk of a URL; a colon after a word
                 * is punctuation */
            }
            size_t r = e - k;
            if (cp == '-') {
                while (r > s && t->text[r - 1] == '-')
                    r--;
            }
            stack_s[top] = r;
            stack_e[top] = e;
            stack_f[top++] = punct_flags(t, r, e);
            e = r;
            continue;
        }
        if (cp == 0x2013 || cp == 0x2014 || cp == 0x2015 ||
            (cp >= 0 && (cls(cp) & CC_SYMBOL) && cp != '+' && cp != '#' && cp != '$' && cp != '^' && cp != '~' &&
             cp != '<' && cp != '>' && cp != '|')) {
            stack_s[top] = e - k;
            stack_e[top] = e;
            stack_f[top++] = 0;
            e -= k;
            continue;
        }
        break;
    }
    if (e > s)
        split_core(t, s, e);
    while (top > 0) {
        top--;
        add_tok(t, stack_s[top], stack_e[top], stack_f[top]);
    }
}

/* ------------------------------------------------------ sentence split */

static int starts_upper_or_digit(const tk *t, const tok *k) {
    int32_t cp;
    cp_at(t, k->start, k->end, &cp);
    unsigned c = cls(cp);
    return (c & CC_UPPER) || (c & CC_DIGIT) || ((c & CC_LETTER) && !(c & CC_LOWER));
}

static int starts_lower(const tk *t, const tok *k) {
    int32_t cp;
    cp_at(t, k->start, k->end, &cp);
    return (cls(cp) & CC_LOWER) != 0;
}

/* Resolves straight double quotes to open or close from the spacing around
 * them, falling back to alternation. */
static void resolve_quotes(tk *t) {
    int open = 0;
    for (size_t i = 0; i < t->ntoks; i++) {
        tok *k = &t->toks[i];
        if (!(k->flags & T_DQUOTE))
            continue;
        int space_before = i == 0 || (t->toks[i - 1].flags & T_SPACE_AFTER) || (k->flags & T_PARA_START);
        int space_after = i + 1 == t->ntoks || (k->flags & T_SPACE_AFTER);
        if (space_before && !space_after)
            k->flags |= T_OPEN;
        else if (!space_before && space_after)
            k->flags |= T_CLOSE;
        else
            k->flags |= open ? T_CLOSE : T_OPEN;
        open = (k->flags & T_OPEN) != 0;
    }
}

static int is_small_number(const tk *t, const tok *k) {
    size_t n = k->end - k->start;
    if (n < 1 || n > 3)
        return 0;
    for (size_t i = k->start; i < k->end; i++)
        if (!is_digit_cp((unsigned char)t->text[i]))
            return 0;
    return 1;
}

static int is_char_tok(const tk *t, size_t j, char c) {
    return j < t->ntoks && t->toks[j].end - t->toks[j].start == 1 && t->text[t->toks[j].start] == c;
}

/* Past the footnote marks starting at token j: bracketed groups of at most
 * three tokens beginning with a digit or a lower-case word ("[6]",
 * "[citation needed]").  Returns j when there are none. */
static size_t footnotes(const tk *t, size_t j) {
    while (is_char_tok(t, j, '[')) {
        size_t q = j + 1;
        while (q < t->ntoks && q < j + 5 && !is_char_tok(t, q, ']'))
            q++;
        if (!is_char_tok(t, q, ']') || q == j + 1)
            break;
        const tok *in = &t->toks[j + 1];
        if (!is_digit_cp((unsigned char)t->text[in->start]) && !starts_lower(t, in))
            break;
        j = q + 1;
    }
    return j;
}

/* Does token j (and what follows it) begin a new sentence? */
static int begins_sentence(const tk *t, size_t j) {
    const tok *k = &t->toks[j];
    /* after terminal punctuation a bracket opens a new sentence even when
     * lower case follows: "(credit: ...)" */
    if ((k->flags & T_OPEN) && (t->text[k->start] == '(' || t->text[k->start] == '['))
        return 1;
    if (k->flags & T_OPEN) {
        if (j + 1 < t->ntoks)
            return !starts_lower(t, &t->toks[j + 1]);
        return 1;
    }
    if (k->flags & (T_TERM | T_CLOSE))
        return 0;
    return starts_upper_or_digit(t, k);
}

static int tok_is(const tk *t, size_t j, const char *w) {
    size_t n = strlen(w);
    return j < t->ntoks && t->toks[j].end - t->toks[j].start == n && memcmp(t->text + t->toks[j].start, w, n) == 0;
}

static int is_weekday(const tk *t, size_t j) {
    size_t n = t->toks[j].end - t->toks[j].start;
    char c = t->text[t->toks[j].start];
    if (n < 6 || n > 9 || !(c == 'M' || c == 'T' || c == 'W' || c == 'F' || c == 'S'))
        return 0;
    static const char *const days[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    for (size_t d = 0; d < 7; d++)
        if (tok_is(t, j, days[d]))
            return 1;
    return 0;
}

static int is_month(const tk *t, size_t j) {
    static const char *const months[] = {"January", "February", "March",     "April",   "May",      "June",
                                         "July",    "August",   "September", "October", "November", "December"};
    for (size_t m = 0; m < 12; m++)
        if (tok_is(t, j, months[m]))
            return 1;
    return 0;
}

/* A date line of web news, "Sunday, October 21, 2007", standing between a
 * headline and the story without punctuation around it, is a sentence of
 * its own. */
static void date_lines(const tk *t, unsigned char *ends) {
    size_t n = t->ntoks;
    for (size_t j = 0; j + 5 < n; j++) {
        if (!is_weekday(t, j) || !tok_is(t, j + 1, ",") || !is_month(t, j + 2) ||
            !is_small_number(t, &t->toks[j + 3]) || !tok_is(t, j + 4, ","))
            continue;
        size_t y = j + 5;
        if (y >= n || t->toks[y].end - t->toks[y].start != 4 || !is_digit_cp((unsigned char)t->text[t->toks[y].start]))
            continue;
        if (j > 0 && !(t->toks[j - 1].flags & (T_TERM | T_OPEN | T_CLOSE)) && !tok_is(t, j - 1, ",") &&
            !starts_lower(t, &t->toks[j - 1]) && !tok_is(t, j - 1, "On"))
            ends[j - 1] = 1;
        if (y + 1 < n && starts_upper_or_digit(t, &t->toks[y + 1]) && (t->toks[y].flags & T_SPACE_AFTER) &&
            (j == 0 || ends[j - 1]))
            ends[y] = 1;
    }
}

static int is_caption_word(const tk *t, size_t j) {
    char c = t->text[t->toks[j].start];
    return (c == 'F' || c == 'T') && (tok_is(t, j, "Figure") || tok_is(t, j, "Table") || tok_is(t, j, "Fig."));
}

static int is_figure_number(const tk *t, size_t j) {
    if (j >= t->ntoks)
        return 0;
    const tok *k = &t->toks[j];
    if (!is_digit_cp((unsigned char)t->text[k->start]) || k->end - k->start > 8)
        return 0;
    for (size_t i = k->start; i < k->end; i++)
        if (!is_digit_cp((unsigned char)t->text[i]) && t->text[i] != '.')
            return 0;
    return 1;
}

/* A caption label at the start of a sentence, "Figure 1.5 The map shows",
 * is a sentence of its own. */
static void caption_labels(const tk *t, unsigned char *ends) {
    size_t n = t->ntoks;
    for (size_t j = 0; j + 2 < n; j++) {
        if (j > 0 && !ends[j - 1])
            continue;
        if (is_caption_word(t, j) && is_figure_number(t, j + 1) &&
            starts_upper_or_digit(t, &t->toks[j + 2]) && !is_digit_cp((unsigned char)t->text[t->toks[j + 2].start]))
            ends[j + 1] = 1;
    }
}

/* Marks boundaries: ends[i] = 1 when a sentence ends after token i. */
static void find_boundaries(tk *t, unsigned char *ends) {
    size_t n = t->ntoks;
    date_lines(t, ends);
    for (size_t i = 0; i < n; i++) {
        tok *k = &t->toks[i];
        if (i + 1 < n && (t->toks[i + 1].flags & T_BREAK_BEFORE))
            ends[i] = 1;
        if (!(k->flags & (T_TERM | T_ABBR)))
            continue;
        size_t j = i + 1;
        while (j < n && (t->toks[j].flags & T_CLOSE) && !(t->toks[j].flags & T_OPEN))
            j++;
        /* more terminal punctuation after a closing quote: "Stop!". */
        while (j < n && (t->toks[j].flags & T_TERM)) {
            j++;
            while (j < n && (t->toks[j].flags & T_CLOSE) && !(t->toks[j].flags & T_OPEN))
                j++;
        }
        /* footnote marks belong to the sentence they follow: "... 1805. [6]
         * [7]", "[citation needed]", "... rights. 4 Even though" */
        size_t fn = footnotes(t, j);
        if (fn > j)
            j = fn;
        else if ((k->flags & T_TERM) && j + 1 < n && is_small_number(t, &t->toks[j]) &&
                 starts_upper_or_digit(t, &t->toks[j + 1]) && !is_digit_cp((unsigned char)t->text[t->toks[j + 1].start]))
            j += 1;
        /* "1." numbering a list item does not end a sentence */
        if ((k->flags & T_TERM) && i > 0 && is_small_number(t, &t->toks[i - 1]) &&
            (i == 1 || (i >= 2 && (ends[i - 2] || t->text[t->toks[i - 2].start] == ':'))))
            continue;
        if (j >= n)
            continue; /* the paragraph ends anyway */
        const char *w = t->text + k->start;
        size_t wl = k->end - k->start;
        int end = 0;
        if (k->flags & T_TERM) {
            end = begins_sentence(t, j);
        } else if (wl == 4 && memcmp(w, "etc.", 4) == 0) {
            end = begins_sentence(t, j); /* "etc." ends nearly every sentence it is in */
        } else if (!tok_is_title_abbreviation(w, wl) && !(wl == 2 && w[1] == '.')) {
            /* an abbreviation ends a sentence only before a typical
             * sentence opener */
            const tok *nx = &t->toks[j];
            if (nx->flags & T_OPEN && j + 1 < n)
                nx = &t->toks[j + 1];
            end = starts_upper_or_digit(t, nx) &&
                  tok_is_sentence_starter(t->text + nx->start, nx->end - nx->start);
        }
        if (end)
            ends[j - 1] = 1;
        i = j - 1;
    }
    caption_labels(t, ends);
}

/* ----------------------------------------------------------- emission */

/* Where to split token [s,e) into words; returns the count (1 to 3) and
 * the word boundaries in cut[]. */
static int word_cuts(const tk *t, size_t s, size_t e, size_t *cut) {
    const char *p = t->text + s;
    size_t n = e - s;
    if (n < 2)
        return 1;
    /* the token must contain a letter before any clitic */
    int32_t cp;
    cp_at(t, s, e, &cp);
    if (!is_alnum_cp(cp))
        return 1;
    /* most tokens have no apostrophe: only the spelled-out contractions
     * ("gonna", "cannot") can split them */
    unsigned char last = (unsigned char)p[n - 1];
    if (last != '\'' && !memchr(p, '\'', n) && !memchr(p, 0xE2, n)) {
        if (n < 3 || n > 8)
            return 1;
        char a = p[n - 2], b = (char)last;
        if (!((a == 'n' && (b == 't' || b == 'a')) || (a == 't' && b == 'a') || (a == 'm' && b == 'e') ||
              (a == 'o' && b == 't') || (a == 'v' && b == 'e') || (a == 'r' && b == 'e') || (a == 'N' && b == 'T')))
            return 1;
        size_t first = tok_contraction_split(p, n);
        if (first) {
            cut[0] = s + first;
            return 2;
        }
        return 1;
    }
    /* n't / n’t */
    if (n > 3 && ascii_eq_nocase(p + n - 3, 3, "n't")) {
        cut[0] = e - 3;
        return 2;
    }
    if (n > 5 && (p[n - 5] == 'n' || p[n - 5] == 'N') && memcmp(p + n - 4, "\xE2\x80\x99", 3) == 0 &&
        (p[n - 1] == 't' || p[n - 1] == 'T')) {
        cut[0] = e - 5;
        return 2;
    }
    /* 's 're 've 'll 'd 'm (straight or curly apostrophe) */
    static const char *const clitics[] = {"s", "re", "ve", "ll", "d", "m"};
    for (size_t c = 0; c < sizeof clitics / sizeof *clitics; c++) {
        size_t cl = strlen(clitics[c]);
        if (n > cl + 1 && p[n - cl - 1] == '\'' && ascii_eq_nocase(p + n - cl, cl, clitics[c])) {
            cut[0] = e - cl - 1;
            return 2;
        }
        if (n > cl + 3 && memcmp(p + n - cl - 3, "\xE2\x80\x99", 3) == 0 && ascii_eq_nocase(p + n - cl, cl, clitics[c])) {
            cut[0] = e - cl - 3;
            return 2;
        }
    }
    /* plural possessive: parents' */
    if (n > 2 && p[n - 1] == '\'' && (p[n - 2] == 's' || p[n - 2] == 'S')) {
        cut[0] = e - 1;
        return 2;
    }
    if (n > 4 && memcmp(p + n - 3, "\xE2\x80\x99", 3) == 0 && (p[n - 4] == 's' || p[n - 4] == 'S')) {
        cut[0] = e - 3;
        return 2;
    }
    size_t first = tok_contraction_split(p, n);
    if (first) {
        cut[0] = s + first;
        return 2;
    }
    return 1;
}

static int emit_word(tk *t, size_t s, size_t e, uint16_t token_words, uint16_t flags) {
    petrel_doc *doc = t->doc;
    doc_word *w = doc_add_word(doc);
    if (!w)
        return -1;
    w->start = (uint32_t)s;
    w->len = (uint32_t)(e - s);
    w->token_words = token_words;
    w->flags = flags;
    const char *p = t->text + s;
    size_t n = e - s;
    size_t ascii = 0;
    while (ascii < n && (unsigned char)p[ascii] < 0x80)
        ascii++;
    if (ascii == n) {
        /* the common case: ASCII is its own form and normalized form */
        w->form = w->norm = p;
        w->form_len = w->norm_len = (uint32_t)n;
        return 0;
    }
    if (utf8_find_invalid(p, n) == n) {
        w->form = p;
        w->form_len = (uint32_t)n;
    } else {
        size_t fl;
        w->form = utf8_sanitize(doc->arena, p, n, &fl);
        if (!w->form)
            return -1;
        w->form_len = (uint32_t)fl;
    }
    const char *norm;
    size_t nl;
    if (utf8_normalize(doc->arena, w->form, w->form_len, &norm, &nl) != 0)
        return -1;
    w->norm = norm;
    w->norm_len = (uint32_t)nl;
    return 0;
}

/* Emits the paragraph's tokens as words and sentences. */
static int emit_paragraph(tk *t) {
    size_t n = t->ntoks;
    if (n == 0)
        return 0;
    resolve_quotes(t);
    unsigned char *ends = calloc(n, 1);
    if (!ends)
        return -1;
    find_boundaries(t, ends);
    ends[n - 1] = 1;
    petrel_doc *doc = t->doc;
    doc_sentence *sent = NULL;
    for (size_t i = 0; i < n; i++) {
        tok *k = &t->toks[i];
        if (!sent) {
            sent = doc_add_sentence(doc);
            if (!sent)
                goto oom;
            sent->first = doc->nwords;
            sent->start = k->start;
            sent->paragraph = t->paragraph;
            sent->flags = t->headline ? SENT_HEADLINE : 0;
        }
        size_t cut[2];
        int nw = word_cuts(t, k->start, k->end, cut);
        uint16_t last_flags = (k->flags & T_SPACE_AFTER) ? WORD_SPACE_AFTER : 0;
        if (k->flags & T_NEWLINE_AFTER)
            last_flags |= WORD_NEWLINE_AFTER;
        uint16_t first_flags = (i == 0) ? WORD_PARA_START : 0;
        if (nw == 1) {
            if (emit_word(t, k->start, k->end, 1, (uint16_t)(first_flags | last_flags)))
                goto oom;
        } else {
            if (emit_word(t, k->start, cut[0], 2, first_flags) || emit_word(t, cut[0], k->end, 0, last_flags))
                goto oom;
        }
        if (ends[i]) {
            sent->end = k->end;
            sent->count = doc->nwords - sent->first;
            sent = NULL;
        }
    }
    free(ends);
    t->paragraph++;
    t->ntoks = 0;
    return 0;
oom:
    free(ends);
    return -1;
}

/* ------------------------------------------------------------- driver */

static int tokenize_region(tk *t, size_t start, size_t end, int headline) {
    const char *text = t->text;
    t->headline = headline;
    size_t i = start;
    int para_start = 1;
    while (i < end) {
        /* white space: count line breaks; a blank line ends a paragraph */
        int newlines = 0;
        size_t ws = i;
        while (i < end) {
            unsigned char c = (unsigned char)text[i];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
                i++;
                continue;
            }
            if (c == '\n') {
                newlines++;
                i++;
                continue;
            }
            if (c < 0x20 || c == 0x7F) {
                i++; /* control characters separate words */
                continue;
            }
            if (c < 0x80)
                break;
            int32_t cp;
            size_t k = utf8_decode(text + i, end - i, &cp);
            unsigned cc = cls(cp);
            if (cp >= 0 && (cc & CC_SPACE)) {
                if (cc & CC_NEWLINE)
                    newlines++;
                i += k;
                continue;
            }
            if (cp >= 0 && (cc & CC_OTHER) && cp != UTF8_REPLACEMENT) {
                i += k;
                continue;
            }
            break;
        }
        if (i > ws && t->ntoks > 0) {
            t->toks[t->ntoks - 1].flags |= T_SPACE_AFTER;
            if (newlines)
                t->toks[t->ntoks - 1].flags |= T_NEWLINE_AFTER;
        }
        if (newlines >= 2 && t->ntoks > 0) {
            if (emit_paragraph(t))
                return -1;
            para_start = 1;
        }
        if (i >= end)
            break;
        /* the chunk */
        size_t cs = i;
        while (i < end) {
            unsigned char c = (unsigned char)text[i];
            if (c < 0x80) {
                if (c <= ' ' || c == 0x7F)
                    break;
                i++;
                continue;
            }
            int32_t cp;
            size_t k = utf8_decode(text + i, end - i, &cp);
            unsigned cc = cls(cp);
            if (cp >= 0 && ((cc & CC_SPACE) || ((cc & CC_OTHER) && cp != UTF8_REPLACEMENT)))
                break;
            i += k;
        }
        size_t before = t->ntoks;
        int bullet = newlines == 1 && before > 0 && i - cs == 1 && (text[cs] == '-' || text[cs] == '*');
        if (i - cs == 3 && memcmp(text + cs, "\xE2\x80\xA2", 3) == 0 && newlines == 1 && before > 0)
            bullet = 1;
        split_chunk(t, cs, i);
        if (t->oom)
            return -1;
        if (t->ntoks > before) {
            if (para_start)
                t->toks[before].flags |= T_PARA_START;
            if (bullet)
                t->toks[before].flags |= T_BREAK_BEFORE;
            para_start = 0;
        }
    }
    /* white space after the region (a headline's line break) still
     * follows its last word */
    if (t->ntoks > 0 && end < t->n) {
        unsigned char c = (unsigned char)text[end];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            t->toks[t->ntoks - 1].flags |= T_SPACE_AFTER | (c == '\n' ? T_NEWLINE_AFTER : 0);
    }
    return emit_paragraph(t);
}

int tokenize_doc(petrel_doc *doc) {
    if (doc->tokenized)
        return 0;
    tk t = {0};
    t.doc = doc;
    t.text = doc->text;
    t.n = doc->text_len;
    int rc = 0;
    for (uint32_t r = 0; r < doc->nregions && rc == 0; r++) {
        doc_region *reg = &doc->regions[r];
        if (reg->end > doc->text_len || reg->start >= reg->end)
            continue;
        rc = tokenize_region(&t, reg->start, reg->end, reg->headline);
        if (t.oom)
            rc = -1;
    }
    free(t.toks);
    doc->tokenized = 1;
    return rc ? PETREL_ERR_NOMEM : 0;
}

int petrel_tokenize(petrel_doc *doc, petrel_error *err) {
    int rc = tokenize_doc(doc);
    if (rc)
        return err_set(err, rc, doc->input_name, doc->input_line, -1, "out of memory while tokenizing story %s",
                       doc->id ? doc->id : "?");
    return 0;
}
