# Sourced by the two browser checks: installs headless Chromium (Debian package `chromium`) when
# missing, builds borderkg, and builds a fresh store in a temporary folder. Sets `shots` (from the
# first argument, default target/screenshots), `borderkg` (the binary) and `work` (the folder, with
# the store in `$work/store`); the caller removes `$work`.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
shots="${1:-target/screenshots}"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v chromium >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq chromium >/dev/null
fi

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/borderkg/target}"
cargo build --release --quiet
borderkg="$CARGO_TARGET_DIR/release/borderkg"
work="$(mktemp -d)"
"$borderkg" --store "$work/store" build >/dev/null
