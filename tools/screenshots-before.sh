#!/usr/bin/env bash
# The "before" pictures of the window's design pass (issue 13): the program as it was at COMMIT (default bce7cb6,
# the last commit before that pass) showing its own --demo data, page by page in its kiosk mode, full screen on a
# real X server (Xvfb, 1280x800), into docs/screenshots/before/. tools/screenshots.sh makes the "after" pictures.
# That commit had no dark rendering of its own (it drew what the platform's palette gave, the map stayed light),
# so these are light only. Builds the commit in build/before-COMMIT (a git worktree; a few minutes once).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
COMMIT=${1:-bce7cb6}
SRC="$ROOT/build/before-$COMMIT"
OUT="$ROOT/docs/screenshots/before"
PAGES=(overview github dockerhub traffic map health)
ROTATE=8

bash packaging/install-deps.sh
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
dpkg-query -W -f='${Status}' x11-apps 2>/dev/null | grep -q 'install ok installed' \
  || $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends x11-apps
[ -d "$SRC" ] || git worktree add --detach "$SRC" "$COMMIT"
(cd "$SRC" && { [ -f build/release/CMakeCache.txt ] || cmake --preset release >/dev/null; } \
  && cmake --build build/release --target activity-dashboard --parallel "$(nproc)")
BIN="$SRC/build/release/app/activity-dashboard"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"
rm -f "$OUT"/*.png
pages=$(IFS=,; echo "${PAGES[*]}")
# In the X server: the program in kiosk mode (its settings in a home of its own), then one dump per page.
xvfb-run -a -s "-screen 0 1280x800x24" bash -s "$BIN" "$WORK" "$OUT" "$pages" "$ROTATE" "$ROOT/tools/xwd2png.py" <<'INNER'
set -euo pipefail
BIN=$1; WORK=$2; OUT=$3; PAGES=$4; ROTATE=$5; CONVERT=$6
HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" LC_ALL=C.UTF-8 LANGUAGE= \
  "$BIN" --data-dir "$WORK/data" --demo --kiosk --rotate "$ROTATE" --pages "$PAGES" >"$WORK/app.log" 2>&1 &
app=$!
# The window appears once the demo database is full: the first non-blank screen starts the rotation's clock.
for _ in $(seq 1 120); do
  xwd -root -silent >"$WORK/s.xwd"
  if python3 "$CONVERT" "$WORK/s.xwd" "$WORK/s.png"; then break; fi
  sleep 1
done
start=$(date +%s.%N)
i=0
IFS=, read -ra list <<<"$PAGES"
for page in "${list[@]}"; do
  # Half-way through the page's turn: its data loaded, well before the next page.
  target=$(python3 -c "print($start + $i * $ROTATE + $ROTATE / 2)")
  now=$(date +%s.%N)
  sleep "$(python3 -c "print(max(0.0, $target - $now))")"
  xwd -root -silent >"$WORK/p.xwd"
  python3 "$CONVERT" "$WORK/p.xwd" "$OUT/before-$page-light.png"
  echo "before-$page-light.png"
  i=$((i + 1))
done
kill "$app" 2>/dev/null || true
wait "$app" 2>/dev/null || true
INNER
