"""Public views of the award under /<lang>/awards/: candidatures, the public vote, the jury.

Every phase boundary is checked here, on the server, against the edition's dates (aware
datetimes entered in the edition's time zone): what the page offers is only a convenience.
"""

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.signing import BadSignature, SignatureExpired
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_POST

from oidp.ratelimit import client_ip, is_limited, with_retry_after

from . import emails
from .forms import (
    AttachmentForm,
    CandidatureForm,
    ConflictForm,
    ScoreSheetForm,
    submission_problems,
)
from .models import (
    JURY_GROUP,
    AwardEditionPage,
    Candidature,
    CandidatureAttachment,
    ConflictOfInterest,
    JuryScore,
    PublicVote,
)
from .ranking import network_of

logger = logging.getLogger(__name__)


def _edition_page(edition_id):
    """The live edition page asked for, and the edition (default language) it stands for."""
    page = get_object_or_404(AwardEditionPage.objects.live(), pk=edition_id)
    page = page.localized_for(get_language())
    return page, page.edition


def _when(edition, moment):
    local = edition.local(moment)
    return f"{date_format(local, 'DATETIME_FORMAT')} ({edition.time_zone})"


# Candidatures


@login_required
def candidature_new(request, edition_id):
    page, edition = _edition_page(edition_id)
    return _candidature_form(request, page, edition, None)


@login_required
def candidature_detail(request, pk):
    candidature = get_object_or_404(
        Candidature.objects.select_related("edition"), pk=pk, applicant=request.user
    )
    page = candidature.edition.localized_for(get_language())
    return _candidature_form(request, page, candidature.edition, candidature)


def _closed_response(request, page, edition, status=403):
    message = _closed_message(edition, timezone.now())
    return render(
        request, "awards/call_closed.html", {"page": page, "message": message}, status=status
    )


def _candidature_form(request, page, edition, candidature):
    now = timezone.now()
    if candidature is None and not edition.accepts_candidatures(now) and request.method != "POST":
        return _closed_response(request, page, edition)
    if candidature is not None and not candidature.is_editable:
        return render(
            request,
            "awards/candidature_detail.html",
            {"page": page, "candidature": candidature, "edition": edition},
        )

    form_kwargs = {"user": request.user, "edition_page": page, "candidature": candidature}
    if request.method != "POST":
        form = CandidatureForm(**form_kwargs)
        upload_form = AttachmentForm(candidature=candidature)
        return _render_form(request, page, edition, candidature, form, upload_form)

    form = CandidatureForm(request.POST, **form_kwargs)
    upload_form = AttachmentForm(request.POST, request.FILES, candidature=candidature)
    submitting = "submit" in request.POST
    errors = []

    if now < edition.call_opens_at or (candidature is None and now >= edition.candidature_deadline):
        # Nothing to keep a draft in yet: show what was typed with the reason.
        return _render_form(
            request,
            page,
            edition,
            candidature,
            form,
            upload_form,
            status=403,
            errors=[_closed_message(edition, now)],
        )

    if not form.is_valid():
        upload_form.is_valid()  # its own message too, so the candidate fixes both at once
        return _render_form(request, page, edition, candidature, form, upload_form, status=400)

    with transaction.atomic():
        if candidature is None:
            candidature = Candidature(
                edition=edition, applicant=request.user, language=get_language()
            )
        form.save(candidature)
    upload_form.candidature = candidature

    if upload_form.is_valid():
        upload = upload_form.cleaned_data.get("attachment")
        if upload:
            CandidatureAttachment.objects.create(
                candidature=candidature,
                file=upload,
                original_name=upload.name[:255],
                content_type=upload_form.content_type,
                extension=upload_form.extension,
                size=upload.size,
            )
            upload_form = AttachmentForm(candidature=candidature)
    else:
        errors.append(gettext("The attachment was refused; the rest of your draft is saved."))

    if submitting:
        if not edition.accepts_candidatures(timezone.now()):
            errors.append(
                gettext(
                    "The deadline for candidatures was %(when)s: your candidature can no "
                    "longer be submitted. Your draft has been kept."
                )
                % {"when": _when(edition, edition.candidature_deadline)}
            )
        elif not errors:
            problems = submission_problems(candidature)
            if problems:
                errors.append(gettext("Your draft is saved but not submitted yet:"))
                errors.extend(problems)
            else:
                return _submit(request, candidature)

    if errors:
        form = CandidatureForm(request.POST, **{**form_kwargs, "candidature": candidature})
        form.is_valid()
        return _render_form(
            request, page, edition, candidature, form, upload_form, status=400, errors=errors
        )
    messages.success(request, gettext("Your draft is saved. You can come back to it later."))
    return redirect("awards:candidature", pk=candidature.pk)


