#!/usr/bin/env bash
# `make package`: the Linux bundle (PyInstaller, one folder), its .tar.gz and .deb in
# build/, then a smoke test of each as a player's machine would run it: unpacked where
# no virtual environment is, `felt --self-test` (Qt's plugins, the keyring's backends,
# the sounds through a PulseAudio server of its own where one can be started, and a
# hand against bots over wss). Prints the sizes and how long a first window takes.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
VERSION=$($PY -c 'import importlib.metadata as m; print(m.version("felt"))')
ARCH=$(dpkg --print-architecture 2>/dev/null || echo amd64)
OUT=build
STAGE=$OUT/stage

echo "package: bundling Felt $VERSION"
$PY -m PyInstaller packaging/felt.spec --noconfirm --log-level WARN \
  --distpath "$OUT/dist" --workpath "$OUT/pyinstaller"

TAR="$OUT/felt-$VERSION-linux-$(uname -m).tar.gz"
tar -C "$OUT/dist" -czf "$TAR" felt

# The .deb: the bundle under /opt/felt, `felt` on the PATH, the desktop entry (which
# also makes Felt the felt:// handler) and the icon at every hicolor size.
rm -rf "$STAGE" && mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" \
  "$STAGE/usr/share/applications" "$STAGE/usr/share/icons/hicolor/scalable/apps"
cp -a "$OUT/dist/felt" "$STAGE/opt/felt"
ln -s /opt/felt/felt "$STAGE/usr/bin/felt"
install -m 644 packaging/linux/felt.desktop "$STAGE/usr/share/applications/felt.desktop"
install -m 644 resources/icon/felt.svg "$STAGE/usr/share/icons/hicolor/scalable/apps/felt.svg"
for png in resources/icon/felt-*.png; do
  size=$(basename "$png" .png); size=${size#felt-}
  install -D -m 644 "$png" "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps/felt.png"
done
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" \
  -e "s/@SIZE@/$(du -sk "$STAGE" | cut -f1)/" packaging/linux/control > "$STAGE/DEBIAN/control"
install -m 755 packaging/linux/postinst "$STAGE/DEBIAN/postinst"
install -m 755 packaging/linux/postinst "$STAGE/DEBIAN/postrm"
DEB="$OUT/felt_${VERSION}_${ARCH}.deb"
fakeroot dpkg-deb --build -Zxz -z6 "$STAGE" "$DEB" >/dev/null
rm -rf "$STAGE"

bash packaging/smoke.sh "$TAR" "$DEB"
