/*
 * cli.h - what the subcommands of the petrel program share: reporting
 * errors as one line each, output files that appear only when complete,
 * a progress line on a terminal, and the story-reading loop.
 *
 * Exit status of every subcommand (documented in `petrel --help`).
 */
#ifndef PETREL_CLI_H
#define PETREL_CLI_H

#include <stdio.h>

#include "petrel.h"

enum {
    EXIT_OK = 0,       /* everything was processed */
    EXIT_PARTIAL = 1,  /* some input was bad: reported, the rest processed */
    EXIT_USAGE = 2,    /* invalid command line */
    EXIT_FATAL = 3     /* could not go on: output unwritable, out of memory,
                          missing or broken model or dictionary */
};

/* Prints "petrel: FILE:LINE: message" (parts that are unknown left out). */
void cli_error(const petrel_error *err);

/* Prints a formatted one-line message "petrel: ..." on standard error. */
void cli_say(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* Prints the warnings a document carries; returns their count. */
unsigned cli_doc_warnings(const petrel_doc *doc);

/* Output that only appears under its name once complete: writes to
 * NAME.partial and renames on success.  "-" or NULL is standard output. */
typedef struct cli_out {
    FILE *f;
    char *path;      /* final name, NULL for standard output */
    char *tmp;       /* NAME.partial */
} cli_out;

int cli_out_open(cli_out *o, const char *path);
/* Closes; ok=0 discards a file output.  Returns 0, or -1 when writing
 * failed (reported). */
int cli_out_close(cli_out *o, int ok);

/* Progress on standard error when it is a terminal. */
typedef struct cli_progress {
    int enabled;
    double last, start;
    unsigned long long stories, sentences, bytes;
} cli_progress;

void cli_progress_start(cli_progress *p, int quiet);
void cli_progress_tick(cli_progress *p);
void cli_progress_end(cli_progress *p);

/* Seconds from a monotonic clock. */
double cli_now(void);

/* Options every story-reading command takes. */
typedef struct cli_input_opts {
    petrel_reader_options reader;
    int quiet;
} cli_input_opts;

/* Handles one reading option (--format, --date, --max-story-bytes); returns
 * 1 when it was one, 0 when not, -1 on a bad value (reported). */
int cli_input_option(cli_input_opts *o, const char *name, const char *value);

/* Called for each story read; returns 0, or nonzero to stop everything. */
typedef int (*cli_story_fn)(petrel_doc *doc, void *ctx);

/* Reads every story of the files (standard input when none), reporting bad
 * ones and calling fn for the good.  *failures counts what was reported.
 * Returns 0, or -1 when fn stopped the run. */
int cli_each_story(char **files, int nfiles, const cli_input_opts *o, cli_story_fn fn, void *ctx,
                   unsigned long *failures, cli_progress *progress);

/* Reads the option at argv[*i].  Returns 0 when it is an operand (not
 * consumed), 2 for "--" (consumed: operands follow), 1 for an option: *name
 * is its name without dashes (in namebuf) and *value its value when the name
 * is listed in with_value (NULL-terminated), -1 on a missing value
 * (reported).  Advances *i past what it consumed. */
int cli_parse_opt(int argc, char **argv, int *i, const char *const *with_value, const char **name, const char **value,
                  char *namebuf, size_t namebuf_len);

/* A folder the program needs: explicit when not NULL, else $env, else
 * <directory of the program>/<rel_build> (the build tree), else
 * <program>/../share/petrel/<rel_share>, else compiled (the installed
 * location).  The first candidate holding the file probe wins; when none
 * does, the last one tried is returned so a message can name it.  Writes
 * into buf. */
const char *cli_find_dir(const char *explicit_dir, const char *env, const char *rel_build, const char *rel_share,
                         const char *probe, const char *compiled, char *buf, size_t len);

/* The data folder (dictionaries and CAMEO table): --data, $PETREL_DATA,
 * the build tree's data/, the installed share/petrel/data. */
const char *cli_data_dir(const char *explicit_dir, char *buf, size_t len);

/* What every coding command takes: where the models and dictionaries are,
 * and dictionaries in other formats. */
typedef struct cli_code_opts {
    const char *models;     /* --models */
    const char *data;       /* --data */
    const char *dict;       /* --dict: a folder of petrel dictionaries */
    petrel_dict_format format; /* --dict-format */
    const char *actors, *agents, *verbs, *discards;
    int quiet_dict;         /* do not list dictionary problems */
    int no_models;          /* --no-models: code parsed CoNLL-U only */
    int peer_rules;     /* --peer-rules */
} cli_code_opts;

/* Handles one coding option; returns 1 when it was one, 0 when not, -1 on
 * a bad value (reported).  The names taking a value are listed in
 * CLI_CODE_VALUE_OPTS for cli_parse_opt. */
int cli_code_option(cli_code_opts *o, const char *name, const char *value);
#define CLI_CODE_VALUE_OPTS "models", "data", "dict", "dict-format", "actors", "agents", "verbs", "discards"

/* The option loop every story-reading or coding command shares.  What the
 * command takes is in the spec: reading options and -q (in), coding
 * options (code), -o / --output, -j / --jobs, each when its pointer is not
 * NULL; -h / --help prints help to stdout; operands (all of them after
 * "--") go to operands[0..max), *noperands of them; any other option goes
 * to own, which returns 1 when it took it, 0 when it does not know it (an
 * error) and -1 on a bad value (which it reported); own_with_value lists
 * the own options that take a value.  Returns 0 to go on, 1 when help was
 * printed (exit 0), -1 on a usage error (reported). */
typedef int (*cli_own_option)(void *ctx, const char *name, const char *value);
typedef struct cli_spec {
    const char *cmd;                    /* "code", "eval plover" */
    void (*help)(FILE *f);
    cli_input_opts *in;
    cli_code_opts *code;
    const char **output;
    int *jobs;
    const char *const *own_with_value;
    cli_own_option own;
    void *ctx;
} cli_spec;
int cli_args(int argc, char **argv, const cli_spec *spec, char **operands, int max, int *noperands);

/* Reads the next story of r into doc, reporting the bad ones (and counting
 * them in *failures) and going on past them.  Returns 1 for a story, 0 at
 * the end or when the input cannot be read further. */
int cli_read_story(petrel_reader *r, petrel_doc *doc, unsigned long *failures);

/* A PLOVER type by its 2021 name: the 0.5 names DEMAND, DISAPPROVE,
 * INVESTIGATE and FIGHT are REQUEST, ACCUSE, ACCUSE and ASSAULT. */
const char *cli_plover_2021(const char *type);

/* Opens a handle with models and dictionaries; reports the dictionaries'
 * bad lines as warnings.  NULL on failure (reported). */
petrel *cli_open_coder(const cli_code_opts *o);

/* The help text lines of the coding options. */
extern const char cli_code_help[];

/* Subcommands. */
int cmd_tokenize(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_code(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_dict(int argc, char **argv);
int cmd_validate(int argc, char **argv);
/* `petrel eval plover` (dispatched from cmd_eval.c). */
int cmd_eval_plover(int argc, char **argv);
int cmd_eval_stories(int argc, char **argv);
/* `petrel dict unknown` (dispatched from cmd_dict.c). */
int cmd_dict_unknown(int argc, char **argv);

#endif
