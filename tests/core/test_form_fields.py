"""core.form_fields: every member-facing form speaks the community's words, one way for all."""

import inspect
from types import ModuleType

import pytest
from django import forms

import accounts.forms
import activities.forms
import articles.forms
import forum.forms
import moderation.forms
import newsletter.forms
import treatments.forms
from core.form_fields import CommunityForm, CommunityFormMixin, community_messages_apply
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

FORM_MODULES: tuple[ModuleType, ...] = (
    accounts.forms,
    activities.forms,
    articles.forms,
    forum.forms,
    moderation.forms,
    newsletter.forms,
    treatments.forms,
)


def _member_forms() -> list[type[forms.BaseForm]]:
    found = []
    for module in FORM_MODULES:
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__:
                found.append(cls)
    return found


def _django_default_messages() -> set[str]:
    """Every message Django's form fields and core validators write by themselves."""
    from django.core import validators

    messages = {
        str(message)
        for cls in vars(forms.fields).values()
        if isinstance(cls, type) and issubclass(cls, forms.Field)
        for message in getattr(cls, "default_error_messages", {}).values()
    }
    for cls in (*vars(forms.models).values(), *vars(validators).values()):
        if not isinstance(cls, type):
            continue
        messages.update(str(m) for m in getattr(cls, "default_error_messages", {}).values())
        if (message := getattr(cls, "message", None)) is not None:
            messages.add(str(message))  # often a lazy translation, not yet a str
    return messages


def test_django_default_messages_are_known_to_the_check():
    defaults = _django_default_messages()

    assert {"This field is required.", "Null characters are not allowed."} <= defaults


def _instantiate(form_class: type[forms.BaseForm]) -> forms.BaseForm:
    if form_class is accounts.forms.AccountDeleteForm:
        return form_class(user=UserFactory.create())
    return form_class()


@pytest.mark.parametrize("form_class", _member_forms(), ids=lambda cls: cls.__qualname__)
def test_community_form_mixin_is_the_base_of_every_member_facing_form(form_class):
    assert issubclass(form_class, CommunityFormMixin)


@pytest.mark.parametrize("form_class", _member_forms(), ids=lambda cls: cls.__qualname__)
def test_community_form_mixin_leaves_no_django_default_copy(form_class):
    form = _instantiate(form_class)
    defaults = _django_default_messages()

    leftovers = {
        f"{name}.{code}": str(message)
        for name, field in form.fields.items()
        for code, message in field.error_messages.items()
        if str(message) in defaults
    }
    # A validator's own message shows unless the field names one for its code.
    uncovered = {
        f"{name}.{code}"
        for name, field in form.fields.items()
        for validator in field.validators
        if (code := getattr(validator, "code", None)) and code not in field.error_messages
    }
    html = str(form)

    assert leftovers == {}
    assert uncovered == set()
    assert "---------" not in html
    assert form.label_suffix == ""


def test_community_messages_apply_covers_validator_codes_and_keeps_the_forms_own():
    field = forms.CharField(
        min_length=10, max_length=20, error_messages={"required": "Tell us your name."}
    )

    community_messages_apply(field, empty_choice_label="Choose one")

    with pytest.raises(forms.ValidationError) as short:
        field.clean("a")
    with pytest.raises(forms.ValidationError) as empty:
        field.clean("")
    assert short.value.messages == ["A little more, please: at least 10 characters (so far 1)."]
    assert empty.value.messages == ["Tell us your name."]


def test_community_form_names_the_empty_choice_in_words():
    class Example(CommunityForm):
        empty_choice_label = "Prefer not to say"
        stage = forms.ChoiceField(choices=[("", "---------"), ("1", "Stage I")], required=False)

    html = str(Example()["stage"])

    assert '<option value="" selected>Prefer not to say</option>' in html


def test_long_text_limit_soften_moves_the_textarea_limit_to_the_counter():
    class Example(CommunityForm):
        story = forms.CharField(max_length=1000, widget=forms.Textarea)
        name = forms.CharField(max_length=40)

    form = Example()

    assert 'data-maxlength="1000"' in str(form["story"])
    assert " maxlength=" not in str(form["story"])
    assert 'maxlength="40"' in str(form["name"])  # a one-line field keeps the browser's limit
