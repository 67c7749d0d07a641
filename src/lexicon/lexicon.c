/*
 * lexicon.c - compiled dictionaries and the loader of petrel's own format
 * (see lexicon.h and docs/dictionaries.md).
 *
 * Names are tokenized with petrel's own tokenizer, so a dictionary phrase
 * and the text it must match are split the same way; each word is then
 * lower-cased and interned, and the phrase becomes a path in a trie whose
 * edges live in one hash table keyed by (node, word).  Patterns are sorted
 * by (nominal, head, number of elements, descending) so the most specific
 * pattern of a predicate is tried first.
 */
#include "lexicon.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/error.h"
#include "../base/file.h"
#include "../text/utf8.h"
#include "../tokenize/tokenize.h"
#include "lexicon_impl.h"

/* The prepositions of the pattern language (docs/dictionaries.md). */
static const char *const prepositions[] = {"with",   "to",     "from",    "on",     "against", "for",   "of",
                                           "in",     "into",   "at",      "by",     "over",    "about", "toward",
                                           "towards", "upon",  "across",  "between", "among",  "under", "after",
                                           "through", "onto",  "within",  "amid",   "behind",  "near",
                                           "throughout", "inside", "outside", "amongst", "amidst", "beyond",
                                           "during", "despite", "following"};

/* Prepositions patterns write in one spelling: "upon" is written "on". */
static const char *const prep_aliases[][2] = {{"upon", "on"}, {"towards", "toward"}, {"amongst", "among"},
                                              {"amidst", "amid"}};

const char *const lex_particles[] = {"off", "out", "up", "down", "back", "away", "aside", "apart", NULL};

lexicon *lexicon_new(void) {
    lexicon *lex = calloc(1, sizeof *lex);
    if (!lex)
        return NULL;
    lex->words = intern_new();
    lex->synsets = intern_new();
    lex->mem = arena_new(256 * 1024);
    lex->scratch = petrel_doc_new();
    lex->nhits = 1; /* hits are 1-based */
    lex->cap_nodes = 1024;
    lex->node_hits = calloc(lex->cap_nodes, sizeof *lex->node_hits);
    lex->node_discard = calloc(lex->cap_nodes, 1);
    lex->nnodes = 1; /* the root */
    u64map_init(&lex->edges);
    u64map_init(&lex->prefix_edges);
    u64map_init(&lex->pattern_index);
    u64map_init(&lex->synset_members);
    u64map_init(&lex->preps);
    u64map_init(&lex->surnames);
    if (!lex->words || !lex->synsets || !lex->mem || !lex->scratch || !lex->node_hits || !lex->node_discard) {
        lexicon_free(lex);
        return NULL;
    }
    for (size_t i = 0; i < sizeof prepositions / sizeof *prepositions; i++) {
        int32_t id = lex_word_add(lex, prepositions[i], strlen(prepositions[i]));
        if (id < 0 || u64map_put(&lex->preps, (uint64_t)id, 1) != 0) {
            lexicon_free(lex);
            return NULL;
        }
    }
    for (size_t i = 0; i < sizeof prep_aliases / sizeof *prep_aliases; i++)
        for (int k = 0; k < 2; k++)
            lex->prep_alias[i][k] = lex_word(lex, prep_aliases[i][k], strlen(prep_aliases[i][k]));
    return lex;
}

void lexicon_free(lexicon *lex) {
    if (!lex)
        return;
    intern_free(lex->words);
    intern_free(lex->synsets);
    arena_free(lex->mem);
    free(lex->actors);
    free(lex->roles);
    free(lex->hits);
    u64map_free(&lex->edges);
    u64map_free(&lex->prefix_edges);
    free(lex->node_hits);
    free(lex->node_discard);
    free(lex->patterns);
    u64map_free(&lex->pattern_index);
    free(lex->pidx);
    u64map_free(&lex->synset_members);
    u64map_free(&lex->preps);
    u64map_free(&lex->surnames);
    free(lex->diags);
    petrel_doc_free(lex->scratch);
    free(lex);
}

void lex_diag(lexicon *lex, const char *file, uint32_t line, const char *fmt, ...) {
    if (lex->ndiags >= LEX_MAX_DIAGS) {
        lex->dropped++;
        return;
    }
    if (!lex->diags) {
        lex->diags = calloc(LEX_MAX_DIAGS, sizeof *lex->diags);
        if (!lex->diags) {
            lex->dropped++;
            return;
        }
    }
    petrel_error *d = &lex->diags[lex->ndiags++];
    d->code = PETREL_ERR_FORMAT;
    d->line = line;
    d->offset = -1;
    snprintf(d->file, sizeof d->file, "%s", file ? file : "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->message, sizeof d->message, fmt, ap);
    va_end(ap);
}

size_t lexicon_diag_count(const lexicon *lex) { return lex->ndiags; }
const petrel_error *lexicon_diag(const lexicon *lex, size_t i) { return i < lex->ndiags ? &lex->diags[i] : NULL; }
size_t lexicon_diag_dropped(const lexicon *lex) { return lex->dropped; }

const char *lex_strdup(lexicon *lex, const char *s, size_t n) { return arena_strndup(lex->mem, s, n); }

/* Grows an array of elem-sized items to hold one more. */
static int grow(void **p, size_t n, size_t *cap, size_t elem) {
    if (n < *cap)
        return 0;
    size_t c = *cap ? *cap * 2 : 256;
    void *q = realloc(*p, c * elem);
    if (!q)
        return -1;
    *p = q;
    *cap = c;
    return 0;
}

int32_t lex_word_add(lexicon *lex, const char *s, size_t n) {
    /* lower-case ASCII in place of a copy when possible */
    char buf[128];
    if (n < sizeof buf) {
        int ascii = 1;
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)s[i];
            if (c >= 0x80) {
                ascii = 0;
                break;
            }
            buf[i] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
        }
        if (ascii)
            return intern_add(lex->words, buf, n);
    }
    size_t ln;
    char *low = utf8_lower(lex->mem, s, n, &ln);
    return low ? intern_add(lex->words, low, ln) : -1;
}

int32_t lex_word(const lexicon *lex, const char *s, size_t n) { return intern_find(lex->words, s, n); }

const char *lex_word_str(const lexicon *lex, int32_t id) { return intern_str(lex->words, id); }

