"""Felt's desktop app (PySide6 + qasync); it embeds the host server."""
