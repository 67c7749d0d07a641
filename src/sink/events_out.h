/*
 * events_out.h - writing coded events: JSON Lines (the schema of
 * docs/schema.md, "petrel.event/1"), TSV with a fixed column order, and a
 * readable table for a terminal.
 */
#ifndef PETREL_SINK_EVENTS_OUT_H
#define PETREL_SINK_EVENTS_OUT_H

#include <stdio.h>

#include "../code/cameo.h"
#include "../doc/doc.h"

#define PETREL_EVENT_SCHEMA "petrel.event/1"

/* One JSON object per event of doc, one per line. */
void events_json_write(FILE *f, const petrel_doc *doc, const cameo_table *cameo);

/* The TSV header line, and the rows of doc. */
void events_tsv_header(FILE *f);
void events_tsv_write(FILE *f, const petrel_doc *doc, const cameo_table *cameo);

/* A table for people: the story, then one block per event. */
void events_table_write(FILE *f, const petrel_doc *doc, const cameo_table *cameo);

/* The PLOVER form of a CAMEO actor code: country (or IGO / NGO ...) and
 * sector, written into country (4 bytes) and sector (4 bytes, "" none). */
void events_plover_actor(const char *code, char *country, char *sector);

/* The PLOVER side of an event: the table entry its type and contexts come
 * from (its own code's, or the one a pattern named: "173/115"), and its
 * mode (a pattern's own, "170+cyber", or the entry's).  NULL when the table
 * has neither. */
const cameo_code *events_plover_entry(const cameo_table *cameo, const doc_event *e);
const char *events_plover_mode(const cameo_table *cameo, const doc_event *e);

/* Names of modalities ("asserted", "future" ...). */
const char *events_modality_name(int modality);

#endif
