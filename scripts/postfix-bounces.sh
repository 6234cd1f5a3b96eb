#!/usr/bin/env bash
# Generates a real Postfix bounce and a real Postfix delay warning with a private Postfix
# instance on loopback (the one scripts/interop.sh installs), for tests/data/bounce-samples/.
#
#   scripts/postfix-bounces.sh OUT_DIR
#
# The instance (scripts/interop.sh start DIR PORT bounces, stopped by its master's pid) lives in
# target/postfix-bounces/ and touches neither /etc/postfix nor the machine's mail:
# alice@sender.test's mailbox is a Maildir in the instance's directory; mail to reject.test
# goes to the instance's own smtpd, which refuses bob@reject.test (554 5.7.1, a permanent failure:
# a bounce); mail to down.test goes to 127.0.0.1:9, where nothing listens (deferred: with
# delay_warning_time = 1s, a delay warning). One message to both is submitted with sendmail(1);
# the bounce and the warning land in alice's Maildir and are copied to OUT_DIR as
# postfix-bounce.eml and postfix-delay-warning.eml. Needs root.
set -euo pipefail

out="${1:?usage: $0 OUT_DIR}"
cd "$(dirname "$0")/.."
scripts/interop.sh check
dir="$(pwd)/target/postfix-bounces"
scripts/interop.sh start "$dir" 25251 bounces >/dev/null
trap 'scripts/interop.sh stop "$dir"' EXIT
printf 'From: Alice <alice@sender.test>\nTo: bob@reject.test, carol@down.test\nSubject: Quarterly report\nMessage-ID: <q3-report@sender.test>\n\nHello.\n' |
    MAIL_CONFIG="$dir/etc" sendmail -f alice@sender.test bob@reject.test carol@down.test
mailbox="$dir/mail/alice/new"
for _ in $(seq 1 60); do
    [ "$(find "$mailbox" -type f 2>/dev/null | wc -l)" -ge 2 ] && break
    sleep 1
done
mkdir -p "$out"
found=0
for file in "$mailbox"/*; do
    case "$(grep -m1 '^Subject:' "$file")" in
    *"Undelivered Mail Returned to Sender"*) cp "$file" "$out/postfix-bounce.eml"; found=$((found + 1)) ;;
    *"Delayed Mail (still being retried)"*) cp "$file" "$out/postfix-delay-warning.eml"; found=$((found + 1)) ;;
    esac
done
[ "$found" -eq 2 ] || { echo "expected a bounce and a delay warning in $mailbox; see $dir/postfix.log" >&2; exit 1; }
echo "wrote $out/postfix-bounce.eml and $out/postfix-delay-warning.eml"
