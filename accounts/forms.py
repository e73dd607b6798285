"""Forms of the accounts app: they check shape; services.py checks the rules."""

import re
from typing import Any

from django import forms
from django.utils import timezone

from catalogue.models import Treatment
from core.form_fields import (
    MAX_PK,
    BoundedModelMultipleChoiceField,
    CommunityForm,
    CommunityModelForm,
)

from .consent import HEALTH_CONSENT_TEXT
from .display_names import display_name_refusal
from .models import Profile, TeamCountVisibility, User, Visibility

# Letters (any script), digits, spaces and a little punctuation: no emoji, no markup.
_DISPLAY_NAME_RE = re.compile(r"^[^\W_][\w .'-]*$")

HEALTH_FIELDS = (
    "diagnosis_type",
    "year_diagnosed",
    "her2_status",
    "hormone_status",
    "stage",
    "current_treatments",
    "past_treatments",
)

# (field, its visibility field), grouped the way the settings page shows them.
ABOUT_PAIRS = (
    ("role", "role_visibility"),
    ("bio", "bio_visibility"),
    ("bad_day_answer", "bad_day_answer_visibility"),
    ("age_range", "age_range_visibility"),
    ("region", "region_visibility"),
)
HEALTH_PAIRS = (
    ("diagnosis_type", "diagnosis_type_visibility"),
    ("year_diagnosed", "year_diagnosed_visibility"),
    ("her2_status", "her2_status_visibility"),
    ("hormone_status", "hormone_status_visibility"),
    ("stage", "stage_visibility"),
)

# The settings page's sections (their ids), and the fields each one holds: a section with an
# error opens by itself, so a message is never hidden in a closed one.
SETTINGS_SECTIONS: dict[str, tuple[str, ...]] = {
    "name": ("display_name",),
    "about": tuple(name for pair in ABOUT_PAIRS for name in pair),
    "health": (
        "health_consent",
        *(name for pair in HEALTH_PAIRS for name in pair),
        "current_treatments",
        "past_treatments",
        "treatments_visibility",
    ),
    "activities": ("show_posts_on_activities", "team_count_visibility"),
    "email": ("discreet_email",),
    "reading": ("prefers_larger_text",),
}


def clean_display_name(value: str) -> str:
    """Strip and check a display name: a pseudonym of letters, digits and simple punctuation."""
    value = " ".join(value.split())
    if len(value) < 2:
        raise forms.ValidationError("Please choose a display name of at least 2 characters.")
    if not _DISPLAY_NAME_RE.match(value):
        raise forms.ValidationError(
            "Use letters, numbers, spaces, dots, dashes or apostrophes only, starting with a "
            "letter or number."
        )
    return value


def clean_display_name_for(value: str, *, member: User | None = None) -> str:
    """clean_display_name, then the rules: no staff-sounding name, nobody else's name."""
    value = clean_display_name(value)
    refusal = display_name_refusal(name=value, member=member)
    if refusal:
        raise forms.ValidationError(refusal)
    return value


