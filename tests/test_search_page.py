"""The search page: full-text search over quotes with filters, on SQLite and PostgreSQL."""

import datetime

import pytest

from annotations.models import Article, Claim, Quote, Speaker

pytestmark = pytest.mark.django_db

URL = "/search/"


def make_quote(text: str, *, published=None, outlet="Bugle", speaker=None, **fields) -> Quote:
    """An article whose text is one quoted sentence, and that sentence as a quote."""
    n = Article.objects.count() + 1
    article = Article.objects.create(
        title=f"Story {n}",
        text=f"“{text}” the source said ({n}).",  # texts are unique
        outlet=outlet,
        url=f"https://example.org/{n}",
        published=published,
    )
    fields.setdefault("status", Quote.Status.ACCEPTED)
    cue = article.text.index("said")
    return Quote.objects.create(
        article=article,
        content_fragments=[[1, 1 + len(text)]],
        cue_start=cue,
        cue_end=cue + 4,
        speaker=speaker,
        **fields,
    )


def results(response) -> str:
    html = response.content.decode()
    start = html.index('id="search-results"')
    return html[start:]


def found(client, **params) -> list[str]:
    """The article titles of the results, in order."""
    response = client.get(URL, params)
    assert response.status_code == 200, response.content.decode()[:2000]
    return [q.article.title for q in response.context["page"]]


@pytest.fixture
def client_editor(client, editor):
    client.force_login(editor)
    return client


def test_top_bar_links_to_search(client_editor):
    html = client_editor.get("/").content.decode()
    assert f'href="{URL}"' in html


def test_ranked_by_relevance_then_newest(client_editor):
    once = make_quote(
        "The talks covered trade, fishing, weather, roads, schools and Korea briefly.",
        published=datetime.date(2024, 6, 1),
    )
    often = make_quote(
        "Korea, Korea and again Korea.",
        published=datetime.date(2020, 1, 1),
    )
    make_quote("Nothing about that country here.", published=datetime.date(2024, 7, 1))
    assert found(client_editor, q="korea") == [often.article.title, once.article.title]
    # Without words to rank by, the newest come first.
    titles = found(client_editor)
    assert titles[0] == "Story 3" and titles[-1] == often.article.title


def test_same_rank_newest_first(client_editor):
    old = make_quote("Budget cuts hurt.", published=datetime.date(2020, 1, 1))
    new = make_quote("Budget cuts hurt.", published=datetime.date(2024, 1, 1), outlet="Other")
    assert found(client_editor, q="budget") == [new.article.title, old.article.title]


def test_phrase_search_needs_the_words_together(client_editor):
    together = make_quote("North Korea will talk.")
    make_quote("North of the border, Korea will talk.")
    assert found(client_editor, q='"north korea"') == [together.article.title]
    assert len(found(client_editor, q="north korea")) == 2


def test_words_match_in_any_form(client_editor):
    quote = make_quote("We will hire 200 more teachers.")
    assert found(client_editor, q="hiring teacher") == [quote.article.title]


def test_or_and_exclusion(client_editor):
    tax = make_quote("The budget raises the tax.")
    spend = make_quote("The budget raises spending.")
    make_quote("Nothing relevant.")
    assert set(found(client_editor, q="tax or spending")) == {
        tax.article.title,
        spend.article.title,
    }
    assert found(client_editor, q="budget -tax") == [spend.article.title]


def test_matches_are_highlighted_and_hostile_text_escaped(client_editor):
    make_quote('<script>alert("x")</script> The <b>budget</b> & <img src=x onerror=y>')
    html = results(client_editor.get(URL, {"q": "budget"}))
    assert "<mark>budget</mark>" in html
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=y&gt;" in html
    assert "&amp;" in html


def test_hostile_query_is_escaped_and_never_an_error(client_editor):
    make_quote("Budget day.")
    for q in ['"unbalanced', "NEAR(budget", "*", "budget AND", "-", '" "', "a:b", "^x", "!!!"]:
        response = client_editor.get(URL, {"q": q})
        assert response.status_code == 200, q
    html = client_editor.get(URL, {"q": "<script>x</script>"}).content.decode()
    assert "<script>x</script>" not in html


def test_result_shows_speaker_cue_outlet_date_and_links_to_the_quote(client_editor):
    ruiz = Speaker.objects.create(name="Ana Ruiz")
    quote = make_quote(
        "Budget day is here.", published=datetime.date(2024, 5, 31), outlet="Daily", speaker=ruiz
    )
    html = results(client_editor.get(URL, {"q": "budget"}))
    for text in ("Ana Ruiz", "said", "Daily", "31 May 2024", "1 quote matching"):
        assert text in html
    assert f"/articles/{quote.article_id}/?quote={quote.pk}#quote-{quote.pk}" in html
    assert f'href="/speakers/{ruiz.pk}/"' in html


