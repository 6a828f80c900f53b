#!/usr/bin/env bash
# Runs clang-tidy with the project's .clang-tidy over the product code (core/, ui/, app/) of a configured build.
# GCC's precompiled headers are unreadable to clang, so the compile commands are rewritten without them.
# Usage: tools/clang-tidy.sh BUILD_DIR [FILE...]; exits non-zero on any finding.
set -euo pipefail
cd "$(dirname "$0")/.."
build=$1
shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$build/compile_commands.json" "$tmp/compile_commands.json" <<'PY'
import json, re, sys
entries = json.load(open(sys.argv[1]))
out = []
for e in entries:
    f = e["file"]
    if "/core/" not in f and "/ui/" not in f and "/app/" not in f:
        continue
    if "/tests/" in f or "_autogen/" in f or f.endswith(".hxx.cxx"):
        continue
    cmd = re.sub(r"-include \S*cmake_pch\.hxx", "", e["command"])
    cmd = cmd.replace("-Winvalid-pch", "").replace("-fpch-preprocess", "")
    out.append({**e, "command": cmd})
json.dump(out, open(sys.argv[2], "w"))
print(f"clang-tidy over {len(out)} files", file=sys.stderr)
PY
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  mapfile -t files < <(python3 -c 'import json,sys; print("\n".join(e["file"] for e in json.load(open(sys.argv[1]))))' "$tmp/compile_commands.json")
fi
log="$tmp/tidy.log"
run-clang-tidy -quiet -p "$tmp" -j "$(nproc)" "${files[@]}" > "$log" 2>&1 || true
# Findings are lines "path:line:col: warning|error: ... [check]"; the system headers' are filtered by HeaderFilterRegex.
if grep -E '^/.*:[0-9]+:[0-9]+: (warning|error):' "$log" | sort -u > "$tmp/findings"; [ -s "$tmp/findings" ]; then
  cat "$tmp/findings"
  echo "clang-tidy: $(wc -l < "$tmp/findings") finding(s)"
  exit 1
fi
echo "clang-tidy: no finding"
