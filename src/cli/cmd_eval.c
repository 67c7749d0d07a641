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

/* One run: the scratch document, the scores overall and by genre. */
typedef struct tok_run {
    petrel_doc *sys;
    FILE *show; /* where disagreements go, or NULL */
    eval_tok total;
    genre_row *rows;
    int nrows;
} tok_run;

static int score_story(petrel_doc *gold, void *ctx) {
    tok_run *t = ctx;
    eval_tok one = {0};
    if (eval_tokenize_doc(gold, t->sys, &one, t->show) != 0) {
        cli_say("out of memory");
        return -1;
    }
    add(&t->total, &one);
    char g[32];
    eval_genre(gold->genre, g, sizeof g);
    int k;
    for (k = 0; k < t->nrows; k++)
        if (strcmp(t->rows[k].name, g) == 0)
            break;
    if (k == t->nrows && t->nrows < MAX_GENRES) {
        snprintf(t->rows[t->nrows].name, sizeof t->rows[t->nrows].name, "%s", g);
        t->nrows++;
    }
    if (k < t->nrows)
        add(&t->rows[k].r, &one);
    return 0;
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
    tok_run run = {.sys = petrel_doc_new(), .show = show ? stdout : NULL, .rows = calloc(MAX_GENRES, sizeof *run.rows)};
    if (!run.sys || !run.rows) {
        cli_say("out of memory");
        petrel_doc_free(run.sys);
        free(run.rows);
        return EXIT_FATAL;
    }
    unsigned long failures = 0;
    cli_input_opts in = {.reader = {.format = PETREL_FORMAT_CONLLU}, .quiet = 1};
    /* the gold files are operands of --gold, from argv */
    int fatal = cli_each_story((char **)golds, ngold, &in, score_story, &run, &failures, NULL) != 0;
    genre_row *rows = run.rows;
    int nrows = run.nrows;
    const eval_tok total = run.total;
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
    petrel_doc_free(run.sys);
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
