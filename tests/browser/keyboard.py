"""Moving through a page with the Tab key, as a keyboard user does, checking where the focus is."""

# What a sighted keyboard user can see of the focused element: a visible box with an outline
# or a box-shadow (the site's focus ring), not hidden off-screen or clipped to nothing.
FOCUSED_ELEMENT = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none';
    return {
        tag: el.tagName.toLowerCase(),
        id: el.id,
        text: (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 60),
        html: el.outerHTML.slice(0, 160),
        ringVisible: outline || shadow,
        onScreen: box.width > 1 && box.height > 1 && style.visibility !== 'hidden',
    };
}"""


def focused(page):
    return page.evaluate(FOCUSED_ELEMENT)


def matches_focus(page, selector):
    return page.evaluate("selector => document.activeElement.matches(selector)", selector)


def tab_until(page, selector, limit=80, key="Tab"):
    """Press Tab until the focused element matches `selector`; return every stop on the way.

    Fails when the element is not reached within `limit` presses, with the stops listed.
    """
    stops = []
    for _ in range(limit):
        page.keyboard.press(key)
        stop = focused(page)
        stops.append(stop)
        if matches_focus(page, selector):
            return stops
    names = "\n".join(str(stop) for stop in stops)
    raise AssertionError(f"{selector} not reached with {key} in {limit} presses:\n{names}")


def unseen_focus(stops):
    """The stops where a keyboard user could not see the focus."""
    return [stop for stop in stops if stop and not (stop["ringVisible"] and stop["onScreen"])]
