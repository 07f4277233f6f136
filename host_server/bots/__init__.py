"""Bots: seat occupants run by the host, deciding only from what their seat may see.

`situation` turns the protocol's view of a seat into what a policy reads,
`policies` decide, `cards` evaluates hands and equity, `match` plays bots
against each other to measure them.
"""
