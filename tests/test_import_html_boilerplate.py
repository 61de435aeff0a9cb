"""HTML import drops what news pages wrap around the story: the headline repeated as the
first line, and trailing credits and legal lines (annotations/data/newsroom_credits.txt).
The pages in tests/data/html/ are invented, in the shape of real wire and local pages."""

from pathlib import Path

import pytest

from annotations.imports import drop_page_boilerplate, parse_html

PAGES = Path(__file__).parent / "data" / "html"


def extract(name: str) -> dict:
    (record,) = parse_html(name, (PAGES / name).read_text(encoding="utf-8"))
    return record.fields


def test_wire_story_keeps_the_story_and_drops_headline_and_credits():
    fields = extract("wire_story.html")
    text = fields["text"]
    assert fields["title"] == "Harbour authority approves night dredging despite protests"
    assert text.startswith("PORTO NOVO, April 12 (Harbour Wire) - The harbour authority")
    assert text.endswith("limit the loudest work to daytime hours.")
    for boilerplate in ("Additional reporting by", "Editing by", "Our Standards", "©", "Privacy"):
        assert boilerplate not in text
    assert "Harbour authority approves" not in text  # the repeated headline


def test_local_paper_drops_reporting_credit_and_copyright():
    fields = extract("local_paper.html")
    text = fields["text"]
    assert fields["title"] == "Library hours cut as budget shortfall grows"
    assert text.startswith("The city's central library will close")
    assert text.endswith("since many study there in the evening.")
    assert "Reporting by" not in text and "© 2020" not in text and "rights reserved" not in text


@pytest.mark.parametrize(
    "ending",
    [
        "Copyright lawyers said the claim would fail.",
        "The mayor said © signs would be removed from the old posters.",
        "Our standards are slipping, the union said.",
    ],
)
def test_story_sentences_that_only_look_like_credits_are_kept(ending):
    text = f"The council met on Monday.\n{ending}"
    assert drop_page_boilerplate(text, "Council meets") == text


def test_headline_repeat_is_matched_ignoring_case_and_spacing():
    text = "LIBRARY  hours cut\nThe library closes earlier.\n© 2021 Ledger"
    assert drop_page_boilerplate(text, "Library hours cut") == "The library closes earlier."


def test_a_text_that_is_only_credits_keeps_its_first_line():
    """Nothing is left empty: the import then reports the page as it is, never a blank."""
    assert drop_page_boilerplate("Editing by Sara Lind", "Title") == "Editing by Sara Lind"
