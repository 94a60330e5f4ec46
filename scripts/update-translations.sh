#!/usr/bin/env bash
# Brings resources/translations/*.ts up to date with the sources (lupdate); then translate
# what is marked unfinished (Qt Linguist, or by hand) — tests/app/check-translations.sh
# fails while anything is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
"$lupdate" -no-obsolete -locations none src/app src/client src/models ui \
    -ts resources/translations/ticket-backoffice_de.ts resources/translations/ticket-backoffice_en.ts
