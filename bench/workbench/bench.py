"""The workbench benchmark (bench/workbench/run): prepares a study over
Venezuela's 1,127 parishes, serves it with `territorio serve --port 0`,
and times the API as the page uses it.

The study: the parishes with a code (P0001...) and a synthetic population
(seeded, lognormal, scaled to 28 million); circuits by municipality; the
sample registry (geodata/territory/sites.geojson, 2,449 actors of four
chains) placed over Venezuela, each actor moved to a random point of a
random parish (seeded), its capacities as they are; the sample's chains.
Only the latencies are meant; the figures are of synthetic data.
"""

import datetime
import json
import os
import random
import statistics
import subprocess
import sys
import time
import urllib.request


def inside(x, y, ring):
    """Ray casting: whether (x, y) lies inside the ring."""
    result = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            result = not result
        j = i
    return result


def polygons(geometry):
    return [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]


def random_point(geometry, rng):
    rings = [polygon[0] for polygon in polygons(geometry)]
    xs = [p[0] for ring in rings for p in ring]
    ys = [p[1] for ring in rings for p in ring]
    for _ in range(2000):
        x, y = rng.uniform(min(xs), max(xs)), rng.uniform(min(ys), max(ys))
        if any(inside(x, y, ring) for ring in rings):
            return [round(x, 6), round(y, 6)]
    return None


def prepare(parishes_path, sample, folder):
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(20261130)
    layer = json.load(open(parishes_path, encoding="utf-8"))
    weights = [rng.lognormvariate(0, 1) for _ in layer["features"]]
    scale = 28_000_000 / sum(weights)
    circuits = {}
    rows = []
    for index, feature in enumerate(layer["features"]):
        code = "P%04d" % (index + 1)
        p = feature["properties"]
        feature["properties"] = {"code": code, "name": p.get("PARROQUIA") or code, "municipality": p.get("MUNICIPIO"),
                                 "state": p.get("ESTADO"), "population": round(weights[index] * scale)}
        key = (p.get("ESTADO"), p.get("MUNICIPIO"))
        circuits.setdefault(key, "C%03d" % (len(circuits) + 1))
        rows.append((code, circuits[key], p.get("ESTADO")))
    json.dump(layer, open(os.path.join(folder, "parishes_raw.geojson"), "w", encoding="utf-8"), ensure_ascii=False)
    with open(os.path.join(folder, "grouping.csv"), "w", encoding="utf-8") as out:
        out.write("territory_code,circuit_id\n")
        for code, circuit, _ in rows:
            out.write("%s,%s\n" % (code, circuit))
    sites = json.load(open(os.path.join(sample, "sites.geojson"), encoding="utf-8"))
    for site in sites["features"]:
        for _ in range(20):
            point = random_point(rng.choice(layer["features"])["geometry"], rng)
            if point:
                site["geometry"]["coordinates"] = point
                break
    json.dump(sites, open(os.path.join(folder, "sites.geojson"), "w", encoding="utf-8"), ensure_ascii=False)
    chains = [os.path.join(sample, "chains", name + ".json") for name in ("cheese", "maize_flour", "vegetables", "coffee")]
    study = {"description": "Venezuela's parishes, synthetic populations, the sample registry placed over them (bench/workbench)",
             "territories": {"file": "parishes.geojson", "id_field": "code", "name_field": "name", "population_field": "population"},
             "sites": {"file": "sites.geojson"}, "chains": chains, "grouping": "grouping.csv"}
    json.dump(study, open(os.path.join(folder, "study.json"), "w", encoding="utf-8"), indent=1)
    return rows


