#!/usr/bin/env bash
# End-to-end accuracy and speed of `smtp-codes bounce` (the smtp-codes-bounce library through the
# command-line tool) on the bounce corpus, side by side with Sisimai 4.25 in the same run.
#
#   scripts/bounce-accuracy.sh [CORPUS_DIR]
#
# CORPUS_DIR defaults to $BOUNCE_CORPUS, else tests/data/bounce-corpus (the development half). It
# holds eml/, cases.tsv (one row per failed or delayed recipient with the expected reason and
# hard/soft), delayed.tsv (the rows whose email says the server keeps trying: read off the emails
# by hand; every other row failed for good) and sisimai.pl. Installs Debian's libsisimai-perl
# through scripts/packages.sh when Sisimai is missing (needs root and apt).
#
# Prints, split by emails with and without a message/delivery-status part: the recipients the
# tool finds (a line for the case's file and recipient index; "addressed": with an address), the
# rows whose reason, hard/soft, and permanent/temporary (`failed` or `delayed`, against
# delayed.tsv) agree, and Sisimai's full pipeline, its text-only matcher and its own
# permanent/temporary on the same rows; then the confusion of the rows whose reason disagrees
# (expected -> ours). Then throughput on the corpus, in emails per second: the tool on one thread
# and on every CPU, over PASSES passes of the corpus (default 40), against Sisimai's full pipeline
# (Sisimai->make per email, its modules loaded once) over SISIMAI_PASSES passes (default 5), and
# the ratios. Work files go to target/bounce-accuracy/.
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
passes="${PASSES:-40}"
sisimai_passes="${SISIMAI_PASSES:-5}"

echo "== building smtp-codes (release)"
cargo build --release -q -p smtp-codes-cli
tool="$root/target/release/smtp-codes"

echo "== running it on $corpus/eml"
(cd "$corpus/eml" && "$tool" bounce --tsv --no-summary -- *.eml) > "$out/ours.tsv"

if ! perl -MSisimai -e 1 2>/dev/null; then
    echo "== installing Sisimai (libsisimai-perl)"
    scripts/packages.sh install libsisimai-perl
fi
echo "== running Sisimai $(perl -MSisimai -e 'print Sisimai->version') ($sisimai_passes passes)"
(cd "$corpus" && perl sisimai.pl eml cases.tsv "$sisimai_passes") > "$out/sisimai.tsv" 2> "$out/sisimai.log"
cat "$out/sisimai.log"

# Which emails have a delivery-status part (RFC 3464; RFC 6533's global one too).
(cd "$corpus/eml" && grep -l -i -E '^content-type:[[:space:]]*message/(global-)?delivery-status' -- *.eml || true) \
    > "$out/with-report.txt"
delayed="$corpus/delayed.tsv"
[ -f "$delayed" ] || delayed=/dev/null

