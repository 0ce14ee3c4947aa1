"""Themes, SDGs and related experiences of news, events and publications, in the reader's language.

Pages link the repository's default-language terms and experiences; these helpers show the
translation of the page's language (falling back to the original) with one query each.
"""

from urllib.parse import urlencode

from django.utils import translation

from home.navigation import language_of
from home.page_cache import generation_memo
from repository.models import ExperienceIndexPage, ExperiencePage
from repository.vocabularies import SustainableDevelopmentGoal, Theme, localised_labels


def experience_index_url(page):
    """The address of the experience index in the page's language ("" without one), kept per
    process until the next content change (home/page_cache.py)."""

    def find():
        index = ExperienceIndexPage.objects.live().public().filter(locale_id=page.locale_id).first()
        return index.url if index else ""

    return generation_memo(f"news:experience_index_url:{page.locale_id}", find)


def theme_links(page):
    """[(name, url)]: each theme of the page, linking to the experiences on that theme."""
    themes = list(page.themes.all())
    if not themes:
        return []
    with translation.override(language_of(page)):
        labels = localised_labels(Theme)
    base = experience_index_url(page)
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
    with translation.override(language_of(page)):
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
