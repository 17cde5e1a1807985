#!/usr/bin/env bash
# Writes the shard fuzzer's seeds, Fuzz/shard-seeds/, anew from the samples: run it whenever the
# shard format changes (a seed the reader refuses at its first line seeds nothing past it).
#
#   f1.jsonl     forecast shard 1/4 of the portfolio sample, plans with seat prices
#   fp.jsonl     a partial merge (--partial) of that forecast's shards 1 and 2
#   r.jsonl      renew shard 2/8
#   w.jsonl      watchlist shard 3/8
#   whole.jsonl  forecast of the team sample as one shard (1/1)
#
# Few trials and short horizons keep every seed small, as libFuzzer mutates whole inputs.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build -c release --product creditcast >&2
BIN=$(swift build -c release --show-bin-path)/creditcast
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
SEEDS=Fuzz/shard-seeds
PORTFOLIO=(--usage samples/portfolio-usage.csv --workspaces samples/workspaces.csv --as-of 2026-10 --trials 50 --quiet)

# The sample's plans with seat prices for two of them, so a seed carries known and unknown fees.
sed -e 's/^  launch: 2000$/  launch: {credits: 2000, seat_price: 25}/' -e 's/^  growth: 3000$/  growth: {credits: 3000, seat_price: 45}/' \
    samples/pricing.yaml >"$WORK/priced.yaml"

for k in 1 2; do
    "$BIN" forecast "${PORTFOLIO[@]}" --pricing "$WORK/priced.yaml" --horizon 2 --shard "$k/4" --out "$WORK/f$k"
done
"$BIN" merge "$WORK/f1" "$WORK/f2" --partial --quiet --out "$WORK/fp"
"$BIN" renew "${PORTFOLIO[@]}" --shard 2/8 --out "$WORK/r"
"$BIN" watchlist "${PORTFOLIO[@]}" --horizon 3 --shard 3/8 --out "$WORK/w"
"$BIN" forecast --usage samples/team-usage.csv --plan growth --as-of 2026-10 --trials 50 --horizon 2 --shard 1/1 --quiet --out "$WORK/whole"

for name in f1 fp r w whole; do
    cp "$WORK/$name/creditcast-shard.jsonl" "$SEEDS/$name.jsonl"
done
ls -l "$SEEDS" >&2
