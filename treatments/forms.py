"""Forms check shape only (length, NUL bytes); the services check the rules."""

from django import forms

from core.idempotency import IdempotentForm

from .models import CARE_QUESTION_MAX_LENGTH

_NUL_MESSAGE = (
    "Your question contains an invisible character we cannot store. "
    "Please retype it, or paste it again as plain text."
)


class _WhereFrom(forms.CharField):
    """A hidden note of where a question was added from: invisible bytes are dropped, never an
    error the member could not see."""

    widget = forms.HiddenInput

    def to_python(self, value: object) -> str:
        return str(super().to_python(value)).replace("\x00", "")


class CareQuestionForm(IdempotentForm):
    """Add a question to her list: her own words, or one offered on an article or treatment."""

    text = forms.CharField(
        label="Your question",
        max_length=CARE_QUESTION_MAX_LENGTH,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Anything you want to ask at your next appointment. Only you can see your list.",
        error_messages={
            "required": "Please write your question before adding it.",
            "max_length": f"Please keep a question under {CARE_QUESTION_MAX_LENGTH} characters "
            "(this one has %(show_value)d).",
            "null_characters_not_allowed": _NUL_MESSAGE,
        },
    )
    # Where it was added from; checked again by the service, never trusted as a link.
    source_label = _WhereFrom(required=False)
    source_url = _WhereFrom(required=False)


class CareQuestionEditForm(forms.Form):
    text = CareQuestionForm.base_fields["text"]
