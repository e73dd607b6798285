from django.apps import AppConfig


class MailConfig(AppConfig):
    name = "mybcteam.mail"
    label = "mail"
    verbose_name = "Email outbox"
