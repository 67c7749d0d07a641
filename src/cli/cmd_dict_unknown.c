/*
 * cmd_dict_unknown.c - `petrel dict unknown [FILE...]`: the worklist of the
 * next dictionary update.  Codes every story and counts the proper nouns in
 * actor positions (subjects, objects, possessors, appositions, objects of
 * with / against / to / by ...) that no dictionary codes, with the number of
 * times each is the source or target of a coded event and an example
 * sentence; the most frequent first.
 */
#include <stdlib.h>
#include <string.h>

#include "../base/intern.h"
#include "../doc/doc.h"
#include "cli.h"

typedef struct unknown_ctx {
    const petrel *p;
    intern *names;
    unsigned long *count, *in_event;
    char **example;
    size_t cap;
    int failed;
} unknown_ctx;

static int each(petrel_doc *doc, void *arg) {
    unknown_ctx *c = arg;
    petrel_error err;
    if (petrel_code(c->p, doc, &err) != 0) {
        cli_error(&err);
        return 0;
    }
    for (uint32_t i = 0; i < doc->nmentions; i++) {
        const doc_mention *m = &doc->mentions[i];
        if (m->ncodes || m->pronoun || m->kind != MENTION_UNKNOWN)
            continue;
        /* the name without a leading article */
        uint32_t s = m->start;
        const doc_word *w = &doc->words[s];
        if (s + 1 < m->end && w->norm_len == 3 && (memcmp(w->norm, "the", 3) == 0 || memcmp(w->norm, "The", 3) == 0))
            s++;
        uint32_t a = doc->words[s].start, b = doc->words[m->end - 1].start + doc->words[m->end - 1].len;
        if (b - a > 120)
            continue;
        int32_t id = intern_add(c->names, doc->text + a, b - a);
        if (id < 0) {
            c->failed = 1;
            return -1;
        }
        if ((size_t)id >= c->cap) {
            size_t cap = c->cap ? c->cap * 2 : 1024;
            unsigned long *cn = realloc(c->count, cap * sizeof *cn);
            if (cn)
                c->count = cn;
            unsigned long *ie = realloc(c->in_event, cap * sizeof *ie);
            if (ie)
                c->in_event = ie;
            char **ex = realloc(c->example, cap * sizeof *ex);
            if (ex)
                c->example = ex;
            if (!cn || !ie || !ex) {
                c->failed = 1;
                return -1;
            }
            memset(c->count + c->cap, 0, (cap - c->cap) * sizeof *c->count);
            memset(c->in_event + c->cap, 0, (cap - c->cap) * sizeof *c->in_event);
            memset(c->example + c->cap, 0, (cap - c->cap) * sizeof *c->example);
            c->cap = cap;
        }
        c->count[id]++;
        for (uint32_t e = 0; e < doc->nevents; e++)
            if (doc->events[e].source == (int32_t)i || doc->events[e].target == (int32_t)i)
                c->in_event[id]++;
        if (!c->example[id]) {
            const doc_sentence *st = &doc->sents[m->sent];
            size_t n = st->end - st->start;
            c->example[id] = malloc(n + 1);
            if (c->example[id]) {
                memcpy(c->example[id], doc->text + st->start, n);
                c->example[id][n] = '\0';
                for (size_t k = 0; k < n; k++)
                    if (c->example[id][k] == '\n' || c->example[id][k] == '\t')
                        c->example[id][k] = ' ';
            }
        }
    }
    return 0;
}

typedef struct row {
    unsigned long score; /* mentions + uses in events */
    const char *name;
    int32_t id;
} row;

static int by_score(const void *a, const void *b) {
    const row *x = a, *y = b;
    if (x->score != y->score)
        return x->score < y->score ? 1 : -1;
    return strcmp(x->name, y->name);
}

static void help(FILE *f) {
    fprintf(f, "usage: petrel dict unknown [--top N] [OPTIONS] [FILE...]\n\n"
               "Codes the stories and lists the proper nouns in actor positions that no\n"
               "dictionary codes, most frequent first, with an example sentence each.\n\n"
               "options:\n"
               "  --top N              how many to list (default 100)\n"
               "  --format F           input format: auto, text, jsonl, petrarch, tabari, conllu\n"
               "  --date YYYY-MM-DD    story date for stories that give none\n");
    fputs(cli_code_help, f);
}

static int own_option(void *ctx, const char *name, const char *value) {
    if (strcmp(name, "top") != 0)
        return 0;
    long *top = ctx;
    *top = strtol(value, NULL, 10);
    if (*top < 1)
        *top = 100;
    return 1;
}

int cmd_dict_unknown(int argc, char **argv) {
    static const char *const with_value[] = {"top", NULL};
    cli_input_opts in = {0};
    cli_code_opts co = {0};
    long top = 100;
    char **files = malloc(sizeof *files * (size_t)(argc > 0 ? argc : 1));
    int nfiles = 0;
    if (!files)
        return EXIT_FATAL;
    cli_spec spec = {.cmd = "dict unknown", .help = help, .in = &in, .code = &co, .own_with_value = with_value,
                     .own = own_option, .ctx = &top};
    int args = cli_args(argc, argv, &spec, files, argc, &nfiles);
    if (args) {
        free(files);
        return args > 0 ? EXIT_OK : EXIT_USAGE;
    }
    co.quiet_dict = 1;
    unknown_ctx c = {0};
    c.p = cli_open_coder(&co);
    c.names = intern_new();
    if (!c.p || !c.names) {
        petrel_close((petrel *)c.p);
        intern_free(c.names);
        free(files);
        return EXIT_FATAL;
    }
    unsigned long failures = 0;
    cli_progress progress;
    cli_progress_start(&progress, 0);
    cli_each_story(files, nfiles, &in, each, &c, &failures, &progress);
    cli_progress_end(&progress);
    size_t n = intern_count(c.names);
    row *order = malloc((n ? n : 1) * sizeof *order);
    int rc = EXIT_OK;
    if (!order || c.failed) {
        cli_say("out of memory");
        rc = EXIT_FATAL;
    } else {
        for (size_t i = 0; i < n; i++)
            order[i] = (row){c.count[i] + c.in_event[i], intern_str(c.names, (int32_t)i), (int32_t)i};
        qsort(order, n, sizeof *order, by_score);
        printf("count\tin_events\tname\texample\n");
        for (size_t i = 0; i < n && (long)i < top; i++) {
            int32_t id = order[i].id;
            printf("%lu\t%lu\t%s\t%s\n", c.count[id], c.in_event[id], order[i].name, c.example[id] ? c.example[id] : "");
        }
    }
    for (size_t i = 0; i < n && i < c.cap; i++)
        free(c.example[i]);
    free(order);
    free(c.count);
    free(c.in_event);
    free(c.example);
    intern_free(c.names);
    petrel_close((petrel *)c.p);
    free(files);
    if (rc)
        return rc;
    return failures ? EXIT_PARTIAL : EXIT_OK;
}
