#!/usr/bin/env python3
"""Writes the point-in-polygon inputs in plain binary, so neither side of
that benchmark spends its time parsing GeoJSON:

  export_binary.py POLYGONS.geojson POINTS.geojson OUT_DIR
  -> OUT_DIR/polygons.wkb  (uint32 count, then uint32 size + WKB per polygon; invalid ones made valid)
  -> OUT_DIR/points.xy     (little-endian float64 x0 y0 x1 y1 ...)
Written only when absent. Prints the two paths.
"""
import os
import struct
import sys

import numpy as np
import pyogrio
import shapely

polygons_in, points_in, out = sys.argv[1:4]
wkb_path, xy_path = os.path.join(out, "polygons.wkb"), os.path.join(out, "points.xy")
if not os.path.exists(wkb_path):
    _, _, wkb, _ = pyogrio.raw.read(polygons_in, columns=[])
    polygons = shapely.make_valid(shapely.from_wkb(wkb))
    with open(wkb_path + ".tmp", "wb") as f:
        f.write(struct.pack("<I", len(polygons)))
        for blob in shapely.to_wkb(polygons, byte_order=1):
            f.write(struct.pack("<I", len(blob)))
            f.write(blob)
    os.replace(wkb_path + ".tmp", wkb_path)
if not os.path.exists(xy_path):
    _, _, wkb, _ = pyogrio.raw.read(points_in, columns=[])
    xy = np.concatenate([shapely.get_coordinates(shapely.from_wkb(wkb[i:i + 100_000]))
                         for i in range(0, len(wkb), 100_000)])
    np.ascontiguousarray(xy, dtype="<f8").tofile(xy_path + ".tmp")
    os.replace(xy_path + ".tmp", xy_path)
print(wkb_path)
print(xy_path)
