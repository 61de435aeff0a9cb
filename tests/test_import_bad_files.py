"""Every kind of bad input gets a clear message naming file, line or row, and saves nothing."""

import json

import pytest
from django.contrib.auth.models import User

from annotations.imports import Importer
from annotations.models import Article, Claim, Quote, Speaker


def run(*files: tuple[str, bytes], **kwargs):
    importer = Importer(**kwargs)
    for name, data in files:
        importer.add_file(name, len(data), lambda data=data: data)
    return importer.finish()


def only_error(report):
    assert len(report.errors) == 1, report.errors
    return report.errors[0]


def test_binary_file(db):
    report = run(("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"))
    error = only_error(report)
    assert error.file == "photo.txt" and "not a text file" in error.reason
    assert Article.objects.count() == 0


def test_binary_file_without_nul_bytes(db):
    report = run(("noise.csv", bytes([1, 2, 3, 4, 5, 6, 7, 8, 11, 14, 15, 16] * 50)))
    assert "binary" in only_error(report).reason
    assert Article.objects.count() == 0


@pytest.mark.parametrize("data", [b"", b"  \n\r\n\t ", b"\xef\xbb\xbf\n"])
@pytest.mark.parametrize("name", ["empty.txt", "empty.csv", "empty.jsonl", "empty.html"])
def test_empty_file(db, name, data):
    error = only_error(run((name, data)))
    assert error.file == name and "empty" in error.reason
    assert Article.objects.count() == 0


def test_utf8_with_bom_is_read_without_the_bom(db):
    report = run(("bom.csv", "\ufefftitle,text\nÉté,Un été chaud.\n".encode()))
    assert report.ok and not report.warnings
    assert Article.objects.get().title == "Été"


def test_cp1252_fallback_is_reported_as_a_warning(db):
    data = "Caf\u00e9 prices\n\u201cPrices rose,\u201d the owner said.".encode("cp1252")
    report = run(("old.txt", data))
    assert report.ok and len(report.imported) == 1
    assert len(report.warnings) == 1
    warning = report.warnings[0]
    assert warning.file == "old.txt" and "cp1252" in warning.reason
    article = Article.objects.get()
    assert article.title == "Café prices"
    assert article.text == "“Prices rose,” the owner said."


def test_undecodable_text(db):
    # 0x81 is undefined in cp1252 and invalid as UTF-8 here.
    report = run(("odd.txt", b"Title\nBody \x81\x8d text"))
    error = only_error(report)
    assert "cannot be decoded" in error.reason and "0x81" in error.reason
    assert Article.objects.count() == 0


def test_file_over_the_size_limit_is_not_even_read(db, settings):
    settings.MAX_UPLOAD_SIZE = 100
    importer = Importer()

    def read():
        raise AssertionError("an oversized file must not be read")

    importer.add_file("huge.jsonl", 101, read)
    error = only_error(importer.finish())
    assert error.file == "huge.jsonl" and "over the limit" in error.reason


def test_unsupported_extension(db):
    error = only_error(run(("report.pdf", b"%PDF-1.7 something")))
    assert "unsupported file type '.pdf'" in error.reason


def test_malformed_json_line_names_the_line_and_keeps_the_good_lines(db):
    data = b'{"title": "Good", "text": "A good line."}\n{"title": "Bad", "text": \n'
    report = run(("a.jsonl", data))
    error = only_error(report)
    assert (error.file, error.where) == ("a.jsonl", "line 2")
    assert "malformed JSON" in error.reason
    assert list(Article.objects.values_list("title", flat=True)) == ["Good"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('["a list"]', "expected a JSON object"),
        ('{"title": "No text"}', "'text' is missing"),
        ('{"text": "No title"}', "'title' is missing"),
        ('{"title": "T", "text": "x", "body": "y"}', "unknown key: body"),
        ('{"title": "T", "text": "x", "published": "03/04/2025"}', "not an ISO date"),
        ('{"title": "T", "text": "x", "url": "not a url"}', "not a valid web address"),
        ('{"title": "T", "text": "x", "status": "done"}', "status 'done' is not one of"),
        ('{"title": "T", "text": 42}', "text must be text"),
        ('{"title": "  ", "text": "x"}', "title is missing or empty"),
    ],
)
def test_bad_jsonl_lines(db, line, expected):
    error = only_error(run(("a.jsonl", f"\n{line}\n".encode())))
    assert error.where == "line 2"
    assert expected in error.reason
    assert Article.objects.count() == 0


