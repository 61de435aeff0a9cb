"""Storing the pre-annotator's proposals: fields, idempotency, editor decisions, speakers."""

from collections import Counter
from dataclasses import dataclass, field

import pytest

from annotations.models import Article, Claim, Quote, Speaker
from annotations.preannotation import looks_like_name, store_proposals

TEXT = (
    "Officials met on Tuesday.\n\n"
    "“Prices rose 4 percent in March,” said central bank governor Lena Ortiz. "
    "Ortiz added that rates would stay at 3.5 percent. "
    "The think tank said growth would slow, according to analysts."
)


@dataclass
class Proposal:
    kind: str
    content: tuple[int, int]
    content_fragments: list[tuple[int, int]]
    cue: tuple[int, int] | None
    speaker_mention: tuple[int, int] | None
    speaker_name: str | None
    speaker_kind: str | None
    confidence: float
    claims: list[tuple[int, int]] = field(default_factory=list)


def span(text: str, words: str, after: int = 0) -> tuple[int, int]:
    start = text.index(words, after)
    return start, start + len(words)


@pytest.fixture
def news(db) -> Article:
    return Article.objects.create(title="Rates", text=TEXT, outlet="Ledger")


def direct_quote(text: str = TEXT) -> Proposal:
    content = span(text, "Prices rose 4 percent in March")
    return Proposal(
        kind="direct",
        content=content,
        content_fragments=[content],
        cue=span(text, "said"),
        speaker_mention=span(text, "central bank governor Lena Ortiz"),
        speaker_name="Lena Ortiz",
        speaker_kind="person",
        confidence=0.93,
        claims=[span(text, "Prices rose 4 percent")],
    )


def indirect_quote(text: str = TEXT) -> Proposal:
    content = span(text, "rates would stay at 3.5 percent")
    return Proposal(
        kind="indirect",
        content=content,
        content_fragments=[content],
        cue=span(text, "added"),
        speaker_mention=span(text, "Ortiz", text.index("Ortiz added")),
        speaker_name="Lena Ortiz",
        speaker_kind="person",
        confidence=0.71,
        claims=[span(text, "3.5 percent")],
    )


def test_proposals_are_stored_with_model_fields(news):
    stats = Counter()
    added = store_proposals(news, [direct_quote(), indirect_quote()], "quotes-0.1", stats)

    assert added == 2
    assert stats["quotes"] == 2 and stats["claims"] == 2
    first, second = Quote.objects.filter(article=news).order_by("content_start")
    assert first.content_text == "Prices rose 4 percent in March"
    assert first.cue_text == "said"
    assert first.speaker_mention_text == "central bank governor Lena Ortiz"
    assert (first.kind, first.status, first.origin) == ("direct", "proposed", "model")
    assert first.confidence == pytest.approx(0.93)
    assert first.model_version == "quotes-0.1"
    assert (first.content_start, first.content_end) == span(TEXT, "Prices rose 4 percent in March")
    assert second.kind == "indirect" and second.cue_text == "added"
    assert first.speaker == second.speaker and first.speaker.name == "Lena Ortiz"
    claim = Claim.objects.get(quote=first)
    assert claim.text == "Prices rose 4 percent"
    assert (claim.status, claim.origin) == ("proposed", "model")


def test_bulk_insert_keeps_history_rows(news):
    store_proposals(news, [direct_quote()], "v1")

    quote = Quote.objects.get(article=news)
    record = quote.history.get()
    assert record.history_type == "+"
    assert record.history_change_reason == "pre-annotation"
    assert Claim.objects.get(quote=quote).history.count() == 1


def test_article_moves_from_new_to_proposed(news):
    store_proposals(news, [direct_quote()], "v1")

    news.refresh_from_db()
    assert news.status == Article.Status.PROPOSED


def test_article_in_review_keeps_its_status(news, editor):
    news.start_review(editor)
    store_proposals(news, [direct_quote()], "v1")

    news.refresh_from_db()
    assert news.status == Article.Status.IN_REVIEW


def test_running_twice_adds_nothing(news):
    store_proposals(news, [direct_quote(), indirect_quote()], "v1")
    before = list(Quote.objects.values_list("id", "content_fragments", "confidence"))

    stats = Counter()
    added = store_proposals(news, [direct_quote(), indirect_quote()], "v2", stats)

    assert added == 0
    assert stats["already_proposed"] == 2
    assert list(Quote.objects.values_list("id", "content_fragments", "confidence")) == before
    assert Claim.objects.count() == 2
    assert Speaker.objects.count() == 1


def test_duplicate_proposals_in_one_run_are_stored_once(news):
    added = store_proposals(news, [direct_quote(), direct_quote()], "v1")

    assert added == 1
    assert Quote.objects.count() == 1


def test_accepted_and_edited_quote_is_left_unchanged(news, editor):
    store_proposals(news, [direct_quote()], "v1")
    quote = Quote.objects.get()
    wider = span(TEXT, "Prices rose 4 percent in March,")
    quote.change(editor, content_fragments=[wider], status=Quote.Status.ACCEPTED)
    quote.refresh_from_db()
    snapshot = Quote.objects.filter(pk=quote.pk).values().get()

    stats = Counter()
    added = store_proposals(news, [direct_quote()], "v2", stats)

    assert added == 0
    assert stats["editor_decided"] == 1
    assert Quote.objects.count() == 1
    assert Quote.objects.filter(pk=quote.pk).values().get() == snapshot