def test_review_page_selects_the_quote_given_in_the_url(client_editor):
    quote = make_quote("Budget day is here.")
    html = client_editor.get(f"/articles/{quote.article_id}/?quote={quote.pk}").content.decode()
    assert "js/review-focus.js" in html
    assert f'id="quote-{quote.pk}"' in html


def test_filter_speaker_by_name_or_alias(client_editor):
    peskov = Speaker.objects.create(name="Dmitry Peskov", aliases=["Kremlin spokesman"])
    other = Speaker.objects.create(name="Ana Ruiz")
    mine = make_quote("Talks on North Korea.", speaker=peskov)
    make_quote("Talks on North Korea too.", speaker=other)
    assert found(client_editor, q="korea", speaker="peskov") == [mine.article.title]
    assert found(client_editor, q="korea", speaker="kremlin spokesman") == [mine.article.title]
    assert found(client_editor, speaker="Peskov") == [mine.article.title]


def test_speaker_type_ahead_offers_names_and_aliases(client_editor):
    Speaker.objects.create(name="Dmitry Peskov", aliases=["Kremlin spokesman"])
    Speaker.objects.create(name="Ana Ruiz")
    html = client_editor.get("/search/speakers/", {"speaker": "pesk"}).content.decode()
    assert '<option value="Dmitry Peskov">' in html
    assert '<option value="Kremlin spokesman">' in html
    assert "Ana Ruiz" not in html


def test_filter_speaker_kind(client_editor):
    anonymous = Speaker.objects.create(name="a senior official", kind=Speaker.Kind.ANONYMOUS)
    named = Speaker.objects.create(name="Ana Ruiz")
    secret = make_quote("The deal is off.", speaker=anonymous)
    make_quote("The deal is on.", speaker=named)
    assert found(client_editor, q="deal", speaker_kind="anonymous") == [secret.article.title]


def test_filter_outlet(client_editor):
    make_quote("Budget news.", outlet="Bugle")
    mine = make_quote("Budget news again.", outlet="Herald")
    assert found(client_editor, q="budget", outlet="Herald") == [mine.article.title]


def test_filter_published_range(client_editor):
    make_quote("Budget in March.", published=datetime.date(2024, 3, 1))
    april = make_quote("Budget in April.", published=datetime.date(2024, 4, 15))
    make_quote("Budget in May.", published=datetime.date(2024, 5, 20))
    make_quote("Budget undated.")
    params = {"q": "budget", "since": "2024-04-01", "until": "2024-04-30"}
    assert found(client_editor, **params) == [april.article.title]
    assert len(found(client_editor, q="budget", since="2024-04-01")) == 2


def test_filter_kind(client_editor):
    make_quote("Budget direct.", kind=Quote.Kind.DIRECT)
    indirect = make_quote("Budget indirect.", kind=Quote.Kind.INDIRECT)
    assert found(client_editor, q="budget", kind="indirect") == [indirect.article.title]


def test_status_defaults_to_accepted(client_editor):
    accepted = make_quote("Budget accepted.")
    proposed = make_quote("Budget proposed.", status=Quote.Status.PROPOSED)
    make_quote("Budget rejected.", status=Quote.Status.REJECTED)
    assert found(client_editor, q="budget") == [accepted.article.title]
    assert found(client_editor, q="budget", status="proposed") == [proposed.article.title]
    assert len(found(client_editor, q="budget", status="any")) == 3


def test_filter_has_claims(client_editor):
    make_quote("Budget without claims.")
    claimed = make_quote("Budget with 200 teachers.")
    start = claimed.article.text.index("200")
    Claim.objects.create(quote=claimed, start=start, end=start + 12)
    assert found(client_editor, q="budget", has_claims="on") == [claimed.article.title]


def test_bad_filters_are_400_naming_the_field(client_editor):
    response = client_editor.get(URL, {"since": "yesterday"})
    assert response.status_code == 400
    assert "since" in response.content.decode()
    response = client_editor.get(URL, {"since": "2024-05-01", "until": "2024-04-01"})
    assert response.status_code == 400
    assert "before the start date" in response.content.decode()
    response = client_editor.get(URL, {"status": "maybe"})
    assert response.status_code == 400 and "status" in response.content.decode()


def test_pagination_and_count(client_editor):
    for n in range(25):
        make_quote(f"Budget line {n}.")
    response = client_editor.get(URL, {"q": "budget"})
    assert "25 quotes matching" in response.content.decode()
    assert len(response.context["page"]) == 20
    page2 = client_editor.get(URL, {"q": "budget", "page": 2})
    assert len(page2.context["page"]) == 5
    assert "q=budget&amp;page=1" in page2.content.decode()


