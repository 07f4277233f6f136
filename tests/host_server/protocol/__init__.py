"""The wire protocol.

- `client`: test_codec.py (every message type), test_docs.py (every example)
- `host`, `events`: test_shapes.py, test_docs.py (the host's own messages)
- `pins`: net/test_certificate.py (a certificate's pin), desktop/hosting/test_invites.py
  (read back from invites), desktop/client/test_carrier.py (checked)
"""
