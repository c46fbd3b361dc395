#!/usr/bin/env python3
"""The whole path at scale done the way a Python user would, one step per
call, timed inside the process (reading inputs included, as the CLI's
times include them):

  anchors.py STEP SITES PARISHES GROUPING CHAIN OUT_DIR

STEP is join (GeoPandas sjoin, written with pyogrio), catchment (Voronoi
cells of the collection centres with Shapely, clipped to the parishes,
population by area overlay), coverage (sites per circuit and stage, the
weakest stage's final-equivalent capacity against population x demand),
or distribute (the layered network of the chain with its 3 nearest links,
solved by OR-Tools SimpleMinCostFlow, intermediaries penalised). Prints a
JSON line: step, seconds, peak RSS.
"""
import json
import resource
import sys
import time

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely

step, sites_path, parishes_path, grouping_path, chain_path, out = sys.argv[1:7]
t0 = time.perf_counter()
chain = json.load(open(chain_path))
sites = pyogrio.read_dataframe(sites_path)
parishes = pyogrio.read_dataframe(parishes_path)
utm = parishes.estimate_utm_crs()
counts = {}

if step == "join":
    joined = gpd.sjoin(sites, parishes[["code", "geometry"]], how="left", predicate="intersects")
    joined = joined[~joined.index.duplicated()]
    pyogrio.write_dataframe(joined.drop(columns="index_right"), f"{out}/anchor_joined.geojson", driver="GeoJSON")
    counts["features"] = len(joined)

elif step == "catchment":
    centres = sites[(sites["stage"] == "collection") & (sites["product"] == "milk")].to_crs(utm)
    area = parishes.to_crs(utm)
    extent = shapely.union_all(area.geometry.values)
    cells = shapely.voronoi_polygons(shapely.multipoints(centres.geometry.values), extend_to=extent)
    cells = gpd.GeoDataFrame(geometry=list(shapely.get_parts(cells)), crs=utm)
    cells["geometry"] = shapely.intersection(cells.geometry.values, extent)
    area["parish_area"] = area.area
    pieces = gpd.overlay(cells.reset_index(), area[["population", "parish_area", "geometry"]], how="intersection")
    pieces["people"] = pieces["population"] * pieces.area / pieces["parish_area"]
    served = pieces.groupby("index")["people"].sum()
    counts["catchments"] = len(cells)
    counts["people"] = round(float(served.sum()))

elif step == "coverage":
    grouping = pd.read_csv(grouping_path)
    joined = gpd.sjoin(sites, parishes[["code", "population", "geometry"]], how="inner", predicate="intersects")
    joined = joined.merge(grouping, left_on="code", right_on="territory_code")
    stages = chain["stages"]
    # Final-product equivalent of each stage: the yields after it.
    eq, running = {}, 1.0
    for s in stages[::-1]:
        eq[s["stage"]] = running
        running *= s.get("yield", 1.0)
    product_of = {s["stage"]: s["product"] for s in stages}
    joined = joined[joined["product"] == joined["stage"].map(product_of)]
    joined["final"] = joined["capacity"] * joined["stage"].map(eq)
    supply = joined.pivot_table(index="circuit_id", columns="stage", values="final", aggfunc="sum").fillna(0)
    people = parishes.merge(grouping, left_on="code", right_on="territory_code").groupby("circuit_id")["population"].sum()
    demand = people * chain["demandKgPerPersonMonth"] / 1000
    required = [s["stage"] for s in stages if s["stage"] not in chain.get("skippable", [])]
    weakest = supply[required].min(axis=1)
    coverage = (weakest / demand).fillna(0)
    # People within 5 km of the circuit's own distribution and retail
    # sites, inside the circuit, as Territorio reports them.
    outlets = joined[(joined["owner"] == "circuit") & joined["stage"].isin(["distribution", "retail"])].to_crs(utm)
    discs = outlets.assign(geometry=outlets.buffer(5000, quad_segs=16))[["circuit_id", "geometry"]].dissolve("circuit_id")
    area = parishes.merge(grouping, left_on="code", right_on="territory_code").to_crs(utm)
    area["parish_area"] = area.area
    circuits_shape = area[["circuit_id", "geometry"]].dissolve("circuit_id")
    discs["geometry"] = discs.geometry.intersection(circuits_shape.geometry.reindex(discs.index))
    pieces = gpd.overlay(area[["circuit_id", "population", "parish_area", "geometry"]],
                         discs.reset_index().rename(columns={"circuit_id": "near"}), how="intersection")
    pieces = pieces[pieces["circuit_id"] == pieces["near"]]
    near = (pieces["population"] * pieces.area / pieces["parish_area"]).groupby(pieces["circuit_id"]).sum()
    counts["circuits"] = len(coverage)
    counts["people_near_distribution"] = round(float(near.sum()))

