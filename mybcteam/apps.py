from django.apps import AppConfig


class MyBCTeamConfig(AppConfig):
    name = "mybcteam"
    verbose_name = "MyBCTeam"

    def ready(self) -> None:
        from .public_pages_signals import public_pages_signals_connect
        from .shared_render import connect_people_signals

        public_pages_signals_connect()
        connect_people_signals()
