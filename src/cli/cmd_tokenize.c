/*
 * cmd_tokenize.c - `petrel tokenize`: stories in, sentences and tokens out.
 */
#include <stdlib.h>
#include <string.h>

#include "../doc/doc.h"
#include "../sink/conllu_out.h"
#include "cli.h"

static void help(FILE *f) {
    fprintf(f, "usage: petrel tokenize [OPTIONS] [FILE...]\n\n"
               "Splits stories into sentences and tokens following Universal Dependencies\n"
               "English conventions, and writes them as CoNLL-U (default) or JSON Lines.\n\n"
               "options:\n"
               "  --format F           input format: auto, text, jsonl, petrarch, tabari, conllu\n"
               "  --date YYYY-MM-DD    story date for stories that give none\n"
               "  --max-story-bytes N  larger stories are reported and skipped (default 8 MiB)\n"
               "  --output-format F    conllu (default), jsonl, or text (a sentence per line,\n"
               "                       tokens separated by spaces, multiword tokens as\n"
               "                       [do n't])\n"
               "  -o, --output FILE    write to FILE (it appears only when complete)\n"
               "  -q, --quiet          no progress line\n"
               "  -h, --help           this help\n");
}

enum { OUT_CONLLU, OUT_JSON, OUT_TEXT };

typedef struct ctx {
    FILE *out;
    int mode;
    unsigned long failures;
} ctx;

static int each(petrel_doc *doc, void *p) {
    ctx *c = p;
    petrel_error err;
    if (petrel_tokenize(doc, &err) != 0) {
        cli_error(&err);
        c->failures++;
        return 0;
    }
    if (c->mode == OUT_JSON)
        tokens_json_write_doc(c->out, doc);
    else if (c->mode == OUT_TEXT)
        tokens_text_write_doc(c->out, doc);
    else
        conllu_write_doc(c->out, doc);
    return ferror(c->out) ? -1 : 0;
}

static int own_option(void *modep, const char *name, const char *value) {
    int *mode = modep;
    if (strcmp(name, "output-format") != 0)
        return 0;
    if (strcmp(value, "jsonl") == 0 || strcmp(value, "json") == 0)
        *mode = OUT_JSON;
    else if (strcmp(value, "conllu") == 0)
        *mode = OUT_CONLLU;
    else if (strcmp(value, "text") == 0)
        *mode = OUT_TEXT;
    else {
        cli_say("--output-format wants conllu, jsonl or text, not \"%s\"", value);
        return -1;
    }
    return 1;
}

int cmd_tokenize(int argc, char **argv) {
    static const char *const with_value[] = {"output-format", NULL};
    cli_input_opts in = {0};
    const char *output = NULL;
    int mode = OUT_CONLLU;
    char **files = malloc(sizeof *files * (size_t)(argc > 0 ? argc : 1));
    int nfiles = 0;
    if (!files)
        return EXIT_FATAL;
    cli_spec spec = {.cmd = "tokenize", .help = help, .in = &in, .output = &output, .own_with_value = with_value,
                     .own = own_option, .ctx = &mode};
    int args = cli_args(argc, argv, &spec, files, argc, &nfiles);
    if (args) {
        free(files);
        return args > 0 ? EXIT_OK : EXIT_USAGE;
    }
    cli_out out;
    if (cli_out_open(&out, output) != 0) {
        free(files);
        return EXIT_FATAL;
    }
    ctx c = {out.f, mode, 0};
    cli_progress progress;
    cli_progress_start(&progress, in.quiet);
    unsigned long failures = 0;
    int rc = cli_each_story(files, nfiles, &in, each, &c, &failures, &progress);
    cli_progress_end(&progress);
    free(files);
    failures += c.failures;
    if (cli_out_close(&out, rc == 0) != 0 || rc != 0)
        return EXIT_FATAL;
    return failures ? EXIT_PARTIAL : EXIT_OK;
}
