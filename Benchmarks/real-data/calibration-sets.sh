#!/usr/bin/env bash
# The calibration table's datasets beside statsforecast: the bundled samples and the generated
# portfolios of `creditcast-bench calibration` (steady, each behaviour, all four), written as
# usage files and run through run.sh, so each gets the peers' table the real panels get.
#
#   bash Benchmarks/real-data/calibration-sets.sh [set ...]   # default: every set
#
# Sets: team, portfolio, steady, trend, seasonality, heavy-users, seats-joining, all-four.
# WORKSPACES (default 200, the calibration table's) generated workspaces per set: AutoARIMA fits
# every workspace at every origin, about a tenth of a second each, so every set takes a few
# minutes the first time (the peers' forecasts are cached after). BENCH names creditcast-bench
# (default: the release build); run.sh's OUT, ORIGINS, PEERS_CACHE and BY_WORKSPACE pass through.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bench="${BENCH:-$root/.build/release/creditcast-bench}"
sets=("$@")
[[ ${#sets[@]} -gt 0 ]] || sets=(team portfolio steady trend seasonality heavy-users seats-joining all-four)
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT

for set in "${sets[@]}"; do
  case "$set" in
    team)
      # No workspace column: its one workspace is "workspace", as creditcast names it.
      python3 - "$root/samples/team-usage.csv" "$dir/team.csv" <<'PY'
import csv, sys
with open(sys.argv[1], newline="") as source, open(sys.argv[2], "w", newline="") as out:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["workspace", "seat", "month", "credits"])
    for row in csv.DictReader(source):
        writer.writerow(["workspace", row["user_email"], row["month"], row["credits_used"]])
PY
      ;;
    portfolio)
      cp "$root/samples/portfolio-usage.csv" "$dir/portfolio.csv"
      cp "$root/samples/workspaces.csv" "$dir/portfolio.workspaces.csv"
      ;;
    all-four) "$bench" behaviour-usage --behaviour trend+seasonality+heavy-users+seats-joining \
      --workspaces "${WORKSPACES:-200}" --out "$dir/all-four.csv" > /dev/null ;;
    *) "$bench" behaviour-usage --behaviour "$set" --workspaces "${WORKSPACES:-200}" --out "$dir/$set.csv" > /dev/null ;;
  esac
done
PANELS="$dir" bash "$here/run.sh" "${sets[@]}"
