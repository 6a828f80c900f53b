#!/usr/bin/env bash
# Regenerates docs/screenshots/ from the current code (every page after 90 days of demo data in light and dark,
# and the first day's pages). Run after changing what a page shows, and commit the pictures with the change.
set -euo pipefail
cd "$(dirname "$0")/.."
PRESET=${ACTIVITY_PRESET:-dev}
bash packaging/install-deps.sh
[ -f "build/$PRESET/CMakeCache.txt" ] || cmake --preset "$PRESET" >/dev/null
cmake --build "build/$PRESET" --target make_screenshots --parallel "$(nproc)"
rm -f docs/screenshots/*.png
QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8 LANGUAGE= "build/$PRESET/tests/screenshots/make_screenshots" docs/screenshots
