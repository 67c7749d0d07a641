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

int cmd_tokenize(int argc, char **argv) {
    static const char *const with_value[] = {"format", "date", "max-story-bytes", "output-format", "o", "output",
                                             NULL};
    cli_input_opts in = {0};
    const char *output = NULL;
    int mode = OUT_CONLLU;
    char **files = malloc(sizeof *files * (size_t)(argc > 0 ? argc : 1));
    int nfiles = 0;
    if (!files)
        return EXIT_FATAL;
    int operands_only = 0;
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
        } else if (strcmp(name, "output-format") == 0) {
            if (strcmp(value, "jsonl") == 0 || strcmp(value, "json") == 0)
                mode = OUT_JSON;
            else if (strcmp(value, "conllu") == 0)
                mode = OUT_CONLLU;
            else if (strcmp(value, "text") == 0)
                mode = OUT_TEXT;
            else {
                cli_say("--output-format wants conllu, jsonl or text, not \"%s\"", value);
                free(files);
                return EXIT_USAGE;
            }
        } else {
            cli_say("tokenize: unknown option \"%s\"; see 'petrel tokenize --help'", argv[i - 1]);
            free(files);
            return EXIT_USAGE;
        }
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
