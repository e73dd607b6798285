from django.apps import AppConfig


class TreatmentsConfig(AppConfig):
    name = "treatments"
    verbose_name = "Treatments"

    def ready(self) -> None:
        from accounts.erasure import register_eraser
        from accounts.export import register_exporter
        from core.public_pages_signals import public_models_register
        from core.search_registry import searchable_register

        from . import privacy, searchable
        from .models import GuideReference, SuggestedQuestion, TreatmentFigures, TreatmentGuide

        register_exporter("care_team_questions", privacy.export_care_questions)
        register_eraser("care_team_questions", privacy.erase_care_questions)

        searchable_register(searchable.GUIDE)
        # What the public treatment pages show: a change makes every cached copy stale.
        public_models_register(TreatmentGuide)
        public_models_register(GuideReference)
        public_models_register(SuggestedQuestion)
        public_models_register(TreatmentFigures)

        from .experience_registry import experiences_register

        experiences_register()
