#!/usr/bin/env python3
"""wordnet-widen.py - candidate verb patterns from WordNet synonyms of petrel's verbs.

usage: python3 tools/wordnet-widen.py [--senses N] [--max-synonym-sense M] [--prep]
                                      [--no-phrasal] [--taken FILE] [--wordnet DIR]
                                      [FILE...]

    python3 tools/wordnet-widen.py --senses 1 > candidates.txt
    python3 tools/wordnet-widen.py --prep > candidates.txt

For every predicate lemma that heads a verb pattern of the verb dictionaries
(by default data/dict/verbs-codes.txt, verbs-conflict.txt and
verbs-cooperation.txt; other files may be named instead), looks the lemma up
in WordNet's index.verb, takes its synsets (only the first N senses with
--senses N; all by default) and prints the synonyms of each synset that head
no verb pattern yet, as candidate pattern lines that mirror the source
lemma's one-word and TGT patterns ("111 vilify TGT" gives "111 revile TGT")
with the CAMEO code of each, under a comment that names the synset, its
lexicographer file and its gloss.  With --prep the source's "PREP TGT"
patterns are mirrored too ("018 sympathize with TGT" gives "018 empathize
with TGT"); whether the synonym takes that preposition is for the reviewer.
The "---" lines that keep the source from firing on some objects ("--- fight
&vc_abstract_n") are mirrored as well, as guards to keep or drop with the
candidate.

Phrasal verbs of the patterns that WordNet lists ("lock up TGT", "pull out")
are sources too, with the shapes of their patterns less the particle.
Two-word WordNet entries are proposed when they are a verb and a particle
that is no preposition of the pattern language ("lock away", "strike back"):
"VERB particle" for a one-word source pattern, "VERB TGT particle" for a TGT
one when WordNet gives the sense an object (a particle goes after its
object, docs/dictionaries.md), "VERB particle PREP TGT" for a PREP TGT one,
unless that verb already has a pattern with that particle.  Other multi-word
entries ("open fire", "go to war", "lie in wait") are skipped: their object
and preposition cannot be placed without reading them.

Each candidate is followed by where it came from ("# wordnet: vilify") and,
for the reviewer, which of the synonym's own senses the synset is ("sense
3/5": a synonym in its third sense is usually figurative or rare in that
meaning) and its SemCor tag count when cntlist.rev has one.
--max-synonym-sense M drops synonyms for which the synset is not among their
first M senses.  --taken FILE (repeatable) counts the heads of FILE as taken
without making them sources: --taken data/dict/verbs-wordnet.txt shows only
what that file does not hold yet.

This is an authoring tool: it writes candidates to standard output (a
summary to standard error) and never edits a dictionary.  Every candidate
must be reviewed by hand before it goes into data/dict/verbs-wordnet.txt,
whose lines carry the same "# wordnet: SOURCE" comment.

WordNet is read directly from its database files (index.verb, data.verb,
cntlist.rev) in --wordnet DIR, $WNSEARCHDIR, or /usr/share/wordnet (Debian
package wordnet-base, WordNet 3.0).  Python 3 standard library only.
"""

import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_FILES = [
    os.path.join(ROOT, "data", "dict", name)
    for name in ("verbs-codes.txt", "verbs-conflict.txt", "verbs-cooperation.txt")
]

# The prepositions of the pattern language (src/lexicon/lexicon.c): a word
# of these after the predicate is read as a preposition, so a particle that
# is one cannot be written as a particle.
PREPOSITIONS = {
    "with", "to", "from", "on", "against", "for", "of", "in", "into", "at", "by",
    "over", "about", "toward", "towards", "upon", "across", "between", "among",
    "under", "after", "through", "onto", "within", "amid", "behind", "near",
}
# Particles that may follow a verb in a two-word phrasal verb.
PARTICLES = {"out", "off", "up", "down", "back", "away", "aside", "apart", "forth", "together", "around"}

