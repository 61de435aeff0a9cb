"""The quotes and claims CSVs: columns, re-anchoring offsets, formula safety, BOM, newlines."""

import csv
import io
import json
import math

import pytest
from django.utils import timezone

from annotations import exports
from annotations.models import Article, Claim, Quote, Speaker

HARBOUR = (
    "Harbour talks stalled on Tuesday.\n\n"
    "“The port will reopen in March,” said Transport Minister Lea Novak.\n\n"
    "“Crews are ready,” she said, “and the money\nis secured.”\n\n"
    "=SUM(A1:A9) was painted on a wall, residents reported.\n"
    "-1 ships left the bay, the harbour office said.\n"
)


def span(text: str, needle: str, after: int = 0) -> list[int]:
    start = text.index(needle, after)
    return [start, start + len(needle)]


def add_quote(article: Article, fragments: list[str], cue=None, mention=None, **fields) -> Quote:
    text = article.text
    spans = []
    after = 0
    for fragment in fragments:
        spans.append(span(text, fragment, after))
        after = spans[-1][1]
    quote = Quote(article=article, content_fragments=spans, **fields)
    if cue:
        quote.cue = tuple(span(text, cue[0], cue[1]))
    if mention:
        quote.speaker_mention = tuple(span(text, mention[0], mention[1]))
    quote.save()
    return quote


@pytest.fixture
def harbour(editor):
    """One article whose quotes cover every shape: multi-fragment with a newline, no cue and
    no mention, hostile text in content, speaker name and claim note."""
    article = Article.objects.create(
        title="Harbour talks stall",
        text=HARBOUR,
        outlet="Coast Post",
        url="https://example.com/harbour",
        published="2024-03-05",
    )
    novak = Speaker.objects.create(name="Lea Novak", kind=Speaker.Kind.PERSON)
    office = Speaker.objects.create(name="+Harbour Office", kind=Speaker.Kind.ORGANIZATION)
    text = HARBOUR
    reopen = add_quote(
        article,
        ["The port will reopen in March"],
        cue=("said", 0),
        mention=("Transport Minister Lea Novak", 0),
        speaker=novak,
        status=Quote.Status.ACCEPTED,
        origin=Quote.Origin.MODEL,
        confidence=0.87,
        model_version="rules-1",
        reviewed_by=editor,
        reviewed_at=timezone.now(),
    )
    crews = add_quote(
        article,
        ["Crews are ready", "and the money\nis secured"],
        cue=("said", text.index("she")),
        mention=("she", 0),
        speaker=novak,
        kind=Quote.Kind.DIRECT,
        status=Quote.Status.PROPOSED,
        origin=Quote.Origin.MODEL,
        confidence=0.6,
    )
    wall = add_quote(
        article,
        ["=SUM(A1:A9) was painted on a wall"],
        kind=Quote.Kind.INDIRECT,
        status=Quote.Status.ACCEPTED,
    )
    ships = add_quote(
        article,
        ["-1 ships left the bay"],
        cue=("said", text.index("harbour office")),
        mention=("the harbour office", 0),
        speaker=office,
        kind=Quote.Kind.INDIRECT,
        status=Quote.Status.REJECTED,
    )
    Claim.objects.create(
        quote=reopen,
        start=text.index("reopen in March"),
        end=text.index("reopen in March") + len("reopen in March"),
        verdict=Claim.Verdict.TRUE,
        note='=HYPERLINK("http://evil.example")\nchecked with the port',
        check_worthy=True,
    )
    Claim.objects.create(
        quote=crews,
        start=text.index("the money"),
        end=text.index("secured") + len("secured"),
        verdict=Claim.Verdict.UNPROVEN,
        check_worthy=False,
    )
    return {"article": article, "quotes": [reopen, crews, wall, ships]}


def read_csv(data: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data, newline="")))


def export(fn=exports.export_quotes_csv, **kwargs) -> str:
    return "".join(fn(**kwargs))


def test_header_lists_the_documented_columns(harbour):
    data = export()
    header = next(csv.reader(io.StringIO(data, newline="")))
    assert header == exports.QUOTE_COLUMNS
    for column in exports.QUOTE_COLUMNS:
        assert f"    {column} " in exports.__doc__, f"{column} is not documented"


