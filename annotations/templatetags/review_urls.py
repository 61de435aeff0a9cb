"""URLs of the review page's per-quote actions without a ``reverse()`` per link.

A long article's cards hold about ten action links each; reversing every one was a fifth
of the page's rendering time. Each URL pattern is reversed once per process with a
placeholder id, which is then replaced.
"""

import functools

from django import template
from django.urls import reverse

register = template.Library()

_PLACEHOLDER = 987654321


@functools.cache
def _pattern(name: str) -> str:
    url = reverse(f"annotations:{name}", args=[_PLACEHOLDER])
    if url.count(str(_PLACEHOLDER)) != 1:  # pragma: no cover - a URL layout change
        raise ValueError(f"Cannot template the URL of {name}: {url}")
    return url


@register.filter
def action_url(object_id: int, name: str) -> str:
    """``{{ quote.id|action_url:"accept" }}`` is ``{% url 'annotations:accept' quote.id %}``."""
    return _pattern(name).replace(str(_PLACEHOLDER), str(int(object_id)))