perl -e '
    use strict;
    use warnings;
    my ($cases, $ours, $sisimai, $with, $delayed) = @ARGV;
    my %with = map { chomp; ($_ => 1) } do { open my $fh, "<", $with or die; <$fh> };
    my %delayed;
    { open my $fh, "<", $delayed or die; <$fh>; while (<$fh>) { chomp; my ($f, $i) = split /\t/; $delayed{"$f\t$i"} = 1 if defined $i } }
    my (%ours, %full, %text, %sis_action);
    open my $o, "<", $ours or die "$ours: $!";
    while (<$o>) {
        chomp;
        my @f = split /\t/, $_, -1;
        $ours{"$f[0]\t$f[1]"} = [$f[7], $f[8], $f[3], $f[2]];
    }
    # Sisimai 4.25 names merged as the corpus merges them.
    my %merge = (speeding => "ratelimited", toomanyconn => "ratelimited",
                 mesgtoobig => "emailtoolarge", exceedlimit => "emailtoolarge",
                 onhold => "undefined");
    open my $s, "<", $sisimai or die "$sisimai: $!";
    while (<$s>) {
        chomp;
        my ($file, $idx, $full, $text, $action) = split /\t/, $_, -1;
        $full{"$file\t$idx"} = $merge{$full // ""} // $full // "";
        $text{"$file\t$idx"} = $merge{$text // ""} // $text // "";
        $sis_action{"$file\t$idx"} = $action // "";
    }
    open my $c, "<", $cases or die "$cases: $!";
    <$c>;
    my (%n, %found, %addressed, %reason, %hard, %when, %full_ok, %text_ok, %sis_when, %confusion, @when_wrong);
    while (<$c>) {
        chomp;
        my ($file, $idx, $reason, $hard) = split /\t/, $_, -1;
        my $key = "$file\t$idx";
        my $want = $delayed{$key} ? "delayed" : "failed";
        my $sis = ($sis_action{$key} // "") eq "delayed" ? "delayed" : "failed";
        for my $group (($with{$file} ? "with report" : "without report"), "all") {
            $n{$group}++;
            $full_ok{$group}++ if ($full{$key} // "") eq $reason;
            $text_ok{$group}++ if ($text{$key} // "") eq $reason;
            $sis_when{$group}++ if $sis eq $want;
            next unless $ours{$key};
            $found{$group}++;
            my ($got, $got_hard, $action, $address) = @{ $ours{$key} };
            $addressed{$group}++ if $address ne "";
            $reason{$group}++ if lc($got) eq $reason;
            $hard{$group}++ if $got_hard eq $hard;
            $when{$group}++ if $action eq $want;
        }
        if (!$ours{$key}) {
            $confusion{"$reason -> (not found)"}++;
        } elsif (lc($ours{$key}[0]) ne $reason) {
            $confusion{"$reason -> " . (lc($ours{$key}[0]) || "(none)")}++;
        }
        push @when_wrong, "$file#$idx (expected $want, ours " . ($ours{$key} ? $ours{$key}[2] : "none") . ")"
            if !$ours{$key} || $ours{$key}[2] ne $want;
    }
    printf "\n%-15s %5s %15s %15s %15s %15s %15s | %15s %15s %15s\n", "emails", "rows", "found",
        "addressed", "reason agrees", "hard agrees", "perm/temp", "Sisimai full", "Sisimai text", "Sis. perm/temp";
    for my $group ("with report", "without report", "all") {
        my $n = $n{$group} or next;
        my $cell = sub { my $k = shift // 0; sprintf "%3d (%5.1f %%)", $k, 100 * $k / $n };
        printf "%-15s %5d %15s %15s %15s %15s %15s | %15s %15s %15s\n", $group, $n,
            $cell->($found{$group}), $cell->($addressed{$group}), $cell->($reason{$group}),
            $cell->($hard{$group}), $cell->($when{$group}), $cell->($full_ok{$group}),
            $cell->($text_ok{$group}), $cell->($sis_when{$group});
    }
    my %case_keys;
    seek $c, 0, 0; <$c>;
    while (<$c>) { my ($f, $i) = split /\t/; $case_keys{"$f\t$i"} = 1; }
    my $extras = grep { !$case_keys{$_} } keys %ours;
    print "\nlines printed for recipients that cases.tsv does not list: $extras\n";
    print "rows whose permanent/temporary disagrees: ", (@when_wrong ? join(", ", @when_wrong) : "none"), "\n";
    print "\nrows whose reason disagrees (expected -> ours), most frequent first:\n";
    for my $pair (sort { $confusion{$b} <=> $confusion{$a} || $a cmp $b } keys %confusion) {
        printf "  %3d  %s\n", $confusion{$pair}, $pair;
    }
' "$corpus/cases.tsv" "$out/ours.tsv" "$out/sisimai.tsv" "$out/with-report.txt" "$delayed"

echo
echo "== throughput on the corpus ($passes passes of the tool, $sisimai_passes of Sisimai)"
files=()
while IFS= read -r name; do files+=("$name"); done < <(cd "$corpus/eml" && ls -- *.eml)
emails=$(( ${#files[@]} * passes ))
run_passes() {
    local jobs="$1" start end
    start=$(date +%s%N)
    for _ in $(seq "$passes"); do printf '%s\0' "${files[@]}"; done |
        (cd "$corpus/eml" && xargs -0 "$tool" bounce --tsv --no-summary -j "$jobs" --) > /dev/null
    end=$(date +%s%N)
    echo $(( end - start ))
}
one=$(run_passes 1)
all=$(run_passes "$(nproc)")
perl -e '
    my ($emails, $one, $all, $log, $cpus) = @ARGV;
    open my $fh, "<", $log or die; my ($sis) = map { /\(([\d.]+) emails\/s\)/ ? $1 : () } <$fh>;
    my $r1 = $emails / ($one / 1e9); my $ra = $emails / ($all / 1e9);
    printf "smtp-codes, 1 thread:    %8.0f emails/s (%d emails in %.3f s)\n", $r1, $emails, $one / 1e9;
    printf "smtp-codes, %d threads:   %8.0f emails/s (%d emails in %.3f s)\n", $cpus, $ra, $emails, $all / 1e9;
    printf "Sisimai full pipeline:   %8.0f emails/s\n", $sis;
    printf "ratio: %.0fx on 1 thread, %.0fx on %d threads\n", $r1 / $sis, $ra / $sis, $cpus;
' "$emails" "$one" "$all" "$out/sisimai.log" "$(nproc)"
