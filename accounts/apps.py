from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Members"

    def ready(self) -> None:
        from moderation.registry import register_pair_notes

        from .bio_moderation import bio_register
        from .blocks import block_notes_for_case
        from .people_version import people_version_signals_connect

        bio_register()
        people_version_signals_connect()
        register_pair_notes(block_notes_for_case)
