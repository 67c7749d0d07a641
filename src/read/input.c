/* input.c - buffered input for story readers (see input.h). */
#include "input.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define INPUT_CHUNK (256u * 1024u)

int input_open_file(input *in, const char *path) {
    memset(in, 0, sizeof *in);
    if (!path || strcmp(path, "-") == 0) {
        in->fp = stdin;
        snprintf(in->name, sizeof in->name, "-");
    } else {
        in->fp = fopen(path, "rb");
        if (!in->fp)
            return -1;
        in->owns_fp = 1;
        snprintf(in->name, sizeof in->name, "%s", path);
    }
    in->buf = malloc(INPUT_CHUNK);
    if (!in->buf) {
        if (in->owns_fp)
            fclose(in->fp);
        errno = ENOMEM;
        return -1;
    }
    in->buf_cap = INPUT_CHUNK;
    return 0;
}

void input_open_memory(input *in, const char *name, const char *bytes, size_t len) {
    memset(in, 0, sizeof *in);
    in->mem = bytes;
    in->mem_len = len;
    snprintf(in->name, sizeof in->name, "%s", name ? name : "<memory>");
}

void input_close(input *in) {
    if (in->owns_fp && in->fp)
        fclose(in->fp);
    free(in->buf);
    free(in->line);
    memset(in, 0, sizeof *in);
}

/* Reads more bytes into the buffer, keeping unread ones.  Returns the
 * number of bytes added (0 at end or error). */
static size_t fill(input *in) {
    if (in->eof || in->error)
        return 0;
    if (in->buf_start > 0) {
        memmove(in->buf, in->buf + in->buf_start, in->buf_end - in->buf_start);
        in->buf_end -= in->buf_start;
        in->buf_start = 0;
    }
    if (in->buf_end == in->buf_cap)
        return 0;
    size_t got = fread(in->buf + in->buf_end, 1, in->buf_cap - in->buf_end, in->fp);
    if (got == 0) {
        if (ferror(in->fp)) {
            in->error = 1;
            in->err_no = errno;
        }
        in->eof = 1;
    }
    in->buf_end += got;
    return got;
}

void input_peek(input *in, size_t n, const char **out, size_t *out_len) {
    if (in->mem) {
        *out = in->mem + (size_t)in->offset;
        size_t left = in->mem_len - (size_t)in->offset;
        *out_len = left < n ? left : n;
        return;
    }
    if (n > in->buf_cap)
        n = in->buf_cap;
    while (in->buf_end - in->buf_start < n && fill(in) > 0) {
    }
    *out = in->buf + in->buf_start;
    size_t have = in->buf_end - in->buf_start;
    *out_len = have < n ? have : n;
}

/* Appends bytes to the assembled line unless it already passed max. */
static int line_append(input *in, size_t *len, const char *p, size_t n, size_t max, int *too_long) {
    if (*too_long)
        return 0;
    if (*len + n > max) {
        *too_long = 1;
        return 0;
    }
    if (*len + n + 1 > in->line_cap) {
        size_t cap = in->line_cap ? in->line_cap : 4096;
        while (cap < *len + n + 1)
            cap *= 2;
        char *nl = realloc(in->line, cap);
        if (!nl) {
            /* Cannot hold it: treat as too long so the caller reports it and
             * the stream goes on. */
            *too_long = 1;
            return 0;
        }
        in->line = nl;
        in->line_cap = cap;
    }
    memcpy(in->line + *len, p, n);
    *len += n;
    return 0;
}

int input_getline(input *in, size_t max, const char **line, size_t *len, int *too_long, long long *start) {
    *too_long = 0;
    *start = in->offset;
    if (in->mem) {
        if ((size_t)in->offset >= in->mem_len)
            return 0;
        const char *p = in->mem + in->offset;
        size_t left = in->mem_len - (size_t)in->offset;
        const char *nl = memchr(p, '\n', left);
        size_t n = nl ? (size_t)(nl - p) : left;
        in->offset += (long long)(n + (nl ? 1 : 0));
        in->lineno++;
        if (n > 0 && p[n - 1] == '\r')
            n--;
        if (n > max) {
            *too_long = 1;
            n = 0;
        }
        *line = p;
        *len = n;
        return 1;
    }
    size_t n = 0;
    int any = 0;
    for (;;) {
        if (in->buf_start == in->buf_end && fill(in) == 0) {
            if (in->error)
                return -1;
            if (!any)
                return 0;
            break;
        }
        any = 1;
        const char *p = in->buf + in->buf_start;
        size_t avail = in->buf_end - in->buf_start;
        const char *nl = memchr(p, '\n', avail);
        size_t take = nl ? (size_t)(nl - p) : avail;
        line_append(in, &n, p, take, max, too_long);
        in->buf_start += take + (nl ? 1 : 0);
        in->offset += (long long)(take + (nl ? 1 : 0));
        if (nl)
            break;
    }
    in->lineno++;
    if (*too_long)
        n = 0;
    if (n > 0 && in->line[n - 1] == '\r')
        n--;
    *line = in->line ? in->line : "";
    *len = n;
    return 1;
}

int input_blank(const char *p, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r' && p[i] != '\n')
            return 0;
    return 1;
}

int input_read_all(input *in, size_t max, const char **out, size_t *len, int *too_long) {
    *too_long = 0;
    if (in->mem) {
        size_t left = in->mem_len - (size_t)in->offset;
        *out = in->mem + in->offset;
        in->offset += (long long)left;
        if (left > max) {
            *too_long = 1;
            left = 0;
        }
        *len = left;
        return 0;
    }
    size_t n = 0;
    for (;;) {
        if (in->buf_start == in->buf_end && fill(in) == 0)
            break;
        const char *p = in->buf + in->buf_start;
        size_t avail = in->buf_end - in->buf_start;
        line_append(in, &n, p, avail, max, too_long);
        in->buf_start += avail;
        in->offset += (long long)avail;
    }
    if (in->error)
        return -1;
    if (*too_long)
        n = 0;
    *out = in->line ? in->line : "";
    *len = n;
    return 0;
}
