#!/usr/bin/env bash
# Runs clang-tidy with the project's .clang-tidy over the product code. It reads the compile commands of the
# `tidy` preset (clang, so its precompiled headers are clang's and each file skips parsing Qt's headers again);
# only those precompiled headers are built there, nothing else.
# Usage: tools/clang-tidy.sh [DIR|FILE...] (default: core/); exits non-zero on any finding.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f build/tidy/CMakeCache.txt ] || cmake --preset tidy >/dev/null
paths=("$@")
[ ${#paths[@]} -gt 0 ] || paths=(core)
# The precompiled headers only (their rules' order-only dependencies would build the libraries first); the
# widgets' one only when ui/ or app/ is checked.
pchs=(core/CMakeFiles/activity_core.dir/cmake_pch.hxx.pch)
if printf '%s\n' "${paths[@]}" | grep -q '^\(ui\|app\)'; then
  pchs+=(ui/CMakeFiles/activity_ui.dir/cmake_pch.hxx.pch)
fi
for target in "${pchs[@]}"; do
  if [ ! -f "build/tidy/$target" ]; then
    (cd build/tidy && eval "$(ninja -t commands "$target" | tail -1)")
  fi
done
mapfile -t files < <(git ls-files "${paths[@]}" | grep '\.cpp$')
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Without the launcher (ccache) clang-tidy would take for the compiler.
python3 - build/tidy/compile_commands.json "$tmp/compile_commands.json" <<'PY'
import json, sys
entries = json.load(open(sys.argv[1]))
for e in entries:
    e["command"] = e["command"].replace("/usr/bin/ccache ", "", 1)
json.dump(entries, open(sys.argv[2], "w"))
PY
run-clang-tidy -quiet -p "$tmp" -j "$(nproc)" "${files[@]/#/$PWD/}" > "$tmp/tidy.log" 2>&1 || true
# run-clang-tidy colours its output: strip the escapes before reading the findings.
sed 's/\x1b\[[0-9;]*m//g' "$tmp/tidy.log" > "$tmp/plain.log"
if grep -E '^/.*:[0-9]+:[0-9]+: (warning|error):' "$tmp/plain.log" | sort -u > "$tmp/findings"; [ -s "$tmp/findings" ]; then
  cat "$tmp/findings"
  echo "clang-tidy: $(wc -l < "$tmp/findings") finding(s) in ${#files[@]} files"
  exit 1
fi
echo "clang-tidy: no finding in ${#files[@]} files"
