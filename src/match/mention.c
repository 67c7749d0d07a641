/*
 * mention.c - actor mentions of a sentence (see match.h).
 *
 * 1. Dictionary names: from each word, the trie is walked along the words'
 *    forms (or lemmas, so "officials" reaches the agent "official"); the
 *    longest phrase with an entry wins and the walk resumes after it.
 *    Entries written with capitals match capitalized text only, so
 *    "turkey" and "us" stay common words.
 * 2. Noun phrases: every nominal head (not a compound or flat part of a
 *    name) is a candidate.  Its code comes from the first of:
 *      - a name covering the head (a person by the role held on the story
 *        date, an organization, a country; capitals and seats of
 *        government stand for the government);
 *      - an agent noun covering the head or a title in its name, joined to
 *        the country or organization found among its modifiers: country
 *        adjectives ("Hungarian officials", also conjoined: "Hungarian and
 *        Romanian officials" gives both), names in compounds ("U.S.
 *        officials"), possessors ("Turkey's foreign minister", "President
 *        Xi Jinping's envoy"), "of" phrases ("the president of Armenia"),
 *        appositions, a place ("police in Kenya"), else the story's
 *        dateline country;
 *      - a noun referring back to an organization named earlier ("the
 *        alliance" after NATO);
 *      - a pronoun resolved to the nearest compatible earlier mention
 *        (he/she: a person; it: a country or organization; they: a plural
 *        or group);
 *      - a surname repeating an earlier person's name;
 *      - otherwise a proper noun is an unknown actor, kept with its text.
 */
#include <stdio.h>
#include <string.h>

#include "match.h"

typedef struct span {
    int32_t start, end; /* local words [start, end) */
    uint32_t node;      /* trie node */
} span;

void match_join_codes(const char *base, const char *agent, char *out, size_t len) {
    if (!agent || !*agent) {
        snprintf(out, len, "%s", base ? base : "");
        return;
    }
    size_t al = strlen(agent);
    int first = agent[al - 1] == '~';
    if (first)
        al--;
    if (!base || !*base) {
        snprintf(out, len, "%.*s", (int)al, agent);
        return;
    }
    /* a role code already in the base is not repeated (RUSGOV + GOV) */
    size_t bl = strlen(base);
    for (size_t i = 0; i + al <= bl; i += 3)
        if (memcmp(base + i, agent, al) == 0) {
            snprintf(out, len, "%s", base);
            return;
        }
    if (first)
        snprintf(out, len, "%.*s%s", (int)al, agent, base);
    else
        snprintf(out, len, "%s%.*s", base, (int)al, agent);
}

static int has_lower(const doc_word *w) {
    for (uint32_t i = 0; i < w->form_len; i++)
        if (w->form[i] >= 'a' && w->form[i] <= 'z')
            return 1;
    return 0;
}

static int starts_capital(const doc_word *w) {
    unsigned char c = w->form_len ? (unsigned char)w->form[0] : 0;
    return (c >= 'A' && c <= 'Z') || c >= 0xC0 || (c >= '0' && c <= '9');
}

/* May hit h name the words [s, e)? */
static int hit_fits(const sent_view *v, const lex_hit *h, int32_t s, int32_t e) {
    if (h->caps)
        for (int32_t k = s; k < e; k++)
            if (has_lower(sv_word(v, k)))
                return 0;
    if (h->initial && !starts_capital(sv_word(v, s)))
        return 0;
    for (int32_t k = s + 1; k < e && k - s < 32; k++)
        if ((h->capmask >> (k - s) & 1u) && !starts_capital(sv_word(v, k)))
            return 0;
    return 1;
}

static int node_fits(const sent_view *v, uint32_t node, int32_t s, int32_t e) {
    for (uint32_t i = lex_trie_hits(v->lex, node); i; i = lex_hit_get(v->lex, i)->next)
        if (hit_fits(v, lex_hit_get(v->lex, i), s, e))
            return 1;
    return 0;
}

/* Walks the trie from node along words j..: each word may continue a
 * phrase by its form, its lemma, or as a prefix (TABARI phrases).  Keeps
 * the longest phrase from k that has a fitting entry.  The depth bound
 * keeps a pathological dictionary from making this exponential. */
static void walk(const sent_view *v, uint32_t node, int32_t k, int32_t j, int32_t *best_end, uint32_t *best_node,
                 int depth) {
    if (j >= (int32_t)v->n || depth > 16)
        return;
    uint32_t alt[3];
    int n = 0;
    alt[n] = lex_trie_next(v->lex, node, v->form[j]);
    n += alt[n] != 0;
    if (v->lemma[j] != v->form[j]) {
        alt[n] = lex_trie_next(v->lex, node, v->lemma[j]);
        n += alt[n] != 0 && (n == 0 || alt[n] != alt[0]);
    }
    alt[n] = lex_trie_prefix_next(v->lex, node, v->lower[j], v->lower_len[j]);
    n += alt[n] != 0;
    for (int i = 0; i < n; i++) {
        if (lex_trie_hits(v->lex, alt[i]) && j + 1 > *best_end && node_fits(v, alt[i], k, j + 1)) {
            *best_end = j + 1;
            *best_node = alt[i];
        }
        walk(v, alt[i], k, j + 1, best_end, best_node, depth + 1);
    }
}

