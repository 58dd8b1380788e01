#!/usr/bin/env bash
# Issue 14's scale: 150 units × a 40-target plan × figures in all 4 periods, each unit's store
# in its own file; times `chitieu units --format json` (budget ≤ 200 ms) and `units` as a table.
# Usage: scripts/bench-units.sh [DIR]   (needs `cargo build --release --features testkit
# --example generate --bin chitieu` first)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-/tmp/chitieu-bench-units}
rm -rf "$dir"
# A plan of 40 targets and a store of 160 figures (40 × 4 periods on average), copied to 150 units.
target/release/examples/generate "$dir" 40 160 7
python3 - "$dir" <<'PY'
import json, shutil, subprocess, sys, time, statistics, os
d = sys.argv[1]
os.makedirs(f"{d}/store.json.units", exist_ok=True)
units = [{"id": "xa-%03d" % i, "name": "Xã số %d" % i} for i in range(150)]
json.dump({"units": units}, open(f"{d}/store.json.units/units.json", "w"), ensure_ascii=False)
for u in units:
    shutil.copy(f"{d}/store.json", f"{d}/store.json.units/{u['id']}.json")
binary = os.path.abspath("target/release/chitieu")
for args in (["units", "--period", "h1", "--format", "json"], ["units", "--period", "h1"]):
    times = []
    for _ in range(11):
        start = time.perf_counter()
        subprocess.run([binary, "--plan", "plan.json", "--store", "store.json"] + args, cwd=d,
                       env={"HOME": d}, stdout=subprocess.DEVNULL, check=True)
        times.append((time.perf_counter() - start) * 1000)
    print(f"{' '.join(args)}: median {statistics.median(times):.1f} ms, max {max(times):.1f} ms (11 runs)")
PY
