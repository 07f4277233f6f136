"""pokerkit's lookups are built on their first question, with the same entries as when
pokerkit builds them all at import (each side in a fresh interpreter: the import order
is what is tested)."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.support.processes import ROOT

# Every lookup pokerkit's hand types hold, asked once, then all their entries.
ENTRIES = """
import json, sys
FIRST
import pokerkit
kinds = [t for t in vars(pokerkit.hands).values() if isinstance(t, type)]
hands = [t for t in kinds if isinstance(getattr(t, "lookup", None), pokerkit.Lookup)]
before = {t.__name__: bool(t.lookup.__dict__.get("_Lookup__entries")) for t in hands}
for t in hands:
    t.lookup.has_entry("2c3d4h5s7c")
entries = {t.__name__: sorted((str(k), e.index, str(e.label))
           for k, e in t.lookup._Lookup__entries.items()) for t in hands}
print(json.dumps({"before": before, "entries": entries}))
"""


def entries(first: str) -> dict[str, dict[str, object]]:
    code = ENTRIES.replace("FIRST", first)
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    found: dict[str, dict[str, object]] = json.loads(run.stdout)
    return found


def test_the_host_server_leaves_pokerkits_lookups_empty_until_asked_and_they_fill_alike():
    lazy = entries("import host_server")
    eager = entries("pass")
    assert lazy["before"] and not any(lazy["before"].values())  # nothing built at import
    assert all(eager["before"].values())  # pokerkit on its own builds them all
    assert lazy["entries"] == eager["entries"]
    assert len(lazy["entries"]["StandardHighHand"]) == 7462  # every distinct 5-card hand
