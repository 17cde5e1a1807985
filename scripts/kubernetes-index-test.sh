#!/usr/bin/env bash
# Checks the index mapping of deploy/kubernetes/creditcast-forecast-job.yaml without a cluster:
# takes the shard Job's pod command from the manifest, runs it with JOB_COMPLETION_INDEX 0…N−1
# (as the Indexed Job sets it) against a stand-in `creditcast` that prints its arguments, and
# asserts that pod i runs `--shard (i+1)/N --out /data/runs/$RUN/shards/shard-(i+1)` on its part
# of the split (`--usage /data/runs/$RUN/parts/usage-(i+1).csv --portfolio …`), so that
# the N pods cover shards 1 to N once each; that the split Job cuts the usage file into N parts
# and every shard pod waits for its completion; that the merge pod waits for the shard Job's
# completion (kubectl wait) and merges shards 1 to N into /data/runs/$RUN/report. It also checks that N agrees everywhere: the
# Job's completions and parallelism and SHARDS in the three Jobs.
#
#   bash scripts/kubernetes-index-test.sh      needs python3 with PyYAML (Debian: python3-yaml)
set -euo pipefail
cd "$(dirname "$0")/.."
manifest=deploy/kubernetes/creditcast-forecast-job.yaml
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "kubernetes-index-test.sh: $*" >&2; exit 1; }

# The shard Job's N, the SHARDS and RUN of each Job, and the shard pod's shell script.
python3 - "$manifest" "$work" <<'EOF'
import sys, yaml
manifest, work = sys.argv[1], sys.argv[2]
jobs = {d["metadata"]["name"]: d for d in yaml.safe_load_all(open(manifest)) if d and d.get("kind") == "Job"}
shards = jobs["creditcast-forecast-shards"]["spec"]
container = shards["template"]["spec"]["containers"][0]
env = {e["name"]: e["value"] for e in container["env"]}
merge_env = {e["name"]: e["value"] for e in jobs["creditcast-forecast-merge"]["spec"]["template"]["spec"]["containers"][0]["env"]}
assert shards["completionMode"] == "Indexed", "the shard Job must be an Indexed Job"
assert container["command"] == ["/bin/sh", "-c"], container["command"]
open(f"{work}/pod.sh", "w").write(container["args"][0])
merge = jobs["creditcast-forecast-merge"]["spec"]["template"]["spec"]
open(f"{work}/merge.sh", "w").write(merge["containers"][0]["args"][0])
wait = merge["initContainers"][0]["args"]
assert wait[0] == "wait" and "--for=condition=complete" in wait and "job/creditcast-forecast-shards" in wait, wait
wait = shards["template"]["spec"]["initContainers"][0]["args"]
assert wait[0] == "wait" and "--for=condition=complete" in wait and "job/creditcast-forecast-split" in wait, wait
split = jobs["creditcast-forecast-split"]["spec"]["template"]["spec"]["containers"][0]
split_env = {e["name"]: e["value"] for e in split["env"]}
open(f"{work}/split.sh", "w").write(split["args"][0])
assert split_env["SHARDS"] == env["SHARDS"], "the split Job's SHARDS is not the shard Job's"
assert split_env["RUN"] == env["RUN"], "the split Job's RUN is not the shard Job's"
open(f"{work}/values", "w").write(" ".join(str(v) for v in (shards["completions"], shards["parallelism"], env["SHARDS"], merge_env["SHARDS"], env["RUN"], merge_env["RUN"])) + "\n")
EOF
read -r completions parallelism shards merge_shards run merge_run <"$work/values"
[ "$completions" = "$shards" ] || fail "completions ($completions) is not SHARDS ($shards)"
[ "$merge_shards" = "$shards" ] || fail "the merge Job's SHARDS ($merge_shards) is not the shard Job's ($shards)"
[ "$merge_run" = "$run" ] || fail "the merge Job's RUN ($merge_run) is not the shard Job's ($run)"
[ "$parallelism" -le "$completions" ] || fail "parallelism ($parallelism) exceeds completions ($completions)"

# A stand-in creditcast on PATH: prints its arguments one a line.
mkdir -p "$work/bin"
printf '#!/bin/sh\nprintf "%%s\\n" "$@"\n' >"$work/bin/creditcast"
chmod +x "$work/bin/creditcast"
# and a stand-in rm, so that the split pod's clean-up of /data/runs/$RUN/parts touches nothing here.
printf '#!/bin/sh\n' >"$work/bin/rm"
chmod +x "$work/bin/rm"

seen=""
for ((i = 0; i < completions; i++)); do
    args=$(env PATH="$work/bin:$PATH" JOB_COMPLETION_INDEX=$i SHARDS="$shards" RUN="$run" /bin/sh -c "$(cat "$work/pod.sh")")
    k=$((i + 1))
    shard=$(printf '%s\n' "$args" | grep -A1 -x -- '--shard' | tail -1)
    out=$(printf '%s\n' "$args" | grep -A1 -x -- '--out' | tail -1)
    [ "$shard" = "$k/$shards" ] || fail "JOB_COMPLETION_INDEX=$i runs --shard '$shard', not $k/$shards"
    [ "$out" = "/data/runs/$run/shards/shard-$k" ] || fail "JOB_COMPLETION_INDEX=$i writes to '$out'"
    [ "$(printf '%s\n' "$args" | head -1)" = forecast ] || fail "JOB_COMPLETION_INDEX=$i does not run creditcast forecast"
    usage=$(printf '%s\n' "$args" | grep -A1 -x -- '--usage' | tail -1)
    portfolio=$(printf '%s\n' "$args" | grep -A1 -x -- '--portfolio' | tail -1)
    [ "$usage" = "/data/runs/$run/parts/usage-$k.csv" ] || fail "JOB_COMPLETION_INDEX=$i reads '$usage', not its part usage-$k.csv"
    [ "$portfolio" = "/data/runs/$run/parts/creditcast-portfolio.json" ] || fail "JOB_COMPLETION_INDEX=$i reads the portfolio file '$portfolio'"
    seen="$seen $shard"
done
# The split pod cuts the usage file into the N parts the shard pods read.
args=$(env PATH="$work/bin:$PATH" SHARDS="$shards" RUN="$run" /bin/sh -c "$(cat "$work/split.sh")" | tr '\n' ' ')
[ "$args" = "split --usage /data/inputs/usage.csv --shards $shards --out /data/runs/$run/parts " ] ||
    fail "the split pod runs 'creditcast $args'"
# The merge pod merges shards 1 to N, each once, into the run's report.
args=$(env PATH="$work/bin:$PATH" SHARDS="$shards" RUN="$run" /bin/sh -c "$(cat "$work/merge.sh")" | tr '\n' ' ')
expected="merge $(for ((k = 1; k <= shards; k++)); do printf '/data/runs/%s/shards/shard-%d ' "$run" "$k"; done)--out /data/runs/$run/report "
[ "$args" = "$expected" ] || fail "the merge pod runs 'creditcast $args', not 'creditcast $expected'"
echo "kubernetes-index-test.sh: passed; indexes 0…$((completions - 1)) run shards$seen" >&2
