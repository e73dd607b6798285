"""The private messages journey of issue #16: two team mates write to each other without
JavaScript getting in the way; a stranger's request with a link is held, the recipient sees
nothing of it until a moderator approves it from the waiting list, then it is there."""

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import expect

from conversations.models import Message
from moderation.models import ModerationCase
from moderation.roles import moderators_group_sync
from tests.activities.factories import team_link
from tests.factories import UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

REQUEST_TEXT = "Hello! I found a clinic that helped me: https://miracle-clinic.example/offer"


def test_team_mates_exchange_messages_and_a_held_request_waits_for_a_moderator(
    logged_in_page: Callable[..., Any], settings: Any
) -> None:
    settings.MODERATION_LINK_TRUST_POSTS = 0
    ana = UserFactory.create(display_name="Ana Letters")
    bea = UserFactory.create(display_name="Bea Letters")
    cleo = UserFactory.create(display_name="Cleo Stranger")
    team_link(ana, bea)
    moderator = UserFactory.create(display_name="Mod Letters", is_staff=True)
    moderator.groups.add(moderators_group_sync())
    ana_page, bea_page, cleo_page = (logged_in_page(m) for m in (ana, bea, cleo))

    # Ana writes to Bea from her profile; Bea finds it marked new and answers.
    ana_page.goto(bea.get_absolute_url())
    ana_page.get_by_role("link", name="Message").click()
    ana_page.get_by_label("Your message").fill("How did the scan go?")
    ana_page.get_by_role("button", name="Send").click()
    expect(ana_page.locator(".message-list")).to_contain_text("How did the scan go?")

    bea_page.goto("/messages/")
    expect(bea_page.locator(".conversation-list")).to_contain_text("Ana Letters")
    expect(bea_page.locator(".conversation-list")).to_contain_text("New")
    bea_page.get_by_role("link", name="Ana Letters").click()
    expect(bea_page.locator(".message-list")).to_contain_text("How did the scan go?")
    bea_page.get_by_label("Your message").fill("All clear, thank you for asking!")
    bea_page.get_by_role("button", name="Send").click()
    expect(bea_page.locator(".message-list")).to_contain_text("All clear")
    ana_page.reload()
    expect(ana_page.locator(".message-list")).to_contain_text("All clear, thank you for asking!")

    # Cleo, a stranger, sends Ana a request with a link: it is held.
    cleo_page.goto(ana.get_absolute_url())
    cleo_page.get_by_role("link", name="Message").click()
    cleo_page.get_by_label("Your message").fill(REQUEST_TEXT)
    cleo_page.get_by_role("button", name="Send request").click()
    expect(cleo_page.locator("main")).to_contain_text("volunteer moderators reads it")
    held = Message.objects.get(author=cleo)
    assert held.moderation_state == "pending"

    # Ana sees nothing of it: no request, no conversation, the page itself is missing.
    ana_page.goto("/messages/")
    expect(ana_page.locator("main")).not_to_contain_text("Cleo Stranger")
    response = ana_page.goto(held.conversation.get_absolute_url())
    assert response is not None
    assert response.status == 404

    # A moderator approves it from the waiting list.
    mod_page = logged_in_page(moderator)
    mod_page.goto("/admin/moderation/waitingforreview/")
    case = ModerationCase.objects.get(kind="message", object_id=held.pk)
    mod_page.locator(f"#result_list input[name=_selected_action][value='{case.pk}']").check()
    mod_page.locator("select[name=action]").select_option("approve")
    mod_page.locator("button[name=index]").click()
    mod_page.locator("input[type=submit][value^='Confirm']").click()
    expect(mod_page.locator(".messagelist")).to_contain_text("done for 1")

    # Now Ana finds the request, reads it and can accept it.
    ana_page.goto("/messages/")
    expect(ana_page.locator("main")).to_contain_text("Message requests (1)")
    ana_page.get_by_role("link", name="Cleo Stranger").click()
    expect(ana_page.locator(".message-list")).to_contain_text("miracle-clinic.example")
    link = ana_page.locator(".message-list a[href^='https://miracle-clinic']")
    expect(link).to_have_attribute("rel", "nofollow ugc noopener")
    ana_page.get_by_role("button", name="Accept").click()
    expect(ana_page.get_by_label("Your message")).to_be_visible()
