from django.apps import AppConfig


class ActivitiesConfig(AppConfig):
    name = "activities"
    verbose_name = "Activities"

    def ready(self) -> None:
        from accounts.blocks import register_block_listener
        from accounts.erasure import register_eraser
        from accounts.export import register_exporter
        from core.search_registry import searchable_register
        from core.team_feed_registry import team_post_listener_register
        from moderation import registry

        from . import notices, privacy, searchable
        from .models import Update, UpdateComment
        from .selectors import update_comment_get_visible, update_get_visible
        from .services import (
            team_block_changed,
            update_after_state_change,
            update_comment_after_state_change,
        )
        from .team_posts import team_post_published

        registry.register(
            Update,
            label="update",
            url=lambda item: item.get_absolute_url(),
            after_state_change=lambda item: update_after_state_change(update=item),
            visible_to=lambda item, viewer: (
                update_get_visible(viewer=viewer, pk=item.pk) is not None
            ),
        )
        registry.register(
            UpdateComment,
            label="update-comment",
            url=lambda item: item.get_absolute_url(),
            after_state_change=lambda item: update_comment_after_state_change(comment=item),
            visible_to=lambda item, viewer: (
                update_comment_get_visible(viewer=viewer, pk=item.pk) is not None
            ),
        )
        register_exporter("activities", privacy.export_activities)
        register_eraser("activities", privacy.erase_activities)
        register_block_listener("activities", team_block_changed)
        team_post_listener_register("activities", team_post_published)
        notices.register()
        searchable_register(searchable.UPDATE)
        searchable_register(searchable.UPDATE_COMMENT)