def test_one_row_per_quote_with_every_field(harbour, editor):
    rows = {int(r["quote_id"]): r for r in read_csv(export())}
    assert set(rows) == {q.pk for q in harbour["quotes"]}
    reopen = harbour["quotes"][0]
    row = rows[reopen.pk]
    assert row["article_id"] == str(harbour["article"].pk)
    assert row["article_url"] == "https://example.com/harbour"
    assert row["article_title"] == "Harbour talks stall"
    assert row["outlet"] == "Coast Post"
    assert row["published"] == "2024-03-05"
    assert (row["kind"], row["status"], row["origin"]) == ("direct", "accepted", "model")
    assert float(row["confidence"]) == 0.87
    assert row["quote_text"] == "The port will reopen in March"
    assert row["cue_text"] == "said"
    assert row["speaker_mention_text"] == "Transport Minister Lea Novak"
    assert row["speaker_id"] == str(reopen.speaker_id)
    assert (row["speaker_name"], row["speaker_kind"]) == ("Lea Novak", "person")
    assert row["reviewed_by"] == editor.username
    assert row["reviewed_at"] == reopen.reviewed_at.isoformat()
    assert row["claims_count"] == "1"
    wall = rows[harbour["quotes"][2].pk]
    assert wall["cue_text"] == wall["cue_start"] == wall["cue_end"] == ""
    assert wall["speaker_mention_text"] == wall["speaker_id"] == wall["speaker_name"] == ""
    assert wall["confidence"] == wall["reviewed_by"] == wall["reviewed_at"] == ""
    assert wall["claims_count"] == "0"


def assert_reanchors(row: dict[str, str], text: str, quote: Quote) -> None:
    fragments = json.loads(row["content_fragments"])
    assert fragments == quote.content_fragments
    assert [int(row["content_start"]), int(row["content_end"])] == [
        fragments[0][0],
        fragments[-1][1],
    ]
    assert row["quote_text"] == " ".join(text[s:e] for s, e in fragments)
    if quote.cue:
        assert row["cue_text"] == text[int(row["cue_start"]) : int(row["cue_end"])]
        assert row["cue_text"] == quote.cue_text
    if quote.speaker_mention:
        start, end = int(row["speaker_mention_start"]), int(row["speaker_mention_end"])
        assert row["speaker_mention_text"] == text[start:end] == quote.speaker_mention_text


def test_every_row_reanchors_with_raw_formulas(harbour):
    text = harbour["article"].text
    quotes = {q.pk: q for q in harbour["quotes"]}
    rows = read_csv(export(raw_formulas=True))
    assert len(rows) == 4
    for row in rows:
        assert_reanchors(row, text, quotes[int(row["quote_id"])])


def test_rows_without_hostile_text_reanchor_by_default(harbour):
    text = harbour["article"].text
    quotes = {q.pk: q for q in harbour["quotes"]}
    safe = [r for r in read_csv(export()) if not r["quote_text"].startswith("'")]
    assert {int(r["quote_id"]) for r in safe} == {q.pk for q in harbour["quotes"][:2]}
    for row in safe:
        assert_reanchors(row, text, quotes[int(row["quote_id"])])


def test_newlines_inside_cells_survive_csv_reader(harbour):
    data = export()
    crews = next(r for r in read_csv(data) if r["quote_id"] == str(harbour["quotes"][1].pk))
    assert crews["quote_text"] == "Crews are ready and the money\nis secured"
    # RFC 4180: records end with CRLF, the newline inside the cell stays a bare LF.
    assert '"Crews are ready and the money\nis secured"' in data
    assert data.count("\r\n") == 1 + 4  # header and one line end per quote


def test_hostile_cells_are_neutralised_and_numbers_untouched(harbour):
    rows = {int(r["quote_id"]): r for r in read_csv(export())}
    wall = rows[harbour["quotes"][2].pk]
    ships = rows[harbour["quotes"][3].pk]
    assert wall["quote_text"] == "'=SUM(A1:A9) was painted on a wall"
    assert ships["quote_text"] == "'-1 ships left the bay"
    assert ships["speaker_name"] == "'+Harbour Office"
    # Offsets still point at the real text; numbers are never prefixed.
    text = harbour["article"].text
    start, end = int(ships["content_start"]), int(ships["content_end"])
    assert text[start:end] == "-1 ships left the bay"
    for row in rows.values():
        for column in ("quote_id", "content_start", "content_end", "confidence", "claims_count"):
            assert not row[column].startswith("'")


def test_raw_formulas_keep_hostile_cells_exact(harbour):
    rows = {int(r["quote_id"]): r for r in read_csv(export(raw_formulas=True))}
    assert rows[harbour["quotes"][2].pk]["quote_text"] == "=SUM(A1:A9) was painted on a wall"
    assert rows[harbour["quotes"][3].pk]["speaker_name"] == "+Harbour Office"


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@", "\t", "\r"])
def test_neutralize_covers_every_formula_start(prefix):
    assert exports.neutralize(prefix + "1+1") == "'" + prefix + "1+1"
    assert exports.neutralize("a" + prefix) == "a" + prefix


def test_bom_option(harbour):
    assert export(bom=True).encode("utf-8").startswith(b"\xef\xbb\xbfarticle_id,")
    assert export().startswith("article_id,")


