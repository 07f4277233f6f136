"""Hosting from the app, and what the app keeps: the embedded host, invites, rejoin
tokens (in the keyring, else a private file), settings and recent tables."""
