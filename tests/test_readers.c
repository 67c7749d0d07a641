/* test_readers.c - every story reader, with good and with malformed input. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/doc/doc.h"
#include "test.h"

/* Reads every story of a memory buffer; returns stories read, counts
 * errors, and keeps the last error message. */
static int read_all(const char *name, const char *text, size_t len, petrel_format f, int *errors, char *last_error) {
    petrel_reader_options o = {.format = f};
    petrel_error err;
    petrel_reader *r = petrel_reader_open_memory(name, text, len, &o, &err);
    *errors = 0;
    if (!r) {
        (*errors)++;
        if (last_error)
            snprintf(last_error, 256, "%s", err.message);
        return 0;
    }
    petrel_doc *doc = petrel_doc_new();
    int n = 0, rc;
    while ((rc = petrel_reader_next(r, doc, &err)) != 0) {
        if (rc < 0) {
            (*errors)++;
            if (last_error)
                snprintf(last_error, 256, "%.100s:%ld: %.120s", err.file, err.line, err.message);
            continue;
        }
        n++;
    }
    petrel_doc_free(doc);
    petrel_reader_close(r);
    return n;
}

void test_read_jsonl(void) {
    const char *in = "{\"id\": \"a1\", \"date\": \"2024-07-14\", \"source\": \"Reuters\", \"title\": \"Talks resume\", "
                     "\"text\": \"Iran and the U.S. met.\", \"plover\": \"CONSULT\", \"n\": 3}\n"
                     "\n"
                     "{\"id\": 7, \"text\": \"No title here.\"}\n";
    petrel_reader_options o = {.format = PETREL_FORMAT_AUTO};
    petrel_error err;
    petrel_reader *r = petrel_reader_open_memory("s.jsonl", in, strlen(in), &o, &err);
    CHECK(r != NULL);
    if (!r)
        return;
    CHECK_INT(petrel_reader_format(r), PETREL_FORMAT_JSONL);
    petrel_doc *doc = petrel_doc_new();
    CHECK_INT(petrel_reader_next(r, doc, &err), 1);
    petrel_story st;
    petrel_doc_story(doc, &st);
    CHECK_STR(st.id, "a1");
    CHECK_STR(st.source, "Reuters");
    CHECK_STR(st.headline, "Talks resume");
    CHECK_INT(st.date.year, 2024);
    CHECK_INT(st.date.month, 7);
    CHECK_INT(st.date.day, 14);
    CHECK_INT(st.date_origin, PETREL_DATE_INPUT);
    CHECK_STR(st.text, "Talks resume\n\nIran and the U.S. met.");
    CHECK_INT(st.body_offset, 14);
    CHECK_INT(petrel_doc_meta_count(doc), 2);
    const char *k, *v;
    CHECK(petrel_doc_meta(doc, 0, &k, &v) == 0);
    CHECK_STR(k, "plover");
    CHECK_STR(v, "\"CONSULT\"");
    CHECK(petrel_tokenize(doc, &err) == 0);
    CHECK_INT(petrel_doc_sentence_count(doc), 2); /* headline and body */
    petrel_sentence s;
    petrel_doc_sentence(doc, 0, &s);
    CHECK(s.headline);
    CHECK_INT(st.input_line, 1);

    CHECK_INT(petrel_reader_next(r, doc, &err), 1);
    petrel_doc_story(doc, &st);
    CHECK_STR(st.id, "7");
    CHECK(st.headline == NULL);
    CHECK_INT(st.date.year, 0);
    CHECK_INT(st.date_origin, PETREL_DATE_UNKNOWN);
    CHECK_INT(st.input_line, 3);
    CHECK_INT(petrel_reader_next(r, doc, &err), 0);
    petrel_doc_free(doc);
    petrel_reader_close(r);

    /* --date applies only to stories without one */
    o.default_date = (petrel_date){2020, 1, 2};
    r = petrel_reader_open_memory("s.jsonl", in, strlen(in), &o, &err);
    doc = petrel_doc_new();
    petrel_reader_next(r, doc, &err);
    petrel_doc_story(doc, &st);
    CHECK_INT(st.date.year, 2024);
    petrel_reader_next(r, doc, &err);
    petrel_doc_story(doc, &st);
    CHECK_INT(st.date.year, 2020);
    CHECK_INT(st.date_origin, PETREL_DATE_DEFAULT);
    petrel_doc_free(doc);
    petrel_reader_close(r);
}

