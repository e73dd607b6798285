"""Keeps secrets out of log lines: tokens in URLs and anything that looks like a password."""

import logging
import re

# Newsletter tokens, email-confirmation keys and password-reset keys all travel in paths.
_TOKEN_PATH = re.compile(
    r"(/(?:newsletter/(?:confirm|unsubscribe|preferences)|accounts/confirm-email"
    r"|accounts/password/reset/key)/)[^\s/\"']+"
)
_SECRET_PARAM = re.compile(r"((?:password|token|key|code)=)[^&\s\"']+", re.IGNORECASE)


def redact(text: str) -> str:
    """Return text with URL tokens and secret query parameters replaced by '[redacted]'."""
    text = _TOKEN_PATH.sub(r"\1[redacted]", text)
    return _SECRET_PARAM.sub(r"\1[redacted]", text)


class RedactSecretsFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record is still logged, unredacted args dropped
            return True
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True
