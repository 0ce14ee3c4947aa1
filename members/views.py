"""The member area: log in and out, password reset, invitations, dashboard, co-editing,
sign-off, the public member directory and the membership application form.

Dashboard panels from other apps
--------------------------------
The dashboard renders, in order, the panels registered with the Wagtail hook
``members_dashboard_panels``. Each registered function takes the ``request`` and returns
HTML (a safe string) or ``None`` to show nothing::

    from wagtail import hooks

    @hooks.register("members_dashboard_panels")
    def my_candidatures_panel(request):
        return render_to_string("awards/member_panel.html", {...}, request=request)

The panel should be a ``<section>`` with its own ``<h2>``.
"""

import functools
import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login, logout
from django.contrib.auth import views as auth_views
from django.core import signing
from django.core.mail import send_mail
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse, reverse_lazy
from django.utils import timezone, translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from wagtail import hooks
from wagtail.admin.panels import get_edit_handler
from wagtail.models import Locale, WorkflowState
from wagtail.users.models import UserProfile

from django_countries import countries

from oidp.ratelimit import is_limited, with_retry_after
from repository.models import ExperiencePage
from repository.regions import COUNTRY_REGION, Region
from repository.vocabularies import Organisation, localised_labels

from . import personal_data as personal_data_module
from .forms import (
    HONEYPOT_FIELD,
    AcceptInvitationForm,
    DeleteAccountForm,
    ExperienceEditForm,
    MemberLoginForm,
    MembershipApplicationForm,
    ResourceLinkFormSet,
    apply_resource_links,
    resource_links,
)
from .models import CoAuthorSignOffTask, Invitation, Member
from .notifications import absolute
from .workflow import State, experience_state, is_in_moderation, sign_off_task_states_for

logger = logging.getLogger(__name__)

DIRECTORY_PAGE_SIZE = 24


