#!/usr/bin/env bash
# Measures chitieu against the performance budget of issue 6 and prints a table.
#
#   scripts/measure.sh            (from the repository root; builds what it needs)
#
# Public tools only: cargo, python3's pty module (scripts/ptydrive.py) for a pseudo-terminal,
# /usr/bin/time -f %M for peak memory (times include its fork, about 1 ms). The save figure is the time
# from Enter to the frame that says "saved", on the 10,000-target store. Figures vary by a
# few percent from run to run: each TUI figure is the median of RUNS runs (default 5).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
cargo build --release --quiet --features testkit --example generate
bin=target/release/chitieu
gen=target/release/examples/generate
"$gen" "$work/y2024" 0 400
"$gen" "$work/big" 10000 100000

# No config file of the user's, a fixed language.
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
mkdir -p "$HOME"
export TERM=xterm-256color

run() { # NAME COLS ROWS STORE [ARGS...] -> $work/NAME.N for N in 1..RUNS
  local name=$1 cols=$2 rows=$3 store=$4; shift 4
  for n in $(seq "$RUNS"); do
    cp "$store" "$work/$name.store.json"
    MEASURE_STORE="$work/$name.store.json" python3 scripts/ptydrive.py "$cols" "$rows" -- \
      /usr/bin/time -f %M -o "$work/$name.rss" \
      "$bin" --lang vi --store "$work/$name.store.json" "$@" > "$work/$name.$n"
    echo "peak_rss_kb $(tail -1 "$work/$name.rss")" >> "$work/$name.$n"
  done
}
median() { # NAME KEY
  grep -h "^$2 " "$work/$1".[0-9]* | awk '{print $2}' | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

run y2024 80 24 "$work/y2024/store.json"
run big 80 24 "$work/big/store.json" --plan "$work/big/plan.json"

size=$(stat -c %s "$bin")
store_size=$(stat -c %s "$work/big/store.json")
row() { printf '%-52s %14s %14s\n' "$1" "$2" "$3"; }
echo
echo "chitieu $(git describe --always --dirty 2>/dev/null || echo '?') · $(nproc) cores · $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') · median of $RUNS runs"
row "figure" "measured" "budget"
row "stripped release binary" "$(awk -v s="$size" 'BEGIN{printf "%.2f MB", s/1048576}')" "≤ 4 MB"
row "2024 plan, 400 entries: open to first frame" "$(median y2024 first_frame_ms) ms" "≤ 10 ms"
row "2024 plan, 400 entries: peak memory" "$(awk -v k="$(median y2024 peak_rss_kb)" 'BEGIN{printf "%.1f MB", k/1024}')" "≤ 8 MB"
row "2024 plan 80×24: bytes per cursor move (mean)" "$(median y2024 move_bytes_avg) B" "≤ 300 B"
row "2024 plan 80×24: bytes per cursor move (max)" "$(median y2024 move_bytes_max) B" "≤ 300 B"
row "2024 plan 80×24: bytes per key in the edit form" "$(median y2024 edit_key_bytes_avg) B" "—"
row "2024 plan 80×24: bytes to open the edit form" "$(median y2024 edit_open_bytes) B" "—"
row "2024 plan 80×24: bytes of the frame after a save" "$(median y2024 edit_save_bytes) B" "—"
row "2024 plan 80×24: bytes per edit (open, 2 keys, save)" "$(median y2024 edit_total_bytes) B" "—"
row "10k plan, 100k entries: open to first frame" "$(median big first_frame_ms) ms" "≤ 150 ms"
row "10k plan: keystroke to frame, cursor move" "$(median big move_ms_median) ms" "≤ 5 ms"
row "10k plan: keystroke to frame, filter letter" "$(median big filter_key_ms_median) ms" "≤ 5 ms"
row "10k plan: save (Enter to the saved frame)" "$(median big save_to_frame_ms) ms" "≤ 150 ms"
row "10k plan, 100k entries: peak memory" "$(awk -v k="$(median big peak_rss_kb)" 'BEGIN{printf "%.1f MB", k/1024}')" "≤ 60 MB"
row "10k plan 80×24: bytes per cursor move (mean)" "$(median big move_bytes_avg) B" "≤ 300 B"
echo "(store of 100,000 entries: $((store_size / 1024)) KiB; process start alone: $(python3 - "$bin" <<'PY'
import subprocess, sys, time
ts = []
for _ in range(20):
    t = time.perf_counter(); subprocess.run([sys.argv[1], "--version"], stdout=subprocess.DEVNULL); ts.append(time.perf_counter() - t)
print(f"{sorted(ts)[10]*1000:.1f} ms")
PY
))"
