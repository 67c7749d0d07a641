/*
 * cmd_parse.c - `petrel parse`: stories in, tagged and parsed CoNLL-U out,
 * on all cores, in input order; and where the program finds its models.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "../sink/conllu_out.h"
#include "cli.h"
#include "cmd_models.h"
#include "pipeline.h"

#ifndef PETREL_MODELS_DIR
#define PETREL_MODELS_DIR "/usr/local/share/petrel/models"
#endif

const char *cli_models_dir(const char *explicit_dir, char *buf, size_t len) {
    return cli_find_dir(explicit_dir, "PETREL_MODELS", "../models", "models", "en-tagger.model", PETREL_MODELS_DIR, buf,
                        len);
}

static void help(FILE *f) {
    fprintf(f, "usage: petrel parse [OPTIONS] [FILE...]\n\n"
               "Tokenizes, tags, lemmatizes and parses stories and writes CoNLL-U with lemma,\n"
               "UPOS, XPOS, features, head and relation for every word, stories in input order.\n\n"
               "options:\n"
               "  --models DIR         the model folder (default: $PETREL_MODELS, then the\n"
               "                       models/ folder beside the program's, then the\n"
               "                       installed share/petrel/models)\n"
               "  -j, --jobs N         worker threads (default: all cores)\n"
               "  --format F           input format: auto, text, jsonl, petrarch, tabari, conllu\n"
               "                       (CoNLL-U input keeps its tokens; its tags are replaced)\n"
               "  --date YYYY-MM-DD    story date for stories that give none\n"
               "  --max-story-bytes N  larger stories are reported and skipped (default 8 MiB)\n"
               "  -o, --output FILE    write to FILE (it appears only when complete)\n"
               "  -q, --quiet          no progress line\n"
               "  -h, --help           this help\n");
}

typedef struct parse_ctx {
    const petrel *handle;
    FILE *out;
} parse_ctx;

static int process(petrel_doc *doc, void *p, int worker, petrel_error *err) {
    (void)worker;
    parse_ctx *c = p;
    return petrel_parse(c->handle, doc, err);
}

static int emit(petrel_doc *doc, void *p) {
    parse_ctx *c = p;
    conllu_write_doc(c->out, doc);
    return ferror(c->out) ? -1 : 0;
}

int cmd_parse(int argc, char **argv) {
    static const char *const with_value[] = {"format", "date", "max-story-bytes", "o", "output", "models",
                                             "j", "jobs", NULL};
    cli_input_opts in = {0};
    const char *output = NULL, *models = NULL;
    int jobs = 0;
    char **files = malloc(sizeof *files * (size_t)(argc > 0 ? argc : 1));
    int nfiles = 0, operands_only = 0;
    if (!files)
        return EXIT_FATAL;
    for (int i = 1; i < argc;) {
        const char *name, *value;
        char nb[64];
        int r = operands_only ? 0 : cli_parse_opt(argc, argv, &i, with_value, &name, &value, nb, sizeof nb);
        if (r < 0) {
            free(files);
            return EXIT_USAGE;
        }
        if (r == 0) {
            files[nfiles++] = argv[i++];
            continue;
        }
        if (r == 2) {
            operands_only = 1;
            continue;
        }
        int handled = cli_input_option(&in, name, value);
        if (handled < 0) {
            free(files);
            return EXIT_USAGE;
        }
        if (handled)
            continue;
        if (strcmp(name, "h") == 0 || strcmp(name, "help") == 0) {
            help(stdout);
            free(files);
            return EXIT_OK;
        } else if (strcmp(name, "q") == 0 || strcmp(name, "quiet") == 0) {
            in.quiet = 1;
        } else if (strcmp(name, "o") == 0 || strcmp(name, "output") == 0) {
            output = value;
        } else if (strcmp(name, "models") == 0) {
            models = value;
        } else if (strcmp(name, "j") == 0 || strcmp(name, "jobs") == 0) {
            char *end;
            long v = strtol(value, &end, 10);
            if (*end || v < 1 || v > 1024) {
                cli_say("--jobs wants a number from 1 to 1024, not \"%s\"", value);
                free(files);
                return EXIT_USAGE;
            }
            jobs = (int)v;
        } else {
            cli_say("parse: unknown option \"%s\"; see 'petrel parse --help'", argv[i - 1]);
            free(files);
            return EXIT_USAGE;
        }
    }
    char dir[1024];
    petrel_options po = {.models_dir = cli_models_dir(models, dir, sizeof dir)};
    petrel_error err;
    petrel *handle = petrel_open(&po, &err);
    if (!handle) {
        cli_error(&err);
        free(files);
        return EXIT_FATAL;
    }
    cli_out out;
    if (cli_out_open(&out, output) != 0) {
        petrel_close(handle);
        free(files);
        return EXIT_FATAL;
    }
    parse_ctx c = {handle, out.f};
    pipeline_ops ops = {process, emit, &c};
    cli_progress progress;
    cli_progress_start(&progress, in.quiet);
    unsigned long failures = 0;
    int rc = pipeline_run(files, nfiles, &in, jobs ? jobs : pipeline_cores(), &ops, &failures, &progress);
    cli_progress_end(&progress);
    free(files);
    int bad = cli_out_close(&out, rc == 0) != 0 || rc != 0;
    petrel_close(handle);
    if (bad)
        return EXIT_FATAL;
    return failures ? EXIT_PARTIAL : EXIT_OK;
}
