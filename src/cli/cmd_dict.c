/*
 * cmd_dict.c - `petrel dict`: checking the dictionaries and counting what
 * they hold.
 *
 *   petrel dict check [--data DIR | --dict-format F --actors ...]
 *   petrel dict stats [same]
 *
 * check lists every line that could not be read, event codes that are not
 * CAMEO codes, roles of one actor whose date ranges overlap with different
 * codes, names given to two actors (only the first loaded is ever used),
 * and patterns written twice; the exit status is 1 when it found anything
 * (for CI).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../code/code.h"
#include "../match/match.h"
#include "cli.h"

static void help(FILE *f) {
    fprintf(f, "usage: petrel dict check|stats [OPTIONS]\n"
               "       petrel dict convert --dict-format petrarch|tabari --actors A --agents G --verbs V\n"
               "                           [--discards D] -o DIR\n\n"
               "  check   report every dictionary line that cannot be read, event codes that\n"
               "          are not CAMEO codes, overlapping date ranges, names given to two\n"
               "          actors, patterns written twice and patterns that can never match;\n"
               "          exit 1 when any\n"
               "  stats   count entries by kind, patterns by CAMEO root, agents by code\n"
               "  convert write PETRARCH or TABARI dictionaries in petrel's format: DIR/actors.txt,\n"
               "          agents.txt, verbs.txt and other.txt (discards); use them with --dict DIR\n"
               "  unknown [--top N] [FILE...]: code the stories and list the proper nouns in actor\n"
               "          positions that no dictionary codes, most frequent first, with an example\n\n"
               "options:\n");
    fputs(cli_code_help, f);
}

static int names_actor(int type) { return type >= HIT_NAME && type <= HIT_CITY; }

/* Names that two actors share, or that one actor lists twice: the later
 * hit can never be used. */
static size_t check_names(const lexicon *lex) {
    uint64_t *parents = lex_node_parents(lex);
    if (!parents) {
        printf("out of memory checking names\n");
        return 1;
    }
    size_t problems = 0;
    for (size_t node = 1; node < lex_node_count(lex); node++) {
        for (uint32_t i = lex_trie_hits(lex, (uint32_t)node); i; i = lex_hit_get(lex, i)->next) {
            const lex_hit *a = lex_hit_get(lex, i);
            if (!names_actor(a->type))
                continue;
            for (uint32_t j = a->next; j; j = lex_hit_get(lex, j)->next) {
                const lex_hit *b = lex_hit_get(lex, j);
                if (!names_actor(b->type) || (b->actor == a->actor && b->type != a->type) ||
                    (b->caps != a->caps || b->initial != a->initial))
                    continue;
                char text[256];
                lex_node_text(lex, parents, (uint32_t)node, text, sizeof text);
                if (b->actor == a->actor)
                    printf("%s:%u: \"%s\" is listed twice for %s (line %u)\n", b->file, b->line, text,
                           lex_actor_get(lex, b->actor)->name, a->line);
                else
                    printf("%s:%u: \"%s\" of %s is already a name of %s (%s:%u), which wins\n", b->file, b->line,
                           text, lex_actor_get(lex, b->actor)->name, lex_actor_get(lex, a->actor)->name, a->file,
                           a->line);
                problems++;
                break;
            }
        }
    }
    free(parents);
    return problems;
}

static int same_pattern(const lex_pattern *a, const lex_pattern *b) {
    if (a->head != b->head || a->nominal != b->nominal || a->nelem != b->nelem)
        return 0;
    for (int k = 0; k < a->nelem; k++)
        if (a->elem[k].type != b->elem[k].type || a->elem[k].id != b->elem[k].id)
            return 0;
    return 1;
}

/* Patterns with the same elements: the later one never wins. */
static size_t check_patterns(const lexicon *lex) {
    size_t problems = 0, n = lex_pattern_count(lex);
    for (size_t i = 0; i < n; i++) {
        const lex_pattern *p = lex_pattern_get(lex, i);
        /* patterns are grouped by predicate: compare within the group */
        for (size_t j = i + 1; j < n; j++) {
            const lex_pattern *q = lex_pattern_get(lex, j);
            if (q->head != p->head || q->nominal != p->nominal)
                break;
            if (q->file == p->file && q->line == p->line)
                continue;
            if (same_pattern(p, q)) {
                /* report the one loaded later */
                const lex_pattern *late = p, *early = q;
                int cmpf = strcmp(p->file, q->file);
                if (cmpf < 0 || (cmpf == 0 && p->line < q->line)) {
                    late = q;
                    early = p;
                }
                printf("%s:%u: \"%s\" repeats %s:%u (%s)%s\n", late->file, late->line, late->text, early->file,
                       early->line, early->code[0] ? early->code : "---",
                       strcmp(late->code, early->code) ? ", which wins" : "");
                problems++;
            }
        }
    }
    return problems;
}

