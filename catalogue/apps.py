from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    name = "catalogue"
    verbose_name = "Topics and treatments"

    def ready(self) -> None:
        from core.public_pages_signals import public_models_register

        from .models import Topic, Treatment

        # Topic pages, article filters and treatment names are shown to visitors.
        public_models_register(Topic)
        public_models_register(Treatment)
