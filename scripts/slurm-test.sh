#!/usr/bin/env bash
# The sharded run on a real scheduler: starts a Slurm cluster on this machine
# (scripts/slurm-cluster.sh, 3 nodes), submits a forecast in 4 shards and a watchlist in 5
# shards of samples/portfolio-usage.csv with deploy/slurm/submit.sh (the watchlist split first,
# CREDITCAST_SPLIT=1, so each shard reads only its part), kills shard 2 of the forecast
# on its first attempt so that it is requeued, waits (bounded) for both merges, and checks that
# each merged report equals a single unsharded run byte for byte (`diff -r`). Every daemon is
# stopped on exit, whether the test passed or not.
#
#   bash scripts/slurm-test.sh                   as root, with slurm-wlm and munge installed
#                                                (bash scripts/install-deps.sh --with-slurm)
#   CREDITCAST=/path/to/creditcast bash scripts/slurm-test.sh
#
# It uses the debug build CI's test step leaves (.build/debug/creditcast), building it when
# missing. About 40 s here, most of it the forecasts themselves.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

# Bounded waits: the whole test gives up after this many seconds of waiting for Slurm.
timeout_seconds=${SLURM_TEST_TIMEOUT:-300}

creditcast=${CREDITCAST:-$repo/.build/debug/creditcast}
if [ -z "${CREDITCAST:-}" ] && [ ! -x "$creditcast" ]; then swift build --product creditcast; fi
[ -x "$creditcast" ] || { echo "slurm-test.sh: no creditcast at $creditcast" >&2; exit 1; }

work=$(mktemp -d /tmp/creditcast-slurm-test.XXXXXX)
export CREDITCAST_SLURM_DIR="$work/cluster"
export SLURM_CONF="$CREDITCAST_SLURM_DIR/slurm.conf"
cleanup() {
    local status=$?
    bash "$repo/scripts/slurm-cluster.sh" stop || status=1
    if [ "$status" -ne 0 ]; then
        # Leave the evidence for a failed run: the logs of every job and daemon.
        echo "slurm-test.sh: FAILED; logs in $work/runs/*/logs and $CREDITCAST_SLURM_DIR/log" >&2
    else
        rm -rf "$work"
    fi
    exit "$status"
}
trap cleanup EXIT

fail() { echo "slurm-test.sh: $*" >&2; exit 1; }

bash scripts/slurm-cluster.sh start

# The failure: a wrapper around creditcast that, on the first attempt of forecast shard 2,
# starts the shard and kills it with SIGKILL, as the kernel's OOM killer or an operator would.
# The marker file makes it happen once; the requeued attempt runs creditcast unchanged.
mkdir -p "$work/bin"
cat >"$work/bin/creditcast" <<EOF
#!/usr/bin/env bash
set -euo pipefail
if [ "\$1" = forecast ] && [ "\${SLURM_ARRAY_TASK_ID:-}" = 2 ] && [ ! -e "$work/killed" ]; then
    touch "$work/killed"
    "$creditcast" "\$@" &
    sleep 0.2
    kill -KILL \$! 2>/dev/null || true
    wait \$! || true
    exit 137
fi
exec "$creditcast" "\$@"
EOF
chmod +x "$work/bin/creditcast"

inputs=(--usage samples/portfolio-usage.csv --workspaces samples/workspaces.csv --seed 7)
submit() { CREDITCAST="$work/bin/creditcast" bash deploy/slurm/submit.sh "$@"; }
ids=$(submit 4 "$work/runs/forecast" forecast "${inputs[@]}" --trials 500)
read -r forecast_array forecast_merge <<<"$ids"
# The watchlist splits the usage file first, so each of its shards reads only its own part.
ids=$(CREDITCAST_SPLIT=1 submit 5 "$work/runs/watchlist" watchlist "${inputs[@]}" --trials 500)
read -r watchlist_array watchlist_merge <<<"$ids"
echo "submitted: forecast array $forecast_array, merge $forecast_merge; watchlist array $watchlist_array, merge $watchlist_merge" >&2

# While Slurm runs the shards, the single runs to compare with, on this machine.
"$creditcast" forecast "${inputs[@]}" --trials 500 --quiet --out "$work/single/forecast"
"$creditcast" watchlist "${inputs[@]}" --trials 500 --quiet --out "$work/single/watchlist"

job_state() { scontrol -o show job "$1" | grep -o 'JobState=[A-Z_]*' | head -1 | cut -d= -f2; }

# Waits for both merges. Slurm holds a requeued job for two minutes (its BeginTime) so that a
# passing fault can clear; the test brings a held shard forward rather than sit out the delay.
deadline=$((SECONDS + timeout_seconds))
while :; do
    for held in $(squeue -h -t pending -o '%i %r' | awk '$2 == "BeginTime" { print $1 }'); do
        scontrol update JobId="$held" StartTime=now || true
    done
    f=$(job_state "$forecast_merge") w=$(job_state "$watchlist_merge")
    case "$f $w" in
        "COMPLETED COMPLETED") break ;;
        *FAILED* | *CANCELLED* | *TIMEOUT* | *OUT_OF_MEMORY* | *NODE_FAIL*)
            squeue -t all >&2 || true
            cat "$work"/runs/*/logs/*.log >&2 || true
            fail "a merge did not complete: forecast $f, watchlist $w"
            ;;
    esac
    if [ "$SECONDS" -ge "$deadline" ]; then
        squeue -t all >&2 || true
        fail "the merges did not complete within $timeout_seconds s: forecast $f, watchlist $w"
    fi
    sleep 0.5
done

# Shard 2 of the forecast was killed once and ran again; every other shard ran once.
[ -e "$work/killed" ] || fail "shard 2 was never killed"
restarts() { scontrol -o show job "$1" | grep -o 'Restarts=[0-9]*' | cut -d= -f2; }
[ "$(restarts "${forecast_array}_2")" = 1 ] || fail "forecast shard 2 restarted $(restarts "${forecast_array}_2") times, not once"
for k in 1 3 4; do [ "$(restarts "${forecast_array}_$k")" = 0 ] || fail "forecast shard $k restarted"; done
for k in 1 2 3 4 5; do [ "$(restarts "${watchlist_array}_$k")" = 0 ] || fail "watchlist shard $k restarted"; done
grep -q 'shard 2/4 failed with exit status 137 on attempt 1' "$work/runs/forecast/logs/shard-2.log" ||
    fail "shard 2's log does not show the killed attempt"
grep -q 'shard 2/4 requeued' "$work/runs/forecast/logs/shard-2.log" || fail "shard 2's log does not show the requeue"
# The shards really ran on several nodes.
nodes=$(for k in 1 2 3 4; do scontrol -o show job "${forecast_array}_$k" | grep -o 'BatchHost=[a-z0-9]*'; done | sort -u | wc -l)
[ "$nodes" -ge 2 ] || fail "every forecast shard ran on one node"

# The merged reports are the single run's, byte for byte, provenance.json and charts included.
diff -r "$work/single/forecast" "$work/runs/forecast/report" || fail "the merged forecast differs from a single run"
diff -r "$work/single/watchlist" "$work/runs/watchlist/report" || fail "the merged watchlist differs from a single run"
files=$(find "$work/runs/forecast/report" "$work/runs/watchlist/report" -type f | wc -l)
[ "$(ls "$work/runs/watchlist/parts" | wc -l)" = 6 ] || fail "the watchlist's usage file was not split into 5 parts"
echo "slurm-test.sh: passed; forecast (4 shards, shard 2 killed and requeued) and watchlist (split into 5 parts, 5 shards) on $nodes nodes equal single runs ($files files)" >&2
