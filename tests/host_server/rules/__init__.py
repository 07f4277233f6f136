"""The rules: real hands with stacked decks.

- `deck`: test_hand.py (every hand is dealt from a deck we own)
- `names`: test_names.py (what each hand is, and its English words)
"""
