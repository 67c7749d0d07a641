/* fuzz_text.c - fuzz target for the text story reader (see fuzz.h). */
#include "fuzz.h"

#include "petrel.h"

int fuzz_text(const uint8_t *data, size_t size) { return fuzz_read_all(data, size, PETREL_FORMAT_TEXT); }

#ifdef PETREL_FUZZ_MAIN
#include "common.c"
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) { return fuzz_text(data, size); }
#endif
