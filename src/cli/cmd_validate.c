/*
 * cmd_validate.c - `petrel validate`: the validation suites of PETRARCH2
 * (XML unit-test records) and TABARI (text records), coded with their own
 * small dictionaries and petrel's own parser (the suites' parse trees are
 * ignored).  For each record the expected events ({ SRC / TGT / CODE }) are
 * compared with the coded ones; a record passes when nothing is missing
 * and nothing extra is coded.
 *
 * Dictionaries: --actors/--agents/--verbs/--discards (with --dict-format);
 * for a PETRARCH file without them, the files its <Environment> names,
 * beside it.  TABARI's suite names dictionaries that are not distributed
 * with it; it is run with PETRARCH's validation dictionaries (the same
 * fictional actors) and TABARI's own agents file.  TABARI records after
 * FINAL-01 need other program settings and are not run, as in TABARI.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../api/api.h"
#include "../doc/doc.h"
#include "cli.h"

static void help(FILE *f) {
    fprintf(f, "usage: petrel validate [OPTIONS] FILE\n\n"
               "Runs a PETRARCH2 (XML) or TABARI (text records) validation suite: codes each\n"
               "record and compares its events with the expected ones, then prints passed,\n"
               "failed and extra events per record and in total.\n\n"
               "options:\n"
               "  -v, --verbose        every record, with expected and coded events\n");
    fputs(cli_code_help, f);
}

/* Reads a <Tag>value</Tag> of the PETRARCH environment block. */
static int env_file(const char *xml, size_t n, const char *tag, const char *dir, char *out, size_t len) {
    char open[64], close[64];
    snprintf(open, sizeof open, "<%s>", tag);
    snprintf(close, sizeof close, "</%s>", tag);
    const char *p = NULL;
    for (size_t i = 0; i + strlen(open) <= n; i++)
        if (memcmp(xml + i, open, strlen(open)) == 0) {
            p = xml + i + strlen(open);
            break;
        }
    if (!p)
        return 0;
    const char *e = strstr(p, close);
    if (!e || e - p > 200)
        return 0;
    snprintf(out, len, "%s/%.*s", dir, (int)(e - p), p);
    return 1;
}

typedef struct triple {
    char src[24], tgt[24], code[9];
} triple;

static int parse_expected(const char *json, triple *out, int max) {
    cJSON *a = json ? cJSON_Parse(json) : NULL;
    int n = 0;
    const cJSON *e;
    cJSON_ArrayForEach(e, a) {
        if (n >= max)
            break;
        const cJSON *s = cJSON_GetObjectItemCaseSensitive(e, "source"),
                    *t = cJSON_GetObjectItemCaseSensitive(e, "target"),
                    *c = cJSON_GetObjectItemCaseSensitive(e, "code");
        snprintf(out[n].src, sizeof out[n].src, "%s", cJSON_IsString(s) ? s->valuestring : "");
        snprintf(out[n].tgt, sizeof out[n].tgt, "%s", cJSON_IsString(t) ? t->valuestring : "");
        snprintf(out[n].code, sizeof out[n].code, "%s", cJSON_IsString(c) ? c->valuestring : "");
        n++;
    }
    cJSON_Delete(a);
    return n;
}

/* PETRARCH and TABARI write an actor with no country as "---" and its
 * agent: "---GOV". */
static void suite_code(const char *code, char *out, size_t len) {
    static const char *const agents[] = {"GOV", "MIL", "REB", "OPP", "COP", "JUD", "LEG", "REL", "MED", "BUS", "EDU",
                                         "CVL", "REF", "ELI", "SPY", "LAB", "HLH", "NGO", "INS", "UAF", NULL};
    for (size_t i = 0; agents[i]; i++)
        if (strncmp(code, agents[i], 3) == 0 && strlen(code) % 3 == 0) {
            snprintf(out, len, "---%s", code);
            return;
        }
    snprintf(out, len, "%s", code[0] ? code : "---");
}

static int same(const triple *a, const triple *b) {
    return strcmp(a->src, b->src) == 0 && strcmp(a->tgt, b->tgt) == 0 && strcmp(a->code, b->code) == 0;
}

static int own_option(void *ctx, const char *name, const char *value) {
    (void)value;
    if (strcmp(name, "v") != 0 && strcmp(name, "verbose") != 0)
        return 0;
    *(int *)ctx = 1;
    return 1;
}

