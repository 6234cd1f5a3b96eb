#!/usr/bin/env bash
# Fuzzes every target of fuzz/ for SECONDS each (default 30), one after another, one process at a
# time, and fails when any of them finds a crash.
#
#   scripts/fuzz.sh [SECONDS]
#
# Needs rustup with a nightly toolchain; installs cargo-fuzz when `cargo fuzz` is missing. The seed
# corpora are generated from tests/data/replies.txt into fuzz/corpus/ (not in git); what the
# fuzzer finds goes to fuzz/artifacts/<target>/, and each run's log to fuzz/artifacts/<target>.log.
set -euo pipefail

seconds="${1:-30}"
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: $0 [SECONDS]  (a positive number of seconds per target)" >&2
    exit 2
fi

cd "$(dirname "$0")/.."

if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    echo "== installing cargo-fuzz"
    cargo install cargo-fuzz --locked
fi

# Seeds: every reply of the corpus (escapes decoded, lines joined with CRLF), its enhanced code
# and its reply code; whole emails for the dsn and bounce targets.
echo "== generating seeds from tests/data/replies.txt"
mkdir -p fuzz/corpus/reply_parse fuzz/corpus/enhanced_parse fuzz/corpus/reply_code_from_str \
    fuzz/corpus/writer fuzz/corpus/diagnosis
perl -e '
    use strict;
    use warnings;
    my ($file, $out) = @ARGV;
    open my $in, "<", $file or die "$file: $!\n";
    my $text = do { local $/; <$in> };
    my @blocks = split /\n=== /, $text;
    shift @blocks;
    my $count = 0;
    sub put {
        my ($path, $bytes) = @_;
        open my $fh, ">:raw", $path or die "$path: $!\n";
        print $fh $bytes;
        close $fh or die "$path: $!\n";
    }
    for my $block (@blocks) {
        my ($name, $rest) = split /\n/, $block, 2;
        $name =~ s/^\s+|\s+$//g;
        $name =~ s/[^A-Za-z0-9._-]/_/g;
        my ($head, $body) = split /\n---\n/, $rest // "", 2;
        die "case $name: no `---` before the body\n" unless defined $body;
        my $wire = "";
        for my $line (split /\n/, $body) {
            last if $line eq "";
            $line =~ s/\r$//;
            $line =~ s/\\(\\|x([0-9A-Fa-f]{2}))/defined $2 ? chr(hex $2) : "\\"/ge;
            $wire .= "$line\r\n";
        }
        put("$out/reply_parse/$name", $wire);
        my ($code) = $head =~ /^code: (\S+)/m;
        my ($enhanced) = $head =~ /^enhanced: (\S+)/m;
        put("$out/reply_code_from_str/$code", $code) if defined $code;
        put("$out/enhanced_parse/$enhanced", $enhanced) if defined $enhanced && $enhanced ne "-";
        $count++;
    }
    die "no cases in $file\n" unless $count;
    print "$count replies\n";
' tests/data/replies.txt fuzz/corpus
# Seeds for the delivery-status parser: the real bounces kept for the tests (whole emails: their
# headers are fields too, and their delivery-status parts follow).
mkdir -p fuzz/corpus/dsn
cp tests/data/bounce-corpus/eml/*.eml fuzz/corpus/dsn/
# The bounce target reads whole emails: the corpus's, and the samples of what it lacks.
mkdir -p fuzz/corpus/bounce
cp tests/data/bounce-corpus/eml/*.eml tests/data/bounce-samples/*.eml fuzz/corpus/bounce/
# The diagnosis target reads any text: the replies are its seeds too.
mkdir -p fuzz/corpus/diagnosis
cp fuzz/corpus/reply_parse/* fuzz/corpus/diagnosis/
# The explainer reads whatever is pasted: replies and whole bounce emails (after the byte that
# picks the command, which these seeds spend on their first character).
mkdir -p fuzz/corpus/explain
cp fuzz/corpus/reply_parse/* tests/data/bounce-corpus/eml/*.eml fuzz/corpus/explain/

cd fuzz
targets=$(cargo +nightly fuzz list)
echo "== building:" $targets
cargo +nightly fuzz build

summary=()
failed=()
for target in $targets; do
    echo "== fuzzing $target for ${seconds}s"
    mkdir -p "artifacts/$target"
    log="artifacts/$target.log"
    before=$(find "artifacts/$target" -type f | wc -l)
    status=0
    # The bounce target runs without debug assertions (-O): mail-parser 0.11.9 has
    # debug_assert!(false) on malformed structures it recovers from in release builds.
    flags=()
    [ "$target" = bounce ] && flags=(-O)
    cargo +nightly fuzz run "${flags[@]}" "$target" -- \
        -max_total_time="$seconds" -print_final_stats=1 2>&1 | tee "$log" || status=$?
    after=$(find "artifacts/$target" -type f | wc -l)
    found=$((after - before))
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | cut -d' ' -f2)
    corpus=$(grep -o 'corp: [0-9]*' "$log" | tail -n 1 | cut -d' ' -f2)
    summary+=("$(printf '%-20s %12s %10s %6s %7s %8s' "$target" "${execs:-?}" "${rate:-?}" \
        "${cov:-?}" "${corpus:-?}" "$found")")
    if [ "$status" -ne 0 ] || [ "$found" -ne 0 ]; then
        failed+=("$target")
    fi
done

echo
echo "== results (${seconds}s per target; log per target in fuzz/artifacts/TARGET.log)"
printf '%-20s %12s %10s %6s %7s %8s\n' target executions exec/s cov corpus crashes
printf '%s\n' "${summary[@]}"
if [ "${#failed[@]}" -ne 0 ]; then
    echo "FAILED: ${failed[*]} (inputs in fuzz/artifacts/TARGET/; reproduce with" \
        "cargo +nightly fuzz run TARGET fuzz/artifacts/TARGET/FILE)" >&2
    exit 1
fi
echo "no crashes"
