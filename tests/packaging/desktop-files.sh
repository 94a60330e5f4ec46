#!/usr/bin/env bash
# desktop-file-validate on the desktop file, appstreamcli validate --no-net on the
# (configured) AppStream data; the AppStream release is the project's version.
# Usage: desktop-files.sh DESKTOP_FILE METAINFO_FILE VERSION
set -euo pipefail
desktop-file-validate "$1"
echo "desktop-file-validate: $(basename "$1") ok"
appstreamcli validate --no-net "$2"
grep -q "<release version=\"$3\"" "$2" || { echo "no <release version=\"$3\"> in $2" >&2; exit 1; }
