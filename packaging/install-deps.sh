#!/usr/bin/env bash
# Installs every Debian package needed to build, test, benchmark and package Activity Dashboard.
# Only missing packages are installed; safe to run again.
set -euo pipefail

BUILD_DEPS=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-svg-dev libqt6svg6 qt6-qpa-plugins libqt6opengl6-dev libvulkan-dev ccache
  libmaxminddb-dev libsqlite3-dev zlib1g-dev
  libgl-dev libxkbcommon-dev
  iso-codes qtkeychain-qt6-dev
)
TEST_DEPS=(
  nginx-light sqlite3 xvfb xauth curl util-linux bsdutils
  libmaxmind-db-writer-perl mmdb-bin
  desktop-file-utils appstream
  fonts-dejavu-core
)
BENCH_DEPS=(goaccess clang)
PACKAGE_DEPS=(dpkg-dev file)

ALL=("${BUILD_DEPS[@]}" "${TEST_DEPS[@]}" "${BENCH_DEPS[@]}" "${PACKAGE_DEPS[@]}")
missing=()
for p in "${ALL[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "Installing missing packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
