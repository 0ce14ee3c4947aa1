"""Personal data of the award: kept only as long as an edition needs it.

Voters' e-mail addresses and IP addresses serve to send the confirmation link, to count one vote
per person and to look into fraud. Once an edition is closed (its last jury phase over) and the
retention period (``AWARDS_PERSONAL_DATA_RETENTION_DAYS``) has passed, they are no longer needed:

* each vote's address is replaced by a keyed hash (HMAC with the secret key), so that the
  counted votes and "one vote per address" still hold in the record, but the address cannot be
  read back; the IP address and network are removed;
* candidatures that were never submitted are deleted, with their attachments;
* the attachments of submitted candidatures that did not become finalists are deleted (the
  candidature's record stays).

``purge_personal_data`` runs this; a member deleting their account goes through the same
pseudonymisation for their own votes at once.
"""

import datetime
import hashlib
import hmac

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import AwardEditionPage, Candidature, CandidatureAttachment, PublicVote

PSEUDONYMOUS_DOMAIN = "purged.invalid"


def retention():
    return datetime.timedelta(days=getattr(settings, "AWARDS_PERSONAL_DATA_RETENTION_DAYS", 180))


def pseudonym(email):
    """A stable, unreadable stand-in for an address (still a valid, unique e-mail value)."""
    digest = hmac.new(
        settings.SECRET_KEY.encode(), email.strip().lower().encode(), hashlib.sha256
    ).hexdigest()
    return f"{digest[:40]}@{PSEUDONYMOUS_DOMAIN}"


def is_pseudonymous(email):
    return email.endswith(f"@{PSEUDONYMOUS_DOMAIN}")


def closed_editions(now=None):
    """Editions (default language) whose last phase ended more than the retention period ago."""
    from wagtail.models import Locale

    now = now or timezone.now()
    return AwardEditionPage.objects.filter(
        locale=Locale.get_default(), jury_phase_2_closes_at__lte=now - retention()
    ).order_by("year", "number")


def votes_to_purge(edition):
    return PublicVote.objects.filter(edition=edition).exclude(
        email__endswith=f"@{PSEUDONYMOUS_DOMAIN}", ip_address__isnull=True, network=""
    )


def pseudonymise_votes(votes):
    """Replaces the addresses of the given votes by their pseudonym; removes IPs. Returns the count."""
    count = 0
    for vote in votes.iterator():
        if not is_pseudonymous(vote.email):
            vote.email = pseudonym(vote.email)
        vote.ip_address = None
        vote.network = ""
        vote.save(update_fields=["email", "ip_address", "network"])
        count += 1
    return count


def delete_attachments(attachments):
    count = 0
    for attachment in attachments.iterator():
        attachment.file.delete(save=False)
        attachment.delete()
        count += 1
    return count


def purge_edition(edition, dry_run=False):
    """What the purge removes from one closed edition: a dict of counts."""
    votes = votes_to_purge(edition)
    drafts = Candidature.objects.filter(edition=edition, state=Candidature.State.DRAFT)
    attachments = CandidatureAttachment.objects.filter(candidature__edition=edition).exclude(
        candidature__state__in=Candidature.FINALIST_STATES
    )
    counts = {
        "votes": votes.count(),
        "drafts": drafts.count(),
        "attachments": attachments.count(),
    }
    if dry_run:
        return counts
    with transaction.atomic():
        pseudonymise_votes(votes)
        delete_attachments(attachments)
        drafts.delete()
    return counts


def personal_data_of(user):
    """The user's candidatures, votes and jury scores, for the member's data download."""
    candidatures = [
        {
            "title": candidature.title,
            "edition": candidature.edition.title,
            "state": candidature.state,
            "language": candidature.language,
            "answers": candidature.answers,
            "submitted_at": candidature.submitted_at.isoformat()
            if candidature.submitted_at
            else None,
            "attachments": [a.original_name for a in candidature.attachments.all()],
        }
        for candidature in Candidature.objects.filter(applicant=user).select_related("edition")
    ]
    votes = [
        {
            "edition": vote.edition.title,
            "finalist": vote.candidature.title,
            "email": vote.email,
            "ip_address": vote.ip_address,
            "requested_at": vote.requested_at.isoformat(),
            "confirmed_at": vote.confirmed_at.isoformat() if vote.confirmed_at else None,
        }
        for vote in PublicVote.objects.filter(email__iexact=user.email).select_related(
            "edition", "candidature"
        )
    ]
    return {
        "candidatures": candidatures,
        "public_votes": votes if user.email else [],
        "jury_scores": user.award_scores.count(),
    }


def erase_personal_data_of(user):
    """A member deletes their account: their votes are pseudonymised, their drafts deleted."""
    if user.email:
        pseudonymise_votes(PublicVote.objects.filter(email__iexact=user.email))
    drafts = Candidature.objects.filter(applicant=user, state=Candidature.State.DRAFT)
    delete_attachments(CandidatureAttachment.objects.filter(candidature__in=drafts))
    drafts.delete()
