#!/usr/bin/env python3
"""The numpy/pandas peer that creditcast's benchmarks compare against.

OPTIONAL: creditcast does not need Python. This script only exists so that `scripts/bench.sh`
can time what an analyst would write by hand for the same job, on the same generated files.
It needs numpy (2.x) and pandas; without them it says so and exits 0 (`peer skipped: ...`), and
bench.sh prints its table without the peer columns. Install them with
`python3 -m pip install numpy pandas` to get the comparison.

It is deliberately "straightforward vectorized numpy", not tuned: pandas reads the CSV,
a loop over workspaces, arrays over trials and a loop over months, the pool rules of
/work/shared/credit-rules.md (docs: credit-rules.md) with the built-in defaults:

  accrual = seats x plan allowance, cap = 5 x accrual,
  credited = min(accrual, max(0, cap - opening))     (cap_timing = accrual)
  used_from_pool = min(usage, opening + credited), shortfall = usage - used_from_pool,
  no packages (shortfall is pay-as-you-go).

The starting balance is the history replayed from 0 in the file's first month, as creditcast
does. Two usage models:

  bootstrap  each simulated month resamples one whole historical month of the workspace's total
             usage, from the workspace's first month with data to the as-of month;
  seats      each seat's month ~ lognormal fitted to its nonzero months, zero with the seat's
             share of idle months (per-seat lognormal; creditcast's own `seats` model adds a
             common factor and a damped trend, so its figures differ: only the time compares).

Per workspace and month it computes p10/p50/p90 of the closing balance, the probability of a cap
hit (forfeiture) and of a shortfall, and the probabilities over the horizon.

Usage:
  peer.py probe
  peer.py import FILE [--once] [--repeat 3]
  peer.py portfolio DIR [--model bootstrap|seats] [--trials 2000] [--horizon 12] [--seed 1]

Output is one line per figure, like creditcast-bench: `peer-import rows=... wall_s=... peak_mb=...`.
"""
import argparse
import os
import resource
import sys
import time

ALLOWANCE = {"launch": 2000, "growth": 3000, "pro": 4000}
CAP_MONTHS = 5


