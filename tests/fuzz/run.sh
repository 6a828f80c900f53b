#!/usr/bin/env bash
# Builds every tests/fuzz/fuzz_*.cpp as a libFuzzer program (clang, with ASan and UBSan) and runs each
# for a bounded time. Each target names the core sources it needs on a line "// SOURCES: a.cpp b.cpp".
# Usage: tests/fuzz/run.sh [SECONDS per target, default 30]   (OUT_DIR overrides build/fuzz)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SECONDS_PER_TARGET=${1:-${FUZZ_SECONDS:-30}}
OUT=${OUT_DIR:-$ROOT/build/fuzz}
mkdir -p "$OUT"
CXX=${FUZZ_CXX:-clang++}
QT_FLAGS=$(pkg-config --cflags --libs Qt6Core)
status=0
for target in "$ROOT"/tests/fuzz/fuzz_*.cpp; do
  [ -f "$target" ] || continue
  name=$(basename "$target" .cpp)
  sources=$(sed -n 's#^// SOURCES:##p' "$target" | head -1)
  libs=$(sed -n 's#^// LIBS:##p' "$target" | head -1)
  srcs=()
  for s in $sources; do srcs+=("$ROOT/$s"); done
  echo "== $name: building"
  # shellcheck disable=SC2086
  "$CXX" -std=c++20 -g -O1 -fPIC -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -DQT_NO_CAST_FROM_ASCII -I"$ROOT" "$target" "${srcs[@]}" $QT_FLAGS $libs -o "$OUT/$name"
  corpus="$OUT/$name.corpus"
  mkdir -p "$corpus"
  seeds="$ROOT/tests/fuzz/seeds/$name"
  [ -d "$seeds" ] && cp -n "$seeds"/* "$corpus"/ 2>/dev/null || true
  echo "== $name: fuzzing for ${SECONDS_PER_TARGET}s"
  if ! "$OUT/$name" -max_total_time="$SECONDS_PER_TARGET" -max_len=70000 -rss_limit_mb=1024 \
      -print_final_stats=1 "$corpus" 2>"$OUT/$name.log"; then
    status=1
    tail -40 "$OUT/$name.log"
  fi
  grep -E '^stat::number_of_executed_units|^Done' "$OUT/$name.log" || tail -3 "$OUT/$name.log"
done
exit $status
