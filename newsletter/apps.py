from django.apps import AppConfig


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = "Newsletter and digests"

    def ready(self) -> None:
        from accounts.erasure import register_eraser
        from accounts.export import register_exporter

        from . import privacy, webhooks  # noqa: F401  (webhooks connects the anymail receiver)

        register_exporter("newsletter", privacy.export_subscription)
        register_eraser("newsletter", privacy.erase_subscription)
