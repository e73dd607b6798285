from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    # Not "messages": that label belongs to django.contrib.messages. The URLs say /messages/.
    name = "conversations"
    label = "conversations"
    verbose_name = "Private messages"

    def ready(self) -> None:
        from accounts.erasure import register_eraser
        from accounts.export import register_exporter
        from moderation import registry

        from . import notices, privacy
        from .models import Message
        from .moderation_hooks import message_after_state_change, message_review_url
        from .selectors import message_visible_to

        registry.register(
            Message,
            label="message",
            url=message_review_url,
            after_state_change=message_after_state_change,
            visible_to=message_visible_to,
            private=True,
        )
        notices.register()
        register_exporter("messages", privacy.export_messages)
        register_eraser("messages", privacy.erase_messages)
