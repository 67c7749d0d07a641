/*
 * cli_code.c - what the coding commands share: finding the models and the
 * dictionaries, the options that say where they are, and opening a handle
 * that reports the dictionaries' bad lines.
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "cmd_models.h"

#ifndef PETREL_DATA_DIR
#define PETREL_DATA_DIR "/usr/local/share/petrel/data"
#endif

static int has_file(const char *dir, const char *probe) {
    char path[2048];
    struct stat st;
    snprintf(path, sizeof path, "%s/%s", dir, probe);
    return stat(path, &st) == 0;
}

static const char *find_dir(const char *explicit_dir, const char *env, const char *rel_build, const char *rel_share,
                            const char *probe, const char *compiled, char *buf, size_t len);

/* The folder, as a canonical path when it exists: dictionary entries in
 * the output name "/usr/share/petrel/data/dict/countries.txt", not
 * ".../bin/../share/...". */
const char *cli_find_dir(const char *explicit_dir, const char *env, const char *rel_build, const char *rel_share,
                         const char *probe, const char *compiled, char *buf, size_t len) {
    find_dir(explicit_dir, env, rel_build, rel_share, probe, compiled, buf, len);
    char *real = realpath(buf, NULL);
    if (real && strlen(real) < len)
        memcpy(buf, real, strlen(real) + 1);
    free(real);
    return buf;
}

static const char *find_dir(const char *explicit_dir, const char *env, const char *rel_build, const char *rel_share,
                            const char *probe, const char *compiled, char *buf, size_t len) {
    if (explicit_dir) {
        snprintf(buf, len, "%s", explicit_dir);
        return buf;
    }
    const char *e = env ? getenv(env) : NULL;
    if (e && *e) {
        snprintf(buf, len, "%s", e);
        return buf;
    }
    char exe[1024];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            snprintf(buf, len, "%s/%s", exe, rel_build);
            if (has_file(buf, probe))
                return buf;
            snprintf(buf, len, "%s/../share/petrel/%s", exe, rel_share);
            if (has_file(buf, probe))
                return buf;
        }
    }
    snprintf(buf, len, "%s", compiled);
    return buf;
}

const char cli_code_help[] =
    "  --models DIR         trained models (default: found beside the program)\n"
    "  --data DIR           dictionaries (DIR/dict) and the CAMEO table (DIR/cameo)\n"
    "  --dict DIR           petrel dictionaries of your own, instead of DIR/dict\n"
    "  --no-models          load no model: code CoNLL-U input as parsed there\n"
    "  --peer-rules         code as TABARI and PETRARCH do: \"will attack\" as an\n"
    "                       attack, not CAMEO's threat (13x), intent (03x) or demand\n"
    "                       (10x); no event without a source actor\n"
    "  --dict-format F      petrel (default), petrarch or tabari: with --actors,\n"
    "                       --agents, --verbs, --discards FILE, code with a user's\n"
    "                       dictionaries in that format instead of petrel's own\n";

int cli_code_option(cli_code_opts *o, const char *name, const char *value) {
    if (strcmp(name, "no-models") == 0)
        o->no_models = 1;
    else if (strcmp(name, "peer-rules") == 0)
        o->peer_rules = 1;
    else if (strcmp(name, "models") == 0)
        o->models = value;
    else if (strcmp(name, "data") == 0)
        o->data = value;
    else if (strcmp(name, "dict") == 0)
        o->dict = value;
    else if (strcmp(name, "actors") == 0)
        o->actors = value;
    else if (strcmp(name, "agents") == 0)
        o->agents = value;
    else if (strcmp(name, "verbs") == 0)
        o->verbs = value;
    else if (strcmp(name, "discards") == 0)
        o->discards = value;
    else if (strcmp(name, "dict-format") == 0) {
        if (strcmp(value, "petrel") == 0)
            o->format = PETREL_DICT_PETREL;
        else if (strcmp(value, "petrarch") == 0)
            o->format = PETREL_DICT_PETRARCH;
        else if (strcmp(value, "tabari") == 0)
            o->format = PETREL_DICT_TABARI;
        else {
            cli_say("--dict-format wants petrel, petrarch or tabari, not \"%s\"", value);
            return -1;
        }
    } else
        return 0;
    return 1;
}

