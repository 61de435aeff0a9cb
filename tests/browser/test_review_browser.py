"""Editors review an article in real Chromium: keys, clicks, text selection, undo, conflicts."""

import datetime

import pytest
from django.contrib.auth.models import Group, User

from annotations.models import Article, Quote, Speaker

pytestmark = pytest.mark.django_db(transaction=True)

# An emoji early in the text: JavaScript counts it as two UTF-16 units, Python as one
# code point, so every offset after it proves the selection mapping is exact.
TEXT = (
    "Council backs the river plan 🌊 after a long night\n\n"
    "“The river will be clean by 2030,” said Mayor Lena Park. "
    "She added that the plan would cost 40 million euros.\n\n"
    "Opposition leader Tom Baker said the figures were invented. "
    "“We have seen no study at all,” Baker told reporters.\n"
)


def span(words: str, after: str = "") -> list[int]:
    start = TEXT.index(words, TEXT.index(after) + len(after) if after else 0)
    return [start, start + len(words)]


def make_user(name: str, group: str) -> User:
    user = User.objects.create_user(name, password=f"pw-{name}-123")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def story() -> Article:
    Article.objects.create(
        title="Older story, already done", text="Nothing here.", status=Article.Status.REVIEWED
    )
    article = Article.objects.create(
        title="Council backs the river plan",
        text=TEXT,
        outlet="River Gazette",
        published=datetime.date(2025, 5, 2),
        status=Article.Status.PROPOSED,
    )
    park = Speaker.objects.create(name="Lena Park", role="Mayor")

    def propose(content, cue, mention, kind, confidence, speaker=None, cue_after=""):
        cue_span = span(cue, after=cue_after)
        return Quote.objects.create(
            article=article,
            content_fragments=[span(content)],
            cue_start=cue_span[0],
            cue_end=cue_span[1],
            speaker_mention_start=span(mention)[0],
            speaker_mention_end=span(mention)[1],
            kind=kind,
            origin=Quote.Origin.MODEL,
            confidence=confidence,
            speaker=speaker,
        )

    propose("The river will be clean by 2030", "said", "Mayor Lena Park", "direct", 0.93, park)
    # The model cut this one short: "euros" is missing.
    propose("the plan would cost 40 million", "added", "She", "indirect", 0.71, park)
    propose(
        "the figures were invented",
        "said",
        "Opposition leader Tom Baker",
        "indirect",
        0.4,
        cue_after="Tom Baker",
    )
    return article


def card(page, content_start: int):
    quote = Quote.objects.get(content_start=content_start)
    return page.locator(f"#quote-{quote.pk}")


# Screen points of the first character at ``start`` and the last before ``end`` (code points).
POINTS_JS = """([start, end]) => {
  function point(offset, after) {
    for (const seg of document.querySelectorAll('#article-text span[data-start]')) {
      const s = Number(seg.dataset.start), e = Number(seg.dataset.end);
      if (offset < s || offset > e || (offset === e && !after)) continue;
      const chars = [...seg.firstChild.data];
      const index = after ? offset - s - 1 : offset - s;
      const units = chars.slice(0, index).join('').length;
      const range = document.createRange();
      range.setStart(seg.firstChild, units);
      range.setEnd(seg.firstChild, units + chars[index].length);
      const r = range.getBoundingClientRect();
      return {x: after ? r.right - 1 : r.left + 1, y: r.top + r.height / 2};
    }
  }
  return {from: point(start, false), to: point(end, true)};
}"""


def drag_select(page, start: int, end: int) -> None:
    """Select article text [start, end) (code points) with a real mouse drag."""
    box = page.evaluate(POINTS_JS, [start, end])
    page.mouse.move(box["from"]["x"], box["from"]["y"])
    page.mouse.down()
    page.mouse.move((box["from"]["x"] + box["to"]["x"]) / 2, box["to"]["y"], steps=4)
    page.mouse.move(box["to"]["x"], box["to"]["y"], steps=4)
    page.mouse.up()
    page.wait_for_selector("#selection-bar:not([hidden])")


