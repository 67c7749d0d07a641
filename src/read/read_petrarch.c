/*
 * read_petrarch.c - PETRARCH XML validation records:
 *
 *     <Sentence date="19950101" id="DEMO-00" category="DEMO" sentence="true">
 *       <EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"/>
 *       <Text>Arnor is about to restore ...</Text>
 *       <Parse>(ROOT ...)</Parse>
 *     </Sentence>
 *
 * Each Sentence is a story: its Text the body, its attributes metadata, its
 * EventCoding elements the expected events (metadata "expected", a JSON
 * array; noevents="True" gives an empty array, error="..." is kept as
 * "expected_error").  The Parse tree is ignored: petrel parses for itself.
 *
 * expat parses the file incrementally; finished records wait in a queue
 * until read, so memory holds one input chunk and the records it closed.
 * An XML syntax error ends the file (XML cannot be resynchronized), with its
 * line and column.
 */
#include <expat.h>
#include <stdlib.h>
#include <string.h>

#include "../base/error.h"
#include "reader.h"

typedef struct sbuf {
    char *p;
    size_t len, cap;
} sbuf;

typedef struct record {
    struct record *next;
    long line;
    char *id, *date, *category, *text, *expected, *error;
    int noevents;
} record;

struct xml_state {
    XML_Parser parser;
    record *head, *tail; /* finished records, oldest first */
    record *cur;         /* record being read */
    sbuf text, expected;
    int in_text;
    int oom;
    int finished;        /* XML_Parse called with isFinal, or failed */
    petrel_error failure; /* an XML error, reported after the records
                             completed before it */
    int failed;
};

static int sbuf_add(sbuf *b, const char *s, size_t n) {
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->p, cap);
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

static char *dup_str(const char *s) {
    if (!s)
        return NULL;
    size_t n = strlen(s);
    char *p = malloc(n + 1);
    if (p)
        memcpy(p, s, n + 1);
    return p;
}

static void record_free(record *rec) {
    if (!rec)
        return;
    free(rec->id);
    free(rec->date);
    free(rec->category);
    free(rec->text);
    free(rec->expected);
    free(rec->error);
    free(rec);
}

static const char *attr(const XML_Char **atts, const char *name) {
    for (int i = 0; atts[i]; i += 2)
        if (strcmp(atts[i], name) == 0)
            return atts[i + 1];
    return NULL;
}

/* JSON-escapes a short code value into b (codes are plain ASCII, but the
 * input is not to be trusted). */
static int add_json_string(sbuf *b, const char *s) {
    if (sbuf_add(b, "\"", 1))
        return -1;
    for (; s && *s; s++) {
        unsigned char c = (unsigned char)*s;
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
        if (sbuf_add(b, esc, (size_t)n))
            return -1;
    }
    return sbuf_add(b, "\"", 1);
}

static void XMLCALL on_start(void *ud, const XML_Char *name, const XML_Char **atts) {
    xml_state *x = ud;
    if (strcmp(name, "Sentence") == 0) {
        record_free(x->cur);
        x->cur = calloc(1, sizeof *x->cur);
        if (!x->cur) {
            x->oom = 1;
            return;
        }
        x->cur->line = (long)XML_GetCurrentLineNumber(x->parser);
        x->cur->id = dup_str(attr(atts, "id"));
        x->cur->date = dup_str(attr(atts, "date"));
        x->cur->category = dup_str(attr(atts, "category"));
        x->text.len = 0;
        x->expected.len = 0;
    } else if (x->cur && strcmp(name, "Text") == 0) {
        x->in_text = 1;
    } else if (x->cur && strcmp(name, "EventCoding") == 0) {
        const char *nv = attr(atts, "noevents");
        const char *er = attr(atts, "error");
        if (nv)
            x->cur->noevents = 1;
        if (er && !x->cur->error)
            x->cur->error = dup_str(er);
        const char *src = attr(atts, "sourcecode"), *tgt = attr(atts, "targetcode"), *ev = attr(atts, "eventcode");
        if (src || tgt || ev) {
            int rc = sbuf_add(&x->expected, x->expected.len ? "," : "", x->expected.len ? 1 : 0);
            rc |= sbuf_add(&x->expected, "{\"source\":", 10) | add_json_string(&x->expected, src);
            rc |= sbuf_add(&x->expected, ",\"target\":", 10) | add_json_string(&x->expected, tgt);
            rc |= sbuf_add(&x->expected, ",\"code\":", 8) | add_json_string(&x->expected, ev);
            rc |= sbuf_add(&x->expected, "}", 1);
            if (rc)
                x->oom = 1;
        }
    }
}

static void XMLCALL on_end(void *ud, const XML_Char *name) {
    xml_state *x = ud;
    if (strcmp(name, "Text") == 0) {
        x->in_text = 0;
    } else if (x->cur && strcmp(name, "Sentence") == 0) {
        record *rec = x->cur;
        x->cur = NULL;
        rec->text = dup_str(x->text.p ? x->text.p : "");
        sbuf e = {0};
        if (sbuf_add(&e, "[", 1) || (x->expected.len && sbuf_add(&e, x->expected.p, x->expected.len)) ||
            sbuf_add(&e, "]", 1) || !rec->text) {
            free(e.p);
            record_free(rec);
            x->oom = 1;
            return;
        }
        rec->expected = e.p;
        if (x->tail)
            x->tail->next = rec;
        else
            x->head = rec;
        x->tail = rec;
    }
}

