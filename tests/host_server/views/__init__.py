"""Who may see what.

- `exports`, `replay`: test_archive.py (PHH and PokerStars text for every viewer, every chip)
"""
