/* test_code.c - golden cases of the event coder (tests/golden/code.txt)
 * through the library and through the program alike, and its robustness. */
#define _POSIX_C_SOURCE 200809L
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/doc/doc.h"
#include "test.h"

typedef struct code_case {
    char name[128];
    char date[16];
    char *text;
    char *expected;
    int line;
} code_case;

static void append(char **dst, const char *s, size_t n) {
    size_t l = *dst ? strlen(*dst) : 0;
    *dst = realloc(*dst, l + n + 2);
    memcpy(*dst + l, s, n);
    (*dst)[l + n] = '\n';
    (*dst)[l + n + 1] = '\0';
}

static int load_cases(code_case **out) {
    char path[512];
    snprintf(path, sizeof path, "%s/golden/code.txt", test_tests_dir());
    char *text = test_read_file(path, NULL);
    if (!text) {
        test_fail(__FILE__, __LINE__, "cannot read %s", path);
        return 0;
    }
    code_case *cases = NULL;
    int n = 0, lineno = 0, part = 0;
    for (char *p = text; *p;) {
        char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        lineno++;
        if (len >= 4 && strncmp(p, "=== ", 4) == 0) {
            cases = realloc(cases, sizeof *cases * (size_t)(n + 1));
            memset(&cases[n], 0, sizeof *cases);
            snprintf(cases[n].name, sizeof cases[n].name, "%.*s", (int)(len - 4), p + 4);
            cases[n].line = lineno;
            n++;
            part = 1;
        } else if (n && part == 1 && len == 3 && strncmp(p, "---", 3) == 0) {
            part = 2;
        } else if (n && part == 1 && len > 6 && strncmp(p, "date: ", 6) == 0 && !cases[n - 1].text) {
            snprintf(cases[n - 1].date, sizeof cases[n - 1].date, "%.*s", (int)(len - 6), p + 6);
        } else if (n && part == 1 && len > 0) {
            append(&cases[n - 1].text, p, len);
        } else if (n && part == 2 && len > 0 && p[0] != '#') {
            append(&cases[n - 1].expected, p, len);
        }
        p = nl ? nl + 1 : p + len;
    }
    free(text);
    *out = cases;
    return n;
}

static void free_cases(code_case *c, int n) {
    for (int i = 0; i < n; i++) {
        free(c[i].text);
        free(c[i].expected);
    }
    free(c);
}

/* One line per event: SOURCE TARGET CODE flags. */
static void render_event(char **out, const char *src, const char *tgt, const char *code, int neg, const char *mod,
                         int quote, const char *date, const char *story_date, const char *place) {
    char line[256];
    int n = snprintf(line, sizeof line, "%s %s %s", src && *src ? src : "-", tgt && *tgt ? tgt : "-", code);
    if (neg)
        n += snprintf(line + n, sizeof line - (size_t)n, " neg");
    if (mod && strcmp(mod, "asserted") != 0)
        n += snprintf(line + n, sizeof line - (size_t)n, " %s", mod);
    if (quote)
        n += snprintf(line + n, sizeof line - (size_t)n, " quote");
    if (date && *date && (!story_date || strcmp(date, story_date) != 0))
        n += snprintf(line + n, sizeof line - (size_t)n, " date=%s", date);
    if (place && *place)
        n += snprintf(line + n, sizeof line - (size_t)n, " place=%s", place);
    append(out, line, (size_t)n);
}

static petrel *open_test_coder(void) {
    petrel_options o = {.models_dir = "models", .data_dir = "data", .dict_dir = "tests/fixtures/dict"};
    petrel_error err;
    petrel *p = petrel_open(&o, &err);
    if (!p)
        test_fail(__FILE__, __LINE__, "cannot open the coder: %s: %s", err.file, err.message);
    else if (petrel_dict_diag_count(p))
        test_fail(__FILE__, __LINE__, "the test dictionary has bad lines: %s", petrel_dict_diag(p, 0)->message);
    return p;
}

static void compare(const code_case *c, const char *got, const char *how) {
    const char *want = c->expected ? c->expected : "(none)\n";
    const char *g = got && *got ? got : "(none)\n";
    if (strcmp(want, g) != 0)
        test_fail("tests/golden/code.txt", c->line, "case \"%s\" (%s)\n--- want\n%s--- got\n%s", c->name, how, want, g);
}

