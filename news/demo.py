"""Demo content of the news app: the three sections, news, the 2024 calendar, the 2023 brief.

Everything is created in the default language (French) and translated through
wagtail-localize into the other languages; re-running creates only what is missing.
"""

from django.conf import settings
from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Locale

from home.models import HomePage
from home.seeding import Progress, ensure_locales, paragraph, translate

from . import demo_content as content
from .models import (
    EventIndexPage,
    EventPage,
    NewsIndexPage,
    NewsPage,
    PolicyBriefPage,
    PublicationIndexPage,
)

SECTION_MODELS = {
    "news": NewsIndexPage,
    "events": EventIndexPage,
    "publications": PublicationIndexPage,
}
BRIEF_PDF_TITLE = "OIDP: Document d'orientation, Journée internationale de la démocratie 2023"


def _source():
    return settings.LANGUAGE_CODE


def _others():
    return [code for code, _name in settings.LANGUAGES if code != _source()]


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _translate(page, locales, strings_by_language, progress):
    for code in _others():
        _page, created, missing = translate(page, locales[code], strings_by_language(code))
        state = "translated" if created else "translation already there"
        note = f" ({len(missing)} segments kept in {_source()})" if missing else ""
        progress.step(f"{page.title[:50]} → {code}: {state}{note}")


def _ensure_sections(home, locales, progress):
    sections = {}
    source = _source()
    for name, model in SECTION_MODELS.items():
        title, slug, intro = content.SECTIONS[name][source]
        page = model.objects.child_of(home).first()
        if page is None:
            page = _publish(
                home,
                model(title=title, slug=slug, intro=intro, show_in_menus=True, locale=home.locale),
            )
            progress.step(f"created {title}")
        else:
            progress.step(f"{title} already there")
        sections[name] = page

        def strings(code, name=name):
            target = content.SECTIONS[name][code]
            return dict(zip(content.SECTIONS[name][source], target, strict=True))

        _translate(page, locales, strings, progress)
    return sections


def _ensure_news(section, locales, progress):
    source = _source()
    for item in content.NEWS:
        page = NewsPage.objects.child_of(section).filter(slug=item["slug"]).first()
        title, teaser = item[source]
        if page is None:
            page = NewsPage(
                title=title,
                slug=item["slug"],
                date=item["date"],
                teaser=teaser,
                author="Secrétariat technique de l'OIDP",
                body=[("paragraph", paragraph(teaser))],
                locale=section.locale,
            )
            page.keywords.add(*item["keywords"])
            _publish(section, page)
            progress.step(f"created news: {title[:50]}")
        else:
            progress.step(f"news already there: {title[:50]}")

        def strings(code, item=item):
            return dict(zip(item[source], item[code], strict=True))

        _translate(page, locales, strings, progress)


def _ensure_events(section, locales, progress):
    source = _source()
    for row in content.EVENTS:
        (slug, kind, start_date, start_time, end_date, end_time, zone, venue, city, country,
         region, online, titles) = row  # fmt: skip
        page = EventPage.objects.child_of(section).filter(slug=slug).first()
        if page is None:
            page = _publish(
                section,
                EventPage(
                    title=titles[source],
                    slug=slug,
                    kind=kind,
                    teaser=content.EVENT_TEASER[source],
                    start_date=start_date,
                    start_time=start_time,
                    end_date=end_date,
                    end_time=end_time,
                    time_zone=zone,
                    venue=venue,
                    city=city,
                    country=country,
                    region=region,
                    online_url=online,
                    organisers=[
                        ("organisation", {"name": "OIDP", "url": "https://oidp.net/", "logo": None})
                    ],
                    locale=section.locale,
                ),
            )
            progress.step(f"created event: {titles[source][:50]}")
        else:
            progress.step(f"event already there: {titles[source][:50]}")

        def strings(code, titles=titles):
            return {
                titles[source]: titles[code],
                content.EVENT_TEASER[source]: content.EVENT_TEASER[code],
            }

        _translate(page, locales, strings, progress)


def _brief_pdf():
    Document = get_document_model()
    document = Document.objects.filter(title=BRIEF_PDF_TITLE).first()
    if document is None:
        document = Document(title=BRIEF_PDF_TITLE)
        document.file.save("oidp-policy-brief-2023-fr.pdf", ContentFile(_tiny_pdf()), save=False)
        document.save()
    return document


