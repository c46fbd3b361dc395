#!/usr/bin/env python3
"""Inputs of the national case of bench/scale (issue 23):

  national.py GEODATA_DIR OUT_DIR [ACTORS]

From the real Venezuelan parishes (GEODATA_DIR/ve_parroquias_farojson.geojson,
1,127) and localities (ve_localidades_wof.geojson, 23,359) writes into OUT_DIR:

- national_parishes.geojson: the parishes with `code` (VE0001.., in file
  order), `name`, `municipality`, `state` and `population`. The files carry
  no population (only 97 localities have one), so each parish gets a seeded
  synthetic figure: a log-normal base (median 6,000) plus the Who's On
  First population of the localities inside it. The total is printed.
- national_sites.geojson: ACTORS (200,000) actors of the four chains of the
  sample territory, drawn with replacement from geodata/territory/sites.geojson
  (chain, product, stage, unit, owner and capacity kept together), each
  placed at a random locality, jittered by up to 0.01 degrees (about 1 km).
  Capacities are scaled so that supply over demand stays what it is in the
  sample (2,449 actors for 2,224,979 people).
- national_grouping.csv: territory_code,circuit_id, one circuit per
  municipality (state and municipality names, since names repeat across states).
- national_study.json: the study file tying them together with the four
  chains. Its territories are national_parishes_repaired.geojson, which
  bench/scale/run's first step writes (`territorio validate --repair`): some
  real parishes intersect themselves, and coverage's overlays refuse them.

Seeded (numpy, seed 23), so every run writes the same files; files already
there are kept.
"""
import json
import os
import sys

import numpy as np
import shapely

geodata, out = sys.argv[1], sys.argv[2]
actors = int(sys.argv[3]) if len(sys.argv) > 3 else 200_000
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sample = os.path.join(root, "geodata", "territory")
paths = {name: os.path.join(out, f"national_{name}") for name in ["parishes.geojson", "sites.geojson", "grouping.csv", "study.json"]}


def write_study():
    """The study file, its paths relative to its own folder (as a study's are read)."""
    here = os.path.dirname(os.path.abspath(paths["study.json"]))
    chains = [os.path.relpath(os.path.join(sample, "chains", f"{name}.json"), here)
              for name in ["cheese", "maize_flour", "coffee", "vegetables"]]
    study = {"description": "bench/scale national case: the Venezuelan parishes, a synthetic registry of actors, four chains",
             "territories": {"file": "national_parishes_repaired.geojson", "id_field": "code", "name_field": "name",
                             "population_field": "population"},
             "sites": {"file": "national_sites.geojson"}, "chains": chains, "grouping": "national_grouping.csv"}
    with open(paths["study.json"], "w") as f:
        json.dump(study, f, indent=2)
    print(paths["study.json"])


if all(os.path.exists(p) for name, p in paths.items() if name != "study.json"):
    write_study()
    sys.exit(0)
os.makedirs(out, exist_ok=True)
rng = np.random.default_rng(23)

parishes = json.load(open(os.path.join(geodata, "ve_parroquias_farojson.geojson")))["features"]
localities = json.load(open(os.path.join(geodata, "ve_localidades_wof.geojson")))["features"]
polygons = [shapely.geometry.shape(f["geometry"]) for f in parishes]
points = np.array([f["geometry"]["coordinates"][:2] for f in localities])
known = np.array([f["properties"].get("population") or 0 for f in localities], dtype=float)

# Which parish holds each locality (first by file order when two touch).
tree = shapely.STRtree(polygons)
located, parish_index = tree.query(shapely.points(points), predicate="intersects")
holder = np.full(len(points), -1)
for point, parish in zip(located[::-1], parish_index[::-1]):
    holder[point] = parish
population = np.round(rng.lognormal(np.log(6_000), 0.8, len(parishes)))
np.add.at(population, holder[holder >= 0], known[holder >= 0])

municipalities = {}
features = []
for i, (feature, people) in enumerate(zip(parishes, population)):
    p = feature["properties"]
    key = (p.get("ESTADO") or "?", p.get("MUNICIPIO") or "?")
    municipalities.setdefault(key, f"M{len(municipalities) + 1:03d}")
    features.append({"type": "Feature", "geometry": feature["geometry"],
                     "properties": {"code": f"VE{i + 1:04d}", "name": p.get("PARROQUIA"), "municipality": p.get("MUNICIPIO"),
                                    "state": p.get("ESTADO"), "population": int(people)}})
with open(paths["parishes.geojson"] + ".tmp", "w") as f:
    json.dump({"type": "FeatureCollection", "features": features}, f, ensure_ascii=False)
os.replace(paths["parishes.geojson"] + ".tmp", paths["parishes.geojson"])

with open(paths["grouping.csv"] + ".tmp", "w") as f:
    f.write("territory_code,circuit_id\n")
    for i, feature in enumerate(parishes):
        p = feature["properties"]
        f.write(f"VE{i + 1:04d},C-{municipalities[(p.get('ESTADO') or '?', p.get('MUNICIPIO') or '?')]}\n")
os.replace(paths["grouping.csv"] + ".tmp", paths["grouping.csv"])

templates = [f["properties"] for f in json.load(open(os.path.join(sample, "sites.geojson")))["features"]]
sample_people = sum(f["properties"]["population"] for f in json.load(open(os.path.join(sample, "parishes.geojson")))["features"])
scale = population.sum() / sample_people * len(templates) / actors
drawn = rng.integers(0, len(templates), actors)
place = rng.integers(0, len(points), actors)
jitter = rng.uniform(-0.01, 0.01, (actors, 2))
with open(paths["sites.geojson"] + ".tmp", "w") as f:
    f.write('{"type":"FeatureCollection","features":[\n')
    rows = []
    for i in range(actors):
        t = templates[drawn[i]]
        x, y = points[place[i]] + jitter[i]
        capacity = max(round(t["capacity"] * scale, 2), 0.01)
        properties = {"id": f"A{i + 1}", "chain": t["chain"], "product": t["product"], "stage": t["stage"],
                      "capacity": capacity, "unit": t["unit"], "owner": t["owner"]}
        rows.append(json.dumps({"type": "Feature", "id": f"A{i + 1}", "properties": properties,
                                "geometry": {"type": "Point", "coordinates": [round(x, 6), round(y, 6)]}}, separators=(",", ":")))
    f.write(",\n".join(rows))
    f.write("\n]}\n")
os.replace(paths["sites.geojson"] + ".tmp", paths["sites.geojson"])

print(f"{len(features)} parishes, {int(population.sum()):,} people (synthetic), {len(municipalities)} circuits, "
      f"{(holder >= 0).sum():,} of {len(points):,} localities inside a parish, {actors:,} actors", file=sys.stderr)
write_study()
