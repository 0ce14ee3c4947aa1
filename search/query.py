"""Running a search: the engine of the language when it answers, the database otherwise."""

import html
import re
import unicodedata
from dataclasses import dataclass, field

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils import translation
from django.utils.safestring import mark_safe

from modelsearch.query import MATCH_ALL
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from search.backends import (
    ENGINE_ERRORS,
    engine_backend_name,
    engine_configured,
    engine_marked_down,
    mark_engine_down,
)
from search.facets import (
    count_facets,
    engine_aggregations,
    engine_counts,
    registered_facets,
)

PAGE_SIZE = 10


def base_queryset(language_code, model=Page):
    """Live, public pages of one language: filtered before the search, as Wagtail recommends."""
    locale = Locale.objects.filter(language_code=language_code).first()
    queryset = model.objects.live().public()
    if locale is None:
        return queryset.none()
    return queryset.filter(locale=locale)


def backends_for(language_code):
    """The backends to try in order: the language's engine (unless it just failed), the database."""
    names = []
    if engine_configured(language_code) and not engine_marked_down():
        names.append(engine_backend_name(language_code))
    names.append("default")
    return names


def with_fallback(language_code, run):
    """Call `run(backend)` on the engine, then on the database if the engine fails.

    `run` must evaluate everything it needs (lists, counts) so that an engine error surfaces
    here. Returns (result, backend name).
    """
    names = backends_for(language_code)
    for name in names[:-1]:
        try:
            with translation.override(language_code):
                return run(get_search_backend(name)), name
        except ENGINE_ERRORS as error:
            mark_engine_down(error)
    with translation.override(language_code):
        return run(get_search_backend(names[-1])), names[-1]


@dataclass
class SearchOutcome:
    query: str
    language_code: str
    page: object = None  # a Django Page of results (pages as their specific class)
    total: int = 0
    facets: list = field(default_factory=list)  # [(facet, [(value, label, count, selected)])]
    backend: str = "default"
    other_languages: list = field(default_factory=list)  # [(code, name, [pages], total)]


ENGINE_RESULT_WINDOW = 10_000  # the engines' default index.max_result_window


def count_matching_facets(results, facets, selected):
    """{facet param: {value: count}} over the pages a text search matches (no facet filter).

    Engine backends: the engine's own aggregations on the documents' facet values, in one
    request (`size: 0`). Database backends: one grouped query over `PageFacetValue`, the
    matching pages given as the search's own SQL (without scores or ordering) as a subquery.
    """
    compiler = results.query_compiler
    if hasattr(results, "_backend_do_search"):  # Elasticsearch / OpenSearch
        body = results._get_es_body(for_count=True)
        body["aggs"] = engine_aggregations(facets, selected)
        response = results._backend_do_search(
            body, index=results.backend.get_index_for_model(compiler.queryset.model).name, size=0
        )
        return engine_counts(response, facets)
    if hasattr(compiler, "get_config") and hasattr(compiler, "search"):  # PostgreSQL, SQLite
        order_by_relevance = compiler.order_by_relevance
        compiler.order_by_relevance = False  # no scores needed for the ids
        try:
            queryset = compiler.search(compiler.get_config(results.backend), None, None)
        finally:
            compiler.order_by_relevance = order_by_relevance
        return count_facets(queryset.order_by().values("pk"), facets, selected)
    return count_facets([page.pk for page in results], facets, selected)  # pragma: no cover


def engine_page_with_counts(results, facets, page_number):
    """(page, total, counts) in ONE engine request, for a search without facet selection.

    The hits of the page, the total (`track_total_hits`) and every facet's aggregation come in
    the same answer, instead of a count request, a search request and an aggregation request.
    (With a selection, the hits are filtered by it but the counts are not: the generic path.)
    None when the page number is not a page of the results (the generic path handles it).
    """
    try:
        number = int(page_number)
    except (TypeError, ValueError):
        return None
    if number < 1 or number * PAGE_SIZE > ENGINE_RESULT_WINDOW:
        return None
    body = results._get_es_body()
    body["aggs"] = engine_aggregations(facets)
    body["track_total_hits"] = True
    response = results._backend_do_search(
        body,
        index=results.backend.get_index_for_model(results.query_compiler.queryset.model).name,
        _source=False,
        from_=(number - 1) * PAGE_SIZE,
        size=PAGE_SIZE,
        **{results.fields_param_name: "pk"},
    )
    total = response["hits"]["total"]["value"]
    paginator = Paginator(range(total), PAGE_SIZE)
    if number > paginator.num_pages:
        return None
    page = paginator.page(number)
    page.object_list = [
        p.specific for p in results._get_results_from_hits(response["hits"]["hits"])
    ]
    return page, total, engine_counts(response, facets)


