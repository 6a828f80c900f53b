#!/usr/bin/env bash
# Builds the .deb from this build tree with CPack and checks what a user installing it gets.
set -euo pipefail
build=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
(cd "$build" && cpack -G DEB -B "$out" >/dev/null)
deb=$(ls "$out"/*.deb)
contents=$(dpkg-deb -c "$deb")
fail=0
for f in ./usr/bin/activity-dashboard \
         ./usr/share/applications/org.activitydashboard.ActivityDashboard.desktop \
         ./usr/share/metainfo/org.activitydashboard.ActivityDashboard.metainfo.xml \
         ./usr/share/icons/hicolor/scalable/apps/org.activitydashboard.ActivityDashboard.svg \
         ./usr/share/activity-dashboard/geoip/dbip-country.mmdb \
         ./usr/share/activity-dashboard/geoip/DBIP-LICENSE; do
  grep -qF " $f" <<<"$contents" || { echo "missing from the .deb: $f"; fail=1; }
done
depends=$(dpkg-deb -f "$deb" Depends)
# Every shared library the program loads must come from a package the .deb depends on.
tmpx=$(mktemp -d)
dpkg-deb -x "$deb" "$tmpx"
needed=$(readelf -d "$tmpx/usr/bin/activity-dashboard" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
for soname in $needed; do
  # The dynamic loader (NEEDED once the program uses thread-local storage of libstdc++, std::async) is listed by
  # ldd by its path alone.
  lib=$(ldd "$tmpx/usr/bin/activity-dashboard" | awk -v n="$soname" '$1 == n {print $3} $1 ~ ("/" n "$") {print $1}')
  [ -n "$lib" ] || { echo "cannot resolve $soname"; fail=1; continue; }
  pkg=$(dpkg -S "$lib" 2>/dev/null | head -1 | cut -d: -f1) || true
  [ -n "$pkg" ] || pkg=$(dpkg -S "$(readlink -f "$lib")" 2>/dev/null | head -1 | cut -d: -f1) || true
  [ -n "$pkg" ] || continue
  tr ',' '\n' <<<"$depends" | sed 's/^ *//;s/ .*//' | grep -qxF "$pkg" || { echo "Depends lacks $pkg (for $soname): $depends"; fail=1; }
done
rm -rf "$tmpx"
for d in libqt6core6 libqt6widgets6 libsqlite3-0 qt6-qpa-plugins; do
  grep -q "$d" <<<"$depends" || { echo "Depends lacks $d: $depends"; fail=1; }
done
[ "$(dpkg-deb -f "$deb" Package)" = activity-dashboard ] || { echo "wrong package name"; fail=1; }
# The launcher inside the package must still validate.
tmp=$(mktemp -d)
dpkg-deb -x "$deb" "$tmp"
desktop-file-validate "$tmp/usr/share/applications/org.activitydashboard.ActivityDashboard.desktop" || fail=1
"$tmp/usr/bin/activity-dashboard" --version | grep -q '^activity-dashboard ' || { echo "packaged binary does not run"; fail=1; }
rm -rf "$tmp"
[ $fail -eq 0 ] && echo "deb ok: $(basename "$deb")"
exit $fail
