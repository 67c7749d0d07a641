#!/bin/sh
# train-models.sh - `make models`: retrains petrel's tagger and parser from
# the UD English treebanks and writes models/en-tagger.model and
# models/en-parser.model (the commands recorded in models/MANIFEST.md).
#
#   sh tools/train-models.sh BUILD_DIR SHARED_DATA_DIR [MODELS_DIR]
#
# Deterministic: the same data, seed and petrel give the same files.  Runs
# niced, one training at a time (about 9 minutes on this 2-core machine).
set -eu
build=${1:-build}
shared=${2:-../shared/data}
out=${3:-models}
ud=$shared/ud
for f in en_ewt-ud-train en_gum-ccby-ud-train en_ewt-ud-dev en_gum-ccby-ud-dev; do
    if [ ! -f "$ud/$f.conllu" ]; then
        echo "train-models: $ud/$f.conllu is absent; cannot train" >&2
        exit 1
    fi
done
news=$shared/news/synthetic_stories.jsonl
unlabeled=""
if [ -f "$news" ]; then
    unlabeled="--unlabeled $news"
fi
train=$ud/en_ewt-ud-train.conllu,$ud/en_gum-ccby-ud-train.conllu
dev=$ud/en_ewt-ud-dev.conllu,$ud/en_gum-ccby-ud-dev.conllu
mkdir -p "$out"
# shellcheck disable=SC2086
nice "$build/petrel" train tagger --train "$train" --dev "$dev" $unlabeled \
    --seed 1 --epochs 12 --runs 3 --max-mb 8 -o "$out/en-tagger.model"
# shellcheck disable=SC2086
nice "$build/petrel" train parser --train "$train" --dev "$dev" $unlabeled \
    --jackknife 4 --tagger "$out/en-tagger.model" --explore 60 --runs 3 \
    --seed 1 --epochs 10 --max-mb 14 -o "$out/en-parser.model"
ls -l "$out"/*.model
