"""News, events and publications: three index pages and the pages they list.

Index pages answer their listings, feeds, calendars and month views through
RoutablePageMixin, so every URL lives under the index page of its language.
"""

import datetime
import zoneinfo
from functools import cached_property

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import RICH_TEXT_FEATURES, BodyStreamBlock
from home.models import SocialMetaMixin
from home.routing import SingleChildTypeRouteMixin
from repository.regions import Region
from repository.vocabularies import default_locale_choices
from translations.listings import listed_in

from . import blocks as news_blocks

PAGE_SIZE = 12

TIME_ZONE_CHOICES = [
    (name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())
]


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("“%(value)s” is not a known time zone."), params={"value": value})


class EventKind(models.TextChoices):
    CONFERENCE = "conference", _("Conference")
    WEBINAR = "webinar", _("Webinar")
    INTERNATIONAL_DAY = "international_day", _("International day")
    ASSEMBLY = "assembly", _("Assembly")
    PARTNER_EVENT = "partner_event", _("Partner event")
    MILESTONE = "milestone", _("Award milestone")


# The world regions of UCLG are the repository's (one vocabulary, repository.regions); an event
# may also concern the whole world.
WORLDWIDE = "worldwide"
REGION_CHOICES = [*Region.choices, (WORLDWIDE, _("Worldwide"))]


class PublicationKind(models.TextChoices):
    POLICY_BRIEF = "policy_brief", _("Policy brief")
    ANNUAL_REPORT = "annual_report", _("Annual report")
    SPECIAL_REPORT = "special_report", _("Special report")
    GUIDE = "guide", _("Guide")


class ListingImageMixin(models.Model):
    """The picture of a page in listings, on the page itself and, by default, when shared."""

    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("image description"),
        max_length=250,
        blank=True,
        help_text=_("Describe the image for people who cannot see it; leave empty if decorative."),
    )

    class Meta:
        abstract = True

    @property
    def sharing_image(self):
        return self.social_image or self.image


class RelatedPagesMixin(models.Model):
    related_pages = StreamField(
        [("page", news_blocks.RelatedPageBlock())],
        verbose_name=_("related pages"),
        blank=True,
        help_text=_("Experiences, events, news or publications to read next."),
    )

    class Meta:
        abstract = True


class ThemesMixin(models.Model):
    """Themes and SDGs from the repository's vocabularies (their default-language terms, the same
    in every translation), shown as links to the experiences on the same theme and counted by
    the search page's theme and SDG facets."""

    themes = ParentalManyToManyField(
        "repository.Theme",
        verbose_name=_("themes"),
        blank=True,
        related_name="+",
        limit_choices_to=default_locale_choices,
    )
    sdgs = ParentalManyToManyField(
        "repository.SustainableDevelopmentGoal",
        verbose_name=_("sustainable development goals"),
        blank=True,
        related_name="+",
        limit_choices_to=default_locale_choices,
    )

    theme_panels = [
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("sdgs", widget=forms.CheckboxSelectMultiple),
    ]
    theme_search_fields = [
        index.RelatedFields("themes", [index.SearchField("name")]),
    ]

    class Meta:
        abstract = True

    def theme_links(self):
        """[(name in the page's language, URL of the experiences on that theme)]."""
        from .vocabulary_links import theme_links

        return theme_links(self)

    def sdg_labels(self):
        from .vocabulary_links import sdg_labels

        return sdg_labels(self)


def _synchronised(*names):
    return [SynchronizedField(name) for name in names]


def _in_tabs(content, details, promote, settings_panels):
    return TabbedInterface(
        [
            ObjectList(content, heading=_("Content")),
            ObjectList(details, heading=_("Details")),
            ObjectList(promote, heading=_("Promote")),
            ObjectList(settings_panels, heading=_("Settings"), classname="settings"),
        ]
    )


# --- Index pages -------------------------------------------------------------------------------


