"""Members like me: who shares the most profile facts with the viewer.

Only facts a member shares with members count, so the order a viewer sees can never reveal
something its owner keeps to themselves. The viewer's own facts count whatever their
visibility: they are the viewer's to use. "Not sure" answers are not facts and never match.
"""

from dataclasses import dataclass, field

from django.db.models import (
    Case,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.expressions import Combinable
from django.db.models.functions import Coalesce

from catalogue.models import Treatment
from core.viewer import Viewer, viewer_is_member

from .models import Profile, User, Visibility

# (value field, visibility field, label): the single-valued facts that make members alike.
# Role is left out on purpose: nearly everyone is "living with", so it would sort nothing.
_MATCHED_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("diagnosis_type", "diagnosis_type_visibility", "Diagnosis"),
    ("her2_status", "her2_status_visibility", "HER2 status"),
    ("hormone_status", "hormone_status_visibility", "Hormone receptor status"),
    ("stage", "stage_visibility", "Stage"),
    ("age_range", "age_range_visibility", "Age"),
)

# Answers that say "I don't know": two members who are both unsure share nothing.
_NOT_A_FACT = frozenset({"", "unknown", Profile.DiagnosisType.OTHER})

SHARED_FACT_COUNT = "shared_fact_count"

# Shorter words for a fact shown as a chip, where the profile's own label is long or bare.
_CHIP_LABELS: dict[tuple[str, str], str] = {
    ("hormone_status", Profile.HormoneStatus.POSITIVE.value): "Hormone receptor-positive",
    ("hormone_status", Profile.HormoneStatus.NEGATIVE.value): "Hormone receptor-negative",
    **{
        ("age_range", age.value): f"Aged {age.label[0].lower()}{age.label[1:]}"
        for age in Profile.AgeRange
    },
}


@dataclass(frozen=True)
class MemberFacts:
    """The facts one member could share with others, read once per request."""

    values: dict[str, str] = field(default_factory=dict)  # value field -> stored value
    region: str = ""
    treatment_ids: frozenset[int] = frozenset()

    @property
    def empty(self) -> bool:
        return not (self.values or self.region or self.treatment_ids)


def member_facts_of(*, member: Viewer) -> MemberFacts:
    """The member's own facts, whatever their visibility (two queries: profile, treatments)."""
    names = [name for name, _, _ in _MATCHED_FIELDS]
    row = Profile.objects.filter(user_id=member.pk).values("pk", "region", *names).first()
    if row is None:
        return MemberFacts()
    through_current = Profile.current_treatments.through.objects.filter(profile_id=row["pk"])
    through_past = Profile.past_treatments.through.objects.filter(profile_id=row["pk"])
    treatment_ids = frozenset(
        through_current.values_list("treatment_id", flat=True).union(
            through_past.values_list("treatment_id", flat=True)
        )
    )
    return MemberFacts(
        values={name: row[name] for name in names if row[name] not in _NOT_A_FACT},
        region=row["region"].strip(),
        treatment_ids=treatment_ids,
    )


class _Count(Func):
    # COUNT(*) in a correlated subquery without GROUP BY: one number per outer row.
    function = "COUNT"
    template = "%(function)s(*)"
    output_field = IntegerField()


def _shared_treatments(treatment_ids: frozenset[int]) -> Subquery:
    """How many of these treatments the outer member lists, current or past, each once."""
    # OuterRef(OuterRef(...)): the candidate member two subqueries out.
    candidate = OuterRef(OuterRef("pk"))
    current = Profile.current_treatments.through.objects.filter(profile__user_id=candidate).values(
        "treatment_id"
    )
    past = Profile.past_treatments.through.objects.filter(profile__user_id=candidate).values(
        "treatment_id"
    )
    counted = (
        Treatment.objects.filter(pk__in=treatment_ids)
        .filter(Q(pk__in=current) | Q(pk__in=past))
        .order_by()
        .annotate(n=_Count())
        .values("n")
    )
    return Subquery(counted, output_field=IntegerField())


def _fact_score(facts: MemberFacts) -> Combinable:
    """An SQL expression: how many of `facts` the outer member shares with members."""
    terms: list[Combinable] = []
    for name, visibility, _label in _MATCHED_FIELDS:
        value = facts.values.get(name)
        if value:
            shared = Q(**{f"profile__{name}": value, f"profile__{visibility}": Visibility.MEMBERS})
            terms.append(Case(When(shared, then=Value(1)), default=Value(0)))
    if facts.region:
        shared = Q(
            profile__region__iexact=facts.region, profile__region_visibility=Visibility.MEMBERS
        )
        terms.append(Case(When(shared, then=Value(1)), default=Value(0)))
    if facts.treatment_ids:
        counted = Coalesce(_shared_treatments(facts.treatment_ids), Value(0))
        shared = Q(profile__treatments_visibility=Visibility.MEMBERS)
        terms.append(Case(When(shared, then=counted), default=Value(0)))
    total: Combinable = Value(0)
    for term in terms:
        total = total + term
    return total


def members_ranked_by_shared_facts(
    *,
    viewer: Viewer,
    candidates: QuerySet[User] | None = None,
    limit: int | None = None,
    facts: MemberFacts | None = None,
) -> QuerySet[User]:
    """Members ordered by how many facts they share with the viewer, most first, then by name.

    Each row carries `shared_fact_count`. Only facts a member shares with members count; a
    visitor gets nothing; the viewer, inactive and erased members are left out. Costs the
    viewer's facts (two queries) plus one query when the result is read, whatever the size of
    `candidates` (a queryset of users to rank, e.g. the directory's filtered one). A caller
    that also shows the facts passes the viewer's `facts` (from `member_facts_of`) to read
    them once.
    """
    if not viewer_is_member(viewer):
        return User.objects.none()
    members = candidates if candidates is not None else User.objects.all()
    if facts is None:
        facts = member_facts_of(member=viewer)
    ranked = (
        members.filter(is_active=True, erased_at__isnull=True)
        .exclude(pk=viewer.pk)
        .annotate(**{SHARED_FACT_COUNT: _fact_score(facts)})
        .order_by(f"-{SHARED_FACT_COUNT}", "display_name", "pk")
    )
    return ranked[:limit] if limit is not None else ranked


def shared_fact_count(member: User) -> int:
    """The count `members_ranked_by_shared_facts` put on this row (0 on any other user)."""
    return int(getattr(member, SHARED_FACT_COUNT, 0))


def facts_shared_with(*, facts: MemberFacts, profile: Profile) -> list[str]:
    """Readable facts `profile` shares with members that match `facts`, in profile order.

    Reads the profile's prefetched treatments when they are there (no query per member).
    """
    shared: list[str] = []
    for name, visibility, _label in _MATCHED_FIELDS:
        value = facts.values.get(name)
        if (
            value
            and getattr(profile, name) == value
            and getattr(profile, visibility) == (Visibility.MEMBERS)
        ):
            label = str(getattr(profile, f"get_{name}_display")())
            shared.append(_CHIP_LABELS.get((name, value), label))
    if profile.treatments_visibility == Visibility.MEMBERS and facts.treatment_ids:
        listed = {*profile.current_treatments.all(), *profile.past_treatments.all()}
        shared.extend(sorted(t.name for t in listed if t.pk in facts.treatment_ids))
    if (
        facts.region
        and profile.region_visibility == Visibility.MEMBERS
        and profile.region.strip().casefold() == facts.region.casefold()
    ):
        shared.append(profile.region.strip())
    return shared
