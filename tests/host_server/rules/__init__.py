"""The rules: real hands with stacked decks.

- `deck`: test_hand.py (every hand is dealt from a deck we own), table/test_shuffle.py
  (the commitment, the mixing and its undoing, the openings checked)
- `high_hand`: test_high_hand.py (phevaluator orders hands as pokerkit does)
- `lookups`: test_lookups.py (pokerkit's lookups built when asked, alike)
- `names`: test_names.py (what each hand is, and its English words)
- `moves`: test_hand.py (every decision checked against the legal choices)
- `hand` at Pot-Limit Omaha: test_omaha.py (four cards, pot-sized raises, two and three)
- `bounty`: table/test_home_game.py (the 7-2 game's bounties in scripted hands)
"""
