#!/usr/bin/env bash
# Builds the two Debian packages from a Release tree of its own (build/package, no tests)
# and leaves exactly them in OUTDIR:
#   ticket-backoffice_<version>_<arch>.deb   the desktop client
#   ticket-server_<version>_<arch>.deb       the server (systemd unit, not enabled)
# Install them with: sudo apt install OUTDIR/*.deb
# Usage: packaging/build-packages.sh OUTDIR
set -euo pipefail
[[ $# -eq 1 ]] || { echo "usage: $0 OUTDIR" >&2; exit 2; }
mkdir -p "$1"
out=$(cd "$1" && pwd)
cd "$(dirname "$0")/.."
scripts/install-deps.sh

# Debian's hardening flags (stack protector, fortify, relro, bindnow); Release's -O3, no -g.
export DEB_BUILD_MAINT_OPTIONS=hardening=+all DEB_CXXFLAGS_MAINT_STRIP="-g -O2"
cxxflags="$(dpkg-buildflags --get CPPFLAGS) $(dpkg-buildflags --get CXXFLAGS)"
ldflags=$(dpkg-buildflags --get LDFLAGS)
build=build/package
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_FLAGS="$cxxflags" -DCMAKE_EXE_LINKER_FLAGS="$ldflags" \
  -DTICKET_BUILD_TESTS=OFF -DTICKET_CHECK_STRINGBUILDER=OFF >/dev/null
cmake --build "$build"

staging=$(mktemp -d "${TMPDIR:-/tmp}/ticket-packages-XXXXXX")
trap 'rm -rf "$staging"' EXIT
(cd "$build" && cpack -G DEB -B "$staging" >/dev/null)
shopt -s nullglob
debs=("$staging"/*.deb)
(( ${#debs[@]} == 2 )) || { echo "expected 2 packages, got: ${debs[*]}" >&2; exit 1; }
rm -f "$out"/ticket-backoffice_*.deb "$out"/ticket-server_*.deb
mv "${debs[@]}" "$out"/
ls -1 "$out"/ticket-backoffice_*.deb "$out"/ticket-server_*.deb
