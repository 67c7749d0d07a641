/*
 * main.c - the petrel program: subcommand dispatch and top-level help.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "cmd_models.h"

static const struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} commands[] = {
    {"tokenize", cmd_tokenize, "split stories into sentences and tokens (CoNLL-U or JSON Lines)"},
    {"eval", cmd_eval, "evaluate against gold data: eval tokenize|parse|plover ..."},
    {"code", cmd_code, "code the political events of stories (CAMEO, PLOVER) with their evidence"},
    {"explain", cmd_explain, "show every step of coding a sentence or a story"},
    {"dict", cmd_dict, "check the dictionaries, count what they hold"},
    {"validate", cmd_validate, "run the PETRARCH2 or TABARI validation suite"},
    {"parse", cmd_parse, "tag, lemmatize and parse stories (CoNLL-U with heads and relations)"},
    {"train", cmd_train, "train the tagger or the parser: train tagger|parser --train F --dev F -o FILE"},
};

static void usage(FILE *f) {
    fprintf(f, "usage: petrel COMMAND [OPTIONS] [FILE...]\n\n"
               "petrel reads news stories and writes political event data.\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(f, "\n"
               "Run 'petrel COMMAND --help' for a command's options.  Files are read in the\n"
               "order given; '-' or no file reads standard input.\n\n"
               "input formats (--format, guessed from the name and content by default):\n"
               "  text      one plain-text wire story per file (headline, dateline lead,\n"
               "            byline and trailers recognized and kept as metadata)\n"
               "  jsonl     JSON Lines: {\"id\", \"date\", \"source\", \"title\", \"text\", ...}\n"
               "  petrarch  PETRARCH XML validation records\n"
               "  tabari    TABARI text records (\"YYMMDD ID\" line, text, blank line)\n"
               "  conllu    CoNLL-U, already tokenized\n\n"
               "exit status:\n"
               "  0  everything was processed\n"
               "  1  some input was bad: each problem reported on standard error as one\n"
               "     line (file, line or byte offset, reason); the rest was processed\n"
               "  2  invalid command line\n"
               "  3  could not go on: output not writable, out of memory, or a missing or\n"
               "     broken model or dictionary\n");
}

int main(int argc, char **argv) {
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        usage(stdout);
        return EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
        printf("petrel %s\n", petrel_version());
        return EXIT_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (strcmp(cmd, commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    cli_say("unknown command \"%s\"; 'petrel --help' lists them", cmd);
    return EXIT_USAGE;
}
