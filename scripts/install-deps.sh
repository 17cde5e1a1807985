#!/usr/bin/env bash
# Installs the system packages creditcast needs, when they are missing.
#
#   scripts/install-deps.sh               libcsv-dev: the C CSV parser creditcast reads files with, and
#                                         libxlsxwriter-dev: the C library it writes Excel workbooks with
#   scripts/install-deps.sh --with-calc   also LibreOffice Calc (headless), which the output-safety
#                                         tests open exported CSV files in; CI installs it, users
#                                         may skip it (those tests are then skipped, saying why)
#   scripts/install-deps.sh --with-slurm  also Slurm (slurm-wlm) and munge, for the cluster on
#                                         loopback that scripts/slurm-test.sh runs the shards on
#   scripts/install-deps.sh --with-yaml   also PyYAML (python3-yaml), which
#                                         scripts/kubernetes-index-test.sh reads the manifest with
set -euo pipefail

packages=()
[ -f /usr/include/csv.h ] || packages+=(libcsv-dev)
[ -f /usr/include/xlsxwriter.h ] || packages+=(libxlsxwriter-dev)
for arg in "$@"; do
    case "$arg" in
        --with-calc) command -v soffice >/dev/null 2>&1 || command -v libreoffice >/dev/null 2>&1 || packages+=(libreoffice-calc-nogui) ;;
        --with-slurm)
            command -v slurmctld >/dev/null 2>&1 && command -v slurmd >/dev/null 2>&1 && command -v sbatch >/dev/null 2>&1 || packages+=(slurm-wlm)
            command -v munged >/dev/null 2>&1 || packages+=(munge) ;;
        --with-yaml) python3 -c 'import yaml' >/dev/null 2>&1 || packages+=(python3-yaml) ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) echo "install-deps.sh: unknown option $arg" >&2; exit 64 ;;
    esac
done
[ ${#packages[@]} -gt 0 ] || exit 0

echo "Installing ${packages[*]}..." >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
