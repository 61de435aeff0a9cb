"""Exports: quotes and claims as CSV, articles with their annotations as JSONL.

Every export is a generator of text chunks, so the site streams it
(``StreamingHttpResponse``) and ``manage.py export_quotes`` writes it as it comes. Rows are
read in keyset-paginated chunks of :data:`CHUNK_SIZE` quotes (by quote id, so every page
is an index range scan) with a fixed number of queries per chunk: the quotes with their
speaker and reviewer joined, the chunk's articles (text and metadata) once, the chunk's
claims or claim counts in one query. A million quotes neither time out nor fill memory
(``bench/export_speed.py``).

Filters (:class:`ExportFilters`): ``status`` and ``speaker`` select quotes; ``outlet``,
``since`` and ``until`` (the article's published date, inclusive; articles without a date
are left out when either is given) select articles. The claims CSV lists the claims of the
selected quotes.

Quotes CSV, one row per quote, in quote id order (the order quotes were made):

    article_id             the article's id
    article_url            the article's URL
    article_title          the article's title
    outlet                 the article's outlet
    published              the article's published date, YYYY-MM-DD (empty if unknown)
    quote_id               the quote's id
    kind                   direct, indirect or mixed
    status                 proposed, accepted or rejected
    origin                 model (the pre-annotator proposed it) or editor (an editor added it)
    confidence             the pre-annotator's confidence in [0, 1] (empty for editors' quotes)
    quote_text             what was said: the content fragments' texts joined with a space
    content_start          start offset of the first content fragment in the article text
    content_end            end offset of the last content fragment
    content_fragments      every fragment as JSON, [[start, end], ...]
    cue_text               the cue ("said", "according to"), empty if none
    cue_start              start offset of the cue (empty if none)
    cue_end                end offset of the cue (empty if none)
    speaker_mention_text   the words naming the source in this article, empty if none
    speaker_mention_start  start offset of the speaker mention (empty if none)
    speaker_mention_end    end offset of the speaker mention (empty if none)
    speaker_id             the canonical speaker's id (empty if not attributed)
    speaker_name           the canonical speaker's name
    speaker_kind           person, organization, anonymous or group
    reviewed_by            username of the editor who last decided on the quote
    reviewed_at            when, ISO 8601 with time zone
    claims_count           number of claims marked inside the quote

Claims CSV, one row per claim, in quote id order then by position:

    claim_id               the claim's id
    quote_id               the quote the claim belongs to
    article_id             the quote's article
    claim_text             the claim's text, text[start:end]
    start                  start offset in the article text
    end                    end offset in the article text
    status                 proposed, accepted or rejected
    origin                 model or editor
    check_worthy           true or false
    verdict                unverified, true, false, misleading or unproven
    note                   the fact-checker's note

Both CSVs are UTF-8 (optionally with a byte order mark, for Excel), quoted per RFC 4180 with
``\\r\\n`` line ends; newlines inside cells are kept inside quoted cells. Offsets are Python
``str`` indices into the article text: ``text[start:end]`` gives the exported text back.

Spreadsheet safety: a text cell that a spreadsheet would run as a formula (it starts with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is prefixed with ``'`` by default, as
OWASP recommends. Such a neutralised cell no longer equals ``text[start:end]``; numbers
(ids, offsets, confidence) are never touched. ``raw_formulas=True`` (``--raw-formulas``,
"keep formulas raw" on the page) writes every text exactly, for programs rather than
spreadsheets.

JSONL, one article per line, is the interchange format described in the README (the same
format ``manage.py import_articles`` reads), complete enough to rebuild every annotation.
"""

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime

from django.core.exceptions import ValidationError
from django.db import connections
from django.db.models import (
    BigIntegerField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    TextField,
)
from django.db.models.functions import Cast

from .models import Article, Claim, Quote, Speaker

# Quotes (or claims) per chunk: one round of queries each. Articles per chunk for JSONL.
CHUNK_SIZE = 2000
ARTICLE_CHUNK_SIZE = 200

