/*
 * event.c - events of a sentence: verb and noun patterns matched on the
 * dependency tree (see match.h and docs/dictionaries.md).
 *
 * For each predicate the patterns of its lemma are tried most specific
 * first; the first that matches gives the event code and, through its TGT,
 * the target.  Then:
 *   source     the subject; the by-agent of a passive; for a complement
 *              ("agreed to provide aid") the controller; for conjoined
 *              verbs the subject they share; for a relative clause the
 *              noun it modifies; a first-person pronoun in a quotation is
 *              its speaker;
 *   target     the pattern's TGT; without one, a passive subject, the
 *              object, or an actor in a with/against/on/to phrase; a
 *              non-actor target ("NATO's plan") stands for its owner;
 *   control    agree/pledge/plan + X is the intent to X (03x, or a threat
 *              for conflict events); threaten + X a threat (13x); refuse +
 *              X a rejection (12x); fail + X is X negated;
 *   negation   not/never/n't on the predicate or on a controlling verb, or
 *              "no" on a nominal trigger;
 *   modality   will/shall: future; would/could/might/may/should/must:
 *              hypothetical; an "if"/"unless" clause: conditional;
 *   reported   a clause under say/tell/announce/claim ... or "according
 *              to" records who reported it;
 *   quotes     inside quotation marks;
 *   dyads      every source of a conjoined group with every target.
 * Light verbs (hold, launch, carry out, ...) hand their object to the
 * noun patterns, whose source is the light verb's subject; a noun with a
 * possessor or a by-phrase is a nominal event of its own ("Russia's attack
 * on Ukraine").
 */
#include <stdio.h>
#include <string.h>

#include "match.h"

#define MAX_DYADS 16

typedef struct bind {
    int32_t tgt;  /* local word bound to TGT, -1 */
    int32_t src;  /* local word bound to SRC, -1 */
    int32_t last; /* the word the last element matched */
    int32_t matched[LEX_MAX_ELEMS]; /* the words elements matched */
    int nmatched;
} bind;

typedef struct ectx {
    const lexicon *lex;
    sent_view *v;
    const match_story *st;
    uint8_t *used; /* words consumed by a matched pattern */
    uint8_t *part; /* 1 a word of part_words, 2 not, 0 not yet known */
} ectx;

static int in_list(const sent_view *v, int32_t k, const char *const *list) {
    for (size_t i = 0; list[i]; i++)
        if (sv_lemma_is(v, k, list[i]))
            return 1;
    return 0;
}

static const char *const say_verbs[] = {"say",    "tell",    "announce", "state",   "claim", "add",   "note",
                                        "insist", "report",  "declare",  "confirm", "write", "argue", "explain",
                                        "assert", "maintain", "reply",   "respond", "quote", NULL};
static const char *const light_verbs[] = {"hold",  "launch", "conduct", "make",  "begin",  "start", "resume",
                                          "stage", "mount",  "have",    "carry", "open",   "host",  "continue",
                                          "pursue", "join",  "enter",   "attend", "complete", "announce", "declare",
                                          "order", "accelerate", "speed", "hasten", "finish", NULL};
static const char *const intent_verbs[] = {"agree",  "pledge", "promise", "vow",    "offer",    "decide", "plan",
                                           "intend", "prepare", "expect",  "hope",  "want",     "wish",   "seek",
                                           "aim",    "propose", "consent", "resolve", "undertake", "commit",
                                           "volunteer", "move", "willing", "ready", "prepared", "determined",
                                           "eager",  "keen",   "poised",  "set",   "likely",  NULL};
static const char *const threat_verbs[] = {"threaten", NULL};
/* verbs whose subject is an event that happens ("protests erupted") */
static const char *const onset_verbs[] = {"take",    "begin",  "resume", "continue",  "erupt", "break",
                                          "spread",  "flare",  "escalate", "intensify", "start", "rage",
                                          "grow",    "occur",  "unfold", "spill", NULL};
/* verbs whose that-clause is what they commit to, as their to-complement */
static const char *const that_control_verbs[] = {"agree", "pledge", "promise", "vow", "decide", "resolve",
                                                  "undertake", "threaten", NULL};
static const char *const refuse_verbs[] = {"refuse", "decline", "reject", "balk", "resist", NULL};
static const char *const fail_verbs[] = {"fail", "neglect", NULL};
static const char *const ask_verbs[] = {"urge",   "ask",   "call",    "demand", "press", "appeal", "encourage",
                                        "invite", "order", "request", "tell",   "force", "pressure", "persuade",
                                        "advise", "allow", "instruct", NULL};
static const char *const allege_verbs[] = {"accuse", "blame", "allege", "charge", "suspect", "deny", "indict",
                                           "implicate", NULL};
/* Parts and measures of a whole: "part of the aid", "25,000 tons of food
 * aid", "700 kg of medicine", "a shipment of weapons", "a team of
 * inspectors". */
static const char *const part_words[] = {"part", "portion", "half", "some", "most", "much", "all", "rest",
                                         "bulk", "many", "several", "one", "two", "three", "dozens", "hundreds",
                                         "thousands", "dozen", "hundred", "thousand", "score", "scores", "ton",
                                         "tons", "tonne", "tonnes", "kg", "kilogram",
                                         "kilograms", "shipment", "shipments", "consignment", "consignments",
                                         "batch", "load", "loads", "truckload", "truckloads", "package",
                                         "packages", "worth", "amount", "amounts", "quantity", "quantities",
                                         "supply", "supplies", "billion", "million", "millions", "billions",
                                         /* groups sent: "a mission of observers" */
                                         "mission", "team", "delegation", "contingent", NULL};
static const char *const future_aux[] = {"will", "shall", "wo", "'ll", NULL};
static const char *const hypo_aux[] = {"would", "could", "might", "may", "should", "must", "can", "ca", NULL};
static const char *const neg_words[] = {"not", "never", "n't", "no", NULL};
static const char *const first_person[] = {"i", "we", "me", "us", "my", "our", "ours", "myself", "ourselves", NULL};

/* Is d an object the parser read as a phrase of a particle right after
 * the verb ("called off the strike": "off" a case of "strike")? */
static int particle_object(const sent_view *v, int32_t d) {
    int32_t h = v->head[d];
    if (h < 0 || !sv_rel_is(v, d, "obl"))
        return 0;
    int ncase = 0, part = 0;
    for (int32_t g = v->child[d]; g >= 0 && g < d; g = v->sibling[g])
        if (sv_rel_is(v, g, "case")) {
            ncase++;
            part = g == h + 1 && in_list(v, g, lex_particles);
        }
    return ncase == 1 && part;
}

/* Relations by which a word element can hang from the predicate. */
static int word_rel(const sent_view *v, int32_t d) {
    return sv_rel_is(v, d, "obj") || particle_object(v, d) || sv_rel_is(v, d, "compound") ||
           sv_rel_is(v, d, "xcomp") || sv_rel_is(v, d, "ccomp") || sv_rel_is(v, d, "iobj") || sv_rel_is(v, d, "advmod") ||
           (sv_rel_is(v, d, "obl") && sv_case(v, d) < 0) || sv_rel_is(v, d, "nsubj") || sv_rel_is(v, d, "nmod") ||
           sv_rel_is(v, d, "amod") || (sv_rel_is(v, d, "advcl") && sv_child(v, d, "nsubj") < 0) ||
           sv_rel_is(v, d, "conj");
}

static int lemma_match(const ectx *c, int32_t d, const lex_elem *e) {
    if (e->type == EL_SYNSET)
        return lex_synset_has(c->lex, e->id, c->v->lemma[d]) || lex_synset_has(c->lex, e->id, c->v->form[d]) ||
               lex_synset_has(c->lex, e->id, c->v->joined[d]);
    return c->v->lemma[d] == e->id || c->v->form[d] == e->id || (c->v->joined[d] >= 0 && c->v->joined[d] == e->id);
}

/* Is word k a part or measure word?  Asked for every pattern tried, so the
 * answer is kept. */
static int is_part(const ectx *c, int32_t k) {
    if (!c->part[k])
        c->part[k] = in_list(c->v, k, part_words) ? 1 : 2;
    return c->part[k] == 1;
}

/* Are the modifiers mods[0..n) all dependents of d? */
static int mods_match(const ectx *c, int32_t d, const lex_elem *mods, int n) {
    for (int i = 0; i < n; i++) {
        int found = 0;
        for (int32_t ch = c->v->child[d]; ch >= 0 && !found; ch = c->v->sibling[ch])
            found = lemma_match(c, ch, &mods[i]);
        if (!found)
            return 0;
    }
    return 1;
}

/* The passive subject of a verb, or -1. */
static int32_t passive_subject(const sent_view *v, int32_t p) {
    for (int32_t ch = v->child[p]; ch >= 0; ch = v->sibling[ch])
        if (sv_rel_exact(v, ch, "nsubj:pass") || sv_rel_exact(v, ch, "csubj:pass"))
            return ch;
    return -1;
}

/* The actor right after a verb that the parser did not make its object:
 * "killed two Palestinians in Gaza, witnesses said" is often parsed with
 * "Palestinians" under "said".  Determiners, numbers and adjectives may
 * come between; anything else (a preposition, punctuation, a verb) ends
 * the search.  -1 when none. */
