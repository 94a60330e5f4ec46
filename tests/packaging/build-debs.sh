#!/usr/bin/env bash
# Packages the EXISTING build tree (no second build) with CPack into OUTDIR and checks that
# exactly the two packages came out, named <package>_<version>_<arch>.deb.
# Usage: build-debs.sh BUILD_DIR OUTDIR VERSION
set -euo pipefail
build=$1 out=$2 version=$3
rm -rf "$out" && mkdir -p "$out"
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$out/cpack" >"$out/cpack.log" 2>&1 ||
  { cat "$out/cpack.log"; exit 1; }
arch=$(dpkg --print-architecture)
mv "$out"/cpack/*.deb "$out"/
rm -rf "$out/cpack"
expected="ticket-backoffice_${version}_${arch}.deb ticket-server_${version}_${arch}.deb"
actual=$(cd "$out" && echo *.deb)
[[ $actual == "$expected" ]] || { echo "packages: '$actual', expected: '$expected'" >&2; exit 1; }
for deb in "$out"/*.deb; do
  echo "== $(basename "$deb")"
  dpkg-deb --field "$deb" Package Version Architecture Depends Recommends
done
