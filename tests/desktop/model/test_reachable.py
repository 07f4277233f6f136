"""The router's answer in the host's words: every outcome has a line and advice, and
names what it knows (the address and port), never a placeholder."""

from __future__ import annotations

from hypothesis import given, strategies as st

from desktop.model.reachable import said
from host_server.net.mapping import Reachability, Status


@given(
    st.sampled_from(Status),
    st.ip_addresses(v=4).map(str),
    st.integers(1, 65535),
    st.sampled_from(["NAT-PMP", "UPnP"]),
    st.sampled_from([None, True]),
)
def test_every_outcome_is_said_with_what_is_known(status, external, port, via, answered):
    reach = Reachability(status, port, external, port, via, "the router refused", answered)
    line, more, good = said(reach)
    assert line and "?" not in line + more
    assert good is (None if status is Status.ASKING else status is Status.MAPPED)
    if status is Status.MAPPED:
        assert line.endswith(f"{external}:{port}" + ("" if answered else " (not checked)"))
        assert via in more
    elif status is not Status.ASKING:
        assert line.startswith("Not reachable from the internet: ")
        assert (external in more) == (status in (Status.CARRIER_NAT, Status.PRIVATE))
        assert (f"port {port}" in more) != (status is Status.CARRIER_NAT)


def test_the_routers_refusal_keeps_its_words_as_they_are_spelled():
    why = "the router refused: UPnP is locked there"
    reach = Reachability(Status.REFUSED, 8765, "203.0.113.7", 8765, "UPnP", why, None)
    assert said(reach).more.startswith("The router refused: UPnP is locked there. Turn on")
