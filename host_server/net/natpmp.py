"""NAT-PMP (RFC 6886): ask the router for the external address and a TCP port.

Two requests of a dozen bytes over UDP to the router's port 5351, each sent again
after 250 ms, 500 ms, 1 s while nothing answers (the RFC's schedule, cut short: a
router that says nothing in under two seconds will not say more). No library keeps
this protocol for asyncio (the PyPI ones block and hard-wire the router's port), and
the wire is small enough to read here whole.
"""

from __future__ import annotations

import asyncio
import struct
from dataclasses import dataclass

PORT = 5351
TRIES = (0.25, 0.5, 1.0)  # seconds to wait for each answer before asking again
EXTERNAL, MAP_TCP = 0, 2  # opcodes; an answer's is the request's + 128
RESULTS = {  # the RFC's result codes, as a host would read them
    1: "the router does not speak this NAT-PMP version",
    2: "the router refused: port mapping is off there",
    3: "the router is not connected to the internet yet",
    4: "the router has no ports left to give",
    5: "the router does not support this request",
}


class NoAnswer(Exception):
    """Nothing answered on the router's NAT-PMP port."""


class Refused(Exception):
    """The router answered no; `str()` says why, in words."""


@dataclass(frozen=True)
class Mapped:
    external_port: int
    lifetime: int  # seconds the router grants: renew before it ends


def external_request() -> bytes:
    return struct.pack("!BB", 0, EXTERNAL)


def map_request(internal_port: int, external_port: int, lifetime: int) -> bytes:
    """A mapping for `lifetime` seconds; lifetime 0 (and external port 0) removes it."""
    return struct.pack("!BBHHHI", 0, MAP_TCP, 0, internal_port, external_port, lifetime)


def _result(answer: bytes, opcode: int, size: int) -> bytes:
    if len(answer) < 4 or answer[0] != 0 or answer[1] != opcode + 128:
        raise Refused("the router's answer made no sense")
    (code,) = struct.unpack("!H", answer[2:4])
    if code:
        raise Refused(RESULTS.get(code, f"the router refused (NAT-PMP result {code})"))
    if len(answer) < size:
        raise Refused("the router's answer made no sense")
    return answer


def external_answer(answer: bytes) -> str:
    """The router's external IPv4 address."""
    data = _result(answer, EXTERNAL, 12)
    return ".".join(str(b) for b in data[8:12])


def map_answer(answer: bytes) -> Mapped:
    data = _result(answer, MAP_TCP, 16)
    _, external_port, lifetime = struct.unpack("!HHI", data[8:16])
    return Mapped(external_port, lifetime)


class _Answers(asyncio.DatagramProtocol):
    def __init__(self) -> None:
        self.answers: asyncio.Queue[bytes] = asyncio.Queue()

    def datagram_received(self, data: bytes, addr: tuple[str | int, ...]) -> None:
        self.answers.put_nowait(data)

    def error_received(self, exc: Exception) -> None:
        self.answers.put_nowait(b"")  # (the port is closed there: no router listens)


async def ask(router: tuple[str, int], request: bytes) -> bytes:
    """The router's answer to `request` (sent again on the RFC's schedule); `NoAnswer`."""
    loop = asyncio.get_running_loop()
    transport, answers = await loop.create_datagram_endpoint(_Answers, remote_addr=router)
    try:
        for wait in TRIES:
            transport.sendto(request)
            try:
                while True:  # (an answer to another opcode, from an earlier try: skip it)
                    answer = await asyncio.wait_for(answers.answers.get(), wait)
                    if not answer:
                        raise NoAnswer
                    if len(answer) >= 2 and answer[1] == request[1] + 128:
                        return answer
            except TimeoutError:
                continue
        raise NoAnswer
    finally:
        transport.close()


async def external_address(router: tuple[str, int]) -> str:
    return external_answer(await ask(router, external_request()))


async def map_port(router: tuple[str, int], port: int, lifetime: int) -> Mapped:
    """TCP `port` on the router to `port` here (the router may give another external one)."""
    return map_answer(await ask(router, map_request(port, port, lifetime)))


async def unmap_port(router: tuple[str, int], port: int) -> None:
    await ask(router, map_request(port, 0, 0))
