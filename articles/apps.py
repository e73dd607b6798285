from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self) -> None:
        from moderation import registry

        from .models import Comment
        from .services import comment_after_state_change

        registry.register(
            Comment,
            label="comment",
            url=lambda item: item.get_absolute_url(),
            after_state_change=lambda item: comment_after_state_change(comment=item),
            topic_field="article__topics",
        )
        from django.conf import settings
        from django.db.models.signals import post_save

        post_save.connect(
            _member_names_may_have_changed,
            sender=settings.AUTH_USER_MODEL,
            dispatch_uid="articles.thread_cache.member_names",
        )


# The fields a comment thread shows of its authors (name, profile address, erasure).
_SHOWN_USER_FIELDS = frozenset({"display_name", "handle", "erased_at"})


def _member_names_may_have_changed(
    sender: object,
    created: bool = False,
    update_fields: frozenset[str] | None = None,
    **kwargs: object,
) -> None:
    if created:  # a new member has written nothing yet
        return
    if update_fields is None or _SHOWN_USER_FIELDS & set(update_fields):
        from .thread_cache import member_names_changed

        member_names_changed()
