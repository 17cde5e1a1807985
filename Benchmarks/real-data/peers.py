#!/usr/bin/env python3
"""Scores statsforecast's AutoETS, AutoARIMA and SeasonalNaive on exactly the targets of a
`creditcast backtest` run, beside creditcast's own models, with the same formulas.

    pip install statsforecast
    python3 Benchmarks/real-data/peers.py USAGE.csv BACKTEST_DIR [--name NAME]

The targets are read from BACKTEST_DIR/backtest.csv: every (origin, workspace, step) creditcast
forecast. For each origin and workspace the peers see the workspace's monthly total (all seats
summed, a month without rows counting 0) from its first month with data through the origin, and
forecast the same steps; the actual each target is scored against is the monthly total of
USAGE.csv, and the script stops if any differs from the `usage_actual` creditcast scored.

Every model is scored from the same five quantiles, P5, P10, P50, P90 and P95 (a peer's are its
point forecast and the bounds of its 80% and 90% intervals, cut at zero since usage is never
negative): coverage of P10-P90 and of P5-P95 (closed intervals), the pinball loss at each level,
and WIS = 0.4 x the summed pinball losses (the weighted interval score of the 80% and 90%
intervals and the median). creditcast's CRPS is its trials' exact CRPS from backtest.csv; the
peers give quantiles only, so they have none.

Conformal intervals (statsforecast's `ConformalIntervals`, two windows of the horizon) are
scored as extra peers `AutoETS-conformal` and `SeasonalNaive-conformal` on the targets whose
history holds at least 24 months; elsewhere those columns score the model's own intervals.
(AutoARIMA with conformal intervals took 90 s on the storms panel alone and was never much
better than AutoARIMA's own intervals, so it is left out to keep the suite quick.) A model
statsforecast cannot fit on a short history (AutoETS needs a few months more than its
parameters) falls back to the naive forecast under the model's name.
"""
import argparse
import csv
import hashlib
import math
import os
import pickle
import sys
import time
import warnings
from collections import defaultdict

import numpy as np
import pandas as pd

os.environ.setdefault("NIXTLA_ID_AS_COL", "1")
warnings.filterwarnings("ignore")

from scipy.stats import t as student  # noqa: E402
from statsforecast import StatsForecast  # noqa: E402
from statsforecast.models import AutoARIMA, AutoETS, Naive, SeasonalNaive  # noqa: E402
from statsforecast.utils import ConformalIntervals  # noqa: E402

LEVELS = (5, 10, 50, 90, 95)
HORIZON = 6
CONFORMAL_MONTHS = 24


def month_index(label):
    year, month = label.split("-")
    return int(year) * 12 + int(month) - 1


