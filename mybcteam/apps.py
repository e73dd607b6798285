from django.apps import AppConfig


class MyBCTeamConfig(AppConfig):
    name = "mybcteam"
    verbose_name = "MyBCTeam"

    def ready(self) -> None:
        from .shared_render import connect_people_signals

        connect_people_signals()
