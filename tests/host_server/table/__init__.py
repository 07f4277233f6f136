"""The table, with time passed in.

- `state`, `hand_fold`, `snapshot`, `events`: test_properties.py (fold and rebuild from any state)
- `shuffling`: test_shuffle.py (committed before the deal, revealed to each at the end)
- `archive`: views/test_archive.py (every archived hand read back by pokerkit)
- `checks`, `joining`, `seating`, `play`, `presence`, `dealer`: test_decide.py
- `commands`, `members`, `settings`: test_decide.py, system/test_cli.py (every setting)
- `sit_and_go`: test_tournament.py (random sit-and-goes replayed from their events)
"""