static int32_t linear_object(const sent_view *v, int32_t pred) {
    /* a participle modifying a noun ("its long-threatened invasion") has
     * no object of its own */
    if (!sv_upos_is(v, pred, "VERB") || passive_subject(v, pred) >= 0 || sv_rel_is(v, pred, "amod") ||
        sv_rel_is(v, pred, "compound"))
        return -1;
    for (int32_t w = pred + 1; w < (int32_t)v->n && w <= pred + 5; w++) {
        if (v->mention[w] >= 0)
            return (sv_upos_is(v, w, "NOUN") || sv_upos_is(v, w, "PROPN") || sv_upos_is(v, w, "ADJ")) &&
                           v->head[w] != pred && v->head[pred] != w
                       ? w
                       : -1;
        if (!(sv_upos_is(v, w, "DET") || sv_upos_is(v, w, "NUM") || sv_upos_is(v, w, "ADJ")))
            return -1;
    }
    return -1;
}

/* Matches pattern p at predicate pred.  On success fills b and returns 1;
 * on failure returns 0 and sets *why. */
static int match_pattern(const ectx *c, const lex_pattern *p, int32_t pred, bind *b, const char **why) {
    const sent_view *v = c->v;
    b->tgt = b->src = -1;
    b->last = pred;
    b->nmatched = 0;
    int32_t anchor = -1; /* the last matched dependent */
    int i = 0;
    /* a nominal pattern opens with modifiers of its head noun */
    int lead = 0;
    while (p->nominal && lead < p->nelem && p->elem[lead].type == EL_MOD)
        lead++;
    if (lead && !mods_match(c, pred, p->elem, lead)) {
        *why = "the noun lacks a modifier of the pattern";
        return 0;
    }
    i = lead;
    while (i < p->nelem) {
        const lex_elem *e = &p->elem[i];
        if (e->type == EL_PRE) {
            int found = 0;
            for (int32_t ch = v->child[pred]; ch >= 0 && !found; ch = v->sibling[ch])
                found = ch < pred && v->lemma[ch] == e->id;
            int32_t h = v->head[pred];
            if (!found && h >= 0)
                found = v->lemma[h] == e->id || (h < pred && v->form[h] == e->id);
            if (!found) {
                *why = "a word before the verb is missing";
                return 0;
            }
            i++;
            continue;
        }
        if (e->type == EL_SRC) {
            int32_t s = sv_child(v, pred, "nsubj");
            if (s < 0) {
                *why = "no subject for SRC";
                return 0;
            }
            b->src = s;
            i++;
            continue;
        }
        if (e->type == EL_TGT) {
            int32_t t = -1;
            if (anchor >= 0 && sv_upos_is(v, anchor, "VERB"))
                t = sv_child(v, anchor, "obj");
            if (t < 0 && !p->nominal)
                t = sv_child(v, pred, "obj");
            if (t < 0 && !p->nominal)
                t = sv_child(v, pred, "iobj");
            if (t < 0 && !p->nominal)
                t = passive_subject(v, pred);
            if (t < 0 && p->nominal)
                t = sv_child(v, pred, "nmod:poss");
            if (t < 0 && !p->nominal)
                t = linear_object(v, pred);
            if (t < 0) {
                *why = "no object for TGT";
                return 0;
            }
            b->tgt = t;
            anchor = t;
            i++;
            continue;
        }
        if (e->type == EL_PREP) {
            const lex_elem *next = i + 1 < p->nelem ? &p->elem[i + 1] : NULL;
            /* the object: TGT, or a word with its modifiers */
            int nm = 0;
            const lex_elem *mods = NULL, *word = NULL;
            if (next && next->type == EL_MOD) {
                mods = next;
                while (i + 1 + nm < p->nelem && p->elem[i + 1 + nm].type == EL_MOD)
                    nm++;
                word = i + 1 + nm < p->nelem ? &p->elem[i + 1 + nm] : NULL;
            } else if (next && (next->type == EL_WORD || next->type == EL_SYNSET)) {
                word = next;
            }
            int32_t found = -1, fallback = -1;
            for (int pass = 0; pass < 2 && found < 0; pass++) {
                int32_t parent = pass == 0 ? pred : anchor;
                if (parent < 0)
                    continue;
                for (int32_t ch = v->child[parent]; ch >= 0 && found < 0; ch = v->sibling[ch]) {
                    if (!lex_same_prep(c->lex, sv_case(v, ch), e->id) || c->used[ch])
                        continue;
                    if (next && next->type == EL_TGT) {
                        if (v->mention[ch] >= 0)
                            found = ch;
                        else if (fallback < 0)
                            fallback = ch;
                    } else if (word) {
                        if (lemma_match(c, ch, word) && (!mods || mods_match(c, ch, mods, nm)))
                            found = ch;
                    } else {
                        found = ch; /* a trailing preposition: the phrase is there */
                    }
                }
            }
            if (found < 0)
                found = fallback;
            if (found < 0) {
                *why = "a prepositional phrase of the pattern is missing";
                return 0;
            }
            if (next && next->type == EL_TGT) {
                b->tgt = found;
                i += 2;
            } else if (word) {
                i += 2 + nm;
            } else {
                i += 1;
            }
            anchor = found;
            b->last = found;
            if (b->nmatched < LEX_MAX_ELEMS)
                b->matched[b->nmatched++] = found;
            continue;
        }
        /* a word (with modifiers before it), or a synset */
        int nm = 0;
        while (i + nm < p->nelem && p->elem[i + nm].type == EL_MOD)
            nm++;
        const lex_elem *word = i + nm < p->nelem ? &p->elem[i + nm] : NULL;
        if (!word || (word->type != EL_WORD && word->type != EL_SYNSET)) {
            *why = "a malformed pattern";
            return 0;
        }
        int32_t found = -1;
        for (int32_t ch = v->child[pred]; ch >= 0 && found < 0; ch = v->sibling[ch]) {
            if (!(p->nominal || word_rel(v, ch)) || c->used[ch])
                continue;
            if (lemma_match(c, ch, word) && mods_match(c, ch, &p->elem[i], nm))
                found = ch;
            /* "suspended part of the aid", "lifted some of the sanctions":
             * the word is the whole the part is taken from */
            else if (is_part(c, ch))
                for (int32_t g = v->child[ch]; g >= 0 && found < 0; g = v->sibling[g])
                    if (sv_rel_is(v, g, "nmod") && lemma_match(c, g, word) && mods_match(c, g, &p->elem[i], nm))
                        found = g;
        }
        /* a particle the parser took for a (second) preposition of the
         * phrase after it: "pulled out of the city", "gave in to demands",
         * "called off the strike" */
        if (found < 0 && nm == 0 && word->type == EL_WORD)
            for (int32_t ch = v->child[pred]; ch >= 0 && found < 0; ch = v->sibling[ch]) {
                if (!sv_rel_is(v, ch, "obl") || c->used[ch])
                    continue;
                int ncase = 0;
                int32_t first_case = -1;
                for (int32_t g = v->child[ch]; g >= 0 && g < ch; g = v->sibling[g])
                    if (sv_rel_is(v, g, "case") && ncase++ == 0)
                        first_case = g;
                if (first_case == pred + 1 && (ncase == 2 || (ncase == 1 && in_list(v, first_case, lex_particles))) &&
                    lemma_match(c, first_case, word))
                    found = first_case;
            }
        /* a word can also hang from the last matched dependent:
         * "sever diplomatic ties" under a light verb's object */
        if (found < 0 && anchor >= 0)
            for (int32_t ch = v->child[anchor]; ch >= 0 && found < 0; ch = v->sibling[ch])
                if (lemma_match(c, ch, word) && mods_match(c, ch, &p->elem[i], nm))
                    found = ch;
        if (found < 0) {
            *why = "a word of the pattern is missing";
            return 0;
        }
        anchor = found;
        b->last = found;
        if (b->nmatched < LEX_MAX_ELEMS)
            b->matched[b->nmatched++] = found;
        i += nm + 1;
    }
    return 1;
}

/* The mention that stands for word k: its own, or an owner's (possessor,
 * "of" phrase, compound) for a non-actor noun.  -1 when none. */
static const char *const partitives[] = {"ten",    "tens",    "hundred",   "hundreds", "thousand", "thousands",
                                         "million", "millions", "dozen",    "dozens",   "score",    "scores",
                                         "group",  "groups",   "member",    "members",  "some",     "many",
                                         "most",   "one",      "all",       "several",  "number",   "lot",
                                         "majority", "crowd",  "band",      "team",     "delegation", "unit",
                                         "contingent", "part", "rest",      "each",     "none",     "both", NULL};

static int32_t actor_of(const sent_view *v, int32_t k) {
    for (int depth = 0; k >= 0 && depth < 4; depth++) {
        if (v->mention[k] >= 0)
            return v->mention[k];
        int32_t of = -1;
        for (int32_t ch = v->child[k]; ch >= 0; ch = v->sibling[ch]) {
            /* an apposition names what a noun the parser made of an
             * adjective stands for ("to war-torn Mozambique") */
            if ((sv_rel_exact(v, ch, "nmod:poss") || sv_rel_is(v, ch, "compound") || sv_rel_is(v, ch, "nmod") ||
                 (sv_rel_is(v, ch, "appos") && ch == k + 1 && v->mention[k] < 0)) &&
                v->mention[ch] >= 0)
                return v->mention[ch];
            if (of < 0 && sv_rel_is(v, ch, "nmod"))
                of = ch;
        }
        /* "tens of thousands of students", "members of the union": the
         * actor is the whole the part is taken from */
        if (of < 0 || !(sv_upos_is(v, k, "NUM") || in_list(v, k, partitives)))
            return -1;
        k = of;
    }
    return -1;
}

