#!/usr/bin/env python3
"""Regenerates the bundled samples in samples/ (deterministic: fixed seed).

The samples are committed; run this only to change them. Standard library only.
"""
import csv
import random
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "samples"
rng = random.Random(20261125)


def months(start_year, start_month, count):
    year, month = start_year, start_month
    for _ in range(count):
        yield f"{year:04d}-{month:02d}"
        month += 1
        if month == 13:
            year, month = year + 1, 1


def seat_usage(level, month_index, count, idle_chance, trend=0.02):
    """One seat's months: lognormal around a slowly rising level, with idle (missing) months."""
    values = []
    for i in range(count):
        if rng.random() < idle_chance:
            values.append(None)
            continue
        factor = rng.lognormvariate(0, 0.35) * (1 + trend) ** (month_index + i)
        values.append(int(round(level * factor / 10)) * 10)
    return values


def write_walkthrough():
    rows = [("team", m, c) for m, c in zip(months(2026, 4, 4), [18000, 5000, 8000, 50000])]
    with open(OUT / "walkthrough.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["seat", "month", "credits"])
        w.writerows(rows)


def write_team():
    span = list(months(2025, 9, 14))  # 2025-09 .. 2026-10
    seats = {}
    names = ["ana", "ben", "chen", "dara", "eli", "fatima", "gus", "hana", "ivan", "jo", "kemal", "lena"]
    levels = [9000, 6500, 4200, 3000, 2600, 2200, 1500, 1200, 800, 500, 0, 2400]
    for name, level in zip(names, levels):
        idle = 0.05 if level > 2000 else 0.3
        start = 0
        if name == "lena":
            start = 9  # joins in 2026-06
        if name == "kemal":
            seats[name] = [None] * len(span)
            seats[name][2] = 150  # tried it once, then idle: still a seat
            continue
        values = [None] * start + seat_usage(level, start, len(span) - start, idle)
        seats[name] = values
    with open(OUT / "team-usage.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["user_email", "month", "credits_used"])
        for i, month in enumerate(span):
            for name in names:
                value = seats[name][i]
                if value is not None:
                    w.writerow([f"{name}@acme.example", month, value])
    with open(OUT / "team-usage-wide.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["Acme credit usage export"])
        w.writerow(["User email"] + [f"{['Jan','Feb','Mar','Apr','May','Jun','Jul','Aug','Sep','Oct','Nov','Dec'][int(m[5:]) - 1]} {m[:4]}" for m in span])
        for name in names:
            w.writerow([f"{name}@acme.example"] + ["" if v is None else f"{v:,}" for v in seats[name]])


def write_portfolio():
    span = list(months(2025, 5, 18))  # 2025-05 .. 2026-10
    plans = [("launch", 2000), ("growth", 3000), ("pro", 4000)]
    with open(OUT / "portfolio-usage.csv", "w", newline="") as usage, open(OUT / "workspaces.csv", "w", newline="") as spaces:
        u = csv.writer(usage, lineterminator="\n")
        s = csv.writer(spaces, lineterminator="\n")
        u.writerow(["workspace", "seat", "month", "credits"])
        s.writerow(["workspace", "plan", "seats"])
        for k in range(24):
            name = f"{['Aster','Birch','Cedar','Delta','Ember','Fjord','Grove','Harbor','Iris','Juniper','Kestrel','Lumen','Maple','Nimbus','Orchid','Pike','Quartz','Raven','Sable','Tundra','Umber','Vale','Willow','Yarrow'][k]} {['Labs','Inc','Group','Co'][k % 4]}"
            plan, allowance = plans[k % 3]
            seat_count = rng.randint(3, 40)
            # Usage relative to allowance: some teams idle near the cap, some run short.
            intensity = [0.35, 0.55, 0.65, 0.75, 0.85, 1.0][k % 6]
            trend = rng.choice([-0.01, 0.0, 0.015, 0.03])
            s.writerow([name, plan, seat_count])
            for seat in range(seat_count):
                start = 0 if seat < seat_count - 2 else rng.randint(0, len(span) - 1)
                level = allowance * intensity * rng.lognormvariate(0, 0.6)
                values = seat_usage(level, start, len(span) - start, 0.12, trend)
                for i, value in enumerate(values):
                    if value is not None:
                        u.writerow([name, f"seat{seat + 1:02d}", span[start + i], value])


OUT.mkdir(exist_ok=True)
write_walkthrough()
write_team()
write_portfolio()
