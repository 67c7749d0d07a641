/*
 * lex_write.c - writing a compiled lexicon back as text in petrel's own
 * format (docs/dictionaries.md): what `petrel dict convert` does with
 * PETRARCH and TABARI dictionaries.
 *
 * The trie only keeps word ids along edges, so phrases are rebuilt by
 * walking from each node with entries back to the root.  Names come out in
 * title case ("ARNOR_" becomes "Arnor"): petrel reads a short name in
 * capitals as an acronym that matches capitals only, which PETRARCH's
 * all-capital dictionaries never meant.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon_impl.h"

typedef struct rev {
    uint32_t *parent;  /* node -> parent node */
    int32_t *word;     /* node -> word of the edge into it */
    uint8_t *prefix;   /* node -> 1 when that edge is a prefix edge */
} rev;

static int build_rev(const lexicon *lex, rev *r) {
    r->parent = calloc(lex->nnodes, sizeof *r->parent);
    r->word = malloc(lex->nnodes * sizeof *r->word);
    r->prefix = calloc(lex->nnodes, 1);
    if (!r->parent || !r->word || !r->prefix)
        return -1;
    for (size_t i = 0; i < lex->nnodes; i++)
        r->word[i] = -1;
    const u64map *maps[2] = {&lex->edges, &lex->prefix_edges};
    for (int m = 0; m < 2; m++)
        for (size_t i = 0; i < maps[m]->cap; i++) {
            if (!maps[m]->keys[i])
                continue;
            uint64_t key = maps[m]->keys[i] - 1;
            uint32_t child = maps[m]->vals[i];
            if (child >= lex->nnodes)
                continue;
            r->parent[child] = (uint32_t)(key >> 32);
            r->word[child] = (int32_t)(key & 0xffffffffu);
            r->prefix[child] = (uint8_t)m;
        }
    return 0;
}

static void free_rev(rev *r) {
    free(r->parent);
    free(r->word);
    free(r->prefix);
}

/* The phrase of a node, words in order; title case when titled. */
static void phrase(const lexicon *lex, const rev *r, uint32_t node, int titled, char *out, size_t len) {
    int32_t words[64];
    int n = 0;
    int prefix = r->prefix[node];
    for (uint32_t x = node; x != 0 && n < 64; x = r->parent[x])
        words[n++] = r->word[x];
    size_t o = 0;
    out[0] = '\0';
    for (int i = n - 1; i >= 0 && o + 2 < len; i--) {
        const char *w = words[i] >= 0 ? lex_word_str(lex, words[i]) : "?";
        if (o)
            out[o++] = ' ';
        for (size_t k = 0; w[k] && o + 2 < len; k++) {
            char c = w[k];
            if (titled && (k == 0 || w[k - 1] == '-') && c >= 'a' && c <= 'z')
                c = (char)(c - 32);
            out[o++] = c;
        }
    }
    if (prefix && o + 1 < len)
        out[o++] = '*';
    out[o] = '\0';
}

/* An actor code as petrel's format writes it: capitals; "---" and "+++"
 * (PETRARCH's null codes) are no code. */
static const char *code_text(const char *c, char *out, size_t len) {
    if (!c || !strcmp(c, "---") || !strcmp(c, "+++"))
        return NULL;
    size_t i = 0;
    for (; c[i] && i + 1 < len; i++)
        out[i] = (char)((c[i] >= 'a' && c[i] <= 'z') ? c[i] - 32 : c[i]);
    out[i] = '\0';
    return out;
}

static void date_text(int32_t d, char *out, size_t len) {
    if (d <= 0 || d >= 99999999)
        out[0] = '\0';
    else
        snprintf(out, len, "%04d-%02d-%02d", d / 10000, d / 100 % 100, d % 100);
}

static int valid_code(const char *c) {
    size_t n = strlen(c);
    if (n < 2 || n > 4)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (c[i] < '0' || c[i] > '9')
            return 0;
    return 1;
}

static void write_pattern(const lexicon *lex, const lex_pattern *p, FILE *f) {
    int ok = (!p->code[0] || valid_code(p->code)) && (!p->code2[0] || valid_code(p->code2));
    if (!ok)
        fputs("# not a CAMEO code, kept as a comment: ", f);
    if (!p->code[0])
        fputs("---", f);
    else if (p->code2[0])
        fprintf(f, "%s:%s", p->code, p->code2);
    else
        fputs(p->code, f);
    if (p->plover_code[0])
        fprintf(f, "/%s", p->plover_code);
    if (p->mode[0])
        fprintf(f, "+%s", p->mode);
    fputs("    ", f);
    for (int i = 0; i < p->nelem; i++)
        if (p->elem[i].type == EL_PRE)
            fprintf(f, "<%s ", lex_word_str(lex, p->elem[i].id));
    /* a noun pattern's leading modifiers come before its head */
    int i = 0;
    if (p->nominal)
        for (; i < p->nelem && p->elem[i].type == EL_MOD; i++)
            fprintf(f, "%s ", lex_word_str(lex, p->elem[i].id));
    fputs(lex_word_str(lex, p->head), f);
    for (; i < p->nelem; i++) {
        const lex_elem *e = &p->elem[i];
        switch (e->type) {
        case EL_PRE: break;
        case EL_TGT: fputs(" TGT", f); break;
        case EL_SRC: fputs(" SRC", f); break;
        case EL_SYNSET: fprintf(f, " &%s", intern_str(lex->synsets, e->id)); break;
        default: fprintf(f, " %s", lex_word_str(lex, e->id)); break;
        }
    }
    if (p->file)
        fprintf(f, "    # %s:%u", p->file, p->line);
    fputc('\n', f);
}

