/*
 * error.h - filling the caller's optional petrel_error.
 *
 * Library functions return 0 or a negative petrel_status and, when the caller
 * passed an error struct, describe the failure there.  These helpers keep the
 * formatting in one place; they never print.
 */
#ifndef PETREL_BASE_ERROR_H
#define PETREL_BASE_ERROR_H

#include "petrel.h"

/* Sets err (when not NULL) and returns code, so callers can write
 * `return err_set(err, PETREL_ERR_FORMAT, file, line, off, "...", ...)`.
 * file may be NULL; line 0 and offset -1 mean unknown. */
int err_set(petrel_error *err, int code, const char *file, long line, long long offset, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/* Resets err to "no error" (when not NULL). */
void err_clear(petrel_error *err);

/* Shorthand for running out of memory. */
int err_nomem(petrel_error *err);

#endif
