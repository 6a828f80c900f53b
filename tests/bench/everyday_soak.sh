#!/usr/bin/env bash
# The everyday soak test (tests/soak) for ten minutes per collector instead of one (SOAK_SECONDS changes it):
# APIs, UDP and TCP syslog, a followed file and the CLI at once, with `collect` and with the window.
set -euo pipefail
BUILD_DIR=${BUILD_DIR:?}
export QT_QPA_PLATFORM=offscreen
ACTIVITY_SOAK_SECS=${SOAK_SECONDS:-600} "$BUILD_DIR/tests/soak/tst_everydaysoak" -maxwarnings 0
