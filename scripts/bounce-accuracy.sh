#!/usr/bin/env bash
# End-to-end accuracy of the `bounce` example on the bounce corpus, side by side with Sisimai 4.25
# in the same run.
#
#   scripts/bounce-accuracy.sh [CORPUS_DIR]
#
# CORPUS_DIR defaults to $BOUNCE_CORPUS, else tests/data/bounce-corpus (the development half). It
# holds eml/, cases.tsv (one row per failed recipient with the expected reason and hard/soft) and
# sisimai.pl. Installs Debian's libsisimai-perl when Sisimai is missing (needs root and apt).
#
# Prints, split by emails with and without a message/delivery-status part: the recipients the
# example finds (a line for the case's file and recipient index), the rows whose reason and whose
# hard/soft agree with cases.tsv, and Sisimai's full pipeline and text-only matcher on the same
# rows; then the confusion of the rows whose reason disagrees (expected -> ours). Work files go
# to target/bounce-accuracy/.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
corpus="${1:-${BOUNCE_CORPUS:-$root/tests/data/bounce-corpus}}"
if [ ! -f "$corpus/cases.tsv" ] || [ ! -d "$corpus/eml" ]; then
    echo "the bounce corpus is missing: expected cases.tsv and eml/ in $corpus" >&2
    exit 2
fi
corpus=$(cd "$corpus" && pwd)
out="$root/target/bounce-accuracy"
mkdir -p "$out"

echo "== building the bounce example"
cargo build --release -q -p smtp-codes-tests --example bounce
example="$root/target/release/examples/bounce"

echo "== running it on $corpus/eml"
(cd "$corpus/eml" && "$example" --tsv *.eml) > "$out/ours.tsv"

if ! perl -MSisimai -e 1 2>/dev/null; then
    echo "== installing Sisimai (libsisimai-perl)"
    scripts/packages.sh install libsisimai-perl
fi
echo "== running Sisimai $(perl -MSisimai -e 'print Sisimai->version')"
(cd "$corpus" && perl sisimai.pl eml cases.tsv) > "$out/sisimai.tsv" 2> "$out/sisimai.log"
cat "$out/sisimai.log"

# Which emails have a delivery-status part (RFC 3464; RFC 6533's global one too).
(cd "$corpus/eml" && grep -l -i -E '^content-type:[[:space:]]*message/(global-)?delivery-status' -- *.eml || true) \
    > "$out/with-report.txt"

perl -e '
    use strict;
    use warnings;
    my ($cases, $ours, $sisimai, $with) = @ARGV;
    my %with = map { chomp; ($_ => 1) } do { open my $fh, "<", $with or die; <$fh> };
    my (%ours, %full, %text);
    open my $o, "<", $ours or die "$ours: $!";
    while (<$o>) {
        chomp;
        my @f = split /\t/, $_, -1;
        $ours{"$f[0]\t$f[1]"} = [$f[7], $f[8]];
    }
    # Sisimai 4.25 names merged as the corpus merges them.
    my %merge = (speeding => "ratelimited", toomanyconn => "ratelimited",
                 mesgtoobig => "emailtoolarge", exceedlimit => "emailtoolarge",
                 onhold => "undefined");
    open my $s, "<", $sisimai or die "$sisimai: $!";
    while (<$s>) {
        chomp;
        my ($file, $idx, $full, $text) = split /\t/, $_, -1;
        $full{"$file\t$idx"} = $merge{$full // ""} // $full // "";
        $text{"$file\t$idx"} = $merge{$text // ""} // $text // "";
    }
    open my $c, "<", $cases or die "$cases: $!";
    <$c>;
    my (%n, %found, %reason, %hard, %full_ok, %text_ok, %confusion);
    while (<$c>) {
        chomp;
        my ($file, $idx, $reason, $hard) = split /\t/, $_, -1;
        my $key = "$file\t$idx";
        for my $group (($with{$file} ? "with report" : "without report"), "all") {
            $n{$group}++;
            $full_ok{$group}++ if ($full{$key} // "") eq $reason;
            $text_ok{$group}++ if ($text{$key} // "") eq $reason;
            next unless $ours{$key};
            $found{$group}++;
            my ($got, $got_hard) = @{ $ours{$key} };
            $reason{$group}++ if lc($got) eq $reason;
            $hard{$group}++ if $got_hard eq $hard;
        }
        if (!$ours{$key}) {
            $confusion{"$reason -> (not found)"}++;
        } elsif (lc($ours{$key}[0]) ne $reason) {
            $confusion{"$reason -> " . (lc($ours{$key}[0]) || "(none)")}++;
        }
    }
    printf "\n%-15s %5s %17s %17s %17s %17s %17s\n", "emails", "rows", "found", "reason agrees",
        "hard agrees", "Sisimai full", "Sisimai text";
    for my $group ("with report", "without report", "all") {
        my $n = $n{$group} or next;
        my $cell = sub { my $k = shift // 0; sprintf "%4d (%5.1f %%)", $k, 100 * $k / $n };
        printf "%-15s %5d %17s %17s %17s %17s %17s\n", $group, $n, $cell->($found{$group}),
            $cell->($reason{$group}), $cell->($hard{$group}), $cell->($full_ok{$group}),
            $cell->($text_ok{$group});
    }
    my %case_keys;
    seek $c, 0, 0; <$c>;
    while (<$c>) { my ($f, $i) = split /\t/; $case_keys{"$f\t$i"} = 1; }
    my $extras = grep { !$case_keys{$_} } keys %ours;
    print "\nlines printed for recipients that cases.tsv does not list: $extras\n";
    print "\nrows whose reason disagrees (expected -> ours), most frequent first:\n";
    for my $pair (sort { $confusion{$b} <=> $confusion{$a} || $a cmp $b } keys %confusion) {
        printf "  %3d  %s\n", $confusion{$pair}, $pair;
    }
' "$corpus/cases.tsv" "$out/ours.tsv" "$out/sisimai.tsv" "$out/with-report.txt"