LEXFILES = {
    29: "verb.body", 30: "verb.change", 31: "verb.cognition", 32: "verb.communication",
    33: "verb.competition", 34: "verb.consumption", 35: "verb.contact", 36: "verb.creation",
    37: "verb.emotion", 38: "verb.motion", 39: "verb.perception", 40: "verb.possession",
    41: "verb.social", 42: "verb.stative", 43: "verb.weather",
}


def strip_comment(line):
    """Cuts a comment: '#' at the start of a line or after white space."""
    for i, ch in enumerate(line):
        if ch == "#" and (i == 0 or line[i - 1] in " \t"):
            return line[:i]
    return line


def read_dictionaries(paths):
    """Returns (patterns by verb head, set of verb heads) of the verb files.

    A pattern is (code, words after the head, file, line); a verb pattern's
    head is its first word that is not a "<word" (docs/dictionaries.md)."""
    by_head = {}
    for path in paths:
        nominal = False
        with open(path, encoding="utf-8") as f:
            for lineno, raw in enumerate(f, 1):
                line = strip_comment(raw.rstrip("\n")).strip()
                if not line:
                    continue
                if line == "[nouns]":
                    nominal = True
                    continue
                if line == "[verbs]":
                    nominal = False
                    continue
                if line.startswith("&"):
                    continue  # a synset
                words = line.split()
                if nominal or len(words) < 2:
                    continue
                code, body = words[0], words[1:]
                while body and body[0].startswith("<") and len(body[0]) > 1:
                    body = body[1:]
                if not body:
                    continue
                head = body[0].lower()
                by_head.setdefault(head, []).append((code, body[1:], path, lineno))
    return by_head


class WordNet:
    def __init__(self, directory):
        self.dir = directory
        self.index = {}  # lemma -> [synset offsets], most frequent sense first
        with open(os.path.join(directory, "index.verb"), encoding="utf-8") as f:
            for line in f:
                if line.startswith("  "):
                    continue  # the licence at the top
                parts = line.split()
                lemma = parts[0]
                synset_cnt = int(parts[2])
                p_cnt = int(parts[3])
                offsets = parts[4 + p_cnt + 2:]
                self.index[lemma] = offsets[:synset_cnt]
        self.data = open(os.path.join(directory, "data.verb"), "rb")
        self.counts = {}
        cnt = os.path.join(directory, "cntlist.rev")
        if os.path.exists(cnt):
            with open(cnt, encoding="utf-8") as f:
                for line in f:
                    parts = line.split()
                    if len(parts) == 3:
                        self.counts[parts[0]] = int(parts[2])
        self.cache = {}

    def synset(self, offset):
        """(lexicographer file number, [(word, lex_id)], [frame numbers], gloss)."""
        if offset in self.cache:
            return self.cache[offset]
        self.data.seek(int(offset))
        line = self.data.readline().decode("utf-8")
        fields, _, gloss = line.partition(" | ")
        parts = fields.split()
        lexfile = int(parts[1])
        w_cnt = int(parts[3], 16)
        words = []
        for k in range(w_cnt):
            words.append((parts[4 + 2 * k], int(parts[5 + 2 * k], 16)))
        pos = 4 + 2 * w_cnt
        p_cnt = int(parts[pos])
        pos += 1 + 4 * p_cnt
        frames = []
        if pos < len(parts):
            f_cnt = int(parts[pos])
            for k in range(f_cnt):
                frames.append((int(parts[pos + 2 + 3 * k]), int(parts[pos + 3 + 3 * k], 16)))
        result = (lexfile, words, frames, gloss.strip())
        self.cache[offset] = result
        return result

    def sense_number(self, lemma, offset):
        """Which of lemma's senses the synset is (1-based), and how many it has."""
        offsets = self.index.get(lemma, [])
        return (offsets.index(offset) + 1 if offset in offsets else 0), len(offsets)

    def tag_count(self, lemma, lexfile, lex_id):
        return self.counts.get("%s%%2:%02d:%02d::" % (lemma, lexfile, lex_id))


