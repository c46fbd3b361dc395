#!/usr/bin/env python3
"""Pair Territorio and anchor results and print the benchmark table.

usage: report.py TERRITORIO_JSONL ANCHOR_JSONL OUT_JSON

Each input holds one JSON line per task (task, tool, median_seconds, runs,
peak_rss_bytes, ...). Prints a Markdown table and writes all results to OUT_JSON.
"""
import datetime
import json
import platform
import sys

TARGETS = {"geojson-roundtrip": 0.5, "to-utm": 1.0, "validity": 1.0, "point-in-polygon": 1.05, "join": 0.5, "dissolve": 0.5, "interpolate": 0.5, "buffer-coverage": 0.5, "voronoi": 1.0, "graph-matrix": 1.0, "isochrones": 1.0, "isochrone-bands": 1.0, "maxp": 0.01, "skater": 0.01, "min-cost-flow": 2.0}
TARGETS.update({"read-gpkg": 1.0, "read-fgb": 1.0})
# Facility siting against spopt (PuLP + CBC) on the same instance: the same optimum, faster.
TARGETS.update({"p-median": 1.0, "mclp": 1.0})
# Isochrones of many facilities: the anchor is today's method (one union per
# band); issue 23 asks 850 Duitama facilities in under a minute, about 0.07
# of the 30 minutes it took.
TARGETS.update({"isochrone-grid": 1.0, "isochrone-duitama-sample": 0.1})
# Stronger anchors (issue 23): DuckDB's join beside GeoPandas', DuckDB
# reading, joining and writing; pygeoda beside spopt; pandana on Duitama.
TARGETS.update({"join-duckdb": 0.5, "join-write": 0.5, "maxp-pygeoda": 1.0, "skater-pygeoda": 1.0, "duitama-matrix": 1.0})
# Anchor rows that time the same work as another task's Territorio row.
SAME_WORK = {"join-duckdb": "join", "maxp-pygeoda": "maxp", "skater-pygeoda": "skater"}
CHECKED = ("features", "points", "polygons", "invalid", "located", "nodes", "arcs", "finite",
           "reached_15_min")  # counts both sides should agree on


def load(path):
    with open(path) as f:
        return {r["task"]: r for r in map(json.loads, filter(str.strip, f))}


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    ours, anchors = load(sys.argv[1]), load(sys.argv[2])
    mb = lambda r: f"{r['peak_rss_bytes'] / 2**20:.0f}"
    rows, notes = [], []
    print("| task | Territorio median s | anchor | anchor median s | ratio (Territorio/anchor) "
          "| target | Territorio peak MB | anchor peak MB |")
    print("|---|---:|---|---:|---:|---:|---:|---:|")
    for task, a in anchors.items():
        if SAME_WORK.get(task, task) not in ours:
            continue
        t = ours[SAME_WORK.get(task, task)]
        ratio = t["median_seconds"] / a["median_seconds"]
        target = TARGETS.get(task)
        met = target is None or ratio <= target
        print(f"| {task} | {t['median_seconds']:.3f} | {a['tool']} | {a['median_seconds']:.3f} "
              f"| {ratio:.3g}{'' if met else ' (missed)'} | <= {target} | {mb(t)} | {mb(a)} |")
        rows.append({"task": task, "ratio": ratio, "target": target, "met": met,
                     "territorio": t, "anchor": a})
        # Siting: the same optimum, to 1e-6 relative (both sides solve it exactly).
        # Grouping: as many regions, and for SKATER the sum of squared deviations.
        if "regions" in t and "regions" in a and t["regions"] != a["regions"]:
            notes.append(f"{task}: regions differ (Territorio {t['regions']}, anchor {a['regions']})")
        if "ssd" in t and "ssd" in a:
            notes.append(f"{task}: sum of squared deviations Territorio {t['ssd']:,}, anchor {a['ssd']:,} "
                         f"({'no larger' if t['ssd'] <= a['ssd'] else 'LARGER'})")
        if "checksum_minutes" in t and "checksum_minutes" in a:
            notes.append(f"{task}: sum of minutes Territorio {t['checksum_minutes']:,}, anchor {a['checksum_minutes']:,}")
        if "objective" in t and "objective" in a and abs(t["objective"] - a["objective"]) > 1e-6 * max(1, abs(a["objective"])):
            notes.append(f"{task}: objective differs (Territorio {t['objective']}, anchor {a['objective']})")
        notes += [f"{task}: {k} differs (Territorio {t[k]}, anchor {a[k]})"
                  for k in CHECKED if k in t and k in a and t[k] != a[k]]
    for task, t in ours.items():  # Territorio alone (no anchor run)
        if task not in anchors:
            print(f"| {task} | {t['median_seconds']:.3f} | none | | | | {mb(t)} | |")
    for note in notes:
        print(f"\nwarning: {note}")
    with open(sys.argv[3], "w") as f:
        json.dump({"date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
                   "machine": f"{platform.system()} {platform.machine()}", "rows": rows}, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
