/*
 * wire.c - wire-story furniture: what a news agency wraps around a story.
 *
 * Recognized, kept as story metadata and excluded from analysis (so it is
 * never coded as text), while the text itself stays byte for byte:
 *   - a headline: the first line, when a blank line (or a byline) follows it;
 *   - a byline: "By Jane Doe" on a line of its own;
 *   - a dateline lead opening the body: "MOSCOW, July 14 (Reuters) -",
 *     "(Bloomberg) --", "WASHINGTON (AP) —", "KYIV, Ukraine, March 3, 2024
 *     (AFP) -", "BEIRUT -" (a place must be in capitals when no agency
 *     follows it, so an ordinary sentence is never taken for a lead);
 *   - trailers closing it: "(Reporting by ...; Editing by ...)", either as a
 *     paragraph or at the end of the last one, "©2024 Bloomberg L.P.",
 *     "Copyright 2024 The Associated Press. All rights reserved.",
 *     "Our Standards: ...", "To contact the reporter ...", "--With
 *     assistance from ...".
 * The story date comes from the dateline when it gives month and day and a
 * year is known from the dateline or the copyright line.
 */
#include <stdio.h>
#include <string.h>

#include "../text/utf8.h"
#include "reader.h"

typedef struct span {
    size_t start, end;
} span;

static int is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

/* End of the line starting at i (index of '\n' or n). */
static size_t line_end(const char *t, size_t i, size_t n) {
    const char *nl = memchr(t + i, '\n', n - i);
    return nl ? (size_t)(nl - t) : n;
}

static int line_is_blank(const char *t, size_t s, size_t e) {
    for (size_t i = s; i < e; i++)
        if (!is_blank(t[i]))
            return 0;
    return 1;
}

/* Skips blank lines and leading white space from i. */
static size_t skip_blank(const char *t, size_t i, size_t n) {
    while (i < n && (is_blank(t[i]) || t[i] == '\n'))
        i++;
    return i;
}

static int starts_with(const char *t, size_t i, size_t n, const char *p) {
    size_t k = strlen(p);
    return n - i >= k && memcmp(t + i, p, k) == 0;
}

static int wire_month(const char *s, size_t len) {
    static const char *const names[] = {"january", "february", "march",     "april",   "may",      "june",
                                        "july",    "august",   "september", "october", "november", "december"};
    if (len > 0 && s[len - 1] == '.')
        len--;
    if (len < 3 || len > 9)
        return 0;
    char low[10];
    for (size_t i = 0; i < len; i++)
        low[i] = (char)((s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i]);
    for (int m = 0; m < 12; m++) {
        size_t full = strlen(names[m]);
        if (len == full && memcmp(low, names[m], len) == 0)
            return m + 1;
        if (len == 3 && memcmp(low, names[m], 3) == 0)
            return m + 1;
        if (m == 8 && len == 4 && memcmp(low, "sept", 4) == 0)
            return 9;
    }
    return 0;
}

static size_t parse_uint(const char *t, size_t i, size_t n, int max_digits, int *v) {
    int k = 0, val = 0;
    while (i + (size_t)k < n && k < max_digits && t[i + k] >= '0' && t[i + k] <= '9') {
        val = val * 10 + (t[i + k] - '0');
        k++;
    }
    if (k == 0 || (i + (size_t)k < n && t[i + k] >= '0' && t[i + k] <= '9'))
        return 0;
    *v = val;
    return (size_t)k;
}

/* "July 14" or "July 14, 2024" at i; returns bytes taken or 0. */
static size_t parse_month_day(const char *t, size_t i, size_t n, int *month, int *day, int *year) {
    size_t j = i;
    while (j < n && ((t[j] >= 'A' && t[j] <= 'Z') || (t[j] >= 'a' && t[j] <= 'z') || t[j] == '.'))
        j++;
    int m = wire_month(t + i, j - i);
    if (!m || j >= n || t[j] != ' ')
        return 0;
    j++;
    int d;
    size_t k = parse_uint(t, j, n, 2, &d);
    if (!k || d < 1 || d > 31)
        return 0;
    j += k;
    *month = m;
    *day = d;
    *year = 0;
    if (j + 2 < n && t[j] == ',' && t[j + 1] == ' ') {
        int y;
        size_t yk = parse_uint(t, j + 2, n, 4, &y);
        if (yk == 4 && y >= 1900 && y <= 2100) {
            *year = y;
            j += 2 + yk;
        }
    }
    return j - i;
}

