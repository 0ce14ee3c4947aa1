"""Award badges on experiences, and links from results to the experiences they recognise."""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

from awards.models import Candidature
from awards.ranking import public_choice
from home.page_cache import generation_memo

register = template.Library()


@register.simple_tag
def candidature_link(candidature):
    experience = candidature.experience_in(get_language())
    if experience is None:
        return candidature.title
    return format_html('<a href="{}">{}</a>', experience.url, experience.title)


def awarded_experiences():
    """The translation keys of the experiences some edition's published results mention."""
    return generation_memo(
        "awards:awarded_experiences",
        lambda: frozenset(
            Candidature.objects.filter(
                edition__results_published=True, experience__isnull=False
            ).values_list("experience__translation_key", flat=True)
        ),
    )


def experience_awards(page):
    """What the award published about an experience (any of its translations).

    Most experiences were never a candidate: they cost no query until the next content change.
    """
    if page.translation_key not in awarded_experiences():
        return []
    candidatures = (
        Candidature.objects.filter(
            experience__translation_key=page.translation_key,
            edition__results_published=True,
        )
        .select_related("edition")
        .order_by("-edition__year")
    )
    awards = []
    for candidature in candidatures:
        edition = candidature.edition
        kinds = []
        if candidature.state == Candidature.State.WINNER:
            kinds.append("winner")
        elif candidature.state == Candidature.State.SPECIAL_MENTION:
            kinds.append("special_mention")
        choice = public_choice(edition) if candidature.is_finalist else None
        if choice is not None and choice.pk == candidature.pk:
            kinds.append("public_choice")
        if not kinds and candidature.is_finalist:
            kinds.append("finalist")
        page_in_language = edition.localized_for(get_language())
        for kind in kinds:
            awards.append({"kind": kind, "edition": page_in_language, "year": edition.year})
    return awards


@register.inclusion_tag("awards/includes/award_badges.html")
def award_badges(page):
    return {"awards": experience_awards(page)}
