from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = "Notifications"

    def ready(self) -> None:
        from accounts.erasure import register_eraser
        from accounts.export import register_exporter
        from accounts.joined import register_joined_listener
        from moderation.registry import outcome_listener_register

        from . import kinds, privacy

        kinds.register_own()
        register_joined_listener("notifications", kinds.welcome_on_join)
        outcome_listener_register(kinds.moderation_outcome)
        register_exporter("notifications", privacy.export_notifications)
        register_eraser("notifications", privacy.erase_notifications)
