"""Cards and speaker pages show each quote between one pair of quotation marks (issue 13, bug 6)."""

import pytest
from django.urls import reverse

from annotations.models import Quote, Speaker
from annotations.templatetags.quotes import quoted


@pytest.mark.parametrize(
    ("content", "shown"),
    [
        ("We will hire 200 teachers", "“We will hire 200 teachers”"),
        ("“We will hire 200 teachers,”", "“We will hire 200 teachers,”"),
        ('"We will hire 200 teachers."', '"We will hire 200 teachers."'),
        # A quotation that runs on into the next paragraph opens without closing.
        ("“We are leaving", "“We are leaving”"),
        ("« Nous partons »", "« Nous partons »"),
        ("„Wir gehen“", "„Wir gehen“"),
        # Only its closing mark inside the span.
        ("we are leaving,”", "“we are leaving,”"),
        # A mixed quote's inner marks stay, and the whole gets its own pair.
        ("the plan is “a disaster”", "“the plan is “a disaster””"),
        # An apostrophe at the end is not a closing mark.
        ("they took the workers’", "“they took the workers’”"),
        ("  ", ""),
    ],
)
def test_quoted_adds_only_missing_marks(content, shown):
    assert quoted(content) == shown


@pytest.fixture
def marked_quote(db, article) -> Quote:
    text = article.text
    start = text.index("“We will")
    end = text.index(",”") + 2
    speaker = Speaker.objects.create(name="Ana Ruiz")
    return Quote.objects.create(
        article=article, content_fragments=[[start, end]], speaker=speaker, origin="model"
    )


def _card_text(html: str, marker: str) -> str:
    start = html.index(marker)
    return html[html.index(">", start) + 1 : html.index("</blockquote>", start)]


def test_review_card_shows_content_marks_once(client, editor, marked_quote):
    client.force_login(editor)
    html = client.get(reverse("annotations:review", args=[marked_quote.article_id])).text
    shown = _card_text(html, '<blockquote class="card-content"')
    assert shown == "“We will hire 200 more teachers by September,”"


def test_speaker_page_shows_content_marks_once(client, editor, marked_quote):
    client.force_login(editor)
    html = client.get(reverse("annotations:speaker", args=[marked_quote.speaker_id])).text
    shown = _card_text(html, "<blockquote")
    assert shown == "“We will hire 200 more teachers by September,”"


def test_no_marks_added_by_the_stylesheet(settings):
    stylesheet = (settings.BASE_DIR / "static" / "css" / "app.css").read_text(encoding="utf-8")
    assert 'content: "“"' not in stylesheet
