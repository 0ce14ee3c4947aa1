"""A member's personal data: what the site holds about them, and how it is erased.

Other apps add what they hold through two Wagtail hooks, so that this app imports none of them:

* ``members_personal_data``: ``(user) -> (section name, JSON-serialisable data) or None``;
* ``members_erase_personal_data``: ``(user) -> None``, called inside the erasing transaction,
  before the account itself is anonymised.

Erasing keeps what belongs to the network and to the other co-authors: the experiences stay
published, their revisions stay in the history, candidatures and counted votes stay in an
edition's record. What identifies the person goes: the account's name, e-mail address and
password (the row stays, inactive and renamed, so that history points to "a deleted account"
rather than breaking), the member profile, the co-authorship links, invitations addressed to
them, the login records kept by django-axes.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from wagtail import hooks
from wagtail.users.models import UserProfile

from repository.models import ExperiencePage

from .models import Invitation, Member, MembershipApplication


def _iso(value):
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def collect(user):
    """Everything the site holds about the account, as a JSON-serialisable dict."""
    member = Member.objects.filter(user=user).select_related("organisation").first()
    profile = UserProfile.objects.filter(user=user).first()
    data = {
        "exported_at": timezone.now().isoformat(),
        "site": settings.WAGTAIL_SITE_NAME,
        "account": {
            "username": user.get_username(),
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
            "preferred_language": profile.preferred_language if profile else "",
        },
        "member": {
            "organisation": member.organisation.name if member and member.organisation else "",
            "language": member.language,
            "created_at": _iso(member.created_at),
        }
        if member
        else None,
        "co_authored_experiences": [
            {"title": page.title, "language": page.locale.language_code, "url": page.full_url}
            for page in ExperiencePage.objects.filter(co_authors=user).select_related("locale")
        ],
        "invitations_received": [
            {
                "experience": invitation.experience.title,
                "sent_at": _iso(invitation.created_at),
                "accepted_at": _iso(invitation.accepted_at),
            }
            for invitation in Invitation.objects.filter(email__iexact=user.email).select_related(
                "experience"
            )
        ]
        if user.email
        else [],
        "invitations_sent": [
            {"email": invitation.email, "experience": invitation.experience.title}
            for invitation in Invitation.objects.filter(invited_by=user).select_related(
                "experience"
            )
        ],
        "membership_applications": [
            {
                "organisation_name": application.organisation_name,
                "contact_name": application.contact_name,
                "contact_role": application.contact_role,
                "contact_email": application.contact_email,
                "motivation": application.motivation,
                "publication_consent": application.publication_consent,
                "publication_consent_at": _iso(application.publication_consent_at),
                "received_at": _iso(application.created_at),
                "status": application.status,
            }
            for application in MembershipApplication.objects.filter(
                contact_email__iexact=user.email
            )
        ]
        if user.email
        else [],
    }
    for hook in hooks.get_hooks("members_personal_data"):
        section = hook(user)
        if section:
            name, content = section
            data[name] = content
    return data


def erase(user):
    """Anonymises the account and removes the personal data attached to it."""
    from axes.models import AccessAttempt, AccessLog

    with transaction.atomic():
        for hook in hooks.get_hooks("members_erase_personal_data"):
            hook(user)
        if user.email:
            Invitation.objects.filter(email__iexact=user.email, accepted_at__isnull=True).delete()
        # The experiences stay; only the link naming this person as a co-author goes.
        ExperiencePage.co_authors.through.objects.filter(user_id=user.pk).delete()
        Member.objects.filter(user=user).delete()
        UserProfile.objects.filter(user=user).delete()
        username = user.get_username()
        AccessAttempt.objects.filter(username=username).delete()
        AccessLog.objects.filter(username=username).delete()
        user.username = f"deleted-{user.pk}"
        user.first_name = ""
        user.last_name = ""
        user.email = ""
        user.is_active = False
        user.is_staff = False
        user.is_superuser = False
        user.set_unusable_password()
        user.save()
        user.groups.clear()
        user.user_permissions.clear()
