"""Invites: read back as they were written (the pin included; an old invite has none),
one per address of this machine, and the address the host chose named first."""

from __future__ import annotations

from hypothesis import given, strategies as st

from desktop.hosting.invites import Target, invites, lan_addresses, parse_invite
from host_server.protocol.pins import pin_of

ADDRESSES = [("192.168.1.20", "wlan0"), ("10.8.0.2", "tun0"), ("127.0.0.1", "this machine only")]
PIN = pin_of(b"a certificate")


@given(
    host=st.from_regex(r"[a-z0-9][a-z0-9.\-]{0,30}", fullmatch=True),
    port=st.integers(1, 65535),
    table=st.from_regex(r"[0-9a-f]{12}", fullmatch=True),
    pin=st.binary(min_size=1, max_size=64).map(pin_of),
)
def test_an_invite_reads_back_as_it_was_written(host, port, table, pin):
    assert parse_invite(f"felt://{host}:{port}/{table}?pin={pin}") == (host, port, table, pin)
    assert parse_invite(f"felt://{host}:{port}/{table}") == Target(host, port, table, None)
    assert parse_invite(f"  {host}:{port}/{table}/ ") == (host, port, table, None)


def test_what_is_not_an_invite_is_refused():
    bad_pin = "felt://host:1/abc?pin=" + PIN[:-1]
    for text in (
        "",
        "felt://host/abc",
        "felt://host:0/abc",
        "felt://host:70000/abc",
        "hi",
        bad_pin,
    ):
        assert parse_invite(text) is None


def test_one_invite_per_address_the_chosen_one_first():
    made = invites(8765, "abc123", addresses=ADDRESSES, pin=PIN)
    assert [i.code for i in made] == [f"felt://{a}:8765/abc123?pin={PIN}" for a, _ in ADDRESSES]
    chosen = invites(8765, "abc123", preferred="10.8.0.2", addresses=ADDRESSES, pin=PIN)
    assert [i.address for i in chosen] == ["10.8.0.2", "192.168.1.20", "127.0.0.1"]
    gone = invites(8765, "abc123", preferred="172.16.0.9", addresses=ADDRESSES, pin=PIN)
    assert gone == made


def test_this_machine_is_always_among_the_addresses():
    found = lan_addresses()
    assert found[-1] == ("127.0.0.1", "this machine only")
    assert all(address.count(".") == 3 for address, _ in found)
