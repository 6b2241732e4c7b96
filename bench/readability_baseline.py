#!/usr/bin/python3
"""readability-lxml baseline for extract_bench: the same pages, the same measurements.

Run with Debian's interpreter (/usr/bin/python3), where python3-readability is installed:

    /usr/bin/python3 bench/readability_baseline.py --dir DIR [--rounds N]

Loads DIR/*.html and DIR/*.html.gz (page URLs from DIR/../gold/<stem>.json when present)
before timing; then times only the extraction loop, Document(html).summary() + .title()
per page, and prints key=value lines that extract_bench parses.
"""

import argparse
import gzip
import json
import os
import statistics
import sys
import time


def load_pages(directory):
    gold = os.path.join(os.path.dirname(os.path.abspath(directory)), "gold")
    pages = []
    for name in sorted(os.listdir(directory)):
        if not (name.endswith(".html") or name.endswith(".html.gz") or name.endswith(".htm")):
            continue
        path = os.path.join(directory, name)
        opener = gzip.open if name.endswith(".gz") else open
        with opener(path, "rb") as f:
            raw = f.read()
        url = None
        gold_path = os.path.join(gold, name.split(".")[0] + ".json")
        if os.path.exists(gold_path):
            with open(gold_path, encoding="utf-8") as f:
                url = json.load(f).get("url")
        pages.append((name, raw, url))
    return pages


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * (len(ordered) - 1) + 0.5))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    try:
        from readability import Document
        import readability
    except ImportError:
        print("readability_baseline: python3-readability is not installed for", sys.executable,
              file=sys.stderr)
        return 1
    pages = load_pages(args.dir)
    if not pages:
        print("readability_baseline: no pages in", args.dir, file=sys.stderr)
        return 1
    # One untimed pass so lxml's and readability's first-use costs are not counted.
    for name, raw, url in pages[:5]:
        Document(raw, url=url).summary()
    latencies = []
    failures = 0
    start = time.perf_counter()
    cpu_start = time.process_time()
    for _ in range(args.rounds):
        for name, raw, url in pages:
            t0 = time.perf_counter()
            try:
                doc = Document(raw, url=url)
                doc.summary()
                doc.title()
            except Exception:  # readability raises on some pages; count it, as a failed page
                failures += 1
            latencies.append((time.perf_counter() - t0) * 1000.0)
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start
    print("readability_version=%s" % getattr(readability, "__version__", "?"))
    print("pages=%d" % len(latencies))
    print("failures=%d" % failures)
    print("seconds=%.3f" % seconds)
    print("cpu_seconds=%.3f" % cpu_seconds)
    print("pages_per_s=%.2f" % (len(latencies) / seconds))
    print("median_ms=%.2f" % statistics.median(latencies))
    print("p99_ms=%.2f" % percentile(latencies, 0.99))
    return 0


if __name__ == "__main__":
    sys.exit(main())
