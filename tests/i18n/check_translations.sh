#!/usr/bin/env bash
# The French translation is complete and current: lupdate over today's sources, run on a copy of
# translations/activity_fr.ts, must find no new, unfinished or vanished string.
set -euo pipefail
src=$1
lupdate=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$src/translations/activity_fr.ts" "$tmp/activity_fr.ts"
"$lupdate" -silent -I "$src" 2>/dev/null -no-obsolete -locations none -extensions cpp,h "$src/app" "$src/core" "$src/ui" -ts "$tmp/activity_fr.ts"
unfinished=$(grep -c 'type="unfinished"' "$tmp/activity_fr.ts" || true)
if [ "$unfinished" -ne 0 ]; then
  echo "$unfinished strings have no French translation:"
  python3 - "$tmp/activity_fr.ts" <<'PY'
import sys, xml.etree.ElementTree as ET
for m in ET.parse(sys.argv[1]).iter("message"):
    t = m.find("translation")
    if t.get("type") == "unfinished":
        print("  " + (m.find("source").text or "").replace("\n", "\\n"))
PY
  exit 1
fi
if ! diff -q "$src/translations/activity_fr.ts" "$tmp/activity_fr.ts" >/dev/null; then
  echo "translations/activity_fr.ts is out of date: run the update_translations target and commit it"
  diff "$src/translations/activity_fr.ts" "$tmp/activity_fr.ts" | head -20
  exit 1
fi
echo "French: $(grep -c '<message>' "$tmp/activity_fr.ts") strings, all translated"
