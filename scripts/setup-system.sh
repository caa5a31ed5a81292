#!/usr/bin/env bash
# Installs the system packages and tools the app and its tests need on Debian 12 / Ubuntu.
# Safe to run again: each step is skipped when its result is already there.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

pkgs=(
  build-essential pkg-config curl file
  libwebkit2gtk-4.1-dev libgtk-3-dev libayatana-appindicator3-dev librsvg2-dev libssl-dev libxdo-dev
  xvfb xauth x11-utils dbus dbus-x11 at-spi2-core webkit2gtk-driver poppler-utils
  fonts-noto-core fonts-noto-cjk libreoffice-calc-nogui python3-venv
  nodejs npm
)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# node/npm may come from elsewhere (nvm, nodesource): do not ask apt for them if present.
if command -v node >/dev/null && command -v npm >/dev/null; then
  tmp=()
  for p in "${missing[@]}"; do [[ "$p" == nodejs || "$p" == npm ]] || tmp+=("$p"); done
  missing=("${tmp[@]+"${tmp[@]}"}")
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v cargo >/dev/null; then
  echo "setup: Rust is missing; install it with rustup (https://rustup.rs) and run this again" >&2
  exit 1
fi

# The learning record store the xAPI tests start on loopback: Ralph, in its own virtual
# environment, at the pinned versions of scripts/lrs-requirements.txt.
root="$(cd "$(dirname "$0")/.." && pwd)"
lrs="$root/target/lrs-venv"
if ! cmp -s "$root/scripts/lrs-requirements.txt" "$lrs/requirements.txt" 2>/dev/null; then
  echo "setup: installing the test LRS (Ralph) into target/lrs-venv"
  rm -rf "$lrs"
  python3 -m venv "$lrs"
  "$lrs/bin/pip" install -q --disable-pip-version-check -r "$root/scripts/lrs-requirements.txt"
  cp "$root/scripts/lrs-requirements.txt" "$lrs/requirements.txt"
fi
