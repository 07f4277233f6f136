"""The table model, without Qt.

- `state`, `happened`, `words`: test_table.py (a model fed events draws what a snapshot draws),
  test_words.py (the hand log and hand names in German)
- `speech`: test_words.py, desktop/ui/test_language.py (every phrase of the model goes
  through it; German once the app installs Qt's translator)
"""
