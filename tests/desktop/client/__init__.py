"""The client.

- `carrier`: test_connection.py (against a real host, across its restart)
"""