int lex_phrase_ids(lexicon *lex, const char *s, size_t n, int32_t *ids, int max, int *caps, uint32_t *capmask) {
    petrel_doc *d = lex->scratch;
    doc_reset(d);
    if (doc_set_text(d, s, n) != 0 || (n && doc_add_region(d, 0, (uint32_t)n, 0) != 0) || tokenize_doc(d) != 0)
        return -1;
    int k = 0, letters = 0, lower = 0;
    if (capmask)
        *capmask = 0;
    for (uint32_t i = 0; i < d->nwords && k < max; i++) {
        const doc_word *w = &d->words[i];
        unsigned char c0 = w->form_len ? (unsigned char)w->form[0] : 0;
        if (capmask && k < 32 && ((c0 >= 'A' && c0 <= 'Z') || c0 >= 0xC0))
            *capmask |= 1u << k;
        for (uint32_t j = 0; j < w->form_len; j++) {
            char c = w->form[j];
            if (c >= 'a' && c <= 'z')
                lower = 1;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
                letters = 1;
        }
        int32_t id = lex_word_add(lex, w->norm, w->norm_len);
        if (id < 0)
            return -1;
        ids[k++] = id;
    }
    if (caps)
        *caps = letters && !lower;
    return k;
}

static uint32_t new_node(lexicon *lex) {
    if (lex->nnodes == lex->cap_nodes) {
        size_t c = lex->cap_nodes * 2;
        uint32_t *h = realloc(lex->node_hits, c * sizeof *h);
        if (!h)
            return 0;
        lex->node_hits = h;
        uint8_t *dsc = realloc(lex->node_discard, c);
        if (!dsc)
            return 0;
        lex->node_discard = dsc;
        memset(lex->node_hits + lex->cap_nodes, 0, (c - lex->cap_nodes) * sizeof *h);
        memset(lex->node_discard + lex->cap_nodes, 0, c - lex->cap_nodes);
        lex->cap_nodes = c;
    }
    return (uint32_t)lex->nnodes++;
}

/* The node at the end of the phrase's path, made as needed; 0 on memory. */
static uint32_t path_node(lexicon *lex, const int32_t *ids, int nids) {
    uint32_t node = 0;
    for (int i = 0; i < nids; i++) {
        uint64_t key = ((uint64_t)node << 32) | (uint32_t)ids[i];
        uint32_t child;
        if (!u64map_get(&lex->edges, key, &child)) {
            child = new_node(lex);
            if (!child || u64map_put(&lex->edges, key, child) != 0)
                return 0;
        }
        node = child;
    }
    return node;
}

/* Appends a hit to the list of a node. */
static int node_add_hit(lexicon *lex, uint32_t node, const lex_hit *hit) {
    if (!node || grow((void **)&lex->hits, lex->nhits, &lex->cap_hits, sizeof *lex->hits))
        return -1;
    uint32_t index = (uint32_t)lex->nhits++;
    lex->hits[index] = *hit;
    /* keep the order of the dictionary: append at the end of the list */
    lex->hits[index].next = 0;
    uint32_t *link = &lex->node_hits[node];
    while (*link)
        link = &lex->hits[*link].next;
    *link = index;
    if (hit->type == HIT_AGENT)
        lex->nagents++;
    if (hit->type == HIT_CONTEXT)
        lex->ncontexts++;
    return 0;
}

int lex_add_hit(lexicon *lex, const int32_t *ids, int nids, const lex_hit *hit) {
    if (nids <= 0)
        return 0;
    return node_add_hit(lex, path_node(lex, ids, nids), hit);
}

int lex_add_hit_prefix(lexicon *lex, const int32_t *ids, int nids, const lex_hit *hit) {
    if (nids <= 0)
        return 0;
    uint32_t parent = nids > 1 ? path_node(lex, ids, nids - 1) : 0;
    if (nids > 1 && !parent)
        return -1;
    uint64_t key = ((uint64_t)parent << 32) | (uint32_t)ids[nids - 1];
    uint32_t child;
    if (!u64map_get(&lex->prefix_edges, key, &child)) {
        child = new_node(lex);
        if (!child || u64map_put(&lex->prefix_edges, key, child) != 0)
            return -1;
        lex->node_discard[parent] |= 4;
    }
    return node_add_hit(lex, child, hit);
}

int lex_add_discard(lexicon *lex, const int32_t *ids, int nids, int story) {
    if (nids <= 0)
        return 0;
    uint32_t node = path_node(lex, ids, nids);
    if (!node)
        return -1;
    lex->node_discard[node] |= story ? 2 : 1;
    lex->ndiscards++;
    return 0;
}

int32_t lex_add_actor(lexicon *lex, const lex_actor *a) {
    if (grow((void **)&lex->actors, lex->nactors, &lex->cap_actors, sizeof *lex->actors))
        return -1;
    lex->actors[lex->nactors] = *a;
    lex->actors[lex->nactors].role = 0;
    lex->actors[lex->nactors].nroles = 0;
    return (int32_t)lex->nactors++;
}

int lex_add_role(lexicon *lex, uint32_t actor, const lex_role *r) {
    if (grow((void **)&lex->roles, lex->nroles, &lex->cap_roles, sizeof *lex->roles))
        return -1;
    lex_actor *a = &lex->actors[actor];
    if (a->nroles == 0)
        a->role = (uint32_t)lex->nroles;
    else if (a->role + a->nroles != lex->nroles)
        return -1; /* roles of one actor must be consecutive */
    lex->roles[lex->nroles++] = *r;
    a->nroles++;
    return 0;
}

int lex_add_pattern(lexicon *lex, const lex_pattern *p) {
    if (grow((void **)&lex->patterns, lex->npatterns, &lex->cap_patterns, sizeof *lex->patterns))
        return -1;
    lex->patterns[lex->npatterns++] = *p;
    return 0;
}

int32_t lex_synset_add(lexicon *lex, const char *name, size_t n) { return intern_add(lex->synsets, name, n); }
int32_t lex_synset_find(const lexicon *lex, const char *name, size_t n) { return intern_find(lex->synsets, name, n); }

int lex_synset_add_member(lexicon *lex, int32_t synset, int32_t word) {
    return u64map_put(&lex->synset_members, ((uint64_t)(uint32_t)synset << 32) | (uint32_t)word, 1);
}

int lex_synset_has(const lexicon *lex, int32_t synset, int32_t word) {
    uint32_t v;
    return synset >= 0 && word >= 0 &&
           u64map_get(&lex->synset_members, ((uint64_t)(uint32_t)synset << 32) | (uint32_t)word, &v);
}

int lex_same_prep(const lexicon *lex, int32_t a, int32_t p) {
    if (a == p)
        return 1;
    for (size_t i = 0; i < sizeof prep_aliases / sizeof *prep_aliases; i++)
        if (a >= 0 && a == lex->prep_alias[i][0] && p == lex->prep_alias[i][1])
            return 1;
    return 0;
}

