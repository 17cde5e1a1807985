#!/usr/bin/env bash
# Peak memory and wall time of whole commands, reports included, as the portfolio grows: a
# benchmark, not a test (nothing here passes or fails on speed).
#
#   scripts/bench-scale.sh [SIZES...]   build release, generate the portfolios, run each command
#                                       under /usr/bin/time -v and print one line per run
#
# SIZES are workspace counts (default: 10000 100000 1000000). Portfolios come from
# `creditcast-bench generate-portfolio --min-seats 1 --max-seats 3 --months 12`, except the
# million, which is one row per workspace (--min-seats 1 --max-seats 1 --months 1). Each size runs
# `forecast` and `watchlist` with --trials 1000 (default horizon, default charts), and `backtest`
# (--trials 1000, its six origins and four models), which at the million runs on workspaces of
# 12 months as below it (a one-month history leaves no origin; a 1.2 GB file). Then the
# 1,000-workspace forecast runs three ways for the report-writing share: reports on disk, on
# tmpfs (/dev/shm, where syncing costs nothing) and with --charts none.
#
# Environment: BENCH_DATA (default bench-data, git-ignored: never commit it), BENCH_SCRATCH
# (default .build-bench), BENCH_THREADS (default: every core).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${BENCH_DATA:-bench-data}
SCRATCH=${BENCH_SCRATCH:-.build-bench}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10000 100000 1000000)
THREADS=()
[ -z "${BENCH_THREADS:-}" ] || THREADS=(--threads "$BENCH_THREADS")
[ -x /usr/bin/time ] || { echo "bench-scale.sh: needs /usr/bin/time (Debian package time)" >&2; exit 1; }

echo "== building creditcast and creditcast-bench (release)" >&2
swift build -c release --scratch-path "$SCRATCH" --product creditcast >&2
swift build -c release --scratch-path "$SCRATCH" --product creditcast-bench >&2
BIN="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)"
mkdir -p "$DATA"

# portfolio N [yearly]: the directory of an N-workspace portfolio, generated once: one row per
# workspace at the million unless `yearly` is asked for, 12 months of one to three seats otherwise.
portfolio() {
    local n=$1 dir="$DATA/scale-$1"
    local one_row=$(( n >= 1000000 ))
    if [ "${2:-}" = yearly ] && [ "$one_row" = 1 ]; then dir="$DATA/scale-$1-yearly"; one_row=0; fi
    if [ ! -f "$dir/workspaces.csv" ]; then
        if [ "$one_row" = 1 ]; then
            "$BIN/creditcast-bench" generate-portfolio --workspaces "$n" --min-seats 1 --max-seats 1 --months 1 --out "$dir" >&2
        else
            "$BIN/creditcast-bench" generate-portfolio --workspaces "$n" --min-seats 1 --max-seats 3 --months 12 --out "$dir" >&2
        fi
    fi
    echo "$dir"
}

# measure LABEL OUT COMMAND...: runs creditcast COMMAND with --out OUT and prints LABEL, wall
# seconds, CPU seconds (user and system, every thread: the figure a busy machine changes least)
# and peak resident set in MiB (the `peak_mb` field).
measure() {
    local label=$1 out=$2; shift 2
    rm -rf "$out"
    local report
    report=$( { /usr/bin/time -v "$BIN/creditcast" "$@" "${THREADS[@]}" --quiet --out "$out" >/dev/null; } 2>&1 ) || {
        echo "$report" >&2; echo "bench-scale.sh: $label failed" >&2; return 1; }
    local wall cpu rss
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' <<<"$report" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }')
    cpu=$(awk -F': ' '/User time \(seconds\)|System time \(seconds\)/ { s += $2 } END { printf "%.2f", s }' <<<"$report")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' <<<"$report")
    printf '%-44s wall_s=%-8s cpu_s=%-8s peak_mb=%s\n' "$label" "$wall" "$cpu" "$((rss / 1024))"
    rm -rf "$out"
}

for n in "${SIZES[@]}"; do
    dir=$(portfolio "$n")
    for command in forecast watchlist; do
        measure "$command $n workspaces" "$DATA/scale-out" "$command" --usage "$dir/usage.csv" --workspaces "$dir/workspaces.csv" --trials 1000
    done
    dir=$(portfolio "$n" yearly)
    measure "backtest $n workspaces" "$DATA/scale-out" backtest --usage "$dir/usage.csv" --workspaces "$dir/workspaces.csv" --trials 1000
done

dir=$(portfolio 1000)
shm=/dev/shm/creditcast-bench-$$
for round in 1 2 3; do
    measure "forecast 1000 workspaces, disk (round $round)" "$DATA/scale-out" forecast --usage "$dir/usage.csv" --workspaces "$dir/workspaces.csv" --trials 1000
    measure "forecast 1000 workspaces, tmpfs (round $round)" "$shm" forecast --usage "$dir/usage.csv" --workspaces "$dir/workspaces.csv" --trials 1000
    measure "forecast 1000 workspaces, --charts none (round $round)" "$DATA/scale-out" forecast --usage "$dir/usage.csv" --workspaces "$dir/workspaces.csv" --trials 1000 --charts none
    measure "forecast 1000 workspaces, --charts all (round $round)" "$DATA/scale-out" forecast --usage "$dir/usage.csv" --workspaces "$dir/workspaces.csv" --trials 1000 --charts all
done
