"""Exact optimum of a siting instance, as an integer programme solved by
HiGHS (highspy): the oracle Territorio's siting is compared with.

Reads one instance as JSON on standard input:
  {"method": "p-median" | "mclp" | "lscp", "p": int, "radius": float,
   "weights": [w_i], "cost": [[c_ij]] (demand x candidate, null = unreachable),
   "existing": [j, ...]}
and writes {"objective": value, "status": "..."} as the last line of standard
output (HiGHS prints its banner there first).
  p-median: min sum w_i c_ij x_ij, sum_j x_ij = 1, x_ij <= y_j, sum_new y_j = p
  mclp:     max sum w_i z_i, z_i <= sum_{c_ij <= radius} y_j, sum_new y_j = p
  lscp:     min sum_new y_j, sum_{c_ij <= radius} y_j >= 1 for every unit some candidate reaches
Existing candidates are fixed open and not counted in p.
"""
import json
import sys

import highspy
import numpy as np


def solve(instance):
    method = instance["method"]
    weights = instance["weights"]
    cost = instance["cost"]
    existing = set(instance.get("existing", []))
    n, m = len(weights), len(cost[0]) if cost else 0
    inf = highspy.kHighsInf
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("mip_rel_gap", 0.0)
    h.setOptionValue("mip_abs_gap", 0.0)
    h.setOptionValue("mip_feasibility_tolerance", 1e-9)

    def add_cols(costs, lower, upper, integer):
        start = h.getNumCol()
        k = len(costs)
        h.addCols(k, np.array(costs, dtype=float), np.array(lower, dtype=float), np.array(upper, dtype=float),
                  0, np.array([], dtype=np.int32), np.array([], dtype=np.int32), np.array([], dtype=float))
        if integer:
            h.changeColsIntegrality(k, np.arange(start, start + k, dtype=np.int32),
                                    np.array([highspy.HighsVarType.kInteger] * k))
        return list(range(start, start + k))

    def add_row(lower, upper, columns, values):
        h.addRow(lower, upper, len(columns), np.array(columns, dtype=np.int32), np.array(values, dtype=float))

    new = [j for j in range(m) if j not in existing]
    y_cost = [1.0 if (method == "lscp" and j not in existing) else 0.0 for j in range(m)]
    y = add_cols(y_cost, [1.0 if j in existing else 0.0 for j in range(m)], [1.0] * m, True)
    if method == "p-median":
        for i in range(n):
            reach = [j for j in range(m) if cost[i][j] is not None]
            x = add_cols([weights[i] * cost[i][j] for j in reach], [0.0] * len(reach), [1.0] * len(reach), False)
            add_row(1.0, 1.0, x, [1.0] * len(x))
            for col, j in zip(x, reach):
                add_row(-inf, 0.0, [col, y[j]], [1.0, -1.0])
        add_row(instance["p"], instance["p"], [y[j] for j in new], [1.0] * len(new))
    elif method == "mclp":
        radius = instance["radius"]
        z = add_cols(list(weights), [0.0] * n, [1.0] * n, False)
        for i in range(n):
            reach = [j for j in range(m) if cost[i][j] is not None and cost[i][j] <= radius]
            add_row(-inf, 0.0, [z[i]] + [y[j] for j in reach], [1.0] + [-1.0] * len(reach))
        add_row(instance["p"], instance["p"], [y[j] for j in new], [1.0] * len(new))
        h.changeObjectiveSense(highspy.ObjSense.kMaximize)
    elif method == "lscp":
        radius = instance["radius"]
        for i in range(n):
            reach = [j for j in range(m) if cost[i][j] is not None and cost[i][j] <= radius]
            if reach:
                add_row(1.0, inf, [y[j] for j in reach], [1.0] * len(reach))
    else:
        raise SystemExit(f"unknown method {method}")
    h.run()
    status = h.modelStatusToString(h.getModelStatus())
    return {"objective": h.getInfo().objective_function_value, "status": status}


if __name__ == "__main__":
    result = solve(json.load(sys.stdin))
    sys.stdout.flush()
    print("\n" + json.dumps(result))
