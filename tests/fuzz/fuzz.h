/*
 * fuzz.h - fuzz targets: one per story reader and one for the tokenizer.
 *
 * Each target takes arbitrary bytes and must neither crash nor leak nor
 * loop.  Built with -DPETREL_FUZZ_MAIN (by `make fuzz`, with clang's
 * libFuzzer) a target file also defines LLVMFuzzerTestOneInput; linked into
 * the test runner, the targets replay tests/fuzz/corpus/<name>/ in
 * `make check`.
 */
#ifndef PETREL_FUZZ_H
#define PETREL_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int fuzz_jsonl(const uint8_t *data, size_t size);
int fuzz_text(const uint8_t *data, size_t size);
int fuzz_petrarch(const uint8_t *data, size_t size);
int fuzz_tabari(const uint8_t *data, size_t size);
int fuzz_conllu(const uint8_t *data, size_t size);
int fuzz_tokenize(const uint8_t *data, size_t size);
int fuzz_dict(const uint8_t *data, size_t size);

/* Reads every story of data in the given format and tokenizes it. */
int fuzz_read_all(const uint8_t *data, size_t size, int format);

#endif