def search_pages(
    query, language_code, selected=None, sort="relevance", page_number=1, with_facets=True
):
    """One page of results and the facets' counts (unless `with_facets` is false).

    An empty query with filters lists every page with those filters (browsing by theme).
    """
    selected = selected or {}
    base = base_queryset(language_code)
    facets = registered_facets()
    query = query or MATCH_ALL

    def filtered(queryset, except_param=None):
        for facet in facets:
            values = selected.get(facet.param)
            if values and facet.param != except_param:
                queryset = facet.apply(queryset, values)
        return queryset

    def run(backend):
        def search(queryset):
            if sort == "date" or query is MATCH_ALL:
                queryset = queryset.order_by("-first_published_at", "-id")
                return backend.search(query, queryset, order_by_relevance=False)
            return backend.search(query, queryset)

        results = search(filtered(base).specific())
        facet_counts = []
        found = None
        if with_facets and not selected and hasattr(results, "_backend_do_search"):
            found = engine_page_with_counts(results, facets, page_number)
        if found:
            page, total, all_counts = found
        else:
            paginator = Paginator(results, PAGE_SIZE)
            try:
                page = paginator.page(page_number)
            except (EmptyPage, PageNotAnInteger):
                page = paginator.page(paginator.num_pages if paginator.count else 1)
            page.object_list = [p.specific for p in page.object_list]
            total = paginator.count
            if not with_facets:
                return page, total, facet_counts
            # The pages matching the text alone; each facet counts them narrowed by the others.
            all_counts = count_matching_facets(search(base), facets, selected)
        for facet in facets:
            counts = all_counts[facet.param]
            chosen = selected.get(facet.param, [])
            values = [v for v in counts if counts[v]] + [v for v in chosen if v not in counts]
            labels = facet.labels(values)
            rows = [
                (value, labels.get(value, value), counts.get(value, 0), value in chosen)
                for value in values
            ]
            facet_counts.append((facet, facet.sort(rows)))
        return page, total, facet_counts

    (page, total, facet_counts), used = with_fallback(language_code, run)
    return SearchOutcome(
        "" if query is MATCH_ALL else query, language_code, page, total, facet_counts, used
    )


def search_other_languages(query, language_code, languages, limit=3):
    """A few results of each other language, for "also search the other languages"."""
    found = []
    for code, name in languages:
        if code == language_code:
            continue

        def run(backend, code=code):
            results = backend.search(query, base_queryset(code))
            return [p.specific for p in results[:limit]], results.count()

        (pages, total), _used = with_fallback(code, run)
        if total:
            found.append((code, name, pages, total))
    return found


def autocomplete_titles(query, language_code, limit=8):
    def run(backend):
        results = backend.autocomplete(query, base_queryset(language_code))
        return [(page.title, page.url) for page in results[:limit]]

    titles, _used = with_fallback(language_code, run)
    return titles


# Highlighting is done here, on the text of the page, for every backend alike: the terms of the
# query are matched without accents or case, and a word also matches when it shares a long
# enough beginning with a term (a cheap stand-in for the stemmers: "participatives" for
# "participation").


def fold(text):
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


WORD = re.compile(r"\w+", re.UNICODE)


def query_stems(query):
    stems = set()
    for term in WORD.findall(query):
        folded = fold(term)
        if len(folded) < 2:
            continue
        stems.add(folded if len(folded) <= 4 else folded[: max(4, len(folded) - 3)])
    return stems


def snippet_text(page):
    """The plain text of a page's searchable fields other than its title."""
    parts = [getattr(page, "search_description", "") or ""]
    for search_field in page.get_searchable_search_fields():
        if search_field.field_name in {"title", "search_description"}:
            continue
        value = search_field.get_value(page)
        if isinstance(value, list | tuple):
            value = " ".join(str(v) for v in value)
        if value:
            parts.append(re.sub(r"<[^>]+>", " ", str(value)))
    return re.sub(r"\s+", " ", " ".join(parts)).strip()


def highlight(text, query, width=220):
    """An HTML-escaped excerpt of `text` around the first match, the matches in <mark>."""
    stems = query_stems(query)
    words = list(WORD.finditer(text))
    matches = [m for m in words if any(fold(m.group()).startswith(s) for s in stems)]
    start = 0
    if matches:
        start = max(0, matches[0].start() - width // 3)
        space = text.rfind(" ", 0, start)
        start = space + 1 if space > 0 else start
    end = min(len(text), start + width)
    space = text.find(" ", end)
    end = space if space != -1 else len(text)
    out, cursor = [], start
    for m in matches:
        if m.start() < start or m.end() > end:
            continue
        out.append(html.escape(text[cursor : m.start()]))
        out.append(f"<mark>{html.escape(m.group())}</mark>")
        cursor = m.end()
    out.append(html.escape(text[cursor:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(out) + suffix)


def highlight_title(title, query):
    stems = query_stems(query)
    out, cursor = [], 0
    for m in WORD.finditer(title):
        if any(fold(m.group()).startswith(s) for s in stems):
            out.append(html.escape(title[cursor : m.start()]))
            out.append(f"<mark>{html.escape(m.group())}</mark>")
            cursor = m.end()
    out.append(html.escape(title[cursor:]))
    return mark_safe("".join(out))