class SignupExtraForm(CommunityForm):
    """Fields allauth's sign-up form gains: a pseudonymous display name, never a real name."""

    display_name = forms.CharField(
        max_length=40,
        help_text=(
            "Shown to other members next to what you write. Please do not use your real name: "
            "a nickname keeps your health story yours."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )

    def clean_display_name(self) -> str:
        return clean_display_name_for(self.cleaned_data["display_name"])

    def signup(self, request: object, user: object) -> None:
        """Required by allauth; the adapter's save_user already stored the display name."""


class TreatmentChoiceField(BoundedModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj)


class SettingsForm(CommunityModelForm):
    """Display name, profile with per-field visibility, health details, email preferences."""

    # Every profile answer is optional: an empty one is a choice, not a gap.
    empty_choice_label = "Prefer not to say"

    display_name = forms.CharField(
        max_length=40,
        help_text="Shown to other members. Please do not use your real name.",
    )
    health_consent = forms.BooleanField(
        required=False,
        label="I agree that MyBCTeam stores the health details I enter below.",
        help_text=HEALTH_CONSENT_TEXT,
    )
    discreet_email = forms.BooleanField(
        required=False,
        label="Keep these emails discreet",
        help_text="A neutral sender and subject, without the site's name or what was written: "
        "for a shared inbox or screen.",
    )
    prefers_larger_text = forms.BooleanField(required=False, label="Use larger text on every page")
    current_treatments = TreatmentChoiceField(
        queryset=Treatment.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Current treatments",
    )
    past_treatments = TreatmentChoiceField(
        queryset=Treatment.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Past treatments",
    )
    year_diagnosed = forms.IntegerField(required=False, label="Year diagnosed")

    class Meta:
        model = Profile
        fields = [
            "role",
            "role_visibility",
            "bio",
            "bio_visibility",
            "bad_day_answer",
            "bad_day_answer_visibility",
            "diagnosis_type",
            "diagnosis_type_visibility",
            "year_diagnosed",
            "year_diagnosed_visibility",
            "her2_status",
            "her2_status_visibility",
            "hormone_status",
            "hormone_status_visibility",
            "stage",
            "stage_visibility",
            "current_treatments",
            "past_treatments",
            "treatments_visibility",
            "age_range",
            "age_range_visibility",
            "region",
            "region_visibility",
            "show_posts_on_activities",
            "team_count_visibility",
        ]
        labels = {
            "show_posts_on_activities": "Show my recent questions and answers on my Activities "
            "page (never anonymous ones)",
            "team_count_visibility": "Who can see how many members are on your team",
            "role": "How breast cancer touches your life",
            "bio": "A few words about you",
            "bad_day_answer": "When I'm having a bad day, ...",
            "diagnosis_type": "Diagnosis",
            "her2_status": "HER2 status",
            "hormone_status": "Hormone receptor (ER/PR) status",
            "stage": "Stage at diagnosis",
            "age_range": "Age range",
            "region": "Region (state, province or country)",
        }
        help_texts = {
            "bio": "Up to 1,000 characters.",
            "bad_day_answer": "Finish the sentence, if you like: up to 300 characters.",
        }
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 4}),
            "bad_day_answer": forms.Textarea(attrs={"rows": 2}),
        }

    def clean_team_count_visibility(self) -> str:
        chosen = self.cleaned_data.get("team_count_visibility")
        return str(chosen or self.instance.team_count_visibility or TeamCountVisibility.MEMBERS)

    def __init__(self, *args: Any, consent_active: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.consent_active = consent_active
        for name, field in self.fields.items():
            if name.endswith("_visibility") and name != "team_count_visibility":
                # Each select names its field, so a screen reader never hears ten
                # identical "Who can see this" labels.
                base = self.fields.get(name.removesuffix("_visibility"))
                about = str(base.label) if base is not None and base.label else "this"
                field.label = f"Who can see “{about.rstrip('., ')}”"
                field.widget = forms.Select(choices=Visibility.choices)
        self.fields["treatments_visibility"].label = "Who can see your treatments"
        # A form from before this choice existed (or a bot) keeps the member's current one.
        self.fields["team_count_visibility"].required = False
        # Its label says it all; a help text would point at a paragraph the page does not have.
        self.fields["show_posts_on_activities"].help_text = ""
        current_year = timezone.now().year
        self.fields["year_diagnosed"].validators.append(_year_validator(current_year))
        self.fields["year_diagnosed"].widget.attrs.update({"min": 1950, "max": current_year})

    def clean_display_name(self) -> str:
        return clean_display_name_for(self.cleaned_data["display_name"], member=self.instance.user)

    def clean_region(self) -> str:
        return " ".join(self.cleaned_data.get("region", "").split())

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        withdrawing = self.consent_active and not cleaned.get("health_consent")
        gave_health = any(cleaned.get(name) for name in HEALTH_FIELDS)
        if gave_health and not cleaned.get("health_consent") and not withdrawing:
            self.add_error(
                "health_consent",
                "To save health details, please tick this box first. Without it we store none.",
            )
        return cleaned

    def sections_to_open(self, requested: str | None = None) -> set[str]:
        """The settings sections to show open: the one asked for, and every one with an error."""
        wanted = {requested} & set(SETTINGS_SECTIONS) if requested else set()
        return wanted | {
            section
            for section, names in SETTINGS_SECTIONS.items()
            if any(self.errors.get(name) for name in names)
        }

    def treatment_fields(self) -> list[tuple[forms.BoundField, list[str]]]:
        """Each treatment list with the names ticked in it (one query for both lists)."""
        fields = [self["current_treatments"], self["past_treatments"]]
        ticked = {field.name: _treatment_ids(field.value()) for field in fields}
        every_id = set().union(*ticked.values())
        names = (
            dict(Treatment.objects.filter(pk__in=every_id).values_list("pk", "name"))
            if every_id
            else {}
        )
        return [
            (field, sorted(names[pk] for pk in ticked[field.name] if pk in names))
            for field in fields
        ]

    def about_fields(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[a], self[b]) for a, b in ABOUT_PAIRS]

    def health_fields(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[a], self[b]) for a, b in HEALTH_PAIRS]


