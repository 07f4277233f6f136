"""Felt's host server: rules, tables, views, storage (and, later, the network)."""

__version__ = "0.1.0"
