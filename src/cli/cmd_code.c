/*
 * cmd_code.c - `petrel code` (stories in, events out, on all cores, in
 * input order) and `petrel explain` (one sentence or story, with every
 * decision the coder made).
 */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../doc/doc.h"
#include "../sink/conllu_out.h"
#include "../sink/events_out.h"
#include "../api/api.h"
#include "cli.h"
#include "pipeline.h"

enum { OUT_TABLE, OUT_JSON, OUT_TSV };

typedef struct code_ctx {
    const petrel *p;
    FILE *out;
    int format;
    unsigned long events;
} code_ctx;

static int process(petrel_doc *doc, void *ctx, int worker, petrel_error *err) {
    (void)worker;
    code_ctx *c = ctx;
    return petrel_code(c->p, doc, err);
}

static int emit(petrel_doc *doc, void *ctx) {
    code_ctx *c = ctx;
    const cameo_table *cameo = c->p->coder->cameo;
    c->events += doc->nevents;
    if (c->format == OUT_JSON)
        events_json_write(c->out, doc, cameo);
    else if (c->format == OUT_TSV)
        events_tsv_write(c->out, doc, cameo);
    else
        events_table_write(c->out, doc, cameo);
    return ferror(c->out) ? -1 : 0;
}

static void code_help(FILE *f) {
    fprintf(f, "usage: petrel code [OPTIONS] [FILE...]\n\n"
               "Codes the political events that stories report: source and target actors,\n"
               "CAMEO and PLOVER event types, date, place, negation and modality, and the\n"
               "words that say so (docs/schema.md).  Stories are coded on all cores and\n"
               "written in input order.\n\n"
               "options:\n"
               "  --format F           input format: auto, text, jsonl, petrarch, tabari, conllu\n"
               "  --date YYYY-MM-DD    story date for stories that give none\n"
               "  --max-story-bytes N  larger stories are reported and skipped (default 8 MiB)\n"
               "  --output-format F    table (default on a terminal), jsonl (default otherwise)\n"
               "                       or tsv\n"
               "  -o, --output FILE    write to FILE (it appears only when complete)\n"
               "  -j, --jobs N         worker threads (default: all cores)\n"
               "  -q, --quiet          no progress line\n");
    fputs(cli_code_help, f);
    fputs("  -h, --help           this help\n", f);
}

/* Options of code and explain; returns 1 when handled, 0 not, -1 bad. */
static int common_option(cli_input_opts *in, cli_code_opts *co, const char *name, const char *value) {
    int h = cli_input_option(in, name, value);
    if (h)
        return h;
    return cli_code_option(co, name, value);
}

int cmd_code(int argc, char **argv) {
    static const char *const with_value[] = {"format", "date", "max-story-bytes", "output-format", "o", "output",
                                             "j", "jobs", CLI_CODE_VALUE_OPTS, NULL};
    cli_input_opts in = {0};
    cli_code_opts co = {0};
    const char *output = NULL;
    int format = -1, jobs = 0;
    char **files = malloc(sizeof *files * (size_t)(argc > 0 ? argc : 1));
    int nfiles = 0, operands_only = 0;
    if (!files)
        return EXIT_FATAL;
    for (int i = 1; i < argc;) {
        const char *name, *value;
        char nb[64];
        int r = operands_only ? 0 : cli_parse_opt(argc, argv, &i, with_value, &name, &value, nb, sizeof nb);
        if (r < 0)
            goto usage;
        if (r == 0) {
            files[nfiles++] = argv[i++];
            continue;
        }
        if (r == 2) {
            operands_only = 1;
            continue;
        }
        int h = common_option(&in, &co, name, value);
        if (h < 0)
            goto usage;
        if (h)
            continue;
        if (!strcmp(name, "h") || !strcmp(name, "help")) {
            code_help(stdout);
            free(files);
            return EXIT_OK;
        } else if (!strcmp(name, "q") || !strcmp(name, "quiet")) {
            in.quiet = 1;
        } else if (!strcmp(name, "o") || !strcmp(name, "output")) {
            output = value;
        } else if (!strcmp(name, "j") || !strcmp(name, "jobs")) {
            char *end;
            long v = strtol(value, &end, 10);
            if (*end || v < 1 || v > 1024) {
                cli_say("--jobs wants a number from 1 to 1024, not \"%s\"", value);
                goto usage;
            }
            jobs = (int)v;
        } else if (!strcmp(name, "output-format")) {
            if (!strcmp(value, "table"))
                format = OUT_TABLE;
            else if (!strcmp(value, "jsonl") || !strcmp(value, "json"))
                format = OUT_JSON;
            else if (!strcmp(value, "tsv"))
                format = OUT_TSV;
            else {
                cli_say("--output-format wants table, jsonl or tsv, not \"%s\"", value);
                goto usage;
            }
        } else {
            cli_say("code: unknown option \"%s\"; see 'petrel code --help'", argv[i - 1]);
            goto usage;
        }
    }
    if (format < 0)
        format = (!output && isatty(STDOUT_FILENO)) ? OUT_TABLE : OUT_JSON;
    petrel *p = cli_open_coder(&co);
    if (!p) {
        free(files);
        return EXIT_FATAL;
    }
    cli_out out;
    if (cli_out_open(&out, output) != 0) {
        petrel_close(p);
        free(files);
        return EXIT_FATAL;
    }
    if (format == OUT_TSV)
        events_tsv_header(out.f);
    code_ctx c = {p, out.f, format, 0};
    pipeline_ops ops = {process, emit, &c};
    cli_progress progress;
    cli_progress_start(&progress, in.quiet);
    unsigned long failures = 0;
    int rc = pipeline_run(files, nfiles, &in, jobs ? jobs : pipeline_cores(), &ops, &failures, &progress);
    cli_progress_end(&progress);
    free(files);
    int bad = cli_out_close(&out, rc == 0) != 0 || rc != 0;
    petrel_close(p);
    if (bad)
        return EXIT_FATAL;
    return failures ? EXIT_PARTIAL : EXIT_OK;
usage:
    free(files);
    return EXIT_USAGE;
}

