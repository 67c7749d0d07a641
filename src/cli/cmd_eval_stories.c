/*
 * cmd_eval_stories.c - `petrel eval stories FILE...`: how much of a corpus
 * petrel codes, and how often a story's most frequent PLOVER type is the
 * type the story is labelled with.
 *
 *   petrel eval stories [--label KEY] [--show] FILE.jsonl ...
 *
 * For the synthetic news corpus (one JSON story a line with a "plover"
 * field): the share of sentences that yield at least one event (negated
 * events do not count), the share of stories with an event, and the
 * agreement of each story's most frequent PLOVER type (ties: the type seen
 * first) with its label, overall and per label.  A story without events
 * disagrees.  Labels use PLOVER 2021 names; the 0.5 names count as their
 * 2021 equivalents.  It is a weak signal: a story labelled PROTEST may
 * well report more arrests than protests.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../api/api.h"
#include "../doc/doc.h"
#include "cli.h"

#define MAX_TYPES 32

typedef struct label_row {
    char label[24];
    unsigned stories, agree, none;
    unsigned predicted[MAX_TYPES]; /* by index into the type table */
} label_row;

typedef struct tally {
    char types[MAX_TYPES][24];
    int ntypes;
    label_row rows[MAX_TYPES];
    int nrows;
} tally;

static int type_index(tally *t, const char *type) {
    for (int i = 0; i < t->ntypes; i++)
        if (strcmp(t->types[i], type) == 0)
            return i;
    if (t->ntypes == MAX_TYPES)
        return -1;
    snprintf(t->types[t->ntypes], sizeof t->types[0], "%s", type);
    return t->ntypes++;
}

static label_row *row_of(tally *t, const char *label) {
    for (int i = 0; i < t->nrows; i++)
        if (strcmp(t->rows[i].label, label) == 0)
            return &t->rows[i];
    if (t->nrows == MAX_TYPES)
        return NULL;
    label_row *r = &t->rows[t->nrows++];
    memset(r, 0, sizeof *r);
    snprintf(r->label, sizeof r->label, "%s", label);
    return r;
}

/* The label of a story: its metadata field key, a JSON string. */
static int story_label(const petrel_doc *doc, const char *key, char *out, size_t len) {
    const char *json = doc_meta_get(doc, key);
    if (!json)
        return 0;
    cJSON *v = cJSON_Parse(json);
    int ok = cJSON_IsString(v) && v->valuestring[0];
    if (ok)
        snprintf(out, len, "%s", cli_plover_2021(v->valuestring));
    cJSON_Delete(v);
    return ok;
}

static void help(FILE *f) {
    fprintf(f, "usage: petrel eval stories [--label KEY] [--show] FILE ...\n\n"
               "Codes every story and prints the share of sentences that yield an event, the\n"
               "share of stories that do, and how often a story's most frequent PLOVER type\n"
               "is its label (the field KEY of each story, default \"plover\"), overall and per\n"
               "label.\n\n"
               "options:\n"
               "  --label KEY          the story field holding the PLOVER label\n"
               "  --show               each story: label, predicted type, event counts\n");
    fputs(cli_code_help, f);
}

typedef struct own_opts {
    const char *label;
    int show;
} own_opts;

static int own_option(void *ctx, const char *name, const char *value) {
    own_opts *o = ctx;
    if (!strcmp(name, "label"))
        o->label = value;
    else if (!strcmp(name, "show"))
        o->show = 1;
    else
        return 0;
    return 1;
}

/* The counts of a run. */
typedef struct eval_ctx {
    petrel *p;
    tally *t;
    const char *label_key;
    int show;
    unsigned long stories, labelled, agree, with_event, sentences, sent_event, events, failures, discarded;
} eval_ctx;

