"""Fill the embedded database with demo content; safe to run again (idempotent)."""

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from accounts import demo as accounts_demo
from activities import demo as activities_demo
from articles import demo as articles_demo
from conversations import demo as conversations_demo
from forum import demo as forum_demo
from moderation import demo as moderation_demo
from mybcteam import demo_catalogue, demo_notifications
from newsletter import demo as newsletter_demo
from treatments import demo as treatments_demo
from treatments import experience_demo


class Command(BaseCommand):
    help = "Create demo staff, members and content. Running it twice changes nothing."

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            demo_catalogue.seed()  # the migrations' rows, if a flushed database lost them
            logins = accounts_demo.seed()
            articles_demo.seed()
            forum_demo.seed()
            treatments_demo.seed()
            activities_demo.seed()
            conversations_demo.seed()
            experience_demo.seed()
            moderation_demo.seed()
            newsletter_demo.seed()
            demo_notifications.seed()
        self.stdout.write(self.style.SUCCESS("Demo content is ready. Log in with:"))
        for role, email in logins:
            self.stdout.write(f"  {role:<10} {email}  password: {accounts_demo.DEMO_PASSWORD}")