/* Longest dictionary phrases, left to right.  spans[k] = span of word k or
 * -1.  Returns the number of spans. */
static int scan(const sent_view *v, span *spans, int32_t *span_of) {
    int count = 0;
    for (uint32_t k = 0; k < v->n; k++)
        span_of[k] = -1;
    for (int32_t k = 0; k < (int32_t)v->n;) {
        uint32_t best_node = 0;
        int32_t best_end = -1;
        walk(v, 0, k, k, &best_end, &best_node, 0);
        if (best_end > k) {
            spans[count] = (span){k, best_end, best_node};
            for (int32_t j = k; j < best_end; j++)
                span_of[j] = count;
            count++;
            k = best_end;
        } else {
            k++;
        }
    }
    return count;
}

/* The first fitting hit of a type at a span, or NULL. */
static const lex_hit *span_hit(const sent_view *v, const span *sp, uint8_t type) {
    for (uint32_t i = lex_trie_hits(v->lex, sp->node); i; i = lex_hit_get(v->lex, i)->next) {
        const lex_hit *h = lex_hit_get(v->lex, i);
        if (h->type == type && hit_fits(v, h, sp->start, sp->end))
            return h;
    }
    return NULL;
}

/* "file:line" of a dictionary entry, in the document's memory. */
static const char *file_line(petrel_doc *doc, const char *file, uint32_t line) {
    char buf[600];
    snprintf(buf, sizeof buf, "%s:%u", file, line);
    return doc_strdup0(doc, buf);
}

static const char *entry_of(petrel_doc *doc, const lex_hit *h) { return h ? file_line(doc, h->file, h->line) : NULL; }

typedef struct ctx {
    const lexicon *lex;
    sent_view *v;
    const match_story *st;
    span *spans;
    int32_t *span_of;
} ctx;

/* The code an actor hit stands for. */
static const char *actor_code(const ctx *c, const lex_hit *h, char *out, size_t len, uint8_t *kind) {
    const lex_actor *a = lex_actor_get(c->lex, h->actor);
    if (!a)
        return NULL;
    *kind = a->kind == LEX_COUNTRY ? MENTION_COUNTRY : a->kind == LEX_PERSON ? MENTION_PERSON : MENTION_ORG;
    if (h->code) {
        snprintf(out, len, "%s", h->code);
        return out;
    }
    if (h->type == HIT_CAPITAL || h->type == HIT_SEAT) {
        match_join_codes(a->code, "GOV", out, len);
        *kind = MENTION_ORG;
        return out;
    }
    return lex_actor_code(c->lex, a, c->st->date, out, len);
}

static int add_code(doc_mention *m, const char *code) {
    /* "FRO/BIL/SAM": a group of actors under one name */
    const char *slash = strchr(code, '/');
    if (slash) {
        char part[24];
        int added = 0;
        for (const char *p = code; p && *p;) {
            const char *e = strchr(p, '/');
            size_t n = e ? (size_t)(e - p) : strlen(p);
            snprintf(part, sizeof part, "%.*s", (int)(n < sizeof part ? n : sizeof part - 1), p);
            if (part[0])
                added += add_code(m, part);
            p = e ? e + 1 : NULL;
        }
        return added;
    }
    for (int i = 0; i < m->ncodes; i++)
        if (strcmp(m->code[i], code) == 0)
            return 0;
    if (m->ncodes >= DOC_MAX_CODES)
        return 0;
    snprintf(m->code[m->ncodes++], sizeof m->code[0], "%s", code);
    return 1;
}

/* Country (or organization) codes named by modifier word k: an adjective,
 * a name, a possessor's mention.  Adds them to codes[]; returns count. */
/* The codes the modifier k gives the noun it modifies.  A locative
 * modifier ("militias in Tripoli") gives a capital or a city's country, not
 * its government. */
