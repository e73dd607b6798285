from django.apps import AppConfig


class ForumConfig(AppConfig):
    name = "forum"
    verbose_name = "Questions and answers"

    def ready(self) -> None:
        from accounts.erasure import register_eraser
        from accounts.export import register_exporter
        from catalogue.treatment_content import treatment_content_register
        from core.public_pages_signals import public_models_register
        from core.search_registry import searchable_register
        from core.team_feed_registry import team_feed_source_register
        from moderation import registry

        from . import notices, privacy, searchable, team_feed, treatment_content
        from .models import Answer, Question
        from .services import answer_state_changed, question_state_changed

        notices.register()
        register_exporter("forum_questions", privacy.export_questions)
        register_exporter("forum_answers", privacy.export_answers)
        register_exporter("forum_activity", privacy.export_activity)
        register_eraser("forum", privacy.erase_member)

        registry.register(
            Question,
            label="question",
            url=lambda item: item.get_absolute_url(),
            after_state_change=question_state_changed,
            topic_field="topics",
            anonymous_field="is_anonymous",
        )
        registry.register(
            Answer,
            label="answer",
            url=lambda item: item.get_absolute_url(),
            after_state_change=answer_state_changed,
            topic_field="question__topics",
            anonymous_field="is_anonymous",
        )

        searchable_register(searchable.QUESTION)
        searchable_register(searchable.ANSWER)
        public_models_register(Question)
        public_models_register(Answer)
        treatment_content_register(treatment_content.QUESTIONS_ABOUT_TREATMENT)
        team_feed_source_register(team_feed.QUESTIONS)
        team_feed_source_register(team_feed.ANSWERS)
