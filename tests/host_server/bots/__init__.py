"""The host's bots.

- `cards`: test_policies.py (the evaluator against pokerkit)
- `situation`, `turns`, `match`: test_policies.py (what a bot may know; the levels)
"""
