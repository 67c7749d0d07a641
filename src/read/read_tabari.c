/*
 * read_tabari.c - TABARI text records (the format of TABARI's validation
 * suite and of many older event-data corpora):
 *
 *     950101  DEMO-01
 *     Arnor is about to restore full diplomatic ties with Gondor almost
 *     five years after crowds trashed its embassy.
 *     (slash-star) [comment] { ARN / GON / 064 } (star-slash)
 *
 * A record is a "YYMMDD ID" line, then its text up to a blank line.  A
 * comment between slash-star and star-slash may follow the text (or start
 * on its last line); it is kept as metadata "comment", and the events it
 * lists between braces ("{ SRC / TGT / CODE }", the suite's expected events)
 * as metadata "expected".  Lines starting with '#' outside records are
 * comments.  Two-digit years from 50 on are 19xx, the others 20xx.
 */
#include <string.h>

#include "../base/error.h"
#include "../text/utf8.h"
#include "reader.h"

typedef struct buf {
    char *p;
    size_t len, cap;
} buf;

static int buf_add(petrel_doc *doc, buf *b, const char *s, size_t n) {
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 512;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = arena_grow(doc->arena, b->p, b->len, cap);
        if (!p)
            return -1;
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
    return 0;
}

static int is_header(const char *p, size_t n) {
    if (n < 8)
        return 0;
    for (int i = 0; i < 6; i++)
        if (p[i] < '0' || p[i] > '9')
            return 0;
    if (p[6] != ' ' && p[6] != '\t')
        return 0;
    size_t i = 6;
    while (i < n && (p[i] == ' ' || p[i] == '\t'))
        i++;
    return i < n;
}

static int blank(const char *p, size_t n) { return input_blank(p, n); }

/* Appends the JSON text of the events listed in braces in the comment. */
static int expected_events(petrel_doc *doc, const char *c, size_t n, buf *out) {
    if (buf_add(doc, out, "[", 1))
        return -1;
    int count = 0;
    for (size_t i = 0; i < n; i++) {
        if (c[i] != '{' || (i > 0 && c[i - 1] == '-'))
            continue;
        const char *close = memchr(c + i, '}', n - i);
        if (!close)
            break;
        /* three fields separated by '/' */
        char field[3][64];
        size_t f = 0, fl = 0;
        int ok = 1;
        for (const char *q = c + i + 1; q < close && ok; q++) {
            if (*q == '/') {
                if (++f > 2)
                    ok = 0;
                else
                    fl = 0;
                continue;
            }
            if (*q == ' ' || *q == '\t')
                continue;
            if (*q == '"' || *q == '\\' || fl >= 63 || (unsigned char)*q < 0x20)
                ok = 0;
            else {
                field[f][fl++] = *q;
                field[f][fl] = '\0';
            }
            if (fl == 0)
                field[f][0] = '\0';
        }
        if (ok && f == 2) {
            char ev[512];
            int k = snprintf(ev, sizeof ev, "%s{\"source\":\"%s\",\"target\":\"%s\",\"code\":\"%s\"}", count ? "," : "",
                             field[0], field[1], field[2]);
            if (buf_add(doc, out, ev, (size_t)k))
                return -1;
            count++;
        }
        i = (size_t)(close - c);
    }
    return buf_add(doc, out, "]", 1);
}