# Verb frames with an object ("Somebody ----s something", ...).
TRANSITIVE_FRAMES = {5, 8, 9, 10, 11, 14, 15, 16, 17, 18, 19, 20, 21, 24, 25, 30, 31}


def transitive(frames, word_number):
    return any(f in TRANSITIVE_FRAMES and (w == 0 or w == word_number) for f, w in frames)


def source_shapes(pats, particle, with_prep):
    """The shapes of a source's patterns that a synonym can take over: what
    follows the predicate (and its particle, for a phrasal source) is
    nothing or TGT, or with --prep a preposition and TGT.  Returns
    [(code, rest)] for the events and [(rest)] for the "---" guards."""
    shapes, guards = [], []
    for code, rest, _, _ in pats:
        if particle:
            if particle not in rest:
                continue
            rest = [w for w in rest if w != particle]
            if rest not in ([], ["TGT"]) and not (with_prep and len(rest) == 2 and rest[0] in PREPOSITIONS
                                                  and rest[1] == "TGT"):
                continue
            if code == "---":
                continue
        elif code == "---":
            if rest and rest != ["TGT"]:
                guards.append(tuple(rest))
            continue
        elif not (rest in ([], ["TGT"]) or (with_prep and len(rest) == 2 and rest[0] in PREPOSITIONS
                                             and rest[1] == "TGT")):
            continue
        if (code, tuple(rest)) not in shapes:
            shapes.append((code, tuple(rest)))
    return shapes, guards


def place(words, rest):
    """The pattern of candidate words ("censure", or "pull out") with the
    shape rest: a particle goes after a direct object, before a preposition."""
    if len(words) == 1:
        return [words[0]] + list(rest)
    verb, particle = words
    if rest == ("TGT",):
        return [verb, "TGT", particle]
    return [verb, particle] + list(rest)


