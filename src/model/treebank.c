/* treebank.c - annotated sentences in memory (see treebank.h). */
#include "treebank.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/error.h"
#include "../doc/doc.h"
#include "model.h"

static long add_str(treebank *tb, const char *s, size_t n) {
    if (!s || !n)
        return 0;
    if (tb->pool_len + n + 1 > tb->pool_cap) {
        size_t cap = tb->pool_cap ? tb->pool_cap * 2 : 1 << 20;
        while (cap < tb->pool_len + n + 1)
            cap *= 2;
        char *p = realloc(tb->pool, cap);
        if (!p)
            return -1;
        tb->pool = p;
        tb->pool_cap = cap;
    }
    long off = (long)tb->pool_len;
    memcpy(tb->pool + tb->pool_len, s, n);
    tb->pool[tb->pool_len + n] = '\0';
    tb->pool_len += n + 1;
    return off;
}

static long add0(treebank *tb, const char *s) { return s ? add_str(tb, s, strlen(s)) : 0; }

static uint64_t file_hash(const char *path, uint64_t h) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return h;
    char buf[1 << 16];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        h = model_hash_bytes(buf, n, h);
    fclose(f);
    return h;
}

static int load_one(treebank *tb, const char *path, petrel_error *err) {
    petrel_reader_options o = {.format = PETREL_FORMAT_CONLLU};
    petrel_reader *r = petrel_reader_open(path, &o, err);
    if (!r)
        return err ? err->code : PETREL_ERR_IO;
    petrel_doc *doc = petrel_doc_new();
    if (!doc) {
        petrel_reader_close(r);
        return err_nomem(err);
    }
    int rc, status = 0;
    while ((rc = petrel_reader_next(r, doc, err)) != 0) {
        if (rc < 0) {
            status = rc;
            break;
        }
        for (uint32_t si = 0; si < doc->nsents; si++) {
            const doc_sentence *s = &doc->sents[si];
            if (tb->nsents == tb->cap_sents) {
                size_t cap = tb->cap_sents ? tb->cap_sents * 2 : 1024;
                tb_sent *p = realloc(tb->sents, cap * sizeof *p);
                if (!p)
                    goto oom;
                tb->sents = p;
                tb->cap_sents = cap;
            }
            if (tb->nwords + s->count > tb->cap_words) {
                size_t cap = tb->cap_words ? tb->cap_words * 2 : 16384;
                while (cap < tb->nwords + s->count)
                    cap *= 2;
                tb_word *p = realloc(tb->words, cap * sizeof *p);
                if (!p)
                    goto oom;
                tb->words = p;
                tb->cap_words = cap;
            }
            tb->sents[tb->nsents].first = (uint32_t)tb->nwords;
            tb->sents[tb->nsents].count = s->count;
            tb->nsents++;
            for (uint32_t i = 0; i < s->count; i++) {
                const doc_word *w = &doc->words[s->first + i];
                tb_word *t = &tb->words[tb->nwords++];
                long v[7] = {add_str(tb, w->norm, w->norm_len), add0(tb, w->lemma), add0(tb, w->upos),
                             add0(tb, w->xpos), add0(tb, w->feats), add0(tb, w->deprel), 0};
                for (int k = 0; k < 6; k++)
                    if (v[k] < 0)
                        goto oom;
                t->norm = (uint32_t)v[0];
                t->norm_len = w->norm_len;
                t->lemma = (uint32_t)v[1];
                t->upos = (uint32_t)v[2];
                t->xpos = (uint32_t)v[3];
                t->feats = (uint32_t)v[4];
                t->deprel = (uint32_t)v[5];
                t->head = w->head;
            }
        }
    }
    petrel_doc_free(doc);
    petrel_reader_close(r);
    return status;
oom:
    petrel_doc_free(doc);
    petrel_reader_close(r);
    return err_nomem(err);
}

int treebank_load(treebank *tb, const char *paths, petrel_error *err) {
    if (!tb->pool && add_str(tb, "", 1) < 0) /* offset 0 is "" */
        return err_nomem(err);
    const char *p = paths;
    while (p && *p) {
        const char *comma = strchr(p, ',');
        size_t n = comma ? (size_t)(comma - p) : strlen(p);
        char path[1024];
        if (n >= sizeof path)
            return err_set(err, PETREL_ERR_ARG, NULL, 0, -1, "path too long");
        memcpy(path, p, n);
        path[n] = '\0';
        int rc = load_one(tb, path, err);
        if (rc)
            return rc;
        tb->hash = file_hash(path, tb->hash);
        const char *base = strrchr(path, '/');
        base = base ? base + 1 : path;
        size_t bl = strlen(base);
        if (bl > 7 && strcmp(base + bl - 7, ".conllu") == 0)
            bl -= 7;
        size_t have = strlen(tb->name);
        snprintf(tb->name + have, sizeof tb->name - have, "%s%.*s", have ? "+" : "", (int)bl, base);
        p = comma ? comma + 1 : NULL;
    }
    return 0;
}

void treebank_free(treebank *tb) {
    free(tb->pool);
    free(tb->words);
    free(tb->sents);
    memset(tb, 0, sizeof *tb);
}
