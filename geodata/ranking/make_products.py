#!/usr/bin/env python3
"""Writes products.csv: an ILLUSTRATIVE indicator table for `territorio rank`.

One row per municipality of the sample territory (geodata/territory/) and
product it has. `volume` comes from the sample actors: the primary
production inside the municipality in tonnes of final product a month
(milk x 0.0001 t of cheese per litre, coffee cherries x 0.2, maize x 0.75,
vegetables x 1, as the chain specs say). Cocoa and papelón are not in the
sample actors: where they are listed, and every other indicator, are drawn
from a seeded random generator around plausible levels. Nothing here is
measured. Standard library only; the same bytes every run:

    python3 geodata/ranking/make_products.py
"""
import json
import random
from pathlib import Path

here = Path(__file__).resolve().parent
territory = here.parent / "territory"

# product -> (chain, factor to final product) for products the sample actors have
FROM_SITES = {"cheese": ("cheese", 0.0001), "coffee": ("coffee", 0.2),
              "maize flour": ("maize flour", 0.75), "vegetables": ("vegetables", 1.0)}
# product -> demand index, growth %/year, price index, quality 1-5, unit cost index, value added %, surplus kept %
LEVELS = {
    "cheese":      (70, 3.0, 1.05, 3.6, 1.00, 38, 55),
    "coffee":      (78, 4.0, 1.05, 3.7, 1.00, 30, 45),
    "maize flour": (75, 2.0, 0.95, 3.2, 1.00, 25, 40),
    "vegetables":  (68, 3.5, 0.95, 3.4, 0.95, 10, 60),
    "cocoa":       (82, 5.5, 1.10, 3.6, 1.05, 20, 40),
    "papelón":     (55, 1.5, 1.00, 3.2, 1.05, 45, 65),
}
EXTRA = {"cocoa": 6, "papelón": 7}  # how many municipalities list them


def rings(geometry):
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    return [ring for polygon in polygons for ring in polygon]


def inside(x, y, geometry):
    """Even-odd ray casting over every ring (holes included)."""
    crossings = 0
    for ring in rings(geometry):
        for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                crossings += 1
    return crossings % 2 == 1


def main():
    municipalities = json.loads((territory / "municipalities.geojson").read_text())["features"]
    municipalities.sort(key=lambda f: f["properties"]["municipality_code"])
    sites = json.loads((territory / "sites.geojson").read_text())["features"]
    volume = {}
    for site in sites:
        p = site["properties"]
        if p["stage"] != "primary":
            continue
        product = next((name for name, (chain, _) in FROM_SITES.items() if chain == p["chain"]), None)
        x, y = site["geometry"]["coordinates"]
        for m in municipalities:
            if inside(x, y, m["geometry"]):
                key = (m["properties"]["municipality_code"], product)
                volume[key] = volume.get(key, 0) + p["capacity"] * FROM_SITES[product][1]
                break

    rng = random.Random(8)
    codes = [m["properties"]["municipality_code"] for m in municipalities]
    extra = {product: set(rng.sample(codes, count)) for product, count in EXTRA.items()}
    rows = []
    for code in codes:
        for product, (demand, growth, price, quality, cost, added, kept) in LEVELS.items():
            if product in FROM_SITES:
                tonnes = volume.get((code, product), 0)
                if tonnes < 0.5:
                    continue
            elif code in extra[product]:
                tonnes = rng.uniform(5, 120)
            else:
                continue
            rows.append([code, product,
                         round(min(100, max(0, demand + rng.uniform(-8, 8)))),
                         round(growth + rng.uniform(-1, 1), 1),
                         round(price * rng.uniform(0.85, 1.15), 2),
                         round(min(5, max(1, quality + rng.uniform(-0.6, 0.6))), 1),
                         round(cost * rng.uniform(0.85, 1.15), 2),
                         round(tonnes, 1),
                         round(added + rng.uniform(-8, 8)),
                         round(kept + rng.uniform(-10, 10))])
    header = ["municipality_code", "product", "demand", "future_demand", "price", "quality",
              "competitiveness", "volume", "value_added", "surplus_distribution"]
    lines = [",".join(header)] + [",".join(str(v) for v in row) for row in rows]
    (here / "products.csv").write_text("\n".join(lines) + "\n")
    print(f"products.csv: {len(rows)} rows, {len(codes)} municipalities")


if __name__ == "__main__":
    main()
