/*
 * lex_foreign.c - dictionaries in the formats of PETRARCH and TABARI, read
 * into a lexicon so users can bring the dictionaries they maintain.
 *
 * Formats (PETRARCH's dictionaries.rst and the TABARI manual, chapter 5):
 *   actors    PHRASE [CODE]      a primary phrase, its default code
 *             +PHRASE            a synonym
 *             <tab>[CODE DATES]  dated codes: YYMMDD-YYMMDD, <DATE, >DATE
 *   agents    PHRASE {PLURAL} [~CODE]   (CODE~ puts the code first);
 *             !SUBST! = A, B     substitution markers
 *   verbs     --- NAME [CODE] ---       a block of synonymous verbs
 *             VERB {FORMS} [CODE]       a verb (+ marks the verb of a
 *                                       multiword verb: +CORDON_OFF)
 *             - PRE * POST [CODE]       a pattern: + target, $ source,
 *                                       % compound, &SYNSET, {NOUN PHRASE},
 *                                       (PREP NOUN), _ joins words
 *             &NAME / +WORD             synsets
 *   discards  PHRASE (sentence) or +PHRASE (story)
 * Words are separated by spaces or underscores.  A phrase whose last word
 * does not end in "_" matches any word that begins with it (TABARI's
 * stemming: ARGENTIN matches Argentina and Argentine).  TABARI comments
 * start with ';', PETRARCH's with '#'; XML-style <!-- --> comment lines are
 * skipped.  Linear patterns become tree patterns: words after the verb are
 * its dependents, words before it (NOT, WOULD, FAILED TO) are EL_PRE
 * conditions.  PETRARCH's verb transformations (~ lines) are not supported
 * and are reported.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../text/utf8.h"
#include "lexicon_impl.h"

#define MAX_VERBS 256
#define MAX_PAT 512

typedef struct fpattern {
    lex_pattern p;
} fpattern;

typedef struct freader {
    lexicon *lex;
    const char *file;
    uint32_t line;
    lex_format format;
    int failed;
    int32_t actor;      /* actor entry being read */
    /* verbs: the current block */
    char block_code[9];
    int32_t verbs[MAX_VERBS];
    char verb_code[MAX_VERBS][9];
    int nverbs;
    fpattern *pats;
    int npats;
    int after_patterns; /* a pattern was read in this block */
    int32_t synset;     /* synset being defined, -1 none */
    int synset_plural;  /* make regular plurals of its members */
    /* agents: substitution markers */
    char subst_name[16][32];
    char subst_vals[16][512];
    int nsubst;
} freader;

static int sp(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/* Cuts comments: ';' (TABARI) or '#' (PETRARCH) anywhere, and skips XML
 * comments. */
static size_t cut_comment(const freader *r, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '#' && (i == 0 || sp(s[i - 1])))
            return i;
        if (s[i] == ';' && (r->format == LEX_TABARI_ACTORS || r->format == LEX_TABARI_AGENTS ||
                            r->format == LEX_TABARI_VERBS || r->format == LEX_PETRARCH_ACTORS))
            return i;
    }
    return n;
}

static void trimf(const char **s, size_t *n) {
    while (*n > 0 && sp(**s)) {
        (*s)++;
        (*n)--;
    }
    while (*n > 0 && sp((*s)[*n - 1]))
        (*n)--;
}

/* Word ids of a phrase in TABARI notation ("PRESIDENT_GEORGE_W._BUSH").
 * *exact is 1 when the phrase ends with '_'. */
static int phrase_ids(freader *r, const char *s, size_t n, int32_t *ids, int max, int *exact) {
    char buf[1024];
    if (n >= sizeof buf)
        n = sizeof buf - 1;
    *exact = n > 0 && s[n - 1] == '_';
    for (size_t i = 0; i < n; i++)
        buf[i] = s[i] == '_' ? ' ' : s[i];
    int caps;
    return lex_phrase_ids(r->lex, buf, n, ids, max, &caps, NULL);
}

