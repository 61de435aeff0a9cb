"""The full-text index stays in step with quotes on both databases, whatever writes them."""

import importlib

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection

from annotations.models import Article, Quote
from annotations.preannotation import preannotate_article
from annotations.search import SearchFilters, fts5_query, search_quotes
from annotations.search_index import FTS_TABLE, GIN_INDEX, ensure_search_index

TEXT = "“We will hire teachers,” Ana Ruiz said. “Roads come later,” Bo Berg said."


def ids(q: str) -> list[int]:
    return [quote.pk for quote in search_quotes(SearchFilters(q=q, status="any"))]


def make_quote(article: Article, words: str) -> Quote:
    start = article.text.index(words)
    return Quote.objects.create(article=article, content_fragments=[[start, start + len(words)]])


@pytest.fixture
def article(db) -> Article:
    return Article.objects.create(title="Schools", text=TEXT)


def test_search_text_is_the_fragments_words(article):
    quote = make_quote(article, "We will hire teachers")
    assert quote.search_text == "We will hire teachers"
    second = article.text.index("Roads")
    quote.change(by=None, content_fragments=[[1, 13], [second, second + 16]])
    quote.refresh_from_db()
    assert quote.search_text == "We will hire Roads come later"


def test_index_follows_edits_and_deletes(article):
    quote = make_quote(article, "We will hire teachers")
    assert ids("teachers") == [quote.pk]
    roads = article.text.index("Roads")
    quote.change(by=None, content_fragments=[[roads, roads + 16]])
    assert ids("teachers") == []
    assert ids("roads") == [quote.pk]
    quote.delete()
    assert ids("roads") == []


def test_cascade_delete_of_the_article_leaves_no_stale_match(article):
    make_quote(article, "We will hire teachers")
    article.delete()
    assert ids("teachers") == []
    other = Article.objects.create(title="Other", text="“Teachers strike,” she said.")
    quote = make_quote(other, "Teachers strike")
    assert ids("teachers") == [quote.pk]


def test_preannotated_quotes_are_searchable(db, fake_preannotator):
    article = Article.objects.create(title="Pre", text="“We will hire teachers,” said Ana Ruiz.")
    preannotate_article(article)
    quote = Quote.objects.get(article=article)
    assert quote.search_text == "We will hire teachers"
    assert ids("hiring") == [quote.pk]


def test_migration_fills_search_text_of_existing_quotes(article):
    quote = make_quote(article, "We will hire teachers")
    Quote.objects.filter(pk=quote.pk).update(search_text="")
    assert ids("teachers") == []
    migration = importlib.import_module("annotations.migrations.0007_quote_search")
    migration.fill_search_text(apps, None)
    assert ids("teachers") == [quote.pk]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_postgresql_vector_is_generated_and_gin_indexed(article):
    quote = make_quote(article, "We will hire teachers")
    with connection.cursor() as cursor:
        sql = "SELECT search_vector::text FROM annotations_quote WHERE id = %s"
        cursor.execute(sql, [quote.pk])
        vector = cursor.fetchone()[0]
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [GIN_INDEX])
        index = cursor.fetchone()[0]
    assert "'hire'" in vector and "'teacher'" in vector  # stemmed by the English configuration
    assert "gin (search_vector)" in index


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite only")
def test_sqlite_fts_table_and_triggers_exist(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE name LIKE %s", [FTS_TABLE + "%"])
        names = {row[0] for row in cursor.fetchall()}
    assert {FTS_TABLE, f"{FTS_TABLE}_insert", f"{FTS_TABLE}_delete", f"{FTS_TABLE}_update"} <= names


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite only")
def test_sqlite_lost_triggers_are_recreated_and_the_index_rebuilt(article):
    # A later migration that rebuilds the quote table drops its triggers on SQLite.
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TRIGGER {FTS_TABLE}_insert")
    quote = make_quote(article, "We will hire teachers")
    assert ids("teachers") == []
    ensure_search_index(connection)
    assert ids("teachers") == [quote.pk]


@pytest.mark.django_db(transaction=True)
def test_search_works_after_a_flush():
    """Transactional tests flush the database; the index and its triggers survive it."""
    call_command("flush", interactive=False, verbosity=0)
    article = Article.objects.create(title="After flush", text=TEXT)
    quote = make_quote(article, "We will hire teachers")
    assert ids("teachers") == [quote.pk]


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("north korea", '("north" AND "korea")'),
        ('"north korea"', '("north korea")'),
        ("tax or spending", '("tax") OR ("spending")'),
        ("budget -tax", '("budget") NOT "tax"'),
        ('budget -"income tax"', '("budget") NOT "income tax"'),
        ("-tax", ""),
        ('NEAR(a, b) "x*" ^y', '("NEAR a" AND "b" AND "x" AND "y")'),
        ("don't", '("don t")'),
        ('"unbalanced', '("unbalanced")'),
        ("", ""),
    ],
)
def test_fts5_query_has_websearch_semantics_and_no_fts5_syntax(q, expected):
    assert fts5_query(q) == expected