void test_code_golden_library(void) {
    code_case *cases;
    int n = load_cases(&cases);
    CHECK(n >= 15);
    petrel *p = open_test_coder();
    petrel_doc *doc = petrel_doc_new();
    for (int i = 0; p && i < n; i++) {
        petrel_date d = {0};
        petrel_error err;
        if (cases[i].date[0])
            petrel_date_parse(cases[i].date, &d);
        if (petrel_doc_load_text(doc, cases[i].name, cases[i].text, strlen(cases[i].text), d.year ? &d : NULL,
                                 &err) != 0 ||
            petrel_code(p, doc, &err) != 0) {
            test_fail(__FILE__, __LINE__, "case %s: %s", cases[i].name, err.message);
            continue;
        }
        char *got = NULL;
        for (size_t e = 0; e < petrel_doc_event_count(doc); e++) {
            petrel_event ev;
            petrel_doc_event(p, doc, e, &ev);
            char date[16] = "";
            if (ev.date.year)
                snprintf(date, sizeof date, "%04d-%02d-%02d", ev.date.year % 10000, ev.date.month % 100,
                         ev.date.day % 100);
            render_event(&got, ev.source.code, ev.target.code, ev.cameo, ev.negated, ev.modality, ev.quote, date,
                         cases[i].date, ev.location);
        }
        compare(&cases[i], got, "library");
        free(got);
    }
    petrel_doc_free(doc);
    petrel_close(p);
    free_cases(cases, n);
}

void test_code_golden_cli(void) {
    code_case *cases;
    int n = load_cases(&cases);
    for (int i = 0; i < n; i++) {
        char path[512], args[1200];
        snprintf(path, sizeof path, "%s/code%d.txt", test_tmp_dir(), i);
        test_write_file(path, cases[i].text, strlen(cases[i].text));
        snprintf(args, sizeof args,
                 "code --format text --data data --dict tests/fixtures/dict --output-format jsonl %s%s '%s'",
                 cases[i].date[0] ? "--date " : "", cases[i].date, path);
        char *out = NULL, *err = NULL;
        int rc = test_run_petrel(args, NULL, &out, &err);
        if (rc != 0) {
            test_fail(__FILE__, __LINE__, "case %s: exit %d: %s", cases[i].name, rc, err ? err : "");
            free(out);
            free(err);
            continue;
        }
        char *got = NULL;
        for (char *line = out; line && *line;) {
            char *nl = strchr(line, '\n');
            if (nl)
                *nl = '\0';
            cJSON *ev = cJSON_Parse(line);
            const cJSON *src = cJSON_GetObjectItem(ev, "source"), *tgt = cJSON_GetObjectItem(ev, "target"),
                        *cameo = cJSON_GetObjectItem(ev, "cameo"), *loc = cJSON_GetObjectItem(ev, "location");
            const char *sc = cJSON_GetStringValue(cJSON_GetObjectItem(src, "code")),
                       *tc = cJSON_GetStringValue(cJSON_GetObjectItem(tgt, "code"));
            render_event(&got, sc, tc, cJSON_GetStringValue(cJSON_GetObjectItem(cameo, "code")),
                         cJSON_IsTrue(cJSON_GetObjectItem(ev, "negated")),
                         cJSON_GetStringValue(cJSON_GetObjectItem(ev, "modality")),
                         cJSON_IsTrue(cJSON_GetObjectItem(ev, "quote")),
                         cJSON_GetStringValue(cJSON_GetObjectItem(ev, "date")), cases[i].date,
                         cJSON_GetStringValue(cJSON_GetObjectItem(loc, "code")));
            cJSON_Delete(ev);
            line = nl ? nl + 1 : NULL;
        }
        compare(&cases[i], got, "program");
        free(got);
        free(out);
        free(err);
    }
    free_cases(cases, n);
}

#include "../src/lexicon/lexicon.h"

