#!/usr/bin/env bash
# Build cost of smtp-codes as a user meets it: cold builds of scratch crates outside the workspace
# (path dependency on smtp-codes, CARGO_INCREMENTAL=0 as for any dependency, dev profile, fresh
# target directory), all in one run so that the ratios compare like with like:
#
#   (a) a crate depending only on smtp-codes;
#   (b) the same with smtp-proto instead (a crate without a proc-macro: the floor);
#   (c) a crate that already uses serde (derive) and tokio (macros, rt), before and after adding
#       smtp-codes: the marginal cost in a real project;
#   (d) the rebuild of (a) after touching each table, smtp-codes/*.csv.
#
# Usage: scripts/build-cost.sh [RUNS]     RUNS (default 1) repeats everything; the table shows the
#                                         median and, in brackets, the fastest run.
# Wall-clock seconds are what the goals are about; CPU seconds (user + system) are shown beside
# them because they hardly move when other work shares the machine, while wall-clock time does.
# Env:   BUILD_COST_DIR  scratch directory (default: target/build-cost; its crates are rebuilt)
# Dependencies are fetched (untimed) before the first build; the timed builds run --offline.
# These are benchmark figures: nothing here fails on a timing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-1}
work=${BUILD_COST_DIR:-$root/target/build-cost}
export CARGO_INCREMENTAL=0 CARGO_TERM_COLOR=never
unset CARGO_TARGET_DIR CARGO_BUILD_TARGET_DIR

codes_dep="smtp-codes = { path = \"$root/smtp-codes\" }"
serde_tokio_deps='serde = { version = "1", features = ["derive"] }
tokio = { version = "1", features = ["macros", "rt"] }'
serde_tokio_main='#[derive(serde::Serialize, serde::Deserialize)]
pub struct Reply {
    pub code: u16,
}

#[tokio::main(flavor = "current_thread")]
async fn main() {}'

# new_crate NAME DEPENDENCIES MAIN: a binary crate outside the workspace, locked to the
# workspace's versions where they overlap, its dependencies fetched.
new_crate() {
    local dir="$work/$1"
    rm -rf "$dir"
    mkdir -p "$dir/src"
    printf '[package]\nname = "%s"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n[dependencies]\n%s\n\n[workspace]\n' \
        "$1" "$2" >"$dir/Cargo.toml"
    printf '%s\n' "$3" >"$dir/src/main.rs"
    cp "$root/Cargo.lock" "$dir/Cargo.lock"
    (cd "$dir" && cargo fetch --quiet)
}

# build NAME [cold]: `WALL CPU`, the wall-clock and CPU (user + system, all processes) seconds of
# `cargo build`, from an empty target directory when asked.
build() {
    local dir="$work/$1"
    [ "${2:-}" = cold ] && rm -rf "$dir/target"
    (cd "$dir" && /usr/bin/time -f '%e %U %S' -o "$dir/time.txt" cargo build --offline --quiet) \
        >"$dir/build.log" 2>&1 || { cat "$dir/build.log" >&2; exit 1; }
    awk '{ printf "%.3f\t%.3f\n", $1, $2 + $3 }' "$dir/time.txt"
}

mkdir -p "$work"
new_crate alone "$codes_dep" 'use smtp_codes as _;

fn main() {}'
new_crate proto 'smtp-proto = "0.2"' 'use smtp_proto as _;

fn main() {}'
new_crate serde-tokio "$serde_tokio_deps" "$serde_tokio_main"
new_crate serde-tokio-codes "$serde_tokio_deps
$codes_dep" "use smtp_codes as _;

$serde_tokio_main"

tables=$(cd "$root/smtp-codes" && ls *.csv)
results="$work/results.tsv"
: >"$results"
for run in $(seq 1 "$runs"); do
    for crate in alone proto serde-tokio serde-tokio-codes; do
        printf '%s\t%s\t%s\n' "$run" "$crate" "$(build "$crate" cold)" >>"$results"
    done
    for table in $tables; do
        touch "$root/smtp-codes/$table"
        printf '%s\ttouch %s\t%s\n' "$run" "$table" "$(build alone)" >>"$results"
    done
done

# The units of the last cold build of (a), from cargo's timings of one more build with --timings.
rm -rf "$work/alone/target"
(cd "$work/alone" && cargo build --offline --quiet --timings) >/dev/null 2>&1
report=$(ls -t "$work"/alone/target/cargo-timings/cargo-timing-*.html | head -n 1)

python3 - "$results" "$runs" "$report" <<'PY'
import json, re, statistics, sys

results, runs, report = sys.argv[1], int(sys.argv[2]), sys.argv[3]
wall, cpu = {}, {}
for line in open(results):
    run, what, seconds, cpu_seconds = line.rstrip("\n").split("\t")
    wall.setdefault(what, {})[int(run)] = float(seconds)
    cpu.setdefault(what, {})[int(run)] = float(cpu_seconds)
for times in (wall, cpu):
    times["marginal"] = {run: times["serde-tokio-codes"][run] - times["serde-tokio"][run]
                         for run in times["serde-tokio"]}

def median(times, what):
    return statistics.median(times[what].values())

def cell(times, what):
    values = list(times[what].values())
    return f"{statistics.median(values):6.2f}" + (f" [{min(values):.2f}]" if len(values) > 1 else "")

def ratio(what):
    return f"{median(wall, what) / median(wall, 'proto'):.1f}x / {median(cpu, what) / median(cpu, 'proto'):.1f}x"

rows = [
    ("(a) smtp-codes alone, cold", "alone", ratio("alone"), "<= 4 s"),
    ("(b) smtp-proto alone, cold", "proto", "1.0x / 1.0x", ""),
    ("(c) serde + tokio crate, cold", "serde-tokio", "", ""),
    ("(c) the same + smtp-codes, cold", "serde-tokio-codes", "", ""),
    ("(c) marginal cost of smtp-codes", "marginal", "", "<= 1 s"),
]
for what in sorted(w for w in wall if w.startswith("touch ")):
    rows.append((f"(d) rebuild of (a) after {what}", what, "", "< 1 s"))

print(f"build cost: CARGO_INCREMENTAL=0, dev profile, cold target dirs, {runs} run(s), "
      f"{len(__import__('os').sched_getaffinity(0))} CPUs, load average "
      f"{open('/proc/loadavg').read().split()[0]} at the end")
print(f"  {'':<52} {'wall s':>16} {'CPU s':>16}   {'vs smtp-proto':<13}  goal (wall)")
if runs > 1:
    print(f"  {'':<52} {'median [fastest]':>16} {'median [least]':>16}")
for label, what, vs, goal in rows:
    print(f"  {label:<52} {cell(wall, what):>16} {cell(cpu, what):>16}   {vs:<13}  {goal}")

html = open(report, encoding="utf-8").read()
match = re.search(r"const UNIT_DATA = (\[.*?\n\]);", html, re.S)
if match:
    units = json.loads(match.group(1))
    print("\n(a)'s units from one more cold build with --timings (start and duration, seconds):")
    for unit in sorted(units, key=lambda unit: unit["start"]):
        if unit["duration"] >= 0.2 or unit["name"].startswith("smtp-codes"):
            target = unit["target"].strip() or "lib"
            print(f"  {unit['name'] + ' ' + unit['version'] + ' (' + target + ')':<46}"
                  f" {unit['start']:6.2f} +{unit['duration']:5.2f}")
PY
