"""Search speed: 50 different searches over a million quotes; median and p95, with and
without filters, as the search page runs them (the count, then the first page of 20 with
highlights; the page counts up to 10,001 matches).

    .venv/bin/python bench/search_speed.py --database-url postgres://postgres@127.0.0.1:5432/newsdesk_search_bench
    .venv/bin/python bench/search_speed.py                    # SQLite (FTS5), file in /tmp
    .venv/bin/python bench/search_speed.py --quotes 100000    # a smaller run

The database must be empty or hold only this benchmark's data (it is kept between runs and
rebuilt when the size changes). Quotes are made-up sentences of 8 to 20 words drawn with a
Zipf distribution from 5,000 invented words plus English function words, 50 quotes per
article, 40 outlets, dates over four years, 2,000 speakers of each kind. The searches: 20
single words from frequent to rare, 10 pairs of words, 10 phrases taken from the data, 5
"a or b" and 5 "a -b". Target: p95 < 200 ms on PostgreSQL on a 2-core machine.
"""

import argparse
import datetime
import random
import statistics
import sys
import time

from _django import setup_django

DEFAULT_DB = "/tmp/newsdesk_search_bench_{quotes}.sqlite3"
QUOTES_PER_ARTICLE = 50
VOCABULARY = 5000
OUTLETS = 40
SPEAKERS = 2000
FUNCTION_WORDS = [
    "the",
    "a",
    "we",
    "will",
    "not",
    "be",
    "is",
    "are",
    "to",
    "of",
    "and",
    "in",
    "that",
    "it",
    "for",
    "on",
    "with",
    "as",
    "this",
]
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ne",
    "ru",
    "sa",
    "ti",
    "vo",
    "pe",
    "dra",
    "ston",
    "mel",
    "quin",
    "bar",
    "tel",
    "fos",
    "gri",
    "han",
    "jul",
    "wex",
]


def vocabulary() -> list[str]:
    rng = random.Random(7)
    words: list[str] = []
    seen = set()
    while len(words) < VOCABULARY:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


def sentences(total: int, words: list[str]):
    rng = random.Random(11)
    weights = [1 / (rank + 1) for rank in range(len(words))]
    for _ in range(total):
        n = rng.randint(8, 20)
        content = rng.choices(words, weights, k=n)
        for i in range(0, n, 3):
            content.insert(i, rng.choice(FUNCTION_WORDS))
        yield " ".join(content).capitalize() + "."


COLUMNS = (
    "article_id, content_fragments, content_start, content_end, search_text, speaker_id, "
    "status, kind, origin, model_version, version, created_at, updated_at"
)


def insert_quotes(connection, rows: list[tuple], now) -> None:
    """Quotes straight into the table (COPY on PostgreSQL): save() and its checks would
    make building a million of them take an hour."""
    full = [(*row, "direct", "model", "bench", 1, now, now) for row in rows]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY annotations_quote ({COLUMNS}) FROM STDIN") as copy:
                for row in full:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * 13)
            sql = f"INSERT INTO annotations_quote ({COLUMNS}) VALUES ({marks})"
            cursor.executemany(sql, full)


