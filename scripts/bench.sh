#!/usr/bin/env bash
# creditcast benchmarks, and the optional numpy/pandas peer, on the same generated input.
#
#   scripts/bench.sh            build release, generate bench-data/, run everything, print a table
#   scripts/bench.sh --quick    one run of each instead of three
#   scripts/bench.sh --no-peer  creditcast only
#
# Environment: BENCH_DATA (default bench-data, git-ignored: never commit it), BENCH_SCRATCH
# (default .build-bench), PYTHON (default python3), BENCH_SEED (default 1).
#
# Figures: wall seconds, best of RUNS (median beside it); peak resident set (VmHWM) in MB, each
# import measured in a fresh process. The ratio column is peer time / creditcast time (peer MB /
# creditcast MB for memory): above 1 means creditcast is ahead. creditcast uses every core (the
# engine's default); the numpy peer runs on one, so the portfolio is also run with --threads 1.
# The raw lines of every run are kept in $BENCH_DATA/results.txt.
set -euo pipefail

cd "$(dirname "$0")/.."
DATA=${BENCH_DATA:-bench-data}
SCRATCH=${BENCH_SCRATCH:-.build-bench}
PYTHON=${PYTHON:-python3}
SEED=${BENCH_SEED:-1}
RUNS=3
PEER=1
for arg in "$@"; do
    case "$arg" in
        --quick) RUNS=1 ;;
        --no-peer) PEER=0 ;;
        -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
        *) echo "bench.sh: unknown option $arg" >&2; exit 2 ;;
    esac
done

echo "== building creditcast-bench (release)" >&2
swift build -c release --scratch-path "$SCRATCH" --product creditcast-bench >&2
BIN="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/creditcast-bench"

mkdir -p "$DATA"
RESULTS="$DATA/results.txt"
: > "$RESULTS"
USAGE_1M="$DATA/usage-1m.csv"
PORTFOLIO="$DATA/portfolio"

echo "== generating data in $DATA/ (seed $SEED)" >&2
"$BIN" generate-usage --rows 1000000 --workspaces 1000 --months 24 --seed "$SEED" --out "$USAGE_1M" | tee -a "$RESULTS" >&2
"$BIN" generate-portfolio --workspaces 1000 --min-seats 5 --max-seats 50 --months 24 --seed "$SEED" --out "$PORTFOLIO" | tee -a "$RESULTS" >&2

# field LINE KEY: the value of KEY=… in a one-line figure.
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }

# best, median and max of numbers on stdin: "best median max".
stats() { grep -v "^$" | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) { print "- - -"; exit }
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%s %s %s\n", v[1], m, v[NR] }'; }

# run NAME CMD…: runs a benchmark command, keeps its lines, prints the figure line NAME.
run() {
    local name=$1; shift
    local out
    out=$("$@" 2>&1) || { echo "$out" >&2; echo "bench.sh: $name failed" >&2; return 1; }
    printf '%s\n' "$out" >>"$RESULTS"
    printf '%s\n' "$out" >&2
    grep -m1 "^$name " <<<"$out" || true
}

