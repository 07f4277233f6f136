"""Tests of the host server, one package per layer, mirroring host_server/.

Modules without a test file of their own, and the tests that cover them:
- `cli`: system/test_cli.py (a real `felt-host` process)
- `errors`: test_docs.py (every code documented), net/test_error_codes.py (every code met)
- `paths`: system/test_cli.py (the default database it names)
"""