/* Is w in the subtree of top? */
static int under(const sent_view *v, int32_t w, int32_t top) {
    for (int guard = 0; w >= 0 && guard < 64; guard++) {
        if (w == top)
            return 1;
        w = v->head[w];
    }
    return 0;
}

static const char *const relativizers[] = {"where", "which", "whom", "whose", NULL};

/* Is w a relative clause, by its relation or by a relativizer among its
 * dependents ("where ... were killed", "in which ... died")?  Parsers often
 * attach such clauses as adverbial ones. */
static int relative_clause(const sent_view *v, int32_t w) {
    /* a "relative clause" with a subordinator is a complement the parser
     * misattached ("demanded Friday that the US match ...") */
    if (sv_rel_exact(v, w, "acl:relcl"))
        return sv_child(v, w, "mark") < 0;
    if (!sv_upos_is(v, w, "VERB"))
        return 0;
    for (int32_t ch = v->child[w]; ch >= 0; ch = v->sibling[ch]) {
        if (ch < w && in_list(v, ch, relativizers))
            return 1;
        if (ch < w && sv_rel_is(v, ch, "obl"))
            for (int32_t g = v->child[ch]; g >= 0; g = v->sibling[g])
                if (in_list(v, g, relativizers))
                    return 1;
    }
    return 0;
}

/* Is clause w a condition ("unless Israel rescinds", "if Iraq refuses")?
 * Its subject is the party a threat or demand is aimed at. */
static int conditional(const sent_view *v, int32_t w) {
    int32_t m = sv_child(v, w, "mark");
    return m >= 0 && (sv_lemma_is(v, m, "unless") || sv_lemma_is(v, m, "if"));
}

/* The nearest word after pred, inside its subtree, that is an actor and
 * not the source's phrase; -1 when none. */
static int32_t actor_after(const sent_view *v, int32_t pred, int32_t src) {
    for (int32_t w = pred + 1; w < (int32_t)v->n; w++) {
        if (v->mention[w] < 0 || !under(v, w, pred) || (src >= 0 && under(v, w, src)))
            continue;
        /* not inside a reported clause of its own, nor an adverbial or
         * relative clause with a subject of its own ("dozens were injured
         * when protesters attacked a police station") unless that clause
         * is a condition */
        int ok = 1;
        for (int32_t x = w; x >= 0 && x != pred && ok; x = v->head[x])
            ok = !(x != w && in_list(v, x, say_verbs)) &&
                 !(x != w && (sv_rel_is(v, x, "advcl") || relative_clause(v, x)) && sv_child(v, x, "nsubj") >= 0 &&
                   !conditional(v, x));
        if (ok)
            return w;
    }
    return -1;
}

/* A say-verb above k (through ccomp / parataxis / a complement chain), or
 * -1. */
static int32_t reporting_verb(const sent_view *v, int32_t k) {
    for (int guard = 0; k >= 0 && guard < 8; guard++) {
        int32_t h = v->head[k];
        if (h >= 0 && (sv_rel_is(v, k, "ccomp") || sv_rel_is(v, k, "parataxis") || sv_rel_is(v, k, "xcomp") ||
                       sv_rel_is(v, k, "advcl")) &&
            in_list(v, h, say_verbs))
            return h;
        /* "X said" after a quotation: the say-verb is the quotation's
         * parataxis dependent */
        for (int32_t ch = v->child[k]; ch >= 0; ch = v->sibling[ch])
            if (sv_rel_is(v, ch, "parataxis") && in_list(v, ch, say_verbs))
                return ch;
        if (!(sv_rel_is(v, k, "ccomp") || sv_rel_is(v, k, "xcomp") || sv_rel_is(v, k, "conj") ||
              sv_rel_is(v, k, "advcl")))
            break;
        k = h;
    }
    return -1;
}

/* The word giving the source of predicate p, or -1. */
static int32_t source_word(const sent_view *v, int32_t p, int depth) {
    if (p < 0 || depth > 6)
        return -1;
    int32_t pass = passive_subject(v, p);
    if (pass >= 0) {
        /* by-agent: "was attacked by rebels" */
        for (int32_t ch = v->child[p]; ch >= 0; ch = v->sibling[ch])
            if (sv_rel_exact(v, ch, "obl:agent") ||
                (sv_rel_is(v, ch, "obl") && sv_case(v, ch) >= 0 && strcmp(lex_word_str(v->lex, sv_case(v, ch)), "by") == 0))
                return ch;
        return -1;
    }
    int32_t s = sv_child(v, p, "nsubj");
    /* two subjects (a parser's error on a long name: "Hungarian Prime
     * Minister Viktor Orban criticized"): the known actor nearest the verb,
     * the head of the real subject */
    for (int32_t ch = v->child[p]; s >= 0 && ch >= 0; ch = v->sibling[ch])
        if (ch != s && ch < p && ch > s && sv_rel_exact(v, ch, "nsubj") && v->mention[ch] >= 0 &&
            v->doc->mentions[v->mention[ch]].ncodes > 0 && v->doc->mentions[v->mention[ch]].code[0][0] &&
            !v->doc->mentions[v->mention[ch]].countryless)
            s = ch;
    /* "it is willing to withdraw": parsers often make a referring "it" an
     * expletive */
    if (s < 0 && (s = sv_child(v, p, "expl")) >= 0 && v->mention[s] < 0)
        s = -1;
    if (s >= 0)
        return s;
    int32_t h = v->head[p];
    if (h < 0)
        return -1;
    /* an active conjunct of a passive verb shares its subject, not its
     * agent: "was indicted by the court and will resign" */
    if (sv_rel_is(v, p, "conj") && passive_subject(v, h) >= 0)
        return passive_subject(v, h);
    if (sv_rel_is(v, p, "conj") || sv_rel_is(v, p, "advcl"))
        return source_word(v, h, depth + 1);
    if (sv_rel_is(v, p, "xcomp")) {
        /* object control: "urged Iran to stop" */
        int32_t o = sv_child(v, h, "obj");
        if (o >= 0 && in_list(v, h, ask_verbs))
            return o;
        return source_word(v, h, depth + 1);
    }
    if (sv_rel_is(v, p, "acl")) /* "rebels who attacked", "troops stationed" */
        return h;
    return -1;
}

/* The speaker of a quotation or reported clause containing p, or -1. */
static int32_t speaker_word(const sent_view *v, int32_t p) {
    int32_t r = reporting_verb(v, p);
    if (r < 0) {
        /* the root say-verb of a quotation sentence: "...," X said. */
        for (uint32_t k = 0; k < v->n; k++)
            if (v->head[k] < 0 && in_list(v, (int32_t)k, say_verbs) && (int32_t)k != p) {
                r = (int32_t)k;
                break;
            }
    }
    return r >= 0 ? sv_child(v, r, "nsubj") : -1;
}

/* Is word k inside quotation marks? */
static int in_quote(const sent_view *v, int32_t k) {
    int open = 0;
    for (int32_t i = 0; i < k; i++) {
        const doc_word *w = sv_word(v, i);
        if (w->norm_len == 1 && w->norm[0] == '"')
            open = !open;
    }
    return open;
}

static int negated(const sent_view *v, int32_t p) {
    for (int32_t ch = v->child[p]; ch >= 0; ch = v->sibling[ch])
        if ((sv_rel_is(v, ch, "advmod") || sv_rel_is(v, ch, "neg") || sv_rel_is(v, ch, "det")) &&
            in_list(v, ch, neg_words))
            return 1;
    return 0;
}

static uint8_t modality(const sent_view *v, int32_t p) {
    uint8_t m = MOD_ASSERTED;
    for (int32_t ch = v->child[p]; ch >= 0; ch = v->sibling[ch]) {
        if (sv_rel_is(v, ch, "aux") && in_list(v, ch, future_aux))
            m = MOD_FUTURE;
        else if (sv_rel_is(v, ch, "aux") && in_list(v, ch, hypo_aux) && m == MOD_ASSERTED)
            m = MOD_HYPOTHETICAL;
        else if (sv_rel_is(v, ch, "mark") && (sv_lemma_is(v, ch, "if") || sv_lemma_is(v, ch, "unless")))
            return MOD_CONDITIONAL;
    }
    /* a clause under an "if" clause's verb */
    int32_t h = v->head[p];
    if (h >= 0 && sv_rel_is(v, p, "advcl"))
        for (int32_t ch = v->child[p]; ch >= 0; ch = v->sibling[ch])
            if (sv_rel_is(v, ch, "mark") && sv_lemma_is(v, ch, "if"))
                return MOD_CONDITIONAL;
    return m;
}

enum { AUX_WILL = 1, AUX_WOULD = 2, AUX_MAYBE = 4, AUX_MUST = 8 };

/* The modal auxiliaries of p, as AUX_* bits ("have to" and "need to" count
 * as must). */
