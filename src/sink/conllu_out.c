/* conllu_out.c - see conllu_out.h. */
#include "conllu_out.h"

#include <string.h>

#include "../text/utf8.h"
#include "json_out.h"

const char *date_format(const petrel_date *d, char *buf) {
    if (!d->year)
        return NULL;
    snprintf(buf, 16, "%04u-%02u-%02u", (unsigned)d->year % 10000u, (unsigned)d->month % 100u, (unsigned)d->day % 100u);
    return buf;
}

/* Text on one CoNLL-U line: line breaks and tabs become spaces, invalid
 * UTF-8 bytes U+FFFD. */
void sink_line_text(FILE *f, const char *s, size_t n) {
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            putc((c == '\n' || c == '\r' || c == '\t') ? ' ' : c, f);
            i++;
            continue;
        }
        int32_t cp;
        size_t k = utf8_decode(s + i, n - i, &cp);
        if (cp < 0)
            fputs("\xEF\xBF\xBD", f);
        else
            fwrite(s + i, 1, k, f);
        i += k;
    }
}

static void put_field(FILE *f, const char *s) { fputs(s && *s ? s : "_", f); }

static void put_form(FILE *f, const char *s, size_t n) {
    if (n == 0)
        putc('_', f);
    else
        sink_line_text(f, s, n);
}

void conllu_write_doc(FILE *f, const petrel_doc *doc) {
    char date[16];
    fprintf(f, "# newdoc id = %s\n", doc->id ? doc->id : "");
    const char *ds = date_format(&doc->date, date);
    fprintf(f, "# date = %s\n", ds ? ds : "unknown");
    /* story metadata, one comment each (values on one line) */
    const char *meta[][2] = {{"source", doc->source},   {"headline", doc->headline}, {"dateline", doc->dateline},
                             {"byline", doc->byline},   {"credits", doc->credits}};
    for (size_t m = 0; m < sizeof meta / sizeof *meta; m++)
        if (meta[m][1]) {
            fprintf(f, "# %s = ", meta[m][0]);
            sink_line_text(f, meta[m][1], strlen(meta[m][1]));
            putc('\n', f);
        }
    uint32_t para = UINT32_MAX;
    for (uint32_t si = 0; si < doc->nsents; si++) {
        const doc_sentence *s = &doc->sents[si];
        if (s->paragraph != para) {
            fputs("# newpar\n", f);
            para = s->paragraph;
        }
        if (s->sent_id)
            fprintf(f, "# sent_id = %s\n", s->sent_id);
        else
            fprintf(f, "# sent_id = %s-%u\n", doc->id ? doc->id : "", si + 1);
        if (s->flags & SENT_HEADLINE)
            fputs("# sentence_type = headline\n", f);
        fputs("# text = ", f);
        sink_line_text(f, doc->text + s->start, s->end - s->start);
        putc('\n', f);
        for (uint32_t i = 0; i < s->count; i++) {
            const doc_word *w = &doc->words[s->first + i];
            if (w->token_words > 1) {
                const doc_word *last = &doc->words[s->first + i + w->token_words - 1];
                uint32_t end = last->start + last->len;
                fprintf(f, "%u-%u\t", i + 1, i + w->token_words);
                put_form(f, doc->text + w->start, end - w->start);
                fprintf(f, "\t_\t_\t_\t_\t_\t_\t_\tTokenRange=%u:%u%s\n", w->start, end,
                        (last->flags & WORD_SPACE_AFTER) ? "" : "|SpaceAfter=No");
            }
            fprintf(f, "%u\t", i + 1);
            put_form(f, w->form, w->form_len);
            putc('\t', f);
            put_field(f, w->lemma);
            putc('\t', f);
            put_field(f, w->upos);
            putc('\t', f);
            put_field(f, w->xpos);
            putc('\t', f);
            put_field(f, w->feats);
            putc('\t', f);
            if (w->head >= 0)
                fprintf(f, "%d", w->head);
            else
                putc('_', f);
            putc('\t', f);
            put_field(f, w->deprel);
            fputs("\t_\t", f);
            /* MISC: offsets for words that are tokens of their own */
            int in_mwt = w->token_words != 1;
            if (!in_mwt) {
                fprintf(f, "TokenRange=%u:%u", w->start, w->start + w->len);
                if (!(w->flags & WORD_SPACE_AFTER))
                    fputs("|SpaceAfter=No", f);
            } else {
                putc('_', f);
            }
            putc('\n', f);
        }
        putc('\n', f);
    }
}

