"""manage.py import_articles: files and folders, the report, the exit status."""

import io
import json
from collections import Counter

from django.core.management import CommandError, call_command

from annotations.models import Article


def write_tree(root):
    (root / "nested" / "deeper").mkdir(parents=True)
    (root / "a.txt").write_text("Title A\nText of article a.", encoding="utf-8")
    (root / "nested" / "b.csv").write_text("title,text\nTitle B,Text of b.\n", encoding="utf-8")
    (root / "nested" / "deeper" / "c.jsonl").write_text(
        json.dumps({"title": "Title C", "text": "Text of c.", "outlet": "Own"}) + "\n",
        encoding="utf-8",
    )
    (root / "nested" / "notes.md").write_text("not an article", encoding="utf-8")


def run(*args: str) -> tuple[str, CommandError | None]:
    """The command's report, and the CommandError it ended with (None if it succeeded)."""
    out = io.StringIO()
    try:
        call_command("import_articles", *args, stdout=out, stderr=io.StringIO())
    except CommandError as exc:
        return out.getvalue(), exc
    return out.getvalue(), None


def test_imports_folders_recursively_by_extension(db, tmp_path):
    write_tree(tmp_path)
    output, failure = run(str(tmp_path), "--outlet", "Wire")
    assert failure is None
    assert dict(Article.objects.values_list("title", "outlet")) == {
        "Title A": "Wire",
        "Title B": "Wire",
        "Title C": "Own",
    }
    assert "3 imported, 0 skipped as duplicates, 0 errors" in output


def test_reports_errors_and_duplicates_and_exits_non_zero(db, tmp_path):
    write_tree(tmp_path)
    assert run(str(tmp_path))[1] is None
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"title": "X", "text": "Fresh text."}\n{"title": oops}\n', encoding="utf-8")
    report, failure = run(str(tmp_path / "a.txt"), str(bad))
    assert failure is not None and "1 error" in str(failure)
    assert "1 imported, 1 skipped as duplicates, 1 errors" in report
    assert f"Error: {bad}, line 2: malformed JSON" in report
    assert f"Duplicate: {tmp_path / 'a.txt'}: same text as article #" in report
    assert Article.objects.filter(title="X").exists()


def test_missing_path_is_an_error(db, tmp_path):
    report, failure = run(str(tmp_path / "nope.txt"))
    assert failure is not None
    assert "no such file or folder" in report


def test_preannotate_runs_in_process_on_what_was_imported(db, tmp_path, monkeypatch):
    calls = []

    def fake_preannotate(ids, progress=None):
        calls.append(ids)
        progress(len(ids), len(ids))
        return Counter(articles=len(ids), quotes=5, claims=2)

    monkeypatch.setattr("annotations.preannotation.preannotate_articles", fake_preannotate)
    write_tree(tmp_path)
    output, failure = run(str(tmp_path), "--preannotate")
    assert failure is None
    assert "Pre-annotated 3 articles: 5 quotes and 2 claims proposed." in output
    assert [sorted(ids) for ids in calls] == [sorted(Article.objects.values_list("pk", flat=True))]