static void add_phrase(freader *r, const char *s, size_t n, const lex_hit *h) {
    int32_t ids[64];
    int exact;
    int k = phrase_ids(r, s, n, ids, 64, &exact);
    if (k < 0) {
        r->failed = 1;
        return;
    }
    if (k == 0)
        return;
    int rc = exact ? lex_add_hit(r->lex, ids, k, h) : lex_add_hit_prefix(r->lex, ids, k, h);
    if (rc != 0)
        r->failed = 1;
}

/* The text inside the first [...] of s, or NULL. */
static const char *bracket(const char *s, size_t n, size_t *len) {
    const char *o = memchr(s, '[', n);
    if (!o)
        return NULL;
    const char *c = memchr(o, ']', n - (size_t)(o - s));
    if (!c)
        return NULL;
    *len = (size_t)(c - o - 1);
    return o + 1;
}

/* "[CODE]", "[CODE 950601-990815]", "[CODE <911226]", "[CODE >990816]" */
static void actor_code(freader *r, const char *b, size_t bl) {
    lexicon *lex = r->lex;
    const char *p = b;
    size_t n = bl;
    trimf(&p, &n);
    size_t i = 0;
    while (i < n && !sp(p[i]))
        i++;
    if (i == 0) {
        lex_diag(lex, r->file, r->line, "empty actor code");
        return;
    }
    lex_role role = {.code = lex_strdup(lex, p, i), .from = 0, .to = 99999999};
    const char *d = p + i;
    size_t dn = n - i;
    trimf(&d, &dn);
    if (dn == 0) {
        if (i == 3 && memcmp(p, "---", 3) == 0)
            return; /* a null code */
        lex->actors[r->actor].code = role.code;
        return;
    }
    int ok;
    if (d[0] == '<' || d[0] == '>') {
        const char *x = d + 1;
        size_t xl = dn - 1;
        trimf(&x, &xl);
        /* "<date": before it; ">date": after it (the day itself is the
         * boundary PETRARCH's manual gives as "or equal to") */
        ok = lex_parse_date(x, xl, d[0] == '<', d[0] == '<' ? &role.to : &role.from) == 0;
    } else {
        const char *dash = memchr(d, '-', dn);
        /* strip spaces around the dash: "19950601 - 19990815" */
        if (!dash) {
            ok = 0;
        } else {
            const char *a = d, *z = dash + 1;
            size_t al = (size_t)(dash - d), zl = dn - al - 1;
            trimf(&a, &al);
            trimf(&z, &zl);
            ok = lex_parse_date(a, al, 0, &role.from) == 0 && lex_parse_date(z, zl, 1, &role.to) == 0;
        }
    }
    if (!ok) {
        lex_diag(lex, r->file, r->line, "bad date restriction \"%.*s\"", (int)bl, b);
        return;
    }
    if (lex_add_role(lex, (uint32_t)r->actor, &role) != 0)
        lex_diag(lex, r->file, r->line, "a date restriction must follow its actor");
}

static void actors_line(freader *r, const char *s, size_t n, int indented) {
    lexicon *lex = r->lex;
    if (indented || s[0] == '[') {
        /* date restriction(s) of the current actor */
        if (r->actor < 0) {
            lex_diag(lex, r->file, r->line, "a code line outside an actor");
            return;
        }
        size_t bl;
        const char *b = bracket(s, n, &bl);
        if (!b) {
            lex_diag(lex, r->file, r->line, "expected [CODE ...]");
            return;
        }
        actor_code(r, b, bl);
        return;
    }
    int synonym = s[0] == '+';
    if (synonym) {
        s++;
        n--;
        if (r->actor < 0) {
            lex_diag(lex, r->file, r->line, "a synonym before any actor");
            return;
        }
    }
    /* the phrase ends at the first '[' or space run before it */
    const char *br = memchr(s, '[', n);
    size_t pl = br ? (size_t)(br - s) : n;
    const char *ph = s;
    trimf(&ph, &pl);
    if (pl == 0) {
        lex_diag(lex, r->file, r->line, "an actor line without a phrase");
        return;
    }
    if (!synonym) {
        lex_actor a;
        memset(&a, 0, sizeof a);
        a.kind = LEX_ORG;
        a.name = lex_strdup(lex, ph, pl);
        a.file = r->file;
        a.line = r->line;
        r->actor = lex_add_actor(lex, &a);
        if (r->actor < 0) {
            r->failed = 1;
            return;
        }
    }
    lex_hit h = {.type = HIT_NAME, .initial = 1, .actor = (uint32_t)r->actor, .file = r->file, .line = r->line};
    add_phrase(r, ph, pl, &h);
    /* codes on the same line (TABARI allows several) */
    while (br) {
        size_t rest = n - (size_t)(br - s);
        size_t bl;
        const char *b = bracket(br, rest, &bl);
        if (!b)
            break;
        actor_code(r, b, bl);
        const char *after = b + bl + 1;
        br = memchr(after, '[', n - (size_t)(after - s));
    }
}

