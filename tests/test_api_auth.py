"""API authentication: Bearer tokens (stored hashed, revocable), the session, permissions,
rate limits; the tokens page and ``manage.py create_api_token``."""

import io
import json

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.test import Client

from annotations.api_tokens import ApiToken, hash_token
from annotations.models import PreannotationJob

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_counts():
    cache.clear()  # rate-limit counts live in the cache
    yield
    cache.clear()


def endpoints(quote) -> list[tuple[str, str]]:
    job = PreannotationJob.objects.create(article_ids=[quote.article_id], total=1)
    return [
        ("get", "/api/quotes"),
        ("get", f"/api/quotes/{quote.pk}"),
        ("get", "/api/speakers"),
        ("get", f"/api/speakers/{quote.speaker_id}"),
        ("get", f"/api/articles/{quote.article_id}"),
        ("get", f"/api/jobs/{job.pk}"),
        ("post", "/api/articles"),
    ]


def call(client, method: str, url: str, **headers):
    if method == "post":
        body = json.dumps({"title": "New", "text": "A new story, she said."})
        return client.post(url, body, content_type="application/json", headers=headers)
    return client.get(url, headers=headers)


def bearer(raw: str) -> dict:
    return {"Authorization": f"Bearer {raw}"}


def test_every_endpoint_refuses_anonymous_callers_with_json(client, quote):
    for method, url in endpoints(quote):
        response = call(client, method, url)
        assert response.status_code == 401, url
        assert "Authorization: Bearer" in response.json()["detail"]
        assert response["WWW-Authenticate"] == "Bearer"


def test_every_endpoint_answers_a_token(client, editor, quote):
    _, raw = ApiToken.objects.create_token(editor, "CMS")
    for method, url in endpoints(quote):
        response = call(client, method, url, **bearer(raw))
        assert response.status_code in (200, 201), (url, response.content)


def test_every_endpoint_answers_the_browser_session(editor, quote):
    client = Client()
    client.force_login(editor)
    for method, url in endpoints(quote):
        headers = {}
        if method == "post":
            client.get("/")  # a page sets the CSRF cookie, as in the browser
            headers["X-CSRFToken"] = client.cookies["csrftoken"].value
        response = call(client, method, url, **headers)
        assert response.status_code in (200, 201), (url, response.content)


def test_session_post_needs_the_csrf_token(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = call(client, "post", "/api/articles")
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_users_in_no_group_are_refused_everywhere(client, quote):
    nobody = User.objects.create_user("nobody")
    _, raw = ApiToken.objects.create_token(nobody)
    for method, url in endpoints(quote):
        response = call(client, method, url, **bearer(raw))
        assert response.status_code == 403, url
        assert "editors and admins" in response.json()["detail"]


def test_bad_revoked_and_deactivated_tokens_are_401_with_the_reason(client, editor):
    response = client.get("/api/quotes", headers=bearer("ndq_not-a-real-token"))
    assert response.status_code == 401 and "not valid" in response.json()["detail"]
    token, raw = ApiToken.objects.create_token(editor, "Old CMS")
    token.revoke()
    response = client.get("/api/quotes", headers=bearer(raw))
    assert response.status_code == 401 and "revoked" in response.json()["detail"]
    _, raw = ApiToken.objects.create_token(editor)
    editor.is_active = False
    editor.save()
    response = client.get("/api/quotes", headers=bearer(raw))
    assert response.status_code == 401 and "deactivated" in response.json()["detail"]


def test_a_malformed_authorization_header_is_401(client, db):
    for value in ("Bearer", "Basic abc", "Token x", "Bearer \u00e9"):
        response = client.get("/api/quotes", headers={"Authorization": value})
        assert response.status_code == 401, value


def test_tokens_are_stored_hashed(editor):
    token, raw = ApiToken.objects.create_token(editor, "CMS")
    token.refresh_from_db()
    assert raw.startswith("ndq_") and len(raw) > 40
    assert token.key_hash == hash_token(raw) and raw not in token.key_hash
    assert token.prefix == raw[:10]
    stored = " ".join(str(v) for v in ApiToken.objects.values_list().get())
    assert raw not in stored


def test_last_used_is_recorded(client, editor):
    token, raw = ApiToken.objects.create_token(editor)
    client.get("/api/speakers", headers=bearer(raw))
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_rate_limit_per_token(client, editor, settings):
    settings.API_RATE_LIMIT = "3/min"
    _, first = ApiToken.objects.create_token(editor, "one")
    _, second = ApiToken.objects.create_token(editor, "two")
    for _ in range(3):
        assert client.get("/api/speakers", headers=bearer(first)).status_code == 200
    refused = client.get("/api/speakers", headers=bearer(first))
    assert refused.status_code == 429
    assert "Too many requests" in refused.json()["detail"]
    assert int(refused["Retry-After"]) > 0
    # Each token has its own allowance.
    assert client.get("/api/speakers", headers=bearer(second)).status_code == 200


def test_tokens_page_creates_a_token_shown_once_and_revokes_it(client, editor):
    client.force_login(editor)
    response = client.post("/account/tokens/", {"name": "Newsroom CMS"})
    assert response.status_code == 200
    raw = response.context["new_token"]
    html = response.content.decode()
    assert raw in html and "Newsroom CMS" in html
    assert response["Cache-Control"] == "no-store"
    assert client.get("/api/speakers", headers=bearer(raw)).status_code == 200
    # Shown only once: the list has the prefix, never the token.
    html = client.get("/account/tokens/").content.decode()
    assert raw not in html and raw[:10] in html
    token = ApiToken.objects.get()
    response = client.post(f"/account/tokens/{token.pk}/revoke/")
    assert response.status_code == 302
    assert client.get("/api/speakers", headers=bearer(raw)).status_code == 401
    assert "revoked" in client.get("/account/tokens/").content.decode()


def test_tokens_page_needs_a_name_and_only_revokes_your_own(client, editor, admin_user):
    client.force_login(editor)
    assert client.post("/account/tokens/", {"name": ""}).status_code == 400
    theirs, raw = ApiToken.objects.create_token(admin_user)
    assert client.post(f"/account/tokens/{theirs.pk}/revoke/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.active
    assert raw[:10] not in client.get("/account/tokens/").content.decode()


def test_tokens_page_is_for_editors_and_admins(client, db):
    client.force_login(User.objects.create_user("nobody"))
    assert client.get("/account/tokens/").status_code == 403


def test_create_api_token_command(client, editor):
    out, err = io.StringIO(), io.StringIO()
    call_command("create_api_token", "edna", "--name", "CMS", stdout=out, stderr=err)
    raw = out.getvalue().strip()
    assert "not kept" in err.getvalue()
    assert client.get("/api/speakers", headers=bearer(raw)).status_code == 200
    assert ApiToken.objects.get().name == "CMS"
    with pytest.raises(CommandError, match="No user"):
        call_command("create_api_token", "ghost")
    User.objects.create_user("nobody")
    with pytest.raises(CommandError, match="neither an editor nor an admin"):
        call_command("create_api_token", "nobody")
