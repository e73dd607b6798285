"""The "My experience with ..." form: works as plain HTML, one row per side effect."""

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from core.idempotency import IdempotentForm

from .models import HELPED_MAX_LENGTH, TIPS_MAX_LENGTH, Bother, Experience, Going, SideEffect
from .services.experiences import SideEffectAnswer, experience_started_on

MONTHS = [
    (1, "January"),
    (2, "February"),
    (3, "March"),
    (4, "April"),
    (5, "May"),
    (6, "June"),
    (7, "July"),
    (8, "August"),
    (9, "September"),
    (10, "October"),
    (11, "November"),
    (12, "December"),
]
# How far back the year list goes: long enough for hormone therapy taken for ten years.
YEARS_BACK = 30
NOT_HAD = ""
NUL_MESSAGE = "This contains a character we cannot store. Please retype it and try again."


def _year_choices(today: date) -> list[tuple[int | str, str]]:
    years: list[tuple[int | str, str]] = [("", "Year")]
    return years + [(year, str(year)) for year in range(today.year, today.year - YEARS_BACK, -1)]


class ExperienceForm(IdempotentForm):
    """Started (month and year), still on it, how it is going, side effects and tips."""

    month = forms.TypedChoiceField(
        label="Month you started",
        choices=[("", "Month"), *MONTHS],
        coerce=int,
        error_messages={
            "required": "Please choose the month you started.",
            "invalid_choice": "Please choose the month you started from the list.",
        },
    )
    year = forms.TypedChoiceField(
        label="Year you started",
        coerce=int,
        error_messages={
            "required": "Please choose the year you started.",
            "invalid_choice": "Please choose the year you started from the list.",
        },
    )
    still_on = forms.BooleanField(label="I am still on this treatment", required=False)
    going = forms.TypedChoiceField(
        label="How is it going, or how did it go?",
        choices=[(value, label) for value, label in Going.choices],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Please choose how it is going, even if it is mixed.",
            "invalid_choice": "Please choose how it is going from the five answers.",
        },
    )
    tips = forms.CharField(
        label="Tips for someone starting it",
        required=False,
        max_length=TIPS_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=f"Optional, up to {TIPS_MAX_LENGTH} characters. Only members can read it. "
        "Light formatting: *italic*, **bold**, lists.",
        error_messages={
            "max_length": f"Please keep your tips under {TIPS_MAX_LENGTH} characters "
            "(you wrote %(show_value)d).",
            "null_characters_not_allowed": NUL_MESSAGE,
        },
    )

    def __init__(self, *args: Any, side_effects: list[SideEffect], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = _year_choices(timezone.localdate())  # type: ignore[attr-defined]
        self.side_effects = side_effects
        for effect in side_effects:
            self.fields[f"bother_{effect.pk}"] = forms.TypedChoiceField(
                label=f"{effect.name}: how much did it bother you?",
                choices=[(NOT_HAD, "I did not have this"), *Bother.choices],
                coerce=int,
                empty_value=None,
                required=False,
                error_messages={
                    "invalid_choice": f"Please choose how much {effect.name.lower()} bothered "
                    "you from the list."
                },
            )
            self.fields[f"helped_{effect.pk}"] = forms.CharField(
                label=f"{effect.name}: what helped?",
                required=False,
                max_length=HELPED_MAX_LENGTH,
                error_messages={
                    "max_length": f"Please keep what helped under {HELPED_MAX_LENGTH} characters.",
                    "null_characters_not_allowed": NUL_MESSAGE,
                },
            )

    @classmethod
    def initial_for(cls, experience: Experience | None) -> dict[str, Any]:
        """What the form shows for her existing experience (or nothing yet)."""
        if experience is None:
            return {}
        initial: dict[str, Any] = {
            "month": experience.started_on.month,
            "year": experience.started_on.year,
            "still_on": experience.still_on,
            "going": experience.going,
            "tips": experience.tips,
        }
        for row in experience.side_effect_rows.all():
            initial[f"bother_{row.side_effect_id}"] = row.bother
            initial[f"helped_{row.side_effect_id}"] = row.helped
        return initial

    def side_effect_rows(self) -> list[dict[str, Any]]:
        """For the template: one (bother, helped) pair of bound fields per side effect."""
        return [
            {
                "effect": effect,
                "bother": self[f"bother_{effect.pk}"],
                "helped": self[f"helped_{effect.pk}"],
            }
            for effect in self.side_effects
        ]

    def clean_tips(self) -> str:
        return str(self.cleaned_data["tips"]).strip()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        month, year = cleaned.get("month"), cleaned.get("year")
        if month and year:
            try:
                cleaned["started_on"] = experience_started_on(year=year, month=month)
            except ValidationError as exc:
                self.add_error("month", exc)
        answers = []
        for effect in self.side_effects:
            bother = cleaned.get(f"bother_{effect.pk}")
            helped = cleaned.get(f"helped_{effect.pk}") or ""
            if bother is None:
                if helped.strip():
                    self.add_error(
                        f"bother_{effect.pk}",
                        f"You wrote what helped with {effect.name.lower()}: please say how "
                        "much it bothered you too.",
                    )
                continue
            answers.append(SideEffectAnswer(effect, bother, helped.strip()))
        cleaned["side_effects"] = answers
        return cleaned
