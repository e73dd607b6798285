"""The newsletter transport: one email handed over, one explicit result back."""

import smtplib

import pytest
from django.core import mail
from django.core.mail import get_connection
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend

from newsletter import services
from newsletter.models import Delivery, Send
from newsletter.services.rendering import ChunkRenderer, OutgoingEmail
from newsletter.services.transport import (
    BackendTransport,
    SendOutcome,
    TransportUnavailable,
    send_result_for_error,
    transport_open,
)
from tests.integration.smtp_sink import SmtpSink

from .factories import IssueFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


def _email() -> tuple[OutgoingEmail, Delivery]:
    subscriber = SubscriberFactory.create(email="reader@example.org")
    send = services.send_create_issue(issue=IssueFactory.create())
    delivery = Delivery.objects.create(send=send, subscriber=subscriber, chunk=0)
    renderer = ChunkRenderer(send=Send.objects.get(id=send.id), subscribers=[subscriber])
    email = renderer.email_for(subscriber=subscriber, delivery_id=delivery.id)
    assert email is not None
    return email, delivery


class RefusingConnection:
    def __init__(self, exc: Exception) -> None:
        self.exc = exc

    def send_messages(self, messages: list[mail.EmailMessage]) -> int:
        raise self.exc


class CountingConnection:
    def __init__(self) -> None:
        self.opened = self.closed = self.sent = 0

    def open(self) -> None:
        self.opened += 1

    def close(self) -> None:
        self.closed += 1

    def send_messages(self, messages: list[mail.EmailMessage]) -> int:
        self.sent += len(messages)
        return len(messages)


class RecordingSMTP:
    """An smtplib.SMTP without PIPELINING that records what sendmail is handed."""

    does_esmtp = False

    def __init__(self) -> None:
        self.calls: list[tuple[str, list[str], bytes]] = []

    def ehlo_or_helo_if_needed(self) -> None:
        pass

    def sendmail(self, from_addr: str, to_addrs: list[str], msg: bytes) -> dict[str, object]:
        self.calls.append((from_addr, to_addrs, msg))
        return {}


def test_send_result_for_error_5xx_on_rcpt_is_permanent_and_a_hard_bounce():
    refused = smtplib.SMTPRecipientsRefused({"x@example.org": (550, b"no such user")})

    result = send_result_for_error(refused)

    assert result.outcome == SendOutcome.PERMANENT_FAILURE
    assert result.hard_bounce
    assert result.detail.startswith("SMTPRecipientsRefused: ")


def test_send_result_for_error_5xx_on_rcpt_outside_the_bounce_codes_fails_without_bounce():
    refused = smtplib.SMTPRecipientsRefused({"x@example.org": (552, b"mailbox full")})

    result = send_result_for_error(refused)

    assert (result.outcome, result.hard_bounce) == (SendOutcome.PERMANENT_FAILURE, False)


def test_send_result_for_error_rcpt_refusal_with_any_4xx_is_transient():
    refused = smtplib.SMTPRecipientsRefused(
        {"a@example.org": (550, b"no"), "b@example.org": (451, b"later")}
    )

    assert send_result_for_error(refused).outcome == SendOutcome.TRANSIENT_FAILURE


@pytest.mark.parametrize(
    "exc",
    [
        smtplib.SMTPDataError(554, b"content rejected"),
        smtplib.SMTPSenderRefused(553, b"sender refused", "news@example.org"),
        smtplib.SMTPResponseException(500, b"syntax error"),
    ],
)
def test_send_result_for_error_other_5xx_replies_are_permanent_without_bounce(exc):
    result = send_result_for_error(exc)

    assert (result.outcome, result.hard_bounce) == (SendOutcome.PERMANENT_FAILURE, False)


@pytest.mark.parametrize(
    "exc",
    [
        smtplib.SMTPDataError(451, b"try later"),
        smtplib.SMTPResponseException(421, b"closing"),
        smtplib.SMTPServerDisconnected("gone"),
        TimeoutError("slow"),
        OSError("network down"),
        RuntimeError("an API error a sending service's backend raises"),
    ],
)
def test_send_result_for_error_4xx_and_lost_connections_are_transient(exc):
    result = send_result_for_error(exc)

    assert (result.outcome, result.hard_bounce) == (SendOutcome.TRANSIENT_FAILURE, False)


def test_backend_transport_sends_through_any_backend_with_the_deliverys_message_id():
    email, delivery = _email()
    transport = BackendTransport(get_connection("django.core.mail.backends.locmem.EmailBackend"))

    result = transport.send(email)

    assert result.outcome == SendOutcome.SENT
    assert [m.to for m in mail.outbox] == [["reader@example.org"]]
    message_id = mail.outbox[0].extra_headers["Message-ID"]
    assert message_id.startswith(f"<nl.{delivery.send_id}.{delivery.id}@")


def test_backend_transport_hands_django_smtp_backend_raw_bytes():
    email, delivery = _email()
    smtp = RecordingSMTP()
    backend = SMTPBackend(host="127.0.0.1", port=9)
    backend.connection = smtp  # type: ignore[assignment]

    result = BackendTransport(backend).send(email)

    assert result.outcome == SendOutcome.SENT
    [(_, to, data)] = smtp.calls
    assert to == ["reader@example.org"]
    assert f"Message-ID: <nl.{delivery.send_id}.{delivery.id}@".encode() in data


def test_backend_transport_failure_is_a_result_not_an_exception():
    email, _ = _email()
    transport = BackendTransport(RefusingConnection(smtplib.SMTPDataError(554, b"rejected")))

    result = transport.send(email)

    assert result.outcome == SendOutcome.PERMANENT_FAILURE
    assert result.detail.startswith("SMTPDataError: ")


def test_transport_open_unreachable_server_is_transport_unavailable(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = 9  # discard port: nothing listens
    settings.EMAIL_TIMEOUT = 2

    with pytest.raises(TransportUnavailable), transport_open():
        pytest.fail("an unreachable server must not yield a transport")


def test_transport_open_neither_opens_nor_closes_a_callers_connection():
    connection = CountingConnection()
    email, _ = _email()

    with transport_open(connection=connection) as transport:
        result = transport.send(email)

    assert result.outcome == SendOutcome.SENT
    assert (connection.opened, connection.closed, connection.sent) == (0, 0, 1)


@pytest.mark.parametrize("pipelining", [True, False])
def test_backend_transport_over_a_real_smtp_server_sorts_each_message_on_its_own(pipelining):
    gone = SubscriberFactory.create(email="gone@example.org")
    email, _ = _email()
    renderer = ChunkRenderer(
        send=Send.objects.get(id=email.message_id.split(".")[1]), subscribers=[gone]
    )
    refused = renderer.email_for(subscriber=gone, delivery_id=99)
    assert refused is not None
    with SmtpSink(pipelining=pipelining) as sink:
        sink.handler.permanent_rcpt["gone@example.org"] = "550 5.1.1 No such user"
        backend = SMTPBackend(host="127.0.0.1", port=sink.port, use_tls=False, timeout=5)
        backend.open()
        transport = BackendTransport(backend)

        results = [transport.send(refused), transport.send(email)]
        backend.close()

        assert transport.pipelining is pipelining
        assert [(r.outcome, r.hard_bounce) for r in results] == [
            (SendOutcome.PERMANENT_FAILURE, True),
            (SendOutcome.SENT, False),
        ]
        assert [r.to for r in sink.handler.received] == ["reader@example.org"]