def peak_mb():
    """Peak resident set of this process so far (VmHWM), in MB."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def resident_mb():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def emit(name, **fields):
    print(name + " " + " ".join(f"{key}={value}" for key, value in fields.items()), flush=True)


def load_libraries():
    """numpy and pandas, or None after saying why the peer is skipped."""
    try:
        import numpy
    except ImportError:
        print("peer skipped: numpy not installed (optional; python3 -m pip install numpy pandas)", flush=True)
        return None
    try:
        import pandas
    except ImportError:
        print("peer skipped: pandas not installed (optional; python3 -m pip install pandas)", flush=True)
        return None
    return numpy, pandas


def run_import(args, np, pd):
    """pandas read_csv + groupby: each seat's monthly total, and each workspace's."""
    base = resident_mb()
    walls = []
    cpus = []
    repeats = 1 if args.once else max(1, args.repeat)
    for _ in range(repeats):
        start = time.perf_counter()
        cpu_start = time.process_time()
        frame = pd.read_csv(args.file, dtype={"workspace": str, "seat": str, "month": str, "credits": np.int64})
        per_seat = frame.groupby(["workspace", "seat", "month"], sort=True)["credits"].sum()
        per_workspace = frame.groupby(["workspace", "month"], sort=True)["credits"].sum()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu_start)
        rows = len(frame)
        seats = per_seat.index.droplevel("month").nunique()
        workspaces = per_workspace.index.get_level_values("workspace").nunique()
        del frame, per_seat, per_workspace
    walls.sort()
    emit("peer-import", rows=rows, workspaces=workspaces, seats=seats, runs=repeats,
         wall_s=f"{walls[0]:.3f}", median_s=f"{walls[len(walls) // 2]:.3f}",
         cpu_s=f"{min(cpus):.3f}", peak_mb=f"{peak_mb():.1f}", base_mb=f"{base:.1f}")


def load_portfolio(directory, np, pd):
    """The usage file as a seat x month matrix, and each workspace's seats, plan and rows."""
    usage = pd.read_csv(os.path.join(directory, "usage.csv"),
                        dtype={"workspace": str, "seat": str, "month": str, "credits": np.int64})
    listing = pd.read_csv(os.path.join(directory, "workspaces.csv"), dtype={"workspace": str, "plan": str})
    month_codes, months = pd.factorize(usage["month"], sort=True)
    # Months run without gaps from the first to the last (YYYY-MM): fill any missing ones.
    first, last = pd.Period(months[0], "M"), pd.Period(months[-1], "M")
    all_months = pd.period_range(first, last, freq="M").strftime("%Y-%m")
    month_index = pd.Index(all_months).get_indexer(months)[month_codes]
    month_count = len(all_months)
    seat_key = usage["workspace"] + "\x1f" + usage["seat"]
    seat_codes, seat_keys = pd.factorize(seat_key, sort=True)
    matrix = np.zeros((len(seat_keys), month_count), dtype=np.int64)
    np.add.at(matrix, (seat_codes, month_index), usage["credits"].to_numpy())
    first_offset = np.full(len(seat_keys), month_count, dtype=np.int64)
    np.minimum.at(first_offset, seat_codes, month_index)
    seat_workspace = pd.Index(seat_keys).str.split("\x1f").str[0]
    workspaces = pd.Index(seat_workspace).unique()  # sorted, as seat_keys are
    bounds = np.searchsorted(np.asarray(seat_workspace), np.asarray(workspaces))
    bounds = np.append(bounds, len(seat_keys))
    plans = listing.set_index("workspace")
    return matrix, first_offset, workspaces, bounds, plans, month_count, len(usage)


def replay(monthly_usage, accrual, cap):
    """The pool balance after the history, from 0 in its first month."""
    balance = 0
    for used in monthly_usage:
        credited = min(accrual, max(0, cap - balance))
        available = balance + credited
        balance = available - min(int(used), available)
    return balance


def simulate(np, draw_month, trials, horizon, opening, accrual, cap):
    """Runs the pool rules over arrays of trials, a loop over months."""
    balance = np.full(trials, opening, dtype=np.float64)
    closing = np.empty((trials, horizon))
    cap_hit = np.empty((trials, horizon), dtype=bool)
    short = np.empty((trials, horizon), dtype=bool)
    for month in range(horizon):
        usage = draw_month(month)
        credited = np.minimum(accrual, np.maximum(0.0, cap - balance))
        available = balance + credited
        from_pool = np.minimum(usage, available)
        cap_hit[:, month] = credited < accrual
        short[:, month] = usage > from_pool
        balance = available - from_pool
        closing[:, month] = balance
    p10, p50, p90 = np.percentile(closing, [10, 50, 90], axis=0)
    return {
        "p10": p10, "p50": p50, "p90": p90,
        "p_cap": cap_hit.mean(axis=0), "p_shortfall": short.mean(axis=0),
        "p_cap_any": cap_hit.any(axis=1).mean(), "p_shortfall_any": short.any(axis=1).mean(),
    }


