/*
 * cmd_eval_plover.c - `petrel eval plover GOLD.json`: accuracy on
 * human-coded PLOVER records (the PLOVER gold-standard records: a JSON
 * array of {id, date, text, event, source: [{code, ...}], target: [...]}).
 *
 * Each record's text is coded as a story of its own, dated by the record.
 * Its predicted types are the PLOVER types of the events coded (negated
 * events excluded).  Then, with N records:
 *   type recall     records whose gold type is predicted / N
 *   type precision  records whose gold type is predicted / distinct types
 *                   predicted over all records
 *   type F1         their harmonic mean
 *   source accuracy records with an event of the gold type whose source
 *                   country matches a gold source / N
 *   triple accuracy records with an event of the gold type whose source
 *                   and target match (any target when the gold has none) / N
 * Countries compare by their first three letters.  PLOVER 0.5 names count
 * as their 2021 equivalents: DEMAND = REQUEST, DISAPPROVE = ACCUSE,
 * INVESTIGATE = ACCUSE, FIGHT = ASSAULT.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../api/api.h"
#include "../base/file.h"
#include "../doc/doc.h"
#include "cli.h"

static void help(FILE *f) {
    fprintf(f, "usage: petrel eval plover [OPTIONS] GOLD.json\n\n"
               "Codes every PLOVER gold record and prints type precision, recall and F1,\n"
               "source accuracy and triple accuracy, overall and per event type.\n\n"
               "options:\n"
               "  --show               each record: gold and predicted events\n");
    fputs(cli_code_help, f);
}

/* Country codes (first three letters) of a gold actor list; returns the
 * count, 0 for none, -1 when the gold has no actor list (any counts). */
static int gold_countries(const cJSON *list, char out[][4], int max) {
    if (!cJSON_IsArray(list) || cJSON_GetArraySize(list) == 0)
        return -1;
    int n = 0;
    const cJSON *e;
    cJSON_ArrayForEach(e, list) {
        const cJSON *c = cJSON_GetObjectItemCaseSensitive(e, "code");
        if (cJSON_IsString(c) && c->valuestring && n < max)
            snprintf(out[n++], 4, "%.3s", c->valuestring);
    }
    return n ? n : -1;
}

static int country_in(const char *code, char list[][4], int n) {
    if (n < 0)
        return 1;
    for (int i = 0; i < n; i++)
        if (code && strncmp(code, list[i], 3) == 0)
            return 1;
    return 0;
}

typedef struct type_row {
    char type[16];
    unsigned gold, hit;
} type_row;

static int own_option(void *ctx, const char *name, const char *value) {
    (void)value;
    if (!strcmp(name, "show"))
        *(int *)ctx = 1;
    else if (strcmp(name, "gold") != 0) /* --gold FILE is accepted as well */
        return 0;
    return 1;
}

