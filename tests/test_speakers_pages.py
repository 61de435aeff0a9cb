"""The speakers list (search, HTMX partial, pagination) and a speaker's page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from annotations.models import Article, Quote, Speaker

pytestmark = pytest.mark.django_db


def make_article(n: int, outlet: str = "Bugle") -> Article:
    text = f"Story {n}. Sentence one is here. Sentence two is here. Sentence three is here."
    return Article.objects.create(
        title=f"Story number {n}", text=text, outlet=outlet, url=f"https://example.org/{n}"
    )


def add_quote(article: Article, speaker: Speaker | None, sentence: str = "one", **fields) -> Quote:
    start = article.text.index(f"Sentence {sentence}")
    end = start + len(f"Sentence {sentence} is here")
    return Quote.objects.create(
        article=article, content_fragments=[[start, end]], speaker=speaker, **fields
    )


@pytest.fixture
def client_editor(client, editor):
    client.force_login(editor)
    return client


def test_login_required(client):
    response = client.get(reverse("annotations:speakers"))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_list_shows_kind_role_organization_and_quote_counts(client_editor):
    peskov = Speaker.objects.create(
        name="Dmitry Peskov", aliases=["Peskov"], role="spokesman", organization="Kremlin"
    )
    Speaker.objects.create(name="a senior official", kind=Speaker.Kind.ANONYMOUS)
    article = make_article(1)
    add_quote(article, peskov, "one", status=Quote.Status.ACCEPTED)
    add_quote(article, peskov, "two", status=Quote.Status.PROPOSED)
    add_quote(article, peskov, "three", status=Quote.Status.REJECTED)

    response = client_editor.get(reverse("annotations:speakers"), {"show": "all"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" in html
    assert "accepted / all" in html  # the column says what it counts
    row = html[html.index("Dmitry Peskov") :]
    row = row[: row.index("</tr>")]
    for text in ("Peskov", "Person", "spokesman", "Kremlin", "1 accepted / 3 all"):
        assert text in row
    assert "Anonymous" in html


def test_search_matches_aliases_and_htmx_gets_only_the_results(client_editor):
    Speaker.objects.create(name="Dmitry Peskov", aliases=["Kremlin spokesman"])
    Speaker.objects.create(name="Ana Ruiz")

    response = client_editor.get(
        reverse("annotations:speakers"),
        {"q": "kremlin", "show": "all"},
        headers={"HX-Request": "true"},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and 'id="speaker-results"' in html
    assert "Dmitry Peskov" in html and "Ana Ruiz" not in html
    assert "1 speaker matching" in html


def test_htmx_history_restore_gets_the_full_page(client_editor):
    response = client_editor.get(
        reverse("annotations:speakers"),
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    )
    assert "<html" in response.content.decode()


def test_filter_by_kind(client_editor):
    Speaker.objects.create(name="Ana Ruiz")
    Speaker.objects.create(name="an aide", kind=Speaker.Kind.ANONYMOUS)
    response = client_editor.get(
        reverse("annotations:speakers"), {"kind": "anonymous", "show": "all"}
    )
    html = response.content.decode()
    assert "an aide" in html and "Ana Ruiz" not in html


def test_unknown_kind_filter_is_a_clear_400(client_editor):
    response = client_editor.get(reverse("annotations:speakers"), {"kind": "martian"})
    assert response.status_code == 400
    assert "martian is not one of the available choices" in response.content.decode()


def test_pagination_and_bad_page_numbers(client_editor):
    Speaker.objects.bulk_create(
        Speaker(
            name=f"Speaker {i:03}",
            normalized_name=f"speaker {i:03}",
            search_names=f"|speaker {i:03}|",
        )
        for i in range(60)
    )
    url = reverse("annotations:speakers")
    second = client_editor.get(url, {"page": 2, "q": "speaker", "show": "all"})
    assert "Speaker 059" in second.content.decode()
    assert "Speaker 000" not in second.content.decode()
    assert "Page 2 of 2" in second.content.decode()
    for bad in ("abc", "-1", "99999999999999999999"):
        assert client_editor.get(url, {"page": bad}).status_code == 200
    # NUL characters are refused for every page by annotations.middleware.RejectNulCharacters.
    assert client_editor.get(url, {"page": "\x00"}).status_code == 400


def test_list_query_count_is_flat(client_editor, django_assert_max_num_queries):
    def build(n: int) -> None:
        for i in range(n):
            speaker = Speaker.objects.create(name=f"Person {i}", aliases=[f"P{i}"])
            article = make_article(i * 1000 + n)
            add_quote(article, speaker, status=Quote.Status.ACCEPTED)

    url = reverse("annotations:speakers")
    build(3)
    with CaptureQueriesContext(connection) as few:
        client_editor.get(url)
    build(40)
    with django_assert_max_num_queries(len(few)), CaptureQueriesContext(connection) as many:
        response = client_editor.get(url)
    assert response.content.decode().count("<tr>") >= 43
    assert len(many) == len(few)


def test_speaker_page_lists_quotes_across_articles(client_editor):
    ruiz = Speaker.objects.create(name="Ana Ruiz", role="mayor")
    first, second = make_article(1, "Bugle"), make_article(2, "Herald")
    add_quote(first, ruiz, "one", kind=Quote.Kind.DIRECT, status=Quote.Status.ACCEPTED)
    add_quote(second, ruiz, "two", kind=Quote.Kind.INDIRECT, status=Quote.Status.PROPOSED)
    add_quote(second, None, "three")

    response = client_editor.get(reverse("annotations:speaker", args=[ruiz.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('<li class="speaker-quote is-') == 2
    assert "Sentence one is here" in html and "Sentence two is here" in html
    assert "Sentence three is here" not in html
    assert reverse("annotations:review", args=[first.pk]) in html
    assert "Story number 2" in html and "Herald" in html
    assert "Direct" in html and "Indirect" in html and "Proposed" in html
    assert "1 accepted / 2 all</span> in 2 articles" in html
    export = f"{reverse('annotations:export')}?speaker={ruiz.pk}"
    assert f'href="{export}"' in html
    exported = client_editor.get(export).content.decode()
    assert "<strong>2</strong> quotes match, attributed to Ana Ruiz." in exported


def test_speaker_without_quotes_offers_no_export(client_editor):
    quiet = Speaker.objects.create(name="Ana Quiet")
    html = client_editor.get(reverse("annotations:speaker", args=[quiet.pk])).content.decode()
    assert "No quotes are attributed to Ana Quiet yet." in html
    assert f"?speaker={quiet.pk}" not in html


def test_speaker_page_quotes_partial_for_htmx_pagination(client_editor):
    ruiz = Speaker.objects.create(name="Ana Ruiz")
    add_quote(make_article(1), ruiz)
    response = client_editor.get(
        reverse("annotations:speaker", args=[ruiz.pk]), {"page": 1}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert "<html" not in html and 'id="speaker-quotes"' in html and "Sentence one" in html


def test_unknown_speaker_is_404(client_editor):
    for name in ("annotations:speaker", "annotations:speaker_edit"):
        assert client_editor.get(reverse(name, args=[987654])).status_code == 404


def test_speaker_page_query_count_is_flat(client_editor, editor, django_assert_max_num_queries):
    ruiz = Speaker.objects.create(name="Ana Ruiz")

    def build(n: int) -> None:
        for i in range(n):
            add_quote(make_article(i * 1000 + n), ruiz, status=Quote.Status.ACCEPTED)
            ruiz.role = f"role {n} {i}"
            ruiz._history_user = editor
            ruiz.save()

    url = reverse("annotations:speaker", args=[ruiz.pk])
    build(3)
    with CaptureQueriesContext(connection) as few:
        client_editor.get(url)
    build(40)
    with django_assert_max_num_queries(len(few)), CaptureQueriesContext(connection) as many:
        response = client_editor.get(url)
    assert response.content.decode().count('<li class="speaker-quote is-') == 43
    assert len(many) == len(few)


def test_history_shows_who_changed_what(client_editor, editor):
    ruiz = Speaker.objects.create(name="Ana Ruiz", role="deputy mayor")
    ruiz.role = "mayor"
    ruiz._history_user = editor
    ruiz.save()

    html = client_editor.get(reverse("annotations:speaker", args=[ruiz.pk])).content.decode()
    history = html[html.index('id="speaker-history"') :]
    assert "edna" in history and "changed" in history and "created" in history
    assert "<del>deputy mayor</del> → <ins>mayor</ins>" in history


def test_sort_by_most_quotes(client_editor):
    quiet = Speaker.objects.create(name="Aaron Quiet")
    loud = Speaker.objects.create(name="Zed Loud")
    article = make_article(1)
    add_quote(article, quiet, "one", status=Quote.Status.ACCEPTED)
    add_quote(article, loud, "two", status=Quote.Status.ACCEPTED)
    add_quote(article, loud, "three", status=Quote.Status.ACCEPTED)
    url = reverse("annotations:speakers")

    by_name = client_editor.get(url).content.decode()
    by_quotes = client_editor.get(url, {"sort": "quotes"}).content.decode()

    assert by_name.index("Aaron Quiet") < by_name.index("Zed Loud")
    assert by_quotes.index("Zed Loud") < by_quotes.index("Aaron Quiet")
    assert client_editor.get(url, {"sort": "loudest"}).status_code == 400


def test_nav_marks_the_current_page(client_editor):
    html = client_editor.get(reverse("annotations:speakers")).content.decode()
    assert 'href="/speakers/" aria-current="page"' in html


def test_speaker_without_recorded_history(client_editor):
    """Speakers made by bulk loads have no history rows; their page still renders."""
    ruiz = Speaker.objects.create(name="Ana Ruiz")
    ruiz.history.all().delete()
    response = client_editor.get(reverse("annotations:speaker", args=[ruiz.pk]))
    assert response.status_code == 200
    assert "No recorded changes." in response.content.decode()


def test_quotes_are_paginated_from_any_page_of_the_speaker(client_editor):
    ruiz = Speaker.objects.create(name="Ana Ruiz")
    for n in range(17):
        article = make_article(n)
        for sentence in ("one", "two", "three"):
            add_quote(article, ruiz, sentence)  # 51 quotes: two pages
    url = reverse("annotations:speaker", args=[ruiz.pk])

    edit_page = client_editor.get(reverse("annotations:speaker_edit", args=[ruiz.pk]))
    assert f'hx-get="{url}?page=2"' in edit_page.content.decode()

    second = client_editor.get(url, {"page": 2}, headers={"HX-Request": "true"})
    assert second.content.decode().count('<li class="speaker-quote is-') == 1
    assert "Page 2 of 2" in second.content.decode()
