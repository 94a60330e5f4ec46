#!/usr/bin/env bash
# Installs the Debian 12 packages the project needs, only those missing (idempotent).
# Usage: scripts/install-deps.sh [--gui]   (--gui adds the packages for screenshots)
set -euo pipefail

packages=(
  cmake ninja-build g++ ccache pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev libqt6opengl6-dev
  dbus-daemon                     # the notification test's own session bus (Qt6DBus: qt6-base-dev)
  qt6-httpserver-dev qt6-websockets-dev libqt6sql6-sqlite
  libqt6sql6-psql                 # the Qt PostgreSQL driver (QPSQL): --database postgresql://
  libpq-dev                       # libpq headers: the write transaction asks libpq its state
  postgresql postgresql-contrib   # PostgreSQL 15 (with unaccent) for the tests labelled postgres
  postgresql-common               # pg_virtualenv: a throwaway cluster (scripts/with-postgres.sh)
  libboost1.81-dev                # Boost.Beast and Asio: the server's HTTP front
  libsodium-dev                   # Argon2id password hashes (the server)
  libssl-dev openssl              # its TLS (OpenSSL 3); the tests make certificates
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  libgl-dev libgtest-dev libgmock-dev qtkeychain-qt6-dev
  clang-14 libclang-rt-14-dev     # the fuzzers (libFuzzer, ASan, UBSan): scripts/fuzz.sh
  clang-tools-14 llvm-14          # clang-query (QStringBuilder check), llvm-symbolizer
  nodejs npm                      # OpenAPI lint (@redocly/cli) in the tests
  wrk                             # HTTP load generator for the benchmark
  xvfb xauth xdotool imagemagick  # offscreen GUI runs and screenshots
  dpkg-dev lintian                # the Debian packages (CPack, dpkg-shlibdeps) and their check
  appstream desktop-file-utils    # AppStream and desktop file validation (tests/packaging)
  systemd                         # systemd-analyze security on the unit (tests/packaging)
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# A node from elsewhere (e.g. nvm) satisfies the OpenAPI lint too.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
read -r -a missing <<< "${missing[*]}"

if (( ${#missing[@]} )); then
  echo "Installing: ${missing[*]}"
  sudo_cmd=""
  [[ $(id -u) -eq 0 ]] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y --no-install-recommends "${missing[@]}"
fi
