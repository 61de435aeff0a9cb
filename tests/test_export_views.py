"""The export page and downloads: login, permissions, streaming, file names, live count."""

import csv
import io
import json

import pytest
from django.http import StreamingHttpResponse
from django.urls import reverse

from annotations import exports
from annotations.models import Claim, Quote


@pytest.fixture
def claimed(quote):
    quote.accept(by=None)
    Claim.objects.create(quote=quote, start=quote.content_start, end=quote.content_start + 7)
    return quote


def body(response) -> str:
    return b"".join(response.streaming_content).decode("utf-8")


@pytest.mark.parametrize("name", ["annotations:export", "annotations:export_download"])
def test_login_required(client, quote, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("name", ["annotations:export", "annotations:export_download"])
def test_users_in_no_group_may_not_export(client, django_user_model, quote, name):
    client.force_login(django_user_model.objects.create_user("visitor", password="x"))
    assert client.get(reverse(name)).status_code == 403


@pytest.mark.parametrize("who", ["editor", "admin_user"])
def test_editors_and_admins_may_export(client, request, claimed, who):
    client.force_login(request.getfixturevalue(who))
    page = client.get(reverse("annotations:export"))
    assert page.status_code == 200
    assert 'href="/export/"' in page.content.decode()  # the nav link
    response = client.get(reverse("annotations:export_download"), {"format": "csv"})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(body(response), newline="")))
    assert [int(r["quote_id"]) for r in rows] == [claimed.pk]


def test_download_is_streamed_with_a_file_name(client, editor, claimed):
    client.force_login(editor)
    response = client.get(
        reverse("annotations:export_download"), {"format": "csv", "status": "accepted"}
    )
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="newsdesk-quotes-accepted-')
    assert disposition.endswith('.csv"')
    assert body(response).startswith("article_id,article_url,")


def test_claims_and_jsonl_downloads(client, editor, claimed):
    client.force_login(editor)
    claims = client.get(reverse("annotations:export_download"), {"format": "claims"})
    assert isinstance(claims, StreamingHttpResponse)
    assert 'filename="newsdesk-claims-' in claims["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(body(claims), newline="")))
    assert [(r["quote_id"], r["claim_text"]) for r in rows] == [(str(claimed.pk), "We will")]
    jsonl = client.get(reverse("annotations:export_download"), {"format": "jsonl"})
    assert isinstance(jsonl, StreamingHttpResponse)
    assert jsonl["Content-Type"].startswith("application/jsonl")
    assert jsonl["Content-Disposition"].endswith('.jsonl"')
    (line,) = [json.loads(x) for x in body(jsonl).splitlines()]
    assert line["quotes"][0]["content_text"] == claimed.content_text


def test_bom_and_raw_options_on_the_site(client, editor, claimed):
    claimed.speaker.name = "=Ana Ruiz"
    claimed.speaker.save()
    client.force_login(editor)
    url = reverse("annotations:export_download")
    safe = body(client.get(url, {"format": "csv", "bom": "1"}))
    assert safe.startswith("\ufeffarticle_id,")
    assert ",'=Ana Ruiz," in safe
    raw = body(client.get(url, {"format": "csv", "raw_formulas": "1"}))
    assert raw.startswith("article_id,")
    assert ",=Ana Ruiz," in raw


def test_page_counts_the_matching_quotes_and_htmx_updates_the_count(client, editor, claimed):
    Quote.objects.create(
        article=claimed.article, content_fragments=[[0, 9]], status=Quote.Status.REJECTED
    )
    client.force_login(editor)
    page = client.get(reverse("annotations:export")).content.decode()
    assert "<strong>2</strong> quotes match" in page
    assert 'value="Daily Bugle"' in page  # outlets offered in the datalist
    partial = client.get(
        reverse("annotations:export"), {"status": "accepted"}, headers={"HX-Request": "true"}
    )
    html = partial.content.decode()
    assert "<strong>1</strong> quote match" in html
    assert "<html" not in html and 'id="export-summary"' in html
    bad = client.get(
        reverse("annotations:export"), {"since": "soon"}, headers={"HX-Request": "true"}
    )
    assert bad.status_code == 400
    assert "since must be a date like 2024-05-31, got &#x27;soon&#x27;" in bad.content.decode()


def test_site_download_queries_are_bounded_by_chunks(
    client, editor, claimed, monkeypatch, django_assert_max_num_queries
):
    article = claimed.article
    for start in range(0, 40, 4):
        Quote.objects.create(article=article, content_fragments=[[start, start + 3]])
    monkeypatch.setattr(exports, "CHUNK_SIZE", 4)
    client.force_login(editor)
    response = client.get(reverse("annotations:export_download"))
    # Streaming 11 quotes in pages of 4: 3 pages of 3 queries each.
    with django_assert_max_num_queries(3 * 3):
        data = body(response)
    assert len(list(csv.DictReader(io.StringIO(data, newline="")))) == 11