static int modifier_codes_at(const ctx *c, int32_t k, char codes[][24], int max, const char **entry, int locative) {
    const sent_view *v = c->v;
    int n = 0;
    int32_t sp = c->span_of[k];
    if (sp >= 0 && locative) {
        const lex_hit *h = span_hit(v, &c->spans[sp], HIT_CAPITAL);
        if (!h)
            h = span_hit(v, &c->spans[sp], HIT_CITY);
        const lex_actor *a = h ? lex_actor_get(c->lex, h->actor) : NULL;
        if (a && a->code && n < max) {
            snprintf(codes[n++], 24, "%s", a->code);
            if (entry && !*entry)
                *entry = entry_of(v->doc, h);
            return n;
        }
    }
    if (sp >= 0) {
        const lex_hit *h = span_hit(v, &c->spans[sp], HIT_ADJECTIVE);
        if (!h)
            h = span_hit(v, &c->spans[sp], HIT_NAME);
        if (!h)
            h = span_hit(v, &c->spans[sp], HIT_PEOPLE);
        if (!h)
            h = span_hit(v, &c->spans[sp], HIT_SEAT);
        if (!h)
            h = span_hit(v, &c->spans[sp], HIT_CAPITAL);
        if (h) {
            uint8_t kind;
            char code[24];
            if (h->type == HIT_ADJECTIVE || h->type == HIT_PEOPLE) {
                const lex_actor *a = lex_actor_get(c->lex, h->actor);
                snprintf(code, sizeof code, "%s", a && a->code ? a->code : "");
            } else if (!actor_code(c, h, code, sizeof code, &kind)) {
                code[0] = '\0';
            }
            if (code[0] && n < max) {
                snprintf(codes[n++], 24, "%s", code);
                if (entry && !*entry)
                    *entry = entry_of(v->doc, h);
            }
        }
    }
    if (n == 0 && v->mention[k] >= 0) {
        /* a mention already made (a possessor, a name) */
        const doc_mention *m = &v->doc->mentions[v->mention[k]];
        for (int i = 0; i < m->ncodes && n < max; i++)
            if (m->code[i][0])
                snprintf(codes[n++], 24, "%s", m->code[i]);
    }
    return n;
}

static int modifier_codes(const ctx *c, int32_t k, char codes[][24], int max, const char **entry) {
    return modifier_codes_at(c, k, codes, max, entry, 0);
}

/* Words of k's name: k and its flat / compound descendants. */
static int in_chain(const sent_view *v, int32_t k, int32_t w) {
    while (w >= 0 && w != k) {
        if (!(sv_rel_is(v, w, "flat") || sv_rel_is(v, w, "compound") || sv_rel_is(v, w, "fixed")))
            return 0;
        w = v->head[w];
    }
    return w == k;
}

static int is_pronoun_word(const sent_view *v, int32_t k, const char *const *list) {
    for (size_t i = 0; list[i]; i++)
        if (sv_lemma_is(v, k, list[i]))
            return 1;
    return 0;
}

static const char *const he_words[] = {"he", "him", "his", "himself", "she", "her", "hers", "herself", NULL};
static const char *const it_words[] = {"it", "its", "itself", NULL};
static const char *const they_words[] = {"they", "them", "their", "theirs", "themselves", NULL};

/* Copies the codes of an antecedent. */
static void copy_from(doc_mention *m, const doc_mention *a, int32_t index) {
    m->ncodes = 0;
    for (int i = 0; i < a->ncodes; i++)
        add_code(m, a->code[i]);
    m->kind = a->kind;
    m->actor = a->actor;
    m->antecedent = a->antecedent >= 0 ? a->antecedent : index;
    m->entry = a->entry;
    m->agent_entry = a->agent_entry;
}

/* Pronoun resolution: the nearest earlier mention that fits. */
static int32_t resolve_pronoun(const ctx *c, int32_t k, uint32_t self) {
    const sent_view *v = c->v;
    petrel_doc *doc = v->doc;
    int he = is_pronoun_word(v, k, he_words), it = is_pronoun_word(v, k, it_words),
        they = is_pronoun_word(v, k, they_words);
    if (!he && !it && !they)
        return -1;
    uint32_t lo = c->st->first_mention;
    uint32_t limit = 60; /* look back at most this many mentions */
    for (uint32_t i = self; i > lo && limit-- > 0;) {
        i--;
        const doc_mention *m = &doc->mentions[i];
        if (m->pronoun && m->antecedent < 0)
            continue;
        if (m->ncodes == 0 && m->kind != MENTION_UNKNOWN)
            continue;
        /* not the phrase the pronoun is part of ("its" inside "its army") */
        if (m->sent == v->index && m->head == v->first + (uint32_t)k)
            continue;
        if (he && (m->kind == MENTION_PERSON || (m->human && !m->plural)))
            return (int32_t)i;
        if (it && !m->human && !m->plural &&
            (m->kind == MENTION_COUNTRY || m->kind == MENTION_ORG || m->kind == MENTION_AGENT))
            return (int32_t)i;
        if (they && (m->plural || m->group >= 0 || m->kind == MENTION_ORG || m->kind == MENTION_AGENT ||
                     m->kind == MENTION_COUNTRY))
            return (int32_t)i;
    }
    return -1;
}

/* "the two governments", "both sides", "the two countries": a plural noun
 * with "two" or "both" refers to the last two countries named.  Writes
 * their country codes (3 letters) into out and returns 2, or 0. */
