"""Demo content of the award: the 2024 edition on the work plan's calendar, and 2023's results.

The 2024 calendar is the work plan's (activity 12): call in February, candidatures until
15 May, finalists on 31 May, public vote in June, jury phases in July and August, the award at
the conference in Valongo (17-19 October 2024). Candidatures come from the repository's demo
experiences; demo candidate and juror accounts are created here when missing. Pages are created
in the default language and translated through wagtail-localize; re-running adds only what is
missing.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import Locale

from home.models import HomePage
from home.seeding import Progress, ensure_locales, translate
from repository.models import ExperiencePage

from .models import (
    JURY_GROUP,
    AwardCategory,
    AwardCriterion,
    AwardEditionPage,
    AwardIndexPage,
    AwardQuestion,
    Candidature,
    ConflictOfInterest,
    JuryScore,
    PublicVote,
)

MADRID = zoneinfo.ZoneInfo("Europe/Madrid")

INDEX = {
    "fr": ("Prix OIDP Bonne Pratique", "prix", "Chaque année, le prix distingue des expériences innovantes de démocratie participative menées par des gouvernements locaux."),
    "es": ("Premio OIDP Buena Práctica", "premio", "Cada año, el premio distingue experiencias innovadoras de democracia participativa impulsadas por gobiernos locales."),
    "en": ("IOPD Best Practice Award", "award", "Every year the award recognises innovative participatory democracy experiences led by local governments."),
    "pt": ("Prémio OIDP Boa Prática", "premio", "Todos os anos, o prémio distingue experiências inovadoras de democracia participativa promovidas por governos locais."),
}  # fmt: skip

THEME = {
    "fr": "Démocratie participative et inclusion",
    "es": "Democracia participativa e inclusión",
    "en": "Participatory democracy and inclusion",
    "pt": "Democracia participativa e inclusão",
}
CATEGORIES = [
    {"fr": "Inclusion des publics éloignés", "es": "Inclusión de públicos alejados", "en": "Reaching excluded groups", "pt": "Inclusão de públicos afastados"},
    {"fr": "Innovation démocratique", "es": "Innovación democrática", "en": "Democratic innovation", "pt": "Inovação democrática"},
]  # fmt: skip
CRITERIA = [
    (2, {"fr": "Innovation", "es": "Innovación", "en": "Innovation", "pt": "Inovação"}),
    (2, {"fr": "Impact sur les politiques publiques", "es": "Impacto en las políticas públicas", "en": "Impact on public policy", "pt": "Impacto nas políticas públicas"}),
    (1, {"fr": "Transférabilité", "es": "Transferibilidad", "en": "Transferability", "pt": "Transferibilidade"}),
    (1, {"fr": "Co-production avec les acteurs locaux", "es": "Coproducción con los actores locales", "en": "Co-production with local actors", "pt": "Coprodução com os atores locais"}),
]  # fmt: skip
QUESTIONS = [
    {"fr": "Qu'est-ce qui a changé grâce à cette expérience ?", "es": "¿Qué cambió gracias a esta experiencia?", "en": "What changed thanks to this experience?", "pt": "O que mudou graças a esta experiência?"},
    {"fr": "Comment les habitants ont-ils participé aux décisions ?", "es": "¿Cómo participaron los habitantes en las decisiones?", "en": "How did residents take part in the decisions?", "pt": "Como participaram os habitantes nas decisões?"},
]  # fmt: skip


def _at(year, month, day, hour=0, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=MADRID)


def _calendar(year):
    """The work plan's calendar (activity 12) for a year, in the secretariat's time zone."""
    return {
        "call_opens_at": _at(year, 2, 1, 9),
        "candidature_deadline": _at(year, 5, 15, 23, 59),
        "eligibility_check_ends_at": _at(year, 5, 24, 18),
        "finalists_announced_at": _at(year, 5, 31, 12),
        "vote_opens_at": _at(year, 6, 1),
        "vote_closes_at": _at(year, 6, 30, 23, 59),
        "jury_phase_1_opens_at": _at(year, 7, 1),
        "jury_phase_1_closes_at": _at(year, 7, 31, 23, 59),
        "jury_phase_2_opens_at": _at(year, 8, 1),
        "jury_phase_2_closes_at": _at(year, 8, 31, 23, 59),
    }


EDITIONS = [
    {
        "year": 2024,
        "number": 18,
        "slug": "2024",
        "titles": {"fr": "18e Prix OIDP (2024)", "es": "18.º Premio OIDP (2024)", "en": "18th IOPD Award (2024)", "pt": "18.º Prémio OIDP (2024)"},
        "published": False,
        "states": ["finalist", "finalist", "finalist", "finalist", "eligible", "ineligible", "submitted", "draft"],
    },
    {
        "year": 2023,
        "number": 17,
        "slug": "2023",
        "titles": {"fr": "17e Prix OIDP (2023)", "es": "17.º Premio OIDP (2023)", "en": "17th IOPD Award (2023)", "pt": "17.º Prémio OIDP (2023)"},
        "published": True,
        "states": ["winner", "special_mention", "finalist", "finalist", "ineligible"],
    },
]  # fmt: skip


def _source():
    return settings.LANGUAGE_CODE


def _others():
    return [code for code, _name in settings.LANGUAGES if code != _source()]


def _user(username, email, first, last, jury=False):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username, defaults={"email": email, "first_name": first, "last_name": last}
    )
    if created:
        user.set_unusable_password()
        user.save()
    if jury:
        user.groups.add(Group.objects.get_or_create(name=JURY_GROUP)[0])
    return user


def _ensure_index(home, locales, progress):
    title, slug, intro = INDEX[_source()]
    index = AwardIndexPage.objects.child_of(home).first()
    if index is None:
        index = AwardIndexPage(
            title=title, slug=slug, intro=f"<p>{intro}</p>", show_in_menus=True, locale=home.locale
        )
        home.add_child(instance=index)
        index.save_revision().publish()
        progress.step(f"created {title}")
    else:
        progress.step(f"{title} already there")
    for code in _others():
        strings = dict(zip(INDEX[_source()], INDEX[code], strict=True))
        _page, created, _missing = translate(index, locales[code], strings)
        progress.step(f"{title} → {code}: {'translated' if created else 'already there'}")
    return index


def _ensure_edition(index, spec, locales, progress, ceremony):
    source = _source()
    edition = AwardEditionPage.objects.child_of(index).filter(slug=spec["slug"]).first()
    if edition is None:
        edition = AwardEditionPage(
            title=spec["titles"][source],
            slug=spec["slug"],
            number=spec["number"],
            year=spec["year"],
            theme=THEME[source],
            time_zone="Europe/Madrid",
            ceremony=ceremony if spec["year"] == 2024 else None,
            results_published=spec["published"],
            locale=index.locale,
            **_calendar(spec["year"]),
        )
        index.add_child(instance=edition)
        for category in CATEGORIES:
            AwardCategory.objects.create(page=edition, name=category[source], locale=index.locale)
        for weight, names in CRITERIA:
            AwardCriterion.objects.create(
                page=edition, name=names[source], weight=weight, locale=index.locale
            )
        for question in QUESTIONS:
            AwardQuestion.objects.create(page=edition, text=question[source], locale=index.locale)
        edition.save_revision().publish()
        progress.step(f"created {edition.title}")
    else:
        progress.step(f"{edition.title} already there")
    for code in _others():
        strings = {spec["titles"][source]: spec["titles"][code], THEME[source]: THEME[code]}
        for rows in (CATEGORIES, [names for _w, names in CRITERIA], QUESTIONS):
            strings.update({row[source]: row[code] for row in rows})
        _page, created, _missing = translate(edition, locales[code], strings)
        progress.step(f"{edition.title} → {code}: {'translated' if created else 'already there'}")
    return AwardEditionPage.objects.get(pk=edition.pk)


def _ensure_activity(edition, spec, experiences, candidate, jurors, progress):
    """Candidatures in the edition's states, confirmed votes, and the jurors' scores."""
    categories = list(edition.categories.all())
    criteria = list(edition.criteria.all())
    questions = list(edition.questions.all())
    candidatures = []
    for number, (page, state) in enumerate(zip(experiences, spec["states"], strict=False)):
        candidature, _created = Candidature.objects.get_or_create(
            edition=edition,
            experience=page,
            defaults={
                "applicant": candidate,
                "language": ["fr", "es", "en", "pt"][number % 4],
                "title": page.title,
                "category": categories[number % len(categories)],
                "answers": {str(q.pk): page.summary for q in questions},
                "state": state,
                "submitted_at": None
                if state == "draft"
                else edition.candidature_deadline - datetime.timedelta(days=3 + number),
                "ineligibility_reason": "L'expérience n'est pas menée par un gouvernement local."
                if state == "ineligible"
                else "",
                "jury_feedback": "Le jury salue la qualité de la démarche et encourage "
                "l'évaluation de ses effets à long terme."
                if state != "draft"
                else "",
            },
        )
        candidatures.append(candidature)
    progress.step(f"{edition.title}: {len(candidatures)} candidatures")

    finalists = [c for c in candidatures if c.is_finalist]
    if not PublicVote.objects.filter(edition=edition).exists():
        at = edition.vote_opens_at + datetime.timedelta(days=2)
        for number in range(40):
            finalist = finalists[min(number % 7, len(finalists) - 1) % len(finalists)]
            PublicVote.objects.create(
                edition=edition,
                candidature=finalist,
                email=f"voter{number}@example.org",
                language="fr",
                ip_address=f"198.51.100.{number % 9 + 1}" if number < 12 else f"192.0.2.{number}",
                network="198.51.100.0/24" if number < 12 else "192.0.2.0/24",
                requested_at=at + datetime.timedelta(minutes=number * 7),
                confirmed_at=None if number % 10 == 9 else at + datetime.timedelta(minutes=number * 7 + 3),
            )  # fmt: skip
    progress.step(f"{edition.title}: public votes")

    if not JuryScore.objects.filter(candidature__edition=edition).exists():
        conflicted = (finalists[0], jurors[2]) if finalists else None
        if conflicted:
            ConflictOfInterest.objects.get_or_create(
                candidature=conflicted[0],
                juror=conflicted[1],
                defaults={"note": "Ancien conseiller."},
            )
        for juror_number, juror in enumerate(jurors):
            for rank, finalist in enumerate(finalists):
                if conflicted and (finalist, juror) == conflicted:
                    continue
                for phase in (1, 2):
                    for criterion_number, criterion in enumerate(criteria):
                        JuryScore.objects.create(
                            candidature=finalist,
                            juror=juror,
                            criterion=criterion,
                            phase=phase,
                            score=max(0, 9 - rank - (juror_number + criterion_number + phase) % 3),
                            comment="Démarche solide." if criterion_number == 0 else "",
                        )
    progress.step(f"{edition.title}: jury scores")
    edition.jurors.set(jurors)
    edition.save()


def seed(stdout):
    languages = [code for code, _name in settings.LANGUAGES]
    locales = ensure_locales(languages)
    home = HomePage.objects.filter(
        locale=Locale.objects.get(language_code=_source()), depth=2
    ).first()
    if home is None:
        stdout.write("  awards: no home page in the default language; run the home seeder first")
        return
    experiences = list(
        ExperiencePage.objects.live().filter(locale=home.locale).order_by("path")[:13]
    )
    if len(experiences) < 13:
        stdout.write("  awards: fewer than 13 demo experiences; run the repository seeder first")
        return
    per_page = 1 + len(_others())
    progress = Progress(stdout, per_page * (1 + len(EDITIONS)) + 3 * len(EDITIONS), "awards")
    index = _ensure_index(home, locales, progress)
    candidate = _user("demo-candidate", "candidate@example.org", "Inês", "Costa")
    jurors = [
        _user(f"demo-juror-{n}", f"juror{n}@example.org", first, last, jury=True)
        for n, (first, last) in enumerate(
            [("Marta", "Ferrer"), ("Kwame", "Mensah"), ("Lucía", "Gómez")], start=1
        )
    ]
    from news.models import EventPage

    ceremony = EventPage.objects.filter(city__icontains="Valongo", locale=home.locale).first()
    offset = 0
    for spec in EDITIONS:
        edition = _ensure_edition(index, spec, locales, progress, ceremony)
        chosen = experiences[offset : offset + len(spec["states"])]
        offset += len(spec["states"])
        _ensure_activity(edition, spec, chosen, candidate, jurors, progress)
    stdout.write("  awards: done")