/* Why pattern p can never match, or NULL: a function word is never a
 * predicate ("in agreement" is written "<in agreement"). */
static const char *never_matches(const lexicon *lex, const lex_pattern *p) {
    static const char *const function_words[] = {"the", "a", "an", "and", "or", "but", "of", "to", "in", "on",
                                                 "at", "by", "for", "with", "from", "that", "this", "it", NULL};
    const char *head = lex_word_str(lex, p->head);
    for (size_t i = 0; head && function_words[i]; i++)
        if (strcmp(head, function_words[i]) == 0)
            return "a function word is never a predicate";
    return NULL;
}

static int check(const coder *cd) {
    const lexicon *lex = cd->lex;
    size_t problems = 0;
    for (size_t i = 0; i < lexicon_diag_count(lex); i++) {
        const petrel_error *d = lexicon_diag(lex, i);
        printf("%s:%ld: %s\n", d->file, d->line, d->message);
        problems++;
    }
    if (lexicon_diag_dropped(lex)) {
        printf("... and %zu more lines that cannot be read\n", lexicon_diag_dropped(lex));
        problems += lexicon_diag_dropped(lex);
    }
    for (size_t i = 0; i < lex_pattern_count(lex); i++) {
        const lex_pattern *pt = lex_pattern_get(lex, i);
        const char *codes[3] = {pt->code, pt->code2, pt->plover_code};
        /* a block's patterns are copied for each of its verbs: one report
         * per line */
        int seen = 0;
        for (size_t j = 0; j < i && !seen; j++) {
            const lex_pattern *q = lex_pattern_get(lex, j);
            seen = q->line == pt->line && q->file == pt->file;
        }
        for (int k = 0; k < 3 && !seen; k++)
            if (codes[k][0] && !cameo_has(cd->cameo, codes[k])) {
                printf("%s:%u: event code %s is not a CAMEO code\n", pt->file, pt->line, codes[k]);
                problems++;
            }
        const char *never = seen ? NULL : never_matches(lex, pt);
        if (never) {
            printf("%s:%u: \"%s\" can never match: %s\n", pt->file, pt->line, pt->text, never);
            problems++;
        }
    }
    for (size_t a = 0; a < lex_actor_count(lex); a++) {
        const lex_actor *ac = lex_actor_get(lex, (uint32_t)a);
        for (uint32_t i = 0; i < ac->nroles; i++)
            for (uint32_t j = i + 1; j < ac->nroles; j++) {
                const lex_role *x = lex_role_get(lex, ac->role + i), *y = lex_role_get(lex, ac->role + j);
                if (x->from <= y->to && y->from <= x->to && strcmp(x->code, y->code) != 0) {
                    printf("%s:%u: %s: roles %s and %s overlap in time\n", ac->file, ac->line, ac->name, x->code,
                           y->code);
                    problems++;
                }
            }
    }
    problems += check_names(lex);
    problems += check_patterns(lex);
    printf("%zu problem%s\n", problems, problems == 1 ? "" : "s");
    return problems ? EXIT_PARTIAL : EXIT_OK;
}

static int stats(const coder *cd) {
    const lexicon *lex = cd->lex;
    lex_stats st;
    lex_get_stats(lex, &st);
    printf("actors        %zu (countries %zu, persons %zu, organizations %zu)\n",
           st.countries + st.persons + st.orgs, st.countries, st.persons, st.orgs);
    printf("dated roles   %zu\n", st.roles);
    printf("names         %zu (names, adjectives, capitals, seats, cities, referring nouns)\n", st.names);
    printf("agents        %zu phrases\n", st.agents);
    printf("verb patterns %zu\n", st.patterns);
    printf("noun patterns %zu\n", st.nominal_patterns);
    printf("synsets       %zu\n", st.synsets);
    printf("discards      %zu\n", st.discards);
    printf("context words %zu\n", st.contexts);
    /* patterns by CAMEO root */
    size_t roots[21] = {0}, other = 0;
    for (size_t i = 0; i < lex_pattern_count(lex); i++) {
        const char *c = lex_pattern_get(lex, i)->code;
        int r = match_code_root(c);
        if (r >= 1 && r <= 20)
            roots[r]++;
        else
            other++;
    }
    printf("\npatterns by CAMEO root:\n");
    for (int r = 1; r <= 20; r++) {
        char code[12];
        snprintf(code, sizeof code, "%02d", r);
        const cameo_code *cc = cameo_find(cd->cameo, code);
        printf("  %02d %-40s %5zu\n", r, cc ? cc->name : "", roots[r]);
    }
    if (other)
        printf("  other or null codes                         %5zu\n", other);
    /* the CAMEO codes (3 and 4 digits) with and without a pattern */
    size_t covered = 0, total = 0;
    printf("\nCAMEO codes without a pattern:");
    for (size_t c = 0; c < cameo_count(cd->cameo); c++) {
        const char *code = cameo_at(cd->cameo, c)->code;
        if (strlen(code) < 3)
            continue;
        total++;
        int has = 0;
        for (size_t i = 0; i < lex_pattern_count(lex) && !has; i++) {
            const lex_pattern *pt = lex_pattern_get(lex, i);
            has = !strcmp(pt->code, code) || !strcmp(pt->code2, code);
        }
        if (has)
            covered++;
        else
            printf(" %s", code);
    }
    printf("\n%zu of %zu CAMEO 3- and 4-digit codes have a pattern\n", covered, total);
    return EXIT_OK;
}

