"""The OpenAPI schema is valid and complete; the docs page works offline (no CDN)."""

import re

import pytest
from django.contrib.staticfiles import finders
from openapi_spec_validator import validate

pytestmark = pytest.mark.django_db

ENDPOINTS = {
    ("get", "/api/quotes"),
    ("get", "/api/quotes/{quote_id}"),
    ("get", "/api/speakers"),
    ("get", "/api/speakers/{speaker_id}"),
    ("get", "/api/articles/{article_id}"),
    ("post", "/api/articles"),
    ("get", "/api/jobs/{job_id}"),
}


@pytest.fixture
def logged_in(client, editor):
    client.force_login(editor)
    return client


def test_schema_validates_and_lists_every_endpoint(logged_in):
    response = logged_in.get("/api/openapi.json")
    assert response.status_code == 200
    spec = response.json()
    validate(spec)
    listed = {(method, path) for path, ops in spec["paths"].items() for method in ops}
    assert listed >= ENDPOINTS
    schemes = spec["components"]["securitySchemes"]
    assert any(s.get("scheme") == "bearer" for s in schemes.values())
    article_in = spec["components"]["schemas"]["ArticleIn"]
    assert article_in["additionalProperties"] is False


def test_docs_use_only_local_files(logged_in):
    response = logged_in.get("/api/docs")
    assert response.status_code == 200
    html = response.content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert any(s.endswith("ninja/swagger-ui-bundle.js") for s in sources)
    assert not [s for s in sources if s.startswith(("http:", "https:", "//"))], sources
    assert "<script>" not in html  # nothing inline: settings travel as a JSON data block
    for name in ("ninja/swagger-ui-bundle.js", "ninja/swagger-ui.css", "ninja/swagger-ui-init.js"):
        assert finders.find(name), name


def test_docs_and_schema_need_a_login(client, db):
    for url in ("/api/docs", "/api/openapi.json"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/login/")