/* A dash closing a lead: "-", "--", em dash, en dash, horizontal bar,
 * then white space.  Returns bytes taken (with the space) or 0. */
static size_t parse_dash(const char *t, size_t i, size_t n) {
    size_t j = i;
    if (j < n && t[j] == '-') {
        j++;
        if (j < n && t[j] == '-')
            j++;
    } else if (n - j >= 3 && ((unsigned char)t[j] == 0xE2 && (unsigned char)t[j + 1] == 0x80 &&
                              ((unsigned char)t[j + 2] == 0x94 || (unsigned char)t[j + 2] == 0x93 ||
                               (unsigned char)t[j + 2] == 0x95))) {
        j += 3;
    } else {
        return 0;
    }
    if (j >= n || !(is_blank(t[j]) || t[j] == '\n'))
        return 0;
    while (j < n && is_blank(t[j]))
        j++;
    return j - i;
}

/* Upper-case place name: letters in capitals, spaces, . ' - and no lower
 * case; at least two capitals.  Returns its length or 0. */
static size_t parse_caps_place(const char *t, size_t i, size_t n) {
    size_t j = i, last_letter = i;
    int caps = 0;
    while (j < n && j - i < 60) {
        int32_t cp;
        size_t k = utf8_decode(t + j, n - j, &cp);
        unsigned cc = utf8_class(cp);
        if (cc & CC_LOWER)
            return 0;
        if (cc & CC_UPPER) {
            caps++;
            j += k;
            last_letter = j;
            continue;
        }
        if (cp == ' ' || cp == '.' || cp == '\'' || cp == '-' || (cc & CC_MARK)) {
            if (cp == ' ' && j + 1 < n && (t[j + 1] == '(' || t[j + 1] == '-'))
                break;
            if (cp == '-' && j + 1 < n && (t[j + 1] == ' ' || t[j + 1] == '-'))
                break;
            j += k;
            continue;
        }
        break;
    }
    if (caps < 2)
        return 0;
    /* keep "D.C." but not trailing spaces */
    size_t end = last_letter;
    if (end < n && t[end] == '.')
        end++;
    return end - i;
}

/* Capitalized words up to the next ',' '(' or dash: "Ukraine", "Calif." */
static size_t parse_region_name(const char *t, size_t i, size_t n) {
    if (i >= n || !(t[i] >= 'A' && t[i] <= 'Z'))
        return 0;
    size_t j = i;
    while (j < n && j - i < 40 && t[j] != ',' && t[j] != '(' && t[j] != '\n') {
        if (t[j] == ' ' && j + 1 < n && (t[j + 1] == '-' || t[j + 1] == '(' || (unsigned char)t[j + 1] == 0xE2))
            break;
        j++;
    }
    return j - i;
}

typedef struct lead {
    span place;
    span agency;
    int month, day, year;
    size_t len;
} lead;

/* Matches a dateline lead at i.  Returns 1 and fills *ld, or 0. */
static int parse_lead(const char *t, size_t i, size_t n, lead *ld) {
    memset(ld, 0, sizeof *ld);
    size_t j = i;
    size_t pl = parse_caps_place(t, j, n);
    if (pl) {
        ld->place.start = j;
        ld->place.end = j + pl;
        j += pl;
        /* ", Region" and/or ", Month Day[, Year]" */
        for (int round = 0; round < 2 && j + 2 < n && t[j] == ',' && t[j + 1] == ' '; round++) {
            int m, d, y;
            size_t k = parse_month_day(t, j + 2, n, &m, &d, &y);
            if (k) {
                ld->month = m;
                ld->day = d;
                ld->year = y;
                j += 2 + k;
                break;
            }
            k = parse_region_name(t, j + 2, n);
            if (!k)
                break;
            ld->place.end = j + 2 + k;
            j += 2 + k;
        }
        if (j < n && t[j] == ' ')
            j++;
    }
    if (j < n && t[j] == '(') {
        const char *close = memchr(t + j, ')', (n - j) < 48 ? n - j : 48);
        if (close && (t[j + 1] >= 'A' && t[j + 1] <= 'Z') && !memchr(t + j, '\n', (size_t)(close - (t + j)))) {
            ld->agency.start = j + 1;
            ld->agency.end = (size_t)(close - t);
            j = ld->agency.end + 1;
            if (j < n && t[j] == ' ')
                j++;
        }
    }
    if (!pl && ld->agency.end == 0)
        return 0;
    size_t dk = parse_dash(t, j, n);
    if (!dk)
        return 0;
    ld->len = j + dk - i;
    return 1;
}

