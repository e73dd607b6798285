from django.apps import AppConfig


class MailConfig(AppConfig):
    name = "core.mail"
    label = "mail"
    verbose_name = "Email outbox"
