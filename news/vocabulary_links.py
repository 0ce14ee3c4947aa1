"""Themes, SDGs and related experiences of news, events and publications, in the reader's language.

Pages link the repository's default-language terms and experiences; these helpers show the
translation of the page's language (falling back to the original) with one query each.
"""

from urllib.parse import urlencode

from django.utils import translation

from repository.models import ExperienceIndexPage, ExperiencePage
from repository.vocabularies import SustainableDevelopmentGoal, Theme, localised_labels


def experience_index_for(page):
    return ExperienceIndexPage.objects.live().public().filter(locale_id=page.locale_id).first()


def theme_links(page):
    """[(name, url)]: each theme of the page, linking to the experiences on that theme."""
    themes = list(page.themes.all())
    if not themes:
        return []
    with translation.override(page.locale.language_code):
        labels = localised_labels(Theme)
    index = experience_index_for(page)
    base = index.url if index else ""
    return [
        (
            labels.get(theme.slug, theme.name),
            f"{base}?{urlencode({'theme': theme.slug})}" if base else "",
        )
        for theme in sorted(themes, key=lambda theme: labels.get(theme.slug, theme.name))
    ]


def sdg_labels(page):
    numbers = sorted(sdg.number for sdg in page.sdgs.all())
    if not numbers:
        return []
    with translation.override(page.locale.language_code):
        labels = localised_labels(SustainableDevelopmentGoal, key="number")
    return [f"{number}. {labels.get(str(number), '')}".strip() for number in numbers]


def related_experiences(page):
    """The live related experiences, each in the page's language when translated (one query)."""
    chosen = [link.experience for link in page.related_experiences.select_related("experience")]
    if not chosen:
        return []
    keys = [experience.translation_key for experience in chosen]
    translated = {
        experience.translation_key: experience
        for experience in ExperiencePage.objects.live()
        .public()
        .filter(translation_key__in=keys, locale_id=page.locale_id)
        .select_related("main_image")
    }
    cards = []
    for experience in chosen:
        shown = translated.get(experience.translation_key)
        if shown is None and experience.live:
            shown = experience
        if shown is not None and shown not in cards:
            cards.append(shown)
    return cards
