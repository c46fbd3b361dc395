#!/usr/bin/env python3
"""Python anchors for the Territorio benchmark.

usage: anchors.py geojson-roundtrip IN OUT [--repeat N]
       anchors.py read-gpkg POINTS.gpkg [--repeat N]
       anchors.py read-fgb POINTS.fgb [--repeat N]
       anchors.py join POINTS POLYGONS [--repeat N]
       anchors.py join-duckdb POINTS POLYGONS [--repeat N]
       anchors.py join-write POINTS POLYGONS OUT [--repeat N]   (DuckDB spatial)
       anchors.py duitama-matrix ROADS ARCS [--repeat N]   (pandana; ARCS from territorio-bench)
       anchors.py maxp-pygeoda PARISHES [--repeat N]
       anchors.py skater-pygeoda PARISHES [--repeat N]
       anchors.py dissolve PARISHES [--repeat N]
       anchors.py interpolate PARISHES CELLS [--repeat N]
       anchors.py buffer-coverage POINTS PARISHES [--repeat N]
       anchors.py voronoi POINTS PARISHES [--repeat N]
       anchors.py graph-matrix ROADS [--repeat N]
       anchors.py isochrones ROADS [--repeat N]
       anchors.py isochrone-bands ROADS [--repeat N]
       anchors.py maxp PARISHES [--repeat N]
       anchors.py skater PARISHES [--repeat N]
       anchors.py min-cost-flow NETWORK.bin [--repeat N]
       anchors.py min-cost-flow-networkx NETWORK.bin [--repeat N]
       anchors.py p-median INSTANCE.json [--repeat N]
       anchors.py mclp INSTANCE.json [--repeat N]
       anchors.py to-utm IN [--repeat N]
       anchors.py validity IN [--repeat N]

Runs one task N times in this process and prints one JSON line:
{"task", "tool", "median_seconds", "runs", "peak_rss_bytes", ...extras}.
Input is loaded outside the timed region where the task is not about I/O.
"""
import argparse
import json
import os
import resource
import statistics
import time

import numpy as np
import pyogrio
import shapely


def geojson_roundtrip(args, repeat):
    import geopandas as gpd

    def run():
        df = gpd.read_file(args.input, engine="pyogrio")
        df.to_file(args.output, driver="GeoJSON", engine="pyogrio")
        return len(df)

    runs = []
    for _ in range(repeat):
        if os.path.exists(args.output):
            os.remove(args.output)
        t0 = time.perf_counter()
        n = run()
        runs.append(time.perf_counter() - t0)
    return runs, f"geopandas {gpd.__version__} + pyogrio {pyogrio.__version__}", {"features": n}


def read_format(args, repeat):
    """Every feature with its properties into a GeoDataFrame, through GDAL."""
    runs, n = [], 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        df = pyogrio.read_dataframe(args.input)
        runs.append(time.perf_counter() - t0)
        n = len(df)
        del df
    return runs, f"pyogrio {pyogrio.__version__} read_dataframe (GDAL {pyogrio.__gdal_version_string__})", {"features": n}


def to_utm(args, repeat):
    import pyproj

    _, _, wkb, _ = pyogrio.raw.read(args.input, columns=[])
    step = 100_000  # decode in chunks so the load does not dominate peak RSS
    xy = np.concatenate([shapely.get_coordinates(shapely.from_wkb(wkb[i:i + step]))
                         for i in range(0, len(wkb), step)])
    x, y = np.ascontiguousarray(xy[:, 0]), np.ascontiguousarray(xy[:, 1])
    del wkb, xy

    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        t = pyproj.Transformer.from_crs("EPSG:4326", "EPSG:32619", always_xy=True)
        e, n = t.transform(x, y)
        runs.append(time.perf_counter() - t0)
    assert np.isfinite(e).all() and np.isfinite(n).all()
    return runs, f"pyproj {pyproj.__version__} (PROJ {pyproj.proj_version_str})", {"points": len(x)}


def validity(args, repeat):
    _, _, wkb, _ = pyogrio.raw.read(args.input, columns=[])
    arr = shapely.from_wkb(wkb)

    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        invalid = ~shapely.is_valid(arr)
        reasons = shapely.is_valid_reason(arr[invalid])
        fixed = shapely.make_valid(arr[invalid])
        runs.append(time.perf_counter() - t0)
    assert len(reasons) == len(fixed) and shapely.is_valid(fixed).all()
    return runs, f"shapely {shapely.__version__} (GEOS {shapely.geos_version_string})", {
        "polygons": len(arr), "invalid": int(invalid.sum())}


