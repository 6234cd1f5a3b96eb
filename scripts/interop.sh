#!/usr/bin/env bash
# The real peers of the interop tests (tests/tests/interop_*.rs): a private Postfix instance on a
# loopback port, and swaks.
#
#   scripts/interop.sh install          install postfix, swaks and python3 from Debian when missing
#                                       (needs root; through scripts/packages.sh, whose lock keeps
#                                       two callers from running the package manager at once)
#   scripts/interop.sh check            exit 0 when postfix, swaks and python3 are all there
#   scripts/interop.sh start DIR PORT [POLICY]
#                                       configure a private Postfix in DIR, listening on
#                                       127.0.0.1:PORT, and start it; prints its master's pid.
#                                       POLICY is interop (the default, below) or bounces (the
#                                       one scripts/postfix-bounces.sh uses)
#   scripts/interop.sh stop DIR         stop that instance by its master's pid
#
# The tests that need these peers are #[ignore]d: `cargo test --workspace` passes without them.
# `.ci/run` runs `scripts/interop.sh install` once, then the ignored tests
# (`cargo test --workspace -- --ignored`). The tests never install anything themselves.
#
# The instance has its own configuration, queue and data directories under DIR, and touches
# neither /etc/postfix's instance nor the machine's mail system: installing the package selects
# Debian's "No configuration", so nothing else is started, and nothing is ever delivered (every
# transport is discard). Its policy, which the tests assert on:
#   - local domain example.test, whose only mailbox is known@example.test: other local users are
#     rejected (550 5.1.1, "User unknown in local recipient table");
#   - the loopback client is not in mynetworks, so other domains are relay denied (Postfix's
#     default defer_unauth_destination: 454 4.7.1);
#   - message_size_limit 10240 bytes (552 5.3.4 when exceeded).
# Its log is DIR/postfix.log.
set -euo pipefail

die() {
    echo "interop.sh: $*" >&2
    exit 1
}

# The Debian packages of the peers that are not on this machine.
missing_packages() {
    command -v postfix >/dev/null 2>&1 || [ -x /usr/sbin/postfix ] || echo postfix
    command -v swaks >/dev/null 2>&1 || echo swaks
    command -v python3 >/dev/null 2>&1 || echo python3
}

check() {
    local missing
    missing=$(missing_packages | tr '\n' ' ')
    [ -z "$missing" ] || die "missing: ${missing% } (run scripts/interop.sh install as root)"
}

install() {
    [ -n "$(missing_packages)" ] || return 0
    # Install without configuring or starting the machine's own Postfix.
    if command -v debconf-set-selections >/dev/null 2>&1; then
        echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
    fi
    "$(dirname "$0")/packages.sh" install postfix swaks python3
}

start() {
    local dir="$1" port="$2" policy="${3:-interop}"
    [[ "$port" =~ ^[0-9]+$ ]] || die "port '$port' is not a number"
    case "$policy" in interop | bounces) ;; *) die "unknown policy '$policy' (interop or bounces)" ;; esac
    command -v postfix >/dev/null 2>&1 || [ -x /usr/sbin/postfix ] ||
        die "postfix is missing: run scripts/interop.sh install (as root) first"
    [ "$(id -u)" -eq 0 ] || die "a Postfix instance must be started as root"
    id postfix >/dev/null 2>&1 || die "no postfix user: is the postfix package installed?"
    getent group postdrop >/dev/null || die "no postdrop group: is the postfix package installed?"
    stop "$dir" 2>/dev/null || true
    rm -rf "$dir"
    mkdir -p "$dir/etc" "$dir/queue" "$dir/data"
    dir=$(cd "$dir" && pwd)
    chown postfix "$dir/data"
    [ -x /usr/sbin/postconf ] || die "no /usr/sbin/postconf"
    # Where the package keeps its programs (as compiled in).
    local daemon_directory meta_directory shlib_directory
    daemon_directory=$(postconf -d -h daemon_directory)
    meta_directory=$(postconf -d -h meta_directory)
    shlib_directory=$(postconf -d -h shlib_directory)
    # Shared by both policies; each policy's lines follow (Postfix keeps a parameter's last value).
    cat >"$dir/etc/main.cf" <<EOF