static void XMLCALL on_text(void *ud, const XML_Char *s, int len) {
    xml_state *x = ud;
    if (x->in_text && x->cur && sbuf_add(&x->text, s, (size_t)len))
        x->oom = 1;
}

void read_petrarch_free(petrel_reader *r) {
    xml_state *x = r->xml;
    if (!x)
        return;
    while (x->head) {
        record *n = x->head->next;
        record_free(x->head);
        x->head = n;
    }
    record_free(x->cur);
    free(x->text.p);
    free(x->expected.p);
    if (x->parser)
        XML_ParserFree(x->parser);
    free(x);
    r->xml = NULL;
}

static int start_parser(petrel_reader *r, petrel_error *err) {
    xml_state *x = calloc(1, sizeof *x);
    if (!x)
        return err_nomem(err);
    x->parser = XML_ParserCreate("UTF-8");
    if (!x->parser) {
        free(x);
        return err_nomem(err);
    }
    XML_SetUserData(x->parser, x);
    XML_SetElementHandler(x->parser, on_start, on_end);
    XML_SetCharacterDataHandler(x->parser, on_text);
    r->xml = x;
    return 0;
}

static int trim_len(const char **s) {
    const char *p = *s;
    while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')
        p++;
    size_t n = strlen(p);
    while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\n' || p[n - 1] == '\r' || p[n - 1] == '\t'))
        n--;
    *s = p;
    return (int)n;
}

static int fill_doc(petrel_reader *r, petrel_doc *doc, record *rec, petrel_error *err) {
    doc->input_line = rec->line;
    doc->input_name = doc_strdup0(doc, r->in.name);
    doc->id = doc_strdup0(doc, rec->id);
    if (rec->date) {
        if (petrel_date_parse(rec->date, &doc->date) == 0)
            doc->date_origin = PETREL_DATE_INPUT;
        else
            doc_warn(doc, rec->line, -1, "unreadable date \"%.40s\" ignored", rec->date);
    }
    const char *t = rec->text;
    int n = trim_len(&t);
    if (reader_set_headline_body(doc, NULL, 0, t, (size_t)n) != 0)
        return err_nomem(err);
    sbuf cat = {0};
    int rc = 0;
    if (rec->category) {
        rc |= add_json_string(&cat, rec->category);
        rc |= doc_add_meta(doc, "category", cat.p ? cat.p : "\"\"");
    }
    free(cat.p);
    rc |= doc_add_meta(doc, "expected", rec->noevents ? "[]" : rec->expected);
    if (rec->error) {
        sbuf e = {0};
        rc |= add_json_string(&e, rec->error);
        rc |= doc_add_meta(doc, "expected_error", e.p ? e.p : "\"\"");
        free(e.p);
    }
    if (rc)
        return err_nomem(err);
    return reader_finish_story(r, doc, -1, err);
}

int read_petrarch_next(petrel_reader *r, petrel_doc *doc, petrel_error *err) {
    if (!r->xml && start_parser(r, err) != 0)
        return PETREL_ERR_NOMEM;
    xml_state *x = r->xml;
    while (!x->head && !x->finished) {
        const char *chunk;
        size_t n;
        input_peek(&r->in, 64 * 1024, &chunk, &n);
        if (r->in.error)
            return err_set(err, PETREL_ERR_IO, r->in.name, 0, r->in.offset, "read error");
        int final = n == 0;
        if (XML_Parse(x->parser, chunk, (int)n, final) == XML_STATUS_ERROR) {
            err_set(&x->failure, PETREL_ERR_FORMAT, r->in.name, (long)XML_GetCurrentLineNumber(x->parser),
                    (long long)XML_GetCurrentByteIndex(x->parser), "XML error at column %lu: %s; rest of file skipped",
                    (unsigned long)XML_GetCurrentColumnNumber(x->parser), XML_ErrorString(XML_GetErrorCode(x->parser)));
            x->failed = 1;
            x->finished = 1;
            break;
        }
        if (x->oom)
            return err_nomem(err);
        /* consume what expat took */
        if (r->in.mem)
            r->in.offset += (long long)n;
        else {
            r->in.buf_start += n;
            r->in.offset += (long long)n;
        }
        if (final)
            x->finished = 1;
    }
    if (!x->head) {
        if (x->failed) {
            /* the records before the error have been read: now report it */
            x->failed = 0;
            r->done = 1;
            if (err)
                *err = x->failure;
            return PETREL_ERR_FORMAT;
        }
        return 0;
    }
    record *rec = x->head;
    x->head = rec->next;
    if (!x->head)
        x->tail = NULL;
    int rc = fill_doc(r, doc, rec, err);
    record_free(rec);
    return rc == 0 ? 1 : rc;
}
