"""Screenshots of the queue, the review page and the dashboard for the README.

They go to test-artifacts/screenshots/ (not committed); after a visual change, refresh the
README's copies with `UPDATE_SCREENSHOTS=1 ./dev test tests/browser/test_screenshots.py`.
"""

import datetime
import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.urls import NoReverseMatch, reverse

from annotations.models import Article, Claim, Quote, Speaker

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / (
    "docs/screenshots" if os.getenv("UPDATE_SCREENSHOTS") else "test-artifacts/screenshots"
)

STORY = (
    "Harbour authority approves night-time dredging despite protests\n\n"
    "The harbour authority on Tuesday approved round-the-clock dredging of the main "
    "channel, a decision residents of the old town had fought for two years.\n\n"
    "“Ships are getting bigger and we cannot stay behind,” said harbour master Ines Duarte, "
    "adding that the channel would be deepened by 3 metres before the end of next year.\n\n"
    "Residents said the noise would make the waterfront unliveable. According to the "
    "residents’ association, more than 1,200 households signed a petition against the plan, "
    "twice as many as for any earlier protest.\n\n"
    "A port official, who asked not to be named because the contracts are not yet public, "
    "said the dredging company had offered to limit the loudest work to daytime hours.\n\n"
    "“We will measure the noise every night and publish the figures,” Duarte told reporters. "
    "“If we exceed the limits, we stop.”\n"
)


def span(words: str, after: str = "") -> list[int]:
    start = STORY.index(words, STORY.index(after) + len(after) if after else 0)
    return [start, start + len(words)]


@pytest.fixture
def newsroom() -> Article:
    editor = User.objects.create_user("edna", password="pw-edna-123")
    editor.groups.add(Group.objects.get(name="editors"))
    outlets = ["Harbour Herald", "Coastal Times", "The Morning Ledger"]
    statuses = [Article.Status.NEW, Article.Status.PROPOSED, Article.Status.IN_REVIEW]
    titles = [
        "Tram line extension delayed by a year",
        "School meals to become free for all pupils",
        "Record tourist numbers strain the old town",
        "Ferry operator raises fares for the second time",
        "New cycle bridge opens to mixed reviews",
        "Library hours cut as budget shortfall grows",
        "Fishermen protest over quota changes",
        "Hospital waiting lists fall for third month",
    ]
    for n, title in enumerate(titles):
        Article.objects.create(
            title=title,
            text=f"{title}. A short article body number {n}.",
            outlet=outlets[n % 3],
            published=datetime.date(2025, 4, 1 + n),
            status=Article.Status.REVIEWED if n < 3 else statuses[n % 3],
            assignee=editor if n % 4 == 0 else None,
        )
    article = Article.objects.create(
        title="Harbour authority approves night-time dredging despite protests",
        text=STORY,
        outlet="Harbour Herald",
        author="Marta Silva",
        published=datetime.date(2025, 4, 12),
        status=Article.Status.IN_REVIEW,
        assignee=editor,
    )
    duarte = Speaker.objects.create(name="Ines Duarte", role="Harbour master")
    residents = Speaker.objects.create(name="residents", kind=Speaker.Kind.GROUP)
    association = Speaker.objects.create(
        name="Old Town Residents’ Association", kind=Speaker.Kind.ORGANIZATION
    )
    official = Speaker.objects.create(name="port official", kind=Speaker.Kind.ANONYMOUS)

    def quote(content, cue, mention, kind, status, confidence, speaker, cue_after="", m_after=""):
        cue_span = span(cue, cue_after)
        mention_span = span(mention, m_after)
        return Quote.objects.create(
            article=article,
            content_fragments=[span(c) for c in content],
            cue_start=cue_span[0],
            cue_end=cue_span[1],
            speaker_mention_start=mention_span[0],
            speaker_mention_end=mention_span[1],
            kind=kind,
            status=status,
            origin=Quote.Origin.MODEL,
            confidence=confidence,
            speaker=speaker,
        )

    quote(
        ["Ships are getting bigger and we cannot stay behind"],
        "said",
        "harbour master Ines Duarte",
        "direct",
        "accepted",
        0.96,
        duarte,
    )
    deepened = quote(
        ["the channel would be deepened by 3 metres before the end of next year"],
        "adding",
        "harbour master Ines Duarte",
        "indirect",
        "proposed",
        0.81,
        duarte,
    )
    Claim.objects.create(
        quote=deepened,
        start=span("deepened by 3 metres")[0],
        end=span("deepened by 3 metres")[1],
        verdict="unverified",
    )
    quote(
        ["the noise would make the waterfront unliveable"],
        "said",
        "Residents",
        "indirect",
        "accepted",
        0.88,
        residents,
        cue_after="Residents",
    )
    petition = quote(
        [
            "more than 1,200 households signed a petition against the plan, twice as many as for "
            "any earlier protest"
        ],
        "According to",
        "the residents’ association",
        "indirect",
        "proposed",
        0.74,
        association,
    )
    Claim.objects.create(
        quote=petition,
        start=span("more than 1,200 households")[0],
        end=span("more than 1,200 households")[1],
        verdict="true",
        note="Petition register, 3 April.",
    )
    quote(
        ["the dredging company had offered to limit the loudest work to daytime hours"],
        "said",
        "A port official",
        "indirect",
        "proposed",
        0.62,
        official,
        cue_after="not yet public, ",
    )
    quote(
        [
            "We will measure the noise every night and publish the figures",
            "If we exceed the limits, we stop.",
        ],
        "told",
        "Duarte",
        "direct",
        "proposed",
        0.9,
        duarte,
        cue_after="figures,”",
        m_after="figures,”",
    )
    quote(
        ["the channel would be deepened"],
        "adding",
        "harbour master Ines Duarte",
        "indirect",
        "rejected",
        0.35,
        None,
    )
    return article


def test_screenshots(log_in, live_server, newsroom):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = log_in("edna", "pw-edna-123")

    page.goto(live_server.url + reverse("annotations:queue"))
    page.wait_for_selector("table.articles")
    page.screenshot(path=str(SCREENSHOTS / "queue.png"), full_page=True)

    page.goto(live_server.url + reverse("annotations:review", args=[newsroom.pk]))
    page.wait_for_selector(".quote-card.selected")
    page.screenshot(path=str(SCREENSHOTS / "review.png"))
    assert (SCREENSHOTS / "review.png").stat().st_size > 10_000

    try:
        dashboard = reverse("annotations:dashboard")
    except NoReverseMatch:
        pytest.skip("the dashboard page is not there yet")
    page.goto(live_server.url + dashboard)
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(SCREENSHOTS / "dashboard.png"), full_page=True)
