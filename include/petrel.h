/*
 * petrel.h - the public interface of petrel, a political event coder.
 *
 * petrel reads news stories and writes event data.  This header is the whole
 * contract of libpetrel: every exported name starts with petrel_, every
 * handle is opaque, and every function says who owns what, what NULL does,
 * whether it is thread-safe and how it fails.
 *
 * Conventions
 *   - Functions that can fail return 0 (PETREL_OK) or a negative
 *     petrel_status.  When the caller passes a petrel_error, it receives a
 *     one-line message and, where known, the file, line and byte offset.
 *     Passing NULL for the error is always allowed.
 *   - The library never prints and never exits.
 *   - Strings are UTF-8.  Pointers returned by accessors are borrowed: they
 *     stay valid until the object they came from is changed or freed.
 *   - There is no global state.  A petrel_doc and a petrel_reader belong to
 *     one thread at a time; different ones may be used on different threads
 *     at once.
 *
 * Typical use
 *
 *     petrel_error err;
 *     petrel_reader *r = petrel_reader_open("stories.jsonl", NULL, &err);
 *     petrel_doc *doc = petrel_doc_new();
 *     int rc;
 *     while ((rc = petrel_reader_next(r, doc, &err)) != 0) {
 *         if (rc < 0) { report(&err); if (rc == PETREL_ERR_IO) break; continue; }
 *         petrel_tokenize(doc, &err);
 *         ... petrel_doc_sentence_count(doc), petrel_doc_word(doc, i, &w) ...
 *     }
 *     petrel_doc_free(doc);
 *     petrel_reader_close(r);
 */
#ifndef PETREL_H
#define PETREL_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__) && defined(PETREL_BUILDING)
#define PETREL_API __attribute__((visibility("default")))
#else
#define PETREL_API
#endif

#define PETREL_VERSION_MAJOR 0
#define PETREL_VERSION_MINOR 1
#define PETREL_VERSION_PATCH 0
#define PETREL_VERSION_STRING "0.1.0"

/* ------------------------------------------------------------------ errors */

/* Result codes.  0 is success; failures are negative. */
typedef enum petrel_status {
    PETREL_OK = 0,
    PETREL_ERR_NOMEM = -1,  /* an allocation failed or a memory bound was hit */
    PETREL_ERR_IO = -2,     /* a file could not be opened, read or written */
    PETREL_ERR_FORMAT = -3, /* malformed input: a story, a record, a line */
    PETREL_ERR_ARG = -4,    /* a caller passed an invalid argument */
    PETREL_ERR_LIMIT = -5,  /* input larger than a configured bound */
    PETREL_ERR_MODEL = -6   /* a model file is missing, truncated or foreign */
} petrel_status;

/* Details of a failure.  Filled only when a function fails (or, for
 * warnings, by petrel_doc_warning). */
typedef struct petrel_error {
    int code;           /* the petrel_status returned */
    char message[256];  /* one line, no trailing newline */
    char file[256];     /* the input file concerned, or "" */
    long line;          /* 1-based line in that file, 0 when not known */
    long long offset;   /* byte offset (in the file, or in the story text for
                           warnings about a story), -1 when not known */
} petrel_error;

/* Short English name of a status ("malformed input").  Never NULL. */
PETREL_API const char *petrel_status_name(int code);

/* The library version, "MAJOR.MINOR.PATCH".  Never NULL. */
PETREL_API const char *petrel_version(void);

/* ------------------------------------------------------------------- dates */

/* A calendar date; year 0 means unknown.  month and day are 1-based. */
typedef struct petrel_date {
    int year;
    int month;
    int day;
} petrel_date;

/* Parses "YYYY-MM-DD", "YYYYMMDD" or an ISO timestamp beginning with a
 * date.  Returns 0 or PETREL_ERR_FORMAT (out unchanged). */
PETREL_API int petrel_date_parse(const char *s, petrel_date *out);

