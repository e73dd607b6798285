from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self) -> None:
        from accounts.export import register_exporter
        from catalogue.treatment_content import treatment_content_register
        from core.public_pages_signals import public_models_register
        from core.search_registry import searchable_register
        from moderation import registry

        from . import notices, privacy, searchable, treatment_content
        from .models import Article, ArticleSuggestedQuestion, Comment
        from .services import comment_after_state_change

        registry.register(
            Comment,
            label="comment",
            url=lambda item: item.get_absolute_url(),
            after_state_change=lambda item: comment_after_state_change(comment=item),
            topic_field="article__topics",
        )
        register_exporter("articles", privacy.export_article_activity)
        notices.register()

        searchable_register(searchable.ARTICLE)
        searchable_register(searchable.COMMENT)
        public_models_register(Article)
        public_models_register(Comment)
        public_models_register(ArticleSuggestedQuestion)
        treatment_content_register(treatment_content.ARTICLES_ABOUT_TREATMENT)