elif step == "distribute":
    from ortools.graph.python import min_cost_flow
    from scipy.spatial import cKDTree

    metric = sites.to_crs(utm)
    xy = np.column_stack([metric.geometry.x, metric.geometry.y])
    area = parishes.to_crs(utm)
    centre = np.column_stack([area.geometry.centroid.x, area.geometry.centroid.y])
    stages = [s["stage"] for s in chain["stages"]]
    product_of = {s["stage"]: s["product"] for s in chain["stages"]}
    eq, running = {}, 1.0
    for s in chain["stages"][::-1]:
        eq[s["stage"]] = running
        running *= s.get("yield", 1.0)
    layers = [np.flatnonzero((sites["stage"].values == st) & (sites["product"].values == product_of[st])) for st in stages]
    n = len(sites)
    node_in, node_out = np.arange(n), n + np.arange(n)
    territory = 2 * n + np.arange(len(area))
    source = 2 * n + len(area)
    demand = np.round(area["population"].to_numpy() * chain["demandKgPerPersonMonth"]).astype(np.int64)  # kg
    cap = np.floor(sites["capacity"].to_numpy() * sites["stage"].map(eq).to_numpy() * 1000).astype(np.int64)
    tails, heads, caps, costs = [node_in], [node_out], [cap], [np.zeros(n, dtype=np.int64)]
    big = int(demand.sum())
    skippable = set(chain.get("skippable", []))
    links = []
    for i, a in enumerate(layers):
        for j in range(i + 1, len(layers)):
            links.append((a, layers[j]))
            if stages[j] not in skippable:
                break
    for a, b in links:
        if len(a) == 0 or len(b) == 0:
            continue
        d, k = cKDTree(xy[b]).query(xy[a], k=min(3, len(b)))
        d, k = d.reshape(len(a), -1), k.reshape(len(a), -1)
        tails.append(np.repeat(node_out[a], k.shape[1])); heads.append(node_in[b[k.ravel()]])
        caps.append(np.full(k.size, big, dtype=np.int64)); costs.append((d.ravel() / 100).astype(np.int64) + 1)
    sellers = layers[-1]
    d, k = cKDTree(xy[sellers]).query(centre, k=3)
    tails.append(node_out[sellers[k.ravel()]]); heads.append(np.repeat(territory, 3))
    caps.append(np.full(k.size, big, dtype=np.int64)); costs.append((d.ravel() / 100).astype(np.int64) + 1)
    tails.append(np.full(len(layers[0]), source)); heads.append(node_in[layers[0]])
    caps.append(np.full(len(layers[0]), big, dtype=np.int64)); costs.append(np.zeros(len(layers[0]), dtype=np.int64))
    tail, head, capacity, cost = map(np.concatenate, (tails, heads, caps, costs))
    outside = (sites["owner"].values == "outside")
    penalty = (int(cost.max()) + 1) * (source + 4)
    cost = cost + np.where((tail >= n) & (tail < 2 * n) & outside[np.clip(tail - n, 0, n - 1)], penalty, 0)
    solver = min_cost_flow.SimpleMinCostFlow()
    solver.add_arcs_with_capacity_and_unit_cost(tail, head, capacity, cost)
    supplies = np.zeros(source + 1, dtype=np.int64)
    supplies[territory] = -demand
    supplies[source] = int(demand.sum())
    solver.set_nodes_supplies(np.arange(source + 1), supplies)
    status = solver.solve_max_flow_with_min_cost()
    counts["status"] = int(status)
    counts["delivered_t"] = round(solver.maximum_flow() / 1000, 1)

seconds = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"step": step, "tool": "Python (GeoPandas, Shapely, OR-Tools)", "seconds": seconds, "peak_rss_bytes": peak, **counts}))
