"""Why a speaker was chosen: the antecedent's offsets stored on the quote, shown on the review
card, carried through the JSONL export and accepted by the JSONL import."""

import json
from dataclasses import dataclass, field

import pytest
from django.urls import reverse

from annotations.exports import export_jsonl
from annotations.imports import import_objects
from annotations.models import Article, Quote
from annotations.preannotation import store_proposals

TEXT = (
    "Senators met on Monday.\n\nBarack Obama spoke about the budget.\n\n“We will pass it,” he said."
)


def span(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


@dataclass
class Proposal:
    kind: str = "direct"
    content: tuple[int, int] = span("We will pass it,")
    content_fragments: list = field(default_factory=lambda: [span("We will pass it,")])
    cue: tuple[int, int] | None = span("said")
    speaker_mention: tuple[int, int] | None = span("he")
    speaker_name: str | None = "Barack Obama"
    speaker_kind: str | None = "person"
    confidence: float = 0.9
    claims: list = field(default_factory=list)
    speaker_antecedent: tuple[int, int] | None = span("Barack Obama")


@pytest.fixture
def stored(db) -> Quote:
    article = Article.objects.create(title="Budget", text=TEXT)
    store_proposals(article, [Proposal()], "test 1.0")
    return Quote.objects.get(article=article)


def test_the_antecedent_is_stored_on_the_quote(stored):
    assert stored.speaker_antecedent == span("Barack Obama")
    assert stored.speaker_explanation == "he → Barack Obama, named in paragraph 2"


def test_a_bad_antecedent_is_dropped_and_the_proposal_kept(db):
    article = Article.objects.create(title="Budget", text=TEXT)
    store_proposals(article, [Proposal(speaker_antecedent=(5, 10_000))], "test 1.0")
    quote = Quote.objects.get(article=article)
    assert quote.speaker_antecedent is None
    assert quote.speaker_explanation == ""


def test_the_review_card_explains_the_speaker(client, editor, stored):
    client.force_login(editor)
    html = client.get(reverse("annotations:review", args=[stored.article_id])).content.decode()
    assert "he → Barack Obama, named in paragraph 2" in html


def test_an_editors_new_speaker_drops_the_models_reason(editor, stored):
    from annotations.models import Speaker

    other = Speaker.objects.create(name="Joe Biden")
    stored.change(editor, speaker=other)
    stored.refresh_from_db()
    assert stored.speaker_antecedent is None


def test_the_jsonl_export_carries_the_antecedent_and_the_import_accepts_it(stored):
    (line,) = [json.loads(row) for row in export_jsonl()]
    (quote,) = line["quotes"]
    assert quote["speaker_antecedent"] == list(span("Barack Obama"))
    assert quote["speaker_antecedent_text"] == "Barack Obama"
    Article.objects.all().delete()
    report = import_objects([line])
    assert report.ok, report.errors
    assert Quote.objects.get().speaker_antecedent == span("Barack Obama")


def test_the_import_names_a_bad_antecedent(stored):
    (line,) = [json.loads(row) for row in export_jsonl()]
    Article.objects.all().delete()
    line["quotes"][0]["speaker_antecedent"] = [5, 10_000]
    report = import_objects([line])
    assert not report.ok
    assert "speaker_antecedent" in report.errors[0].reason
