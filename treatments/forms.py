"""Forms check shape only (length, NUL bytes); the services check the rules."""

from django import forms

from core.idempotency import IdempotentForm

from .models import CARE_QUESTION_MAX_LENGTH

_NUL_MESSAGE = (
    "Your question contains an invisible character we cannot store. "
    "Please retype it, or paste it again as plain text."
)


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
        },
    )
    # Where it was added from; checked again by the service, never trusted as a link.
    source_label = forms.CharField(required=False, widget=forms.HiddenInput)
    source_url = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_text(self) -> str:
        text: str = self.cleaned_data["text"]
        if "\x00" in text:
            raise forms.ValidationError(_NUL_MESSAGE)
        return text

    def clean_source_label(self) -> str:
        return str(self.cleaned_data.get("source_label", "")).replace("\x00", "")

    def clean_source_url(self) -> str:
        return str(self.cleaned_data.get("source_url", "")).replace("\x00", "")


class CareQuestionEditForm(forms.Form):
    text = CareQuestionForm.base_fields["text"]

    def clean_text(self) -> str:
        text: str = self.cleaned_data["text"]
        if "\x00" in text:
            raise forms.ValidationError(_NUL_MESSAGE)
        return text
