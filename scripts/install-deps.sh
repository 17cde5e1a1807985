#!/usr/bin/env bash
# Installs the one system library creditcast needs, libcsv-dev, when it is missing.
set -euo pipefail
if [ ! -f /usr/include/csv.h ]; then
    echo "Installing libcsv-dev (the C CSV parser creditcast reads files with)..." >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq libcsv-dev >/dev/null
fi
