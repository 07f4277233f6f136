"""The host's bots.

- `cards`, `omaha`: test_policies.py (the evaluators against pokerkit's hands)
- `situation`, `turns`, `match`: test_policies.py (what a bot may know; the levels)
"""
