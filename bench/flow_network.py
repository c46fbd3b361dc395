#!/usr/bin/env python3
"""Writes the layered distribution network of a large generated chain as a
plain binary file both sides read outside their timing:

  flow_network.py OUT [SCALE]

Sites of four stages (primary 300k, collection 60k, processing 20k, retail
100k at SCALE 1) and 20k consumer territories scattered over the bench
rectangle in UTM metres. Every site links to its 3 nearest sites of the
next stage, primary also to its 3 nearest plants (collection may be
skipped), retail to its 3 nearest territories, every territory to its 3
nearest shops, and every site to its nearest site of the stage before (so
none is unreachable). Each site is two nodes joined by an arc of its capacity; 15%
of the sites after the farms are outside intermediaries, whose arcs carry a
penalty larger than any route. A super source supplies the farms. Costs are
100 m units. Supplies balance; capacities are ample, so all demand is met.

Format (little-endian int64): nodes, arcs, then arcs x (from, to, capacity,
cost), then nodes x supply.
"""
import os
import sys

import numpy as np
from scipy.spatial import cKDTree

out = sys.argv[1]
scale = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
if os.path.exists(out):
    print(out)
    sys.exit(0)
rng = np.random.default_rng(3_600_000)
size = 220_000.0
counts = {k: int(v * scale) for k, v in dict(primary=300_000, collection=60_000, processing=20_000, retail=100_000, territory=20_000).items()}
points = {k: rng.uniform(0, size, (n, 2)) for k, n in counts.items()}

node = 0
first = {}
for stage in ("primary", "collection", "processing", "retail"):
    first[stage] = node
    node += 2 * counts[stage]  # in node 2i, out node 2i + 1
first["territory"] = node
node += counts["territory"]
source = node
node += 1

froms, tos, caps, costs = [], [], [], []
demand = rng.integers(2, 20, counts["territory"]).astype(np.int64) * 1000  # kg a month
total = int(demand.sum())
capacity_of = {"primary": 3.0, "collection": 6.0, "processing": 12.0, "retail": 4.0}
penalty = 10_000_000
for stage in ("primary", "collection", "processing", "retail"):
    n = counts[stage]
    cap = np.full(n, int(total * capacity_of[stage] / n) + 1, dtype=np.int64)
    outside = rng.random(n) < (0 if stage == "primary" else 0.15)
    idx = np.arange(n)
    froms.append(first[stage] + 2 * idx); tos.append(first[stage] + 2 * idx + 1)
    caps.append(cap); costs.append(np.where(outside, penalty, 0).astype(np.int64))


def link(a, b, k=3):
    tree = cKDTree(points[b])
    dist, nearest = tree.query(points[a], k=k)
    src = np.repeat(np.arange(len(points[a])), k)
    dst = nearest.ravel()
    fa = first[a] + 2 * src + 1
    fb = first[b] + 2 * dst if b != "territory" else first[b] + dst
    froms.append(fa); tos.append(fb)
    caps.append(np.full(len(fa), total, dtype=np.int64)); costs.append((dist.ravel() / 100).astype(np.int64) + 1)


def link_back(a, b):
    """Every site of b also hears from its nearest site of a, so none is unreachable."""
    tree = cKDTree(points[a])
    dist, nearest = tree.query(points[b], k=1)
    froms.append(first[a] + 2 * nearest + 1)
    tos.append(first[b] + 2 * np.arange(len(points[b])))
    caps.append(np.full(len(points[b]), total, dtype=np.int64)); costs.append((dist / 100).astype(np.int64) + 1)


link("primary", "collection"); link("primary", "processing"); link("collection", "processing")
link("processing", "retail"); link("retail", "territory")
link_back("primary", "collection"); link_back("collection", "processing"); link_back("processing", "retail")
tree = cKDTree(points["retail"])
dist, nearest = tree.query(points["territory"], k=3)
froms.append(first["retail"] + 2 * nearest.ravel() + 1); tos.append(first["territory"] + np.repeat(np.arange(counts["territory"]), 3))
caps.append(np.full(nearest.size, total, dtype=np.int64)); costs.append((dist.ravel() / 100).astype(np.int64) + 1)
n = counts["primary"]
froms.append(np.full(n, source)); tos.append(first["primary"] + 2 * np.arange(n))
caps.append(np.full(n, total, dtype=np.int64)); costs.append(np.zeros(n, dtype=np.int64))

arcs = np.column_stack([np.concatenate(froms), np.concatenate(tos), np.concatenate(caps), np.concatenate(costs)]).astype("<i8")
supply = np.zeros(node, dtype="<i8")
supply[source] = total
supply[first["territory"]:first["territory"] + counts["territory"]] = -demand
with open(out + ".tmp", "wb") as f:
    np.array([node, len(arcs)], dtype="<i8").tofile(f)
    arcs.tofile(f)
    supply.tofile(f)
os.replace(out + ".tmp", out)
print(out)