def test_quote_an_editor_added_is_not_duplicated(news, editor):
    content = span(TEXT, "Prices rose 4 percent in March")
    Quote.objects.create(
        article=news, content_fragments=[list(content)], origin=Quote.Origin.EDITOR
    )

    stats = Counter()
    store_proposals(news, [direct_quote()], "v1", stats)

    assert stats["editor_decided"] == 1
    assert list(Quote.objects.values_list("origin", flat=True)) == ["editor"]


def test_rejected_quote_is_not_proposed_again(news, editor):
    store_proposals(news, [direct_quote()], "v1")
    Quote.objects.get().reject(editor)

    # The next model version proposes a slightly different span over the same words.
    again = direct_quote()
    again.content = again.content_fragments[0] = span(TEXT, "Prices rose 4 percent")
    again.claims = []
    stats = Counter()
    added = store_proposals(news, [again], "v2", stats)

    assert added == 0
    assert stats["rejected_before"] == 1
    assert list(Quote.objects.values_list("status", flat=True)) == ["rejected"]


def test_existing_speaker_is_reused_by_name(news):
    known = Speaker.objects.create(name="Lena Ortiz", kind=Speaker.Kind.PERSON, role="Governor")

    store_proposals(news, [direct_quote()], "v1")

    assert Speaker.objects.count() == 1
    assert Quote.objects.get().speaker == known


def test_existing_speaker_is_reused_by_alias(news):
    known = Speaker.objects.create(name="Magdalena Ortiz", aliases=["Lena Ortiz"])

    store_proposals(news, [direct_quote(), indirect_quote()], "v1")

    assert Speaker.objects.count() == 1
    assert set(Quote.objects.values_list("speaker", flat=True)) == {known.pk}


def test_surname_mention_is_recorded_as_alias_but_description_is_not(news):
    store_proposals(news, [direct_quote(), indirect_quote()], "v1")

    speaker = Speaker.objects.get()
    assert speaker.aliases == ["Ortiz"]
    assert Speaker.objects.find("Ortiz") == speaker
    assert speaker.history.filter(history_type="~").exists()


def test_new_speaker_gets_the_proposed_kind(news):
    proposal = direct_quote()
    proposal.speaker_name, proposal.speaker_kind = "Bank of Examples", "organization"

    store_proposals(news, [proposal], "v1")

    assert Quote.objects.get().speaker.kind == Speaker.Kind.ORGANIZATION


def test_quote_without_speaker_name_has_no_speaker(news):
    proposal = indirect_quote()
    proposal.speaker_name = None

    store_proposals(news, [proposal], "v1")

    assert Quote.objects.get().speaker is None
    assert not Speaker.objects.exists()


def test_invalid_proposals_are_skipped_and_counted(news):
    outside = direct_quote()
    outside.content = outside.content_fragments[0] = (len(TEXT) - 5, len(TEXT) + 20)
    cue_inside_content = indirect_quote()
    cue_inside_content.cue = span(TEXT, "stay")
    bad_kind = direct_quote()
    bad_kind.kind = "rumour"
    bad_confidence = indirect_quote()
    bad_confidence.confidence = 1.7
    good = direct_quote()
    good.claims.append(span(TEXT, "said"))  # outside the quote: skipped, quote kept

    stats = Counter()
    added = store_proposals(
        news, [outside, cue_inside_content, bad_kind, bad_confidence, good], "v1", stats
    )

    assert added == 1
    assert stats["invalid"] == 4
    assert stats["invalid_claims"] == 1
    assert Quote.objects.get().content_text == "Prices rose 4 percent in March"
    assert Claim.objects.count() == 1


def test_interrupted_quote_keeps_its_fragments(db):
    text = "“We are ready,” she said, “and we will win.” The coach, Mia Holt, spoke first."
    article = Article.objects.create(title="Final", text=text)
    first, second = span(text, "We are ready"), span(text, "and we will win.")
    proposal = Proposal(
        kind="direct",
        content=(first[0], second[1]),
        content_fragments=[first, second],
        cue=span(text, "said"),
        speaker_mention=span(text, "she"),
        speaker_name="Mia Holt",
        speaker_kind="person",
        confidence=0.8,
    )

    store_proposals(article, [proposal], "v1")

    quote = Quote.objects.get()
    assert quote.fragments == [first, second]
    assert quote.content_text == "We are ready and we will win."
    assert Speaker.objects.get().aliases == []  # "she" is not a name


def test_changed_text_is_left_alone(news):
    stale = Article.objects.get(pk=news.pk)
    stale.text = TEXT.replace("Officials", "Ministers")

    stats = Counter()
    added = store_proposals(stale, [direct_quote()], "v1", stats)

    assert added == 0 and stats["text_changed"] == 1
    assert not Quote.objects.exists()


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("Ortiz", True),
        ("Center for Strategic and International Studies", True),
        ("Kremlin’s", True),
        ("they", False),
        ("the think tank", False),
        ("Kremlin spokesman Dmitry Peskov", False),
        ("a US intelligence official", False),
        ("", False),
    ],
)
def test_looks_like_name(mention, expected):
    assert looks_like_name(mention) is expected


def test_surname_mention_does_not_pull_in_a_namesake(news):
    namesake = Speaker.objects.create(name="Carlos Ortiz", aliases=["Ortiz"])

    store_proposals(news, [indirect_quote()], "v1")

    quote = Quote.objects.get()
    assert quote.speaker.name == "Lena Ortiz"
    assert quote.speaker != namesake
    namesake.refresh_from_db()
    assert namesake.aliases == ["Ortiz"]


def test_overlong_speaker_name_is_not_a_speaker(news):
    proposal = indirect_quote()
    proposal.speaker_name = "Ortiz " * 80

    added = store_proposals(news, [proposal], "v1")

    assert added == 1
    assert Quote.objects.get().speaker is None
    assert not Speaker.objects.exists()
