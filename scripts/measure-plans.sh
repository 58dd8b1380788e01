#!/usr/bin/env bash
# Issue 13's budget lines: `plan import` of a 500-row xlsx (≤ 200 ms, the whole command) and
# the view opened on the newest of 3 installed plans whose targets link to last year's
# (`last_year_id`), to its first frame (the first-frame budget of BENCHMARKS.md, ≤ 10 ms).
#
#   scripts/measure-plans.sh      (from the repository root; builds what it needs)
#
# Each figure is the median of RUNS runs (default 5), as in scripts/measure.sh.
set -euo pipefail
cd "$(dirname "$0")/.." && RUNS=${RUNS:-5}
work=$(mktemp -d) && trap 'rm -rf "$work"' EXIT
cargo build --release --quiet && cargo build --release --quiet --features testkit --example generate --example plan_sheet
bin=target/release/chitieu
gen=target/release/examples/generate
sheet=target/release/examples/plan_sheet
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
export TERM=xterm-256color CHITIEU_LANG=vi
data="$XDG_DATA_HOME/chitieu"
mkdir -p "$HOME" "$data/stores"

# Three installed years: the embedded 2024 plan with 400 entries in store.json, and 2025 and
# 2026 plans of the same targets, each target linked to last year's, each store 400 entries.
"$gen" "$work/y2024" 0 400
cp "$work/y2024/store.json" "$data/store.json"
for year in 2025 2026; do
  python3 - "$year" "$work/tinh-$year.json" <<'PY'
import json, sys
year, out = int(sys.argv[1]), sys.argv[2]
plan = json.load(open("assets/plan-2024.json"))
plan["id"], plan["year"] = f"tinh-{year}", year
for target in plan["targets"]:
    target["last_year_id"] = target["id"]
json.dump(plan, open(out, "w"), ensure_ascii=False)
PY
  "$bin" plan add "$work/tinh-$year.json" > /dev/null
  # The same 400 entries, as this plan's store (a store names its plan's id and year).
  python3 - "$work/y2024/store.json" "$data/stores/tinh-$year.json" "tinh-$year" "$year" <<'PY'
import json, sys
store = json.load(open(sys.argv[1]))
store["plan"]["id"], store["plan"]["year"] = sys.argv[3], int(sys.argv[4])
json.dump(store, open(sys.argv[2], "w"), ensure_ascii=False)
PY
done
"$bin" plan list

# A 500-row appendix (headings with nine parts each, number cells), as the bench reads it.
"$sheet" "$work/phu-luc-500.xlsx" 500
import_ms=$(python3 - "$bin" "$work" "$RUNS" <<'PY'
import subprocess, sys, time
bin, work, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
ts = []
for _ in range(runs):
    t = time.perf_counter()
    subprocess.run([bin, "plan", "import", f"{work}/phu-luc-500.xlsx", "--id", "x", "--year", "2027",
                    "--title", "X", "--out", f"{work}/x.json"], check=True, stdout=subprocess.DEVNULL)
    ts.append(time.perf_counter() - t)
print(f"{sorted(ts)[len(ts) // 2] * 1000:.1f}")
PY
)

for n in $(seq "$RUNS"); do
  MEASURE_STORE="$data/stores/tinh-2026.json" python3 scripts/ptydrive.py 80 24 -- \
    /usr/bin/time -f %M -o "$work/rss" "$bin" > "$work/view.$n"
  echo "peak_rss_kb $(tail -1 "$work/rss")" >> "$work/view.$n"
done
median() { grep -h "^$1 " "$work"/view.[0-9]* | awk '{print $2}' | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
row() { printf '%-60s %12s %10s\n' "$1" "$2" "$3"; }
echo
echo "chitieu $(git describe --always --dirty 2>/dev/null || echo '?') · $(nproc) cores · median of $RUNS runs"
row "figure" "measured" "budget"
row "plan import, 500-row xlsx, whole command" "$import_ms ms" "≤ 200 ms"
row "3 installed plans, last-year links: open to first frame" "$(median first_frame_ms) ms" "≤ 10 ms"
row "3 installed plans, last-year links: peak memory" "$(awk -v k="$(median peak_rss_kb)" 'BEGIN{printf "%.1f MB", k/1024}')" "≤ 8 MB"
row "3 installed plans 80×24: bytes per cursor move (mean)" "$(median move_bytes_avg) B" "≤ 300 B"
