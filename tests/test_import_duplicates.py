"""Duplicates (same url, or same text up to whitespace and case) are reported, never imported."""

import json

from annotations.imports import Importer
from annotations.models import Article


def run(*files: tuple[str, bytes], chunk_size: int = 500):
    importer = Importer(chunk_size=chunk_size)
    for name, data in files:
        importer.add_file(name, len(data), lambda data=data: data)
    return importer.finish()


def jsonl(*lines: dict) -> bytes:
    return "\n".join(json.dumps(line) for line in lines).encode()


def test_same_url_as_an_article_in_the_database(article):
    report = run(("a.jsonl", jsonl({"title": "New", "text": "Different.", "url": article.url})))
    assert report.imported == []
    [duplicate] = report.duplicates
    assert (duplicate.file, duplicate.where) == ("a.jsonl", "line 1")
    assert f"same url as article #{article.pk}" in duplicate.reason
    assert Article.objects.count() == 1


def test_same_text_up_to_whitespace_and_case_as_an_article_in_the_database(article):
    shouted = "  " + "   ".join(article.text.upper().split()) + "\n"
    report = run(("copy.txt", f"Another title\n{shouted}".encode()))
    [duplicate] = report.duplicates
    assert duplicate.file == "copy.txt"
    assert f"same text as article #{article.pk}" in duplicate.reason
    assert Article.objects.count() == 1


def test_duplicates_within_one_batch_across_files_and_chunks(db):
    report = run(
        (
            "a.jsonl",
            jsonl(
                {"title": "A", "text": "Alpha text.", "url": "https://x.example/a"},
                {"title": "B", "text": "Beta text."},
                {"title": "A again", "text": "Other text.", "url": "https://x.example/a"},
            ),
        ),
        ("b.csv", b"title,text\nB copy,beta   TEXT.\nC,Gamma text.\n"),
        chunk_size=2,
    )
    assert sorted(Article.objects.values_list("title", flat=True)) == ["A", "B", "C"]
    assert len(report.imported) == 3
    reasons = {(d.file, d.where): d.reason for d in report.duplicates}
    assert reasons == {
        ("a.jsonl", "line 3"): "same url as a.jsonl, line 1 in this import.",
        ("b.csv", "row 2"): "same text as a.jsonl, line 2 in this import.",
    }


def test_importing_the_same_file_twice_imports_nothing_the_second_time(db):
    data = jsonl(*({"title": f"T{i}", "text": f"Text number {i}."} for i in range(7)))
    first = run(("a.jsonl", data), chunk_size=3)
    second = run(("a.jsonl", data), chunk_size=3)
    assert len(first.imported) == 7 and not first.duplicates
    assert second.imported == [] and len(second.duplicates) == 7
    assert Article.objects.count() == 7


def test_an_article_with_quotes_is_also_checked_for_duplicates(article):
    line = {"title": "T", "text": article.text, "quotes": []}
    report = run(("a.jsonl", jsonl(line)))
    assert report.imported == [] and len(report.duplicates) == 1
