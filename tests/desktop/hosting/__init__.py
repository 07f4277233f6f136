"""Hosting and what the app keeps.

- `credentials`: client/test_connection.py (the keyring, else a private file)
- `embedded`, `local_state`: desktop/test_app.py, desktop/test_end_to_end.py,
  desktop/ui/test_widgets.py (settings persist between runs)
- `invites`: system/test_two_apps.py (an invite pasted by the guest app)
"""
