"""Each import format is parsed into the right article fields."""

import json
from datetime import date

from annotations.imports import Importer
from annotations.models import Article, normalize_text, text_fingerprint

BRIDGE_PAGE = """<!doctype html>
<html><head><title>Council votes on bridge | The Gazette</title>
<meta name="author" content="Jo Bloggs">
<meta property="article:published_time" content="2025-03-04T10:00:00Z">
<link rel="canonical" href="https://gazette.example/bridge-vote">
</head><body>
<nav><a href="/">Home</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a>
<a href="/subscribe">Subscribe now for unlimited access</a></nav>
<article><h1>Council votes on bridge</h1>
<p>The city council voted on Tuesday to rebuild the old river bridge, ending a debate
that lasted two years.</p>
<p>"This bridge carries twenty thousand people a day," councillor Mara Lind said after
the vote.</p>
<p>Opponents said the cost, estimated at 40 million euros, was far too high for a city of
this size.</p>
</article>
<footer><p>Copyright 2026 The Gazette. All rights reserved.</p>
<a href="/privacy">Privacy policy</a> <a href="/cookies">Cookie settings</a></footer>
</body></html>
"""


def run(*files: tuple[str, bytes], **kwargs):
    importer = Importer(**kwargs)
    for name, data in files:
        importer.add_file(name, len(data), lambda data=data: data)
    return importer.finish()


def test_txt_first_line_is_the_title_and_the_rest_the_text(db):
    report = run(("mayor.txt", b"\n\nMayor opens library\n\nThe mayor opened it.\r\nShe smiled.\n"))
    assert report.ok and len(report.imported) == 1
    article = Article.objects.get(pk=report.imported[0])
    assert article.title == "Mayor opens library"
    assert article.text == "The mayor opened it.\nShe smiled."
    assert article.text_hash == text_fingerprint(article.text)


def test_text_is_normalised_to_nfc_once_on_import(db):
    decomposed = "Cafe\u0301 owner Jose\u0301 said the rent doubled."
    report = run(("cafe.txt", f"Café rents\n{decomposed}".encode()))
    article = Article.objects.get(pk=report.imported[0])
    assert article.text == normalize_text(decomposed)
    assert "\u0301" not in article.text and "é" in article.text


def test_html_keeps_title_and_article_text_and_drops_boilerplate(db):
    report = run(("bridge.html", BRIDGE_PAGE.encode()))
    assert report.ok, report.errors
    article = Article.objects.get(pk=report.imported[0])
    assert article.title == "Council votes on bridge"
    assert article.text.startswith("The city council voted on Tuesday")
    assert "twenty thousand people a day" in article.text
    for boilerplate in ("Subscribe now", "Privacy policy", "Cookie settings", "Copyright"):
        assert boilerplate not in article.text
    assert article.author == "Jo Bloggs"
    assert article.published == date(2025, 3, 4)
    assert article.url == "https://gazette.example/bridge-vote"


def test_csv_one_article_per_row_with_documented_columns(db):
    data = (
        b"title,text,outlet,url,author,published\r\n"
        b'Ferry cancelled,"Storms stopped the ferry.\r\nPassengers waited, cold.",Isle News,'
        b"https://isle.example/ferry,Ann Lee,2025-01-02\r\n"
        b"Ferry back,The ferry sailed again.,Isle News,,,2025-01-03T08:30:00+01:00\r\n"
    )
    report = run(("batch.csv", data))
    assert report.ok, report.errors
    first, second = Article.objects.filter(pk__in=report.imported).order_by("id")
    assert first.title == "Ferry cancelled"
    assert first.text == "Storms stopped the ferry.\nPassengers waited, cold."
    assert (first.outlet, first.url, first.author) == (
        "Isle News",
        "https://isle.example/ferry",
        "Ann Lee",
    )
    assert first.published == date(2025, 1, 2)
    assert second.published == date(2025, 1, 3)
    assert second.url == ""


def test_csv_columns_may_come_in_any_order_and_case(db):
    report = run(("b.csv", b"Text, Title\nSome body text.,A title\n"))
    assert report.ok, report.errors
    article = Article.objects.get(pk=report.imported[0])
    assert (article.title, article.text) == ("A title", "Some body text.")


def test_jsonl_plain_lines(db):
    lines = [
        {"title": "One", "text": "First text.", "outlet": "O", "published": "2024-05-06"},
        {"title": "Two", "text": "Second text.", "url": "https://o.example/2", "author": None},
    ]
    data = "\n".join(json.dumps(line) for line in lines).encode()
    report = run(("a.jsonl", data))
    assert report.ok, report.errors
    one, two = Article.objects.filter(pk__in=report.imported).order_by("id")
    assert (one.title, one.outlet, one.published) == ("One", "O", date(2024, 5, 6))
    assert (two.url, two.author, two.status) == ("https://o.example/2", "", Article.Status.NEW)


def test_jsonl_text_is_kept_exactly_apart_from_normalisation(db):
    text = "  Indented first line.\r\nSecond line.\n"
    report = run(("a.jsonl", json.dumps({"title": "T", "text": text}).encode()))
    assert (
        Article.objects.get(pk=report.imported[0]).text == "  Indented first line.\nSecond line.\n"
    )


def test_outlet_option_fills_only_articles_without_one(db):
    data = (
        b'{"title": "A", "text": "Text a.", "outlet": "Own"}\n{"title": "B", "text": "Text b."}\n'
    )
    report = run(("a.jsonl", data), outlet="Default Times")
    outlets = dict(Article.objects.filter(pk__in=report.imported).values_list("title", "outlet"))
    assert outlets == {"A": "Own", "B": "Default Times"}


def test_many_files_of_different_kinds_in_one_import(db):
    report = run(
        ("a.txt", b"Title A\nText of a."),
        ("b.csv", b"title,text\nTitle B,Text of b.\n"),
        ("c.jsonl", b'{"title": "Title C", "text": "Text of c."}\n'),
        ("d.HTML", BRIDGE_PAGE.encode()),
    )
    assert report.ok, report.errors
    titles = set(Article.objects.values_list("title", flat=True))
    assert titles == {"Title A", "Title B", "Title C", "Council votes on bridge"}


def test_bulk_import_spans_several_chunks(db):
    lines = "\n".join(
        json.dumps(
            {
                "title": f"T{i}",
                "text": f"Article number {i} says something.",
                "url": f"https://o.example/{i}",
            }
        )
        for i in range(23)
    )
    importer = Importer(chunk_size=5)
    importer.add_file("many.jsonl", len(lines), lambda: lines.encode())
    report = importer.finish()
    assert len(report.imported) == 23 and Article.objects.count() == 23
    assert sorted(report.imported) == sorted(Article.objects.values_list("pk", flat=True))
