/*
 * reader.c - opening story inputs, guessing their format, and what every
 * reader does once a story is read (see reader.h).
 */
#include "reader.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/error.h"
#include "../text/utf8.h"

#define DEFAULT_MAX_STORY (8u * 1024u * 1024u)

static const char *const format_names[] = {"auto", "text", "jsonl", "petrarch", "tabari", "conllu"};

const char *petrel_format_name(petrel_format f) {
    if ((unsigned)f < sizeof format_names / sizeof *format_names)
        return format_names[f];
    return "unknown";
}

int petrel_format_parse(const char *name, petrel_format *out) {
    for (size_t i = 0; i < sizeof format_names / sizeof *format_names; i++)
        if (strcmp(name, format_names[i]) == 0) {
            *out = (petrel_format)i;
            return 0;
        }
    if (strcmp(name, "txt") == 0 || strcmp(name, "wire") == 0) {
        *out = PETREL_FORMAT_TEXT;
        return 0;
    }
    if (strcmp(name, "json") == 0 || strcmp(name, "ndjson") == 0) {
        *out = PETREL_FORMAT_JSONL;
        return 0;
    }
    if (strcmp(name, "xml") == 0) {
        *out = PETREL_FORMAT_PETRARCH;
        return 0;
    }
    return PETREL_ERR_ARG;
}

static int days_in_month(int y, int m) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return days[m - 1];
}