def _tiny_pdf():
    """A one-page placeholder PDF, so that the download and its size show in the demo."""
    text = b"BT /F1 14 Tf 72 720 Td (OIDP - Document d'orientation 2023) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _ensure_brief(section, locales, progress):
    source = _source()
    brief = content.BRIEF
    page = PolicyBriefPage.objects.child_of(section).filter(slug=brief["slug"]).first()
    if page is None:
        sections = []
        for heading, text in brief["sections"]:
            sections.append(("heading", {"text": heading, "level": "h2"}))
            sections.append(("paragraph", paragraph(text)))
        page = _publish(
            section,
            PolicyBriefPage(
                title=brief["title"][source],
                slug=brief["slug"],
                kind="policy_brief",
                edition=brief["edition"][source],
                publication_date=brief["date"],
                editors=[("person", {"name": name, "role": "OIDP"}) for name in brief["editors"]],
                speakers=[("person", {"name": n, "role": r}) for n, r in brief["speakers"]],
                summary=str(paragraph(brief["summary"])),
                methodology=str(paragraph(brief["methodology"])),
                sections=sections,
                recommendations=[
                    ("recommendation", {"title": rec[source], "text": paragraph(rec["text"])})
                    for rec in brief["recommendations"]
                ],
                resources=[
                    ("resource", {"title": t, "url": u, "publisher": p})
                    for t, u, p in brief["resources"]
                ],
                supporting_partners=[
                    ("organisation", {"name": n, "url": u, "logo": None})
                    for n, u in brief["partners"]
                ],
                video_url="https://www.youtube.com/@OIDP",
                pdf=_brief_pdf(),
                pdf_language="fr",
                locale=section.locale,
            ),
        )
        progress.step("created the 2023 policy brief")
    else:
        progress.step("the 2023 policy brief is already there")

    def strings(code):
        pairs = {brief["title"][source]: brief["title"][code]}
        pairs[brief["edition"][source]] = brief["edition"][code]
        for rec in brief["recommendations"]:
            pairs[rec[source]] = rec[code]
        return pairs

    _translate(page, locales, strings, progress)


def seed(stdout):
    languages = [code for code, _name in settings.LANGUAGES]
    locales = ensure_locales(languages)
    home = HomePage.objects.filter(
        locale=Locale.objects.get(language_code=_source()), depth=2
    ).first()
    if home is None:
        stdout.write("  news: no home page in the default language; run the home seeder first")
        return
    per_page = 1 + len(_others())
    total = per_page * (len(SECTION_MODELS) + len(content.NEWS) + len(content.EVENTS) + 1)
    progress = Progress(stdout, total, "news")
    sections = _ensure_sections(home, locales, progress)
    _ensure_news(sections["news"], locales, progress)
    _ensure_events(sections["events"], locales, progress)
    _ensure_brief(sections["publications"], locales, progress)
    _link_vocabularies(stdout)


def _link_vocabularies(stdout):
    """Themes and SDGs of the demo pages and of their translations (the same default-language
    terms in every language); skipped for terms the repository's demo has not created."""
    from wagtail.models import Page

    from repository.vocabularies import SustainableDevelopmentGoal, Theme

    default = Locale.get_default()
    themes = {theme.slug: theme for theme in Theme.objects.filter(locale=default)}
    sdgs = {sdg.number: sdg for sdg in SustainableDevelopmentGoal.objects.filter(locale=default)}
    if not themes:
        stdout.write(
            "  news: no themes yet (seed the repository first) - pages left without themes"
        )
    linked = 0
    for slug, (theme_slugs, sdg_numbers) in content.VOCABULARY.items():
        original = Page.objects.filter(slug=slug, locale=default).first()
        if original is None:
            continue
        wanted_themes = [themes[code] for code in theme_slugs if code in themes]
        wanted_sdgs = [sdgs[number] for number in sdg_numbers if number in sdgs]
        for page in Page.objects.filter(translation_key=original.translation_key).specific():
            if not hasattr(page, "themes"):
                continue
            if set(page.themes.all()) == set(wanted_themes) and set(page.sdgs.all()) == set(
                wanted_sdgs
            ):
                continue
            page.themes.set(wanted_themes)
            page.sdgs.set(wanted_sdgs)
            page.save_revision().publish()
            linked += 1
    stdout.write(f"  news: themes and SDGs set on {linked} pages")