class SectionIndexPage(RoutablePageMixin, SingleChildTypeRouteMixin, SocialMetaMixin, Page):
    """What the three index pages share: an introduction, feeds, pagination."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    api_fields = ["intro"]
    max_count_per_parent = 1

    class Meta:
        abstract = True

    def items(self, with_originals=False):
        """The live, public pages listed here, newest first (only this page's language)."""
        raise NotImplementedError

    def feed_items(self):
        return self.items()[:20]

    @path("rss/", name="rss")
    def rss(self, request):
        from .feeds import section_feed

        return section_feed(self, request, "rss")

    @path("atom/", name="atom")
    def atom(self, request):
        from .feeds import section_feed

        return section_feed(self, request, "atom")


class NewsIndexPage(SectionIndexPage):
    subpage_types = ["news.NewsPage"]
    template = "news/news_index_page.html"

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def items(self, with_originals=False):
        return (
            NewsPage.objects.live()
            .public()
            .filter(listed_in(self, with_originals))
            .select_related("image")
            .prefetch_related("image__renditions")
            .order_by("-date", "-pk")
        )

    @path("", name="listing")
    def listing(self, request):
        from .listings import news_listing

        return self.render(request, context_overrides=news_listing(self, request))


class EventIndexPage(SectionIndexPage):
    subpage_types = ["news.EventPage"]
    template = "news/event_index_page.html"

    class Meta:
        verbose_name = _("event index")
        verbose_name_plural = _("event indexes")

    def items(self, with_originals=False):
        return (
            EventPage.objects.live()
            .public()
            .filter(listed_in(self, with_originals))
            .select_related("image")
            .prefetch_related("image__renditions")
        )

    def upcoming(self, now=None, with_originals=False):
        """Events not yet over: an event stays upcoming until it ends in its own time zone."""
        now = now or timezone.now()
        return self.items(with_originals).filter(ends_at__gt=now).order_by("starts_at", "pk")

    def past(self, now=None, with_originals=False):
        now = now or timezone.now()
        return self.items(with_originals).filter(ends_at__lte=now).order_by("-starts_at", "-pk")

    def feed_items(self):
        return self.items().order_by("-starts_at", "-pk")[:20]

    @path("", name="listing")
    def listing(self, request):
        from .listings import event_listing

        return self.render(request, context_overrides=event_listing(self, request))

    @path("month/<int:year>/<int:month>/", name="month")
    def month(self, request, year, month):
        from .listings import event_month

        return self.render(
            request,
            template="news/event_month.html",
            context_overrides=event_month(self, request, year, month),
        )

    @path("ics/", name="ics")
    def calendar(self, request):
        from .calendar import calendar_response

        return calendar_response(
            self.items().order_by("starts_at", "pk"), request, name=self.title, filename="calendar"
        )


class PublicationIndexPage(SectionIndexPage):
    subpage_types = ["news.PolicyBriefPage"]
    template = "news/publication_index_page.html"

    class Meta:
        verbose_name = _("publication index")
        verbose_name_plural = _("publication indexes")

    def items(self, with_originals=False):
        return (
            PolicyBriefPage.objects.live()
            .public()
            .filter(listed_in(self, with_originals))
            .select_related("image", "pdf")
            .prefetch_related("image__renditions")
            .order_by("-publication_date", "-pk")
        )

    @path("", name="listing")
    def listing(self, request):
        from .listings import publication_listing

        return self.render(request, context_overrides=publication_listing(self, request))


# --- News ---------------------------------------------------------------------------------------


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class NewsRelatedExperience(Orderable):
    """An experience of the repository a news item tells about (chosen in the default language;
    readers see its translation in their language when there is one)."""

    page = ParentalKey(
        "news.NewsPage", related_name="related_experiences", on_delete=models.CASCADE
    )
    experience = models.ForeignKey(
        "repository.ExperiencePage",
        verbose_name=_("experience"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("experience", page_type="repository.ExperiencePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related experience")
        verbose_name_plural = _("related experiences")


class NewsPage(SocialMetaMixin, ListingImageMixin, RelatedPagesMixin, ThemesMixin, Page):
    date = models.DateField(_("date"), default=datetime.date.today)
    author = models.CharField(_("author"), max_length=200, blank=True)
    teaser = models.TextField(
        _("teaser"), blank=True, help_text=_("One or two sentences shown in listings and feeds.")
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)
    keywords = ClusterTaggableManager(verbose_name=_("keywords"), through=NewsPageTag, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("teaser"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        FieldPanel("body"),
    ]
    detail_panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("author")]),
        *ThemesMixin.theme_panels,
        FieldPanel("keywords"),
        InlinePanel("related_experiences", heading=_("Related experiences"), label=_("experience")),
        FieldPanel("related_pages"),
    ]
    edit_handler = _in_tabs(
        content_panels, detail_panels, SocialMetaMixin.promote_panels, Page.settings_panels
    )
    search_fields = [
        *Page.search_fields,
        index.SearchField("teaser"),
        index.SearchField("body"),
        index.SearchField("author"),
        *ThemesMixin.theme_search_fields,
        index.FilterField("date"),
        index.FilterField("locale_id"),
    ]
    api_fields = [
        "date",
        "author",
        "teaser",
        "image",
        "body",
        "keywords",
        "themes",
        "sdgs",
        "related_pages",
    ]
    override_translatable_fields = [
        *SocialMetaMixin.override_translatable_fields,
        *_synchronised("date", "image", "related_pages", "themes", "sdgs"),
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    def __str__(self):
        return self.title

    def experience_cards(self):
        from .vocabulary_links import related_experiences

        return related_experiences(self)

    @property
    def published_at(self):
        return datetime.datetime.combine(self.date, datetime.time(9), tzinfo=datetime.UTC)

    def structured_data(self, request):
        from .schema import news_article

        return news_article(self, request)


# --- Events -------------------------------------------------------------------------------------


class EventPage(
    RoutablePageMixin, SocialMetaMixin, ListingImageMixin, RelatedPagesMixin, ThemesMixin, Page
):
    """An event with its wall-clock times in its own time zone.

    Editors enter dates and times as the participants read them (in the time zone of the
    venue, or of the organisers for an online event); `starts_at` and `ends_at` keep the same
    instants in UTC for listings and feeds.
    """

    kind = models.CharField(_("kind"), max_length=32, choices=EventKind.choices)
    teaser = models.TextField(
        _("teaser"), blank=True, help_text=_("One or two sentences shown in listings and feeds.")
    )
    start_date = models.DateField(_("start date"))
    start_time = models.TimeField(
        _("start time"), null=True, blank=True, help_text=_("Leave empty for an all-day event.")
    )
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Leave empty for a one-day event.")
    )
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Europe/Madrid",
        validators=[validate_time_zone],
        help_text=_("The time zone the dates and times above are written in."),
    )
    starts_at = models.DateTimeField(_("starts at (UTC)"), editable=False, db_index=True)
    ends_at = models.DateTimeField(_("ends at (UTC)"), editable=False, db_index=True)

    venue = models.CharField(_("venue"), max_length=250, blank=True)
    address = models.CharField(_("address"), max_length=250, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = models.CharField(
        _("country"), max_length=2, blank=True, help_text=_("Two-letter ISO code, e.g. PT.")
    )
    region = models.CharField(_("region"), max_length=32, choices=REGION_CHOICES, default=WORLDWIDE)
    online_url = models.URLField(
        _("online link"), blank=True, help_text=_("Where to follow the event online.")
    )
    registration_url = models.URLField(_("registration link"), blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("description"), blank=True)
    organisers = StreamField(
        [("organisation", news_blocks.OrganisationBlock())],
        verbose_name=_("organisers"),
        blank=True,
    )
    programme = StreamField(
        [("item", news_blocks.ProgrammeItemBlock())], verbose_name=_("programme"), blank=True
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("teaser"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        FieldPanel("body"),
    ]
    when_where_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
                FieldPanel("time_zone", widget=forms.Select(choices=TIME_ZONE_CHOICES)),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                FieldPanel("region"),
                FieldPanel("online_url"),
            ],
            heading=_("Where"),
        ),
        FieldPanel("registration_url"),
    ]
    programme_panels = [
        *ThemesMixin.theme_panels,
        FieldPanel("organisers"),
        FieldPanel("programme"),
        FieldPanel("related_pages"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(when_where_panels, heading=_("When and where")),
            ObjectList(programme_panels, heading=_("Programme")),
            ObjectList(SocialMetaMixin.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings"), classname="settings"),
        ]
    )
    search_fields = [
        *Page.search_fields,
        index.SearchField("teaser"),
        index.SearchField("body"),
        index.SearchField("venue"),
        index.SearchField("city"),
        *ThemesMixin.theme_search_fields,
        index.FilterField("kind"),
        index.FilterField("region"),
        index.FilterField("starts_at"),
        index.FilterField("ends_at"),
        index.FilterField("locale_id"),
    ]
    api_fields = [
        "kind",
        "teaser",
        "start_date",
        "start_time",
        "end_date",
        "end_time",
        "time_zone",
        "starts_at",
        "ends_at",
        "venue",
        "address",
        "city",
        "country",
        "region",
        "online_url",
        "registration_url",
        "image",
        "body",
        "organisers",
        "programme",
        "related_pages",
    ]
    override_translatable_fields = [
        *SocialMetaMixin.override_translatable_fields,
        *_synchronised(
            "kind",
            "start_date",
            "start_time",
            "end_date",
            "end_time",
            "time_zone",
            "starts_at",
            "ends_at",
            "country",
            "region",
            "online_url",
            "registration_url",
            "image",
            "related_pages",
            "themes",
            "sdgs",
        ),
    ]
    parent_page_types = ["news.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.starts_at = self.local_start.astimezone(datetime.UTC)
        self.ends_at = self.local_end.astimezone(datetime.UTC)
        return super().save(*args, **kwargs)

    # Wall-clock times in the event's zone, and the UTC instants kept for queries.

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def is_all_day(self):
        return self.start_time is None

    @property
    def last_day(self):
        return self.end_date or self.start_date

    @property
    def is_multi_day(self):
        return self.last_day != self.start_date

    @property
    def local_start(self):
        return datetime.datetime.combine(
            self.start_date, self.start_time or datetime.time.min, tzinfo=self.zone
        )

    @property
    def local_end(self):
        """The end in the event's zone; an event without an end time lasts until midnight."""
        if self.end_time is not None:
            return datetime.datetime.combine(self.last_day, self.end_time, tzinfo=self.zone)
        return datetime.datetime.combine(
            self.last_day + datetime.timedelta(days=1), datetime.time.min, tzinfo=self.zone
        )

    @property
    def attendance_mode(self):
        in_person = bool(self.venue or self.city)
        if in_person and self.online_url:
            return "mixed"
        return "online" if self.online_url else "offline"

    @property
    def published_at(self):
        return self.first_published_at or self.starts_at

    def clean(self):
        super().clean()
        if self.time_zone and self.time_zone not in zoneinfo.available_timezones():
            return  # the field's validator reports it
        if self.start_date and self.last_day < self.start_date:
            raise ValidationError({"end_date": _("The event cannot end before it starts.")})
        if self.start_date and self.end_time and self.local_end <= self.local_start:
            raise ValidationError({"end_time": _("The event cannot end before it starts.")})
        if self.end_time and not self.start_time:
            raise ValidationError({"start_time": _("Give a start time with the end time.")})

    def is_upcoming(self, now=None):
        return self.ends_at > (now or timezone.now())

    @path("ics/", name="ics")
    def ics(self, request):
        from .calendar import calendar_response

        return calendar_response([self], request, name=self.title, filename=self.slug)

    def structured_data(self, request):
        from .schema import event

        return event(self, request)


# --- Publications ------------------------------------------------------------------------------


class PolicyBriefPage(SocialMetaMixin, ListingImageMixin, RelatedPagesMixin, ThemesMixin, Page):
    kind = models.CharField(
        _("kind"),
        max_length=32,
        choices=PublicationKind.choices,
        default=PublicationKind.POLICY_BRIEF,
    )
    edition = models.CharField(
        _("edition"),
        max_length=250,
        blank=True,
        help_text=_("For example: Contributions of the International Day of Democracy 2023."),
    )
    publication_date = models.DateField(_("publication date"), default=datetime.date.today)
    publisher = models.CharField(
        _("publisher"),
        max_length=250,
        default="UCLG - International Observatory of Participatory Democracy (IOPD)",
    )
    editors = StreamField(
        [("person", news_blocks.PersonBlock())], verbose_name=_("editors"), blank=True
    )
    speakers = StreamField(
        [("person", news_blocks.PersonBlock())], verbose_name=_("speakers"), blank=True
    )
    summary = RichTextField(_("summary"), blank=True, features=RICH_TEXT_FEATURES)
    methodology = RichTextField(_("methodology"), blank=True, features=RICH_TEXT_FEATURES)
    sections = StreamField(BodyStreamBlock(), verbose_name=_("sections"), blank=True)
    recommendations_intro = RichTextField(
        _("introduction to the recommendations"), blank=True, features=RICH_TEXT_FEATURES
    )
    recommendations = StreamField(
        [("recommendation", news_blocks.RecommendationBlock())],
        verbose_name=_("recommendations"),
        blank=True,
    )
    resources = StreamField(
        [("resource", news_blocks.ResourceLinkBlock())], verbose_name=_("resources"), blank=True
    )
    video_url = models.URLField(
        _("video"), blank=True, help_text=_("The recording of the session, e.g. on YouTube.")
    )
    supporting_partners = StreamField(
        [("organisation", news_blocks.OrganisationBlock())],
        verbose_name=_("supporting partners"),
        blank=True,
    )
    pdf = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("PDF"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The publication to download; a translation may replace it with its own."),
    )
    pdf_language = models.CharField(
        _("language of the PDF"),
        max_length=8,
        blank=True,
        choices=[("fr", "Français"), ("es", "Español"), ("en", "English"), ("pt", "Português")],
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("edition"),
        FieldPanel("summary"),
        FieldPanel("methodology"),
        FieldPanel("sections"),
        MultiFieldPanel(
            [FieldPanel("recommendations_intro"), FieldPanel("recommendations")],
            heading=_("Recommendations"),
        ),
        FieldPanel("resources"),
    ]
    detail_panels = [
        FieldRowPanel([FieldPanel("publication_date"), FieldPanel("publisher")]),
        FieldPanel("editors"),
        FieldPanel("speakers"),
        FieldPanel("supporting_partners"),
        MultiFieldPanel([FieldPanel("pdf"), FieldPanel("pdf_language")], heading=_("Download")),
        *ThemesMixin.theme_panels,
        FieldPanel("video_url"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Cover image")),
        FieldPanel("related_pages"),
    ]
    edit_handler = _in_tabs(
        content_panels, detail_panels, SocialMetaMixin.promote_panels, Page.settings_panels
    )
    search_fields = [
        *Page.search_fields,
        index.SearchField("edition"),
        index.SearchField("summary"),
        index.SearchField("methodology"),
        index.SearchField("sections"),
        index.SearchField("recommendations"),
        *ThemesMixin.theme_search_fields,
        index.FilterField("kind"),
        index.FilterField("publication_date"),
        index.FilterField("locale_id"),
    ]
    api_fields = [
        "kind",
        "edition",
        "publication_date",
        "publisher",
        "editors",
        "speakers",
        "summary",
        "methodology",
        "sections",
        "recommendations_intro",
        "recommendations",
        "resources",
        "video_url",
        "supporting_partners",
        "pdf",
        "pdf_language",
        "image",
        "related_pages",
    ]
    override_translatable_fields = [
        *SocialMetaMixin.override_translatable_fields,
        *_synchronised(
            "kind", "publication_date", "video_url", "image", "related_pages", "themes", "sdgs"
        ),
        # A translation may link its own PDF, in its own language.
        SynchronizedField("pdf", overridable=True),
        SynchronizedField("pdf_language", overridable=True),
    ]
    parent_page_types = ["news.PublicationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    def __str__(self):
        return self.title

    @property
    def published_at(self):
        return datetime.datetime.combine(
            self.publication_date, datetime.time(9), tzinfo=datetime.UTC
        )

    @cached_property
    def editor_names(self):
        return [block.value["name"] for block in self.editors]

    def citation(self, url=""):
        """A reference in a common author-date style, for readers who quote the publication."""
        authors = ", ".join(self.editor_names) or self.publisher
        parts = [f"{authors} ({self.publication_date.year}). {self.title}."]
        if self.edition:
            parts.append(f"{self.edition}.")
        if self.editor_names:
            parts.append(f"{self.publisher}.")
        if url:
            parts.append(url)
        return " ".join(parts)

    def structured_data(self, request):
        from .schema import report

        return report(self, request)
