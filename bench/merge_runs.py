#!/usr/bin/env python3
"""Merges JSON result lines of one task (several rounds) into one line:
all runs together, their median, the highest peak memory."""
import json
import statistics
import sys

lines = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
merged = dict(lines[0])
merged["runs"] = [run for line in lines for run in line["runs"]]
merged["median_seconds"] = statistics.median(merged["runs"])
merged["peak_rss_bytes"] = max(line["peak_rss_bytes"] for line in lines)
print(json.dumps(merged))
