#!/usr/bin/env bash
# Installs every Debian package needed to build, test, benchmark and package Activity Dashboard.
# Only missing packages are installed; safe to run again.
set -euo pipefail

BUILD_DEPS=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-svg-dev libqt6svg6 qt6-qpa-plugins libqt6opengl6-dev libvulkan-dev ccache lld
  libmaxminddb-dev libsqlite3-dev libpq-dev libre2-dev zlib1g-dev
  libgl-dev libxkbcommon-dev
  iso-codes qtkeychain-qt6-dev
)
TEST_DEPS=(
  nginx-light sqlite3 xvfb xauth curl util-linux bsdutils rsyslog openssh-server openssh-client
  prometheus-node-exporter dbus-daemon postgresql-15
  dnsmasq-base
  libivykis0 libnet1 libjson-c5 libwrap0 libpcre3
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

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing missing packages: ${missing[*]}"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# syslog-ng's package conflicts with rsyslog's (both are "the system logger"): the relay tests run it from an
# unpacked copy, never as a service. Its libraries are in TEST_DEPS.
SYSLOG_NG=/opt/activity-dashboard-test/syslog-ng
if [ ! -x "$SYSLOG_NG/usr/sbin/syslog-ng" ]; then
  tmp=$(mktemp -d)
  chmod 755 "$tmp"
  if (cd "$tmp" && apt-get download -qq syslog-ng-core >/dev/null 2>&1 \
        || { $SUDO apt-get update -qq && apt-get download -qq syslog-ng-core >/dev/null 2>&1; }); then
    $SUDO mkdir -p "$SYSLOG_NG"
    $SUDO dpkg -x "$tmp"/syslog-ng-core_*.deb "$SYSLOG_NG"
  else
    echo "could not download syslog-ng-core: the syslog-ng relay tests will be skipped" >&2
  fi
  rm -rf "$tmp"
fi