def month_start(index):
    return pd.Timestamp(year=index // 12, month=index % 12 + 1, day=1)


def read_totals(path):
    """Each workspace's monthly total, from its first month with a row to the file's last month."""
    totals = defaultdict(lambda: defaultdict(int))
    last = None
    with open(path) as file:
        for row in csv.DictReader(file):
            index = month_index(row["month"])
            totals[row["workspace"]][index] += int(row["credits"])
            last = index if last is None else max(last, index)
    series = {}
    for workspace, months in totals.items():
        first = min(months)
        series[workspace] = (first, [months.get(m, 0) for m in range(first, last + 1)])
    return series


def read_backtest(path):
    """creditcast's records: (model, origin, workspace, step) -> quantiles, actual and CRPS."""
    records = {}
    with open(path) as file:
        for row in csv.DictReader(file):
            key = (row["model"], month_index(row["origin"]), row["workspace"], int(row["step"]))
            quantiles = [float(row[f"usage_p{level}"]) for level in LEVELS]
            records[key] = (quantiles, int(row["usage_actual"]), float(row["usage_crps"]))
    return records


def pinball(quantile, level, actual):
    return level * (actual - quantile) if actual >= quantile else (1 - level) * (quantile - actual)


def score(rows):
    """Coverage, WIS and mean CRPS of `(quantiles, actual, crps)` rows."""
    n = len(rows)
    covered80 = sum(q[1] <= y <= q[3] for q, y, _ in rows)
    covered90 = sum(q[0] <= y <= q[4] for q, y, _ in rows)
    wis = sum(0.4 * sum(pinball(q[i], LEVELS[i] / 100, y) for i in range(5)) for q, y, _ in rows)
    crps = [c for _, _, c in rows if c is not None]
    return {
        "count": n, "coverage80": covered80 / n, "coverage90": covered90 / n, "wis": wis / n,
        "crps": sum(crps) / len(crps) if crps else None,
    }


def coverage_interval(rows, band, months=False):
    """A 90% interval for the share of targets inside a band (`band` 80: P10-P90, 90: P5-P95),
    from `rows` of `(quantiles, actual, workspace, month)`.

    A workspace's targets are not independent draws (its origins' windows overlap, and a
    workspace that is hard to forecast misses often), so the workspaces are the units: the
    variance of the share is the cluster-robust (sandwich) one,
    `V_W = W/(W - 1) * sum over workspaces of (inside_w - p*n_w)^2 / N^2`, and the interval is
    `wilson`'s on `W` units: creditcast's `CoverageInterval`, which backtest.md states for its
    first model. With `months`, the target months are clusters too: a shock every workspace
    shares in a month (a country's births rising at once) makes its targets miss together, which
    the workspaces as the only units do not see. The variance is then Cameron, Gelbach and
    Miller's two-way one, `V_W + V_M - V_WM` (by workspace, by month and by the two together,
    each as `V_W` is), held no lower than either one-way variance, on `min(W, M)` units. `None`
    with fewer than two units."""
    lo, hi = (1, 3) if band == 80 else (0, 4)
    total = len(rows)
    if total == 0:
        return None
    inside = [(q[lo] <= y <= q[hi], workspace, month) for q, y, workspace, month in rows]
    share = sum(k for k, _, _ in inside) / total

    def clustered(key):
        sums = defaultdict(float)
        for k, workspace, month in inside:
            sums[key(workspace, month)] += k - share
        count = len(sums)
        return (count / (count - 1) * sum(v * v for v in sums.values()) / total ** 2 if count > 1 else 0.0), count

    by_workspace, workspaces = clustered(lambda w, m: w)
    if not months:
        return wilson(share, total, by_workspace, workspaces) if workspaces >= 2 else None
    by_month, month_count = clustered(lambda w, m: m)
    by_both, _ = clustered(lambda w, m: (w, m))
    units = min(workspaces, month_count)
    if units < 2:
        return None
    return wilson(share, total, max(by_workspace, by_month, by_workspace + by_month - by_both), units)


def wilson(share, total, variance, units):
    """Wilson's 90% score interval for `share` of `total` targets whose share has the clustered
    `variance`, on `units` independent clusters: the design effect (that variance over the
    binomial one, `p(1 - p)/N`) held between 1 and `total / units` (every cluster's targets as
    one, and that where the share is 0 or 1, whose variances are 0), the interval Wilson's score
    interval on `N/deff` targets with Student's t on `units - 1` degrees of freedom."""
    binomial = share * (1 - share) / total
    most = total / units
    effect = most if binomial == 0 else min(most, max(1.0, variance / binomial))
    n = total / effect
    z = student.ppf(0.95, units - 1)
    centre = (share + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(share * (1 - share) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (0.0 if share == 0 else max(0.0, centre - half)), (1.0 if share == 1 else min(1.0, centre + half))


def peer_models(season, conformal):
    intervals = ConformalIntervals(h=HORIZON, n_windows=2) if conformal else None
    suffix = "-conformal" if conformal else ""
    return [
        AutoETS(season_length=season, prediction_intervals=intervals, alias="AutoETS" + suffix),
        *([] if conformal else [AutoARIMA(season_length=season, alias="AutoARIMA")]),
        SeasonalNaive(season_length=season, prediction_intervals=intervals, alias="SeasonalNaive" + suffix),
    ]


def forecast(frames, models):
    """statsforecast's forecasts of every series in `frames` with `models`, and the seconds each
    model took (each model is run on its own so that its time is its own)."""
    if frames.empty:
        return pd.DataFrame(), {}
    pieces = []
    seconds = {}
    for model in models:
        start = time.perf_counter()
        sf = StatsForecast(models=[model], freq="MS", n_jobs=1, fallback_model=Naive(alias=model.alias))
        result = sf.forecast(df=frames, h=HORIZON, level=[80, 90])
        seconds[model.alias] = time.perf_counter() - start
        pieces.append(result.set_index(["unique_id", "ds"]))
    return pd.concat(pieces, axis=1).reset_index(), seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("usage")
    parser.add_argument("backtest")
    parser.add_argument("--name", default=None)
    parser.add_argument("--cache", default=None, help="directory to keep the peers' forecasts in, keyed by the inputs")
    parser.add_argument("--by-workspace", action="store_true",
                        help="also print creditcast's first model against the best peer, workspace by workspace")
    args = parser.parse_args()
    name = args.name or os.path.splitext(os.path.basename(args.usage))[0]

    totals = read_totals(args.usage)
    records = read_backtest(os.path.join(args.backtest, "backtest.csv"))
    creditcast_models = sorted({key[0] for key in records}, key=lambda m: ["seats", "bootstrap", "naive", "mean"].index(m))
    targets = sorted({key[1:] for key in records})
    units = sorted({(origin, workspace) for origin, workspace, _ in targets})

    # Check the actuals target by target before scoring anything.
    for model, origin, workspace, step in records:
        first, values = totals[workspace]
        actual = values[origin + step - first]
        if actual != records[(model, origin, workspace, step)][1]:
            sys.exit(f"{name}: {workspace} {month_start(origin + step):%Y-%m}: the usage file's total is {actual}, "
                     f"creditcast scored {records[(model, origin, workspace, step)][1]}")

    # One series per (origin, workspace): the history up to the origin only.
    frames = {"short": [], "long": []}
    for origin, workspace in units:
        first, values = totals[workspace]
        history = values[: origin - first + 1]
        unique = f"{workspace}|{origin}"
        frame = pd.DataFrame({"unique_id": unique, "ds": [month_start(first + t) for t in range(len(history))],
                              "y": np.array(history, dtype=float)})
        frames["long" if len(history) >= CONFORMAL_MONTHS else "short"].append(frame)
    frames = {kind: pd.concat(parts) if parts else pd.DataFrame() for kind, parts in frames.items()}

    # The peers' forecasts depend only on the workspaces' totals and the targets: a cache lets the
    # suite be rerun after a change to creditcast without refitting them.
    digest = hashlib.sha256(repr(sorted(totals.items())).encode() + repr(units).encode()).hexdigest()[:16]
    cache = os.path.join(args.cache, f"{name}-{digest}.pkl") if args.cache else None
    if cache and os.path.exists(cache):
        with open(cache, "rb") as file:
            table, seconds = pickle.load(file)
    else:
        table, seconds = fit_peers(frames)
        if cache:
            os.makedirs(args.cache, exist_ok=True)
            with open(cache, "wb") as file:
                pickle.dump((table, seconds), file)
    report(name, args.backtest, targets, units, totals, records, creditcast_models, table, seconds, args.by_workspace)


def fit_peers(frames):
    """Every peer's forecasts of every series, indexed by (series, month), and its seconds."""
    seconds = defaultdict(float)
    outputs = []
    # Two seasons are needed to fit a yearly season; shorter histories get non-seasonal models.
    for kind, season in (("long", 12), ("short", 1)):
        plain, plain_seconds = forecast(frames[kind], peer_models(season, conformal=False))
        for model, value in plain_seconds.items():
            seconds[model] += value
        if kind == "long":
            conformal, conformal_seconds = forecast(frames[kind], peer_models(season, conformal=True))
            for model, value in conformal_seconds.items():
                seconds[model] += value
        else:
            conformal = plain.rename(columns=lambda c: c.replace("AutoETS", "AutoETS-conformal")
                                     .replace("SeasonalNaive", "SeasonalNaive-conformal")) if not plain.empty else plain
            conformal = conformal[[c for c in conformal.columns if not c.startswith("AutoARIMA")]]
        if not plain.empty:
            outputs.append(plain.merge(conformal, on=["unique_id", "ds"]))
    return pd.concat(outputs).set_index(["unique_id", "ds"]), dict(seconds)


def report(name, backtest, targets, units, totals, records, creditcast_models, table, seconds, by_workspace=False):
    """Scores every model on every target and prints the panel's table (and, `by_workspace`,
    creditcast's first model against the panel's best peer workspace by workspace)."""
    peers = [m.alias for m in peer_models(12, False)] + [m.alias for m in peer_models(12, True)]
    rows = defaultdict(list)
    workspace_rows = defaultdict(list)
    target_rows = defaultdict(list)
    for origin, workspace, step in targets:
        first, values = totals[workspace]
        actual = values[origin + step - first]
        for model in creditcast_models:
            quantiles, _, crps = records[(model, origin, workspace, step)]
            rows[f"creditcast {model}"].append((quantiles, actual, crps))
            workspace_rows[(workspace, f"creditcast {model}")].append((quantiles, actual, crps))
            target_rows[f"creditcast {model}"].append((quantiles, actual, workspace, origin + step))
        forecast_row = table.loc[(f"{workspace}|{origin}", month_start(origin + step))]
        for peer in peers:
            point = forecast_row[peer]
            quantiles = [forecast_row[f"{peer}-lo-90"], forecast_row[f"{peer}-lo-80"], point,
                         forecast_row[f"{peer}-hi-80"], forecast_row[f"{peer}-hi-90"]]
            quantiles = [max(0.0, q) if math.isfinite(q) else 0.0 for q in quantiles]
            rows[peer].append((quantiles, actual, None))
            workspace_rows[(workspace, peer)].append((quantiles, actual, None))
            target_rows[peer].append((quantiles, actual, workspace, origin + step))

    scores = {model: score(r) for model, r in rows.items()}
    best_peer = min(peers, key=lambda p: scores[p]["wis"])
    best = scores[best_peer]["wis"]
    print(f"### {name}: {len(targets)} targets ({len(units)} origin x workspace forecasts), best peer {best_peer}\n")
    print("| model | P10-P90 | P5-P95 | WIS | WIS / best peer | CRPS | seconds |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for model, s in scores.items():
        crps = f"{s['crps']:,.1f}" if s["crps"] is not None else ""
        taken = f"{seconds[model]:.2f}" if model in seconds else ""
        print(f"| {model} | {100 * s['coverage80']:.1f}% | {100 * s['coverage90']:.1f}% | {s['wis']:,.1f} | "
              f"{s['wis'] / best:.2f} | {crps} | {taken} |")
    print()
    # How far chance alone could move a band's coverage on this many workspaces, and on this many
    # months as well.
    def chance(months):
        parts = []
        for model in (f"creditcast {creditcast_models[0]}", best_peer):
            bands = [coverage_interval(target_rows[model], band, months) for band in (80, 90)]
            if all(bands):
                parts.append(f"{model} P10-P90 {100 * bands[0][0]:.1f}-{100 * bands[0][1]:.1f}%, "
                             f"P5-P95 {100 * bands[1][0]:.1f}-{100 * bands[1][1]:.1f}%")
        return "; ".join(parts)

    workspace_count = len({row[2] for row in target_rows[best_peer]})
    month_count = len({row[3] for row in target_rows[best_peer]})
    for months, heading in (
            (False, f"90% intervals of the coverage ({workspace_count} workspaces, each one's targets counted together)"),
            (True, f"The same with the {month_count} target months as clusters too (a month's shock shared by every workspace)")):
        intervals = chance(months)
        if intervals:
            print(f"{heading}: {intervals}\n")
    # Where the centre sits: half the actuals below the median when it is right (one on it counts half).
    below = {model: sum((y < q[2]) + 0.5 * (y == q[2]) for q, y, _ in rows[model]) / len(rows[model])
             for model in (f"creditcast {creditcast_models[0]}", best_peer)}
    print("Actuals below the median (50% for a centred forecast): "
          + ", ".join(f"{model} {100 * share:.1f}%" for model, share in below.items()) + "\n")
    # An idle month is inside every band whose low end is 0, whatever chance the model gave it:
    # where a panel has them, the bands are also scored on the months with usage alone.
    idle = sum(y == 0 for _, y, _ in rows[best_peer])
    if idle:
        print(f"Months with usage only ({len(targets) - idle} of {len(targets)} targets; an idle month is inside any band "
              "whose low end is 0):\n")
        for model in (f"creditcast {creditcast_models[0]}", best_peer):
            busy = score([row for row in rows[model] if row[1] > 0])
            print(f"- {model}: P10-P90 {100 * busy['coverage80']:.1f}%, P5-P95 {100 * busy['coverage90']:.1f}%")
        # creditcast's trials also say how much of an idle month's probability each band holds:
        # its coverage over every target (creditcast's own) with each month counted that way, as
        # its scores.csv has it (the peers give five quantiles, not a distribution, so theirs
        # cannot be).
        pit = pit_coverage(os.path.join(backtest, "scores.csv"), creditcast_models[0])
        print(f"\nEvery month, each counted by the share of its probability inside the band (the PIT of the trials of "
              f"creditcast {creditcast_models[0]}): P10-P90 {100 * pit[0]:.1f}%, P5-P95 {100 * pit[1]:.1f}%")
        print()
    if by_workspace:
        report_workspaces(f"creditcast {creditcast_models[0]}", best_peer, workspace_rows)


def pit_coverage(path, model):
    """`model`'s P10-P90 and P5-P95 coverage of usage over every step, each month counted by the
    share of its probability inside the band: `scores.csv`'s `pit_coverage_80` and `_90`."""
    with open(path) as file:
        for row in csv.DictReader(file):
            if row["model"] == model and row["target"] == "usage" and row["step"] == "all":
                return float(row["pit_coverage_80"]), float(row["pit_coverage_90"])
    sys.exit(f"{path}: no usage score over every step for {model}")


def spread(rows):
    """How far the median strays and how wide the P10-P90 band is, each summed over the targets
    and divided by the summed actuals (so that idle months, whose actual is 0, count)."""
    actual = sum(y for _, y, _ in rows)
    if actual == 0:
        return None, None
    return (sum(abs(q[2] - y) for q, y, _ in rows) / actual, sum(q[3] - q[1] for q, _, _ in rows) / actual)


def percent(share):
    return f"{100 * share:.1f}%" if share is not None else ""


def report_workspaces(model, peer, workspace_rows):
    """`model` against `peer` on each workspace: where a panel's verdict is won or lost, and
    whether by the centre (the median's error) or by the band (its width and coverage)."""
    print(f"#### {model} against {peer}, workspace by workspace\n")
    print("| workspace | targets | WIS | peer's WIS | ratio | median's error | peer's | P10-P90 width | peer's "
          "| P10-P90 | peer's |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for workspace in sorted({w for w, _ in workspace_rows}):
        ours, theirs = score(workspace_rows[(workspace, model)]), score(workspace_rows[(workspace, peer)])
        (error, width), (peer_error, peer_width) = spread(workspace_rows[(workspace, model)]), spread(workspace_rows[(workspace, peer)])
        ratio = f"{ours['wis'] / theirs['wis']:.2f}" if theirs["wis"] > 0 else ""
        print(f"| {workspace} | {ours['count']} | {ours['wis']:,.1f} | {theirs['wis']:,.1f} | {ratio} | {percent(error)} | "
              f"{percent(peer_error)} | {percent(width)} | {percent(peer_width)} | {100 * ours['coverage80']:.0f}% | "
              f"{100 * theirs['coverage80']:.0f}% |")
    print("\nThe median's error and the band's width are summed over the targets and divided by the summed actuals.\n")


if __name__ == "__main__":
    main()
