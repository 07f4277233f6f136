#!/usr/bin/env bash
# The Linux packages as a player's machine runs them: each unpacked in a scratch folder
# and started with an environment that knows nothing of this clone or its venv, for
# `felt --self-test` (with a PulseAudio server of its own where there is one, so the
# sounds really play) and for how long its first window takes; then what the .deb
# installs besides (the menu entry, felt:// links, the icon).
#     bash packaging/smoke.sh build/felt-*.tar.gz build/felt_*.deb
set -euo pipefail
TAR=$1 DEB=$2
scratch=$(mktemp -d)
sound_server=""
cleanup() { [ -n "$sound_server" ] && kill "$sound_server" 2>/dev/null; rm -rf "$scratch"; }
trap cleanup EXIT
runtime=$scratch/run && mkdir -m 700 "$runtime" && mkdir "$scratch/home"
if command -v pulseaudio >/dev/null 2>&1; then
  XDG_RUNTIME_DIR=$runtime HOME=$scratch/home pulseaudio --daemonize=no -n \
    --exit-idle-time=-1 --disallow-exit --load=module-null-sink \
    --load=module-native-protocol-unix >/dev/null 2>&1 &
  sound_server=$!
  for _ in $(seq 200); do [ -S "$runtime/pulse/native" ] && break; sleep 0.05; done
fi

as_a_player() {
  env -i HOME="$scratch/home" XDG_RUNTIME_DIR="$runtime" QT_QPA_PLATFORM=offscreen \
    LANG=C.UTF-8 PATH=/usr/bin:/bin "$@" 2>"$scratch/stderr" || {
    cat "$scratch/stderr" >&2
    return 1
  }
}

mkdir "$scratch/tar" && tar -C "$scratch/tar" -xzf "$TAR"
dpkg-deb -x "$DEB" "$scratch/deb"
for felt in "$scratch/tar/felt/felt" "$scratch/deb/opt/felt/felt"; do
  echo "smoke: $felt --self-test"
  said=$(as_a_player "$felt" --self-test)
  sed 's/^/  /' <<<"$said"
  grep -q "played the turn sound" <<<"$said" || [ -z "$sound_server" ] \
    || { echo "smoke: a sound server ran, and no sound played" >&2; exit 1; }
done

echo "smoke: what the .deb installs"
listing=$(dpkg-deb -c "$DEB")
for path in ./opt/felt/felt ./usr/bin/felt ./usr/share/applications/felt.desktop \
  ./usr/share/icons/hicolor/scalable/apps/felt.svg ./usr/share/icons/hicolor/256x256/apps/felt.png; do
  grep -q " $path" <<<"$listing" || { echo "smoke: the .deb lacks $path" >&2; exit 1; }
done
grep -qx "MimeType=x-scheme-handler/felt;" "$scratch/deb/usr/share/applications/felt.desktop"
grep -qx "Exec=/opt/felt/felt %u" "$scratch/deb/usr/share/applications/felt.desktop"
[ "$(readlink "$scratch/deb/usr/bin/felt")" = /opt/felt/felt ]

first=()
for _ in 1 2 3; do
  first+=("$(as_a_player "$scratch/tar/felt/felt" --first-window)")
done
echo "smoke: first window drawn after ${first[*]} s (three starts)"
echo "smoke: bundle $(du -sh "$scratch/tar/felt" | cut -f1), $(basename "$TAR") $(du -h "$TAR" | cut -f1), $(basename "$DEB") $(du -h "$DEB" | cut -f1)"
echo "smoke: passed"