void test_read_jsonl_malformed(void) {
    const char *in = "{\"id\": \"ok1\", \"text\": \"Fine.\"}\n"
                     "{\"id\": \"cut\", \"text\": \"Truncat\n"
                     "[1, 2, 3]\n"
                     "{\"id\": \"notext\", \"title\": \"Only a title\"}\n"
                     "{\"id\": \"baddate\", \"date\": \"yesterday\", \"text\": \"Kept.\"}\n"
                     "{\"id\": \"ok2\", \"text\": \"Also fine.\"}";
    int errors;
    char last[256];
    int n = read_all("bad.jsonl", in, strlen(in), PETREL_FORMAT_JSONL, &errors, last);
    CHECK_INT(n, 3);      /* ok1, baddate, ok2 */
    CHECK_INT(errors, 3); /* truncated line, array, missing text */
    petrel_reader_options o = {.format = PETREL_FORMAT_JSONL};
    petrel_error err;
    petrel_reader *r = petrel_reader_open_memory("bad.jsonl", in, strlen(in), &o, &err);
    petrel_doc *doc = petrel_doc_new();
    CHECK_INT(petrel_reader_next(r, doc, &err), 1);
    CHECK_INT(petrel_reader_next(r, doc, &err), PETREL_ERR_FORMAT);
    CHECK_INT(err.line, 2);
    CHECK_STR(err.file, "bad.jsonl");
    CHECK(strstr(err.message, "invalid JSON") != NULL);
    CHECK_INT(petrel_doc_word_count(doc), 0); /* nothing half-read is left */
    CHECK_INT(petrel_reader_next(r, doc, &err), PETREL_ERR_FORMAT);
    CHECK_INT(err.line, 3);
    CHECK_INT(petrel_reader_next(r, doc, &err), PETREL_ERR_FORMAT);
    CHECK(strstr(err.message, "\"text\"") != NULL);
    CHECK_INT(petrel_reader_next(r, doc, &err), 1);
    CHECK_INT(petrel_doc_warning_count(doc), 1); /* the unreadable date */
    petrel_doc_free(doc);
    petrel_reader_close(r);
}

void test_read_jsonl_invalid_utf8(void) {
    const char *in = "{\"id\": \"u\", \"text\": \"Caf\xE9 talks in Kyiv \xFF\xFE ended.\"}\n";
    petrel_reader_options o = {.format = PETREL_FORMAT_JSONL};
    petrel_error err;
    petrel_reader *r = petrel_reader_open_memory("u.jsonl", in, strlen(in), &o, &err);
    petrel_doc *doc = petrel_doc_new();
    CHECK_INT(petrel_reader_next(r, doc, &err), 1);
    CHECK_INT(petrel_doc_warning_count(doc), 3);
    const petrel_error *w = petrel_doc_warning(doc, 0);
    CHECK(w && w->offset == 24 && w->line == 1);
    CHECK(w && strstr(w->message, "0xE9") != NULL);
    CHECK(petrel_tokenize(doc, &err) == 0);
    petrel_word wd;
    petrel_doc_word(doc, 0, &wd);
    CHECK(wd.form_len == 6 && memcmp(wd.form, "Caf\xEF\xBF\xBD", 6) == 0);
    petrel_doc_free(doc);
    petrel_reader_close(r);
}

