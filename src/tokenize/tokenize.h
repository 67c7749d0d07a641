/*
 * tokenize.h - sentence splitter and tokenizer for English news text,
 * following Universal Dependencies English (EWT, GUM) conventions.
 *
 * Tokens are what UD calls surface tokens: white space separates them, and
 * punctuation is split off except where it belongs to the token
 * (abbreviations such as "U.S." and "Gen.", initials, numbers "1,000.5",
 * times "5:30", dates "7/14/2024", URLs, e-mail addresses, emoticons,
 * prefixed compounds such as "co-founder"; other hyphens and slashes split
 * "search-engine" into three tokens).  A token may hold several syntactic
 * words: clitics and contractions split without changing the text,
 * "Putin's" = Putin + 's, "don't" = do + n't, "gonna" = gon + na.
 *
 * Sentences end at terminal punctuation (with closing quotes and brackets
 * it carries) when what follows can begin a sentence, at paragraph breaks
 * (a blank line), and at the end of a region (a headline is a sentence of
 * its own even without a final period).  An abbreviation ends a sentence
 * only when the next word is one that usually opens a sentence.
 */
#ifndef PETREL_TOKENIZE_H
#define PETREL_TOKENIZE_H

#include "../doc/doc.h"

/* Tokenizes every region of doc, appending words and sentences.
 * Returns 0 or PETREL_ERR_NOMEM. */
int tokenize_doc(petrel_doc *doc);

/* Word lists (tokenize_lists.c), sorted for binary search. */
int tok_is_abbreviation(const char *s, size_t n);   /* "Gen." "etc." */
int tok_is_title_abbreviation(const char *s, size_t n); /* "Mr." "Gen.": never end a sentence */
int tok_is_sentence_starter(const char *s, size_t n); /* "The" "However" */
int tok_is_hyphen_prefix(const char *s, size_t n);  /* "co" "anti" (lower case) */
/* Splits for contractions written without an apostrophe ("gonna"):
 * returns the length of the first word, 0 when s is not one. */
size_t tok_contraction_split(const char *s, size_t n);

/* 1 when every list is in strcmp order (checked by the tests). */
int tok_lists_sorted(void);

#endif
