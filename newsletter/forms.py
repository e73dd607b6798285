from django import forms
from django.core.exceptions import ValidationError

from catalogue.models import Topic
from core.form_fields import BoundedModelMultipleChoiceField, CommunityForm

from .services import PAUSE_WEEKS


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValidationError("That contains a character we cannot store.")
    return value


class SubscribeForm(CommunityForm):
    email = forms.EmailField(label="Your email address", max_length=254)
    source = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)

    def clean_email(self) -> str:
        return _no_nul(self.cleaned_data["email"]).strip().lower()

    def clean_source(self) -> str:
        source = _no_nul(self.cleaned_data.get("source") or "")
        # Only a path on this site is kept as the consent's source page.
        return source if source.startswith("/") and not source.startswith("//") else ""


class PreferencesForm(CommunityForm):
    topics = BoundedModelMultipleChoiceField(
        queryset=Topic.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Topics you care about",
        help_text="Leave all unticked to hear about every topic.",
    )
    digest_enabled = forms.BooleanField(required=False, label="Weekly digest")
    newsletter_enabled = forms.BooleanField(required=False, label="Newsletter issues")
    discreet = forms.BooleanField(
        required=False,
        label="Discreet mode",
        help_text="A neutral sender name and subject line, with no health words, "
        "for an inbox you share.",
    )
    pause = forms.TypedChoiceField(
        required=False,
        coerce=int,
        empty_value=None,
        label="Pause all email",
        choices=[("", "Don't pause"), ("0", "Resume now")]
        + [(str(w), f"For {w} week{'s' if w > 1 else ''}") for w in PAUSE_WEEKS],
    )
