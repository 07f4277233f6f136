"""The store, on real SQLite files and a real PostgreSQL server the tests start.

- `log`: test_store.py (what both stores share, run on each)
- `opening`: system/test_community_host.py (`felt-host --store postgresql://...`)
- `migrations`, `tokens`: test_sqlite.py (the schema version; tokens kept as hashes)
- `writes`: test_store.py, system/test_restart.py (a loop turn's writes, and a SIGKILL)
"""