def main():
    ap = argparse.ArgumentParser(
        prog="wordnet-widen.py",
        description="Candidate verb patterns from WordNet synonyms of the verbs of petrel's dictionaries.")
    ap.add_argument("files", nargs="*", help="verb dictionaries (default: the three data/dict/verbs-*.txt)")
    ap.add_argument("--senses", type=int, default=0, metavar="N",
                    help="only the first N WordNet senses of each source lemma (default: all)")
    ap.add_argument("--max-synonym-sense", type=int, default=0, metavar="M",
                    help="only synonyms for which the synset is among their own first M senses (default: all)")
    ap.add_argument("--no-phrasal", action="store_true", help="no two-word phrasal verbs, as sources or candidates")
    ap.add_argument("--prep", action="store_true",
                    help="also mirror the source's 'PREP TGT' patterns ('meet with TGT'); the synonym may not "
                         "take that preposition, check each one")
    ap.add_argument("--taken", action="append", default=[], metavar="FILE",
                    help="heads of FILE count as taken, without being sources (repeatable)")
    ap.add_argument("--wordnet", metavar="DIR",
                    default=os.environ.get("WNSEARCHDIR", "/usr/share/wordnet"),
                    help="the WordNet database directory (default: $WNSEARCHDIR or /usr/share/wordnet)")
    args = ap.parse_args()

    files = args.files or DEFAULT_FILES
    by_head = read_dictionaries(files)
    taken = read_dictionaries(args.taken) if args.taken else {}
    heads = set(by_head) | set(taken)
    try:
        wn = WordNet(args.wordnet)
    except OSError as e:
        sys.exit("wordnet-widen.py: cannot read WordNet in %s (%s); apt-get install wordnet-base" %
                 (args.wordnet, e))

    print("# Candidate verb patterns from WordNet synonyms; generated by:")
    print("#   python3 tools/wordnet-widen.py%s%s%s%s%s%s" % (
        " --senses %d" % args.senses if args.senses else "",
        " --max-synonym-sense %d" % args.max_synonym_sense if args.max_synonym_sense else "",
        " --no-phrasal" if args.no_phrasal else "",
        " --prep" if args.prep else "",
        "".join(" --taken " + os.path.relpath(p, ROOT) for p in args.taken),
        "".join(" " + os.path.relpath(p, ROOT) for p in args.files)))
    print("# Nothing here is reviewed: keep a line only when the synset is the news sense of the")
    print("# source pattern and the new verb means that CAMEO event in news English.")
    print()

    def has_phrasal(verb, particle):
        return any(particle in rest for _, rest, _, _ in by_head.get(verb, []) + taken.get(verb, []))

    # the sources: every verb head, and every phrasal verb "head particle"
    # of the patterns that WordNet lists ("pull out", "crack down")
    sources = [(h, None) for h in by_head]
    if not args.no_phrasal:
        for h in by_head:
            particles = {w for _, rest, _, _ in by_head[h] for w in rest if w in PARTICLES}
            sources += [(h, p) for p in particles if "%s_%s" % (h, p) in wn.index]

    n_lines = 0
    n_sources = 0
    distinct = set()
    skipped_multi = set()
    for head, particle in sorted(sources, key=lambda s: (s[0], s[1] or "")):
        source = head if not particle else "%s %s" % (head, particle)
        shapes, guards = source_shapes(by_head[head], particle, args.prep)
        if not shapes:
            continue
        key = source.replace(" ", "_")
        offsets = wn.index.get(key, [])
        if args.senses:
            offsets = offsets[:args.senses]
        block = []
        for sense, offset in enumerate(offsets, 1):
            lexfile, words, frames, gloss = wn.synset(offset)
            lines = []
            for wnum, (word, lex_id) in enumerate(words, 1):
                lemma = word.lower()
                if lemma == key:
                    continue
                parts = lemma.split("_")
                syn_sense, syn_total = wn.sense_number(lemma, offset)
                if args.max_synonym_sense and syn_sense > args.max_synonym_sense:
                    continue
                if len(parts) == 1:
                    if lemma in heads or not lemma.replace("-", "").isalpha():
                        continue
                    usable = shapes
                elif (len(parts) == 2 and not args.no_phrasal and parts[1] in PARTICLES
                      and parts[1] not in PREPOSITIONS and parts[0] in wn.index):
                    if has_phrasal(*parts):
                        continue  # the verb has patterns with this particle already
                    # a particle after TGT only when WordNet gives the sense an object
                    usable = [(c, r) for c, r in shapes if r != ("TGT",) or transitive(frames, wnum)]
                else:
                    skipped_multi.add(lemma)
                    continue
                count = wn.tag_count(lemma, lexfile, lex_id)
                note = "sense %d/%d%s" % (syn_sense, syn_total, ", tagged %d" % count if count else "")
                for code, rest in usable:
                    text = " ".join(place(parts, rest))
                    lines.append("%-7s %-32s # wordnet: %s  (%s)" % (code, text, source, note))
                    distinct.add(text)
                if usable and len(parts) == 1:
                    for rest in guards:
                        text = " ".join([lemma] + list(rest))
                        lines.append("%-7s %-32s # wordnet: %s  (guard, as the source's)" % ("---", text, source))
            if lines:
                block.append("# %s sense %d/%d, %s: %s" % (source, sense, len(wn.index[key]),
                                                           LEXFILES.get(lexfile, str(lexfile)), gloss))
                block.append("#   synset: %s" % ", ".join(w.replace("_", " ") for w, _ in words))
                block.extend(lines)
                n_lines += sum(1 for l in lines if not l.startswith("---"))
        if block:
            n_sources += 1
            print("# ---- %s: %s" % (source, "; ".join(
                "%s %s" % (code, " ".join(place(source.split(), rest))) for code, rest in shapes)))
            print("\n".join(block))
            print()

    print("wordnet-widen.py: %d candidate lines (%d distinct patterns) from %d of %d sources "
          "(%d verb heads); %d multi-word entries skipped" % (n_lines, len(distinct), n_sources, len(sources),
                                                              len(by_head), len(skipped_multi)),
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
