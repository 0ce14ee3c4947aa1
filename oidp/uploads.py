"""Uploaded files checked by their content, not by their name.

A browser's file name and content type are whatever the sender chose. Here `filetype` reads the
magic numbers at the start of the file, the type found must be one that is accepted *and* agree
with the file's extension (a PNG renamed ``.pdf`` is refused, so is an HTML page renamed
``.pdf``), and Pillow must be able to read an image's structure. Plain-text formats (CSV, TXT)
have no magic number: they must decode as text, hold no NUL byte and not be markup that a
browser could render (HTML, SVG, XML). SVG is never accepted: it is a text format that can carry
scripts.

Used by the Wagtail admin's image and document forms (``WAGTAILIMAGES_IMAGE_FORM_BASE``,
``WAGTAILDOCS_DOCUMENT_FORM_BASE``) and by the award candidatures' attachments.
"""

import os
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

import filetype
from PIL import Image

HEADER_BYTES = 8192
TEXT_SAMPLE_BYTES = 256 * 1024

IMAGE_TYPES = {
    "image/jpeg": {"jpg", "jpeg"},
    "image/png": {"png"},
    "image/gif": {"gif"},
    "image/webp": {"webp"},
}
DOCUMENT_TYPES = {
    "application/pdf": {"pdf"},
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {"docx"},
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {"xlsx"},
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": {"pptx"},
    "application/vnd.oasis.opendocument.text": {"odt"},
    "application/vnd.oasis.opendocument.spreadsheet": {"ods"},
    "application/vnd.oasis.opendocument.presentation": {"odp"},
}
TEXT_EXTENSIONS = {"csv", "txt"}
# Markup a browser would render as a page or an image if it ever sniffed the file.
MARKUP = re.compile(rb"<\s*(?:!doctype|html|head|body|script|svg|iframe|object|embed|\?xml)", re.I)


def extension_of(upload):
    return os.path.splitext(upload.name or "")[1].lower().lstrip(".")


def detect_type(upload):
    """The MIME type the file's magic numbers say, or None."""
    upload.seek(0)
    header = upload.read(HEADER_BYTES)
    upload.seek(0)
    kind = filetype.guess(header)
    return kind.mime if kind else None


def verify_image(upload):
    """Raises ValidationError unless Pillow can read the image's structure."""
    try:
        with Image.open(upload) as image:
            image.verify()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise ValidationError(
            _("“%(name)s” looks like an image but cannot be read: it may be damaged."),
            code="unreadable",
            params={"name": upload.name},
        ) from error
    finally:
        upload.seek(0)


def check_plain_text(upload):
    """A CSV or TXT file: text, no NUL byte, no markup."""
    upload.seek(0)
    sample = upload.read(TEXT_SAMPLE_BYTES)
    upload.seek(0)
    refused = ValidationError(
        _(
            "“%(name)s” is not a plain text file: its content says otherwise, whatever its "
            "name. Web pages, SVG and XML files are not accepted."
        ),
        code="wrong_type",
        params={"name": upload.name},
    )
    if b"\x00" in sample or detect_type(upload) is not None or MARKUP.search(sample):
        raise refused
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        # A sample may end in the middle of a character; anything else is not UTF-8 text.
        if error.start < len(sample) - 4:
            try:
                sample.decode("cp1252")
            except UnicodeDecodeError:
                raise refused from error


def check_document(upload):
    """Raises ValidationError unless the file is an accepted document whose content agrees
    with its extension."""
    extension = extension_of(upload)
    if extension in TEXT_EXTENSIONS:
        check_plain_text(upload)
        return
    mime = detect_type(upload)
    if mime not in DOCUMENT_TYPES or extension not in DOCUMENT_TYPES[mime]:
        raise ValidationError(
            _(
                "“%(name)s” is not what its name says: its content is not a %(extension)s "
                "document. Accepted: PDF, Word, Excel, PowerPoint and OpenDocument files, CSV "
                "and plain text."
            ),
            code="wrong_type",
            params={"name": upload.name, "extension": extension.upper() or "?"},
        )


def check_image(upload):
    """Raises ValidationError unless the file is a JPEG, PNG, GIF or WebP image, by content."""
    extension = extension_of(upload)
    mime = detect_type(upload)
    if mime not in IMAGE_TYPES or extension not in IMAGE_TYPES[mime]:
        raise ValidationError(
            _(
                "“%(name)s” is not a JPEG, PNG, GIF or WebP image matching its name: its "
                "content says otherwise. SVG files are not accepted."
            ),
            code="wrong_type",
            params={"name": upload.name},
        )
    verify_image(upload)


class ContentCheckedDocumentForm(BaseDocumentForm):
    """The admin's document form (WAGTAILDOCS_DOCUMENT_FORM_BASE), checking the content."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            check_document(upload)
        return upload


class ContentCheckedImageForm(BaseImageForm):
    """The admin's image form (WAGTAILIMAGES_IMAGE_FORM_BASE), checking the content."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            check_image(upload)
        return upload
