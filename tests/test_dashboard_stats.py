"""Dashboard figures on a hand-built newsroom: every expected number is counted by hand below."""

import pytest

from annotations import stats
from annotations.models import Article, Quote, Speaker

pytestmark = pytest.mark.django_db

SENTENCES = 12


def make_article(title: str, outlet: str, status: str = Article.Status.NEW) -> Article:
    text = " ".join(f"Sentence {i} says something new." for i in range(SENTENCES))
    text += f" ({title})"  # texts are unique (article_unique_text_hash)
    return Article.objects.create(
        title=title, text=text, outlet=outlet, status=status, url=f"https://example.org/{title}"
    )


def add_quote(article: Article, i: int, **fields) -> Quote:
    """A quote on the i-th sentence of ``article``."""
    start = article.text.index(f"Sentence {i} ")
    end = start + len(f"Sentence {i} says something new")
    return Quote.objects.create(article=article, content_fragments=[[start, end]], **fields)


@pytest.fixture
def newsroom():
    """Two outlets, four speakers (one anonymous), eleven quotes.

    Bugle:  A1 (reviewed)  q0 model direct 0.9 accepted  Ruiz
                           q1 model direct 0.85 rejected Ruiz
                           q2 model indirect 0.6 accepted Official (anonymous)
                           q3 model indirect 0.3 rejected Official
                           q4 editor direct  -   accepted Ruiz
            A2 (in review) q0 model mixed 0.7  accepted  Think tank
                           q1 model mixed 0.4  proposed  Think tank
    Herald: A3 (new)       q0 model direct 0.95 accepted Official
                           q1 model indirect None rejected Mayor's office
                           q2 editor indirect -  accepted (no speaker)
                           q3 model direct 0.2  proposed  Ruiz
    """
    ruiz = Speaker.objects.create(name="Ana Ruiz")
    official = Speaker.objects.create(name="a city official", kind=Speaker.Kind.ANONYMOUS)
    tank = Speaker.objects.create(name="Civic Think Tank", kind=Speaker.Kind.ORGANIZATION)
    office = Speaker.objects.create(name="Mayor's office", kind=Speaker.Kind.ORGANIZATION)
    a1 = make_article("a1", "Bugle", Article.Status.REVIEWED)
    a2 = make_article("a2", "Bugle", Article.Status.IN_REVIEW)
    a3 = make_article("a3", "Herald", Article.Status.NEW)
    M, E = Quote.Origin.MODEL, Quote.Origin.EDITOR
    D, IND, X = Quote.Kind.DIRECT, Quote.Kind.INDIRECT, Quote.Kind.MIXED
    A, R, P = Quote.Status.ACCEPTED, Quote.Status.REJECTED, Quote.Status.PROPOSED
    rows = [
        (a1, 0, M, D, 0.9, A, ruiz),
        (a1, 1, M, D, 0.85, R, ruiz),
        (a1, 2, M, IND, 0.6, A, official),
        (a1, 3, M, IND, 0.3, R, official),
        (a1, 4, E, D, None, A, ruiz),
        (a2, 0, M, X, 0.7, A, tank),
        (a2, 1, M, X, 0.4, P, tank),
        (a3, 0, M, D, 0.95, A, official),
        (a3, 1, M, IND, None, R, office),
        (a3, 2, E, IND, None, A, None),
        (a3, 3, M, D, 0.2, P, ruiz),
    ]
    for article, i, origin, kind, confidence, status, speaker in rows:
        add_quote(
            article,
            i,
            origin=origin,
            kind=kind,
            confidence=confidence,
            status=status,
            speaker=speaker,
        )
    return {"ruiz": ruiz, "official": official, "tank": tank, "office": office}


def as_dict(counts):
    return {c.key: c.value for c in counts}


def test_articles_by_status_lists_every_status_in_order(newsroom):
    counts = stats.articles_by_status()
    assert [c.key for c in counts] == ["new", "proposed", "in_review", "reviewed"]
    assert as_dict(counts) == {"new": 1, "proposed": 0, "in_review": 1, "reviewed": 1}


def test_quotes_by_status(newsroom):
    assert as_dict(stats.quotes_by_status()) == {"proposed": 2, "accepted": 6, "rejected": 3}


def test_precision_overall_counts_only_decided_model_proposals(newsroom):
    # Model quotes: accepted q0,q2 (a1), q0 (a2), q0 (a3) = 4; rejected q1,q3 (a1), q1 (a3) = 3.
    overall = stats.precision().overall
    assert (overall.accepted, overall.rejected, overall.decided) == (4, 3, 7)
    assert overall.value == pytest.approx(4 / 7)
    assert overall.percent == "57%"


def test_precision_by_kind(newsroom):
    by_kind = {p.label: (p.accepted, p.rejected) for p in stats.precision().by_kind}
    # direct: a1q0 A, a1q1 R, a3q0 A (a3q3 proposed); indirect: a1q2 A, a1q3 R, a3q1 R;
    # mixed: a2q0 A (a2q1 proposed).
    assert by_kind == {"Direct": (2, 1), "Indirect": (1, 2), "Mixed": (1, 0)}


def test_precision_by_confidence_band(newsroom):
    bands = {p.label: (p.accepted, p.rejected) for p in stats.precision().by_confidence}
    # >=0.8: 0.9 A, 0.85 R, 0.95 A. 0.5-0.8: 0.6 A, 0.7 A. <0.5: 0.3 R (0.4, 0.2 proposed).
    # None: a3q1 R.
    assert bands == {
        "0.8 and above": (2, 1),
        "0.5 to 0.8": (2, 0),
        "below 0.5": (0, 1),
        "no confidence": (0, 1),
    }
    assert list(bands) == ["below 0.5", "0.5 to 0.8", "0.8 and above", "no confidence"]


def test_band_edges_are_inclusive_below(db):
    article = make_article("edges", "Bugle")
    for i, confidence in enumerate([0.5, 0.8, 0.4999]):
        add_quote(
            article,
            i,
            origin=Quote.Origin.MODEL,
            confidence=confidence,
            status=Quote.Status.ACCEPTED,
        )
    bands = {p.label: p.accepted for p in stats.precision().by_confidence}
    assert bands == {"below 0.5": 1, "0.5 to 0.8": 1, "0.8 and above": 1}


def test_precision_without_decisions_is_none(db):
    overall = stats.precision().overall
    assert overall.value is None and overall.percent == "–"
    assert stats.precision().by_kind == []


def test_top_speakers_by_accepted_quotes(newsroom):
    top = [(speaker.name, speaker.accepted) for speaker in stats.top_speakers()]
    # Ruiz: a1q0, a1q4 = 2; official: a1q2, a3q0 = 2; tank: 1; office: 0 accepted (left out).
    assert top == [("a city official", 2), ("Ana Ruiz", 2), ("Civic Think Tank", 1)]
    assert len(stats.top_speakers(limit=1)) == 1


def test_anonymous_share_among_accepted_quotes(newsroom):
    # Accepted: 6; by the anonymous official: 2 (a quote with no speaker is not anonymous).
    assert stats.anonymous_share() == (2, 6)


def test_quotes_per_outlet(newsroom):
    outlets = {o.outlet: (o.quotes, o.accepted, o.anonymous) for o in stats.quotes_per_outlet()}
    assert outlets == {"Bugle": (7, 4, 1), "Herald": (4, 2, 1)}
    bugle = stats.quotes_per_outlet()[0]
    assert bugle.outlet == "Bugle" and bugle.anonymous_share == pytest.approx(1 / 4)