int lex_is_prep(const lexicon *lex, int32_t word) {
    uint32_t v;
    return word >= 0 && u64map_get(&lex->preps, (uint64_t)word, &v);
}

/* ------------------------------------------------------------- dates */

static int days_in(int y, int m) {
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return d[m - 1];
}

int lex_parse_date(const char *s, size_t n, int end, int32_t *out) {
    int v[3] = {0, 0, 0}, parts = 0, digits = 0;
    int len[3] = {0, 0, 0};
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            if (parts == 0 && digits == 0)
                parts = 1;
            v[parts - 1] = v[parts - 1] * 10 + (c - '0');
            len[parts - 1]++;
            digits++;
            if (len[parts - 1] > 8)
                return -1;
        } else if (c == '-' && parts > 0 && parts < 3 && len[parts - 1] > 0) {
            parts++;
        } else {
            return -1;
        }
    }
    int y, m = 0, d = 0;
    if (parts == 1 && len[0] == 8) { /* YYYYMMDD */
        y = v[0] / 10000;
        m = v[0] / 100 % 100;
        d = v[0] % 100;
    } else if (parts == 1 && len[0] == 6) { /* YYMMDD (PETRARCH, TABARI) */
        int yy = v[0] / 10000;
        y = yy >= 30 ? 1900 + yy : 2000 + yy;
        m = v[0] / 100 % 100;
        d = v[0] % 100;
    } else if (parts >= 1 && len[0] == 4) {
        y = v[0];
        if (parts >= 2)
            m = v[1];
        if (parts == 3)
            d = v[2];
    } else {
        return -1;
    }
    if (y < 1 || y > 9999 || m < 0 || m > 12)
        return -1;
    if (m == 0)
        m = end ? 12 : 1;
    if (d == 0)
        d = end ? days_in(y, m) : 1;
    if (d < 1 || d > days_in(y, m))
        return -1;
    *out = y * 10000 + m * 100 + d;
    return 0;
}

/* ------------------------------------------------------ petrel format */

typedef struct reader {
    lexicon *lex;
    const char *file;
    uint32_t line;
    int32_t actor;  /* current entry, -1 none */
    uint8_t kind;   /* its kind */
    int nominal;    /* in a [nouns] section */
    int failed;     /* out of memory */
} reader;

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

static void trim(const char **s, size_t *n) {
    while (*n > 0 && is_space(**s)) {
        (*s)++;
        (*n)--;
    }
    while (*n > 0 && is_space((*s)[*n - 1]))
        (*n)--;
}

/* Cuts a comment: '#' at the start or after white space. */
static size_t strip_comment(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] == '#' && (i == 0 || is_space(s[i - 1])))
            return i;
    return n;
}

/* A CAMEO actor code: capitals and digits; "/" separates the codes of a
 * group named as one ("FRO/BIL/SAM"). */
static int valid_actor_code(const char *s, size_t n) {
    if (n < 3 || n > 30 || s[0] == '/' || s[n - 1] == '/')
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '/'))
            return 0;
    return 1;
}

/* The next ';'-separated value of *v (*vn bytes), trimmed, in *item and
 * *il; returns 0 when none is left.  Values may be empty. */
static int next_value(const char **v, size_t *vn, const char **item, size_t *il) {
    if (!*v)
        return 0;
    const char *semi = memchr(*v, ';', *vn);
    size_t len = semi ? (size_t)(semi - *v) : *vn;
    *item = *v;
    *il = len;
    trim(item, il);
    if (semi) {
        *vn -= len + 1;
        *v = semi + 1;
    } else {
        *v = NULL;
    }
    return 1;
}

/* Adds a hit for every ';'-separated value of a field. */
static void add_values(reader *r, const char *v, size_t n, uint8_t type, const char *code) {
    lexicon *lex = r->lex;
    const char *item;
    size_t il;
    while (next_value(&v, &n, &item, &il)) {
        const char *own = code;
        /* "Pentagon =USAMIL": a value with its own code */
        const char *eq = il ? memchr(item, '=', il) : NULL;
        if (eq && (type == HIT_SEAT || type == HIT_CAPITAL || type == HIT_NAME)) {
            const char *c = eq + 1;
            size_t cl = il - (size_t)(c - item);
            trim(&c, &cl);
            if (!valid_actor_code(c, cl)) {
                lex_diag(lex, r->file, r->line, "bad actor code \"%.*s\"", (int)cl, c);
                continue;
            }
            own = lex_strdup(lex, c, cl);
            il = (size_t)(eq - item);
            trim(&item, &il);
        }
        /* "Argentin*": the last word matches any word it begins */
        int prefix = il > 1 && item[il - 1] == '*';
        if (prefix)
            il--;
        if (il > 0) {
            int32_t ids[64];
            int caps;
            uint32_t capmask;
            int k = lex_phrase_ids(lex, item, il, ids, 64, &caps, &capmask);
            if (k < 0) {
                r->failed = 1;
                return;
            }
            int initial = (item[0] >= 'A' && item[0] <= 'Z') || (unsigned char)item[0] >= 0xC0;
            int common = type == HIT_AGENT || type == HIT_REFER || type == HIT_CONTEXT;
            lex_hit h = {.type = type, .caps = (uint8_t)(caps && il <= 6), .initial = (uint8_t)(initial && !common),
                         .capmask = common ? 0 : capmask, .actor = (uint32_t)r->actor, .code = own,
                         .file = r->file, .line = r->line};
            if (k > 0 && (prefix ? lex_add_hit_prefix(lex, ids, k, &h) : lex_add_hit(lex, ids, k, &h)) != 0)
                r->failed = 1;
        }
    }
}

