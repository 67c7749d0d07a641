/*
 * json_out.h - streaming JSON text for the output sinks.
 *
 * Output is written as it is produced (one record per line), so the writer
 * escapes strings straight into the stream instead of building a document
 * tree per record; input JSON is parsed with cJSON.  Invalid UTF-8 in a
 * string is written as U+FFFD so the output is always valid JSON.
 */
#ifndef PETREL_SINK_JSON_OUT_H
#define PETREL_SINK_JSON_OUT_H

#include <stddef.h>
#include <stdio.h>

/* Writes s[0..n) as a quoted JSON string.  NULL writes null. */
void json_out_string(FILE *f, const char *s, size_t n);

/* As json_out_string for a NUL-terminated string. */
void json_out_cstr(FILE *f, const char *s);

#endif
