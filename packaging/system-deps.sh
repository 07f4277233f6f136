#!/usr/bin/env bash
# Install the system libraries Qt needs (offscreen, on X11 and for sound) where missing;
# with --test, also what the tests stand up themselves (a sound server, for the proof
# that every sound plays; a Secret Service, for the tokens in a real keyring; PostgreSQL,
# for the community host's store, which the tests start themselves); with
# --package, what `make package` builds with (PyInstaller reads libraries with
# binutils; the .deb is built under fakeroot) and what its smoke test stands up. Debian/Ubuntu only; elsewhere it says what to install.
set -euo pipefail

PACKAGES=(
  libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3
  libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4
  libxcb-keysyms1 libxcb-shape0 libxcb-randr0 libxcb-render-util0 libxcb-image0
  libxcb-xinerama0 libxcb-xkb1 libpulse0 fonts-dejavu-core
)
case "${1:-}" in
  --test) PACKAGES+=(pulseaudio gnome-keyring dbus-daemon postgresql) ;;
  --package) PACKAGES+=(pulseaudio gnome-keyring dbus-daemon binutils fakeroot) ;;
esac

command -v dpkg >/dev/null 2>&1 || { echo "system-deps: not a Debian system; install Qt 6's runtime libraries yourself"; exit 0; }
missing=()
for package in "${PACKAGES[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "system-deps: installing ${missing[*]}"
run=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    run=(sudo -n)
  else
    echo "system-deps: please run: sudo apt-get install -y ${missing[*]}"
    exit 0
  fi
fi
export DEBIAN_FRONTEND=noninteractive
"${run[@]}" apt-get update -qq
"${run[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
