/*
 * bench.c - throughput of petrel's stages on a story file.
 *
 *   petrel-bench STAGE FILE [--repeat N]
 *
 * STAGE is "tokenize" (read + normalize + split + tokenize).  The file is
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

#include "petrel.h"

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: petrel-bench tokenize FILE [--repeat N]\n");
        return 2;
    }
    const char *stage = argv[1], *path = argv[2];
    int repeat = 1;
    if (argc >= 5 && strcmp(argv[3], "--repeat") == 0)
        repeat = atoi(argv[4]);
    if (strcmp(stage, "tokenize") != 0) {
        fprintf(stderr, "petrel-bench: unknown stage %s\n", stage);
        return 2;
    }
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
    return failures ? 1 : 0;
}
