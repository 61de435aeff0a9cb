"""API reads: quotes (filters, q, pagination), speakers, articles, jobs; flat query counts."""

import datetime

import pytest
from django.core.cache import cache

from annotations.api_tokens import ApiToken
from annotations.models import Article, Claim, PreannotationJob, Quote, Speaker

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_counts():
    cache.clear()


@pytest.fixture
def api(client, editor):
    _, raw = ApiToken.objects.create_token(editor)
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
    return client


def make_quote(text: str, *, outlet="Bugle", published=None, speaker=None, **fields) -> Quote:
    n = Article.objects.count() + 1
    article = Article.objects.create(
        title=f"Story {n}",
        text=f"“{text}” the source said.",
        outlet=outlet,
        url=f"https://example.org/{n}",
        published=published,
    )
    cue = article.text.index("said")
    return Quote.objects.create(
        article=article,
        content_fragments=[[1, 1 + len(text)]],
        cue_start=cue,
        cue_end=cue + 4,
        speaker=speaker,
        **fields,
    )


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def test_quote_has_text_offsets_cue_speaker_claims_and_article(api):
    ruiz = Speaker.objects.create(name="Ana Ruiz")
    quote = make_quote(
        "We will hire 200 teachers.",
        speaker=ruiz,
        published=datetime.date(2024, 5, 31),
        status=Quote.Status.ACCEPTED,
        origin=Quote.Origin.MODEL,
        confidence=0.8,
    )
    start = quote.article.text.index("200")
    Claim.objects.create(quote=quote, start=start, end=start + 12)
    body = api.get(f"/api/quotes/{quote.pk}").json()
    text = quote.article.text
    assert body["text"] == "We will hire 200 teachers."
    fragment = body["fragments"][0]
    assert text[fragment["start"] : fragment["end"]] == fragment["text"] == body["text"]
    assert body["cue"]["text"] == "said"
    assert body["speaker"] == {"id": ruiz.pk, "name": "Ana Ruiz", "kind": "person"}
    assert (body["kind"], body["status"], body["origin"], body["confidence"]) == (
        "direct",
        "accepted",
        "model",
        0.8,
    )
    assert body["claims"][0]["text"] == "200 teachers"
    assert body["article"] == {
        "id": quote.article_id,
        "title": quote.article.title,
        "url": quote.article.url,
        "outlet": "Bugle",
        "published": "2024-05-31",
    }


def test_quotes_filters_like_the_export(api):
    ruiz = Speaker.objects.create(name="Ana Ruiz")
    a = make_quote("Budget one.", outlet="Herald", published=datetime.date(2024, 4, 2))
    b = make_quote("Budget two.", speaker=ruiz, status=Quote.Status.ACCEPTED)
    c = make_quote("Budget three.", published=datetime.date(2023, 1, 1))
    assert sorted(ids(api.get("/api/quotes"))) == sorted([a.pk, b.pk, c.pk])
    assert ids(api.get("/api/quotes", {"outlet": "Herald"})) == [a.pk]
    assert ids(api.get("/api/quotes", {"status": "accepted"})) == [b.pk]
    assert ids(api.get("/api/quotes", {"speaker": ruiz.pk})) == [b.pk]
    assert ids(api.get("/api/quotes", {"since": "2024-01-01", "until": "2024-12-31"})) == [a.pk]


def test_quotes_search_with_q(api):
    often = make_quote("Korea, Korea and Korea again.")
    once = make_quote("Talks about trade, roads, weather and Korea.")
    make_quote("Nothing here.")
    response = api.get("/api/quotes", {"q": "korea"})
    assert ids(response) == [often.pk, once.pk]
    assert response.json()["results"][0]["rank"] > 0
    assert ids(api.get("/api/quotes", {"q": '"weather and korea"'})) == [once.pk]


