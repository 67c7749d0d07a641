#!/bin/sh
# deps.sh - installs the Debian packages petrel needs, when they are missing.
#
#   sh tools/deps.sh          packages to build and test petrel
#   sh tools/deps.sh fuzz     ... and clang with libFuzzer, for `make fuzz`
#
# Idempotent: installed packages are left alone and apt is not touched when
# nothing is missing.  As root it installs; otherwise it prints the exact
# apt-get command to run and stops.
set -eu

packages="gcc make pkg-config libc6-dev libutf8proc-dev libcjson-dev libexpat1-dev"
if [ "${1:-}" = fuzz ]; then
    packages="$packages clang libclang-rt-14-dev"
fi

missing=""
for p in $packages; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done

if [ -z "$missing" ]; then
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "petrel needs these Debian packages:$missing" >&2
    echo "run as root:  apt-get install -y$missing" >&2
    exit 1
fi

echo "petrel: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2 || true
# shellcheck disable=SC2086
apt-get install -y -qq $missing >&2
