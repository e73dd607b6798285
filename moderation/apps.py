from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ModerationConfig(AppConfig):
    name = "moderation"
    verbose_name = "Moderation"

    def ready(self) -> None:
        # Content apps may migrate after moderation: resync whenever an app has migrated, so
        # the group ends exact once every app's permissions exist (a few queries each time).
        post_migrate.connect(_sync_after_migrate, dispatch_uid="moderation-moderators-group")


def _sync_after_migrate(sender: AppConfig, **kwargs: object) -> None:
    from .roles import moderators_group_sync

    moderators_group_sync()
