"""Felt's own art and sounds, made here (no third-party assets):

- icon/: the app icon as SVG, as PNG in the sizes desktops ask for (hicolor: 16 to
  512), and as the .ico (Windows) and .icns (macOS) that the installers' recipes name;
- cards/: the 52 faces (two-colour, and four-colour in cards/four-colour/) and the
  back, as SVG, the ranks and suits turned into outlines here so that a card looks the
  same whatever fonts a machine has;
- table/: the felt with its rail, and a stack of chips, as SVG;
- sounds/: your turn, check, bet, fold, a win and blinds up, as 16-bit stereo PCM WAV at 44.1 kHz
  (the one format every platform's Qt Multimedia plays).

    QT_QPA_PLATFORM=offscreen .venv/bin/python resources/make_art.py

The files are kept in git; run this again after changing what draws them (a test
checks the files are what this script makes).
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from pathlib import Path

from PySide6.QtCore import QByteArray, QPointF, Qt
from PySide6.QtGui import QFont, QGuiApplication, QImage, QPainter, QPainterPath
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from desktop.resources import ICON_SIZES, RANKS, SOUNDS, SUITS  # noqa: E402

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


def write_icon(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
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


# --- cards: 100 x 140, the rank in the corner and one large suit -------------------
SUIT_SYMBOLS = {"s": "\u2660", "h": "\u2665", "d": "\u2666", "c": "\u2663"}
TWO_COLOURS = {"s": "#1b1b1b", "c": "#1b1b1b", "h": "#c8102e", "d": "#c8102e"}
FOUR_COLOURS = {"s": "#1b1b1b", "c": "#1d7a30", "h": "#c8102e", "d": "#1f4fbf"}
FACE = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 140">
  <rect x="1" y="1" width="98" height="138" rx="10" fill="#fbfbf8" stroke="#000000"
        stroke-opacity="0.35" stroke-width="2"/>
  <path fill="{colour}" d="{rank}"/>
  <path fill="{colour}" d="{suit}"/>
</svg>
"""
BACK = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 140">
  <defs>
    <linearGradient id="back" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#7a1422"/>
      <stop offset="1" stop-color="#b52a3a"/>
    </linearGradient>
  </defs>
  <rect x="1" y="1" width="98" height="138" rx="10" fill="url(#back)" stroke="#000000"
        stroke-opacity="0.35" stroke-width="2"/>
  <g stroke="#ffffff" stroke-opacity="0.43" stroke-width="2.5">
{lines}
  </g>
  <rect x="10" y="10" width="80" height="120" rx="6" fill="none" stroke="#ffffff"
        stroke-opacity="0.43" stroke-width="2.5"/>
</svg>
"""


def outline(text: str, pixels: float, box: tuple[float, float, float, float], centred: bool) -> str:
    """`text` in bold DejaVu Sans as SVG path data, placed in `box` (x, y, width,
    height): top left, or centred."""
    font = QFont("DejaVu Sans")
    font.setBold(True)
    font.setPixelSize(round(pixels))
    path = QPainterPath()
    path.addText(QPointF(0, 0), font, text)
    bounds = path.boundingRect()
    x, y, width, height = box
    if centred:
        path.translate(x + (width - bounds.width()) / 2 - bounds.left(),
                       y + (height - bounds.height()) / 2 - bounds.top())  # fmt: skip
    else:
        path.translate(x - bounds.left(), y - bounds.top())
    return path_data(path)


def path_data(path: QPainterPath) -> str:
    parts, i = [], 0
    while i < path.elementCount():
        element = path.elementAt(i)
        if element.isMoveTo():
            parts.append(f"M{element.x:.2f} {element.y:.2f}")
        elif element.isLineTo():
            parts.append(f"L{element.x:.2f} {element.y:.2f}")
        else:  # a cubic: this element and the two data elements after it
            c2, end = path.elementAt(i + 1), path.elementAt(i + 2)
            parts.append(f"C{element.x:.2f} {element.y:.2f} {c2.x:.2f} {c2.y:.2f} "
                         f"{end.x:.2f} {end.y:.2f}")  # fmt: skip
            i += 2
        i += 1
    return "".join(parts) + "Z"


def write_cards(folder: Path) -> None:
    for colours, place in ((TWO_COLOURS, folder), (FOUR_COLOURS, folder / "four-colour")):
        place.mkdir(parents=True, exist_ok=True)
        for suit in SUITS:
            pip = outline(SUIT_SYMBOLS[suit], 70, (0, 44.8, 100, 86.8), centred=True)
            for rank in RANKS:
                label = outline("10" if rank == "T" else rank, 42, (8, 9, 60, 44.8), False)
                svg = FACE.format(colour=colours[suit], rank=label, suit=pip)
                (place / f"{rank}{suit}.svg").write_text(svg)
    (folder / "back.svg").write_text(BACK.format(lines="\n".join(back_lines())))


def back_lines() -> list[str]:
    """The back's diagonals (rising at 45 degrees, every 100/6), cut at its inner frame
    here: Qt's SVG renderer ignores clip paths."""
    left, top, right, bottom = 11.0, 11.0, 89.0, 129.0
    lines = []
    for step in range(1, 15):
        start = left - (bottom - top) + step * 100 / 6  # x where the line meets the bottom
        x1, y1 = max(left, start), bottom - (max(left, start) - start)
        x2 = min(right, start + (bottom - top))
        y2 = bottom - (x2 - start)
        if x2 > x1:
            lines.append(f'    <line x1="{x1:.2f}" y1="{y1:.2f}" x2="{x2:.2f}" y2="{y2:.2f}"/>')
    return lines


