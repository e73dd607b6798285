"""Form fields shared by every app."""

from typing import Any

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
