"""Forms check shape only (length, NUL bytes); the services check the rules."""

from django import forms

from core.idempotency import IdempotentForm

from .models import COMMENT_MAX_LENGTH


class CommentForm(IdempotentForm):
    body = forms.CharField(
        label="Your comment",
        max_length=COMMENT_MAX_LENGTH,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=f"Be kind. Up to {COMMENT_MAX_LENGTH:,} characters; you can use **bold**, "
        "*italics*, lists and links.",
        error_messages={
            "required": "Please write something before posting.",
            "max_length": f"Please keep comments under {COMMENT_MAX_LENGTH} characters "
            "(this one has %(show_value)d).",
        },
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)

    def clean_body(self) -> str:
        body: str = self.cleaned_data["body"]
        if "\x00" in body:
            raise forms.ValidationError(
                "Your comment contains an invisible character we cannot store. "
                "Please retype or paste it again as plain text."
            )
        return body


class CommentEditForm(CommentForm):
    parent = None  # type: ignore[assignment]
    idempotency_key = None  # type: ignore[assignment]  # an edit creates nothing
