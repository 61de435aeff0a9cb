"""Round trip: export JSONL, empty the database, import it back, and find every annotation."""

import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.utils import timezone

from annotations.models import Article, Claim, Quote, Speaker

PORT = (
    "Port strike enters second week\n\n"
    "“We will not return until the contract is signed,” union leader Mara Ilić said on "
    "Monday. “The offer is an insult,” she added, “and everyone\nknows it.”\n\n"
    "The port authority said that losses had reached 4 million euros a day.\n\n"
    "According to a shipping official, 30 vessels are waiting offshore.\n\n"
    "=The dockers are right, a placard read.\n"
)
SCHOOL = (
    "Schools reopen after floods\n\n"
    "Mara Ilić told reporters that 12 schools were damaged. "
    "Officials expect repairs to cost 2 million euros.\n"
)


def at(text: str, needle: str, after: str | None = None) -> list[int]:
    start = text.index(needle, text.index(after) if after else 0)
    return [start, start + len(needle)]


def add(article: Article, fragments, cue=None, mention=None, claims=(), **fields) -> Quote:
    quote = Quote(article=article, content_fragments=fragments, **fields)
    quote.cue = cue
    quote.speaker_mention = mention
    quote.save()
    for claim in claims:
        Claim.objects.create(quote=quote, **claim)
    return quote


@pytest.fixture
def rich(editor, admin_user):
    """Statuses, kinds, origins, confidences, a multi-fragment quote with a newline, cue and
    mention missing, a speaker with aliases shared by two articles, an anonymous source,
    claims with verdicts and notes, two reviewers, and an article with no quotes."""
    reviewed = timezone.now() - timedelta(days=2, microseconds=123457)
    ilic = Speaker.objects.create(
        name="Mara Ilić",
        kind=Speaker.Kind.PERSON,
        aliases=["Ilić", "the union leader"],
        role="Union leader",
        organization="Dockers' Union",
    )
    authority = Speaker.objects.create(
        name="Port Authority", kind=Speaker.Kind.ORGANIZATION, aliases=["the authority"]
    )
    official = Speaker.objects.create(name="a shipping official", kind=Speaker.Kind.ANONYMOUS)
    port = Article.objects.create(
        title="Port strike enters second week",
        text=PORT,
        outlet="Harbour Herald",
        url="https://example.com/port-strike",
        author="J. Doe",
        published="2024-02-29",
        status=Article.Status.IN_REVIEW,
    )
    t = PORT
    add(
        port,
        [at(t, "We will not return until the contract is signed")],
        cue=tuple(at(t, "said")),
        mention=tuple(at(t, "union leader Mara Ilić")),
        speaker=ilic,
        kind=Quote.Kind.DIRECT,
        status=Quote.Status.ACCEPTED,
        origin=Quote.Origin.MODEL,
        confidence=0.9137,
        model_version="rules-2024.2",
        reviewed_by=editor,
        reviewed_at=reviewed,
        claims=[
            {
                "start": at(t, "until the contract is signed")[0],
                "end": at(t, "until the contract is signed")[1],
                "status": Claim.Status.REJECTED,
                "check_worthy": False,
                "origin": Quote.Origin.MODEL,
            }
        ],
    )
    add(
        port,
        [at(t, "The offer is an insult"), at(t, "and everyone\nknows it")],
        cue=tuple(at(t, "added")),
        mention=tuple(at(t, "she", "insult")),
        speaker=ilic,
        status=Quote.Status.PROPOSED,
        origin=Quote.Origin.MODEL,
        confidence=0.42,
        model_version="rules-2024.2",
    )
    add(
        port,
        [at(t, "losses had reached 4 million euros a day")],
        cue=tuple(at(t, "said", "port authority")),
        mention=tuple(at(t, "The port authority")),
        speaker=authority,
        kind=Quote.Kind.INDIRECT,
        status=Quote.Status.ACCEPTED,
        origin=Quote.Origin.EDITOR,
        reviewed_by=admin_user,
        reviewed_at=reviewed + timedelta(hours=5),
        claims=[
            {
                "start": at(t, "4 million euros a day")[0],
                "end": at(t, "4 million euros a day")[1],
                "status": Claim.Status.ACCEPTED,
                "verdict": Claim.Verdict.MISLEADING,
                "note": "The authority's own report says 2.5 million;\nsee page 4.",
            }
        ],
    )
    add(
        port,
        [at(t, "30 vessels are waiting offshore")],
        cue=tuple(at(t, "According to")),
        mention=tuple(at(t, "a shipping official")),
        speaker=official,
        kind=Quote.Kind.INDIRECT,
        status=Quote.Status.REJECTED,
        origin=Quote.Origin.MODEL,
        confidence=0.0,
        reviewed_by=editor,
        reviewed_at=reviewed,
    )
    add(
        port,
        [at(t, "=The dockers are right")],
        kind=Quote.Kind.MIXED,
        status=Quote.Status.PROPOSED,
        origin=Quote.Origin.EDITOR,
    )
    school = Article.objects.create(
        title="Schools reopen after floods",
        text=SCHOOL,
        outlet="Valley Times",
        status=Article.Status.REVIEWED,
    )
    add(
        school,
        [at(SCHOOL, "12 schools were damaged")],
        cue=tuple(at(SCHOOL, "told")),
        mention=tuple(at(SCHOOL, "Mara Ilić")),
        speaker=ilic,
        kind=Quote.Kind.INDIRECT,
        status=Quote.Status.ACCEPTED,
        confidence=1.0,
        reviewed_by=editor,
        reviewed_at=reviewed,
        claims=[
            {
                "start": at(SCHOOL, "12 schools")[0],
                "end": at(SCHOOL, "12 schools")[1],
                "verdict": Claim.Verdict.TRUE,
                "note": "Confirmed by the ministry.",
            }
        ],
    )
    Article.objects.create(title="Tide tables", text="High tide at 06:12 and 18:40.\n")