def test_claims_csv(harbour):
    rows = read_csv(export(exports.export_claims_csv))
    assert list(rows[0]) == exports.CLAIM_COLUMNS
    assert len(rows) == 2
    text = harbour["article"].text
    by_quote = {int(r["quote_id"]): r for r in rows}
    reopen = by_quote[harbour["quotes"][0].pk]
    assert reopen["article_id"] == str(harbour["article"].pk)
    assert reopen["claim_text"] == "reopen in March"
    assert text[int(reopen["start"]) : int(reopen["end"])] == "reopen in March"
    assert (reopen["verdict"], reopen["check_worthy"], reopen["status"]) == (
        "true",
        "true",
        "proposed",
    )
    assert reopen["note"] == '\'=HYPERLINK("http://evil.example")\nchecked with the port'
    crews = by_quote[harbour["quotes"][1].pk]
    assert crews["claim_text"] == "the money\nis secured"
    assert (crews["verdict"], crews["check_worthy"]) == ("unproven", "false")
    raw = read_csv(export(exports.export_claims_csv, raw_formulas=True))
    hostile = '=HYPERLINK("http://evil.example")\nchecked with the port'
    assert {r["note"] for r in raw} == {hostile, ""}


def test_claims_csv_follows_the_quote_filters(harbour):
    rows = read_csv(
        export(exports.export_claims_csv, filters=exports.ExportFilters(status="accepted"))
    )
    assert [int(r["quote_id"]) for r in rows] == [harbour["quotes"][0].pk]


@pytest.fixture
def many_quotes(editor):
    """11 quotes over 4 articles, with speakers, reviewers and claims."""
    quotes = []
    for n in range(4):
        text = "".join(f"“Line {i} of story {n},” Speaker {i} said.\n" for i in range(3))
        article = Article.objects.create(title=f"Story {n}", text=text, outlet="Wire")
        for i in range(3 if n < 3 else 2):
            speaker = Speaker.objects.create(name=f"Speaker {n}-{i}")
            quote = add_quote(
                article,
                [f"Line {i} of story {n}"],
                cue=("said", text.index(f"Speaker {i}")),
                mention=(f"Speaker {i}", 0),
                speaker=speaker,
                reviewed_by=editor,
                reviewed_at=timezone.now(),
            )
            start = quote.content_start
            Claim.objects.create(quote=quote, start=start, end=start + 4)
            quotes.append(quote)
    return quotes


@pytest.mark.parametrize("chunk_size", [3, 5])
def test_quotes_csv_queries_are_bounded_by_chunks(
    many_quotes, chunk_size, django_assert_max_num_queries
):
    pages = math.ceil(len(many_quotes) / chunk_size)
    # Per page: the quotes (speaker and reviewer joined), the articles, the claim counts.
    with django_assert_max_num_queries(3 * pages):
        rows = read_csv(export(chunk_size=chunk_size))
    assert sorted(int(r["quote_id"]) for r in rows) == sorted(q.pk for q in many_quotes)
    assert all(r["claims_count"] == "1" and r["reviewed_by"] == "edna" for r in rows)


def test_claims_csv_queries_are_bounded_by_chunks(many_quotes, django_assert_max_num_queries):
    with django_assert_max_num_queries(3 * math.ceil(len(many_quotes) / 4)):
        rows = read_csv(export(exports.export_claims_csv, chunk_size=4))
    assert len(rows) == len(many_quotes)


def test_quotes_span_pages_without_gaps_or_repeats(many_quotes):
    """Keyset pages: each quote exactly once whatever the page size."""
    for chunk_size in (1, 2, 10, 11, 12):
        ids = [int(r["quote_id"]) for r in read_csv(export(chunk_size=chunk_size))]
        assert ids == sorted(q.pk for q in many_quotes)


def test_sparse_pages_count_and_list_only_the_selected_quotes_claims(many_quotes):
    """Two selected quotes far apart in id order: their claims, and no others."""
    first, last = many_quotes[0], many_quotes[-1]
    Quote.objects.filter(pk__in=[first.pk, last.pk]).update(status=Quote.Status.ACCEPTED)
    Claim.objects.create(quote=last, start=last.content_start + 5, end=last.content_start + 9)
    accepted = exports.ExportFilters(status="accepted")
    rows = read_csv(export(filters=accepted))
    assert {int(r["quote_id"]): r["claims_count"] for r in rows} == {first.pk: "1", last.pk: "2"}
    claims = read_csv(export(exports.export_claims_csv, filters=accepted))
    assert sorted(int(r["quote_id"]) for r in claims) == [first.pk, last.pk, last.pk]
    everything = read_csv(export(exports.export_claims_csv))
    assert len(everything) == len(many_quotes) + 1