compatibility_level = 3.6
config_directory = $dir/etc
queue_directory = $dir/queue
data_directory = $dir/data
daemon_directory = $daemon_directory
meta_directory = $meta_directory
shlib_directory = $shlib_directory
mail_owner = postfix
setgid_group = postdrop
maillog_file_prefixes = $dir
maillog_file = $dir/postfix.log
myhostname = mx.example.test
mydomain = example.test
myorigin = example.test
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
alias_maps =
alias_database =
relay_domains =
smtpd_banner = \$myhostname ESMTP interop
biff = no
smtputf8_enable = no
smtpd_tls_security_level = none
smtp_tls_security_level = none
EOF
    "${policy}_policy" "$dir" "$port" >>"$dir/etc/main.cf"
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
    postfix -c "$dir/etc" start >&2 || die "postfix start failed: $(why "$dir")"
    local pidfile="$dir/queue/pid/master.pid" pid
    for _ in $(seq 1 100); do
        pid=$(tr -d ' \n' <"$pidfile" 2>/dev/null || true)
        if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null &&
            (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$pid"
            return 0
        fi
        sleep 0.1
    done
    die "postfix did not listen on 127.0.0.1:$port within 10 s: $(why "$dir")"
}

# The interop tests' policy (see the top of this file): nothing is ever delivered.
interop_policy() {
    cat <<EOF
mydestination = example.test
mynetworks = 192.0.2.1/32
local_recipient_maps = inline:{ known@example.test=ok }
message_size_limit = 10240
default_transport = discard:interop
local_transport = discard:interop
relay_transport = discard:interop
virtual_transport = discard:interop
EOF
}

# scripts/postfix-bounces.sh's policy: alice@sender.test has a Maildir under DIR/mail; mail to
# reject.test comes back to this smtpd, which refuses bob@reject.test (554 5.7.1); mail to
# down.test goes to 127.0.0.1:9, where nothing listens, and is retried (a delay warning after 1 s).
bounces_policy() {
    local dir="$1" port="$2"
    mkdir -p "$dir/mail"
    chown postfix "$dir/mail"
    cat <<EOF
mydestination =
mynetworks = 127.0.0.0/8
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
smtpd_recipient_restrictions = check_recipient_access inline:{ bob@reject.test=REJECT }
virtual_mailbox_domains = sender.test
virtual_mailbox_base = $dir/mail
virtual_mailbox_maps = inline:{ alice@sender.test=alice/ }
virtual_uid_maps = static:$(id -u postfix)
virtual_gid_maps = static:$(id -g postfix)
virtual_minimum_uid = 1
transport_maps = inline:{ reject.test=smtp:[127.0.0.1]:$port, down.test=smtp:[127.0.0.1]:9 }
delay_warning_time = 1s
queue_run_delay = 1s
minimal_backoff_time = 1s
maximal_backoff_time = 2s
smtp_connect_timeout = 2s
EOF
}

# The fatal and error lines of the instance's log, or where the log is.
why() {
    local log="$1/postfix.log" lines
    lines=$(grep -E 'fatal|error|panic' "$log" 2>/dev/null | tail -n 5 || true)
    echo "${lines:-nothing in $log}"
}

stop() {
    local dir="$1"
    local pidfile="$dir/queue/pid/master.pid"
    [ -s "$pidfile" ] || return 0
    local pid
    pid=$(tr -d ' \n' <"$pidfile")
    [[ "$pid" =~ ^[0-9]+$ ]] || die "bad pid '$pid' in $pidfile"
    kill -TERM "$pid" 2>/dev/null || return 0
    for _ in $(seq 1 50); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    die "postfix master $pid did not stop"
}

case "${1:-}" in
install) install ;;
check) check ;;
start) [ $# -eq 3 ] || [ $# -eq 4 ] || die "usage: $0 start DIR PORT [POLICY]"; start "$2" "$3" "${4:-interop}" ;;
stop) [ $# -eq 2 ] || die "usage: $0 stop DIR"; stop "$2" ;;
*) die "usage: $0 install | check | start DIR PORT [POLICY] | stop DIR" ;;
esac
