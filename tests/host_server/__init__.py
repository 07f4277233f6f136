"""Tests of the host server, one package per layer, mirroring host_server/.

Modules without a test file of their own, and the tests that cover them:
- `cli`, `flags`: system/test_cli.py (a real `felt-host` process; every setting's flag),
  system/test_community_host.py (`--store`, `migrate`)
- `errors`: test_docs.py (every code documented), net/test_error_codes.py (every code met)
- `paths`: system/test_cli.py (the default database it names)
"""
