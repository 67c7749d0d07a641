/*
 * cli.c - shared pieces of the petrel program (see cli.h).
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

void cli_say(const char *fmt, ...) {
    va_list ap;
    fputs("petrel: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

void cli_error(const petrel_error *err) {
    fputs("petrel: ", stderr);
    if (err->file[0]) {
        fputs(err->file, stderr);
        if (err->line > 0)
            fprintf(stderr, ":%ld", err->line);
        fputs(": ", stderr);
    }
    fputs(err->message[0] ? err->message : petrel_status_name(err->code), stderr);
    if (err->offset >= 0 && !strstr(err->message, "offset"))
        fprintf(stderr, " (byte offset %lld)", err->offset);
    fputc('\n', stderr);
}

unsigned cli_doc_warnings(const petrel_doc *doc) {
    size_t n = petrel_doc_warning_count(doc);
    for (size_t i = 0; i < n; i++) {
        const petrel_error *w = petrel_doc_warning(doc, i);
        fputs("petrel: warning: ", stderr);
        if (w->file[0]) {
            fputs(w->file, stderr);
            if (w->line > 0)
                fprintf(stderr, ":%ld", w->line);
            fputs(": ", stderr);
        }
        fputs(w->message, stderr);
        if (w->offset >= 0)
            fprintf(stderr, " (file offset %lld)", w->offset);
        fputc('\n', stderr);
    }
    return (unsigned)n;
}

int cli_out_open(cli_out *o, const char *path) {
    memset(o, 0, sizeof *o);
    if (!path || strcmp(path, "-") == 0) {
        o->f = stdout;
        return 0;
    }
    size_t n = strlen(path);
    o->path = malloc(n + 1);
    o->tmp = malloc(n + 9);
    if (!o->path || !o->tmp) {
        free(o->path);
        free(o->tmp);
        cli_say("out of memory");
        return -1;
    }
    memcpy(o->path, path, n + 1);
    snprintf(o->tmp, n + 9, "%s.partial", path);
    o->f = fopen(o->tmp, "wb");
    if (!o->f) {
        cli_say("%s: cannot write: %s", o->tmp, strerror(errno));
        free(o->path);
        free(o->tmp);
        return -1;
    }
    return 0;
}

int cli_out_close(cli_out *o, int ok) {
    int rc = 0;
    if (!o->f)
        return 0;
    if (fflush(o->f) != 0 || ferror(o->f)) {
        cli_say("%s: write error: %s", o->path ? o->tmp : "standard output", strerror(errno));
        rc = -1;
    }
    if (o->path) {
        if (fclose(o->f) != 0 && rc == 0) {
            cli_say("%s: write error: %s", o->tmp, strerror(errno));
            rc = -1;
        }
        if (ok && rc == 0) {
            if (rename(o->tmp, o->path) != 0) {
                cli_say("%s: cannot rename to %s: %s", o->tmp, o->path, strerror(errno));
                rc = -1;
            }
        } else {
            remove(o->tmp);
        }
        free(o->path);
        free(o->tmp);
    }
    o->f = NULL;
    return rc;
}

double cli_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void cli_progress_start(cli_progress *p, int quiet) {
    memset(p, 0, sizeof *p);
    p->enabled = !quiet && isatty(STDERR_FILENO);
    p->start = p->last = cli_now();
}

void cli_progress_tick(cli_progress *p) {
    if (!p->enabled)
        return;
    double now = cli_now();
    if (now - p->last < 0.5)
        return;
    p->last = now;
    double el = now - p->start;
    fprintf(stderr, "\rpetrel: %llu stories, %llu sentences, %.1f MB, %.0f s", p->stories, p->sentences,
            (double)p->bytes / 1e6, el);
    fflush(stderr);
}

void cli_progress_end(cli_progress *p) {
    if (p->enabled && p->last > p->start)
        fputs("\r\033[K", stderr);
}

int cli_input_option(cli_input_opts *o, const char *name, const char *value) {
    if (strcmp(name, "format") == 0) {
        if (petrel_format_parse(value, &o->reader.format) != 0) {
            cli_say("unknown input format \"%s\" (auto, text, jsonl, petrarch, tabari, conllu)", value);
            return -1;
        }
        return 1;
    }
    if (strcmp(name, "date") == 0) {
        if (petrel_date_parse(value, &o->reader.default_date) != 0) {
            cli_say("--date wants YYYY-MM-DD, not \"%s\"", value);
            return -1;
        }
        return 1;
    }
    if (strcmp(name, "max-story-bytes") == 0) {
        char *end;
        unsigned long long v = strtoull(value, &end, 10);
        if (*end || v == 0) {
            cli_say("--max-story-bytes wants a positive number, not \"%s\"", value);
            return -1;
        }
        o->reader.max_story_bytes = (size_t)v;
        return 1;
    }
    return 0;
}

int cli_read_story(petrel_reader *r, petrel_doc *doc, unsigned long *failures) {
    petrel_error err;
    for (;;) {
        int rc = petrel_reader_next(r, doc, &err);
        if (rc >= 0)
            return rc;
        cli_error(&err);
        (*failures)++;
        if (rc == PETREL_ERR_IO)
            return 0;
    }
}

int cli_each_story(char **files, int nfiles, const cli_input_opts *o, cli_story_fn fn, void *ctx,
                   unsigned long *failures, cli_progress *progress) {
    char *stdin_name[] = {"-"};
    if (nfiles == 0) {
        files = stdin_name;
        nfiles = 1;
    }
    petrel_doc *doc = petrel_doc_new();
    if (!doc) {
        cli_say("out of memory");
        return -1;
    }
    int stopped = 0;
    for (int i = 0; i < nfiles && !stopped; i++) {
        petrel_error err;
        petrel_reader *r = petrel_reader_open(files[i], &o->reader, &err);
        if (!r) {
            cli_error(&err);
            (*failures)++;
            continue;
        }
        while (cli_read_story(r, doc, failures)) {
            cli_doc_warnings(doc);
            if (fn(doc, ctx) != 0) {
                stopped = 1;
                break;
            }
            if (progress) {
                petrel_story st;
                petrel_doc_story(doc, &st);
                progress->stories++;
                progress->sentences += petrel_doc_sentence_count(doc);
                progress->bytes += st.text_len;
                cli_progress_tick(progress);
            }
        }
        petrel_reader_close(r);
    }
    petrel_doc_free(doc);
    return stopped ? -1 : 0;
}

int cli_parse_opt(int argc, char **argv, int *i, const char *const *with_value, const char **name, const char **value,
                  char *namebuf, size_t namebuf_len) {
    const char *a = argv[*i];
    *value = NULL;
    if (a[0] != '-' || a[1] == '\0')
        return 0; /* an operand ("-" is standard input) */
    if (a[1] == '-' && a[2] == '\0') {
        (*i)++;
        return 2; /* "--": operands follow */
    }
    const char *n = a[1] == '-' ? a + 2 : a + 1;
    const char *eq = strchr(n, '=');
    size_t nl = eq ? (size_t)(eq - n) : strlen(n);
    if (nl >= namebuf_len)
        nl = namebuf_len - 1;
    memcpy(namebuf, n, nl);
    namebuf[nl] = '\0';
    *name = namebuf;
    int takes = 0;
    for (size_t k = 0; with_value[k]; k++)
        if (strcmp(with_value[k], namebuf) == 0)
            takes = 1;
    /* "-j4": a one-letter option with its value attached */
    if (!takes && a[1] != '-' && !eq && nl > 1) {
        char one[2] = {n[0], '\0'};
        for (size_t k = 0; with_value[k]; k++)
            if (strcmp(with_value[k], one) == 0) {
                namebuf[1] = '\0';
                *value = n + 1;
                (*i)++;
                return 1;
            }
    }
    if (takes) {
        if (eq)
            *value = eq + 1;
        else if (*i + 1 < argc)
            *value = argv[++*i];
        else {
            cli_say("option %s needs a value", a);
            return -1;
        }
    } else if (eq) {
        cli_say("option --%s takes no value", namebuf);
        return -1;
    }
    (*i)++;
    return 1;
}