def join(args, repeat):
    import geopandas as gpd

    points = gpd.read_file(args.input, engine="pyogrio", columns=[])
    polygons = gpd.read_file(args.output, engine="pyogrio")

    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        joined = gpd.sjoin(points, polygons, how="left", predicate="intersects")
        joined = joined[~joined.index.duplicated(keep="first")]
        runs.append(time.perf_counter() - t0)
    return runs, f"geopandas {gpd.__version__} sjoin", {
        "points": len(points), "located": int(joined["index_right"].notna().sum())}


def dissolve(args, repeat):
    import geopandas as gpd

    parishes = gpd.read_file(args.input, engine="pyogrio")
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        municipalities = parishes.dissolve(by="municipality", aggfunc={"population": "sum", "state": "first"})
        states = municipalities.dissolve(by="state", aggfunc={"population": "sum"})
        runs.append(time.perf_counter() - t0)
    return runs, f"geopandas {gpd.__version__} dissolve", {
        "municipalities": len(municipalities), "states": len(states)}


def interpolate(args, repeat):
    import geopandas as gpd

    parishes = gpd.read_file(args.input, engine="pyogrio")
    cells = gpd.read_file(args.output, engine="pyogrio")
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        # What tobler's area_interpolate does for an extensive variable, in metres.
        source = parishes[["population", "geometry"]].to_crs("EPSG:32619")
        target = cells[["cell", "geometry"]].to_crs("EPSG:32619")
        source["source_area"] = source.area
        pieces = gpd.overlay(source, target, how="intersection", keep_geom_type=True)
        pieces["population"] = pieces["population"] * pieces.area / pieces["source_area"]
        result = target.merge(pieces.groupby("cell")["population"].sum(), on="cell", how="left").fillna({"population": 0})
        runs.append(time.perf_counter() - t0)
    return runs, f"geopandas {gpd.__version__} overlay + groupby", {
        "cells": len(result), "population": round(float(result["population"].sum()))}


def first_points_utm(path, n=40_000):
    import geopandas as gpd

    return gpd.read_file(path, engine="pyogrio", max_features=n, columns=[]).to_crs("EPSG:32619")


def buffer_coverage(args, repeat):
    import geopandas as gpd

    points = first_points_utm(args.input)
    parishes = gpd.read_file(args.output, engine="pyogrio")[["population", "geometry"]]
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        reach = shapely.union_all(points.buffer(5_000).values)
        source = parishes.to_crs("EPSG:32619")
        share = shapely.area(shapely.intersection(source.geometry.values, reach)) / source.area.values
        covered = float((source["population"].values * share).sum())
        runs.append(time.perf_counter() - t0)
    return runs, f"geopandas {gpd.__version__} + shapely {shapely.__version__} (GEOS {shapely.geos_version_string})", {
        "points": len(points), "population_covered": round(covered)}


def voronoi(args, repeat):
    import geopandas as gpd

    points = first_points_utm(args.input)
    region = shapely.union_all(gpd.read_file(args.output, engine="pyogrio").to_crs("EPSG:32619").geometry.values)
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        cells = shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(points.geometry.values), extend_to=region))
        clipped = shapely.intersection(cells, region)
        runs.append(time.perf_counter() - t0)
    return runs, f"shapely {shapely.__version__} (GEOS {shapely.geos_version_string})", {
        "points": len(points), "cells": int((~shapely.is_empty(clipped)).sum())}


def road_segments(roads):
    """Segments a -> b with their minutes, and the node positions (UTM 19N)."""
    import pyproj

    speeds = roads["highway"].map({"primary": 70.0, "residential": 30.0}).fillna(30.0).values
    coords, index = shapely.get_coordinates(roads.geometry.values, return_index=True)
    x, y = pyproj.Transformer.from_crs("EPSG:4326", "EPSG:32619", always_xy=True).transform(coords[:, 0], coords[:, 1])
    same_line = index[1:] == index[:-1]
    # Nodes numbered by first appearance, as Territorio numbers them, so
    # "node k" is the same place on both sides.
    _, first, inverse = np.unique(np.round(coords, 9), axis=0, return_index=True, return_inverse=True)
    rank = np.empty(len(first), dtype=np.int64)
    rank[np.argsort(first)] = np.arange(len(first))
    node = rank[inverse.ravel()]
    a, b = node[:-1][same_line], node[1:][same_line]
    minutes = np.hypot(x[1:] - x[:-1], y[1:] - y[:-1])[same_line] / (speeds[index[:-1][same_line]] * 1000 / 60)
    n = int(node.max()) + 1
    xy = np.empty((n, 2))
    xy[node, 0], xy[node, 1] = x, y
    return n, a, b, minutes, xy


