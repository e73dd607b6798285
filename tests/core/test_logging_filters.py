import logging

from core.logging_filters import RedactSecretsFilter, redact


def test_redact_hides_newsletter_and_confirmation_tokens_in_paths():
    line = '"GET /newsletter/unsubscribe/abc.DEF-123:xyz/ HTTP/1.1" /accounts/confirm-email/MTk:1t/'

    cleaned = redact(line)

    assert "abc.DEF-123" not in cleaned
    assert "MTk:1t" not in cleaned
    assert "/newsletter/unsubscribe/[redacted]/" in cleaned


def test_redact_hides_secret_query_parameters():
    assert redact("/x?password=hunter2&token=t0k&q=hello") == (
        "/x?password=[redacted]&token=[redacted]&q=hello"
    )


def test_filter_rewrites_the_record_message():
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "GET %s", ("/x?code=123456",), None)

    RedactSecretsFilter().filter(record)

    assert record.getMessage() == "GET /x?code=[redacted]"
