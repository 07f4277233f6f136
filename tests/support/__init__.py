"""What the tests share: real clients, real processes, invariant checks and scripted tables."""
