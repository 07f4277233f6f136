"""The table model, without Qt.

- `state`, `happened`, `options`, `words`: test_table.py (a model fed events draws what a
  snapshot draws; the home-game options and the deck check told),
  test_words.py (the hand log and hand names in German)
- `speech`: test_words.py, desktop/ui/test_language.py (every phrase of the model goes
  through it; German once the app installs Qt's translator)
"""
