from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from moderation.roles import moderators_group_sync


class Command(BaseCommand):
    help = "Make an existing member a moderator: staff access and the Moderators group."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email", help="The member's login email address.")

    def handle(self, *args: Any, **options: Any) -> None:
        email = str(options["email"]).strip().lower()
        user = get_user_model().objects.filter(email__iexact=email).first()
        if user is None:
            raise CommandError(f"No member with the email {email}. They must sign up first.")
        if not user.is_active:
            raise CommandError(f"{email} is deactivated (banned); reactivate them first.")
        group = moderators_group_sync()
        user.is_staff = True
        user.save(update_fields=["is_staff"])
        user.groups.add(group)
        self.stdout.write(
            self.style.SUCCESS(
                f"{user.public_name} ({email}) is now a moderator. Staff need two-factor "
                "authentication for admin when STAFF_REQUIRE_2FA is on."
            )
        )
