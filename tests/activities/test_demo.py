from accounts import demo as accounts_demo
from accounts.models import Block
from activities import demo
from activities.models import Audience, TeamLink, TeamRequest, Update, UpdateHug


def test_demo_seed_is_idempotent_and_gives_teams_updates_comments_hugs_and_a_block(db):
    accounts_demo.seed()

    first = demo.seed()
    second = demo.seed()

    assert first == len(demo.UPDATES)
    assert second == 0
    assert TeamLink.objects.count() == 2 * len(demo.TEAMS)
    assert TeamRequest.objects.count() == len(demo.PENDING_REQUESTS)
    assert Block.objects.count() == len(demo.BLOCKS)
    assert Update.objects.filter(audience=Audience.TEAM).exists()
    assert not Update.objects.filter(comment_count=0).exists()
    assert Update.objects.filter(hug_count__gt=0).count() == Update.objects.count()
    assert UpdateHug.objects.count() == sum(u.hug_count for u in Update.objects.all())