static int digits(const char *s, int n) {
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

int petrel_date_parse(const char *s, petrel_date *out) {
    if (!s)
        return PETREL_ERR_FORMAT;
    while (*s == ' ')
        s++;
    size_t n = strlen(s);
    int y, m, d;
    if (n >= 10 && (s[4] == '-' || s[4] == '/') && s[7] == s[4]) {
        y = digits(s, 4);
        m = digits(s + 5, 2);
        d = digits(s + 8, 2);
        /* What may follow a date: nothing, a time, or a space. */
        if (n > 10 && s[10] != 'T' && s[10] != ' ' && s[10] != 't')
            return PETREL_ERR_FORMAT;
    } else if (n >= 8 && (n == 8 || s[8] == 'T' || s[8] == ' ')) {
        y = digits(s, 4);
        m = digits(s + 4, 2);
        d = digits(s + 6, 2);
    } else {
        return PETREL_ERR_FORMAT;
    }
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        return PETREL_ERR_FORMAT;
    out->year = y;
    out->month = m;
    out->day = d;
    return 0;
}

/* ------------------------------------------------------------- guessing */

static int has_suffix(const char *s, const char *suf) {
    size_t n = strlen(s), k = strlen(suf);
    if (n < k)
        return 0;
    for (size_t i = 0; i < k; i++) {
        char c = s[n - k + i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != suf[i])
            return 0;
    }
    return 1;
}

static petrel_format guess_from_name(const char *path) {
    if (!path)
        return PETREL_FORMAT_AUTO;
    if (has_suffix(path, ".jsonl") || has_suffix(path, ".ndjson") || has_suffix(path, ".json"))
        return PETREL_FORMAT_JSONL;
    if (has_suffix(path, ".conllu"))
        return PETREL_FORMAT_CONLLU;
    if (has_suffix(path, ".xml"))
        return PETREL_FORMAT_PETRARCH;
    return PETREL_FORMAT_AUTO;
}

/* TABARI records start "YYMMDD<blank>ID". */
static int looks_tabari_line(const char *p, size_t n) {
    if (n < 8 || digits(p, 6) < 0 || (p[6] != ' ' && p[6] != '\t'))
        return 0;
    size_t i = 6;
    while (i < n && (p[i] == ' ' || p[i] == '\t'))
        i++;
    return i < n;
}

static int contains(const char *p, size_t n, const char *needle) {
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (p[i] == needle[0] && memcmp(p + i, needle, k) == 0)
            return 1;
    return 0;
}

static petrel_format guess_from_content(const char *p, size_t n) {
    size_t i = 0;
    if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n'))
        i++;
    if (i == n)
        return PETREL_FORMAT_TEXT;
    if (p[i] == '{')
        return PETREL_FORMAT_JSONL;
    if (p[i] == '<' && (contains(p, n, "<Sentence") || contains(p, n, "<Validation")))
        return PETREL_FORMAT_PETRARCH;
    /* CoNLL-U: "# sent_id", "# text" or "1<TAB>form<TAB>..." */
    if ((n - i >= 9 && memcmp(p + i, "# sent_id", 9) == 0) || (n - i >= 7 && memcmp(p + i, "# text ", 7) == 0) ||
        (n - i >= 9 && memcmp(p + i, "# newdoc", 8) == 0) || (n - i >= 2 && p[i] == '1' && p[i + 1] == '\t'))
        return PETREL_FORMAT_CONLLU;
    /* TABARI: the first record line, after any '#' comment lines. */
    size_t j = i;
    while (j < n) {
        const char *nl = memchr(p + j, '\n', n - j);
        size_t len = nl ? (size_t)(nl - (p + j)) : n - j;
        if (len > 0 && p[j] != '#') {
            if (looks_tabari_line(p + j, len))
                return PETREL_FORMAT_TABARI;
            break;
        }
        j += len + 1;
    }
    return PETREL_FORMAT_TEXT;
}

static petrel_reader *reader_new(const petrel_reader_options *opt) {
    petrel_reader *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    if (opt)
        r->opt = *opt;
    if (!r->opt.max_story_bytes)
        r->opt.max_story_bytes = DEFAULT_MAX_STORY;
    if (r->opt.max_story_bytes >= (size_t)INT32_MAX)
        r->opt.max_story_bytes = (size_t)INT32_MAX - 1;
    return r;
}

static int reader_start(petrel_reader *r, const char *name, petrel_error *err) {
    petrel_format f = r->opt.format;
    if (f == PETREL_FORMAT_AUTO)
        f = guess_from_name(name);
    const char *head;
    size_t n;
    input_peek(&r->in, 64 * 1024, &head, &n);
    if (r->in.error)
        return err_set(err, PETREL_ERR_IO, r->in.name, 0, -1, "cannot read: %s", strerror(r->in.err_no));
    if (f == PETREL_FORMAT_AUTO) {
        /* A NUL byte in the first block is the surest sign of a binary file:
         * refuse it rather than code garbage. */
        const char *nul = memchr(head, '\0', n);
        if (nul)
            return err_set(err, PETREL_ERR_FORMAT, r->in.name, 0, (long long)(nul - head),
                           "binary file (NUL byte at offset %lld), not stories", (long long)(nul - head));
        f = guess_from_content(head, n);
    }
    r->format = f;
    return 0;
}

petrel_reader *petrel_reader_open(const char *path, const petrel_reader_options *opt, petrel_error *err) {
    petrel_reader *r = reader_new(opt);
    if (!r) {
        err_nomem(err);
        return NULL;
    }
    if (input_open_file(&r->in, path) != 0) {
        err_set(err, PETREL_ERR_IO, path ? path : "-", 0, -1, "cannot open: %s", strerror(errno));
        free(r);
        return NULL;
    }
    if (reader_start(r, path, err) != 0) {
        petrel_reader_close(r);
        return NULL;
    }
    return r;
}

petrel_reader *petrel_reader_open_memory(const char *name, const char *bytes, size_t len,
                                         const petrel_reader_options *opt, petrel_error *err) {
    petrel_reader *r = reader_new(opt);
    if (!r) {
        err_nomem(err);
        return NULL;
    }
    input_open_memory(&r->in, name, bytes, len);
    if (reader_start(r, name, err) != 0) {
        petrel_reader_close(r);
        return NULL;
    }
    return r;
}

petrel_format petrel_reader_format(const petrel_reader *r) { return r->format; }

void petrel_reader_close(petrel_reader *r) {
    if (!r)
        return;
    read_petrarch_free(r);
    free(r->pending);
    input_close(&r->in);
    free(r);
}

int petrel_reader_next(petrel_reader *r, petrel_doc *doc, petrel_error *err) {
    doc_reset(doc);
    if (r->done)
        return 0;
    int rc;
    switch (r->format) {
    case PETREL_FORMAT_JSONL: rc = read_jsonl_next(r, doc, err); break;
    case PETREL_FORMAT_PETRARCH: rc = read_petrarch_next(r, doc, err); break;
    case PETREL_FORMAT_TABARI: rc = read_tabari_next(r, doc, err); break;
    case PETREL_FORMAT_CONLLU: rc = read_conllu_next(r, doc, err); break;
    default: rc = read_text_next(r, doc, err); break;
    }
    if (rc == PETREL_ERR_IO)
        r->done = 1;
    if (rc < 0) {
        doc_reset(doc); /* no half-read story is left looking complete */
        r->failures++;
    }
    if (rc == 1)
        r->stories++;
    if (rc == 0 && r->stories == 0 && r->failures == 0) {
        /* An input with no story at all is almost always a mistake (a
         * truncated download, the wrong file): say so once. */
        r->done = 1;
        r->failures++;
        return err_set(err, PETREL_ERR_FORMAT, r->in.name, 0, 0, "empty input: no story found");
    }
    return rc;
}

/* ------------------------------------------------------- finishing step */

int reader_finish_story(petrel_reader *r, petrel_doc *doc, long long text_file_offset, petrel_error *err) {
    if (!doc->input_name)
        doc->input_name = doc_strdup0(doc, r->in.name);
    if (!doc->id) {
        char id[300];
        snprintf(id, sizeof id, "%s:%ld", r->in.name, doc->input_line > 0 ? doc->input_line : r->stories + 1);
        doc->id = doc_strdup0(doc, id);
    }
    if (!doc->input_name || !doc->id)
        return err_nomem(err);
    if (doc->date.year == 0 && r->opt.default_date.year != 0) {
        doc->date = r->opt.default_date;
        doc->date_origin = PETREL_DATE_DEFAULT;
    }
    /* Invalid bytes stay in the text (offsets must not move); the tokenizer
     * shows them as U+FFFD.  Report each one so the user can find it. */
    size_t off = 0;
    while (off < doc->text_len) {
        size_t bad = utf8_find_invalid(doc->text + off, doc->text_len - off);
        off += bad;
        if (off >= doc->text_len)
            break;
        long long where = text_file_offset >= 0 ? text_file_offset + (long long)off : -1;
        doc_warn(doc, doc->input_line, where, "invalid UTF-8 byte 0x%02X at byte %zu of story %s, read as U+FFFD",
                 (unsigned char)doc->text[off], off, doc->id);
        off++;
    }
    if (doc->nregions == 0 && doc->text_len > 0 && !doc->tokenized) {
        if (doc_add_region(doc, 0, doc->text_len, 0) != 0)
            return err_nomem(err);
    }
    return 0;
}

int reader_set_headline_body(petrel_doc *doc, const char *headline, size_t hlen, const char *body, size_t blen) {
    /* Trim the headline: titles often arrive with stray white space. */
    while (hlen > 0 && (headline[0] == ' ' || headline[0] == '\n' || headline[0] == '\t' || headline[0] == '\r')) {
        headline++;
        hlen--;
    }
    while (hlen > 0 && (headline[hlen - 1] == ' ' || headline[hlen - 1] == '\n' || headline[hlen - 1] == '\t' ||
                        headline[hlen - 1] == '\r'))
        hlen--;
    size_t total = hlen + (hlen ? 2 : 0) + blen;
    if (total >= (size_t)INT32_MAX)
        return PETREL_ERR_LIMIT;
    char *t = arena_alloc(doc->arena, total + 1);
    if (!t)
        return PETREL_ERR_NOMEM;
    size_t o = 0;
    if (hlen) {
        memcpy(t, headline, hlen);
        /* A headline never spans lines in the analyzed text. */
        for (size_t i = 0; i < hlen; i++)
            if (t[i] == '\n' || t[i] == '\r')
                t[i] = ' ';
        t[hlen] = '\n';
        t[hlen + 1] = '\n';
        o = hlen + 2;
        doc->headline = doc_strdup(doc, t, hlen);
        if (!doc->headline || doc_add_region(doc, 0, (uint32_t)hlen, 1) != 0)
            return PETREL_ERR_NOMEM;
    }
    if (blen)
        memcpy(t + o, body, blen);
    t[total] = '\0';
    doc->text = t;
    doc->text_len = (uint32_t)total;
    doc->body_offset = (uint32_t)o;
    return 0;
}

int petrel_doc_load_text(petrel_doc *doc, const char *id, const char *text, size_t len, const petrel_date *date,
                         petrel_error *err) {
    doc_reset(doc);
    if (!text && len)
        return err_set(err, PETREL_ERR_ARG, NULL, 0, -1, "text is NULL");
    int rc = doc_set_text(doc, text ? text : "", len);
    if (rc != 0)
        return err_set(err, rc, NULL, 0, -1, "%s", petrel_status_name(rc));
    doc->id = doc_strdup0(doc, id ? id : "story");
    doc->input_name = doc_strdup0(doc, id ? id : "story");
    if (!doc->id || !doc->input_name || wire_parse(doc, 0, 1) != 0) {
        doc_reset(doc);
        return err_nomem(err);
    }
    if (doc->date.year == 0 && date && date->year) {
        doc->date = *date;
        doc->date_origin = PETREL_DATE_DEFAULT;
    }
    /* the same warnings a reader gives */
    for (size_t off = 0; off < doc->text_len; off++) {
        off += utf8_find_invalid(doc->text + off, doc->text_len - off);
        if (off < doc->text_len)
            doc_warn(doc, 0, (long long)off, "invalid UTF-8 byte 0x%02X at byte %zu, read as U+FFFD",
                     (unsigned char)doc->text[off], off);
    }
    return 0;
}
