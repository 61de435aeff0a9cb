"""Dashboard and speakers pages at scale: queries per page and render time as the data grows.

    .venv/bin/python bench/dashboard_speed.py                    # 2,000 articles x 50 quotes
    .venv/bin/python bench/dashboard_speed.py --articles 200     # a smaller run
    .venv/bin/python bench/dashboard_speed.py --database-url postgres://postgres@127.0.0.1/bench

Builds made-up data (a SQLite file in /tmp, rebuilt when the sizes change, or the empty
database given with --database-url), then renders each page a few times through Django's
test client and prints the number of SQL queries and the median time. The query count must
not grow with the data; the time is a figure to watch, not a pass/fail test.
"""

import argparse
import statistics
import time

import _django

DEFAULT_DB = "/tmp/newsdesk_dashboard_bench_{articles}x{quotes}.sqlite3"
SPEAKERS = 2000
OUTLETS = 12
RUNS = 5


def setup_django(database_url: str) -> None:
    _django.setup_django(database_url)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build(articles: int, quotes_per_article: int) -> None:
    from django.db import transaction

    from annotations.models import Article, Quote, Speaker, normalize_name

    if Article.objects.exists():
        return
    kinds = ["person", "person", "organization", "anonymous", "group"]
    speakers = Speaker.objects.bulk_create(
        Speaker(
            name=f"Source {i}",
            normalized_name=normalize_name(f"Source {i}"),
            search_names=f"|{normalize_name(f'Source {i}')}|",
            kind=kinds[i % len(kinds)],
        )
        for i in range(SPEAKERS)
    )
    sentence = "Someone said something that can be checked. "
    text = sentence * quotes_per_article
    statuses, quote_kinds = (
        ["accepted", "accepted", "rejected", "proposed"],
        ["direct", "indirect", "mixed"],
    )
    with transaction.atomic():
        for a in range(articles):
            article = Article.objects.create(
                title=f"Story {a}",
                text=f"{text}(Story {a}.)",  # texts are unique
                outlet=f"Outlet {a % OUTLETS}",
                url=f"https://b.org/{a}",
            )
            rows = []
            for q in range(quotes_per_article):
                start = q * len(sentence)
                end = start + len(sentence) - 2
                rows.append(
                    Quote(
                        article=article,
                        content_fragments=[[start, end]],
                        content_start=start,
                        content_end=end,
                        speaker=speakers[(a * 7 + q) % SPEAKERS],
                        status=statuses[(a + q) % len(statuses)],
                        kind=quote_kinds[q % len(quote_kinds)],
                        origin="model" if q % 5 else "editor",
                        confidence=((a + q) % 100) / 100,
                    )
                )
            Quote.objects.bulk_create(rows)


def measure(client, url: str) -> tuple[int, float]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times = []
    for _ in range(RUNS):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - started)
        assert response.status_code == 200, (url, response.status_code)
    return len(queries), statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--quotes", type=int, default=50, help="quotes per article")
    parser.add_argument("--database-url")
    args = parser.parse_args()
    url = args.database_url or "sqlite:///" + DEFAULT_DB.format(
        articles=args.articles, quotes=args.quotes
    )
    setup_django(url)
    started = time.perf_counter()
    build(args.articles, args.quotes)
    print(f"data ready in {time.perf_counter() - started:.1f} s")

    from django.contrib.auth.models import Group, User
    from django.db.models import Count
    from django.test import Client
    from django.urls import reverse

    from annotations.models import Quote, Speaker

    user, _ = User.objects.get_or_create(username="bench")
    user.groups.add(Group.objects.get(name="admins"))
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    busiest = Speaker.objects.annotate(n=Count("quotes")).order_by("-n").first()
    print(f"{Quote.objects.count():,} quotes, {Speaker.objects.count():,} speakers")
    print(f"{'page':<34}{'queries':>8}{'median ms':>11}")
    for label, page in (
        ("dashboard", reverse("annotations:dashboard")),
        ("speakers list", reverse("annotations:speakers")),
        ("speakers search 'source 1'", reverse("annotations:speakers") + "?q=source+1"),
        ("speakers by most quotes", reverse("annotations:speakers") + "?sort=quotes"),
        (f"speaker page ({busiest.n} quotes)", reverse("annotations:speaker", args=[busiest.pk])),
    ):
        queries, ms = measure(client, page)
        print(f"{label:<34}{queries:>8}{ms:>11.0f}")


if __name__ == "__main__":
    main()
