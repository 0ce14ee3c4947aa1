"""Demo content of the repository: vocabularies in four languages, the index page in every
language and 42 experiences, each written in one language and translated into some others.

Run by `manage.py seed_demo` after the home app. Creates what is missing and leaves the
rest alone, so it can be run again.
"""

import datetime
import io

from django.conf import settings
from django.core.files.images import ImageFile
from django.utils.text import slugify

from wagtail.images import get_image_model
from wagtail.models import Locale

from home.models import HomePage
from home.seeding import Progress, ensure_locales, paragraph, translate

from . import demo_content as content
from .models import (
    ExperienceActor,
    ExperienceIndexPage,
    ExperienceMilestone,
    ExperiencePage,
    ExperienceReview,
)
from .vocabularies import Method, Organisation, SustainableDevelopmentGoal, TargetGroup, Theme

IMAGE_COLOURS = ["#0b5394", "#b3261e", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f"]


def _source():
    return settings.LANGUAGE_CODE


def _ensure_terms(model, terms, locales, progress, parents=None):
    """Terms of a vocabulary in the default language, translated into the others."""
    source = _source()
    created = {}
    for slug, names in terms.items():
        term = model.objects.filter(slug=slug, locale=locales[source]).first()
        if term is None:
            term = model(slug=slug, name=names[source], locale=locales[source])
            if parents is not None and parents.get(slug):
                term.parent = created[parents[slug]]
            term.save()
        created[slug] = term
        for code, locale in locales.items():
            if code != source and term.get_translation_or_none(locale) is None:
                # A vocabulary term is a single name: a plain translated copy is enough, and
                # much faster than a managed translation for a hundred short strings.
                translated = term.copy_for_translation(locale)
                translated.name = names[code]
                if getattr(term, "parent_id", None):
                    translated.parent = term.parent.get_translation(locale)
                translated.save()
        progress.step(f"{model._meta.verbose_name} {slug}")
    return created


def _ensure_index(locales, progress):
    source = _source()
    home = HomePage.objects.filter(locale=locales[source], depth=2).first()
    if home is None:
        progress.stdout.write("  repository: no home page; run the home seeder first.")
        return None
    index = ExperienceIndexPage.objects.child_of(home).first()
    if index is None:
        fields = content.INDEX[source]
        index = home.add_child(
            instance=ExperienceIndexPage(
                title=fields["title"],
                slug=fields["slug"],
                intro=str(paragraph(fields["intro"])),
                show_in_menus=True,
                locale=locales[source],
            )
        )
        index.save_revision().publish()
    progress.step("index page")
    for code, locale in locales.items():
        if code == source:
            continue
        target = content.INDEX[code]
        translate(
            index,
            locale,
            {
                content.INDEX[source]["title"]: target["title"],
                content.INDEX[source]["slug"]: target["slug"],
                content.INDEX[source]["intro"]: target["intro"],
            },
        )
        progress.step(f"index page → {code}")
    return index


def _image(key, city, number):
    """A generated illustration (no network at seeding time)."""
    Image = get_image_model()
    title = f"Demo illustration: {city}"
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    from PIL import Image as PILImage
    from PIL import ImageDraw

    colour = IMAGE_COLOURS[number % len(IMAGE_COLOURS)]
    picture = PILImage.new("RGB", (1200, 630), colour)
    draw = ImageDraw.Draw(picture)
    for step in range(0, 630, 30):
        draw.line([(0, step), (1200, 630 - step)], fill="#ffffff", width=1)
    draw.rectangle([60, 460, 1140, 580], fill="#ffffff")
    draw.text((90, 500), city, fill=colour, font_size=48)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return Image.objects.create(
        title=title, file=ImageFile(io.BytesIO(buffer.getvalue()), name=f"demo-{key}.png")
    )


def _organisation(name, kind, country, locale):
    organisation = Organisation.objects.filter(name=name, locale=locale).first()
    if organisation is None:
        organisation = Organisation.objects.create(
            name=name,
            organisation_type=kind,
            country=country,
            is_member=kind == "local-government",
            locale=locale,
        )
    return organisation


def _texts(row, language):
    """Every translatable string of an experience in one language."""
    (_key, _country, city, _lat, _lon, _scale, _status, start, _end, method, themes, *_rest) = row
    titles = row[-1]
    method_name = content.METHODS[method][language]
    theme_name = content.THEMES[themes[0]][1][language].lower()
    participants = f"{row[12]:,}".replace(",", "\u202f")
    values = {
        "city": city,
        "method": method_name.lower(),
        "theme": theme_name,
        "participants": participants,
        "year": start + 2,
    }
    texts = {
        name: template[language].format(**values) for name, template in content.NARRATIVE.items()
    }
    texts["title"] = titles[language]
    texts["slug"] = slugify(titles[language])[:80]
    texts["summary"] = {
        "fr": f"{method_name} à {city} depuis {start} : environ {participants} participants.",
        "es": f"{method_name} en {city} desde {start}: unas {participants} personas participantes.",
        "en": f"{method_name} in {city} since {start}: about {participants} participants.",
        "pt": f"{method_name} em {city} desde {start}: cerca de {participants} participantes.",
    }[language]
    texts["promoter_role"] = content.ACTORS["promoter_role"][language]
    texts["civil_name"] = content.ACTORS["civil_name"][language]
    texts["civil_role"] = content.ACTORS["civil_role"][language]
    for milestone, names in content.MILESTONES.items():
        texts[f"milestone_{milestone}"] = names[language]
    texts["resource"] = content.RESOURCE_LINK[language]
    return texts


def _build_experience(row, number, index, locale):
    (
        key,
        country,
        city,
        lat,
        lon,
        scale,
        status,
        start,
        end,
        method,
        themes,
        sdgs,
        participants,
        budget,
        currency,
        recruitment,
        channel,
        level,
        binding,
        promoter,
        promoter_type,
        _titles,
    ) = row
    language = locale.language_code
    texts = _texts(row, language)
    default = Locale.get_default()
    organisation = _organisation(promoter, promoter_type, country, default)
    network = _organisation(
        "International Observatory of Participatory Democracy", "network", "ES", default
    )
    milestones = [
        ("launch", datetime.date(start, 3, 1), "complete"),
        ("first_cycle", datetime.date(start + 1, 6, 15), "complete"),
        (
            "follow_up",
            datetime.date(end or min(start + 3, 2025), 11, 30),
            "complete" if status == "completed" else ("in-progress" if number % 5 else "stuck"),
        ),
    ]
    page = ExperiencePage(
        title=texts["title"],
        slug=texts["slug"],
        summary=texts["summary"],
        locale=locale,
        main_image=_image(key, city, number),
        main_image_credit="OIDP demo illustration",
        country=country,
        city=city,
        scale=scale,
        latitude=lat,
        longitude=lon,
        start_date=datetime.date(start, 3, 1),
        end_date=datetime.date(end, 12, 31) if end else None,
        status=status,
        promoting_organisation=organisation,
        participants_number=participants,
        recruitment=recruitment,
        channel=channel,
        participation_level=level,
        is_binding=binding,
        budget=budget,
        budget_currency=currency if budget else "",
        objectives=str(paragraph(texts["objectives"])),
        description=str(paragraph(texts["description"])),
        results=str(paragraph(texts["results"])),
        lessons=str(paragraph(texts["lessons"])) if number % 3 else "",
        evaluation=str(paragraph(texts["evaluation"])) if number % 2 == 0 else "",
        contact_name=promoter,
        contact_email=f"participation@{slugify(city)}.example.org",
        last_updated=datetime.date(2024, 1 + number % 12, 1 + number % 27),
        resources=[
            (
                "link",
                {
                    "url": f"https://participedia.net/search?query={city.replace(' ', '+')}",
                    "title": texts["resource"],
                    "description": "",
                },
            )
        ],
        actors=[
            ExperienceActor(
                name=promoter, role=texts["promoter_role"], organisation=organisation, locale=locale
            ),
            ExperienceActor(name=texts["civil_name"], role=texts["civil_role"], locale=locale),
        ],
        milestones=[
            ExperienceMilestone(
                date=date,
                title=texts[f"milestone_{name}"],
                status=milestone_status,
                evidence_url=f"https://participedia.net/search?query={city.replace(' ', '+')}"
                if name == "follow_up"
                else "",
                locale=locale,
            )
            for name, date, milestone_status in milestones
        ],
        reviews=[
            ExperienceReview(
                reviewed_on=datetime.date(2024, 9, 1 + number % 28),
                documented_results=True,
                sources_given=True,
                validated_by_local_actors=True,
                participation_described=True,
                up_to_date=True,
            )
        ]
        if number % 2 == 0
        else [],
    )
    index.add_child(instance=page)
    page.themes.set(Theme.objects.filter(slug__in=themes, locale=default))
    page.methods.set(Method.objects.filter(slug=method, locale=default))
    page.sdgs.set(SustainableDevelopmentGoal.objects.filter(number__in=sdgs, locale=default))
    page.target_groups.set(
        TargetGroup.objects.filter(
            slug__in=content.TARGET_GROUPS_BY_METHOD.get(method, []), locale=default
        )
    )
    page.partners.set([network])
    page.keywords.add(method.replace("-", " "), slugify(city))
    page.save()
    page.save_revision().publish()
    return page


def _strings(source_texts, target_texts):
    return {
        source_texts[k]: target_texts[k]
        for k in source_texts
        if source_texts[k] and k in target_texts
    }


def _ensure_experience(row, number, index, locales, progress):
    titles = row[-1]
    original = next(iter(titles))
    index_in_language = index.get_translation(locales[original])
    source_texts = _texts(row, original)
    page = (
        ExperiencePage.objects.child_of(index_in_language).filter(slug=source_texts["slug"]).first()
    )
    if page is None:
        page = _build_experience(row, number, index_in_language, locales[original])
        progress.step(f"{page.title} ({original}) created")
    else:
        progress.step(f"{page.title} ({original}) already there")
    for code in titles:
        if code == original:
            continue
        _translated, created, _missing = translate(
            page, locales[code], _strings(source_texts, _texts(row, code))
        )
        progress.step(f"{page.title} → {code}: {'translated' if created else 'already there'}")


def seed(stdout):
    languages = [code for code, _name in settings.LANGUAGES]
    locales = ensure_locales(languages)
    others = len(languages) - 1
    translations = sum(len(row[-1]) - 1 for row in content.EXPERIENCES)
    total = (
        len(content.THEMES)
        + len(content.METHODS)
        + len(content.TARGET_GROUPS)
        + 1
        + others
        + len(content.EXPERIENCES)
        + translations
    )
    progress = Progress(stdout, total, "repository")
    parents = {slug: parent for slug, (parent, _names) in content.THEMES.items()}
    theme_names = {slug: names for slug, (_parent, names) in content.THEMES.items()}
    # Main themes first, so that a sub-theme's translation finds its parent's.
    ordered = dict(sorted(theme_names.items(), key=lambda item: parents[item[0]] is not None))
    _ensure_terms(Theme, ordered, locales, progress, parents=parents)
    _ensure_terms(Method, content.METHODS, locales, progress)
    _ensure_terms(TargetGroup, content.TARGET_GROUPS, locales, progress)
    index = _ensure_index(locales, progress)
    if index is None:
        return
    for number, row in enumerate(content.EXPERIENCES):
        _ensure_experience(row, number, index, locales, progress)
