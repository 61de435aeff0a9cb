"""The JSONL export: the interchange format's keys, filters, line safety and bounded queries."""

import io
import json
import math

import pytest
from django.core.management import call_command
from django.utils import timezone

from annotations import exports
from annotations.models import Article, Claim, Quote, Speaker

ARTICLE_KEYS = {
    "id",
    "title",
    "text",
    "outlet",
    "url",
    "author",
    "published",
    "status",
    "speakers",
    "quotes",
}
SPEAKER_KEYS = {"id", "name", "kind", "aliases", "role", "organization"}
QUOTE_KEYS = {
    "id",
    "kind",
    "status",
    "origin",
    "confidence",
    "model_version",
    "content_fragments",
    "content_text",
    "cue",
    "cue_text",
    "speaker_mention",
    "speaker_mention_text",
    "speaker_antecedent",
    "speaker_antecedent_text",
    "speaker_id",
    "reviewed_by",
    "reviewed_at",
    "claims",
}
CLAIM_KEYS = {"id", "start", "end", "text", "status", "origin", "check_worthy", "verdict", "note"}


def lines(**kwargs) -> list[dict]:
    data = "".join(exports.export_jsonl(**kwargs))
    assert data == "" or data.endswith("\n")
    return [json.loads(line) for line in data.split("\n")[:-1]]


@pytest.fixture
def annotated(quote, editor):
    """The conftest quote, accepted with a claim; a rejected one; an article with no quotes."""
    quote.accept(by=editor)
    start = quote.content_start
    Claim.objects.create(quote=quote, start=start, end=start + 7, note="Seen in the\nbudget")
    text = quote.article.text
    critics = text.index("the plan")
    Quote.objects.create(
        article=quote.article,
        content_fragments=[[critics, critics + len("the plan was unaffordable")]],
        kind=Quote.Kind.INDIRECT,
        status=Quote.Status.REJECTED,
    )
    empty = Article.objects.create(title="Weather", text="Rain all week.\u2028Then sun.")
    return {"quote": quote, "empty": empty}


def test_line_keys_are_exactly_the_interchange_format(annotated, editor):
    first, second = lines()
    assert set(first) == ARTICLE_KEYS
    assert first["id"] == annotated["quote"].article_id  # joins with the CSV's article_id
    assert first["title"] == "Budget day" and first["outlet"] == "Daily Bugle"
    assert first["status"] == "new" and first["published"] is None
    (speaker,) = first["speakers"]
    assert set(speaker) == SPEAKER_KEYS
    assert speaker["name"] == "Ana Ruiz" and speaker["kind"] == "person"
    accepted, rejected = first["quotes"]
    assert set(accepted) == QUOTE_KEYS
    quote = annotated["quote"]
    quote.refresh_from_db()
    assert accepted["id"] == quote.pk
    assert accepted["content_fragments"] == quote.content_fragments
    assert accepted["content_text"] == quote.content_text
    assert accepted["cue"] == list(quote.cue) and accepted["cue_text"] == "said"
    assert accepted["speaker_mention_text"] == "Mayor Ana Ruiz"
    assert accepted["speaker_id"] == speaker["id"] == quote.speaker_id
    assert accepted["reviewed_by"] == editor.username
    assert accepted["reviewed_at"] == quote.reviewed_at.isoformat()
    assert (accepted["confidence"], accepted["model_version"]) == (0.9, "test")
    (claim,) = accepted["claims"]
    assert set(claim) == CLAIM_KEYS
    assert claim["text"] == "We will" and claim["note"] == "Seen in the\nbudget"
    assert claim["check_worthy"] is True and claim["verdict"] == "unverified"
    assert rejected["cue"] is None and rejected["speaker_mention"] is None
    assert rejected["speaker_id"] is None and rejected["reviewed_by"] is None
    # Without filters, articles without quotes are exported too: a complete copy.
    assert second["title"] == "Weather" and second["quotes"] == [] and second["speakers"] == []


def test_line_separators_inside_text_do_not_split_lines(annotated):
    data = "".join(exports.export_jsonl())
    assert "\u2028" not in data
    assert len(data.splitlines()) == 2
    assert json.loads(data.splitlines()[1])["text"] == "Rain all week.\u2028Then sun."


def test_status_filter_keeps_only_matching_quotes_and_articles(annotated):
    (line,) = lines(filters=exports.ExportFilters(status="rejected"))
    assert [q["status"] for q in line["quotes"]] == ["rejected"]
    assert line["speakers"] == []  # the rejected quote has no speaker
    (line,) = lines(filters=exports.ExportFilters(status="accepted"))
    assert [q["id"] for q in line["quotes"]] == [annotated["quote"].pk]
    assert [s["name"] for s in line["speakers"]] == ["Ana Ruiz"]
    assert lines(filters=exports.ExportFilters(status="proposed")) == []


def test_command_writes_jsonl(annotated, tmp_path):
    out = io.StringIO()
    call_command("export_quotes", "--format", "jsonl", stdout=out, stderr=io.StringIO())
    assert [json.loads(x)["title"] for x in out.getvalue().splitlines()] == [
        "Budget day",
        "Weather",
    ]


def test_jsonl_queries_are_bounded_by_chunks(editor, django_assert_max_num_queries):
    articles = 7
    for n in range(articles):
        text = f"“Point one of {n},” Ann said. “Point two of {n},” Bo said.\n"
        article = Article.objects.create(title=f"Story {n}", text=text)
        for said, who in ((f"Point one of {n}", "Ann"), (f"Point two of {n}", "Bo")):
            start = text.index(said)
            quote = Quote.objects.create(
                article=article,
                content_fragments=[[start, start + len(said)]],
                speaker=Speaker.objects.get_or_create(name=who)[0],
                reviewed_by=editor,
                reviewed_at=timezone.now(),
            )
            Claim.objects.create(quote=quote, start=start, end=start + 5)
    chunk = 3
    # Per chunk of articles: articles, quotes (reviewer joined), claims, speakers.
    with django_assert_max_num_queries(4 * math.ceil(articles / chunk)):
        exported = lines(chunk_size=chunk)
    assert [line["title"] for line in exported] == [f"Story {n}" for n in range(articles)]
    assert all(len(line["quotes"]) == 2 and len(line["speakers"]) == 2 for line in exported)
    assert all(q["reviewed_by"] == "edna" for line in exported for q in line["quotes"])
