"""Invites: read back as they were written (the pin included; an old invite has none),
one per address of this machine, and the address the host chose named first."""

from __future__ import annotations

import ipaddress

from hypothesis import given, strategies as st

from desktop.hosting.invites import (
    Target,
    in_url,
    invites,
    lan_addresses,
    parse_invite,
    too_new,
)
from host_server.protocol.pins import pin_of

ADDRESSES = [("192.168.1.20", "wlan0"), ("10.8.0.2", "tun0"), ("127.0.0.1", "this machine only")]
PIN = pin_of(b"a certificate")


HOSTS = st.one_of(
    # (A name ends in a letter or digit: a chat's full stop after a link is not its.)
    st.from_regex(r"[a-z0-9](?:[a-z0-9.\-]{0,29}[a-z0-9])?", fullmatch=True),
    st.ip_addresses().map(str),
)


@given(
    hosts=st.lists(HOSTS, min_size=1, max_size=4, unique=True),
    port=st.integers(1, 65535),
    own=st.lists(st.none() | st.integers(1, 65535), min_size=3, max_size=3),
    table=st.from_regex(r"[0-9a-f]{12}", fullmatch=True),
    pin=st.binary(min_size=1, max_size=64).map(pin_of),
    key=st.none() | st.from_regex(r"[A-Za-z0-9_\-]{16,64}", fullmatch=True),
)
def test_an_invite_reads_back_as_it_was_written(hosts, port, table, pin, key, own):
    """Its every address, each other one with a port of its own or the first's."""
    first, *also = [in_url(h) for h in hosts]
    also = [a + (f":{p}" if p else "") for a, p in zip(also, own, strict=False)]
    tail = (f"&key={key}" if key else "") + (f"&also={','.join(also)}" if also else "")
    written = f"felt://{first}:{port}/{table}?v=1&pin={pin}{tail}"
    ports = tuple((h, p) for h, p in zip(hosts[1:], own, strict=False) if p and p != port)
    read = parse_invite(written)
    assert read == Target(tuple(hosts), port, table, pin, key, ports)
    assert read.places() == [(h, dict(ports).get(h, port)) for h in hosts]
    said = f"Join my Felt table “Friday” (1/2): {written} see you!"  # (pasted from a chat)
    assert parse_invite(said) == parse_invite(written) and not too_new(said)
    assert parse_invite(f"felt://{first}:{port}/{table}") == Target((hosts[0],), port, table, None)
    assert parse_invite(f"  {first}:{port}/{table}/ ") == Target((hosts[0],), port, table, None)


def test_what_is_not_an_invite_is_refused():
    bad_pin = "felt://host:1/abc?pin=" + PIN[:-1]
    for text in (
        "",
        "felt://host/abc",
        "felt://host:0/abc",
        "felt://host:70000/abc",
        "felt://::1:8765/abc",  # (IPv6 goes in brackets)
        f"felt://host:1/abc?pin={PIN}&pin={PIN}",
        f"felt://host:1/abc?pin={PIN}&what=1",
        f"felt://host:1/abc?pin={PIN}&also=a b",
        f"felt://host:1/abc?pin={PIN}&also=other:0",
        f"felt://host:1/abc?pin={PIN}&also=other:70000",
        f"felt://host:1/abc?pin={PIN}&also=::1:2",
        "hi",
        bad_pin,
        f"felt://host:1/abc?pin={PIN}&key=short",
        f"felt://host:1/abc?v=2&pin={PIN}",
    ):
        assert parse_invite(text) is None, text


def test_an_invite_from_a_newer_felt_is_told_apart():
    assert too_new(f"felt://host:1/abc?v=2&pin={PIN}")
    assert too_new(f"come and play: felt://host:1/abc?v=7&pin={PIN}&later=1")
    assert not too_new(f"felt://host:1/abc?v=1&pin={PIN}") and not too_new("felt://host:1/abc")
    assert not too_new("no invite here")


def test_one_invite_per_address_each_naming_the_others_the_chosen_one_first():
    made = invites(8765, "abc123", addresses=ADDRESSES, pin=PIN)
    assert [i.code for i in made] == [
        f"felt://192.168.1.20:8765/abc123?v=1&pin={PIN}&also=10.8.0.2",
        f"felt://10.8.0.2:8765/abc123?v=1&pin={PIN}&also=192.168.1.20",
        f"felt://127.0.0.1:8765/abc123?v=1&pin={PIN}&also=192.168.1.20,10.8.0.2",
    ]  # (never this machine's loopback for another: it would be the guest's own)
    out = invites(8765, "abc123", addresses=ADDRESSES, pin=PIN, internet=("81.2.69.142", 8765))
    assert [(i.address, i.network) for i in out][-2:] == [
        ("81.2.69.142", "the internet"),
        ("127.0.0.1", "this machine only"),
    ]  # (after the LAN's: a guest at home tries those first)
    assert out[0].code.endswith("&also=10.8.0.2,81.2.69.142")
    # A router that opened another port: the internet's address names it, and its own
    # invite names the LAN's port on each of theirs.
    moved = invites(8765, "abc123", addresses=ADDRESSES, pin=PIN, internet=("81.2.69.142", 40000))
    assert moved[0].code.endswith("&also=10.8.0.2,81.2.69.142:40000")
    assert moved[2].code == (
        f"felt://81.2.69.142:40000/abc123?v=1&pin={PIN}&also=192.168.1.20:8765,10.8.0.2:8765"
    )
    assert parse_invite(moved[2].code).places() == [
        ("81.2.69.142", 40000), ("192.168.1.20", 8765), ("10.8.0.2", 8765)
    ]  # fmt: skip
    keyed = invites(8765, "abc123", addresses=ADDRESSES, pin=PIN, key="k" * 16)
    assert parse_invite(keyed[0].code).key == "k" * 16
    chosen = invites(8765, "abc123", preferred="10.8.0.2", addresses=ADDRESSES, pin=PIN)
    assert [i.address for i in chosen] == ["10.8.0.2", "192.168.1.20", "127.0.0.1"]
    gone = invites(8765, "abc123", preferred="172.16.0.9", addresses=ADDRESSES, pin=PIN)
    assert gone == made
    six = invites(1, "t", addresses=[("2001:db8::7", "eth0"), ("10.0.0.2", "wlan0")], pin=PIN)
    assert six[0].code == f"felt://[2001:db8::7]:1/t?v=1&pin={PIN}&also=10.0.0.2"
    assert parse_invite(six[0].code) == Target(("2001:db8::7", "10.0.0.2"), 1, "t", PIN)


def test_this_machine_is_always_among_the_addresses():
    found = lan_addresses()
    assert found[-1] == ("127.0.0.1", "this machine only")
    addresses = [ipaddress.ip_address(a) for a, _ in found[:-1]]
    assert not any(a.is_loopback or a.is_link_local for a in addresses)
    versions = [a.version for a in addresses]
    assert versions == sorted(versions)  # IPv4 first
