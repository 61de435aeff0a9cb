"""NUL characters are refused with a 400 naming the problem on both databases, never a 500.

PostgreSQL cannot hold NUL in text: before the guard a NUL in a filter or a form field raised
inside the database driver (500), while SQLite stored it silently.
"""

import pytest
from django.urls import reverse

from annotations.models import Claim, Quote, Speaker

HX = {"HTTP_HX_REQUEST": "true"}


@pytest.mark.parametrize(
    "url",
    [
        "/?outlet=a%00b",
        "/?status=new&outlet=%00",
        "/export/?outlet=a%00b",
        "/export/download/?format=csv&outlet=a%00b",
        "/export/download/?format=jsonl&outlet=x&since=2024-01-01%00",
        "/speakers/?q=Ana%00",
    ],
)
def test_nul_in_the_query_string_is_a_400(client, editor, article, url):
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 400
    assert "NUL character" in response.content.decode()


def test_nul_in_a_new_speaker_name_is_a_400_and_saves_nothing(client, editor, quote):
    client.force_login(editor)
    url = reverse("annotations:set_speaker", args=[quote.pk])
    response = client.post(url, {"version": 1, "name": "Ana\x00Ruiz", "kind": "person"}, **HX)
    assert response.status_code == 400
    assert "NUL character" in response.content.decode()
    assert list(Speaker.objects.values_list("name", flat=True)) == ["Ana Ruiz"]
    quote.refresh_from_db()
    assert quote.version == 1


def test_nul_in_a_claim_note_is_a_400_and_keeps_the_note(client, editor, quote):
    start, end = quote.fragments[0]
    claim = Claim.objects.create(quote=quote, start=start, end=start + 7, note="checked")
    client.force_login(editor)
    url = reverse("annotations:update_claim", args=[claim.pk])
    response = client.post(url, {"note": "bad\x00note", "verdict": "false"}, **HX)
    assert response.status_code == 400
    claim.refresh_from_db()
    assert (claim.note, claim.verdict) == ("checked", "unverified")


def test_nul_in_a_pasted_article_is_a_400(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("annotations:import_paste"), {"title": "T\x00", "text": "Some text."}
    )
    assert response.status_code == 400
    assert not Quote.objects.exists()


def test_nul_under_api_paths_is_answered_in_json(client, editor):
    client.force_login(editor)
    response = client.get("/api/anything/?q=%00")
    assert response.status_code == 400
    assert "NUL character" in response.json()["error"]


def test_ordinary_requests_pass(client, editor, article):
    client.force_login(editor)
    assert client.get("/?outlet=Daily+Bugle").status_code == 200
    assert client.get("/export/download/?format=csv&outlet=Daily+Bugle").status_code == 200