def test_editor_reviews_an_article_with_keys_clicks_and_selections(log_in, live_server, story):
    make_user("edna", "editors")
    page = log_in("edna", "pw-edna-123")

    # The queue, then "Next article" skips the reviewed one and opens ours.
    page.goto(live_server.url + "/")
    page.click("text=Next article")
    page.wait_for_selector("#article-text")
    assert page.locator("h1").inner_text() == "Council backs the river plan"

    first = card(page, span("The river will be clean by 2030")[0])
    second = card(page, span("the plan would cost 40 million")[0])
    third = card(page, span("the figures were invented")[0])

    # The first proposal is selected on load; `a` accepts it.
    page.wait_for_selector(".quote-card.selected")
    page.keyboard.press("a")
    page.wait_for_selector(f"#{first.get_attribute('id')}.is-accepted")

    # Reject the third with a click.
    third.locator("[data-action=reject]").click()
    page.wait_for_selector(f"#{third.get_attribute('id')}.is-rejected")

    # Fix the second's content boundary by selecting the whole clause with the mouse.
    second.click(position={"x": 5, "y": 5})
    drag_select(page, *span("the plan would cost 40 million euros"))
    page.click("[data-span-action=set_span][data-field=content]")
    page.wait_for_selector("#review-message:has-text('Content set')")
    assert "40 million euros" in second.locator(".card-content").inner_text()

    # A quote the model missed: select it and add it.
    drag_select(page, *span("We have seen no study at all"))
    page.click("[data-span-action=add_quote]")
    page.wait_for_selector("#review-message:has-text('Quote added')")
    added = Quote.objects.get(origin=Quote.Origin.EDITOR)
    assert added.content_text == "We have seen no study at all"
    new_card = page.locator(f"#quote-{added.pk}")
    page.wait_for_selector(f"#quote-{added.pk}.selected")

    # Give it a new speaker by typing: `e` focuses the speaker box.
    page.keyboard.press("e")
    page.keyboard.type("Tom Baker")
    page.click(f"#speaker-options-{added.pk} >> text=Create “Tom Baker”")
    page.wait_for_selector(f"#quote-{added.pk} .speaker-name:has-text('Tom Baker')")

    # A mistaken reject, then undo with `u`.
    second.click(position={"x": 5, "y": 5})
    page.keyboard.press("r")
    page.wait_for_selector(f"#{second.get_attribute('id')}.is-rejected")
    page.keyboard.press("u")
    page.wait_for_selector(f"#{second.get_attribute('id')}.is-proposed")

    # The help overlay lists the keys.
    page.keyboard.press("?")
    assert page.locator("#help").is_visible()
    assert "next / previous attribution" in page.locator("#help").inner_text()
    page.keyboard.press("Escape")

    # Everything is saved: reload and look again.
    page.reload()
    page.wait_for_selector("#article-text")
    assert "is-accepted" in first.get_attribute("class")
    assert "is-rejected" in third.get_attribute("class")
    assert "is-proposed" in second.get_attribute("class")
    assert "40 million euros" in second.locator(".card-content").inner_text()
    assert "Tom Baker" in new_card.locator(".speaker-name").inner_text()
    second_quote = Quote.objects.get(content_start=span("the plan would cost")[0])
    assert second_quote.content == tuple(span("the plan would cost 40 million euros"))
    assert Speaker.objects.get(name="Tom Baker").quotes.get() == added


def test_second_editor_gets_the_conflict_message(log_in, live_server, story):
    make_user("edna", "editors")
    make_user("ed", "editors")
    url = f"{live_server.url}/articles/{story.pk}/"
    first_page = log_in("edna", "pw-edna-123")
    second_page = log_in("ed", "pw-ed-123")
    first_page.goto(url)
    second_page.goto(url)
    quote = Quote.objects.get(content_start=span("The river")[0])

    first_page.click(f"#quote-{quote.pk} [data-action=accept]")
    first_page.wait_for_selector(f"#quote-{quote.pk}.is-accepted")

    second_page.click(f"#quote-{quote.pk} [data-action=reject]")
    message = second_page.locator("#review-message")
    message.wait_for(state="visible")
    second_page.wait_for_selector("#review-message.error")
    assert "changed by someone else" in message.inner_text()
    # The second editor now sees the current state, not their own stale view.
    second_page.wait_for_selector(f"#quote-{quote.pk}.is-accepted")
    quote.refresh_from_db()
    assert quote.status == Quote.Status.ACCEPTED
