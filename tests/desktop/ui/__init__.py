"""The widgets, driven with real key and mouse events.

- `action_bar`, `table_view`, `cards`, `side_panel`, `dialogs`, `start_screen`,
  `table_screen`: test_widgets.py
- `records`, `sounds`: desktop/test_app.py (histories and the ledger from the app)
"""
