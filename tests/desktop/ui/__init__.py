"""The widgets, driven with real key and mouse events.

- `action_bar`, `table_view`, `cards`, `side_panel`, `dialogs`, `start_screen`,
  `host_dialog`, `join_dialog`, `table_screen`: test_widgets.py, desktop/test_paths.py,
  desktop/test_hazards.py
- `invite_button`: desktop/test_door.py (the join key from its menu, a line for a chat),
  test_widgets.py (which network's invite), desktop/test_router.py (the internet's)
- `lan_tables`: desktop/test_lan.py (a row clicked and Join, Enter on a row, the list
  as tables come, fill and go)
- `reach_label`: desktop/test_router.py (each router's answer on the host's bar)
- `records`: desktop/test_app.py (histories and the ledger from the app), test_widgets.py
  (where save dialogs open)
- `main_window`, `questions`, `host_controls`: desktop/test_paths.py (the menu's keys,
  the quit and port questions answered by their buttons, letting a guest in),
  desktop/test_hazards.py, desktop/test_end_to_end.py
- `art`: desktop/test_resources.py (every file drawable), test_widgets.py (the table
  painted with it)
- `trouble`: desktop/test_logbook.py (an error told without stopping the game, its log
  folder opened)
- `tournament`, `sit_and_go_form`, `rebuy_bar`: desktop/test_sit_and_go.py (the form's
  fields typed into and refused by field, Start, the clock line by the level, hand and
  break, the top bar's Rebuy and Add-on clicked, a busted player's offer taken and then
  declined, the standings window at the end), desktop/model/test_sit_and_go.py (the
  clock's words)
- `run_twice_bar`, `strip`: desktop/test_paths.py (all in, asked with the seconds, Run it twice
  clicked, two boards drawn)
- `style`: desktop/test_paths.py (a refused field outlined); and looked at, in the
  screenshots in docs/screenshots
"""
