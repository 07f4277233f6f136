"""The store, on real SQLite files.

- `migrations`, `tokens`: test_sqlite.py (the schema version; tokens kept as hashes)
- `writer`: net/test_commit.py (the commit step on the writer's thread, a held lock)
- `writes`: test_sqlite.py, system/test_restart.py (a loop turn's writes, and a SIGKILL)
"""
