#!/usr/bin/env bash
# Extracts both packages (dpkg -x) into a temporary folder and runs the installed
# executables from there: each --version must print VERSION.
# Usage: installed-version.sh DEB_DIR VERSION
set -euo pipefail
debs=$1 version=$2
root=$(mktemp -d "${TMPDIR:-/tmp}/ticket-dpkg-x-XXXXXX")
trap 'rm -rf "$root"' EXIT
for deb in "$debs"/ticket-backoffice_*.deb "$debs"/ticket-server_*.deb; do
  dpkg -x "$deb" "$root"
done
status=0
for exe in ticket-server ticket-backoffice; do
  out=$(QT_QPA_PLATFORM=offscreen "$root/usr/bin/$exe" --version 2>/dev/null) || {
    echo "$exe --version failed: $out" >&2; status=1; continue; }
  echo "$exe --version: $out"
  [[ $out == "$exe $version" ]] || { echo "expected '$exe $version'" >&2; status=1; }
done
# What the packages put where (a quick look for the log).
for f in usr/share/applications/org.ticketbackoffice.TicketBackoffice.desktop \
         usr/share/metainfo/org.ticketbackoffice.TicketBackoffice.metainfo.xml \
         usr/share/icons/hicolor/scalable/apps/org.ticketbackoffice.TicketBackoffice.svg \
         lib/systemd/system/ticket-server.service usr/lib/sysusers.d/ticket-server.conf \
         etc/ticket-server/ticket-server.conf usr/share/man/man1/ticket-backoffice.1.gz \
         usr/share/man/man8/ticket-server.8.gz; do
  [[ -f $root/$f ]] || { echo "missing in the packages: /$f" >&2; status=1; }
done
exit "$status"
