"""The host's words in the player's language: every message a player can meet from the
host (found in the host's source, so a new one cannot slip by) has its template, every
template is still said by the host or the app, and a message is translated with its
numbers and names put back (one the app does not know is shown as the host said it)."""

from __future__ import annotations

import ast
from pathlib import Path

from desktop.client.session import FINAL_CLOSES, KEY_CHANGED
from desktop.ui import language, refusals
from host_server.net import natpmp, upnp

ROOT = Path(__file__).resolve().parents[3]
# Messages no player of this app meets: the app never sends what they refuse (a bad
# field, a wrong id, an unknown command), or only the command line shows them.
FOR_DEVELOPERS = {
    "A join key is 16 to 64 letters, digits, - or _.", "A name must be text.",
    "Bot levels are {}.", "Export as phh or pokerstars.", "Send hello or resume first.",
    "That id was used for another hello.", "This connection has already joined.",
    "That id was already used for another message: every message needs its own.",
    "Unknown action {}.", "Unknown command {}.", "The {} must be a whole number of chips.",
    "last_seq is 0 to this table's seq ({}); resume with 0 for a snapshot.",
    "max_pending must be between 1 and 200.", "unknown settings: {}",
    "timeouts_before_sit_out must be between 1 and 100.",
    "{} must be between {} and 86400 seconds.", "Blinds and ante must be whole numbers of chips.",
    "Polling clients send their token with every request.", "unknown event kind {}",
    "The table id in the path and the message differ.", "event {} has fields {}",
    "tournament: {}",
}  # fmt: skip
PLAYERS_MEET = ("table", "rules", "host")  # (host_server's packages that refuse a player)
REFUSING = {"CommandError", "SettingsError", "FeltError"}  # (what they refuse with)


def template(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(str(v.value) if isinstance(v, ast.Constant) else "{}" for v in node.values)
    return None


def strings(folder: Path) -> set[str]:
    """Every string and f-string (as a template) in the folder's modules."""
    return {
        t
        for path in folder.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.expr) and (t := template(node)) is not None
    }


def refusals_of_the_host() -> set[str]:
    found = set()
    for package in PLAYERS_MEET:
        for path in (ROOT / "host_server" / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.Call) and node.args:
                    name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                    said = template(node.args[0])
                    if name in REFUSING and said is not None:
                        found.add(said)
    return found


def test_every_refusal_a_player_can_meet_has_its_template():
    met = refusals_of_the_host() - FOR_DEVELOPERS
    assert len(met) > 50  # (the scan found the host's messages)
    assert met - set(refusals.HOST_SAYS) == set()


def test_every_answer_of_a_router_has_its_template():
    said = {*natpmp.RESULTS.values(), *upnp.REFUSALS.values()}
    assert said - set(refusals.HOST_SAYS) == set()


# The app's own client and hosting: lines it shows elsewhere, or never (a reason logged).
SHOWN_ELSEWHERE = {
    "this machine only",
    "the internet",  # (ui/invite_button's words for them)
    "Home game",  # (ui/host_dialog's)
    "a new guest needs a name; a known member needs a token",  # (a bug of ours, raised)
    "gap after seq {} (got {})",  # (a reconnect's reason, for the log)
    "port {} is in use by another program",  # (the app asks for another port instead)
}


def called_on(call: ast.Call) -> str:
    return getattr(getattr(call.func, "value", None), "id", "")


def lines_of(folder: Path) -> set[str]:
    """The phrases of the folder's modules, whole (f-strings as templates), but for
    docstrings and what goes to the log."""
    found = set()
    for path in folder.glob("*.py"):
        tree = ast.parse(path.read_text())
        aside = {
            id(part)
            for node in ast.walk(tree)
            if isinstance(node, ast.Expr)
            or (isinstance(node, ast.Call) and called_on(node) == "log")
            for part in ast.walk(node)
        }
        aside |= {  # (an f-string's parts: the whole is its template)
            id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr)
            for part in node.values
        }  # fmt: skip
        for node in ast.walk(tree):
            said = template(node) if isinstance(node, ast.expr) else None
            if said and " " in said.strip() and id(node) not in aside:
                found.add(said)
    return found


def test_every_line_the_apps_client_says_has_its_template():
    said = lines_of(ROOT / "desktop" / "client") | lines_of(ROOT / "desktop" / "hosting")
    assert "Could not reach the host at {} after {} tries: {}." in said  # (found whole)
    assert said - set(refusals.HOST_SAYS) - SHOWN_ELSEWHERE == set()


def test_every_template_is_still_said():
    said = strings(ROOT / "host_server") | strings(ROOT / "desktop" / "client")
    said |= strings(ROOT / "desktop" / "hosting")
    assert set(refusals.HOST_SAYS) - said == set()
    assert {KEY_CHANGED, *FINAL_CLOSES.values()} <= set(refusals.HOST_SAYS)
    assert not FOR_DEVELOPERS & set(refusals.HOST_SAYS)


def test_a_refusal_is_said_in_german_with_its_numbers_and_names(qapp):
    translators = language.install("de")
    try:
        assert refusals.said("Buy in for between 40 and 200.") == (
            "Kauf dich mit 40 bis 200 Chips ein."
        )
        assert refusals.said("Someone here is already called Ann: the 2nd.") == (
            "Hier heißt schon jemand Ann: the 2nd."
        )
        assert refusals.said(KEY_CHANGED) == (
            "Das ist nicht der Tisch, zu dem du eingeladen wurdest: Der Schlüssel des "
            "Gastgebers hat sich geändert."
        )
        gone = (
            "Could not reach the host at 10.0.0.9:8765 after 5 tries: no such address "
            "(check the invite)."
        )
        assert refusals.said(gone) == (
            "Der Gastgeber unter 10.0.0.9:8765 war nach 5 Versuchen nicht erreichbar: diese "
            "Adresse gibt es nicht (prüf die Einladung)."
        )  # (and why, within it)
        assert refusals.said("the router refused (UPnP error 501)") == (
            "der Router hat abgelehnt (UPnP-Fehler 501)"
        )
        newer = "A newer host's refusal, 7 words long."
        assert refusals.said(newer) == newer
    finally:
        language.uninstall(translators)


def test_in_english_the_host_is_shown_as_it_said_it(qapp):
    for message in ("Raise to between 20 and 500.", "It is not your turn.", "anything"):
        assert refusals.said(message) == message