/* ----------------------------------------------------------------- stories */

/* Input formats of story readers. */
typedef enum petrel_format {
    PETREL_FORMAT_AUTO = 0, /* guess from the file name, then the content */
    PETREL_FORMAT_TEXT,     /* one plain-text wire story per file */
    PETREL_FORMAT_JSONL,    /* JSON Lines, one story per line */
    PETREL_FORMAT_PETRARCH, /* PETRARCH XML validation records */
    PETREL_FORMAT_TABARI,   /* TABARI text records */
    PETREL_FORMAT_CONLLU    /* CoNLL-U, pre-tokenized; a story per newdoc */
} petrel_format;

/* Name of a format ("jsonl"), and the reverse.  petrel_format_parse returns
 * 0, or PETREL_ERR_ARG for a name it does not know. */
PETREL_API const char *petrel_format_name(petrel_format f);
PETREL_API int petrel_format_parse(const char *name, petrel_format *out);

/* How the story date was found. */
typedef enum petrel_date_origin {
    PETREL_DATE_UNKNOWN = 0, /* no date: never silently "today" */
    PETREL_DATE_INPUT,       /* from the story itself */
    PETREL_DATE_DEFAULT      /* from the caller's default (--date) */
} petrel_date_origin;

/* A read-only view of the story held by a document.  Absent fields are
 * NULL (strings) or 0 (numbers). */
typedef struct petrel_story {
    const char *id;           /* the input's id, or one petrel made up from
                                 the file name and position */
    const char *source;       /* news agency or publication */
    const char *headline;     /* headline or title */
    const char *dateline;     /* place of the dateline ("MOSCOW") */
    const char *byline;       /* "By ..." line */
    const char *credits;      /* "(Reporting by ...; Editing by ...)" */
    int copyright_year;       /* from a copyright trailer */
    petrel_date date;         /* the story date */
    petrel_date_origin date_origin;
    const char *text;         /* the text petrel analyzes (see below) */
    size_t text_len;          /* its length in bytes */
    size_t body_offset;       /* where the body starts within text */
    const char *input_name;   /* file the story came from ("-" = stdin) */
    long input_line;          /* its first line in that file */
} petrel_story;

/* The text petrel analyzes, to which every byte offset refers:
 *   - plain text: the file as read (furniture is excluded from analysis but
 *     not removed, so offsets are file offsets);
 *   - JSON Lines, PETRARCH, TABARI: the headline (when there is one), a
 *     blank line, then the body; body_offset says where the body starts;
 *   - CoNLL-U: rebuilt from the forms and SpaceAfter=No.
 * The text is kept byte for byte, invalid UTF-8 included; word forms are
 * always valid UTF-8. */

/* --------------------------------------------------------------- documents */

/* One story and everything petrel derives from it, in one arena. */
typedef struct petrel_doc petrel_doc;

/* New empty document, or NULL when out of memory.  Free with
 * petrel_doc_free.  Reuse one document for a stream of stories: its memory
 * is kept and reset for each. */
PETREL_API petrel_doc *petrel_doc_new(void);

/* Frees a document.  NULL is ignored. */
PETREL_API void petrel_doc_free(petrel_doc *doc);

/* Bounds the memory one story may take (bytes; 0 = none).  A story that
 * needs more fails with PETREL_ERR_NOMEM and leaves the document empty. */
PETREL_API void petrel_doc_set_memory_limit(petrel_doc *doc, size_t bytes);

/* Loads a plain-text story (wire furniture recognized as for files) into
 * doc, replacing what it held.  text is copied.  date may be NULL.
 * Returns 0, or a negative status. */
PETREL_API int petrel_doc_load_text(petrel_doc *doc, const char *id, const char *text, size_t len,
                                    const petrel_date *date, petrel_error *err);

/* Fills *out with a view of the story.  Valid until doc changes. */
PETREL_API void petrel_doc_story(const petrel_doc *doc, petrel_story *out);

