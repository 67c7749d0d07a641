/* error.c - see error.h. */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int err_set(petrel_error *err, int code, const char *file, long line, long long offset, const char *fmt, ...) {
    if (!err)
        return code;
    err->code = code;
    err->line = line;
    err->offset = offset;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    /* A message is one line: fold any newline an input value brought in. */
    for (char *p = err->message; *p; p++)
        if (*p == '\n' || *p == '\r')
            *p = ' ';
    return code;
}

void err_clear(petrel_error *err) {
    if (!err)
        return;
    memset(err, 0, sizeof *err);
    err->offset = -1;
}

int err_nomem(petrel_error *err) { return err_set(err, PETREL_ERR_NOMEM, NULL, 0, -1, "out of memory"); }

const char *petrel_status_name(int code) {
    switch (code) {
    case PETREL_OK: return "ok";
    case PETREL_ERR_NOMEM: return "out of memory";
    case PETREL_ERR_IO: return "input/output error";
    case PETREL_ERR_FORMAT: return "malformed input";
    case PETREL_ERR_ARG: return "invalid argument";
    case PETREL_ERR_LIMIT: return "input exceeds a limit";
    case PETREL_ERR_MODEL: return "bad model file";
    default: return "unknown error";
    }
}
