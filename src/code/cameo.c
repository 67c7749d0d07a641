/* cameo.c - the CAMEO code table (see cameo.h). */
#include "cameo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/error.h"
#include "../base/file.h"

struct cameo_table {
    cameo_code *codes; /* sorted by code */
    size_t n;
    char *text;        /* the file, whose strings the entries point into */
};

static int cmp(const void *a, const void *b) { return strcmp(((const cameo_code *)a)->code, ((const cameo_code *)b)->code); }

/* Next white-space-separated field of a line, NUL-terminated in place. */
static char *field(char **p) {
    while (**p == ' ' || **p == '\t')
        (*p)++;
    if (!**p)
        return NULL;
    char *s = *p;
    while (**p && **p != ' ' && **p != '\t')
        (*p)++;
    if (**p)
        *(*p)++ = '\0';
    return s;
}

static const char *dash_null(const char *s) { return s && strcmp(s, "-") != 0 ? s : NULL; }

cameo_table *cameo_load(const char *path, petrel_error *err) {
    size_t len;
    char *buf = file_read_all(path, "CAMEO code table", &len, err);
    if (!buf)
        return NULL;
    cameo_table *t = calloc(1, sizeof *t);
    if (!t) {
        free(buf);
        err_nomem(err);
        return NULL;
    }
    t->text = buf;
    size_t lines = 1;
    for (size_t i = 0; i < len; i++)
        lines += buf[i] == '\n';
    t->codes = calloc(lines, sizeof *t->codes);
    if (!t->codes) {
        cameo_free(t);
        err_nomem(err);
        return NULL;
    }
    long lineno = 0;
    for (char *line = buf; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        lineno++;
        char *p = line;
        line = nl ? nl + 1 : NULL;
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p || *p == '#')
            continue;
        char *bar = strchr(p, '|');
        char *name = bar ? bar + 1 : NULL;
        if (bar)
            *bar = '\0';
        while (name && *name == ' ')
            name++;
        char *code = field(&p), *scale = field(&p), *quad = field(&p), *pl = field(&p), *mode = field(&p),
             *ctx = field(&p);
        char *end = NULL;
        double sv = scale ? strtod(scale, &end) : 0;
        if (!code || strlen(code) < 2 || strlen(code) > 4 || !scale || !end || *end || !quad || !pl || !mode ||
            !ctx || !name || quad[0] < '1' || quad[0] > '4' || quad[1]) {
            err_set(err, PETREL_ERR_FORMAT, path, lineno, -1, "bad CAMEO table line");
            cameo_free(t);
            return NULL;
        }
        cameo_code *c = &t->codes[t->n++];
        snprintf(c->code, sizeof c->code, "%s", code);
        c->scale = sv;
        c->quad = quad[0] - '0';
        c->plover = dash_null(pl);
        c->mode = dash_null(mode);
        c->context = dash_null(ctx);
        c->name = name;
    }
    qsort(t->codes, t->n, sizeof *t->codes, cmp);
    return t;
}

void cameo_free(cameo_table *t) {
    if (!t)
        return;
    free(t->codes);
    free(t->text);
    free(t);
}

static const cameo_code *find_exact(const cameo_table *t, const char *code) {
    cameo_code key;
    snprintf(key.code, sizeof key.code, "%s", code);
    return bsearch(&key, t->codes, t->n, sizeof *t->codes, cmp);
}

int cameo_has(const cameo_table *t, const char *code) { return find_exact(t, code) != NULL; }

const cameo_code *cameo_find(const cameo_table *t, const char *code) {
    char c[6];
    snprintf(c, sizeof c, "%s", code);
    while (strlen(c) >= 2) {
        const cameo_code *e = find_exact(t, c);
        if (e)
            return e;
        c[strlen(c) - 1] = '\0';
    }
    return NULL;
}

size_t cameo_count(const cameo_table *t) { return t->n; }

const cameo_code *cameo_at(const cameo_table *t, size_t i) { return i < t->n ? &t->codes[i] : NULL; }

const char *cameo_quad_name(int quad) {
    switch (quad) {
    case 1: return "verbal cooperation";
    case 2: return "material cooperation";
    case 3: return "verbal conflict";
    case 4: return "material conflict";
    default: return "unknown";
    }
}
