"""Every route of the URLconf: a page a person opens (visited by the narrow-screen test) or
explicitly not a page, with the reason. A route that is in neither list fails
tests/test_site_pages.py, so a new page cannot escape the 390 px check unnoticed.

PAGES maps a route name to a function of the test's objects (a SimpleNamespace with
article, quote, speaker, unquoted_speaker, job, ...) returning the path to open, and whether
the page is opened logged out.
"""

from collections.abc import Callable, Iterator
from types import SimpleNamespace

from django.urls import URLPattern, URLResolver, get_resolver, reverse


def routes() -> Iterator[tuple[str, str | None]]:
    """(route, "namespace:name") for every route of the URLconf, included ones too."""

    def walk(patterns, prefix: str, namespace: str):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern):
                name = f"{namespace}{pattern.name}" if pattern.name else None
                yield prefix + str(pattern.pattern), name

    yield from walk(get_resolver().url_patterns, "", "")


def _url(name: str, *args) -> Callable[[SimpleNamespace], str]:
    return lambda objects: reverse(name, args=[getattr(objects, arg).pk for arg in args])


# name -> how to build the path to open, from the objects the test made.
PAGES: dict[str, Callable[[SimpleNamespace], str]] = {
    "login": lambda objects: reverse("login"),
    "annotations:queue": _url("annotations:queue"),
    "annotations:review": _url("annotations:review", "article"),
    "annotations:speakers": lambda objects: reverse("annotations:speakers") + "?show=all",
    "annotations:speaker": _url("annotations:speaker", "speaker"),
    "annotations:speaker_edit": _url("annotations:speaker_edit", "speaker"),
    "annotations:speaker_delete": _url("annotations:speaker_delete", "unquoted_speaker"),
    "annotations:dashboard": _url("annotations:dashboard"),
    "annotations:job_progress": _url("annotations:job_progress", "job"),
    "annotations:import_upload": _url("annotations:import_upload"),
    "annotations:import_paste": _url("annotations:import_paste"),
    "annotations:export": _url("annotations:export"),
    "annotations:guidelines": _url("annotations:guidelines"),
    "annotations:guidelines_edit": _url("annotations:guidelines_edit"),
    "annotations:api_tokens": _url("annotations:api_tokens"),
    "api:openapi-view": _url("api:openapi-view"),
    "annotations:search": lambda objects: reverse("annotations:search") + "?q=channel+deepened",
    "admin:index": _url("admin:index"),
    "annotations:trained_models": _url("annotations:trained_models"),
    "annotations:training_job": _url("annotations:training_job", "training_job"),
}

# Pages opened without logging in (the rest are opened as an admin).
LOGGED_OUT = {"login"}

POST_ACTION = "a POST action (HTMX or form), answers with a fragment or a redirect"
NOT_PAGES: dict[str, str] = {
    "logout": "POST only; redirects to the login page",
    "annotations:favicon": "redirects to the static favicon file",
    "annotations:next_article": "POST only; redirects to a review page",
    "annotations:assign_articles": "POST only (the queue's assign form); redirects to the queue",
    "annotations:preannotate_new": POST_ACTION,
    "annotations:job_resume": "POST only; redirects to the job's progress page",
    "annotations:add_quote": POST_ACTION,
    "annotations:accept_all": POST_ACTION,
    "annotations:accept_confident": POST_ACTION,
    "annotations:mark_reviewed": POST_ACTION,
    "annotations:reopen": POST_ACTION,
    "annotations:undo": POST_ACTION,
    "annotations:preannotate": POST_ACTION,
    "annotations:accept": POST_ACTION,
    "annotations:reject": POST_ACTION,
    "annotations:set_kind": POST_ACTION,
    "annotations:set_speaker": POST_ACTION,
    "annotations:set_span": POST_ACTION,
    "annotations:clear_span": POST_ACTION,
    "annotations:add_fragment": POST_ACTION,
    "annotations:remove_fragment": POST_ACTION,
    "annotations:delete_quote": POST_ACTION,
    "annotations:add_claim": POST_ACTION,
    "annotations:update_claim": POST_ACTION,
    "annotations:delete_claim": POST_ACTION,
    "annotations:speaker_merge": POST_ACTION,
    "annotations:revoke_api_token": POST_ACTION,
    "annotations:start_training": POST_ACTION,
    "annotations:activate_model": POST_ACTION,
    "annotations:rules_only": POST_ACTION,
    "annotations:speaker_search": "an HTMX fragment (speaker type-ahead) inside the review page",
    "annotations:export_download": "a file download (CSV or JSONL), not HTML",
    "annotations:search_speakers": "an HTMX fragment (speaker suggestions) inside the search page",
}

# Django's own admin: its index is visited above; its other pages are Django's responsive
# admin, not the newsroom's templates.
NOT_PAGE_NAMESPACES = {"admin": "Django's admin (its index is checked)"}

# The JSON API answers JSON, not pages; its docs page (api:openapi-view) is checked above.
JSON = "a JSON API endpoint, not HTML"
NOT_PAGES.update(
    {
        f"api:{name}": JSON
        for name in (
            "openapi-json",
            "list_quotes",
            "get_quote",
            "list_speakers",
            "get_speaker",
            "get_article",
            "import_articles",
            "get_job",
            "api-root",
        )
    }
)