int lexicon_write(const lexicon *lex, FILE *actors, FILE *agents, FILE *verbs, FILE *other) {
    rev r;
    if (build_rev(lex, &r) != 0) {
        free_rev(&r);
        return PETREL_ERR_NOMEM;
    }
    /* node of each hit */
    uint32_t *hit_node = calloc(lex->nhits + 1, sizeof *hit_node);
    if (!hit_node) {
        free_rev(&r);
        return PETREL_ERR_NOMEM;
    }
    for (size_t n = 0; n < lex->nnodes; n++)
        for (uint32_t h = lex->node_hits[n]; h; h = lex->hits[h].next)
            hit_node[h] = (uint32_t)n;
    char buf[1024], d1[16], d2[16];
    /* actors: their phrases, then their codes */
    for (size_t a = 0; a < lex->nactors; a++) {
        const lex_actor *ac = &lex->actors[a];
        const char *kw = ac->kind == LEX_COUNTRY ? "country" : ac->kind == LEX_PERSON ? "person" : "org";
        int first = 1;
        for (size_t h = 1; h < lex->nhits; h++) {
            const lex_hit *hit = &lex->hits[h];
            if (hit->actor != a || hit->type == HIT_AGENT || hit->type == HIT_CONTEXT)
                continue;
            phrase(lex, &r, hit_node[h], 1, buf, sizeof buf);
            if (first) {
                if (ac->kind == LEX_COUNTRY)
                    fprintf(actors, "\n%s %s %s\n", kw, ac->code ? ac->code : "---", buf);
                else
                    fprintf(actors, "\n%s %s\n", kw, buf);
                first = 0;
            } else {
                const char *field = hit->type == HIT_ADJECTIVE ? "adjective"
                                    : hit->type == HIT_PEOPLE  ? "people"
                                    : hit->type == HIT_CAPITAL ? "capital"
                                    : hit->type == HIT_SEAT    ? "seat"
                                    : hit->type == HIT_CITY    ? "city"
                                    : hit->type == HIT_REFER   ? "refer"
                                                               : "name";
                fprintf(actors, "    %s: %s%s%s\n", field, buf, hit->code ? " =" : "", hit->code ? hit->code : "");
            }
        }
        if (first)
            continue; /* an actor with no phrase left: nothing to write */
        char code[64];
        if (ac->kind != LEX_COUNTRY && code_text(ac->code, code, sizeof code))
            fprintf(actors, "    code: %s\n", code);
        for (uint32_t i = 0; i < ac->nroles; i++) {
            const lex_role *ro = &lex->roles[ac->role + i];
            if (!code_text(ro->code, code, sizeof code))
                continue;
            date_text(ro->from, d1, sizeof d1);
            date_text(ro->to, d2, sizeof d2);
            fprintf(actors, "    %s: %s %s..%s%s%s\n", ro->title ? "role" : "code", code, d1, d2,
                    ro->title ? " " : "", ro->title ? ro->title : "");
        }
        if (ac->wikidata)
            fprintf(actors, "    wikidata: %s\n", ac->wikidata);
    }
    /* agents, one line each (an agent phrase can carry any code) */
    for (size_t h = 1; h < lex->nhits; h++) {
        const lex_hit *hit = &lex->hits[h];
        if (hit->type != HIT_AGENT || !hit->code)
            continue;
        phrase(lex, &r, hit_node[h], 0, buf, sizeof buf);
        size_t cl = strlen(hit->code);
        int pre = cl && hit->code[cl - 1] == '~';
        fprintf(agents, "agent %.*s%s: %s\n", (int)(pre ? cl - 1 : cl), hit->code, pre ? "~" : "", buf);
    }
    /* synsets, then verb and noun patterns */
    for (size_t s = 0; s < intern_count(lex->synsets); s++) {
        int n = 0;
        fprintf(verbs, "&%s =", intern_str(lex->synsets, (int32_t)s));
        for (size_t i = 0; i < lex->synset_members.cap; i++) {
            if (!lex->synset_members.keys[i])
                continue;
            uint64_t key = lex->synset_members.keys[i] - 1;
            if ((key >> 32) != s)
                continue;
            fprintf(verbs, "%s %s", n++ ? ";" : "", lex_word_str(lex, (int32_t)(key & 0xffffffffu)));
        }
        fputc('\n', verbs);
    }
    for (int nominal = 0; nominal < 2; nominal++) {
        if (nominal)
            fputs("\n[nouns]\n", verbs);
        for (size_t i = 0; i < lex->npatterns; i++)
            if (lex->patterns[i].nominal == nominal)
                write_pattern(lex, &lex->patterns[i], verbs);
    }
    /* discards and contexts */
    for (size_t n = 0; n < lex->nnodes; n++)
        if (lex->node_discard[n] & 3) {
            phrase(lex, &r, (uint32_t)n, 0, buf, sizeof buf);
            fprintf(other, "discard%s: %s\n", (lex->node_discard[n] & 2) ? " story" : "", buf);
        }
    for (size_t h = 1; h < lex->nhits; h++)
        if (lex->hits[h].type == HIT_CONTEXT) {
            phrase(lex, &r, hit_node[h], 0, buf, sizeof buf);
            fprintf(other, "context %s: %s\n", lex->hits[h].code, buf);
        }
    free(hit_node);
    free_rev(&r);
    return (ferror(actors) || ferror(agents) || ferror(verbs) || ferror(other)) ? PETREL_ERR_IO : 0;
}
