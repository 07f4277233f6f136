"""What Felt is made of, for Help > About: every requirement in pyproject.toml, theirs,
each once and with a licence, then Python and Qt."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from desktop.licences import licence_of, parts

ROOT = Path(__file__).resolve().parents[2]


def key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_requirement_and_theirs_is_listed_once_with_its_licence():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    required = {key(re.match(r"[\w.-]+", d).group(0)) for d in project["dependencies"]}
    listed = parts()
    names = [key(part.name) for part in listed]
    assert required <= set(names), required - set(names)
    assert len(names) == len(set(names))
    assert {"shiboken6", "secretstorage"} <= set(names)  # (theirs: PySide6's, keyring's)
    assert all(part.licence and part.version for part in listed)
    assert [part.name for part in listed[-2:]] == ["Python", "Qt"]
    assert listed[-1].licence == "LGPL-3.0-only"
    assert {"felt", "pytest", "mypy"}.isdisjoint(names)  # (Felt's own and the tests' tools)


def test_a_licence_is_read_from_the_expression_the_field_or_the_classifier():
    class Meta:
        def __init__(self, **fields: object) -> None:
            self.json = fields

    assert licence_of(Meta(license_expression="MIT", license="x")) == "MIT"
    assert licence_of(Meta(license="BSD\nlong text")) == "BSD"
    classifier = ["License :: OSI Approved :: Apache Software License"]
    assert licence_of(Meta(license="y" * 300, classifier=classifier)) == "Apache Software License"
    assert licence_of(Meta()) == "see its package"
