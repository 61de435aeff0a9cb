"""Full-text search over quotes: Quote.search_text, and the index each database uses.

PostgreSQL: search_vector, a stored generated tsvector column, with a GIN index. SQLite: an
FTS5 external-content table kept by triggers. See annotations/search_index.py.
"""

import annotations.search_vector
import django.contrib.postgres.search
from django.db import migrations, models

from annotations.search_index import drop_search_index, ensure_search_index


def fill_search_text(apps, schema_editor):
    Quote = apps.get_model("annotations", "Quote")
    Article = apps.get_model("annotations", "Article")
    article_ids = Quote.objects.values_list("article_id", flat=True).distinct().order_by()
    for article_id in article_ids.iterator():
        text = Article.objects.values_list("text", flat=True).get(pk=article_id)
        quotes = list(Quote.objects.filter(article_id=article_id).only("content_fragments"))
        for quote in quotes:
            quote.search_text = " ".join(text[s:e] for s, e in quote.content_fragments)
        Quote.objects.bulk_update(quotes, ["search_text"], batch_size=500)


def create_index(apps, schema_editor):
    ensure_search_index(schema_editor.connection)


def drop_index(apps, schema_editor):
    drop_search_index(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("annotations", "0006_editor_preference"),
    ]

    operations = [
        migrations.AddField(
            model_name="quote",
            name="search_text",
            field=models.TextField(default="", editable=False),
        ),
        migrations.RunPython(fill_search_text, migrations.RunPython.noop),
        migrations.AddField(
            model_name="quote",
            name="search_vector",
            field=models.GeneratedField(
                db_persist=True,
                expression=annotations.search_vector.QuoteSearchVector("search_text"),
                output_field=django.contrib.postgres.search.SearchVectorField(null=True),
            ),
        ),
        migrations.RunPython(create_index, drop_index),
    ]
