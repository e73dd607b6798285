"""The pipelined SMTP transaction, against real SMTP servers on loopback.

aiosmtpd (the integration tests' sink, told to announce PIPELINING) answers refusals per
recipient; Postfix's smtp-sink, when installed, is a real MTA-grade pipelining server.
"""

import os
import shutil
import smtplib
import socket
import subprocess
import time
from collections.abc import Iterator
from email import message_from_bytes

import pytest

from core.mail.pipelining import smtp_can_pipeline, smtp_send_pipelined
from tests.integration.smtp_sink import SmtpSink, free_port

SENDER = "news@example.org"
MESSAGE = (
    b"Subject: Hello\r\nFrom: news@example.org\r\nTo: reader@example.org\r\n"
    b"Message-ID: <nl.1.1@example.org>\r\n\r\n"
    b"Line one\r\n.A line starting with a dot\r\n..and two\r\nLast line"
)


@pytest.fixture
def sink() -> Iterator[SmtpSink]:
    with SmtpSink() as server:
        yield server


@pytest.fixture
def smtp(sink: SmtpSink) -> Iterator[smtplib.SMTP]:
    client = smtplib.SMTP("127.0.0.1", sink.port, timeout=5)
    client.ehlo()
    yield client
    client.close()


def test_smtp_can_pipeline_follows_the_servers_ehlo_answer():
    with SmtpSink(pipelining=False) as plain, SmtpSink() as pipelining:
        without = smtplib.SMTP("127.0.0.1", plain.port, timeout=5)
        with_it = smtplib.SMTP("127.0.0.1", pipelining.port, timeout=5)
        without.ehlo()
        with_it.ehlo()

        assert (smtp_can_pipeline(without), smtp_can_pipeline(with_it)) == (False, True)
        without.close()
        with_it.close()


def test_smtp_send_pipelined_delivers_the_message_with_its_dots_intact(sink, smtp):
    smtp_send_pipelined(smtp, from_addr="news@example.org", to="reader@example.org", data=MESSAGE)

    assert sink.wait_for(1, timeout=5)
    [received] = sink.handler.received
    assert received.to == "reader@example.org"
    assert received.message_id == "<nl.1.1@example.org>"
    body = message_from_bytes(received.data).get_payload()
    assert isinstance(body, str)
    assert body.splitlines() == [
        "Line one",
        ".A line starting with a dot",
        "..and two",
        "Last line",
    ]


def test_smtp_send_pipelined_refused_recipient_fails_that_message_only(sink, smtp):
    sink.handler.permanent_rcpt["gone@example.org"] = "550 5.1.1 No such user"

    with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
        smtp_send_pipelined(smtp, from_addr="news@example.org", to="gone@example.org", data=MESSAGE)
    smtp_send_pipelined(smtp, from_addr="news@example.org", to="reader@example.org", data=MESSAGE)

    assert refused.value.recipients == {"gone@example.org": (550, b"5.1.1 No such user")}
    assert sink.wait_for(1, timeout=5)
    assert [r.to for r in sink.handler.received] == ["reader@example.org"]


def test_smtp_send_pipelined_temporary_refusal_is_a_4xx_recipients_refused(sink, smtp):
    sink.handler.temporary_failure_until = time.monotonic() + 60

    with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
        smtp_send_pipelined(smtp, from_addr=SENDER, to="reader@example.org", data=MESSAGE)

    [(code, _)] = refused.value.recipients.values()
    assert code == 451
    assert sink.handler.count == 0


def test_smtp_send_pipelined_refused_content_is_a_data_error_and_the_next_goes(sink, smtp):
    sink.handler.permanent_data.add("spam@example.org")

    with pytest.raises(smtplib.SMTPDataError) as refused:
        smtp_send_pipelined(smtp, from_addr="news@example.org", to="spam@example.org", data=MESSAGE)
    smtp_send_pipelined(smtp, from_addr="news@example.org", to="reader@example.org", data=MESSAGE)

    assert refused.value.smtp_code == 554
    assert sink.wait_for(1, timeout=5)
    assert [r.to for r in sink.handler.received] == ["reader@example.org"]


def test_smtp_send_pipelined_lost_connection_raises_like_smtplib(sink, smtp):
    assert smtp.sock is not None
    smtp.sock.shutdown(socket.SHUT_RDWR)

    with pytest.raises((smtplib.SMTPServerDisconnected, OSError)):
        smtp_send_pipelined(smtp, from_addr=SENDER, to="reader@example.org", data=MESSAGE)


@pytest.mark.skipif(shutil.which("smtp-sink") is None, reason="Postfix's smtp-sink not installed")
def test_smtp_send_pipelined_against_postfix_smtp_sink_sends_every_message():
    port = free_port()
    user = ["-u", "postfix"] if os.geteuid() == 0 else []
    server = subprocess.Popen(
        ["smtp-sink", *user, f"127.0.0.1:{port}", "10"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 5
        while True:
            try:
                client = smtplib.SMTP("127.0.0.1", port, timeout=5)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        client.ehlo()
        assert smtp_can_pipeline(client)
        for i in range(20):
            smtp_send_pipelined(
                client, from_addr="news@example.org", to=f"r{i}@example.org", data=MESSAGE
            )
        assert client.noop()[0] == 250  # the connection is in step after 20 transactions
        client.quit()
    finally:
        server.terminate()
        server.wait(timeout=10)
