/*
 * input.h - buffered byte input for the story readers: a file, standard
 * input or a memory buffer, read by line or whole, with line numbers and
 * byte offsets kept for messages, and a hard bound on what is held at once.
 *
 * A line longer than the bound is not kept: it is consumed to its end and
 * reported as truncated, so one 1 GB line costs a bounded buffer, not 1 GB.
 */
#ifndef PETREL_READ_INPUT_H
#define PETREL_READ_INPUT_H

#include <stddef.h>
#include <stdio.h>

typedef struct input {
    FILE *fp;             /* NULL when reading memory */
    int owns_fp;          /* fclose at input_close */
    const char *mem;      /* memory input */
    size_t mem_len;
    char *buf;            /* read buffer (file input) */
    size_t buf_cap, buf_start, buf_end;
    char *line;           /* assembled line (file input) */
    size_t line_cap;
    long lineno;          /* line number of the line last returned (1-based) */
    long long offset;     /* file offset of the next unread byte */
    int eof;              /* the source is exhausted */
    int error;            /* a read error happened (errno saved in err_no) */
    int err_no;
    char name[256];       /* for messages: the path, or "-" */
} input;

/* Opens path ("-" or NULL: standard input).  Returns 0 or -1 (errno set). */
int input_open_file(input *in, const char *path);

/* Reads from memory (borrowed). */
void input_open_memory(input *in, const char *name, const char *bytes, size_t len);

void input_close(input *in);

/* Makes the first n bytes (or all there are) visible without consuming
 * them; returns the count available in *out_len at *out. */
void input_peek(input *in, size_t n, const char **out, size_t *out_len);

/* Reads one line (without its '\n'; a '\r' before it is removed too).
 * Returns 1 with the line in *line / *len, 0 at end of input, -1 on a read
 * error.  A line of more than max bytes sets *too_long, is consumed to its
 * end, and comes back empty.  *start gets the file offset of the line.
 * The pointer is valid until the next call. */
int input_getline(input *in, size_t max, const char **line, size_t *len, int *too_long, long long *start);

/* 1 when p[0..n) is only spaces, tabs and line breaks (p need not be
 * NUL-terminated: lines from memory input are not). */
int input_blank(const char *p, size_t n);

/* Reads everything left (at most max bytes are kept: beyond that the rest
 * is consumed, *too_long set and nothing returned).  Returns 0, or -1 on a
 * read error.  The pointer is valid until the next call. */
int input_read_all(input *in, size_t max, const char **out, size_t *len, int *too_long);

#endif