/* "CODE [FROM..TO] [title]" of role: and code: */
static void parse_role(reader *r, const char *v, size_t n, int titled) {
    lexicon *lex = r->lex;
    size_t i = 0;
    while (i < n && !is_space(v[i]))
        i++;
    if (!valid_actor_code(v, i)) {
        lex_diag(lex, r->file, r->line, "bad actor code \"%.*s\"", (int)i, v);
        return;
    }
    lex_role role = {.code = lex_strdup(lex, v, i), .from = 0, .to = 99999999};
    const char *rest = v + i;
    size_t rn = n - i;
    trim(&rest, &rn);
    int dated = 0;
    if (rn > 0 && ((rest[0] >= '0' && rest[0] <= '9') || (rest[0] == '.' && rn > 1 && rest[1] == '.'))) {
        size_t j = 0;
        while (j < rn && !is_space(rest[j]))
            j++;
        const char *dots = NULL;
        for (size_t q = 0; q + 1 < j; q++)
            if (rest[q] == '.' && rest[q + 1] == '.') {
                dots = rest + q;
                break;
            }
        if (dots) {
            size_t fl = (size_t)(dots - rest), tl = j - fl - 2;
            if ((fl && lex_parse_date(rest, fl, 0, &role.from) != 0) ||
                (tl && lex_parse_date(dots + 2, tl, 1, &role.to) != 0)) {
                lex_diag(lex, r->file, r->line, "bad date range \"%.*s\"", (int)j, rest);
                return;
            }
        } else {
            if (lex_parse_date(rest, j, 0, &role.from) != 0 || lex_parse_date(rest, j, 1, &role.to) != 0) {
                lex_diag(lex, r->file, r->line, "bad date \"%.*s\"", (int)j, rest);
                return;
            }
        }
        if (role.from > role.to) {
            lex_diag(lex, r->file, r->line, "date range ends before it starts");
            return;
        }
        dated = 1;
        rest += j;
        rn -= j;
        trim(&rest, &rn);
    }
    if (rn > 0) {
        if (!titled) {
            lex_diag(lex, r->file, r->line, "unexpected text after the code: \"%.*s\"", (int)rn, rest);
            return;
        }
        role.title = lex_strdup(lex, rest, rn);
    }
    if (!dated && !titled) {
        /* an undated code is the actor's default */
        lex->actors[r->actor].code = role.code;
        return;
    }
    if (lex_add_role(lex, (uint32_t)r->actor, &role) != 0)
        lex_diag(lex, r->file, r->line, "roles of an actor must follow its header");
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* Verb particles: words that follow a verb and never end a noun phrase. */
static int particle(const char *s, size_t n) {
    for (size_t i = 0; lex_particles[i]; i++)
        if (strlen(lex_particles[i]) == n && memcmp(lex_particles[i], s, n) == 0)
            return 1;
    return 0;
}

/* "111  criticize TGT", "042:043  visit TGT", "170+cyber  hack TGT",
 * "173/115  indict TGT" */
static void parse_pattern(reader *r, const char *s, size_t n) {
    lexicon *lex = r->lex;
    lex_pattern p;
    memset(&p, 0, sizeof p);
    p.nominal = (uint8_t)r->nominal;
    p.file = r->file;
    p.line = r->line;
    size_t i = 0, end = 0;
    while (end < n && !is_space(s[end]))
        end++;
    /* a PLOVER mode after '+': the event's CAMEO code stands for a PLOVER
     * category CAMEO has no code for (cyber attacks, misinformation) */
    const char *plus = memchr(s, '+', end);
    i = plus ? (size_t)(plus - s) : end;
    if (plus) {
        size_t ml = end - i - 1, k = 0;
        for (; k < ml && ((plus[1 + k] >= 'a' && plus[1 + k] <= 'z') || plus[1 + k] == '_'); k++)
            ;
        if (ml == 0 || k < ml || ml >= sizeof p.mode) {
            lex_diag(lex, r->file, r->line, "bad PLOVER mode \"%.*s\" (lower-case letters after '+')", (int)ml,
                     plus + 1);
            return;
        }
        memcpy(p.mode, plus + 1, ml);
    }
    /* the CAMEO code whose PLOVER type the event takes, after '/': CAMEO
     * and PLOVER split some acts differently ("173/115 indict TGT": CAMEO's
     * charge with legal action, PLOVER's accusation) */
    const char *slash = memchr(s, '/', i);
    if (slash) {
        size_t pl = i - (size_t)(slash - s) - 1, k = 0;
        for (; k < pl && is_digit(slash[1 + k]); k++)
            ;
        if (pl < 2 || pl > 4 || k < pl) {
            lex_diag(lex, r->file, r->line, "bad PLOVER code \"%.*s\" (2 to 4 digits after '/')", (int)pl, slash + 1);
            return;
        }
        memcpy(p.plover_code, slash + 1, pl);
        i = (size_t)(slash - s);
    }
    const char *colon = memchr(s, ':', i);
    size_t c1 = colon ? (size_t)(colon - s) : i;
    size_t c2 = colon ? i - c1 - 1 : 0;
    int null = i == 3 && memcmp(s, "---", 3) == 0; /* this use is no event */
    int ok = null || (c1 >= 2 && c1 <= 4 && (!colon || (c2 >= 2 && c2 <= 4)));
    for (size_t k = 0; ok && !null && k < i; k++)
        if (!is_digit(s[k]) && !(colon && s + k == colon))
            ok = 0;
    if (!ok) {
        lex_diag(lex, r->file, r->line, "bad event code \"%.*s\" (2 to 4 digits, CODE:CODE, or ---)", (int)i, s);
        return;
    }
    if (!null) {
        memcpy(p.code, s, c1);
        if (colon)
            memcpy(p.code2, colon + 1, c2);
    }
    if (null && (plus || slash)) {
        lex_diag(lex, r->file, r->line, "a null pattern (---) takes no PLOVER mode or code");
        return;
    }
    const char *body = s + end;
    size_t bn = n - end;
    trim(&body, &bn);
    p.text = lex_strdup(lex, s, n);
    /* the words of the pattern */
    const char *w[LEX_MAX_ELEMS + 2];
    size_t wl[LEX_MAX_ELEMS + 2];
    int nw = 0;
    for (size_t q = 0; q < bn;) {
        while (q < bn && is_space(body[q]))
            q++;
        if (q >= bn)
            break;
        size_t st = q;
        while (q < bn && !is_space(body[q]))
            q++;
        if (nw == LEX_MAX_ELEMS + 1) {
            lex_diag(lex, r->file, r->line, "pattern longer than %d elements", LEX_MAX_ELEMS);
            return;
        }
        w[nw] = body + st;
        wl[nw] = q - st;
        nw++;
    }
    if (nw == 0) {
        lex_diag(lex, r->file, r->line, "a code with no pattern");
        return;
    }
    /* classify */
    int32_t id[LEX_MAX_ELEMS + 2];
    uint8_t type[LEX_MAX_ELEMS + 2];
    for (int k = 0; k < nw; k++) {
        id[k] = -1;
        /* TGT and SRC only: "$" and "+" are words here ("seek $"), not
         * TABARI's markers (lex_foreign.c reads those) */
        if (wl[k] == 3 && memcmp(w[k], "TGT", 3) == 0)
            type[k] = EL_TGT;
        else if (wl[k] == 3 && memcmp(w[k], "SRC", 3) == 0)
            type[k] = EL_SRC;
        else if (w[k][0] == '<' && wl[k] > 1) {
            /* "<not": a word before the predicate (auxiliary, adverb, or
             * the verb it depends on) */
            type[k] = EL_PRE;
            id[k] = lex_word_add(lex, w[k] + 1, wl[k] - 1);
            if (id[k] < 0) {
                r->failed = 1;
                return;
            }
        }
        else if (w[k][0] == '&') {
            type[k] = EL_SYNSET;
            id[k] = lex_synset_find(lex, w[k] + 1, wl[k] - 1);
            if (id[k] < 0) {
                lex_diag(lex, r->file, r->line, "synset %.*s is not defined above", (int)wl[k], w[k]);
                return;
            }
        } else {
            const char *norm;
            size_t nl;
            if (utf8_normalize(lex->mem, w[k], wl[k], &norm, &nl) != 0) {
                r->failed = 1;
                return;
            }
            id[k] = lex_word_add(lex, norm, nl);
            if (id[k] < 0) {
                r->failed = 1;
                return;
            }
            type[k] = (k > 0 && lex_is_prep(lex, id[k])) ? EL_PREP : EL_WORD;
        }
    }
    /* a preposition right before another is the verb's particle: "give in
     * to TGT", "back down from" */
    for (int k = 1; k + 1 < nw; k++)
        if (type[k] == EL_PREP && type[k + 1] == EL_PREP)
            type[k] = EL_WORD;
    /* words before the predicate come first: "<failed <to meet TGT" */
    int pre = 0;
    while (pre < nw && type[pre] == EL_PRE)
        pre++;
    for (int k = 0; k < pre; k++)
        p.elem[p.nelem++] = (lex_elem){EL_PRE, id[k]};
    for (int k = pre; k < nw; k++) {
        w[k - pre] = w[k];
        wl[k - pre] = wl[k];
        id[k - pre] = id[k];
        type[k - pre] = type[k];
    }
    nw -= pre;
    if (nw == 0) {
        lex_diag(lex, r->file, r->line, "a pattern needs its predicate word");
        return;
    }
    /* the head: the first word of a verb pattern; for a noun pattern the
     * last of its leading words, the others modifying it */
    int first = 0;
    if (type[0] != EL_WORD) {
        lex_diag(lex, r->file, r->line, "a pattern starts with its predicate word, not \"%.*s\"", (int)wl[0], w[0]);
        return;
    }
    if (p.nominal) {
        while (first + 1 < nw && type[first + 1] == EL_WORD)
            first++;
        for (int k = 0; k < first; k++)
            p.elem[p.nelem++] = (lex_elem){EL_MOD, id[k]};
    }
    p.head = id[first];
    for (int k = first + 1; k < nw; k++) {
        uint8_t t = type[k];
        /* words before another word are its modifiers, but a verb's
         * particle is nobody's modifier nor modified: "call strike off",
         * "shut down &networks" */
        if ((t == EL_WORD) && k + 1 < nw && (type[k + 1] == EL_WORD || type[k + 1] == EL_SYNSET) &&
            !particle(w[k], wl[k]) && !(type[k + 1] == EL_WORD && particle(w[k + 1], wl[k + 1])))
            t = EL_MOD;
        if (p.nelem >= LEX_MAX_ELEMS) {
            lex_diag(lex, r->file, r->line, "pattern longer than %d elements", LEX_MAX_ELEMS);
            return;
        }
        p.elem[p.nelem++] = (lex_elem){t, id[k]};
    }
    int tgts = 0;
    for (int k = 0; k < p.nelem; k++)
        tgts += p.elem[k].type == EL_TGT;
    if (tgts > 1) {
        lex_diag(lex, r->file, r->line, "a pattern has at most one TGT");
        return;
    }
    if (lex_add_pattern(lex, &p) != 0)
        r->failed = 1;
}

/* "&name = word; word" */
static void parse_synset(reader *r, const char *s, size_t n) {
    lexicon *lex = r->lex;
    const char *eq = memchr(s, '=', n);
    if (!eq) {
        lex_diag(lex, r->file, r->line, "a synset is \"&name = word; word; ...\"");
        return;
    }
    const char *name = s + 1;
    size_t nl = (size_t)(eq - name);
    trim(&name, &nl);
    if (nl == 0) {
        lex_diag(lex, r->file, r->line, "a synset needs a name");
        return;
    }
    int32_t sid = lex_synset_add(lex, name, nl);
    if (sid < 0) {
        r->failed = 1;
        return;
    }
    const char *v = eq + 1, *item;
    size_t vn = n - (size_t)(v - s), il;
    while (next_value(&v, &vn, &item, &il)) {
        if (il && memchr(item, ' ', il)) {
            /* a member matches one word of the sentence: a phrase never
             * would */
            lex_diag(lex, r->file, r->line,
                     "synset member \"%.*s\" is more than one word; write the phrase as a pattern", (int)il, item);
            continue;
        }
        if (il) {
            const char *norm;
            size_t nrm;
            if (utf8_normalize(lex->mem, item, il, &norm, &nrm) != 0) {
                r->failed = 1;
                return;
            }
            int32_t wid = lex_word_add(lex, norm, nrm);
            if (wid < 0 || lex_synset_add_member(lex, sid, wid) != 0) {
                r->failed = 1;
                return;
            }
        }
    }
}

/* "discard: phrase; ...", "discard story: phrase; ..." */
static void parse_discard(reader *r, const char *s, size_t n) {
    lexicon *lex = r->lex;
    const char *colon = memchr(s, ':', n);
    if (!colon) {
        lex_diag(lex, r->file, r->line, "a discard line is \"discard: phrase; phrase\" or \"discard story: ...\"");
        return;
    }
    const char *kind = s + 7;
    size_t kl = (size_t)(colon - kind);
    trim(&kind, &kl);
    int story = kl == 5 && memcmp(kind, "story", 5) == 0;
    if (kl && !story) {
        lex_diag(lex, r->file, r->line, "a discard is \"discard:\" or \"discard story:\"");
        return;
    }
    const char *v = colon + 1, *item;
    size_t vn = n - (size_t)(v - s), il;
    while (next_value(&v, &vn, &item, &il)) {
        int32_t ids[64];
        int caps;
        int k = il ? lex_phrase_ids(lex, item, il, ids, 64, &caps, NULL) : 0;
        if (k < 0 || (k > 0 && lex_add_discard(lex, ids, k, story) != 0)) {
            r->failed = 1;
            return;
        }
    }
}

/* "context health: epidemic; vaccine" */
static void parse_context(reader *r, const char *s, size_t n) {
    lexicon *lex = r->lex;
    const char *colon = memchr(s, ':', n);
    const char *name = s + 7;
    size_t nl = colon ? (size_t)(colon - name) : 0;
    trim(&name, &nl);
    if (!colon || nl == 0 || memchr(name, ' ', nl)) {
        lex_diag(lex, r->file, r->line, "a context line is \"context NAME: keyword; keyword\"");
        return;
    }
    r->actor = -1;
    add_values(r, colon + 1, n - (size_t)(colon + 1 - s), HIT_CONTEXT, lex_strdup(lex, name, nl));
}

/* "agent GOV MIL: phrase; phrase" */
static void parse_agent(reader *r, const char *s, size_t n) {
    lexicon *lex = r->lex;
    const char *colon = memchr(s, ':', n);
    if (!colon) {
        lex_diag(lex, r->file, r->line, "an agent line is \"agent CODE: phrase; phrase\"");
        return;
    }
    char code[64];
    size_t cl = 0;
    int first = 0;
    for (const char *p = s + 5; p < colon; p++) {
        if (is_space(*p))
            continue;
        if (*p == '~' && p + 1 == colon) {
            first = 1; /* "agent NGO~:" goes before the actor's code */
            continue;
        }
        if (cl + 1 >= sizeof code) {
            lex_diag(lex, r->file, r->line, "agent code too long");
            return;
        }
        code[cl++] = *p;
    }
    if (!valid_actor_code(code, cl)) {
        lex_diag(lex, r->file, r->line, "bad agent code \"%.*s\"", (int)cl, code);
        return;
    }
    if (first)
        code[cl++] = '~';
    const char *c = lex_strdup(lex, code, cl);
    r->actor = -1;
    add_values(r, colon + 1, n - (size_t)(colon + 1 - s), HIT_AGENT, c);
}

static void parse_header(reader *r, const char *s, size_t n) {
    lexicon *lex = r->lex;
    size_t i = 0;
    while (i < n && !is_space(s[i]) && s[i] != ':')
        i++;
    const char *rest = s + i;
    size_t rn = n - i;
    trim(&rest, &rn);
    r->actor = -1;
    lex_actor a;
    memset(&a, 0, sizeof a);
    a.file = r->file;
    a.line = r->line;
    if (i == 7 && memcmp(s, "country", 7) == 0) {
        size_t j = 0;
        while (j < rn && !is_space(rest[j]))
            j++;
        if (j != 3 || !valid_actor_code(rest, j)) {
            lex_diag(lex, r->file, r->line, "a country header is \"country CODE Name\" with a 3-letter code");
            return;
        }
        a.kind = LEX_COUNTRY;
        a.code = lex_strdup(lex, rest, 3);
        rest += j;
        rn -= j;
        trim(&rest, &rn);
    } else if ((i == 6 && memcmp(s, "person", 6) == 0)) {
        a.kind = LEX_PERSON;
    } else if ((i == 3 && memcmp(s, "org", 3) == 0) || (i == 5 && memcmp(s, "actor", 5) == 0)) {
        a.kind = LEX_ORG;
    } else {
        lex_diag(lex, r->file, r->line, "unknown entry \"%.*s\" (country, person, org, agent, a pattern or a synset)",
                 (int)i, s);
        return;
    }
    if (rn == 0) {
        lex_diag(lex, r->file, r->line, "the entry has no name");
        return;
    }
    a.name = lex_strdup(lex, rest, rn);
    int32_t idx = lex_add_actor(lex, &a);
    if (idx < 0) {
        r->failed = 1;
        return;
    }
    r->actor = idx;
    r->kind = a.kind;
    add_values(r, rest, rn, HIT_NAME, NULL);
}

static void parse_field(reader *r, const char *s, size_t n) {
    lexicon *lex = r->lex;
    if (r->actor < 0) {
        lex_diag(lex, r->file, r->line, "an indented line outside an entry");
        return;
    }
    const char *colon = memchr(s, ':', n);
    if (!colon) {
        lex_diag(lex, r->file, r->line, "a field line is \"field: value; value\"");
        return;
    }
    size_t fl = (size_t)(colon - s);
    const char *v = colon + 1;
    size_t vn = n - fl - 1;
    trim(&v, &vn);
#define FIELD(name) (fl == sizeof(name) - 1 && memcmp(s, name, fl) == 0)
    int country = r->kind == LEX_COUNTRY;
    if (FIELD("name"))
        add_values(r, v, vn, HIT_NAME, NULL);
    else if (FIELD("adjective") && country)
        add_values(r, v, vn, HIT_ADJECTIVE, NULL);
    else if (FIELD("people") && country)
        add_values(r, v, vn, HIT_PEOPLE, NULL);
    else if (FIELD("capital") && country)
        add_values(r, v, vn, HIT_CAPITAL, NULL);
    else if (FIELD("seat") && country)
        add_values(r, v, vn, HIT_SEAT, NULL);
    else if (FIELD("city") && country)
        add_values(r, v, vn, HIT_CITY, NULL);
    else if (FIELD("refer"))
        add_values(r, v, vn, HIT_REFER, NULL);
    else if (FIELD("role") && !country)
        parse_role(r, v, vn, 1);
    else if (FIELD("code") && !country)
        parse_role(r, v, vn, 0);
    else if (FIELD("wikidata")) {
        if (vn < 2 || v[0] != 'Q')
            lex_diag(lex, r->file, r->line, "a Wikidata id is Q followed by digits");
        else
            lex->actors[r->actor].wikidata = lex_strdup(lex, v, vn);
    } else if (FIELD("note")) {
        /* for reviewers only */
    } else
        lex_diag(lex, r->file, r->line, "unknown field \"%.*s\" for this entry", (int)fl, s);
#undef FIELD
}

static void load_petrel(lexicon *lex, const char *file, const char *text, size_t len, int *failed) {
    reader r = {.lex = lex, .file = file, .actor = -1};
    const char *p = text, *end = text + len;
    while (p < end && !r.failed) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        r.line++;
        const char *s = p;
        p = nl ? nl + 1 : end;
        size_t cn = strip_comment(s, n);
        if (utf8_find_invalid(s, cn) < cn) {
            lex_diag(lex, file, r.line, "invalid UTF-8, line skipped");
            continue;
        }
        int indented = cn > 0 && is_space(s[0]);
        trim(&s, &cn);
        if (cn == 0)
            continue;
        if (indented) {
            parse_field(&r, s, cn);
        } else if (s[0] == '[') {
            r.actor = -1;
            if (cn == 7 && memcmp(s, "[nouns]", 7) == 0)
                r.nominal = 1;
            else if (cn == 7 && memcmp(s, "[verbs]", 7) == 0)
                r.nominal = 0;
            else
                lex_diag(lex, file, r.line, "unknown section \"%.*s\" ([verbs] or [nouns])", (int)cn, s);
        } else if (s[0] == '&') {
            r.actor = -1;
            parse_synset(&r, s, cn);
        } else if (is_digit(s[0]) || (cn > 4 && memcmp(s, "---", 3) == 0 && is_space(s[3]))) {
            r.actor = -1;
            parse_pattern(&r, s, cn);
        } else if (cn > 6 && memcmp(s, "agent", 5) == 0 && is_space(s[5])) {
            parse_agent(&r, s, cn);
        } else if (cn > 7 && memcmp(s, "discard", 7) == 0 && (is_space(s[7]) || s[7] == ':')) {
            r.actor = -1;
            parse_discard(&r, s, cn);
        } else if (cn > 8 && memcmp(s, "context", 7) == 0 && is_space(s[7])) {
            parse_context(&r, s, cn);
        } else {
            parse_header(&r, s, cn);
        }
    }
    *failed = r.failed;
}