def call(base, method, path, body=None, received=None):
    """The answer parsed; `received` (a list) gets the milliseconds from the
    request to the answer's last byte, before Python parses it."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path.lstrip("/"), data=data, method=method,
                                     headers={"Content-Type": "application/json"} if data else {})
    start = time.perf_counter()
    with urllib.request.urlopen(request, timeout=600) as response:
        raw = response.read()
    if received is not None:
        received.append((time.perf_counter() - start) * 1000)
    return json.loads(raw)


def timed(function):
    start = time.perf_counter()
    value = function()
    return (time.perf_counter() - start) * 1000, value


def main():
    binary, parishes, sample, folder, moves = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
    # TERRITORIO_WORKBENCH_WHOLE=1 (inherited by the server): every edit runs
    # both analyses whole, the way before circuits were kept: the baseline.
    whole = os.environ.get("TERRITORIO_WORKBENCH_WHOLE") == "1"
    began = datetime.datetime.now(datetime.timezone.utc)
    load_before = os.getloadavg()
    rows = prepare(parishes, sample, folder)
    # Some real parishes intersect themselves (GEOS refuses them in
    # coverage's overlays): repaired first, as bench/scale does. Exit
    # status 1 says problems were found; the repaired file is what counts.
    repaired = subprocess.run([binary, "validate", os.path.join(folder, "parishes_raw.geojson"), "--repair",
                               "-o", os.path.join(folder, "parishes.geojson")], capture_output=True, text=True)
    if repaired.returncode not in (0, 1) or not os.path.exists(os.path.join(folder, "parishes.geojson")):
        raise SystemExit("territorio validate --repair failed: " + repaired.stderr)
    started = time.perf_counter()
    # The server writes, after each edit, the time it spent measuring and encoding (stderr).
    environment = dict(os.environ, TERRITORIO_WORKBENCH_TIMES="1")
    server = subprocess.Popen([binary, "serve", "--study", os.path.join(folder, "study.json"), "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment)
    try:
        base = None
        while base is None:
            line = server.stdout.readline()
            if not line and server.poll() is not None:
                raise SystemExit("territorio serve ended: " + server.stderr.read())
            if line.startswith("Workbench: "):
                base = line.split(" ", 1)[1].strip()
        load = (time.perf_counter() - started) * 1000
        metrics = call(base, "GET", "/api/metrics")
        circuits_by_state = {}
        for code, circuit, state in rows:
            circuits_by_state.setdefault(state, set()).add(circuit)
        rng = random.Random(7)
        latencies = []
        received = []
        for _ in range(moves):
            # A parish into another circuit of its state, as a planner redraws a border.
            code, circuit, state = rng.choice(rows)
            others = sorted(circuits_by_state[state] - {circuit}) or sorted({c for _, c, _ in rows} - {circuit})
            target = rng.choice(others)
            elapsed, answer = timed(lambda: call(base, "POST", "/api/move", {"territories": [code], "circuit": target}, received))
            latencies.append(elapsed)
        cold, first = timed(lambda: call(base, "GET", "/api/distribution?wait=1"))
        code, circuit, state = rows[0]
        call(base, "POST", "/api/move", {"territories": [code], "circuit": rows[-1][1]})
        warm, _ = timed(lambda: call(base, "GET", "/api/distribution?wait=1"))
        latencies.sort()
        received.sort()
        result = {
            "date": began.strftime("%Y-%m-%d %H:%M UTC"),
            "measure": "whole analyses after every edit (TERRITORIO_WORKBENCH_WHOLE=1)" if whole else "the circuits an edit touched",
            "load_average_before": [round(x, 2) for x in load_before],
            "load_average_after": [round(x, 2) for x in os.getloadavg()],
            "binary": binary, "parishes": len(rows), "circuits": len(metrics["coverage"]["circuits"]),
            "sites": call(base, "GET", "/api/study")["sites"], "moves": moves,
            "load_ms": round(load), "move_median_ms": round(statistics.median(latencies), 1),
            "move_p95_ms": round(latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))], 1),
            "move_max_ms": round(latencies[-1], 1),
            # The same to the answer's last byte, before the client parses its 2.8 MB (Python's json, slower than a browser's).
            "move_received_median_ms": round(statistics.median(received), 1),
            "move_received_p95_ms": round(received[min(len(received) - 1, int(0.95 * len(received)))], 1),
            "move_received_max_ms": round(received[-1], 1),
            "distribution_first_ms": round(cold), "distribution_after_an_edit_ms": round(warm),
            "chains": [{"product": c["product"], "intermediated": c["intermediated"], "optimal": c["optimal"]}
                       for c in first["distribution"]["chains"]],
        }
    finally:
        server.terminate()
        server.wait(timeout=30)
    # The moves' server-side times (the later edit, before the second distribution, left out).
    times = [dict(item.split("=") for item in line.split()[1:]) for line in server.stderr.read().splitlines()
             if line.startswith("workbench-times:")][:moves]
    if times:
        for key in ("measure_ms", "encode_ms"):
            values = sorted(float(t[key]) for t in times)
            result["server_" + key.replace("_ms", "_median_ms")] = round(statistics.median(values), 1)
            result["server_" + key.replace("_ms", "_max_ms")] = round(values[-1], 1)
        if not whole:  # the whole run measures every circuit and does not count them
            result["circuits_measured_per_move_max"] = max(int(t["circuits_measured"]) for t in times)
        result["answer_bytes"] = int(times[-1]["bytes"])
    name = "results_whole.json" if whole else "results.json"
    json.dump(result, open(os.path.join(os.path.dirname(folder), name), "w"), indent=1)
    print("| what | value |\n|---|---|")
    for key in ("date", "measure", "load_average_before", "load_average_after", "binary", "parishes", "circuits", "sites", "moves", "load_ms", "move_median_ms", "move_p95_ms", "move_max_ms",
                "move_received_median_ms", "move_received_p95_ms", "move_received_max_ms", "distribution_first_ms", "distribution_after_an_edit_ms", "server_measure_median_ms", "server_measure_max_ms",
                "server_encode_median_ms", "server_encode_max_ms", "circuits_measured_per_move_max", "answer_bytes"):
        print("| %s | %s |" % (key, result.get(key)))


if __name__ == "__main__":
    main()