def snapshot() -> list[dict]:
    """Everything an export must preserve, with no database ids in it."""
    articles = []
    for article in Article.objects.order_by("title"):
        quotes = []
        for quote in article.quotes.select_related("speaker", "reviewed_by"):
            speaker = quote.speaker
            quotes.append(
                {
                    "content_fragments": quote.content_fragments,
                    "cue": quote.cue,
                    "speaker_mention": quote.speaker_mention,
                    "texts": (quote.content_text, quote.cue_text, quote.speaker_mention_text),
                    "kind": quote.kind,
                    "status": quote.status,
                    "origin": quote.origin,
                    "confidence": quote.confidence,
                    "model_version": quote.model_version,
                    "speaker": speaker
                    and (
                        speaker.name,
                        speaker.kind,
                        speaker.aliases,
                        speaker.role,
                        speaker.organization,
                    ),
                    "reviewed_by": quote.reviewed_by and quote.reviewed_by.username,
                    "reviewed_at": quote.reviewed_at,
                    "claims": [
                        (
                            c.start,
                            c.end,
                            c.text,
                            c.status,
                            c.origin,
                            c.check_worthy,
                            c.verdict,
                            c.note,
                        )
                        for c in quote.claims.all()
                    ],
                }
            )
        articles.append(
            {
                "fields": (
                    article.title,
                    article.text,
                    article.outlet,
                    article.url,
                    article.author,
                    article.published,
                    article.status,
                ),
                "quotes": sorted(quotes, key=lambda q: (q["content_fragments"], q["status"])),
            }
        )
    return articles


def test_export_then_import_into_an_empty_database_reproduces_everything(rich, tmp_path):
    before = snapshot()
    assert len(before) == 3 and sum(len(a["quotes"]) for a in before) == 6
    speakers_before = Speaker.objects.count()
    path = tmp_path / "everything.jsonl"
    call_command("export_quotes", "--format", "jsonl", "-o", str(path), stderr=io.StringIO())

    Claim.objects.all().delete()
    Quote.objects.all().delete()
    Article.objects.all().delete()
    Speaker.objects.all().delete()
    User.objects.all().delete()
    assert not Article.objects.exists() and not User.objects.exists()

    call_command("import_articles", str(path), stdout=io.StringIO(), stderr=io.StringIO())

    after = snapshot()
    for old, new in zip(before, after, strict=True):
        assert new["fields"] == old["fields"]
        for old_quote, new_quote in zip(old["quotes"], new["quotes"], strict=True):
            assert new_quote == old_quote
    assert after == before
    # The speaker shared by both articles is still one speaker; reviewers came back by
    # username as inactive accounts that cannot log in.
    assert Speaker.objects.count() == speakers_before
    assert Speaker.objects.get(name="Mara Ilić").quotes.count() == 3
    reviewers = User.objects.order_by("username")
    assert [u.username for u in reviewers] == ["ada", "edna"]
    assert not any(u.is_active or u.has_usable_password() for u in reviewers)


def test_a_filtered_export_imports_only_the_matching_quotes(rich, tmp_path):
    path = tmp_path / "accepted.jsonl"
    call_command(
        "export_quotes",
        "--format",
        "jsonl",
        "--status",
        "accepted",
        "-o",
        str(path),
        stderr=io.StringIO(),
    )
    accepted = [
        (q.article.title, q.content_fragments)
        for q in Quote.objects.filter(status="accepted").select_related("article")
    ]
    Article.objects.all().delete()
    Speaker.objects.all().delete()
    call_command("import_articles", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    imported = [
        (q.article.title, q.content_fragments) for q in Quote.objects.select_related("article")
    ]
    assert sorted(imported) == sorted(accepted)
    assert set(Quote.objects.values_list("status", flat=True)) == {"accepted"}
    # "Tide tables" has no quotes, so a status-filtered export leaves it out.
    assert set(Article.objects.values_list("title", flat=True)) == {
        "Port strike enters second week",
        "Schools reopen after floods",
    }
