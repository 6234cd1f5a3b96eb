#!/usr/bin/env bash
# Builds the explainer page (smtp-codes-web) into OUT_DIR: one self-contained index.html, with the
# WebAssembly module, the script and the style inside, to open from disk (file://) or to put on
# any static host.
#
#   scripts/web.sh OUT_DIR
#
# Installs the wasm32-unknown-unknown target with rustup when it is missing. Builds the module
# with the `wasm` profile (small, LTO) into target/web, prints its size raw and compressed
# (gzip -9), and fails when compressed it is above 300 KB (300,000 bytes). The page's Content
# Security Policy allows nothing to be loaded or sent: its inline script and style are allowed by
# their SHA-256 hashes, which this script computes (openssl).
set -euo pipefail

die() {
    echo "web.sh: $*" >&2
    exit 1
}

[ $# -eq 1 ] || die "usage: $0 OUT_DIR"
out=$1
cd "$(dirname "$0")/.."
page=smtp-codes-web/page
limit=300000

command -v openssl >/dev/null 2>&1 || die "openssl is needed to hash the page's script and style"
command -v gzip >/dev/null 2>&1 || die "gzip is needed"

target=wasm32-unknown-unknown
if [ ! -d "$(rustc --print sysroot)/lib/rustlib/$target" ]; then
    command -v rustup >/dev/null 2>&1 || die "the $target target is missing, and there is no rustup to add it"
    rustup target add "$target"
fi

cargo build -p smtp-codes-web --lib --target "$target" --profile wasm --target-dir target/web
wasm=target/web/$target/wasm/smtp_codes_web.wasm
raw=$(wc -c <"$wasm")
compressed=$(gzip -9 -n -c "$wasm" | wc -c)
echo "web.sh: $wasm: $raw bytes, $compressed bytes gzip -9 (limit $limit)"
[ "$compressed" -le "$limit" ] || die "the module is $compressed bytes compressed, above the $limit limit"

# `&` in a replacement stands for the match when bash's patsub_replacement is on; the quoted
# replacements below are literal either way.
shopt -u patsub_replacement 2>/dev/null || true
hash() { printf '%s' "$1" | openssl dgst -sha256 -binary | base64 -w0; }
style=$(<"$page/style.css")
script=$(<"$page/app.js")
script=${script/__WASM_GZIP_BASE64__/"$(gzip -9 -n -c "$wasm" | base64 -w0)"}
html=$(<"$page/index.html")
html=${html/__SCRIPT_HASH__/"sha256-$(hash "$script")"}
html=${html/__STYLE_HASH__/"sha256-$(hash "$style")"}
html=${html/__STYLE__/"$style"}
html=${html/__SCRIPT__/"$script"}
case "$html" in
*__[A-Z_]*__*) die "a placeholder of $page/index.html was not filled" ;;
esac
mkdir -p "$out"
printf '%s\n' "$html" >"$out/index.html"
echo "web.sh: $out/index.html: $(wc -c <"$out/index.html") bytes"