void test_read_huge_line(void) {
    /* a 50 MB line between two good stories: reported, skipped, bounded */
    char path[512];
    snprintf(path, sizeof path, "%s/huge.jsonl", test_tmp_dir());
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (!f)
        return;
    fputs("{\"id\": \"before\", \"text\": \"A story.\"}\n{\"id\": \"huge\", \"text\": \"", f);
    char *block = malloc(1 << 20);
    memset(block, 'x', 1 << 20);
    for (int i = 0; i < 50; i++)
        fwrite(block, 1, 1 << 20, f);
    free(block);
    fputs("\"}\n{\"id\": \"after\", \"text\": \"Another story.\"}\n", f);
    fclose(f);
    petrel_reader_options o = {.format = PETREL_FORMAT_AUTO};
    petrel_error err;
    petrel_reader *r = petrel_reader_open(path, &o, &err);
    CHECK(r != NULL);
    if (!r)
        return;
    petrel_doc *doc = petrel_doc_new();
    petrel_story st;
    CHECK_INT(petrel_reader_next(r, doc, &err), 1);
    CHECK_INT(petrel_reader_next(r, doc, &err), PETREL_ERR_LIMIT);
    CHECK_INT(err.line, 2);
    CHECK(strstr(err.message, "limit") != NULL);
    CHECK_INT(petrel_reader_next(r, doc, &err), 1);
    petrel_doc_story(doc, &st);
    CHECK_STR(st.id, "after");
    CHECK_INT(st.input_line, 3);
    CHECK_INT(petrel_reader_next(r, doc, &err), 0);
    petrel_doc_free(doc);
    petrel_reader_close(r);
    remove(path);
}

void test_read_empty(void) {
    int errors;
    char last[256];
    CHECK_INT(read_all("empty.jsonl", "", 0, PETREL_FORMAT_JSONL, &errors, last), 0);
    CHECK_INT(errors, 1);
    CHECK(strstr(last, "empty") != NULL);
    CHECK_INT(read_all("blank.txt", "  \n\n ", 5, PETREL_FORMAT_AUTO, &errors, last), 0);
    CHECK_INT(errors, 1);
    CHECK_INT(read_all("empty.conllu", "", 0, PETREL_FORMAT_CONLLU, &errors, last), 0);
    CHECK_INT(errors, 1);
}

void test_read_binary(void) {
    char bin[4096];
    for (size_t i = 0; i < sizeof bin; i++)
        bin[i] = (char)((i * 131 + 7) % 256);
    petrel_error err;
    petrel_reader *r = petrel_reader_open_memory("blob.bin", bin, sizeof bin, NULL, &err);
    CHECK(r == NULL);
    CHECK_INT(err.code, PETREL_ERR_FORMAT);
    CHECK(strstr(err.message, "binary") != NULL);
    /* told it is JSON Lines, a binary file is a run of bad lines, not a crash */
    int errors;
    int n = read_all("blob.bin", bin, sizeof bin, PETREL_FORMAT_JSONL, &errors, NULL);
    CHECK_INT(n, 0);
    CHECK(errors >= 1);
    /* and as plain text it is a story with invalid bytes, reported */
    petrel_reader_options o = {.format = PETREL_FORMAT_TEXT};
    r = petrel_reader_open_memory("blob.bin", bin, sizeof bin, &o, &err);
    petrel_doc *doc = petrel_doc_new();
    CHECK_INT(petrel_reader_next(r, doc, &err), 1);
    CHECK(petrel_doc_warning_count(doc) > 0);
    CHECK(petrel_tokenize(doc, &err) == 0);
    petrel_doc_free(doc);
    petrel_reader_close(r);
}

