/*
 * cmd_train.c - `petrel train tagger|parser`: trains a model from CoNLL-U
 * treebanks and writes it as one model file.
 *
 *   petrel train tagger --train A.conllu[,B.conllu] --dev C.conllu -o models/en-tagger.model
 *   petrel train parser --train ... --dev ... -o models/en-parser.model [--tagger MODEL]
 *
 * Deterministic for a seed.  One line per epoch on standard error: the
 * epoch, the development score and the time left.
 */
#include <stdlib.h>
#include <string.h>

#include "../model/treebank.h"
#include "../parse/parser.h"
#include "../tag/tagger.h"
#include "cli.h"
#include "cmd_models.h"

static void help(FILE *f) {
    fprintf(f,
            "usage: petrel train tagger|parser --train A.conllu[,B.conllu] [--dev C.conllu[,D.conllu]] -o FILE\n"
            "                    [--seed N] [--epochs N] [--min-weight Q] [--max-mb N]\n"
            "                    [--jackknife K] [--tagger FILE]\n"
            "                    [--unlabeled FILES]\n\n"
            "Trains petrel's part-of-speech tagger and lemmatizer, or its dependency parser,\n"
            "on Universal Dependencies treebanks and writes one model file (it appears only\n"
            "when complete).  Training is deterministic for a seed.  A line per epoch on\n"
            "standard error gives the development score (tagger: joint UPOS+XPOS+features\n"
            "accuracy and UPOS; parser: LAS and UAS) and the time left.\n\n"
            "options:\n"
            "  --train FILES     training treebanks, comma-separated\n"
            "  --dev FILES       development treebanks, for the progress line\n"
            "  -o, --output FILE the model to write\n"
            "  --seed N          shuffling seed (default 1)\n"
            "  --epochs N        passes over the data (tagger 10, parser 15)\n"
            "  --min-weight Q    prune quantized weights smaller than Q (default 2)\n"
            "  --max-mb N        raise that threshold until the weights fit in N MB\n"
            "  --jackknife K     parser: train on tags predicted by K taggers each\n"
            "                    trained on the other folds (default 0: gold tags)\n"
            "  --tagger FILE     parser: tag the development data with this tagger\n"
            "  --explore P       parser: follow P%% of its wrong predictions after the\n"
            "                    first epoch (dynamic oracle exploration; default 60)\n"
            "  --runs N          train N models (seeds S, S+1, ...) and save the mean of\n"
            "                    their weights (default 1)\n"
            "  --unlabeled FILES tagger: story files (any input format) whose words give\n"
            "                    the capitalization profiles baked into the model\n"
            "  -q, --quiet       no progress lines\n");
}

static void progress(void *ctx, const train_progress *p) {
    const char *what = ctx;
    if (p->epoch < 0) {
        fprintf(stderr, "petrel: train %s: jackknife fold %d/%d tagged\n", what, -p->epoch, p->epochs);
        return;
    }
    int left = (int)(p->remaining + 0.5);
    fprintf(stderr, "petrel: train %s: epoch %d/%d  dev %s %.2f  %s %.2f  %.0f s, %d:%02d left\n", what, p->epoch,
            p->epochs, strcmp(what, "tagger") == 0 ? "tags" : "LAS", p->dev_score,
            strcmp(what, "tagger") == 0 ? "UPOS" : "UAS", p->dev_score2, p->elapsed, left / 60, left % 60);
}

