from django.apps import AppConfig


class ForumConfig(AppConfig):
    name = "forum"
    verbose_name = "Questions and answers"

    def ready(self) -> None:
        from moderation import registry

        from .models import Answer, Question
        from .services import question_recount

        registry.register(
            Question,
            label="question",
            url=lambda item: item.get_absolute_url(),
            after_state_change=lambda item: question_recount(question_id=item.pk),
        )
        registry.register(
            Answer,
            label="answer",
            url=lambda item: item.get_absolute_url(),
            after_state_change=lambda item: question_recount(question_id=item.question_id),
        )