int cmd_validate(int argc, char **argv) {
    cli_code_opts co = {0};
    /* the suites test TABARI's and PETRARCH's rules: a modal event as
     * written ("will attack" = 190), no event without a source */
    co.peer_rules = 1;
    char *ops[1] = {NULL};
    int verbose = 0, nops;
    cli_spec spec = {.cmd = "validate", .help = help, .code = &co, .own = own_option, .ctx = &verbose};
    int args = cli_args(argc, argv, &spec, ops, 1, &nops);
    if (args)
        return args > 0 ? EXIT_OK : EXIT_USAGE;
    const char *file = ops[0];
    if (!file) {
        help(stderr);
        return EXIT_USAGE;
    }
    petrel_error err;
    petrel_reader *r = petrel_reader_open(file, NULL, &err);
    if (!r) {
        cli_error(&err);
        return EXIT_FATAL;
    }
    petrel_format fmt = petrel_reader_format(r);
    if (fmt != PETREL_FORMAT_PETRARCH && fmt != PETREL_FORMAT_TABARI) {
        cli_say("%s: not a PETRARCH or TABARI validation file", file);
        petrel_reader_close(r);
        return EXIT_USAGE;
    }
    /* PETRARCH: the dictionaries its environment names */
    char actors[1200], agents[1200], verbs[1200], discards[1200];
    if (fmt == PETREL_FORMAT_PETRARCH && !co.actors && !co.verbs) {
        char dir[1024];
        snprintf(dir, sizeof dir, "%s", file);
        char *slash = strrchr(dir, '/');
        if (slash)
            *slash = '\0';
        else
            snprintf(dir, sizeof dir, ".");
        FILE *f = fopen(file, "rb");
        char head[8192];
        size_t n = f ? fread(head, 1, sizeof head - 1, f) : 0;
        if (f)
            fclose(f);
        head[n] = '\0';
        co.format = PETREL_DICT_PETRARCH;
        if (env_file(head, n, "Actorfile", dir, actors, sizeof actors))
            co.actors = actors;
        if (env_file(head, n, "Agentfile", dir, agents, sizeof agents))
            co.agents = agents;
        if (env_file(head, n, "Verbfile", dir, verbs, sizeof verbs))
            co.verbs = verbs;
        if (env_file(head, n, "Discardfile", dir, discards, sizeof discards))
            co.discards = discards;
    }
    if (!co.actors || !co.verbs) {
        cli_say("validate: give the suite's dictionaries with --dict-format, --actors, --agents and --verbs");
        petrel_reader_close(r);
        return EXIT_USAGE;
    }
    petrel *p = cli_open_coder(&co);
    if (!p) {
        petrel_reader_close(r);
        return EXIT_FATAL;
    }
    petrel_doc *doc = petrel_doc_new();
    unsigned long records = 0, passed = 0, expected_total = 0, found_total = 0, extra_total = 0, skipped = 0,
                  failures = 0;
    while (cli_read_story(r, doc, &failures)) {
        if (fmt == PETREL_FORMAT_TABARI && doc->id && strncmp(doc->id, "FINAL", 5) == 0)
            break;
        if (doc_meta_get(doc, "expected_error")) {
            skipped++; /* a record that tests PETRARCH's error handling */
            continue;
        }
        triple expected[32], coded[64];
        int ne = parse_expected(doc_meta_get(doc, "expected"), expected, 32);
        if (petrel_code(p, doc, &err) != 0) {
            cli_error(&err);
            failures++;
            continue;
        }
        int nc = 0;
        for (uint32_t e = 0; e < doc->nevents && nc < 64; e++) {
            const doc_event *ev = &doc->events[e];
            if (ev->negated)
                continue; /* the suites expect no event for negated verbs */
            triple t;
            const doc_mention *s = ev->source >= 0 ? &doc->mentions[ev->source] : NULL;
            const doc_mention *g = ev->target >= 0 ? &doc->mentions[ev->target] : NULL;
            suite_code(s && s->ncodes ? s->code[ev->source_code] : "", t.src, sizeof t.src);
            suite_code(g && g->ncodes ? g->code[ev->target_code] : "", t.tgt, sizeof t.tgt);
            snprintf(t.code, sizeof t.code, "%s", ev->code);
            int dup = 0;
            for (int k = 0; k < nc && !dup; k++)
                dup = same(&coded[k], &t);
            if (!dup)
                coded[nc++] = t;
        }
        int found = 0, extra = 0;
        for (int i = 0; i < ne; i++)
            for (int k = 0; k < nc; k++)
                if (same(&expected[i], &coded[k])) {
                    found++;
                    break;
                }
        for (int k = 0; k < nc; k++) {
            int in = 0;
            for (int i = 0; i < ne && !in; i++)
                in = same(&expected[i], &coded[k]);
            extra += !in;
        }
        records++;
        expected_total += (unsigned long)ne;
        found_total += (unsigned long)found;
        extra_total += (unsigned long)extra;
        int ok = found == ne && extra == 0;
        passed += ok;
        if (verbose || !ok) {
            printf("%-5s %-16s expected", ok ? "pass" : "FAIL", doc->id ? doc->id : "?");
            for (int i = 0; i < ne; i++)
                printf(" {%s %s %s}", expected[i].src, expected[i].tgt, expected[i].code);
            if (!ne)
                printf(" nothing");
            printf("; coded");
            for (int k = 0; k < nc; k++)
                printf(" {%s %s %s}", coded[k].src, coded[k].tgt, coded[k].code);
            if (!nc)
                printf(" nothing");
            printf("\n");
        }
    }
    printf("\n%s: %lu records, %lu passed (%.1f%%), %lu failed", file, records, passed,
           records ? 100.0 * (double)passed / (double)records : 0.0, records - passed);
    if (skipped)
        printf(", %lu skipped (they test another coder's error messages)", skipped);
    printf("\nexpected events %lu: found %lu (%.1f%%), missing %lu; extra events %lu\n", expected_total, found_total,
           expected_total ? 100.0 * (double)found_total / (double)expected_total : 0.0, expected_total - found_total,
           extra_total);
    petrel_doc_free(doc);
    petrel_reader_close(r);
    petrel_close(p);
    return failures ? EXIT_PARTIAL : EXIT_OK;
}