int cmd_train(int argc, char **argv) {
    static const char *const with_value[] = {"train", "dev", "o", "output", "seed", "epochs", "min-weight",
                                             "jackknife", "tagger", "unlabeled", "max-mb", "explore", "runs", NULL};
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        help(argc < 2 ? stderr : stdout);
        return argc < 2 ? EXIT_USAGE : EXIT_OK;
    }
    const char *what = argv[1];
    if (strcmp(what, "tagger") != 0 && strcmp(what, "parser") != 0) {
        cli_say("train: unknown model \"%s\" (tagger, parser)", what);
        return EXIT_USAGE;
    }
    const char *train = NULL, *dev = NULL, *output = NULL, *tagger_path = NULL;
    train_opts o = {0};
    o.seed = 1;
    int quiet = 0, jackknife = 0, explore = -1, runs = 1;
    char command[1024];
    size_t cl = 0;
    command[0] = '\0';
    for (int i = 0; i < argc; i++)
        cl += (size_t)snprintf(command + cl, cl < sizeof command ? sizeof command - cl : 0, "%s%s", i ? " " : "petrel ",
                               argv[i]);
    for (int i = 2; i < argc;) {
        const char *name, *value;
        char nb[64];
        int r = cli_parse_opt(argc, argv, &i, with_value, &name, &value, nb, sizeof nb);
        if (r < 0)
            return EXIT_USAGE;
        if (r != 1) {
            cli_say("train: unexpected operand \"%s\"; see 'petrel train --help'", argv[i]);
            return EXIT_USAGE;
        }
        char *end = NULL, *none = "";
        if (strcmp(name, "seed") && strcmp(name, "epochs") && strcmp(name, "min-weight") && strcmp(name, "jackknife") &&
            strcmp(name, "max-mb") && strcmp(name, "explore") && strcmp(name, "runs"))
            end = none; /* not a number */
        if (strcmp(name, "train") == 0)
            train = value;
        else if (strcmp(name, "dev") == 0)
            dev = value;
        else if (strcmp(name, "o") == 0 || strcmp(name, "output") == 0)
            output = value;
        else if (strcmp(name, "tagger") == 0)
            tagger_path = value;
        else if (strcmp(name, "unlabeled") == 0)
            o.unlabeled = value;
        else if (strcmp(name, "q") == 0 || strcmp(name, "quiet") == 0)
            quiet = 1;
        else if (strcmp(name, "h") == 0 || strcmp(name, "help") == 0) {
            help(stdout);
            return EXIT_OK;
        } else if (strcmp(name, "seed") == 0) {
            o.seed = strtoull(value, &end, 10);
        } else if (strcmp(name, "epochs") == 0) {
            o.epochs = (int)strtol(value, &end, 10);
            if (o.epochs <= 0 || o.epochs > 1000)
                end = NULL;
        } else if (strcmp(name, "runs") == 0) {
            runs = (int)strtol(value, &end, 10);
            if (runs < 1 || runs > 16)
                end = NULL;
        } else if (strcmp(name, "explore") == 0) {
            explore = (int)strtol(value, &end, 10);
            if (explore < 0 || explore > 100)
                end = NULL;
        } else if (strcmp(name, "max-mb") == 0) {
            double mb = strtod(value, &end);
            if (mb <= 0)
                end = NULL;
            o.max_bytes = (size_t)(mb * 1e6);
        } else if (strcmp(name, "min-weight") == 0) {
            o.min_q = (int)strtol(value, &end, 10);
        } else if (strcmp(name, "jackknife") == 0) {
            jackknife = (int)strtol(value, &end, 10);
            if (jackknife < 0 || jackknife == 1 || jackknife > 20)
                end = NULL;
        } else {
            cli_say("train: unknown option \"%s\"; see 'petrel train --help'", argv[i - 1]);
            return EXIT_USAGE;
        }
        if (value && (!end || *end)) {
            cli_say("train: bad value \"%s\" for --%s", value, name);
            return EXIT_USAGE;
        }
    }
    if (!train || !output) {
        cli_say("train %s: --train and -o are required; see 'petrel train --help'", what);
        return EXIT_USAGE;
    }
    {
        /* fail now, not after the training, when the output cannot be written */
        char probe[1100];
        snprintf(probe, sizeof probe, "%s.partial", output);
        FILE *f = fopen(probe, "wb");
        if (!f) {
            cli_say("%s: cannot write here", probe);
            return EXIT_FATAL;
        }
        fclose(f);
        remove(probe);
    }
    o.command = command;
    o.progress = quiet ? NULL : progress;
    o.ctx = (void *)what;
    petrel_error err;
    treebank tb = {0}, dv = {0};
    if (treebank_load(&tb, train, &err) != 0 || (dev && treebank_load(&dv, dev, &err) != 0)) {
        cli_error(&err);
        treebank_free(&tb);
        treebank_free(&dv);
        return EXIT_FATAL;
    }
    if (!tb.nsents) {
        cli_say("train: %s holds no sentences", train);
        treebank_free(&tb);
        treebank_free(&dv);
        return EXIT_FATAL;
    }
    int rc;
    if (strcmp(what, "tagger") == 0) {
        o.runs = runs;
        rc = tagger_train(&tb, dev ? &dv : NULL, &o, output, &err);
    } else {
        parser_train_opts po = {o, jackknife, tagger_path, explore, runs};
        po.base.runs = 1; /* the parser's runs are po.runs */
        rc = parser_train(&tb, dev ? &dv : NULL, &po, output, &err);
    }
    treebank_free(&tb);
    treebank_free(&dv);
    if (rc) {
        cli_error(&err);
        return EXIT_FATAL;
    }
    return EXIT_OK;
}
