from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ModerationConfig(AppConfig):
    name = "moderation"
    verbose_name = "Moderation"

    def ready(self) -> None:
        # Content apps may migrate after moderation: resync once every app has its permissions.
        post_migrate.connect(_sync_after_migrate, dispatch_uid="moderation-moderators-group")


def _sync_after_migrate(sender: AppConfig, **kwargs: object) -> None:
    # post_migrate fires once per app; the last app in INSTALLED_APPS is the one to wait for.
    from django.apps import apps

    last = list(apps.get_app_configs())[-1]
    if sender.name != last.name:
        return
    from .roles import moderators_group_sync

    moderators_group_sync()
