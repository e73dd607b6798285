from django.apps import AppConfig


class MyBCTeamConfig(AppConfig):
    name = "mybcteam"
    verbose_name = "MyBCTeam"