static int aux_kinds(const sent_view *v, int32_t p) {
    int k = 0;
    for (int32_t ch = v->child[p]; ch >= 0; ch = v->sibling[ch]) {
        if (!sv_rel_is(v, ch, "aux"))
            continue;
        if (in_list(v, ch, future_aux))
            k |= AUX_WILL;
        else if (sv_lemma_is(v, ch, "would"))
            k |= AUX_WOULD;
        else if (sv_lemma_is(v, ch, "must") || sv_lemma_is(v, ch, "should"))
            k |= AUX_MUST;
        else if (in_list(v, ch, hypo_aux))
            k |= AUX_MAYBE;
    }
    /* "has to withdraw", "needs to release": the verb is the xcomp of
     * have / need */
    int32_t h = v->head[p];
    if (h >= 0 && sv_rel_is(v, p, "xcomp") && (sv_lemma_is(v, h, "have") || sv_lemma_is(v, h, "need")))
        k |= AUX_MUST;
    return k;
}

/* ------------------------------------------------ control verb codes */

static void set(char *dst, const char *code) { snprintf(dst, 9, "%s", code); }

int match_code_root(const char *code) {
    if (!(code[0] >= '0' && code[0] <= '9' && code[1] >= '0' && code[1] <= '9'))
        return -1;
    return (code[0] - '0') * 10 + (code[1] - '0');
}

/* A code that a rule maps to another: "061" (cooperate economically)
 * refused is "1211". */
typedef struct code_map {
    const char *from, *to;
} code_map;

/* Writes the mapped code of code into out and returns 1, or returns 0 when
 * the table has no line for it. */
static int map_code(const code_map *map, size_t n, const char *code, char *out) {
    for (size_t i = 0; i < n; i++)
        if (strcmp(code, map[i].from) == 0) {
            set(out, map[i].to);
            return 1;
        }
    return 0;
}

/* "agree to X": the intent to do X (CAMEO 03), or for conflict events a
 * threat. */
static void intent_code(const char *code, char *out) {
    int root = match_code_root(code);
    static const code_map exact[] = {{"045", "039"}, {"046", "036"}, {"057", "031"}, {"060", "031"}, {"061", "0311"}, {"062", "0312"},
                 {"063", "0313"}, {"064", "0314"}, {"071", "0331"}, {"072", "0332"}, {"073", "0333"}, {"074", "0334"},
                 {"081", "0351"}, {"082", "0352"}, {"083", "034"}, {"0831", "0341"}, {"0832", "0342"},
                 {"0833", "0343"}, {"0834", "0344"}, {"084", "0353"}, {"0841", "0353"}, {"0842", "0353"},
                 {"085", "0354"}, {"086", "0355"}, {"0861", "0355"}, {"0862", "0355"}, {"0863", "0355"},
                 {"087", "0356"}, {"0871", "0356"}, {"0872", "0356"}, {"0873", "0356"}, {"0874", "0356"}};
    if (map_code(exact, sizeof exact / sizeof *exact, code, out))
        return;
    switch (root) {
    case 1: case 2: case 3: case 9: case 10: case 11: case 12: case 13: set(out, code); return;
    case 4: set(out, "036"); return;
    case 5: set(out, "032"); return;
    case 6: set(out, "031"); return;
    case 7: set(out, "033"); return;
    case 8: set(out, "035"); return;
    case 14: set(out, "133"); return;
    case 15: set(out, "138"); return;
    case 16: set(out, "131"); return;
    case 17: set(out, "137"); return;
    default: set(out, "138"); return;
    }
}

/* "threaten to X" */
static void threat_code(const char *code, char *out) {
    static const code_map exact[] = {{"161", "1313"}, {"162", "1311"}, {"163", "1312"}, {"164", "134"}, {"165", "135"}, {"166", "136"},
                 {"172", "132"}, {"1721", "1321"}, {"1722", "1322"}, {"1723", "1323"}, {"1724", "1324"},
                 {"175", "137"}, {"191", "1381"}, {"192", "1382"}, {"193", "1384"}, {"194", "1384"},
                 {"195", "1384"}, {"204", "1385"}, {"2041", "1385"}, {"2042", "1385"}};
    if (map_code(exact, sizeof exact / sizeof *exact, code, out))
        return;
    int root = match_code_root(code);
    if (root == 18 || root == 20)
        set(out, "1383");
    else if (root == 19)
        set(out, "138");
    else if (root == 14)
        set(out, "133");
    else if (root == 17)
        set(out, "132");
    else if (root == 13)
        set(out, code);
    else
        set(out, "130");
}

/* "refuse to X" */
static void refuse_code(const char *code, char *out) {
    static const code_map exact[] = {{"045", "126"}, {"036", "125"}, {"038", "126"}, {"039", "126"}, {"037", "127"}, {"057", "127"}, {"061", "1211"}, {"062", "1212"}, {"063", "1213"},
                 {"064", "1214"}, {"071", "1221"}, {"072", "1222"}, {"073", "1223"}, {"074", "1224"},
                 {"083", "123"}, {"0831", "1231"}, {"0832", "1232"}, {"0833", "1233"}, {"0834", "1234"},
                 {"081", "1241"}, {"082", "1242"}, {"084", "1243"}, {"0841", "1243"}, {"0842", "1243"},
                 {"085", "1244"}, {"086", "1245"}, {"087", "1246"}, {"0871", "1246"}, {"0874", "1246"}};
    if (map_code(exact, sizeof exact / sizeof *exact, code, out))
        return;
    int root = match_code_root(code);
    switch (root) {
    case 4: set(out, "125"); return;
    case 6: set(out, "121"); return;
    case 7: set(out, "122"); return;
    case 8: set(out, "124"); return;
    case 12: set(out, code); return;
    default: set(out, "120"); return;
    }
}

/* "X must / should do Y", said by Z: Z demands Y of X (CAMEO 10x). */
static void demand_code(const char *code, char *out) {
    static const code_map exact[] = {{"045", "108"}, {"038", "108"}, {"039", "108"}, {"037", "107"}, {"057", "107"}, {"060", "101"},
                 {"061", "1011"}, {"062", "1012"}, {"063", "1013"}, {"064", "1014"}, {"071", "1031"},
                 {"072", "1032"}, {"073", "1033"}, {"074", "1034"}, {"081", "1051"}, {"0811", "1051"},
                 {"0812", "1051"}, {"0813", "1051"}, {"0814", "1051"}, {"082", "1052"}, {"083", "104"},
                 {"0831", "1041"}, {"0832", "1042"}, {"0833", "1043"}, {"0834", "1044"}, {"084", "1053"},
                 {"0841", "1053"}, {"0842", "1053"}, {"085", "1054"}, {"086", "1055"}, {"0861", "1055"},
                 {"0862", "1055"}, {"0863", "1055"}, {"087", "1056"}, {"0871", "1056"}, {"0872", "1056"},
                 {"0873", "1056"}, {"0874", "1056"}};
    if (map_code(exact, sizeof exact / sizeof *exact, code, out))
        return;
    int root = match_code_root(code);
    switch (root) {
    case 3: case 4: set(out, "106"); return;
    case 5: set(out, "102"); return;
    case 6: set(out, "101"); return;
    case 7: set(out, "103"); return;
    case 8: set(out, "105"); return;
    default: set(out, code); return;
    }
}

/* ------------------------------------------------------------- events */

static const char *entry(petrel_doc *doc, const lex_pattern *p) {
    char buf[600];
    snprintf(buf, sizeof buf, "%s:%u", p->file, p->line);
    return doc_strdup0(doc, buf);
}

/* Members of a mention's group (itself alone when none): up to max. */
static int group_members(const petrel_doc *doc, int32_t m, int32_t *out, int max) {
    if (m < 0)
        return 0;
    int32_t g = doc->mentions[m].group;
    if (g < 0) {
        out[0] = m;
        return 1;
    }
    int n = 0;
    for (uint32_t i = (uint32_t)g; i < doc->nmentions && n < max; i++)
        if (doc->mentions[i].group == g || (int32_t)i == g)
            out[n++] = (int32_t)i;
    return n;
}

typedef struct found {
    const lex_pattern *p;
    char code[9];
    const char *how;
    const char *mode;  /* PLOVER mode the pattern or a recoding gives, or NULL */
    char plover_code[9]; /* the code the PLOVER type follows ("173/115"), "" for code */
    char mode_code[9]; /* the code that mode belongs to */
    int32_t src_word, tgt_word;
    int32_t pred, report_from;
    uint8_t neg, mod, reverse;
} found;

