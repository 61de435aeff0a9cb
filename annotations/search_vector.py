"""The expression behind ``Quote.search_vector``, a stored generated column.

On PostgreSQL it is ``to_tsvector('english', search_text)``: the database keeps it in step
with the quote on every insert and update (bulk inserts too) and a GIN index makes it fast.
SQLite has no tsvector: there the column stays NULL and an FTS5 table does the work
(:mod:`annotations.search_index`).
"""

from django.contrib.postgres.search import SearchVectorField
from django.db.models import Func

SEARCH_CONFIG = "english"


class QuoteSearchVector(Func):
    output_field = SearchVectorField()

    def as_sql(self, compiler, connection, **extra_context):
        return "NULL", []

    def as_postgresql(self, compiler, connection, **extra_context):
        # The configuration is written into the SQL, not passed as a parameter: a generated
        # column's expression must be immutable and cannot take parameters.
        column, params = compiler.compile(self.source_expressions[0])
        return f"to_tsvector('{SEARCH_CONFIG}'::regconfig, COALESCE({column}, ''))", params
