/* model.c - mapping, checking and writing model files (see model.h). */
#define _POSIX_C_SOURCE 200809L
#include "model.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../base/error.h"

_Static_assert(sizeof(model_header) == 128, "model_header is 128 bytes on disk");
_Static_assert(sizeof(model_section) == 32, "model_section is 32 bytes on disk");

uint64_t model_checksum(const void *bytes, size_t size) {
    const unsigned char *p = bytes;
    uint64_t l[4] = {0x243f6a8885a308d3ULL, 0x13198a2e03707344ULL, 0xa4093822299f31d0ULL, 0x082efa98ec4e6c89ULL};
    size_t i = 0;
    for (; i + 32 <= size; i += 32)
        for (int k = 0; k < 4; k++) {
            uint64_t w;
            memcpy(&w, p + i + 8 * k, 8);
            l[k] = (l[k] ^ w) * 0x9e3779b97f4a7c15ULL;
            l[k] ^= l[k] >> 29;
        }
    uint64_t h = size;
    for (int k = 0; k < 4; k++)
        h = model_mix64(h ^ l[k]);
    for (; i < size; i++)
        h = model_mix64(h ^ p[i]);
    return h;
}

static int refuse(model_file *m, petrel_error *err, const char *path, const char *why) {
    model_close(m);
    return err_set(err, PETREL_ERR_MODEL, path, 0, -1, "not a usable petrel model: %s", why);
}

int model_open(model_file *m, const char *path, const char *kind, uint64_t template_hash, petrel_error *err) {
    memset(m, 0, sizeof *m);
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return err_set(err, errno == ENOENT ? PETREL_ERR_MODEL : PETREL_ERR_IO, path, 0, -1, "cannot open model: %s",
                       strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return err_set(err, PETREL_ERR_MODEL, path, 0, -1, "not a regular file");
    }
    if ((size_t)st.st_size < sizeof(model_header)) {
        close(fd);
        return err_set(err, PETREL_ERR_MODEL, path, 0, -1, "not a usable petrel model: truncated (%lld bytes)",
                       (long long)st.st_size);
    }
    void *base = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (base == MAP_FAILED)
        return err_set(err, PETREL_ERR_IO, path, 0, -1, "cannot map model: %s", strerror(errno));
    m->base = base;
    m->size = (size_t)st.st_size;
    snprintf(m->path, sizeof m->path, "%s", path);
    const model_header *h = (const model_header *)m->base;
    m->header = h;
    if (memcmp(h->magic, MODEL_MAGIC, 8) != 0)
        return refuse(m, err, path, "wrong magic (not a model file)");
    if (h->byte_order != MODEL_BYTE_ORDER)
        return refuse(m, err, path, "written on a machine of the other byte order");
    if (h->version != MODEL_FORMAT_VERSION) {
        char why[96];
        snprintf(why, sizeof why, "format version %u, this petrel reads %u", h->version, MODEL_FORMAT_VERSION);
        return refuse(m, err, path, why);
    }
    if (strncmp(h->kind, kind, sizeof h->kind) != 0) {
        char why[96];
        snprintf(why, sizeof why, "a %.16s model where a %s model was expected", h->kind, kind);
        return refuse(m, err, path, why);
    }
    if (h->payload_size != m->size - sizeof *h)
        return refuse(m, err, path, "truncated or extended (size differs from its header)");
    if (h->template_hash != template_hash)
        return refuse(m, err, path, "trained with other feature templates (retrain it with this petrel)");
    if (model_checksum(m->base + sizeof *h, m->size - sizeof *h) != h->checksum)
        return refuse(m, err, path, "checksum mismatch (corrupted)");
    if ((uint64_t)h->nsections * sizeof(model_section) > h->payload_size)
        return refuse(m, err, path, "bad section directory");
    m->sections = (const model_section *)(m->base + sizeof *h);
    for (uint32_t i = 0; i < h->nsections; i++) {
        const model_section *s = &m->sections[i];
        if (s->offset % 8 || s->offset > m->size || s->size > m->size - s->offset)
            return refuse(m, err, path, "a section lies outside the file");
    }
    return 0;
}

void model_close(model_file *m) {
    if (m->base)
        munmap((void *)m->base, m->size);
    memset(m, 0, sizeof *m);
}

const void *model_section_get(const model_file *m, const char *name, size_t elem, size_t *count) {
    if (!m->header)
        return NULL;
    for (uint32_t i = 0; i < m->header->nsections; i++) {
        const model_section *s = &m->sections[i];
        if (strncmp(s->name, name, sizeof s->name) != 0)
            continue;
        if (elem && s->size % elem)
            return NULL;
        if (count)
            *count = elem ? (size_t)(s->size / elem) : (size_t)s->size;
        return m->base + s->offset;
    }
    return NULL;
}

