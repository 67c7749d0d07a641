#!/bin/sh
# run.sh - `make bench`: petrel's throughput and memory on the shared corpus.
#   sh bench/run.sh BUILD_DIR SHARED_DATA_DIR
set -eu
build=${1:-build}
shared=${2:-../shared/data}
corpus=$shared/news/synthetic_stories.jsonl
if [ ! -f "$corpus" ]; then
    echo "bench: $corpus is absent; nothing to measure" >&2
    exit 0
fi
cores=$(nproc)
cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //' || echo unknown)
echo "petrel bench on $(uname -m), $cores cores ($cpu); one thread per figure, so per core = total"
echo "corpus: $corpus ($(wc -c < "$corpus") bytes)"
echo
# throughput: the corpus read 8 times in a row
"$build/petrel-bench" tokenize "$corpus" --repeat 8
# memory stays flat as input grows: 1x and 8x the corpus, same peak
"$build/petrel-bench" tokenize "$corpus" --repeat 1
# tagging and parsing (models from models/ or $PETREL_MODELS): load time,
# end-to-end tokens/s, the tagger's and the parser's own tokens/s; peak
# memory at 1x and 4x the corpus
if [ -f "${PETREL_MODELS:-models}/en-tagger.model" ]; then
    "$build/petrel-bench" tag "$corpus" --repeat 1
    "$build/petrel-bench" tag "$corpus" --repeat 4
    "$build/petrel-bench" parse "$corpus" --repeat 1
    "$build/petrel-bench" parse "$corpus" --repeat 4
    # the whole coder: read, tokenize, tag, parse, code
    "$build/petrel-bench" code "$corpus" --repeat 1
else
    echo "bench: no models in ${PETREL_MODELS:-models}/; tag and parse not measured (make models)" >&2
fi
