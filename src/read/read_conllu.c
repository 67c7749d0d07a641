/*
 * read_conllu.c - CoNLL-U input: pre-tokenized (and possibly annotated)
 * sentences, for evaluation, training and users who tokenize elsewhere.
 *
 * A story is what a "# newdoc" comment opens; a file without newdoc comments
 * is cut into stories of at most CONLLU_MAX_SENTENCES sentences so memory
 * stays bounded.  "# newpar" starts a paragraph.  The story text is rebuilt
 * as the CoNLL 2018 shared task does: token forms, a space after each unless
 * SpaceAfter=No (SpacesAfter= gives the exact white space), sentences of a
 * paragraph separated by a space, paragraphs by a blank line.  Multiword
 * tokens ("don't" = do + n't) keep their surface span; their words get the
 * sub-spans when the word forms spell the token, the whole span otherwise.
 * Empty nodes (8.1) are skipped.  A malformed line fails its story (reported
 * with file and line); reading resumes with the next story.
 */
#include <stdlib.h>
#include <string.h>

#include "../base/error.h"
#include "../text/utf8.h"
#include "reader.h"

#define CONLLU_MAX_SENTENCES 1000

typedef struct tbuf {
    char *p;
    size_t len, cap;
} tbuf;

static int tb_add(petrel_doc *doc, tbuf *b, const char *s, size_t n) {
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 4096;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = arena_grow(doc->arena, b->p, b->len, cap);
        if (!p)
            return -1;
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
    return 0;
}

/* Splits a token line into 10 fields (in place).  Returns the count. */
static int split_fields(char *line, char **f) {
    int n = 0;
    f[n++] = line;
    for (char *p = line; *p; p++)
        if (*p == '\t') {
            *p = '\0';
            if (n == 10)
                return 11;
            f[n++] = p + 1;
        }
    return n;
}

static const char *col(petrel_doc *doc, const char *s) {
    if (s[0] == '_' && s[1] == '\0')
        return NULL;
    return doc_strdup0(doc, s);
}

/* Value of key=value in a MISC column, or NULL. */
static const char *misc_value(const char *misc, const char *key, size_t *len) {
    size_t k = strlen(key);
    for (const char *p = misc; p && *p;) {
        const char *bar = strchr(p, '|');
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        if (n > k && memcmp(p, key, k) == 0 && p[k] == '=') {
            *len = n - k - 1;
            return p + k + 1;
        }
        p = bar ? bar + 1 : NULL;
    }
    return NULL;
}

/* The white space after a token: "" for SpaceAfter=No, the unescaped
 * SpacesAfter= value, else one space. */
static size_t space_after(const char *misc, char *out) {
    size_t len;
    const char *v;
    if (misc && (v = misc_value(misc, "SpaceAfter", &len)) && len == 2 && memcmp(v, "No", 2) == 0)
        return 0;
    if (misc && (v = misc_value(misc, "SpacesAfter", &len))) {
        size_t o = 0;
        for (size_t i = 0; i < len && o < 14; i++) {
            if (v[i] == '\\' && i + 1 < len) {
                char c = v[++i];
                out[o++] = c == 's' ? ' ' : c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c;
            } else {
                out[o++] = v[i];
            }
        }
        return o;
    }
    out[0] = ' ';
    return 1;
}

typedef struct pending_word {
    uint32_t start, len;
} pending_word;

