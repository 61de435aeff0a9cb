"""JSONL lines with quotes import their annotations exactly (the format of the JSONL export)."""

import json
from datetime import UTC, date, datetime

from django.contrib.auth.models import User

from annotations.imports import Importer
from annotations.models import Article, Quote, Speaker

TEXT = (
    "The port reopened on Friday.\n\n"
    "“Ships are moving again,” harbour master Lena Berg said, “and the queue is shrinking.”\n"
    "Officials said 40 ships were still waiting, according to a shipping agent."
)


def span(needle: str, start: int = 0) -> list[int]:
    at = TEXT.index(needle, start)
    return [at, at + len(needle)]


def exported_line() -> dict:
    first, second = span("Ships are moving again"), span("and the queue is shrinking.")
    indirect = span("40 ships were still waiting")
    return {
        "title": "Port reopens",
        "text": TEXT,
        "outlet": "Coast Post",
        "url": "https://coast.example/port",
        "author": "Ivo Marr",
        "published": "2025-06-13",
        "status": "in_review",
        "speakers": [
            {
                "id": 31,
                "name": "Lena Berg",
                "kind": "person",
                "aliases": ["Berg"],
                "role": "harbour master",
                "organization": "Port Authority",
            },
            {
                "id": 32,
                "name": "a shipping agent",
                "kind": "anonymous",
                "aliases": [],
                "role": "",
                "organization": "",
            },
        ],
        "quotes": [
            {
                "id": 501,
                "kind": "direct",
                "status": "accepted",
                "origin": "model",
                "confidence": 0.87,
                "model_version": "en_core_web_sm-3.8.0+rules-1",
                "content_fragments": [first, second],
                "content_text": "Ships are moving again and the queue is shrinking.",
                "cue": span("said"),
                "cue_text": "said",
                "speaker_mention": span("harbour master Lena Berg"),
                "speaker_mention_text": "harbour master Lena Berg",
                "speaker_id": 31,
                "reviewed_by": "edna",
                "reviewed_at": "2025-06-14T09:30:15.250000+00:00",
                "claims": [
                    {
                        "id": 9001,
                        "start": second[0] + 8,
                        "end": second[1] - 1,
                        "text": "queue is shrinking",
                        "status": "accepted",
                        "origin": "editor",
                        "check_worthy": True,
                        "verdict": "misleading",
                        "note": "Queue length rose on Thursday,\naccording to port data.",
                    },
                ],
            },
            {
                "id": 502,
                "kind": "indirect",
                "status": "rejected",
                "origin": "editor",
                "confidence": None,
                "model_version": "",
                "content_fragments": [indirect],
                "content_text": "40 ships were still waiting",
                "cue": span("according to"),
                "cue_text": "according to",
                "speaker_mention": span("a shipping agent"),
                "speaker_mention_text": "a shipping agent",
                "speaker_id": 32,
                "reviewed_by": "gone-reviewer",
                "reviewed_at": "2025-06-15T10:00:00+00:00",
                "claims": [
                    {
                        "id": 9002,
                        "start": indirect[0],
                        "end": indirect[0] + 8,
                        "text": "40 ships",
                        "status": "proposed",
                        "origin": "model",
                        "check_worthy": False,
                        "verdict": "unverified",
                        "note": "",
                    },
                ],
            },
            {
                "id": 503,
                "kind": "mixed",
                "status": "proposed",
                "origin": "model",
                "confidence": 0.41,
                "model_version": "v2",
                "content_fragments": [span("The port reopened on Friday.")],
                "content_text": "The port reopened on Friday.",
                "cue": None,
                "cue_text": "",
                "speaker_mention": None,
                "speaker_mention_text": "",
                "speaker_id": None,
                "reviewed_by": None,
                "reviewed_at": None,
                "claims": [],
            },
        ],
    }


def import_lines(*lines: dict):
    data = "\n".join(json.dumps(line, ensure_ascii=False) for line in lines).encode()
    importer = Importer()
    importer.add_file("export.jsonl", len(data), lambda: data)
    return importer.finish()


