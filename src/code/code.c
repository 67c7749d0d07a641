/* code.c - the coding stage (see code.h). */
#include "code.h"

#include <stdio.h>
#include <string.h>

#include "../base/error.h"
#include "../match/match.h"
#include "../match/sentence.h"

/* ------------------------------------------------------------ calendar */

/* Howard Hinnant's days_from_civil. */
long code_days(int y, int m, int d) {
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void code_civil(long z, int *y, int *m, int *d) {
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long yy = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yy + (*m <= 2));
}

static int32_t ymd(long days) {
    int y, m, d;
    code_civil(days, &y, &m, &d);
    return y * 10000 + m * 100 + d;
}

static long days_of(int32_t date) { return code_days(date / 10000, date / 100 % 100, date % 100); }

static const char *const weekdays[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
static const char *const months[] = {"january", "february", "march",     "april",   "may",      "june",
                                     "july",    "august",   "september", "october", "november", "december"};

static int index_of(const sent_view *v, int32_t k, const char *const *list, int n) {
    for (int i = 0; i < n; i++)
        if (sv_lemma_is(v, k, list[i]))
            return i;
    return -1;
}

/* A modifier "last", "next", "this", "past" of k: -1, +1, 0, or 2 none. */
static int relative(const sent_view *v, int32_t k) {
    for (int32_t ch = v->child[k]; ch >= 0; ch = v->sibling[ch]) {
        if (sv_lemma_is(v, ch, "last") || sv_lemma_is(v, ch, "past") || sv_lemma_is(v, ch, "previous"))
            return -1;
        if (sv_lemma_is(v, ch, "next") || sv_lemma_is(v, ch, "coming"))
            return 1;
        if (sv_lemma_is(v, ch, "this"))
            return 0;
    }
    return 2;
}

/* A day number (1-31) among the children of k, 0 when none. */
static int day_number(const sent_view *v, int32_t k) {
    for (int32_t ch = v->child[k]; ch >= 0; ch = v->sibling[ch]) {
        const doc_word *w = sv_word(v, ch);
        if (!sv_upos_is(v, ch, "NUM") || w->form_len > 4)
            continue;
        int d = 0;
        for (uint32_t i = 0; i < w->form_len && w->form[i] >= '0' && w->form[i] <= '9'; i++)
            d = d * 10 + (w->form[i] - '0');
        if (d >= 1 && d <= 31)
            return d;
    }
    return 0;
}

int code_time_word(const sent_view *v, int32_t k, int32_t story, int future, int32_t *date, uint8_t *precision) {
    if (story <= 0)
        return 0;
    long today = days_of(story);
    int wd = index_of(v, k, weekdays, 7);
    if (wd >= 0) {
        int story_wd = (int)((today % 7 + 7 + 3) % 7); /* 1970-01-01 was a Thursday (3) */
        int rel = relative(v, k);
        long delta;
        if (rel == 1 || (rel == 2 && future))
            delta = (wd - story_wd + 7) % 7;
        else
            delta = -((story_wd - wd + 7) % 7);
        if (rel == -1 && delta == 0)
            delta = -7;
        if (rel == 1 && delta == 0)
            delta = 7;
        *date = ymd(today + delta);
        *precision = 1;
        return 1;
    }
    if (sv_lemma_is(v, k, "yesterday")) {
        *date = ymd(today - 1);
        *precision = 1;
        return 1;
    }
    if (sv_lemma_is(v, k, "today") || sv_lemma_is(v, k, "tonight")) {
        *date = story;
        *precision = 1;
        return 1;
    }
    if (sv_lemma_is(v, k, "tomorrow")) {
        *date = ymd(today + 1);
        *precision = 1;
        return 1;
    }
    int mon = index_of(v, k, months, 12);
    if (mon >= 0) {
        int y = story / 10000, d = day_number(v, k);
        int32_t candidate = y * 10000 + (mon + 1) * 100 + (d ? d : 1);
        /* a date still to come belongs to the year before, unless the
         * event itself is to come */
        if (!future && candidate > story)
            candidate -= 10000;
        *date = d ? candidate : candidate / 100 * 100;
        *precision = d ? 1 : 3;
        return 1;
    }
    int rel = relative(v, k);
    if (rel != 2) {
        if (sv_lemma_is(v, k, "week")) {
            *date = ymd(today + 7L * rel);
            *precision = 2;
            return 1;
        }
        if (sv_lemma_is(v, k, "month")) {
            int y = story / 10000, m = story / 100 % 100 + rel;
            if (m < 1) {
                m += 12;
                y--;
            } else if (m > 12) {
                m -= 12;
                y++;
            }
            *date = y * 10000 + m * 100;
            *precision = 3;
            return 1;
        }
        if (sv_lemma_is(v, k, "year")) {
            *date = (story / 10000 + rel) * 10000;
            *precision = 4;
            return 1;
        }
    }
    /* a year: "in 2019" */
    const doc_word *w = sv_word(v, k);
    if (sv_upos_is(v, k, "NUM") && w->form_len == 4 && w->form[0] >= '1' && w->form[0] <= '2') {
        int y = 0;
        for (int i = 0; i < 4; i++) {
            if (w->form[i] < '0' || w->form[i] > '9')
                return 0;
            y = y * 10 + (w->form[i] - '0');
        }
        if (y >= 1900 && y <= story / 10000 + 5) {
            *date = y * 10000;
            *precision = 4;
            return 1;
        }
    }
    return 0;
}

/* A time word among the children of k (and, one level down, of its
 * object: parsers often hang "on Tuesday" there). */
static int32_t time_child(const sent_view *v, int32_t k, int32_t story, int future, int32_t *date, uint8_t *prec,
                          int depth) {
    for (int32_t ch = v->child[k]; ch >= 0; ch = v->sibling[ch]) {
        if (!(sv_rel_is(v, ch, "obl") || sv_rel_is(v, ch, "nmod") || sv_rel_is(v, ch, "advmod") ||
              sv_rel_is(v, ch, "obj")))
            continue;
        if (code_time_word(v, ch, story, future, date, prec))
            return ch;
    }
    if (depth == 0) {
        int32_t o = sv_child(v, k, "obj");
        if (o >= 0)
            return time_child(v, o, story, future, date, prec, 1);
    }
    return -1;
}

/* Dates an event from the time words of its clause or of the clauses
 * above it (the verb that reports it). */
static void date_event(const sent_view *v, int32_t pred, int32_t story, doc_event *ev) {
    int future = ev->modality == MOD_FUTURE || ev->modality == MOD_INTENDED;
    for (int depth = 0; pred >= 0 && depth < 4; depth++) {
        int32_t date;
        uint8_t prec;
        int32_t w = time_child(v, pred, story, future, &date, &prec, 0);
        if (w >= 0) {
            ev->date = date;
            ev->date_precision = prec;
            ev->date_word = (int32_t)v->first + w;
            return;
        }
        if (!(sv_rel_is(v, pred, "ccomp") || sv_rel_is(v, pred, "xcomp") || sv_rel_is(v, pred, "conj") ||
              sv_rel_is(v, pred, "advcl") || sv_rel_is(v, pred, "parataxis")))
            break;
        pred = v->head[pred];
    }
    if (story > 0) {
        ev->date = story;
        ev->date_precision = 1;
    }
}

/* The leftmost word of a name (its flat and compound parts). */
static int32_t name_start(const sent_view *v, int32_t k) {
    int32_t lo = k;
    for (int32_t ch = v->child[k]; ch >= 0; ch = v->sibling[ch])
        if ((sv_rel_is(v, ch, "flat") || sv_rel_is(v, ch, "compound")) && ch < lo)
            lo = ch;
    return lo;
}

/* Is the name of noun k a place?  Then it is the event's place. */
static int place_at(const lexicon *lex, sent_view *v, int32_t k, doc_event *ev) {
    int32_t s = name_start(v, k);
    if (!match_place(lex, v, s, ev->place, sizeof ev->place))
        return 0;
    ev->place_word = (int32_t)v->first + s;
    return 1;
}

/* A place phrase ("in Athens") in the clause of k: among its dependents
 * and theirs, not inside another clause.  Returns 1 when found. */
static int place_in(const lexicon *lex, sent_view *v, int32_t k, doc_event *ev, int depth) {
    for (int32_t ch = v->child[k]; ch >= 0; ch = v->sibling[ch]) {
        if (sv_rel_is(v, ch, "ccomp") || sv_rel_is(v, ch, "parataxis") || sv_rel_is(v, ch, "advcl") ||
            sv_rel_is(v, ch, "acl") || sv_rel_is(v, ch, "conj") || sv_rel_is(v, ch, "xcomp"))
            continue;
        if (sv_rel_is(v, ch, "obl") || sv_rel_is(v, ch, "nmod")) {
            int32_t cs = sv_case(v, ch);
            const char *prep = cs >= 0 ? lex_word_str(lex, cs) : NULL;
            if (prep && (strcmp(prep, "in") == 0 || strcmp(prep, "at") == 0 || strcmp(prep, "near") == 0 ||
                         strcmp(prep, "inside") == 0 || strcmp(prep, "outside") == 0)) {
                if (place_at(lex, v, ch, ev))
                    return 1;
                /* "in the northern city of Kirkuk" */
                for (int32_t g = v->child[ch]; g >= 0; g = v->sibling[g]) {
                    int32_t gc = sv_case(v, g);
                    if (sv_rel_is(v, g, "nmod") && gc >= 0 && strcmp(lex_word_str(lex, gc), "of") == 0 &&
                        place_at(lex, v, g, ev))
                        return 1;
                }
            }
        }
        if (depth < 2 && place_in(lex, v, ch, ev, depth + 1))
            return 1;
    }
    return 0;
}

static void place_event(const lexicon *lex, sent_view *v, int32_t pred, doc_event *ev) {
    if (place_in(lex, v, pred, ev, 0))
        return;
    /* a noun under a light verb ("held talks ... in Athens"): the light
     * verb's clause */
    if (sv_rel_is(v, pred, "obj") || sv_rel_is(v, pred, "nsubj:pass"))
        place_in(lex, v, v->head[pred], ev, 0);
}

/* The country of the dateline ("MOSCOW", "KYIV, Ukraine"). */
static void dateline_country(const lexicon *lex, const char *dateline, char *out, size_t len) {
    out[0] = '\0';
    if (!dateline)
        return;
    /* each comma-separated part, words lower-cased */
    const char *p = dateline;
    while (*p && !out[0]) {
        uint32_t node = 0;
        while (*p == ' ' || *p == ',')
            p++;
        const char *part_end = strchr(p, ',');
        if (!part_end)
            part_end = p + strlen(p);
        while (p < part_end) {
            char word[64];
            size_t n = 0;
            while (p < part_end && *p != ' ' && n + 1 < sizeof word) {
                char c = *p++;
                word[n++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
            }
            while (p < part_end && *p == ' ')
                p++;
            node = node || n ? lex_trie_next(lex, node, lex_word(lex, word, n)) : 0;
            if (!node)
                break;
        }
        for (uint32_t i = node ? lex_trie_hits(lex, node) : 0; i; i = lex_hit_get(lex, i)->next) {
            const lex_hit *h = lex_hit_get(lex, i);
            const lex_actor *a = lex_actor_get(lex, h->actor);
            if ((h->type == HIT_NAME || h->type == HIT_CAPITAL || h->type == HIT_CITY) && a &&
                a->kind == LEX_COUNTRY && a->code) {
                snprintf(out, len, "%s", a->code);
                break;
            }
        }
        p = part_end;
    }
}

/* The PLOVER contexts whose keywords the sentence has, ';'-separated
 * ("health;migration"), or NULL. */
static const char *contexts(const lexicon *lex, const sent_view *v) {
    char buf[256];
    size_t n = 0;
    buf[0] = '\0';
    for (uint32_t k = 0; k < v->n; k++) {
        uint32_t node = 0;
        for (uint32_t j = k; j < v->n && j < k + 8; j++) {
            uint32_t next = lex_trie_next(lex, node, v->form[j]);
            if (!next && v->lemma[j] != v->form[j])
                next = lex_trie_next(lex, node, v->lemma[j]);
            if (!next)
                break;
            node = next;
            for (uint32_t i = lex_trie_hits(lex, node); i; i = lex_hit_get(lex, i)->next) {
                const lex_hit *h = lex_hit_get(lex, i);
                if (h->type != HIT_CONTEXT || !h->code)
                    continue;
                /* once each */
                size_t cl = strlen(h->code);
                int have = 0;
                for (const char *p = buf; (p = strstr(p, h->code)) != NULL; p += cl)
                    if ((p == buf || p[-1] == ';') && (p[cl] == ';' || p[cl] == '\0'))
                        have = 1;
                if (!have && n + cl + 2 < sizeof buf)
                    n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", n ? ";" : "", h->code);
            }
        }
    }
    return n ? doc_strdup(v->doc, buf, n) : NULL;
}

/* Discard phrases (PETRARCH): 2 for the story, 1 for the sentence, 0. */
static int discarded(const lexicon *lex, const sent_view *v) {
    int found = 0;
    for (uint32_t k = 0; k < v->n && found < 2; k++) {
        uint32_t node = 0;
        for (uint32_t j = k; j < v->n; j++) {
            node = lex_trie_next(lex, node, v->form[j]);
            if (!node)
                break;
            int story;
            if (lex_trie_discard(lex, node, &story))
                found = story ? 2 : (found ? found : 1);
        }
    }
    return found;
}

/* Agents coded without a country ("police", "demonstrators") take one from
 * the event: the country of its place ("protesters in Kirkuk"), or, for the
 * people a country's police, courts or security services act on, that
 * country ("police fired on demonstrators").  The mention keeps the code
 * for the sentence. */
static void complete_country(petrel_doc *doc, doc_event *ev, int32_t side, int32_t other, int other_code) {
    if (side < 0)
        return;
    doc_mention *m = &doc->mentions[side];
    if (!m->countryless || m->ncodes != 1)
        return;
    char country[4] = "";
    const char *how = NULL;
    if (ev->place[0]) {
        snprintf(country, sizeof country, "%.3s", ev->place);
        how = "agent + place of the event";
    } else if (other >= 0) {
        const doc_mention *o = &doc->mentions[other];
        const char *oc = o->ncodes ? o->code[other_code < o->ncodes ? other_code : 0] : "";
        /* the other side has a country and is one of its domestic
         * institutions: police, courts, intelligence */
        if (!o->countryless && strlen(oc) >= 6 &&
            (strstr(oc + 3, "COP") || strstr(oc + 3, "JUD") || strstr(oc + 3, "SPY"))) {
            snprintf(country, sizeof country, "%.3s", oc);
            how = "agent + country of the police or court acting on it";
        }
    }
    if (!country[0])
        return;
    char code[24];
    match_join_codes(country, m->code[0], code, sizeof code);
    snprintf(m->code[0], sizeof m->code[0], "%s", code);
    m->countryless = 0;
    m->how = how;
}

/* An act done in a place and on no one named ("demonstrated in Serbia",
 * "extended the curfew in Abidjan", "a bomb exploded in Baghdad") is done
 * to that place: its target is the place's mention, as TABARI, PETRARCH
 * and the PLOVER gold records code it.  Only for the acts that happen to
 * a place (protest, force posture, sanctions, coercion, violence and their
 * threats), not for statements or meetings that merely happen there. */
static void place_target(const coder *cd, sent_view *v, doc_event *ev) {
    if (ev->target >= 0 || ev->place_word < 0 || ev->reverse || cd->peer_rules)
        return;
    int root = match_code_root(ev->code);
    if (!(root == 13 || (root >= 14 && root <= 20)))
        return;
    int32_t k = ev->place_word - (int32_t)v->first;
    int32_t pm = v->mention[k];
    if (pm == ev->source)
        return;
    if (pm < 0) {
        /* a city is a place, not an actor, until it is the target: a
         * mention of its own, coded with its country */
        doc_mention *m = doc_add_mention(v->doc);
        if (!m)
            return;
        memset(m, 0, sizeof *m);
        m->actor = m->antecedent = m->group = -1;
        m->sent = v->index;
        m->head = m->start = (uint32_t)ev->place_word;
        m->end = m->start + 1;
        while (m->end < v->first + v->n && sv_upos_is(v, (int32_t)(m->end - v->first), "PROPN"))
            m->end++;
        snprintf(m->code[0], sizeof m->code[0], "%.3s", ev->place);
        m->ncodes = 1;
        m->kind = MENTION_COUNTRY;
        m->how = "the place of the event";
        pm = (int32_t)(v->doc->nmentions - 1);
        v->mention[k] = pm;
    }
    ev->target = pm;
    ev->target_code = 0;
    doc_trace(v->doc, "  event %s at word %u: no target, so the place it happened in", ev->code,
              ev->trigger - v->first + 1);
}

int code_doc(const coder *cd, petrel_doc *doc, petrel_error *err) {
    match_story st;
    memset(&st, 0, sizeof st);
    st.date = doc->date.year ? doc->date.year * 10000 + doc->date.month * 100 + doc->date.day : 0;
    st.first_mention = doc->nmentions;
    st.peer_rules = cd->peer_rules;
    dateline_country(cd->lex, doc->dateline, st.dateline, sizeof st.dateline);
    for (uint32_t s = 0; s < doc->nsents; s++) {
        sent_view v;
        int rc = sent_view_build(&v, doc, cd->lex, s);
        if (rc)
            return err_set(err, rc, doc->input_name, doc->input_line, -1, "out of memory while coding story %s",
                           doc->id ? doc->id : "?");
        int d = discarded(cd->lex, &v);
        if (d == 2) {
            doc->discarded = 1;
            doc->nevents = 0;
            doc_trace(doc, "sentence %u: a story discard phrase: the story is not coded", s + 1);
            return 0;
        }
        if (d == 1) {
            doc_trace(doc, "sentence %u: a discard phrase: not coded", s + 1);
            continue;
        }
        doc_trace(doc, "sentence %u", s + 1);
        uint32_t before = doc->nevents;
        if ((rc = match_mentions(cd->lex, &v, &st)) != 0 || (rc = match_events(cd->lex, &v, &st)) != 0)
            return err_set(err, rc, doc->input_name, doc->input_line, -1, "out of memory while coding story %s",
                           doc->id ? doc->id : "?");
        const char *ctx = doc->nevents > before ? contexts(cd->lex, &v) : NULL;
        for (uint32_t e = before; e < doc->nevents; e++) {
            doc_event *ev = &doc->events[e];
            ev->context = ctx;
            int32_t pred = (int32_t)(ev->trigger - v.first);
            date_event(&v, pred, st.date, ev);
            place_event(cd->lex, &v, pred, ev);
            place_target(cd, &v, ev);
            complete_country(doc, ev, ev->source, ev->target, ev->target_code);
            complete_country(doc, ev, ev->target, ev->source, ev->source_code);
        }
    }
    return 0;
}