def run_portfolio(args, np, pd):
    start = time.perf_counter()
    cpu_start = time.process_time()
    matrix, first_offset, workspaces, bounds, plans, month_count, rows = load_portfolio(args.dir, np, pd)
    import_s = time.perf_counter() - start

    rng = np.random.default_rng(args.seed)
    trials, horizon = args.trials, args.horizon
    results = []
    forecast_start = time.perf_counter()
    for index, name in enumerate(workspaces):
        seats_usage = matrix[bounds[index]:bounds[index + 1]]
        offsets = first_offset[bounds[index]:bounds[index + 1]]
        row = plans.loc[name]
        accrual = int(row["seats"]) * ALLOWANCE[row["plan"].lower()]
        cap = CAP_MONTHS * accrual
        opening = replay(seats_usage.sum(axis=0), accrual, cap)

        if args.model == "bootstrap":
            totals = seats_usage[:, offsets.min():].sum(axis=0).astype(np.float64)
            picks = rng.integers(0, len(totals), size=(trials, horizon))
            sampled = totals[picks]

            def draw_month(month, sampled=sampled):
                return sampled[:, month]
        else:
            # Per-seat lognormal on the months since the seat's first row.
            span = np.arange(month_count)[None, :] >= offsets[:, None]
            active = seats_usage > 0
            nonzero = active.sum(axis=1)
            logs = np.where(active, np.log(np.maximum(seats_usage, 1)), 0.0)
            mu = logs.sum(axis=1) / np.maximum(nonzero, 1)
            variance = np.where(active, (logs - mu[:, None]) ** 2, 0.0).sum(axis=1) / np.maximum(nonzero - 1, 1)
            sigma = np.sqrt(variance)
            p_idle = 1.0 - nonzero / np.maximum(span.sum(axis=1), 1)

            def draw_month(month, mu=mu, sigma=sigma, p_idle=p_idle):
                draws = np.exp(mu + sigma * rng.standard_normal((trials, len(mu))))
                idle = rng.random((trials, len(mu))) < p_idle
                return np.where(idle, 0.0, draws).sum(axis=1)

        result = simulate(np, draw_month, trials, horizon, opening, accrual, cap)
        result["workspace"] = name
        result["start"] = opening
        results.append(result)
    summary = pd.DataFrame({
        "workspace": [r["workspace"] for r in results],
        "start": [r["start"] for r in results],
        "p50_last": [r["p50"][-1] for r in results],
        "p_cap_any": [r["p_cap_any"] for r in results],
        "p_shortfall_any": [r["p_shortfall_any"] for r in results],
    })
    forecast_s = time.perf_counter() - forecast_start
    wall = time.perf_counter() - start
    emit("peer-portfolio", model=args.model, workspaces=len(workspaces), rows=rows, trials=trials,
         horizon=horizon, threads=1, wall_s=f"{wall:.3f}", import_s=f"{import_s:.3f}",
         forecast_s=f"{forecast_s:.3f}", cpu_s=f"{time.process_time() - cpu_start:.3f}", peak_mb=f"{peak_mb():.1f}")
    emit("check", who="peer", model=args.model, mean_start=f"{summary['start'].mean():.0f}",
         mean_p50_last=f"{summary['p50_last'].mean():.0f}",
         mean_p_shortfall_any=f"{summary['p_shortfall_any'].mean():.4f}",
         mean_p_cap_any=f"{summary['p_cap_any'].mean():.4f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("probe", help="say whether numpy and pandas are there, and their versions")
    importing = commands.add_parser("import", help="pandas read_csv + groupby of a usage file")
    importing.add_argument("file")
    importing.add_argument("--once", action="store_true", help="load once (run in a fresh process for peak memory)")
    importing.add_argument("--repeat", type=int, default=3)
    portfolio = commands.add_parser("portfolio", help="forecast every workspace of a generated portfolio")
    portfolio.add_argument("dir")
    portfolio.add_argument("--model", choices=["bootstrap", "seats"], default="bootstrap")
    portfolio.add_argument("--trials", type=int, default=2000)
    portfolio.add_argument("--horizon", type=int, default=12)
    portfolio.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    libraries = load_libraries()
    if libraries is None:
        return 0
    np, pd = libraries
    if args.command == "probe":
        emit("peer-ok", numpy=np.__version__, pandas=pd.__version__, python=sys.version.split()[0])
    elif args.command == "import":
        run_import(args, np, pd)
    else:
        run_portfolio(args, np, pd)
    return 0


if __name__ == "__main__":
    sys.exit(main())
