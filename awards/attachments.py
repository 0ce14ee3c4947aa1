"""Attachments of candidatures: PDF and images only, recognised by their content.

The name and the type the browser sends are not trusted: the file's magic numbers are read and
Pillow must be able to read an image's structure (oidp/uploads.py, shared with the admin's
image and document uploads). SVG (a text format that can carry
scripts) is never recognised, hence refused.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from oidp.uploads import detect_type, verify_image

ACCEPTED_TYPES = {
    "application/pdf": "pdf",
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/webp": "webp",
    "image/gif": "gif",
}


def max_size():
    return getattr(settings, "AWARDS_ATTACHMENT_MAX_SIZE", 10 * 1024 * 1024)


def max_count():
    return getattr(settings, "AWARDS_ATTACHMENT_MAX_COUNT", 5)


def inspect_upload(upload):
    """(content type, extension) of an acceptable upload; ValidationError with the reason otherwise."""
    name = upload.name
    if upload.size > max_size():
        raise ValidationError(
            _("“%(name)s” is %(size)s; attachments may be at most %(max)s."),
            code="too_large",
            params={
                "name": name,
                "size": filesizeformat(upload.size),
                "max": filesizeformat(max_size()),
            },
        )
    if upload.size == 0:
        raise ValidationError(_("“%(name)s” is empty."), code="empty", params={"name": name})
    mime = detect_type(upload)
    if mime not in ACCEPTED_TYPES:
        raise ValidationError(
            _(
                "“%(name)s” is not a PDF or an image (JPEG, PNG, WebP or GIF): its content says "
                "otherwise, whatever its name. SVG files are not accepted."
            ),
            code="wrong_type",
            params={"name": name},
        )
    if mime.startswith("image/"):
        verify_image(upload)
    return mime, ACCEPTED_TYPES[mime]
