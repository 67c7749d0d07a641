/* fuzz_tabari.c - fuzz target for the tabari story reader (see fuzz.h). */
#include "fuzz.h"

#include "petrel.h"

int fuzz_tabari(const uint8_t *data, size_t size) { return fuzz_read_all(data, size, PETREL_FORMAT_TABARI); }

#ifdef PETREL_FUZZ_MAIN
#include "common.c"
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) { return fuzz_tabari(data, size); }
#endif
