#!/usr/bin/env bash
# Renders the PNG sizes of the application icon from its SVG (needs rsvg-convert, Debian
# librsvg2-bin). The PNGs are kept in the repository, so the build needs no renderer: run
# this after changing hicolor/scalable/apps/org.ticketbackoffice.TicketBackoffice.svg.
set -euo pipefail
cd "$(dirname "$0")/hicolor"
id=org.ticketbackoffice.TicketBackoffice
for size in 16 22 32 48 64 128 256; do
  mkdir -p "${size}x${size}/apps"
  rsvg-convert -w "$size" -h "$size" "scalable/apps/$id.svg" -o "${size}x${size}/apps/$id.png"
done
