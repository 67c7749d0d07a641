/*
 * cmd_models.h - the subcommands that use petrel's trained models: training
 * them (cmd_train.c) and parsing with them (cmd_parse.c), and where the
 * program finds them.
 */
#ifndef PETREL_CMD_MODELS_H
#define PETREL_CMD_MODELS_H

#include <stddef.h>

int cmd_train(int argc, char **argv);
int cmd_parse(int argc, char **argv);
/* `petrel eval parse` (dispatched from cmd_eval.c). */
int cmd_eval_parse(int argc, char **argv);

/* The model directory: explicit (--models) when not NULL, else
 * $PETREL_MODELS, <directory of the program>/../models,
 * <program>/../share/petrel/models, then PETREL_MODELS_DIR (compiled in).
 * The first that holds en-tagger.model wins; when none does, the last
 * candidate tried is returned so the error names a path.  Writes into buf. */
const char *cli_models_dir(const char *explicit_dir, char *buf, size_t len);

#endif
