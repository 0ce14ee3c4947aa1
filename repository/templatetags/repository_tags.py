"""Template helpers of the repository's pages."""

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

register = template.Library()

OPTION = (
    '<li{}><input type="checkbox" name="{}" value="{}" id="f-{}-{}"{}> '
    '<label for="f-{}-{}">{} <span class="facet__count" data-count="{}">({}'
    '<span class="visually-hidden"> {}</span>)</span></label></li>'
)


@register.simple_tag
def facet_options(facet):
    """The checkboxes of one facet of the index (escaped like template output).

    Built here rather than by a template loop: the index shows a hundred-odd options, and the
    template engine spent about a fifth of an uncached render on them.
    """
    unit = gettext("experiences")
    return format_html_join(
        "\n",
        OPTION,
        (
            (
                mark_safe(' class="facet__child"') if option["is_child"] else "",
                facet.name,
                option["value"],
                facet.name,
                number,
                mark_safe(" checked") if option["selected"] else "",
                facet.name,
                number,
                option["label"],
                option["count"],
                option["count"],
                unit,
            )
            for number, option in enumerate(facet.options, 1)
        ),
    )
