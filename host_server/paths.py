"""Where the host keeps its data: the platform's per-user data directory."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path


def default_db() -> Path:
    folder = user_data_path("Felt", appauthor=False, ensure_exists=True)
    return folder / "host.db"
