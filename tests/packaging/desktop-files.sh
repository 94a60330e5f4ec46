#!/usr/bin/env bash
# desktop-file-validate on the desktop file, appstreamcli validate --no-net on the
# (configured) AppStream data; the AppStream release is the project's version; the
# application id is the same in both file names, the AppStream <id> and <launchable>, and
# the client's setDesktopFileName (src/app/main.cpp); the icon's PNGs have their sizes.
# Usage: desktop-files.sh SOURCE_DIR METAINFO_FILE VERSION
set -euo pipefail
src=$1 metainfo=$2 version=$3
id=org.ticketbackoffice.TicketBackoffice
desktop=$src/packaging/$id.desktop
desktop-file-validate "$desktop"
echo "desktop-file-validate: $(basename "$desktop") ok"
appstreamcli validate --no-net "$metainfo"
grep -q "<release version=\"$version\"" "$metainfo" ||
  { echo "no <release version=\"$version\"> in $metainfo" >&2; exit 1; }
grep -q "<id>$id</id>" "$metainfo" || { echo "AppStream <id> is not $id" >&2; exit 1; }
grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$metainfo" ||
  { echo "AppStream <launchable> is not $id.desktop" >&2; exit 1; }
grep -q "^Icon=$id\$" "$desktop" || { echo "desktop file Icon is not $id" >&2; exit 1; }
grep -q "setDesktopFileName(u\"$id\"_s)" "$src/src/app/main.cpp" ||
  { echo "src/app/main.cpp does not set the desktop file name $id" >&2; exit 1; }
python3 - "$src/packaging/icons/hicolor" "$id" <<'PY'
import struct, sys
root, app = sys.argv[1], sys.argv[2]
for size in (16, 22, 32, 48, 64, 128, 256):
    path = f"{root}/{size}x{size}/apps/{app}.png"
    with open(path, "rb") as f:
        head = f.read(24)
    w, h = struct.unpack(">II", head[16:24])
    if head[:8] != b"\x89PNG\r\n\x1a\n" or (w, h) != (size, size):
        sys.exit(f"{path}: not a {size}x{size} PNG")
open(f"{root}/scalable/apps/{app}.svg").close()
print("icon: scalable SVG and PNGs at 16, 22, 32, 48, 64, 128, 256")
PY
