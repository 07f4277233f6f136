"""The table a host runs: its state and fold at the bottom (`state`), deciding commands
(`decide` and its rules) and the dealer above it; pure, with time passed in."""

# Every event kind is known as soon as any part of the table is: `events.event_from_dict`
# reads the home-game options' events too, wherever they are read (the store, a client).
from host_server.table import home_game as home_game, shuffle as shuffle