/* Other fields of the input record (JSON Lines keys petrel does not use,
 * TABARI and PETRARCH attributes), as key and JSON value text. */
PETREL_API size_t petrel_doc_meta_count(const petrel_doc *doc);
PETREL_API int petrel_doc_meta(const petrel_doc *doc, size_t i, const char **key, const char **json_value);

/* Problems found in the story that did not stop it (invalid UTF-8 replaced,
 * a field of the wrong type ignored).  offset is in the story text. */
PETREL_API size_t petrel_doc_warning_count(const petrel_doc *doc);
PETREL_API const petrel_error *petrel_doc_warning(const petrel_doc *doc, size_t i);

/* ----------------------------------------------------------------- readers */

/* Reads stories from a file or a buffer, one at a time, in bounded memory. */
typedef struct petrel_reader petrel_reader;

typedef struct petrel_reader_options {
    petrel_format format;      /* PETREL_FORMAT_AUTO to guess */
    petrel_date default_date;  /* used when a story has none; year 0 = none */
    size_t max_story_bytes;    /* larger stories are reported and skipped
                                  (0 = 8 MiB) */
} petrel_reader_options;

/* Opens path ("-" or NULL = standard input).  opt may be NULL (defaults).
 * Returns NULL on failure with err set (PETREL_ERR_IO: cannot open;
 * PETREL_ERR_FORMAT: the format cannot be guessed). */
PETREL_API petrel_reader *petrel_reader_open(const char *path, const petrel_reader_options *opt,
                                             petrel_error *err);

/* Reads from bytes[0..len), which must outlive the reader; name is used in
 * messages and ids. */
PETREL_API petrel_reader *petrel_reader_open_memory(const char *name, const char *bytes, size_t len,
                                                    const petrel_reader_options *opt, petrel_error *err);

/* Reads the next story into doc (replacing its content).  Returns 1 when a
 * story was read, 0 at the end of the input, or a negative status:
 * PETREL_ERR_FORMAT / PETREL_ERR_LIMIT / PETREL_ERR_NOMEM for a bad story
 * (err names file, line and offset; call again to go on with the next one),
 * PETREL_ERR_IO when the input cannot be read further (the reader is done).
 * A story read with warnings still returns 1. */
PETREL_API int petrel_reader_next(petrel_reader *r, petrel_doc *doc, petrel_error *err);

/* The format being read (after guessing). */
PETREL_API petrel_format petrel_reader_format(const petrel_reader *r);

/* Closes the reader (and the file it opened).  NULL is ignored. */
PETREL_API void petrel_reader_close(petrel_reader *r);

/* ------------------------------------------------------ sentences and words */

/* Splits the document's text into sentences and words following Universal
 * Dependencies English conventions.  Documents read from CoNLL-U are already
 * tokenized; for them this does nothing.  Returns 0, or PETREL_ERR_NOMEM. */
PETREL_API int petrel_tokenize(petrel_doc *doc, petrel_error *err);

/* A sentence: words [first_word, first_word + word_count) and the byte
 * span [start, end) of the text. */
typedef struct petrel_sentence {
    size_t first_word;
    size_t word_count;
    size_t start;
    size_t end;
    int headline;      /* 1 when the sentence is (part of) the headline */
    int paragraph;     /* 0-based paragraph number in the story */
} petrel_sentence;

/* A syntactic word.  Contractions and possessives are several words in one
 * surface token ("don't" = "do" + "n't"): the first word of such a token
 * has token_words > 1 and token_start/token_end give the token's span. */