/* Bounded time and memory on hostile stories and dictionaries. */
void test_code_robustness(void) {
    petrel *p = open_test_coder();
    if (!p)
        return;
    petrel_doc *doc = petrel_doc_new();
    petrel_error err;
    /* 10,000 actors in one story (and a 5,000-word sentence among them) */
    size_t cap = 1 << 20, n = 0;
    char *big = malloc(cap);
    for (int i = 0; i < 5000 && n + 64 < cap; i++)
        n += (size_t)snprintf(big + n, cap - n, "Russia condemned Ukraine. ");
    CHECK(petrel_doc_load_text(doc, "many", big, n, NULL, &err) == 0);
    CHECK(petrel_code(p, doc, &err) == 0);
    CHECK(petrel_doc_event_count(doc) == 5000);
    n = 0;
    for (int i = 0; i < 5000 && n + 16 < cap; i++)
        n += (size_t)snprintf(big + n, cap - n, "Russia and ");
    n += (size_t)snprintf(big + n, cap - n, "Ukraine met.");
    CHECK(petrel_doc_load_text(doc, "long", big, n, NULL, &err) == 0);
    CHECK(petrel_code(p, doc, &err) == 0);
    CHECK(petrel_doc_event_count(doc) <= 64); /* dyads are bounded */
    /* pronouns with nothing to refer to, and to each other */
    const char *circ = "It said it would meet it. They told them that they had met them.";
    CHECK(petrel_doc_load_text(doc, "circular", circ, strlen(circ), NULL, &err) == 0);
    CHECK(petrel_code(p, doc, &err) == 0);
    CHECK_INT(petrel_doc_event_count(doc), 0);
    /* no date anywhere: events have no date, never today's */
    const char *nodate = "Russia attacked Ukraine on Tuesday.";
    CHECK(petrel_doc_load_text(doc, "nodate", nodate, strlen(nodate), NULL, &err) == 0);
    CHECK(petrel_code(p, doc, &err) == 0);
    CHECK_INT(petrel_doc_event_count(doc), 1);
    petrel_event ev;
    if (petrel_doc_event_count(doc) == 1) {
        petrel_doc_event(p, doc, 0, &ev);
        CHECK_INT(ev.date.year, 0);
    }
    /* another language: nothing to code, nothing broken */
    const char *ru = "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 \xD0\xB0\xD1\x82\xD0\xB0\xD0\xBA\xD0\xBE\xD0\xB2"
                     "\xD0\xB0\xD0\xBB\xD0\xB0 \xD0\x9A\xD0\xB8\xD0\xB5\xD0\xB2.";
    CHECK(petrel_doc_load_text(doc, "ru", ru, strlen(ru), NULL, &err) == 0);
    CHECK(petrel_code(p, doc, &err) == 0);
    CHECK_INT(petrel_doc_event_count(doc), 0);
    free(big);
    petrel_doc_free(doc);
    petrel_close(p);
}

void test_code_big_dictionary(void) {
    /* a dictionary of 1,000,000 entries (100,000 under the sanitizers,
     * which are ten times slower) loads, and every entry can be found */
#if defined(__SANITIZE_ADDRESS__)
    const int entries = 100000;
#else
    const int entries = 1000000;
#endif
    size_t cap = (size_t)entries * 48 + 64, n = 0;
    char *text = malloc(cap);
    for (int i = 0; i < entries; i++)
        n += (size_t)snprintf(text + n, cap - n, "org Actor%d Group\n    code: X%06dGOV\n", i, i);
    lexicon *lex = lexicon_new();
    petrel_error err;
    CHECK(lexicon_load_text(lex, "big", text, n, LEX_PETREL, &err) == 0);
    CHECK(lexicon_finish(lex) == 0);
    CHECK_INT(lex_actor_count(lex), entries);
    CHECK_INT(lexicon_diag_count(lex), 0);
    /* the last entry's name walks to its hit */
    char name[32];
    snprintf(name, sizeof name, "actor%d", entries - 1);
    uint32_t node = lex_trie_next(lex, lex_trie_next(lex, 0, lex_word(lex, name, strlen(name))), lex_word(lex, "group", 5));
    CHECK(node != 0 && lex_trie_hits(lex, node) != 0);
    lexicon_free(lex);
    free(text);
}

/* PETRARCH dictionaries read, written in petrel's format, read again: the
 * same actors, agents and patterns. */
