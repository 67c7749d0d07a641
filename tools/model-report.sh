#!/bin/sh
# model-report.sh - the figures models/MANIFEST.md records: accuracy of the
# models on the UD dev and test sets (gold tokens and raw text), file sizes
# and checksums, and the floor lines the test suite reads.
#
#   sh tools/model-report.sh BUILD_DIR SHARED_DATA_DIR [MODELS_DIR]
set -eu
build=${1:-build}
shared=${2:-../shared/data}
models=${3:-models}
ud=$shared/ud
echo "| set | tokens | UPOS | XPOS | UFeats | Lemmas | UAS | LAS |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
floors=""
for f in en_ewt-ud-dev en_gum-ccby-ud-dev en_ewt-ud-test en_gum-ccby-ud-test; do
    out=$("$build/petrel" eval parse --models "$models" --gold "$ud/$f.conllu")
    # columns: gold-token figure is field 2; raw-text F1 is the last field
    gold=$(echo "$out" | awk '$1 ~ /^(UPOS|XPOS|UFeats|Lemmas|UAS|LAS)$/ {printf " %s |", $2}')
    raw=$(echo "$out" | awk '$1 ~ /^(UPOS|XPOS|UFeats|Lemmas|UAS|LAS)$/ {printf " %s |", $NF}')
    echo "| $f | gold |$gold"
    echo "| $f | raw text |$raw"
    case $f in
    *test) floors="$floors
floor $f UPOS $(echo "$out" | awk '$1 == "UPOS" {print $2}') LAS $(echo "$out" | awk '$1 == "LAS" {print $2}')" ;;
    esac
done
gt=$("$build/petrel" eval parse --models "$models" --gold "$ud/en_ewt-ud-test.conllu" --gold-tags | awk '$1 ~ /^(UAS|LAS)$/ {printf "%s %s  ", $1, $2}')
echo
echo "EWT test with gold tags (the parser alone): $gt"
echo "$floors"
echo
for m in "$models"/*.model; do
    echo "$(basename "$m") $(wc -c < "$m") bytes sha256 $(sha256sum "$m" | cut -c1-64)"
done
