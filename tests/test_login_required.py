"""Every URL of the app needs a login: walk the URL patterns and try each anonymously."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

PUBLIC = {"/login/", "/favicon.ico"}  # browsers fetch the icon before any login
# The JSON API's endpoints answer 401 with a JSON reason instead (tests/test_api_auth.py);
# its docs and schema are pages like the others.
API_DOCS = {"/api/docs", "/api/openapi.json"}


def is_api_endpoint(url: str) -> bool:
    return url.startswith("/api/") and url not in API_DOCS


def app_urls(patterns=None, prefix="") -> list[str]:
    urls = []
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        route = str(entry.pattern)
        if route.startswith("admin/") or route.startswith("^"):
            continue  # the admin has its own login; checked separately below
        route = re.sub(r"<int:\w+>", "1", route)
        route = re.sub(r"<(?:str|slug|path|uuid):\w+>|<\w+>", "x", route)
        if isinstance(entry, URLResolver):
            urls += app_urls(entry.url_patterns, prefix + route)
        elif isinstance(entry, URLPattern):
            urls.append("/" + prefix + route)
    return urls


def test_the_walk_finds_the_app_pages():
    urls = app_urls()
    assert "/" in urls
    assert "/articles/1/" in urls


@pytest.mark.parametrize(
    "url", sorted(u for u in set(app_urls()) - PUBLIC if not is_api_endpoint(u))
)
@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_requests_are_sent_to_the_login_page(client, url, method):
    response = getattr(client, method)(url)
    assert response.status_code == 302, f"{method.upper()} {url} answered {response.status_code}"
    assert response["Location"].startswith("/login/?next=")


def test_the_admin_asks_for_a_login_too(client, db):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_login_page_is_public_and_logs_in(client, editor):
    assert client.get("/login/").status_code == 200
    response = client.post("/login/", {"username": "edna", "password": "pw-edna-123"})
    assert response.status_code == 302
    assert client.get("/").status_code == 200


def test_logout_ends_the_session(client, editor):
    client.force_login(editor)
    assert client.post("/logout/").status_code == 302
    assert client.get("/").status_code == 302