void test_read_text_wire(void) {
    const char *in = "Russia warns NATO over Baltic plan\n"
                     "\n"
                     "By Anna Example\n"
                     "\n"
                     "MOSCOW, July 14 (Reuters) - Russia said on Tuesday it regarded the plan as a threat.\n"
                     "\n"
                     "The Kremlin said it would respond.\n"
                     "\n"
                     "(Reporting by Anna Example; Editing by Jo Doe)\n"
                     "\n"
                     "\xC2\xA9 2023 Reuters. All rights reserved.\n";
    petrel_doc *doc = petrel_doc_new();
    petrel_error err;
    CHECK(petrel_doc_load_text(doc, "wire.txt", in, strlen(in), NULL, &err) == 0);
    petrel_story st;
    petrel_doc_story(doc, &st);
    CHECK_STR(st.headline, "Russia warns NATO over Baltic plan");
    CHECK_STR(st.byline, "Anna Example");
    CHECK_STR(st.dateline, "MOSCOW");
    CHECK_STR(st.source, "Reuters");
    CHECK_STR(st.credits, "(Reporting by Anna Example; Editing by Jo Doe)");
    CHECK_INT(st.copyright_year, 2023);
    CHECK_INT(st.date.year, 2023);
    CHECK_INT(st.date.month, 7);
    CHECK_INT(st.date.day, 14);
    CHECK_INT(st.date_origin, PETREL_DATE_INPUT);
    CHECK(petrel_tokenize(doc, &err) == 0);
    CHECK_INT(petrel_doc_sentence_count(doc), 3);
    petrel_sentence s;
    petrel_word w;
    petrel_doc_sentence(doc, 1, &s);
    petrel_doc_word(doc, s.first_word, &w);
    CHECK(w.form_len == 6 && memcmp(w.form, "Russia", 6) == 0); /* the lead is not text */
    CHECK_INT(w.start, (size_t)(strstr(in, "Russia said") - in)); /* offsets are file offsets */
    petrel_doc_sentence(doc, 2, &s);
    petrel_doc_word(doc, s.first_word + s.word_count - 1, &w);
    CHECK(w.form_len == 1 && w.form[0] == '.');

    /* other lead styles */
    const char *leads[] = {"(Bloomberg) -- Oil rose.\n", "WASHINGTON (AP) \xE2\x80\x94 Talks began.\n",
                           "KYIV, Ukraine, March 3, 2024 (AFP) - Talks began.\n", "BEIRUT - Talks began.\n"};
    const char *places[] = {NULL, "WASHINGTON", "KYIV, Ukraine", "BEIRUT"};
    const char *sources[] = {"Bloomberg", "AP", "AFP", NULL};
    for (int i = 0; i < 4; i++) {
        CHECK(petrel_doc_load_text(doc, "lead.txt", leads[i], strlen(leads[i]), NULL, &err) == 0);
        petrel_doc_story(doc, &st);
        CHECK_STR(st.dateline, places[i]);
        CHECK_STR(st.source, sources[i]);
        petrel_tokenize(doc, &err);
        petrel_doc_word(doc, 0, &w);
        CHECK(w.form[0] == 'O' || w.form[0] == 'T');
    }
    petrel_doc_story(doc, &st);
    petrel_doc_free(doc);
}

void test_read_text_plain(void) {
    /* an ordinary sentence is never taken for a lead or a headline */
    const char *in = "Officials said - in private - that talks failed.";
    petrel_doc *doc = petrel_doc_new();
    petrel_error err;
    CHECK(petrel_doc_load_text(doc, "p.txt", in, strlen(in), NULL, &err) == 0);
    petrel_story st;
    petrel_doc_story(doc, &st);
    CHECK(st.headline == NULL);
    CHECK(st.dateline == NULL);
    CHECK_INT(st.date_origin, PETREL_DATE_UNKNOWN);
    petrel_tokenize(doc, &err);
    petrel_word w;
    petrel_doc_word(doc, 0, &w);
    CHECK(w.form_len == 9 && memcmp(w.form, "Officials", 9) == 0);
    petrel_doc_free(doc);
}

