"""Every main page works in Chromium under the Content-Security-Policy, htmx included."""

import pytest
from django.contrib.auth.models import Group, User

from annotations.models import Article, Quote, Speaker

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TEXT = "The mayor spoke.\n\n“We will build it,” said Ana Ruiz. Critics said it was late."


@pytest.fixture
def data():
    admin = User.objects.create_user("csp-admin", password="pw-csp-admin-123")
    admin.groups.add(Group.objects.get(name="admins"))
    article = Article.objects.create(title="Budget", text=TEXT, outlet="Bugle")
    start = TEXT.index("We will")
    speaker = Speaker.objects.create(name="Ana Ruiz")
    Quote.objects.create(
        article=article,
        content_fragments=[[start, start + len("We will build it")]],
        speaker=speaker,
        origin=Quote.Origin.MODEL,
        confidence=0.9,
    )
    return article, speaker


def test_main_pages_raise_no_csp_violation_and_htmx_works(log_in, live_server, data):
    article, speaker = data
    page = log_in("csp-admin", "pw-csp-admin-123")
    violations = []
    page.on(
        "console",
        lambda msg: (
            violations.append(msg.text)
            if "Content Security Policy" in msg.text or "Content-Security-Policy" in msg.text
            else None
        ),
    )
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => "
        "console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + "
        "e.blockedURI));"
    )
    for path in [
        "/",
        f"/articles/{article.pk}/",
        "/speakers/",
        f"/speakers/{speaker.pk}/",
        "/dashboard/",
        "/import/",
        "/import/paste/",
        "/export/",
        "/search/",
        "/admin/",
    ]:
        response = page.goto(live_server.url + path)
        assert response.status < 400, path
        assert "Content-Security-Policy" in response.headers.get("content-security-policy", "") or (
            "default-src" in response.headers.get("content-security-policy", "")
        ), path
        page.wait_for_load_state("load")
    assert violations == []

    # htmx runs under the policy: accepting on the review page swaps the card in place.
    page.goto(f"{live_server.url}/articles/{article.pk}/")
    # (Playwright's wait_for_function evaluates strings, which the policy rightly forbids.)
    page.locator("button", has_text="Accept").first.click()
    page.locator("#review-message", has_text="Accepted").wait_for()
    assert Quote.objects.get().status == Quote.Status.ACCEPTED
    assert page.url.endswith(f"/articles/{article.pk}/")  # swapped in place, no reload
    assert violations == []

    # and from the keyboard: a swap that settles a focused card copies no style attribute
    start = TEXT.index("it was late")
    Quote.objects.create(
        article=article,
        content_fragments=[[start, start + len("it was late")]],
        origin=Quote.Origin.MODEL,
        confidence=0.8,
    )
    page.goto(f"{live_server.url}/articles/{article.pk}/")
    page.keyboard.press("j")
    page.keyboard.press("j")
    page.keyboard.press("a")
    page.locator("#review-message", has_text="Accepted").wait_for()
    page.keyboard.press("j")
    page.keyboard.press("r")
    page.locator("#review-message", has_text="Rejected").wait_for()
    assert violations == []
