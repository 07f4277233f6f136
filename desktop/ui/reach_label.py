"""The host's line under the table's title: whether friends on the internet can reach
this table (the router's answer, `model.reachable`), its tooltip saying what to do."""

from __future__ import annotations

import html
from dataclasses import replace

from PySide6.QtWidgets import QLabel

from desktop.model.reachable import said
from desktop.ui import refusals
from host_server.net.mapping import Reachability

TONES = {True: "good", False: "bad", None: "asking"}  # (coloured by the bar's style)


class ReachLabel(QLabel):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("reach")
        self.setVisible(False)  # (a table not opened to the internet says nothing)

    def show_reach(self, reach: Reachability | None) -> None:
        if reach is None:
            self.setVisible(False)
            return
        line, more, good = said(replace(reach, why=refusals.said(reach.why)))  # (its words)
        self.setText(("● " if good is not None else "") + line)
        self.setToolTip(f"<p>{html.escape(more)}</p>")  # (rich text: Qt wraps it)
        self.setProperty("tone", TONES[good])
        self.style().unpolish(self)
        self.style().polish(self)
        self.setVisible(True)
