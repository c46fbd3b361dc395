#!/usr/bin/env python3
"""Writes food_circuits.geojson: ILLUSTRATIVE points for the domain's check.

The Venezuelan communal economy report (../../../shared/seeds/) says that
37 food circuits produce 2,510 t a month, which supplies 83,667 people a
month (20,917 families). This file places 37 such circuits in rural
parishes of the sample state, one point each, with capacities that add up
to exactly 2,510.0 t/month, so that `territorio catchment --method capacity
--chain food_basket.json` can count the people they feed. Locations and the
split of the tonnes are drawn from a seeded generator; nothing here is
measured. Standard library only; the same bytes every run:

    python3 geodata/circuits/make_food_circuits.py
"""
import json
import random
from pathlib import Path

here = Path(__file__).resolve().parent
TOTAL_KG = 2_510_000
COUNT = 37


def main():
    parishes = json.loads((here.parent / "territory" / "parishes.geojson").read_text())["features"]
    rural = sorted((f for f in parishes if not f["properties"]["urban"]), key=lambda f: f["properties"]["code"])
    rng = random.Random(37)
    chosen = sorted(rng.sample(rural, COUNT), key=lambda f: f["properties"]["code"])
    # Split the total into 37 parts of whole 100 kg (one decimal of a tonne).
    weights = [rng.uniform(0.4, 1.6) for _ in range(COUNT)]
    units = TOTAL_KG // 100
    parts = [int(units * w / sum(weights)) for w in weights]
    parts[-1] += units - sum(parts)
    features = []
    for number, (parish, part) in enumerate(zip(chosen, parts), start=1):
        ring = parish["geometry"]["coordinates"][0][:-1]  # Voronoi cells: convex, the vertex mean is inside
        lon = round(sum(p[0] for p in ring) / len(ring), 6)
        lat = round(sum(p[1] for p in ring) / len(ring), 6)
        code = f"CEC{number:02d}"
        features.append({"type": "Feature", "id": code,
                         "geometry": {"type": "Point", "coordinates": [lon, lat]},
                         "properties": {"id": code, "name": f"Circuito {parish['properties']['name']}",
                                        "parish": parish["properties"]["code"], "product": "food", "stage": "primary",
                                        "capacity": part / 10, "unit": "t/month", "owner": "circuit"}})
    text = '{"type":"FeatureCollection","features":[\n' + ",\n".join(
        json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features) + "\n]}\n"
    (here / "food_circuits.geojson").write_text(text)
    print(f"food_circuits.geojson: {len(features)} circuits, {sum(parts) / 10:.1f} t/month")


if __name__ == "__main__":
    main()
