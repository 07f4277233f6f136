"""The network shell, on real sockets on 127.0.0.1.

- `commit`: test_commit.py (a full disk), test_server.py (a batch that fails is never
  shown), system/test_restart.py
- `http`, `listener`, `websocket`: test_server.py, test_third_party.py, test_error_codes.py
- `leasing`: system/test_community_host.py (a worker SIGKILLed mid-hand, taken over)
- `lan`: test_lan.py (multicast DNS on 127.0.0.1), desktop/test_lan.py
- `natpmp`, `upnp`, `gateway`, `knock`: test_mapping.py (a real router on 127.0.0.1;
  the hairpin knock), desktop/client/test_reach.py (a guest's knock)
"""