void test_dict_convert_roundtrip(void) {
    const char *actors = "ARNOR_ [ARN]\n+ARNORIAN_\nGOLLUM_\n\t[HOB <950601]\n\t[HOBGOV 19950601-19990815]\n"
                         "GONDOR [GON]\n";
    const char *agents = "MINISTER {MINISTERS} [~GOV]\nPOLICE {} [~COP]\n";
    const char *verbs = "&TIES_\n+DIPLOMATIC_TIES\n+RELATIONS\n\n--- RESTORE [064] ---\nRESTORE\n"
                        "- * &TIES (WITH +) [064]\n- NOT * [---]\n\n--- ATTACK [190] ---\nATTACK\n- * + [190]\n";
    lexicon *a = lexicon_new();
    petrel_error err;
    CHECK(lexicon_load_text(a, "actors", actors, strlen(actors), LEX_PETRARCH_ACTORS, &err) == 0);
    CHECK(lexicon_load_text(a, "agents", agents, strlen(agents), LEX_PETRARCH_AGENTS, &err) == 0);
    CHECK(lexicon_load_text(a, "verbs", verbs, strlen(verbs), LEX_PETRARCH_VERBS, &err) == 0);
    CHECK(lexicon_finish(a) == 0);
    CHECK_INT(lexicon_diag_count(a), 0);
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    CHECK(lexicon_write(a, f, f, f, f) == 0);
    fclose(f);
    lexicon *b = lexicon_new();
    CHECK(lexicon_load_text(b, "converted", text, len, LEX_PETREL, &err) == 0);
    CHECK(lexicon_finish(b) == 0);
    if (lexicon_diag_count(b))
        test_fail(__FILE__, __LINE__, "converted text has bad lines: %s\n%s", lexicon_diag(b, 0)->message, text);
    lex_stats sa, sb;
    lex_get_stats(a, &sa);
    lex_get_stats(b, &sb);
    CHECK_INT(sb.orgs, sa.orgs);
    CHECK_INT(sb.roles, sa.roles);
    CHECK_INT(sb.names, sa.names);
    CHECK_INT(sb.agents, sa.agents);
    CHECK_INT(sb.patterns, sa.patterns);
    CHECK_INT(sb.synsets, sa.synsets);
    /* the dated code of GOLLUM survives */
    char code[32];
    for (size_t i = 0; i < lex_actor_count(b); i++) {
        const lex_actor *ac = lex_actor_get(b, (uint32_t)i);
        if (strcmp(ac->name, "Gollum") == 0) {
            CHECK_STR(lex_actor_code(b, ac, 19970101, code, sizeof code), "HOBGOV");
            CHECK_STR(lex_actor_code(b, ac, 19940101, code, sizeof code), "HOB");
        }
    }
    free(text);
    lexicon_free(a);
    lexicon_free(b);
}

/* The shipped dictionaries must pass their own checker (issue: dict check in
 * make check). */
void test_dict_check_shipped(void) {
    char *out = NULL, *err = NULL;
    int rc = test_run_petrel("dict check --data data", NULL, &out, &err);
    if (rc != 0)
        test_fail(__FILE__, __LINE__, "petrel dict check exit %d:\n%s%s", rc, out ? out : "", err ? err : "");
    CHECK(out && strstr(out, "0 problems"));
    free(out);
    free(err);
}

