"""Every route of the URL configuration, and what each kind of visitor may do with it.

The access matrix (test_access_matrix.py) walks `get_resolver()` and looks every route up in
EXPECTATIONS; a route without an entry fails the suite, so a new page cannot ship without
someone deciding who may see it. Outcomes are checked for eight viewers x {GET, POST}.

The matrix runs with STAFF_REQUIRE_2FA on. `moderator` and `editor` logged in with their TOTP
code; the two roles of WITHOUT_SECOND_FACTOR are staff whose session did not pass the second
factor (a moderator who used the password alone on an account with TOTP, a superuser without
two-factor at all). They act exactly as AS_MEMBER, a member who wrote none of the objects, on
every route outside /admin/, and /admin/ sends them to the second-factor step.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver

WITHOUT_SECOND_FACTOR = ("moderator_no_2fa", "superuser_no_2fa")
ROLES = (
    "anonymous",
    "unverified",
    "member",
    "other_member",
    "moderator",
    "editor",
    *WITHOUT_SECOND_FACTOR,
)
SIGNED_IN = ROLES[1:]
STAFF = ("moderator", "editor")
AS_MEMBER = "other_member"

# Outcomes: what a response must look like.
OK = "ok"  # 2xx
LOGIN = "login"  # a redirect to the login page
REDIRECT = "redirect"  # any 3xx
HIDDEN = "hidden"  # 404, the same answer as for a missing object
DENIED = "denied"  # 403 or 404
NOT_ALLOWED = "405"  # this method is not served here
REFUSED = "refused"  # 4xx: bad form, forbidden, missing
FORM = "form"  # the form again: 200, or 400 with its errors (429 when rate-limited)
DONE = "done"  # the action happened: 2xx, or a redirect onwards
ANSWERED = "answered"  # anything but a server error: flows allauth owns (keys, reauth, 2fa)
SECOND_FACTOR = "second factor"  # a redirect to turn two-factor on, or to enter the code

SECOND_FACTOR_STEPS = ("/accounts/2fa/reauthenticate/?", "/accounts/2fa/totp/activate/")


# Routes that take POST without a CSRF token on purpose, with the reason.
CSRF_EXEMPT: dict[str, str] = {
    "newsletter:unsubscribe": "RFC 8058 one-click unsubscribe: mail clients POST with no cookie",
    "forum:unfollow": "RFC 8058 one-click unfollow: mail clients POST with no cookie",
}


def outcome_matches(outcome: str, status: int, location: str) -> bool:
    """Whether a response with this status (and Location header) meets the outcome."""
    if status >= 500:
        return False
    return {
        OK: 200 <= status < 300,
        LOGIN: status in (301, 302, 303) and location.startswith("/accounts/login/"),
        REDIRECT: 300 <= status < 400,
        HIDDEN: status == 404,
        DENIED: status in (403, 404),
        NOT_ALLOWED: status == 405,
        REFUSED: 400 <= status < 500,
        FORM: status in (200, 400, 429),
        DONE: 200 <= status < 400,
        ANSWERED: True,
        SECOND_FACTOR: status == 302 and location.startswith(SECOND_FACTOR_STEPS),
    }[outcome]


Cell = str | dict[str, str]


@dataclass(frozen=True)
class Expect:
    """Outcome per role for GET and POST; a plain string means the same for every role."""

    get: Cell
    post: Cell
    # Builds the URL kwargs from the objects of the matrix (see objects in the test).
    kwargs: Callable[[Any], dict[str, Any]] = field(default=lambda o: {})

    def outcome(self, method: str, role: str) -> str:
        cell = self.get if method == "GET" else self.post
        return cell if isinstance(cell, str) else cell[role]


def by_role(anonymous: str, signed_in: str, **overrides: str) -> dict[str, str]:
    """One outcome for anonymous visitors, one for everyone signed in, with exceptions."""
    cells = dict.fromkeys(SIGNED_IN, signed_in) | {"anonymous": anonymous}
    return cells | overrides


def members_only(get: str = OK, post: str = NOT_ALLOWED) -> dict[str, Any]:
    """A page for signed-in people: anonymous visitors are sent to log in."""
    return {"get": by_role(LOGIN, get), "post": by_role(LOGIN, post)}


PUBLIC_PAGE = Expect(get=OK, post=NOT_ALLOWED)
POST_ONLY_PUBLIC = Expect(get=NOT_ALLOWED, post=REDIRECT)
ALLAUTH_FLOW = Expect(get=ANSWERED, post=ANSWERED)
ALLAUTH_MEMBER_PAGE = Expect(get=by_role(LOGIN, ANSWERED), post=by_role(LOGIN, ANSWERED))

EXPECTATIONS: dict[str, Expect] = {
    # mybcteam: public pages
    "home": PUBLIC_PAGE,
    "guidelines": PUBLIC_PAGE,
    "privacy": PUBLIC_PAGE,
    "robots_txt": PUBLIC_PAGE,
    "healthz": PUBLIC_PAGE,
    "text_size": POST_ONLY_PUBLIC,
    # allauth: login, sign-up and logout answer everyone; signed-in people are sent on.
    "account_login": Expect(get=by_role(OK, REDIRECT), post=by_role(OK, REDIRECT)),
    "account_signup": Expect(get=by_role(OK, REDIRECT), post=by_role(OK, REDIRECT)),
    "account_logout": Expect(get=by_role(REDIRECT, OK), post=REDIRECT),
    "account_inactive": Expect(get=OK, post=NOT_ALLOWED),
    "account_email_verification_sent": Expect(get=OK, post=NOT_ALLOWED),
    "account_reset_password": Expect(get=OK, post=OK),
    "account_reset_password_done": Expect(get=OK, post=NOT_ALLOWED),
    "account_reset_password_from_key_done": Expect(get=OK, post=NOT_ALLOWED),
    "account_confirm_email": Expect(get=ANSWERED, post=ANSWERED, kwargs=lambda o: {"key": "x"}),
    "account_reset_password_from_key": Expect(
        get=ANSWERED, post=ANSWERED, kwargs=lambda o: {"uidb36": "1", "key": "set-password"}
    ),
    "account_confirm_login_code": ALLAUTH_FLOW,
    "account_email": ALLAUTH_MEMBER_PAGE,
    "account_change_password": ALLAUTH_MEMBER_PAGE,
    "account_set_password": ALLAUTH_MEMBER_PAGE,
    "account_reauthenticate": ALLAUTH_MEMBER_PAGE,
    "account_request_reauthentication_code": ALLAUTH_FLOW,
    "account_confirm_reauthentication_code": ALLAUTH_FLOW,
    "mfa_index": ALLAUTH_MEMBER_PAGE,
    "mfa_authenticate": ALLAUTH_FLOW,
    "mfa_reauthenticate": ALLAUTH_MEMBER_PAGE,
    "mfa_activate_totp": ALLAUTH_MEMBER_PAGE,
    "mfa_deactivate_totp": ALLAUTH_MEMBER_PAGE,
    "mfa_view_recovery_codes": ALLAUTH_MEMBER_PAGE,
    "mfa_generate_recovery_codes": ALLAUTH_MEMBER_PAGE,
    "mfa_download_recovery_codes": ALLAUTH_MEMBER_PAGE,
    # accounts: a member's own settings, export and erasure; the member directory
    "accounts:settings": Expect(**members_only(get=OK, post=FORM)),
    "accounts:photo": Expect(**members_only(get=OK, post=FORM)),
    "accounts:export": Expect(**members_only(get=OK)),
    "accounts:delete": Expect(**members_only(get=OK, post=FORM)),
    # the welcome flow (members) and "send the confirmation link again" (anyone)
    "accounts:welcome": Expect(**members_only(get=REDIRECT)),
    "accounts:welcome_step": Expect(
        **members_only(get=OK, post=FORM), kwargs=lambda o: {"step": "role"}
    ),
    "accounts:welcome_dismiss": Expect(**members_only(get=NOT_ALLOWED, post=DONE)),
    "accounts:resend_confirmation": Expect(get=NOT_ALLOWED, post=FORM),
    "members:directory": Expect(**members_only(get=OK)),
    "members:profile": Expect(
        **members_only(get=OK), kwargs=lambda o: {"handle": o.viewers.other_member.handle}
    ),
    # a member's photo (shared with members): visitors get 404 as for a missing photo
    "members:photo": Expect(
        get=by_role(HIDDEN, OK), post=NOT_ALLOWED, kwargs=lambda o: {"key": o.photo_key, "size": 48}
    ),
    # newsletter: anyone, with a signed token where there is one
    "newsletter:subscribe": Expect(get=OK, post=FORM),
    "newsletter:confirm": Expect(get=OK, post=DONE, kwargs=lambda o: {"token": o.confirm_token}),
    "newsletter:unsubscribe": Expect(
        get=OK, post=DONE, kwargs=lambda o: {"token": o.unsubscribe_token}
    ),
    "newsletter:preferences": Expect(
        get=OK, post=FORM, kwargs=lambda o: {"token": o.preferences_token}
    ),
    # forum: question titles are public, writing needs an account, editing needs authorship
    "forum:list": PUBLIC_PAGE,
    "forum:question": Expect(
        get=OK, post=NOT_ALLOWED, kwargs=lambda o: {"pk": o.question.pk, "slug": o.question.slug}
    ),
    "forum:question_short": Expect(
        get=REDIRECT, post=NOT_ALLOWED, kwargs=lambda o: {"pk": o.question.pk}
    ),
    # Posting needs a confirmed email address (moderation.policy.posting_refusal).
    "forum:ask": Expect(get=by_role(LOGIN, OK), post=by_role(LOGIN, FORM, unverified=REFUSED)),
    "forum:ask_check": Expect(**members_only(get=OK)),
    "forum:following": Expect(**members_only(get=OK, post=FORM)),
    "forum:unfollow": Expect(get=OK, post=DONE, kwargs=lambda o: {"token": o.unfollow_token}),
    "forum:question_edit": Expect(
        get=by_role(LOGIN, DENIED, member=OK),
        post=by_role(LOGIN, DENIED, member=FORM),
        kwargs=lambda o: {"pk": o.question.pk},
    ),
    "forum:question_delete": Expect(
        get=by_role(LOGIN, NOT_ALLOWED),
        post=by_role(LOGIN, DENIED, member=DONE),
        kwargs=lambda o: {"pk": o.question.pk},
    ),
    "forum:answer_create": Expect(
        get=by_role(LOGIN, NOT_ALLOWED),
        post=by_role(LOGIN, FORM),
        kwargs=lambda o: {"pk": o.question.pk},
    ),
    "forum:question_hug": Expect(
        get=by_role(LOGIN, NOT_ALLOWED),
        post=by_role(LOGIN, DONE, unverified=REFUSED),
        kwargs=lambda o: {"pk": o.question.pk},
    ),
    "forum:question_follow": Expect(
        get=by_role(LOGIN, NOT_ALLOWED),
        post=by_role(LOGIN, DONE),
        kwargs=lambda o: {"pk": o.question.pk},
    ),
    # an answer's own address: members are sent to the page of answers that shows it
    "forum:answer": Expect(
        **members_only(get=REDIRECT),
        kwargs=lambda o: {"question_pk": o.question.pk, "pk": o.answer.pk},
    ),
    "forum:answer_edit": Expect(
        get=by_role(LOGIN, DENIED, member=OK),
        post=by_role(LOGIN, DENIED, member=FORM),
        kwargs=lambda o: {"pk": o.own_answer.pk},
    ),
    "forum:answer_delete": Expect(
        get=by_role(LOGIN, NOT_ALLOWED),
        post=by_role(LOGIN, DENIED, member=DONE),
        kwargs=lambda o: {"pk": o.own_answer.pk},
    ),
    "forum:answer_hug": Expect(
        get=by_role(LOGIN, NOT_ALLOWED),
        post=by_role(LOGIN, DONE, unverified=REFUSED),
        kwargs=lambda o: {"pk": o.answer.pk},
    ),
    "forum:answer_helpful": Expect(
        get=by_role(LOGIN, NOT_ALLOWED),
        post=by_role(LOGIN, DENIED, member=DONE),
        kwargs=lambda o: {"pk": o.answer.pk},
    ),
    # only moderators may learn who wrote an anonymous post; everyone else gets a 404
    "forum:reveal": Expect(
        get=by_role(LOGIN, HIDDEN, moderator=OK),
        post=by_role(LOGIN, HIDDEN, moderator=FORM),
        kwargs=lambda o: {"kind": "question", "pk": o.anonymous_question.pk},
    ),
    "search": PUBLIC_PAGE,
    # articles: public articles and topics; comments are for signed-in members only
    "articles:list": PUBLIC_PAGE,
    "articles:topic": Expect(get=OK, post=NOT_ALLOWED, kwargs=lambda o: {"slug": o.topic.slug}),
    "articles:detail": Expect(get=OK, post=NOT_ALLOWED, kwargs=lambda o: {"slug": o.article.slug}),
    "articles:comments": Expect(**members_only(get=OK), kwargs=lambda o: {"slug": o.article.slug}),
    "articles:comment_create": Expect(
        get=by_role(LOGIN, NOT_ALLOWED),
        post=by_role(LOGIN, FORM, unverified=REFUSED),
        kwargs=lambda o: {"slug": o.article.slug},
    ),
    # Without htmx the single-comment URL sends the reader to the comment in its page.
    "articles:comment": Expect(
        **members_only(get=REDIRECT), kwargs=lambda o: {"slug": o.article.slug, "pk": o.comment.pk}
    ),
    "articles:comment_edit": Expect(
        get=by_role(LOGIN, DENIED, member=OK),
        post=by_role(LOGIN, DENIED, member=FORM),
        kwargs=lambda o: {"slug": o.article.slug, "pk": o.comment.pk},
    ),
    "articles:comment_delete": Expect(
        get=by_role(LOGIN, NOT_ALLOWED),
        post=by_role(LOGIN, DENIED, member=DONE),
        kwargs=lambda o: {"slug": o.article.slug, "pk": o.comment.pk},
    ),
    "articles:comment_hug": Expect(
        get=by_role(LOGIN, NOT_ALLOWED),
        post=by_role(LOGIN, DONE, unverified=REFUSED),
        kwargs=lambda o: {"slug": o.article.slug, "pk": o.other_comment.pk},
    ),
    # Django's feed and sitemap views answer any method; a POST reads, never writes.
    "articles_feed": Expect(get=OK, post=OK),
    "articles_feed_atom": Expect(get=OK, post=OK),
    "sitemap": Expect(get=OK, post=OK),
    # treatments: public pages; a member's care-team list is hers alone, a 404 for anyone else
    "treatments:list": PUBLIC_PAGE,
    "treatments:detail": Expect(
        get=OK, post=NOT_ALLOWED, kwargs=lambda o: {"slug": o.treatment.slug}
    ),
    "treatments:care_list": Expect(**members_only(get=OK, post=FORM)),
    "treatments:care_print": Expect(**members_only(get=OK)),
    "treatments:care_email": Expect(get=by_role(LOGIN, NOT_ALLOWED), post=by_role(LOGIN, DONE)),
    "treatments:care_clear": Expect(get=by_role(LOGIN, NOT_ALLOWED), post=by_role(LOGIN, DONE)),
    "treatments:care_move": Expect(
        get=by_role(LOGIN, NOT_ALLOWED),
        post=by_role(LOGIN, HIDDEN, member=DONE),
        kwargs=lambda o: {"pk": o.care_question.pk},
    ),
    "treatments:care_answered": Expect(
        get=by_role(LOGIN, NOT_ALLOWED),
        post=by_role(LOGIN, HIDDEN, member=DONE),
        kwargs=lambda o: {"pk": o.care_question.pk},
    ),
    "treatments:care_delete": Expect(
        get=by_role(LOGIN, NOT_ALLOWED),
        post=by_role(LOGIN, HIDDEN, member=DONE),
        kwargs=lambda o: {"pk": o.care_question.pk},
    ),
    "treatments:care_edit": Expect(
        get=by_role(LOGIN, HIDDEN, member=OK),
        post=by_role(LOGIN, HIDDEN, member=FORM),
        kwargs=lambda o: {"pk": o.care_question.pk},
    ),
    # activities: an update or a member's Activities page is an item (visitors get 404 as for
    # a missing one); the feed, the team page and every write send visitors to log in.
    "activities:feed": Expect(**members_only(get=OK)),
    "activities:update_create": Expect(get=by_role(LOGIN, NOT_ALLOWED), post=by_role(LOGIN, FORM)),
    "activities:update": Expect(
        get=by_role(HIDDEN, OK),
        post=by_role(HIDDEN, NOT_ALLOWED),
        kwargs=lambda o: {"pk": o.update.pk},
    ),
    "activities:update_edit": Expect(
        get=by_role(LOGIN, DENIED, member=OK),
        post=by_role(LOGIN, DENIED, member=FORM),
        kwargs=lambda o: {"pk": o.update.pk},
    ),
    "activities:update_delete": Expect(
        get=by_role(LOGIN, NOT_ALLOWED),
        post=by_role(LOGIN, DENIED, member=DONE),
        kwargs=lambda o: {"pk": o.update.pk},
    ),
    "activities:update_hug": Expect(
        get=by_role(LOGIN, NOT_ALLOWED),
        post=by_role(LOGIN, DONE, unverified=REFUSED),
        kwargs=lambda o: {"pk": o.update.pk},
    ),
    "activities:comment_create": Expect(
        get=by_role(LOGIN, NOT_ALLOWED),
        post=by_role(LOGIN, FORM),
        kwargs=lambda o: {"pk": o.update.pk},
    ),
    "activities:comment_edit": Expect(
        get=by_role(LOGIN, DENIED, member=OK),
        post=by_role(LOGIN, DENIED, member=FORM),
        kwargs=lambda o: {"pk": o.update_comment.pk},
    ),
    "activities:comment_delete": Expect(
        get=by_role(LOGIN, NOT_ALLOWED),
        post=by_role(LOGIN, DENIED, member=DONE),
        kwargs=lambda o: {"pk": o.update_comment.pk},
    ),
    "activities:member": Expect(
        get=by_role(HIDDEN, OK),
        post=by_role(HIDDEN, NOT_ALLOWED),
        kwargs=lambda o: {"handle": o.viewers.member.handle},
    ),
    "activities:team": Expect(**members_only(get=OK)),
    # notifications: her own, for every signed-in person; another member's notification id
    # leads back to her own list, marking nothing.
    "notifications:list": Expect(**members_only(get=OK)),
    "notifications:bell": Expect(**members_only(get=OK)),
    "notifications:mention_suggestions": Expect(**members_only(get=OK)),
    "notifications:read_all": Expect(get=by_role(LOGIN, NOT_ALLOWED), post=by_role(LOGIN, DONE)),
    "notifications:preferences": Expect(get=by_role(LOGIN, NOT_ALLOWED), post=by_role(LOGIN, DONE)),
    "notifications:open": Expect(
        **members_only(get=REDIRECT), kwargs=lambda o: {"pk": o.notification.pk}
    ),
    "notifications:read": Expect(
        get=by_role(LOGIN, NOT_ALLOWED),
        post=by_role(LOGIN, DONE),
        kwargs=lambda o: {"pk": o.notification.pk},
    ),
    # Team writes answer every member with a message and a redirect (a request that is not
    # hers, or a block in the way, reads the same as success or "no longer waiting").
    "activities:team_request": Expect(
        get=by_role(LOGIN, NOT_ALLOWED),
        post=by_role(LOGIN, DONE),
        kwargs=lambda o: {"handle": o.someone.handle},
    ),
    "activities:team_accept": Expect(
        get=by_role(LOGIN, NOT_ALLOWED),
        post=by_role(LOGIN, DONE),
        kwargs=lambda o: {"pk": o.team_request.pk},
    ),
    "activities:team_ignore": Expect(
        get=by_role(LOGIN, NOT_ALLOWED),
        post=by_role(LOGIN, DONE),
        kwargs=lambda o: {"pk": o.team_request.pk},
    ),
    "activities:team_withdraw": Expect(
        get=by_role(LOGIN, NOT_ALLOWED),
        post=by_role(LOGIN, DONE),
        kwargs=lambda o: {"pk": o.team_request.pk},
    ),
    "activities:team_remove": Expect(
        get=by_role(LOGIN, NOT_ALLOWED),
        post=by_role(LOGIN, DONE),
        kwargs=lambda o: {"handle": o.someone.handle},
    ),
    # private messages: a conversation, its messages and a request are hers alone; anyone else,
    # staff included, gets 404 as for a missing one (moderators read a message only once it is
    # held or reported, tests/conversations/test_views.py).
    "conversations:list": Expect(**members_only(get=OK)),
    "conversations:settings": Expect(get=by_role(LOGIN, NOT_ALLOWED), post=by_role(LOGIN, DONE)),
    "conversations:new": Expect(
        get=by_role(LOGIN, OK, member=REDIRECT),
        post=by_role(LOGIN, FORM, member=REDIRECT),
        kwargs=lambda o: {"handle": o.someone.handle},
    ),
    "conversations:detail": Expect(
        get=by_role(LOGIN, HIDDEN, member=OK),
        post=by_role(LOGIN, HIDDEN, member=FORM),
        kwargs=lambda o: {"pk": o.conversation.pk},
    ),
    **{
        f"conversations:{name}": Expect(
            get=by_role(LOGIN, NOT_ALLOWED),
            post=by_role(LOGIN, HIDDEN, member=DONE),
            kwargs=lambda o: {"pk": o.message_request.pk},
        )
        for name in ("accept", "ignore", "mute", "unmute", "leave")
    },
    "conversations:message": Expect(
        get=by_role(LOGIN, HIDDEN, member=REDIRECT),
        post=by_role(LOGIN, NOT_ALLOWED),
        kwargs=lambda o: {"pk": o.own_message.pk},
    ),
    "conversations:edit": Expect(
        get=by_role(LOGIN, HIDDEN, member=OK),
        post=by_role(LOGIN, HIDDEN, member=FORM),
        kwargs=lambda o: {"pk": o.own_message.pk},
    ),
    "conversations:delete": Expect(
        get=by_role(LOGIN, NOT_ALLOWED),
        post=by_role(LOGIN, HIDDEN, member=DONE),
        kwargs=lambda o: {"pk": o.own_message.pk},
    ),
    # blocks: a member's own list in settings, and the buttons on profiles
    "accounts:blocks": Expect(**members_only(get=OK)),
    "members:block": Expect(
        get=by_role(LOGIN, NOT_ALLOWED),
        post=by_role(LOGIN, DONE),
        kwargs=lambda o: {"handle": o.someone.handle},
    ),
    "members:unblock": Expect(
        get=by_role(LOGIN, NOT_ALLOWED),
        post=by_role(LOGIN, DONE),
        kwargs=lambda o: {"handle": o.someone.handle},
    ),
    # treatments: members' experiences are for members (404 for visitors, like a missing one);
    # the form and the compare page send visitors to log in; removing is the author's alone
    "treatments:compare": Expect(**members_only(get=OK)),
    "treatments:my_experiences": Expect(**members_only(get=OK)),
    "treatments:my_experience_start": Expect(**members_only(get=REDIRECT)),
    "treatments:experience_edit": Expect(
        **members_only(get=OK, post=FORM), kwargs=lambda o: {"slug": o.treatment.slug}
    ),
    "treatments:experience_delete": Expect(
        get=by_role(LOGIN, NOT_ALLOWED),
        post=by_role(LOGIN, HIDDEN, member=DONE),
        kwargs=lambda o: {"slug": o.treatment.slug},
    ),
    "treatments:experiences": Expect(
        get=by_role(HIDDEN, OK), post=NOT_ALLOWED, kwargs=lambda o: {"slug": o.treatment.slug}
    ),
    "treatments:experience": Expect(
        get=by_role(HIDDEN, OK),
        post=NOT_ALLOWED,
        kwargs=lambda o: {"slug": o.treatment.slug, "pk": o.experience.pk},
    ),
    # moderation: any member may report a post
    "moderation:report": Expect(
        **members_only(get=OK, post=FORM),
        kwargs=lambda o: {"kind": "question", "pk": o.question.pk},
    ),
}

# Django admin: generated per model, so one rule covers it. Visitors and members never get
# an admin page; staff get answers that are never server errors (their permissions decide).
# Staff without the second factor in the session are sent to it from every admin page.
_ADMIN_STAFF = {"moderator": ANSWERED, "editor": ANSWERED}
_ADMIN_NO_2FA = dict.fromkeys(WITHOUT_SECOND_FACTOR, SECOND_FACTOR)
ADMIN = Expect(
    get=by_role(REDIRECT, REDIRECT, **_ADMIN_STAFF, **_ADMIN_NO_2FA),
    post=by_role(REDIRECT, REDIRECT, **_ADMIN_STAFF, **_ADMIN_NO_2FA),
)
ADMIN_LOGIN = Expect(
    get=by_role(LOGIN, ANSWERED, **_ADMIN_NO_2FA), post=by_role(LOGIN, ANSWERED, **_ADMIN_NO_2FA)
)
ADMIN_KWARG_VALUES = {"app_label": "auth", "object_id": "1", "content_type_id": "1"}


@dataclass(frozen=True)
class Route:
    pattern: str
    name: str
    converters: tuple[str, ...]

    @property
    def key(self) -> str:
        return self.name or self.pattern

    @property
    def is_admin(self) -> bool:
        return self.pattern.startswith("admin/")


def routes() -> Iterator[Route]:
    """Every URL pattern of the project with its full pattern, namespaced name and kwargs."""

    def walk(resolver: URLResolver, prefix: str, namespace: str) -> Iterator[Route]:
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                inner = namespace
                if entry.namespace:
                    inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
                yield from walk(entry, prefix + str(entry.pattern), inner)
            elif isinstance(entry, URLPattern):
                name = entry.name or ""
                if name and namespace:
                    name = f"{namespace}:{name}"
                yield Route(
                    prefix + str(entry.pattern), name, tuple(entry.pattern.regex.groupindex)
                )

    yield from walk(get_resolver(), "", "")


def expectation(route: Route) -> Expect | None:
    """The expectation for a route, or None when nobody has decided yet."""
    if route.is_admin:
        if route.name == "admin:login":
            return ADMIN_LOGIN
        return ADMIN
    return EXPECTATIONS.get(route.key)


def admin_kwargs(route: Route) -> dict[str, str]:
    return {name: ADMIN_KWARG_VALUES.get(name, "1") for name in route.converters}
