from django import forms
from django.core.exceptions import ValidationError

from core.form_fields import CommunityForm

from .models import ReportReason


class ReportForm(CommunityForm):
    reason = forms.ChoiceField(
        choices=ReportReason.choices,
        widget=forms.RadioSelect,
        label="What is wrong with it?",
        error_messages={"required": "Please choose a reason."},
    )
    note = forms.CharField(
        label="Anything the moderators should know? (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Only the moderators read this. Up to 1,000 characters.",
    )

    def clean_note(self) -> str:
        note = str(self.cleaned_data.get("note", ""))
        if "\x00" in note:
            raise ValidationError(
                "Your note contains a character we cannot store; please retype it."
            )
        return note.strip()

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        if cleaned.get("reason") == ReportReason.OTHER and not cleaned.get("note"):
            self.add_error("note", "Please tell us briefly what is wrong.")
        return cleaned