# --- the table: the felt inside its rail, and three chips stacked -------------------
FELT = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 560"
     preserveAspectRatio="none">
  <defs>
    <radialGradient id="rail" cx="0.5" cy="0.5" r="0.5">
      <stop offset="0.85" stop-color="#6b4226"/>
      <stop offset="1" stop-color="#3b2414"/>
    </radialGradient>
    <radialGradient id="felt" cx="0.5" cy="0.5" r="0.5">
      <stop offset="0" stop-color="#2e8b57"/>
      <stop offset="0.7" stop-color="#1f6e43"/>
      <stop offset="1" stop-color="#134d2e"/>
    </radialGradient>
  </defs>
  <ellipse cx="500" cy="280" rx="498" ry="278" fill="url(#rail)" stroke="#1c120b"
           stroke-width="3"/>
  <ellipse cx="500" cy="280" rx="472" ry="252" fill="url(#felt)" stroke="#0d3a22"
           stroke-width="2"/>
</svg>
"""
CHIPS = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 20">
{chips}
</svg>
"""


def write_table(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "felt.svg").write_text(FELT)
    chips = "\n".join(
        f'  <ellipse cx="10" cy="{13 - i * 3}" rx="9" ry="6" stroke="#2b2b2b" '
        f'stroke-width="1" fill="{"#d94141" if i % 2 == 0 else "#f0f0f0"}"/>'
        for i in range(3)
    )
    (folder / "chips.svg").write_text(CHIPS.format(chips=chips))


# --- sounds: short tones, faded at the edges (no clicks) ----------------------------
RATE, CHANNELS = 44_100, 2
TONES = {  # name: (frequencies in Hz, one after another; seconds each)
    "turn": ([880.0, 1175.0], 0.09),
    "check": ([300.0], 0.05),
    "bet": ([520.0, 390.0], 0.05),
    "fold": ([220.0], 0.07),
    "win": ([660.0, 880.0, 1320.0], 0.08),
    "blinds": ([587.0, 587.0, 784.0], 0.07),  # a tournament's blinds go up
}


def write_sounds(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    assert tuple(TONES) == SOUNDS
    for name, (notes, length) in TONES.items():
        frames = bytearray()
        for frequency in notes:
            count = int(RATE * length)
            for i in range(count):
                fade = min(1.0, i / 200, (count - i) / 400)
                sample = 0.35 * fade * math.sin(2 * math.pi * frequency * i / RATE)
                frames += struct.pack("<h", int(sample * 32767)) * CHANNELS
        with wave.open(str(folder / f"{name}.wav"), "wb") as out:
            out.setnchannels(CHANNELS)
            out.setsampwidth(2)
            out.setframerate(RATE)
            out.writeframes(bytes(frames))


def make(root: Path) -> None:
    """Every file, under `root` (resources/, or a test's folder to compare with it)."""
    write_icon(root / "icon")
    write_cards(root / "cards")
    write_table(root / "table")
    write_sounds(root / "sounds")


def main() -> None:
    app = QGuiApplication(sys.argv[:1])  # (Qt renders, and finds fonts, only with one)
    make(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
    del app


if __name__ == "__main__":
    main()