/* Regular English plural of an upper-case TABARI word (+S, +IES, +ES). */
static void plural(const char *w, size_t n, char *out, size_t outlen) {
    if (n + 4 >= outlen) {
        snprintf(out, outlen, "%.*s", (int)n, w);
        return;
    }
    memcpy(out, w, n);
    char last = n ? w[n - 1] : 0, before = n > 1 ? w[n - 2] : 0;
    if ((last == 'Y' || last == 'y') && !strchr("AEIOUaeiou", before)) {
        memcpy(out + n - 1, "IES", 4);
    } else if ((last == 'S' || last == 's') && (before == 'S' || before == 's')) {
        memcpy(out + n, "ES", 3);
    } else if (last == 'S' || last == 's') {
        out[n] = '\0';
    } else {
        memcpy(out + n, "S", 2);
    }
}

static void agent_phrase(freader *r, const char *ph, size_t pl, const lex_hit *h, int with_plural) {
    add_phrase(r, ph, pl, h);
    if (!with_plural)
        return;
    char buf[1024];
    size_t n = pl;
    while (n > 0 && ph[n - 1] == '_')
        n--;
    plural(ph, n, buf, sizeof buf);
    size_t bl = strlen(buf);
    if (bl < sizeof buf - 1 && pl > n)
        buf[bl++] = '_', buf[bl] = '\0';
    if (bl != pl || memcmp(buf, ph, pl) != 0)
        add_phrase(r, buf, bl, h);
}

static void agents_line(freader *r, const char *s, size_t n) {
    lexicon *lex = r->lex;
    if (s[0] == '!' && memchr(s, '=', n) && !memchr(s, '[', n)) {
        /* !NAME! = A, B, C */
        const char *eq = memchr(s, '=', n);
        const char *end = memchr(s + 1, '!', n - 1);
        if (!eq || !end || end > eq || r->nsubst >= 16) {
            lex_diag(lex, r->file, r->line, "a substitution marker is !NAME! = A, B");
            return;
        }
        snprintf(r->subst_name[r->nsubst], 32, "%.*s", (int)(end - s + 1), s);
        snprintf(r->subst_vals[r->nsubst], 512, "%.*s", (int)(n - (size_t)(eq + 1 - s)), eq + 1);
        r->nsubst++;
        return;
    }
    size_t bl;
    const char *b = bracket(s, n, &bl);
    if (!b) {
        lex_diag(lex, r->file, r->line, "an agent line needs a [~CODE]");
        return;
    }
    char code[64];
    size_t cl = 0;
    int prefix = 0;
    for (size_t i = 0; i < bl && cl + 2 < sizeof code; i++) {
        if (b[i] == '~') {
            prefix = cl > 0; /* "[~GOV]" appends, "[NGO~]" prepends */
            continue;
        }
        if (!sp(b[i]))
            code[cl++] = b[i];
    }
    if (cl == 0) {
        lex_diag(lex, r->file, r->line, "empty agent code");
        return;
    }
    if (prefix)
        code[cl++] = '~'; /* "NGO~": the agent code goes before the country */
    code[cl] = '\0';
    /* the phrase, and {PLURALS} */
    const char *brace = memchr(s, '{', (size_t)(b - s));
    const char *ph = s;
    size_t pl = (size_t)((brace ? brace : b - 1) - s);
    trimf(&ph, &pl);
    lex_hit h = {.type = HIT_AGENT, .code = lex_strdup(lex, code, cl), .file = r->file, .line = r->line};
    if (pl == 0) {
        lex_diag(lex, r->file, r->line, "an agent line without a phrase");
        return;
    }
    /* substitution markers expand to each of their values */
    for (int k = 0; k < r->nsubst; k++) {
        const char *m = NULL;
        size_t ml = strlen(r->subst_name[k]);
        for (size_t i = 0; i + ml <= pl; i++)
            if (memcmp(ph + i, r->subst_name[k], ml) == 0) {
                m = ph + i;
                break;
            }
        if (!m)
            continue;
        const char *v = r->subst_vals[k];
        while (*v) {
            const char *comma = strchr(v, ',');
            size_t vl = comma ? (size_t)(comma - v) : strlen(v);
            const char *item = v;
            trimf(&item, &vl);
            char buf[1024];
            int len = snprintf(buf, sizeof buf, "%.*s%.*s%.*s", (int)(m - ph), ph, (int)vl, item,
                               (int)(pl - (size_t)(m - ph) - ml), m + ml);
            if (len > 0 && (size_t)len < sizeof buf)
                add_phrase(r, buf, (size_t)len, &h);
            if (!comma)
                break;
            v = comma + 1;
        }
        return;
    }
    int with_plural = 1;
    if (brace) {
        const char *close = memchr(brace, '}', (size_t)(b - brace));
        if (!close) {
            lex_diag(lex, r->file, r->line, "unclosed {");
            return;
        }
        with_plural = 0;
        /* the listed plurals (an empty {} means none) */
        const char *q = brace + 1;
        while (q < close) {
            while (q < close && sp(*q))
                q++;
            const char *st = q;
            while (q < close && !sp(*q))
                q++;
            if (q > st)
                add_phrase(r, st, (size_t)(q - st), &h);
        }
    }
    agent_phrase(r, ph, pl, &h, with_plural);
}

