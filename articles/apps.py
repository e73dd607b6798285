from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self) -> None:
        from accounts.export import register_exporter
        from moderation import registry

        from . import privacy
        from .models import Comment
        from .services import comment_after_state_change

        registry.register(
            Comment,
            label="comment",
            url=lambda item: item.get_absolute_url(),
            after_state_change=lambda item: comment_after_state_change(comment=item),
            topic_field="article__topics",
        )
        register_exporter("articles", privacy.export_article_activity)
