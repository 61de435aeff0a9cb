"""Every page of the URLconf fits a 390 px phone screen: no horizontal scroll, and every link
and button of the top bar is on screen. The page list comes from tests/site_pages.py, which
tests/test_site_pages.py keeps in step with the URLconf.

Screenshots go to test-artifacts/narrow/ (not committed) to look at.
"""

from pathlib import Path
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group, User

from annotations.models import (
    Article,
    Claim,
    PreannotationJob,
    Quote,
    Speaker,
    TrainingJob,
)
from tests.site_pages import LOGGED_OUT, PAGES

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "narrow"

# Long words and names are what push a phone layout sideways.
TEXT = (
    "Harbour authority approves round-the-clock dredging despite protests\n\n"
    "“Ships are getting bigger and we cannot stay behind,” said harbour master Ines Duarte, "
    "adding that the channel would be deepened by 3 metres before the end of next year.\n\n"
    "According to the Old Town Residents’ Association, more than 1,200 households signed "
    "a petition (https://petitions.example.org/harbour-dredging-night-work-2025-04) "
    "against the plan.\n"
)


def _span(words: str) -> list[int]:
    start = TEXT.index(words)
    return [start, start + len(words)]


@pytest.fixture
def objects() -> SimpleNamespace:
    admin = User.objects.create_user("ada", password="pw-ada-123", is_staff=True)
    admin.groups.add(Group.objects.get(name="admins"))
    article = Article.objects.create(
        title="Harbour authority approves round-the-clock dredging despite two years of protests",
        text=TEXT,
        outlet="The Harbour Herald and Coastal Evening Times",
        url="https://news.example.org/2025/04/12/harbour-authority-approves-dredging",
        author="Marta Silva",
        status=Article.Status.IN_REVIEW,
        assignee=admin,
    )
    speaker = Speaker.objects.create(
        name="Ines Duarte",
        role="Harbour master of the Port Authority of the Old Town",
        organization="Port Authority",
        aliases=["harbour master Ines Duarte", "Duarte"],
    )
    unquoted = Speaker.objects.create(name="Old Town Residents’ Association-Committee")
    content, cue, mention = (
        _span("Ships are getting bigger and we cannot stay behind"),
        _span("said"),
        _span("harbour master Ines Duarte"),
    )
    quote = Quote.objects.create(
        article=article,
        content_fragments=[content],
        cue_start=cue[0],
        cue_end=cue[1],
        speaker_mention_start=mention[0],
        speaker_mention_end=mention[1],
        speaker=speaker,
        status=Quote.Status.ACCEPTED,
        origin=Quote.Origin.MODEL,
        confidence=0.93,
    )
    indirect = Quote.objects.create(
        article=article,
        content_fragments=[_span("the channel would be deepened by 3 metres")],
        speaker=speaker,
        kind=Quote.Kind.INDIRECT,
        origin=Quote.Origin.MODEL,
        confidence=0.71,
    )
    claim = _span("deepened by 3 metres")
    Claim.objects.create(quote=indirect, start=claim[0], end=claim[1])
    job = PreannotationJob.objects.create(
        article_ids=[article.pk], total=1, created_by=admin, status="running"
    )
    return SimpleNamespace(
        admin=admin,
        article=article,
        quote=quote,
        speaker=speaker,
        unquoted_speaker=unquoted,
        job=job,
        training_job=TrainingJob.objects.create(
            created_by=admin, status="running", done=3, total=10, message="epoch 3"
        ),
    )


def _overflow(page) -> dict:
    return page.evaluate(
        r"""() => ({
            width: document.scrollingElement.scrollWidth,
            offscreen: [...document.querySelectorAll('.topbar a, .topbar button')]
                .filter(el => {
                    const box = el.getBoundingClientRect();
                    return box.width > 0 && (box.right > window.innerWidth + 0.5 || box.left < 0);
                })
                .map(el => el.textContent.trim()),
            // The outermost elements that stick out, to say what to fix.
            wide: [...document.querySelectorAll('body *')]
                .filter(el => el.getBoundingClientRect().right > window.innerWidth + 0.5
                    && !(el.parentElement.getBoundingClientRect().right > window.innerWidth + 0.5))
                .slice(0, 5)
                .map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                    + (el.className && typeof el.className === 'string'
                       ? '.' + el.className.trim().split(/\s+/).join('.') : '')),
        })"""
    )


def test_every_page_fits_a_390px_screen(browser, live_server, objects):
    SHOTS.mkdir(parents=True, exist_ok=True)
    problems = {}
    logged_in = browser.new_context(viewport=PHONE, device_scale_factor=1)
    logged_out = browser.new_context(viewport=PHONE, device_scale_factor=1)
    try:
        page = logged_in.new_page()
        page.goto(live_server.url + "/login/")
        page.fill("#id_username", "ada")
        page.fill("#id_password", "pw-ada-123")
        page.click("form button[type=submit]")
        page.wait_for_selector(".topbar .who")
        anonymous = logged_out.new_page()
        for name, path_for in PAGES.items():
            tab = anonymous if name in LOGGED_OUT else page
            response = tab.goto(live_server.url + path_for(objects))
            assert response.status == 200, f"{name}: {response.status}"
            tab.wait_for_load_state("load")
            found = _overflow(tab)
            tab.screenshot(path=str(SHOTS / f"{name.replace(':', '-')}.png"), full_page=True)
            if found["width"] > PHONE["width"] or found["offscreen"]:
                problems[name] = found
    finally:
        logged_in.close()
        logged_out.close()
    assert not problems, f"wider than 390 px, or top-bar items off screen: {problems}"
