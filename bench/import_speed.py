"""Import speed: 10,000 articles from JSONL and .txt files into a fresh database.

    .venv/bin/python bench/import_speed.py                     # 10,000 articles, temp SQLite
    .venv/bin/python bench/import_speed.py --articles 2000     # a smaller run
    .venv/bin/python bench/import_speed.py --annotated 0.1     # 10% of lines carry quotes
    .venv/bin/python bench/import_speed.py --database-url postgres://postgres@127.0.0.1/bench

The files are written to a temporary folder: most articles in JSONL files of 1,000 lines,
the rest as one .txt file each, plus a few duplicates that must be skipped. The database is a
new SQLite file in a temporary folder (migrated first), or the empty database given with
--database-url. Prints articles per second and the total time; target on a 2-core machine:
10,000 articles in under 30 seconds.
"""

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from _django import setup_django

WORDS = [
    "council",
    "budget",
    "river",
    "bridge",
    "school",
    "harbour",
    "minister",
    "union",
    "tenants",
    "port",
    "vote",
    "plan",
    "report",
    "study",
    "ministry",
    "court",
    "market",
    "energy",
    "prices",
    "hospital",
    "police",
    "transport",
    "water",
]


def article_text(number: int) -> str:
    """About 2,500 characters of made-up news, different for every number."""
    paragraphs = []
    for p in range(8):
        words = [WORDS[(number * 7 + p * 3 + i) % len(WORDS)] for i in range(40)]
        paragraphs.append(
            f"Paragraph {p + 1} of report {number}: "
            + " ".join(words).capitalize()
            + f". “We expect {number % 90 + 10} changes by spring,” an official said."
        )
    return "\n\n".join(paragraphs)


def annotated_line(number: int, line: dict) -> dict:
    """Give the line one accepted direct quote with a cue and a speaker, as the export would."""
    text = line["text"]
    start = text.index("“") + 1
    end = text.index(",”")
    mention = text.index("an official", end)
    cue = text.index("said", mention)
    line["speakers"] = [
        {
            "id": 1,
            "name": "an official",
            "kind": "anonymous",
            "aliases": [],
            "role": "",
            "organization": "",
        }
    ]
    line["quotes"] = [
        {
            "id": number,
            "kind": "direct",
            "status": "accepted",
            "origin": "model",
            "confidence": 0.9,
            "model_version": "bench",
            "content_fragments": [[start, end]],
            "content_text": text[start:end],
            "cue": [cue, cue + 4],
            "cue_text": "said",
            "speaker_mention": [mention, mention + 11],
            "speaker_mention_text": "an official",
            "speaker_id": 1,
            "reviewed_by": "bench-editor",
            "reviewed_at": "2025-01-01T00:00:00+00:00",
            "claims": [],
        }
    ]
    return line


def write_files(folder: Path, articles: int, txt_share: float, annotated: float) -> int:
    """Write the articles (and some duplicates); return how many duplicates were written."""
    txt_count = int(articles * txt_share)
    annotated_every = round(1 / annotated) if annotated else 0
    jsonl_lines = []
    for number in range(txt_count, articles):
        line = {
            "title": f"Report {number}",
            "text": article_text(number),
            "outlet": f"Outlet {number % 12}",
            "url": f"https://news.example/{number}",
            "author": f"Reporter {number % 40}",
            "published": f"2025-{number % 12 + 1:02d}-{number % 28 + 1:02d}",
        }
        if annotated_every and number % annotated_every == 0:
            line = annotated_line(number, line)
        jsonl_lines.append(json.dumps(line, ensure_ascii=False))
    # Duplicates: the same url again, and the same text under another title.
    duplicates = [
        json.dumps(
            {"title": "Again", "text": "Fresh words.", "url": f"https://news.example/{txt_count}"}
        ),
        json.dumps({"title": "Copy", "text": article_text(articles - 1).upper()}),
    ]
    jsonl_lines.extend(duplicates if txt_count < articles else [])
    for i in range(0, len(jsonl_lines), 1000):
        (folder / f"batch-{i // 1000:03d}.jsonl").write_text(
            "\n".join(jsonl_lines[i : i + 1000]) + "\n", encoding="utf-8"
        )
    txt = folder / "txt"
    txt.mkdir()
    for number in range(txt_count):
        (txt / f"article-{number:05d}.txt").write_text(
            f"Report {number}\n\n{article_text(number)}\n", encoding="utf-8"
        )
    return len(duplicates) if txt_count < articles else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--txt-share", type=float, default=0.1, help="share as .txt files")
    parser.add_argument("--annotated", type=float, default=0.0, help="share with quotes")
    parser.add_argument("--database-url", help="an empty database (default: temp SQLite)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="newsdesk-import-bench-") as tmp:
        tmp_path = Path(tmp)
        setup_django(args.database_url or f"sqlite:///{tmp_path / 'bench.sqlite3'}")
        from django.core.management import call_command
        from django.db import connection

        from annotations.imports import import_paths
        from annotations.models import Article, Quote

        call_command("migrate", verbosity=0)
        if Article.objects.exists():
            sys.exit("The benchmark database must be empty.")
        files = tmp_path / "files"
        files.mkdir()
        duplicates = write_files(files, args.articles, args.txt_share, args.annotated)

        started = time.perf_counter()
        report = import_paths([files])
        seconds = time.perf_counter() - started

        imported = len(report.imported)
        print(f"database:        {connection.vendor}")
        print(
            f"articles:        {imported:,} imported, {len(report.duplicates)} duplicates "
            f"skipped (expected {duplicates}), {len(report.errors)} errors"
        )
        print(f"quotes:          {Quote.objects.count():,}")
        print(f"total:           {seconds:.2f} s")
        print(f"speed:           {imported / seconds:,.0f} articles/s")
        print(f"target (<30 s):  {'met' if seconds < 30 else 'MISSED'}")
        for problem in report.errors[:5]:
            print(f"error: {problem}")
        if imported != args.articles or report.errors or len(report.duplicates) != duplicates:
            sys.exit("Unexpected counts: the import is not correct, whatever its speed.")


if __name__ == "__main__":
    main()