def test_csv_missing_and_unknown_columns_are_named(db):
    error = only_error(run(("a.csv", b"headline,text,body\nT,x,y\n")))
    assert error.file == "a.csv" and error.where == ""
    assert "missing required column: title" in error.reason
    assert "unknown columns: 'headline', 'body'" in error.reason
    assert "title, text, outlet, url, author, published" in error.reason
    assert Article.objects.count() == 0


def test_csv_bad_rows_are_named_and_good_rows_imported(db):
    data = (
        b"title,text,published\n"
        b"Fine,Fine text.,2025-02-03\n"
        b"Bad date,Some text.,yesterday\n"
        b"Short row\n"
        b",No title here.,\n"
    )
    report = run(("a.csv", data))
    problems = {(e.where, e.reason.split(" ")[0]) for e in report.errors}
    assert [e.where for e in report.errors] == ["row 3", "row 4", "row 5"]
    assert "yesterday" in report.errors[0].reason
    assert "has 1 cells but the header has 3 columns" in report.errors[1].reason
    assert "title is missing" in report.errors[2].reason
    assert len(problems) == 3
    assert list(Article.objects.values_list("title", flat=True)) == ["Fine"]


def test_txt_without_text_after_the_title(db):
    error = only_error(run(("a.txt", b"Only a title\n\n")))
    assert "no article text after the title" in error.reason


def test_html_without_an_article(db):
    error = only_error(run(("a.html", b"<html><head><title>x</title></head><body></body></html>")))
    assert "no article text" in error.reason


def article_line(**quote_changes) -> str:
    text = "“We will win,” the coach said. Fans cheered."
    quote = {
        "id": 1,
        "kind": "direct",
        "status": "accepted",
        "origin": "editor",
        "confidence": None,
        "model_version": "",
        "content_fragments": [[1, 12]],
        "content_text": "We will win",
        "cue": [25, 29],
        "cue_text": "said",
        "speaker_mention": [15, 24],
        "speaker_mention_text": "the coach",
        "speaker_id": 7,
        "reviewed_by": "newreviewer",
        "reviewed_at": "2025-05-01T12:00:00+00:00",
        "claims": [],
    }
    quote.update(quote_changes)
    return json.dumps(
        {
            "title": "Match",
            "text": text,
            "speakers": [
                {
                    "id": 7,
                    "name": "Coach Kim",
                    "kind": "person",
                    "aliases": [],
                    "role": "coach",
                    "organization": "",
                }
            ],
            "quotes": [quote],
        }
    )


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"content_fragments": [[1, 999]]}, "outside the article text"),
        ({"content_text": "We will lose"}, "content_text 'We will lose' does not match"),
        ({"cue_text": "told"}, "cue_text 'told' does not match"),
        ({"cue": [5, 9]}, "overlaps the content"),
        ({"speaker_id": 99}, "speaker_id 99 is not among"),
        ({"status": "maybe"}, "status 'maybe' is not one of"),
        ({"confidence": 1.5}, "confidence must be a number from 0 to 1"),
        ({"reviewed_at": "last week"}, "reviewed_at 'last week' is not an ISO 8601"),
        ({"claims": [{"start": 20, "end": 28}]}, "claim 1: claim [20, 28) is not inside"),
        ({"colour": "red"}, "unknown key: colour"),
        ({"model_version": "v" * 101}, "model_version is 101 characters long; the limit is 100"),
        ({"reviewed_by": "r" * 151}, "reviewed_by must be a username"),
    ],
)
def test_a_bad_quote_leaves_no_half_article_behind(db, changes, expected):
    good = article_line().replace("Match", "Other match").replace("Fans", "The fans")
    report = run(("a.jsonl", f"{article_line(**changes)}\n{good}\n".encode()))
    error = only_error(report)
    assert error.where == "line 1"
    assert error.reason.startswith("quote 1 (id 1): ")
    assert expected in error.reason
    assert list(Article.objects.values_list("title", flat=True)) == ["Other match"]
    assert Quote.objects.count() == 1


def test_a_failure_while_saving_rolls_back_the_article_speakers_and_reviewers(db):
    # Two accepted quotes with the same content span pass parsing but violate the database
    # constraint on save: the article, its new speaker and its new reviewer all roll back.
    line = json.loads(article_line())
    line["quotes"].append(dict(line["quotes"][0], id=2))
    report = run(("a.jsonl", json.dumps(line).encode()))
    error = only_error(report)
    assert error.where == "line 1" and "quote 2" in error.reason
    assert "same content span" in error.reason
    assert Article.objects.count() == 0
    assert Quote.objects.count() == 0 and Claim.objects.count() == 0
    assert not Speaker.objects.exists()
    assert not User.objects.filter(username="newreviewer").exists()