/* Emits the events of a found pattern: one per dyad. */
static int emit(const ectx *c, const found *f) {
    sent_view *v = c->v;
    petrel_doc *doc = v->doc;
    int32_t sm = actor_of(v, f->src_word), tm = actor_of(v, f->tgt_word);
    /* a first-person source inside a quotation is its speaker */
    if (f->src_word >= 0 && in_list(v, f->src_word, first_person)) {
        int32_t sp = speaker_word(v, f->pred);
        if (sp >= 0)
            sm = actor_of(v, sp);
    }
    if (sm < 0 && (tm < 0 || c->st->peer_rules)) {
        doc_trace(doc, "  no source actor: no event");
        return 0;
    }
    /* a target-only event must be what a clause says ("three civilians
     * were killed"), not background a modifier adds ("activists killed in
     * recent years", "the killing of pastors") */
    if (sm < 0 && (sv_rel_is(v, f->pred, "acl") || sv_rel_is(v, f->pred, "amod") || sv_rel_is(v, f->pred, "nmod") ||
                   sv_rel_is(v, f->pred, "obl") || sv_rel_is(v, f->pred, "obj") || sv_rel_is(v, f->pred, "nsubj") ||
                   sv_rel_is(v, f->pred, "compound"))) {
        doc_trace(doc, "  no source actor, and the predicate only modifies a noun: no event");
        return 0;
    }
    /* "three civilians were killed in a car bombing": an event with a
     * target and no source is kept, its source null */
    if (sm < 0)
        doc_trace(doc, "  no source actor: the event has a target only");
    if (tm == sm)
        tm = -1;
    int32_t srcs[MAX_DYADS], tgts[MAX_DYADS];
    int ns = sm >= 0 ? group_members(doc, sm, srcs, MAX_DYADS) : 1, nt = tm >= 0 ? group_members(doc, tm, tgts, MAX_DYADS) : 0;
    if (sm < 0)
        srcs[0] = -1;
    /* only what two sides do together can be done "each with the other":
     * meeting, agreeing, cooperating, yielding, fighting; "HRW and Amnesty
     * criticized the restriction" is no criticism of each other */
    int root = match_code_root(f->code);
    int together = root == 3 || root == 4 || root == 5 || root == 6 || root == 8 || root == 19;
    int reciprocal = nt == 0 && ns > 1 && !f->reverse && together;
    if (reciprocal) {
        /* "Gondor and Osgiliath renewed ties": each with the other */
        for (int i = 0; i < ns; i++)
            tgts[i] = srcs[i];
        nt = ns;
    } else if (nt == 0) {
        tgts[0] = -1;
        nt = 1;
    }
    int32_t rw = reporting_verb(v, f->report_from);
    int32_t reporter = rw >= 0 ? actor_of(v, sv_child(v, rw, "nsubj")) : -1;
    int quote = in_quote(v, f->pred);
    int made = 0;
    /* one phrase naming two actors and no target ("the two governments
     * agreed", "Hungarian and Romanian officials met"): each with the other */
    int mutual = ns == 1 && srcs[0] >= 0 && nt == 1 && tgts[0] < 0 && !f->reverse && together &&
                 doc->mentions[srcs[0]].ncodes > 1;
    if (mutual)
        tgts[0] = srcs[0];
    for (int a = 0; a < ns; a++) {
        const doc_mention *S = srcs[a] >= 0 ? &doc->mentions[srcs[a]] : NULL;
        int sc = S && S->ncodes ? S->ncodes : 1;
        for (int si = 0; si < sc; si++)
            for (int b = 0; b < nt; b++) {
                const doc_mention *T = tgts[b] >= 0 ? &doc->mentions[tgts[b]] : NULL;
                int tc = T && T->ncodes ? T->ncodes : 1;
                for (int ti = 0; ti < tc && made < MAX_DYADS; ti++) {
                    if (T && tgts[b] == srcs[a] && !mutual)
                        continue;
                    if (mutual && (ti == si || strcmp(S->code[si], T->code[ti]) == 0))
                        continue;
                    /* an actor does not act on itself: "continued their
                     * hunger strike", "laid down their arms" are events
                     * without a target */
                    int self = T && S && S->ncodes && T->ncodes && strcmp(S->code[si], T->code[ti]) == 0;
                    /* one event per dyad and code in a sentence */
                    int dup = 0;
                    for (uint32_t e = doc->nevents; e > 0 && !dup;) {
                        const doc_event *x = &doc->events[--e];
                        if (x->sent != v->index)
                            break;
                        dup = x->source == srcs[a] && x->source_code == si &&
                              x->target == (T && !self ? tgts[b] : -1) && (self || x->target_code == ti) &&
                              strcmp(x->code, f->code) == 0;
                    }
                    if (dup)
                        continue;
                    doc_event *ev = doc_add_event(doc);
                    if (!ev)
                        return PETREL_ERR_NOMEM;
                    ev->sent = v->index;
                    ev->trigger = v->first + (uint32_t)f->pred;
                    ev->source = srcs[a];
                    ev->source_code = (uint8_t)si;
                    ev->target = T && !self ? tgts[b] : -1;
                    ev->target_code = (uint8_t)(self ? 0 : ti);
                    set(ev->code, f->code);
                    ev->negated = f->neg;
                    ev->modality = f->mod;
                    ev->reverse = f->reverse;
                    ev->quote = (uint8_t)quote;
                    ev->reporter = reporter;
                    ev->pattern = f->p->text;
                    ev->pattern_entry = entry(doc, f->p);
                    ev->how = f->how;
                    ev->plover_mode = f->mode;
                    set(ev->plover_code, f->plover_code);
                    made++;
                }
            }
    }
    return 0;
}

/* The note of an act someone was asked to do ("urged Iran to stop"), and
 * of support others were urged to give. */
static const char how_requested[] = "requested: urge ... to";
static const char how_rally[] = "rallying support: urge others to support ...";

/* Applies what a controlling verb above the predicate says: intent,
 * threat, refusal, failure, request. */
static void control(const ectx *c, int32_t pred, found *f) {
    const sent_view *v = c->v;
    int32_t h = v->head[pred];
    /* a complement; parsers also label "threatened to attack" advcl */
    int32_t mark = sv_child(v, pred, "mark");
    int that = 0;
    if (h >= 0 && mark >= 0 && sv_lemma_is(v, mark, "that")) {
        /* "agreed that their countries should cooperate", "pledged that
         * it would send troops": a that-clause is what was agreed or
         * pledged as much as a to-complement; parsers often hang it from
         * the date or object before it */
        if ((sv_rel_is(v, pred, "acl") || sv_rel_is(v, pred, "advcl")) && !sv_upos_is(v, h, "VERB") &&
            v->head[h] >= 0 && sv_upos_is(v, v->head[h], "VERB") && h < pred)
            h = v->head[h];
        that = sv_rel_is(v, pred, "ccomp") || h != v->head[pred];
    }
    if (h < 0 || !(that || sv_rel_is(v, pred, "xcomp") ||
                   (sv_rel_is(v, pred, "advcl") && mark >= 0 && sv_lemma_is(v, mark, "to"))))
        return;
    if (that && !in_list(v, h, that_control_verbs))
        return;
    char code[9];
    if (in_list(v, h, threat_verbs)) {
        threat_code(f->code, code);
        f->how = "threat: threaten to ...";
        f->mod = MOD_FUTURE;
    } else if (in_list(v, h, refuse_verbs)) {
        refuse_code(f->code, code);
        f->how = "refusal: refuse to ...";
    } else if (in_list(v, h, fail_verbs)) {
        set(code, f->code);
        f->neg = 1;
        f->how = "failure: fail to ...";
    } else if (in_list(v, h, ask_verbs) && match_code_root(f->code) == 5 && f->tgt_word >= 0 && !negated(v, h)) {
        /* "urged the EC to support the PLO": CAMEO's rallying support on
         * behalf of the PLO (053), by the one who urged */
        set(code, "053");
        f->src_word = source_word(v, h, 0);
        f->how = how_rally;
    } else if (in_list(v, h, ask_verbs)) {
        set(code, f->code);
        f->mod = MOD_HYPOTHETICAL;
        f->how = how_requested;
    } else if (in_list(v, h, intent_verbs)) {
        intent_code(f->code, code);
        f->mod = MOD_INTENDED;
        f->how = "intent: agree / plan / pledge to ...";
    } else {
        return;
    }
    set(f->code, code);
    if (negated(v, h))
        f->neg = 1;
    if (f->mod == MOD_ASSERTED)
        f->mod = modality(v, h);
    f->report_from = h;
}

/* The actor who says that p must happen: the subject of the clause that
 * p's clause completes ("the minister reiterated that Libya must hand
 * over", "a reminder to Iraq that it must cooperate"), or the speaker of
 * the quotation.  -1 when none. */
static int32_t demander_word(const sent_view *v, int32_t p) {
    int32_t k = p;
    for (int guard = 0; guard < 4; guard++) {
        int32_t h = v->head[k];
        if (h < 0 || !(sv_rel_is(v, k, "ccomp") || sv_rel_is(v, k, "acl") || sv_rel_is(v, k, "parataxis")))
            break;
        int32_t s = sv_child(v, h, "nsubj");
        /* "issued a reminder that", or the clause hung from the date of
         * "issued a reminder Saturday to Iraq that" */
        if (s < 0 && !sv_upos_is(v, h, "VERB") && v->head[h] >= 0 && sv_upos_is(v, v->head[h], "VERB"))
            s = sv_child(v, v->head[h], "nsubj");
        if (s >= 0)
            return s;
        k = h;
    }
    return speaker_word(v, p);
}

/* What the modal of a predicate means in CAMEO, where no controlling verb
 * has spoken: "will provide aid" is the intent to provide aid (033), "would
 * impose a blockade" a threat (1381), "will not accept refugees" a
 * refusal (122), and "Libya must hand over the suspects", said by Britain,
 * Britain's demand (1053) of Libya.  The CAMEO codebook codes statements
 * of future action this way; the modality stays on the event. */