int cmd_eval_plover(int argc, char **argv) {
    cli_code_opts co = {0};
    char *ops[1] = {NULL};
    int show = 0, nops;
    cli_spec spec = {.cmd = "eval plover", .help = help, .code = &co, .own = own_option, .ctx = &show};
    int r = cli_args(argc, argv, &spec, ops, 1, &nops);
    if (r)
        return r > 0 ? EXIT_OK : EXIT_USAGE;
    const char *gold_path = ops[0];
    if (!gold_path) {
        help(stderr);
        return EXIT_USAGE;
    }
    size_t len;
    petrel_error ferr;
    char *buf = file_read_all(gold_path, "gold file", &len, &ferr);
    if (!buf) {
        cli_error(&ferr);
        return EXIT_FATAL;
    }
    cJSON *gold = cJSON_ParseWithLength(buf, len);
    free(buf);
    if (!cJSON_IsArray(gold)) {
        cli_say("%s: not a JSON array of PLOVER records", gold_path);
        cJSON_Delete(gold);
        return EXIT_FATAL;
    }
    petrel *p = cli_open_coder(&co);
    if (!p) {
        cJSON_Delete(gold);
        return EXIT_FATAL;
    }
    petrel_doc *doc = petrel_doc_new();
    unsigned n = 0, hit = 0, predicted = 0, source_ok = 0, triple_ok = 0, failures = 0;
    type_row rows[32];
    int nrows = 0;
    const cJSON *rec;
    cJSON_ArrayForEach(rec, gold) {
        const cJSON *text = cJSON_GetObjectItemCaseSensitive(rec, "text"),
                    *event = cJSON_GetObjectItemCaseSensitive(rec, "event"),
                    *id = cJSON_GetObjectItemCaseSensitive(rec, "id"),
                    *date = cJSON_GetObjectItemCaseSensitive(rec, "date");
        if (!cJSON_IsString(text) || !cJSON_IsString(event))
            continue;
        const char *gt = cli_plover_2021(event->valuestring);
        petrel_date d = {0};
        if (cJSON_IsString(date))
            petrel_date_parse(date->valuestring, &d);
        petrel_error err;
        /* the record's text is one sentence or a few, with no furniture: a
         * plain body */
        if (petrel_doc_load_text(doc, cJSON_IsString(id) ? id->valuestring : "record", text->valuestring,
                                 strlen(text->valuestring), d.year ? &d : NULL, &err) != 0 ||
            petrel_code(p, doc, &err) != 0) {
            cli_error(&err);
            failures++;
            continue;
        }
        n++;
        char srcs[8][4], tgts[8][4];
        int ns = gold_countries(cJSON_GetObjectItemCaseSensitive(rec, "source"), srcs, 8);
        int nt = gold_countries(cJSON_GetObjectItemCaseSensitive(rec, "target"), tgts, 8);
        /* distinct predicted types */
        const char *types[64];
        int ntypes = 0, got_type = 0, got_src = 0, got_triple = 0;
        for (uint32_t e = 0; e < doc->nevents; e++) {
            petrel_event ev;
            petrel_doc_event(p, doc, e, &ev);
            if (ev.negated || !ev.plover)
                continue;
            int dup = 0;
            for (int k = 0; k < ntypes && !dup; k++)
                dup = strcmp(types[k], ev.plover) == 0;
            if (!dup && ntypes < 64)
                types[ntypes++] = ev.plover;
            if (strcmp(ev.plover, gt) != 0)
                continue;
            got_type = 1;
            int sok = ev.source.code && ev.source.code[0] && country_in(ev.source.code, srcs, ns);
            got_src |= sok;
            int tok = nt < 0 || (ev.target.code && country_in(ev.target.code, tgts, nt));
            got_triple |= sok && tok;
        }
        predicted += (unsigned)ntypes;
        hit += (unsigned)got_type;
        source_ok += (unsigned)got_src;
        triple_ok += (unsigned)got_triple;
        int k;
        for (k = 0; k < nrows && strcmp(rows[k].type, gt) != 0; k++) {
        }
        if (k == nrows && nrows < 32) {
            snprintf(rows[nrows].type, sizeof rows[nrows].type, "%s", gt);
            rows[nrows].gold = rows[nrows].hit = 0;
            nrows++;
        }
        if (k < nrows) {
            rows[k].gold++;
            rows[k].hit += (unsigned)got_type;
        }
        if (show) {
            printf("%s %-9s %s%s |", got_triple ? "+++" : got_type ? "+- " : "---", gt,
                   cJSON_IsString(id) ? id->valuestring : "", "");
            for (uint32_t e = 0; e < doc->nevents; e++) {
                petrel_event ev;
                petrel_doc_event(p, doc, e, &ev);
                printf(" %s(%s>%s%s)", ev.plover ? ev.plover : ev.cameo, ev.source.code ? ev.source.code : "-",
                       ev.target.code ? ev.target.code : "-", ev.negated ? ",neg" : "");
            }
            printf("\n     %s\n", text->valuestring);
        }
    }
    double prec = predicted ? (double)hit / predicted : 0, rec_ = n ? (double)hit / n : 0;
    double f1 = prec + rec_ > 0 ? 2 * prec * rec_ / (prec + rec_) : 0;
    printf("petrel eval plover: %s, %u records\n\n", gold_path, n);
    printf("  type precision  %.3f  (%u of %u predicted types)\n", prec, hit, predicted);
    printf("  type recall     %.3f  (%u of %u records)\n", rec_, hit, n);
    printf("  type F1         %.3f\n", f1);
    printf("  source accuracy %.3f\n", n ? (double)source_ok / n : 0);
    printf("  triple accuracy %.3f\n", n ? (double)triple_ok / n : 0);
    printf("\n  recall per gold type:\n");
    for (int k = 0; k < nrows; k++)
        printf("    %-10s %3u of %3u\n", rows[k].type, rows[k].hit, rows[k].gold);
    petrel_doc_free(doc);
    petrel_close(p);
    cJSON_Delete(gold);
    return failures ? EXIT_PARTIAL : EXIT_OK;
}
