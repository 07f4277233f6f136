"""The host core, with no socket and no loop.

- `broadcast`, `presence`, `queries`, `session`: test_core.py (every frame answered),
  net/test_third_party.py and net/test_server.py (on real sockets)
- `gate`, `peers`: test_brake.py (tokens and their brake; expiry with time passed in)
- `polling`: net/test_server.py, net/test_third_party.py (the HTTP fallback)
- `door`, `limits`: net/test_limits.py (hellos, connections, waiting guests, chat, bans;
  the window with time passed in)
"""