# Fresh-process imports: RUNS processes, each loading once.
fresh_imports() {
    local name=$1; shift
    local walls="" peaks="" cpus="" line
    for _ in $(seq "$RUNS"); do
        line=$(run "$name" "$@")
        [ -n "$line" ] || return 0
        walls+="$(field "$line" wall_s)"$'\n'
        peaks+="$(field "$line" peak_mb)"$'\n'
        cpus+="$(field "$line" cpu_s)"$'\n'
    done
    read -r wbest wmed _ < <(printf '%s' "$walls" | stats) || true
    read -r _ _ pmax < <(printf '%s' "$peaks" | stats) || true
    read -r cbest _ _ < <(printf '%s' "$cpus" | stats) || true
    echo "$wbest $wmed $pmax $cbest"
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
echo "== creditcast" >&2
# The floor: libcsv alone on the same file (Benchmarks/libcsv-floor/floor.c), if cc can build it.
FLOOR_S=- FLOOR_CPU=- FLOOR_SPACE_CPU=-
FLOOR="$SCRATCH/libcsv-floor"
if cc -O2 -o "$FLOOR" Benchmarks/libcsv-floor/floor.c -lcsv 2>/dev/null; then
    read -r FLOOR_S _ _ FLOOR_CPU < <(fresh_imports libcsv-floor "$FLOOR" "$USAGE_1M") || true
    read -r _ _ _ FLOOR_SPACE_CPU < <(fresh_imports libcsv-floor "$FLOOR" "$USAGE_1M" --space-func) || true
else
    echo "(libcsv floor skipped: cc or libcsv-dev missing)" >&2
fi
read -r CC_IMPORT_S CC_IMPORT_MED CC_IMPORT_MB CC_IMPORT_CPU < <(fresh_imports import "$BIN" import "$USAGE_1M" --once) || true
ONE=$(run forecast-one "$BIN" forecast-one --repeat "$RUNS" --seed "$SEED")
PB=$(run portfolio "$BIN" portfolio "$PORTFOLIO" --model bootstrap --trials 2000 --horizon 12 --repeat "$RUNS" --seed "$SEED")
CC_CHECK_B=$(grep '^check' "$RESULTS" | tail -1)
PS=$(run portfolio "$BIN" portfolio "$PORTFOLIO" --model seats --trials 2000 --horizon 12 --repeat "$RUNS" --seed "$SEED")
CC_CHECK_S=$(grep '^check' "$RESULTS" | tail -1)
PB1=$(run portfolio "$BIN" portfolio "$PORTFOLIO" --model bootstrap --trials 2000 --horizon 12 --repeat "$RUNS" --threads 1 --seed "$SEED")
PS1=$(run portfolio "$BIN" portfolio "$PORTFOLIO" --model seats --trials 2000 --horizon 12 --repeat "$RUNS" --threads 1 --seed "$SEED")

# The peer: optional. OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE, set on some machines for old OpenBLAS
# builds, slow a current numpy: they are unset for the peer's commands only.
PEER_NOTE=""
PEER_IMPORT_S=- PEER_IMPORT_MED=- PEER_IMPORT_MB=- PEER_IMPORT_CPU=- PEER_B_CPU=- PEER_S_CPU=- PEER_B=- PEER_B_MED=- PEER_S=- PEER_S_MED=- PEER_B_MB=- PEER_S_MB=-
PEER_CHECK_B="" PEER_CHECK_S=""
if [ "$PEER" = 0 ]; then
    PEER_NOTE="peer skipped: --no-peer"
elif ! command -v "$PYTHON" >/dev/null 2>&1; then
    PEER_NOTE="peer skipped: $PYTHON not found"
else
    PY=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$PYTHON" Benchmarks/peer/peer.py)
    probe=$("${PY[@]}" probe 2>&1 || true)
    if grep -q '^peer skipped' <<<"$probe"; then
        PEER_NOTE=$(grep -m1 '^peer skipped' <<<"$probe")
    elif ! grep -q '^peer-ok' <<<"$probe"; then
        PEER_NOTE="peer skipped: peer.py failed: $(tail -1 <<<"$probe")"
    else
        echo "== numpy/pandas peer" >&2
        read -r PEER_IMPORT_S PEER_IMPORT_MED PEER_IMPORT_MB PEER_IMPORT_CPU < <(fresh_imports peer-import "${PY[@]}" import "$USAGE_1M" --once) || true
        for model in bootstrap seats; do
            walls=""
            peaks=""
            cpus=""
            for _ in $(seq "$RUNS"); do
                line=$(run peer-portfolio "${PY[@]}" portfolio "$PORTFOLIO" --model "$model" --trials 2000 --horizon 12 --seed "$SEED")
                walls+="$(field "$line" wall_s)"$'\n'
                peaks+="$(field "$line" peak_mb)"$'\n'
                cpus+="$(field "$line" cpu_s)"$'\n'
            done
            read -r cbest _ _ < <(printf '%s' "$cpus" | stats) || true
            read -r best med _ < <(printf '%s' "$walls" | stats) || true
            read -r _ _ pmax < <(printf '%s' "$peaks" | stats) || true
            if [ "$model" = bootstrap ]; then PEER_B=$best PEER_B_MED=$med PEER_B_MB=$pmax PEER_B_CPU=$cbest; PEER_CHECK_B=$(grep '^check who=peer' "$RESULTS" | tail -1)
            else PEER_S=$best PEER_S_MED=$med PEER_S_MB=$pmax PEER_S_CPU=$cbest; PEER_CHECK_S=$(grep '^check who=peer' "$RESULTS" | tail -1); fi
        done
        PEER_NOTE="peer: numpy $(field "$probe" numpy), pandas $(field "$probe" pandas), python $(field "$probe" python); one thread"
    fi
fi

# ratio A B: A / B with two decimals and an x, or - when either is missing.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || a == "" || b == "" || b + 0 == 0) print "-"; else printf "%.1fx\n", a / b }'; }
# verdict VALUE LIMIT: "ok" when VALUE < LIMIT, else "MISSED".
verdict() { awk -v v="$1" -v l="$2" 'BEGIN { if (v == "-" || v == "") print "?"; else if (v + 0 < l + 0) print "ok"; else print "MISSED" }'; }
# verdict_ratio RATIO MIN: "ok" when the peer/creditcast ratio is at least MIN.
verdict_ratio() { awk -v r="${1%x}" -v m="$2" 'BEGIN { if (r == "-" || r == "") print "?"; else if (r + 0 >= m + 0) print "ok"; else print "MISSED" }'; }

ONE_S=$(field "$ONE" wall_s)
PB_S=$(field "$PB" wall_s); PS_S=$(field "$PS" wall_s)
PB1_S=$(field "$PB1" wall_s); PS1_S=$(field "$PS1" wall_s)
R_PB=$(ratio "$PEER_B" "$PB_S"); R_PS=$(ratio "$PEER_S" "$PS_S")

echo
echo "creditcast benchmarks — $(nproc) cores, $(uname -m), best of $RUNS (median)  [$(date -u +%Y-%m-%dT%H:%MZ)]"
echo "load average before / after: $LOAD_BEFORE / $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")  (anything else running skews these figures)"
fmt='%-40s %-18s %-18s %-9s %-10s %s\n'
# shellcheck disable=SC2059
{
printf "$fmt" "benchmark" "creditcast" "peer (numpy)" "peer/cc" "target" "verdict"
printf "$fmt" "----------------------------------------" "------------------" "------------------" "---------" "----------" "-------"
printf "$fmt" "import 1M rows: wall s (fresh process)" "$CC_IMPORT_S ($CC_IMPORT_MED)" "$PEER_IMPORT_S ($PEER_IMPORT_MED)" "$(ratio "$PEER_IMPORT_S" "$CC_IMPORT_S")" "< 0.5" "$(verdict "$CC_IMPORT_S" 0.5)"
printf "$fmt" "  CPU s (user+sys)" "$CC_IMPORT_CPU" "$PEER_IMPORT_CPU" "$(ratio "$PEER_IMPORT_CPU" "$CC_IMPORT_CPU")" "" ""
printf "$fmt" "  libcsv alone (floor): wall / CPU s" "$FLOOR_S / $FLOOR_CPU" "" "" "" "(CPU with a space func: $FLOOR_SPACE_CPU)"
printf "$fmt" "import 1M rows: peak MB" "$CC_IMPORT_MB" "$PEER_IMPORT_MB" "$(ratio "$PEER_IMPORT_MB" "$CC_IMPORT_MB")" "< 100" "$(verdict "$CC_IMPORT_MB" 100)"
printf "$fmt" "forecast-one (100 seats, 10k tr, h24) s" "$ONE_S ($(field "$ONE" median_s))" "-" "-" "< 0.5" "$(verdict "$ONE_S" 0.5)"
printf "$fmt" "portfolio bootstrap: import+forecast s" "$PB_S ($(field "$PB" median_s))" "$PEER_B ($PEER_B_MED)" "$R_PB" "< 1, >=5x" "$(verdict "$PB_S" 1) / $(verdict_ratio "$R_PB" 5)"
printf "$fmt" "  of which import s / forecast s" "$(field "$PB" import_s) / $(field "$PB" forecast_s)" "" "" "" ""
printf "$fmt" "  CPU s (user+sys, all threads)" "$(field "$PB" cpu_s)" "$PEER_B_CPU" "$(ratio "$PEER_B_CPU" "$(field "$PB" cpu_s)")" "" ""
printf "$fmt" "  with --threads 1" "$PB1_S ($(field "$PB1" median_s))" "$PEER_B" "$(ratio "$PEER_B" "$PB1_S")" "" ""
printf "$fmt" "  peak MB" "$(field "$PB" peak_mb)" "$PEER_B_MB" "$(ratio "$PEER_B_MB" "$(field "$PB" peak_mb)")" "" ""
printf "$fmt" "portfolio seats: import+forecast s" "$PS_S ($(field "$PS" median_s))" "$PEER_S ($PEER_S_MED)" "$R_PS" "< 3, >=5x" "$(verdict "$PS_S" 3) / $(verdict_ratio "$R_PS" 5)"
printf "$fmt" "  of which import s / forecast s" "$(field "$PS" import_s) / $(field "$PS" forecast_s)" "" "" "" ""
printf "$fmt" "  CPU s (user+sys, all threads)" "$(field "$PS" cpu_s)" "$PEER_S_CPU" "$(ratio "$PEER_S_CPU" "$(field "$PS" cpu_s)")" "" ""
printf "$fmt" "  with --threads 1" "$PS1_S ($(field "$PS1" median_s))" "$PEER_S" "$(ratio "$PEER_S" "$PS1_S")" "" ""
printf "$fmt" "  peak MB" "$(field "$PS" peak_mb)" "$PEER_S_MB" "$(ratio "$PEER_S_MB" "$(field "$PS" peak_mb)")" "" ""
}
echo
echo "inputs: $USAGE_1M ($(field "$(grep '^generate-usage' "$RESULTS")" mb) MB, $(field "$(grep '^generate-usage' "$RESULTS")" rows) rows);" \
     "$PORTFOLIO ($(field "$(grep '^generate-portfolio' "$RESULTS")" workspaces) workspaces, $(field "$(grep '^generate-portfolio' "$RESULTS")" rows) rows); trials 2000, horizon 12"
echo "$PEER_NOTE"
echo "peer 'seats' is a per-seat lognormal model; creditcast's 'seats' model adds a common factor and a damped trend: times compare, figures differ."
echo "same-work check (means over workspaces; bootstrap should agree within Monte Carlo noise):"
for line in "$CC_CHECK_B" "$PEER_CHECK_B" "$CC_CHECK_S" "$PEER_CHECK_S"; do [ -n "$line" ] && echo "  $line"; done
echo "raw lines: $RESULTS"
