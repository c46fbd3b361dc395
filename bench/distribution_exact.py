#!/usr/bin/env python3
"""The distribution's optimum against OR-Tools on the complete network:

  distribution_exact.py SITES PARISHES CHAIN TERRITORIO_JSON ROUTES [--seconds S]

Builds the chain's complete layered network as `distribute` defines it
(every site of a stage to every site of the next, and past skippable
stages; sites followed only by skippable stages to every parish; kilograms,
capacities rounded down, demand to the nearest kilogram; link costs in
whole 100 m along straight lines in the parishes' UTM zone; each passage
through an outside intermediary penalised above any saving in distance,
unmet demand above that), solves it with OR-Tools SimpleMinCostFlow, and
compares the three objectives with `territorio distribute`'s (its --json
and its routes layer, -o): delivered and intermediated tonnes, equal to
the kilogram, and the solver's length objective, the sum of kilograms x
whole 100 m of each link used, equal (within 0.001 %, for the last bits of
two projections). Tonne-km along the exact lengths is printed too: flows
that tie in whole 100 m may differ there by a few tonne-km. Prints one JSON line; exits 1 when
they differ. Only for sizes OR-Tools can build whole (arcs grow as the
product of neighbouring stages' sizes).
"""
import json
import sys
import time

import numpy as np
import pyogrio
import shapely
from ortools.graph.python import min_cost_flow

sites_path, parishes_path, chain_path, ours_path, routes_path = sys.argv[1:6]
# territorio's wall time, when the caller measured it.
ours_seconds = float(sys.argv[7]) if len(sys.argv) > 7 and sys.argv[6] == "--seconds" else None
chain = json.load(open(chain_path))
ours = json.load(open(ours_path))
t0 = time.perf_counter()
parishes = pyogrio.read_dataframe(parishes_path)
utm = parishes.estimate_utm_crs()
parishes = parishes.to_crs(utm)
sites = pyogrio.read_dataframe(sites_path).to_crs(utm)

stages = [s["stage"] for s in chain["stages"]]
skippable = set(chain.get("skippable", []))
yields = [s.get("yield", 1.0) for s in chain["stages"]]
# A stage's capacity in final product: times the yields after it.
factor = [float(np.prod(yields[k + 1:])) for k in range(len(stages))]
layers = []
for k, stage in enumerate(chain["stages"]):
    mask = (sites["stage"] == stage["stage"]).to_numpy()
    if "product" in stage:
        mask = mask & (sites["product"] == stage["product"]).to_numpy()
    layers.append(np.flatnonzero(mask))
xy = shapely.get_coordinates(sites.geometry.values)
outside = (sites["owner"] == "outside").to_numpy()
capacity = sites["capacity"].to_numpy(dtype=float)
towns = shapely.get_coordinates(shapely.point_on_surface(parishes.geometry.values))
demand = np.round(parishes["population"].to_numpy(dtype=float) * chain["demandKgPerPersonMonth"]).astype(np.int64)

targets, to_people = [], []
for k in range(len(stages)):
    nxt, reached = k + 1, []
    while nxt < len(stages):
        reached.append(nxt)
        if stages[nxt] not in skippable:
            break
        nxt += 1
    targets.append(reached)
    to_people.append(nxt >= len(stages))

# Nodes: each site in and out, then the towns, then the source.
n_sites = len(sites)
town0 = 2 * n_sites
source = town0 + len(towns)
tails, heads, caps, costs, lengths = [], [], [], [], []
def arcs(t, h, c, w, metres):
    tails.append(t); heads.append(h); caps.append(c); costs.append(w); lengths.append(metres)
big = 1 << 40
all_points = np.vstack([xy[np.concatenate(layers)], towns])
diagonal = float(np.hypot(*(all_points.max(axis=0) - all_points.min(axis=0))))
longest = int(diagonal / 100) + 1
penalty = (longest + 1) * (2 * n_sites + len(towns) + 4)
shortage = penalty * (2 * n_sites + 4)
for k, layer in enumerate(layers):
    # As `distribute` works it out, to the last bit: capacity x (capacity x factor / capacity).
    c = capacity[layer]
    units = np.floor(c * np.where(c > 0, c * factor[k] / np.where(c > 0, c, 1), 0) * 1000).astype(np.int64)
    arcs(2 * layer, 2 * layer + 1, units, np.where(outside[layer], penalty, 0), np.zeros(len(layer)))
    if k == 0:
        arcs(np.full(len(layer), source), 2 * layer, np.full(len(layer), big), np.zeros(len(layer), dtype=np.int64), np.zeros(len(layer)))
    for j in targets[k]:
        other = layers[j]
        d = np.hypot(xy[layer, 0][:, None] - xy[other, 0][None, :], xy[layer, 1][:, None] - xy[other, 1][None, :])
        arcs(np.repeat(2 * layer + 1, len(other)), np.tile(2 * other, len(layer)), np.full(d.size, big), (d / 100).astype(np.int64).ravel(), d.ravel())
    if to_people[k]:
        d = np.hypot(xy[layer, 0][:, None] - towns[None, :, 0], xy[layer, 1][:, None] - towns[None, :, 1])
        arcs(np.repeat(2 * layer + 1, len(towns)), np.tile(town0 + np.arange(len(towns)), len(layer)), np.full(d.size, big),
             (d / 100).astype(np.int64).ravel(), d.ravel())
