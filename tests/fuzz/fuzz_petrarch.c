/* fuzz_petrarch.c - fuzz target for the petrarch story reader (see fuzz.h). */
#include "fuzz.h"

#include "petrel.h"

int fuzz_petrarch(const uint8_t *data, size_t size) { return fuzz_read_all(data, size, PETREL_FORMAT_PETRARCH); }

#ifdef PETREL_FUZZ_MAIN
#include "common.c"
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) { return fuzz_petrarch(data, size); }
#endif