int read_conllu_next(petrel_reader *r, petrel_doc *doc, petrel_error *err) {
    tbuf text = {0};
    int in_sentence = 0, new_par = 1, bad = 0, any = 0;
    uint32_t paragraph = 0;
    long bad_line = 0;
    char bad_msg[128] = "";
    doc_sentence *sent = NULL;
    /* current multiword token: its words still to come, and its span */
    int mwt_left = 0;
    uint32_t mwt_first = 0, mwt_start = 0, mwt_end = 0;
    const char *mwt_form = NULL;
    const char *pending_sent_id = NULL;
    char mwt_space[16];
    size_t mwt_space_len = 0;
    doc->tokenized = 1;
    doc->input_name = doc_strdup0(doc, r->in.name);
    for (;;) {
        const char *line;
        size_t len;
        int too_long = 0;
        long long start;
        int got;
        if (r->pending) {
            line = r->pending;
            len = r->pending_len;
            start = r->pending_off;
            got = 1;
        } else {
            got = input_getline(&r->in, 1 << 20, &line, &len, &too_long, &start);
        }
        if (got < 0)
            return err_set(err, PETREL_ERR_IO, r->in.name, r->in.lineno, start, "read error");
        long lineno = r->pending ? r->pending_line : r->in.lineno;
        char *copy = NULL;
        if (got > 0) {
            copy = malloc(len + 1);
            if (!copy)
                return err_nomem(err);
            memcpy(copy, line, len);
            copy[len] = '\0';
        }
        free(r->pending);
        r->pending = NULL;
        if (got == 0 || (len >= 8 && memcmp(copy, "# newdoc", 8) == 0 && any) ||
            (!in_sentence && doc->nsents >= CONLLU_MAX_SENTENCES)) {
            /* end of this story; keep the line that opens the next */
            if (got > 0) {
                r->pending = copy;
                r->pending_len = len;
                r->pending_line = lineno;
                r->pending_off = start;
                copy = NULL;
            }
            free(copy);
            if (in_sentence && !bad && sent)
                in_sentence = 0; /* file ended without a final blank line */
            break;
        }
        if (!any && !doc->input_line)
            doc->input_line = lineno;
        if (too_long) {
            free(copy);
            if (!bad) {
                bad = 1;
                bad_line = lineno;
                snprintf(bad_msg, sizeof bad_msg, "line longer than 1 MiB");
            }
            continue;
        }
        if (len == 0 || strspn(copy, " \t\r") == len) {
            free(copy);
            if (in_sentence && sent) {
                sent->count = doc->nwords - sent->first;
                in_sentence = 0;
                if (mwt_left > 0 && !bad) {
                    bad = 1;
                    bad_line = lineno;
                    snprintf(bad_msg, sizeof bad_msg, "multiword token range runs past the sentence");
                }
            }
            continue;
        }
        any = 1;
        if (copy[0] == '#') {
            if (strncmp(copy, "# newdoc", 8) == 0) {
                const char *eq = strchr(copy, '=');
                if (eq) {
                    eq++;
                    while (*eq == ' ')
                        eq++;
                    doc->id = doc_strdup0(doc, eq);
                    doc->genre = doc->id;
                }
                new_par = 1;
            } else if (strncmp(copy, "# newpar", 8) == 0) {
                new_par = 1;
            } else if (strncmp(copy, "# sent_id", 9) == 0 && !in_sentence) {
                const char *eq = strchr(copy, '=');
                if (eq) {
                    eq++;
                    while (*eq == ' ')
                        eq++;
                    /* the sentence's own record is made at its first word */
                    pending_sent_id = doc_strdup0(doc, eq);
                }
            }
            free(copy);
            continue;
        }
        char *f[11];
        int nf = split_fields(copy, f);
        if (bad) {
            free(copy);
            continue;
        }
        if (nf != 10) {
            bad = 1;
            bad_line = lineno;
            snprintf(bad_msg, sizeof bad_msg, "%d tab-separated fields, CoNLL-U has 10", nf > 10 ? 11 : nf);
            free(copy);
            continue;
        }
        if (strchr(f[0], '.')) { /* empty node */
            free(copy);
            continue;
        }
        if (!in_sentence) {
            /* a new sentence begins */
            /* Sentences of a paragraph are already joined by the space
             * after their last token; paragraphs get a blank line. */
            if (text.len > 0 && new_par) {
                while (text.len > 0 && (text.p[text.len - 1] == ' '))
                    text.len--;
                if (tb_add(doc, &text, "\n\n", 2))
                    goto oom;
            }
            if (new_par && doc->nsents > 0)
                paragraph++;
            sent = doc_add_sentence(doc);
            if (!sent)
                goto oom;
            sent->first = doc->nwords;
            sent->paragraph = paragraph;
            sent->start = (uint32_t)text.len;
            sent->sent_id = pending_sent_id;
            pending_sent_id = NULL;
            in_sentence = 1;
            mwt_left = 0;
        }
        char *dash = strchr(f[0], '-');
        if (dash) {
            long a = strtol(f[0], NULL, 10), b = strtol(dash + 1, NULL, 10);
            if (a < 1 || b <= a || b - a > 16) {
                bad = 1;
                bad_line = lineno;
                snprintf(bad_msg, sizeof bad_msg, "bad multiword token range \"%.20s\"", f[0]);
                free(copy);
                continue;
            }
            mwt_left = (int)(b - a + 1);
            mwt_first = doc->nwords;
            mwt_start = (uint32_t)text.len;
            if (tb_add(doc, &text, f[1], strlen(f[1])))
                goto oom;
            mwt_end = (uint32_t)text.len;
            mwt_form = doc_strdup0(doc, f[1]);
            mwt_space_len = space_after(f[9], mwt_space);
            free(copy);
            continue;
        }
        char *endp;
        long id = strtol(f[0], &endp, 10);
        if (*endp || id < 1 || (long)(doc->nwords - sent->first) + 1 != id) {
            bad = 1;
            bad_line = lineno;
            snprintf(bad_msg, sizeof bad_msg, "word id \"%.20s\" out of sequence", f[0]);
            free(copy);
            continue;
        }
        doc_word *w = doc_add_word(doc);
        if (!w)
            goto oom;
        w->lemma = col(doc, f[2]);
        w->upos = col(doc, f[3]);
        w->xpos = col(doc, f[4]);
        w->feats = col(doc, f[5]);
        w->head = f[6][0] == '_' ? -1 : (int32_t)strtol(f[6], NULL, 10);
        w->deprel = col(doc, f[7]);
        w->misc = col(doc, f[9]);
        w->form = doc_strdup0(doc, f[1]);
        w->form_len = (uint32_t)strlen(f[1]);
        if (doc->nwords - 1 == sent->first && new_par)
            w->flags |= WORD_PARA_START;
        new_par = 0;
        if (mwt_left > 0) {
            /* word of a multiword token: provisional span, fixed below */
            w->start = mwt_start;
            w->len = mwt_end - mwt_start;
            w->token_words = 0;
            if (--mwt_left == 0) {
                uint32_t nw = doc->nwords - mwt_first;
                doc->words[mwt_first].token_words = (uint16_t)nw;
                /* sub-spans when the words spell the token */
                size_t total = 0;
                int spell = 1;
                for (uint32_t k = mwt_first; k < doc->nwords; k++)
                    total += doc->words[k].form_len;
                if (total != mwt_end - mwt_start)
                    spell = 0;
                uint32_t o = mwt_start;
                for (uint32_t k = mwt_first; spell && k < doc->nwords; k++) {
                    /* compare against the token form, case-sensitively */
                    if (memcmp(mwt_form + (o - mwt_start), doc->words[k].form, doc->words[k].form_len) != 0)
                        spell = 0;
                    o += doc->words[k].form_len;
                }
                o = mwt_start;
                for (uint32_t k = mwt_first; spell && k < doc->nwords; k++) {
                    doc->words[k].start = o;
                    doc->words[k].len = doc->words[k].form_len;
                    o += doc->words[k].form_len;
                }
                if (mwt_space_len) {
                    doc->words[doc->nwords - 1].flags |= WORD_SPACE_AFTER;
                    if (tb_add(doc, &text, mwt_space, mwt_space_len))
                        goto oom;
                }
            }
        } else {
            w->start = (uint32_t)text.len;
            w->len = w->form_len;
            if (tb_add(doc, &text, f[1], w->form_len))
                goto oom;
            char sp[16];
            size_t spl = space_after(w->misc, sp);
            if (spl) {
                w->flags |= WORD_SPACE_AFTER;
                if (tb_add(doc, &text, sp, spl))
                    goto oom;
            }
        }
        free(copy);
        sent->end = (uint32_t)text.len;
        continue;
    oom:
        free(copy);
        return err_nomem(err);
    }
    if (in_sentence && sent)
        sent->count = doc->nwords - sent->first;
    if (!any)
        return 0;
    if (bad)
        return err_set(err, PETREL_ERR_FORMAT, r->in.name, bad_line, -1, "%s; story %s skipped", bad_msg,
                       doc->id ? doc->id : "?");
    /* sentence ends exclude the white space after the last token */
    for (uint32_t i = 0; i < doc->nsents; i++) {
        doc_sentence *s = &doc->sents[i];
        if (s->count) {
            doc_word *last = &doc->words[s->first + s->count - 1];
            uint32_t e = last->start + last->len;
            /* a multiword token's last word may carry a sub-span */
            for (uint32_t k = s->first; k < s->first + s->count; k++)
                if (doc->words[k].start + doc->words[k].len > e)
                    e = doc->words[k].start + doc->words[k].len;
            s->end = e;
        }
    }
    /* the space after the last token is not part of the story */
    while (text.len > 0 && (text.p[text.len - 1] == ' ' || text.p[text.len - 1] == '\n'))
        text.len--;
    if (doc_set_text(doc, text.p ? text.p : "", text.len) != 0)
        return err_nomem(err);
    for (uint32_t i = 0; i < doc->nwords; i++) {
        doc_word *w = &doc->words[i];
        const char *norm;
        size_t norm_len;
        if (utf8_normalize(doc->arena, w->form, w->form_len, &norm, &norm_len) != 0)
            return err_nomem(err);
        w->norm = norm;
        w->norm_len = (uint32_t)norm_len;
    }
    return reader_finish_story(r, doc, -1, err) == 0 ? 1 : PETREL_ERR_NOMEM;
}
