"""The store, on real SQLite files.

- `migrations`, `tokens`: test_sqlite.py (the schema version; tokens kept as hashes)
- `writes`: test_sqlite.py, system/test_restart.py (a loop turn's writes, and a SIGKILL)
"""