int lexicon_load_text(lexicon *lex, const char *name, const char *text, size_t len, lex_format format,
                      petrel_error *err) {
    const char *file = lex_strdup(lex, name ? name : "<memory>", strlen(name ? name : "<memory>"));
    if (!file)
        return err_nomem(err);
    int failed = 0;
    if (format == LEX_PETREL)
        load_petrel(lex, file, text, len, &failed);
    else
        failed = lex_load_foreign(lex, file, text, len, format) != 0;
    if (failed)
        return err_set(err, PETREL_ERR_NOMEM, file, 0, -1, "out of memory while loading the dictionary");
    return 0;
}

int lexicon_load_file(lexicon *lex, const char *path, lex_format format, petrel_error *err) {
    size_t n;
    petrel_error local;
    petrel_error *e = err ? err : &local;
    char *buf = file_read_all(path, "dictionary", &n, e);
    if (!buf)
        return e->code;
    int rc = lexicon_load_text(lex, path, buf, n, format, err);
    free(buf);
    return rc;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Loads the *.txt files of one folder in name order. */
static int load_folder(lexicon *lex, const char *dir, petrel_error *err, int required) {
    DIR *d = opendir(dir);
    if (!d) {
        if (!required)
            return 0;
        return err_set(err, PETREL_ERR_IO, dir, 0, -1, "cannot open dictionary folder: %s", strerror(errno));
    }
    char *names[4096];
    size_t count = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && count < 4096) {
        size_t l = strlen(e->d_name);
        if (l > 4 && strcmp(e->d_name + l - 4, ".txt") == 0 && e->d_name[0] != '.') {
            names[count] = malloc(l + 1);
            if (!names[count])
                break;
            memcpy(names[count++], e->d_name, l + 1);
        }
    }
    closedir(d);
    qsort(names, count, sizeof *names, cmp_str);
    int rc = 0;
    for (size_t i = 0; i < count; i++) {
        char path[2048];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        /* the README of the folder is documentation, not a dictionary */
        if (rc == 0 && strcmp(names[i], "README.txt") != 0)
            rc = lexicon_load_file(lex, path, LEX_PETREL, err);
        free(names[i]);
    }
    return rc;
}

