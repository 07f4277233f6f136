#!/usr/bin/env bash
# The Linux packages as a player's machine runs them: each unpacked in a scratch folder
# and started with an environment that knows nothing of this clone or its venv, for
# `felt --self-test` (with a PulseAudio server and a Secret Service of its own where
# they can be started, so the sounds really play and the tokens go to a real keyring) and for how long its first window takes; then what the .deb
# installs besides (the menu entry, felt:// links, the icon).
#     bash packaging/smoke.sh build/felt-*.tar.gz build/felt_*.deb
set -euo pipefail
TAR=$1 DEB=$2
scratch=$(mktemp -d)
sound_server=""
trap 'cleanup' EXIT
runtime=$scratch/run && mkdir -m 700 "$runtime" && mkdir "$scratch/home"
if command -v pulseaudio >/dev/null 2>&1; then
  XDG_RUNTIME_DIR=$runtime HOME=$scratch/home pulseaudio --daemonize=no -n \
    --exit-idle-time=-1 --disallow-exit --load=module-null-sink \
    --load=module-native-protocol-unix >/dev/null 2>&1 &
  sound_server=$!
  for _ in $(seq 200); do [ -S "$runtime/pulse/native" ] && break; sleep 0.05; done
fi

# A Secret Service of its own (a private session bus, gnome-keyring-daemon unlocked),
# where they can be started: the bundle must keep its tokens in a real keyring.
bus_address=""
if command -v dbus-daemon >/dev/null 2>&1 && command -v gnome-keyring-daemon >/dev/null 2>&1; then
  # (a bus that starts no service on demand: another gnome-keyring-daemon, without
  # our password, would take the Secret Service's name if asked before ours holds it)
  cat >"$scratch/bus.conf" <<'CONF'
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
CONF
  bus_address=$(XDG_RUNTIME_DIR=$runtime HOME=$scratch/home dbus-daemon \
    --config-file="$scratch/bus.conf" --fork \
    --print-address=1 --print-pid=3 --address="unix:path=$runtime/bus" 3>"$scratch/bus.pid")
  printf felt-smoke | env -i HOME="$scratch/home" XDG_RUNTIME_DIR="$runtime" \
    DBUS_SESSION_BUS_ADDRESS="$bus_address" PATH=/usr/bin:/bin \
    gnome-keyring-daemon --daemonize --components=secrets --unlock >/dev/null
fi
cleanup() {
  [ -n "$sound_server" ] && kill "$sound_server" 2>/dev/null
  [ -f "$scratch/bus.pid" ] && kill "$(cat "$scratch/bus.pid")" 2>/dev/null
  pkill -u "$(id -u)" -f "gnome-keyring-daemon --daemonize --components=secrets" || true
  rm -rf "$scratch"
}

as_a_player() {
  env -i HOME="$scratch/home" XDG_RUNTIME_DIR="$runtime" QT_QPA_PLATFORM=offscreen \
    DBUS_SESSION_BUS_ADDRESS="$bus_address" LANG=C.UTF-8 PATH=/usr/bin:/bin \
    "$@" 2>"$scratch/stderr" || {
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
  grep -q "kept and found in keyring.backends.SecretService" <<<"$said" || [ -z "$bus_address" ] \
    || { echo "smoke: a Secret Service ran, and the token was not kept there" >&2; exit 1; }
done
echo "smoke: $scratch/tar/felt/felt --self-test, with no keyring answering"
said=$(bus_address="unix:path=$scratch/no-bus" as_a_player "$scratch/tar/felt/felt" --self-test)
grep "keyring" <<<"$said" | sed 's/^/  /'
grep -q "no keyring answers: tokens in a file" <<<"$said" \
  || { echo "smoke: without a keyring, the tokens did not go to the file" >&2; exit 1; }

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