def test_quotes_claims_speakers_and_reviewers_are_imported_exactly(editor):
    line = exported_line()
    report = import_lines(line)
    assert report.ok, report.errors
    article = Article.objects.get(pk=report.imported[0])
    assert article.text == TEXT
    assert (article.title, article.outlet, article.url, article.author) == (
        "Port reopens",
        "Coast Post",
        "https://coast.example/port",
        "Ivo Marr",
    )
    assert article.published == date(2025, 6, 13)
    assert article.status == Article.Status.IN_REVIEW

    quotes = list(article.quotes.select_related("speaker", "reviewed_by").order_by("content_start"))
    by_text = {q.content_text: q for q in quotes}
    assert len(quotes) == 3
    for expected in line["quotes"]:
        quote = by_text[expected["content_text"]]
        assert quote.content_fragments == expected["content_fragments"]
        assert list(quote.cue or []) == (expected["cue"] or [])
        assert quote.cue_text == expected["cue_text"]
        assert list(quote.speaker_mention or []) == (expected["speaker_mention"] or [])
        assert quote.speaker_mention_text == expected["speaker_mention_text"]
        for field in ("kind", "status", "origin", "confidence", "model_version"):
            assert getattr(quote, field) == expected[field], field
        assert (quote.reviewed_by.username if quote.reviewed_by else None) == expected[
            "reviewed_by"
        ]
        expected_at = expected["reviewed_at"] and datetime.fromisoformat(expected["reviewed_at"])
        assert quote.reviewed_at == (expected_at or None)
        claims = [
            {
                "start": c.start,
                "end": c.end,
                "text": c.text,
                "status": c.status,
                "origin": c.origin,
                "check_worthy": c.check_worthy,
                "verdict": c.verdict,
                "note": c.note,
            }
            for c in quote.claims.order_by("start")
        ]
        assert claims == [{k: v for k, v in c.items() if k != "id"} for c in expected["claims"]]

    direct = by_text["Ships are moving again and the queue is shrinking."]
    assert direct.reviewed_at == datetime(2025, 6, 14, 9, 30, 15, 250000, tzinfo=UTC)
    assert direct.reviewed_by == editor  # an existing user is reused by username
    assert (direct.speaker.name, direct.speaker.kind) == ("Lena Berg", "person")
    assert direct.speaker.aliases == ["Berg"]
    assert (direct.speaker.role, direct.speaker.organization) == (
        "harbour master",
        "Port Authority",
    )
    anonymous = by_text["40 ships were still waiting"].speaker
    assert (anonymous.name, anonymous.kind) == ("a shipping agent", "anonymous")
    assert by_text["The port reopened on Friday."].speaker is None


def test_missing_reviewers_become_inactive_users_who_cannot_log_in(db):
    import_lines(exported_line())
    ghost = User.objects.get(username="gone-reviewer")
    assert not ghost.is_active
    assert not ghost.has_usable_password()


def test_speakers_are_reused_across_lines_and_with_the_database(db):
    existing = Speaker.objects.create(name="Lena Berg", kind="person", role="harbour master")
    second = exported_line()
    second["title"], second["url"] = "Port again", "https://coast.example/port-2"
    second["text"] = TEXT.replace("Friday", "Monday")
    for quote in second["quotes"]:
        quote["content_text"] = quote["content_text"].replace("Friday", "Monday")
    report = import_lines(exported_line(), second)
    assert report.ok, report.errors
    assert Speaker.objects.filter(normalized_name="lena berg").count() == 1
    assert Quote.objects.filter(speaker=existing).count() == 2
    assert Speaker.objects.filter(name="a shipping agent").count() == 1


def test_a_line_with_status_but_no_quotes_keeps_its_status(db):
    report = import_lines({"title": "Done", "text": "Nothing quoted here.", "status": "reviewed"})
    assert Article.objects.get(pk=report.imported[0]).status == Article.Status.REVIEWED
