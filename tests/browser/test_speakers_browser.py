"""Speakers pages in real Chromium: live search, inline edit, merge; the dashboard's charts."""

import pytest
from django.contrib.auth.models import Group, User

from annotations.models import Article, Quote, Speaker

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TEXT = "Sentence one is here. Sentence two is here. Sentence three is here."


def make_user(name: str, group: str) -> User:
    user = User.objects.create_user(name, password=f"pw-{name}-123")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def duplicates() -> tuple[Speaker, Speaker]:
    article = Article.objects.create(title="Port talks", text=TEXT, outlet="Harbour News")
    full = Speaker.objects.create(name="Graham Pike", role="economist")
    short = Speaker.objects.create(name="Pike", kind=Speaker.Kind.ORGANIZATION)
    Speaker.objects.create(name="Ana Ruiz")
    for word, speaker, status in (
        ("one", full, Quote.Status.ACCEPTED),
        ("two", short, Quote.Status.ACCEPTED),
        ("three", short, Quote.Status.PROPOSED),
    ):
        start = TEXT.index(f"Sentence {word}")
        Quote.objects.create(
            article=article,
            content_fragments=[[start, start + len(f"Sentence {word} is here")]],
            speaker=speaker,
            status=status,
            origin=Quote.Origin.MODEL,
            confidence=0.9,
        )
    return full, short


def test_search_edit_and_merge(log_in, live_server, duplicates):
    full, short = duplicates
    make_user("ada", "admins")
    page = log_in("ada", "pw-ada-123")

    page.goto(live_server.url + "/speakers/")
    page.evaluate("window.notReloaded = true")
    page.fill("#id_q", "pike")
    # Ana Ruiz has no accepted quote, so the list starts with two rows too: wait for the swap.
    # Function form: a bare expression string is evaluated with eval, which the CSP forbids.
    page.wait_for_function(
        "() => document.querySelector('.result-count').textContent.includes('pike')"
    )
    page.wait_for_function(
        "() => document.querySelectorAll('#speaker-results tbody tr').length === 2"
    )
    assert page.evaluate("window.notReloaded") is True  # swapped in place, no page load
    assert "q=pike" in page.url

    page.click("#speaker-results >> text=Graham Pike")
    page.wait_for_selector("#speaker-details")
    page.click("text=Edit speaker")
    page.fill("input[name=role]", "port economist")
    page.fill("textarea[name=aliases]", "G. Pike\nDr Pike")
    page.click("#speaker-details button[type=submit]")
    page.wait_for_selector("#speaker-details >> text=Saved.")
    assert "port economist" in page.inner_text("#speaker-history")  # history swapped too

    # Invalid input stays on screen with the error beside the field.
    page.click("text=Edit speaker")
    page.fill("input[name=name]", "Ana Ruiz")
    page.click("#speaker-details button[type=submit]")
    page.wait_for_selector("#speaker-details .error")
    assert "already has this name or alias" in page.inner_text("#speaker-details")
    page.click("text=Cancel")

    page.fill("#merge-q", "pike")
    page.wait_for_selector(".merge-candidate")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click(".merge-candidate button")
    page.wait_for_selector("text=Merged “Pike” into Graham Pike: 2 quotes moved")
    assert page.locator("li.speaker-quote").count() == 3
    assert not Speaker.objects.filter(pk=short.pk).exists()
    full.refresh_from_db()
    assert full.role == "port economist" and full.aliases == ["G. Pike", "Dr Pike", "Pike"]


def test_editors_see_no_merge_and_dashboard_charts(log_in, live_server, duplicates):
    full, _ = duplicates
    make_user("edna", "editors")
    page = log_in("edna", "pw-edna-123")
    page.goto(f"{live_server.url}/speakers/{full.pk}/")
    assert page.locator("#speaker-merge").count() == 0

    page.goto(live_server.url + "/dashboard/")
    assert page.locator("figure.chart svg[role=img]").count() >= 6
    assert "100%" in page.inner_text(".figures")  # 2 of 2 decided model proposals accepted
    bar = page.locator("#chart-quotes .tone-accepted .bar-fill")
    assert bar.bounding_box()["width"] > 0