void model_writer_init(model_writer *w, const char *kind, uint64_t template_hash, uint64_t data_hash,
                       const char *data_name, uint64_t seed) {
    memset(w, 0, sizeof *w);
    memcpy(w->header.magic, MODEL_MAGIC, 8);
    w->header.version = MODEL_FORMAT_VERSION;
    w->header.byte_order = MODEL_BYTE_ORDER;
    snprintf(w->header.kind, sizeof w->header.kind, "%s", kind);
    w->header.template_hash = template_hash;
    w->header.data_hash = data_hash;
    w->header.seed = seed;
    snprintf(w->header.data_name, sizeof w->header.data_name, "%s", data_name ? data_name : "");
}

void model_writer_add(model_writer *w, const char *name, const void *bytes, size_t size) {
    if (w->failed)
        return;
    if (w->n == w->cap) {
        uint32_t cap = w->cap ? w->cap * 2 : 16;
        model_section *s = realloc(w->sections, cap * sizeof *s);
        if (s)
            w->sections = s;
        void **b = realloc(w->bodies, cap * sizeof *b);
        if (b)
            w->bodies = b;
        if (!s || !b) {
            w->failed = 1;
            return;
        }
        w->cap = cap;
    }
    void *copy = malloc(size ? size : 1);
    if (!copy) {
        w->failed = 1;
        return;
    }
    if (size)
        memcpy(copy, bytes, size);
    model_section *s = &w->sections[w->n];
    memset(s, 0, sizeof *s);
    snprintf(s->name, sizeof s->name, "%s", name);
    s->size = size;
    w->bodies[w->n++] = copy;
}

static void writer_free(model_writer *w) {
    for (uint32_t i = 0; i < w->n; i++)
        free(w->bodies[i]);
    free(w->bodies);
    free(w->sections);
    w->bodies = NULL;
    w->sections = NULL;
    w->n = w->cap = 0;
}

void model_writer_discard(model_writer *w) { writer_free(w); }

int model_writer_save(model_writer *w, const char *path, petrel_error *err) {
    if (w->failed) {
        writer_free(w);
        return err_nomem(err);
    }
    size_t off = sizeof(model_header) + (size_t)w->n * sizeof(model_section);
    for (uint32_t i = 0; i < w->n; i++) {
        off = (off + 7) & ~(size_t)7;
        w->sections[i].offset = off;
        off += w->sections[i].size;
    }
    size_t total = (off + 7) & ~(size_t)7;
    unsigned char *buf = calloc(1, total);
    if (!buf) {
        writer_free(w);
        return err_nomem(err);
    }
    w->header.nsections = w->n;
    w->header.payload_size = total - sizeof(model_header);
    memcpy(buf + sizeof(model_header), w->sections, (size_t)w->n * sizeof(model_section));
    for (uint32_t i = 0; i < w->n; i++)
        memcpy(buf + w->sections[i].offset, w->bodies[i], w->sections[i].size);
    w->header.checksum = model_checksum(buf + sizeof(model_header), total - sizeof(model_header));
    memcpy(buf, &w->header, sizeof w->header);
    writer_free(w);

    char tmp[600];
    snprintf(tmp, sizeof tmp, "%s.partial", path);
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        int e = errno;
        free(buf);
        return err_set(err, PETREL_ERR_IO, tmp, 0, -1, "cannot write: %s", strerror(e));
    }
    size_t put = fwrite(buf, 1, total, f);
    free(buf);
    if (fclose(f) != 0 || put != total) {
        remove(tmp);
        return err_set(err, PETREL_ERR_IO, tmp, 0, -1, "write error");
    }
    if (rename(tmp, path) != 0) {
        int e = errno;
        remove(tmp);
        return err_set(err, PETREL_ERR_IO, path, 0, -1, "cannot rename %s: %s", tmp, strerror(e));
    }
    return 0;
}

void kv_build(model_writer *w, const char *name, const uint64_t *keys, const uint32_t *values, size_t n) {
    size_t cap = 16;
    while (cap < n * 10 / 7 + 1)
        cap *= 2;
    kv_slot *t = calloc(cap, sizeof *t);
    if (!t) {
        w->failed = 1;
        return;
    }
    for (size_t k = 0; k < n; k++) {
        uint64_t key = keys[k] ? keys[k] : 1;
        size_t i = (uint32_t)(key ^ (key >> 32)) & (cap - 1);
        while (t[i].key && t[i].key != key)
            i = (i + 1) & (cap - 1);
        if (t[i].key)
            continue;
        t[i].key = key;
        t[i].value = values[k];
    }
    model_writer_add(w, name, t, cap * sizeof *t);
    free(t);
}

int kv_load(kvtable *t, const model_file *m, const char *name) {
    size_t n;
    memset(t, 0, sizeof *t);
    const kv_slot *s = model_section_get(m, name, sizeof(kv_slot), &n);
    if (!s || n == 0 || (n & (n - 1)) || n > UINT32_MAX)
        return -1;
    size_t empty = 0;
    for (size_t i = 0; i < n; i++)
        empty += s[i].key == 0;
    if (!empty)
        return -1;
    t->slots = s;
    t->mask = (uint32_t)(n - 1);
    return 0;
}
