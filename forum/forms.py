import re

from django import forms
from django.core.exceptions import ValidationError

from catalogue.models import Topic, Treatment
from core.form_fields import MAX_PK, BoundedModelMultipleChoiceField, CommunityForm
from core.idempotency import IdempotentForm

from .models import FollowFrequency

_QUESTION_WORDS_TEXT = (
    "what how when where why who which whose whom is are am was were do does did can "
    "could should would will has have had may might must any anyone anybody has"
)
QUESTION_WORDS = frozenset(_QUESTION_WORDS_TEXT.split())


def reject_nul(value: str) -> str:
    if "\x00" in value:
        raise ValidationError("Your text contains a character we cannot store (a NUL byte).")
    return value


def question_title_check(value: str) -> None:
    """A title is phrased as a question: ends with "?" or starts with a question word."""
    words = re.findall(r"[a-z']+", value.lower())
    if "?" in value or (words and words[0] in QUESTION_WORDS):
        return
    raise ValidationError(
        'Please phrase your title as a question, for example "How long did your chemo last?"'
    )


class QuestionForm(CommunityForm):
    title = forms.CharField(
        min_length=10,
        max_length=150,
        help_text="10 to 150 characters, phrased as a question. Everyone can read titles.",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        error_messages={"required": "Please write your question in a few words."},
    )
    body = forms.CharField(
        label="Details",
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Only logged-in members can read the details. Up to 10,000 characters. "
        "Light formatting: *italic*, **bold**, lists and links.",
    )
    topics = BoundedModelMultipleChoiceField(
        queryset=Topic.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        help_text="Choose 1 to 3.",
        error_messages={
            "required": "Please choose 1 to 3 topics, so members who know them find your question."
        },
    )
    treatments = BoundedModelMultipleChoiceField(
        queryset=Treatment.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Optional: the treatments your question is about.",
    )

    def clean_title(self) -> str:
        title = " ".join(reject_nul(self.cleaned_data["title"]).split())
        if len(title) < 10:
            raise ValidationError("Please write a title of at least 10 characters.")
        question_title_check(title)
        return title

    def clean_body(self) -> str:
        return reject_nul(self.cleaned_data["body"])

    def clean_topics(self) -> list[Topic]:
        topics = list(self.cleaned_data["topics"])
        if not 1 <= len(topics) <= 3:
            raise ValidationError(
                "Please choose 1 to 3 topics, so members who know them find your question."
            )
        return topics


class AskForm(QuestionForm, IdempotentForm):
    is_anonymous = forms.BooleanField(
        required=False,
        label='Post as "A member"',
        help_text="Other members will not see who asked. Moderators can, if they must.",
    )
    # Set once the member has seen the similar questions, so a second submit posts.
    suggestions_seen = forms.BooleanField(required=False, widget=forms.HiddenInput)


class AnswerForm(IdempotentForm):
    body = forms.CharField(
        label="Your answer",
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Please write your answer first."},
    )
    is_anonymous = forms.BooleanField(required=False, label='Post as "A member"')
    parent = forms.IntegerField(
        required=False, widget=forms.HiddenInput, min_value=1, max_value=MAX_PK
    )

    def clean_body(self) -> str:
        body = reject_nul(self.cleaned_data["body"]).strip()
        if not body:
            raise ValidationError("Please write your answer first.")
        return body


class AnswerEditForm(CommunityForm):
    body = forms.CharField(
        label="Your answer", max_length=10000, widget=forms.Textarea(attrs={"rows": 6})
    )

    def clean_body(self) -> str:
        body = reject_nul(self.cleaned_data["body"]).strip()
        if not body:
            raise ValidationError("An answer cannot be empty.")
        return body


class FollowPreferenceForm(CommunityForm):
    frequency = forms.ChoiceField(
        choices=FollowFrequency.choices,
        widget=forms.RadioSelect,
        label="Email me about new answers on questions I follow",
    )


class RevealForm(CommunityForm):
    reason = forms.CharField(
        max_length=300, help_text="Written to the moderation log with your name."
    )

    def clean_reason(self) -> str:
        return reject_nul(self.cleaned_data["reason"]).strip()