QUOTE_COLUMNS = [
    "article_id",
    "article_url",
    "article_title",
    "outlet",
    "published",
    "quote_id",
    "kind",
    "status",
    "origin",
    "confidence",
    "quote_text",
    "content_start",
    "content_end",
    "content_fragments",
    "cue_text",
    "cue_start",
    "cue_end",
    "speaker_mention_text",
    "speaker_mention_start",
    "speaker_mention_end",
    "speaker_id",
    "speaker_name",
    "speaker_kind",
    "reviewed_by",
    "reviewed_at",
    "claims_count",
]

CLAIM_COLUMNS = [
    "claim_id",
    "quote_id",
    "article_id",
    "claim_text",
    "start",
    "end",
    "status",
    "origin",
    "check_worthy",
    "verdict",
    "note",
]

# What a spreadsheet treats as the start of a formula (OWASP "CSV injection").
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

Progress = Callable[[int], None]


def neutralize(value: str) -> str:
    """Prefix a cell a spreadsheet would run as a formula with ``'`` so it shows as text."""
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def _keep(value: str) -> str:
    return value


@dataclass(frozen=True)
class ExportFilters:
    status: str = ""
    outlet: str = ""
    since: date | None = None
    until: date | None = None
    speaker: int | None = None
    reviewed: bool = False  # only articles an editor marked reviewed

    @property
    def selects_quotes(self) -> bool:
        """True when only some quotes of an article are exported."""
        return bool(self.status) or self.speaker is not None

    def article_q(self, prefix: str = "") -> Q:
        q = Q()
        if self.outlet:
            q &= Q(**{f"{prefix}outlet": self.outlet})
        if self.since:
            q &= Q(**{f"{prefix}published__gte": self.since})
        if self.until:
            q &= Q(**{f"{prefix}published__lte": self.until})
        if self.reviewed:
            q &= Q(**{f"{prefix}status": Article.Status.REVIEWED})
        return q

    def quote_q(self, prefix: str = "") -> Q:
        """The quotes these filters select, for a query on quotes (or ``quote__`` from claims)."""
        q = self.article_q(f"{prefix}article__")
        if self.status:
            q &= Q(**{f"{prefix}status": self.status})
        if self.speaker is not None:
            q &= Q(**{f"{prefix}speaker_id": self.speaker})
        return q

    def slug(self) -> str:
        """A short filename part naming the filters, e.g. ``accepted-2024-01-01-to-2024-06-30``."""
        parts = [self.status] if self.status else []
        if self.reviewed:
            parts.append("reviewed")
        if self.speaker is not None:
            parts.append(f"speaker{self.speaker}")
        if self.since:
            parts.append(f"from-{self.since.isoformat()}")
        if self.until:
            parts.append(f"to-{self.until.isoformat()}")
        return "-".join(parts)


def _text_param(data: Mapping[str, object], name: str) -> str:
    value = data.get(name)
    return "" if value is None else str(value).strip()


def _date_param(data: Mapping[str, object], name: str, errors: list[str]) -> date | None:
    value = _text_param(data, name)
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        errors.append(f"{name} must be a date like 2024-05-31, got {value!r}.")
        return None


def parse_filters(data: Mapping[str, object]) -> ExportFilters:
    """Read filters from a query string or command options; errors name the bad value.

    Raises ``ValidationError`` with one message per problem.
    """
    errors: list[str] = []
    status = _text_param(data, "status")
    if status and status not in Quote.Status.values:
        errors.append(f"Unknown status {status!r}: choose one of {', '.join(Quote.Status.values)}.")
    outlet = _text_param(data, "outlet")
    if outlet and not Article.objects.filter(outlet=outlet).exists():
        errors.append(f"No article comes from the outlet {outlet!r}.")
    since = _date_param(data, "since", errors)
    until = _date_param(data, "until", errors)
    if since and until and since > until:
        errors.append(f"since ({since}) is after until ({until}): no article could match.")
    speaker = _speaker_param(_text_param(data, "speaker"), errors)
    reviewed = _text_param(data, "reviewed").lower() in ("1", "true", "on", "yes")
    if errors:
        raise ValidationError(errors)
    return ExportFilters(
        status=status,
        outlet=outlet,
        since=since,
        until=until,
        speaker=speaker,
        reviewed=reviewed,
    )


