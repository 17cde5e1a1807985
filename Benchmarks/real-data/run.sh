#!/usr/bin/env bash
# The real-data suite: builds the panels, runs `creditcast backtest --horizon 6 --origins 6
# --trials 1000` on each, scores statsforecast's peers on the same targets in the same run, and
# prints one table per panel (see README.md next to this script).
#
#   bash Benchmarks/real-data/run.sh [panel ...]        # default: every panel
#
# CREDITCAST names the binary (default: .build/release/creditcast, else .build/debug/creditcast);
# OUT the directory for the backtest reports (default: a temporary directory); MODELS extra
# `--model` values for creditcast (default: none, so `seats` and the baselines); PEERS_CACHE the
# directory the peers' forecasts are kept in between runs (default: .build/real-data-peers);
# ORIGINS the backtest's origins (default: 6, the suite's; more scores more months per panel);
# BY_WORKSPACE=1 adds a table per panel of `seats` against the best peer, workspace by workspace;
# PANELS a directory of other usage files to run instead of the suite's (PANEL.csv for each
# PANEL named, with PANEL.workspaces.csv as --workspaces where there is one; `calibration-sets.sh`
# uses it).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
if [[ -z "${CREDITCAST:-}" ]]; then
  CREDITCAST="$root/.build/release/creditcast"
  [[ -x "$CREDITCAST" ]] || CREDITCAST="$root/.build/debug/creditcast"
fi
out="${OUT:-$(mktemp -d)}"
panels=("$@")
[[ ${#panels[@]} -gt 0 ]] || panels=(employment home-sales storms flights births)

panels_dir="${PANELS:-$here/panels}"
[[ -n "${PANELS:-}" ]] || python3 "$here/make-panels.py" "$here/panels" > /dev/null
model_flags=()
for model in ${MODELS:-}; do model_flags+=(--model "$model"); done

for panel in "${panels[@]}"; do
  usage="$panels_dir/$panel.csv"
  workspaces=()
  [[ -f "$panels_dir/$panel.workspaces.csv" ]] && workspaces=(--workspaces "$panels_dir/$panel.workspaces.csv")
  start=$(date +%s.%N)
  "$CREDITCAST" backtest --usage "$usage" --plan pro --horizon 6 --origins "${ORIGINS:-6}" --trials 1000 \
    ${workspaces[@]+"${workspaces[@]}"} \
    ${model_flags[@]+"${model_flags[@]}"} --out "$out/$panel" --quiet
  end=$(date +%s.%N)
  python3 "$here/peers.py" "$usage" "$out/$panel" --name "$panel" --cache "${PEERS_CACHE:-$root/.build/real-data-peers}" \
    ${BY_WORKSPACE:+--by-workspace}
  awk -v s="$start" -v e="$end" 'BEGIN { printf "creditcast backtest (every model above, one process): %.2f s\n\n", e - s }'
done
