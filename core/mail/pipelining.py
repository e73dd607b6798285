"""One message over an open SMTP connection in two round trips instead of four (RFC 2920).

smtplib's `sendmail` waits for the server after MAIL FROM, after RCPT TO, after DATA and
after the message: four round trips, and it runs two regular expressions over every
message (line endings, leading dots). When the server advertises PIPELINING, this sends
MAIL FROM, RCPT TO and DATA together, reads the three replies, then sends the message
(dot-stuffed with one `bytes.replace`) and reads its reply. Every refusal raises the same
smtplib exception `sendmail` would, so callers sort failures exactly as before, per
message: a refused recipient is `SMTPRecipientsRefused` for that message only, and the
connection stays usable for the next one.

The connection itself (connect, EHLO, STARTTLS, AUTH) is still smtplib's, opened by
Django's SMTP backend; only the mail transaction is ours.
"""

import contextlib
import smtplib


def smtp_can_pipeline(smtp: smtplib.SMTP) -> bool:
    """True when the server says PIPELINING in its EHLO answer (smtplib keeps the list).

    Says EHLO first if nobody has yet: Django's backend only does for STARTTLS or a login.
    Raises what EHLO may raise (SMTPHeloError, a lost connection).
    """
    smtp.ehlo_or_helo_if_needed()
    return bool(smtp.does_esmtp) and smtp.has_extn("pipelining")


def smtp_send_pipelined(smtp: smtplib.SMTP, *, from_addr: str, to: str, data: bytes) -> None:
    """Send `data` (CRLF line endings, ASCII headers) from `from_addr` to one recipient.

    Raises what `smtplib.SMTP.sendmail` raises: SMTPSenderRefused, SMTPRecipientsRefused,
    SMTPDataError, SMTPServerDisconnected (or OSError) on a lost connection. After a refusal
    the transaction is reset (RSET), so the next message starts clean.
    """
    smtp.send(f"MAIL FROM:<{from_addr}>\r\nRCPT TO:<{to}>\r\nDATA\r\n".encode("ascii"))
    # Every reply is read, whatever the first said: the server answers each command.
    mail_code, mail_reply = smtp.getreply()
    rcpt_code, rcpt_reply = smtp.getreply()
    data_code, data_reply = smtp.getreply()
    if data_code == 354 and (mail_code != 250 or rcpt_code not in (250, 251)):
        # A server that accepts DATA without a valid sender or recipient (it should not):
        # end the empty message at once and discard it with the transaction.
        smtp.send(b".\r\n")
        smtp.getreply()
    if mail_code != 250:
        _reset(smtp)
        if mail_code == 421:
            smtp.close()
        raise smtplib.SMTPSenderRefused(mail_code, mail_reply, from_addr)
    if rcpt_code not in (250, 251):
        _reset(smtp)
        raise smtplib.SMTPRecipientsRefused({to: (rcpt_code, rcpt_reply)})
    if data_code != 354:
        _reset(smtp)
        raise smtplib.SMTPDataError(data_code, data_reply)
    smtp.send(_dot_stuffed(data))
    code, reply = smtp.getreply()
    if code != 250:
        _reset(smtp)
        raise smtplib.SMTPDataError(code, reply)


def _dot_stuffed(data: bytes) -> bytes:
    """The message as DATA carries it: leading dots doubled, ending in CRLF.CRLF."""
    if data.startswith(b"."):
        data = b"." + data
    data = data.replace(b"\r\n.", b"\r\n..")
    if not data.endswith(b"\r\n"):
        data += b"\r\n"
    return data + b".\r\n"


def _reset(smtp: smtplib.SMTP) -> None:
    """RSET after a refusal; a connection that dropped meanwhile is the next send's error."""
    with contextlib.suppress(smtplib.SMTPServerDisconnected):
        smtp.rset()
