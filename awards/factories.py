"""Factories for the award's tests and demo: an edition whose dates put it in a chosen phase."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

import factory
import wagtail_factories

from .models import (
    JURY_GROUP,
    AwardCategory,
    AwardCriterion,
    AwardEditionPage,
    AwardIndexPage,
    AwardQuestion,
    Candidature,
)

# Days from the opening of the call to each boundary, in the order of PHASE_BOUNDARIES.
OFFSETS = {
    "call_opens_at": 0,
    "candidature_deadline": 10,
    "eligibility_check_ends_at": 12,
    "finalists_announced_at": 14,
    "vote_opens_at": 16,
    "vote_closes_at": 20,
    "jury_phase_1_opens_at": 22,
    "jury_phase_1_closes_at": 26,
    "jury_phase_2_opens_at": 28,
    "jury_phase_2_closes_at": 32,
}
PHASE_START = {
    "call": "call_opens_at",
    "eligibility": "candidature_deadline",
    "finalists": "finalists_announced_at",
    "vote": "vote_opens_at",
    "vote_closed": "vote_closes_at",
    "jury_1": "jury_phase_1_opens_at",
    "between_jury_phases": "jury_phase_1_closes_at",
    "jury_2": "jury_phase_2_opens_at",
    "deliberation": "jury_phase_2_closes_at",
}


def dates_in_phase(phase, now=None):
    """Phase dates placing `now` one day into `phase`."""
    now = now or timezone.now()
    origin = now - datetime.timedelta(days=OFFSETS[PHASE_START[phase]] + 1)
    return {name: origin + datetime.timedelta(days=days) for name, days in OFFSETS.items()}


class AwardIndexPageFactory(wagtail_factories.PageFactory):
    title = "Prix"
    slug = "prix"
    intro = "<p>Le Prix OIDP Bonne Pratique.</p>"

    class Meta:
        model = AwardIndexPage


class AwardEditionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Prix OIDP {2000 + n}")
    number = factory.Sequence(lambda n: n + 1)
    year = factory.Sequence(lambda n: 2000 + n)
    theme = "Démocratie participative"
    time_zone = "Europe/Madrid"
    vote_weight = "0.20"

    class Meta:
        model = AwardEditionPage

    @classmethod
    def _build_page_dates(cls, kwargs):
        phase = kwargs.pop("phase", None)
        if phase:
            for name, value in dates_in_phase(phase).items():
                kwargs.setdefault(name, value)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        cls._build_page_dates(kwargs)
        return super()._create(model_class, *args, **kwargs)


def add_edition_rows(edition):
    """Two categories, two weighted criteria and two questions (one required)."""
    categories = [
        AwardCategory.objects.create(page=edition, name="Inclusion", locale=edition.locale),
        AwardCategory.objects.create(page=edition, name="Innovation", locale=edition.locale),
    ]
    criteria = [
        AwardCriterion.objects.create(
            page=edition, name="Innovation", weight=2, locale=edition.locale
        ),
        AwardCriterion.objects.create(page=edition, name="Impact", weight=1, locale=edition.locale),
    ]
    questions = [
        AwardQuestion.objects.create(
            page=edition, text="What changed thanks to it?", required=True, locale=edition.locale
        ),
        AwardQuestion.objects.create(
            page=edition, text="Anything else?", required=False, locale=edition.locale
        ),
    ]
    return categories, criteria, questions


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.Sequence(lambda n: f"user{n}@example.org")
    first_name = "Ana"
    last_name = factory.Sequence(lambda n: f"Member {n}")

    class Meta:
        model = get_user_model()


def make_juror(edition, **kwargs):
    juror = UserFactory(**kwargs)
    juror.groups.add(Group.objects.get_or_create(name=JURY_GROUP)[0])
    edition.jurors.add(juror)
    edition.save()
    return juror


class CandidatureFactory(factory.django.DjangoModelFactory):
    applicant = factory.SubFactory(UserFactory)
    language = "fr"
    title = factory.SelfAttribute("experience.title")
    state = Candidature.State.SUBMITTED

    class Meta:
        model = Candidature