/* Copyright line: "©2024 Bloomberg L.P.", "Copyright 2024 The Associated
 * Press. All rights reserved.", "(c) 2023 Reuters".  Sets year and owner. */
static int parse_copyright(const char *t, size_t s, size_t e, int *year, span *owner) {
    size_t i = s;
    if (starts_with(t, i, e, "\xC2\xA9"))
        i += 2;
    else if (starts_with(t, i, e, "(c)") || starts_with(t, i, e, "(C)"))
        i += 3;
    else if (starts_with(t, i, e, "Copyright"))
        i += 9;
    else
        return 0;
    while (i < e && (is_blank(t[i]) || starts_with(t, i, e, "\xC2\xA9"))) {
        if (t[i] == ' ' || t[i] == '\t')
            i++;
        else
            i += 2;
    }
    int y = 0;
    size_t k = parse_uint(t, i, e, 4, &y);
    if (k == 4 && y >= 1900 && y <= 2100) {
        *year = y;
        i += k;
        /* "2023-2024": keep the later year */
        if (i + 5 <= e && t[i] == '-') {
            int y2;
            if (parse_uint(t, i + 1, e, 4, &y2) == 4 && y2 >= y) {
                *year = y2;
                i += 5;
            }
        }
    }
    while (i < e && (is_blank(t[i]) || t[i] == ','))
        i++;
    size_t oe = e;
    const char *arr = NULL;
    for (size_t q = i; q + 3 < e; q++)
        if (memcmp(t + q, "All ", 4) == 0 || memcmp(t + q, "all ", 4) == 0) {
            arr = t + q;
            break;
        }
    if (arr)
        oe = (size_t)(arr - t);
    while (oe > i && (is_blank(t[oe - 1]) || t[oe - 1] == '.' || t[oe - 1] == ','))
        oe--;
    /* keep the period of "L.P." */
    if (oe > i && oe < e && t[oe] == '.' && oe >= 2 && t[oe - 2] == '.')
        oe++;
    owner->start = i;
    owner->end = oe;
    return 1;
}

static int is_credit_start(const char *t, size_t i, size_t e) {
    static const char *const starts[] = {"(Reporting",  "(Additional reporting", "(Writing", "(Editing",
                                         "(Compiled by", "(Research by",         "(Reporting by",
                                         "Reporting by", "Additional reporting by", "Editing by",
                                         "Writing by", "--With assistance from", "\xE2\x80\x94With assistance from"};
    for (size_t k = 0; k < sizeof starts / sizeof *starts; k++)
        if (starts_with(t, i, e, starts[k]))
            return 1;
    return 0;
}

static int is_boilerplate(const char *t, size_t i, size_t e) {
    static const char *const starts[] = {"Our Standards:", "To contact the reporter", "To contact the editor",
                                         "To contact the reporters", "Our Standards :"};
    for (size_t k = 0; k < sizeof starts / sizeof *starts; k++)
        if (starts_with(t, i, e, starts[k]))
            return 1;
    return 0;
}

static void set_field(petrel_doc *doc, const char **field, const char *t, size_t s, size_t e) {
    while (s < e && (is_blank(t[s]) || t[s] == '\n'))
        s++;
    while (e > s && (is_blank(t[e - 1]) || t[e - 1] == '\n'))
        e--;
    if (e > s && !*field)
        *field = doc_strdup(doc, t + s, e - s);
}

/* Finds the last paragraph of t[from..end): its start. */
static size_t last_paragraph(const char *t, size_t from, size_t end) {
    size_t i = end;
    while (i > from) {
        /* look for "\n<blank>*\n" before i */
        size_t j = i;
        while (j > from && t[j - 1] != '\n')
            j--;
        if (j == from)
            return from;
        /* t[j-1] is '\n'; is the line before it blank? */
        size_t k = j - 1;
        size_t ls = k;
        while (ls > from && t[ls - 1] != '\n')
            ls--;
        if (line_is_blank(t, ls, k))
            return j;
        i = j - 1;
    }
    return from;
}

