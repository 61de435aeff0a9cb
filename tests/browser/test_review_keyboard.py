"""The review page with the keyboard alone (issue 13): a whole article reviewed after the
text selections with a counted number of keys, every key shown on its button and in the
help, and the read-only view of a reviewed article (bug 3)."""

import pytest

from annotations.models import Article, Claim, Quote, Speaker

from .test_review_browser import TEXT, drag_select, make_user, span, story  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)


class Keyboard:
    """Presses keys on the page and counts every one (a typed word counts each letter)."""

    def __init__(self, page):
        self.page = page
        self.count = 0

    def press(self, *keys: str) -> None:
        for key in keys:
            self.page.keyboard.press(key)
            self.count += 1

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)
        self.count += len(text)


def open_review(log_in, live_server, article, user="edna"):
    make_user(user, "admins" if user == "ada" else "editors")
    page = log_in(user, f"pw-{user}-123")
    page.goto(f"{live_server.url}/articles/{article.pk}/")
    page.wait_for_selector(".quote-card.selected")
    return page


def test_a_whole_article_reviewed_with_the_keyboard_after_the_selections(
    log_in,
    live_server,
    story,  # noqa: F811
):
    page = open_review(log_in, live_server, story)
    keys = Keyboard(page)
    river = Quote.objects.get(content_start=span("The river")[0])
    plan = Quote.objects.get(content_start=span("the plan would")[0])
    figures = Quote.objects.get(content_start=span("the figures")[0])

    # C: accept every proposal at or above 0.90 (the mayor's quote, 0.93).
    keys.press("C")
    page.wait_for_selector("#review-message:has-text('Accepted 1 proposal at or above')")
    page.wait_for_selector(f"#quote-{river.pk}.is-accepted")

    # The plan quote was cut short: select the whole clause, c sets the content, a accepts.
    keys.press("j")
    page.wait_for_selector(f"#quote-{plan.pk}.selected")
    drag_select(page, *span("the plan would cost 40 million euros"))
    keys.press("c")
    page.wait_for_selector("#review-message:has-text('Content set')")
    keys.press("a")
    page.wait_for_selector(f"#quote-{plan.pk}.is-accepted")

    # The opposition leader's quote: create his speaker from the keyboard, then accept.
    keys.press("j")
    page.wait_for_selector(f"#quote-{figures.pk}.selected")
    keys.press("e")
    keys.type("Tom Baker")
    page.wait_for_selector(f"#speaker-options-{figures.pk} .create")
    keys.press("Enter")
    page.wait_for_selector(f"#quote-{figures.pk} .speaker-name:has-text('Tom Baker')")
    keys.press("a")
    page.wait_for_selector(f"#quote-{figures.pk}.is-accepted")

    # A quote the model missed: q adds the selection, v and m set its cue and mention,
    # e picks the speaker just created.
    drag_select(page, *span("We have seen no study at all"))
    keys.press("q")
    page.wait_for_selector("#review-message:has-text('Quote added')")
    added = Quote.objects.get(origin=Quote.Origin.EDITOR)
    page.wait_for_selector(f"#quote-{added.pk}.selected")
    baker = TEXT.index("Baker told")
    drag_select(page, baker + 6, baker + 10)
    keys.press("v")
    page.wait_for_selector("#review-message:has-text('Cue set')")
    drag_select(page, baker, baker + 5)
    keys.press("m")
    page.wait_for_selector("#review-message:has-text('Speaker mention set')")
    keys.press("e")
    keys.type("Tom")
    page.wait_for_selector(f"#speaker-options-{added.pk} .option:has-text('Tom Baker')")
    keys.press("Enter")
    page.wait_for_selector(f"#quote-{added.pk} .speaker-name:has-text('Tom Baker')")

    # R: the article is done.
    keys.press("R")
    page.wait_for_selector("#review-message:has-text('Article marked reviewed')")
    page.wait_for_selector("text=Read-only: reviewed by edna")

    # C + j c a + j e "Tom Baker" Enter a + q v m e "Tom" Enter + R
    assert keys.count == 1 + 3 + (2 + 9 + 2) + (4 + 3 + 1) + 1 == 26
    story.refresh_from_db()
    assert story.status == Article.Status.REVIEWED
    assert page.locator("#quote-list [data-action]").count() == 0
    quotes = {q.pk: q for q in Quote.objects.all()}
    assert {q.status for q in quotes.values()} == {"accepted"}
    assert quotes[plan.pk].content == tuple(span("the plan would cost 40 million euros"))
    baker_speaker = Speaker.objects.get(name="Tom Baker")
    assert quotes[figures.pk].speaker == baker_speaker
    assert quotes[added.pk].speaker == baker_speaker
    assert quotes[added.pk].cue_text == "told"
    assert quotes[added.pk].speaker_mention_text == "Baker"
    assert quotes[added.pk].content_text == "We have seen no study at all"


