"""Factories for the repository's content, used by its tests and by other apps' tests."""

import datetime

from wagtail.models import Locale

import factory
import wagtail_factories

from .models import (
    ExperienceActor,
    ExperienceIndexPage,
    ExperienceMilestone,
    ExperiencePage,
    ExperienceReview,
    Method,
    Organisation,
    SustainableDevelopmentGoal,
    TargetGroup,
    Theme,
)


class VocabularyFactory(factory.django.DjangoModelFactory):
    locale = factory.LazyFunction(Locale.get_default)


class ThemeFactory(VocabularyFactory):
    name = factory.Sequence(lambda n: f"Theme {n}")

    class Meta:
        model = Theme


class MethodFactory(VocabularyFactory):
    name = factory.Sequence(lambda n: f"Method {n}")

    class Meta:
        model = Method


class TargetGroupFactory(VocabularyFactory):
    name = factory.Sequence(lambda n: f"Target group {n}")

    class Meta:
        model = TargetGroup


class OrganisationFactory(VocabularyFactory):
    name = factory.Sequence(lambda n: f"Organisation {n}")
    organisation_type = Organisation.Type.LOCAL_GOVERNMENT
    country = "ES"
    website = "https://example.org/"

    class Meta:
        model = Organisation


def sdg(number):
    """The SDG loaded by the data migration, in the default language."""
    return SustainableDevelopmentGoal.objects.get(number=number, locale=Locale.get_default())


class ExperienceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Experiences"
    slug = "experiences"
    intro = "<p>Participatory practices from around the world.</p>"

    class Meta:
        model = ExperienceIndexPage


class ExperiencePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Experience {n}")
    summary = "Residents decide part of the municipal budget."
    country = "BR"
    city = "Porto Alegre"
    scale = "municipal"
    latitude = -30.03
    longitude = -51.23
    start_date = datetime.date(2019, 3, 1)
    status = "ongoing"
    participants_number = 1200
    recruitment = "open"
    channel = "hybrid"
    participation_level = "empower"
    is_binding = True
    budget = 1_000_000
    budget_currency = "BRL"
    objectives = "<p>Bring residents into budget decisions.</p>"
    description = "<p>Neighbourhood assemblies propose and vote on projects.</p>"
    results = "<p>Two hundred projects funded.</p>"
    contact_name = "Participation office"
    contact_email = "participation@example.org"
    last_updated = datetime.date(2024, 5, 1)

    class Meta:
        model = ExperiencePage
        skip_postgeneration_save = True

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if extracted:
            self.themes.set(extracted)
            self.save()

    @factory.post_generation
    def methods(self, create, extracted, **kwargs):
        if extracted:
            self.methods.set(extracted)
            self.save()

    @factory.post_generation
    def sdgs(self, create, extracted, **kwargs):
        if extracted:
            self.sdgs.set(extracted)
            self.save()


class ExperienceActorFactory(factory.django.DjangoModelFactory):
    name = "Neighbourhood association"
    role = "Organised the assemblies"
    locale = factory.SelfAttribute("page.locale")

    class Meta:
        model = ExperienceActor


class ExperienceMilestoneFactory(factory.django.DjangoModelFactory):
    date = datetime.date(2020, 1, 15)
    title = "First assembly"
    status = "complete"
    locale = factory.SelfAttribute("page.locale")

    class Meta:
        model = ExperienceMilestone


class ExperienceReviewFactory(factory.django.DjangoModelFactory):
    reviewed_on = datetime.date(2024, 6, 1)
    documented_results = True
    sources_given = True
    validated_by_local_actors = True
    participation_described = True
    up_to_date = True

    class Meta:
        model = ExperienceReview
