"""The public treatment pages: the index by class, one treatment's page, and who sees what."""

import json
import re
from http import HTTPStatus

import pytest
from django.urls import reverse

from articles.models import ArticleStatus
from catalogue.models import Treatment
from moderation.models import ModerationState
from tests.articles.factories import ArticleFactory
from tests.factories import UserFactory
from tests.forum.factories import QuestionFactory
from treatments.models import CareQuestion, GuideStatus, SuggestedQuestion

pytestmark = pytest.mark.django_db


def _json_ld(html: str) -> dict:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert found is not None
    return json.loads(found.group(1))


def test_treatment_list_view_groups_every_catalogue_treatment_by_class_in_catalogue_order(client):
    response = client.get(reverse("treatments:list"))

    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    for treatment in Treatment.objects.all():
        assert treatment.get_absolute_url() in html
    headings = re.findall(r'<h2 id="class-([a-z_]+)"', html)
    order = [value for value, _ in Treatment.DrugClass.choices]
    assert headings == sorted(headings, key=order.index)
    assert "monoclonal_antibody" in headings
    assert "surgery" in headings


def test_treatment_list_view_counts_public_articles_and_questions(client, trastuzumab, guide):
    ArticleFactory.create().treatments.add(trastuzumab)
    ArticleFactory.create(status=ArticleStatus.DRAFT).treatments.add(trastuzumab)
    QuestionFactory.create().treatments.add(trastuzumab)
    hidden = QuestionFactory.create(moderation_state=ModerationState.HIDDEN)
    hidden.treatments.add(trastuzumab)

    html = client.get(reverse("treatments:list")).content.decode()

    row = html[html.index(trastuzumab.get_absolute_url()) :][:900]
    assert "Medically reviewed guide" in row
    assert "1 article ·" in row or "1 article<" in row or "1 article " in row
    assert "1 member question" in row


