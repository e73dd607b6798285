"""Demo notifications for the demo member: a few hugs on her latest update and a comment that
mentions her, made through the real services so the bell, the page and the grouping show as a
member would see them. Idempotent: hugs count once, the comment is written once."""

from accounts.models import User
from activities.models import Update, UpdateComment
from activities.services import update_hug_set
from activities.services.comments import update_comment_create

DEMO_MEMBER_EMAIL = "hopefulheron@demo.mybcteam.example"
DEMO_DOMAIN = "@demo.mybcteam.example"
HUGGERS = 4


def seed() -> None:
    member = User.objects.filter(email=DEMO_MEMBER_EMAIL).first()
    update = Update.objects.filter(author=member).order_by("-created_at", "-id").first()
    if member is None or update is None:
        return
    others = list(
        User.objects.filter(email__endswith=DEMO_DOMAIN, is_staff=False, is_active=True)
        .exclude(pk=member.pk)
        .order_by("pk")[:HUGGERS]
    )
    for other in others:
        update_hug_set(member=other, target=update, hugged=True)
    if not others:
        return
    writer = others[0]
    mention = f"@{member.handle}"
    if not UpdateComment.objects.filter(
        update=update, author=writer, body__contains=mention
    ).exists():
        update_comment_create(
            update=update,
            author=writer,
            body=f"{mention} I had the same worry before my second cycle. Message me any time.",
        )