void test_read_petrarch(void) {
    const char *in = "<Validation><Sentences>\n"
                     "<Sentence date=\"19950101\" id=\"DEMO-00\" category=\"DEMO\" sentence=\"true\">\n"
                     "<!-- comment -->\n"
                     "<EventCoding sourcecode=\"ARN\" targetcode=\"GON\" eventcode=\"064\"></EventCoding>\n"
                     "<Text>\nArnor is about to restore full diplomatic ties with Gondor &amp; Rohan.\n</Text>\n"
                     "<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>\n"
                     "</Sentence>\n"
                     "<Sentence date=\"19950102\" id=\"NONE-1\" category=\"X\" sentence=\"true\">\n"
                     "<EventCoding noevents = \"True\"></EventCoding>\n"
                     "<Text>Nothing happened.</Text></Sentence>\n"
                     "</Sentences></Validation>\n";
    petrel_error err;
    petrel_reader *r = petrel_reader_open_memory("v.xml", in, strlen(in), NULL, &err);
    CHECK(r != NULL);
    if (!r)
        return;
    CHECK_INT(petrel_reader_format(r), PETREL_FORMAT_PETRARCH);
    petrel_doc *doc = petrel_doc_new();
    CHECK_INT(petrel_reader_next(r, doc, &err), 1);
    petrel_story st;
    petrel_doc_story(doc, &st);
    CHECK_STR(st.id, "DEMO-00");
    CHECK_INT(st.date.year, 1995);
    CHECK_STR(st.text, "Arnor is about to restore full diplomatic ties with Gondor & Rohan.");
    CHECK_INT(st.input_line, 2);
    CHECK_STR(doc_meta_get(doc, "expected"), "[{\"source\":\"ARN\",\"target\":\"GON\",\"code\":\"064\"}]");
    CHECK_STR(doc_meta_get(doc, "category"), "\"DEMO\"");
    CHECK_INT(petrel_reader_next(r, doc, &err), 1);
    CHECK_STR(doc_meta_get(doc, "expected"), "[]");
    CHECK_INT(petrel_reader_next(r, doc, &err), 0);
    petrel_doc_free(doc);
    petrel_reader_close(r);
}

void test_read_petrarch_malformed(void) {
    const char *in = "<Sentences>\n<Sentence id=\"A\" date=\"19950101\"><Text>One.</Text></Sentence>\n"
                     "<Sentence id=\"B\"><Text>Two.</Txt></Sentence>\n";
    petrel_reader_options o = {.format = PETREL_FORMAT_PETRARCH};
    petrel_error err;
    petrel_reader *r = petrel_reader_open_memory("m.xml", in, strlen(in), &o, &err);
    petrel_doc *doc = petrel_doc_new();
    int rc, stories = 0, errors = 0;
    while ((rc = petrel_reader_next(r, doc, &err)) != 0) {
        if (rc > 0)
            stories++;
        else {
            errors++;
            CHECK_INT(err.line, 3);
            CHECK(strstr(err.message, "XML") != NULL);
        }
    }
    CHECK_INT(stories, 1);
    CHECK_INT(errors, 1);
    petrel_doc_free(doc);
    petrel_reader_close(r);
}

void test_read_tabari(void) {
    const char *in = "# a comment line\n"
                     "950101  DEMO-01\n"
                     "Arnor is about to restore full diplomatic ties with Gondor almost\n"
                     "five years after crowds trashed its embassy.\n"
                     "/*\\n-----\n"
                     "\\n[Simple coding]\n"
                     "\\n{ ARN / GON / 064 } */\n"
                     "\n"
                     "950113  DEMO-13\n"
                     "Arnor signed a protocol with Dagolath, officials said./*\n"
                     "\\n{ ARN / DAG / 085 } 950113 \\n-{ X / Y / 010 } */\n";
    petrel_error err;
    petrel_reader *r = petrel_reader_open_memory("Validate.text", in, strlen(in), NULL, &err);
    CHECK(r != NULL);
    if (!r)
        return;
    CHECK_INT(petrel_reader_format(r), PETREL_FORMAT_TABARI);
    petrel_doc *doc = petrel_doc_new();
    CHECK_INT(petrel_reader_next(r, doc, &err), 1);
    petrel_story st;
    petrel_doc_story(doc, &st);
    CHECK_STR(st.id, "DEMO-01");
    CHECK_INT(st.date.year, 1995);
    CHECK_INT(st.date.month, 1);
    CHECK_STR(st.text, "Arnor is about to restore full diplomatic ties with Gondor almost\n"
                       "five years after crowds trashed its embassy.");
    CHECK_STR(doc_meta_get(doc, "expected"), "[{\"source\":\"ARN\",\"target\":\"GON\",\"code\":\"064\"}]");
    CHECK_INT(petrel_reader_next(r, doc, &err), 1);
    petrel_doc_story(doc, &st);
    CHECK_STR(st.text, "Arnor signed a protocol with Dagolath, officials said.");
    CHECK_STR(doc_meta_get(doc, "expected"), "[{\"source\":\"ARN\",\"target\":\"DAG\",\"code\":\"085\"}]");
    CHECK_INT(petrel_reader_next(r, doc, &err), 0);
    petrel_doc_free(doc);
    petrel_reader_close(r);
}