typedef struct petrel_word {
    size_t start, end;         /* byte span in the story text */
    const char *form;          /* surface form, valid UTF-8 (invalid bytes
                                  shown as U+FFFD); form_len bytes */
    size_t form_len;
    const char *norm;          /* normalized form for matching (NFC, quotes,
                                  dashes and spaces folded); norm_len bytes */
    size_t norm_len;
    int space_after;           /* 1 when white space follows in the text */
    int token_words;           /* words in the surface token this word
                                  begins, 0 when it continues a token */
    size_t token_start, token_end;
    /* Annotation; NULL / -1 until a tagger or parser (or CoNLL-U input)
     * provides it. */
    const char *lemma;
    const char *upos;
    const char *xpos;
    const char *feats;
    long head;                 /* 1-based word in the sentence, 0 = root,
                                  -1 = none */
    const char *deprel;
} petrel_word;

PETREL_API size_t petrel_doc_sentence_count(const petrel_doc *doc);
PETREL_API size_t petrel_doc_word_count(const petrel_doc *doc);

/* Fill *out for sentence / word i.  Return 0, or PETREL_ERR_ARG when i is
 * out of range. */
PETREL_API int petrel_doc_sentence(const petrel_doc *doc, size_t i, petrel_sentence *out);
PETREL_API int petrel_doc_word(const petrel_doc *doc, size_t i, petrel_word *out);

/* ------------------------------------------------------ tagging and parsing */

/* The models petrel analyzes text with: a part-of-speech and morphology
 * tagger with its lemmatizer, and a labelled dependency parser, trained by
 * `petrel train` on Universal Dependencies English (see docs/parsing.md).
 * A handle is read-only once open: one handle may be shared by any number
 * of threads, each tagging or parsing its own documents (the scratch space
 * of a call comes from the document).  The model files are mapped, not
 * read: opening takes milliseconds and the memory is shared between
 * processes. */
typedef struct petrel petrel;

/* Formats of dictionaries (docs/dictionaries.md). */
typedef enum petrel_dict_format {
    PETREL_DICT_PETREL = 0,   /* petrel's own: data_dir/dict */
    PETREL_DICT_PETRARCH,     /* PETRARCH files given one by one */
    PETREL_DICT_TABARI        /* TABARI files given one by one */
} petrel_dict_format;

typedef struct petrel_options {
    const char *models_dir;  /* folder holding en-tagger.model and
                                en-parser.model; NULL = "models" */
    int no_parser;           /* 1: load the tagger only (petrel_parse then
                                fails with PETREL_ERR_ARG) */
    int no_models;           /* 1: load no model: the handle codes only
                                documents already parsed (CoNLL-U input
                                with lemmas, tags and trees); petrel_tag
                                fails with PETREL_ERR_MODEL */
    /* Coding (petrel_code).  Dictionaries are loaded when data_dir or one
     * of the dictionary files is set; otherwise the handle only tags and
     * parses. */
    const char *data_dir;    /* holds dict/ and cameo/cameo.txt */
    const char *dict_dir;    /* petrel-format dictionaries read instead of
                                data_dir/dict (NULL: data_dir/dict) */
    petrel_dict_format dict_format;
    const char *actors;      /* dictionaries in dict_format (PETRARCH or */
    const char *agents;      /* TABARI), read instead of data_dir/dict;  */
    const char *verbs;       /* cameo/cameo.txt still comes from data_dir */
    const char *discards;    /* (NULL: "data") */
    int peer_rules;          /* 1: code as TABARI and PETRARCH do: "will
                                attack" as the attack (190), and no event
                                without a source.  0 (default): as the
                                CAMEO codebook does, "will attack" is a
                                threat (138), "will provide aid" an intent
                                (033), "X must release them", said by Y,
                                Y's demand (1053); and an event with a
                                target but no source is kept ("civilians
                                were killed") with a null source */
} petrel_options;

/* Opens the models.  opt may be NULL (defaults).  Returns NULL on failure
 * with err set: PETREL_ERR_MODEL when a model file is missing, truncated,
 * corrupted, of another kind or of another petrel version (the message
 * names the file), PETREL_ERR_IO when it cannot be read, PETREL_ERR_NOMEM.
 * Close with petrel_close. */
PETREL_API petrel *petrel_open(const petrel_options *opt, petrel_error *err);

