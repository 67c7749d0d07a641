/*
 * read_jsonl.c - JSON Lines stories, one JSON object per line:
 *     {"id": ..., "date": "2024-07-14", "source": ..., "title": ..., "text": ...}
 * "headline" is accepted for "title" and "body" for "text"; every other field
 * is kept as metadata (its JSON text) and passed through to the output.
 *
 * JSON is parsed by jansson.  jansson refuses invalid UTF-8, so a line with
 * invalid bytes is first copied with each one replaced by U+FFFD and a
 * warning naming its byte offset; the story is still read.
 */
#include <jansson.h>
#include <string.h>

#include "../base/error.h"
#include "../text/utf8.h"
#include "reader.h"

static const char *string_field(json_t *obj, const char *a, const char *b, size_t *len) {
    json_t *v = json_object_get(obj, a);
    if (!json_is_string(v) && b)
        v = json_object_get(obj, b);
    if (!json_is_string(v))
        return NULL;
    *len = json_string_length(v);
    return json_string_value(v);
}

static int is_known(const char *key) {
    static const char *const known[] = {"id", "date", "source", "title", "headline", "text", "body"};
    for (size_t i = 0; i < sizeof known / sizeof *known; i++)
        if (strcmp(key, known[i]) == 0)
            return 1;
    return 0;
}

static int fill_story(petrel_reader *r, petrel_doc *doc, json_t *obj, long lineno, petrel_error *err) {
    const char *name = r->in.name;
    size_t blen = 0, hlen = 0, len;
    const char *body = string_field(obj, "text", "body", &blen);
    if (!body)
        return err_set(err, PETREL_ERR_FORMAT, name, lineno, -1, "story has no \"text\" string field, skipped");
    const char *headline = string_field(obj, "title", "headline", &hlen);

    json_t *id = json_object_get(obj, "id");
    if (json_is_string(id))
        doc->id = doc_strdup(doc, json_string_value(id), json_string_length(id));
    else if (json_is_integer(id)) {
        char buf[32];
        snprintf(buf, sizeof buf, "%lld", (long long)json_integer_value(id));
        doc->id = doc_strdup0(doc, buf);
    }
    const char *s = string_field(obj, "source", NULL, &len);
    if (s)
        doc->source = doc_strdup(doc, s, len);
    json_t *date = json_object_get(obj, "date");
    if (json_is_string(date)) {
        if (petrel_date_parse(json_string_value(date), &doc->date) == 0)
            doc->date_origin = PETREL_DATE_INPUT;
        else
            doc_warn(doc, lineno, -1, "unreadable date \"%.40s\" ignored", json_string_value(date));
    } else if (date && !json_is_null(date)) {
        doc_warn(doc, lineno, -1, "\"date\" is not a string, ignored");
    }
    const char *key;
    json_t *value;
    json_object_foreach(obj, key, value) {
        if (is_known(key))
            continue;
        char *js = json_dumps(value, JSON_COMPACT | JSON_ENCODE_ANY);
        int rc = js ? doc_add_meta(doc, key, js) : -1;
        free(js);
        if (rc != 0)
            return err_nomem(err);
    }
    int rc = reader_set_headline_body(doc, headline, headline ? hlen : 0, body, blen);
    if (rc != 0)
        return err_set(err, rc, name, lineno, -1, "%s", petrel_status_name(rc));
    if (wire_parse(doc, doc->body_offset, 0) != 0)
        return err_nomem(err);
    return 0;
}

int read_jsonl_next(petrel_reader *r, petrel_doc *doc, petrel_error *err) {
    for (;;) {
        const char *line;
        size_t len;
        int too_long;
        long long start;
        int got = input_getline(&r->in, r->opt.max_story_bytes, &line, &len, &too_long, &start);
        if (got < 0)
            return err_set(err, PETREL_ERR_IO, r->in.name, r->in.lineno, start, "read error");
        if (got == 0)
            return 0;
        long lineno = r->in.lineno;
        if (too_long)
            return err_set(err, PETREL_ERR_LIMIT, r->in.name, lineno, start,
                           "line is longer than the %zu-byte story limit, skipped", r->opt.max_story_bytes);
        if (strspn(line, " \t\r") >= len)
            continue; /* blank lines between records are allowed */
        doc->input_line = lineno;
        doc->input_name = doc_strdup0(doc, r->in.name);
        size_t bad = utf8_find_invalid(line, len);
        if (bad < len) {
            size_t off = 0;
            while ((off += utf8_find_invalid(line + off, len - off)) < len) {
                doc_warn(doc, lineno, start + (long long)off, "invalid UTF-8 byte 0x%02X at column %zu, read as U+FFFD",
                         (unsigned char)line[off], off + 1);
                off++;
            }
            line = utf8_sanitize(doc->arena, line, len, &len);
            if (!line)
                return err_nomem(err);
        }
        json_error_t jerr;
        json_t *obj = json_loadb(line, len, JSON_ALLOW_NUL, &jerr);
        if (!obj)
            return err_set(err, PETREL_ERR_FORMAT, r->in.name, lineno, start + (jerr.position > 0 ? jerr.position : 0),
                           "invalid JSON at column %d: %s, skipped", jerr.column, jerr.text);
        if (!json_is_object(obj)) {
            json_decref(obj);
            return err_set(err, PETREL_ERR_FORMAT, r->in.name, lineno, start, "line is not a JSON object, skipped");
        }
        int rc = fill_story(r, doc, obj, lineno, err);
        json_decref(obj);
        if (rc != 0)
            return rc;
        return reader_finish_story(r, doc, -1, err) == 0 ? 1 : PETREL_ERR_NOMEM;
    }
}
