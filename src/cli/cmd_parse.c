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

static int own_option(void *ctx, const char *name, const char *value) {
    if (strcmp(name, "models") != 0)
        return 0;
    *(const char **)ctx = value;
    return 1;
}

int cmd_parse(int argc, char **argv) {
    static const char *const with_value[] = {"models", NULL};
    cli_input_opts in = {0};
    const char *output = NULL, *models = NULL;
    int jobs = 0;
    char **files = malloc(sizeof *files * (size_t)(argc > 0 ? argc : 1));
    int nfiles = 0;
    if (!files)
        return EXIT_FATAL;
    cli_spec spec = {.cmd = "parse", .help = help, .in = &in, .output = &output, .jobs = &jobs,
                     .own_with_value = with_value, .own = own_option, .ctx = &models};
    int args = cli_args(argc, argv, &spec, files, argc, &nfiles);
    if (args) {
        free(files);
        return args > 0 ? EXIT_OK : EXIT_USAGE;
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
    int status = pipeline_command(files, nfiles, &in, jobs, &ops, &out);
    petrel_close(handle);
    return status;
}