/* Each kind of problem the checker knows is found, on the line that has it. */
void test_dict_check_finds(void) {
    char dir[512], path[600];
    snprintf(dir, sizeof dir, "%s/checkdict", test_tmp_dir());
    snprintf(path, sizeof path, "mkdir -p '%s'", dir);
    CHECK(system(path) == 0);
    const char *text = "country ARN Arnor\n"
                       "    adjective: Arnorian\n"
                       "person Aragorn\n"
                       "    name: Strider\n"
                       "    role: ARNGOV 2001..2010 king\n"
                       "    role: GONGOV 2005..2012 king\n"
                       "person Halbarad\n"
                       "    name: Strider\n"
                       "    code: ARNMIL\n"
                       "111     criticize TGT\n"
                       "112     criticize TGT\n"
                       "9999    praise TGT\n"
                       "170+Cyber hack TGT\n"
                       "&lies = lies; fake news\n"
                       "019     in agreement\n"
                       "173/1x5 indict TGT\n";
    snprintf(path, sizeof path, "%s/all.txt", dir);
    test_write_file(path, text, strlen(text));
    char args[700];
    snprintf(args, sizeof args, "dict check --data data --dict '%s'", dir);
    char *out = NULL, *err = NULL;
    int rc = test_run_petrel(args, NULL, &out, &err);
    CHECK_INT(rc, 1);
    CHECK(out && strstr(out, "all.txt:3: Aragorn: roles ARNGOV and GONGOV overlap in time"));
    CHECK(out && strstr(out, "all.txt:8: \"strider\" of Halbarad is already a name of Aragorn"));
    CHECK(out && strstr(out, "all.txt:11: \"112     criticize TGT\" repeats"));
    CHECK(out && strstr(out, "all.txt:12: event code 9999 is not a CAMEO code"));
    CHECK(out && strstr(out, "all.txt:13: bad PLOVER mode \"Cyber\""));
    CHECK(out && strstr(out, "all.txt:14: synset member \"fake news\" is more than one word"));
    CHECK(out &&
          strstr(out, "all.txt:15: \"019     in agreement\" can never match: a function word is never a predicate"));
    CHECK(out && strstr(out, "all.txt:16: bad PLOVER code \"1x5\""));
    CHECK(out && strstr(out, "8 problems"));
    free(out);
    free(err);
}

/* Codes JSON Lines stories with the test dictionary; the output in the
 * given format (the caller frees it), NULL when the program failed. */
static char *code_with_fixture(const char *in, const char *format) {
    char args[256], *out = NULL, *err = NULL;
    snprintf(args, sizeof args, "code -q --format jsonl --data data --dict tests/fixtures/dict --output-format %s -",
             format);
    int rc = test_run_petrel(args, in, &out, &err);
    if (rc != 0)
        test_fail(__FILE__, __LINE__, "petrel %s: exit %d: %s", args, rc, err ? err : "");
    free(err);
    if (rc != 0) {
        free(out);
        return NULL;
    }
    return out;
}

/* A pattern's PLOVER mode ("170+cyber hack TGT") and the recoding of an
 * attack by hackers reach the output: the mode, and the context PLOVER adds
 * with it; a threat to hack is a threat, without the mode. */
void test_code_plover_mode(void) {
    char *out = code_with_fixture("{\"id\":\"a\",\"text\":\"Russia hacked Ukraine.\"}\n"
                                  "{\"id\":\"b\",\"text\":\"Russian hackers attacked Ukraine.\"}\n"
                                  "{\"id\":\"c\",\"text\":\"Russia attacked Ukraine.\"}\n",
                                  "jsonl");
    const char *want[][4] = {{"a", "170", "cyber", "RUS"}, {"b", "170", "cyber", "RUSCRM"}, {"c", "190", "", "RUS"}};
    int seen = 0;
    for (char *line = out; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        cJSON *j = cJSON_Parse(line);
        const char *id = cJSON_GetStringValue(cJSON_GetObjectItem(j, "story_id"));
        cJSON *pl = cJSON_GetObjectItem(j, "plover");
        const char *mode = cJSON_GetStringValue(cJSON_GetObjectItem(pl, "mode"));
        cJSON *ctx = cJSON_GetObjectItem(pl, "context");
        const char *c0 = cJSON_GetArraySize(ctx) > 0 ? cJSON_GetStringValue(cJSON_GetArrayItem(ctx, 0)) : NULL;
        const char *code = cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetObjectItem(j, "cameo"), "code"));
        const char *src = cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetObjectItem(j, "source"), "code"));
        for (int i = 0; i < 3; i++) {
            if (!id || strcmp(id, want[i][0]) != 0)
                continue;
            seen++;
            CHECK(code && strcmp(code, want[i][1]) == 0);
            CHECK(src && strcmp(src, want[i][3]) == 0);
            if (want[i][2][0]) {
                CHECK(mode && strcmp(mode, want[i][2]) == 0);
                CHECK(c0 && strcmp(c0, want[i][2]) == 0);
                CHECK_INT(cJSON_GetArraySize(ctx), 1);
            } else {
                CHECK(!mode || strcmp(mode, "cyber") != 0);
            }
        }
        cJSON_Delete(j);
        line = nl ? nl + 1 : NULL;
    }
    CHECK_INT(seen, 3);
    free(out);
    out = code_with_fixture("{\"id\":\"d\",\"text\":\"Russia threatened to hack Ukraine.\"}\n", "jsonl");
    CHECK(out && strstr(out, "\"code\":\"170\"") == NULL && strstr(out, "\"cyber\"") == NULL &&
          strstr(out, "\"quad\":3"));
    free(out);
    /* CAMEO and PLOVER apart: "will withdraw" is CAMEO's intent to
     * de-escalate and PLOVER's CONCEDE ("announced ... would withdraw troops
     * is RETREAT + FUTURE and should be coded as CONCEDE", the manual);
     * "173/115 indict TGT" CAMEO's charge and PLOVER's accusation; soldiers
     * captured are PLOVER's ASSAULT 'abduct' */
    static const char *const apart[][4] = {
        {"Russian troops will withdraw from Ukraine.", "\"code\":\"0356\"", "\"type\":\"CONCEDE\"",
         "\"modality\":\"future\""},
        {"Turkey indicted Greek officials.", "\"code\":\"173\"", "\"type\":\"ACCUSE\"", "\"mode\":\"allege\""},
        {"Ukrainian troops captured Russian soldiers.", "\"code\":\"173\"", "\"type\":\"ASSAULT\"",
         "\"mode\":\"abduct\""}};
    for (size_t i = 0; i < sizeof apart / sizeof *apart; i++) {
        char in[256];
        snprintf(in, sizeof in, "{\"id\":\"x\",\"text\":\"%s\"}\n", apart[i][0]);
        out = code_with_fixture(in, "jsonl");
        if (!(out && strstr(out, apart[i][1]) && strstr(out, apart[i][2]) && strstr(out, apart[i][3])))
            test_fail(__FILE__, __LINE__, "%s: %s", apart[i][0], out ? out : "(no output)");
        free(out);
    }
}

