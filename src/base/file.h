/*
 * file.h - reading a whole small file into memory (dictionaries, the CAMEO
 * table, gold files).  Stories are streamed by src/read instead.
 */
#ifndef PETREL_BASE_FILE_H
#define PETREL_BASE_FILE_H

#include <stddef.h>

#include "petrel.h"

/* The bytes of path, NUL-terminated (the NUL is not counted in *len), in
 * a malloc'ed buffer the caller frees; NULL on failure with err set:
 * PETREL_ERR_IO when the file cannot be opened or read (what names it in
 * the message: "dictionary", "CAMEO code table"), PETREL_ERR_NOMEM. */
char *file_read_all(const char *path, const char *what, size_t *len, petrel_error *err);

#endif
