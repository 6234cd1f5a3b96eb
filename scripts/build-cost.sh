#!/usr/bin/env bash
# Build cost of smtp-codes: a cold `cargo build -p smtp-codes` into a scratch target directory,
# split into our two crates (smtp-codes-macros, smtp-codes) and their dependencies, then the
# rebuild after `touch codes.csv`. Per-unit seconds come from cargo's --timings report.
#
# Usage: scripts/build-cost.sh [extra cargo args, e.g. --release]
#        CARGO_INCREMENTAL=0 scripts/build-cost.sh   (as dependents build it: no incremental)
# Env:   BUILD_COST_DIR  scratch target directory (default: target/build-cost; removed first)
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

dir=${BUILD_COST_DIR:-target/build-cost}
timings="$dir/cargo-timings"

# Prints the seconds of the units of the newest timings report (fresh units have 0 seconds), as `name<TAB>target<TAB>duration`.
units() {
    local report
    report=$(ls -t "$timings"/cargo-timing-*.html | head -n 1)
    python3 - "$report" <<'PY'
import json, re, sys
html = open(sys.argv[1], encoding="utf-8").read()
match = re.search(r"const UNIT_DATA = (\[.*?\n\]);", html, re.S)
if not match:
    sys.exit("no UNIT_DATA in " + sys.argv[1])
for unit in json.loads(match.group(1)):
    target = unit["target"].strip() or "lib"
    print(f'{unit["name"]}\t{target}\t{unit["duration"]}\t{unit["start"]}')
PY
}

# Runs cargo build with timings; prints the wall-clock seconds.
build() {
    local start end
    start=$(date +%s.%N)
    cargo build -p smtp-codes --timings --target-dir "$dir" "$@" >"$dir.log" 2>&1 \
        || { cat "$dir.log" >&2; exit 1; }
    end=$(date +%s.%N)
    python3 -c "print(f'{$end - $start:.2f}')"
}

rm -rf "$dir"
mkdir -p "$dir"
cold_wall=$(build "$@")
cold_units=$(units)

touch codes.csv
rebuild_wall=$(build "$@")
rebuild_units=$(units)

python3 - "$cold_wall" "$rebuild_wall" <<PY
import sys
ours = {"smtp-codes-macros", "smtp-codes"}
def parse(text):
    rows = []
    for line in text.strip().splitlines():
        name, target, duration, start = line.split("\t")
        rows.append((name, target, float(duration), float(start)))
    return rows
cold = parse("""$cold_units""")
rebuild = parse("""$rebuild_units""")
cold_wall, rebuild_wall = float(sys.argv[1]), float(sys.argv[2])

def total(rows, pred):
    return sum(d for n, _, d, _ in rows if pred(n))

import os
mode = ("off (CARGO_INCREMENTAL=0: how a crate built as a registry dependency compiles)"
        if os.environ.get("CARGO_INCREMENTAL") == "0"
        else "on (the dev profile's default for this workspace's own crates)")
print(f"cold build of smtp-codes (cargo build -p smtp-codes $*, target dir $dir)")
print(f"  incremental compilation: {mode}")
print(f"  {'unit':<28} {'seconds':>8}")
for name, target, duration, _ in sorted(cold, key=lambda r: -r[2]):
    if name in ours:
        print(f"  {name + ' (' + target + ')':<28} {duration:>8.2f}")
ours_cold = total(cold, lambda n: n in ours)
deps_cold = total(cold, lambda n: n not in ours)
print(f"  {'our two crates, sum':<28} {ours_cold:>8.2f}")
print(f"  {'dependencies (' + str(sum(1 for r in cold if r[0] not in ours)) + ' units), sum':<28} {deps_cold:>8.2f}")
ours_rows = [r for r in cold if r[0] in ours]
if ours_rows:
    first = min(s for _, _, _, s in ours_rows)
    last = max(s + d for _, _, d, s in ours_rows)
    print(f"  {'our crates, wall span':<28} {last - first:>8.2f}")
print(f"  {'wall clock, whole build':<28} {cold_wall:>8.2f}")
print()
print("rebuild after touch codes.csv")
for name, target, duration, _ in rebuild:
    if name in ours:
        print(f"  {name + ' (' + target + ')':<28} {duration:>8.2f}")
others = [r for r in rebuild if r[0] not in ours and r[2] > 0]
print(f"  {'other units rebuilt: ' + str(len(others)):<28} {sum(r[2] for r in others):>8.2f}")
print(f"  {'wall clock (cargo included)':<28} {rebuild_wall:>8.2f}")
PY
