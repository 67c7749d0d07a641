/*
 * read_jsonl.c - JSON Lines stories, one JSON object per line:
 *     {"id": ..., "date": "2024-07-14", "source": ..., "title": ..., "text": ...}
 * "headline" is accepted for "title" and "body" for "text"; every other field
 * is kept as metadata (its JSON text) and passed through to the output.
 *
 * JSON is parsed by cJSON (about seven times faster than jansson on news
 * lines, which matters when reading is most of the work).  cJSON does not
 * check UTF-8, so every line is checked first: a line with invalid bytes is
 * copied with each one replaced by U+FFFD and a warning naming its byte
 * offset, and the story is still read.
 */
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "../base/error.h"
#include "../text/utf8.h"
#include "reader.h"

static const char *string_field(const cJSON *obj, const char *a, const char *b, size_t *len) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, a);
    if (!cJSON_IsString(v) && b)
        v = cJSON_GetObjectItemCaseSensitive(obj, b);
    if (!cJSON_IsString(v) || !v->valuestring)
        return NULL;
    *len = strlen(v->valuestring);
    return v->valuestring;
}

static int is_known(const char *key) {
    static const char *const known[] = {"id", "date", "source", "title", "headline", "text", "body"};
    for (size_t i = 0; i < sizeof known / sizeof *known; i++)
        if (strcmp(key, known[i]) == 0)
            return 1;
    return 0;
}

static int fill_story(petrel_reader *r, petrel_doc *doc, const cJSON *obj, long lineno, petrel_error *err) {
    const char *name = r->in.name;
    size_t blen = 0, hlen = 0, len;
    const char *body = string_field(obj, "text", "body", &blen);
    if (!body)
        return err_set(err, PETREL_ERR_FORMAT, name, lineno, -1, "story has no \"text\" string field, skipped");
    const char *headline = string_field(obj, "title", "headline", &hlen);

    const cJSON *id = cJSON_GetObjectItemCaseSensitive(obj, "id");
    if (cJSON_IsString(id) && id->valuestring)
        doc->id = doc_strdup0(doc, id->valuestring);
    else if (cJSON_IsNumber(id)) {
        char buf[64];
        double v = id->valuedouble;
        if (v > -9.0e15 && v < 9.0e15 && v == (double)(long long)v)
            snprintf(buf, sizeof buf, "%lld", (long long)v);
        else
            snprintf(buf, sizeof buf, "%.17g", v);
        doc->id = doc_strdup0(doc, buf);
    }
    const char *s = string_field(obj, "source", NULL, &len);
    if (s)
        doc->source = doc_strdup(doc, s, len);
    const cJSON *date = cJSON_GetObjectItemCaseSensitive(obj, "date");
    if (cJSON_IsString(date) && date->valuestring) {
        if (petrel_date_parse(date->valuestring, &doc->date) == 0)
            doc->date_origin = PETREL_DATE_INPUT;
        else
            doc_warn(doc, lineno, -1, "unreadable date \"%.40s\" ignored", date->valuestring);
    } else if (date && !cJSON_IsNull(date)) {
        doc_warn(doc, lineno, -1, "\"date\" is not a string, ignored");
    }
    for (const cJSON *value = obj->child; value; value = value->next) {
        if (!value->string || is_known(value->string))
            continue;
        char *js = cJSON_PrintUnformatted(value);
        int rc = js ? doc_add_meta(doc, value->string, js) : -1;
        cJSON_free(js);
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
        if (input_blank(line, len))
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
        const char *end = NULL;
        cJSON *obj = cJSON_ParseWithLengthOpts(line, len, &end, 0);
        if (!obj) {
            size_t col = end && end >= line && end <= line + len ? (size_t)(end - line) : 0;
            return err_set(err, PETREL_ERR_FORMAT, r->in.name, lineno, start + (long long)col,
                           "invalid JSON at column %zu, skipped", col + 1);
        }
        /* what follows the object must be white space */
        size_t used = end ? (size_t)(end - line) : len;
        if (used < len && !input_blank(end, len - used)) {
            cJSON_Delete(obj);
            return err_set(err, PETREL_ERR_FORMAT, r->in.name, lineno, start + (long long)used,
                           "invalid JSON at column %zu: text after the object, skipped", used + 1);
        }
        if (!cJSON_IsObject(obj)) {
            cJSON_Delete(obj);
            return err_set(err, PETREL_ERR_FORMAT, r->in.name, lineno, start, "line is not a JSON object, skipped");
        }
        int rc = fill_story(r, doc, obj, lineno, err);
        cJSON_Delete(obj);
        if (rc != 0)
            return rc;
        return reader_finish_story(r, doc, -1, err) == 0 ? 1 : PETREL_ERR_NOMEM;
    }
}
