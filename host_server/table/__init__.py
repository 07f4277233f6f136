"""The table a host runs: its state and fold at the bottom (`state`), deciding commands
(`decide` and its rules) and the dealer above it; pure, with time passed in."""
