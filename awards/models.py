"""The Best Practice Award: editions as pages, candidatures, votes and jury scores as plain models.

An edition page is translated through wagtail-localize; its dates, numbers and relations are
synchronised. Candidatures, votes, scores and the results flag always refer to the edition in
the default language (`AwardEditionPage.edition`), so that every translation reads one set of
facts even before a translator has re-synchronised it.
"""

import datetime
import itertools
import secrets
import zoneinfo
from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField
from wagtail.models import Locale, Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import RICH_TEXT_FEATURES
from home.models import SocialMetaMixin
from home.routing import SingleChildTypeRouteMixin

JURY_GROUP = "Jury"
SCORE_MAX = 10

TIME_ZONE_CHOICES = [
    (name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())
]


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("“%(value)s” is not a known time zone."), params={"value": value})


# The phase boundaries of an edition, in chronological order, with the phase each one opens.
PHASE_BOUNDARIES = [
    ("call_opens_at", "call"),
    ("candidature_deadline", "eligibility"),
    ("eligibility_check_ends_at", "selection"),
    ("finalists_announced_at", "finalists"),
    ("vote_opens_at", "vote"),
    ("vote_closes_at", "vote_closed"),
    ("jury_phase_1_opens_at", "jury_1"),
    ("jury_phase_1_closes_at", "between_jury_phases"),
    ("jury_phase_2_opens_at", "jury_2"),
    ("jury_phase_2_closes_at", "deliberation"),
]
PHASE_FIELDS = [name for name, _phase in PHASE_BOUNDARIES]

PHASE_LABELS = {
    "upcoming": _("The call for candidatures has not opened yet"),
    "call": _("Call for candidatures open"),
    "eligibility": _("Eligibility check"),
    "selection": _("Selection of the finalists"),
    "finalists": _("Finalists announced"),
    "vote": _("Public vote open"),
    "vote_closed": _("Public vote closed"),
    "jury_1": _("Jury, first phase"),
    "between_jury_phases": _("Between the jury phases"),
    "jury_2": _("Jury, second phase: final deliberation"),
    "deliberation": _("Results being prepared"),
    "results": _("Results published"),
}


class AwardIndexPage(SingleChildTypeRouteMixin, SocialMetaMixin, Page):
    """The award's section in one language: what it is, and its editions, newest first."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["awards.AwardEditionPage"]
    max_count_per_parent = 1
    # The phase shown depends on the clock: never served from the anonymous page cache.
    page_cache_seconds = 0

    class Meta:
        verbose_name = _("award index page")
        verbose_name_plural = _("award index pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["editions"] = (
            AwardEditionPage.objects.child_of(self).live().public().order_by("-year", "-number")
        )
        return context


class AwardEditionForm(WagtailAdminPageForm):
    """Phase dates are typed and shown as wall-clock times in the edition's own time zone."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        zone = self.instance.zone
        for name in PHASE_FIELDS:
            value = getattr(self.instance, name, None)
            if name in self.fields and value is not None:
                self.initial[name] = value.astimezone(zone).replace(tzinfo=None)

    def clean(self):
        cleaned = super().clean()
        zone_name = cleaned.get("time_zone") or self.instance.time_zone
        if zone_name not in zoneinfo.available_timezones():
            return cleaned
        zone = zoneinfo.ZoneInfo(zone_name)
        for name in PHASE_FIELDS:
            value = cleaned.get(name)
            if name in self.fields and isinstance(value, datetime.datetime):
                # The form read the wall-clock time in the admin's time zone: re-read it in
                # the edition's.
                wall_clock = timezone.localtime(value).replace(tzinfo=None)
                cleaned[name] = wall_clock.replace(tzinfo=zone)
        return cleaned


