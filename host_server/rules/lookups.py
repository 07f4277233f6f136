"""pokerkit's hand lookups, built when first asked, not when pokerkit is imported.

Importing pokerkit builds every lookup it has (standard, short deck, badugi, eight or
better, ...): 0.14 s and 12 MiB, on every start of the host and the app, for games
Felt never deals. Felt ranks its showdowns with phevaluator (`high_hand`) and asks a
lookup only for a hand's name. `defer()` runs before pokerkit's first import (from
`host_server/__init__`): it loads pokerkit's lookups module alone and lets each lookup
fill its entries, with pokerkit's own code, on its first question. Where pokerkit was
imported already, or its lookups are not what this expects, nothing changes.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import threading
from collections.abc import Callable
from typing import Any

_ASKED = ("has_entry", "get_entry", "get_entry_or_none")  # every reader of the entries
_lock = threading.Lock()  # (the bots think in worker threads)


def defer() -> bool:
    """Make pokerkit's lookups lazy; True when they are."""
    if "pokerkit" in sys.modules:
        return False
    spec = importlib.util.find_spec("pokerkit")
    if spec is None:
        return False
    # The package's modules, without its __init__ (which imports everything).
    sys.modules["pokerkit"] = importlib.util.module_from_spec(spec)
    try:
        lookups = importlib.import_module("pokerkit.lookups")
    finally:
        del sys.modules["pokerkit"]
    early = {name: module for name, module in sys.modules.items() if name.startswith("pokerkit.")}
    lookup = lookups.Lookup
    ready = all(callable(getattr(lookup, name, None)) for name in ("__post_init__", *_ASKED))
    if ready:
        _make_lazy(lookup)
    package = importlib.import_module("pokerkit")  # its __init__ now, with these modules
    for name, module in early.items():
        setattr(package, name.removeprefix("pokerkit."), module)
    return ready


def _make_lazy(lookup: type[Any]) -> None:
    build: Callable[[Any], None] = lookup.__post_init__

    def built(self: Any) -> None:
        if not self.__dict__.get("_felt_built"):
            with _lock:
                if not self.__dict__.get("_felt_built"):
                    build(self)
                    self._felt_built = True

    for name in _ASKED:
        setattr(lookup, name, _after(built, getattr(lookup, name)))
    lookup.__post_init__ = lambda self: None


def _after(built: Callable[[Any], None], ask: Callable[..., Any]) -> Callable[..., Any]:
    def asked(self: Any, cards: Any) -> Any:
        built(self)
        return ask(self, cards)

    asked.__doc__ = ask.__doc__
    return asked