static void modal_recode(const ectx *c, int32_t pred, found *f) {
    const sent_view *v = c->v;
    int aux = aux_kinds(v, pred);
    if (!aux)
        return;
    int root = match_code_root(f->code);
    int coop = root >= 4 && root <= 8, force = root >= 14 && root <= 20;
    char code[9];
    if (aux & AUX_MUST) {
        if (!coop && root != 3)
            return;
        int32_t d = demander_word(v, pred);
        int32_t dm = actor_of(v, d), sm = actor_of(v, f->src_word);
        if (dm < 0 || dm == sm)
            return;
        demand_code(f->code, code);
        f->tgt_word = f->src_word;
        f->src_word = d;
        f->how = "demand: X must / should ...";
    } else if (coop && (aux & (AUX_WILL | AUX_WOULD))) {
        /* yielding that will happen is CAMEO's intent to yield (035x), and
         * PLOVER's CONCEDE: "announced ... would withdraw troops is RETREAT
         * + FUTURE and should be coded as CONCEDE" (the manual) */
        if (f->neg) {
            refuse_code(f->code, code);
            f->neg = 0;
            f->how = "refusal: will not ...";
        } else {
            intent_code(f->code, code);
            f->how = "intent: will ...";
        }
    } else if (force && !f->neg) {
        threat_code(f->code, code);
        f->how = "threat: will / would / may ...";
    } else {
        return;
    }
    set(f->code, code);
}

/* Is p the act someone is accused of ("accused Ukraine of shelling the
 * plant", "denied supplying weapons", "men suspected of attacking a
 * mosque")?  The accusation is the event; the act is only alleged. */
static int alleged(const sent_view *v, int32_t p) {
    int32_t k = p;
    for (int guard = 0; guard < 4; guard++) {
        int32_t h = v->head[k];
        if (h < 0)
            return 0;
        if (sv_rel_is(v, k, "conj")) {
            k = h;
            continue;
        }
        if (!(sv_rel_is(v, k, "advcl") || sv_rel_is(v, k, "acl") || sv_rel_is(v, k, "xcomp") ||
              sv_rel_is(v, k, "ccomp")))
            return 0;
        /* "accused Ukraine of shelling": parsers hang the act on the
         * accused */
        if (sv_rel_is(v, k, "acl") && (sv_rel_is(v, h, "obj") || sv_rel_is(v, h, "iobj")) && v->head[h] >= 0 &&
            in_list(v, v->head[h], allege_verbs))
            return 1;
        return in_list(v, h, allege_verbs);
    }
    return 0;
}

/* "Troops arrived in Kabul", "police were sent to the capital": armed
 * forces and police do not visit, they deploy.  A visit or a meeting
 * (04x) whose source is an army or police force (not a minister: GOVMIL
 * stays a visit) is coded as the deployment, 154 or 153; and "Russian
 * forces struck overnight" is a military strike (190), not a labour one
 * (143).  Returns 1 when it recoded. */
static int armed_recode(const sent_view *v, found *f) {
    int root = match_code_root(f->code);
    if (root != 4 && strcmp(f->code, "143") != 0)
        return 0;
    int32_t sm = actor_of(v, f->src_word);
    if (sm < 0)
        return 0;
    const doc_mention *m = &v->doc->mentions[sm];
    if (m->ncodes == 0 || m->kind == MENTION_PERSON)
        return 0;
    const char *code = m->code[0];
    size_t n = strlen(code);
    if (n < 3 || (strstr(code, "GOV") && root == 4))
        return 0;
    /* armed groups, and states themselves ("Israel struck overnight"):
     * workers strike, countries do not */
    int armed = strcmp(code + n - 3, "MIL") == 0 || strcmp(code + n - 3, "REB") == 0 ||
                strcmp(code + n - 3, "INS") == 0 || strcmp(code + n - 3, "UAF") == 0 ||
                (n == 3 && m->kind == MENTION_COUNTRY);
    if (root == 14) {
        /* only the verb: "Kiribati is boycotting the conference" stays a
         * boycott */
        if (!armed || !(sv_lemma_is(v, f->pred, "strike") || sv_lemma_is(v, f->pred, "struck")))
            return 0;
        set(f->code, "190");
        f->how = "armed forces strike militarily";
        return 1;
    }
    if (strcmp(code + n - 3, "MIL") == 0)
        set(f->code, "154");
    else if (strcmp(code + n - 3, "COP") == 0)
        set(f->code, "153");
    else
        return 0;
    f->how = "deployment: troops or police do not visit";
    return 1;
}

/* Who attacks says what the attack is.  "Protesters attacked a police
 * station", "rioters clashed with police": violence by a crowd is a riot
 * (145, PROTEST 'riot' in PLOVER), not an armed assault.  "Hackers
 * attacked the ministry": an attack by hackers is a cyber attack, coercion
 * (170) in PLOVER's mode 'cyber', which CAMEO has no code for.  Applies to
 * assaults, fighting and destroying property (18x, 19x, 171x).  Returns 1
 * when it recoded. */
static const char *const crowd_nouns[] = {"protester", "protestor", "demonstrator", "rioter", "mob", "crowd",
                                          "marcher", "striker", "protesters", "demonstrators", "rioters", NULL};
static const char *const hacker_nouns[] = {"hacker", "hackers", "cybercriminal", "cybercriminals", NULL};

static int attacker_recode(const sent_view *v, found *f) {
    int root = match_code_root(f->code);
    if (f->src_word < 0 || !(root == 18 || root == 19 || strncmp(f->code, "171", 3) == 0))
        return 0;
    if (in_list(v, f->src_word, crowd_nouns)) {
        set(f->code, "145");
        f->how = "a crowd's violence is a riot";
    } else if (in_list(v, f->src_word, hacker_nouns)) {
        set(f->code, "170");
        f->mode = "cyber";
        set(f->mode_code, f->code);
        f->how = "an attack by hackers is a cyber attack";
    } else {
        return 0;
    }
    return 1;
}

/* Soldiers and fighters captured are taken in war, not arrested: CAMEO's
 * 173 and PLOVER's ASSAULT 'abduct' (the manual: "combatants captured
 * during conflict should be coded as ASSAULT 'abduct' rather than COERCE
 * 'arrest'"), the PLOVER type of 181. */
static void captive_recode(const sent_view *v, found *f) {
    if (strcmp(f->code, "173") != 0 || f->tgt_word < 0)
        return;
    int32_t tm = actor_of(v, f->tgt_word);
    if (tm < 0)
        return;
    const doc_mention *m = &v->doc->mentions[tm];
    for (int i = 0; i < m->ncodes; i++) {
        size_t n = strlen(m->code[i]);
        const char *s = n >= 3 ? m->code[i] + n - 3 : "";
        if (strcmp(s, "MIL") == 0 || strcmp(s, "REB") == 0 || strcmp(s, "INS") == 0 || strcmp(s, "UAF") == 0) {
            set(f->plover_code, "181");
            f->how = "combatants captured are taken in war";
            return;
        }
    }
}

/* Base forms a verb form may have when the lemmatizer's guess has no
 * patterns: telephoned -> telephone, telephon; shelling -> shell;
 * carried -> carry; stopped -> stop.  Returns how many it wrote. */
static int base_forms(const char *w, size_t n, char out[][40]) {
    int k = 0;
    static const struct {
        const char *suffix, *repl;
    } rules[] = {{"ied", "y"}, {"ies", "y"}, {"ed", "e"}, {"ed", ""}, {"d", ""}, {"ing", "e"}, {"ing", ""},
                 {"es", ""}, {"s", ""}};
    if (n >= 36)
        return 0;
    for (size_t r = 0; r < sizeof rules / sizeof *rules && k < 8; r++) {
        size_t sl = strlen(rules[r].suffix);
        if (n <= sl + 2 || memcmp(w + n - sl, rules[r].suffix, sl) != 0)
            continue;
        size_t stem = n - sl;
        snprintf(out[k++], 40, "%.*s%s", (int)stem, w, rules[r].repl);
        /* a doubled final consonant: stopped -> stop */
        if (!rules[r].repl[0] && stem >= 3 && w[stem - 1] == w[stem - 2] && k < 8)
            snprintf(out[k++], 40, "%.*s", (int)stem - 1, w);
    }
    return k;
}

