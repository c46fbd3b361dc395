#!/usr/bin/env python3
"""Inputs of the distribution check against OR-Tools (issue 18):

  distribution_data.py DATA_DIR N

N sites of the cheese chain (generate.py's points, with bench/scale/data.py's
stages, products, units and 10 % outside intermediaries after the farms)
over the 3,000 parishes: DATA_DIR/distribution_sites_N.geojson. Prints its
path; deterministic, written once.
"""
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate  # noqa: E402

data, n = sys.argv[1], int(sys.argv[2])
out = os.path.join(data, f"distribution_sites_{n}.geojson")
if not os.path.exists(out):
    points = os.path.join(data, f"distribution_points_{n}.geojson")
    if not os.path.exists(points):
        generate.points(points, n)
    features = json.load(open(points))["features"]
    stage = np.array([f["properties"]["stage"] for f in features])
    raw = np.array([f["properties"]["capacity"] for f in features])
    rng = np.random.default_rng(9)
    outside = (rng.random(n) < 0.10) & (stage != "primary")
    product = np.where(np.isin(stage, ["primary", "collection"]), "milk", "cheese")
    unit = np.where(product == "milk", "l/month", "t/month")
    capacity = np.where(product == "milk", raw * 20, raw / 200)
    # Written with 2 decimals: at least 0.01, since a capacity of 0 is refused.
    capacity = np.maximum(capacity, 0.01)
    generate.write_atomically(out, (
        f'{{"type":"Feature","id":"S{i}","properties":{{"stage":"{stage[i]}","product":"{product[i]}",'
        f'"capacity":{capacity[i]:.2f},"unit":"{unit[i]}","owner":"{"outside" if outside[i] else "circuit"}"}},'
        f'"geometry":{json.dumps(f["geometry"])}}}'
        for i, f in enumerate(features)))
print(out)
