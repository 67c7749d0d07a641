/*
 * bench.c - throughput of petrel's stages on a story file.
 *
 *   petrel-bench STAGE FILE [--repeat N]
 *
 * STAGE is "tokenize" (read + normalize + split + tokenize), "tag" (...
 * + tagging and lemmatization), "parse" (... + dependency parsing) or
 * "code" (... + mentions and events with the dictionaries of data/, or
 * $PETREL_DATA).  For
 * tag and parse the models come from $PETREL_MODELS or models/, their load
 * time is printed, and tokens/s is also given for the stage alone (the
 * time spent in the tagger, or in the parser, only).  The file is
 * read N times in a row as one stream (so memory can be seen to stay flat
 * while input grows), on one thread.  Prints one line of figures:
 * stories, sentences, tokens, bytes, seconds, MB/s, sentences/s, tokens/s,
 * and the peak resident memory of the process.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "../src/api/api.h"
#include "petrel.h"

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: petrel-bench tokenize|tag|parse FILE [--repeat N]\n");
        return 2;
    }
    const char *stage = argv[1], *path = argv[2];
    int repeat = 1;
    if (argc >= 5 && strcmp(argv[3], "--repeat") == 0)
        repeat = atoi(argv[4]);
    int level = strcmp(stage, "tokenize") == 0 ? 0
                : strcmp(stage, "tag") == 0     ? 1
                : strcmp(stage, "parse") == 0   ? 2
                : strcmp(stage, "code") == 0    ? 3
                                                : -1;
    if (level < 0) {
        fprintf(stderr, "petrel-bench: unknown stage %s (tokenize, tag, parse, code)\n", stage);
        return 2;
    }
    petrel *models = NULL;
    if (level > 0) {
        const char *dir = getenv("PETREL_MODELS") ? getenv("PETREL_MODELS") : "models";
        petrel_options po = {.models_dir = dir, .no_parser = level < 2};
        if (level == 3)
            po.data_dir = getenv("PETREL_DATA") ? getenv("PETREL_DATA") : "data";
        petrel_error err;
        double l0 = now();
        models = petrel_open(&po, &err);
        double load = now() - l0;
        if (!models) {
            fprintf(stderr, "petrel-bench: %s\n", err.message);
            return 1;
        }
        printf("%-9s model load (mmap + checks): %.1f ms\n", stage, load * 1e3);
    }
    double stage_time = 0;
    unsigned long long events = 0, coded_sentences = 0;
    petrel_doc *doc = petrel_doc_new();
    unsigned long long stories = 0, sentences = 0, tokens = 0, bytes = 0, failures = 0;
    double t0 = now();
    for (int k = 0; k < repeat; k++) {
        petrel_error err;
        petrel_reader *r = petrel_reader_open(path, NULL, &err);
        if (!r) {
            fprintf(stderr, "petrel-bench: %s: %s\n", path, err.message);
            return 1;
        }
        int rc;
        while ((rc = petrel_reader_next(r, doc, &err)) != 0) {
            if (rc < 0) {
                failures++;
                continue;
            }
            if (petrel_tokenize(doc, &err) != 0) {
                failures++;
                continue;
            }
            if (level > 0) {
                double s0 = now();
                if (tagger_tag_doc(&models->tagger, doc, &err) != 0) {
                    failures++;
                    continue;
                }
                double s1 = now();
                if (level > 1 && parser_parse_doc(&models->parser, doc, &err) != 0) {
                    failures++;
                    continue;
                }
                double s2 = now();
                if (level > 2 && code_doc(models->coder, doc, &err) != 0) {
                    failures++;
                    continue;
                }
                events += doc->nevents;
                for (uint32_t e = 0; e < doc->nevents; e++)
                    coded_sentences += e == 0 || doc->events[e].sent != doc->events[e - 1].sent;
                stage_time += level > 2 ? now() - s2 : level > 1 ? s2 - s1 : s1 - s0;
            }
            petrel_story st;
            petrel_doc_story(doc, &st);
            stories++;
            bytes += st.text_len;
            sentences += petrel_doc_sentence_count(doc);
            tokens += petrel_doc_word_count(doc);
        }
        petrel_reader_close(r);
    }
    double el = now() - t0;
    petrel_doc_free(doc);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("%-9s x%-2d %6llu stories %8llu sentences %9llu tokens %7.1f MB in %6.3f s: %6.1f MB/s %9.0f sentences/s "
           "%10.0f tokens/s, peak memory %.1f MB%s\n",
           stage, repeat, stories, sentences, tokens, (double)bytes / 1e6, el, (double)bytes / 1e6 / el,
           (double)sentences / el, (double)tokens / el, (double)ru.ru_maxrss / 1024.0, failures ? " (with failures)" : "");
    if (level > 0)
        printf("%-9s the %s alone: %.3f s, %10.0f tokens/s, %9.0f sentences/s on one core\n", stage,
               level > 2 ? "coder" : level > 1 ? "parser" : "tagger", stage_time, (double)tokens / stage_time,
               (double)sentences / stage_time);
    if (level > 2)
        printf("%-9s %llu events; %.1f%% of the sentences yield one or more; end to end %.0f sentences/s, %.0f "
               "stories/s on one core\n",
               stage, events, sentences ? 100.0 * (double)coded_sentences / (double)sentences : 0.0,
               (double)sentences / el, (double)stories / el);
    petrel_close(models);
    return failures ? 1 : 0;
}
