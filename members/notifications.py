"""E-mails to co-authors about their experiences, each in the recipient's own language.

Connected to Wagtail's workflow signals in members/signals.py. Wagtail's own notifications
still reach the editorial team; members have them switched off (their links lead to the
admin, which members never see) and receive these instead, whose links lead to the member
area.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import language_of

logger = logging.getLogger(__name__)


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def member_url(name, language, **kwargs):
    with translation.override(language):
        return absolute(reverse(f"members:{name}", kwargs=kwargs))


def send_to(users, template, context):
    """One e-mail per recipient, rendered in that recipient's language."""
    sent = 0
    for user in users:
        if not (user.is_active and user.email):
            continue
        language = language_of(user)
        with translation.override(language):
            full_context = {
                **context,
                "recipient": user,
                "language": language,
                "site_name": settings.WAGTAIL_SITE_NAME,
                "dashboard_url": member_url("dashboard", language),
            }
            if "page" in context:
                full_context["edit_url"] = member_url(
                    "edit_experience", language, page_id=context["page"].pk
                )
                full_context["sign_off_url"] = member_url(
                    "sign_off", language, page_id=context["page"].pk
                )
            subject = render_to_string(f"members/emails/{template}_subject.txt", full_context)
            body = render_to_string(f"members/emails/{template}.txt", full_context)
        send_mail(" ".join(subject.split()), body.strip(), None, [user.email])
        sent += 1
    return sent


def co_authors_of(page, exclude=None):
    users = page.specific.co_authors.filter(is_active=True).select_related("member")
    if exclude is not None:
        users = users.exclude(pk=exclude.pk)
    return list(users)
