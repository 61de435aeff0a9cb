"""Export filters from the newsroom's side: reviewed articles only, the speaker by name or
alias (the page's type-ahead), and the JSONL's article id that joins with the CSV."""

import csv
import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from annotations.models import Article, Quote, Speaker
from tests.test_speakers_pages import add_quote, make_article

pytestmark = pytest.mark.django_db
DOWNLOAD = reverse("annotations:export_download")


def body(response) -> str:
    return b"".join(response.streaming_content).decode("utf-8")


@pytest.fixture
def newsroom(editor):
    ruiz = Speaker.objects.create(name="Ana Ruiz", aliases=["Mayor Ruiz"])
    pike = Speaker.objects.create(name="Graham Pike")
    reviewed, open_ = make_article(1), make_article(2)
    reviewed.status = Article.Status.REVIEWED
    reviewed.save()
    quotes = {
        "reviewed_ruiz": add_quote(reviewed, ruiz, "one", status=Quote.Status.ACCEPTED),
        "reviewed_pike": add_quote(reviewed, pike, "two", status=Quote.Status.ACCEPTED),
        "open_ruiz": add_quote(open_, ruiz, "one", status=Quote.Status.PROPOSED),
    }
    return {"ruiz": ruiz, "pike": pike, "reviewed": reviewed, "open": open_, **quotes}


@pytest.fixture
def client_editor(client, editor):
    client.force_login(editor)
    return client


def csv_quote_ids(client, **params) -> set[int]:
    response = client.get(DOWNLOAD, {"format": "csv", **params})
    assert response.status_code == 200
    rows = csv.DictReader(io.StringIO(body(response)))
    return {int(row["quote_id"]) for row in rows}


def test_reviewed_only(client_editor, newsroom):
    assert csv_quote_ids(client_editor, reviewed="1") == {
        newsroom["reviewed_ruiz"].pk,
        newsroom["reviewed_pike"].pk,
    }
    assert len(csv_quote_ids(client_editor)) == 3
    jsonl = body(client_editor.get(DOWNLOAD, {"format": "jsonl", "reviewed": "1"}))
    assert [json.loads(line)["id"] for line in jsonl.splitlines()] == [newsroom["reviewed"].pk]


@pytest.mark.parametrize("given", ["Ana Ruiz", "ana ruiz", "Mayor Ruiz", "id"])
def test_speaker_by_name_alias_or_id(client_editor, newsroom, given):
    value = str(newsroom["ruiz"].pk) if given == "id" else given
    assert csv_quote_ids(client_editor, speaker=value) == {
        newsroom["reviewed_ruiz"].pk,
        newsroom["open_ruiz"].pk,
    }


def test_speaker_and_reviewed_combine(client_editor, newsroom):
    assert csv_quote_ids(client_editor, speaker="Ana Ruiz", reviewed="on") == {
        newsroom["reviewed_ruiz"].pk
    }


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("Nobody Known", "No speaker is named &#x27;Nobody Known&#x27;"),
        ("987654", "No speaker has the id"),
    ],
)
def test_unknown_speaker_is_a_clear_400(client_editor, newsroom, value, message):
    response = client_editor.get(DOWNLOAD, {"format": "csv", "speaker": value})
    assert response.status_code == 400
    assert message in response.content.decode()


def test_page_counts_and_shows_the_name_not_the_id(client_editor, newsroom):
    ruiz = newsroom["ruiz"]
    html = client_editor.get(reverse("annotations:export"), {"speaker": ruiz.pk}).content.decode()
    assert 'name="speaker" value="Ana Ruiz"' in html
    assert "<strong>2</strong> quotes match, attributed to Ana Ruiz." in html
    assert f'hx-get="{reverse("annotations:search_speakers")}"' in html  # the type-ahead
    live = client_editor.get(
        reverse("annotations:export"),
        {"speaker": "Mayor Ruiz", "reviewed": "1"},
        headers={"HX-Request": "true"},
    ).content.decode()
    assert "<strong>1</strong> quote matches, attributed to Ana Ruiz." in live


def test_type_ahead_suggests_names_and_aliases(client_editor, newsroom):
    html = client_editor.get(reverse("annotations:search_speakers"), {"speaker": "ruiz"}).text
    assert '<option value="Ana Ruiz">' in html and '<option value="Mayor Ruiz">' in html
    assert "Graham Pike" not in html


def test_file_name_says_reviewed(client_editor, newsroom):
    response = client_editor.get(DOWNLOAD, {"format": "csv", "reviewed": "1"})
    assert "-reviewed-" in response["Content-Disposition"]


def test_command_takes_reviewed_and_a_speaker_name(newsroom, tmp_path):
    out = tmp_path / "q.csv"
    call_command("export_quotes", "--reviewed", "--speaker", "Mayor Ruiz", "-o", str(out))
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [int(r["quote_id"]) for r in rows] == [newsroom["reviewed_ruiz"].pk]


def test_jsonl_article_id_joins_the_csv_and_reimports(client_editor, newsroom):
    jsonl = body(client_editor.get(DOWNLOAD, {"format": "jsonl"}))
    csv_rows = csv.DictReader(io.StringIO(body(client_editor.get(DOWNLOAD, {"format": "csv"}))))
    by_quote = {int(r["quote_id"]): int(r["article_id"]) for r in csv_rows}
    for line in map(json.loads, jsonl.splitlines()):
        for quote in line["quotes"]:
            assert by_quote[quote["id"]] == line["id"]
