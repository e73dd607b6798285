from django.apps import AppConfig


class MyBCTeamConfig(AppConfig):
    name = "mybcteam"
    verbose_name = "MyBCTeam"

    def ready(self) -> None:
        from .public_pages_signals import public_pages_signals_connect

        public_pages_signals_connect()
