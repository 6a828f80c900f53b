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
# Engineers do not edit activity_fr.ts: the French of new strings waits in translations/fr-NAME.tsv until
# it is applied with fill_ts.py. A string counts as translated when either has it.
pending=$(grep -c 'type="unfinished"' "$tmp/activity_fr.ts" || true)
cp "$tmp/activity_fr.ts" "$tmp/updated.ts"
python3 "$src/translations/fill_ts.py" "$tmp/activity_fr.ts" "$src"/translations/fr-*.tsv >/dev/null || true
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
if [ "$pending" -ne 0 ]; then
  echo "French: $pending new strings translated in translations/fr-*.tsv, not yet applied to activity_fr.ts"
elif ! diff -q "$src/translations/activity_fr.ts" "$tmp/updated.ts" >/dev/null; then
  echo "translations/activity_fr.ts is out of date: run the update_translations target and commit it"
  diff "$src/translations/activity_fr.ts" "$tmp/updated.ts" | head -20
  exit 1
fi
echo "French: $(grep -c '<message>' "$tmp/activity_fr.ts") strings, all translated"
