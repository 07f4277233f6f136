"""The table model, without Qt.

- `state`, `happened`, `words`: test_table.py (a model fed events draws what a snapshot draws)
"""
