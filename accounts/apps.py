from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Members"

    def ready(self) -> None:
        from .bio_moderation import bio_register
        from .people_version import people_version_signals_connect

        bio_register()
        people_version_signals_connect()
