"""A finished look, measured in the browser: what a screenshot would show, as numbers."""

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import expect

from .axe import axe_source, axe_violations, describe
from .conftest import DESKTOP, PHONE, log_in
from .site_pages import world_seed

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SMALLEST = {"width": 320, "height": 640}


def _member_page(new_context: Callable[..., Any], live_server: Any, world: Any, **options: Any):
    context = new_context(**options)
    log_in(context, world.member, live_server.url)
    return context.new_page()


def _box(page: Any, selector: str) -> dict[str, float]:
    return page.locator(selector).first.bounding_box()


@pytest.mark.parametrize(
    ("path", "card"),
    [
        ("/questions/", "#question-rows > li.card"),
        ("/search/?q=trastuzumab", ".search-results > li.card"),
        ("/members/", ".member-list > li.card"),
    ],
)
def test_cards_in_lists_keep_their_inner_padding_at_375px(
    new_context: Callable[..., Any], live_server: Any, path: str, card: str
) -> None:
    world = world_seed()
    page = _member_page(new_context, live_server, world, viewport=PHONE)

    page.goto(path)
    padding = page.locator(card).first.evaluate(
        "el => ['paddingTop', 'paddingLeft'].map(p => parseFloat(getComputedStyle(el)[p]))"
    )

    assert min(padding) >= 16, f"{path}: card padding {padding}"


@pytest.mark.parametrize("viewport", [SMALLEST, PHONE], ids=["320px", "375px"])
def test_phone_header_is_one_row_even_with_larger_text(
    new_context: Callable[..., Any], live_server: Any, viewport: dict[str, int]
) -> None:
    world = world_seed()
    world.member.prefers_larger_text = True
    world.member.save(update_fields=["prefers_larger_text"])
    member = _member_page(new_context, live_server, world, viewport=viewport)
    visitor = new_context(viewport=viewport).new_page()
    visitor.context.add_cookies([{"name": "text_size", "value": "large", "url": live_server.url}])

    for page in (member, visitor):
        page.goto("/questions/")
        expect(page.locator("html")).to_have_class("text-large")
        height = _box(page, ".site-header")["height"]
        width = page.evaluate("document.documentElement.scrollWidth")

        assert height <= 80, f"header is {height}px tall at {viewport['width']}px"
        assert width <= viewport["width"]


def test_phone_menu_opens_without_javascript_from_the_keyboard(
    new_context: Callable[..., Any], live_server: Any
) -> None:
    world = world_seed()
    page = _member_page(new_context, live_server, world, viewport=PHONE, java_script_enabled=False)
    page.goto("/articles/")
    menu = page.locator(".header-phone > summary")
    settings_link = page.locator(".header-phone").get_by_role("link", name="Settings")

    expect(page.locator(".header-wide").first).to_be_hidden()
    expect(settings_link).to_be_hidden()
    menu.focus()
    page.keyboard.press("Enter")

    expect(settings_link).to_be_visible()
    expect(page.locator(".header-phone").get_by_role("link", name="Members")).to_be_visible()
    expect(page.locator(".header-phone").get_by_role("button", name="Log out")).to_be_visible()
    settings_link.click()
    expect(page).to_have_url(f"{live_server.url}/accounts/settings/")


def test_wide_header_keeps_the_sections_in_view_and_the_account_in_a_menu(
    new_context: Callable[..., Any], live_server: Any
) -> None:
    world = world_seed()
    page = _member_page(new_context, live_server, world, java_script_enabled=False)
    page.goto("/")
    account = page.locator(".header-account > summary")

    expect(page.locator(".main-nav").get_by_role("link", name="Questions")).to_be_visible()
    expect(page.locator(".header-phone")).to_be_hidden()
    account.click()

    expect(page.locator(".header-account").get_by_role("link", name="Settings")).to_be_visible()
    assert _box(page, ".site-header")["height"] <= 80


def test_footer_reaches_the_bottom_of_a_short_page(new_context: Callable[..., Any]) -> None:
    world_seed()
    page = new_context().new_page()

    page.goto("/newsletter/subscribe/")
    footer = _box(page, ".site-footer")

    assert footer["y"] + footer["height"] == pytest.approx(DESKTOP["height"], abs=1)


def test_newsletter_box_has_one_width_on_every_page_that_shows_it(
    new_context: Callable[..., Any],
) -> None:
    world = world_seed()
    page = new_context().new_page()
    widths = {}

    for path in ("/", world.article.get_absolute_url(), "/privacy/"):
        page.goto(path)
        widths[path] = round(_box(page, "#newsletter-box")["width"])

    assert len(set(widths.values())) == 1, widths


