#!/usr/bin/env bash
# Sets up everything on Debian 12 / Ubuntu and runs every test: formatting and lints, the Rust
# unit, integration and system tests, the UI's type check, lint and Vitest suite, and the
# end-to-end tests of the real app window under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

# Keep a copy of everything printed, to total the test counts at the end.
log=$(mktemp)
exec > >(tee "$log") 2>&1

step "system packages and tools"
bash scripts/setup-system.sh
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
export PATH="$HOME/.cargo/bin:$PATH"

step "UI: install, type check, lint, unit tests, build"
(
  cd ui
  npm ci --no-audit --no-fund
  npm run check
  npm run lint
  npm test
  npm run build
)

step "Rust: formatting and clippy"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings

step "Rust: unit, integration and system tests (core, cli, app, content)"
cargo test --workspace --exclude sdr-e2e --locked

step "the shipped course lints clean"
cargo run -q --locked -p sdr-cli -- lint content

step "end-to-end: the real app window under Xvfb"
cargo build --locked -p sdr-app
rm -rf output/e2e
export NO_AT_BRIDGE=1
dbus-run-session -- xvfb-run -a -s "-screen 0 1280x900x24" \
  cargo test --locked -p sdr-e2e --tests -- --test-threads=1
echo "screenshots: output/e2e/"

# One closing line for all runners (cargo test and Vitest).
sed 's/\x1b\[[0-9;]*m//g' "$log" | awk '
  /test result: .* passed; .* failed/ { p += $4; f += $6 }
  /^ *Tests +[0-9]+ passed/ { p += $2 }
  /^ *Tests +[0-9]+ failed/ { f += $2 }
  END { printf "\ntotal: %d passed, %d failed\n", p, f }'
