"""The repository of experiences: the index page per language and the experience pages.

An experience is described jointly with its local actors and must be comparable across
countries, so most of it is structured: choices, numbers, dates and vocabularies that are
synchronised across translations. Only the words (title, summary, narrative, roles,
milestones) are translated.
"""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from django_countries.fields import CountryField

from home.blocks import RICH_TEXT_FEATURES, DocumentLinkBlock, ImageBlock, VideoBlock
from home.models import SocialMetaMixin
from home.routing import SingleChildTypeRouteMixin
from translations.listings import listed_in

from .regions import Region, region_for_country
from .vocabularies import (  # noqa: F401 (the snippet models live in vocabularies.py)
    Method,
    Organisation,
    SustainableDevelopmentGoal,
    TargetGroup,
    Theme,
    default_locale_choices,
)


class Scale(models.TextChoices):
    NEIGHBOURHOOD = "neighbourhood", _("Neighbourhood")
    MUNICIPAL = "municipal", _("Municipal")
    METROPOLITAN = "metropolitan", _("Metropolitan")
    REGIONAL = "regional", _("Regional")
    NATIONAL = "national", _("National")
    INTERNATIONAL = "international", _("International")


class Status(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")


class Recruitment(models.TextChoices):
    OPEN = "open", _("Open to all")
    RANDOM = "random", _("Random selection")
    STRATIFIED = "stratified", _("Stratified random selection")
    TARGETED = "targeted", _("Targeted")
    APPOINTED = "appointed", _("Appointed or elected")


class Channel(models.TextChoices):
    IN_PERSON = "in-person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class ParticipationLevel(models.TextChoices):
    INFORM = "inform", _("Inform")
    CONSULT = "consult", _("Consult")
    INVOLVE = "involve", _("Involve")
    COLLABORATE = "collaborate", _("Collaborate")
    EMPOWER = "empower", _("Empower")


class Licence(models.TextChoices):
    CC_BY = "cc-by-4.0", "CC BY 4.0"
    CC_BY_SA = "cc-by-sa-4.0", "CC BY-SA 4.0"
    CC_BY_NC = "cc-by-nc-4.0", "CC BY-NC 4.0"
    CC_BY_NC_SA = "cc-by-nc-sa-4.0", "CC BY-NC-SA 4.0"
    CC_BY_ND = "cc-by-nd-4.0", "CC BY-ND 4.0"
    CC0 = "cc0-1.0", "CC0 1.0"


LICENCE_URLS = {
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC_BY_NC: "https://creativecommons.org/licenses/by-nc/4.0/",
    Licence.CC_BY_NC_SA: "https://creativecommons.org/licenses/by-nc-sa/4.0/",
    Licence.CC_BY_ND: "https://creativecommons.org/licenses/by-nd/4.0/",
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
}

CURRENCIES = [
    ("EUR", "EUR €"),
    ("USD", "USD $"),
    ("BRL", "BRL R$"),
    ("MXN", "MXN $"),
    ("ARS", "ARS $"),
    ("COP", "COP $"),
    ("CLP", "CLP $"),
    ("PEN", "PEN S/"),
    ("UYU", "UYU $"),
    ("CAD", "CAD $"),
    ("GBP", "GBP £"),
    ("CHF", "CHF"),
    ("XOF", "XOF CFA"),
    ("XAF", "XAF CFA"),
    ("UAH", "UAH ₴"),
    ("MAD", "MAD"),
    ("TND", "TND"),
    ("ZAR", "ZAR R"),
    ("KES", "KES"),
    ("INR", "INR ₹"),
    ("KRW", "KRW ₩"),
    ("JPY", "JPY ¥"),
    ("TWD", "TWD NT$"),
    ("AUD", "AUD $"),
    ("NZD", "NZD $"),
    ("TRY", "TRY ₺"),
    ("GEL", "GEL ₾"),
    ("MZN", "MZN"),
]


def forms_checkbox():
    return forms.CheckboxSelectMultiple


class ResourceLinkBlock(blocks.StructBlock):
    url = blocks.URLBlock(label=_("Address"))
    title = blocks.CharBlock(label=_("Link text"), max_length=200)
    description = blocks.CharBlock(label=_("Description"), required=False, max_length=300)

    class Meta:
        icon = "link-external"
        template = "repository/blocks/resource_link.html"
        label = _("Link")
        description = _("A web page about the experience: report, press article, platform.")
        preview_value = {
            "url": "https://example.org/report",
            "title": "Evaluation report",
            "description": "Published by the city council",
        }


class ResourceStreamBlock(blocks.StreamBlock):
    """Documents, links, videos and images: the evidence and material of an experience."""

    document = DocumentLinkBlock()
    link = ResourceLinkBlock()
    video = VideoBlock()
    image = ImageBlock()


class ExperienceIndexPage(RoutablePageMixin, SingleChildTypeRouteMixin, SocialMetaMixin, Page):
    """The repository in one language: the filtered list, the map and the open data."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    codebook_intro = RichTextField(
        _("codebook introduction"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Shown above the description of the fields of the open data."),
    )
    suggest_intro = RichTextField(
        _("introduction to the suggestion form"),
        blank=True,
        features=RICH_TEXT_FEATURES,
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("suggest_intro"),
        FieldPanel("codebook_intro"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["repository.ExperiencePage"]
    max_count_per_parent = 1
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("repository of experiences")
        verbose_name_plural = _("repositories of experiences")

    def experiences(self):
        return ExperiencePage.objects.child_of(self).live().public()

    def listed_experiences(self):
        """What the index lists: its experiences, and the untranslated ones in their language."""
        return ExperiencePage.objects.filter(listed_in(self)).live().public()

    @path("")
    def index_route(self, request):
        from .views import index_view

        return index_view(request, self)

    @path("export/csv/")
    def csv_route(self, request):
        from .opendata import csv_response

        return csv_response(request, self)

    @path("export/geojson/")
    def geojson_route(self, request):
        from .opendata import geojson_response

        return geojson_response(request, self)

    @path("codebook/")
    def codebook_route(self, request):
        from .views import codebook_view

        return codebook_view(request, self)

    @path("suggest/")
    def suggest_route(self, request):
        from .suggest import suggest_view

        return suggest_view(request, self)

    @path("suggest/thanks/")
    def suggest_thanks_route(self, request):
        from .suggest import thanks_view

        return thanks_view(request, self)

    @path("compare/")
    def compare_route(self, request):
        from .views import compare_view

        return compare_view(request, self)


class ExperienceTag(TaggedItemBase):
    content_object = ParentalKey(
        "repository.ExperiencePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


# The fields counted by the completeness indicator, grouped as the page shows them.
COMPLETENESS_FIELDS = [
    "summary",
    "country",
    "city",
    "scale",
    "latitude",
    "start_date",
    "status",
    "themes",
    "methods",
    "sdgs",
    "promoting_organisation",
    "actors",
    "participants_number",
    "target_groups",
    "recruitment",
    "channel",
    "participation_level",
    "budget",
    "objectives",
    "description",
    "results",
    "evaluation",
    "lessons",
    "replicability",
    "resources",
    "milestones",
    "contact_email",
]


class ExperiencePage(SocialMetaMixin, Page):
    """A participatory practice in a place, described jointly with the local actors."""

    summary = models.TextField(
        _("summary"),
        help_text=_("Two or three sentences: what, where, with whom, what came of it."),
    )
    main_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    main_image_credit = models.CharField(_("image credit"), max_length=200, blank=True)

    # Where
    country = CountryField(_("country"))
    city = models.CharField(_("city or territory"), max_length=200, blank=True)
    region = models.CharField(
        _("world region"), max_length=30, choices=Region.choices, blank=True, editable=False
    )
    scale = models.CharField(_("scale"), max_length=20, choices=Scale.choices, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)

    # When
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Leave empty while it is ongoing.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ONGOING
    )

    # What
    themes = ParentalManyToManyField(
        "repository.Theme",
        verbose_name=_("themes"),
        blank=True,
        related_name="experiences",
        limit_choices_to=default_locale_choices,
    )
    methods = ParentalManyToManyField(
        "repository.Method",
        verbose_name=_("methods"),
        blank=True,
        related_name="experiences",
        limit_choices_to=default_locale_choices,
    )
    sdgs = ParentalManyToManyField(
        "repository.SustainableDevelopmentGoal",
        verbose_name=_("sustainable development goals"),
        blank=True,
        related_name="experiences",
        limit_choices_to=default_locale_choices,
    )
    keywords = ClusterTaggableManager(through=ExperienceTag, verbose_name=_("keywords"), blank=True)

    # Who
    promoting_organisation = models.ForeignKey(
        "repository.Organisation",
        verbose_name=_("promoting organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="promoted_experiences",
        limit_choices_to=default_locale_choices,
    )
    partners = ParentalManyToManyField(
        "repository.Organisation",
        verbose_name=_("partners"),
        blank=True,
        related_name="partner_experiences",
        limit_choices_to=default_locale_choices,
    )
    participants_number = models.PositiveIntegerField(
        _("number of participants"), null=True, blank=True
    )
    target_groups = ParentalManyToManyField(
        "repository.TargetGroup",
        verbose_name=_("target groups"),
        blank=True,
        related_name="experiences",
        limit_choices_to=default_locale_choices,
    )
    recruitment = models.CharField(
        _("recruitment of participants"), max_length=20, choices=Recruitment.choices, blank=True
    )
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices, blank=True)

    # Influence
    participation_level = models.CharField(
        _("level of participation"), max_length=20, choices=ParticipationLevel.choices, blank=True
    )
    is_binding = models.BooleanField(
        _("binding outcome"),
        null=True,
        blank=True,
        help_text=_("Whether the authorities must follow what the participants decide."),
    )
    budget = models.DecimalField(
        _("budget allocated"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    budget_currency = models.CharField(_("currency"), max_length=3, choices=CURRENCIES, blank=True)

    # Outcome
    objectives = RichTextField(_("objectives"), blank=True, features=RICH_TEXT_FEATURES)
    description = RichTextField(_("description"), blank=True, features=RICH_TEXT_FEATURES)
    results = RichTextField(_("results"), blank=True, features=RICH_TEXT_FEATURES)
    evaluation = RichTextField(_("evaluation"), blank=True, features=RICH_TEXT_FEATURES)
    lessons = RichTextField(_("lessons learned"), blank=True, features=RICH_TEXT_FEATURES)
    replicability = RichTextField(_("replicability"), blank=True, features=RICH_TEXT_FEATURES)

    # Resources and rights
    resources = StreamField(ResourceStreamBlock(), verbose_name=_("resources"), blank=True)
    licence = models.CharField(
        _("licence"), max_length=20, choices=Licence.choices, default=Licence.CC_BY
    )
    contact_name = models.CharField(_("public contact name"), max_length=200, blank=True)
    contact_email = models.EmailField(_("public contact e-mail"), blank=True)
    last_updated = models.DateField(
        _("last updated"),
        default=datetime.date.today,
        help_text=_("Shown to the public; change it when the facts are brought up to date."),
    )

    # Who may edit it (the members app builds the editing on this relation)
    co_authors = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("co-authors"),
        blank=True,
        related_name="co_authored_experiences",
        help_text=_("Member accounts who may propose changes to this experience."),
    )

    overview_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("main_image"), FieldPanel("main_image_credit")], heading=_("Image")
        ),
    ]
    facts_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("country"), FieldPanel("city")]),
                FieldPanel("scale"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Where"),
            help_text=_("The world region is derived from the country."),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("status"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms_checkbox()),
                FieldPanel("methods", widget=forms_checkbox()),
                FieldPanel("sdgs", widget=forms_checkbox()),
                FieldPanel("keywords"),
            ],
            heading=_("What"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("participation_level"),
                FieldPanel("is_binding"),
                FieldRowPanel([FieldPanel("budget"), FieldPanel("budget_currency")]),
            ],
            heading=_("Influence"),
        ),
    ]
    actors_panels = [
        FieldPanel("promoting_organisation"),
        FieldPanel("partners", widget=forms_checkbox()),
        InlinePanel("actors", heading=_("Local actors and their role"), label=_("Actor")),
        MultiFieldPanel(
            [
                FieldPanel("participants_number"),
                FieldPanel("target_groups", widget=forms_checkbox()),
                FieldRowPanel([FieldPanel("recruitment"), FieldPanel("channel")]),
            ],
            heading=_("Participants"),
        ),
        FieldPanel("co_authors"),
    ]
    story_panels = [
        FieldPanel("objectives"),
        FieldPanel("description"),
        FieldPanel("results"),
        FieldPanel("evaluation"),
        FieldPanel("lessons"),
        FieldPanel("replicability"),
    ]
    follow_up_panels = [
        InlinePanel("milestones", heading=_("Follow-up timeline"), label=_("Milestone")),
    ]
    resources_panels = [
        FieldPanel("resources"),
        FieldPanel("licence"),
        FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_email")]),
        FieldPanel("last_updated"),
    ]
    review_panels = [
        InlinePanel(
            "reviews",
            heading=_("Editorial committee reviews"),
            label=_("Review"),
            help_text=_("The public sees the date of the latest review that met every criterion."),
        ),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(overview_panels, heading=_("Overview")),
            ObjectList(facts_panels, heading=_("Facts")),
            ObjectList(actors_panels, heading=_("Actors")),
            ObjectList(story_panels, heading=_("Story")),
            ObjectList(follow_up_panels, heading=_("Timeline")),
            ObjectList(resources_panels, heading=_("Resources")),
            ObjectList(review_panels, heading=_("Review")),
            ObjectList(SocialMetaMixin.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    override_translatable_fields = [
        *SocialMetaMixin.override_translatable_fields,
        SynchronizedField("main_image"),
        SynchronizedField("country"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
        SynchronizedField("themes"),
        SynchronizedField("methods"),
        SynchronizedField("sdgs"),
        SynchronizedField("promoting_organisation"),
        SynchronizedField("partners"),
        SynchronizedField("participants_number"),
        SynchronizedField("target_groups"),
        SynchronizedField("is_binding"),
        SynchronizedField("budget"),
        SynchronizedField("last_updated"),
        SynchronizedField("co_authors"),
        SynchronizedField("reviews"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("city"),
        index.SearchField("objectives"),
        index.SearchField("description"),
        index.SearchField("results"),
        index.SearchField("lessons"),
        index.FilterField("country"),
        index.FilterField("region"),
        index.FilterField("scale"),
        index.FilterField("status"),
        index.FilterField("start_date"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("methods", [index.SearchField("name")]),
        index.RelatedFields("keywords", [index.SearchField("name")]),
        index.RelatedFields("promoting_organisation", [index.SearchField("name")]),
    ]

    parent_page_types = ["repository.ExperienceIndexPage"]
    subpage_types = []

    api_fields = [
        APIField("identifier"),
        APIField("summary"),
        APIField("country_code"),
        APIField("country_name"),
        APIField("city"),
        APIField("region"),
        APIField("scale"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("status"),
        APIField("theme_codes"),
        APIField("method_codes"),
        APIField("sdg_numbers"),
        APIField("keyword_list"),
        APIField("promoting_organisation_name"),
        APIField("partner_names"),
        APIField("actor_list"),
        APIField("participants_number"),
        APIField("target_group_codes"),
        APIField("recruitment"),
        APIField("channel"),
        APIField("participation_level"),
        APIField("is_binding"),
        APIField("budget"),
        APIField("budget_currency"),
        APIField("objectives"),
        APIField("description"),
        APIField("results"),
        APIField("evaluation"),
        APIField("lessons"),
        APIField("replicability"),
        APIField("resources"),
        APIField("licence"),
        APIField("contact_name"),
        APIField("contact_email"),
        APIField("last_updated"),
        APIField("milestone_list"),
        APIField("reviewed_on"),
        APIField("completeness"),
    ]

    class Meta:
        verbose_name = _("experience")
        verbose_name_plural = _("experiences")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date comes before the start date.")})
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(
                {"longitude": _("Give both the latitude and the longitude, or neither.")}
            )
        if self.latitude is not None and not -90 <= self.latitude <= 90:
            raise ValidationError({"latitude": _("A latitude lies between -90 and 90.")})
        if self.longitude is not None and not -180 <= self.longitude <= 180:
            raise ValidationError({"longitude": _("A longitude lies between -180 and 180.")})
        if self.budget is not None and not self.budget_currency:
            raise ValidationError({"budget_currency": _("Say in which currency the budget is.")})

    def save(self, *args, **kwargs):
        self.region = region_for_country(self.country)
        return super().save(*args, **kwargs)

    # Open data: stable codes rather than words, so the same in every language.

    @property
    def identifier(self):
        return str(self.translation_key)

    @property
    def country_code(self):
        return str(self.country.code or "")

    @property
    def country_name(self):
        return str(self.country.name or "")

    @property
    def theme_codes(self):
        return [theme.slug for theme in self.themes.all()]

    @property
    def method_codes(self):
        return [method.slug for method in self.methods.all()]

    @property
    def sdg_numbers(self):
        return sorted(sdg.number for sdg in self.sdgs.all())

    @property
    def target_group_codes(self):
        return [group.slug for group in self.target_groups.all()]

    @property
    def keyword_list(self):
        return sorted(tag.name for tag in self.keywords.all())

    @property
    def promoting_organisation_name(self):
        organisation = self.promoting_organisation
        if organisation is None or not organisation.publication_consent:
            return ""
        return organisation.name

    @property
    def partner_names(self):
        return [p.name for p in self.partners.all() if p.publication_consent]

    @property
    def actor_list(self):
        return [{"name": actor.name, "role": actor.role} for actor in self.actors.all()]

    @property
    def milestone_list(self):
        return [
            {
                "date": milestone.date.isoformat() if milestone.date else None,
                "title": milestone.title,
                "status": milestone.status,
                "evidence_url": milestone.evidence_url,
            }
            for milestone in self.milestones.all()
        ]

    @cached_property
    def latest_review(self):
        passed = [review for review in self.reviews.all() if review.is_passed]
        return max(passed, key=lambda review: review.reviewed_on, default=None)

    @property
    def reviewed_on(self):
        review = self.latest_review
        return review.reviewed_on.isoformat() if review else None

    @property
    def licence_url(self):
        return LICENCE_URLS.get(self.licence, "")

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def is_ongoing(self):
        return self.status == Status.ONGOING and self.end_date is None

    @cached_property
    def completeness(self):
        """The share of the described fields that are filled in, in percent.

        Computed once per instance: the page template shows it three times, and each
        computation reads every relation.
        """
        filled = 0
        for name in COMPLETENESS_FIELDS:
            value = getattr(self, name)
            if hasattr(value, "all"):
                value = list(value.all())
            if value not in (None, "", [], "<p></p>") and not (
                hasattr(value, "__len__") and len(value) == 0
            ):
                filled += 1
        return round(100 * filled / len(COMPLETENESS_FIELDS))

    # The relations the page, its fact box and its open data read, each several times per
    # render: read once, up front (previews of unsaved changes keep their in-memory values).
    RENDER_PREFETCH = [
        "themes",
        "methods",
        "sdgs",
        "target_groups",
        "partners",
        "keywords",
        "actors",
        "milestones",
        "reviews",
    ]

    def get_context(self, request, *args, **kwargs):
        from .views import experience_context

        if self.pk and not getattr(self, "_cluster_related_objects", None):
            prefetch_related_objects([self], *self.RENDER_PREFETCH)
        context = super().get_context(request, *args, **kwargs)
        context.update(experience_context(request, self))
        return context


class ExperienceActor(TranslatableMixin, Orderable):
    """A local actor of the experience and the role it played (translated with the page)."""

    page = ParentalKey(ExperiencePage, on_delete=models.CASCADE, related_name="actors")
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=300)
    organisation = models.ForeignKey(
        "repository.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=default_locale_choices,
    )

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("organisation")]
    override_translatable_fields = [SynchronizedField("organisation")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("local actor")
        verbose_name_plural = _("local actors")


class MilestoneStatus(models.TextChoices):
    NOT_STARTED = "not-started", _("Not started")
    IN_PROGRESS = "in-progress", _("In progress")
    STUCK = "stuck", _("Stuck")
    COMPLETE = "complete", _("Complete")
    INCOMPLETE = "incomplete", _("Incomplete")


class ExperienceMilestone(TranslatableMixin, Orderable):
    """A step of the follow-up timeline, after OGP Local's commitments and milestones."""

    page = ParentalKey(ExperiencePage, on_delete=models.CASCADE, related_name="milestones")
    date = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=MilestoneStatus.choices,
        default=MilestoneStatus.COMPLETE,
    )
    evidence_url = models.URLField(_("evidence link"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("status")]),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("evidence_url"),
    ]
    override_translatable_fields = [SynchronizedField("date"), SynchronizedField("evidence_url")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")


class ExperienceReview(Orderable):
    """The editorial committee's check of an experience against its criteria grid."""

    CRITERIA = [
        "documented_results",
        "sources_given",
        "validated_by_local_actors",
        "participation_described",
        "up_to_date",
    ]

    page = ParentalKey(ExperiencePage, on_delete=models.CASCADE, related_name="reviews")
    reviewed_on = models.DateField(_("review date"), default=datetime.date.today)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    documented_results = models.BooleanField(_("results are documented"), default=False)
    sources_given = models.BooleanField(_("sources are given"), default=False)
    validated_by_local_actors = models.BooleanField(
        _("validated by the local actors"), default=False
    )
    participation_described = models.BooleanField(
        _("who took part and how is described"), default=False
    )
    up_to_date = models.BooleanField(_("the facts are up to date"), default=False)
    notes = models.TextField(_("internal notes"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("reviewed_on"), FieldPanel("reviewer")]),
        FieldPanel("documented_results"),
        FieldPanel("sources_given"),
        FieldPanel("validated_by_local_actors"),
        FieldPanel("participation_described"),
        FieldPanel("up_to_date"),
        FieldPanel("notes"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("editorial review")
        verbose_name_plural = _("editorial reviews")

    @property
    def is_passed(self):
        return all(getattr(self, criterion) for criterion in self.CRITERIA)
