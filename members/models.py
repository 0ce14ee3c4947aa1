"""Member accounts, co-author invitations, membership applications and the sign-off task.

A member is a user account with a `Member` profile tied to a member organisation. Members
never reach the Wagtail admin: they co-edit the experiences they co-author through the
front-end editor of this app, and their changes go through Wagtail's workflow engine
(`CoAuthorSignOffTask`, then the editors' `GroupApprovalTask`).
"""

from django.conf import settings
from django.core import signing
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Task, TaskState

from django_countries.fields import CountryField

from repository.vocabularies import Organisation, default_locale_choices

INVITATION_SALT = "members.invitation"


class Member(models.Model):
    """The member profile of a user account: its organisation and the language it reads."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="member",
    )
    organisation = models.ForeignKey(
        "repository.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
        limit_choices_to=default_locale_choices,
    )
    language = models.CharField(
        _("preferred language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("E-mails to this member are written in this language."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")

    def __str__(self):
        return self.user.get_full_name() or self.user.get_username()


def language_of(user):
    """The language e-mails to this user are written in."""
    member = getattr(user, "member", None) if user is not None else None
    if member is not None:
        return member.language
    profile = getattr(user, "wagtail_userprofile", None)
    if profile is not None and profile.preferred_language:
        return profile.preferred_language
    return settings.LANGUAGE_CODE


class Invitation(models.Model):
    """An editor's invitation to co-author an experience.

    The link carries the invitation's id signed with a timestamp (django.core.signing), so it
    cannot be forged and expires after `MEMBERS_INVITATION_MAX_AGE` seconds; `accepted_at`
    makes it single use.
    """

    email = models.EmailField(_("e-mail"))
    experience = models.ForeignKey(
        "repository.ExperiencePage",
        verbose_name=_("experience"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    organisation = models.ForeignKey(
        "repository.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=default_locale_choices,
        help_text=_("The member organisation the invitee belongs to."),
    )
    language = models.CharField(
        _("language of the invitation"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    message = models.TextField(
        _("personal message"), blank=True, help_text=_("Added to the invitation e-mail.")
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accepted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="accepted_invitations",
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} → {self.experience.title}"

    @staticmethod
    def max_age():
        return getattr(settings, "MEMBERS_INVITATION_MAX_AGE", 60 * 60 * 24 * 14)

    def make_token(self):
        return signing.TimestampSigner(salt=INVITATION_SALT).sign(str(self.pk))

    @classmethod
    def from_token(cls, token):
        """The pending invitation a token stands for; raises signing errors or DoesNotExist."""
        value = signing.TimestampSigner(salt=INVITATION_SALT).unsign(token, max_age=cls.max_age())
        return cls.objects.select_related("experience").get(pk=int(value))

    @property
    def is_accepted(self):
        return self.accepted_at is not None

    @property
    def is_expired(self):
        return (timezone.now() - self.created_at).total_seconds() > self.max_age()

    @property
    def state_label(self):
        if self.is_accepted:
            return _("Accepted")
        if self.is_expired:
            return _("Expired")
        return _("Pending")


class MembershipApplication(models.Model):
    """A request to join the network, sent from the public form, read by the secretariat."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    organisation_name = models.CharField(_("name of the organisation"), max_length=255)
    organisation_type = models.CharField(
        _("type of organisation"), max_length=30, choices=Organisation.Type.choices
    )
    country = CountryField(_("country"))
    city = models.CharField(_("city or territory"), max_length=200, blank=True)
    website = models.URLField(_("website"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200)
    contact_role = models.CharField(_("role of the contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"))
    motivation = models.TextField(_("why the organisation wishes to join"))
    publication_consent = models.BooleanField(
        _("agrees to appear in the public member directory"), default=False
    )
    publication_consent_at = models.DateTimeField(
        _("date of the consent to publication"), null=True, blank=True, editable=False
    )
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="new")
    notes = models.TextField(_("internal notes"), blank=True)
    created_at = models.DateTimeField(_("received at"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership application")
        verbose_name_plural = _("membership applications")
        ordering = ["-created_at"]

    def __str__(self):
        return self.organisation_name

    def save(self, *args, **kwargs):
        # Consent is recorded with the moment it was given, and forgotten when withdrawn.
        if self.publication_consent and self.publication_consent_at is None:
            self.publication_consent_at = timezone.now()
        elif not self.publication_consent:
            self.publication_consent_at = None
        super().save(*args, **kwargs)


class CoAuthorSignOffTask(Task):
    """One of the experience's other co-authors signs off a submitted change.

    Skipped when the experience has no other active co-author than the person who submitted.
    Co-authors act from the member area (they have no access to the Wagtail admin).
    """

    admin_form_fields = Task.admin_form_fields

    class Meta:
        verbose_name = _("co-author sign-off")
        verbose_name_plural = _("co-author sign-offs")

    @staticmethod
    def other_co_authors(page, requested_by):
        co_authors = page.specific.co_authors.filter(is_active=True)
        if requested_by is not None:
            co_authors = co_authors.exclude(pk=requested_by.pk)
        return co_authors

    def start(self, workflow_state, user=None):
        task_state = super().start(workflow_state, user=user)
        page = workflow_state.content_object
        if not self.other_co_authors(page, workflow_state.requested_by).exists():
            task_state.status = TaskState.STATUS_SKIPPED
            task_state.finished_at = timezone.now()
            task_state.comment = str(_("No other co-author: sign-off skipped."))
            task_state.save()
        return task_state

    def _can_sign_off(self, obj, user):
        if not (user and user.is_authenticated and user.is_active):
            return False
        state = obj.current_workflow_state
        requested_by = state.requested_by if state else None
        return self.other_co_authors(obj, requested_by).filter(pk=user.pk).exists()

    def get_actions(self, obj, user):
        if self._can_sign_off(obj, user):
            return [
                ("reject", _("Request changes"), True),
                ("approve", _("Sign off"), False),
            ]
        return []

    def locked_for_user(self, obj, user):
        # The change under sign-off is frozen: co-authors comment, they do not edit it.
        return not user.is_superuser

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if not (user.is_authenticated and user.is_active):
            return TaskState.objects.none()
        page_ids = [str(pk) for pk in user.co_authored_experiences.values_list("pk", flat=True)]
        return self.task_states.filter(
            Q(status=TaskState.STATUS_IN_PROGRESS) & Q(workflow_state__object_id__in=page_ids)
        ).exclude(workflow_state__requested_by=user)

    @classmethod
    def get_description(cls):
        return _("Another co-author of the experience signs the change off")