void tokens_text_write_doc(FILE *f, const petrel_doc *doc) {
    for (uint32_t si = 0; si < doc->nsents; si++) {
        const doc_sentence *s = &doc->sents[si];
        for (uint32_t i = 0; i < s->count;) {
            const doc_word *w = &doc->words[s->first + i];
            uint32_t nw = w->token_words ? w->token_words : 1;
            if (i + nw > s->count)
                nw = s->count - i;
            if (i)
                putc(' ', f);
            if (nw > 1)
                putc('[', f);
            for (uint32_t k = 0; k < nw; k++) {
                if (k)
                    putc(' ', f);
                sink_line_text(f, doc->words[s->first + i + k].form, doc->words[s->first + i + k].form_len);
            }
            if (nw > 1)
                putc(']', f);
            i += nw;
        }
        putc('\n', f);
    }
    putc('\n', f);
}

void tokens_json_write_doc(FILE *f, const petrel_doc *doc) {
    char date[16];
    fputs("{\"id\":", f);
    json_out_cstr(f, doc->id);
    fputs(",\"date\":", f);
    json_out_cstr(f, date_format(&doc->date, date));
    if (doc->source) {
        fputs(",\"source\":", f);
        json_out_cstr(f, doc->source);
    }
    if (doc->headline) {
        fputs(",\"headline\":", f);
        json_out_cstr(f, doc->headline);
    }
    fputs(",\"sentences\":[", f);
    for (uint32_t si = 0; si < doc->nsents; si++) {
        const doc_sentence *s = &doc->sents[si];
        fprintf(f, "%s{\"start\":%u,\"end\":%u,\"paragraph\":%u,", si ? "," : "", s->start, s->end, s->paragraph);
        if (s->flags & SENT_HEADLINE)
            fputs("\"headline\":true,", f);
        fputs("\"text\":", f);
        json_out_string(f, doc->text + s->start, s->end - s->start);
        fputs(",\"tokens\":[", f);
        int first = 1;
        for (uint32_t i = 0; i < s->count;) {
            const doc_word *w = &doc->words[s->first + i];
            uint32_t nw = w->token_words ? w->token_words : 1;
            if (i + nw > s->count)
                nw = s->count - i;
            const doc_word *last = &doc->words[s->first + i + nw - 1];
            uint32_t end = last->start + last->len;
            fputs(first ? "{" : ",{", f);
            first = 0;
            fputs("\"text\":", f);
            if (nw == 1)
                json_out_string(f, w->form, w->form_len);
            else
                json_out_string(f, doc->text + w->start, end - w->start);
            fprintf(f, ",\"start\":%u,\"end\":%u", w->start, end);
            if (w->norm_len != w->form_len || (nw == 1 && memcmp(w->norm, w->form, w->form_len) != 0)) {
                fputs(",\"norm\":", f);
                json_out_string(f, w->norm, w->norm_len);
            }
            if (!(last->flags & WORD_SPACE_AFTER))
                fputs(",\"space_after\":false", f);
            if (nw > 1) {
                fputs(",\"words\":[", f);
                for (uint32_t k = 0; k < nw; k++) {
                    if (k)
                        putc(',', f);
                    json_out_string(f, doc->words[s->first + i + k].form, doc->words[s->first + i + k].form_len);
                }
                putc(']', f);
            }
            putc('}', f);
            i += nw;
        }
        fputs("]}", f);
    }
    fputs("]}\n", f);
}
