/* file.c - reading a whole file (see file.h). */
#include "file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"

char *file_read_all(const char *path, const char *what, size_t *len, petrel_error *err) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        err_set(err, PETREL_ERR_IO, path, 0, -1, "cannot open the %s: %s", what, strerror(errno));
        return NULL;
    }
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap + 1);
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *nb = realloc(buf, cap * 2 + 1);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    int bad = ferror(f);
    fclose(f);
    if (!buf) {
        err_nomem(err);
        return NULL;
    }
    if (bad) {
        free(buf);
        err_set(err, PETREL_ERR_IO, path, 0, -1, "cannot read the %s", what);
        return NULL;
    }
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}
