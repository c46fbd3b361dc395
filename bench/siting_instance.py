#!/usr/bin/env python3
"""A facility-siting instance for the p-median and MCLP tasks: demand
points with weights and candidate points, uniform in a 20 km square
(seeded, so every run and both sides see the same instance).

usage: siting_instance.py OUT.json [DEMAND CANDIDATES]   (default 400 x 80)
"""
import json
import sys

import numpy as np

if len(sys.argv) not in (2, 4):
    sys.exit(__doc__)
demand, candidates = (int(sys.argv[2]), int(sys.argv[3])) if len(sys.argv) == 4 else (400, 80)
rng = np.random.default_rng(2026)
instance = {
    "demand": (rng.random((demand, 2)) * 20_000).round(1).tolist(),
    "weights": rng.integers(1, 1000, demand).astype(float).tolist(),
    "candidates": (rng.random((candidates, 2)) * 20_000).round(1).tolist(),
    "p": 8,
    "radius": 2_500.0,
}
with open(sys.argv[1], "w") as f:
    json.dump(instance, f)
print(sys.argv[1])