/* Tries the patterns of one predicate; returns 1 when one matched. */
static int try_predicate(const ectx *c, int32_t pred, int nominal, int32_t light) {
    sent_view *v = c->v;
    petrel_doc *doc = v->doc;
    size_t np;
    const lex_pattern *ps = v->joined[pred] >= 0 ? lex_patterns(c->lex, v->joined[pred], nominal, &np) : NULL;
    if (!ps)
        ps = lex_patterns(c->lex, v->lemma[pred], nominal, &np);
    if (!ps && v->form[pred] != v->lemma[pred])
        ps = lex_patterns(c->lex, v->form[pred], nominal, &np);
    if (!ps && !nominal) {
        char forms[8][40];
        int nf = base_forms(v->lower[pred], v->lower_len[pred], forms);
        for (int i = 0; i < nf && !ps; i++)
            ps = lex_patterns(c->lex, lex_word(c->lex, forms[i], strlen(forms[i])), 0, &np);
    }
    if (!ps)
        return 0;
    const doc_word *pw = sv_word(v, pred);
    doc_trace(doc, "predicate \"%.*s\" (word %d, lemma %s): %zu %s pattern%s", (int)pw->form_len, pw->form,
              pred + 1, pw->lemma ? pw->lemma : "?", np, nominal ? "noun" : "verb", np == 1 ? "" : "s");
    for (size_t i = 0; i < np; i++) {
        const lex_pattern *p = &ps[i];
        bind b;
        const char *why = NULL;
        if (!match_pattern(c, p, pred, &b, &why)) {
            doc_trace(doc, "  - %s [%s:%u]: %s", p->text, p->file, p->line, why);
            continue;
        }
        doc_trace(doc, "  + %s [%s:%u] matched", p->text, p->file, p->line);
        if (!p->code[0]) {
            doc_trace(doc, "  null code: this use is no event");
            return 1;
        }
        if (!nominal && alleged(v, pred)) {
            doc_trace(doc, "  an act someone is accused of: no event of its own");
            c->used[pred] = 1;
            return 1;
        }
        found f;
        memset(&f, 0, sizeof f);
        f.p = p;
        set(f.code, p->code);
        if (p->mode[0]) {
            f.mode = p->mode;
            set(f.mode_code, p->code);
        }
        set(f.plover_code, p->plover_code);
        f.pred = pred;
        f.report_from = pred;
        int32_t subject_of = light >= 0 ? light : pred;
        f.src_word = b.src >= 0 ? b.src : source_word(v, subject_of, 0);
        if (nominal && f.src_word < 0 && light < 0) {
            /* "Russia's attack", "an attack by rebels" */
            f.src_word = sv_child(v, pred, "nmod:poss");
            for (int32_t ch = v->child[pred]; ch >= 0 && f.src_word < 0; ch = v->sibling[ch])
                if (sv_case(v, ch) >= 0 && strcmp(lex_word_str(c->lex, sv_case(v, ch)), "by") == 0)
                    f.src_word = ch;
            /* "Palestinian riots": the country the noun's adjective names
             * (not an "of" phrase: "the killing of pastors" is not theirs) */
            int premod = 0, of = 0;
            for (int32_t ch = v->child[pred]; ch >= 0; ch = v->sibling[ch]) {
                premod |= ch < pred && (sv_rel_is(v, ch, "amod") || sv_rel_is(v, ch, "compound"));
                of |= ch > pred && sv_rel_is(v, ch, "nmod") && sv_case(v, ch) >= 0 &&
                      strcmp(lex_word_str(c->lex, sv_case(v, ch)), "of") == 0;
            }
            if (f.src_word < 0 && premod && !of && v->mention[pred] >= 0 &&
                !v->doc->mentions[v->mention[pred]].countryless && v->doc->mentions[v->mention[pred]].ncodes > 0)
                f.src_word = pred;
        }
        f.tgt_word = b.tgt;
        /* a target that is no actor and has no owner ("demanded Friday that
         * the United States ...", as parsers read it): the nearest actor of
         * the clause */
        if (f.tgt_word >= 0 && actor_of(v, f.tgt_word) < 0 && !nominal) {
            int32_t t = actor_after(v, pred, f.src_word);
            if (t >= 0)
                f.tgt_word = t;
        }
        if (f.tgt_word < 0 && !nominal) {
            /* no TGT in the pattern: a passive subject, the object, or an
             * actor in a with / against / on / to phrase */
            int32_t t = passive_subject(v, pred);
            if (t < 0)
                t = sv_child(v, pred, "obj");
            if (t >= 0 && actor_of(v, t) < 0)
                t = -1;
            for (int32_t ch = v->child[pred]; ch >= 0 && t < 0; ch = v->sibling[ch]) {
                int32_t cs = sv_case(v, ch);
                const char *prep = cs >= 0 ? lex_word_str(c->lex, cs) : NULL;
                if (prep && sv_rel_is(v, ch, "obl") && v->mention[ch] >= 0 &&
                    (!strcmp(prep, "with") || !strcmp(prep, "against") || !strcmp(prep, "on") ||
                     !strcmp(prep, "to") || !strcmp(prep, "toward") || !strcmp(prep, "towards") ||
                     !strcmp(prep, "at") || !strcmp(prep, "into")))
                    t = ch;
            }
            /* else the nearest actor after the predicate in its clause
             * ("Arnor believes Dagolath can cope") */
            if (t < 0)
                t = actor_after(v, pred, f.src_word);
            f.tgt_word = t;
        }
        int32_t polar = light >= 0 ? light : pred;
        f.neg = (uint8_t)(negated(v, pred) || (light >= 0 && negated(v, light)));
        f.mod = modality(v, polar);
        int deployed = !c->st->peer_rules && armed_recode(v, &f);
        if (!c->st->peer_rules) {
            attacker_recode(v, &f);
            captive_recode(v, &f);
        }
        control(c, polar, &f);
        if (!f.how && !c->st->peer_rules) {
            modal_recode(c, polar, &f);
        } else if (f.mod == MOD_INTENDED && !c->st->peer_rules && (aux_kinds(v, f.report_from) & AUX_MUST)) {
            /* "the US must be ready to mediate", said by Egypt: what must
             * be is Egypt's demand, not the US's intent */
            found d = f;
            set(d.code, p->code);
            d.how = NULL;
            d.mod = modality(v, f.report_from);
            modal_recode(c, f.report_from, &d);
            if (d.how)
                f = d;
        }
        if (light >= 0)
            f.report_from = light;
        /* the pattern's PLOVER mode belongs to its code: a threat or a
         * refusal of a cyber attack is a threat or a refusal */
        if (f.mode && strcmp(f.code, f.mode_code) != 0)
            f.mode = NULL;
        if (p->plover_code[0] && strcmp(f.code, p->code) != 0 && strcmp(f.plover_code, p->plover_code) == 0)
            f.plover_code[0] = '\0';
        /* mark the words the pattern used */
        c->used[pred] = 1;
        if (b.tgt >= 0)
            c->used[b.tgt] = 1;
        for (int m = 0; m < b.nmatched; m++)
            c->used[b.matched[m]] = 1;
        doc_trace(doc, "  event %s: source word %d, target word %d%s%s", f.code, f.src_word + 1, f.tgt_word + 1,
                  f.neg ? ", negated" : "", f.how ? ", " : "");
        if (f.how)
            doc_trace(doc, "    (%s)", f.how);
        int rc = emit(c, &f);
        if (rc)
            return rc < 0 ? rc : 1;
        if (p->code2[0] && !deployed) {
            found r = f;
            set(r.code, p->code2);
            r.src_word = f.tgt_word;
            r.tgt_word = f.src_word;
            r.reverse = 1;
            r.mode = NULL;
            r.plover_code[0] = '\0';
            /* the reverse needs both sides as actors: "migrants arrived in
             * Italy" has no host's reception without a visitor */
            if (r.src_word >= 0 && r.tgt_word >= 0 && actor_of(v, r.src_word) >= 0 && actor_of(v, r.tgt_word) >= 0)
                rc = emit(c, &r);
            if (rc)
                return rc;
        }
        return 1;
    }
    return 0;
}

/* The clause word an event hangs from: its predicate, or for a noun under
 * a light verb ("staged demonstrations"), the light verb. */
static int32_t clause_of(const sent_view *v, int32_t t) {
    int32_t h = v->head[t];
    if (h >= 0 && (sv_upos_is(v, t, "NOUN") || sv_upos_is(v, t, "PROPN")) &&
        (sv_rel_is(v, t, "obj") || sv_rel_is(v, t, "nsubj")) && in_list(v, h, light_verbs))
        return h;
    return t;
}

/* Is event x's predicate a purpose of event y's ("visited Senegal to
 * mediate", "blocked roads to press their demands"), or a demand voiced by
 * a protest ("demonstrated, calling for independence")?  Then x is what y
 * was for, not an event of its own. */
static int purpose_of(const sent_view *v, const doc_event *x, const doc_event *y) {
    if (x->how)
        return 0; /* a controlled complement ("agreed to provide aid") */
    int32_t p = (int32_t)(x->trigger - v->first), q = clause_of(v, (int32_t)(y->trigger - v->first));
    if (p == q || v->head[p] != q)
        return 0;
    int32_t mark = sv_child(v, p, "mark");
    int purpose = (sv_rel_is(v, p, "advcl") || sv_rel_is(v, p, "xcomp")) && mark >= 0 && sv_lemma_is(v, mark, "to");
    int rx = match_code_root(x->code), ry = match_code_root(y->code);
    int demand = (rx == 10 || rx == 2) && ry == 14 &&
                 (sv_rel_is(v, p, "advcl") || sv_rel_is(v, p, "xcomp") || sv_rel_is(v, p, "conj"));
    return purpose || demand;
}

/* Subordinators and prepositions that set a clause in the background: what
 * happened before ("after Serb forces shelled the town"), what frames the
 * news ("amid protests"), or what might happen ("unless Israel rescinds"). */
static const char *const background_marks[] = {"after", "since", "before", "following", "unless", "if",
                                               "amid", "amidst", "despite", NULL};

/* Is the clause of verb p introduced by a background mark just before its
 * subject ("after Russia attacked Ukraine"), whatever tree the parser built
 * for it?  The words between are the subject's phrase and auxiliaries. */
static int marked_background(const sent_view *v, int32_t p) {
    static const char *const phrase[] = {"NOUN", "PROPN", "ADJ", "DET", "NUM", "PRON", "AUX", "ADV", "PART", NULL};
    int32_t w = p - 1;
    for (; w >= 0; w--) {
        int in_phrase = 0;
        for (size_t i = 0; phrase[i] && !in_phrase; i++)
            in_phrase = sv_upos_is(v, w, phrase[i]);
        if (!in_phrase || in_list(v, w, background_marks))
            break;
    }
    return w >= 0 && w < p - 1 && in_list(v, w, background_marks);
}

