"""Speakers with no accepted quote are hidden from the list unless asked for, and the list
and a speaker's page count the same things (accepted / all)."""

import pytest
from django.urls import reverse

from annotations.models import Quote, Speaker
from tests.test_speakers_pages import add_quote, make_article

pytestmark = pytest.mark.django_db
URL = reverse("annotations:speakers")


@pytest.fixture
def client_editor(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def speakers() -> dict[str, Speaker]:
    article = make_article(1)
    made = {
        name: Speaker.objects.create(name=name)
        for name in ("Ana Ruiz", "Proposed Only", "Rejected Only", "Nobody At All")
    }
    add_quote(article, made["Ana Ruiz"], "one", status=Quote.Status.ACCEPTED)
    add_quote(article, made["Proposed Only"], "two", status=Quote.Status.PROPOSED)
    add_quote(article, made["Rejected Only"], "three", status=Quote.Status.REJECTED)
    return made


def names_listed(html: str) -> set[str]:
    table = html[html.index('<table class="data speakers">') : html.index("</table>")]
    names = {"Ana Ruiz", "Proposed Only", "Rejected Only", "Nobody At All"}
    return {name for name in names if f">{name}</a>" in table}


def test_by_default_only_speakers_with_accepted_quotes_are_listed(client_editor, speakers):
    html = client_editor.get(URL).content.decode()
    assert names_listed(html) == {"Ana Ruiz"}
    assert "1 speaker" in html and "speakers with none are hidden" in html


@pytest.mark.parametrize(
    ("show", "expected"),
    [
        ("quoted", {"Ana Ruiz"}),
        ("unquoted", {"Proposed Only", "Rejected Only", "Nobody At All"}),
        ("all", {"Ana Ruiz", "Proposed Only", "Rejected Only", "Nobody At All"}),
    ],
)
def test_the_show_filter(client_editor, speakers, show, expected):
    html = client_editor.get(URL, {"show": show}).content.decode()
    assert names_listed(html) == expected
    assert f'<option value="{show}" selected>' in html


def test_the_filter_combines_with_search_kind_and_sort(client_editor, speakers):
    html = client_editor.get(
        URL, {"show": "unquoted", "q": "only", "kind": "person", "sort": "quotes"}
    ).content.decode()
    assert names_listed(html) == {"Proposed Only", "Rejected Only"}


def test_an_unknown_show_value_is_a_clear_400(client_editor, speakers):
    response = client_editor.get(URL, {"show": "ghosts"})
    assert response.status_code == 400
    assert "ghosts is not one of the available choices" in response.content.decode()


def test_no_match_says_so(client_editor, speakers):
    html = client_editor.get(URL, {"q": "Nobody"}).content.decode()
    assert "0 speakers" in html
    assert "No speaker matches among those with accepted quotes" in html


def test_list_and_speaker_page_give_the_same_counts(client_editor):
    ruiz = Speaker.objects.create(name="Ana Ruiz")
    first, second = make_article(1), make_article(2)
    add_quote(first, ruiz, "one", status=Quote.Status.ACCEPTED)
    add_quote(first, ruiz, "two", status=Quote.Status.ACCEPTED)
    add_quote(second, ruiz, "one", status=Quote.Status.PROPOSED)
    add_quote(second, ruiz, "two", status=Quote.Status.REJECTED)
    expected = "2 accepted / 4 all"

    for sort in ("name", "quotes"):
        listed = client_editor.get(URL, {"sort": sort}).content.decode()
        row = listed[listed.index(">Ana Ruiz</a>") :]
        assert expected in row[: row.index("</tr>")]
    page = client_editor.get(reverse("annotations:speaker", args=[ruiz.pk])).content.decode()
    assert f"{expected}</span> in 2 articles" in page
    # Both say what "all" means.
    assert "of 4 attributed (proposed, accepted and rejected)" in page
    assert "of 4 attributed (proposed, accepted and rejected)" in listed


def test_most_quotes_sorts_by_accepted_then_all(client_editor):
    many_proposed = Speaker.objects.create(name="Many Proposed")
    one_accepted = Speaker.objects.create(name="One Accepted")
    article = make_article(1)
    add_quote(article, one_accepted, "one", status=Quote.Status.ACCEPTED)
    add_quote(article, one_accepted, "two", status=Quote.Status.ACCEPTED)
    add_quote(article, many_proposed, "three", status=Quote.Status.ACCEPTED)
    other = make_article(2)
    for sentence in ("one", "two", "three"):
        add_quote(other, many_proposed, sentence, status=Quote.Status.PROPOSED)

    html = client_editor.get(URL, {"sort": "quotes"}).content.decode()
    assert "2 accepted / 2 all" in html and "1 accepted / 4 all" in html
    assert html.index("One Accepted") < html.index("Many Proposed")
