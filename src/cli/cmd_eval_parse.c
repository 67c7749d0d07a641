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

/* One run: the models, the scratch document and the scores, on gold
 * tokens ([0]) and from raw text ([1]). */
typedef struct parse_run {
    petrel *p;
    petrel_doc *sys;
    eval_parse acc[2];
    int gold_only, gold_tags;
} parse_run;

static int score_story(petrel_doc *gold, void *ctx) {
    parse_run *r = ctx;
    petrel_error err;
    for (int raw = 0; raw <= !r->gold_only; raw++)
        if (eval_parse_doc(r->p, gold, r->sys, r->gold_tags ? EVAL_GOLD_TAGS : raw, &r->acc[raw], &err) != 0) {
            cli_error(&err);
            return -1;
        }
    return 0;
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
    parse_run run = {.p = p, .sys = petrel_doc_new(), .gold_only = gold_only, .gold_tags = gold_tags};
    if (!run.sys) {
        cli_say("out of memory");
        petrel_close(p);
        return EXIT_FATAL;
    }
    unsigned long failures = 0;
    cli_input_opts in = {.reader = {.format = PETREL_FORMAT_CONLLU}, .quiet = 1};
    /* the gold files are operands of --gold, from argv */
    int fatal = cli_each_story((char **)golds, ngold, &in, score_story, &run, &failures, NULL) != 0;
    const eval_parse *acc = run.acc;
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
    petrel_doc_free(run.sys);
    petrel_close(p);
    if (fatal)
        return EXIT_FATAL;
    return failures ? EXIT_PARTIAL : EXIT_OK;
}