def test_treatment_detail_view_shows_guide_names_reviewer_and_references_in_order(
    client, trastuzumab, guide
):
    response = client.get(trastuzumab.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "<strong>infusion</strong>" in html
    assert "Herceptin" in html
    assert "Monoclonal antibody" in html
    assert "Medically reviewed by Dr. Test Reviewer, MD, medical oncologist" in html
    assert html.index("First source") < html.index("Second source")


def test_treatment_detail_view_structured_data_describes_a_reviewed_drug(
    client, trastuzumab, guide
):
    data = _json_ld(client.get(trastuzumab.get_absolute_url()).content.decode())

    assert data["@type"] == "MedicalWebPage"
    assert data["about"]["@type"] == "Drug"
    assert data["about"]["proprietaryName"] == "Herceptin"
    assert data["about"]["drugClass"]["name"] == "Monoclonal antibody"
    assert data["reviewedBy"]["name"] == "Dr. Test Reviewer"
    assert data["url"] == "https://mybcteam.example/treatments/trastuzumab/"
    assert [c["name"] for c in data["citation"]] == ["First source", "Second source"]


def test_treatment_detail_view_structured_data_of_a_surgery_is_a_procedure(client):
    surgery = Treatment.objects.get(slug="lumpectomy")

    data = _json_ld(client.get(surgery.get_absolute_url()).content.decode())

    assert data["about"]["@type"] == "SurgicalProcedure"
    assert "proprietaryName" not in data["about"]


def test_treatment_detail_view_structured_data_cannot_close_its_script(client, trastuzumab, guide):
    guide.reviewer_name = "</script><script>alert(1)</script>"
    guide.save()

    html = client.get(trastuzumab.get_absolute_url()).content.decode()

    assert "<script>alert(1)" not in html
    assert _json_ld(html)["reviewedBy"]["name"].startswith("</script>")


def test_treatment_detail_view_lists_public_articles_and_visible_questions_only(
    client, trastuzumab, guide
):
    public = ArticleFactory.create(title="Living with trastuzumab")
    draft = ArticleFactory.create(title="Unpublished draft", status=ArticleStatus.DRAFT)
    visible = QuestionFactory.create(title="Did trastuzumab make anyone tired?")
    pending = QuestionFactory.create(
        title="Pending question title", moderation_state=ModerationState.PENDING
    )
    for item in (public, draft, visible, pending):
        item.treatments.add(trastuzumab)

    html = client.get(trastuzumab.get_absolute_url()).content.decode()

    assert public.get_absolute_url() in html
    assert visible.get_absolute_url() in html
    assert "Unpublished draft" not in html
    assert "Pending question title" not in html
    assert visible.body not in html  # a question's details are for members only
    assert "(1 article)" in html
    assert "(1 question)" in html


def test_treatment_detail_view_unknown_slug_is_404(client):
    assert client.get("/treatments/no-such-thing/").status_code == HTTPStatus.NOT_FOUND


def test_treatment_detail_view_draft_guide_hidden_from_visitors_and_members(
    client, member, trastuzumab, guide
):
    guide.status = GuideStatus.DRAFT
    guide.save()

    visitor = client.get(trastuzumab.get_absolute_url()).content.decode()
    client.force_login(member)
    for_member = client.get(trastuzumab.get_absolute_url()).content.decode()

    for html in (visitor, for_member):
        assert "<strong>infusion</strong>" not in html
        assert "still writing the reviewed guide" in html


def test_treatment_detail_view_draft_guide_is_a_marked_preview_for_editors(
    client, editor, trastuzumab, guide
):
    guide.status = GuideStatus.DRAFT
    guide.save()
    client.force_login(editor)

    html = client.get(trastuzumab.get_absolute_url()).content.decode()

    assert "<strong>infusion</strong>" in html
    assert "Preview: this guide is <strong>draft</strong>" in html


def test_treatment_detail_view_visitor_gets_join_prompt_and_no_member_part(
    client, trastuzumab, guide
):
    owner = UserFactory.create()
    CareQuestion.objects.create(owner=owner, text="Secret worry about my scan")
    SuggestedQuestion.objects.create(treatment=trastuzumab, text="How long will I have it?")

    html = client.get(trastuzumab.get_absolute_url()).content.decode()

    assert "Join for free" in html
    assert 'id="experiences-heading"' not in html
    assert "Secret worry" not in html
    assert owner.display_name not in html
    assert "How long will I have it?" in html  # editors' questions are public text
    assert 'action="/treatments/my-questions/"' not in html  # no add form for a visitor


def test_treatment_detail_view_member_gets_experiences_slot_and_add_buttons(
    member_client, member, trastuzumab, guide
):
    SuggestedQuestion.objects.create(treatment=trastuzumab, text="How long will I have it?")
    SuggestedQuestion.objects.create(treatment=trastuzumab, text="Is it given at home?")
    CareQuestion.objects.create(owner=member, text="Is it given at home?")

    html = member_client.get(trastuzumab.get_absolute_url()).content.decode()

    assert 'id="experiences-heading"' in html
    assert html.count('action="/treatments/my-questions/"') == 1  # the other is on her list
    assert "On your list." in html
    assert 'name="idempotency_key"' in html


def test_treatment_detail_view_inactive_suggestions_are_not_offered(client, trastuzumab):
    SuggestedQuestion.objects.create(treatment=trastuzumab, text="Retired question", active=False)

    assert "Retired question" not in client.get(trastuzumab.get_absolute_url()).content.decode()


@pytest.mark.parametrize("size", [0, 30])
@pytest.mark.parametrize("viewer", ["anonymous", "member"])
def test_treatment_detail_view_query_count_is_bounded(
    client, django_assert_max_num_queries, trastuzumab, guide, size, viewer
):
    for _ in range(size):
        ArticleFactory.create().treatments.add(trastuzumab)
        QuestionFactory.create().treatments.add(trastuzumab)
        SuggestedQuestion.objects.create(treatment=trastuzumab, text=f"Question {_}?")
    if viewer == "member":
        member = UserFactory.create()
        for n in range(size):
            CareQuestion.objects.create(owner=member, text=f"Mine {n}")
        client.force_login(member)

    # Measured: anonymous 6 to 8 (a full section asks for its total); a member 9, the
    # public part shared once stored (treatments.public_part).
    client.get(trastuzumab.get_absolute_url())
    with django_assert_max_num_queries(8 if viewer == "anonymous" else 9):
        response = client.get(trastuzumab.get_absolute_url())

    assert response.status_code == HTTPStatus.OK


@pytest.mark.parametrize("size", [0, 30])
def test_treatment_list_view_query_count_is_bounded(
    client, django_assert_max_num_queries, trastuzumab, size
):
    for _ in range(size):
        ArticleFactory.create().treatments.add(trastuzumab)
        QuestionFactory.create().treatments.add(trastuzumab)

    with django_assert_max_num_queries(8):
        response = client.get(reverse("treatments:list"))

    assert response.status_code == HTTPStatus.OK


def test_treatment_detail_view_is_cached_for_visitors_and_refreshed_by_a_guide_edit(
    client, trastuzumab, guide
):
    client.get(trastuzumab.get_absolute_url())
    hit = client.get(trastuzumab.get_absolute_url())
    guide.summary = "Given **every week** now."
    from treatments.services.guides import guide_save

    guide_save(guide=guide)
    after = client.get(trastuzumab.get_absolute_url())

    assert hit["X-Page-Cache"] == "hit"
    assert "<strong>every week</strong>" in after.content.decode()


def test_treatment_detail_view_is_never_cached_for_members(member_client, trastuzumab, guide):
    member_client.get(trastuzumab.get_absolute_url())
    again = member_client.get(trastuzumab.get_absolute_url())

    assert "X-Page-Cache" not in again


def test_treatment_links_from_article_and_question_pages(client, member, trastuzumab):
    article = ArticleFactory.create()
    article.treatments.add(trastuzumab)
    question = QuestionFactory.create()
    question.treatments.add(trastuzumab)
    link = f'<a href="{trastuzumab.get_absolute_url()}">'

    article_html = client.get(article.get_absolute_url()).content.decode()
    client.force_login(member)
    question_html = client.get(question.get_absolute_url()).content.decode()

    assert link in article_html
    assert link in question_html


def test_main_navigation_links_to_treatments(client):
    assert '<a href="/treatments/"' in client.get("/").content.decode()
