/*
 * cameo.h - the CAMEO event codes petrel codes with: names, scale values,
 * quad classes and PLOVER types, read from data/cameo/cameo.txt (see the
 * header of that file for its columns).
 *
 * Read once, then only read: shared by all threads.
 */
#ifndef PETREL_CODE_CAMEO_H
#define PETREL_CODE_CAMEO_H

#include <stddef.h>

#include "petrel.h"

typedef struct cameo_code {
    char code[6];        /* "0874" */
    double scale;        /* CAMEO scale 0.5b1 value for the code's meaning ("goldstein") */
    int quad;            /* 1 verbal coop, 2 material coop, 3 verbal conflict,
                            4 material conflict */
    const char *plover;  /* PLOVER 2021 event type, NULL when none */
    const char *mode;    /* PLOVER mode, NULL */
    const char *context; /* PLOVER contexts, ';'-separated, NULL */
    const char *name;    /* "Retreat or surrender militarily" */
} cameo_code;

typedef struct cameo_table cameo_table;

/* Reads the table.  NULL on failure with err set (PETREL_ERR_IO, or
 * PETREL_ERR_FORMAT naming the bad line). */
cameo_table *cameo_load(const char *path, petrel_error *err);
void cameo_free(cameo_table *t);

/* The entry of a code; a code the table lacks falls back to its parent
 * (4 digits to 3, 3 to the root's "0").  NULL when nothing fits. */
const cameo_code *cameo_find(const cameo_table *t, const char *code);

/* Is code exactly in the table? */
int cameo_has(const cameo_table *t, const char *code);

size_t cameo_count(const cameo_table *t);
/* Entry i in code order (i < cameo_count). */
const cameo_code *cameo_at(const cameo_table *t, size_t i);

/* Name of a quad class (1-4). */
const char *cameo_quad_name(int quad);

#endif
