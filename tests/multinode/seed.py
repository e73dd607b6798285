"""What the multi-node test asks of the site's own code, run in a `manage.py shell` of the site
(never in the test process, whose Django talks to another database).

Each function prints one JSON line the test reads.
"""

import json
from datetime import timedelta
from typing import Any

from django.test import Client
from django.utils import timezone

from activities.feed import TEAM, feed_page
from activities.models import TeamLink
from newsletter import services as newsletter_services
from newsletter.models import Subscriber
from tests.factories import UserFactory
from tests.forum.factories import QuestionFactory
from tests.newsletter.factories import ArticleFactory


def _session(user: Any) -> str:
    """A logged-in session of the site's own engine (database and Redis), as after a log-in."""
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


def world(*, posters: int, mates: int, subscribers: int) -> str:
    """Two questions, their asker, a reader, a moderator; `posters` members each with a team of
    the same `mates`, whose home feeds are built; `subscribers` confirmed newsletter readers and
    a digest not yet handed to the workers. Members joined a month ago; all have sessions."""
    joined = timezone.now() - timedelta(days=30)

    def member(**extra: object) -> Any:
        return UserFactory.create(date_joined=joined, **extra)

    asker, reader = member(), member()
    moderator = member(is_staff=True, is_superuser=True)
    question = QuestionFactory.create(author=asker, title="Which cream helped your skin")
    doomed = QuestionFactory.create(author=asker, title="Question soon hidden by a moderator")
    team_posters = [member() for _ in range(posters)]
    team_mates = [member() for _ in range(mates)]
    TeamLink.objects.bulk_create(
        [TeamLink(member=p, mate=m) for p in team_posters for m in team_mates]
        + [TeamLink(member=m, mate=p) for p in team_posters for m in team_mates]
    )
    for mate in team_mates:
        feed_page(viewer=mate, tab=TEAM)  # her feed is built in Redis: fan-out adds to it
    Subscriber.objects.bulk_create(
        [
            Subscriber(
                email=f"reader{i}@example.org",
                state=Subscriber.State.CONFIRMED,
                confirmed_at=timezone.now(),
            )
            for i in range(subscribers)
        ]
    )
    ArticleFactory.create(title="Living well during treatment")
    send = newsletter_services.send_create_digest()
    return json.dumps(
        {
            "question": question.get_absolute_url(),
            "question_id": question.pk,
            "doomed": doomed.get_absolute_url(),
            "doomed_id": doomed.pk,
            "asker": _session(asker),
            "reader": _session(reader),
            "moderator": _session(moderator),
            "posters": [_session(p) for p in team_posters],
            "poster_ids": [p.pk for p in team_posters],
            "mates": [m.pk for m in team_mates],
            "send": send.pk,
        }
    )
