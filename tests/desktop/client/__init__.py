"""The client.

- `carrier`: test_carrier.py (over TLS: the pin, the bytes on the wire), test_connection.py
  (against a real host, across its restart)
"""
