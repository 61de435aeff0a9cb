"""Full-text search over quotes, the same on PostgreSQL and SQLite.

:func:`search_quotes` turns :class:`SearchFilters` into a queryset of quotes, ranked by
relevance then by publication date when there are words to search for, newest first
otherwise. Each result carries ``headline``: its words with the matches between
:data:`MARK_START` and :data:`MARK_STOP`, which :func:`highlight` turns into escaped HTML.

The query language is the web-search one of PostgreSQL's ``websearch_to_tsquery``: words
must all appear (in any form: "hiring" finds "hire"), ``"a phrase"`` must appear as written,
``or`` between words accepts either, and ``-word`` excludes quotes with that word.

- PostgreSQL: ``search_vector @@ websearch_to_tsquery('english', q)`` on the GIN-indexed
  generated column, ranked with ``ts_rank``, highlighted with ``ts_headline``.
- SQLite: the same query translated to FTS5 syntax by :func:`fts5_query` and matched
  against the FTS5 table (see :mod:`annotations.search_index`), ranked with ``bm25``,
  highlighted with FTS5's ``highlight``.
"""

import re
from dataclasses import dataclass
from datetime import date

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import Exists, F, OuterRef, QuerySet, Subquery
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import Claim, Quote, normalize_name
from .search_index import FTS_TABLE
from .search_vector import SEARCH_CONFIG

# Private-use characters: they never occur in news text, so they can mark the matches in
# the database's output and be swapped for <mark> after everything else is escaped.
MARK_START = "\ue000"
MARK_STOP = "\ue001"
MAX_QUERY_LENGTH = 500

ANY_STATUS = "any"


@dataclass(frozen=True)
class SearchFilters:
    q: str = ""
    speaker: str = ""  # a name or alias, or part of one
    speaker_id: int | None = None
    speaker_kind: str = ""
    outlet: str = ""
    since: date | None = None
    until: date | None = None
    kind: str = ""
    status: str = Quote.Status.ACCEPTED  # or ANY_STATUS
    has_claims: bool = False


def search_quotes(
    filters: SearchFilters,
    quotes: QuerySet[Quote] | None = None,
    *,
    rank_at_most: int | None = None,
) -> QuerySet:
    """The quotes matching ``filters``, best first, with ``rank`` and ``headline``.

    ``rank_at_most`` bounds the work of a frequent word on PostgreSQL: ranking reads every
    matching row (the GIN index finds rows, it cannot order them), so with more matches than
    this only the first ``rank_at_most`` the index yields are ranked and returned. With fewer
    matches nothing changes. The search page, which counts no further either, uses it; the
    API, where programs page through every match, does not.
    """
    quotes = (Quote.objects.all() if quotes is None else quotes).select_related(
        "article", "speaker"
    )
    quotes = quotes.defer("search_vector", "article__text_hash")
    if filters.status and filters.status != ANY_STATUS:
        quotes = quotes.filter(status=filters.status)
    if filters.kind:
        quotes = quotes.filter(kind=filters.kind)
    if filters.speaker_id is not None:
        quotes = quotes.filter(speaker_id=filters.speaker_id)
    if filters.speaker:
        key = normalize_name(filters.speaker)
        if key:
            quotes = quotes.filter(speaker__search_names__contains=key)
    if filters.speaker_kind:
        quotes = quotes.filter(speaker__kind=filters.speaker_kind)
    if filters.outlet:
        quotes = quotes.filter(article__outlet=filters.outlet)
    if filters.since:
        quotes = quotes.filter(article__published__gte=filters.since)
    if filters.until:
        quotes = quotes.filter(article__published__lte=filters.until)
    if filters.has_claims:
        quotes = quotes.filter(Exists(Claim.objects.filter(quote=OuterRef("pk"))))
    newest = (F("article__published").desc(nulls_last=True), "-article_id", "content_start")
    q = filters.q.strip()
    if not q:
        return quotes.order_by(*newest, "id")
    if connection.vendor == "postgresql":
        quotes = _match_postgresql(quotes, q, rank_at_most)
    else:
        match = fts5_query(q)
        if not match:
            return quotes.none()
        quotes = _match_sqlite(quotes, match)
    return quotes.order_by("-rank", *newest, "id")