static int two_countries(const ctx *c, int32_t k, uint32_t self, char out[][24]) {
    const sent_view *v = c->v;
    petrel_doc *doc = v->doc;
    /* "the two governments", not "two protesters", which counts people */
    int two = 0, the = 0;
    for (int32_t ch = v->child[k]; ch >= 0; ch = v->sibling[ch]) {
        two |= (sv_rel_is(v, ch, "nummod") && sv_lemma_is(v, ch, "two")) ||
               (sv_rel_is(v, ch, "det") && sv_lemma_is(v, ch, "both"));
        the |= sv_rel_is(v, ch, "det") && (sv_lemma_is(v, ch, "the") || sv_lemma_is(v, ch, "these") ||
                                           sv_lemma_is(v, ch, "both"));
    }
    two = two && the;
    if (!two || !sv_feat(v, k, "Number=Plur"))
        return 0;
    int n = 0;
    uint32_t limit = 60;
    for (uint32_t i = self; i > c->st->first_mention && limit-- > 0 && n < 2;) {
        i--;
        const doc_mention *m = &doc->mentions[i];
        if (m->ncodes == 0 || m->countryless || strlen(m->code[0]) < 3 || strncmp(m->code[0], "IGO", 3) == 0 ||
            strncmp(m->code[0], "NGO", 3) == 0)
            continue;
        for (int j = 0; j < m->ncodes && n < 2; j++) {
            if (n == 1 && strncmp(out[0], m->code[j], 3) == 0)
                continue;
            snprintf(out[n++], 24, "%.3s", m->code[j]);
        }
    }
    return n == 2 ? 2 : 0;
}

/* An earlier mention of the actor a noun refers back to. */
static int32_t resolve_refer(const ctx *c, const lex_hit *h, uint32_t self) {
    petrel_doc *doc = c->v->doc;
    uint32_t limit = 500; /* bounded: a story may name thousands of actors */
    for (uint32_t i = self; i > c->st->first_mention && limit-- > 0;) {
        i--;
        if (doc->mentions[i].actor == (int32_t)h->actor && doc->mentions[i].ncodes > 0)
            return (int32_t)i;
    }
    return -1;
}

/* A person named earlier whose last name this one-word name repeats. */
static int32_t resolve_surname(const ctx *c, int32_t k, uint32_t self) {
    const sent_view *v = c->v;
    petrel_doc *doc = v->doc;
    const doc_word *w = sv_word(v, k);
    uint32_t limit = 500;
    for (uint32_t i = self; i > c->st->first_mention && limit-- > 0;) {
        i--;
        const doc_mention *m = &doc->mentions[i];
        if (m->pronoun || m->end - m->start < 2 || !(m->kind == MENTION_PERSON || m->kind == MENTION_UNKNOWN))
            continue;
        const doc_word *last = &doc->words[m->head];
        if (last->norm_len == w->norm_len && memcmp(last->norm, w->norm, w->norm_len) == 0)
            return (int32_t)i;
    }
    return -1;
}

/* The phrase of head k for evidence: k and its compound, flat, amod, det,
 * nummod and possessor dependents (one level and their own chains). */
static void phrase_extent(const sent_view *v, int32_t k, int32_t *lo, int32_t *hi) {
    *lo = *hi = k;
    for (int32_t ch = v->child[k]; ch >= 0; ch = v->sibling[ch]) {
        if (!(sv_rel_is(v, ch, "compound") || sv_rel_is(v, ch, "flat") || sv_rel_is(v, ch, "amod") ||
              sv_rel_is(v, ch, "det") || sv_rel_is(v, ch, "nummod") || sv_rel_exact(v, ch, "nmod:poss") ||
              sv_rel_is(v, ch, "fixed")))
            continue;
        int32_t l, h;
        phrase_extent(v, ch, &l, &h);
        if (l < *lo)
            *lo = l;
        if (h > *hi)
            *hi = h;
    }
}

/* Is the noun at k plural? */
static int plural(const sent_view *v, int32_t k) {
    return sv_feat(v, k, "Number=Plur") || (sv_word(v, k)->xpos && (strcmp(sv_word(v, k)->xpos, "NNS") == 0 ||
                                                                    strcmp(sv_word(v, k)->xpos, "NNPS") == 0));
}

static int nominal(const sent_view *v, int32_t k) {
    return sv_upos_is(v, k, "NOUN") || sv_upos_is(v, k, "PROPN") || sv_upos_is(v, k, "PRON") ||
           sv_upos_is(v, k, "NUM") || sv_upos_is(v, k, "X") || sv_upos_is(v, k, "SYM");
}

/* Weekdays and months are names, but of times. */
static int time_name(const sent_view *v, int32_t k) {
    static const char *const names[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                        "january", "february", "march", "april", "may", "june", "july", "august",
                                        "september", "october", "november", "december", NULL};
    return is_pronoun_word(v, k, names);
}

