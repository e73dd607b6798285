"""Her notification preferences: one choice per group, and the email pause."""

from typing import Any

from django import forms

from .models import Channel
from .registry import groups


class PreferencesForm(forms.Form):
    pause_email = forms.BooleanField(
        required=False,
        label="Pause all notification emails",
        help_text="Everything still shows under the bell; nothing comes by email until you "
        "switch this off.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for group in groups():
            self.fields[f"channel_{group.key}"] = forms.ChoiceField(
                label=group.label,
                choices=Channel.choices,
                initial=group.default,
                error_messages={
                    "invalid_choice": "Choose one of the offered ways to hear about this.",
                    "required": "Choose how you would like to hear about this.",
                },
            )

    def channels(self) -> dict[str, str]:
        return {g.key: self.cleaned_data[f"channel_{g.key}"] for g in groups()}

    def channel_fields(self) -> list[forms.BoundField]:
        return [self[f"channel_{g.key}"] for g in groups()]
