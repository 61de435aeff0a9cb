"""After picking or creating a speaker from the keyboard, the next keys act on the card
(issue 13, bug 1: `a j a j e Trump Enter` once created a speaker "ajajeTrump")."""

import pytest

from annotations.models import Quote, Speaker

from .test_review_browser import make_user, span, story  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db(transaction=True)


def test_keys_go_to_the_card_after_a_speaker_pick_and_a_create(log_in, live_server, story):  # noqa: F811
    make_user("edna", "editors")
    page = log_in("edna", "pw-edna-123")
    page.goto(f"{live_server.url}/articles/{story.pk}/")
    first = Quote.objects.get(content_start=span("The river")[0])
    second = Quote.objects.get(content_start=span("the plan would")[0])
    third = Quote.objects.get(content_start=span("the figures")[0])
    page.wait_for_selector(f"#quote-{first.pk}.selected")

    # Pick an existing speaker for the third quote: e, type, Enter.
    page.keyboard.press("j")
    page.keyboard.press("j")
    page.keyboard.press("e")
    page.keyboard.type("Lena")
    page.wait_for_selector(f"#speaker-options-{third.pk} .option")
    page.keyboard.press("Enter")
    page.wait_for_selector(f"#quote-{third.pk} .speaker-name:has-text('Lena Park')")
    # The very next keys accept it and move on: nothing is typed into the speaker box.
    page.keyboard.press("a")
    page.wait_for_selector(f"#quote-{third.pk}.is-accepted")
    assert page.evaluate("document.activeElement.id") == f"quote-{third.pk}"
    assert page.input_value(f"#speaker-q-{third.pk}") == ""

    # Create a new speaker for the second quote, then keep going with keys at once.
    page.keyboard.press("k")
    page.keyboard.press("e")
    page.keyboard.type("Tom Baker")
    page.wait_for_selector(f"#speaker-options-{second.pk} .create")
    page.keyboard.press("Enter")
    page.wait_for_selector(f"#quote-{second.pk} .speaker-name:has-text('Tom Baker')")
    page.keyboard.press("a")
    page.wait_for_selector(f"#quote-{second.pk}.is-accepted")
    page.keyboard.press("k")
    page.keyboard.press("r")
    page.wait_for_selector(f"#quote-{first.pk}.is-rejected")

    assert sorted(Speaker.objects.values_list("name", flat=True)) == ["Lena Park", "Tom Baker"]
    second.refresh_from_db()
    assert second.speaker.name == "Tom Baker"
    assert page.input_value(f"#speaker-q-{second.pk}") == ""


def test_escape_in_the_speaker_box_returns_to_the_card(log_in, live_server, story):  # noqa: F811
    make_user("edna", "editors")
    page = log_in("edna", "pw-edna-123")
    page.goto(f"{live_server.url}/articles/{story.pk}/")
    first = Quote.objects.get(content_start=span("The river")[0])
    page.wait_for_selector(f"#quote-{first.pk}.selected")
    page.keyboard.press("e")
    page.keyboard.type("x")
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.id") == f"quote-{first.pk}"
    page.keyboard.press("a")
    page.wait_for_selector(f"#quote-{first.pk}.is-accepted")
