#!/usr/bin/env bash
# Generates a real Postfix bounce and a real Postfix delay warning with a private Postfix
# instance on loopback (the one scripts/interop.sh installs), for tests/data/bounce-samples/.
#
#   scripts/postfix-bounces.sh OUT_DIR
#
# The instance lives in target/postfix-bounces/ and touches neither /etc/postfix nor the machine's
# mail: alice@sender.test's mailbox is a Maildir in the instance's directory; mail to reject.test
# goes to the instance's own smtpd, which refuses bob@reject.test (554 5.7.1, a permanent failure:
# a bounce); mail to down.test goes to 127.0.0.1:9, where nothing listens (deferred: with
# delay_warning_time = 1s, a delay warning). One message to both is submitted with sendmail(1);
# the bounce and the warning land in alice's Maildir and are copied to OUT_DIR as
# postfix-bounce.eml and postfix-delay-warning.eml. Needs root.
set -euo pipefail

out="${1:?usage: $0 OUT_DIR}"
cd "$(dirname "$0")/.."
"$(pwd)/scripts/interop.sh" check
dir="$(pwd)/target/postfix-bounces"
port=25251
postfix -c "$dir/etc" stop 2>/dev/null || true
rm -rf "$dir"
mkdir -p "$dir/etc" "$dir/queue" "$dir/data" "$dir/mail"
chown postfix "$dir/data" "$dir/mail"
uid=$(id -u postfix)
gid=$(id -g postfix)
cat >"$dir/etc/main.cf" <<EOF
compatibility_level = 3.6
config_directory = $dir/etc
queue_directory = $dir/queue
data_directory = $dir/data
daemon_directory = $(postconf -d -h daemon_directory)
meta_directory = $(postconf -d -h meta_directory)
shlib_directory = $(postconf -d -h shlib_directory)
mail_owner = postfix
setgid_group = postdrop
maillog_file_prefixes = $dir
maillog_file = $dir/postfix.log
myhostname = mx.example.test
mydomain = example.test
myorigin = example.test
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
relay_domains =
alias_maps =
alias_database =
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
smtpd_recipient_restrictions = check_recipient_access inline:{ bob@reject.test=REJECT }
virtual_mailbox_domains = sender.test
virtual_mailbox_base = $dir/mail
virtual_mailbox_maps = inline:{ alice@sender.test=alice/ }
virtual_uid_maps = static:$uid
virtual_gid_maps = static:$gid
virtual_minimum_uid = 1
transport_maps = inline:{ reject.test=smtp:[127.0.0.1]:$port, down.test=smtp:[127.0.0.1]:9 }
delay_warning_time = 1s
queue_run_delay = 1s
minimal_backoff_time = 1s
maximal_backoff_time = 2s
smtp_connect_timeout = 2s
smtputf8_enable = no
smtpd_tls_security_level = none
smtp_tls_security_level = none
biff = no
EOF
cat >"$dir/etc/master.cf" <<EOF
127.0.0.1:$port inet n - n - - smtpd
pickup    unix n - n 60 1 pickup
cleanup   unix n - n - 0 cleanup
qmgr      unix n - n 1 1 qmgr
rewrite   unix - - n - - trivial-rewrite
bounce    unix - - n - 0 bounce
defer     unix - - n - 0 bounce
trace     unix - - n - 0 bounce
verify    unix - - n - 1 verify
flush     unix n - n 1000? 0 flush
proxymap  unix - - n - - proxymap
anvil     unix - - n - 1 anvil
scache    unix - - n - 1 scache
smtp      unix - - n - - smtp
virtual   unix - n n - - virtual
error     unix - - n - - error
retry     unix - - n - - error
discard   unix - - n - - discard
postlog   unix-dgram n - n - 1 postlogd
EOF
postfix -c "$dir/etc" start
trap 'postfix -c "$dir/etc" stop 2>/dev/null || true' EXIT
sleep 2
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
