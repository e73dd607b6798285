"""How one newsletter email leaves: the seam between the sending engine and SMTP or a service.

The engine (`sending.chunk_send`) owns every state, claim and retry; a transport only hands
one finished email over and says what happened, as a `SendResult`. Another way out (an HTTP
API, a test double) is one more class with `send(email) -> SendResult`.
"""

import logging
import smtplib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

from django.core.mail import get_connection
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend

from core.mail.pipelining import smtp_can_pipeline, smtp_send_pipelined

from .rendering import OutgoingEmail, RawEmail

logger = logging.getLogger(__name__)

HARD_BOUNCE_CODES = {550, 551, 553}


class SendOutcome(StrEnum):
    SENT = "sent"
    # 4xx, a lost connection, a timeout: the server may take it later, so the chunk retries.
    TRANSIENT_FAILURE = "transient_failure"
    # 5xx: this one email will never be taken; the delivery fails, the chunk goes on.
    PERMANENT_FAILURE = "permanent_failure"


@dataclass(frozen=True)
class SendResult:
    outcome: SendOutcome
    detail: str = ""
    # A permanent refusal of the address itself (550/551/553 on RCPT): mail to it stops.
    hard_bounce: bool = False


SENT = SendResult(SendOutcome.SENT)


class TransportUnavailable(Exception):
    """The transport could not be opened (server down, 421 on connect); try the chunk later."""


class DeliveryTransport(Protocol):
    def send(self, email: OutgoingEmail) -> SendResult:
        """Hand one email over; never raises for what the server or the network said."""
        ...


def send_result_for_error(exc: Exception) -> SendResult:
    """What an exception raised while sending one email means for its delivery."""
    detail = f"{type(exc).__name__}: {exc}"[:300]
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in exc.recipients.values()]
        if codes and all(500 <= c < 600 for c in codes):
            bounce = any(c in HARD_BOUNCE_CODES for c in codes)
            return SendResult(SendOutcome.PERMANENT_FAILURE, detail, hard_bounce=bounce)
    elif isinstance(exc, smtplib.SMTPResponseException) and 500 <= exc.smtp_code < 600:
        # SMTPSenderRefused and SMTPDataError are SMTPResponseExceptions too.
        return SendResult(SendOutcome.PERMANENT_FAILURE, detail)
    # Anything else (4xx, SMTPServerDisconnected, OSError, socket.timeout, an API error a
    # backend raises) may pass on a later try.
    return SendResult(SendOutcome.TRANSIENT_FAILURE, detail)


class BackendTransport:
    """Any Django email backend; Django's SMTP backend is handed bytes (the fast path).

    On that path, a server that announces PIPELINING gets each message in two round trips
    (core.mail.pipelining) instead of smtplib's four; refusals raise the same exceptions.
    """

    def __init__(self, connection: Any) -> None:
        self.connection = connection
        # Python's `email` generator costs ~1 ms a message; raw bytes cost microseconds.
        self.smtp = (
            getattr(connection, "connection", None) if isinstance(connection, SMTPBackend) else None
        )
        self.pipelining: bool | None = None  # known after the first message's EHLO

    def send(self, email: OutgoingEmail) -> SendResult:
        raw = email.as_raw() if self.smtp is not None else None
        message = None if raw is not None else email.as_message(connection=self.connection)
        try:
            if raw is not None:
                self._send_raw(raw)
            else:
                self.connection.send_messages([message])
        except Exception as exc:  # every failure is sorted into transient or permanent
            return send_result_for_error(exc)
        return SENT

    def _send_raw(self, raw: RawEmail) -> None:
        smtp = self.smtp
        assert smtp is not None
        if self.pipelining is None:
            self.pipelining = smtp_can_pipeline(smtp)
        if self.pipelining:
            smtp_send_pipelined(smtp, from_addr=raw.from_email, to=raw.to, data=raw.data)
        else:
            smtp.sendmail(raw.from_email, [raw.to], raw.data)


@contextmanager
def transport_open(*, connection: object = None) -> Iterator[DeliveryTransport]:
    """A transport over `connection`, or over a new EMAIL_BACKEND connection held open here.

    One connection serves a whole chunk (one TLS handshake and login for 200 emails). A
    connection passed in belongs to the caller and is neither opened nor closed here.
    """
    if connection is not None:
        yield BackendTransport(connection)
        return
    conn = get_connection(fail_silently=False)
    try:
        try:
            conn.open()
        except (smtplib.SMTPException, OSError) as exc:
            raise TransportUnavailable(f"{type(exc).__name__}: {exc}") from exc
        yield BackendTransport(conn)
    finally:
        try:
            conn.close()
        except Exception:  # a dead connection cannot be closed politely
            logger.debug("newsletter: closing SMTP connection failed", exc_info=True)
