/* fuzz_conllu.c - fuzz target for the conllu story reader (see fuzz.h). */
#include "fuzz.h"

#include "petrel.h"

int fuzz_conllu(const uint8_t *data, size_t size) { return fuzz_read_all(data, size, PETREL_FORMAT_CONLLU); }

#ifdef PETREL_FUZZ_MAIN
#include "common.c"
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) { return fuzz_conllu(data, size); }
#endif
