from django.apps import AppConfig


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = "Newsletter and digests"

    def ready(self) -> None:
        from accounts.erasure import register_eraser
        from accounts.export import register_exporter
        from core.mail.discretion import discreet_lookup_register

        from . import privacy, webhooks  # noqa: F401  (webhooks connects the anymail receiver)

        register_exporter("newsletter", privacy.export_subscription)
        register_eraser("newsletter", privacy.erase_subscription)
        discreet_lookup_register("newsletter", privacy.subscriber_is_discreet)