int lexicon_load_dir(lexicon *lex, const char *dir, petrel_error *err) {
    int rc = load_folder(lex, dir, err, 1);
    if (rc == 0) {
        char sub[2048];
        snprintf(sub, sizeof sub, "%s/actors", dir);
        rc = load_folder(lex, sub, err, 0);
    }
    return rc;
}

/* ------------------------------------------------------------ finish */

static int cmp_pattern(const void *a, const void *b) {
    const lex_pattern *x = a, *y = b;
    if (x->nominal != y->nominal)
        return x->nominal - y->nominal;
    if (x->head != y->head)
        return x->head < y->head ? -1 : 1;
    if (x->nelem != y->nelem)
        return y->nelem - x->nelem; /* more elements first */
    /* then the dictionary order: file, then line */
    int c = strcmp(x->file, y->file);
    if (c)
        return c;
    return x->line < y->line ? -1 : x->line > y->line;
}

int lexicon_finish(lexicon *lex) {
    if (lex->npatterns)
        qsort(lex->patterns, lex->npatterns, sizeof *lex->patterns, cmp_pattern);
    free(lex->pidx);
    lex->pidx = NULL;
    lex->npidx = 0;
    u64map_free(&lex->pattern_index);
    u64map_init(&lex->pattern_index);
    size_t cap = 0;
    for (size_t i = 0; i < lex->npatterns;) {
        size_t j = i;
        while (j < lex->npatterns && lex->patterns[j].head == lex->patterns[i].head &&
               lex->patterns[j].nominal == lex->patterns[i].nominal)
            j++;
        if (grow((void **)&lex->pidx, lex->npidx, &cap, sizeof *lex->pidx))
            return PETREL_ERR_NOMEM;
        lex->pidx[lex->npidx] = (pidx){(uint32_t)i, (uint32_t)(j - i)};
        uint64_t key = ((uint64_t)lex->patterns[i].nominal << 32) | (uint32_t)lex->patterns[i].head;
        if (u64map_put(&lex->pattern_index, key, (uint32_t)lex->npidx) != 0)
            return PETREL_ERR_NOMEM;
        lex->npidx++;
        i = j;
    }
    /* people by the last word of their canonical name */
    u64map_free(&lex->surnames);
    u64map_init(&lex->surnames);
    for (uint32_t a = 0; a < lex->nactors; a++) {
        const lex_actor *ac = &lex->actors[a];
        if (ac->kind != LEX_PERSON || !ac->name)
            continue;
        const char *sp = strrchr(ac->name, ' ');
        if (!sp || !sp[1])
            continue;
        int32_t w = lex_word_add(lex, sp + 1, strlen(sp + 1));
        uint32_t had;
        if (w < 0)
            return PETREL_ERR_NOMEM;
        if (u64map_get(&lex->surnames, (uint64_t)(uint32_t)w, &had))
            had = had == a ? a : SURNAME_SHARED;
        else
            had = a;
        if (u64map_put(&lex->surnames, (uint64_t)(uint32_t)w, had) != 0)
            return PETREL_ERR_NOMEM;
    }
    /* a surname that is also someone's first name ("Jonathan", "Thomas",
     * "Francis") names nobody for sure */
    for (uint32_t a = 0; a < lex->nactors; a++) {
        const lex_actor *ac = &lex->actors[a];
        const char *sp = ac->kind == LEX_PERSON && ac->name ? strchr(ac->name, ' ') : NULL;
        if (!sp)
            continue;
        int32_t w = lex_word_add(lex, ac->name, (size_t)(sp - ac->name));
        uint32_t had;
        if (w >= 0 && u64map_get(&lex->surnames, (uint64_t)(uint32_t)w, &had) && had != SURNAME_SHARED &&
            u64map_put(&lex->surnames, (uint64_t)(uint32_t)w, SURNAME_SHARED) != 0)
            return PETREL_ERR_NOMEM;
    }
    /* the scratch document is for loading only */
    petrel_doc_free(lex->scratch);
    lex->scratch = petrel_doc_new();
    return lex->scratch ? 0 : PETREL_ERR_NOMEM;
}

