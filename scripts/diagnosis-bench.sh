#!/usr/bin/env bash
# The diagnosis speed figures of the README, in one run: Sisimai's text-only rate (from the
# corpus's sisimai.pl, through scripts/sisimai-compare.sh), then the criterion group `diagnosis`
# (Diagnosis::of, the phrase automaton alone, and the aho-corasick crate on the same phrase list),
# then the ratios.
#
# Usage: scripts/diagnosis-bench.sh [CORPUS_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
sisimai=$(scripts/sisimai-compare.sh "$@")
echo "$sisimai"
rate=$(sed -n 's/.*text-only match \([0-9.]*\) texts\/s.*/\1/p' <<<"$sisimai")
[ -n "$rate" ] || { echo "no Sisimai rate in its output" >&2; exit 1; }
if [ -n "${1:-}" ]; then export BOUNCE_CORPUS="$1"; fi
bench=$(cargo bench -q -p smtp-codes-tests --bench diagnosis -- --warm-up-time 1 --measurement-time 3 2>&1)
# The middle throughput estimate of each benchmark, in texts per second.
per_second() {
    awk -v name="diagnosis/$1" '
        $1 == name { found = 1 }
        found && /thrpt:/ {
            value = $4; unit = $5
            scale = (unit ~ /^Kelem/) ? 1e3 : (unit ~ /^Melem/) ? 1e6 : (unit ~ /^Gelem/) ? 1e9 : 1
            printf "%.0f\n", value * scale; exit
        }' <<<"$bench"
}
ours=$(per_second diagnosis_of)
phrase=$(per_second find_phrase)
aho=$(per_second aho_corasick)
echo "texts/s: Diagnosis::of $ours, find_phrase $phrase, aho-corasick $aho, Sisimai text-only $rate"
awk -v ours="$ours" -v phrase="$phrase" -v aho="$aho" -v sisimai="$rate" 'BEGIN {
    printf "Diagnosis::of / Sisimai text-only: %.0fx (goal >= 1000x)\n", ours / sisimai
    printf "find_phrase / aho-corasick: %.2f (goal: within 2x, i.e. >= 0.5)\n", phrase / aho
    printf "Diagnosis::of / aho-corasick: %.2f\n", ours / aho
}'
