/* events_out.c - coded events as JSON Lines, TSV and a table (see
 * events_out.h and docs/schema.md). */
#include "events_out.h"

#include <string.h>

#include "../text/utf8.h"
#include "conllu_out.h"
#include "json_out.h"

/* The PLOVER sectors petrel recognizes in CAMEO codes, in order of
 * precedence when a code has several. */
static const char *const sectors[] = {"GOV", "MIL", "REB", "INS", "UAF", "OPP", "PTY", "COP", "JUD", "LEG", "SPY",
                                      "JRN", "MED", "HLH", "EDU", "BUS", "LAB", "AGR", "CVL", "REF", "NGO", "CRM",
                                      "ELI", "MOD", "RAD", "HRI", "ENV", "REL", "SET", "IMG", "IGO", "SOC", NULL};

void events_plover_actor(const char *code, char *country, char *sector) {
    country[0] = sector[0] = '\0';
    size_t n = code ? strlen(code) : 0;
    if (n < 3)
        return;
    memcpy(country, code, 3);
    country[3] = '\0';
    for (size_t s = 0; sectors[s] && !sector[0]; s++)
        for (size_t i = 3; i + 3 <= n; i += 3)
            if (memcmp(code + i, sectors[s], 3) == 0) {
                memcpy(sector, sectors[s], 4);
                break;
            }
    /* an agent code alone ("REB", "GOV"): no country */
    for (size_t s = 0; sectors[s]; s++)
        if (n == 3 && memcmp(code, sectors[s], 3) == 0 && strcmp(sectors[s], "IGO") != 0) {
            memcpy(sector, sectors[s], 4);
            country[0] = '\0';
        }
}

const cameo_code *events_plover_entry(const cameo_table *cameo, const doc_event *e) {
    if (!cameo)
        return NULL;
    return cameo_find(cameo, e->plover_code[0] ? e->plover_code : e->code);
}

const char *events_plover_mode(const cameo_table *cameo, const doc_event *e) {
    const cameo_code *pc = events_plover_entry(cameo, e);
    return e->plover_mode ? e->plover_mode : pc ? pc->mode : NULL;
}

const char *events_modality_name(int m) {
    switch (m) {
    case MOD_FUTURE: return "future";
    case MOD_HYPOTHETICAL: return "hypothetical";
    case MOD_CONDITIONAL: return "conditional";
    case MOD_INTENDED: return "intended";
    default: return "asserted";
    }
}

static const char *precision_name(int p) {
    static const char *const names[] = {"unknown", "day", "week", "month", "year"};
    return (p >= 0 && p <= 4) ? names[p] : "unknown";
}

static void date_text(int32_t date, int precision, char *out) {
    if (!date) {
        out[0] = '\0';
        return;
    }
    unsigned y = (unsigned)date / 10000 % 10000, m = (unsigned)date / 100 % 100, d = (unsigned)date % 100;
    if (precision == 4 || m == 0)
        snprintf(out, 16, "%04u", y);
    else if (precision == 3 || d == 0)
        snprintf(out, 16, "%04u-%02u", y, m);
    else
        snprintf(out, 16, "%04u-%02u-%02u", y, m, d);
}

static uint32_t word_end(const doc_word *w) { return w->start + w->len; }

static void span_json(FILE *f, const petrel_doc *doc, uint32_t s, uint32_t e) {
    fputs("\"text\":", f);
    json_out_string(f, doc->text + s, e - s);
    fprintf(f, ",\"start\":%u,\"end\":%u", s, e);
}

static const char *mention_code(const petrel_doc *doc, int32_t m, uint8_t which) {
    if (m < 0)
        return NULL;
    const doc_mention *x = &doc->mentions[m];
    return x->ncodes ? x->code[which < x->ncodes ? which : 0] : "";
}

