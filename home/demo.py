"""Demo content of the home app: the four homes, the standard pages, site-wide settings."""

from django.conf import settings

from wagtail.models import Page, Site

from . import demo_content as content
from .models import HomePage, SiteSettings, StandardPage
from .seeding import Progress, ensure_locales, paired_strings, paragraph, translate

PAGE_KEYS = ["title", "slug", "intro"]
QUOTE_ATTRIBUTION = {
    "fr": "Plan de travail 2024 de l'OIDP",
    "es": "Plan de trabajo 2024 del OIDP",
    "en": "IOPD work plan 2024",
    "pt": "Plano de trabalho 2024 do OIDP",
}


def _with_attributions(fields, language):
    """Quotes carry their attribution, translated like the rest of the block."""
    body = [
        (*block, QUOTE_ATTRIBUTION[language]) if block[0] == "quote" else block
        for block in fields["body"]
    ]
    return {**fields, "body": body}


def _stream(blocks):
    stream = []
    for block in blocks:
        kind = block[0]
        if kind == "heading":
            stream.append(("heading", {"text": block[1], "level": "h2"}))
        elif kind == "paragraph":
            stream.append(("paragraph", paragraph(block[1])))
        elif kind == "quote":
            stream.append(("quote", {"quote": block[1], "attribution": block[2]}))
    return stream


def _source_language():
    return settings.LANGUAGE_CODE


def _other_languages():
    return [code for code, _name in settings.LANGUAGES if code != _source_language()]


def _localised(page_content):
    return {code: _with_attributions(page_content[code], code) for code in page_content}


def _ensure_home(locales, progress):
    source = _source_language()
    fields = _localised(content.HOME)[source]
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home = HomePage.objects.filter(locale=locales[source], depth=2).first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=HomePage(
                title=fields["title"],
                slug=fields["slug"],
                intro=fields["intro"],
                body=_stream(fields["body"]),
                locale=locales[source],
            )
        )
        home.save_revision().publish()
        progress.step(f"created the home page ({source})")
    else:
        progress.step(f"home page ({source}) already there")

    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    elif site.root_page_id != home.pk:
        previous_root = site.root_page
        site.root_page = home
        site.save()
        # Wagtail's installer leaves a "Welcome" page as the site root; it is not ours to keep.
        if type(previous_root.specific) is Page and not previous_root.get_children().exists():
            previous_root.delete()
    return home


def _translate_page(page, page_content, locales, progress):
    source = _source_language()
    localised = _localised(page_content)
    for code in _other_languages():
        pairs = paired_strings(localised[source], localised[code], PAGE_KEYS)
        _page, created, missing = translate(page, locales[code], pairs)
        state = "translated" if created else "translation already there"
        progress.step(f"{page.title} → {code}: {state}")
        for text in missing:
            progress.stdout.write(f"    untranslated segment kept in {source}: {text[:60]}")


def _ensure_standard_page(home, page_content, locales, progress):
    source = _source_language()
    fields = _localised(page_content)[source]
    page = StandardPage.objects.child_of(home).filter(slug=fields["slug"]).first()
    if page is None:
        page = home.add_child(
            instance=StandardPage(
                title=fields["title"],
                slug=fields["slug"],
                intro=fields["intro"],
                body=_stream(fields["body"]),
                show_in_menus=fields["slug"] in content.MENU_PAGES,
                locale=locales[source],
            )
        )
        page.save_revision().publish()
        progress.step(f"created {page.title}")
    else:
        progress.step(f"{page.title} already there")
    return page


def _ensure_site_settings(locales, progress):
    source = _source_language()
    values = content.SITE_SETTINGS[source]
    record = SiteSettings.objects.filter(locale=locales[source]).first()
    if record is None:
        record = SiteSettings.objects.create(
            locale=locales[source],
            contact_address=values["contact_address"],
            contact_email="oidp@bcn.cat",
            footer_text=str(paragraph(values["footer_text"])),
            newsletter_url="https://oidp.net/newsletter/",
            social_links=[
                ("link", {"network": "x", "url": "https://x.com/oidp_", "label": ""}),
                (
                    "link",
                    {"network": "youtube", "url": "https://www.youtube.com/@OIDP", "label": ""},
                ),
            ],
        )
    progress.step("site-wide settings")
    for code in _other_languages():
        target = content.SITE_SETTINGS[code]
        _record, created, missing = translate(
            record,
            locales[code],
            {
                values["contact_address"]: target["contact_address"],
                values["footer_text"]: target["footer_text"],
            },
        )
        state = "translated" if created else "translation already there"
        progress.step(f"site-wide settings → {code}: {state}")
        for text in missing:
            progress.stdout.write(f"    untranslated segment kept in {source}: {text[:60]}")


def seed(stdout):
    languages = [code for code, _name in settings.LANGUAGES]
    others = len(languages) - 1
    total = 1 + others + len(content.STANDARD_PAGES) * (1 + others) + 1 + others
    progress = Progress(stdout, total, "home")
    # Each step commits on its own (translations run their own transaction), so that
    # wagtail-localize's on-commit work happens under the settings the step chose.
    locales = ensure_locales(languages)
    home = _ensure_home(locales, progress)
    _translate_page(home, content.HOME, locales, progress)
    for page_content in content.STANDARD_PAGES:
        page = _ensure_standard_page(home, page_content, locales, progress)
        _translate_page(page, page_content, locales, progress)
    _ensure_site_settings(locales, progress)
