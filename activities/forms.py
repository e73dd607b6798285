"""Forms check shape only (length, NUL bytes, choices); the services check the rules."""

from typing import Any

from django import forms
from django.core.validators import ProhibitNullCharactersValidator

from core.form_fields import MAX_PK
from core.idempotency import IdempotentForm

from .models import UPDATE_COMMENT_MAX_LENGTH, UPDATE_MAX_LENGTH, Audience, UpdateTag

NUL_MESSAGE = (
    "Your text contains an invisible character we cannot store. "
    "Please retype it, or paste it again as plain text."
)


class MemberTextField(forms.CharField):
    """A CharField whose NUL-byte refusal speaks our words (Django's says "Null characters")."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.validators = [
            v for v in self.validators if not isinstance(v, ProhibitNullCharactersValidator)
        ]

    def to_python(self, value: Any) -> str:
        text = str(super().to_python(value) or "")
        if "\x00" in text:
            raise forms.ValidationError(NUL_MESSAGE, code="null_characters_not_allowed")
        return text


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise forms.ValidationError(NUL_MESSAGE)
    return value


class UpdateForm(IdempotentForm):
    body = MemberTextField(
        label="How are you doing?",
        max_length=UPDATE_MAX_LENGTH,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="A line or a few paragraphs, as you like. **bold**, *italics*, lists and "
        "links work.",
        error_messages={
            "required": "Please write a few words before posting.",
            "max_length": f"Please keep updates under {UPDATE_MAX_LENGTH:,} characters "
            "(this one has %(show_value)d).",
        },
    )
    tag = forms.ChoiceField(
        label="What kind of day? (optional)",
        choices=UpdateTag.choices,
        required=False,
        error_messages={"invalid_choice": "Please choose a kind of day from the list, or none."},
    )
    audience = forms.ChoiceField(
        label="Who can see it",
        choices=Audience.choices,
        initial=Audience.MEMBERS,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Please choose who can see your update.",
            "invalid_choice": "Please choose who can see your update.",
        },
    )

    def clean_body(self) -> str:
        return _no_nul(self.cleaned_data["body"])


class UpdateEditForm(UpdateForm):
    idempotency_key = None  # type: ignore[assignment]  # an edit creates nothing


class UpdateCommentForm(IdempotentForm):
    body = MemberTextField(
        label="Your comment",
        max_length=UPDATE_COMMENT_MAX_LENGTH,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Be kind. **bold**, *italics*, lists and links work.",
        error_messages={
            "required": "Please write something before posting.",
            "max_length": f"Please keep comments under {UPDATE_COMMENT_MAX_LENGTH:,} characters "
            "(this one has %(show_value)d).",
        },
    )
    parent = forms.IntegerField(
        required=False, widget=forms.HiddenInput, min_value=1, max_value=MAX_PK
    )

    def clean_body(self) -> str:
        return _no_nul(self.cleaned_data["body"])


class UpdateCommentEditForm(UpdateCommentForm):
    parent = None  # type: ignore[assignment]
    idempotency_key = None  # type: ignore[assignment]