/* Closes the handle and unmaps its models.  NULL is ignored.  Annotation
 * strings that petrel_tag / petrel_parse put on documents (upos, xpos,
 * feats, deprel) point into the models: use those documents no more after
 * closing the handle that annotated them. */
PETREL_API void petrel_close(petrel *p);

/* Tags the words of doc: sets upos, xpos, feats and lemma of every word
 * (petrel_word).  Tokenizes first when the document is not tokenized yet.
 * Replaces annotation the document had (for example from CoNLL-U input).
 * Thread-safe for different documents, even with one shared handle.
 * Returns 0, PETREL_ERR_ARG (NULL p or doc) or PETREL_ERR_NOMEM (the
 * document's memory limit was reached). */
PETREL_API int petrel_tag(const petrel *p, petrel_doc *doc, petrel_error *err);

/* Tags (as petrel_tag) and parses doc: sets head and deprel of every word,
 * forming one well-formed tree per sentence (exactly one word with head 0
 * and deprel "root", no cycles).  Same thread-safety and failures as
 * petrel_tag; PETREL_ERR_ARG also when the handle has no parser. */
PETREL_API int petrel_parse(const petrel *p, petrel_doc *doc, petrel_error *err);

/* ------------------------------------------------------------------ coding */

/* Codes the events of doc: parses it when it is not parsed yet (as
 * petrel_parse), then finds actor mentions and events with the handle's
 * dictionaries (see docs/schema.md for what an event holds).  Replaces the
 * events doc had.  Thread-safe for different documents with one shared
 * handle.  Returns 0, PETREL_ERR_ARG (no dictionaries loaded, NULL
 * arguments) or PETREL_ERR_NOMEM. */
PETREL_API int petrel_code(const petrel *p, petrel_doc *doc, petrel_error *err);

/* Lines of the dictionaries that could not be read when the handle was
 * opened (each with file, line and reason); they were skipped. */
PETREL_API size_t petrel_dict_diag_count(const petrel *p);
PETREL_API const petrel_error *petrel_dict_diag(const petrel *p, size_t i);

/* An actor in an event: code NULL when the event has none; known is 0 for
 * an actor no dictionary codes (code is then ""). */
typedef struct petrel_actor {
    const char *code;       /* CAMEO actor code ("RUSGOV") */
    char country[4];        /* PLOVER country ("RUS", "IGO"), "" none */
    char sector[4];         /* PLOVER sector ("GOV"), "" none */
    size_t start, end;      /* bytes of its words in the story text */
    int known;
} petrel_actor;

/* A read-only view of an event.  Strings are borrowed from the document
 * and the handle. */
typedef struct petrel_event {
    size_t sentence;            /* 0-based sentence */
    const char *cameo;          /* CAMEO event code ("041") */
    const char *cameo_name;     /* its name, NULL for a code outside CAMEO */
    double goldstein;           /* CAMEO scale value (0 when unknown) */
    int quad;                   /* 1-4, 0 unknown */
    const char *plover;         /* PLOVER event type, NULL when none */
    const char *plover_mode;    /* NULL when none */
    petrel_actor source, target;
    size_t trigger_start, trigger_end;
    int negated;
    const char *modality;       /* "asserted", "future", "hypothetical",
                                   "conditional", "intended" */
    int quote;                  /* inside a direct quotation */
    petrel_date date;           /* the event date; year 0 = unknown */
    const char *location;       /* country code of the place, NULL */
    const char *pattern;        /* the dictionary pattern that fired */
} petrel_event;

PETREL_API size_t petrel_doc_event_count(const petrel_doc *doc);

/* Fills *out for event i of doc, coded with handle p.  Returns 0 or
 * PETREL_ERR_ARG when i is out of range. */
PETREL_API int petrel_doc_event(const petrel *p, const petrel_doc *doc, size_t i, petrel_event *out);

#ifdef __cplusplus
}
#endif

#endif /* PETREL_H */
