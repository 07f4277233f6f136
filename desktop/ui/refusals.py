"""What the host (and the app's own client) says in English, said in the player's
language. The host's messages are part of its protocol, in English for every client;
each one a player can meet is here as a template, `{}` where the host names a number or
a name, so that the desktop finds the template, translates it and puts the names back.
A message it does not know (a newer host's) is shown as the host said it."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

HOST_SAYS = tuple(
    str(template)
    for template in (
        # joining
        QT_TRANSLATE_NOOP("HostSays", "There is no open table with that id here."),
        QT_TRANSLATE_NOOP("HostSays", "This table is closed."),
        QT_TRANSLATE_NOOP("HostSays", "This host speaks protocol {}; please update Felt."),
        QT_TRANSLATE_NOOP("HostSays", "The host has banned you from this table."),
        QT_TRANSLATE_NOOP("HostSays", "The host has banned that name from this table."),
        QT_TRANSLATE_NOOP(
            "HostSays",
            "More than {} join requests a minute from your address: wait a minute, then try again.",
        ),
        QT_TRANSLATE_NOOP(
            "HostSays", "More than {} connections at once from your address: close some first."
        ),
        QT_TRANSLATE_NOOP("HostSays", "Someone here is already called {}."),
        QT_TRANSLATE_NOOP("HostSays", "This table has no room for more guests."),
        QT_TRANSLATE_NOOP(
            "HostSays",
            "Too many guests are waiting for the host to let them in: try again later.",
        ),
        QT_TRANSLATE_NOOP(
            "HostSays", "Pick a name of 1 to {} printable characters (no tabs or line breaks)."
        ),
        QT_TRANSLATE_NOOP("HostSays", "Wait for the host to let you in."),
        # the host's own
        QT_TRANSLATE_NOOP("HostSays", "Only the host can do that."),
        QT_TRANSLATE_NOOP("HostSays", "No such member at this table."),
        QT_TRANSLATE_NOOP("HostSays", "That member is not waiting for approval."),
        QT_TRANSLATE_NOOP("HostSays", "The host cannot be kicked."),
        QT_TRANSLATE_NOOP("HostSays", "The host closes the table instead of leaving."),
        QT_TRANSLATE_NOOP("HostSays", "There is no bot in seat {}."),
        QT_TRANSLATE_NOOP("HostSays", "That member has not asked for chips."),
        QT_TRANSLATE_NOOP("HostSays", "The game is already paused."),
        QT_TRANSLATE_NOOP("HostSays", "The game is not paused."),
        QT_TRANSLATE_NOOP("HostSays", "Wait for the hand to end (pause first)."),
        QT_TRANSLATE_NOOP("HostSays", "The big blind can be at most the minimum buy-in ({})."),
        # seats and chips
        QT_TRANSLATE_NOOP("HostSays", "You already have a seat."),
        QT_TRANSLATE_NOOP("HostSays", "You are not seated."),
        QT_TRANSLATE_NOOP("HostSays", "Seats are numbered 1 to {}."),
        QT_TRANSLATE_NOOP("HostSays", "Seat {} is taken."),
        QT_TRANSLATE_NOOP("HostSays", "Buy in for between {} and {}."),
        QT_TRANSLATE_NOOP("HostSays", "You are already leaving after this hand."),
        QT_TRANSLATE_NOOP("HostSays", "You are already sitting out."),
        QT_TRANSLATE_NOOP("HostSays", "You are not sitting out."),
        QT_TRANSLATE_NOOP("HostSays", "You have no chips: rebuy first."),
        QT_TRANSLATE_NOOP("HostSays", "A top-up is already on its way."),
        QT_TRANSLATE_NOOP("HostSays", "Your stack is at the table's maximum of {}."),
        QT_TRANSLATE_NOOP("HostSays", "Top up by between {} and {}."),
        # the hand
        QT_TRANSLATE_NOOP("HostSays", "No hand is being played."),
        QT_TRANSLATE_NOOP("HostSays", "The game is paused."),
        QT_TRANSLATE_NOOP("HostSays", "That was for hand {}; this is hand {}."),
        QT_TRANSLATE_NOOP("HostSays", "That was for an earlier turn."),
        QT_TRANSLATE_NOOP("HostSays", "You are not in this hand."),
        QT_TRANSLATE_NOOP("HostSays", "Nobody is to act in this hand right now."),
        QT_TRANSLATE_NOOP("HostSays", "It is not your turn."),
        QT_TRANSLATE_NOOP("HostSays", "You have no chips left to put in."),
        QT_TRANSLATE_NOOP("HostSays", "Nothing to call: check instead of folding."),
        QT_TRANSLATE_NOOP("HostSays", "You cannot check: {} to call."),
        QT_TRANSLATE_NOOP("HostSays", "Nothing to call: check instead."),
        QT_TRANSLATE_NOOP("HostSays", "You cannot bet or raise now."),
        QT_TRANSLATE_NOOP("HostSays", "There is no bet: bet instead."),
        QT_TRANSLATE_NOOP("HostSays", "Say how much to bet."),
        QT_TRANSLATE_NOOP("HostSays", "Bet between {} and {}."),
        QT_TRANSLATE_NOOP("HostSays", "There is a bet: raise instead."),
        QT_TRANSLATE_NOOP("HostSays", "Say how much to raise to."),
        QT_TRANSLATE_NOOP("HostSays", "Raise to between {} and {}."),
        QT_TRANSLATE_NOOP("HostSays", "You have no hand number {} here."),
        # chat
        QT_TRANSLATE_NOOP("HostSays", "Only players can chat at this table."),
        QT_TRANSLATE_NOOP("HostSays", "Chat messages are 1 to {} printable characters."),
        QT_TRANSLATE_NOOP("HostSays", "At most {} chat lines in {} seconds: wait a moment."),
        # a table's settings
        QT_TRANSLATE_NOOP("HostSays", "The table needs a name of 1 to 60 characters."),
        QT_TRANSLATE_NOOP("HostSays", "A table has {} to {} seats."),
        QT_TRANSLATE_NOOP(
            "HostSays", "The small blind must be positive and at most the big blind."
        ),
        QT_TRANSLATE_NOOP("HostSays", "The ante must be between 0 and the big blind."),
        QT_TRANSLATE_NOOP("HostSays", "Blinds above a billion chips are not supported."),
        QT_TRANSLATE_NOOP("HostSays", "Buy-ins need big blind <= minimum <= maximum."),
        QT_TRANSLATE_NOOP("HostSays", "Buy-ins above a trillion chips are not supported."),
        QT_TRANSLATE_NOOP("HostSays", "A seat is freed no sooner than its owner is sat out."),
        QT_TRANSLATE_NOOP("HostSays", "This table is served by another worker: {}"),
        QT_TRANSLATE_NOOP("HostSays", "variant is one of {}."),
        QT_TRANSLATE_NOOP("HostSays", "The 7-2 game is played at Hold'em."),
        QT_TRANSLATE_NOOP("HostSays", "straddle is one of {}."),
        QT_TRANSLATE_NOOP("HostSays", "Straddles are for cash games."),
        QT_TRANSLATE_NOOP("HostSays", "{} must be between 0 and the maximum buy-in."),
        QT_TRANSLATE_NOOP("HostSays", "bomb_pot_every must be between 0 and 1000 hands."),
        QT_TRANSLATE_NOOP("HostSays", "A bomb pot every few hands needs its amount (bomb_pot)."),
        QT_TRANSLATE_NOOP(
            "HostSays", "Bomb pots, the 7-2 game and running it twice are for cash games."
        ),
        QT_TRANSLATE_NOOP("HostSays", "Nobody asked you to run it twice."),
        QT_TRANSLATE_NOOP("HostSays", "This table has no optional straddle."),
        QT_TRANSLATE_NOOP("HostSays", "That hand is dealt already."),
        QT_TRANSLATE_NOOP("HostSays", "A value is 32 to 128 lowercase hex digits."),
        QT_TRANSLATE_NOOP("HostSays", "You gave your value for this hand."),
        QT_TRANSLATE_NOOP("HostSays", "You straddle already."),
        QT_TRANSLATE_NOOP("HostSays", "You do not straddle."),
        QT_TRANSLATE_NOOP("HostSays", "You have answered already."),
        QT_TRANSLATE_NOOP("HostSays", "This table has no bomb pots."),
        QT_TRANSLATE_NOOP("HostSays", "A bomb pot is already called for the next hand."),
        QT_TRANSLATE_NOOP("HostSays", "No bomb pot is called."),
        # the host's trouble
        QT_TRANSLATE_NOOP("HostSays", "Slow down: too many messages."),
        QT_TRANSLATE_NOOP("HostSays", "Something went wrong on the host; nothing was applied."),
        QT_TRANSLATE_NOOP("HostSays", "The table could not be saved."),
        # the app's own client
        QT_TRANSLATE_NOOP(
            "HostSays", "This is not the table you were invited to: the host's key changed."
        ),
        QT_TRANSLATE_NOOP("HostSays", "This seat was opened somewhere else."),
        QT_TRANSLATE_NOOP("HostSays", "You are no longer at this table."),
        QT_TRANSLATE_NOOP("HostSays", "Could not reach the host at {} after {} tries: {}."),
        # (why, in the line above and in the join's report)
        QT_TRANSLATE_NOOP(
            "HostSays", "nothing answers on that port (is Felt open there, and hosting?)"
        ),
        QT_TRANSLATE_NOOP("HostSays", "no answer (a wrong address, or a firewall in the way?)"),
        QT_TRANSLATE_NOOP("HostSays", "no such address (check the invite)"),
        QT_TRANSLATE_NOOP(
            "HostSays", "that host does not speak TLS (ask its host for a new invite)"
        ),
        QT_TRANSLATE_NOOP("HostSays", "something other than a Felt host answered there"),
        QT_TRANSLATE_NOOP("HostSays", "no route to that address (not on this network?)"),
        QT_TRANSLATE_NOOP("HostSays", "a host with another key answered there"),
        # what the router said (the host's bar, opened to the internet)
        QT_TRANSLATE_NOOP("HostSays", "the router does not speak this NAT-PMP version"),
        QT_TRANSLATE_NOOP("HostSays", "the router refused: port mapping is off there"),
        QT_TRANSLATE_NOOP("HostSays", "the router is not connected to the internet yet"),
        QT_TRANSLATE_NOOP("HostSays", "the router has no ports left to give"),
        QT_TRANSLATE_NOOP("HostSays", "the router does not support this request"),
        QT_TRANSLATE_NOOP("HostSays", "the router refused (NAT-PMP result {})"),
        QT_TRANSLATE_NOOP("HostSays", "the router's answer made no sense"),
        # sit-and-go tournaments (and what fills the first one)
        QT_TRANSLATE_NOOP("HostSays", "The tournament has started: no {} until it has a winner."),
        QT_TRANSLATE_NOOP("HostSays", "standing up"),
        QT_TRANSLATE_NOOP("HostSays", "top-ups"),
        QT_TRANSLATE_NOOP("HostSays", "removing players"),
        QT_TRANSLATE_NOOP("HostSays", "removing bots"),
        QT_TRANSLATE_NOOP("HostSays", "leaving (sit out, and the blinds take your stack)"),
        QT_TRANSLATE_NOOP("HostSays", "The tournament has already started."),
        QT_TRANSLATE_NOOP("HostSays", "The tournament has started: registration is closed."),
        QT_TRANSLATE_NOOP("HostSays", "A tournament needs two players seated."),
        QT_TRANSLATE_NOOP("HostSays", "A tournament's blinds follow its levels."),
        QT_TRANSLATE_NOOP("HostSays", "Everyone starts a tournament on the starting stack."),
        QT_TRANSLATE_NOOP("HostSays", "This table plays a cash game."),
        QT_TRANSLATE_NOOP("HostSays", "Tournament presets are {}, not {}."),
        QT_TRANSLATE_NOOP("HostSays", "The buy-in is a whole number from 0."),
        QT_TRANSLATE_NOOP("HostSays", "The first small blind is a whole number from 1."),
        QT_TRANSLATE_NOOP(
            "HostSays",
            "The starting stack is at least 10 big blinds of the first level ({}).",
        ),
        QT_TRANSLATE_NOOP("HostSays", "A structure has 1 to {} levels."),
        QT_TRANSLATE_NOOP("HostSays", "Level {}: blinds are whole numbers."),
        QT_TRANSLATE_NOOP("HostSays", "Level {}: a small blind from 1 up to the big blind."),
        QT_TRANSLATE_NOOP("HostSays", "Level {}: the big blind must be above level {}'s."),
        QT_TRANSLATE_NOOP("HostSays", "Level {}: 0.1 to 240 minutes."),
        QT_TRANSLATE_NOOP(
            "HostSays",
            "Level {}: small blind/big blind, or small/big/ante (as 50/100/10).",
        ),
        QT_TRANSLATE_NOOP("HostSays", "Payouts are whole percentages, as 50, 30, 20."),
        QT_TRANSLATE_NOOP(
            "HostSays",
            "Payouts are whole percentages, largest first, that sum to 100.",
        ),
        QT_TRANSLATE_NOOP("HostSays", "Antes start at a level from 1 (0: none)."),
        QT_TRANSLATE_NOOP("HostSays", "Hands per level: 0 (by minutes) to 1000."),
        QT_TRANSLATE_NOOP("HostSays", "A break every 0 (never) to {} levels."),
        QT_TRANSLATE_NOOP("HostSays", "A break lasts 0.1 to 120 minutes."),
        QT_TRANSLATE_NOOP("HostSays", "Late registration until level 0 (none) to {}."),
        QT_TRANSLATE_NOOP("HostSays", "Rebuys until level 0 (none) to {}."),
        QT_TRANSLATE_NOOP("HostSays", "An add-on is a whole number of chips (0: none)."),
        QT_TRANSLATE_NOOP(
            "HostSays", "The add-on comes at the end of the rebuys: set rebuys first."
        ),
        QT_TRANSLATE_NOOP("HostSays", "A rebuy is already on its way."),
        QT_TRANSLATE_NOOP("HostSays", "This tournament has no rebuys."),
        QT_TRANSLATE_NOOP("HostSays", "Rebuys ended with level {}."),
        QT_TRANSLATE_NOOP("HostSays", "Rebuys are for a stack of {} or less."),
        QT_TRANSLATE_NOOP("HostSays", "No rebuy is on offer to you."),
        QT_TRANSLATE_NOOP("HostSays", "This tournament has no add-on."),
        QT_TRANSLATE_NOOP("HostSays", "You have taken the add-on."),
        QT_TRANSLATE_NOOP("HostSays", "The add-on is taken in level {}, the last of rebuys."),
        QT_TRANSLATE_NOOP("HostSays", "the router refused: UPnP is locked there"),
        QT_TRANSLATE_NOOP("HostSays", "the router gives that port to another machine already"),
        QT_TRANSLATE_NOOP("HostSays", "the router wants the same port inside and out, and refused"),
        QT_TRANSLATE_NOOP(
            "HostSays", "the router refused that port (it keeps the low ports to itself)"
        ),
        QT_TRANSLATE_NOOP("HostSays", "the router has no room for another mapping"),
        QT_TRANSLATE_NOOP("HostSays", "the router refused (UPnP error {})"),
        QT_TRANSLATE_NOOP("HostSays", "the router stopped answering"),
        QT_TRANSLATE_NOOP(
            "HostSays",
            "No system keyring was found, so your rejoin tokens are kept in {}, readable "
            "only by you.",
        ),
    )
)
_PATTERNS = [
    (template, re.compile("(.+?)".join(re.escape(part) for part in template.split("{}"))))
    for template in HOST_SAYS
]


def said(message: str) -> str:
    """`message` in the player's language, or as it came where no template fits (what
    fills a template is said too: "after 5 tries: no answer (...)")."""
    for template, pattern in _PATTERNS:
        found = pattern.fullmatch(message)
        if found is not None:
            words = QCoreApplication.translate("HostSays", template)
            return words.format(*(said(part) for part in found.groups()))
    return message