/* ------------------------------------------------------------ explain */

static void explain_help(FILE *f) {
    fprintf(f, "usage: petrel explain [OPTIONS] \"a sentence or story\"\n"
               "       petrel explain [OPTIONS] --story FILE\n\n"
               "Codes one story and shows every step: the tokens with their tags and the\n"
               "dependency tree, the actor mentions and where their codes came from, every\n"
               "pattern tried for each predicate and why it matched or not, and the events.\n\n"
               "options:\n"
               "  --story FILE         the first story of FILE (any input format)\n"
               "  --format F           input format of --story\n"
               "  --date YYYY-MM-DD    the story date\n");
    fputs(cli_code_help, f);
}

static void show(const petrel *p, petrel_doc *doc) {
    printf("== story %s, date %s\n\n== tokens and tree (word, lemma, UPOS, head, relation)\n", doc->id ? doc->id : "",
           doc->date.year ? "" : "unknown");
    for (uint32_t s = 0; s < doc->nsents; s++) {
        const doc_sentence *st = &doc->sents[s];
        printf("sentence %u: %.*s\n", s + 1, (int)(st->end - st->start), doc->text + st->start);
        for (uint32_t i = 0; i < st->count; i++) {
            const doc_word *w = &doc->words[st->first + i];
            int32_t h = w->head;
            const doc_word *hw = h > 0 ? &doc->words[st->first + (uint32_t)h - 1] : NULL;
            printf("  %3u %-18.*s %-14s %-6s %3d %-12s %.*s\n", i + 1, (int)w->form_len, w->form,
                   w->lemma ? w->lemma : "_", w->upos ? w->upos : "_", h, w->deprel ? w->deprel : "_",
                   hw ? (int)hw->form_len : 0, hw ? hw->form : "");
        }
    }
    printf("\n== coding\n");
    for (uint32_t i = 0; i < doc->ntrace; i++)
        printf("%s\n", doc->trace[i]);
    printf("\n== events\n");
    events_table_write(stdout, doc, p->coder->cameo);
}

int cmd_explain(int argc, char **argv) {
    static const char *const with_value[] = {"story", "format", "date", "max-story-bytes", CLI_CODE_VALUE_OPTS,
                                             NULL};
    cli_input_opts in = {0};
    cli_code_opts co = {0};
    const char *story = NULL, *text = NULL;
    for (int i = 1; i < argc;) {
        const char *name, *value;
        char nb[64];
        int r = cli_parse_opt(argc, argv, &i, with_value, &name, &value, nb, sizeof nb);
        if (r < 0)
            return EXIT_USAGE;
        if (r == 0 || r == 2) {
            if (r == 0)
                text = argv[i++];
            else if (i < argc)
                text = argv[i++];
            continue;
        }
        int h = common_option(&in, &co, name, value);
        if (h < 0)
            return EXIT_USAGE;
        if (h)
            continue;
        if (!strcmp(name, "h") || !strcmp(name, "help")) {
            explain_help(stdout);
            return EXIT_OK;
        } else if (!strcmp(name, "story")) {
            story = value;
        } else {
            cli_say("explain: unknown option \"%s\"", argv[i - 1]);
            return EXIT_USAGE;
        }
    }
    if (!story && !text) {
        explain_help(stderr);
        return EXIT_USAGE;
    }
    petrel *p = cli_open_coder(&co);
    if (!p)
        return EXIT_FATAL;
    petrel_doc *doc = petrel_doc_new();
    petrel_error err;
    int rc = EXIT_OK;
    if (!doc) {
        petrel_close(p);
        return EXIT_FATAL;
    }
    doc->explain = 1;
    if (story) {
        petrel_reader *r = petrel_reader_open(story, &in.reader, &err);
        int got = r ? petrel_reader_next(r, doc, &err) : -1;
        if (got <= 0) {
            if (got < 0)
                cli_error(&err);
            else
                cli_say("%s: no story", story);
            rc = EXIT_PARTIAL;
        }
        petrel_reader_close(r);
    } else if (petrel_doc_load_text(doc, "explain", text, strlen(text),
                                    in.reader.default_date.year ? &in.reader.default_date : NULL, &err) != 0) {
        cli_error(&err);
        rc = EXIT_FATAL;
    }
    if (rc == EXIT_OK) {
        doc->explain = 1;
        if (petrel_code(p, doc, &err) != 0) {
            cli_error(&err);
            rc = EXIT_FATAL;
        } else {
            show(p, doc);
        }
    }
    petrel_doc_free(doc);
    petrel_close(p);
    return rc;
}