def _closed_message(edition, now):
    if now < edition.call_opens_at:
        return gettext("The call for candidatures opens on %(when)s.") % {
            "when": _when(edition, edition.call_opens_at)
        }
    return gettext(
        "The call for candidatures closed on %(when)s: no new candidature can be started."
    ) % {"when": _when(edition, edition.candidature_deadline)}


def _submit(request, candidature):
    with transaction.atomic():
        locked = Candidature.objects.select_for_update().get(pk=candidature.pk)
        if locked.state != Candidature.State.DRAFT:
            return redirect("awards:candidature", pk=candidature.pk)
        # The deadline is read again inside the transaction that records the submission.
        if not locked.edition.accepts_candidatures(timezone.now()):
            messages.error(request, gettext("The deadline has just passed; your draft is kept."))
            return redirect("awards:candidature", pk=candidature.pk)
        locked.state = Candidature.State.SUBMITTED
        locked.submitted_at = timezone.now()
        locked.save(update_fields=["state", "submitted_at", "updated_at"])
        transaction.on_commit(lambda: emails.send_candidature_submitted(locked, request))
    messages.success(
        request,
        gettext("Your candidature is submitted. A confirmation has been sent to %(email)s.")
        % {"email": request.user.email},
    )
    return redirect("awards:candidature", pk=candidature.pk)


def _render_form(request, page, edition, candidature, form, upload_form, status=200, errors=()):
    context = {
        "errors": list(errors),
        "page": page,
        "edition": edition,
        "candidature": candidature,
        "form": form,
        "upload_form": upload_form,
        "deadline": edition.local(edition.candidature_deadline),
        "accepts_candidatures": edition.accepts_candidatures(),
        "action": (
            reverse("awards:candidature", args=[candidature.pk])
            if candidature is not None and candidature.pk
            else reverse("awards:candidature_new", args=[page.pk])
        ),
    }
    return render(request, "awards/candidature_form.html", context, status=status)


@login_required
@require_POST
def attachment_delete(request, pk, attachment_pk):
    attachment = get_object_or_404(
        CandidatureAttachment,
        pk=attachment_pk,
        candidature__pk=pk,
        candidature__applicant=request.user,
        candidature__state=Candidature.State.DRAFT,
    )
    attachment.file.delete(save=False)
    attachment.delete()
    messages.success(request, gettext("The attachment was removed."))
    return redirect("awards:candidature", pk=pk)


# Public vote


def _vote_rate_limited(request, email):
    ip_limited = is_limited(
        request, "vote-ip", rate=getattr(settings, "AWARDS_VOTE_RATE_PER_IP", None)
    )
    address_limited = is_limited(
        request,
        "vote-address",
        key=lambda _group, _request: email.lower(),
        rate=getattr(settings, "AWARDS_VOTE_RATE_PER_ADDRESS", None),
    )
    return ip_limited or address_limited


