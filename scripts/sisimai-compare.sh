#!/usr/bin/env bash
# Sisimai beside smtp-codes on the bounce corpus: runs the corpus's sisimai.pl (Debian's
# libsisimai-perl, installed if missing), prints Sisimai's agreement with cases.tsv (full pipeline
# and text-only matcher, after the merges the corpus README names) and its text-only rate, the
# figure the diagnosis bench's ratio is taken against.
#
# Usage: scripts/sisimai-compare.sh [CORPUS_DIR]   (default: $BOUNCE_CORPUS or tests/data/bounce-corpus)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-${BOUNCE_CORPUS:-tests/data/bounce-corpus}}
[ -f "$corpus/cases.tsv" ] || { echo "no bounce corpus at $corpus (cases.tsv missing)" >&2; exit 1; }
if ! perl -MSisimai -e 1 2>/dev/null; then
    scripts/packages.sh install libsisimai-perl
fi
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
(cd "$corpus" && perl sisimai.pl eml cases.tsv) >"$out" 2>"$err"
# Expected reasons by file and recipient, then Sisimai's two answers after the merges.
awk -F'\t' '
    function merge(r) {
        if (r == "speeding" || r == "toomanyconn") return "ratelimited"
        if (r == "mesgtoobig" || r == "exceedlimit") return "emailtoolarge"
        if (r == "onhold" || r == "") return "undefined"
        return r
    }
    NR == FNR { if (FNR > 1) want[$1 "\t" $2] = $3; next }
    { key = $1 "\t" $2; n++; if (merge($3) == want[key]) full++; if (merge($4) == want[key]) text++ }
    END { printf "Sisimai on %d rows: full pipeline %.1f %%, text-only matcher %.1f %%\n", n, 100 * full / n, 100 * text / n }
' "$corpus/cases.tsv" "$out"
cat "$err"
