#!/usr/bin/env python3
"""Inputs of the whole-path benchmark at scale (issue 9):

  data.py DATA_DIR

From bench/data/points_1m.geojson and parishes_3k.geojson: 1,000,000 sites
of the cheese chain (the point's stage; milk at the primary and collection
stages, cheese after; 10 % of the sites after the farms outside
intermediaries) and a grouping of the 3,000 parishes into circuits by
municipality. Deterministic; written once.
"""
import os
import sys

import numpy as np
import pyogrio

data = sys.argv[1]
sites_out = os.path.join(data, "scale_sites.geojson")
grouping_out = os.path.join(data, "scale_grouping.csv")
if os.path.exists(sites_out) and os.path.exists(grouping_out):
    print(sites_out)
    sys.exit(0)

points = pyogrio.read_dataframe(os.path.join(data, "points_1m.geojson"))
xy = np.column_stack([points.geometry.x.to_numpy(), points.geometry.y.to_numpy()])
stage = points["stage"].to_numpy()
rng = np.random.default_rng(9)
outside = (rng.random(len(points)) < 0.10) & (stage != "primary")
product = np.where(np.isin(stage, ["primary", "collection"]), "milk", "cheese")
unit = np.where(product == "milk", "l/month", "t/month")
# Farms and collection centres in litres of milk a month, the rest in tonnes of cheese.
capacity = np.where(product == "milk", points["capacity"].to_numpy() * 20, points["capacity"].to_numpy() / 200)
# Written with 2 decimals: at least 0.01, since a capacity of 0 is refused.
capacity = np.maximum(capacity, 0.01)
with open(sites_out + ".tmp", "w") as f:
    f.write('{"type":"FeatureCollection","features":[\n')
    rows = []
    for i in range(len(points)):
        rows.append(f'{{"type":"Feature","id":"S{i}","properties":{{"stage":"{stage[i]}","product":"{product[i]}",'
                    f'"capacity":{capacity[i]:.2f},"unit":"{unit[i]}","owner":"{"outside" if outside[i] else "circuit"}"}},'
                    f'"geometry":{{"type":"Point","coordinates":[{xy[i, 0]:.7f},{xy[i, 1]:.7f}]}}}}')
    f.write(",\n".join(rows))
    f.write("\n]}\n")
os.replace(sites_out + ".tmp", sites_out)

parishes = pyogrio.read_dataframe(os.path.join(data, "parishes_3k.geojson"))
with open(grouping_out + ".tmp", "w") as f:
    f.write("territory_code,circuit_id\n")
    for code, municipality in zip(parishes["code"], parishes["municipality"]):
        f.write(f"{code},C-{municipality}\n")
os.replace(grouping_out + ".tmp", grouping_out)
print(sites_out)