def test_htmx_gets_only_the_results(client_editor):
    make_quote("Budget day.")
    response = client_editor.get(URL, {"q": "budget"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<html" not in html and 'id="search-results"' in html and "<mark>" in html


def test_full_page_keeps_the_query_in_the_form(client_editor):
    html = client_editor.get(URL, {"q": "north korea", "outlet": "Bugle"}).content.decode()
    assert 'value="north korea"' in html
    assert 'hx-push-url="true"' in html and "delay:300ms" in html


@pytest.mark.parametrize("rows", [3, 30])
def test_query_count_is_flat(client_editor, django_assert_max_num_queries, rows):
    speaker = Speaker.objects.create(name="Ana Ruiz")
    for n in range(rows):
        quote = make_quote(f"Budget line {n}.", speaker=speaker)
        start = quote.article.text.index("Budget")
        Claim.objects.create(quote=quote, start=start, end=start + 6)
    # session, user, permissions, count, page, outlets; on PostgreSQL also the savepoint,
    # the scan settings and the release around count and page (views/search.py)
    from django.db import connection

    with django_assert_max_num_queries(7 + (3 if connection.vendor == "postgresql" else 0)):
        client_editor.get(URL, {"q": "budget", "has_claims": "on", "outlet": "Bugle"})


def test_editors_and_admins_only(client, db):
    from django.contrib.auth.models import User

    client.force_login(User.objects.create_user("nobody"))
    assert client.get(URL).status_code == 403


def test_speaker_page_searches_that_speakers_quotes(client_editor):
    ruiz = Speaker.objects.create(name="Ana Ruiz")
    other = Speaker.objects.create(name="Bo Berg")
    make_quote("The budget is fair.", speaker=ruiz)
    make_quote("Schools are open.", speaker=ruiz)
    make_quote("The budget is unfair.", speaker=other)
    response = client_editor.get(f"/speakers/{ruiz.pk}/", {"q": "budget"})
    html = response.content.decode()
    assert "<mark>budget</mark> is fair" in html
    assert "Schools are open" not in html and "unfair" not in html
    assert "1 quote matching" in html
    # Without a query every quote of the speaker is listed.
    html = client_editor.get(f"/speakers/{ruiz.pk}/").content.decode()
    assert "Schools are open" in html and "budget is fair" in html


def test_count_stops_at_the_limit(client_editor, monkeypatch):
    from annotations.views import search

    monkeypatch.setattr(search, "COUNT_LIMIT", 3)
    for n in range(5):
        make_quote(f"Budget line {n}.")
    html = results(client_editor.get(URL, {"q": "budget"}))
    assert "More than 3 quotes" in html
    monkeypatch.setattr(search, "COUNT_LIMIT", 5)
    assert "5 quotes matching" in results(client_editor.get(URL, {"q": "budget"}))


def test_ranking_is_bounded_only_past_the_limit(client_editor):
    """``rank_at_most`` changes nothing while the matches fit; past it (PostgreSQL) only that
    many matches are ranked, every one a real match, best first."""
    from django.db import connection

    from annotations.search import SearchFilters, search_quotes

    for n in range(6):
        make_quote("Budget " * (n + 1) + f"line {n}.", published=datetime.date(2026, 1, 1 + n))
    make_quote("Schools are open.")
    filters = SearchFilters(q="budget")
    everything = [q.pk for q in search_quotes(filters)]
    assert len(everything) == 6
    assert [q.pk for q in search_quotes(filters, rank_at_most=6)] == everything
    assert [q.pk for q in search_quotes(filters, rank_at_most=100)] == everything
    bounded = list(search_quotes(filters, rank_at_most=4))
    if connection.vendor == "postgresql":
        assert len(bounded) == 4
        assert {q.pk for q in bounded} < set(everything)
        assert [q.rank for q in bounded] == sorted((q.rank for q in bounded), reverse=True)
    else:  # FTS5 ranks every match with bm25 in the matching query itself
        assert [q.pk for q in bounded] == everything


def test_page_ranks_up_to_the_count_limit(client_editor, monkeypatch):
    from annotations.views import search

    monkeypatch.setattr(search, "COUNT_LIMIT", 3)
    for n in range(6):
        make_quote(f"Budget line {n}.")
    response = client_editor.get(URL, {"q": "budget"})
    assert "More than 3 quotes" in results(response)
    assert "add a word or a filter to narrow them" in results(response)
    # The first 4 matches ranked (PostgreSQL), or all ranked and the page cut at the count.
    assert len(response.context["page"].object_list) == 4