def _speaker_param(value: str, errors: list[str]) -> int | None:
    """A speaker's name or alias (as the export page's type-ahead offers), or an id."""
    if not value:
        return None
    if value.isascii() and value.isdigit():
        if len(value) < 19 and Speaker.objects.filter(pk=int(value)).exists():
            return int(value)
        errors.append(f"No speaker has the id {value}.")
        return None
    speaker = Speaker.objects.find(value)
    if speaker is None:
        errors.append(f"No speaker is named {value!r} (names and aliases are searched).")
        return None
    return speaker.pk


def _texts(article_ids: Iterable[int]) -> dict[int, str]:
    """The chunk's article texts, each fetched once."""
    return dict(Article.objects.filter(id__in=set(article_ids)).values_list("id", "text"))


def _csv_stream(
    header: list[str], chunks: Iterator[list[list[object]]], bom: bool, progress: Progress | None
) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if bom:
        buffer.write("\ufeff")
    writer.writerow(header)
    # The header goes out before the first query, so a download starts at once.
    yield buffer.getvalue()
    for rows in chunks:
        buffer.seek(0)
        buffer.truncate()
        writer.writerows(rows)
        if progress:
            progress(len(rows))
        yield buffer.getvalue()


def selected_quotes(filters: ExportFilters) -> QuerySet[Quote]:
    """The selected quotes in quote id order, shaped so every page is an index range scan."""
    quotes = Quote.objects.order_by("id")
    if filters.status:
        quotes = quotes.filter(status=filters.status)
    if filters.speaker is not None:
        quotes = quotes.filter(speaker_id=filters.speaker)
    article_q = filters.article_q()
    if article_q:
        # "article_id + 0" keeps SQLite from driving the query from the article index and
        # re-sorting every remaining quote of the outlet for each page; the quote id range
        # stays the way in, and the articles subquery is only a membership test.
        quotes = quotes.alias(
            article_key=ExpressionWrapper(F("article_id") + 0, output_field=BigIntegerField())
        ).filter(article_key__in=Article.objects.filter(article_q).values("id"))
    return quotes


