"""Form fields shared by every app."""

from collections.abc import Iterable
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError

# The largest primary key any of our tables can hold (a signed 64-bit integer).
MAX_PK = 2**63 - 1


class BoundedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Reads an id no database could hold as "not a choice" instead of asking the database.

    Django passes the submitted ids straight to the lookup, and SQLite raises OverflowError
    (a 500) for an integer wider than 64 bits.
    """

    def _check_values(self, value: Any) -> Any:
        for pk in value:
            text = str(pk)
            if not (text.isascii() and text.isdigit()) or int(text) > MAX_PK:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": text[:20]},
                )
        return super()._check_values(value)  # type: ignore[misc]


# What a member reads when a field needs another try, in this community's words. Keyed by
# Django's error codes; "%(limit_value)d" and "%(show_value)d" are filled in by Django.
_REQUIRED_TEXT = "Please write something here."
_REQUIRED_CHOICE = "Please choose one."
_REQUIRED_CHOICES = "Please choose at least one."
_REQUIRED_TICK = "Please tick this box to go on."
COMMUNITY_MESSAGES: dict[str, str] = {
    "min_length": (
        "A little more, please: at least %(limit_value)d characters (so far %(show_value)d)."
    ),
    "max_length": (
        "Please shorten this to %(limit_value)d characters (it has %(show_value)d now). "
        "What you wrote is still here."
    ),
    "null_characters_not_allowed": (
        "This contains an invisible character we cannot store. Please retype it, or paste it "
        "again as plain text."
    ),
    "invalid_choice": "Please choose one of the options in the list.",
    "invalid_list": "Please choose from the options in the list.",
    "invalid_pk_value": "One of your choices is no longer on the list. Please choose again.",
    "min_value": "Please enter %(limit_value)s or more.",
    "max_value": "Please enter %(limit_value)s or less.",
    "step_size": "Please enter a whole number.",
    "max_digits": "Please enter a shorter number.",
    "max_decimal_places": "Please enter a shorter number.",
    "max_whole_digits": "Please enter a shorter number.",
    # File fields (the profile photo)
    "missing": "No file arrived. Please choose the file again.",
    "empty": "That file is empty. Please choose another one.",
    "contradiction": "Please either choose a new file or remove the current one, not both.",
}
_INVALID_BY_FIELD: tuple[tuple[type[forms.Field], str], ...] = (
    (
        forms.EmailField,
        "That does not look like an email address. It should look like name@example.com.",
    ),
    (forms.URLField, "Please enter a full web address, starting with https://"),
    (forms.FileField, "That is not a file we can read. Please choose it again."),
    (forms.IntegerField, "Please enter a whole number, using digits only."),
    (forms.DecimalField, "Please enter a number, using digits only."),
    (forms.FloatField, "Please enter a number, using digits only."),
    (forms.DateTimeField, "Please enter a date and time, like 2026-03-31 14:30."),
    (forms.DateField, "Please enter a date, like 2026-03-31."),
    (forms.TimeField, "Please enter a time, like 14:30."),
)


def _django_defaults(field: forms.Field) -> set[str]:
    """Every message Django itself would show for this field: its classes' and validators'."""
    defaults = {
        str(message)
        for cls in type(field).__mro__
        for message in getattr(cls, "default_error_messages", {}).values()
    }
    defaults.update(
        str(message)
        for validator in field.validators
        if (message := getattr(type(validator), "message", None)) is not None
    )
    return defaults


def _required_text(field: forms.Field) -> str:
    if isinstance(field, forms.BooleanField):
        return _REQUIRED_TICK
    if isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
        return _REQUIRED_CHOICES
    if isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
        return _REQUIRED_CHOICE
    return _REQUIRED_TEXT


def community_messages_apply(field: forms.Field, *, empty_choice_label: str) -> None:
    """Give one field this community's words wherever it still has Django's own.

    A message the form wrote itself is kept. Validators' messages are covered too: Django
    shows `field.error_messages[code]` in place of a validator's message with that code.
    """
    defaults = _django_defaults(field)
    wanted = dict(COMMUNITY_MESSAGES)
    wanted["required"] = _required_text(field)
    wanted["invalid"] = next(
        (text for kind, text in _INVALID_BY_FIELD if isinstance(field, kind)),
        "Please check this: it is not in a form we can read.",
    )
    codes = set(field.error_messages) | {
        code for validator in field.validators if (code := getattr(validator, "code", None))
    }
    for code in codes:
        current = field.error_messages.get(code)
        if code in wanted and (current is None or str(current) in defaults):
            field.error_messages[code] = wanted[code]
    _empty_choice_relabel(field, empty_choice_label)


def _empty_choice_relabel(field: forms.Field, label: str) -> None:
    # Django's "---------" for "nothing chosen" (a model field with blank=True, or a model
    # choice field's default empty_label).
    if isinstance(field, forms.ModelChoiceField):
        if field.empty_label == "---------":
            field.empty_label = label
    elif isinstance(field, forms.ChoiceField) and not isinstance(field, forms.MultipleChoiceField):
        choices: list[Any] = list(cast(Iterable[Any], field.choices))
        if any(value == "" and text == "---------" for value, text in choices):
            field.choices = [
                (value, label if value == "" and text == "---------" else text)
                for value, text in choices
            ]


def long_text_limit_soften(field: forms.Field) -> None:
    """A text box says its limit instead of enforcing it in the browser.

    A browser cuts pasted text at `maxlength` without a word; so a textarea carries
    `data-maxlength` instead, which static/js/char-count.js turns into a live count, and the
    server's message (COMMUNITY_MESSAGES["max_length"]) keeps the text when it is too long.
    """
    attrs = field.widget.attrs
    if isinstance(field.widget, forms.Textarea) and "maxlength" in attrs:
        attrs["data-maxlength"] = attrs.pop("maxlength")


class CommunityFormMixin:
    """Every member-facing form speaks the community's words, the same way everywhere.

    Labels end without Django's colon, an empty select says what choosing nothing means
    (`empty_choice_label`, per form), every message Django would write itself is replaced
    by one from COMMUNITY_MESSAGES (forms keep their own field-specific ones), and long text
    boxes count characters instead of cutting a paste short.
    """

    empty_choice_label = "Choose one"
    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            community_messages_apply(field, empty_choice_label=self.empty_choice_label)
            long_text_limit_soften(field)


class CommunityForm(CommunityFormMixin, forms.Form):
    """The base of every member-facing form."""


class CommunityModelForm(CommunityFormMixin, forms.ModelForm):
    """The base of every member-facing model form."""
