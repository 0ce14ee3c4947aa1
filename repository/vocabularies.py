"""The vocabularies of the repository: themes, methods, target groups, SDGs, organisations.

Each is a translatable snippet: one row per language sharing a translation key. Their
`slug` (or SDG `number`) is synchronised across translations, so it is the stable code
used in filtered URLs and in the open data, whatever the language.

Experiences point at the rows of the default language (see `default_locale_choices`);
names are shown in the reader's language by looking the translation up by slug.

Changes and translations go live when published, after review
(`translations.snippets.ReviewedSnippetMixin`): public queries read `objects.live()`.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from django_countries.fields import CountryField

from home.page_cache import generation_memo
from translations.snippets import ReviewedSnippetMixin

from .regions import region_for_country


def default_locale_choices():
    """Choosers list one row per term: the default language's, once published."""
    return Q(locale__language_code=settings.LANGUAGE_CODE, live=True)


class VocabularyTerm(ReviewedSnippetMixin, TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("code"),
        max_length=80,
        blank=True,
        allow_unicode=False,
        help_text=_(
            "Short identifier used in web addresses and open data; the same in every language. "
            "Filled in from the name when left empty."
        ),
    )
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    override_translatable_fields = [SynchronizedField("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:80]
        super().save(*args, **kwargs)


class Theme(VocabularyTerm):
    """A theme of the Local Democracy Agenda, or a sub-theme of one (two levels)."""

    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="subthemes",
        limit_choices_to={"parent__isnull": True},
        help_text=_("Leave empty for a main theme; choose one to make this a sub-theme."),
    )

    panels = [*VocabularyTerm.panels, FieldPanel("parent")]

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_theme_slug_per_locale")
        ]


class Method(VocabularyTerm):
    """A participatory method: participatory budgeting, citizens' assembly, ..."""

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("method")
        verbose_name_plural = _("methods")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_method_slug_per_locale")
        ]


class TargetGroup(VocabularyTerm):
    """A group of participants an experience reaches out to (young people, migrants, ...)."""

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="unique_target_group_slug_per_locale"
            )
        ]


class SustainableDevelopmentGoal(ReviewedSnippetMixin, TranslatableMixin, models.Model):
    """One of the 17 UN Sustainable Development Goals, with its official name per language."""

    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=200)

    panels = [FieldPanel("number"), FieldPanel("name")]
    override_translatable_fields = [SynchronizedField("number")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("sustainable development goal")
        verbose_name_plural = _("sustainable development goals")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["number", "locale"], name="unique_sdg_per_locale")
        ]

    def __str__(self):
        return f"{self.number}. {self.name}"

    @property
    def slug(self):
        return str(self.number)


class Organisation(ReviewedSnippetMixin, TranslatableMixin, index.Indexed, models.Model):
    """A member or partner organisation; promotes or supports experiences."""

    class Type(models.TextChoices):
        LOCAL_GOVERNMENT = "local-government", _("Local government")
        REGIONAL_GOVERNMENT = "regional-government", _("Regional government")
        CIVIL_SOCIETY = "civil-society", _("Civil society organisation")
        RESEARCH_CENTRE = "research-centre", _("Research centre or university")
        NETWORK = "network", _("Network")
        INTERNATIONAL_BODY = "international-body", _("International body")

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("code"), max_length=100, blank=True)
    organisation_type = models.CharField(_("type"), max_length=30, choices=Type.choices)
    country = CountryField(_("country"), blank=True)
    website = models.URLField(_("website"), blank=True)
    is_member = models.BooleanField(_("member of the network"), default=False)
    publication_consent = models.BooleanField(
        _("agreed to have its data published"),
        default=True,
        help_text=_(
            "Without consent, the organisation's name is left out of the open data and it is "
            "not listed in the member directory."
        ),
    )
    publication_consent_date = models.DateField(
        _("date of the consent"),
        null=True,
        blank=True,
        help_text=_("When the organisation agreed; today's date is recorded if left empty."),
    )
    latitude = models.FloatField(
        _("latitude"), null=True, blank=True, help_text=_("Places it on the member map.")
    )
    longitude = models.FloatField(_("longitude"), null=True, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("organisation_type"),
        FieldPanel("country"),
        FieldPanel("website"),
        FieldPanel("is_member"),
        FieldPanel("publication_consent"),
        FieldPanel("publication_consent_date"),
        FieldPanel("latitude"),
        FieldPanel("longitude"),
    ]
    override_translatable_fields = [
        SynchronizedField("slug"),
        SynchronizedField("country"),
        SynchronizedField("is_member"),
        SynchronizedField("publication_consent"),
        SynchronizedField("publication_consent_date"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="unique_organisation_slug_per_locale"
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:100]
        # Consent is recorded with its date: the day it was ticked, unless an earlier one is known.
        if self.publication_consent and self.publication_consent_date is None:
            self.publication_consent_date = datetime.date.today()
        elif not self.publication_consent:
            self.publication_consent_date = None
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.publication_consent_date and self.publication_consent_date > datetime.date.today():
            raise ValidationError(
                {"publication_consent_date": _("The date of the consent cannot be in the future.")}
            )
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(
                {"longitude": _("Give both the latitude and the longitude, or neither.")}
            )

    @property
    def region(self):
        return region_for_country(self.country)


VOCABULARY_MODELS = {
    "theme": Theme,
    "method": Method,
    "target_group": TargetGroup,
    "sdg": SustainableDevelopmentGoal,
    "organisation": Organisation,
}


def active_language_code():
    """The content language of the request, without the query `Locale.get_active()` makes.

    A language without a locale of its own simply has no rows: the default's are used.
    """
    try:
        return get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return settings.LANGUAGE_CODE


def localised_labels(model, key="slug"):
    """{code: name} for a vocabulary in the active language, falling back to the default.

    Published rows only (a translation waiting for review is not shown). One query, whatever
    the number of terms or experiences, then none in this process until the next content change.
    """
    active = active_language_code()

    def read():
        rows = (
            model.objects.live()
            .filter(locale__language_code__in={active, settings.LANGUAGE_CODE})
            .values_list("locale__language_code", key, "name")
        )
        labels = {}
        for _language, code, name in sorted(rows, key=lambda row: row[0] == active):
            labels[str(code)] = name
        return labels

    return dict(generation_memo(f"labels:{model._meta.label}:{key}:{active}", read))