def test_kind_fragment_claim_accept_all_and_undo_keys(log_in, live_server, story):  # noqa: F811
    page = open_review(log_in, live_server, story)
    river = Quote.objects.get(content_start=span("The river")[0])
    plan = Quote.objects.get(content_start=span("the plan would")[0])

    # 2 / 3: change the kind of the selected attribution.
    page.keyboard.press("3")
    page.wait_for_selector("#review-message:has-text('Kind set to mixed')")
    page.keyboard.press("2")
    page.wait_for_selector("#review-message:has-text('Kind set to indirect')")
    river.refresh_from_db()
    assert river.kind == "indirect"

    # x marks a claim inside the content; f adds a fragment.
    drag_select(page, *span("clean by 2030"))
    page.keyboard.press("x")
    page.wait_for_selector("#review-message:has-text('Claim marked')")
    assert Claim.objects.get().text == "clean by 2030"
    page.keyboard.press("j")
    page.wait_for_selector(f"#quote-{plan.pk}.selected")
    drag_select(page, *span("euros"))
    page.keyboard.press("f")
    page.wait_for_selector("#review-message:has-text('Fragment')")
    plan.refresh_from_db()
    assert plan.fragments[-1] == tuple(span("euros"))

    # Keys that need a selection do nothing without one; Esc cancels a selection.
    drag_select(page, *span("long night"))
    page.keyboard.press("Escape")
    assert page.locator("#selection-bar").is_hidden()
    page.keyboard.press("q")
    page.wait_for_timeout(300)
    assert not Quote.objects.filter(origin=Quote.Origin.EDITOR).exists()

    # A accepts all remaining; u takes the whole batch back.
    page.keyboard.press("A")
    page.wait_for_selector("#review-message:has-text('Accepted 3 remaining proposals')")
    page.keyboard.press("u")
    page.wait_for_selector("#review-message:has-text('Undid accept all')")
    assert set(Quote.objects.values_list("status", flat=True)) == {"proposed"}

    # No key acts while typing in a field: the threshold box takes the letters.
    page.focus("#accept-threshold")
    page.keyboard.press("A")
    page.keyboard.press("R")
    page.wait_for_timeout(300)
    assert set(Quote.objects.values_list("status", flat=True)) == {"proposed"}
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.classList.contains('quote-card')")


def test_every_key_is_on_its_button_and_in_the_help(log_in, live_server, story):  # noqa: F811
    page = open_review(log_in, live_server, story)
    drag_select(page, *span("long night"))
    buttons = {
        "c": "Set content",
        "v": "Set cue",
        "m": "Set speaker mention",
        "f": "Add fragment",
        "x": "Mark claim",
        "q": "Add as new quote",
        "A": "Accept all remaining",
        "C": "Accept",
        "R": "Mark reviewed",
        "u": "Undo",
    }
    for key, label in buttons.items():
        button = page.locator(f"[data-key='{key}']")
        assert label in button.inner_text()
        assert button.locator("kbd").inner_text() == key
    card_text = page.locator(".quote-card.selected").inner_text()
    for key in ("a", "r", "e", "1", "2", "3"):
        assert key in card_text
    page.keyboard.press("Escape")
    page.keyboard.press("?")
    help_text = page.locator("#help").inner_text()
    for key in [*buttons, "a", "r", "e", "1", "2", "3", "j", "k", "n", "Esc"]:
        assert f"{key}\n" in help_text or f"{key} " in help_text, key


def test_a_reviewed_article_is_read_only_in_the_browser(log_in, live_server, story):  # noqa: F811
    Quote.objects.update(status=Quote.Status.ACCEPTED)
    story.status = Article.Status.REVIEWED
    story.save()
    page = open_review(log_in, live_server, story)
    posts = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    assert page.locator(".quote-card [data-action], .speaker-input, #undo-button").count() == 0
    assert page.locator("#reopen").count() == 0
    for key in ("a", "r", "e", "A", "C", "R", "u", "2"):
        page.keyboard.press(key)
    drag_select_shows_no_bar(page)
    page.wait_for_timeout(300)
    assert posts == []
    assert set(Quote.objects.values_list("status", flat=True)) == {"accepted"}

    # An admin sees Reopen; after it, the controls are back and keys work again.
    admin = open_review(log_in, live_server, story, user="ada")
    admin.click("#reopen")
    admin.wait_for_selector("#review-message:has-text('reopened')")
    admin.wait_for_selector(".quote-card.selected [data-action=reject]")
    admin.keyboard.press("r")
    admin.wait_for_selector(".quote-card.selected.is-rejected")


def drag_select_shows_no_bar(page) -> None:
    start, end = span("long night")
    box = page.evaluate(
        "([s, e]) => { const seg = [...document.querySelectorAll('#article-text span')]"
        ".find(x => Number(x.dataset.start) <= s && Number(x.dataset.end) >= e);"
        " const r = seg.getBoundingClientRect(); return {x: r.left + 2, y: r.top + r.height / 2,"
        " w: r.width}; }",
        [start, end],
    )
    page.mouse.move(box["x"], box["y"])
    page.mouse.down()
    page.mouse.move(box["x"] + box["w"] / 2, box["y"], steps=4)
    page.mouse.up()
    page.wait_for_timeout(100)
    assert page.locator("#selection-bar").is_hidden()