def _fetch(rows: QuerySet) -> list[tuple]:
    """Run an ORM-built query on a plain cursor.

    Django's per-row conversions cost as much as everything else in a million-row export;
    the columns used here are plain numbers and strings, except datetimes (see _iso).
    """
    sql, params = rows.query.get_compiler(using=rows.db).as_sql()
    with connections[rows.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _pages(rows: QuerySet, chunk_size: int) -> Iterator[list[tuple]]:
    """Keyset pagination on the id in the first column: one bounded query per page."""
    last_id = None
    while True:
        page = _fetch((rows if last_id is None else rows.filter(id__gt=last_id))[:chunk_size])
        if page:
            yield page
        if len(page) < chunk_size:
            return
        last_id = page[-1][0]


# The raw SELECT lists model columns in this order and annotations last: keep
# "fragments_json" (an annotation) at the end so the tuples match.
_QUOTE_FIELDS = (
    "id",
    "article_id",
    "kind",
    "status",
    "origin",
    "confidence",
    "content_start",
    "content_end",
    "cue_start",
    "cue_end",
    "speaker_mention_start",
    "speaker_mention_end",
    "speaker_id",
    "speaker__name",
    "speaker__kind",
    "reviewed_by__username",
    "reviewed_at",
    "fragments_json",
)


def _among(ids: list[int], field: str = "quote_id") -> Q:
    """A page's quote ids (ascending) as a range when dense, which is cheap to build and to
    run, else as a list, so that a sparse page never pulls in unselected quotes' claims."""
    if ids[-1] - ids[0] < 4 * len(ids):
        return Q(**{f"{field}__gte": ids[0], f"{field}__lte": ids[-1]})
    return Q(**{f"{field}__in": ids})


def _iso(value: datetime | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:  # SQLite keeps datetimes as naive UTC
        value = value.replace(tzinfo=UTC)
    return value.isoformat()


def _fragments(raw: str, start: int, end: int) -> tuple[list[list[int]], str]:
    """The fragments and their compact JSON, from the column's JSON text."""
    # Nearly every quote has one fragment, its outer bounds: skip parsing JSON for those.
    if raw.count("[") == 2:
        return [[start, end]], f"[[{start},{end}]]"
    fragments = json.loads(raw)
    return fragments, json.dumps(fragments, separators=(",", ":"))


def _quote_rows(filters: ExportFilters, chunk_size: int, raw: bool) -> Iterator[list[list]]:
    cell = _keep if raw else neutralize
    # str.startswith(()) is always False: with raw formulas nothing is prefixed. Inline
    # checks rather than calls to neutralize(): this loop runs once per quote.
    hostile = () if raw else FORMULA_PREFIXES
    quotes = (
        selected_quotes(filters)
        .annotate(fragments_json=Cast("content_fragments", output_field=TextField()))
        .values_list(*_QUOTE_FIELDS)
    )
    for page in _pages(quotes, chunk_size):
        articles = {
            article_id: (text, [article_id, cell(url), cell(title), cell(outlet), published])
            for article_id, text, url, title, outlet, published in Article.objects.filter(
                id__in={row[1] for row in page}
            ).values_list("id", "text", "url", "title", "outlet", "published")
        }
        for _text, columns in articles.values():
            columns[4] = columns[4].isoformat() if columns[4] else ""
        claims = dict(
            Claim.objects.filter(_among([row[0] for row in page]))
            .order_by()
            .values("quote_id")
            .annotate(n=Count("id"))
            .values_list("quote_id", "n")
        )
        rows = []
        for (
            quote_id,
            article_id,
            kind,
            status,
            origin,
            confidence,
            content_start,
            content_end,
            cue_start,
            cue_end,
            mention_start,
            mention_end,
            speaker_id,
            speaker_name,
            speaker_kind,
            reviewer,
            reviewed_at,
            fragments_json,
        ) in page:
            text, article_columns = articles[article_id]
            fragments, fragments_json = _fragments(fragments_json, content_start, content_end)
            if len(fragments) == 1:
                quote_text = text[content_start:content_end]
            else:
                quote_text = " ".join(text[s:e] for s, e in fragments)
            if quote_text.startswith(hostile):
                quote_text = "'" + quote_text
            cue_text = text[cue_start:cue_end] if cue_start is not None else ""
            if cue_text.startswith(hostile):
                cue_text = "'" + cue_text
            mention_text = text[mention_start:mention_end] if mention_start is not None else ""
            if mention_text.startswith(hostile):
                mention_text = "'" + mention_text
            if speaker_name and speaker_name.startswith(hostile):
                speaker_name = "'" + speaker_name
            if reviewer and reviewer.startswith(hostile):
                reviewer = "'" + reviewer
            rows.append(
                [
                    *article_columns,
                    quote_id,
                    kind,
                    status,
                    origin,
                    confidence,
                    quote_text,
                    content_start,
                    content_end,
                    fragments_json,
                    cue_text,
                    cue_start,
                    cue_end,
                    mention_text,
                    mention_start,
                    mention_end,
                    speaker_id,
                    speaker_name,
                    speaker_kind,
                    reviewer,
                    _iso(reviewed_at),
                    claims.get(quote_id, 0),
                ]
            )
        yield rows


def export_quotes_csv(
    filters: ExportFilters = ExportFilters(),  # noqa: B008 (frozen, so a safe default)
    *,
    raw_formulas: bool = False,
    bom: bool = False,
    chunk_size: int | None = None,
    progress: Progress | None = None,
) -> Iterator[str]:
    """The quotes CSV as text chunks; ``progress`` is called with each chunk's row count."""
    rows = _quote_rows(filters, chunk_size or CHUNK_SIZE, raw_formulas)
    return _csv_stream(QUOTE_COLUMNS, rows, bom, progress)


def _claim_rows(filters: ExportFilters, chunk_size: int, raw: bool) -> Iterator[list[list]]:
    # Paged through the selected quotes, like the quotes CSV: the claims of a page of
    # quotes are few, and the quote id range keeps every query an index range scan.
    cell = _keep if raw else neutralize
    for page in _pages(selected_quotes(filters).values_list("id", "article_id"), chunk_size):
        article_of = dict(page)
        claims = _fetch(
            Claim.objects.filter(_among([quote_id for quote_id, _ in page]))
            .order_by("quote_id", "start", "id")
            .values_list(
                "id",
                "quote_id",
                "start",
                "end",
                "status",
                "origin",
                "check_worthy",
                "verdict",
                "note",
            )
        )
        claims = [claim for claim in claims if claim[1] in article_of]  # a range holds others
        if not claims:
            continue
        texts = _texts(article_of[claim[1]] for claim in claims)
        yield [
            [
                claim_id,
                quote_id,
                article_of[quote_id],
                cell(texts[article_of[quote_id]][start:end]),
                start,
                end,
                status,
                origin,
                "true" if check_worthy else "false",
                verdict,
                cell(note),
            ]
            for (
                claim_id,
                quote_id,
                start,
                end,
                status,
                origin,
                check_worthy,
                verdict,
                note,
            ) in claims
        ]


def export_claims_csv(
    filters: ExportFilters = ExportFilters(),  # noqa: B008 (frozen, so a safe default)
    *,
    raw_formulas: bool = False,
    bom: bool = False,
    chunk_size: int | None = None,
    progress: Progress | None = None,
) -> Iterator[str]:
    """The claims CSV (claims of the selected quotes) as text chunks."""
    rows = _claim_rows(filters, chunk_size or CHUNK_SIZE, raw_formulas)
    return _csv_stream(CLAIM_COLUMNS, rows, bom, progress)


def _json_line(obj: dict) -> str:
    line = json.dumps(obj, ensure_ascii=False)
    # JSON allows these raw inside strings, but str.splitlines() would break the line there.
    for char, escape in (("\u2028", "\\u2028"), ("\u2029", "\\u2029"), ("\x85", "\\u0085")):
        if char in line:
            line = line.replace(char, escape)
    return line + "\n"


def _span(start: int | None, end: int | None) -> list[int] | None:
    return None if start is None else [start, end]


def export_jsonl(
    filters: ExportFilters = ExportFilters(),  # noqa: B008 (frozen, so a safe default)
    *,
    chunk_size: int | None = None,
    progress: Progress | None = None,
) -> Iterator[str]:
    """Articles with their speakers, quotes and claims, one JSON object per line.

    Without quote filters every article is exported, with or without quotes (a complete
    copy). With ``status`` or ``speaker``, an article line carries only the matching quotes,
    and articles without any are left out. ``chunk_size`` counts articles here.
    """
    chunk_size = chunk_size or ARTICLE_CHUNK_SIZE
    articles = Article.objects.filter(filters.article_q()).order_by("id")
    if filters.selects_quotes:
        articles = articles.filter(
            Exists(Quote.objects.filter(filters.quote_q(), article_id=OuterRef("pk")))
        )
    articles = articles.values_list(
        "id", "title", "text", "outlet", "url", "author", "published", "status"
    )
    last_id = 0
    while True:
        page = list(articles.filter(id__gt=last_id)[:chunk_size])
        if not page:
            return
        article_ids = [row[0] for row in page]
        quote_q = filters.quote_q() & Q(article_id__in=article_ids)
        quotes = _fetch(
            Quote.objects.filter(quote_q)
            .order_by("article_id", "content_start", "id")
            .annotate(fragments_json=Cast("content_fragments", output_field=TextField()))
            .values_list(
                "id",
                "article_id",
                "kind",
                "status",
                "origin",
                "confidence",
                "model_version",
                "content_start",
                "content_end",
                "cue_start",
                "cue_end",
                "speaker_mention_start",
                "speaker_mention_end",
                "speaker_id",
                "reviewed_by__username",
                "reviewed_at",
                "speaker_antecedent_start",
                "speaker_antecedent_end",
                "fragments_json",  # annotations come last in the SELECT
            )
        )
        claims: dict[int, list[tuple]] = {}
        for claim in _fetch(
            Claim.objects.filter(filters.quote_q("quote__"), quote__article_id__in=article_ids)
            .order_by("quote_id", "start", "id")
            .values_list(
                "quote_id",
                "id",
                "start",
                "end",
                "status",
                "origin",
                "check_worthy",
                "verdict",
                "note",
            )
        ):
            claims.setdefault(claim[0], []).append(claim[1:])
        speakers = {
            row[0]: {
                "id": row[0],
                "name": row[1],
                "kind": row[2],
                "aliases": row[3],
                "role": row[4],
                "organization": row[5],
            }
            for row in Speaker.objects.filter(
                id__in={q[13] for q in quotes if q[13] is not None}
            ).values_list("id", "name", "kind", "aliases", "role", "organization")
        }
        by_article: dict[int, list[tuple]] = {}
        for quote in quotes:
            by_article.setdefault(quote[1], []).append(quote)
        lines = []
        for article_id, title, text, outlet, url, author, published, status in page:
            article_quotes = by_article.get(article_id, [])
            speaker_ids = dict.fromkeys(q[13] for q in article_quotes if q[13] is not None)
            lines.append(
                _json_line(
                    {
                        # Joins with the CSV's article_id; ignored on import (ids are new).
                        "id": article_id,
                        "title": title,
                        "text": text,
                        "outlet": outlet,
                        "url": url,
                        "author": author,
                        "published": published.isoformat() if published else None,
                        "status": status,
                        "speakers": [speakers[s] for s in speaker_ids],
                        "quotes": [_quote_json(q, text, claims) for q in article_quotes],
                    }
                )
            )
        if progress:
            progress(len(lines))
        yield "".join(lines)
        if len(page) < chunk_size:
            return
        last_id = page[-1][0]


def _quote_json(quote: tuple, text: str, claims: Mapping[int, list[tuple]]) -> dict:
    (
        quote_id,
        _article_id,
        kind,
        status,
        origin,
        confidence,
        model_version,
        content_start,
        content_end,
        cue_start,
        cue_end,
        mention_start,
        mention_end,
        speaker_id,
        reviewer,
        reviewed_at,
        antecedent_start,
        antecedent_end,
        fragments_json,
    ) = quote
    fragments, _ = _fragments(fragments_json, content_start, content_end)
    return {
        "id": quote_id,
        "kind": kind,
        "status": status,
        "origin": origin,
        "confidence": confidence,
        "model_version": model_version,
        "content_fragments": fragments,
        "content_text": " ".join(text[s:e] for s, e in fragments),
        "cue": _span(cue_start, cue_end),
        "cue_text": text[cue_start:cue_end] if cue_start is not None else "",
        "speaker_mention": _span(mention_start, mention_end),
        "speaker_mention_text": text[mention_start:mention_end]
        if mention_start is not None
        else "",
        "speaker_antecedent": _span(antecedent_start, antecedent_end),
        "speaker_antecedent_text": text[antecedent_start:antecedent_end]
        if antecedent_start is not None
        else "",
        "speaker_id": speaker_id,
        "reviewed_by": reviewer,
        "reviewed_at": _iso(reviewed_at) or None,
        "claims": [
            {
                "id": claim_id,
                "start": start,
                "end": end,
                "text": text[start:end],
                "status": claim_status,
                "origin": claim_origin,
                "check_worthy": bool(check_worthy),  # SQLite gives 0 or 1 on a plain cursor
                "verdict": verdict,
                "note": note,
            }
            for (
                claim_id,
                start,
                end,
                claim_status,
                claim_origin,
                check_worthy,
                verdict,
                note,
            ) in claims.get(quote_id, [])
        ],
    }
