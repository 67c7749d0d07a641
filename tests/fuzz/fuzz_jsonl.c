/* fuzz_jsonl.c - fuzz target for the jsonl story reader (see fuzz.h). */
#include "fuzz.h"

#include "petrel.h"

int fuzz_jsonl(const uint8_t *data, size_t size) { return fuzz_read_all(data, size, PETREL_FORMAT_JSONL); }

#ifdef PETREL_FUZZ_MAIN
#include "common.c"
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) { return fuzz_jsonl(data, size); }
#endif
