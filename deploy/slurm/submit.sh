#!/usr/bin/env bash
# Submits a sharded creditcast run to Slurm: a job array of N shards, then the merge, which
# starts only when every shard has succeeded. Prints the two job ids (array, merge).
#
#   deploy/slurm/submit.sh N RUN_DIR COMMAND [OPTIONS...]
#   e.g. deploy/slurm/submit.sh 100 /shared/runs/2026-11 forecast \
#            --usage /shared/inputs/usage.csv --workspaces /shared/inputs/workspaces.csv --trials 2000 --seed 1
#
# COMMAND is forecast, watchlist or renew; OPTIONS go to every shard unchanged (with
# CREDITCAST_SPLIT=1, --usage becomes the shard's part of the split). The reports land
# in RUN_DIR/report, each shard's file in RUN_DIR/shards/shard-K, the jobs' logs in
# RUN_DIR/logs. RUN_DIR must be new (a run's shards are never mixed with another's) and on a
# filesystem every node mounts at the same path.
#
# Environment:
#   CREDITCAST                 creditcast on the nodes (default: `creditcast` on PATH)
#   CREDITCAST_RETRIES         times a failed shard is requeued (default 2)
#   CREDITCAST_SPLIT=1         split the usage file first (a split job the array waits on), so that
#                              each shard reads only its part: RUN_DIR/parts/usage-K.csv
#   CREDITCAST_SHARD_SBATCH    extra sbatch options for the shards, e.g. "--cpus-per-task=4 --mem=8G --time=1:00:00"
#   CREDITCAST_MERGE_SBATCH    extra sbatch options for the merge, e.g. "--mem=16G"
#   CREDITCAST_MERGE_OPTIONS   options for `creditcast merge`, e.g. "--charts all"
#   SBATCH_PARTITION, SBATCH_ACCOUNT, ...  read by sbatch itself, for both jobs
set -euo pipefail

if [ $# -lt 3 ]; then
    sed -n '2,20p' "$0" >&2
    exit 64
fi
shards=$1 run_dir=$2
shift 2
[[ "$shards" =~ ^[1-9][0-9]*$ ]] || { echo "submit.sh: N must be a whole number from 1, not $shards" >&2; exit 64; }
if [ -e "$run_dir/shards" ] || [ -e "$run_dir/report" ]; then
    echo "submit.sh: $run_dir holds an earlier run; use a new RUN_DIR for each run" >&2
    exit 1
fi
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$run_dir/logs"
run_dir=$(cd "$run_dir" && pwd)

# The jobs inherit this environment (sbatch's default --export=ALL), CREDITCAST included.
after=()
if [ "${CREDITCAST_SPLIT:-0}" = 1 ]; then
    # The split reads the usage file as the shards would: their --usage, --as-of and import options.
    split_options=()
    options=("$@")
    for i in "${!options[@]}"; do
        case "${options[$i]}" in
            --usage | --as-of | --delimiter | --date-order | --decimal-mark | --encoding | --*-column)
                split_options+=("${options[$i]}" "${options[i + 1]}") ;;
            --usage=* | --as-of=* | --delimiter=* | --date-order=* | --decimal-mark=* | --encoding=* | --*-column=*)
                split_options+=("${options[$i]}") ;;
        esac
    done
    # shellcheck disable=SC2086
    split=$(sbatch --parsable --output="$run_dir/logs/split.log" ${CREDITCAST_MERGE_SBATCH:-} \
        "$here/creditcast-split.sbatch" "$shards" "$run_dir" "${split_options[@]}")
    after=(--dependency="afterok:${split%%;*}" --kill-on-invalid-dep=yes)
fi
# shellcheck disable=SC2086  # the *_SBATCH variables are lists of options
array=$(sbatch --parsable --array="1-$shards" --output="$run_dir/logs/shard-%a.log" "${after[@]}" \
    ${CREDITCAST_SHARD_SBATCH:-} "$here/creditcast-shards.sbatch" "$shards" "$run_dir" "$@")
array=${array%%;*}
# shellcheck disable=SC2086
merge=$(sbatch --parsable --dependency="afterok:$array" --kill-on-invalid-dep=yes --output="$run_dir/logs/merge.log" \
    ${CREDITCAST_MERGE_SBATCH:-} "$here/creditcast-merge.sbatch" "$shards" "$run_dir" ${CREDITCAST_MERGE_OPTIONS:-})
merge=${merge%%;*}
echo "$array $merge"
