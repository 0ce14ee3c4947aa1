"""E-mails of the award, each written in its recipient's language with links in that language."""

from django.conf import settings
from django.core.mail import send_mail
from django.core.signing import TimestampSigner
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

VOTE_SALT = "awards.public-vote"


def vote_signer():
    return TimestampSigner(salt=VOTE_SALT)


def vote_token(vote):
    return vote_signer().sign(str(vote.pk))


def confirmation_max_age():
    return getattr(settings, "AWARDS_VOTE_CONFIRMATION_MAX_AGE", 48 * 60 * 60)


def _absolute(path, request=None):
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _send(template, language, context, recipient, zone):
    # Dates read in the edition's time zone, words in the recipient's language.
    with translation.override(language), timezone.override(zone):
        subject = " ".join(
            render_to_string(f"awards/emails/{template}_subject.txt", context).split()
        )
        body = render_to_string(f"awards/emails/{template}_body.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient])


def send_candidature_submitted(candidature, request=None):
    language = candidature.language
    with translation.override(language):
        link = _absolute(reverse("awards:candidature", args=[candidature.pk]), request)
        edition_page = candidature.edition.localized_for(language)
    _send(
        "candidature_submitted",
        language,
        {
            "candidature": candidature,
            "edition": edition_page,
            "link": link,
            "deadline": candidature.edition.local(candidature.edition.candidature_deadline),
            "submitted_at": candidature.edition.local(candidature.submitted_at),
        },
        candidature.applicant.email,
        candidature.edition.zone,
    )


def send_vote_confirmation(vote, request=None):
    language = vote.language
    with translation.override(language):
        link = _absolute(reverse("awards:vote_confirm", args=[vote_token(vote)]), request)
        edition_page = vote.edition.localized_for(language)
    _send(
        "vote_confirmation",
        language,
        {
            "vote": vote,
            "edition": edition_page,
            "link": link,
            "hours": confirmation_max_age() // 3600,
            "closes_at": vote.edition.local(vote.edition.vote_closes_at),
        },
        vote.email,
        vote.edition.zone,
    )


def send_jury_feedback(candidature, request=None):
    language = candidature.language
    edition_page = candidature.edition.localized_for(language)
    link = edition_page.get_full_url(request) or ""
    _send(
        "jury_feedback",
        language,
        {"candidature": candidature, "edition": edition_page, "link": link},
        candidature.applicant.email,
        candidature.edition.zone,
    )
    candidature.feedback_sent_at = timezone.now()
    candidature.save(update_fields=["feedback_sent_at"])