/* Does event x hang from a background clause of its sentence: a relative
 * clause ("the town where 28 people have been killed"), a participle
 * describing a noun, or a clause or phrase introduced by one of
 * background_marks?  News sentences carry the circumstances of their main
 * event in such clauses; coding them as events of their own counts the same
 * killing again in every later story. */
static int background(const sent_view *v, const doc_event *x) {
    int32_t w = clause_of(v, (int32_t)(x->trigger - v->first));
    if (sv_upos_is(v, w, "VERB") && marked_background(v, w))
        return 1;
    for (int guard = 0; w >= 0 && guard < 64; guard++, w = v->head[w]) {
        if (relative_clause(v, w))
            return 1;
        /* a participle describing a noun: "inspectors probing suspect
         * sites", "a helicopter carrying truce monitors" */
        if (sv_rel_exact(v, w, "acl") && sv_upos_is(v, w, "VERB") && sv_child(v, w, "mark") < 0)
            return 1;
        if (sv_rel_is(v, w, "advcl") || sv_rel_is(v, w, "obl") || sv_rel_is(v, w, "nmod")) {
            int32_t m = sv_child(v, w, "mark");
            if (m < 0)
                m = sv_child(v, w, "case");
            if (m >= 0 && in_list(v, m, background_marks))
                return 1;
        }
    }
    return 0;
}

/* Is event x what event y asks for, rejects or threatens ("demanded a
 * meeting of the Council to discuss the advance", "rejected a US offer to
 * host a summit", "issued an ultimatum to Ecuador to halt attacks", "urged
 * Iran to stop enrichment" when "urge" has a pattern of its own)?  An
 * appeal, demand, rejection or threat (02x, 10x, 12x, 13x) is the event;
 * the act it is about has not happened. */
static int content_of(const sent_view *v, const doc_event *x, const doc_event *y) {
    if (x->how && x->how != how_requested)
        return 0; /* read through its controlling verb as an intent, threat ... */
    int ry = match_code_root(y->code);
    if (!(ry == 2 || ry == 9 || ry == 10 || ry == 11 || ry == 12 || ry == 13))
        return 0;
    int32_t p = clause_of(v, (int32_t)(x->trigger - v->first)), q = clause_of(v, (int32_t)(y->trigger - v->first));
    if (p == q || !under(v, p, q))
        return 0;
    /* within y's own clause: not through a clause of its own subject or a
     * report ("..., which he said would ...") */
    for (int32_t w = p; w != q && w >= 0; w = v->head[w])
        if (relative_clause(v, w) || sv_rel_is(v, w, "parataxis") || sv_rel_is(v, w, "conj") ||
            (w != p && in_list(v, w, say_verbs)))
            return 0;
    return 1;
}

/* Are x, a complement read through its controlling verb ("refused to
 * withdraw" -> 1246), and y, which a pattern of that verb coded ("refuse
 * to withdraw from TGT"), one event told twice?  Same root, x hanging from
 * y's predicate. */
static int told_twice(const sent_view *v, const doc_event *x, const doc_event *y) {
    int32_t p = (int32_t)(x->trigger - v->first), q = (int32_t)(y->trigger - v->first);
    return x->how && !y->how && v->head[p] == q &&
           (strncmp(x->code, y->code, 2) == 0 ||
            (x->how == how_rally && (match_code_root(y->code) == 2 || match_code_root(y->code) == 10)));
}

/* Of the two, the more specific code stays ("threatened to attack": 1384
 * from the verb's pattern, not 138; "threatened to arrest": 132 from the
 * complement, not the general "130 threaten to"); when both are as
 * specific, the verb's pattern, whose target is the one it named.  Does
 * event i give way to event j? */
static int specificity(const char *code) {
    size_t n = strlen(code);
    return (int)n * 2 + (n > 0 && code[n - 1] != '0'); /* 130 < 138 < 1384 */
}

static int gives_way(const sent_view *v, const doc_event *i, const doc_event *j) {
    /* the appeal is the support rallied */
    if (told_twice(v, j, i) && j->how == how_rally)
        return 1;
    if (told_twice(v, i, j))
        return i->how != how_rally && specificity(j->code) >= specificity(i->code);
    if (told_twice(v, j, i))
        return specificity(j->code) > specificity(i->code);
    return 0;
}

int match_events(const lexicon *lex, sent_view *v, const match_story *st) {
    petrel_doc *doc = v->doc;
    ectx c = {lex, v, st, arena_calloc(doc->arena, v->n ? v->n : 1, 1), arena_calloc(doc->arena, v->n ? v->n : 1, 1)};
    if (!c.used || !c.part)
        return PETREL_ERR_NOMEM;
    /* verbs (and predicative adjectives and nouns) first */
    for (int32_t k = 0; k < (int32_t)v->n; k++) {
        int pred = sv_upos_is(v, k, "VERB") ||
                   ((sv_upos_is(v, k, "ADJ") || sv_upos_is(v, k, "NOUN")) && sv_child(v, k, "cop") >= 0);
        if (!pred)
            continue;
        int rc = try_predicate(&c, k, 0, -1);
        if (rc < 0)
            return rc;
    }
    /* nominal triggers: objects of light verbs, nouns with a possessor or
     * a by-agent */
    for (int32_t k = 0; k < (int32_t)v->n; k++) {
        if (c.used[k] || !(sv_upos_is(v, k, "NOUN") || sv_upos_is(v, k, "PROPN")))
            continue;
        int32_t h = v->head[k], light = -1;
        if (h >= 0 && (sv_rel_is(v, k, "obj") || sv_rel_is(v, k, "nsubj:pass")) && in_list(v, h, light_verbs))
            light = h;
        /* "talks began", "riots broke out", "Palestinian riots are still
         * continuing": the event happens; its source is its owner or the
         * country its modifiers name, its target what it is against */
        int own = sv_child(v, k, "nmod:poss") >= 0 ||
                  (h >= 0 && sv_rel_exact(v, k, "nsubj") && in_list(v, h, onset_verbs));
        for (int32_t ch = v->child[k]; ch >= 0 && !own; ch = v->sibling[ch])
            if (sv_case(v, ch) >= 0 && strcmp(lex_word_str(lex, sv_case(v, ch)), "by") == 0)
                own = 1;
        if (light < 0 && !own)
            continue;
        int rc = try_predicate(&c, k, 1, light);
        if (rc < 0)
            return rc;
    }
    /* a statement that reports another event is not an event of its own
     * ("X said Y attacked Z" codes the attack, attributed to X) */
    uint32_t first = doc->nevents;
    while (first > 0 && doc->events[first - 1].sent == v->index)
        first--;
    uint32_t out = first;
    for (uint32_t i = first; i < doc->nevents; i++) {
        int32_t t = (int32_t)(doc->events[i].trigger - v->first);
        int drop = 0;
        if (in_list(v, t, say_verbs))
            for (uint32_t j = first; j < doc->nevents && !drop; j++) {
                int32_t u = (int32_t)(doc->events[j].trigger - v->first);
                /* the event is in what was said, or what was said is
                 * attached to the event ("..., an official said") */
                drop = u != t && !in_list(v, u, say_verbs) && (under(v, u, t) || under(v, t, u));
            }
        if (drop)
            doc_trace(doc, "  the statement event of \"%.*s\" is dropped: it reports an event",
                      (int)sv_word(v, t)->form_len, sv_word(v, t)->form);
        else
            doc->events[out++] = doc->events[i];
    }
    doc->nevents = out;
    /* purposes are not events of their own */
    out = first;
    for (uint32_t i = first; i < doc->nevents; i++) {
        int drop = 0;
        for (uint32_t j = first; j < doc->nevents && !drop; j++)
            drop = j != i && (purpose_of(v, &doc->events[i], &doc->events[j]) ||
                              (!st->peer_rules && content_of(v, &doc->events[i], &doc->events[j])) ||
                              gives_way(v, &doc->events[i], &doc->events[j]));
        if (drop) {
            int32_t t = (int32_t)(doc->events[i].trigger - v->first);
            doc_trace(doc, "  the event of \"%.*s\" is dropped: it is what another event was for or is about",
                      (int)sv_word(v, t)->form_len, sv_word(v, t)->form);
        } else {
            doc->events[out++] = doc->events[i];
        }
    }
    doc->nevents = out;
    /* background events give way to the sentence's main event */
    int main_event = 0;
    for (uint32_t i = first; i < doc->nevents && !main_event; i++)
        main_event = !background(v, &doc->events[i]);
    if (!main_event || st->peer_rules)
        return 0;
    out = first;
    for (uint32_t i = first; i < doc->nevents; i++) {
        if (background(v, &doc->events[i])) {
            int32_t t = (int32_t)(doc->events[i].trigger - v->first);
            doc_trace(doc, "  the event of \"%.*s\" is dropped: it is the background of the sentence's main event",
                      (int)sv_word(v, t)->form_len, sv_word(v, t)->form);
        } else {
            doc->events[out++] = doc->events[i];
        }
    }
    doc->nevents = out;
    return 0;
}
