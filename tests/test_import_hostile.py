"""Hostile import files get a short, clear error naming the line or file, never a 500 or a hang."""

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from annotations.imports import Importer
from annotations.models import Article, Claim, Quote, Speaker

from .test_import_jsonl_annotations import exported_line


def run(name: str, data: bytes):
    importer = Importer()
    importer.add_file(name, len(data), lambda: data)
    return importer.finish()


def only_error(report):
    assert len(report.errors) == 1, report.errors
    return report.errors[0]


# -- point 1: a CSV header with a huge number of columns --------------------------------


def test_csv_error_for_many_unknown_columns_names_a_few_and_counts_the_rest(db):
    header = ",".join(["title", "text"] + [f"c{i}" for i in range(30_000)])
    error = only_error(run("wide.csv", f"{header}\nT,Body\n".encode()))
    assert "30,000 unknown columns" in error.reason
    assert "'c0', 'c1', 'c2', 'c3', 'c4' and 29,995 more" in error.reason
    assert "'c5'" not in error.reason
    assert len(error.reason) < 300
    assert Article.objects.count() == 0


def test_csv_repeated_and_missing_columns_are_still_named(db):
    error = only_error(run("rep.csv", b"title,Title,x,x,y\nA,B,C,D,E\n"))
    assert "missing required column: text" in error.reason
    assert "2 unknown columns: 'x', 'y'" in error.reason
    assert "repeated column: title" in error.reason


def test_csv_header_of_a_million_columns_is_refused_promptly():
    """Counting repeats with ``list.count`` per column took hours on this header.

    Run in a child process so a regression fails (and is killed) instead of hanging the
    suite; the bound is a hundred times what the check needs.
    """
    code = textwrap.dedent(
        """
        import django, os
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")
        django.setup()
        from annotations.imports import RecordError, parse_csv
        header = ",".join(["title", "text"] + ["x"] * 500_000 + ["y"] * 500_000)
        try:
            list(parse_csv("wide.csv", header + "\\nA,B\\n"))
        except RecordError as exc:
            print(len(str(exc)), str(exc)[:200])
        """
    )
    root = Path(__file__).resolve().parent.parent
    try:
        done = subprocess.run(
            [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=60
        )
    except subprocess.TimeoutExpired:
        pytest.fail("parse_csv took over a minute on a header of a million columns")
    assert done.returncode == 0, done.stderr
    length, message = done.stdout.split(" ", 1)
    assert int(length) < 300
    assert "2 unknown columns: 'x', 'y'" in message


def test_jsonl_unknown_keys_are_capped_too(db):
    line = {"title": "T", "text": "Body"} | {f"k{i}": 1 for i in range(10_000)}
    error = only_error(run("keys.jsonl", json.dumps(line).encode()))
    assert "and 9,995 more" in error.reason and len(error.reason) < 400


# -- point 2: hostile JSONL lines --------------------------------------------------------


def good_line() -> dict:
    return exported_line()


def with_first_quote(**changes) -> str:
    line = good_line()
    line["quotes"][0].update(changes)
    return json.dumps(line)


def with_claim(**changes) -> str:
    line = good_line()
    line["quotes"][0]["claims"][0].update(changes)
    return json.dumps(line)


def with_speaker(**changes) -> str:
    line = good_line()
    line["speakers"][0].update(changes)
    return json.dumps(line)


HOSTILE_LINES = {
    "deep nesting": ("[" * 200_000, "nested too deeply"),
    "huge float offset": (
        with_first_quote(content_fragments=[[0, 1e400]]),
        "pair of whole-number offsets",
    ),
    "float offset": (with_first_quote(cue=[0.9, 4]), "pair of whole-number offsets"),
    "boolean offset": (
        with_first_quote(speaker_mention=[True, 5]),
        "pair of whole-number offsets",
    ),
    "float claim offset": (with_claim(start=3.5), "pair of whole-number offsets"),
    "boolean claim offset": (with_claim(end=True), "pair of whole-number offsets"),
    "lone surrogate in title": (
        json.dumps({"title": "\ud800", "text": "Body"}),
        "lone surrogate",
    ),
    "lone surrogate in text": (
        json.dumps({"title": "T", "text": "Bo\udc00dy"}),
        "lone surrogate",
    ),
    "lone surrogate in a claim note": (with_claim(note="\ud83d"), "lone surrogate"),
    "NUL in a speaker name": (with_speaker(name="Lena\u0000Berg"), "NUL character"),
    "list as speaker id": (with_speaker(id=[1]), "speaker 1 id must be a number or a string"),
    "list as a quote's speaker_id": (
        with_first_quote(speaker_id=[31]),
        "speaker_id must be a number or a string",
    ),
    "dict as a kind": (with_first_quote(kind={"a": 1}), "kind"),
}


@pytest.mark.parametrize("name", HOSTILE_LINES)
def test_hostile_jsonl_line_is_reported_by_line_and_saves_nothing(db, name):
    line, expected = HOSTILE_LINES[name]
    good = json.dumps({"title": "Fine", "text": "A fine article."})
    report = run("hostile.jsonl", f"{good}\n{line}\n".encode())
    error = only_error(report)
    assert error.where == "line 2"
    assert expected in error.reason, error.reason
    assert len(error.reason) < 500
    assert len(report.imported) == 1
    assert Article.objects.get().title == "Fine"
    assert not Quote.objects.exists() and not Claim.objects.exists()
    assert not Speaker.objects.exists()


def test_a_valid_surrogate_pair_escape_is_an_ordinary_character(db):
    line = json.dumps({"title": "Smile \U0001f600", "text": "Body"})  # ensure_ascii: \\ud83d\\ude00
    assert "\\ud83d" in line
    report = run("emoji.jsonl", line.encode())
    assert report.ok and Article.objects.get().title == "Smile \U0001f600"


def test_hostile_jsonl_upload_gives_a_4xx_page_not_a_500(client, editor):
    client.force_login(editor)
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = ("[" * 200_000 + "\n" + with_first_quote(cue=[0, 1e400])).encode()
    response = client.post(
        "/import/", {"files": SimpleUploadedFile("bad.jsonl", data)}, follow=False
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "line 1" in body and "nested too deeply" in body
    assert "line 2" in body and "whole-number offsets" in body
