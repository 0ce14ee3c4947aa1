"""Public forms of the award: the candidature, its attachments, the vote, the jury's score sheet."""

from django import forms
from django.conf import settings
from django.utils.text import slugify
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from django_countries.fields import CountryField

from repository.models import ExperienceIndexPage, ExperiencePage

from .attachments import inspect_upload, max_count
from .models import SCORE_MAX

NEW_EXPERIENCE = "new"


def _localized_children(edition_page, relation, language_code):
    """Rows of an inline relation (categories, questions) keyed by the edition's row, labelled
    from the edition's translation in the reader's language when there is one."""
    edition = edition_page.edition
    translated = edition.localized_for(language_code)
    labels = {row.translation_key: row for row in getattr(translated, relation).all()}
    return [(row, labels.get(row.translation_key, row)) for row in getattr(edition, relation).all()]


def user_experiences(user, language_code):
    """The user's experiences, one per translation set, in the reader's language when possible."""
    chosen = {}
    for page in user.co_authored_experiences.select_related("locale").order_by("pk"):
        current = chosen.get(page.translation_key)
        if current is None or page.locale.language_code == language_code:
            chosen[page.translation_key] = page
    return sorted(chosen.values(), key=lambda page: page.title.lower())


class CandidatureForm(forms.Form):
    """What a candidate types. Every field may stay empty in a draft except what identifies
    the experience; `submission_problems` lists what a submission needs on top."""

    experience = forms.ChoiceField(
        label=_("Experience"),
        help_text=_("One of the experiences you co-author in the repository, or a new one."),
    )
    new_title = forms.CharField(
        label=_("Name of the new experience"), max_length=255, required=False
    )
    new_summary = forms.CharField(
        label=_("Summary of the new experience"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What it is, where, who takes part and what came of it."),
    )
    new_country = CountryField(blank=True).formfield(
        label=_("Country of the new experience"), required=False
    )
    new_city = forms.CharField(label=_("City or territory"), max_length=200, required=False)
    category = forms.ChoiceField(label=_("Category"), required=False)

    def __init__(self, *args, user, edition_page, candidature=None, **kwargs):
        self.user = user
        self.edition = edition_page.edition
        self.candidature = candidature
        language = get_language()
        if candidature is not None and "initial" not in kwargs:
            kwargs["initial"] = self.initial_from(candidature)
        super().__init__(*args, **kwargs)
        self.experiences = {str(page.pk): page for page in user_experiences(user, language)}
        self.fields["experience"].choices = [
            (NEW_EXPERIENCE, gettext("A new experience, described below")),
            *[(pk, page.title) for pk, page in self.experiences.items()],
        ]
        self.categories = {
            str(row.pk): row
            for row, _label in _localized_children(edition_page, "categories", language)
        }
        self.fields["category"].choices = [("", gettext("— Choose —"))] + [
            (str(row.pk), label.name)
            for row, label in _localized_children(edition_page, "categories", language)
        ]
        self.questions = []
        for row, label in _localized_children(edition_page, "questions", language):
            name = f"question_{row.pk}"
            self.fields[name] = forms.CharField(
                label=label.text,
                help_text=label.help_text,
                required=False,
                max_length=row.max_length,
                widget=forms.Textarea(attrs={"rows": 5}),
            )
            self.questions.append((row, name))

    @staticmethod
    def initial_from(candidature):
        initial = {
            "experience": str(candidature.experience_id) if candidature.experience_id else "",
            "category": str(candidature.category_id) if candidature.category_id else "",
        }
        for key, value in candidature.answers.items():
            initial[f"question_{key}"] = value
        return initial

    def question_fields(self):
        return [self[name] for _row, name in self.questions]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("experience") == NEW_EXPERIENCE:
            missing = {
                "new_title": _("Give the new experience a name."),
                "new_summary": _("Describe the new experience in a few sentences."),
                "new_country": _("Choose the country of the new experience."),
            }
            for name, message in missing.items():
                if not cleaned.get(name):
                    self.add_error(name, message)
        return cleaned

    def save(self, candidature):
        """Write the draft into `candidature` (new or not) and save it."""
        data = self.cleaned_data
        if data["experience"] == NEW_EXPERIENCE:
            candidature.experience = self._create_draft_experience(candidature.language)
        else:
            candidature.experience = self.experiences[data["experience"]]
        candidature.title = candidature.experience.title
        candidature.category = self.categories.get(data.get("category") or "")
        candidature.answers = {
            str(row.pk): data.get(name, "") for row, name in self.questions if data.get(name)
        }
        candidature.save()
        return candidature

    def _create_draft_experience(self, language_code):
        """An unpublished experience under the candidate's language's index, co-authored by them."""
        index = (
            ExperienceIndexPage.objects.filter(locale__language_code=language_code).first()
            or ExperienceIndexPage.objects.filter(locale=Locale.get_default()).first()
        )
        if index is None:
            raise RuntimeError("The repository has no experience index to hold new experiences.")
        data = self.cleaned_data
        base = slugify(data["new_title"])[:60] or "experience"
        siblings = set(index.get_children().values_list("slug", flat=True))
        slug, number = base, 2
        while slug in siblings:
            slug, number = f"{base}-{number}", number + 1
        page = ExperiencePage(
            title=data["new_title"],
            slug=slug,
            summary=data["new_summary"],
            country=data["new_country"],
            city=data.get("new_city", ""),
            live=False,
            locale=index.locale,
        )
        index.add_child(instance=page)
        page.co_authors.add(self.user)
        page.save()  # a parental relation is written when its page is saved
        page.save_revision(user=self.user, log_action=True)
        return page


def submission_problems(candidature):
    """What still stands between a draft and a submission, as messages."""
    problems = []
    if candidature.category_id is None and candidature.edition.categories.exists():
        problems.append(gettext("Choose a category."))
    for question in candidature.edition.questions.all():
        if question.required and not candidature.answers.get(str(question.pk), "").strip():
            problems.append(gettext("Answer the question “%(question)s”.") % {"question": question})
    return problems


class AttachmentForm(forms.Form):
    attachment = forms.FileField(
        label=_("Add an attachment"),
        required=False,
        help_text=_(
            "PDF or image (JPEG, PNG, WebP, GIF), up to %(size)s MB each, %(count)s at most."
        ),
        widget=forms.ClearableFileInput(
            attrs={"accept": "application/pdf,image/jpeg,image/png,image/webp,image/gif"}
        ),
    )

    def __init__(self, *args, candidature=None, **kwargs):
        self.candidature = candidature
        super().__init__(*args, **kwargs)
        size = getattr(settings, "AWARDS_ATTACHMENT_MAX_SIZE", 10 * 1024 * 1024)
        self.fields["attachment"].help_text = self.fields["attachment"].help_text % {
            "size": size // (1024 * 1024),
            "count": max_count(),
        }

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if not upload:
            return None
        existing = (
            self.candidature.attachments.count() if self.candidature and self.candidature.pk else 0
        )
        if existing >= max_count():
            raise forms.ValidationError(
                _("A candidature may have at most %(count)s attachments; remove one first."),
                params={"count": max_count()},
            )
        self.content_type, self.extension = inspect_upload(upload)
        return upload


class VoteForm(forms.Form):
    finalist = forms.ChoiceField(label=_("Your choice"), widget=forms.RadioSelect)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_(
            "We send you a link: your vote counts once you follow it. One vote per address."
        ),
    )

    def __init__(self, *args, finalists, **kwargs):
        super().__init__(*args, **kwargs)
        self.finalists = {str(candidature.pk): candidature for candidature in finalists}
        self.fields["finalist"].choices = [
            (pk, candidature.title) for pk, candidature in self.finalists.items()
        ]

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    @property
    def chosen(self):
        return self.finalists[self.cleaned_data["finalist"]]


class ScoreSheetForm(forms.Form):
    """One score and one comment per criterion, for one finalist and one jury phase."""

    def __init__(self, *args, criteria, initial_scores=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        initial_scores = initial_scores or {}
        for criterion in self.criteria:
            existing = initial_scores.get(criterion.pk)
            self.fields[f"score_{criterion.pk}"] = forms.IntegerField(
                label=_("Score for “%(criterion)s” (0 to %(max)s)")
                % {"criterion": criterion.label, "max": SCORE_MAX},
                min_value=0,
                max_value=SCORE_MAX,
                initial=existing.score if existing else None,
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Comment on “%(criterion)s”") % {"criterion": criterion.label},
                required=False,
                max_length=4000,
                initial=existing.comment if existing else "",
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def rows(self):
        return [
            (criterion, self[f"score_{criterion.pk}"], self[f"comment_{criterion.pk}"])
            for criterion in self.criteria
        ]


class ConflictForm(forms.Form):
    note = forms.CharField(
        label=_("What links you to this candidature (seen by staff only)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    confirm = forms.BooleanField(
        label=_("I declare a conflict of interest and will not score this candidature.")
    )
