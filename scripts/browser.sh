#!/usr/bin/env bash
# The real browser of the page's test (smtp-codes-web/tests/browser.rs): Debian's Chromium and
# its ChromeDriver.
#
#   scripts/browser.sh install   install chromium and chromium-driver from Debian when missing
#                                (needs root; through scripts/packages.sh, under its lock)
#   scripts/browser.sh check     exit 0 when /usr/bin/chromium and /usr/bin/chromedriver are there
#
# The test that needs them is #[ignore]d: `cargo test --workspace` passes without them. `.ci/run`
# runs `scripts/browser.sh install` once, before any test, then the ignored tests. The test never
# installs anything itself; it starts ChromeDriver on a loopback port and stops it by its pid.
# CHROMIUM and CHROMEDRIVER override the two paths.
set -euo pipefail

die() {
    echo "browser.sh: $*" >&2
    exit 1
}

chromium=${CHROMIUM:-/usr/bin/chromium}
chromedriver=${CHROMEDRIVER:-/usr/bin/chromedriver}

check() {
    [ -x "$chromium" ] || die "no $chromium (run scripts/browser.sh install as root)"
    [ -x "$chromedriver" ] || die "no $chromedriver (run scripts/browser.sh install as root)"
}

install() {
    if [ -x "$chromium" ] && [ -x "$chromedriver" ]; then
        return 0
    fi
    "$(dirname "$0")/packages.sh" install chromium chromium-driver
}

case "${1:-}" in
install) install ;;
check) check ;;
*) die "usage: $0 install | check" ;;
esac
