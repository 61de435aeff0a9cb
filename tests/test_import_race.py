"""The same text can be saved only once, even by two imports at the same moment."""

import threading

import pytest
from django.db import IntegrityError, connection

from annotations.imports import Importer
from annotations.models import Article

TEXT = "The council met on Monday.\n\n“We agreed,” said the mayor."


def test_the_database_refuses_a_second_article_with_the_same_text(db):
    Article.objects.create(title="One", text=TEXT)
    with pytest.raises(IntegrityError):
        Article.objects.create(
            title="Two", text="  the COUNCIL met on monday. “We agreed,” said the mayor."
        )


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("kind", ["plain", "annotated"])
def test_simultaneous_imports_of_one_text_save_it_once(kind, monkeypatch):
    rounds = 2
    barrier = threading.Barrier(rounds, timeout=20)
    real_check = Importer._duplicates_in_db

    def check_then_wait(self, records):
        found = real_check(self, records)  # both imports see no duplicate ...
        barrier.wait()  # ... before either inserts
        return found

    monkeypatch.setattr(Importer, "_duplicates_in_db", check_then_wait)
    reports = [None] * rounds
    line = (
        '{"title": "T%d", "text": "The council met.", "quotes": [{"content_fragments": [[0, 11]]}]}'
    )

    def run(n: int) -> None:
        try:
            importer = Importer()
            if kind == "plain":
                data = f"Title {n}\n{TEXT}".encode()
                importer.add_file(f"a{n}.txt", len(data), lambda: data)
            else:
                data = (line % n).encode()
                importer.add_file(f"a{n}.jsonl", len(data), lambda: data)
            reports[n] = importer.finish()
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(rounds)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert Article.objects.count() == 1
    assert sorted(len(r.imported) for r in reports) == [0, 1]
    loser = next(r for r in reports if not r.imported)
    assert not loser.errors
    assert "saved at the same time" in loser.duplicates[0].reason
