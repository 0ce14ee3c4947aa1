import json

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from news.models import EventIndexPage, NewsIndexPage, PublicationIndexPage

register = template.Library()

_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def json_ld(context, page):
    """The page's schema.org description in a script tag, safe to inline in HTML."""
    data = page.structured_data(context["request"])
    text = json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


def _index(model, home):
    return model.objects.live().public().child_of(home).first() if home else None


@register.inclusion_tag("news/includes/home_highlights.html", takes_context=True)
def news_highlights(context, home):
    """The latest news, the next events, a featured experience and the latest publication of the
    home's language.

    A template tag rather than a HomePage method, so that `home` does not import `news`
    (which imports `home`).
    """
    news_index = _index(NewsIndexPage, home)
    event_index = _index(EventIndexPage, home)
    publication_index = _index(PublicationIndexPage, home)
    return {
        "request": context["request"],
        "LANGUAGE_CODE": get_language(),
        "news_index": news_index,
        "event_index": event_index,
        "publication_index": publication_index,
        "latest_news": list(news_index.items()[:3]) if news_index else [],
        "next_events": list(event_index.upcoming()[:3]) if event_index else [],
        "latest_publication": publication_index.items().first() if publication_index else None,
        "featured_experience": featured_experience(home) if home else None,
    }


def featured_experience(home):
    """The home's chosen experience in the home's language (or the original when untranslated),
    else the most recently updated live experience of that language."""
    from repository.models import ExperiencePage

    live = ExperiencePage.objects.live().public().select_related("main_image")
    chosen = home.featured_experience
    if chosen is not None:
        translated = live.filter(
            translation_key=chosen.translation_key, locale_id=home.locale_id
        ).first()
        if translated is not None:
            return translated
        if chosen.live:
            return chosen
    return live.filter(locale_id=home.locale_id).order_by("-last_published_at", "-pk").first()


@register.filter
def query_with(querystring, extra):
    """Append `extra` (e.g. "page=2") to an encoded query string."""
    return f"{querystring}&{extra}" if querystring else extra


@register.filter
def citation(page, url):
    return page.citation(url)