/* Can an unknown proper noun at k be an actor here: a subject, an
 * object, a possessor, an apposition, or the object of a preposition that
 * introduces a participant (not "in", "at": those are places)? */
static int argument_position(const sent_view *v, int32_t k) {
    if (sv_rel_is(v, k, "conj") && v->head[k] >= 0)
        return argument_position(v, v->head[k]);
    if (sv_rel_is(v, k, "nsubj") || sv_rel_is(v, k, "obj") || sv_rel_is(v, k, "iobj") ||
        sv_rel_exact(v, k, "nmod:poss") || sv_rel_is(v, k, "appos") || sv_rel_is(v, k, "root") ||
        sv_rel_is(v, k, "vocative") || sv_rel_is(v, k, "dislocated"))
        return 1;
    if (sv_rel_is(v, k, "obl") || sv_rel_is(v, k, "nmod")) {
        int32_t c = sv_case(v, k);
        const char *prep = c >= 0 ? lex_word_str(v->lex, c) : NULL;
        static const char *const preps[] = {"with", "against", "to", "by", "from", "toward", "towards", "for",
                                            "between", "among", "of", "on", NULL};
        for (size_t i = 0; prep && preps[i]; i++)
            if (strcmp(prep, preps[i]) == 0)
                return 1;
    }
    return 0;
}

/* Is k the object of in / at / near (a place)? */
static int place_phrase(const sent_view *v, int32_t k) {
    /* "in the northern city of Kirkuk": the place is the city's */
    static const char *const place_nouns[] = {"city", "town", "village", "province", "region", "district",
                                              "capital", "port", "area", "state", NULL};
    int32_t h = v->head[k];
    if (h >= 0 && sv_rel_is(v, k, "nmod") && sv_case(v, k) >= 0 &&
        strcmp(lex_word_str(v->lex, sv_case(v, k)), "of") == 0)
        for (size_t i = 0; place_nouns[i]; i++)
            if (sv_lemma_is(v, h, place_nouns[i]))
                return place_phrase(v, h);
    int32_t c = sv_case(v, k);
    const char *prep = c >= 0 ? lex_word_str(v->lex, c) : NULL;
    return prep && (!strcmp(prep, "in") || !strcmp(prep, "at") || !strcmp(prep, "near") || !strcmp(prep, "inside") ||
                    !strcmp(prep, "outside"));
}

/* Has k a dependent with lemma w? */
static int child_lemma(const sent_view *v, int32_t k, const char *w) {
    for (int32_t ch = v->child[k]; ch >= 0; ch = v->sibling[ch])
        if (sv_lemma_is(v, ch, w))
            return 1;
    return 0;
}

/* The country a group lives in, from a place phrase of its noun k: "of
 * southern Serbia", and for an ethnic group also "in south Serbia" or
 * "operating in Macedonia" ("Russians in Berlin" may be visitors).  "from"
 * says where they came from, not where they live.  Returns 1 with out set. */
static int resident_country(const ctx *c, int32_t k, int ethnic, char *out, size_t len) {
    const sent_view *v = c->v;
    for (int32_t ch = v->child[k]; ch >= 0; ch = v->sibling[ch]) {
        int32_t place = -1;
        if (sv_rel_is(v, ch, "nmod") && !sv_rel_exact(v, ch, "nmod:poss"))
            place = ch;
        else if (ethnic && sv_rel_exact(v, ch, "acl") && sv_upos_is(v, ch, "VERB"))
            for (int32_t g = v->child[ch]; g >= 0 && place < 0; g = v->sibling[g])
                if (sv_rel_is(v, g, "obl"))
                    place = g;
        if (place < 0)
            continue;
        int32_t cs = sv_case(v, place);
        const char *prep = cs >= 0 ? lex_word_str(c->lex, cs) : NULL;
        if (!prep || !(strcmp(prep, "of") == 0 || (ethnic && (strcmp(prep, "in") == 0 || strcmp(prep, "inside") == 0))))
            continue;
        int32_t lo = place;
        for (int32_t g = v->child[place]; g >= 0; g = v->sibling[g])
            if ((sv_rel_is(v, g, "flat") || sv_rel_is(v, g, "compound")) && g < lo)
                lo = g;
        if (match_place(c->lex, v, lo, out, len) || match_place(c->lex, v, place, out, len))
            return 1;
    }
    return 0;
}

/* Has the story named the country or organization of code (its first three
 * letters) before mention self, or is it the dateline's country? */
static int story_knows(const ctx *c, uint32_t self, const char *code) {
    if (strlen(code) < 3)
        return 0;
    if (strncmp(c->st->dateline, code, 3) == 0)
        return 1;
    const petrel_doc *doc = c->v->doc;
    for (uint32_t i = c->st->first_mention; i < self; i++)
        for (int j = 0; j < doc->mentions[i].ncodes; j++)
            if (strncmp(doc->mentions[i].code[j], code, 3) == 0)
                return 1;
    return 0;
}

