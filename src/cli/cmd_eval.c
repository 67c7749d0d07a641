/*
 * cmd_eval.c - `petrel eval`: scores against gold data.
 *
 *   petrel eval tokenize --gold FILE.conllu [--gold ...] [--group NAME=G1,G2]
 *
 * prints sentence, token and word precision / recall / F1 (CoNLL 2018
 * definitions, see src/eval/eval.h) overall, per genre (from "# newdoc id")
 * and per named group of genres.  When the GUM edited-prose genres are
 * present, the group "edited" (news, interview, bio, voyage, textbook) is
 * added without being asked.
 */
#include <stdlib.h>
#include <string.h>

#include "../doc/doc.h"
#include "../eval/eval.h"
#include "cli.h"
#include "cmd_models.h"

#define MAX_GENRES 64
#define MAX_GROUPS 8

typedef struct genre_row {
    char name[32];
    eval_tok r;
} genre_row;

typedef struct group {
    char name[32];
    char members[256]; /* ",a,b,c," */
} group;

static void help(FILE *f) {
    fprintf(f, "usage: petrel eval tokenize --gold FILE.conllu [--gold FILE ...] [--group NAME=G1,G2,...]\n\n"
               "Rebuilds the raw text of each gold CoNLL-U file (from its tokens, SpaceAfter=No\n"
               "and # newpar), tokenizes it with petrel, and prints sentence, token and word\n"
               "precision, recall and F1 as the CoNLL 2018 shared task defines them: overall,\n"
               "per genre (the first part of each # newdoc id) and per group of genres.\n"
               "--show-errors first prints every disagreement, one per line.\n");
}

static void row(const char *label, const eval_counts *c) {
    printf("  %-12s %9lu %9lu %9lu   %6.2f %6.2f %6.2f\n", label, c->gold, c->system, c->correct, eval_precision(c),
           eval_recall(c), eval_f1(c));
}

static void add(eval_tok *a, const eval_tok *b) {
    a->tokens.gold += b->tokens.gold;
    a->tokens.system += b->tokens.system;
    a->tokens.correct += b->tokens.correct;
    a->words.gold += b->words.gold;
    a->words.system += b->words.system;
    a->words.correct += b->words.correct;
    a->sentences.gold += b->sentences.gold;
    a->sentences.system += b->sentences.system;
    a->sentences.correct += b->sentences.correct;
}

