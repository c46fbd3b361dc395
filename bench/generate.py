#!/usr/bin/env python3
"""Generate the benchmark data sets (deterministic; existing files are kept).

usage: generate.py DATA_DIR
       generate.py DATA_DIR --formats POINTS.geojson

Writes into DATA_DIR and prints the two paths, points first:
  points_1m.geojson    1,000,000 Point features, WGS84, inside UTM zone 19N
  polygons_3k.geojson  3,000 Voronoi cells tiling a rectangle, ~2% made invalid
  parishes_3k.geojson  the same cells, valid, with municipality (850), state (24), population
  cells_40k.geojson    40,000 Voronoi cells tiling the same rectangle

With --formats, writes the points as GeoPackage and FlatGeobuf beside them
(POINTS.gpkg, POINTS.fgb, by pyogrio, so by GDAL) and prints those two paths.

BENCH_POINTS / BENCH_POLYGONS override the counts (for quick tests); the file
names then carry the count instead (points_10000.geojson, ...).
"""
import os
import sys

import numpy as np
import shapely

LON = (-71.5, -69.5)   # well inside UTM zone 19N (-72..-66), EPSG:32619
LAT = (8.0, 10.0)
STAGES = ("primary", "processing", "collection", "distribution", "retail")
INVALID_EVERY = 50     # one cell in 50 becomes a bow-tie: 2%


def output_path(data_dir, stem, n, default, label):
    return os.path.join(data_dir, f"{stem}_{label if n == default else n}.geojson")


def write_atomically(path, lines):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write('{"type":"FeatureCollection","features":[\n')
        f.write(",\n".join(lines))
        f.write("\n]}\n")
    os.replace(tmp, path)


def points(path, n):
    rng = np.random.default_rng(20240601)
    lon = rng.uniform(*LON, n)
    lat = rng.uniform(*LAT, n)
    capacity = rng.uniform(0, 10_000, n)
    stage = rng.integers(0, len(STAGES), n)
    write_atomically(path, (
        f'{{"type":"Feature","properties":{{"id":{i},"name":"site-{i}",'
        f'"capacity":{c:.2f},"stage":"{STAGES[s]}"}},'
        f'"geometry":{{"type":"Point","coordinates":[{x:.7f},{y:.7f}]}}}}'
        for i, (x, y, c, s) in enumerate(zip(lon.tolist(), lat.tolist(),
                                             capacity.tolist(), stage.tolist()))))


def ring_json(coords):
    return "[" + ",".join(f"[{x:.7f},{y:.7f}]" for x, y in coords) + "]"