/* Builds the mention of head k (when it is one). */
static int make_mention(const ctx *c, int32_t k) {
    sent_view *v = c->v;
    petrel_doc *doc = v->doc;
    uint32_t self = doc->nmentions;
    const char *base_codes_entry = NULL;
    char base[DOC_MAX_CODES][24];
    int nbase = 0;
    const lex_hit *name = NULL, *agent = NULL, *refer = NULL, *people = NULL;
    int32_t sp = c->span_of[k];
    if (sp >= 0) {
        const span *s = &c->spans[sp];
        name = span_hit(v, s, HIT_NAME);
        if (!name)
            name = span_hit(v, s, HIT_SEAT);
        if (!name)
            name = span_hit(v, s, HIT_CAPITAL);
        /* a city named as an actor ("shelling Kirkuk", "Kirkuk police")
         * stands for its country, as in PETRARCH's and TABARI's
         * dictionaries; as a place it is no actor (below) */
        if (!name && sv_upos_is(v, k, "PROPN"))
            name = span_hit(v, s, HIT_CITY);
        people = span_hit(v, s, HIT_PEOPLE);
        /* "an Afghan"; and an adjective the tagger took for a proper noun
         * and the parser for a subject ("Hungarian Prime Minister Viktor
         * Orban criticized ...") is still its country */
        if (!people && !name && (sv_upos_is(v, k, "NOUN") || sv_upos_is(v, k, "PROPN")))
            people = span_hit(v, s, HIT_ADJECTIVE);
        agent = span_hit(v, s, HIT_AGENT);
        refer = span_hit(v, s, HIT_REFER);
    }
    /* titles and names in the name chain: "Foreign Minister Hakan Fidan" */
    const lex_hit *title = NULL;
    for (uint32_t q = 0; q < v->n && (!name || !agent); q++) {
        int32_t w = (int32_t)q;
        if (w == k || c->span_of[w] < 0 || !in_chain(v, k, w))
            continue;
        const span *s = &c->spans[c->span_of[w]];
        if (!name && (sv_upos_is(v, k, "PROPN") || sv_upos_is(v, w, "PROPN")) && s->end > k) {
            /* a name whose span reaches the head */
            name = span_hit(v, s, HIT_NAME);
        }
        if (!title && !agent)
            title = span_hit(v, s, HIT_AGENT);
    }
    if (!agent)
        agent = title;

    doc_mention m;
    memset(&m, 0, sizeof m);
    m.actor = m.antecedent = m.group = -1;
    m.sent = v->index;
    m.head = v->first + (uint32_t)k;
    int32_t lo, hi;
    phrase_extent(v, k, &lo, &hi);
    m.start = v->first + (uint32_t)lo;
    m.end = v->first + (uint32_t)hi + 1;
    m.plural = (uint8_t)plural(v, k);
    char code[24];

    if (name && (name->type == HIT_CAPITAL || name->type == HIT_CITY) && place_phrase(v, k))
        return 0; /* "talks in Athens": a place, not an actor */
    if (name) {
        uint8_t kind;
        if (actor_code(c, name, code, sizeof code, &kind)) {
            m.kind = kind;
            m.actor = (int32_t)name->actor;
            m.human = kind == MENTION_PERSON;
            m.entry = entry_of(doc, name);
            if (agent && kind != MENTION_PERSON) {
                /* "NATO officials": the organization and the agent */
                char joined[24];
                match_join_codes(code, agent->code, joined, sizeof joined);
                add_code(&m, joined);
                m.agent_entry = entry_of(doc, agent);
            } else {
                add_code(&m, code);
            }
            m.how = "name";
        }
    } else if (people) {
        const lex_actor *a = lex_actor_get(c->lex, people->actor);
        if (a && a->code) {
            add_code(&m, a->code);
            m.kind = MENTION_COUNTRY;
            m.human = 1;
            m.plural = 1;
            m.actor = (int32_t)people->actor;
            m.entry = entry_of(doc, people);
            m.how = "people";
        }
    }
    /* "ethnic Albanians in south Serbia", "the Albanians of southern
     * Serbia", "ethnic Albanian guerrillas operating in Macedonia": a
     * people or an ethnic group placed in a country are of that country,
     * as the CAMEO and PLOVER codebooks code minorities */
    int people_noun = m.how && strcmp(m.how, "people") == 0, ethnic = 0;
    for (int32_t ch = v->child[k]; ch >= 0 && !ethnic; ch = v->sibling[ch])
        ethnic = sv_rel_is(v, ch, "amod") && (sv_lemma_is(v, ch, "ethnic") || child_lemma(v, ch, "ethnic"));
    if (m.ncodes == 0 && (agent || (refer == NULL && sv_upos_is(v, k, "NOUN")) || sv_upos_is(v, k, "PROPN"))) {
        /* country or organization from the modifiers: adjectives and
         * compounds say what the noun is ("his Greek counterpart" is Greek),
         * a possessor or an "of" phrase only when they are silent */
        for (int round = 0; round < 2 && nbase == 0; round++)
        for (int32_t ch = v->child[k]; ch >= 0 && nbase < DOC_MAX_CODES; ch = v->sibling[ch]) {
            int mod = round == 0 ? (sv_rel_is(v, ch, "amod") || sv_rel_is(v, ch, "compound") || sv_rel_is(v, ch, "flat"))
                                 : sv_rel_exact(v, ch, "nmod:poss");
            int of = round == 1 && sv_rel_is(v, ch, "nmod") && !sv_rel_exact(v, ch, "nmod:poss");
            int locative = 0;
            if (of) {
                int32_t cs = sv_case(v, ch);
                const char *prep = cs >= 0 ? lex_word_str(c->lex, cs) : NULL;
                locative = prep && (strcmp(prep, "from") == 0 || strcmp(prep, "in") == 0 ||
                                    strcmp(prep, "throughout") == 0 || strcmp(prep, "across") == 0);
                of = locative || (prep && strcmp(prep, "of") == 0);
            }
            if (!mod && !of)
                continue;
            int got = modifier_codes_at(c, ch, base + nbase, DOC_MAX_CODES - nbase, &base_codes_entry, locative);
            nbase += got;
            /* "Hungarian and Romanian officials" */
            if (got && sv_rel_is(v, ch, "amod"))
                for (int32_t cj = v->child[ch]; cj >= 0 && nbase < DOC_MAX_CODES; cj = v->sibling[cj])
                    if (sv_rel_is(v, cj, "conj"))
                        nbase += modifier_codes(c, cj, base + nbase, DOC_MAX_CODES - nbase, &base_codes_entry);
            /* titles inside the modifiers: "envoy" in "President Xi's
             * special envoy Li Hui" */
            if (!agent && c->span_of[ch] >= 0 && sv_rel_is(v, ch, "compound"))
                agent = span_hit(v, &c->spans[c->span_of[ch]], HIT_AGENT);
        }
        /* an apposition that knows more: "Li Hui, China's envoy" */
        if (nbase == 0 && !agent)
            for (int32_t ch = v->child[k]; ch >= 0; ch = v->sibling[ch])
                if (sv_rel_is(v, ch, "appos") && v->mention[ch] >= 0)
                    nbase += modifier_codes(c, ch, base + nbase, DOC_MAX_CODES - nbase, &base_codes_entry);
        if (agent && nbase == 0 && !sv_upos_is(v, k, "PROPN") && (nbase = two_countries(c, k, self, base)) > 0)
            m.how = "agent + the two countries named last";
        if (agent || nbase > 0) {
            if (nbase == 0 && agent && !sv_upos_is(v, k, "PROPN") && c->st->dateline[0]) {
                /* "police said", in a story datelined in a country */
                snprintf(base[nbase++], 24, "%s", c->st->dateline);
                m.how = "agent + dateline country";
            }
            if (nbase == 0) {
                add_code(&m, agent->code);
                m.how = "agent";
                m.countryless = 1;
            } else {
                for (int i = 0; i < nbase; i++) {
                    match_join_codes(base[i], agent ? agent->code : NULL, code, sizeof code);
                    add_code(&m, code);
                }
                if (!m.how)
                    m.how = agent ? "agent + country or organization" : "country modifier";
            }
            m.kind = sv_upos_is(v, k, "PROPN") ? MENTION_PERSON : MENTION_AGENT;
            m.human = agent != NULL;
            m.entry = base_codes_entry;
            m.agent_entry = entry_of(doc, agent);
        }
    }
    char home[8];
    if ((ethnic || people_noun) && m.ncodes == 1 && resident_country(c, k, ethnic, home, sizeof home) &&
        strncmp(home, m.code[0], 3) != 0) {
        char joined[24];
        match_join_codes(home, strlen(m.code[0]) > 3 ? m.code[0] + 3 : NULL, joined, sizeof joined);
        snprintf(m.code[0], sizeof m.code[0], "%s", joined);
        m.how = "people + the country they live in";
    }
    if (m.ncodes == 0 && refer) {
        int32_t a = resolve_refer(c, refer, self);
        if (a >= 0) {
            copy_from(&m, &doc->mentions[a], a);
            m.pronoun = 1;
            m.how = "refers back";
        }
    }
    if (m.ncodes == 0 && sv_upos_is(v, k, "PRON")) {
        int32_t a = resolve_pronoun(c, k, self);
        m.pronoun = 1;
        if (a < 0)
            return 0; /* a pronoun with no antecedent names nobody */
        copy_from(&m, &doc->mentions[a], a);
        m.human = doc->mentions[a].human;
        m.plural = doc->mentions[a].plural;
        m.how = "pronoun";
    }
    if (m.ncodes == 0 && m.kind == MENTION_UNKNOWN) {
        if (!sv_upos_is(v, k, "PROPN") || !argument_position(v, k) || time_name(v, k))
            return 0; /* a common noun, a place or a date is no actor */
        int32_t a = resolve_surname(c, k, self);
        /* a surname alone that no earlier name in the story explains: the
         * one person of the dictionaries with that surname ("Kerry said"),
         * when only one has it and the story has named the country (or
         * organization) of their office */
        int32_t p = a < 0 && hi == lo ? lex_person_by_surname(c->lex, v->form[k]) : -1;
        const lex_actor *pa = p >= 0 ? lex_actor_get(c->lex, (uint32_t)p) : NULL;
        if (a >= 0) {
            copy_from(&m, &doc->mentions[a], a);
            m.how = "surname";
        } else if (pa && lex_actor_code(c->lex, pa, c->st->date, code, sizeof code) &&
                   story_knows(c, self, code)) {
            add_code(&m, code);
            m.kind = MENTION_PERSON;
            m.actor = p;
            m.human = 1;
            m.how = "surname of the one person the dictionaries know by it";
            m.entry = file_line(doc, pa->file, pa->line);
        } else {
            m.how = "unknown proper noun";
            m.human = hi > lo; /* a name of two words is likely a person */
        }
    }
    doc_mention *out = doc_add_mention(doc);
    if (!out)
        return PETREL_ERR_NOMEM;
    *out = m;
    v->mention[k] = (int32_t)self;
    return 0;
}

