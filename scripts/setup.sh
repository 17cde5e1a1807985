#!/usr/bin/env bash
# Sets up creditcast on Debian or Ubuntu with Swift: installs libcsv-dev and libxlsxwriter-dev when missing, builds the
# release binary and, unless --no-demo is given, runs a forecast of the bundled team sample.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh

swift build -c release --product creditcast

if [ "${1:-}" != "--no-demo" ]; then
    .build/release/creditcast forecast --usage samples/team-usage.csv --plan growth \
        --horizon 12 --trials 10000 --seed 1 --out creditcast-report
fi