def test_quotes_pagination(api):
    for n in range(7):
        make_quote(f"Budget {n}.")
    first = api.get("/api/quotes", {"page_size": 3}).json()
    assert (first["count"], first["pages"], len(first["results"])) == (7, 3, 3)
    assert first["previous"] is None and "page=2" in first["next"]
    last = api.get(first["next"].replace("page=2", "page=3")).json()
    assert len(last["results"]) == 1 and last["next"] is None
    beyond = api.get("/api/quotes", {"page": 9}).json()
    assert beyond["results"] == [] and beyond["count"] == 7


@pytest.mark.parametrize(
    ("params", "status", "names"),
    [
        ({"since": "yesterday"}, 422, "query.since"),
        ({"page": 0}, 422, "query.page"),
        ({"page_size": 1000}, 422, "query.page_size"),
        ({"speaker": "x"}, 422, "query.speaker"),
        ({"status": "maybe"}, 400, "Unknown status"),
        ({"outlet": "Nowhere"}, 400, "outlet"),
        ({"speaker": 99999}, 400, "No speaker"),
        ({"since": "2024-05-01", "until": "2024-01-01"}, 400, "after until"),
    ],
)
def test_bad_query_parameters_are_4xx_naming_them(api, params, status, names):
    response = api.get("/api/quotes", params)
    assert response.status_code == status
    assert names in str(response.json()["detail"])


def test_unknown_ids_are_404_json(api):
    for url in ("/api/quotes/999", "/api/speakers/999", "/api/articles/999", "/api/jobs/999"):
        response = api.get(url)
        assert response.status_code == 404 and response.json()["detail"], url
    assert api.get("/api/quotes/abc").status_code == 422


def test_speakers_by_name_or_alias_and_detail_counts(api):
    peskov = Speaker.objects.create(name="Dmitry Peskov", aliases=["Kremlin spokesman"])
    Speaker.objects.create(name="Ana Ruiz")
    make_quote("One.", speaker=peskov, status=Quote.Status.ACCEPTED)
    make_quote("Two.", speaker=peskov)
    assert ids(api.get("/api/speakers", {"q": "kremlin"})) == [peskov.pk]
    assert len(ids(api.get("/api/speakers"))) == 2
    body = api.get(f"/api/speakers/{peskov.pk}").json()
    assert body["aliases"] == ["Kremlin spokesman"]
    assert (body["quotes"], body["accepted_quotes"], body["articles"]) == (2, 1, 2)


def test_article_with_its_quotes_in_text_order(api, quote):
    article = quote.article
    later = article.text.index("Critics")
    second = Quote.objects.create(article=article, content_fragments=[[later, later + 7]])
    body = api.get(f"/api/articles/{article.pk}").json()
    assert body["text"] == article.text and body["outlet"] == "Daily Bugle"
    assert [q["id"] for q in body["quotes"]] == [quote.pk, second.pk]
    assert body["quotes"][0]["speaker_mention"]["text"] == "Mayor Ana Ruiz"


def test_job_progress(api, article):
    job = PreannotationJob.objects.create(article_ids=[article.pk], total=4, done=1)
    body = api.get(f"/api/jobs/{job.pk}").json()
    assert (body["status"], body["done"], body["total"], body["percent"]) == ("queued", 1, 4, 25)
    assert body["article_ids"] == [article.pk]


@pytest.mark.parametrize("rows", [2, 25])
def test_list_query_counts_are_flat(api, django_assert_max_num_queries, rows):
    speaker = Speaker.objects.create(name="Ana Ruiz", aliases=["Ruiz"])
    for n in range(rows):
        quote = make_quote(f"Budget {n}.", speaker=speaker)
        start = quote.article.text.index("Budget")
        Claim.objects.create(quote=quote, start=start, end=start + 6)
        Speaker.objects.create(name=f"Speaker {n}")
    # token, last-used (once a minute), permissions x2, outlet check, count, page, claims
    with django_assert_max_num_queries(8):
        assert api.get("/api/quotes", {"q": "budget", "outlet": "Bugle"}).status_code == 200
    with django_assert_max_num_queries(6):
        assert api.get("/api/quotes").status_code == 200
    with django_assert_max_num_queries(6):
        assert api.get("/api/speakers").status_code == 200