int match_mentions(const lexicon *lex, sent_view *v, const match_story *st) {
    petrel_doc *doc = v->doc;
    uint32_t n = v->n ? v->n : 1;
    ctx c = {lex, v, st, arena_alloc(doc->arena, n * sizeof(span)), arena_alloc(doc->arena, n * sizeof(int32_t))};
    if (!c.spans || !c.span_of)
        return PETREL_ERR_NOMEM;
    int nspans = scan(v, c.spans, c.span_of);
    (void)nspans;
    uint32_t first = doc->nmentions;
    /* heads in sentence order: possessors and modifiers come before the
     * nouns they modify, so their mentions exist when needed */
    for (int32_t k = 0; k < (int32_t)v->n; k++) {
        if (!nominal(v, k))
            continue;
        if (sv_rel_is(v, k, "compound") || sv_rel_is(v, k, "flat") || sv_rel_is(v, k, "fixed") ||
            sv_rel_is(v, k, "goeswith"))
            continue;
        int rc = make_mention(&c, k);
        if (rc)
            return rc;
    }
    /* conjoined mentions form a group */
    for (uint32_t i = first; i < doc->nmentions; i++) {
        doc_mention *m = &doc->mentions[i];
        int32_t k = (int32_t)(m->head - v->first);
        if (!sv_rel_is(v, k, "conj"))
            continue;
        int32_t h = v->head[k];
        if (h >= 0 && v->mention[h] >= 0) {
            doc_mention *hm = &doc->mentions[v->mention[h]];
            if (hm->group < 0)
                hm->group = v->mention[h];
            m->group = hm->group;
        }
    }
    for (uint32_t i = first; i < doc->nmentions; i++) {
        const doc_mention *m = &doc->mentions[i];
        doc_trace(doc, "mention %u: \"%.*s\" = %s%s%s (%s%s%s)", i,
                  (int)(doc->words[m->end - 1].start + doc->words[m->end - 1].len - doc->words[m->start].start),
                  doc->text + doc->words[m->start].start, m->ncodes ? m->code[0] : "unknown actor",
                  m->ncodes > 1 ? " + " : "", m->ncodes > 1 ? m->code[1] : "", m->how ? m->how : "",
                  m->entry ? ", " : "", m->entry ? m->entry : "");
    }
    return 0;
}

const char *match_place(const lexicon *lex, const sent_view *v, int32_t k, char *out, size_t len) {
    uint32_t node = 0;
    const char *best = NULL;
    for (int32_t j = k; j < (int32_t)v->n && j < k + 6; j++) {
        node = lex_trie_next(lex, node, v->form[j]);
        if (!node)
            break;
        for (uint32_t i = lex_trie_hits(lex, node); i; i = lex_hit_get(lex, i)->next) {
            const lex_hit *h = lex_hit_get(lex, i);
            if (!(h->type == HIT_NAME || h->type == HIT_CAPITAL || h->type == HIT_CITY) || !hit_fits(v, h, k, j + 1))
                continue;
            const lex_actor *a = lex_actor_get(lex, h->actor);
            if (a && a->kind == LEX_COUNTRY && a->code) {
                snprintf(out, len, "%s", a->code);
                best = out;
                break;
            }
        }
    }
    return best;
}
