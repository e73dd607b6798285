from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from .public_pages_signals import public_pages_signals_connect

        public_pages_signals_connect()
