#!/usr/bin/env bash
# Sets up everything the app needs on Debian 12 / Ubuntu, builds it, and starts it.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup-system.sh
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
(cd ui && npm ci --no-audit --no-fund && npm run build)
cargo build --release -p sdr-app
exec target/release/sme-digital-resilience "$@"