int cli_args(int argc, char **argv, const cli_spec *sp, char **operands, int max, int *noperands) {
    static const char *const reading[] = {"format", "date", "max-story-bytes", NULL};
    static const char *const coding[] = {CLI_CODE_VALUE_OPTS, NULL};
    static const char *const output[] = {"o", "output", NULL};
    static const char *const jobs[] = {"j", "jobs", NULL};
    const char *const *lists[5] = {sp->in ? reading : NULL, sp->code ? coding : NULL, sp->output ? output : NULL,
                                   sp->jobs ? jobs : NULL, sp->own_with_value};
    const char *with_value[64];
    size_t nv = 0;
    for (int l = 0; l < 5; l++)
        for (size_t k = 0; lists[l] && lists[l][k] && nv + 1 < sizeof with_value / sizeof *with_value; k++)
            with_value[nv++] = lists[l][k];
    with_value[nv] = NULL;
    *noperands = 0;
    int operands_only = 0;
    for (int i = 1; i < argc;) {
        const char *name = NULL, *value = NULL;
        char nb[64];
        int r = operands_only ? 0 : cli_parse_opt(argc, argv, &i, with_value, &name, &value, nb, sizeof nb);
        if (r < 0)
            return -1;
        if (r == 2) {
            operands_only = 1;
            continue;
        }
        if (r == 0) {
            if (*noperands >= max) {
                cli_say("%s: too many operands (\"%s\")", sp->cmd, argv[i]);
                return -1;
            }
            operands[(*noperands)++] = argv[i++];
            continue;
        }
        int h = 0;
        if (!strcmp(name, "h") || !strcmp(name, "help")) {
            sp->help(stdout);
            return 1;
        }
        if (sp->in && (h = cli_input_option(sp->in, name, value)) == 0 && (!strcmp(name, "q") || !strcmp(name, "quiet"))) {
            sp->in->quiet = 1;
            h = 1;
        }
        if (h == 0 && sp->code)
            h = cli_code_option(sp->code, name, value);
        if (h == 0 && sp->output && (!strcmp(name, "o") || !strcmp(name, "output"))) {
            *sp->output = value;
            h = 1;
        }
        if (h == 0 && sp->jobs && (!strcmp(name, "j") || !strcmp(name, "jobs"))) {
            char *end;
            long v = strtol(value, &end, 10);
            if (*end || v < 1 || v > 1024) {
                cli_say("--jobs wants a number from 1 to 1024, not \"%s\"", value);
                return -1;
            }
            *sp->jobs = (int)v;
            h = 1;
        }
        if (h == 0 && sp->own)
            h = sp->own(sp->ctx, name, value);
        if (h < 0)
            return -1;
        if (h == 0) {
            cli_say("%s: unknown option \"%s\"; see 'petrel %s --help'", sp->cmd, argv[i - 1], sp->cmd);
            return -1;
        }
    }
    return 0;
}

const char *cli_plover_2021(const char *t) {
    if (!strcmp(t, "DEMAND"))
        return "REQUEST";
    if (!strcmp(t, "DISAPPROVE") || !strcmp(t, "INVESTIGATE"))
        return "ACCUSE";
    if (!strcmp(t, "FIGHT"))
        return "ASSAULT";
    return t;
}

const char *cli_data_dir(const char *explicit_dir, char *buf, size_t len) {
    return cli_find_dir(explicit_dir, "PETREL_DATA", "../data", "data", "cameo/cameo.txt", PETREL_DATA_DIR, buf, len);
}

petrel *cli_open_coder(const cli_code_opts *o) {
    if (o->format != PETREL_DICT_PETREL && !o->actors && !o->verbs) {
        cli_say("--dict-format %s needs --actors and --verbs (and --agents)",
                o->format == PETREL_DICT_TABARI ? "tabari" : "petrarch");
        return NULL;
    }
    char mdir[1024], ddir[1024];
    petrel_options po = {0};
    po.models_dir = cli_models_dir(o->models, mdir, sizeof mdir);
    po.no_models = o->no_models;
    po.peer_rules = o->peer_rules;
    po.data_dir = cli_data_dir(o->data, ddir, sizeof ddir);
    po.dict_format = o->format;
    po.dict_dir = o->dict;
    if (o->format != PETREL_DICT_PETREL) {
        po.actors = o->actors;
        po.agents = o->agents;
        po.verbs = o->verbs;
        po.discards = o->discards;
    }
    petrel_error err;
    petrel *p = petrel_open(&po, &err);
    if (!p) {
        cli_error(&err);
        return NULL;
    }
    size_t n = petrel_dict_diag_count(p);
    if (!o->quiet_dict) {
        for (size_t i = 0; i < n && i < 50; i++) {
            const petrel_error *d = petrel_dict_diag(p, i);
            fprintf(stderr, "petrel: warning: %s:%ld: %s (dictionary line skipped)\n", d->file, d->line, d->message);
        }
        if (n > 50)
            cli_say("warning: %zu more dictionary lines skipped ('petrel dict check' lists them all)", n - 50);
    }
    return p;
}