def polygons(path, n):
    rng = np.random.default_rng(20240602)
    seeds = shapely.multipoints(np.column_stack([rng.uniform(*LON, n), rng.uniform(*LAT, n)]))
    rect = shapely.box(LON[0], LAT[0], LON[1], LAT[1])
    cells = shapely.get_parts(shapely.voronoi_polygons(seeds, extend_to=rect, ordered=True))
    cells = shapely.intersection(cells, rect)
    # Break n/50 cells, evenly spread over those with >= 4 distinct vertices:
    # the cells are convex, so swapping vertices 1 and 2 makes edges 0-2 and
    # 1-3 cross, i.e. a self-intersecting bow-tie.
    eligible = np.flatnonzero(shapely.get_num_coordinates(cells) >= 5)
    broken = set(eligible[np.linspace(0, len(eligible) - 1, n // INVALID_EVERY).round().astype(int)])
    lines = []
    for i, cell in enumerate(cells):
        ring = list(cell.exterior.coords)
        if i in broken:
            ring[1], ring[2] = ring[2], ring[1]
        lines.append(
            f'{{"type":"Feature","properties":{{"code":"P{i + 1:04d}"}},'
            f'"geometry":{{"type":"Polygon","coordinates":[{ring_json(ring)}]}}}}')
    write_atomically(path, lines)


def nearest(points, seeds):
    """Index of the nearest seed to each point (brute force, in chunks)."""
    out = np.empty(len(points), dtype=int)
    for start in range(0, len(points), 2_000):
        chunk = points[start:start + 2_000]
        d = ((chunk[:, None, :] - seeds[None, :, :]) ** 2).sum(axis=2)
        out[start:start + 2_000] = d.argmin(axis=1)
    return out


def parishes(path, n):
    """The same cells as polygons_N, all valid, grouped into municipalities
    and states (850 and 24 for 3,000 cells; in proportion otherwise,
    nearest seed), with a population."""
    rng = np.random.default_rng(20240602)
    seeds = shapely.multipoints(np.column_stack([rng.uniform(*LON, n), rng.uniform(*LAT, n)]))
    rect = shapely.box(LON[0], LAT[0], LON[1], LAT[1])
    cells = shapely.intersection(shapely.get_parts(shapely.voronoi_polygons(seeds, extend_to=rect, ordered=True)), rect)
    centres = shapely.get_coordinates(shapely.centroid(cells))
    groups = np.random.default_rng(7)
    n_municipalities, n_states = max(1, n * 850 // 3000), max(1, n * 24 // 3000)
    municipality_seeds = centres[groups.choice(len(centres), n_municipalities, replace=False)]
    state_seeds = municipality_seeds[groups.choice(n_municipalities, n_states, replace=False)]
    municipality = nearest(centres, municipality_seeds)
    state_of_municipality = nearest(municipality_seeds, state_seeds)
    population = np.round(groups.lognormal(8.5, 1.0, len(cells))).astype(int)
    lines = []
    for i, cell in enumerate(cells):
        m = municipality[i]
        lines.append(
            f'{{"type":"Feature","properties":{{"code":"P{i + 1:04d}","municipality":"M{m + 1:03d}",'
            f'"state":"S{state_of_municipality[m] + 1:02d}","population":{population[i]}}},'
            f'"geometry":{{"type":"Polygon","coordinates":[{ring_json(cell.exterior.coords)}]}}}}')
    write_atomically(path, lines)


def cells(path, n):
    """n Voronoi cells tiling the same rectangle: interpolation targets."""
    rng = np.random.default_rng(40_000)
    seeds = shapely.multipoints(np.column_stack([rng.uniform(*LON, n), rng.uniform(*LAT, n)]))
    rect = shapely.box(LON[0], LAT[0], LON[1], LAT[1])
    parts = shapely.intersection(shapely.get_parts(shapely.voronoi_polygons(seeds, extend_to=rect, ordered=True)), rect)
    lines = [f'{{"type":"Feature","properties":{{"cell":{i + 1}}},'
             f'"geometry":{{"type":"Polygon","coordinates":[{ring_json(cell.exterior.coords)}]}}}}'
             for i, cell in enumerate(parts)]
    write_atomically(path, lines)


def roads(path, n):
    """A jittered grid of side n: rows and columns share their crossing
    vertices, 2 n (n - 1) segments (n = 500: 499,000), a fifth of the lines
    primary roads, the rest residential."""
    rng = np.random.default_rng(500)
    lon = np.linspace(LON[0], LON[1], n)
    lat = np.linspace(LAT[0], LAT[1], n)
    grid_x, grid_y = np.meshgrid(lon, lat)
    step = (LON[1] - LON[0]) / n
    grid_x = grid_x + rng.uniform(-0.3, 0.3, grid_x.shape) * step
    grid_y = grid_y + rng.uniform(-0.3, 0.3, grid_y.shape) * step
    lines = []
    for k in range(n):
        for name, xs, ys in (("row", grid_x[k, :], grid_y[k, :]), ("column", grid_x[:, k], grid_y[:, k])):
            highway = "primary" if k % 5 == 0 else "residential"
            lines.append(f'{{"type":"Feature","properties":{{"highway":"{highway}","name":"{name} {k}"}},'
                         f'"geometry":{{"type":"LineString","coordinates":{ring_json(zip(xs, ys))}}}}}')
    write_atomically(path, lines)


def point_formats(points_path):
    """The same points as GeoPackage and FlatGeobuf, written by GDAL through
    pyogrio (the FlatGeobuf with its spatial index, as GDAL writes it)."""
    import pyogrio

    stem = points_path[:-len(".geojson")]
    layer = os.path.basename(stem)
    outputs = [(stem + ".gpkg", "GPKG"), (stem + ".fgb", "FlatGeobuf")]
    missing = [(path, driver) for path, driver in outputs if not os.path.exists(path)]
    if missing:
        frame = pyogrio.read_dataframe(points_path)
        for path, driver in missing:
            print(f"generating {path}", file=sys.stderr)
            root, extension = os.path.splitext(path)
            tmp = f"{root}.tmp{extension}"
            pyogrio.write_dataframe(frame, tmp, layer=layer, driver=driver)
            os.replace(tmp, path)
    for path, _ in outputs:
        print(path)


def main():
    if len(sys.argv) == 4 and sys.argv[2] == "--formats":
        point_formats(sys.argv[3])
        return
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    data_dir = sys.argv[1]
    os.makedirs(data_dir, exist_ok=True)
    n_points = int(os.environ.get("BENCH_POINTS", 1_000_000))
    n_polygons = int(os.environ.get("BENCH_POLYGONS", 3_000))
    jobs = [(output_path(data_dir, "points", n_points, 1_000_000, "1m"), points, n_points),
            (output_path(data_dir, "polygons", n_polygons, 3_000, "3k"), polygons, n_polygons),
            (output_path(data_dir, "parishes", n_polygons, 3_000, "3k"), parishes, n_polygons),
            (output_path(data_dir, "cells", 40_000, 40_000, "40k"), cells, 40_000),
            (os.path.join(data_dir, "roads_500k.geojson"), roads, 500)]
    for path, make, n in jobs:
        if not os.path.exists(path):
            print(f"generating {path}", file=sys.stderr)
            make(path, n)
        print(path)


if __name__ == "__main__":
    main()