/* Writes the loaded dictionaries into dir in petrel's format. */
static int convert(const coder *cd, const char *dir) {
    static const char *const names[4] = {"actors.txt", "agents.txt", "verbs.txt", "other.txt"};
    cli_out out[4];
    int opened = 0, rc = 0;
    for (; opened < 4; opened++) {
        char path[2048];
        snprintf(path, sizeof path, "%s/%s", dir, names[opened]);
        if (cli_out_open(&out[opened], path) != 0) {
            rc = -1;
            break;
        }
        fprintf(out[opened].f, "# %s - converted by petrel dict convert; see docs/dictionaries.md\n", names[opened]);
    }
    if (rc == 0 && lexicon_write(cd->lex, out[0].f, out[1].f, out[2].f, out[3].f) != 0) {
        cli_say("%s: cannot write the dictionaries", dir);
        rc = -1;
    }
    for (int i = 0; i < opened; i++)
        if (cli_out_close(&out[i], rc == 0) != 0)
            rc = -1;
    if (rc == 0)
        printf("wrote %s/actors.txt, agents.txt, verbs.txt, other.txt\n", dir);
    return rc == 0 ? EXIT_OK : EXIT_FATAL;
}

int cmd_dict(int argc, char **argv) {
    static const char *const with_value[] = {CLI_CODE_VALUE_OPTS, "o", "output", NULL};
    if (argc < 2 || !strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
        help(argc < 2 ? stderr : stdout);
        return argc < 2 ? EXIT_USAGE : EXIT_OK;
    }
    const char *what = argv[1];
    if (!strcmp(what, "unknown"))
        return cmd_dict_unknown(argc - 1, argv + 1);
    if (strcmp(what, "check") != 0 && strcmp(what, "stats") != 0 && strcmp(what, "convert") != 0) {
        cli_say("dict: unknown action \"%s\" (check, stats, convert, unknown)", what);
        return EXIT_USAGE;
    }
    const char *outdir = NULL;
    cli_code_opts co = {0};
    co.quiet_dict = 1;
    for (int i = 2; i < argc;) {
        const char *name, *value;
        char nb[64];
        int r = cli_parse_opt(argc, argv, &i, with_value, &name, &value, nb, sizeof nb);
        if (r < 0)
            return EXIT_USAGE;
        if (r == 1 && (!strcmp(name, "o") || !strcmp(name, "output"))) {
            outdir = value;
            continue;
        }
        if (r == 1 && (!strcmp(name, "h") || !strcmp(name, "help"))) {
            help(stdout);
            return EXIT_OK;
        }
        if (r == 0 || r == 2 || cli_code_option(&co, name, value) <= 0) {
            cli_say("dict %s: unexpected \"%s\"", what, argv[i > 0 ? i - 1 : 0]);
            return EXIT_USAGE;
        }
    }
    /* the dictionaries alone: no models needed */
    char ddir[1024];
    coder_options opt = {cli_data_dir(co.data, ddir, sizeof ddir), co.dict, (int)co.format, co.actors, co.agents,
                         co.verbs, co.discards, 0};
    petrel_error err;
    coder *cd = coder_open(&opt, &err);
    if (!cd) {
        cli_error(&err);
        return EXIT_FATAL;
    }
    int rc;
    if (!strcmp(what, "convert")) {
        if (!outdir || co.format == PETREL_DICT_PETREL) {
            cli_say("dict convert needs --dict-format petrarch or tabari, the dictionary files, and -o DIR");
            coder_free(cd);
            return EXIT_USAGE;
        }
        rc = convert(cd, outdir);
    } else {
        rc = !strcmp(what, "check") ? check(cd) : stats(cd);
    }
    coder_free(cd);
    return rc;
}