/* ----------------------------------------------------------- lookups */

uint32_t lex_trie_next(const lexicon *lex, uint32_t node, int32_t word) {
    uint32_t child;
    if (word < 0)
        return 0;
    return u64map_get(&lex->edges, ((uint64_t)node << 32) | (uint32_t)word, &child) ? child : 0;
}

uint32_t lex_trie_hits(const lexicon *lex, uint32_t node) { return node < lex->nnodes ? lex->node_hits[node] : 0; }

int lex_trie_discard(const lexicon *lex, uint32_t node, int *story) {
    if (node >= lex->nnodes || !(lex->node_discard[node] & 3))
        return 0;
    if (story)
        *story = (lex->node_discard[node] & 2) != 0;
    return 1;
}

uint32_t lex_trie_prefix_next(const lexicon *lex, uint32_t node, const char *word, size_t n) {
    if (node >= lex->nnodes || !(lex->node_discard[node] & 4))
        return 0;
    /* the longest prefix of the word that a phrase gives */
    for (size_t l = n; l >= 2; l--) {
        int32_t id = intern_find(lex->words, word, l);
        uint32_t child;
        if (id >= 0 && u64map_get(&lex->prefix_edges, ((uint64_t)node << 32) | (uint32_t)id, &child))
            return child;
    }
    return 0;
}

