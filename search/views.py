import re
from urllib.parse import urlencode

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_GET

from search.facets import popular_themes, registered_facets
from search.query import (
    autocomplete_titles,
    highlight,
    highlight_title,
    search_other_languages,
    search_pages,
    snippet_text,
)

MAX_QUERY_LENGTH = 200


def _query(request):
    return request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]


def _engine_query(query):
    """The query as the search backends can parse it, whatever the visitor typed.

    Wagtail's query parser turns "..." into a phrase, and SQLite's FTS5 fails (a 500) on an
    unbalanced quote or on punctuation inside a phrase; punctuation never matches a word, so it
    is dropped here. The page still shows the query as typed.
    """
    cleaned = re.sub(r"[^\w\s'\"-]", " ", query)
    if cleaned.count('"') % 2:
        cleaned = cleaned.replace('"', " ")
    cleaned = re.sub(r'"[^"]*"', lambda match: match.group().replace("-", " "), cleaned)
    return " ".join(cleaned.split())


def _selected(request):
    selected = {}
    for facet in registered_facets():
        values = facet.clean(request.GET.getlist(facet.param))
        if values:
            selected[facet.param] = list(dict.fromkeys(values))
    return selected


def _url(query, selected, sort, **change):
    params = [("q", query)] if query else []
    for param, values in selected.items():
        params.extend((param, value) for value in values)
    if sort != "relevance":
        params.append(("sort", sort))
    params.extend(change.items())
    return "?" + urlencode(params)


def _toggled(selected, param, value):
    changed = {key: list(values) for key, values in selected.items()}
    values = changed.setdefault(param, [])
    if value in values:
        values.remove(value)
    else:
        values.append(value)
    return {key: values for key, values in changed.items() if values}


@require_GET
def search(request):
    language_code = translation.get_language()
    query = _query(request)
    selected = _selected(request)
    sort = "date" if request.GET.get("sort") == "date" else "relevance"
    context = {
        "search_query": query,
        "sort": sort,
        "selected": selected,
        "relevance_url": _url(query, selected, "relevance"),
        "date_url": _url(query, selected, "date"),
    }
    if query or selected:
        outcome = search_pages(
            _engine_query(query), language_code, selected, sort, request.GET.get("page") or 1
        )
        results = [
            {
                "page": page,
                "title": highlight_title(page.title, query),
                "snippet": highlight(snippet_text(page), query),
                "type": page._meta.verbose_name,
                "date": page.first_published_at,
            }
            for page in outcome.page.object_list
        ]
        facets = [
            {
                "facet": facet,
                "values": [
                    {
                        "label": label,
                        "count": count,
                        "selected": is_selected,
                        "url": _url(query, _toggled(selected, facet.param, value), sort),
                    }
                    for value, label, count, is_selected in rows
                ],
            }
            for facet, rows in outcome.facets
        ]
        # Active filters, each removable on its own.
        active = [
            {
                "facet": facet.label,
                "label": label,
                "url": _url(query, _toggled(selected, facet.param, value), sort),
            }
            for facet, rows in outcome.facets
            for value, label, _count, is_selected in rows
            if is_selected
        ]
        other_languages = []
        if query and (request.GET.get("all_languages") == "1" or not outcome.total):
            other_languages = [
                {"code": code, "name": name, "pages": pages, "total": total}
                for code, name, pages, total in search_other_languages(
                    _engine_query(query), language_code, settings.LANGUAGES
                )
            ]
        context.update(
            {
                "search_results": results,
                "page_obj": outcome.page,
                "total": outcome.total,
                "facets": facets,
                "active_filters": active,
                "clear_filters_url": _url(query, {}, sort),
                "other_languages": other_languages,
                "all_languages_url": _url(query, selected, sort, all_languages="1"),
                "page_urls": {
                    n: _url(query, selected, sort, page=n)
                    for n in outcome.page.paginator.page_range
                },
                "search_backend": outcome.backend,
            }
        )
        if not outcome.total:
            context["popular_themes"] = [
                {"label": label, "count": count, "url": _url("", {"theme": [code]}, "relevance")}
                for code, label, count in popular_themes(language_code)
            ]
    response = render(request, "search/search.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


@require_GET
def autocomplete(request):
    query = _query(request)
    titles = []
    if len(query) >= 2:
        titles = autocomplete_titles(_engine_query(query), translation.get_language())
    return JsonResponse({"results": [{"title": title, "url": url} for title, url in titles]})