/* A title-case headline is tagged as its words are written in running
 * text: "Condemns" and "Urges" are verbs, and the headline is coded. */
void test_code_title_case_headline(void) {
    char *out = code_with_fixture(
        "{\"id\":\"a\",\"title\":\"Turkey Condemns Greece for Their Action\",\"text\":\"Nothing happened.\"}\n"
        "{\"id\":\"b\",\"title\":\"Turkey Urges Greece to Talks\",\"text\":\"Nothing happened.\"}\n",
        "tsv");
    CHECK(out && strstr(out, "a\t1\t"));
    CHECK(out && strstr(out, "\tTUR\tTurkey\tGRC\tGreece\t111\tACCUSE\t"));
    CHECK(out && strstr(out, "\tTUR\tTurkey\tGRC\tGreece\t102\tREQUEST\t"));
    free(out);
}

/* -j2 and -j 2 and --jobs=2 are the same, and the output keeps input order
 * whatever the number of workers. */
void test_code_jobs_option(void) {
    const char *in = "{\"id\":\"a\",\"text\":\"Russia attacked Ukraine.\"}\n"
                     "{\"id\":\"b\",\"text\":\"Turkey criticized Greece.\"}\n"
                     "{\"id\":\"c\",\"text\":\"Germany telephoned Jordan.\"}\n";
    const char *forms[] = {"-j2", "-j 2", "--jobs=2", "-j 1"};
    char *first = NULL;
    for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
        char args[256];
        snprintf(args, sizeof args,
                 "code -q %s --format jsonl --data data --dict tests/fixtures/dict --output-format tsv -", forms[i]);
        char *out = NULL, *err = NULL;
        int rc = test_run_petrel(args, in, &out, &err);
        if (rc != 0)
            test_fail(__FILE__, __LINE__, "%s: exit %d: %s", forms[i], rc, err ? err : "");
        CHECK(out && strstr(out, "a\t1\t") && strstr(out, "b\t1\t") && strstr(out, "c\t1\t") &&
              strstr(out, "a\t1\t") < strstr(out, "b\t1\t") && strstr(out, "b\t1\t") < strstr(out, "c\t1\t"));
        if (!first)
            first = out;
        else {
            CHECK(out && strcmp(out, first) == 0);
            free(out);
        }
        free(err);
    }
    free(first);
}
