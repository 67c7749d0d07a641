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

static int code_option(void *ctx, const char *name, const char *value) {
    int *format = ctx;
    if (strcmp(name, "output-format") != 0)
        return 0;
    if (!strcmp(value, "table"))
        *format = OUT_TABLE;
    else if (!strcmp(value, "jsonl") || !strcmp(value, "json"))
        *format = OUT_JSON;
    else if (!strcmp(value, "tsv"))
        *format = OUT_TSV;
    else {
        cli_say("--output-format wants table, jsonl or tsv, not \"%s\"", value);
        return -1;
    }
    return 1;
}

int cmd_code(int argc, char **argv) {
    static const char *const with_value[] = {"output-format", NULL};
    cli_input_opts in = {0};
    cli_code_opts co = {0};
    const char *output = NULL;
    int format = -1, jobs = 0;
    char **files = malloc(sizeof *files * (size_t)(argc > 0 ? argc : 1));
    int nfiles = 0;
    if (!files)
        return EXIT_FATAL;
    cli_spec spec = {.cmd = "code", .help = code_help, .in = &in, .code = &co, .output = &output, .jobs = &jobs,
                     .own_with_value = with_value, .own = code_option, .ctx = &format};
    int args = cli_args(argc, argv, &spec, files, argc, &nfiles);
    if (args) {
        free(files);
        return args > 0 ? EXIT_OK : EXIT_USAGE;
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
    int status = pipeline_command(files, nfiles, &in, jobs, &ops, &out);
    petrel_close(p);
    return status;
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

static int explain_option(void *ctx, const char *name, const char *value) {
    if (strcmp(name, "story") != 0)
        return 0;
    *(const char **)ctx = value;
    return 1;
}

int cmd_explain(int argc, char **argv) {
    static const char *const with_value[] = {"story", NULL};
    cli_input_opts in = {0};
    cli_code_opts co = {0};
    const char *story = NULL, *text = NULL;
    char **texts = malloc(sizeof *texts * (size_t)(argc > 0 ? argc : 1));
    int ntexts = 0;
    if (!texts)
        return EXIT_FATAL;
    cli_spec spec = {.cmd = "explain", .help = explain_help, .in = &in, .code = &co, .own_with_value = with_value,
                     .own = explain_option, .ctx = &story};
    int args = cli_args(argc, argv, &spec, texts, argc, &ntexts);
    if (ntexts)
        text = texts[ntexts - 1]; /* the last sentence given */
    free(texts);
    if (args)
        return args > 0 ? EXIT_OK : EXIT_USAGE;
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
