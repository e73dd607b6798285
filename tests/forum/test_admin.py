"""Forum admin: the moderation filters and actions on questions and answers."""

from http import HTTPStatus

import pytest

from tests.factories import UserFactory

from .factories import AnswerFactory


@pytest.mark.parametrize("model_name", ["question", "answer"])
def test_forum_admin_changelist_has_moderation_filters_and_bounded_queries(
    client, question, forum_moderator, model_name, django_assert_max_num_queries
):
    from django.urls import reverse

    for _ in range(30):
        AnswerFactory.create(question=question)
    admin_user = UserFactory.create(is_staff=True, is_superuser=True)
    client.force_login(admin_user)
    url = reverse(f"admin:forum_{model_name}_changelist")

    with django_assert_max_num_queries(15):
        response = client.get(url)
    filtered = client.get(url, {"moderation_state__exact": "visible", "reported": "open"})

    assert response.status_code == HTTPStatus.OK
    assert len(response.context["cl"].result_list) >= 1
    assert filtered.status_code == HTTPStatus.OK
    actions = {name for name, _ in response.context["action_form"].fields["action"].choices}
    assert {"hide", "approve", "warn_author"} <= actions
    assert "delete_selected" not in actions