def road_csgraph(roads):
    """The road graph as scipy builds it: nodes at shared vertices, edges both ways, minutes."""
    from scipy.sparse import csr_matrix

    n, a, b, minutes, _ = road_segments(roads)
    return csr_matrix((np.concatenate([minutes, minutes]), (np.concatenate([a, b]), np.concatenate([b, a]))), shape=(n, n))


def isochrones(args, repeat):
    import geopandas as gpd
    import scipy
    from scipy.sparse.csgraph import dijkstra

    graph = road_csgraph(gpd.read_file(args.input, engine="pyogrio"))
    n = graph.shape[0]
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        reached = 0
        for start in range(0, 5_000, 500):  # in blocks, to bound memory
            origins = [k * n // 5_000 for k in range(start, start + 500)]
            reached += int(np.isfinite(dijkstra(graph, directed=True, indices=origins, limit=30)).sum())
        runs.append(time.perf_counter() - t0)
    return runs, f"scipy {scipy.__version__} csgraph", {"isochrones": 5_000, "reached": reached}


def isochrone_bands(args, repeat):
    """20 isochrone polygons as an analyst builds them with Shapely: the road
    reachable in 15 minutes, segments cut where time runs out, each merged
    line buffered by 200 m and the bands merged by union_all."""
    import geopandas as gpd
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import dijkstra

    n, a, b, minutes, xy = road_segments(gpd.read_file(args.input, engine="pyogrio"))
    graph = csr_matrix((np.concatenate([minutes, minutes]), (np.concatenate([a, b]), np.concatenate([b, a]))), shape=(n, n))
    origins = [k * n // 20 for k in range(20)]
    safe = np.where(minutes > 0, minutes, 1e-12)
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        area = 0.0
        for row in dijkstra(graph, directed=True, indices=origins, limit=15):
            from_a = np.clip((15 - row[a]) / safe, 0, 1)
            from_b = np.clip((15 - row[b]) / safe, 0, 1)
            whole = from_a + from_b >= 1
            pa, pb = xy[a], xy[b]
            starts = np.concatenate([pa[whole], pa[~whole & (from_a > 0)], pb[~whole & (from_b > 0)]])
            ends = np.concatenate([pb[whole],
                                   (pa + (pb - pa) * from_a[:, None])[~whole & (from_a > 0)],
                                   (pb + (pa - pb) * from_b[:, None])[~whole & (from_b > 0)]])
            lines = shapely.linestrings(np.stack([starts, ends], axis=1))
            merged = shapely.line_merge(shapely.multilinestrings(lines))
            area += shapely.union_all(shapely.buffer(shapely.get_parts(merged), 200, quad_segs=4)).area
        runs.append(time.perf_counter() - t0)
    return runs, f"shapely {shapely.__version__} (GEOS {shapely.geos_version_string}) + scipy", {
        "isochrones": 20, "area_ha": int(round(area / 1e4))}


def graph_matrix(args, repeat):
    import geopandas as gpd
    import scipy
    from scipy.sparse.csgraph import dijkstra

    roads = gpd.read_file(args.input, engine="pyogrio")
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        graph = road_csgraph(roads)
        n = graph.shape[0]
        origins = [k * n // 30 for k in range(30)]
        targets = [k * n // 40_000 for k in range(40_000)]
        matrix = dijkstra(graph, directed=True, indices=origins)[:, targets]
        runs.append(time.perf_counter() - t0)
    return runs, f"scipy {scipy.__version__} csgraph", {
        "segments": int(graph.nnz // 2), "finite": int(np.isfinite(matrix).sum()),
        "checksum_minutes": round(float(matrix[np.isfinite(matrix)].sum()), 1)}


def maxp(args, repeat):
    import geopandas as gpd
    import libpysal
    import spopt
    from spopt.region import MaxPHeuristic

    parishes = gpd.read_file(args.input, engine="pyogrio")
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        weights = libpysal.weights.Rook.from_dataframe(parishes, use_index=False, silence_warnings=True)
        model = MaxPHeuristic(parishes, weights, attrs_name=["population"], threshold_name="population",
                              threshold=50_000, top_n=2)
        model.solve()
        runs.append(time.perf_counter() - t0)
    return runs, f"spopt {spopt.__version__} MaxPHeuristic", {"parishes": len(parishes), "regions": len(set(model.labels_))}


def skater(args, repeat):
    import geopandas as gpd
    import libpysal
    import spopt
    from spopt.region import Skater

    parishes = gpd.read_file(args.input, engine="pyogrio")
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        weights = libpysal.weights.Rook.from_dataframe(parishes, use_index=False, silence_warnings=True)
        model = Skater(parishes, weights, attrs_name=["population"], n_clusters=30)
        model.solve()
        runs.append(time.perf_counter() - t0)
    labels = np.asarray(model.labels_)
    values = parishes["population"].to_numpy(dtype=float)
    ssd = sum(float(((values[labels == k] - values[labels == k].mean()) ** 2).sum()) for k in set(labels))
    return runs, f"spopt {spopt.__version__} Skater", {"parishes": len(parishes), "regions": len(set(labels)), "ssd": round(ssd)}


def min_cost_flow_networkx(args, repeat):
    """The same network through networkx's network simplex (pure Python:
    run on the small network only)."""
    import networkx as nx

    header = np.fromfile(args.input, dtype="<i8", count=2)
    nodes, arcs = int(header[0]), int(header[1])
    body = np.fromfile(args.input, dtype="<i8", offset=16)
    arc = body[:4 * arcs].reshape(arcs, 4).tolist()
    supply = body[4 * arcs:4 * arcs + nodes].tolist()
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        graph = nx.MultiDiGraph()
        graph.add_nodes_from((node, {"demand": -s}) for node, s in enumerate(supply))
        graph.add_edges_from((u, v, {"capacity": c, "weight": w}) for u, v, c, w in arc)
        cost, _ = nx.network_simplex(graph)
        runs.append(time.perf_counter() - t0)
    return runs, f"networkx {nx.__version__} network_simplex", {"nodes": nodes, "arcs": arcs, "cost": int(cost), "shortfall": 0}


def min_cost_flow(args, repeat):
    from ortools.graph.python import min_cost_flow as ortools_flow
    import ortools

    header = np.fromfile(args.input, dtype="<i8", count=2)
    nodes, arcs = int(header[0]), int(header[1])
    body = np.fromfile(args.input, dtype="<i8", offset=16)
    arc = body[:4 * arcs].reshape(arcs, 4)
    supply = body[4 * arcs:4 * arcs + nodes]
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        solver = ortools_flow.SimpleMinCostFlow()
        solver.add_arcs_with_capacity_and_unit_cost(arc[:, 0], arc[:, 1], arc[:, 2], arc[:, 3])
        solver.set_nodes_supplies(np.arange(nodes), supply)
        status = solver.solve()
        runs.append(time.perf_counter() - t0)
    assert status == solver.OPTIMAL, status
    return runs, f"OR-Tools {ortools.__version__} SimpleMinCostFlow", {
        "nodes": nodes, "arcs": arcs, "cost": int(solver.optimal_cost()), "shortfall": 0}


def siting_instance(path):
    """The instance of bench/siting_instance.py and its Euclidean cost matrix (outside the timing)."""
    with open(path) as f:
        instance = json.load(f)
    demand, candidates = np.array(instance["demand"]), np.array(instance["candidates"])
    cost = np.sqrt(((demand[:, None, :] - candidates[None, :, :]) ** 2).sum(axis=2))
    return instance, cost, np.array(instance["weights"])


def p_median(args, repeat):
    import pulp
    import spopt
    from spopt.locate import PMedian

    instance, cost, weights = siting_instance(args.input)
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        model = PMedian.from_cost_matrix(cost, weights, p_facilities=instance["p"])
        model.solve(pulp.PULP_CBC_CMD(msg=False))
        runs.append(time.perf_counter() - t0)
    return runs, f"spopt {spopt.__version__} PMedian (PuLP {pulp.__version__}, CBC)", {
        "demand": len(weights), "candidates": cost.shape[1], "objective": float(pulp.value(model.problem.objective))}


def mclp(args, repeat):
    import pulp
    import spopt
    from spopt.locate import MCLP

    instance, cost, weights = siting_instance(args.input)
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        model = MCLP.from_cost_matrix(cost, weights, service_radius=instance["radius"], p_facilities=instance["p"])
        model.solve(pulp.PULP_CBC_CMD(msg=False))
        runs.append(time.perf_counter() - t0)
    return runs, f"spopt {spopt.__version__} MCLP (PuLP {pulp.__version__}, CBC)", {
        "demand": len(weights), "candidates": cost.shape[1], "objective": float(pulp.value(model.problem.objective))}


TASKS = {"geojson-roundtrip": geojson_roundtrip, "to-utm": to_utm, "validity": validity, "join": join,
         "dissolve": dissolve, "interpolate": interpolate, "buffer-coverage": buffer_coverage, "voronoi": voronoi,
         "graph-matrix": graph_matrix, "isochrones": isochrones, "isochrone-bands": isochrone_bands, "maxp": maxp, "skater": skater, "min-cost-flow": min_cost_flow,
         "min-cost-flow-networkx": min_cost_flow_networkx, "p-median": p_median, "mclp": mclp}


# Stronger anchors (issue 23): DuckDB with its spatial extension, loaded from
# the file PyPI's duckdb-ext-spatial installs (nothing is downloaded), and
# pygeoda (GeoDa's C++ library) beside spopt.
def duckdb_connection():
    import glob
    import sys
    import duckdb

    found = glob.glob(os.path.join(sys.prefix, "lib", "python*", "site-packages", "duckdb_ext", "extensions",
                                   "*", "*", "spatial.duckdb_extension"))
    if not found:
        raise SystemExit("duckdb-ext-spatial is not installed in this environment (pip install duckdb-ext-spatial)")
    con = duckdb.connect(config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})
    con.execute(f"LOAD '{found[0]}'")
    return con, f"duckdb {duckdb.__version__} + spatial"


def duckdb_load(con, points, polygons):
    """Both files into tables, polygons numbered in file order (the row
    number ST_Read gives), points numbered too."""
    con.execute(f"CREATE OR REPLACE TABLE points AS SELECT row_number() OVER () - 1 AS i, * FROM ST_Read('{points}')")
    con.execute(f"CREATE OR REPLACE TABLE polygons AS SELECT row_number() OVER () - 1 AS j, * FROM ST_Read('{polygons}')")


# The first polygon in file order covering each point, as the join task keeps.
DUCKDB_JOIN = """SELECT p.i, min(g.j) AS j FROM points p LEFT JOIN polygons g ON ST_Intersects(g.geom, p.geom) GROUP BY p.i"""


def join_duckdb(args, repeat):
    """The join alone on tables already loaded (as the join task times
    GeoPandas' sjoin on frames already read)."""
    con, tool = duckdb_connection()
    duckdb_load(con, args.input, args.output)
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        con.execute(f"CREATE OR REPLACE TEMP TABLE joined AS {DUCKDB_JOIN}")
        runs.append(time.perf_counter() - t0)
    points, located = con.execute("SELECT count(*), count(j) FROM joined").fetchone()
    threads = con.execute("SELECT current_setting('threads')").fetchone()[0]
    return runs, f"{tool} (join on loaded tables, {threads} threads)", {
        "points": points, "located": located}


def join_write_duckdb(args, repeat):
    """Read the points and polygons, join, write the points with their
    polygon's code as GeoJSON (GDAL's driver, as DuckDB writes it): all timed."""
    con, tool = duckdb_connection()
    out = args.extra[0]
    runs = []
    for _ in range(repeat):
        if os.path.exists(out):
            os.remove(out)
        t0 = time.perf_counter()
        duckdb_load(con, args.input, args.output)
        con.execute(f"CREATE OR REPLACE TEMP TABLE joined AS {DUCKDB_JOIN}")
        con.execute(f"""COPY (SELECT p.id, p.name, p.capacity, p.stage, g.code AS territory_code, p.geom
                              FROM points p JOIN joined USING (i) LEFT JOIN polygons g USING (j) ORDER BY p.i)
                        TO '{out}' WITH (FORMAT GDAL, DRIVER 'GeoJSON')""")
        runs.append(time.perf_counter() - t0)
    features, located = con.execute("SELECT count(*), count(j) FROM joined").fetchone()
    return runs, f"{tool} (read, join, write)", {"features": features, "located": located}


def pygeoda_frame(path):
    import geopandas as gpd
    import pygeoda

    parishes = gpd.read_file(path, engine="pyogrio")
    return parishes, pygeoda


def maxp_pygeoda(args, repeat):
    """GeoDa's greedy max-p (its default 99 iterations) on rook contiguity,
    the floor on population as the spopt row has it."""
    parishes, pygeoda = pygeoda_frame(args.input)
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        data = pygeoda.open(parishes)
        weights = pygeoda.rook_weights(data)
        result = pygeoda.maxp_greedy(weights, data[["population"]], bound_variable=data["population"], min_bound=50_000,
                                     scale_method="raw", cpu_threads=os.cpu_count())
        runs.append(time.perf_counter() - t0)
    labels = np.asarray(result["Clusters"])
    return runs, f"pygeoda {pygeoda.__version__} maxp_greedy", {"parishes": len(parishes), "regions": len(set(labels[labels > 0]))}


def skater_pygeoda(args, repeat):
    """GeoDa's SKATER, 30 regions on rook contiguity, population unscaled; the
    sum of squared deviations is measured as the spopt row measures it."""
    parishes, pygeoda = pygeoda_frame(args.input)
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        data = pygeoda.open(parishes)
        weights = pygeoda.rook_weights(data)
        result = pygeoda.skater(30, weights, data[["population"]], scale_method="raw", cpu_threads=os.cpu_count())
        runs.append(time.perf_counter() - t0)
    labels = np.asarray(result["Clusters"])
    values = parishes["population"].to_numpy(dtype=float)
    ssd = sum(float(((values[labels == k] - values[labels == k].mean()) ** 2).sum()) for k in set(labels))
    return runs, f"pygeoda {pygeoda.__version__} skater", {"parishes": len(parishes), "regions": len(set(labels)), "ssd": round(ssd)}


def duitama_matrix(args, repeat):
    """pandana (contraction hierarchies) on the graph Territorio built from
    the Duitama roads (ARCS, written by territorio-bench's duitama-matrix):
    building the network, minutes from 100 nodes to every node, and the
    nodes each reaches within 15 minutes."""
    import pandas as pd
    import pandana

    header = np.fromfile(args.output, dtype="<i8", count=2)
    nodes, arcs = int(header[0]), int(header[1])
    body = np.fromfile(args.output, dtype="<f8", offset=16)
    xy = body[:2 * nodes].reshape(nodes, 2)
    tails = body[2 * nodes:2 * nodes + arcs].view("<i8")
    heads = body[2 * nodes + arcs:2 * nodes + 2 * arcs].view("<i8")
    minutes = body[2 * nodes + 2 * arcs:2 * nodes + 3 * arcs]
    origins = np.array([k * nodes // 100 for k in range(100)])
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        network = pandana.Network(pd.Series(xy[:, 0]), pd.Series(xy[:, 1]), pd.Series(tails), pd.Series(heads),
                                  pd.DataFrame({"minutes": minutes}), twoway=False)
        lengths = np.asarray(network.shortest_path_lengths(np.repeat(origins, nodes), np.tile(np.arange(nodes), len(origins))))
        within = network.nodes_in_range(origins, 15)
        runs.append(time.perf_counter() - t0)
    finite = lengths[lengths < 4e6]  # pandana gives 4294967.295 for a node it cannot reach
    return runs, f"pandana {pandana.__version__}", {"nodes": nodes, "arcs": arcs, "finite": int(len(finite)),
                                                    "reached_15_min": int(len(within)),
                                                    "checksum_minutes": int(round(float(finite.sum())))}


TASKS.update({"duitama-matrix": duitama_matrix, "join-duckdb": join_duckdb, "join-write": join_write_duckdb, "join-write-duckdb": join_write_duckdb,
              "maxp-pygeoda": maxp_pygeoda, "skater-pygeoda": skater_pygeoda})


# Reading 1,000,000 points from GeoPackage and FlatGeobuf.
TASKS.update({"read-gpkg": read_format, "read-fgb": read_format})


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("task", choices=TASKS)
    p.add_argument("input")
    p.add_argument("output", nargs="?")
    p.add_argument("extra", nargs="*")
    p.add_argument("--repeat", type=int, default=5)
    args = p.parse_args()
    two = ("geojson-roundtrip", "join", "join-duckdb", "duitama-matrix", "interpolate", "buffer-coverage", "voronoi")
    three = ("join-write", "join-write-duckdb")
    if (args.task in two + three) != (args.output is not None) or (args.task in three) != (len(args.extra) == 1) \
            or (args.task not in three and args.extra):
        p.error("a second file is required for geojson-roundtrip (OUT), join and join-duckdb (POLYGONS), interpolate (CELLS), "
                "buffer-coverage and voronoi (PARISHES); join-write takes POINTS POLYGONS OUT")

    runs, tool, extra = TASKS[args.task](args, args.repeat)
    print(json.dumps({
        "task": args.task,
        "tool": tool,
        "median_seconds": statistics.median(runs),
        "runs": runs,
        "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        **extra,
    }))


if __name__ == "__main__":
    main()
