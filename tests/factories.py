"""factory_boy factories shared by every test package."""

from datetime import timedelta

import factory
from allauth.account.models import EmailAddress
from django.utils import timezone
from django.utils.text import slugify

from accounts.models import Profile, User
from catalogue.models import Topic, Treatment

TEST_PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory[User]):
    """A member with a verified email address (pass verified=False for one without)."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"member{n}@example.com")
    display_name = factory.Sequence(lambda n: f"Member {n}")
    handle = factory.LazyAttribute(lambda o: slugify(o.display_name))
    password = factory.django.Password(TEST_PASSWORD)
    # Established by default: moderation holds posts of members in their first 24 hours
    # (MODERATION_NEW_MEMBER_HOURS); pass date_joined=timezone.now() for a new member.
    date_joined = factory.LazyFunction(lambda: timezone.now() - timedelta(days=30))

    @factory.post_generation
    def verified(self, create: bool, extracted: bool | None, **kwargs: object) -> None:
        if create:
            EmailAddress.objects.create(
                user=self, email=self.email, primary=True, verified=extracted is not False
            )

    @factory.post_generation
    def profile(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            Profile.objects.get_or_create(user=self)  # type: ignore[misc]


class TopicFactory(factory.django.DjangoModelFactory[Topic]):
    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    description = "A topic for tests."


def treatment(slug: str = "trastuzumab") -> Treatment:
    """A treatment from the seeded catalogue."""
    return Treatment.objects.get(slug=slug)