int read_tabari_next(petrel_reader *r, petrel_doc *doc, petrel_error *err) {
    const char *line;
    size_t len;
    int too_long;
    long long start;
    int got;
    /* find the next header */
    for (;;) {
        got = input_getline(&r->in, r->opt.max_story_bytes, &line, &len, &too_long, &start);
        if (got < 0)
            return err_set(err, PETREL_ERR_IO, r->in.name, r->in.lineno, start, "read error");
        if (got == 0)
            return 0;
        if (too_long)
            return err_set(err, PETREL_ERR_LIMIT, r->in.name, r->in.lineno, start, "line longer than the story limit");
        if (is_header(line, len))
            break;
        if (len == 0 || line[0] == '#' || blank(line, len))
            continue;
        return err_set(err, PETREL_ERR_FORMAT, r->in.name, r->in.lineno, start,
                       "text outside a record (expected \"YYMMDD ID\"), line skipped");
    }
    long header_line = r->in.lineno;
    doc->input_line = header_line;
    doc->input_name = doc_strdup0(doc, r->in.name);
    int yy = (line[0] - '0') * 10 + (line[1] - '0');
    petrel_date d = {yy >= 50 ? 1900 + yy : 2000 + yy, (line[2] - '0') * 10 + (line[3] - '0'),
                     (line[4] - '0') * 10 + (line[5] - '0')};
    char iso[32];
    snprintf(iso, sizeof iso, "%04u-%02u-%02u", (unsigned)d.year, (unsigned)d.month, (unsigned)d.day);
    if (petrel_date_parse(iso, &doc->date) == 0)
        doc->date_origin = PETREL_DATE_INPUT;
    else
        doc_warn(doc, header_line, start, "impossible date %.6s ignored", line);
    size_t i = 6;
    while (i < len && (line[i] == ' ' || line[i] == '\t'))
        i++;
    size_t e = i;
    while (e < len && line[e] != ' ' && line[e] != '\t')
        e++;
    doc->id = doc_strdup(doc, line + i, e - i);

    buf text = {0}, comment = {0};
    long long text_start = -1;
    int in_comment = 0;
    for (;;) {
        got = input_getline(&r->in, r->opt.max_story_bytes, &line, &len, &too_long, &start);
        if (got < 0)
            return err_set(err, PETREL_ERR_IO, r->in.name, r->in.lineno, start, "read error");
        if (got == 0)
            break;
        if (too_long)
            return err_set(err, PETREL_ERR_LIMIT, r->in.name, r->in.lineno, start, "line longer than the story limit");
        if (!in_comment && blank(line, len))
            break;
        size_t tl = len;
        if (!in_comment) {
            const char *open = NULL;
            for (size_t q = 0; q + 1 < len; q++)
                if (line[q] == '/' && line[q + 1] == '*') {
                    open = line + q;
                    break;
                }
            if (open) {
                tl = (size_t)(open - line);
                in_comment = 1;
            }
            if (tl > 0 || !open) {
                if (text_start < 0)
                    text_start = start;
                if ((text.len && buf_add(doc, &text, "\n", 1)) || buf_add(doc, &text, line, tl))
                    return err_nomem(err);
            }
            if (!open)
                continue;
            line += tl + 2;
            len -= tl + 2;
        }
        /* inside the comment */
        const char *close = NULL;
        for (size_t q = 0; q + 1 < len; q++)
            if (line[q] == '*' && line[q + 1] == '/') {
                close = line + q;
                break;
            }
        size_t cl = close ? (size_t)(close - line) : len;
        if ((comment.len && buf_add(doc, &comment, "\n", 1)) || buf_add(doc, &comment, line, cl))
            return err_nomem(err);
        if (close) {
            in_comment = 0;
            /* the record ends with its comment */
            break;
        }
    }
    if (in_comment)
        return err_set(err, PETREL_ERR_FORMAT, r->in.name, header_line, -1, "record %s: comment never closed, skipped",
                       doc->id ? doc->id : "?");
    if (doc_set_text(doc, text.p ? text.p : "", text.len) != 0)
        return err_nomem(err);
    if (comment.len) {
        buf ev = {0};
        char *quoted = NULL;
        /* the comment as a JSON string */
        buf q = {0};
        comment.p = utf8_sanitize(doc->arena, comment.p, comment.len, &comment.len);
        if (!comment.p || buf_add(doc, &q, "\"", 1))
            return err_nomem(err);
        for (size_t k = 0; k < comment.len; k++) {
            unsigned char c = (unsigned char)comment.p[k];
            char esc[8];
            int n;
            if (c == '"' || c == '\\')
                n = snprintf(esc, sizeof esc, "\\%c", c);
            else if (c < 0x20)
                n = snprintf(esc, sizeof esc, "\\u%04x", c);
            else {
                esc[0] = (char)c;
                n = 1;
            }
            if (buf_add(doc, &q, esc, (size_t)n))
                return err_nomem(err);
        }
        if (buf_add(doc, &q, "\"", 1))
            return err_nomem(err);
        quoted = q.p;
        if (doc_add_meta(doc, "comment", quoted) || expected_events(doc, comment.p, comment.len, &ev) ||
            doc_add_meta(doc, "expected", ev.p))
            return err_nomem(err);
    }
    return reader_finish_story(r, doc, text_start, err) == 0 ? 1 : PETREL_ERR_NOMEM;
}