class AwardEditionPage(SocialMetaMixin, Page):
    """One yearly edition: theme, rules, categories, criteria, phases, jurors and results."""

    number = models.PositiveSmallIntegerField(_("edition number"))
    year = models.PositiveSmallIntegerField(_("year"))
    theme = models.CharField(_("theme"), max_length=255, blank=True)
    intro = models.TextField(_("introduction"), blank=True)
    rules = RichTextField(_("rules"), blank=True, features=RICH_TEXT_FEATURES)

    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Europe/Madrid",
        validators=[validate_time_zone],
        help_text=_("Every date and time of the phases is read in this time zone."),
    )
    call_opens_at = models.DateTimeField(_("call for candidatures opens"))
    candidature_deadline = models.DateTimeField(
        _("candidature deadline"), help_text=_("Submissions are refused from this moment.")
    )
    eligibility_check_ends_at = models.DateTimeField(_("eligibility check ends"))
    finalists_announced_at = models.DateTimeField(_("finalists announced"))
    vote_opens_at = models.DateTimeField(_("public vote opens"))
    vote_closes_at = models.DateTimeField(_("public vote closes"))
    jury_phase_1_opens_at = models.DateTimeField(_("jury phase 1 opens"))
    jury_phase_1_closes_at = models.DateTimeField(_("jury phase 1 closes"))
    jury_phase_2_opens_at = models.DateTimeField(_("jury phase 2 opens"))
    jury_phase_2_closes_at = models.DateTimeField(_("jury phase 2 closes"))
    ceremony = models.ForeignKey(
        "news.EventPage",
        verbose_name=_("award ceremony"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The event where the award is presented, usually the annual conference."),
    )

    vote_weight = models.DecimalField(
        _("weight of the public vote"),
        max_digits=3,
        decimal_places=2,
        default=Decimal("0.20"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("1"))],
        help_text=_(
            "Between 0 and 1. Final score = (1 − weight) × jury score + weight × public vote score."
        ),
    )
    jurors = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("jurors"),
        blank=True,
        related_name="award_editions_as_juror",
        limit_choices_to={"groups__name": JURY_GROUP, "is_active": True},
        help_text=_("Members of the “Jury” group who score this edition's finalists."),
    )
    results_published = models.BooleanField(
        _("results published"),
        default=False,
        help_text=_("Shows the winners, special mentions and the public's choice on this page."),
    )
    results_text = RichTextField(_("results announcement"), blank=True, features=RICH_TEXT_FEATURES)

    base_form_class = AwardEditionForm

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("number"), FieldPanel("year")]),
        FieldPanel("theme"),
        FieldPanel("intro"),
        FieldPanel("rules"),
        InlinePanel("categories", heading=_("Categories"), label=_("Category")),
        InlinePanel("criteria", heading=_("Criteria"), label=_("Criterion")),
        InlinePanel("questions", heading=_("Questions to candidates"), label=_("Question")),
    ]
    phase_panels = [
        FieldPanel("time_zone", widget=forms.Select(choices=TIME_ZONE_CHOICES)),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("call_opens_at"), FieldPanel("candidature_deadline")]),
                FieldRowPanel(
                    [FieldPanel("eligibility_check_ends_at"), FieldPanel("finalists_announced_at")]
                ),
                FieldRowPanel([FieldPanel("vote_opens_at"), FieldPanel("vote_closes_at")]),
                FieldRowPanel(
                    [FieldPanel("jury_phase_1_opens_at"), FieldPanel("jury_phase_1_closes_at")]
                ),
                FieldRowPanel(
                    [FieldPanel("jury_phase_2_opens_at"), FieldPanel("jury_phase_2_closes_at")]
                ),
            ],
            heading=_("Phases, in the edition's time zone"),
        ),
        FieldPanel("ceremony"),
    ]
    jury_panels = [FieldPanel("jurors"), FieldPanel("vote_weight")]
    results_panels = [FieldPanel("results_published"), FieldPanel("results_text")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(phase_panels, heading=_("Phases")),
            ObjectList(jury_panels, heading=_("Jury")),
            ObjectList(results_panels, heading=_("Results")),
            ObjectList(SocialMetaMixin.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings"), classname="settings"),
        ]
    )
    search_fields = [
        *Page.search_fields,
        index.SearchField("theme"),
        index.SearchField("intro"),
        index.SearchField("rules"),
        index.FilterField("year"),
    ]
    override_translatable_fields = [
        *SocialMetaMixin.override_translatable_fields,
        *[
            SynchronizedField(name)
            for name in (
                "number",
                "year",
                "time_zone",
                *PHASE_FIELDS,
                "ceremony",
                "vote_weight",
                "jurors",
                "results_published",
            )
        ],
    ]
    parent_page_types = ["awards.AwardIndexPage"]
    subpage_types = []
    # The phase, the finalists and the counts change with the clock and with candidatures,
    # votes and decisions that publish no page: never served from the anonymous page cache.
    page_cache_seconds = 0

    class Meta:
        verbose_name = _("award edition")
        verbose_name_plural = _("award editions")

    def clean(self):
        super().clean()
        values = [(name, getattr(self, name)) for name in PHASE_FIELDS]
        if any(value is None for _name, value in values):
            return
        errors = {}
        for (earlier, first), (later, second) in itertools.pairwise(values):
            if second < first:
                errors[later] = _("This date must come after “%(earlier)s”.") % {
                    "earlier": self._meta.get_field(earlier).verbose_name
                }
        if errors:
            raise ValidationError(errors)

    # The edition every translation refers to

    @property
    def edition(self):
        """The edition in the default language, which candidatures, votes and scores refer to."""
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return self
        original = (
            AwardEditionPage.objects.filter(
                translation_key=self.translation_key, locale=Locale.get_default()
            ).first()
            or AwardEditionPage.objects.filter(translation_key=self.translation_key)
            .order_by("pk")
            .first()
        )
        return original or self

    def localized_for(self, language_code):
        """This edition's live page in a language, falling back to the edition itself."""
        translated = (
            AwardEditionPage.objects.live()
            .filter(translation_key=self.translation_key, locale__language_code=language_code)
            .first()
        )
        return translated or self

    # Phases, computed from the dates in the edition's time zone

    @property
    def zone(self):
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return datetime.UTC

    def local(self, moment):
        return moment.astimezone(self.zone) if moment else None

    def current_phase(self, now=None):
        now = now or timezone.now()
        if self.results_published:
            return "results"
        phase = "upcoming"
        for name, opens in PHASE_BOUNDARIES:
            boundary = getattr(self, name)
            if boundary is not None and now >= boundary:
                phase = opens
        return phase

    def current_phase_label(self):
        return PHASE_LABELS[self.current_phase()]

    def accepts_candidatures(self, now=None):
        now = now or timezone.now()
        return self.call_opens_at <= now < self.candidature_deadline

    def finalists_are_public(self, now=None):
        now = now or timezone.now()
        return now >= self.finalists_announced_at

    def vote_is_open(self, now=None):
        now = now or timezone.now()
        return self.vote_opens_at <= now < self.vote_closes_at

    def vote_has_closed(self, now=None):
        now = now or timezone.now()
        return now >= self.vote_closes_at

    def jury_phase(self, now=None):
        """The jury phase open now (1 or 2), or None."""
        now = now or timezone.now()
        if self.jury_phase_1_opens_at <= now < self.jury_phase_1_closes_at:
            return 1
        if self.jury_phase_2_opens_at <= now < self.jury_phase_2_closes_at:
            return 2
        return None

    def jury_phase_has_closed(self, phase, now=None):
        now = now or timezone.now()
        closes = self.jury_phase_1_closes_at if phase == 1 else self.jury_phase_2_closes_at
        return now >= closes

    def timeline(self, now=None):
        now = now or timezone.now()
        steps = [
            (_("Call for candidatures opens"), self.call_opens_at),
            (_("Candidature deadline"), self.candidature_deadline),
            (_("Eligibility check ends"), self.eligibility_check_ends_at),
            (_("Finalists announced"), self.finalists_announced_at),
            (_("Public vote opens"), self.vote_opens_at),
            (_("Public vote closes"), self.vote_closes_at),
            (_("Jury, first phase"), self.jury_phase_1_opens_at),
            (_("Jury, second phase"), self.jury_phase_2_opens_at),
            (_("Jury deliberation ends"), self.jury_phase_2_closes_at),
        ]
        return [
            {"label": label, "at": self.local(moment), "past": moment <= now}
            for label, moment in steps
        ]

    # What the page shows

    def finalists(self):
        return (
            self.edition.candidatures.filter(state__in=Candidature.FINALIST_STATES)
            .select_related("experience", "category")
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        from .ranking import public_choice, vote_counts

        context = super().get_context(request, *args, **kwargs)
        edition = self.edition
        now = timezone.now()
        context.update(
            edition=edition,
            phase=edition.current_phase(now),
            phase_label=PHASE_LABELS[edition.current_phase(now)],
            timeline=edition.timeline(now),
            zone_name=edition.time_zone,
            accepts_candidatures=edition.accepts_candidatures(now),
            vote_is_open=edition.vote_is_open(now),
            categories=self.categories.all(),
            criteria=self.criteria.all(),
        )
        if edition.finalists_are_public(now):
            finalists = list(edition.finalists())
            if edition.vote_has_closed(now):
                counts = vote_counts(edition)
                for finalist in finalists:
                    finalist.public_votes = counts.get(finalist.pk, 0)
                context["show_counts"] = True
            context["finalists"] = finalists
        if edition.results_published:
            candidatures = edition.candidatures.select_related("experience", "category")
            context["winners"] = candidatures.filter(state=Candidature.State.WINNER)
            context["special_mentions"] = candidatures.filter(
                state=Candidature.State.SPECIAL_MENTION
            )
            context["public_choice"] = public_choice(edition)
        return context


class AwardCategory(TranslatableMixin, Orderable):
    page = ParentalKey(AwardEditionPage, related_name="categories", on_delete=models.CASCADE)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.name

    def label(self, language_code=None):
        """The name in a language when the edition's translation has it."""
        from django.utils.translation import get_language

        code = language_code or get_language()
        translated = (
            AwardCategory.objects.filter(
                translation_key=self.translation_key, locale__language_code=code
            )
            .values_list("name", flat=True)
            .first()
        )
        return translated or self.name


class AwardCriterion(TranslatableMixin, Orderable):
    page = ParentalKey(AwardEditionPage, related_name="criteria", on_delete=models.CASCADE)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    weight = models.DecimalField(
        _("weight"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("1"),
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_("Relative weight of this criterion in the jury score."),
    )

    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("weight")]
    override_translatable_fields = [SynchronizedField("weight")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")

    def __str__(self):
        return self.name


class AwardQuestion(TranslatableMixin, Orderable):
    page = ParentalKey(AwardEditionPage, related_name="questions", on_delete=models.CASCADE)
    text = models.CharField(_("question"), max_length=500)
    help_text = models.CharField(_("help text"), max_length=500, blank=True)
    required = models.BooleanField(_("required to submit"), default=True)
    max_length = models.PositiveIntegerField(_("maximum length"), default=3000)

    panels = [
        FieldPanel("text"),
        FieldPanel("help_text"),
        FieldRowPanel([FieldPanel("required"), FieldPanel("max_length")]),
    ]
    override_translatable_fields = [
        SynchronizedField("required"),
        SynchronizedField("max_length"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.text


class Candidature(models.Model):
    """A member's application to one edition, linked to an experience of the repository."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        ELIGIBLE = "eligible", _("Eligible")
        INELIGIBLE = "ineligible", _("Ineligible")
        FINALIST = "finalist", _("Finalist")
        WINNER = "winner", _("Winner")
        SPECIAL_MENTION = "special_mention", _("Special mention")

    FINALIST_STATES = (State.FINALIST, State.WINNER, State.SPECIAL_MENTION)

    edition = models.ForeignKey(
        AwardEditionPage,
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="candidatures",
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applicant"),
        on_delete=models.CASCADE,
        related_name="award_candidatures",
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        help_text=_("The language the candidate applied in; e-mails to them use it."),
    )
    experience = models.ForeignKey(
        "repository.ExperiencePage",
        verbose_name=_("experience"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="award_candidatures",
    )
    title = models.CharField(_("title"), max_length=255)
    category = models.ForeignKey(
        AwardCategory,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="candidatures",
    )
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.DRAFT, db_index=True
    )
    ineligibility_reason = models.TextField(_("reason for ineligibility"), blank=True)
    jury_feedback = models.TextField(
        _("jury's feedback"),
        blank=True,
        help_text=_("Sent to the candidate by e-mail, in their language, when results are out."),
    )
    feedback_sent_at = models.DateTimeField(_("feedback sent"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    class Meta:
        verbose_name = _("candidature")
        verbose_name_plural = _("candidatures")
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "experience"],
                condition=models.Q(experience__isnull=False),
                name="awards_one_candidature_per_experience_and_edition",
            )
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.state == self.State.INELIGIBLE and not self.ineligibility_reason.strip():
            raise ValidationError(
                {"ineligibility_reason": _("Give the reason why the candidature is ineligible.")}
            )

    @property
    def applicant_email(self):
        return self.applicant.email

    @property
    def experience_url(self):
        if self.experience is None or not self.experience.live:
            return ""
        return self.experience.full_url or ""

    @property
    def is_editable(self):
        return self.state == self.State.DRAFT

    @property
    def is_finalist(self):
        return self.state in self.FINALIST_STATES

    def experience_in(self, language_code):
        """The linked experience in a language when it has a live translation there."""
        if self.experience is None:
            return None
        from repository.models import ExperiencePage

        translated = (
            ExperiencePage.objects.live()
            .filter(
                translation_key=self.experience.translation_key,
                locale__language_code=language_code,
            )
            .first()
        )
        if translated is not None:
            return translated
        return self.experience if self.experience.live else None


def attachment_path(instance, filename):
    """A random name: the uploader's file name never reaches the file system or the URL."""
    extension = instance.extension or "bin"
    return f"awards/candidatures/{secrets.token_hex(16)}.{extension}"


class CandidatureAttachment(models.Model):
    candidature = models.ForeignKey(
        Candidature, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=200)
    original_name = models.CharField(_("original name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=100)
    extension = models.CharField(_("extension"), max_length=10)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at"]

    def __str__(self):
        return self.original_name


class PublicVote(models.Model):
    """One visitor's vote; it counts only once confirmed through the e-mailed link."""

    edition = models.ForeignKey(
        AwardEditionPage, on_delete=models.CASCADE, related_name="public_votes"
    )
    candidature = models.ForeignKey(
        Candidature, verbose_name=_("finalist"), on_delete=models.CASCADE, related_name="votes"
    )
    email = models.EmailField(_("e-mail address"), help_text=_("Stored lower-cased."))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    network = models.CharField(
        _("network"), max_length=64, blank=True, db_index=True, help_text=_("/24 or /48 prefix")
    )
    requested_at = models.DateTimeField(_("requested"), default=timezone.now, db_index=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("public vote")
        verbose_name_plural = _("public votes")
        ordering = ["-requested_at"]
        constraints = [
            # One counted vote per address and edition, whatever the races between requests.
            models.UniqueConstraint(
                fields=["edition", "email"],
                condition=models.Q(confirmed_at__isnull=False),
                name="awards_one_confirmed_vote_per_address",
            )
        ]

    def __str__(self):
        return f"{self.email} → {self.candidature}"

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None


class JuryScore(models.Model):
    """A juror's score of one finalist on one criterion, in one jury phase."""

    class Phase(models.IntegerChoices):
        FIRST = 1, _("First phase")
        SECOND = 2, _("Second phase")

    candidature = models.ForeignKey(
        Candidature, verbose_name=_("candidature"), on_delete=models.CASCADE, related_name="scores"
    )
    juror = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("juror"),
        on_delete=models.CASCADE,
        related_name="award_scores",
    )
    criterion = models.ForeignKey(
        AwardCriterion, verbose_name=_("criterion"), on_delete=models.CASCADE, related_name="+"
    )
    phase = models.PositiveSmallIntegerField(_("phase"), choices=Phase.choices)
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(0), MaxValueValidator(SCORE_MAX)]
    )
    comment = models.TextField(_("comment"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("jury score")
        verbose_name_plural = _("jury scores")
        constraints = [
            models.UniqueConstraint(
                fields=["candidature", "juror", "criterion", "phase"],
                name="awards_one_score_per_juror_criterion_phase",
            ),
            models.CheckConstraint(
                condition=models.Q(score__gte=0, score__lte=SCORE_MAX),
                name="awards_score_in_range",
            ),
        ]

    def __str__(self):
        return f"{self.juror} · {self.candidature} · {self.criterion}: {self.score}"


class ConflictOfInterest(models.Model):
    """A juror's declaration: they take no part in judging this candidature."""

    candidature = models.ForeignKey(
        Candidature,
        verbose_name=_("candidature"),
        on_delete=models.CASCADE,
        related_name="conflicts",
    )
    juror = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("juror"),
        on_delete=models.CASCADE,
        related_name="award_conflicts",
    )
    note = models.TextField(_("note"), blank=True)
    declared_at = models.DateTimeField(_("declared"), auto_now_add=True)

    class Meta:
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        constraints = [
            models.UniqueConstraint(
                fields=["candidature", "juror"], name="awards_one_conflict_per_juror"
            )
        ]

    def __str__(self):
        return f"{self.juror} · {self.candidature}"