int wire_parse(petrel_doc *doc, uint32_t from, int with_headline) {
    const char *t = doc->text;
    size_t n = doc->text_len;
    size_t pos = skip_blank(t, from, n);
    if (pos >= n)
        return 0;

    /* Headline: the first line, when followed by a blank line or a byline,
     * is short, and is not itself a lead. */
    if (with_headline) {
        size_t le = line_end(t, pos, n);
        size_t next = le < n ? le + 1 : n;
        size_t nle = next < n ? line_end(t, next, n) : n;
        int blank_next = next < n && line_is_blank(t, next, nle);
        int byline_next = next < n && starts_with(t, next, n, "By ");
        lead ld;
        if (le - pos <= 300 && (blank_next || byline_next) && next < n && !parse_lead(t, pos, le, &ld)) {
            size_t he = le;
            while (he > pos && is_blank(t[he - 1]))
                he--;
            set_field(doc, &doc->headline, t, pos, he);
            if (doc_add_region(doc, (uint32_t)pos, (uint32_t)he, 1) != 0)
                return PETREL_ERR_NOMEM;
            pos = skip_blank(t, le, n);
        }
    }

    /* Byline: "By Jane Doe" alone on a line. */
    if (starts_with(t, pos, n, "By ") && pos + 3 < n && t[pos + 3] >= 'A' && t[pos + 3] <= 'Z') {
        size_t le = line_end(t, pos, n);
        size_t e = le;
        while (e > pos && is_blank(t[e - 1]))
            e--;
        if (e - pos <= 120 && e > pos && t[e - 1] != '.') {
            set_field(doc, &doc->byline, t, pos + 3, e);
            pos = skip_blank(t, le, n);
        }
    }

    /* Dateline lead. */
    lead ld = {0};
    if (pos < n && parse_lead(t, pos, n, &ld)) {
        if (ld.place.end > ld.place.start)
            set_field(doc, &doc->dateline, t, ld.place.start, ld.place.end);
        if (ld.agency.end > ld.agency.start)
            set_field(doc, &doc->source, t, ld.agency.start, ld.agency.end);
        if (ld.month) {
            /* ISO 8601 allows "--MM-DD" for a date without its year. */
            char md[32];
            if (ld.year)
                snprintf(md, sizeof md, "\"%04d-%02d-%02d\"", ld.year, ld.month, ld.day);
            else
                snprintf(md, sizeof md, "\"--%02d-%02d\"", ld.month, ld.day);
            if (doc_add_meta(doc, "dateline_date", md) != 0)
                return PETREL_ERR_NOMEM;
        }
        pos += ld.len;
    }

    /* Trailers, from the end. */
    size_t end = n;
    while (end > pos && (is_blank(t[end - 1]) || t[end - 1] == '\n'))
        end--;
    int copyright_year = 0;
    for (int guard = 0; guard < 16 && end > pos; guard++) {
        size_t ps = last_paragraph(t, pos, end);
        if (ps <= pos || end - ps > 400)
            break;
        span owner;
        int y = 0;
        if (is_credit_start(t, ps, end)) {
            set_field(doc, &doc->credits, t, ps, end);
        } else if (parse_copyright(t, ps, end, &y, &owner)) {
            if (y)
                copyright_year = y;
            if (owner.end > owner.start)
                set_field(doc, &doc->source, t, owner.start, owner.end);
        } else if (!is_boilerplate(t, ps, end)) {
            break;
        }
        end = ps;
        while (end > pos && (is_blank(t[end - 1]) || t[end - 1] == '\n'))
            end--;
    }
    /* "... said. (Reporting by X; Editing by Y)" closing the last paragraph */
    if (end > pos && t[end - 1] == ')') {
        size_t ps = last_paragraph(t, pos, end);
        for (size_t q = end - 1; q > ps; q--) {
            if (t[q] == '(' && is_credit_start(t, q, end)) {
                set_field(doc, &doc->credits, t, q, end);
                end = q;
                while (end > pos && (is_blank(t[end - 1]) || t[end - 1] == '\n'))
                    end--;
                break;
            }
        }
    }
    if (copyright_year)
        doc->copyright_year = copyright_year;
    if (ld.month && doc->date.year == 0) {
        int y = ld.year ? ld.year : copyright_year;
        if (y) {
            doc->date.year = y;
            doc->date.month = ld.month;
            doc->date.day = ld.day;
            doc->date_origin = PETREL_DATE_INPUT;
        }
    }
    if (end > pos && doc_add_region(doc, (uint32_t)pos, (uint32_t)end, 0) != 0)
        return PETREL_ERR_NOMEM;
    return 0;
}
