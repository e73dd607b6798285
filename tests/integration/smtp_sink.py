"""An SMTP server on loopback (aiosmtpd) that records what it accepts, for tests and benchmarks.

Behaviours can be switched on while it runs: answer 4xx to every recipient for a while,
answer 5xx to chosen addresses, or call a hook on each RCPT (to kill a worker mid-send).
It announces PIPELINING (RFC 2920) unless told not to: aiosmtpd reads one command line at a
time, so pipelined commands are answered in order, as a real MTA answers them.
"""

import socket
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from email import message_from_bytes
from email.policy import default as default_policy
from typing import Any

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Received:
    to: str
    message_id: str
    data: bytes


@dataclass
class SinkHandler:
    keep_data: bool = True
    received: list[Received] = field(default_factory=list)
    count: int = 0
    temporary_failure_until: float = 0.0
    temporary_failures: int = 0
    permanent_rcpt: dict[str, str] = field(default_factory=dict)
    permanent_data: set[str] = field(default_factory=set)
    on_rcpt: Callable[["SinkHandler"], None] | None = None
    pipelining: bool = True
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_EHLO(
        self, server: Any, session: Any, envelope: Any, hostname: str, responses: list[str]
    ) -> list[str]:
        session.host_name = hostname
        if self.pipelining:
            responses.insert(len(responses) - 1, "250-PIPELINING")
        return responses

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: list[str]
    ) -> str:
        if self.on_rcpt is not None:
            self.on_rcpt(self)
        if time.monotonic() < self.temporary_failure_until:
            self.temporary_failures += 1
            return "451 4.3.0 Temporary local problem, try again later"
        if address in self.permanent_rcpt:
            return self.permanent_rcpt[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if any(rcpt in self.permanent_data for rcpt in envelope.rcpt_tos):
            return "554 5.6.0 Message content rejected"
        data: bytes = envelope.content
        message_id = ""
        if self.keep_data:
            parsed = message_from_bytes(data, policy=default_policy)
            message_id = str(parsed.get("Message-ID", ""))
        with self.lock:
            for rcpt in envelope.rcpt_tos:
                self.received.append(Received(rcpt, message_id, data if self.keep_data else b""))
            self.count += len(envelope.rcpt_tos)
        return "250 2.0.0 Accepted"

    def per_recipient(self) -> Counter[str]:
        with self.lock:
            return Counter(r.to for r in self.received)


class SmtpSink:
    """Start with `with SmtpSink() as sink:`; `sink.port`, `sink.handler.received`."""

    def __init__(self, *, keep_data: bool = True, pipelining: bool = True) -> None:
        self.handler = SinkHandler(keep_data=keep_data, pipelining=pipelining)
        self.port = free_port()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)

    def __enter__(self) -> "SmtpSink":
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()

    def wait_for(self, count: int, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.handler.count >= count:
                return True
            time.sleep(0.05)
        return self.handler.count >= count
