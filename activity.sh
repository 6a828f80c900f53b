#!/usr/bin/env bash
# The project's one entry point: ./activity.sh run | test | bench | package | format
# Every command first installs missing Debian packages (packaging/install-deps.sh) and builds.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)

PRESET=${ACTIVITY_PRESET:-}
if [ -z "$PRESET" ]; then
  if [ -n "${CI:-}" ]; then PRESET=ci; else PRESET=dev; fi
fi
BUILD_DIR="$ROOT/build/$PRESET"
JOBS=$(nproc 2>/dev/null || echo 2)

setup() {
  bash "$ROOT/packaging/install-deps.sh"
  if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
    cmake --preset "$PRESET" >/dev/null
  fi
  cmake --build "$BUILD_DIR" --parallel "$JOBS"
}

cmd=${1:-help}
shift || true
case "$cmd" in
  run)
    setup
    # No display (ssh, CI)? Run offscreen rather than fail.
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
      echo "No display found: starting with QT_QPA_PLATFORM=offscreen" >&2
      export QT_QPA_PLATFORM=offscreen
    fi
    exec "$BUILD_DIR/app/activity-dashboard" "$@"
    ;;
  test)
    setup
    export QT_QPA_PLATFORM=offscreen
    ctest --test-dir "$BUILD_DIR" --output-on-failure --parallel "$JOBS" --timeout 600 "$@"
    ;;
  bench)
    setup
    export QT_QPA_PLATFORM=offscreen
    status=0
    found=0
    for b in "$BUILD_DIR"/tests/bench/bench_*; do
      [ -x "$b" ] || continue
      found=1
      echo "== $(basename "$b")"
      "$b" "$@" || status=1
    done
    for s in "$ROOT"/tests/bench/*.sh; do
      [ -f "$s" ] || continue
      found=1
      echo "== $(basename "$s")"
      BUILD_DIR="$BUILD_DIR" bash "$s" "$@" || status=1
    done
    [ $found -eq 1 ] || echo "no benchmarks built"
    exit $status
    ;;
  package)
    ACTIVITY_PRESET=release
    BUILD_DIR="$ROOT/build/release"
    bash "$ROOT/packaging/install-deps.sh"
    [ -f "$BUILD_DIR/CMakeCache.txt" ] || cmake --preset release >/dev/null
    cmake --build "$BUILD_DIR" --parallel "$JOBS"
    (cd "$BUILD_DIR" && cpack -G DEB)
    ls -1 "$BUILD_DIR"/*.deb
    ;;
  format)
    git ls-files '*.cpp' '*.h' | xargs clang-format -i
    ;;
  *)
    echo "usage: ./activity.sh run [ARGS...] | test [CTEST ARGS...] | bench | package | format" >&2
    [ "$cmd" = help ] && exit 0
    exit 2
    ;;
esac
