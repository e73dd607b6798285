import pytest
from django.contrib.auth.models import Group

from tests.factories import UserFactory, treatment
from treatments.models import GuideReference, GuideStatus, TreatmentGuide
from treatments.services.guides import guide_save


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = "https://mybcteam.example"


@pytest.fixture
def trastuzumab(db: None):
    return treatment("trastuzumab")


@pytest.fixture
def guide(trastuzumab):
    """A published, reviewed guide to trastuzumab with two references."""
    made = guide_save(
        guide=TreatmentGuide(
            treatment=trastuzumab,
            summary="## How it is given\n\nBy **infusion** every three weeks.",
            reviewer_name="Dr. Test Reviewer",
            reviewer_credentials="MD, medical oncologist",
            status=GuideStatus.PUBLISHED,
        )
    )
    GuideReference.objects.create(guide=made, position=1, citation="Second source")
    GuideReference.objects.create(
        guide=made, position=0, citation="First source", url="https://www.cancer.gov/"
    )
    return made


@pytest.fixture
def editor(db: None):
    user = UserFactory.create(is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user
