"""Blocks of the news app: people, organisers, programme items, recommendations, resources.

Each is a small StructBlock rendered by its own template; the page templates lay them out.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from home.blocks import INLINE_RICH_TEXT_FEATURES


class PersonBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=120)
    role = blocks.CharBlock(
        label=_("Role or affiliation"),
        required=False,
        max_length=250,
        help_text=_("For example: Mayor of Valongo."),
    )

    class Meta:
        icon = "user"
        template = "news/blocks/person.html"
        label = _("Person")
        description = _("A person with their role or organisation.")
        preview_value = {"name": "Ana Maria Vargas", "role": "Research director, ICLD"}


class OrganisationBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=200)
    url = blocks.URLBlock(label=_("Website"), required=False)
    logo = ImageChooserBlock(label=_("Logo"), required=False)

    class Meta:
        icon = "group"
        template = "news/blocks/organisation.html"
        label = _("Organisation")
        description = _("An organiser or a supporting partner, with its logo.")
        preview_value = {"name": "United Cities and Local Governments", "url": "https://uclg.org/"}


class ProgrammeItemBlock(blocks.StructBlock):
    day = blocks.DateBlock(label=_("Day"), required=False)
    time = blocks.TimeBlock(
        label=_("Time"), required=False, help_text=_("In the event's time zone.")
    )
    title = blocks.CharBlock(label=_("Session"), max_length=250)
    description = blocks.RichTextBlock(
        label=_("Description"), features=INLINE_RICH_TEXT_FEATURES, required=False
    )
    speakers = blocks.ListBlock(PersonBlock(), label=_("Speakers"), default=[])

    class Meta:
        icon = "time"
        template = "news/blocks/programme_item.html"
        label = _("Programme item")
        description = _("A session of the programme, with its time and speakers.")
        preview_value = {"time": "10:00", "title": "Opening plenary"}


class RecommendationBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Recommendation"), max_length=300)
    text = blocks.RichTextBlock(
        label=_("Explanation"), features=INLINE_RICH_TEXT_FEATURES, required=False
    )

    class Meta:
        icon = "tick-inverse"
        template = "news/blocks/recommendation.html"
        label = _("Recommendation")
        description = _("One policy recommendation: a short statement and its explanation.")
        preview_value = {
            "title": "Promote democratic values through civic education",
            "text": "<p>Involve residents through community events and public meetings.</p>",
        }


class ResourceLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=300)
    url = blocks.URLBlock(label=_("Address"))
    publisher = blocks.CharBlock(label=_("Publisher"), required=False, max_length=200)

    class Meta:
        icon = "link"
        template = "news/blocks/resource_link.html"
        label = _("Resource")
        description = _("A further reading or a useful link.")
        preview_value = {
            "title": "International Day of Democracy",
            "url": "https://www.un.org/en/observances/democracy-day",
            "publisher": "United Nations",
        }


class RelatedPageBlock(blocks.PageChooserBlock):
    class Meta:
        icon = "doc-empty-inverse"
        label = _("Related page")
