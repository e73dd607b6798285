"""Demo reports and holds so the moderators' queue has something in it. Idempotent.

Works through the registry and the content already seeded by the content apps; if the
articles demo has no comment promoting a diet-only "cure" (as on the reference page), it adds
one through the registered comment model, deciding its state as every posting path does: the
harmful-claim rule holds it, so it waits in "posts waiting for review" instead of being read.
"""

from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from core.markdown import render_member_markdown

from .models import ModerationState, ReportReason
from .policy import moderation_decide
from .registry import moderated_type_for_label
from .services import content_after_create, report_create

DIET_CURE_COMMENT = (
    "Honestly you can skip the infusions. A friend's cousin turned down surgery and every drug, "
    "ate only raw vegetables and juice for a year, and the tumour was simply gone. Read up on "
    "the all-natural diet plan before you let them put chemo in you."
)


def _demo_members() -> list[Any]:
    return list(
        get_user_model()
        .objects.filter(
            email__endswith="@demo.mybcteam.example",
            is_staff=False,
            is_active=True,
            erased_at__isnull=True,
        )
        .order_by("email")[:6]
    )


def _diet_comment(author: Any) -> Any | None:
    """The demo comment promoting a cure by diet alone, created once on a published article."""
    comment_type = moderated_type_for_label("comment")
    if comment_type is None:
        return None
    model: Any = comment_type.model
    existing = model._default_manager.filter(body=DIET_CURE_COMMENT).first()
    if existing is not None:
        return existing
    article_model = model._meta.get_field("article").related_model
    article = (
        article_model._default_manager.filter(slug__icontains="her2").order_by("pk").first()
        or article_model._default_manager.order_by("pk").first()
    )
    if article is None:
        return None
    decision = moderation_decide(author=author, text=DIET_CURE_COMMENT)
    comment = model._default_manager.create(
        article=article,
        author=author,
        body=DIET_CURE_COMMENT,
        body_html=render_member_markdown(DIET_CURE_COMMENT),
        created_at=timezone.now(),
        moderation_state=decision.state,
    )
    content_after_create(item=comment, held_reason=decision.held_reason)
    if comment_type.after_state_change is not None:
        comment_type.after_state_change(comment)
    return comment


def _first(label: str, *, exclude_author_ids: set[int]) -> Any | None:
    moderated_type = moderated_type_for_label(label)
    if moderated_type is None:
        return None
    return (
        moderated_type.model._default_manager.filter(moderation_state="visible")
        .exclude(**{f"{moderated_type.author_field}__in": exclude_author_ids})
        .order_by("pk")
        .first()
    )


def seed() -> int:
    """Add a few open reports (below the auto-hide threshold); returns how many were new."""
    members = _demo_members()
    if len(members) < 4:
        return 0
    author, *reporters = members
    added = 0
    planned: list[tuple[Any, Any, str, str]] = []
    comment = _diet_comment(author)
    # Members cannot see, so cannot report, a comment the harmful-claim rule held.
    if comment is not None and comment.moderation_state == ModerationState.VISIBLE:
        planned += [
            (
                reporters[0],
                comment,
                ReportReason.MISINFORMATION,
                "Tells people to skip surgery and chemo for a juice diet.",
            ),
            (reporters[1], comment, ReportReason.MISINFORMATION, ""),
        ]
    reporter_ids = {member.pk for member in reporters}
    answer = _first("answer", exclude_author_ids=reporter_ids)
    if answer is not None:
        planned.append(
            (reporters[2], answer, ReportReason.HARASSMENT, "Felt dismissive of the asker.")
        )
    question = _first("question", exclude_author_ids=reporter_ids)
    if question is not None:
        planned.append((reporters[0], question, ReportReason.OTHER, "Might be in the wrong topic."))
    for reporter, item, reason, note in planned:
        _, created = report_create(reporter=reporter, item=item, reason=reason, note=note)
        added += int(created)
    return added
