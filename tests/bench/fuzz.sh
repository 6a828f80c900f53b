#!/usr/bin/env bash
# Runs every libFuzzer target of tests/fuzz for a bounded time (FUZZ_SECONDS, default 30 per target).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
exec bash "$ROOT/tests/fuzz/run.sh" "${FUZZ_SECONDS:-30}"
