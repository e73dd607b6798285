"""activities.card_cache: an update card is rendered once and shared, and never carries one
member's state to another, nor outlives a change to what it shows."""

import pytest
from django.core.cache import cache
from django.utils import timezone

from accounts.blocks import member_block
from activities.models import Update, UpdateHug
from core.page_cache import csrf_placeholder
from moderation.models import ModerationState
from tests.factories import UserFactory

from .factories import UpdateFactory, team_link


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def _activities(client, member, author) -> str:
    client.force_login(member)
    return client.get(f"/members/{author.handle}/activities/").content.decode()


def _card(html: str, update: Update) -> str:
    start = html.index(f'id="update-{update.pk}"')
    return html[start : html.index("</article>", start)]


def test_cards_fill_shows_each_member_her_own_hug_and_token(client, author, mate):
    other = UserFactory.create()
    update = UpdateFactory.create(author=author)
    UpdateHug.objects.create(update=update, member=mate)
    Update.objects.filter(pk=update.pk).update(hug_count=1)

    first = _card(_activities(client, other, author), update)
    hugged = _card(_activities(client, mate, author), update)
    again = _card(_activities(client, other, author), update)

    assert 'aria-pressed="false"' in first
    assert 'aria-pressed="false"' in again
    assert 'aria-pressed="true"' in hugged
    page = _activities(client, other, author)
    assert csrf_placeholder() not in page
    assert 'name="csrfmiddlewaretoken"' in _card(page, update)


def test_cards_fill_serves_a_stored_card_to_the_next_member(client, author, mate, monkeypatch):
    update = UpdateFactory.create(author=author)
    _activities(client, mate, author)
    rendered: list[str] = []
    import activities.card_cache as card_cache

    original = card_cache.render_to_string

    def counting(template_name, *args, **kwargs):
        rendered.append(template_name)
        return original(template_name, *args, **kwargs)

    monkeypatch.setattr(card_cache, "render_to_string", counting)

    html = _activities(client, UserFactory.create(), author)

    assert rendered == []
    assert f'id="update-{update.pk}"' in html


def test_cards_fill_shows_an_edit_and_a_new_name_at_once(client, author, mate):
    update = UpdateFactory.create(author=author, body="Before", body_html="<p>Before</p>")
    assert "Before" in _activities(client, mate, author)

    Update.objects.filter(pk=update.pk).update(
        body="After", body_html="<p>After</p>", edited_at=timezone.now()
    )
    author.display_name = "Renamed Rosa"
    author.save(update_fields=["display_name"])
    html = _activities(client, mate, author)

    assert "After" in html
    assert "Before" not in html
    assert "Renamed Rosa" in _card(html, update)


def test_cards_fill_never_shows_a_hidden_update_or_one_across_a_block(client, author, mate):
    hidden = UpdateFactory.create(author=author, body="Soon hidden", body_html="<p>Soon hidden</p>")
    kept = UpdateFactory.create(author=author)
    reader = UserFactory.create()
    team_link(reader, UserFactory.create())
    assert "Soon hidden" in _activities(client, mate, author)
    assert f'id="update-{kept.pk}"' in _activities(client, reader, author)

    Update.objects.filter(pk=hidden.pk).update(
        moderation_state=ModerationState.HIDDEN, moderated_at=timezone.now()
    )
    member_block(blocker=author, blocked=reader)

    assert "Soon hidden" not in _activities(client, mate, author)
    client.force_login(reader)
    assert client.get(f"/members/{author.handle}/activities/").status_code == 404
    client.force_login(reader)
    assert f"update-{kept.pk}" not in client.get("/activities/?tab=everyone").content.decode()


def test_cards_fill_leaves_her_own_cards_to_her_alone(client, author, mate):
    update = UpdateFactory.create(author=author)
    _activities(client, mate, author)  # stores the shared card, with its report link

    own = _card(_activities(client, author, author), update)

    assert "link-report" not in own
    assert "link-report" in _card(_activities(client, mate, author), update)


def test_cards_fill_shows_a_team_question_as_it_is_now(client, author, mate):
    from forum.models import Question
    from tests.forum.factories import QuestionFactory

    question = QuestionFactory.create(author=author, title="Cold caps: worth it?")
    client.force_login(mate)
    assert "0 answers" in client.get("/activities/").content.decode()

    Question.objects.filter(pk=question.pk).update(answer_count=2)
    assert "2 answers" in client.get("/activities/").content.decode()

    Question.objects.filter(pk=question.pk).update(moderation_state=ModerationState.HIDDEN)
    assert "Cold caps" not in client.get("/activities/").content.decode()
