/*
 * tokenize_lists.c - the English word lists the tokenizer consults.
 *
 * Written from general knowledge of English news style and checked against
 * the training parts of UD English EWT and GUM (which abbreviations keep
 * their period, which prefixes keep their hyphen, which contractions are
 * multiword tokens).  Each list is kept in strcmp order so lookups are a
 * binary search with no set-up and no global state; tests/test_tokenize.c
 * checks the order.
 */
#include <string.h>

#include "tokenize.h"

/* Abbreviations that keep their period.  Titles and ranks, which precede
 * a name and so never end a sentence, are in title_abbrevs instead. */
static const char *const abbrevs[] = {
    "Ala.",   "Apr.",   "Ariz.",  "Ark.",   "Assn.",  "Aug.",   "Ave.",   "Blvd.",  "Bros.",  "Calif.", "Cie.",
    "Co.",    "Colo.",  "Conn.",  "Corp.",  "Dec.",   "Del.",   "Dept.",  "E.g.",   "Feb.",   "Fla.",   "Fri.",
    "Ga.",    "Ill.",   "Inc.",   "Ind.",   "Jan.",   "Jr.",    "Jul.",   "Jun.",   "Kan.",   "Ky.",    "La.",
    "Ltd.",   "Mar.",   "Mass.",  "Md.",    "Mich.",  "Minn.",  "Mo.",    "Mon.",   "Mont.",  "Neb.",   "Nev.",
    "Nov.",   "Oct.",   "Okla.",  "Ore.",   "Pa.",    "Rd.",    "Sat.",   "Sep.",   "Sept.",  "Sr.",    "Sun.",
    "Tenn.",  "Tex.",   "Thu.",   "Thur.",  "Thurs.", "Tue.",   "Tues.",  "Univ.",  "Va.",    "Vt.",    "Wash.",
    "Wed.",   "Wis.",   "Wyo.",   "a.k.a.", "a.m.",   "al.",    "approx.", "ca.",   "cf.",    "co.",    "dept.",
    "e.g.",   "eg.",    "esp.",   "est.",   "etc.",   "ext.",   "ft.",    "hrs.",   "i.e.",   "inc.",   "info.",
    "lb.",    "lbs.",   "ltd.",   "min.",   "mins.",  "mos.",      "nos.",   "oz.",
    "p.m.",   "pp.",    "sq.",    "vol.",   "vs.",    "yrs.",
};

static const char *const title_abbrevs[] = {
    "Adm.",  "Amb.",  "Art.",   "Atty.", "Brig.", "Capt.", "Cmdr.", "Col.",  "Cpl.",  "Det.",  "Dr.",   "Drs.",
    "Fig.",  "Fr.",   "Ft.",    "Gen.",  "Gens.", "Gov.",  "Hon.",  "Insp.", "Lt.",   "Maj.",  "Messrs.",
    "Mlle.", "Mme.",  "Mr.",    "Mrs.",  "Ms.",   "Msgr.", "Mt.",   "No.",   "Nos.",  "Pres.", "Prof.", "Profs.",
    "Pvt.",  "Rep.",  "Reps.",  "Rev.",  "Sen.",  "Sens.", "Sgt.",  "Spc.",  "St.",   "Sts.",  "Supt.", "Vol.",
};

/* Capitalized words that usually open a sentence: after an abbreviation
 * such as "U.S." they signal that the sentence has ended. */
static const char *const sentence_starters[] = {
    "A",          "About",     "According", "Actually", "After",      "Afterwards", "Again",     "Against",
    "All",        "Also",      "Although",  "Amid",     "Among",      "An",         "And",       "Another",
    "Any",        "Are",       "As",        "At",       "Because",    "Before",     "Both",      "But",
    "By",         "Can",       "Could",     "Despite",  "Did",        "Do",         "Does",      "During",
    "Each",       "Earlier",   "Either",    "Even",     "Every",      "Everyone",   "Everything", "Few",
    "Finally",    "First",     "For",       "From",     "Further",    "Furthermore", "He",       "Her",
    "Here",       "His",       "How",       "However",  "I",          "If",         "In",        "Indeed",
    "Instead",    "Is",        "It",        "Its",      "Just",       "Last",       "Later",     "Let",
    "Like",       "Many",      "Maybe",     "Meanwhile", "More",      "Moreover",   "Most",      "Much",
    "My",         "Neither",   "Never",     "Nevertheless", "No",     "Nonetheless", "Nor",      "Not",
    "Now",        "Of",        "Often",     "On",       "Once",       "One",        "Only",      "Or",
    "Other",      "Our",       "Over",      "Perhaps",  "Please",     "Several",    "She",       "Should",
    "Since",      "So",        "Some",      "Sometimes", "Still",     "Such",       "That",      "The",
    "Their",      "Then",      "There",     "Therefore", "These",     "They",       "This",      "Those",
    "Though",     "Thus",      "To",        "Today",    "Two",        "Under",      "Unless",    "Until",
    "Was",        "We",        "Were",      "What",     "When",       "Where",      "Whether",   "Which",
    "While",      "Who",       "Why",       "Will",     "With",       "Within",     "Without",   "Would",
    "Yet",        "You",       "Your",
};