static void actor_json(FILE *f, const petrel_doc *doc, int32_t m, uint8_t which) {
    if (m < 0) {
        fputs("null", f);
        return;
    }
    const doc_mention *x = &doc->mentions[m];
    const char *code = mention_code(doc, m, which);
    char country[4], sector[4];
    events_plover_actor(code, country, sector);
    fputs("{\"code\":", f);
    json_out_cstr(f, code[0] ? code : NULL);
    fputs(",\"country\":", f);
    json_out_cstr(f, country[0] ? country : NULL);
    fputs(",\"sector\":", f);
    json_out_cstr(f, sector[0] ? sector : NULL);
    fputc(',', f);
    span_json(f, doc, doc->words[x->start].start, word_end(&doc->words[x->end - 1]));
    fprintf(f, ",\"known\":%s", x->ncodes ? "true" : "false");
    if (x->antecedent >= 0) {
        const doc_mention *a = &doc->mentions[x->antecedent];
        fputs(",\"refers_to\":{", f);
        span_json(f, doc, doc->words[a->start].start, word_end(&doc->words[a->end - 1]));
        fputc('}', f);
    }
    fputs(",\"how\":", f);
    json_out_cstr(f, x->how);
    fputs(",\"entry\":", f);
    json_out_cstr(f, x->entry);
    fputs(",\"agent_entry\":", f);
    json_out_cstr(f, x->agent_entry);
    fputc('}', f);
}

void events_json_write(FILE *f, const petrel_doc *doc, const cameo_table *cameo) {
    char sd[16], ed[16];
    for (uint32_t i = 0; i < doc->nevents; i++) {
        const doc_event *e = &doc->events[i];
        const doc_sentence *s = &doc->sents[e->sent];
        const doc_word *tw = &doc->words[e->trigger];
        const cameo_code *cc = cameo ? cameo_find(cameo, e->code) : NULL;
        const cameo_code *pc = events_plover_entry(cameo, e);
        fputs("{\"schema\":\"" PETREL_EVENT_SCHEMA "\",\"story_id\":", f);
        json_out_cstr(f, doc->id);
        fputs(",\"story_date\":", f);
        json_out_cstr(f, date_format(&doc->date, sd));
        fprintf(f, ",\"sentence\":%u,\"event_id\":", e->sent + 1);
        char id[600];
        snprintf(id, sizeof id, "%s:%u:%u", doc->id ? doc->id : "", e->sent + 1, i + 1);
        json_out_cstr(f, id);
        date_text(e->date, e->date_precision, ed);
        fputs(",\"date\":", f);
        json_out_cstr(f, ed[0] ? ed : NULL);
        fprintf(f, ",\"date_precision\":\"%s\",\"date_text\":", precision_name(e->date_precision));
        if (e->date_word >= 0)
            json_out_string(f, doc->words[e->date_word].form, doc->words[e->date_word].form_len);
        else
            fputs("null", f);
        fputs(",\"source\":", f);
        actor_json(f, doc, e->source, e->source_code);
        fputs(",\"target\":", f);
        actor_json(f, doc, e->target, e->target_code);
        fputs(",\"cameo\":{\"code\":", f);
        json_out_cstr(f, e->code);
        fputs(",\"name\":", f);
        json_out_cstr(f, cc ? cc->name : NULL);
        if (cc)
            fprintf(f, ",\"goldstein\":%.1f,\"quad\":%d,\"quad_name\":\"%s\"}", cc->scale, cc->quad,
                    cameo_quad_name(cc->quad));
        else
            fputs(",\"goldstein\":null,\"quad\":null,\"quad_name\":null}", f);
        fputs(",\"plover\":{\"type\":", f);
        json_out_cstr(f, pc ? pc->plover : NULL);
        fputs(",\"mode\":", f);
        json_out_cstr(f, events_plover_mode(cameo, e));
        fputs(",\"context\":[", f);
        /* the code's contexts, those the sentence's keywords add, and the
         * context PLOVER adds with the modes 'cyber' and 'misinformation' */
        const char *mode_context = e->plover_mode && (strcmp(e->plover_mode, "cyber") == 0 ||
                                                      strcmp(e->plover_mode, "misinformation") == 0)
                                       ? e->plover_mode
                                       : NULL;
        const char *lists[3] = {pc ? pc->context : NULL, e->context, mode_context};
        int first = 1;
        for (int l = 0; l < 3; l++)
            for (const char *p = lists[l]; p && *p;) {
                const char *semi = strchr(p, ';');
                size_t n = semi ? (size_t)(semi - p) : strlen(p);
                int dup = 0;
                for (int k = 0; k < l && !dup; k++)
                    for (const char *q = lists[k]; q && !dup;) {
                        const char *qs = strchr(q, ';');
                        size_t qn = qs ? (size_t)(qs - q) : strlen(q);
                        dup = qn == n && memcmp(q, p, n) == 0;
                        q = qs ? qs + 1 : NULL;
                    }
                if (!dup) {
                    if (!first)
                        fputc(',', f);
                    json_out_string(f, p, n);
                    first = 0;
                }
                p += n + (semi ? 1 : 0);
            }
        fputs("]}", f);
        fprintf(f, ",\"negated\":%s,\"modality\":\"%s\",\"quote\":%s,\"reverse\":%s", e->negated ? "true" : "false",
                events_modality_name(e->modality), e->quote ? "true" : "false", e->reverse ? "true" : "false");
        fputs(",\"reported_by\":", f);
        actor_json(f, doc, e->reporter, 0);
        fputs(",\"location\":", f);
        if (e->place[0] && e->place_word >= 0) {
            fputs("{\"code\":", f);
            json_out_cstr(f, e->place);
            fputc(',', f);
            const doc_word *pw = &doc->words[e->place_word];
            span_json(f, doc, pw->start, word_end(pw));
            fputc('}', f);
        } else {
            fputs("null", f);
        }
        fputs(",\"evidence\":{\"sentence\":{", f);
        span_json(f, doc, s->start, s->end);
        fputs("},\"trigger\":{", f);
        span_json(f, doc, tw->start, word_end(tw));
        fputs("},\"pattern\":", f);
        json_out_cstr(f, e->pattern);
        fputs(",\"pattern_entry\":", f);
        json_out_cstr(f, e->pattern_entry);
        fputs(",\"how\":", f);
        json_out_cstr(f, e->how);
        fputs("}}\n", f);
    }
}

