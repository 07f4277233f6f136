"""Hosting and what the app keeps.

- `credentials`: test_credentials.py (a real Secret Service, else a private file),
  client/test_connection.py
- `embedded`: test_embedded.py; desktop/test_paths.py (a taken port)
- `local_state`: desktop/test_paths.py (the host form, Your tables),
  desktop/ui/test_widgets.py (settings persist between runs)
- `neighbours`: desktop/test_lan.py (tables on the network, found and joined; ours
  listed to others, never to ourselves)
- `invites`: system/test_two_apps.py (an invite pasted by the guest app)
"""
