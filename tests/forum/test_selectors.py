from datetime import timedelta

from django.utils import timezone

from catalogue.models import Treatment
from forum import selectors
from moderation.models import ModerationState
from tests.factories import TopicFactory, UserFactory

from .factories import AnswerFactory, QuestionFactory, answers_fill_first_page


def _walk(tab, insert_between=None):
    seen, cursor, pages = [], None, 0
    while True:
        page = selectors.question_list(tab=tab, cursor=cursor)
        seen += [q.pk for q in page.items]
        pages += 1
        if insert_between:
            insert_between()
        if not page.next_cursor:
            return seen, pages
        cursor = page.next_cursor


def test_question_list_keyset_no_loss_or_repeat_while_inserting(db):
    # given 45 questions, several sharing one timestamp (ties broken by id)
    moment = timezone.now() - timedelta(hours=1)
    originals = [
        QuestionFactory.create(last_activity_at=moment - timedelta(minutes=i // 3))
        for i in range(45)
    ]

    # when new questions arrive between every page load
    seen, pages = _walk("recent", insert_between=lambda: QuestionFactory.create())

    # then every original question is seen exactly once, and no page repeats one
    assert pages == 3
    assert len(seen) == len(set(seen))
    assert {q.pk for q in originals} <= set(seen)


def test_question_list_unanswered_keyset_while_inserting(db):
    originals = [QuestionFactory.create() for _ in range(25)]
    AnswerFactory.create(question=originals[0])

    seen, _ = _walk("unanswered", insert_between=lambda: QuestionFactory.create())

    assert len(seen) == len(set(seen))
    assert {q.pk for q in originals[1:]} <= set(seen)
    assert originals[0].pk not in seen


def test_question_list_bad_cursor_gives_first_page(db):
    QuestionFactory.create()

    page = selectors.question_list(tab="recent", cursor="not-a-cursor!!")

    assert len(page.items) == 1


def test_question_list_popular_orders_by_hugs_and_answers_in_30_days(db):
    old = QuestionFactory.create(hug_count=50, last_activity_at=timezone.now() - timedelta(days=40))
    quiet = QuestionFactory.create(hug_count=1)
    busy = QuestionFactory.create(hug_count=3, answer_count=4)

    page = selectors.question_list(tab="popular")

    assert [q.pk for q in page.items] == [busy.pk, quiet.pk]
    assert old.pk not in [q.pk for q in page.items]


def test_question_list_hides_pending_hidden_removed(db):
    visible = QuestionFactory.create()
    for state in (ModerationState.PENDING, ModerationState.HIDDEN, ModerationState.REMOVED):
        QuestionFactory.create(moderation_state=state)

    page = selectors.question_list()

    assert [q.pk for q in page.items] == [visible.pk]


def test_question_list_topic_filter(db):
    topic = TopicFactory.create()
    inside = QuestionFactory.create(topics=[topic])
    QuestionFactory.create()

    page = selectors.question_list(topic=topic)

    assert [q.pk for q in page.items] == [inside.pk]


def test_latest_questions_for_topics_newest_first_without_duplicates(db):
    a, b = TopicFactory.create(), TopicFactory.create()
    first = QuestionFactory.create(topics=[a, b])
    second = QuestionFactory.create(topics=[b])
    QuestionFactory.create(topics=[TopicFactory.create()])

    found = selectors.latest_questions_for_topics(topics=[a, b], limit=6)

    assert [q.pk for q in found] == [second.pk, first.pk]


def test_question_list_active_since_public_fields_only(db):
    QuestionFactory.create(last_activity_at=timezone.now() - timedelta(days=10))
    recent = QuestionFactory.create(answer_count=2)

    rows = selectors.question_list_active_since(since=timezone.now() - timedelta(days=7))

    assert rows == [{"title": recent.title, "url": recent.get_absolute_url(), "answer_count": 2}]


def test_author_facts_respect_profile_visibility(db):
    user = UserFactory.create()
    profile = user.profile
    profile.role, profile.role_visibility = "living_with", "members"
    profile.her2_status, profile.her2_status_visibility = "positive", "me"
    profile.stage, profile.stage_visibility = "2", "members"
    profile.treatments_visibility = "members"
    profile.save()
    profile.current_treatments.add(Treatment.objects.get(slug="tchp"))

    facts = selectors.author_facts(author=user)

    assert facts.role == "Living with breast cancer"
    assert facts.her2 == ""
    assert facts.stage == "Stage II"
    assert facts.treatments == ["TCHP"]


def _with_her2(status, visibility="members", treatment=None):
    user = UserFactory.create()
    user.profile.her2_status = status
    user.profile.her2_status_visibility = visibility
    user.profile.treatments_visibility = "members"
    user.profile.save()
    if treatment:
        user.profile.past_treatments.add(treatment)
    return user


def test_answer_listing_filters_like_me_by_her2_and_treatment(question):
    reader = _with_her2("positive", visibility="me")
    herceptin = Treatment.objects.get(slug="trastuzumab")
    same = AnswerFactory.create(question=question, author=_with_her2("positive"))
    AnswerFactory.create(question=question, author=_with_her2("positive", visibility="me"))
    AnswerFactory.create(question=question, author=_with_her2("negative", treatment=herceptin))
    AnswerFactory.create(question=question, author=_with_her2("positive"), is_anonymous=True)

    her2 = selectors.answer_listing(question=question, viewer=reader, like="her2")
    treated = selectors.answer_listing(question=question, viewer=reader, treatment=herceptin)

    assert [t.answer.pk for t in her2.threads] == [same.pk]
    assert len(treated.threads) == 1
    assert treated.threads[0].answer.author.profile.her2_status == "negative"


def test_answer_listing_empty_for_anonymous_viewer(question, answer):
    from django.contrib.auth.models import AnonymousUser

    listing = selectors.answer_listing(question=question, viewer=AnonymousUser())

    assert listing.threads == []


def test_answer_listing_helpful_first(question, member):
    first = AnswerFactory.create(question=question)
    helpful = AnswerFactory.create(question=question, is_helpful=True)

    listing = selectors.answer_listing(question=question, viewer=member, sort="helpful")

    assert [t.answer.pk for t in listing.threads] == [helpful.pk, first.pk]


def test_similar_questions_finds_shared_words(db):
    match = QuestionFactory.create(title="How long did your chemo last with Herceptin?")
    QuestionFactory.create(title="What helps with hair loss?")

    found = selectors.similar_questions(title="how long does chemo last")

    assert [q.pk for q in found] == [match.pk]


# --- answer_page_number ---


def test_answer_page_number_takes_a_bounded_number_of_queries(
    question, django_assert_max_num_queries
):
    answers_fill_first_page(question)
    reply = AnswerFactory.create(question=question, parent=AnswerFactory.create(question=question))
    member = UserFactory.create()

    with django_assert_max_num_queries(3):
        assert selectors.answer_page_number(answer=reply, viewer=member) == 2