void events_tsv_header(FILE *f) {
    fputs("story_id\tsentence\tevent_id\tdate\tsource\tsource_text\ttarget\ttarget_text\tcameo\tplover\t"
          "goldstein\tquad\tnegated\tmodality\tlocation\ttrigger\tsentence_text\n",
          f);
}

/* TSV fields never contain tabs or line breaks. */
static void mention_text(FILE *f, const petrel_doc *doc, int32_t m) {
    if (m < 0)
        return;
    const doc_mention *x = &doc->mentions[m];
    uint32_t s = doc->words[x->start].start, e = word_end(&doc->words[x->end - 1]);
    sink_line_text(f, doc->text + s, e - s);
}

void events_tsv_write(FILE *f, const petrel_doc *doc, const cameo_table *cameo) {
    char ed[16];
    for (uint32_t i = 0; i < doc->nevents; i++) {
        const doc_event *e = &doc->events[i];
        const doc_sentence *s = &doc->sents[e->sent];
        const doc_word *tw = &doc->words[e->trigger];
        const cameo_code *cc = cameo ? cameo_find(cameo, e->code) : NULL;
        const cameo_code *pc = events_plover_entry(cameo, e);
        const char *id = doc->id ? doc->id : "";
        sink_line_text(f, id, strlen(id));
        fprintf(f, "\t%u\t", e->sent + 1);
        sink_line_text(f, id, strlen(id));
        fprintf(f, ":%u:%u\t", e->sent + 1, i + 1);
        date_text(e->date, e->date_precision, ed);
        fprintf(f, "%s\t%s\t", ed, e->source >= 0 ? mention_code(doc, e->source, e->source_code) : "");
        mention_text(f, doc, e->source);
        fprintf(f, "\t%s\t", e->target >= 0 ? mention_code(doc, e->target, e->target_code) : "");
        mention_text(f, doc, e->target);
        fprintf(f, "\t%s\t%s\t", e->code, pc && pc->plover ? pc->plover : "");
        if (cc)
            fprintf(f, "%.1f\t%d", cc->scale, cc->quad);
        else
            fputc('\t', f);
        fprintf(f, "\t%d\t%s\t%s\t", e->negated, events_modality_name(e->modality), e->place);
        sink_line_text(f, tw->form, tw->form_len);
        fputc('\t', f);
        sink_line_text(f, doc->text + s->start, s->end - s->start);
        fputc('\n', f);
    }
}

