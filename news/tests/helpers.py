from bs4 import BeautifulSoup

from home.factories import build_multilingual_site
from news.factories import build_sections


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def multilingual_sections():
    """The four homes, and the three sections in French and in Spanish (translations)."""
    from home.factories import publish_translation

    homes = build_multilingual_site()
    sections = {"fr": build_sections(homes, "fr")}
    sections["es"] = {
        name: publish_translation(page, "es") for name, page in sections["fr"].items()
    }
    return homes, sections
