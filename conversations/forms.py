"""Forms check shape only (length, NUL bytes); the services check who may write to whom."""

from django import forms

from activities.forms import MemberTextField
from core.form_fields import CommunityForm
from core.idempotency import IdempotentForm

from .models import MESSAGE_MAX_LENGTH


class MessageForm(IdempotentForm):
    body = MemberTextField(
        label="Your message",
        max_length=MESSAGE_MAX_LENGTH,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Plain text. Links work, but a first message with a link, a phone number or "
        "an email address waits for a moderator before it is delivered.",
        error_messages={
            "required": "Please write something before sending.",
            "max_length": f"Please keep your message under {MESSAGE_MAX_LENGTH:,} characters "
            "(this one has %(show_value)d).",
        },
    )


class MessageEditForm(CommunityForm):
    body = MemberTextField(
        label="Your message",
        max_length=MESSAGE_MAX_LENGTH,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": "Please write something, or delete the message instead.",
            "max_length": f"Please keep your message under {MESSAGE_MAX_LENGTH:,} characters "
            "(this one has %(show_value)d).",
        },
    )


class MessagingSettingsForm(CommunityForm):
    requests_open = forms.BooleanField(
        label="Members who are not on my team may send me message requests",
        required=False,
    )
