"""While an HTMX request runs, a busy bar shows at the top of the page (CSS only, no inline
style), and it goes away when the answer is in."""

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from annotations.models import Speaker

pytestmark = pytest.mark.django_db(transaction=True)

BAR_STATE = "getComputedStyle(document.querySelector('.busy-indicator')).visibility"


def test_busy_bar_shows_while_an_htmx_request_runs(log_in, live_server):
    user = User.objects.create_user("edna", password="pw-edna-123")
    user.groups.add(Group.objects.get(name="editors"))
    Speaker.objects.create(name="Ines Duarte")
    page = log_in("edna", "pw-edna-123")
    page.goto(live_server.url + reverse("annotations:speakers"))
    assert page.evaluate(BAR_STATE) == "hidden"

    held = []
    page.route("**/speakers/?*q=Ines*", lambda route: held.append(route))
    page.fill("#id_q", "Ines")
    page.wait_for_function("() => document.querySelector('.htmx-request') !== null")
    page.wait_for_function(f"() => {BAR_STATE} === 'visible'")
    assert held, "the search request was not held"
    assert page.evaluate("document.querySelector('.busy-indicator').getAttribute('style')") is None

    held[0].continue_()
    page.wait_for_function(f"() => {BAR_STATE} === 'hidden'")
    page.wait_for_selector("#speaker-results .result-count")
    assert "matching “Ines”" in page.inner_text("#speaker-results")