def test_directory_filter_labels_sit_over_their_own_fields_at_1280px(
    new_context: Callable[..., Any], live_server: Any
) -> None:
    world = world_seed()
    page = _member_page(new_context, live_server, world)
    page.goto("/members/?stage=2")

    for name in ("role", "diagnosis_type", "her2_status", "stage", "treatment", "region"):
        label = _box(page, f"label[for=id_{name}]")
        field = _box(page, f"#id_{name}")
        assert label["x"] == pytest.approx(field["x"], abs=1), name
        assert 0 <= field["y"] - (label["y"] + label["height"]) <= 16, name


def test_directory_cards_are_compact(new_context: Callable[..., Any], live_server: Any) -> None:
    world = world_seed()
    page = _member_page(new_context, live_server, world)
    page.goto("/members/")

    heights = page.locator(".member-list > li").evaluate_all(
        "cards => cards.map(c => c.getBoundingClientRect().height)"
    )

    assert len(heights) > 10
    assert max(heights) <= 260


def test_bio_counter_counts_and_nothing_is_cut(
    new_context: Callable[..., Any], live_server: Any
) -> None:
    world = world_seed()
    page = _member_page(new_context, live_server, world, viewport=PHONE)
    page.goto("/accounts/settings/?section=about")
    bio = page.locator("#id_bio")
    text = "Walking every morning kept me going through chemo. " * 22  # 1,122 characters

    bio.fill(text)

    assert bio.evaluate("el => el.value.length") == len(text)
    expect(page.locator("#id_bio-count")).to_have_text(
        "1,122 of 1,000 characters: please shorten it by 122."
    )
    bio.fill("Walking helps.")
    expect(page.locator("#id_bio-count")).to_have_text("14 of 1,000 characters")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375px", "1280px"])
def test_open_header_menus_have_no_serious_axe_violations(
    new_context: Callable[..., Any], live_server: Any, viewport: dict[str, int]
) -> None:
    axe_source()
    world = world_seed()
    page = _member_page(new_context, live_server, world, viewport=viewport)
    page.goto("/questions/")
    menu = ".header-phone" if viewport is PHONE else ".header-account"

    page.locator(f"{menu} > summary").click()
    expect(page.locator(f"{menu} .header-menu-panel")).to_be_visible()
    violations = axe_violations(page)

    assert not violations, describe(violations)


@pytest.mark.parametrize("viewport", [SMALLEST, DESKTOP], ids=["320px", "1280px"])
def test_compare_choices_sit_beside_their_own_labels(
    new_context: Callable[..., Any], live_server: Any, viewport: dict[str, int]
) -> None:
    world = world_seed()
    page = _member_page(new_context, live_server, world, viewport=viewport)
    page.goto("/treatments/compare/?a=trastuzumab&b=phesgo")

    boxes = page.locator(".compare-form input[type=checkbox]").evaluate_all(
        "boxes => boxes.map(b => [b.getBoundingClientRect(),"
        " document.querySelector(`label[for='${b.id}']`).getBoundingClientRect()]"
        ".map(r => ({x: r.x, y: r.y, bottom: r.bottom, right: r.right})))"
    )
    assert boxes, "the demo member has facts to compare by"
    for box, label in boxes:
        # The label starts just right of its box, and its first line is the box's line.
        assert 0 <= label["x"] - box["right"] <= 24
        assert label["y"] <= box["y"] + 4
        assert box["bottom"] <= label["bottom"] + 4
    no_scroll = page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    assert no_scroll


def test_activities_post_box_and_updates_share_one_width_at_1280px(
    new_context: Callable[..., Any], live_server: Any
) -> None:
    world = world_seed()
    page = _member_page(new_context, live_server, world)
    page.goto("/activities/?tab=everyone")

    post_box = _box(page, ".update-post")
    update = _box(page, ".feed-list .update-card")

    assert update["width"] == pytest.approx(post_box["width"], abs=1)
    assert post_box["width"] < 800  # the reading column, not the whole page


def _contrast(page: Any, selector: str) -> float:
    """WCAG contrast of an element's text colour on its own background colour."""
    return page.locator(selector).first.evaluate(
        """el => {
          const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
          const lum = c => {
            const [r, g, b] = rgb(c).map(v => v / 255).map(
              v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
          };
          const style = getComputedStyle(el);
          const [a, b] = [lum(style.color), lum(style.backgroundColor)].sort((x, y) => y - x);
          return (a + 0.05) / (b + 0.05);
        }"""
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_danger_buttons_keep_their_contrast_in_both_colour_schemes(
    new_context: Callable[..., Any], live_server: Any, scheme: str
) -> None:
    world = world_seed()
    page = _member_page(new_context, live_server, world, viewport=PHONE)
    page.emulate_media(color_scheme=scheme)
    page.goto("/team/")

    page.locator(".team-list .delete-box > summary").first.click()

    assert _contrast(page, ".team-list .delete-box button.danger") >= 4.5