/* Writes at most width display columns of s (UTF-8 aware), padded. */
static void cell(FILE *f, const char *s, size_t n, int width) {
    int cols = 0;
    size_t i = 0;
    while (i < n && cols < width) {
        int32_t cp;
        size_t k = utf8_decode(s + i, n - i, &cp);
        if (cp < 0 || cp == '\n' || cp == '\t' || cp == '\r')
            fputc(' ', f);
        else
            fwrite(s + i, 1, k, f);
        i += k;
        cols++;
    }
    if (i < n && cols == width) {
        fputs("\xE2\x80\xA6", f); /* ... */
        cols++;
    }
    for (; cols < width + 1; cols++)
        fputc(' ', f);
}

void events_table_write(FILE *f, const petrel_doc *doc, const cameo_table *cameo) {
    char sd[16], ed[16];
    fprintf(f, "%s  %s  %u sentence%s, %u event%s\n", doc->id ? doc->id : "",
            date_format(&doc->date, sd) ? sd : "(date unknown)", doc->nsents, doc->nsents == 1 ? "" : "s",
            doc->nevents, doc->nevents == 1 ? "" : "s");
    if (!doc->nevents) {
        fputc('\n', f);
        return;
    }
    fprintf(f, "  %-11s%-22s%-22s%-6s%-10s%s\n", "date", "source", "target", "CAMEO", "PLOVER", "evidence");
    for (uint32_t i = 0; i < doc->nevents; i++) {
        const doc_event *e = &doc->events[i];
        const cameo_code *cc = cameo ? cameo_find(cameo, e->code) : NULL;
        const cameo_code *pc = events_plover_entry(cameo, e);
        date_text(e->date, e->date_precision, ed);
        fputs("  ", f);
        cell(f, ed[0] ? ed : "-", strlen(ed[0] ? ed : "-"), 10);
        char who[64];
        const char *sc = e->source >= 0 ? mention_code(doc, e->source, e->source_code) : "-";
        snprintf(who, sizeof who, "%s", sc[0] ? sc : "?");
        cell(f, who, strlen(who), 21);
        const char *tc = e->target >= 0 ? mention_code(doc, e->target, e->target_code) : "-";
        snprintf(who, sizeof who, "%s", tc[0] ? tc : "?");
        cell(f, who, strlen(who), 21);
        cell(f, e->code, strlen(e->code), 5);
        const char *pl = pc && pc->plover ? pc->plover : "-";
        cell(f, pl, strlen(pl), 9);
        /* the sentence with the trigger in brackets */
        const doc_sentence *s = &doc->sents[e->sent];
        const doc_word *tw = &doc->words[e->trigger];
        sink_line_text(f, doc->text + s->start, tw->start - s->start);
        fputc('[', f);
        sink_line_text(f, doc->text + tw->start, tw->len);
        fputc(']', f);
        sink_line_text(f, doc->text + word_end(tw), s->end - word_end(tw));
        fputc('\n', f);
        /* the words of source and target, and flags */
        fprintf(f, "  %-11s", "");
        if (e->source >= 0)
            mention_text(f, doc, e->source);
        fputs(" -> ", f);
        if (e->target >= 0)
            mention_text(f, doc, e->target);
        else
            fputc('-', f);
        if (cc)
            fprintf(f, "  (%s, %+.1f)", cc->name, cc->scale);
        if (e->negated)
            fputs("  NEGATED", f);
        if (e->modality != MOD_ASSERTED)
            fprintf(f, "  %s", events_modality_name(e->modality));
        if (e->place[0])
            fprintf(f, "  in %s", e->place);
        fputc('\n', f);
    }
    fputc('\n', f);
}
