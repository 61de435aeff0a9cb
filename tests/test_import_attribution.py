"""Imports record who imported; only admins import decisions in other people's names."""

import json

from annotations.imports import Importer
from annotations.models import Article, Quote

from .test_import_jsonl_annotations import exported_line


def import_as(user, line: dict):
    data = json.dumps(line).encode()
    importer = Importer(by=user)
    importer.add_file("export.jsonl", len(data), lambda: data)
    return importer.finish()


def test_articles_record_who_imported_them(editor):
    data = b"Title\nSome text here."
    importer = Importer(by=editor)
    importer.add_file("a.txt", len(data), lambda: data)
    importer.finish()
    import_as(editor, exported_line())
    assert set(Article.objects.values_list("imported_by__username", flat=True)) == {"edna"}


def test_an_editor_cannot_put_another_users_name_on_decisions(editor):
    report = import_as(editor, exported_line())
    assert report.ok
    quotes = Quote.objects.order_by("pk")
    # The file said "edna" (the importer) for one and "gone-reviewer" for the other.
    assert [q.reviewed_by.username if q.reviewed_by else None for q in quotes] == [
        "edna",
        "edna",
        None,
    ]
    assert len(report.warnings) == 1
    assert "decided by “gone-reviewer” in the file" in report.warnings[0].reason
    history = Quote.history.get(id=quotes[1].pk)
    assert "gone-reviewer" in history.history_change_reason
    assert history.history_user == editor


def test_admins_keep_the_names_in_the_file(admin_user):
    report = import_as(admin_user, exported_line())
    assert report.ok and not report.warnings
    names = [q.reviewed_by.username for q in Quote.objects.order_by("pk")[:2]]
    assert names == ["edna", "gone-reviewer"]
    assert Article.objects.get().imported_by == admin_user