# Unmet demand: straight from the source, at a cost above everything else.
arcs(np.full(len(towns), source), town0 + np.arange(len(towns)), np.full(len(towns), big), np.full(len(towns), shortage, dtype=np.int64), np.zeros(len(towns)))
tails, heads = np.concatenate(tails).astype(np.int32), np.concatenate(heads).astype(np.int32)
caps, costs, lengths = np.concatenate(caps).astype(np.int64), np.concatenate(costs).astype(np.int64), np.concatenate(lengths)

solver = min_cost_flow.SimpleMinCostFlow()
solver.add_arcs_with_capacity_and_unit_cost(tails, heads, caps, costs)
supplies = np.zeros(source + 1, dtype=np.int64)
supplies[town0:town0 + len(towns)] = -demand
supplies[source] = demand.sum()
solver.set_nodes_supplies(np.arange(source + 1), supplies)
status = solver.solve()
if status != solver.OPTIMAL:
    sys.exit(f"OR-Tools: status {status}")
flow = solver.flows(np.arange(len(tails)))
unmet_kg = flow[-len(towns):]
unmet = int(unmet_kg.sum())
through = np.zeros(n_sites, dtype=np.int64)
site_arcs = (heads == tails + 1) & (tails < 2 * n_sites) & (tails % 2 == 0)
through[tails[site_arcs] // 2] = flow[site_arcs]
# As `distribute` counts it: a town whose demand (to the kilogram) is met
# gets its exact demand, others what reached them.
exact = parishes["population"].to_numpy(dtype=float) * chain["demandKgPerPersonMonth"] / 1000
delivered = float(np.where(unmet_kg == 0, exact, (demand - unmet_kg) / 1000).sum())
intermediated = float(through[outside].sum()) / 1000
tonne_km = float((flow * lengths).sum()) / 1e6
seconds = time.perf_counter() - t0
# Delivered in kilograms, the solvers' unit: `distribute` counts a town whose
# demand is met to the kilogram at its exact demand, so its figure can
# differ by under 0.5 kg a town when ties meet other towns in full.
unmet_ours = ours["unmet"]
reached_ours = [demand[i] if code not in unmet_ours else round(exact[i] * 1000 - unmet_ours[code] * 1000)
                for i, code in enumerate(parishes["code"])]
delivered_kg_ours, delivered_kg = int(sum(reached_ours)), int(demand.sum()) - unmet
# The length objective: kilograms x whole 100 m, ours from the routes layer.
link_arc = (tails % 2 == 1) & (tails < 2 * n_sites)
cost_ortools = int((flow[link_arc] * costs[link_arc]).sum())
routes = json.load(open(routes_path))["features"]
# Sites by their feature id, as the routes name them (the same order as read).
site_index = {str(f.get("id", i)): i for i, f in enumerate(json.load(open(sites_path))["features"])}
town_index = {str(code): i for i, code in enumerate(parishes["code"])}
cost_ours = 0
for route in routes:
    p = route["properties"]
    a = xy[site_index[p["from_id"]]]
    b = towns[town_index[p["to_id"]]] if p["to_stage"] == "consumers" else xy[site_index[p["to_id"]]]
    cost_ours += round(p["tonnes_month"] * 1000) * int(np.hypot(*(a - b)) / 100)
agree = (abs(delivered_kg - delivered_kg_ours) <= 1 and abs(intermediated - ours["intermediated"]) <= 0.001
         and abs(cost_ortools - cost_ours) <= 1e-5 * cost_ortools)
print(json.dumps({"task": "distribute-exact", "sites": int(sum(len(l) for l in layers)), "territories": len(towns), "arcs": len(tails),
                  "ortools": {"delivered": round(delivered, 3), "delivered_kg": delivered_kg, "intermediated": round(intermediated, 3), "kg_x_100m": cost_ortools, "tonne_km": round(tonne_km), "seconds": round(seconds, 2)},
                  "territorio": {"delivered": ours["delivered"], "delivered_kg": delivered_kg_ours, "kg_x_100m": cost_ours, "intermediated": ours["intermediated"], "tonne_km": ours["tonne_km"],
                                 "optimal": ours["optimal"], "pricing_rounds": ours["pricing_rounds"], "seconds": ours_seconds},
                  "agree": agree}))
sys.exit(0 if agree else 1)