const lex_hit *lex_hit_get(const lexicon *lex, uint32_t index) {
    return index > 0 && index < lex->nhits ? &lex->hits[index] : NULL;
}

const lex_actor *lex_actor_get(const lexicon *lex, uint32_t index) {
    return index < lex->nactors ? &lex->actors[index] : NULL;
}

size_t lex_actor_count(const lexicon *lex) { return lex->nactors; }
size_t lex_node_count(const lexicon *lex) { return lex->nnodes; }

static void parents_from(const u64map *m, uint64_t *out, size_t nnodes) {
    for (size_t j = 0; j < m->cap; j++)
        if (m->keys[j] && m->vals[j] < nnodes)
            out[m->vals[j]] = m->keys[j] - 1;
}

uint64_t *lex_node_parents(const lexicon *lex) {
    uint64_t *out = malloc((lex->nnodes ? lex->nnodes : 1) * sizeof *out);
    if (!out)
        return NULL;
    for (size_t i = 0; i < lex->nnodes; i++)
        out[i] = UINT64_MAX;
    parents_from(&lex->edges, out, lex->nnodes);
    parents_from(&lex->prefix_edges, out, lex->nnodes);
    return out;
}

const char *lex_node_text(const lexicon *lex, const uint64_t *parents, uint32_t node, char *buf, size_t n) {
    int32_t words[64];
    int k = 0;
    while (node && node < lex->nnodes && parents[node] != UINT64_MAX && k < 64) {
        words[k++] = (int32_t)(uint32_t)parents[node];
        node = (uint32_t)(parents[node] >> 32);
    }
    size_t len = 0;
    buf[0] = '\0';
    for (int i = k - 1; i >= 0 && len + 1 < n; i--) {
        int w = snprintf(buf + len, n - len, "%s%s", i == k - 1 ? "" : " ", lex_word_str(lex, words[i]));
        if (w < 0)
            break;
        len += (size_t)w < n - len ? (size_t)w : n - len - 1;
    }
    return buf;
}

const lex_role *lex_role_get(const lexicon *lex, uint32_t index) {
    return index < lex->nroles ? &lex->roles[index] : NULL;
}

const char *lex_actor_code(const lexicon *lex, const lex_actor *a, int32_t date, char *out, size_t outlen) {
    const lex_role *best = NULL;
    if (date > 0) {
        for (uint32_t i = 0; i < a->nroles; i++) {
            const lex_role *r = &lex->roles[a->role + i];
            if (date >= r->from && date <= r->to) {
                best = r;
                break;
            }
        }
    } else {
        /* date unknown: the most recent role */
        for (uint32_t i = 0; i < a->nroles; i++) {
            const lex_role *r = &lex->roles[a->role + i];
            if (!best || r->from > best->from)
                best = r;
        }
    }
    const char *code = best ? best->code : a->code;
    if (!code && a->nroles > 0) {
        /* out of office: the country of the roles */
        snprintf(out, outlen, "%.3s", lex->roles[a->role].code);
        return out;
    }
    if (!code)
        return NULL;
    snprintf(out, outlen, "%s", code);
    return out;
}

int32_t lex_person_by_surname(const lexicon *lex, int32_t word) {
    uint32_t a;
    if (word < 0 || !u64map_get(&lex->surnames, (uint64_t)(uint32_t)word, &a) || a == SURNAME_SHARED)
        return -1;
    return (int32_t)a;
}

const lex_pattern *lex_patterns(const lexicon *lex, int32_t word, int nominal, size_t *count) {
    uint32_t k;
    *count = 0;
    if (word < 0 || !u64map_get(&lex->pattern_index, ((uint64_t)(nominal ? 1 : 0) << 32) | (uint32_t)word, &k))
        return NULL;
    *count = lex->pidx[k].count;
    return &lex->patterns[lex->pidx[k].start];
}

size_t lex_pattern_count(const lexicon *lex) { return lex->npatterns; }

const lex_pattern *lex_pattern_get(const lexicon *lex, size_t i) {
    return i < lex->npatterns ? &lex->patterns[i] : NULL;
}

void lex_get_stats(const lexicon *lex, lex_stats *st) {
    memset(st, 0, sizeof *st);
    for (size_t i = 0; i < lex->nactors; i++) {
        if (lex->actors[i].kind == LEX_COUNTRY)
            st->countries++;
        else if (lex->actors[i].kind == LEX_PERSON)
            st->persons++;
        else
            st->orgs++;
    }
    st->roles = lex->nroles;
    st->names = lex->nhits - 1 - lex->nagents - lex->ncontexts;
    st->contexts = lex->ncontexts;
    st->agents = lex->nagents;
    for (size_t i = 0; i < lex->npatterns; i++) {
        if (lex->patterns[i].nominal)
            st->nominal_patterns++;
        else
            st->patterns++;
    }
    st->synsets = intern_count(lex->synsets);
    st->discards = lex->ndiscards;
}
