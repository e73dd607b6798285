"""Re-encrypt every message body under the newest key in MESSAGES_ENCRYPTION_KEYS.

Run after putting a new key first in the list; old keys keep decrypting meanwhile, so members
read everything throughout. When it reports 0 left, the old key can leave the list.
"""

from typing import Any

from django.core.management.base import BaseCommand

from conversations.services import messages_rekey


class Command(BaseCommand):
    help = "Re-encrypt message bodies with the newest MESSAGES_ENCRYPTION_KEYS key."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args: Any, batch_size: int, **options: Any) -> None:
        rewritten = messages_rekey(batch_size=batch_size)
        self.stdout.write(f"Re-encrypted {rewritten} messages; 0 left under older keys.")
