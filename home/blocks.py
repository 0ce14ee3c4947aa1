"""The body stream shared by the site's pages.

Each block is small, renders with its own template and previews in the admin. Other apps
reuse `BodyStreamBlock` (or pick blocks from it) instead of defining their own copies.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

# Rich text renders only what the design styles.
RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "link", "document-link", "ol", "ul"]
INLINE_RICH_TEXT_FEATURES = ["bold", "italic", "link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading")), ("h3", _("Sub-heading"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "home/blocks/heading.html"
        label = _("Heading")
        description = _("A section title; it also appears in the page outline.")
        preview_value = {"text": "Participatory budgeting in practice", "level": "h2"}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        help_text=_("Describe the image for people who cannot see it; leave empty if decorative."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False)
    credit = blocks.CharBlock(label=_("Credit"), required=False)

    class Meta:
        icon = "image"
        template = "home/blocks/image.html"
        label = _("Image")
        description = _("An image with its caption and credit.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False)

    class Meta:
        icon = "openquote"
        template = "home/blocks/quote.html"
        label = _("Quote")
        description = _("A quotation with the name of its author.")
        preview_value = {
            "quote": "Democracy is built close to the people, in every neighbourhood.",
            "attribution": "Local Democracy Agenda",
        }


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Video URL"), help_text=_("A YouTube, Vimeo or similar link."))
    caption = blocks.CharBlock(label=_("Caption"), required=False)

    class Meta:
        icon = "media"
        template = "home/blocks/video.html"
        label = _("Video")
        description = _("A video embedded from a hosting service.")


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"), required=False, help_text=_("Defaults to the document's title.")
    )

    class Meta:
        icon = "doc-full"
        template = "home/blocks/document_link.html"
        label = _("Document link")
        description = _("A link to download a document, with its type and size.")


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), features=INLINE_RICH_TEXT_FEATURES, required=False)
    button_label = blocks.CharBlock(label=_("Button label"), max_length=60)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or external URL"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or enter a URL."))}
            )
        return value

    class Meta:
        icon = "pick"
        template = "home/blocks/call_to_action.html"
        label = _("Call to action")
        description = _("A highlighted invitation with a button.")
        preview_value = {
            "title": "Join the network",
            "text": "<p>Cities, regions and organisations are welcome.</p>",
            "button_label": "Become a member",
            "url": "https://example.org/",
        }


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="home/blocks/paragraph.html",
        description=_("Formatted text."),
        preview_value="<p>Participatory democracy brings residents into public decisions.</p>",
    )
    image = ImageBlock()
    quote = QuoteBlock()
    video = VideoBlock()
    document = DocumentLinkBlock()
    call_to_action = CallToActionBlock()