def build(total: int) -> None:
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    from annotations.models import Article, Quote, Speaker, text_fingerprint
    from annotations.search_index import drop_search_index, ensure_search_index

    call_command("migrate", verbosity=0)
    if Quote.objects.count() == total:
        return
    if Article.objects.exists():
        sys.exit("The database already holds other data: give an empty one (or a new file).")
    started = time.perf_counter()
    kinds = list(Speaker.Kind.values)
    speakers = Speaker.objects.bulk_create(
        Speaker(
            name=f"Speaker {i}",
            normalized_name=f"speaker {i}",
            search_names=f"|speaker {i}|",
            kind=kinds[i % len(kinds)],
        )
        for i in range(SPEAKERS)
    )
    # Building the index once at the end is much faster than keeping it up to date row by row.
    drop_search_index(connection)
    words = vocabulary()
    source = sentences(total, words)
    rng = random.Random(3)
    first_day = datetime.date(2021, 1, 1)
    now = timezone.now()
    articles = total // QUOTES_PER_ARTICLE
    for first in range(0, articles, 200):
        with transaction.atomic():
            batch = []
            for number in range(first, min(first + 200, articles)):
                said = [next(source) for _ in range(QUOTES_PER_ARTICLE)]
                text = "".join(f"“{s}” someone said. " for s in said)
                batch.append(
                    (
                        Article(
                            title=f"Article {number}",
                            text=text,
                            text_hash=text_fingerprint(text),
                            outlet=f"Outlet {number % OUTLETS}",
                            published=first_day + datetime.timedelta(days=number % 1460),
                            status=Article.Status.REVIEWED,
                        ),
                        said,
                    )
                )
            Article.objects.bulk_create([article for article, _ in batch])
            rows = []
            for article, said in batch:
                offset = 0
                for s in said:
                    start = offset + 1
                    status = "accepted" if rng.random() < 0.7 else "proposed"
                    speaker = rng.choice(speakers).pk
                    fragments = f"[[{start}, {start + len(s)}]]"
                    rows.append((article.pk, fragments, start, start + len(s), s, speaker, status))
                    offset += len(f"“{s}” someone said. ")
            insert_quotes(connection, rows, now)
        done = min(first + 200, articles) * QUOTES_PER_ARTICLE
        print(f"\r  built {done:,} quotes", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    ensure_search_index(connection)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"Built {total:,} quotes in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def searches(words: list[str]) -> list[str]:
    """50 different searches, from frequent words to rare ones and phrases."""
    rng = random.Random(5)
    ranks = [10, 20, 30, 50, 75, 100, 150, 200, 300, 400, 500, 700, 900, 1200, 1500, 2000,
             2500, 3000, 4000, 4900]  # fmt: skip
    queries = [words[r] for r in ranks]
    queries += [f"{words[rng.randint(20, 500)]} {words[rng.randint(20, 2000)]}" for _ in range(10)]
    phrase_source = sentences(200, words)
    for sentence in list(phrase_source)[::20]:
        content = [w for w in sentence.rstrip(".").lower().split() if w not in FUNCTION_WORDS]
        i = rng.randint(0, len(content) - 2)
        queries.append(f'"{content[i]} {content[i + 1]}"')
    queries += [
        f"{words[rng.randint(100, 1000)]} or {words[rng.randint(100, 1000)]}" for _ in range(5)
    ]
    queries += [f"{words[rng.randint(30, 300)]} -{words[rng.randint(10, 100)]}" for _ in range(5)]
    assert len(set(queries)) == 50, queries
    return queries


def run_search(filters) -> int:
    from annotations.views.search import search_page

    return search_page(filters, 1).paginator.count


def measure(queries: list[str], with_filters: bool) -> tuple[list[float], list[int]]:
    from annotations.search import ANY_STATUS, SearchFilters

    timings, counts = [], []
    for n, q in enumerate(queries):
        if with_filters:
            filters = SearchFilters(
                q=q,
                status="accepted",
                outlet=f"Outlet {n % OUTLETS}",
                since=datetime.date(2022, 1, 1),
                until=datetime.date(2023, 12, 31),
                speaker_kind="person",
            )
        else:
            filters = SearchFilters(q=q, status=ANY_STATUS)
        started = time.perf_counter()
        counts.append(run_search(filters))
        timings.append((time.perf_counter() - started) * 1000)
    return timings, counts


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    url = args.database_url or "sqlite:///" + DEFAULT_DB.format(quotes=args.quotes)
    setup_django(url)
    from django.db import connection

    build(args.quotes)
    queries = searches(vocabulary())
    run_search(__import__("annotations.search").search.SearchFilters(q="warm up"))
    print(f"{connection.vendor}, {args.quotes:,} quotes, 50 searches (count + first page of 20)")
    for with_filters in (False, True):
        timings, counts = measure(queries, with_filters)
        label = "with filters   " if with_filters else "without filters"
        print(
            f"  {label}: median {statistics.median(timings):6.1f} ms   p95 {p95(timings):6.1f} ms"
            f"   max {max(timings):6.1f} ms   matches median {int(statistics.median(counts)):,}"
            f", max {max(counts):,}"
        )
    slowest = sorted(zip(*measure(queries, False), queries, strict=True), reverse=True)[:3]
    for ms, count, q in slowest:
        print(f"  slowest: {q!r}: {ms:.0f} ms, {count:,} matches")


if __name__ == "__main__":
    main()