def vote(request, edition_id):
    from .forms import VoteForm

    page, edition = _edition_page(edition_id)
    now = timezone.now()
    context = {"page": page, "edition": edition}
    if not edition.vote_is_open(now):
        if now < edition.vote_opens_at:
            context["message"] = gettext("The public vote opens on %(when)s.") % {
                "when": _when(edition, edition.vote_opens_at)
            }
        else:
            context["message"] = gettext("The public vote closed on %(when)s.") % {
                "when": _when(edition, edition.vote_closes_at)
            }
        return render(request, "awards/vote_closed.html", context, status=403)

    finalists = list(edition.finalists())
    form = VoteForm(request.POST or None, finalists=finalists)
    context.update(form=form, finalists=finalists, closes_at=edition.local(edition.vote_closes_at))
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if _vote_rate_limited(request, email):
            context["rate_limited"] = True
            response = render(request, "awards/vote_form.html", context, status=429)
            return with_retry_after(request, response)
        ip_address = client_ip(request)
        vote = PublicVote.objects.create(
            edition=edition,
            candidature=form.chosen,
            email=email,
            language=get_language(),
            ip_address=ip_address,
            network=network_of(ip_address),
        )
        emails.send_vote_confirmation(vote, request)
        return render(request, "awards/vote_requested.html", {**context, "email": email})
    status = 400 if request.method == "POST" else 200
    return render(request, "awards/vote_form.html", context, status=status)


def vote_confirm(request, token):
    """Counts the vote of a signed, unexpired link; one counted vote per address and edition."""
    context = {}
    vote = None
    try:
        vote_id = emails.vote_signer().unsign(token, max_age=emails.confirmation_max_age())
    except SignatureExpired:
        context["outcome"] = "expired"
        return render(request, "awards/vote_confirmed.html", context, status=400)
    except BadSignature:
        context["outcome"] = "invalid"
        return render(request, "awards/vote_confirmed.html", context, status=400)

    try:
        with transaction.atomic():
            vote = (
                PublicVote.objects.select_for_update()
                .select_related("edition", "candidature")
                .filter(pk=vote_id)
                .first()
            )
            if vote is None:
                context["outcome"] = "invalid"
            elif vote.confirmed_at is not None:
                context["outcome"] = "already_counted"
            elif not vote.edition.vote_is_open(timezone.now()):
                context["outcome"] = "closed"
            elif PublicVote.objects.filter(
                edition=vote.edition_id, email=vote.email, confirmed_at__isnull=False
            ).exists():
                context["outcome"] = "already_voted"
            else:
                vote.confirmed_at = timezone.now()
                vote.save(update_fields=["confirmed_at"])
                context["outcome"] = "confirmed"
    except IntegrityError:
        # Another link of the same address was confirmed at the same moment: the
        # database's unique constraint let only one of them count.
        context["outcome"] = "already_voted"
    if vote is not None:
        context["vote"] = vote
        context["page"] = vote.edition.localized_for(get_language())
    status = 200 if context["outcome"] in {"confirmed", "already_counted"} else 409
    if context["outcome"] == "invalid":
        status = 400
    return render(request, "awards/vote_confirmed.html", context, status=status)


# Jury


def _is_juror(user, edition):
    return (
        user.is_authenticated
        and user.is_active
        and user.groups.filter(name=JURY_GROUP).exists()
        and edition.jurors.filter(pk=user.pk).exists()
    )


def _juror_edition(request, edition_id):
    page, edition = _edition_page(edition_id)
    if not _is_juror(request.user, edition):
        raise Http404
    return page, edition


def _visible_finalists(edition, user):
    """The finalists a juror may see: not those they declared a conflict of interest with."""
    return edition.finalists().exclude(conflicts__juror=user)


@login_required
def jury_home(request):
    editions = [
        edition
        for edition in AwardEditionPage.objects.live()
        .filter(jurors=request.user, locale__language_code=settings.LANGUAGE_CODE)
        .distinct()
        if _is_juror(request.user, edition)
    ]
    if not editions:
        raise Http404
    language = get_language()
    rows = [
        {
            "edition": edition,
            "page": edition.localized_for(language),
            "phase": edition.jury_phase(),
        }
        for edition in editions
    ]
    return render(request, "awards/jury_home.html", {"rows": rows})


@login_required
def jury_edition(request, edition_id):
    page, edition = _juror_edition(request, edition_id)
    phase = edition.jury_phase()
    finalists = list(_visible_finalists(edition, request.user))
    scored = set(
        JuryScore.objects.filter(
            juror=request.user, candidature__in=finalists, phase=phase or 0
        ).values_list("candidature_id", flat=True)
    )
    for finalist in finalists:
        finalist.scored_by_me = finalist.pk in scored
    return render(
        request,
        "awards/jury_edition.html",
        {"page": page, "edition": edition, "phase": phase, "finalists": finalists},
    )