/* Prefixes that keep their hyphen ("co-founder", "anti-war"), lower case. */
static const char *const hyphen_prefixes[] = {
    "anti",  "bi",    "co",     "counter", "cross", "e",      "ex",    "extra", "hyper", "inter", "intra",
    "macro", "mega",  "micro",  "mid",     "mini",  "multi",  "neo",   "non",   "post",  "pre",   "pro",
    "pseudo", "psycho", "re",   "semi",    "socio", "sub",    "super", "trans", "tri",   "ultra", "un",
    "vice",
};

/* Contractions written without an apostrophe, and the length of their
 * first word: "gonna" = gon + na. */
static const struct {
    const char *word;
    size_t first;
} contractions[] = {
    {"aint", 2},    {"arent", 3},    {"cannot", 3},  {"cant", 2},    {"couldnt", 5}, {"didnt", 3},
    {"doesnt", 4},  {"dont", 2},     {"gimme", 3},   {"gonna", 3},   {"gotta", 3},   {"hadnt", 3},
    {"hasnt", 3},   {"havent", 4},   {"isnt", 2},    {"ive", 1},     {"lemme", 3},   {"outta", 3},
    {"shouldnt", 6}, {"wanna", 3},   {"wasnt", 3},   {"werent", 4},  {"wont", 2},    {"wouldnt", 5},
    {"youre", 3},
};

#define COUNT(a) (sizeof(a) / sizeof *(a))

/* Binary search for s[0..n) in a sorted array of C strings. */
static int find(const char *const *list, size_t count, const char *s, size_t n) {
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strncmp(list[mid], s, n);
        if (c == 0 && list[mid][n] != '\0')
            c = 1; /* list entry is longer */
        if (c == 0)
            return 1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

int tok_is_abbreviation(const char *s, size_t n) {
    return find(abbrevs, COUNT(abbrevs), s, n) || find(title_abbrevs, COUNT(title_abbrevs), s, n);
}

int tok_is_title_abbreviation(const char *s, size_t n) { return find(title_abbrevs, COUNT(title_abbrevs), s, n); }

int tok_is_sentence_starter(const char *s, size_t n) {
    return find(sentence_starters, COUNT(sentence_starters), s, n);
}

int tok_is_hyphen_prefix(const char *s, size_t n) {
    char low[16];
    if (n >= sizeof low)
        return 0;
    for (size_t i = 0; i < n; i++)
        low[i] = (char)((s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i]);
    return find(hyphen_prefixes, COUNT(hyphen_prefixes), low, n);
}

size_t tok_contraction_split(const char *s, size_t n) {
    char low[16];
    if (n >= 9 || n < 3 || !strchr("acdghilostwyACDGHILOSTWY", s[0]))
        return 0;
    for (size_t i = 0; i < n; i++)
        low[i] = (char)((s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i]);
    size_t lo = 0, hi = COUNT(contractions);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strncmp(contractions[mid].word, low, n);
        if (c == 0 && contractions[mid].word[n] != '\0')
            c = 1;
        if (c == 0)
            return contractions[mid].first;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* For the ordering test. */
int tok_lists_sorted(void) {
    const char *const *lists[] = {abbrevs, title_abbrevs, sentence_starters, hyphen_prefixes};
    size_t counts[] = {COUNT(abbrevs), COUNT(title_abbrevs), COUNT(sentence_starters), COUNT(hyphen_prefixes)};
    for (size_t l = 0; l < 4; l++)
        for (size_t i = 1; i < counts[l]; i++)
            if (strcmp(lists[l][i - 1], lists[l][i]) >= 0)
                return 0;
    for (size_t i = 1; i < COUNT(contractions); i++)
        if (strcmp(contractions[i - 1].word, contractions[i].word) >= 0)
            return 0;
    return 1;
}
