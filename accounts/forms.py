from django import forms


class SignupExtraForm(forms.Form):
    """Fields allauth's sign-up form gains: a pseudonymous display name, never a real name."""

    display_name = forms.CharField(
        max_length=40,
        min_length=2,
        help_text="Shown to other members. Please do not use your real name.",
    )

    def signup(self, request: object, user: object) -> None:
        """Required by allauth; the adapter's save_user already stored the display name."""