class _LocalizedCriterion:
    def __init__(self, criterion, label):
        self.pk = criterion.pk
        self.weight = criterion.weight
        self.label = label.name
        self.description = label.description


def _criteria(page, edition):
    labels = {row.translation_key: row for row in page.criteria.all()}
    return [
        _LocalizedCriterion(row, labels.get(row.translation_key, row))
        for row in edition.criteria.all()
    ]


@login_required
def jury_score(request, edition_id, candidature_id):
    page, edition = _juror_edition(request, edition_id)
    candidature = get_object_or_404(
        _visible_finalists(edition, request.user).prefetch_related("attachments"),
        pk=candidature_id,
    )
    criteria = _criteria(page, edition)
    now = timezone.now()
    phase = edition.jury_phase(now)
    own = JuryScore.objects.filter(candidature=candidature, juror=request.user)
    own_by_phase = {1: {}, 2: {}}
    for score in own:
        own_by_phase[score.phase][score.criterion_id] = score

    form = None
    if phase:
        form = ScoreSheetForm(
            request.POST if request.method == "POST" else None,
            criteria=criteria,
            initial_scores=own_by_phase[phase],
        )
    if request.method == "POST":
        if not phase:
            messages.error(request, gettext("No jury phase is open: scores cannot be changed."))
            return redirect("awards:jury_score", edition_id=page.pk, candidature_id=candidature.pk)
        if form.is_valid():
            with transaction.atomic():
                for criterion in criteria:
                    JuryScore.objects.update_or_create(
                        candidature=candidature,
                        juror=request.user,
                        criterion_id=criterion.pk,
                        phase=phase,
                        defaults={
                            "score": form.cleaned_data[f"score_{criterion.pk}"],
                            "comment": form.cleaned_data[f"comment_{criterion.pk}"],
                        },
                    )
            messages.success(request, gettext("Your scores are saved."))
            return redirect("awards:jury_edition", edition_id=page.pk)

    # Other jurors' scores only once a phase has closed, and never those who withdrew.
    closed_phases = [p for p in (1, 2) if edition.jury_phase_has_closed(p, now)]
    others = (
        JuryScore.objects.filter(candidature=candidature, phase__in=closed_phases)
        .exclude(juror=request.user)
        .exclude(juror__in=candidature.conflicts.values("juror"))
        .select_related("juror", "criterion")
        .order_by("phase", "juror_id", "criterion__sort_order")
    )
    answers = []
    questions = {row.translation_key: row for row in page.questions.all()}
    for question in edition.questions.all():
        label = questions.get(question.translation_key, question)
        answers.append((label.text, candidature.answers.get(str(question.pk), "")))
    return render(
        request,
        "awards/jury_score.html",
        {
            "page": page,
            "edition": edition,
            "candidature": candidature,
            "experience": candidature.experience_in(get_language()),
            "answers": answers,
            "criteria": criteria,
            "phase": phase,
            "form": form,
            "own_scores": [
                (p, [own_by_phase[p].get(criterion.pk) for criterion in criteria])
                for p in (1, 2)
                if own_by_phase[p]
            ],
            "other_scores": others,
            "conflict_form": ConflictForm(),
        },
        status=400 if form is not None and form.is_bound and form.errors else 200,
    )


@login_required
@require_POST
def jury_conflict(request, edition_id, candidature_id):
    page, edition = _juror_edition(request, edition_id)
    candidature = get_object_or_404(_visible_finalists(edition, request.user), pk=candidature_id)
    form = ConflictForm(request.POST)
    if not form.is_valid():
        messages.error(request, gettext("Tick the box to declare the conflict of interest."))
        return redirect("awards:jury_score", edition_id=page.pk, candidature_id=candidature.pk)
    ConflictOfInterest.objects.get_or_create(
        candidature=candidature, juror=request.user, defaults={"note": form.cleaned_data["note"]}
    )
    messages.success(
        request,
        gettext("Conflict of interest recorded: you no longer take part in judging “%(title)s”.")
        % {"title": candidature.title},
    )
    return redirect("awards:jury_edition", edition_id=page.pk)
