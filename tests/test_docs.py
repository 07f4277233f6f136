"""docs/protocol.md agrees with the code: every error code, and every message it shows.

The error-code table in the docs is made from `host_server.errors.Code` (each member's
docstring is its meaning); run this file as a script to print it afresh.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path
from typing import Any

import msgspec

from host_server.errors import Code
from host_server.net.server import Server
from host_server.protocol import client, codec, host
from host_server.protocol.codec import parse
from host_server.table.settings import TableSettings
from tests.support.net import Client

ROOT = Path(__file__).resolve().parents[1]
PROTOCOL = ROOT / "docs" / "protocol.md"
BEGIN = "<!-- error codes: made from host_server.errors.Code by tests/test_docs.py -->"
END = "<!-- end of error codes -->"


def code_meanings() -> list[tuple[str, str, str]]:
    """(group, code, meaning) for every member of `Code`, in the source's order."""
    source = (ROOT / "host_server" / "errors.py").read_text()
    tree = ast.parse(source)
    (enum,) = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Code"]
    groups = {
        line_no + 1: line.split("---", 1)[1].strip()
        for line_no, line in enumerate(source.splitlines())
        if line.strip().startswith("# ---")
    }
    rows, group = [], ""
    body = enum.body
    for i, node in enumerate(body):
        if not isinstance(node, ast.Assign):
            continue
        for line in range(body[i - 1].end_lineno or 0, node.lineno):
            group = groups.get(line, group)
        value = node.value
        doc = body[i + 1] if i + 1 < len(body) else None
        assert isinstance(value, ast.Constant) and isinstance(doc, ast.Expr), node.lineno
        assert isinstance(doc.value, ast.Constant), f"Code.{value.value!s} needs a docstring"
        rows.append((group, str(value.value), str(doc.value.value)))
    return rows


def code_table() -> str:
    lines = [BEGIN, "", "| code | when |", "|---|---|"]
    group = None
    for where, code, meaning in code_meanings():
        if where != group:
            group = where
            lines.append(f"| **{where}** | |")
        lines.append(f"| `{code}` | {meaning} |")
    return "\n".join([*lines, "", END])


def test_the_docs_list_exactly_the_error_codes_of_the_code():
    rows = code_meanings()
    assert [code for _, code, _ in rows] == [c.value for c in Code]
    text = PROTOCOL.read_text()
    assert code_table() in text, "docs/protocol.md: paste `python tests/test_docs.py` output"
    listed = set(re.findall(r"^\| `([a-z_]+)` \|", text.split(BEGIN)[1].split(END)[0], re.M))
    assert listed == set(Code)


def json_blocks() -> list[dict[str, Any]]:
    """Every JSON example in docs/protocol.md, in order (a block may hold several)."""
    found = []
    decoder = json.JSONDecoder()
    for block in re.findall(r"```json\n(.*?)```", PROTOCOL.read_text(), re.S):
        at = 0
        while block[at:].strip():
            at += len(block[at:]) - len(block[at:].lstrip())
            message, at = decoder.raw_decode(block, at)
            found.append(message)
    return found


FROM_HOST = {
    "welcome", "snapshot", "event", "turn", "ack", "error", "hands", "ledger", "export",
    "host_key",
}  # fmt: skip


def client_examples() -> list[dict[str, Any]]:
    """The documented messages a client sends (a `hand` with `hand_no` only is a query)."""
    return [
        e
        for e in json_blocks()
        if e["type"] not in FROM_HOST and not (e["type"] == "hand" and "hand" in e)
    ]


def test_every_client_example_reads_as_its_message_with_no_field_left_over():
    examples = client_examples()
    assert {e["type"] for e in examples} == set(client.TYPES) - {"hands", "ledger", "export"}
    for example in examples:
        message = parse(json.dumps(example))  # raises with a code if the docs were wrong
        read = {k for k, v in msgspec.structs.asdict(message).items() if v is not None}
        assert set(example) - {"type"} <= read, example


def shape(value: Any) -> Any:
    """A message's structure: the keys of every object, the shape of a list's objects."""
    if isinstance(value, dict):
        # A hand's steps are events: each kind has its own fields (the table above).
        return {k: "events" if k == "steps" else shape(v) for k, v in value.items()}
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return [shape(value[0])]
    return None


async def play_out(client: Client, hand_no: int) -> None:
    """Check or call each decision of this client's until the hand ends (bounded)."""
    answered = set()
    while not any(m["hand_no"] == hand_no for m in client.events("hand_ended")):
        turn = await client.latest(lambda m: m["type"] in ("turn", "event"), 15)
        decision = (turn.get("hand_no"), turn.get("decision"))
        if turn["type"] == "turn" and turn.get("legal") and decision not in answered:
            answered.add(decision)
            action = "call" if turn["legal"]["call"] else "check"
            await client.send("act", action=action, hand_no=hand_no, decision=decision[1])
        else:
            await client.recv(15)


async def test_every_message_the_docs_show_from_the_host_has_the_hosts_fields(tmp_path):
    """Each documented host message has exactly the fields of the host's own message of
    its kind, sent to a real client in a real hand."""
    server = Server(tmp_path / "host.db", "127.0.0.1", 0, bot_delay=0)
    await server.start()
    try:
        settings = TableSettings("Docs", seats=6, auto_approve=True, between_hands_seconds=0)
        table_id, token = server.create_table(settings, "Ann")
        ann = await Client.connect(server.port, "ann")
        await ann.resume(table_id, token, 0)
        await ann.answer(await ann.send("sit", seat=1, buy_in=100))
        await ann.answer(await ann.send("add_bot", seat=3, level="standard"))
        turn = await ann.latest(lambda m: m["type"] == "turn" and bool(m.get("legal")), 20)
        acted = await ann.send("act", action="call", hand_no=turn["hand_no"])
        await ann.answer(acted)
        refused = await ann.answer(await ann.send("sit_in"))
        await play_out(ann, turn["hand_no"])
        hand = await ann.answer(await ann.send("hand", hand_no=1))
        # Ann's turn in the next hand (it stays hers: she waits), so the snapshot a resume
        # brings has her `legal` (with the bot to act, it would be null: the race was flaky).
        await ann.latest(
            lambda m: m["type"] == "turn" and bool(m.get("legal")) and m["hand_no"] > 1, 30
        )
        again = await Client.connect(server.port, "again")
        await again.resume(table_id, token, 0)
        mid = await again.until(lambda m: m["type"] == "turn" and bool(m.get("legal")), 30)
        real: dict[str, Any] = {
            "welcome": again.messages[0],
            "snapshot": next(m for m in again.messages if m["type"] == "snapshot"),
            "turn": mid,
            "ack": next(m for m in ann.messages if m.get("id") == acted),
            "error": refused,
            "hand": hand,
            # (a plain ws:// host has no key to renew: the frame `Server.rekey` sends)
            "host_key": json.loads(codec.encode(host.HostKey(pin="A" * 43))),
        }
        assert refused["type"] == "error"
        for kind in ("player_acted",):
            real[kind] = next(m for m in ann.messages if m.get("kind") == kind)
        documented = [e for e in json_blocks() if e["type"] in FROM_HOST or "hand" in e]
        for example in documented:
            key = example["kind"] if example["type"] == "event" else example["type"]
            mine = real[key]
            if key == "welcome":
                mine = {**mine, "token": "..."}  # only after a hello (documented so)
            assert shape(example) == shape(mine), (key, example, mine)
    finally:
        await server.stop()


if __name__ == "__main__":
    print(code_table())