static int eval_tokenize(int argc, char **argv) {
    static const char *const with_value[] = {"gold", "group", NULL};
    const char *golds[32];
    int ngold = 0;
    group groups[MAX_GROUPS];
    int ngroups = 0, show = 0;
    for (int i = 1; i < argc;) {
        const char *name, *value;
        char nb[64];
        int r = cli_parse_opt(argc, argv, &i, with_value, &name, &value, nb, sizeof nb);
        if (r < 0)
            return EXIT_USAGE;
        if (r == 0 || r == 2) {
            cli_say("eval tokenize: give gold files with --gold");
            return EXIT_USAGE;
        }
        if (strcmp(name, "h") == 0 || strcmp(name, "help") == 0) {
            help(stdout);
            return EXIT_OK;
        } else if (strcmp(name, "show-errors") == 0) {
            show = 1;
        } else if (strcmp(name, "gold") == 0 && ngold < 32) {
            golds[ngold++] = value;
        } else if (strcmp(name, "group") == 0 && ngroups < MAX_GROUPS) {
            const char *eq = strchr(value, '=');
            if (!eq || eq == value) {
                cli_say("--group wants NAME=GENRE,GENRE,..., not \"%s\"", value);
                return EXIT_USAGE;
            }
            snprintf(groups[ngroups].name, sizeof groups[ngroups].name, "%.*s", (int)(eq - value), value);
            snprintf(groups[ngroups].members, sizeof groups[ngroups].members, ",%s,", eq + 1);
            ngroups++;
        } else {
            cli_say("eval tokenize: unknown option \"%s\"", argv[i - 1]);
            return EXIT_USAGE;
        }
    }
    if (ngold == 0) {
        help(stderr);
        return EXIT_USAGE;
    }
    petrel_doc *gold = petrel_doc_new(), *sys = petrel_doc_new();
    genre_row *rows = calloc(MAX_GENRES, sizeof *rows);
    if (!gold || !sys || !rows) {
        cli_say("out of memory");
        petrel_doc_free(gold);
        petrel_doc_free(sys);
        free(rows);
        return EXIT_FATAL;
    }
    int nrows = 0, fatal = 0;
    unsigned long failures = 0;
    eval_tok total = {0};
    petrel_reader_options ro = {.format = PETREL_FORMAT_CONLLU};
    for (int f = 0; f < ngold && !fatal; f++) {
        petrel_error err;
        petrel_reader *r = petrel_reader_open(golds[f], &ro, &err);
        if (!r) {
            cli_error(&err);
            failures++;
            continue;
        }
        while (cli_read_story(r, gold, &failures)) {
            eval_tok one = {0};
            if (eval_tokenize_doc(gold, sys, &one, show ? stdout : NULL) != 0) {
                cli_say("out of memory");
                fatal = 1;
                break;
            }
            add(&total, &one);
            char g[32];
            eval_genre(gold->genre, g, sizeof g);
            int k;
            for (k = 0; k < nrows; k++)
                if (strcmp(rows[k].name, g) == 0)
                    break;
            if (k == nrows && nrows < MAX_GENRES) {
                snprintf(rows[nrows].name, sizeof rows[nrows].name, "%s", g);
                nrows++;
            }
            if (k < nrows)
                add(&rows[k].r, &one);
        }
        petrel_reader_close(r);
    }
    /* the GUM edited-prose group, when its genres are there */
    static const char *const edited[] = {"news", "interview", "bio", "voyage", "textbook"};
    int present = 0;
    for (int k = 0; k < nrows; k++)
        for (size_t e = 0; e < 5; e++)
            if (strcmp(rows[k].name, edited[e]) == 0)
                present++;
    if (present == 5 && ngroups < MAX_GROUPS) {
        snprintf(groups[ngroups].name, sizeof groups[ngroups].name, "edited");
        snprintf(groups[ngroups].members, sizeof groups[ngroups].members, ",news,interview,bio,voyage,textbook,");
        ngroups++;
    }

    printf("petrel eval tokenize:");
    for (int f = 0; f < ngold; f++)
        printf(" %s", golds[f]);
    printf("\n\n  %-12s %9s %9s %9s   %6s %6s %6s\n", "overall", "gold", "system", "correct", "P", "R", "F1");
    row("Tokens", &total.tokens);
    row("Words", &total.words);
    row("Sentences", &total.sentences);
    printf("\n  %-12s %20s %20s %20s\n", "genre", "tokens P/R/F1", "words F1", "sentences P/R/F1");
    for (int k = 0; k < nrows; k++) {
        genre_row *x = &rows[k];
        printf("  %-12s %6.2f %6.2f %6.2f %20.2f %6.2f %6.2f %6.2f  (%lu sentences)\n", x->name,
               eval_precision(&x->r.tokens), eval_recall(&x->r.tokens), eval_f1(&x->r.tokens), eval_f1(&x->r.words),
               eval_precision(&x->r.sentences), eval_recall(&x->r.sentences), eval_f1(&x->r.sentences),
               x->r.sentences.gold);
    }
    for (int gi = 0; gi < ngroups; gi++) {
        eval_tok sum = {0};
        for (int k = 0; k < nrows; k++) {
            char key[40];
            snprintf(key, sizeof key, ",%s,", rows[k].name);
            if (strstr(groups[gi].members, key))
                add(&sum, &rows[k].r);
        }
        printf("\n  group %s (%s)\n", groups[gi].name, groups[gi].members);
        row("Tokens", &sum.tokens);
        row("Words", &sum.words);
        row("Sentences", &sum.sentences);
    }
    petrel_doc_free(gold);
    petrel_doc_free(sys);
    free(rows);
    if (fatal)
        return EXIT_FATAL;
    return failures ? EXIT_PARTIAL : EXIT_OK;
}

int cmd_eval(int argc, char **argv) {
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        help(argc < 2 ? stderr : stdout);
        return argc < 2 ? EXIT_USAGE : EXIT_OK;
    }
    if (strcmp(argv[1], "tokenize") == 0)
        return eval_tokenize(argc - 1, argv + 1);
    if (strcmp(argv[1], "parse") == 0)
        return cmd_eval_parse(argc - 1, argv + 1);
    if (strcmp(argv[1], "plover") == 0)
        return cmd_eval_plover(argc - 1, argv + 1);
    if (strcmp(argv[1], "stories") == 0)
        return cmd_eval_stories(argc - 1, argv + 1);
    cli_say("eval: unknown evaluation \"%s\" (tokenize, parse, plover, stories)", argv[1]);
    return EXIT_USAGE;
}
