"""POST /api/articles: the import code path through the API, and every bad body a 4xx."""

import json

import pytest
from django.core.cache import cache

from annotations.api_tokens import ApiToken
from annotations.models import Article, PreannotationJob, Quote

pytestmark = pytest.mark.django_db

TEXT = "“We will hire 200 teachers,” Mayor Ana Ruiz said on Monday."


@pytest.fixture(autouse=True)
def fresh_rate_counts():
    cache.clear()


@pytest.fixture
def api(client, editor):
    _, raw = ApiToken.objects.create_token(editor)
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
    return client


def post(api, body, *, raw: bool = False, query: str = ""):
    data = body if raw else json.dumps(body)
    return api.post("/api/articles" + query, data, content_type="application/json")


def annotated_article() -> dict:
    start, end = TEXT.index("We will"), TEXT.index(",”")
    cue = TEXT.index("said")
    mention = TEXT.index("Mayor Ana Ruiz")
    claim = TEXT.index("200")
    return {
        "title": "Teachers",
        "text": TEXT,
        "outlet": "Bugle",
        "url": "https://example.org/teachers",
        "published": "2024-05-31",
        "speakers": [{"id": "s1", "name": "Ana Ruiz", "kind": "person"}],
        "quotes": [
            {
                "kind": "direct",
                "status": "accepted",
                "content_fragments": [[start, end]],
                "cue": [cue, cue + 4],
                "speaker_mention": [mention, mention + 14],
                "speaker_id": "s1",
                "claims": [{"start": claim, "end": claim + 12}],
            }
        ],
    }


def test_round_trip_keeps_every_offset(api):
    sent = annotated_article()
    response = post(api, sent)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["errors"] == [] and len(body["imported"]) == 1
    article = api.get(f"/api/articles/{body['imported'][0]}").json()
    assert article["text"] == TEXT and article["published"] == "2024-05-31"
    (quote,) = article["quotes"]
    original = sent["quotes"][0]
    assert [[f["start"], f["end"]] for f in quote["fragments"]] == original["content_fragments"]
    assert [quote["cue"]["start"], quote["cue"]["end"]] == original["cue"]
    mention = quote["speaker_mention"]
    assert [mention["start"], mention["end"]] == original["speaker_mention"]
    assert [[c["start"], c["end"]] for c in quote["claims"]] == [
        [original["claims"][0]["start"], original["claims"][0]["end"]]
    ]
    assert quote["speaker"]["name"] == "Ana Ruiz" and quote["status"] == "accepted"
    assert quote["text"] == "We will hire 200 teachers"


def test_a_list_with_per_item_errors_and_duplicates(api, article):
    items = [
        {"title": "Fresh", "text": "A fresh story."},
        {"title": "Again", "text": "Another text.", "url": article.url},  # same url as saved
        {"title": "Bad date", "text": "Dated badly.", "published": "31/31/2024"},
        {"title": "Fresh twice", "text": "A fresh story."},  # same text as item 1
    ]
    response = post(api, items)
    assert response.status_code == 201
    body = response.json()
    assert len(body["imported"]) == 1
    assert Article.objects.get(pk=body["imported"][0]).title == "Fresh"
    duplicates = {d["where"]: d["reason"] for d in body["duplicates"]}
    assert set(duplicates) == {"item 2", "item 4"}
    assert "same url" in duplicates["item 2"] and "same text" in duplicates["item 4"]
    assert body["errors"][0]["where"] == "item 3" and "published" in body["errors"][0]["reason"]


def test_only_duplicates_is_200_and_only_errors_is_422(api, article):
    response = post(api, {"title": "Same", "text": article.text})
    assert response.status_code == 200 and response.json()["duplicates"]
    bad = annotated_article()
    bad["quotes"][0]["content_fragments"] = [[0, 9999]]
    response = post(api, bad)
    assert response.status_code == 422
    assert response.json()["errors"][0]["where"] == "item 1"
    assert not Article.objects.filter(title="Teachers").exists()


def test_preannotate_queues_the_new_articles(api, settings):
    response = post(api, [{"title": "One", "text": "One story."}], query="?preannotate=1")
    assert response.status_code == 201
    body = response.json()
    job = PreannotationJob.objects.get(pk=body["job"]["id"])
    assert job.article_ids == body["imported"] and job.total == 1
    progress = api.get(f"/api/jobs/{job.pk}").json()
    assert progress["total"] == 1 and progress["status"] in ("queued", "running", "done")
    # Without the flag nothing is queued.
    response = post(api, {"title": "Two", "text": "Two stories."})
    assert response.json()["job"] is None and PreannotationJob.objects.count() == 1


def test_malformed_json_is_400_saying_where(api):
    response = post(api, '{"title": "x", "text": ', raw=True)
    assert response.status_code == 400
    assert "Malformed JSON" in response.json()["detail"] and "column" in response.json()["detail"]


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"title": 5, "text": "x"}, "body.title", "string"),
        ({"text": "x"}, "body.title", "required"),
        ({"title": "x", "text": "y", "colour": "red"}, "body.colour", "Extra inputs"),
        ([{"title": "x", "text": "y", "extra": 1}], "body.0.extra", "Extra inputs"),
        (
            {"title": "x", "text": "y", "quotes": [{"content_fragments": [[1]]}]},
            "body.quotes.0.content_fragments.0",
            "at least 2",
        ),
        (
            {
                "title": "x",
                "text": "y",
                "quotes": [{"content_fragments": [[1, 2]], "cue": [1.5, 2]}],
            },
            "body.quotes.0.cue.0",
            "integer",
        ),
        (
            {"title": "x", "text": "y", "quotes": [{"content_fragments": [[1, 2]], "mood": "x"}]},
            "body.quotes.0.mood",
            "Extra inputs",
        ),
        ("just a string", "body", "valid"),
    ],
)
def test_wrong_types_and_unknown_fields_are_422_naming_the_field(api, body, field, message):
    response = post(api, body)
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert any(e["field"] == field and message in e["message"] for e in detail), detail
    assert Article.objects.count() == 0


def test_empty_body_is_422(api):
    response = api.post("/api/articles", "", content_type="application/json")
    assert response.status_code == 422


def test_oversized_body_is_413(api, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = post(api, {"title": "Big", "text": "x" * 5000})
    assert response.status_code == 413
    assert "upload limit" in response.json()["detail"]
    assert Article.objects.count() == 0


def test_unstorable_text_is_a_per_item_error(api):
    response = post(api, {"title": "Nul", "text": "bad \u0000 text"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["where"] == "item 1"


def test_editors_import_but_nobody_else(client, db):
    from django.contrib.auth.models import User

    _, raw = ApiToken.objects.create_token(User.objects.create_user("nobody"))
    response = client.post(
        "/api/articles",
        json.dumps({"title": "x", "text": "y"}),
        content_type="application/json",
        headers={"Authorization": f"Bearer {raw}"},
    )
    assert response.status_code == 403
    assert Quote.objects.count() == 0 and Article.objects.count() == 0