/* ------------------------------------------------------------- verbs */

static int32_t word_id(freader *r, const char *s, size_t n) {
    char buf[256];
    if (n >= sizeof buf)
        n = sizeof buf - 1;
    for (size_t i = 0; i < n; i++)
        buf[i] = s[i] == '_' ? ' ' : s[i];
    const char *norm;
    size_t nl;
    if (utf8_normalize(r->lex->mem, buf, n, &norm, &nl) != 0)
        return -1;
    return lex_word_add(r->lex, norm, nl);
}

static void set_code(char *dst, const char *s, size_t n) {
    if (n > 8)
        n = 8;
    memcpy(dst, s, n);
    dst[n] = '\0';
}

/* Emits the patterns of the block for every verb of the block. */
static void flush_block(freader *r) {
    lexicon *lex = r->lex;
    for (int v = 0; v < r->nverbs; v++) {
        /* the bare verb */
        const char *vc = r->verb_code[v][0] ? r->verb_code[v] : r->block_code;
        if (vc[0] && strcmp(vc, "---") != 0) {
            lex_pattern p;
            memset(&p, 0, sizeof p);
            p.head = r->verbs[v];
            const char *colon = strchr(vc, ':');
            if (colon) {
                set_code(p.code, vc, (size_t)(colon - vc));
                set_code(p.code2, colon + 1, strlen(colon + 1));
            } else {
                set_code(p.code, vc, strlen(vc));
            }
            p.text = lex_word_str(lex, r->verbs[v]);
            p.file = r->file;
            p.line = r->line;
            if (lex_add_pattern(lex, &p) != 0)
                r->failed = 1;
        }
        for (int k = 0; k < r->npats; k++) {
            lex_pattern p = r->pats[k].p;
            p.head = r->verbs[v];
            if (lex_add_pattern(lex, &p) != 0)
                r->failed = 1;
        }
    }
    r->nverbs = 0;
    r->npats = 0;
    r->after_patterns = 0;
}

static void add_elem(freader *r, lex_pattern *p, uint8_t type, int32_t id) {
    if (p->nelem >= LEX_MAX_ELEMS) {
        lex_diag(r->lex, r->file, r->line, "pattern longer than %d elements: truncated", LEX_MAX_ELEMS);
        return;
    }
    p->elem[p->nelem++] = (lex_elem){type, id};
}

