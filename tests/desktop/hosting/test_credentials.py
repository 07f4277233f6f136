"""Rejoin tokens in a real keyring: a Secret Service (gnome-keyring-daemon on a private
D-Bus session) holds the app's token, the app finds it after a restart and sits back
in its seat, and only when no keyring answers do tokens go to the private file (said
once)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
import secretstorage
from keyring.backends.SecretService import Keyring as SecretServiceKeyring

from desktop.hosting.credentials import SERVICE, Credentials
from desktop.hosting.local_state import load_recent
from tests.support.person import LEFT, app, until
from tests.support.secret_service import available, secret_service

pytestmark = pytest.mark.skipif(
    not available(), reason="no dbus-daemon or gnome-keyring-daemon (make test installs them)"
)


@pytest.fixture
def service(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """The Secret Service up, and keyring's backend for it in use (as keyring chooses
    it on a desktop session, where it has the highest priority)."""
    with secret_service(tmp_path / "secrets") as env:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", env["DBUS_SESSION_BUS_ADDRESS"])
        keyring.set_keyring(SecretServiceKeyring())
        yield env


def stored() -> dict[str, str]:
    """What the Secret Service holds for Felt, read over a D-Bus connection of our own."""
    connection = secretstorage.dbus_init()
    try:
        collection = secretstorage.get_default_collection(connection)
        return {
            item.get_attributes()["username"]: item.get_secret().decode()
            for item in collection.search_items({"service": SERVICE})
        }
    finally:
        connection.close()


async def test_the_app_keeps_its_token_in_the_keyring_and_sits_back_after_a_restart(
    qtbot, data_home, service
):
    async with app(qtbot, data_home) as felt:
        qtbot.mouseClick(felt.start.play, LEFT)
        await until(lambda: felt.screen is not None and felt.screen.model.my_seat == 1)
        await until(lambda: len(stored()) == 1)
        [(key, token)] = stored().items()
        [recent] = load_recent(data_home)
        assert key.endswith(f"/{recent.table_id}/{recent.member_id}") and len(token) > 20
        assert felt.credentials.notice is None
    assert not (data_home / "tokens.json").exists()  # (the file fallback never used)

    async with app(qtbot, data_home) as again:
        await until(lambda: again.host.running)
        qtbot.mouseClick(again.start.resume, LEFT)
        await until(lambda: again.screen is not None and again.screen.model.my_seat == 1)
        assert again.screen.model.me == recent.member_id  # (by the kept token)
        assert again.credentials.notice is None and stored() == {key: token}
    assert not (data_home / "tokens.json").exists()


def test_tokens_go_to_the_file_only_when_no_keyring_answers(tmp_path, service, monkeypatch):
    credentials = Credentials(tmp_path / "felt")
    credentials.save("127.0.0.1:8765", "t1", 2, "in-the-keyring")
    assert stored() == {"127.0.0.1:8765/t1/2": "in-the-keyring"}
    assert credentials.notice is None and not credentials.file.exists()

    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'no-bus'}")
    away = Credentials(tmp_path / "felt")  # (the next start, the keyring gone)
    away.save("127.0.0.1:8765", "t1", 3, "in-the-file")
    notice = away.notice
    assert notice is not None and str(away.file) in notice and "readable only by you" in notice
    away.save("127.0.0.1:8765", "t1", 4, "also-in-the-file")
    assert away.notice == notice  # (said once, not once per token)
    assert away.load("127.0.0.1:8765", "t1", 3) == "in-the-file"
    assert (away.file.stat().st_mode & 0o777) == 0o600