def _match_postgresql(quotes: QuerySet, q: str, rank_at_most: int | None) -> QuerySet:
    query = SearchQuery(q, search_type="websearch", config=SEARCH_CONFIG)
    matching = quotes.filter(search_vector=query)
    if rank_at_most is not None:
        # Without an order the scan stops after rank_at_most matches instead of reading all
        # (ordered by anything, every match is read first). Which ones: see search_page.
        first = matching.order_by().values("pk")[:rank_at_most]
        matching = quotes.filter(pk__in=Subquery(first))
    return matching.annotate(
        rank=SearchRank(F("search_vector"), query),
        headline=SearchHeadline(
            "search_text",
            query,
            config=SEARCH_CONFIG,
            start_sel=MARK_START,
            stop_sel=MARK_STOP,
            highlight_all=True,
        ),
    )


def _match_sqlite(quotes: QuerySet, match: str) -> QuerySet:
    # A join with the FTS5 table: bm25() and highlight() only work in the query that
    # matches it. bm25 is lower for better matches, so rank is its negation.
    return quotes.extra(
        tables=[FTS_TABLE],
        where=[f"{FTS_TABLE}.rowid = annotations_quote.id", f"{FTS_TABLE} MATCH %s"],
        params=[match],
        select={
            "rank": f"-bm25({FTS_TABLE})",
            "headline": f"highlight({FTS_TABLE}, 0, %s, %s)",
        },
        select_params=[MARK_START, MARK_STOP],
    )


_TOKENS = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORDS = re.compile(r"\w+")


def fts5_query(q: str) -> str:
    """``q`` in web-search syntax as an FTS5 query; empty if it has nothing to search for.

    Every word becomes an FTS5 string (so no character of ``q`` is ever FTS5 syntax),
    ``"..."`` a phrase, ``or`` an OR, a leading ``-`` a NOT. AND binds tighter than OR, as
    in PostgreSQL. A clause with only excluded words has nothing to match and is dropped.
    """
    clauses: list[tuple[list[str], list[str]]] = [([], [])]
    for match in _TOKENS.finditer(q[:MAX_QUERY_LENGTH]):
        negated, phrase, word = match.group(1), match.group(2), match.group(3)
        if word is not None:
            if word.lower() == "or":
                clauses.append(([], []))
                continue
            negated = "-" if word.startswith("-") else ""
            phrase = word.lstrip("-")
        words = _WORDS.findall(phrase)
        if not words:
            continue
        term = '"' + " ".join(words) + '"'
        clauses[-1][1 if negated else 0].append(term)
    parts = []
    for positives, negatives in clauses:
        if positives:
            parts.append(
                "(" + " AND ".join(positives) + ")" + "".join(f" NOT {n}" for n in negatives)
            )
    return " OR ".join(parts)


def highlight(headline: str) -> SafeString:
    """The database's marked-up text as HTML: everything escaped, matches in ``<mark>``."""
    out = []
    for i, part in enumerate(headline.split(MARK_START)):
        if i == 0:
            out.append(escape(part.replace(MARK_STOP, "")))
            continue
        marked, _, rest = part.partition(MARK_STOP)
        out.append(f"<mark>{escape(marked)}</mark>{escape(rest.replace(MARK_STOP, ''))}")
    return mark_safe("".join(out))


def with_highlights(quotes) -> list[Quote]:
    """The quotes as a list, each with ``highlighted``: its words as HTML, matches marked."""
    quotes = list(quotes)
    for quote in quotes:
        headline = getattr(quote, "headline", None)
        quote.highlighted = highlight(headline if headline is not None else quote.search_text)
    return quotes