/* Adds the words of a token ("TO_LET_ESCAPE", "{FINANCIAL AID}") as
 * elements: all but the last are modifiers of the last. */
static void add_words(freader *r, lex_pattern *p, const char *s, size_t n, int pre) {
    const char *w[16];
    size_t wl[16];
    int k = 0;
    for (size_t i = 0; i < n && k < 16;) {
        while (i < n && (s[i] == '_' || sp(s[i]) || s[i] == '{' || s[i] == '}'))
            i++;
        size_t st = i;
        while (i < n && s[i] != '_' && !sp(s[i]) && s[i] != '{' && s[i] != '}')
            i++;
        if (i > st) {
            w[k] = s + st;
            wl[k] = i - st;
            k++;
        }
    }
    for (int j = 0; j < k; j++) {
        if (wl[j] == 1 && (w[j][0] == '+' || w[j][0] == '%')) {
            if (!pre)
                add_elem(r, p, EL_TGT, -1);
            continue;
        }
        if (wl[j] == 1 && w[j][0] == '$') {
            if (!pre)
                add_elem(r, p, EL_SRC, -1);
            continue;
        }
        if (w[j][0] == '&') {
            size_t sl = wl[j] - 1;
            while (sl > 0 && w[j][sl] == '_')
                sl--;
            int32_t sid = lex_synset_find(r->lex, w[j] + 1, sl);
            if (sid < 0) {
                lex_diag(r->lex, r->file, r->line, "undefined synset %.*s", (int)wl[j], w[j]);
                continue;
            }
            add_elem(r, p, EL_SYNSET, sid);
            continue;
        }
        int32_t id = word_id(r, w[j], wl[j]);
        if (id < 0) {
            r->failed = 1;
            return;
        }
        if (pre)
            add_elem(r, p, EL_PRE, id);
        else if (lex_is_prep(r->lex, id))
            add_elem(r, p, EL_PREP, id);
        else
            add_elem(r, p, (j + 1 < k && !lex_is_prep(r->lex, word_id(r, w[j + 1], wl[j + 1]))) ? EL_MOD : EL_WORD, id);
    }
}

static void pattern_line(freader *r, const char *s, size_t n) {
    lexicon *lex = r->lex;
    if (r->npats >= MAX_PAT) {
        lex_diag(lex, r->file, r->line, "more than %d patterns in one verb block: skipped", MAX_PAT);
        return;
    }
    size_t bl;
    const char *b = bracket(s, n, &bl);
    if (!b) {
        lex_diag(lex, r->file, r->line, "a pattern needs a [CODE]");
        return;
    }
    lex_pattern p;
    memset(&p, 0, sizeof p);
    const char *c = b;
    size_t cl = bl;
    trimf(&c, &cl);
    const char *colon = memchr(c, ':', cl);
    if (colon) {
        set_code(p.code, c, (size_t)(colon - c));
        set_code(p.code2, colon + 1, cl - (size_t)(colon - c) - 1);
    } else {
        set_code(p.code, c, cl);
    }
    if (strcmp(p.code, "---") == 0)
        p.code[0] = '\0'; /* a null code: this usage is no event */
    p.text = lex_strdup(lex, s, n);
    p.file = r->file;
    p.line = r->line;
    /* the pattern body between "-" and "[" */
    const char *body = s + 1;
    size_t bn = (size_t)(b - 1 - body);
    const char *star = memchr(body, '*', bn);
    if (!star) {
        lex_diag(lex, r->file, r->line, "a pattern needs a * for the verb");
        return;
    }
    /* tokens: split on spaces; parentheses group (PREP NOUN) */
    for (int half = 0; half < 2; half++) {
        const char *q = half ? star + 1 : body;
        const char *e = half ? body + bn : star;
        while (q < e) {
            while (q < e && (sp(*q) || *q == '_'))
                q++;
            if (q >= e)
                break;
            const char *st = q;
            if (*q == '(') {
                const char *close = memchr(q, ')', (size_t)(e - q));
                if (!close)
                    close = e;
                add_words(r, &p, st + 1, (size_t)(close - st - 1), half == 0);
                q = close < e ? close + 1 : e;
                continue;
            }
            if (*q == '{') {
                const char *close = memchr(q, '}', (size_t)(e - q));
                if (!close)
                    close = e;
                add_words(r, &p, st + 1, (size_t)(close - st - 1), half == 0);
                q = close < e ? close + 1 : e;
                continue;
            }
            while (q < e && !sp(*q))
                q++;
            add_words(r, &p, st, (size_t)(q - st), half == 0);
        }
    }
    r->pats[r->npats++].p = p;
    r->after_patterns = 1;
}

