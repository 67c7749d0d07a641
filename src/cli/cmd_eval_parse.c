/*
 * cmd_eval_parse.c - `petrel eval parse`: tagging, lemmatization and
 * parsing scores against gold CoNLL-U, on gold tokenization and from raw
 * text through petrel's own tokenizer (src/eval/eval_parse.h).
 */
#include <stdlib.h>
#include <string.h>

#include "../eval/eval_parse.h"
#include "cli.h"
#include "cmd_models.h"

static void help(FILE *f) {
    fprintf(f, "usage: petrel eval parse --gold FILE.conllu [--gold FILE ...] [--models DIR]\n"
               "                         [--gold-tokens-only] [--gold-tags]\n\n"
               "Tags, lemmatizes and parses the words of each gold file and prints UPOS, XPOS,\n"
               "UFeats, Lemmas, UAS and LAS as the CoNLL 2018 shared task defines them: on the\n"
               "gold tokenization, and from the raw text tokenized by petrel (system words\n"
               "aligned to gold words by their character spans; F1 over words).\n"
               "--gold-tags parses the gold tokens with their gold tags: the parser alone.\n");
}

int cmd_eval_parse(int argc, char **argv) {
    static const char *const with_value[] = {"gold", "models", NULL};
    const char *golds[32], *models = NULL;
    int ngold = 0, gold_only = 0, gold_tags = 0;
    for (int i = 1; i < argc;) {
        const char *name, *value;
        char nb[64];
        int r = cli_parse_opt(argc, argv, &i, with_value, &name, &value, nb, sizeof nb);
        if (r < 0)
            return EXIT_USAGE;
        if (r != 1) {
            cli_say("eval parse: give gold files with --gold");
            return EXIT_USAGE;
        }
        if (strcmp(name, "h") == 0 || strcmp(name, "help") == 0) {
            help(stdout);
            return EXIT_OK;
        } else if (strcmp(name, "gold") == 0 && ngold < 32) {
            golds[ngold++] = value;
        } else if (strcmp(name, "models") == 0) {
            models = value;
        } else if (strcmp(name, "gold-tokens-only") == 0) {
            gold_only = 1;
        } else if (strcmp(name, "gold-tags") == 0) {
            gold_tags = gold_only = 1;
        } else {
            cli_say("eval parse: unknown option \"%s\"", argv[i - 1]);
            return EXIT_USAGE;
        }
    }
    if (!ngold) {
        help(stderr);
        return EXIT_USAGE;
    }
    char dir[1024];
    petrel_options po = {.models_dir = cli_models_dir(models, dir, sizeof dir)};
    petrel_error err;
    petrel *p = petrel_open(&po, &err);
    if (!p) {
        cli_error(&err);
        return EXIT_FATAL;
    }
    petrel_doc *gold = petrel_doc_new(), *sys = petrel_doc_new();
    if (!gold || !sys) {
        cli_say("out of memory");
        petrel_close(p);
        petrel_doc_free(gold);
        petrel_doc_free(sys);
        return EXIT_FATAL;
    }
    eval_parse acc[2];
    memset(acc, 0, sizeof acc);
    int fatal = 0;
    unsigned long failures = 0;
    petrel_reader_options ro = {.format = PETREL_FORMAT_CONLLU};
    for (int f = 0; f < ngold && !fatal; f++) {
        petrel_reader *r = petrel_reader_open(golds[f], &ro, &err);
        if (!r) {
            cli_error(&err);
            failures++;
            continue;
        }
        while (cli_read_story(r, gold, &failures)) {
            for (int raw = 0; raw <= !gold_only; raw++)
                if (eval_parse_doc(p, gold, sys, gold_tags ? EVAL_GOLD_TAGS : raw, &acc[raw], &err) != 0) {
                    cli_error(&err);
                    fatal = 1;
                    break;
                }
            if (fatal)
                break;
        }
        petrel_reader_close(r);
    }
    printf("petrel eval parse:");
    for (int f = 0; f < ngold; f++)
        printf(" %s", golds[f]);
    printf("\nmodels: %s\n\n  %-8s %12s %28s\n", po.models_dir, "", gold_tags ? "gold tags" : "gold tokens",
           gold_only ? "" : "raw text (P / R / F1)");
    for (int m = 0; m < EP_N; m++) {
        if (m == EP_WORDS && gold_only)
            break;
        if (m == EP_WORDS)
            printf("  %-8s %12s", eval_parse_names[m], "");
        else
            printf("  %-8s %12.2f", eval_parse_names[m], eval_f1(&acc[0].m[m]));
        if (!gold_only)
            printf("   %8.2f %8.2f %8.2f", eval_precision(&acc[1].m[m]), eval_recall(&acc[1].m[m]),
                   eval_f1(&acc[1].m[m]));
        printf("\n");
    }
    if (!gold_only)
        printf("  %-8s %12s   %8.2f %8.2f %8.2f\n", "Sentences", "", eval_precision(&acc[1].sentences),
               eval_recall(&acc[1].sentences), eval_f1(&acc[1].sentences));
    printf("\n  %lu gold words\n", acc[0].m[EP_UPOS].gold);
    petrel_doc_free(gold);
    petrel_doc_free(sys);
    petrel_close(p);
    if (fatal)
        return EXIT_FATAL;
    return failures ? EXIT_PARTIAL : EXIT_OK;
}
