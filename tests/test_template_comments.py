"""Django's {# ... #} comments end on their line: one that runs over lines is not a comment
but text shown on every page that uses the template (it happened once in base.html)."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = sorted(
    path
    for folder in (ROOT / "templates", ROOT / "annotations" / "templates")
    if folder.exists()
    for path in folder.rglob("*.html")
)


def test_there_are_templates_to_check():
    assert any(path.name == "base.html" for path in TEMPLATES)


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda path: str(path.relative_to(ROOT)))
def test_one_line_comments_close_on_their_line(path):
    unclosed = [
        number
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if line.count("{#") > line.count("#}")
    ]
    assert not unclosed, f"{path}: a {{# comment is not closed on line(s) {unclosed}"
