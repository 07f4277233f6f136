"""What the table window shows, in plain Python (no Qt): the table model, the hand log
in words, bet sizes and pre-actions."""
