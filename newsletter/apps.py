from django.apps import AppConfig


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = "Newsletter and digests"

    def ready(self) -> None:
        from . import webhooks  # noqa: F401  (connects the anymail tracking receiver)
