"""Content for the search tests: one page per language with the words each case needs."""

from django.db import connection

from home.factories import StandardPageFactory, build_multilingual_site

# (language, title, intro, queries that must find it: plural/singular, verb/noun, no accents)
LANGUAGE_CASES = {
    "fr": ("Les démocraties participatives", "Les citoyens participent aux décisions.", ["democratie", "citoyen", "DÉMOCRATIE"]),
    "es": ("Presupuestos participativos", "La participación ciudadana en las decisiones públicas.", ["presupuesto", "participacion", "decision publica"]),
    "en": ("Citizens' assemblies", "Deliberating residents decided on the budgets.", ["assembly", "budget", "deliberate"]),
    "pt": ("Orçamentos participativos", "A participação dos conselhos municipais.", ["orcamento", "participacao", "conselho"]),
}  # fmt: skip


def build_language_pages():
    homes = build_multilingual_site()
    pages = {}
    for code, (title, intro, _queries) in LANGUAGE_CASES.items():
        page = StandardPageFactory(
            parent=homes[code], title=title, intro=intro, locale=homes[code].locale
        )
        page.save_revision().publish()
        pages[code] = page
    return homes, pages


def on_postgresql():
    return connection.vendor == "postgresql"
