"""The selection bar shows the words the server will save (issue 13, bug 4): a selection
that starts or ends mid-word is snapped in the browser exactly as the server snaps it."""

import random

import pytest

from annotations.models import Quote
from annotations.spans import snap_to_words

from .test_review_browser import TEXT, drag_select, make_user, span, story  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)


def test_selection_bar_shows_the_snapped_words_before_saving(log_in, live_server, story):  # noqa: F811
    make_user("edna", "editors")
    page = log_in("edna", "pw-edna-123")
    page.goto(f"{live_server.url}/articles/{story.pk}/")
    page.wait_for_selector(".quote-card.selected")

    # "osition lead" of "Opposition leader": the raw selection is mid-word at both ends.
    start, end = span("Opposition leader")
    drag_select(page, start + 2, end - 2)
    assert page.inner_text("#selection-text") == "Opposition leader"
    assert page.inner_text("#selection-offsets") == f"[{start}, {end})"

    # Across a sentence end and after the emoji (JS counts it as two UTF-16 units).
    s, e = span("invented. “We have")
    drag_select(page, s + 3, e - 2)
    page.wait_for_selector(f"#selection-offsets:text-is('[{s}, {e})')")
    assert page.inner_text("#selection-text") == "invented. “We have"
    assert page.inner_text("#selection-offsets") == f"[{s}, {e})"

    # What is saved is what was shown.
    page.click("[data-span-action=add_quote]")
    page.wait_for_selector("#review-message:has-text('Quote added')")
    added = Quote.objects.get(origin=Quote.Origin.EDITOR)
    assert added.content == (s, e)


def test_browser_snapping_agrees_with_the_server_everywhere(log_in, live_server, story):  # noqa: F811
    make_user("edna", "editors")
    page = log_in("edna", "pw-edna-123")
    page.goto(f"{live_server.url}/articles/{story.pk}/")
    page.wait_for_selector("#article-text")
    rng = random.Random(13)
    pairs = [sorted(rng.sample(range(len(TEXT) + 1), 2)) for _ in range(400)]
    pairs += [[i, i + 1] for i in range(len(TEXT))]
    browser = page.evaluate(
        "(pairs) => { const chars = NewsdeskSnap.articleChars();"
        " return pairs.map(([s, e]) => NewsdeskSnap.snap(chars, s, e)); }",
        pairs,
    )
    server = [list(snap_to_words(TEXT, s, e)) for s, e in pairs]
    assert browser == server