def _treatment_ids(value: Any) -> set[int]:
    # The ids a treatment list holds: model instances when shown from the profile, strings as
    # posted (maybe not numbers, maybe too large for the database: those are left out).
    ids = set()
    for item in value or []:
        text = str(getattr(item, "pk", item))
        if text.isascii() and text.isdigit() and int(text) <= MAX_PK:
            ids.add(int(text))
    return ids


def _year_validator(current_year: int) -> Any:
    def validate(value: int | None) -> None:
        if value is not None and not 1950 <= value <= current_year:
            raise forms.ValidationError(f"Please enter a year between 1950 and {current_year}.")

    return validate


class DirectoryFilterForm(CommunityForm):
    """The "people like me" filters on /members/; every field optional."""

    role = forms.ChoiceField(choices=[("", "Anyone"), *Profile.Role.choices], required=False)
    diagnosis_type = forms.ChoiceField(
        choices=[("", "Any diagnosis"), *Profile.DiagnosisType.choices],
        required=False,
        label="Diagnosis",
    )
    her2_status = forms.ChoiceField(
        choices=[("", "Any HER2 status"), *Profile.HER2Status.choices],
        required=False,
        label="HER2 status",
    )
    stage = forms.ChoiceField(choices=[("", "Any stage"), *Profile.Stage.choices], required=False)
    treatment = forms.ModelChoiceField(
        queryset=Treatment.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label="Any treatment",
    )
    region = forms.CharField(max_length=80, required=False)

    def clean_region(self) -> str:
        return " ".join(self.cleaned_data.get("region", "").split())


class AccountDeleteForm(CommunityForm):
    """Erasure asks for the password again, so a borrowed session cannot erase an account."""

    password = forms.CharField(
        label="Your password",
        strip=False,
        max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That password is not right. Your account is unchanged.")
        return password


class ResendConfirmationForm(CommunityForm):
    """The address to send a new confirmation link to; no login needed."""

    email = forms.EmailField(
        max_length=254,
        label="Your email address",
        error_messages={
            "required": "Please type the email address you joined with.",
            "invalid": "That does not look like an email address. Please check it.",
            "max_length": "That is longer than any email address can be. Please check it.",
        },
    )


class WelcomeStepForm(SettingsForm):
    """The settings form cut down to one welcome step's fields, so the welcome flow asks the
    same questions with the same labels, visibility choices and consent rule as the settings
    page, and saves them through the same services."""

    step_fields: tuple[str, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in list(self.fields):
            if name not in self.step_fields:
                del self.fields[name]


class WelcomeRoleForm(WelcomeStepForm):
    step_fields = ("role", "role_visibility")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        role = self.fields["role"]
        role.label = "What brings you here?"
        role.widget = forms.RadioSelect(choices=Profile.Role.choices)
        role.error_messages["invalid_choice"] = "Please pick one of the answers below."


class WelcomeHealthForm(WelcomeStepForm):
    step_fields = (
        "health_consent",
        *(name for pair in HEALTH_PAIRS for name in pair),
        "current_treatments",
        "past_treatments",
        "treatments_visibility",
    )

    def health_fields(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[a], self[b]) for a, b in HEALTH_PAIRS]


class PhotoForm(CommunityForm):
    """The photo section of the settings page; the file is checked by photo_services."""

    photo = forms.FileField(
        required=False,
        label="Choose a photo",
        help_text=(
            "JPEG, PNG or WebP, up to 10 MB. We keep a square from the middle and remove "
            "everything hidden in the file, such as where and when it was taken."
        ),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    photo_visibility = forms.ChoiceField(
        choices=Visibility.choices,
        label="Who can see your photo",
        help_text="Visitors who are not logged in never see it. Everyone else sees your initials.",
        widget=forms.RadioSelect,
    )

    def clean_photo(self) -> Any:
        return self.cleaned_data.get("photo") or None
