"""What Felt is made of, with each part's licence, read from the installed packages'
own metadata (a bundle carries it: packaging/felt.spec copies it for every one), for
Help > About: Felt's requirements and theirs, Python, and Qt under the LGPL."""

from __future__ import annotations

import importlib.metadata as metadata
import platform
import re
from dataclasses import dataclass
from typing import Any

from PySide6 import QtCore
from PySide6.QtCore import QT_TRANSLATE_NOOP

NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
QT_SOURCE = "https://download.qt.io/official_releases/qt/"
QT_LGPL = str(
    QT_TRANSLATE_NOOP(
        "AboutDialog",
        "Qt is used under the GNU LGPL version 3: its libraries are shipped unchanged, as the "
        "separate files in Felt's folder, and may be replaced with your own build of the same "
        "Qt version. Qt's source: https://download.qt.io/official_releases/qt/",
    )
)


@dataclass(frozen=True)
class Part:
    name: str
    version: str
    licence: str


def licence_of(meta: metadata.PackageMetadata) -> str:
    """SPDX expression where declared, else the License field's first line, else the
    trove classifier's last word(s)."""
    fields: dict[str, Any] = meta.json
    if fields.get("license_expression"):
        return str(fields["license_expression"])
    text = str(fields.get("license", "")).strip().splitlines()
    if text and len(text[0]) <= 60:
        return text[0]
    for classifier in fields.get("classifier", []):
        if classifier.startswith("License :: "):
            return str(classifier.split(" :: ")[-1])
    return "see its package"


def requirements(name: str) -> list[str]:
    """The distributions `name` needs at run time, extras left out (another platform's
    are not installed, and `parts` passes over what is not)."""
    needed = []
    for line in metadata.requires(name) or []:
        requirement, _, marker = line.partition(";")
        found = NAME.match(requirement.strip())
        if found and "extra" not in marker:
            needed.append(found.group(0))
    return needed


def parts(root: str = "felt") -> list[Part]:
    """Felt's requirements, theirs, and so on, each once, by name; then Python and Qt."""
    seen: dict[str, Part] = {}
    waiting = requirements(root)
    while waiting:
        name = waiting.pop()
        key = name.lower().replace("_", "-").replace(".", "-")
        if key in seen:
            continue
        try:
            meta = metadata.metadata(name)
        except metadata.PackageNotFoundError:
            continue  # (an optional one this platform has not installed)
        seen[key] = Part(meta["Name"], meta["Version"], licence_of(meta))
        waiting.extend(requirements(name))
    ordered = sorted(seen.values(), key=lambda part: part.name.lower())
    return [
        *ordered,
        Part("Python", platform.python_version(), "PSF-2.0"),
        Part("Qt", QtCore.qVersion(), "LGPL-3.0-only"),
    ]