/* Codes one story and counts it. */
static int count_story(petrel_doc *doc, void *ctx) {
    eval_ctx *c = ctx;
    petrel_error err;
    if (petrel_code(c->p, doc, &err) != 0) {
        cli_error(&err);
        c->failures++;
        return 0;
    }
    c->stories++;
    c->discarded += doc->discarded;
    c->sentences += doc->nsents;
    unsigned counts[MAX_TYPES] = {0};
    int first_seen[MAX_TYPES];
    int order = 0, any = 0;
    for (int k = 0; k < MAX_TYPES; k++)
        first_seen[k] = -1;
    uint32_t last_sent = UINT32_MAX;
    for (uint32_t e = 0; e < doc->nevents; e++) {
        petrel_event ev;
        petrel_doc_event(c->p, doc, e, &ev);
        if (ev.negated)
            continue;
        c->events++;
        any = 1;
        if (doc->events[e].sent != last_sent) {
            last_sent = doc->events[e].sent;
            c->sent_event++;
        }
        if (!ev.plover)
            continue;
        int k = type_index(c->t, ev.plover);
        if (k < 0)
            continue;
        counts[k]++;
        if (first_seen[k] < 0)
            first_seen[k] = order++;
    }
    c->with_event += (unsigned long)any;
    int best = -1;
    for (int k = 0; k < c->t->ntypes; k++)
        if (counts[k] && (best < 0 || counts[k] > counts[best] ||
                          (counts[k] == counts[best] && first_seen[k] < first_seen[best])))
            best = k;
    char label[24];
    if (!story_label(doc, c->label_key, label, sizeof label))
        return 0;
    c->labelled++;
    label_row *row = row_of(c->t, label);
    int ok = best >= 0 && strcmp(c->t->types[best], label) == 0;
    c->agree += (unsigned long)ok;
    if (row) {
        row->stories++;
        row->agree += (unsigned)ok;
        if (best < 0)
            row->none++;
        else
            row->predicted[best]++;
    }
    if (c->show)
        printf("%s %-10s %-10s %s\n", ok ? "+" : "-", label, best >= 0 ? c->t->types[best] : "(none)",
               doc->id ? doc->id : "?");
    return 0;
}

int cmd_eval_stories(int argc, char **argv) {
    static const char *const with_value[] = {"label", NULL};
    cli_code_opts co = {0};
    own_opts own = {"plover", 0};
    char *files[64];
    int nfiles;
    cli_spec spec = {.cmd = "eval stories", .help = help, .code = &co, .own_with_value = with_value,
                     .own = own_option, .ctx = &own};
    int args = cli_args(argc, argv, &spec, files, 64, &nfiles);
    if (args)
        return args > 0 ? EXIT_OK : EXIT_USAGE;
    if (!nfiles) {
        help(stderr);
        return EXIT_USAGE;
    }
    const char *label_key = own.label;
    int show = own.show;
    petrel *p = cli_open_coder(&co);
    if (!p)
        return EXIT_FATAL;
    tally *t = calloc(1, sizeof *t);
    if (!t) {
        cli_say("eval stories: out of memory");
        petrel_close(p);
        return EXIT_FATAL;
    }
    eval_ctx c = {.p = p, .t = t, .label_key = label_key, .show = show};
    cli_input_opts in = {.quiet = 1};
    cli_each_story(files, nfiles, &in, count_story, &c, &c.failures, NULL);
    printf("petrel eval stories: %lu stories, %lu sentences, %lu events (negated ones not counted)\n\n", c.stories,
           c.sentences, c.events);
    printf("  sentences with an event  %6.1f%%  (%lu of %lu)\n", c.sentences ? 100.0 * c.sent_event / c.sentences : 0,
           c.sent_event, c.sentences);
    printf("  stories with an event    %6.1f%%  (%lu of %lu; %lu discarded as not political)\n",
           c.stories ? 100.0 * c.with_event / c.stories : 0, c.with_event, c.stories, c.discarded);
    if (c.labelled) {
        printf("  story type agreement     %6.3f   (%lu of %lu stories labelled \"%s\")\n\n",
               (double)c.agree / c.labelled, c.agree, c.labelled, label_key);
        printf("  %-10s %7s %7s %7s  most often predicted instead\n", "label", "stories", "agree", "none");
        for (int i = 0; i < t->nrows; i++) {
            const label_row *r = &t->rows[i];
            int other = -1;
            for (int k = 0; k < t->ntypes; k++)
                if (strcmp(t->types[k], r->label) != 0 && r->predicted[k] &&
                    (other < 0 || r->predicted[k] > r->predicted[other]))
                    other = k;
            printf("  %-10s %7u %7u %7u  %s", r->label, r->stories, r->agree, r->none,
                   other >= 0 ? t->types[other] : "-");
            if (other >= 0)
                printf(" (%u)", r->predicted[other]);
            printf("\n");
        }
    }
    petrel_close(p);
    free(t);
    return c.failures ? EXIT_PARTIAL : EXIT_OK;
}
