"""Felt's own art, made here: the app icon as SVG and as PNG in the sizes desktops ask
for (hicolor: 16 to 512), rendered by Qt from the SVG, and as the .ico (Windows) and
.icns (macOS) that the installers' recipes name.

    .venv/bin/python resources/make_art.py

The files are kept in git (resources/icon/); run this again after changing ICON.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from desktop.resources import ICON_SIZES  # noqa: E402

# A felt table seen from above, two cards on it: the ace of spades and a red heart.
ICON = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 256 256">
  <defs>
    <radialGradient id="felt" cx="0.5" cy="0.4" r="0.65">
      <stop offset="0" stop-color="#2a8a55"/>
      <stop offset="1" stop-color="#0f3b22"/>
    </radialGradient>
  </defs>
  <rect x="8" y="8" width="240" height="240" rx="52" fill="#5b3a1e"/>
  <rect x="20" y="20" width="216" height="216" rx="42" fill="url(#felt)"/>
  <g transform="rotate(-12 100 132)">
    <rect x="52" y="64" width="92" height="128" rx="12" fill="#fbfaf5" stroke="#1b1b1b"
          stroke-width="3"/>
    <path d="M84 150 L 74 174 L 94 174 Z" fill="#161616"/>
    <path transform="translate(-74 258) scale(1 -1)" fill="#161616" d="HEART"/>
  </g>
  <g transform="rotate(12 156 132)">
    <rect x="112" y="64" width="92" height="128" rx="12" fill="#fbfaf5" stroke="#1b1b1b"
          stroke-width="3"/>
    <path fill="#c8102e" d="HEART"/>
  </g>
</svg>
""".replace(
    "HEART",
    "M158 168 C 140 150 124 138 124 120 C 124 106 138 98 150 104 C 154 106 157 110 158 114 "
    "C 159 110 162 106 166 104 C 178 98 192 106 192 120 C 192 138 176 150 158 168 Z",
)


def main() -> None:
    app = QGuiApplication(sys.argv[:1])  # (Qt renders only with an application)
    folder = HERE / "icon"
    folder.mkdir(exist_ok=True)
    (folder / "felt.svg").write_text(ICON)
    renderer = QSvgRenderer(QByteArray(ICON.encode()))
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        image.save(str(folder / f"felt-{size}.png"))
        if size == 256:
            image.save(str(folder / "felt.ico"))  # (Qt's ICO writer: one image)
        if size == 512:
            image.save(str(folder / "felt.icns"))
    del app


if __name__ == "__main__":
    main()