def member_required(view):
    """Signed in, active, with a member profile; anyone else goes to the login page."""

    @functools.wraps(view)
    @never_cache
    def wrapper(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return auth_views.redirect_to_login(request.get_full_path())
        if not hasattr(user, "member"):
            return render(request, "members/not_a_member.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


def co_authored_or_404(request, page_id):
    """The experience, if the signed-in member co-authors it; otherwise it does not exist."""
    page = ExperiencePage.objects.filter(pk=page_id, co_authors=request.user).first()
    if page is None:
        raise Http404
    return page


# Log in, log out, password reset: Django's views with the member area's templates.


class LoginView(auth_views.LoginView):
    template_name = "members/login.html"
    authentication_form = MemberLoginForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    next_page = reverse_lazy("members:login")


@method_decorator(never_cache, name="dispatch")
class PasswordResetView(auth_views.PasswordResetView):
    template_name = "members/password_reset.html"
    email_template_name = "members/emails/password_reset.txt"
    subject_template_name = "members/emails/password_reset_subject.txt"
    success_url = reverse_lazy("members:password_reset_done")

    def post(self, request, *args, **kwargs):
        if is_limited(request, "password-reset"):
            form = self.get_form()
            response = self.render_to_response(
                self.get_context_data(form=form, rate_limited=True), status=429
            )
            return with_retry_after(request, response.render())
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        # The e-mail is written in the language of the page the visitor asked from.
        self.extra_email_context = {"site_name": settings.WAGTAIL_SITE_NAME}
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "members/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "members/password_reset_confirm.html"
    success_url = reverse_lazy("members:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "members/password_reset_complete.html"


def lockout(request, response=None, credentials=None, *args, **kwargs):
    """django-axes' answer to a locked-out login, in the visitor's language."""
    hours = getattr(settings, "AXES_COOLOFF_TIME", None)
    return render(
        request,
        "members/locked_out.html",
        {"cooloff_minutes": int(float(hours) * 60) if hours else None},
        status=429,
    )


# Invitations


def send_invitation(invitation, request=None):
    with translation.override(invitation.language):
        accept_url = absolute(
            reverse("members:accept_invitation", kwargs={"token": invitation.make_token()})
        )
        inviter = invitation.invited_by
        context = {
            "invitation": invitation,
            "accept_url": accept_url,
            "inviter": (inviter.get_full_name() or inviter.email) if inviter else "",
            "days": max(1, Invitation.max_age() // 86400),
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        subject = render_to_string("members/emails/invitation_subject.txt", context)
        body = render_to_string("members/emails/invitation.txt", context)
    send_mail(" ".join(subject.split()), body.strip(), None, [invitation.email])


def _add_co_author(invitation, user):
    """Adds the member to the experience's co-authors, on the live row and on a pending draft."""
    page = invitation.experience.specific
    # A ParentalManyToManyField only writes on the page's save; the live row is left as it is
    # and the relation row is written directly.
    ExperiencePage.co_authors.through.objects.get_or_create(
        experiencepage_id=page.pk, user_id=user.pk
    )
    page = ExperiencePage.objects.get(pk=page.pk)
    if page.has_unpublished_changes:
        # The newest draft must carry the new co-author too, or publishing it would drop them.
        draft = page.get_latest_revision_as_object()
        draft.co_authors = list(page.co_authors.all())
        draft.save_revision(user=user, log_action=False, clean=False)


@never_cache
@require_http_methods(["GET", "POST"])
def accept_invitation(request, token):
    try:
        invitation = Invitation.from_token(token)
    except signing.SignatureExpired:
        return render(request, "members/invitation_invalid.html", {"reason": "expired"}, status=410)
    except (signing.BadSignature, Invitation.DoesNotExist, ValueError):
        return render(request, "members/invitation_invalid.html", {"reason": "invalid"}, status=404)
    if invitation.is_accepted:
        return render(request, "members/invitation_invalid.html", {"reason": "used"}, status=410)

    User = get_user_model()
    existing = User.objects.filter(email__iexact=invitation.email).first()
    if existing is not None:
        # An account already exists: its owner signs in, then accepts.
        if not request.user.is_authenticated or request.user.pk != existing.pk:
            return render(
                request,
                "members/invitation_login.html",
                {"invitation": invitation, "login_next": request.get_full_path()},
            )
        if request.method == "POST":
            with transaction.atomic():
                Member.objects.get_or_create(
                    user=existing,
                    defaults={
                        "organisation": invitation.organisation,
                        "language": invitation.language,
                    },
                )
                _accept(invitation, existing)
            return redirect("members:edit_experience", page_id=invitation.experience_id)
        return render(request, "members/invitation_accept.html", {"invitation": invitation})

    form = AcceptInvitationForm(request.POST or None, invitation=invitation)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
            if invitation.is_accepted:
                return render(
                    request, "members/invitation_invalid.html", {"reason": "used"}, status=410
                )
            user = User.objects.create_user(
                username=invitation.email.lower(),
                email=invitation.email.lower(),
                password=form.cleaned_data["password1"],
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
            )
            language = translation.get_language() or invitation.language
            Member.objects.create(
                user=user, organisation=invitation.organisation, language=language
            )
            # Wagtail's own workflow e-mails lead to the admin, which members never see.
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = language
            profile.submitted_notifications = False
            profile.approved_notifications = False
            profile.rejected_notifications = False
            profile.updated_comments_notifications = False
            profile.save()
            _accept(invitation, user)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, gettext("Welcome! You can now edit this experience."))
        return redirect("members:edit_experience", page_id=invitation.experience_id)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "members/invitation_accept.html",
        {"invitation": invitation, "form": form},
        status=status,
    )


def _accept(invitation, user):
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    _add_co_author(invitation, user)


# Dashboard


def translation_states(page):
    by_language = {
        p.locale.language_code: p
        for p in ExperiencePage.objects.filter(translation_key=page.translation_key).select_related(
            "locale"
        )
    }
    rows = []
    for code, name in settings.LANGUAGES:
        translated = by_language.get(code)
        rows.append(
            {
                "code": code,
                "name": name,
                "exists": translated is not None,
                "live": bool(translated and translated.live),
                "url": translated.url if translated and translated.live else "",
            }
        )
    return rows


@member_required
def dashboard(request):
    experiences = []
    for page in (
        ExperiencePage.objects.filter(co_authors=request.user)
        .select_related("locale")
        .order_by("title")
    ):
        state, comment = experience_state(page)
        experiences.append(
            {
                "page": page,
                "state": state,
                "state_label": State.LABELS[state],
                "comment": comment,
                "translations": translation_states(page),
                "editable": not is_in_moderation(page),
            }
        )
    panels = []
    for hook in hooks.get_hooks("members_dashboard_panels"):
        html = hook(request)
        if html:
            panels.append(html)
    return render(
        request,
        "members/dashboard.html",
        {
            "experiences": experiences,
            "sign_offs": [
                {"task_state": ts, "page": ts.workflow_state.content_object.specific}
                for ts in sign_off_task_states_for(request.user)
            ],
            "invitations": Invitation.objects.filter(email__iexact=request.user.email)
            .select_related("experience")
            .order_by("-created_at"),
            "sent_invitations": Invitation.objects.filter(invited_by=request.user).select_related(
                "experience"
            ),
            "panels": panels,
        },
    )


# Co-editing


def _edit_blocked_reason(page, user):
    if is_in_moderation(page):
        return gettext(
            "This experience is being reviewed. You can edit it again once the review is over "
            "or changes are requested."
        )
    lock = page.get_lock()
    if lock and lock.for_user(user):
        return gettext("An editor is working on this experience; try again later.")
    return ""


@member_required
@require_http_methods(["GET", "POST"])
def edit_experience(request, page_id):
    page = co_authored_or_404(request, page_id)
    draft = page.get_latest_revision_as_object()
    blocked = _edit_blocked_reason(page, request.user)
    state, comment = experience_state(page)
    if request.method == "POST" and not blocked:
        form = ExperienceEditForm(request.POST, instance=draft)
        links = ResourceLinkFormSet(request.POST, prefix="links")
        if form.is_valid() and links.is_valid():
            draft = form.save()
            apply_resource_links(draft, links)
            # Co-authors are decided by the editors on the live page, never by a draft.
            draft.co_authors = list(page.co_authors.all())
            with transaction.atomic():
                draft.save_revision(user=request.user, log_action=True)
                if request.POST.get("action") == "submit":
                    error = _submit(page, request.user)
                    if error:
                        messages.error(request, error)
                        return redirect("members:edit_experience", page_id=page.pk)
                    messages.success(
                        request, gettext("Your changes were submitted. You will be told by e-mail.")
                    )
                    return redirect("members:dashboard")
            messages.success(request, gettext("Your draft was saved. Submit it when it is ready."))
            return redirect("members:edit_experience", page_id=page.pk)
        status = 400
    else:
        if request.method == "POST":
            messages.error(request, blocked)
            return redirect("members:edit_experience", page_id=page.pk)
        form = ExperienceEditForm(instance=draft)
        links = ResourceLinkFormSet(initial=resource_links(draft), prefix="links")
        status = 200
    return render(
        request,
        "members/edit_experience.html",
        {
            "page": page,
            "form": form,
            "links": links,
            "blocked": blocked,
            "state": state,
            "state_label": State.LABELS[state],
            "comment": comment,
            "has_draft": page.has_unpublished_changes,
        },
        status=status,
    )


def _submit(page, user):
    """Starts the experience's workflow, or resumes it where changes were requested."""
    page = page.specific
    workflow_state = page.current_workflow_state
    if workflow_state and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        workflow_state.resume(user=user)
        return ""
    workflow = page.get_workflow()
    if workflow is None:
        return gettext("No review process is set up for this experience; tell the secretariat.")
    workflow.start(page, user)
    return ""


def comparison(page):
    """Wagtail's own field-by-field comparison of the live version with the latest draft."""
    live = page.specific
    draft = page.get_latest_revision_as_object()
    bound = (
        get_edit_handler(ExperiencePage)
        .get_bound_panel(instance=live, request=None, form=None)
        .get_comparison()
    )
    changes = []
    for comparison_class in bound:
        diff = comparison_class(live, draft)
        if diff.has_changed():
            changes.append(diff)
    return changes


@member_required
def compare(request, page_id):
    page = co_authored_or_404(request, page_id)
    return render(
        request,
        "members/compare.html",
        {"page": page, "changes": comparison(page), "is_live": page.live},
    )


@member_required
@require_http_methods(["GET", "POST"])
def sign_off(request, page_id):
    page = co_authored_or_404(request, page_id)
    task_state = page.current_workflow_task_state
    task = task_state.task.specific if task_state else None
    actions = []
    if isinstance(task, CoAuthorSignOffTask):
        actions = [name for name, _label, _data in task.get_actions(page, request.user)]
    if not actions:
        return render(request, "members/sign_off_unavailable.html", {"page": page}, status=403)
    error = ""
    if request.method == "POST":
        action = request.POST.get("action")
        comment = request.POST.get("comment", "").strip()
        if action not in actions:
            error = gettext("Choose to sign off or to request changes.")
        elif action == "reject" and not comment:
            error = gettext("Say which changes you ask for, so that the co-authors know.")
        else:
            task.on_action(task_state, request.user, action, comment=comment)
            if action == "approve":
                messages.success(request, gettext("You signed off the changes."))
            else:
                messages.success(request, gettext("Your request for changes was sent."))
            return redirect("members:dashboard")
    return render(
        request,
        "members/sign_off.html",
        {
            "page": page,
            "changes": comparison(page),
            "requested_by": task_state.workflow_state.requested_by,
            "error": error,
            "comment": request.POST.get("comment", ""),
        },
        status=400 if error else 200,
    )


# Public: the member directory and the membership application


def published_members():
    """Member organisations that agreed to publication, one row per organisation."""
    return (
        Organisation.objects.live()
        .filter(locale=Locale.get_default(), is_member=True, publication_consent=True)
        .order_by("name")
    )


def directory(request):
    organisations = published_members()
    names = localised_labels(Organisation)
    region = request.GET.get("region", "")
    country = request.GET.get("country", "")
    kind = request.GET.get("type", "")
    valid_regions = dict(Region.choices)
    valid_types = dict(Organisation.Type.choices)
    if region in valid_regions:
        organisations = organisations.filter(
            country__in=[code for code, r in COUNTRY_REGION.items() if r == region]
        )
    else:
        region = ""
    if country and country in dict(countries):
        organisations = organisations.filter(country=country)
    else:
        country = ""
    if kind in valid_types:
        organisations = organisations.filter(organisation_type=kind)
    else:
        kind = ""
    rows = [
        {
            "name": names.get(o.slug, o.name),
            "organisation": o,
            "region": valid_regions.get(o.region, ""),
        }
        for o in organisations
    ]
    points = [
        {
            "lat": row["organisation"].latitude,
            "lng": row["organisation"].longitude,
            "title": row["name"],
            "url": row["organisation"].website or "",
            "place": str(row["organisation"].country.name or ""),
        }
        for row in rows
        if row["organisation"].latitude is not None and row["organisation"].longitude is not None
    ]
    page_obj = Paginator(rows, DIRECTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    present_countries = sorted(
        {str(o.country.code) for o in published_members() if o.country},
        key=lambda code: str(dict(countries).get(code, code)),
    )
    query = "&".join(
        f"{key}={value}"
        for key, value in (("region", region), ("country", country), ("type", kind))
        if value
    )
    tiles = settings.REPOSITORY_MAP_TILE_URL
    return render(
        request,
        "members/directory.html",
        {
            "page_obj": page_obj,
            "count": len(rows),
            "regions": Region.choices,
            "types": Organisation.Type.choices,
            "countries": [(code, dict(countries)[code]) for code in present_countries],
            "selected": {"region": region, "country": country, "type": kind},
            "query": query,
            "map_points": points,
            "map_tiles": {"url": tiles, "attribution": settings.REPOSITORY_MAP_ATTRIBUTION}
            if tiles
            else None,
        },
    )


def secretariat_emails():
    address = getattr(settings, "MEMBERS_SECRETARIAT_EMAIL", "")
    if address:
        return [address]
    from home.models import SiteSettings

    record = SiteSettings.objects.live().filter(locale=Locale.get_default()).first()
    if record and record.contact_email:
        return [record.contact_email]
    return [email for _name, email in settings.ADMINS] if getattr(settings, "ADMINS", None) else []


@require_http_methods(["GET", "POST"])
def apply(request):
    rate_limited = False
    if request.method == "POST":
        form = MembershipApplicationForm(request.POST)
        # Every attempt counts, valid or not: five an hour per address.
        if is_limited(request, "apply"):
            rate_limited = True
        elif form.is_spam():
            logger.info("Membership application rejected by the honeypot")
            return HttpResponseRedirect(reverse("members:apply_thanks"))
        elif form.is_valid():
            application = form.save(commit=False)
            application.language = translation.get_language() or settings.LANGUAGE_CODE
            application.save()
            notify_secretariat(application)
            return HttpResponseRedirect(reverse("members:apply_thanks"))
    else:
        form = MembershipApplicationForm()
    response = render(
        request,
        "members/apply.html",
        {"form": form, "rate_limited": rate_limited, "honeypot": HONEYPOT_FIELD},
    )
    if rate_limited:
        response.status_code = 429
        with_retry_after(request, response)
    elif request.method == "POST":
        response.status_code = 400
    return response


def notify_secretariat(application):
    recipients = secretariat_emails()
    if not recipients:
        logger.warning(
            "No secretariat address: membership application %s not notified", application.pk
        )
        return
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "application": application,
            "admin_url": absolute(reverse("members_application:edit", args=[application.pk])),
        }
        subject = render_to_string("members/emails/application_received_subject.txt", context)
        body = render_to_string("members/emails/application_received.txt", context)
    send_mail(" ".join(subject.split()), body.strip(), None, recipients)


def apply_thanks(request):
    return render(request, "members/apply_thanks.html")


# Personal data: download and deletion


@member_required
@require_http_methods(["GET"])
def personal_data(request):
    """The member's personal data as a JSON file."""
    data = personal_data_module.collect(request.user)
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = 'attachment; filename="my-personal-data.json"'
    return response


@member_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        personal_data_module.erase(user)
        return redirect("members:account_deleted")
    status = 400 if request.method == "POST" else 200
    return render(request, "members/delete_account.html", {"form": form}, status=status)


def account_deleted(request):
    return render(request, "members/account_deleted.html")
