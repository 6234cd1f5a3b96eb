#!/usr/bin/env bash
# Installs Debian packages for the project's scripts, one package-manager run at a time.
#
#   scripts/packages.sh install PACKAGE...   install the packages not yet installed (root, apt-get)
#
# Every script that installs from Debian (interop.sh for Postfix and swaks, the browser test's
# Chromium, the accuracy runs' Sisimai) goes through here: the lock below is held for the whole
# run, so two callers, from one CI job or from tests started side by side, never run apt-get at
# once.
set -euo pipefail

die() {
    echo "packages.sh: $*" >&2
    exit 1
}

# The packages of "$@" that dpkg does not have installed.
missing() {
    local package
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' ||
            echo "$package"
    done
}

install() {
    [ $# -gt 0 ] || die "usage: $0 install PACKAGE..."
    command -v dpkg-query >/dev/null 2>&1 || die "$* needed, and this is not a Debian system"
    local wanted=()
    mapfile -t wanted < <(missing "$@")
    [ "${#wanted[@]}" -eq 0 ] && return 0
    [ "$(id -u)" -eq 0 ] || die "${wanted[*]} missing, and installing needs root"
    local lockfile="${TMPDIR:-/tmp}/smtp-codes-packages.lock"
    if command -v flock >/dev/null 2>&1; then
        exec 9>"$lockfile"
        flock 9 || die "could not lock $lockfile"
    else
        until mkdir "$lockfile.d" 2>/dev/null; do sleep 1; done
        trap 'rmdir "$lockfile.d"' EXIT
    fi
    # Another caller may have installed them while this one waited for the lock.
    mapfile -t wanted < <(missing "$@")
    [ "${#wanted[@]}" -eq 0 ] && return 0
    echo "packages.sh: installing ${wanted[*]} from Debian" >&2
    apt-get update -qq >&2 || die "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${wanted[@]}" >&2 || die "apt-get install ${wanted[*]} failed"
}

case "${1:-}" in
install) shift; install "$@" ;;
*) die "usage: $0 install PACKAGE..." ;;
esac