static void verb_line(freader *r, const char *s, size_t n) {
    lexicon *lex = r->lex;
    if (r->after_patterns)
        flush_block(r); /* TABARI: a verb after patterns starts a new entry */
    if (r->nverbs >= MAX_VERBS) {
        lex_diag(lex, r->file, r->line, "more than %d verbs in one block", MAX_VERBS);
        return;
    }
    size_t bl;
    const char *b = bracket(s, n, &bl);
    const char *brace = memchr(s, '{', n);
    size_t end = n;
    if (b && (size_t)(b - 1 - s) < end)
        end = (size_t)(b - 1 - s);
    if (brace && (size_t)(brace - s) < end)
        end = (size_t)(brace - s);
    const char *v = s;
    size_t vl = end;
    trimf(&v, &vl);
    /* the verb of a multiword verb is the word after '+' */
    const char *plus = memchr(v, '+', vl);
    const char *w = plus ? plus + 1 : v;
    size_t wl = 0;
    while (w + wl < v + vl && w[wl] != '_' && !sp(w[wl]))
        wl++;
    if (wl == 0) {
        lex_diag(lex, r->file, r->line, "a verb line without a verb");
        return;
    }
    int32_t id = word_id(r, w, wl);
    if (id < 0) {
        r->failed = 1;
        return;
    }
    r->verbs[r->nverbs] = id;
    r->verb_code[r->nverbs][0] = '\0';
    if (b) {
        const char *c = b;
        size_t cl = bl;
        trimf(&c, &cl);
        set_code(r->verb_code[r->nverbs], c, cl);
    }
    r->nverbs++;
    /* irregular forms in {...} are verbs of the block too */
    if (brace) {
        const char *close = memchr(brace, '}', n - (size_t)(brace - s));
        const char *q = brace + 1;
        while (close && q < close && r->nverbs < MAX_VERBS) {
            while (q < close && sp(*q))
                q++;
            const char *st = q;
            while (q < close && !sp(*q))
                q++;
            if (q > st) {
                const char *fp = memchr(st, '+', (size_t)(q - st));
                const char *f = fp ? fp + 1 : st;
                size_t fl = 0;
                while (f + fl < q && f[fl] != '_')
                    fl++;
                int32_t fid = fl ? word_id(r, f, fl) : -1;
                if (fid >= 0) {
                    r->verbs[r->nverbs] = fid;
                    memcpy(r->verb_code[r->nverbs], r->verb_code[r->nverbs - 1], 9);
                    r->nverbs++;
                }
            }
        }
    }
}