void test_read_conllu(void) {
    const char *in = "# newdoc id = doc-a\n"
                     "# newpar\n"
                     "# sent_id = a-1\n"
                     "# text = I don't know.\n"
                     "1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n"
                     "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
                     "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n"
                     "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
                     "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
                     "4.1\tghost\t_\t_\t_\t_\t_\t_\t_\t_\n"
                     "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
                     "\n"
                     "# newdoc id = doc-b\n"
                     "1\tHello\thello\tINTJ\tUH\t_\t0\troot\t_\t_\n"
                     "\n";
    petrel_error err;
    petrel_reader *r = petrel_reader_open_memory("t.conllu", in, strlen(in), NULL, &err);
    CHECK(r != NULL);
    if (!r)
        return;
    CHECK_INT(petrel_reader_format(r), PETREL_FORMAT_CONLLU);
    petrel_doc *doc = petrel_doc_new();
    CHECK_INT(petrel_reader_next(r, doc, &err), 1);
    petrel_story st;
    petrel_doc_story(doc, &st);
    CHECK_STR(st.id, "doc-a");
    CHECK_STR(st.text, "I don't know.");
    CHECK_INT(petrel_doc_word_count(doc), 5);
    petrel_word w;
    petrel_doc_word(doc, 1, &w);
    CHECK_INT(w.token_words, 2);
    CHECK_INT(w.start, 2);
    CHECK_INT(w.end, 4);
    CHECK_INT(w.token_end, 7);
    CHECK_STR(w.lemma, "do");
    petrel_doc_word(doc, 2, &w);
    CHECK_INT(w.token_words, 0);
    CHECK(w.form_len == 3 && memcmp(w.form, "n't", 3) == 0);
    CHECK_INT(w.head, 4);
    CHECK_STR(w.deprel, "advmod");
    CHECK(petrel_tokenize(doc, &err) == 0); /* already tokenized: unchanged */
    CHECK_INT(petrel_doc_word_count(doc), 5);
    CHECK_INT(petrel_reader_next(r, doc, &err), 1);
    petrel_doc_story(doc, &st);
    CHECK_STR(st.id, "doc-b");
    CHECK_INT(petrel_reader_next(r, doc, &err), 0);
    petrel_doc_free(doc);
    petrel_reader_close(r);
}

void test_read_conllu_malformed(void) {
    const char *in = "# newdoc id = bad\n"
                     "1\tOnly\tfour\tfields\n"
                     "\n"
                     "# newdoc id = good\n"
                     "1\tFine\tfine\tADJ\tJJ\t_\t0\troot\t_\t_\n"
                     "\n";
    int errors;
    char last[256];
    CHECK_INT(read_all("m.conllu", in, strlen(in), PETREL_FORMAT_CONLLU, &errors, last), 1);
    CHECK_INT(errors, 1);
    CHECK(strstr(last, "m.conllu:2:") != NULL);
}

void test_date_parse(void) {
    petrel_date d = {0};
    CHECK(petrel_date_parse("2024-02-29", &d) == 0 && d.day == 29);
    CHECK(petrel_date_parse("20240714", &d) == 0 && d.month == 7);
    CHECK(petrel_date_parse("2024-07-14T10:00:00Z", &d) == 0 && d.day == 14);
    CHECK(petrel_date_parse("2023-02-29", &d) != 0);
    CHECK(petrel_date_parse("2024-13-01", &d) != 0);
    CHECK(petrel_date_parse("July 14", &d) != 0);
    CHECK(petrel_date_parse("", &d) != 0);
}
