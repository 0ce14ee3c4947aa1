from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from translations.panels import TranslationStatusPanel
from translations.snippets import ReviewedSnippetMixin

from .blocks import INLINE_RICH_TEXT_FEATURES, BodyStreamBlock
from .routing import KnownChildrenRouteMixin


class SocialMetaMixin(models.Model):
    """The image used when a page is shared (OpenGraph, Twitter cards).

    Shared by every page type of the site; the image is the same in every language. Its
    promote panels end with the page's translation summary (`translations.panels`).
    """

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("sharing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared on social networks (1200×630 works best)."),
    )

    promote_panels = [
        *Page.promote_panels,
        FieldPanel("social_image"),
        # Every page type shows its translations here, in one place.
        TranslationStatusPanel(),
    ]
    override_translatable_fields = [SynchronizedField("social_image")]

    class Meta:
        abstract = True


class HomePage(KnownChildrenRouteMixin, SocialMetaMixin, Page):
    """The entry page of one language; the homes of the four languages translate each other."""

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two sentences under the title.")
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)
    featured_experience = models.ForeignKey(
        "repository.ExperiencePage",
        verbose_name=_("featured experience"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown on the home page in its translation of each language. Leave empty to show "
            "the most recently updated experience."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("featured_experience"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    override_translatable_fields = [
        *SocialMetaMixin.override_translatable_fields,
        SynchronizedField("featured_experience"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "repository.ExperienceIndexPage",
        "news.NewsIndexPage",
        "news.EventIndexPage",
        "news.PublicationIndexPage",
        "awards.AwardIndexPage",
    ]
    api_fields = ["intro", "body"]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class StandardPage(SocialMetaMixin, Page):
    """About the network, the Local Democracy Agenda, legal notice and other plain pages."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    api_fields = ["intro", "body"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class SocialLinkBlock(blocks.StructBlock):
    network = blocks.ChoiceBlock(
        label=_("Network"),
        choices=[
            ("mastodon", "Mastodon"),
            ("bluesky", "Bluesky"),
            ("x", "X / Twitter"),
            ("facebook", "Facebook"),
            ("instagram", "Instagram"),
            ("linkedin", "LinkedIn"),
            ("youtube", "YouTube"),
            ("other", _("Other")),
        ],
    )
    url = blocks.URLBlock(label=_("Address"))
    label = blocks.CharBlock(
        label=_("Label"), required=False, help_text=_("Needed only for 'Other'.")
    )

    class Meta:
        icon = "link-external"
        label = _("Social link")


class SiteSettings(ReviewedSnippetMixin, TranslatableMixin, models.Model):
    """Contact, social links, footer and newsletter: one record per language.

    A translatable snippet rather than a `wagtail.contrib.settings` model, because those are
    keyed by site only and would show the same footer text in every language. Changes go live
    when published (after the language's review for a translator's work).
    """

    contact_address = models.TextField(_("postal address"), blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    social_links = StreamField(
        [("link", SocialLinkBlock())], verbose_name=_("social links"), blank=True
    )
    footer_text = RichTextField(_("footer text"), blank=True, features=INLINE_RICH_TEXT_FEATURES)
    newsletter_url = models.URLField(
        _("newsletter sign-up link"),
        blank=True,
        help_text=_("The page where visitors subscribe to the newsletter in this language."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("contact_address"), FieldPanel("contact_email")], heading=_("Contact")
        ),
        FieldPanel("social_links"),
        FieldPanel("footer_text"),
        FieldPanel("newsletter_url"),
    ]
    override_translatable_fields = [
        SynchronizedField("contact_email"),
        SynchronizedField("social_links"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("site-wide settings")
        verbose_name_plural = _("site-wide settings")
        constraints = [
            models.UniqueConstraint(fields=["locale"], name="one_site_settings_per_locale")
        ]

    def __str__(self):
        return str(_("Site-wide settings (%(language)s)") % {"language": self.locale})

    def clean(self):
        super().clean()
        locale_id = getattr(self, "locale_id", None)
        if locale_id is None:
            return
        if SiteSettings.objects.filter(locale_id=locale_id).exclude(pk=self.pk).exists():
            raise ValidationError(
                _(
                    "This language already has its site-wide settings; "
                    "edit those instead of creating new ones."
                )
            )

    @classmethod
    def for_active_locale(cls):
        """The published settings of the language shown, falling back to the default language."""
        records = {s.locale_id: s for s in cls.objects.live().select_related("locale")}
        if not records:
            return None
        active = Locale.get_active()
        if active.pk in records:
            return records[active.pk]
        default = Locale.get_default()
        return records.get(default.pk) or next(iter(records.values()))
