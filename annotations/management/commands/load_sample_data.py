"""Load the invented sample articles (annotations/sample_data/articles.jsonl), idempotently."""

import json
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import transaction

from annotations.models import Article

SAMPLE_FILE = Path(__file__).resolve().parents[2] / "sample_data" / "articles.jsonl"


def load_sample_articles(path: Path = SAMPLE_FILE) -> tuple[int, int]:
    """Create the sample articles that are not there yet (matched by url). Returns (new, kept)."""
    created = kept = 0
    with path.open(encoding="utf-8") as lines, transaction.atomic():
        for line in lines:
            if not line.strip():
                continue
            row = json.loads(line)
            published = date.fromisoformat(row.pop("published")) if row.get("published") else None
            _, was_created = Article.objects.get_or_create(
                url=row["url"], defaults={**row, "published": published}
            )
            created += was_created
            kept += not was_created
    return created, kept


class Command(BaseCommand):
    help = "Load the sample articles; running it again adds nothing."

    def handle(self, *args, **options):
        created, kept = load_sample_articles()
        self.stdout.write(f"Sample articles: {created} added, {kept} already there.")
