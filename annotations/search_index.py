"""The full-text indexes over ``Quote.search_text``, one per database.

PostgreSQL: ``Quote.search_vector`` is a stored generated tsvector column (the database
recomputes it on every insert and update) with the GIN index made here.

SQLite: an FTS5 *external-content* table, ``annotations_quote_fts``, that indexes
``annotations_quote.search_text`` without a second copy of the text, kept in step by three
triggers (insert, delete, update of ``search_text``). The Porter stemmer makes "hiring"
find "hire", as PostgreSQL's English configuration does.

:func:`ensure_search_index` creates what is missing and is idempotent. It runs in migration
0007 and after every ``migrate`` and ``flush`` (a ``post_migrate`` handler, see apps.py):
SQLite drops a table's triggers when a later migration rebuilds the quote table, and
transactional tests flush the database; both leave the index rebuilt and its triggers back.
"""

from django.db.backends.base.base import BaseDatabaseWrapper

FTS_TABLE = "annotations_quote_fts"
GIN_INDEX = "quote_search_vector_gin"

_SQLITE_TRIGGERS = {
    f"{FTS_TABLE}_insert": f"""
        CREATE TRIGGER {FTS_TABLE}_insert AFTER INSERT ON annotations_quote BEGIN
            INSERT INTO {FTS_TABLE}(rowid, search_text) VALUES (new.id, new.search_text);
        END""",
    f"{FTS_TABLE}_delete": f"""
        CREATE TRIGGER {FTS_TABLE}_delete AFTER DELETE ON annotations_quote BEGIN
            INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_text)
                VALUES ('delete', old.id, old.search_text);
        END""",
    f"{FTS_TABLE}_update": f"""
        CREATE TRIGGER {FTS_TABLE}_update AFTER UPDATE OF search_text ON annotations_quote
        BEGIN
            INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_text)
                VALUES ('delete', old.id, old.search_text);
            INSERT INTO {FTS_TABLE}(rowid, search_text) VALUES (new.id, new.search_text);
        END""",
}


def ensure_search_index(connection: BaseDatabaseWrapper) -> None:
    """Create the full-text index of quotes on this database if any part of it is missing."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {GIN_INDEX} "
                "ON annotations_quote USING gin (search_vector)"
            )
    elif connection.vendor == "sqlite":
        _ensure_sqlite_fts(connection)


def _ensure_sqlite_fts(connection: BaseDatabaseWrapper) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
        present = {row[0] for row in cursor.fetchall()}
        if "annotations_quote" not in present:
            return  # migrating backwards past 0007, or not migrated yet
        missing = [name for name in _SQLITE_TRIGGERS if name not in present]
        if FTS_TABLE in present and not missing:
            return
        if FTS_TABLE not in present:
            cursor.execute(
                f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(search_text, "
                "content='annotations_quote', content_rowid='id', "
                "tokenize='porter unicode61 remove_diacritics 2')"
            )
        for name in missing:
            cursor.execute(_SQLITE_TRIGGERS[name])
        # Quotes written while a trigger was missing are not indexed: index them all again.
        cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")


def drop_search_index(connection: BaseDatabaseWrapper) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"DROP INDEX IF EXISTS {GIN_INDEX}")
        elif connection.vendor == "sqlite":
            for name in _SQLITE_TRIGGERS:
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
            cursor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