static void verbs_line(freader *r, const char *s, size_t n, int indented) {
    lexicon *lex = r->lex;
    if (n >= 3 && memcmp(s, "---", 3) == 0) {
        flush_block(r);
        size_t bl;
        const char *b = bracket(s, n, &bl);
        r->block_code[0] = '\0';
        if (b) {
            const char *c = b;
            size_t cl = bl;
            trimf(&c, &cl);
            set_code(r->block_code, c, cl);
        }
        r->synset = -1;
        return;
    }
    if (s[0] == '&') {
        flush_block(r);
        size_t l = 1;
        while (l < n && !sp(s[l]))
            l++;
        size_t nl = l - 1;
        r->synset_plural = !(nl > 0 && s[nl] == '_');
        while (nl > 0 && s[nl] == '_') /* "&LABEL_": no plurals, same name */
            nl--;
        r->synset = lex_synset_add(lex, s + 1, nl);
        if (r->synset < 0)
            r->failed = 1;
        return;
    }
    if (s[0] == '+' && r->synset >= 0 && r->nverbs == 0) {
        /* a synset member (a phrase: its last word counts) */
        const char *m = s + 1;
        size_t ml = n - 1;
        trimf(&m, &ml);
        int plural_too = r->synset_plural && !(ml > 0 && m[ml - 1] == '_');
        while (ml > 0 && m[ml - 1] == '_')
            ml--;
        size_t st = ml;
        while (st > 0 && m[st - 1] != '_' && !sp(m[st - 1]))
            st--;
        if (ml > st) {
            if (m[st] == '&') {
                /* an embedded synset: not expanded, reported */
                lex_diag(lex, r->file, r->line, "synsets inside synsets are not expanded");
                return;
            }
            int32_t id = word_id(r, m + st, ml - st);
            if (id < 0 || lex_synset_add_member(lex, r->synset, id) != 0)
                r->failed = 1;
            /* regular plural too, unless the label or the phrase ends in "_" */
            if (plural_too) {
                char pl[256];
                plural(m + st, ml - st, pl, sizeof pl);
                id = word_id(r, pl, strlen(pl));
                if (id < 0 || lex_synset_add_member(lex, r->synset, id) != 0)
                    r->failed = 1;
            }
        }
        return;
    }
    if (s[0] == '-') {
        if (r->nverbs == 0) {
            lex_diag(lex, r->file, r->line, "a pattern before any verb");
            return;
        }
        pattern_line(r, s, n);
        return;
    }
    if (s[0] == '~') {
        lex_diag(lex, r->file, r->line, "verb transformations (~) are not supported: skipped");
        return;
    }
    if (indented) {
        lex_diag(lex, r->file, r->line, "unexpected indented line");
        return;
    }
    r->synset = -1;
    verb_line(r, s, n);
}

static void discards_line(freader *r, const char *s, size_t n) {
    int story = s[0] == '+';
    if (story) {
        s++;
        n--;
    }
    int32_t ids[64];
    int exact;
    int k = phrase_ids(r, s, n, ids, 64, &exact);
    if (k < 0 || (k > 0 && lex_add_discard(r->lex, ids, k, story) != 0))
        r->failed = 1;
}

int lex_load_foreign(lexicon *lex, const char *file, const char *text, size_t len, lex_format format) {
    freader r;
    memset(&r, 0, sizeof r);
    r.lex = lex;
    r.file = file;
    r.format = format;
    r.actor = -1;
    r.synset = -1;
    r.pats = calloc(MAX_PAT, sizeof *r.pats);
    if (!r.pats)
        return -1;
    int in_xml_comment = 0;
    const char *p = text, *end = text + len;
    while (p < end && !r.failed) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        const char *s = p;
        p = nl ? nl + 1 : end;
        r.line++;
        if (utf8_find_invalid(s, n) < n) {
            lex_diag(lex, file, r.line, "invalid UTF-8, line skipped");
            continue;
        }
        /* <!-- ... --> comments, possibly over several lines */
        const char *t = s;
        size_t tn = n;
        trimf(&t, &tn);
        if (in_xml_comment || (tn >= 4 && memcmp(t, "<!--", 4) == 0)) {
            in_xml_comment = 1;
            for (size_t i = 0; i + 2 < n; i++)
                if (memcmp(s + i, "-->", 3) == 0)
                    in_xml_comment = 0;
            continue;
        }
        int indented = n > 0 && sp(s[0]);
        n = cut_comment(&r, s, n);
        trimf(&s, &n);
        if (n == 0)
            continue;
        switch (format) {
        case LEX_PETRARCH_ACTORS:
        case LEX_TABARI_ACTORS: actors_line(&r, s, n, indented); break;
        case LEX_PETRARCH_AGENTS:
        case LEX_TABARI_AGENTS: agents_line(&r, s, n); break;
        case LEX_PETRARCH_VERBS:
        case LEX_TABARI_VERBS: verbs_line(&r, s, n, indented); break;
        case LEX_PETRARCH_DISCARDS: discards_line(&r, s, n); break;
        default: break;
        }
    }
    if (format == LEX_PETRARCH_VERBS || format == LEX_TABARI_VERBS)
        flush_block(&r);
    free(r.pats);
    return r.failed ? -1 : 0;
}
