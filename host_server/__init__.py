"""Felt's host server: rules, tables, views, storage (and, later, the network)."""

from host_server.rules import lookups

__version__ = "0.1.0"

lookups.defer()  # before anything imports pokerkit
