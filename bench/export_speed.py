"""Export speed: stream a million quotes as CSV and print rows per second and peak memory.

    .venv/bin/python bench/export_speed.py                      # 20,000 articles x 50 quotes
    .venv/bin/python bench/export_speed.py --format jsonl       # or claims
    .venv/bin/python bench/export_speed.py --articles 2000      # a smaller run
    DATABASE_URL=postgres://... .venv/bin/python bench/export_speed.py --database-url ...

The data goes into a SQLite file in /tmp (kept between runs, rebuilt when the sizes change)
or into the database given with --database-url (it must be empty or hold only this
benchmark's data). Building a million quotes takes a few minutes; it runs in a child process
so that the export's peak RSS is measured on its own. Target on a 2-core machine: the million
rows in under 60 s with a peak RSS under 200 MB.
"""

import argparse
import os
import resource
import subprocess
import sys
import time

from _django import setup_django

DEFAULT_DB = "/tmp/newsdesk_export_bench_{articles}x{quotes}.sqlite3"
SPEAKERS = 500


def article_text(number: int, quotes: int) -> tuple[str, list[tuple[int, int, int, int]]]:
    """A made-up article with ``quotes`` direct quotes; returns the text and each quote's
    (content start, content end, cue start, mention start)."""
    parts: list[str] = [f"Report number {number} on the city budget.\n\n"]
    offset = len(parts[0])
    spans = []
    for i in range(quotes):
        said = f"We will fund {i + 1} new projects in district {number % 97}"
        name = f"Councillor {chr(65 + i % 26)}. Example"
        sentence = f"“{said},” {name} said. "
        content_start = offset + 1
        content_end = content_start + len(said)
        mention_start = content_end + 3
        cue_start = mention_start + len(name) + 1
        spans.append((content_start, content_end, cue_start, mention_start))
        if i % 10 == 9:
            sentence += "\n\n"
        parts.append(sentence)
        offset += len(sentence)
    return "".join(parts), spans


def build(articles: int, quotes_per_article: int) -> None:
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from annotations.models import Article, Claim, Quote, Speaker, text_fingerprint

    call_command("migrate", verbosity=0)
    if Quote.objects.count() == articles * quotes_per_article:
        analyze()
        return
    if Article.objects.exists():
        sys.exit("The database already holds other data: give an empty one (or a new file).")
    started = time.perf_counter()
    reviewer = User.objects.create_user("bench-reviewer")
    speakers = Speaker.objects.bulk_create(
        Speaker(
            name=f"Speaker {i}",
            normalized_name=f"speaker {i}",
            search_names=f"|speaker {i}|",
            kind=Speaker.Kind.PERSON,
        )
        for i in range(SPEAKERS)
    )
    now = timezone.now()
    batch = 500
    for first in range(0, articles, batch):
        with transaction.atomic():
            texts = {}
            new_articles = []
            for number in range(first, min(first + batch, articles)):
                text, spans = article_text(number, quotes_per_article)
                texts[number] = spans
                new_articles.append(
                    Article(
                        title=f"Report {number}: =the budget",
                        text=text,
                        text_hash=text_fingerprint(text),
                        outlet=f"Outlet {number % 7}",
                        url=f"https://example.com/bench/{number}",
                        published=f"2024-{1 + number % 12:02d}-{1 + number % 28:02d}",
                        status=Article.Status.IN_REVIEW,
                    )
                )
            created = Article.objects.bulk_create(new_articles)
            quotes = []
            for article, number in zip(created, texts, strict=True):
                for i, (cs, ce, cue, mention) in enumerate(texts[number]):
                    decided = i % 3 != 0
                    quotes.append(
                        Quote(
                            article=article,
                            content_fragments=[[cs, ce]],
                            content_start=cs,
                            content_end=ce,
                            cue_start=cue,
                            cue_end=cue + 4,
                            speaker_mention_start=mention,
                            speaker_mention_end=cue - 1,
                            speaker=speakers[(number + i) % SPEAKERS],
                            kind=Quote.Kind.DIRECT,
                            status=Quote.Status.ACCEPTED if decided else Quote.Status.PROPOSED,
                            origin=Quote.Origin.MODEL,
                            confidence=0.5 + (i % 50) / 100,
                            model_version="bench",
                            reviewed_by=reviewer if decided else None,
                            reviewed_at=now if decided else None,
                        )
                    )
            quotes = Quote.objects.bulk_create(quotes, batch_size=5000)
            Claim.objects.bulk_create(
                (
                    Claim(quote=q, start=q.content_start, end=q.content_start + 7)
                    for q in quotes[::5]
                ),
                batch_size=5000,
            )
        done = min(first + batch, articles)
        print(
            f"  built {done:,} / {articles:,} articles ({time.perf_counter() - started:.0f} s)",
            file=sys.stderr,
            flush=True,
        )
    analyze()


def analyze() -> None:
    """Fresh planner statistics, as autovacuum would have them on a live PostgreSQL."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure(fmt: str, status: str) -> None:
    from annotations import exports
    from annotations.models import Quote

    filters = exports.parse_filters({"status": status})
    baseline = peak_rss_mb()
    rows = 0

    def count(n: int) -> None:
        nonlocal rows
        rows += n

    if fmt == "csv":
        chunks = exports.export_quotes_csv(filters, progress=count)
    elif fmt == "claims":
        chunks = exports.export_claims_csv(filters, progress=count)
    else:
        chunks = exports.export_jsonl(filters, progress=count)
    started = time.perf_counter()
    cpu_started = cpu_seconds()
    written = 0
    with open(os.devnull, "w", encoding="utf-8", newline="") as out:
        for chunk in chunks:
            written += out.write(chunk)
    seconds = time.perf_counter() - started
    cpu = cpu_seconds() - cpu_started
    unit = "articles" if fmt == "jsonl" else "rows"
    print(f"load average (1 min) at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"quotes in database: {Quote.objects.count():,}")
    print(f"format: {fmt}{f' (status={status})' if status else ''}")
    print(f"exported {unit}: {rows:,}  ({written / 1e6:,.0f} MB of text)")
    print(f"total seconds: {seconds:.1f} (CPU time of this process: {cpu:.1f} s)")
    print(f"{unit} per second: {rows / seconds:,.0f}")
    print(f"peak RSS: {peak_rss_mb():.0f} MB (after Django setup: {baseline:.0f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--quotes-per-article", type=int, default=50)
    parser.add_argument("--format", choices=["csv", "claims", "jsonl"], default="csv")
    parser.add_argument("--status", default="", help="export only quotes with this status")
    parser.add_argument("--database-url", help="default: a SQLite file in /tmp, cached")
    parser.add_argument("--build-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    database_url = args.database_url or "sqlite:///" + DEFAULT_DB.format(
        articles=args.articles, quotes=args.quotes_per_article
    )
    if args.build_only:
        setup_django(database_url)
        build(args.articles, args.quotes_per_article)
        return
    # Build in a child process: its memory must not count towards the export's peak RSS.
    subprocess.run(
        [
            sys.executable,
            __file__,
            "--build-only",
            f"--articles={args.articles}",
            f"--quotes-per-article={args.quotes_per_article}",
            f"--database-url={database_url}",
        ],
        check=True,
    )
    setup_django(database_url)
    measure(args.format, args.status)


if __name__ == "__main__":
    main()
