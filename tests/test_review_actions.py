"""The review page's HTMX actions: what they save and which partials they return."""

import pytest
from django.urls import reverse

from annotations.models import Article, Claim, Quote, Speaker

HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def hx(client, editor):
    client.force_login(editor)

    def post(url_name, obj_id, **data):
        return client.post(reverse(f"annotations:{url_name}", args=[obj_id]), data, **HX)

    return post


def span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def test_accept_returns_only_its_card_and_the_counters(hx, quote, editor):
    response = hx("accept", quote.pk, version=1)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    assert f'id="quote-{quote.pk}"' in html
    for part in ('id="status-bar"', 'id="review-message"'):
        assert part in html
    # The text is recoloured in the browser from the card's status: not sent again.
    assert 'id="article-text"' not in html
    assert html.count('hx-swap-oob="true"') == 3
    assert "<b>1</b> accepted" in html and "<b>0</b> proposed" in html
    quote.refresh_from_db()
    assert quote.status == Quote.Status.ACCEPTED
    assert quote.reviewed_by == editor
    assert quote.version == 2
    assert quote.article.status == Article.Status.IN_REVIEW


def test_reject_and_change_kind(hx, quote):
    assert hx("reject", quote.pk, version=1).status_code == 200
    assert hx("set_kind", quote.pk, version=2, kind="mixed").status_code == 200
    quote.refresh_from_db()
    assert (quote.status, quote.kind, quote.version) == ("rejected", "mixed", 3)


def test_without_htmx_redirects_back_to_the_page(client, editor, quote):
    client.force_login(editor)
    response = client.post(reverse("annotations:accept", args=[quote.pk]), {"version": 1})
    assert response.status_code == 302
    assert response.url == reverse("annotations:review", args=[quote.article_id])


def test_pick_existing_speaker_and_create_one_inline(hx, quote):
    other = Speaker.objects.create(name="Luis Vega", aliases=["Councillor Vega"])
    assert hx("set_speaker", quote.pk, version=1, speaker=other.pk).status_code == 200
    quote.refresh_from_db()
    assert quote.speaker == other
    response = hx("set_speaker", quote.pk, version=2, name="  Mira   Okafor ", kind="person")
    assert response.status_code == 200
    assert "Created and linked speaker Mira Okafor" in response.content.decode()
    quote.refresh_from_db()
    assert quote.speaker.name == "Mira Okafor"
    # The same name again links the existing speaker instead of a duplicate.
    hx("set_speaker", quote.pk, version=3, name="mira okafor")
    assert Speaker.objects.filter(normalized_name="mira okafor").count() == 1


def test_speaker_search_matches_aliases(client, editor, quote):
    Speaker.objects.create(name="Luis Vega", aliases=["Councillor Vega"])
    client.force_login(editor)
    url = reverse("annotations:speaker_search")
    response = client.get(url, {"q": "councillor", "quote": quote.pk, "version": 1}, **HX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Luis Vega" in html and "Ana Ruiz" not in html
    assert "Create “councillor”" in html
    assert client.get(url, {"q": "x"}).status_code == 400


def test_fix_boundaries_by_selection_snaps_to_words(hx, quote):
    text = quote.article.text
    start, end = span(text, "We will hire 200 more teachers")
    # A sloppy selection: mid-word at both ends, with a space.
    response = hx("set_span", quote.pk, version=1, field="content", start=start + 1, end=end - 3)
    assert response.status_code == 200
    quote.refresh_from_db()
    assert quote.content_text == "We will hire 200 more teachers"
    mention = span(text, "Ana Ruiz")
    hx("set_span", quote.pk, version=2, field="speaker_mention", start=mention[0], end=mention[1])
    quote.refresh_from_db()
    assert quote.speaker_mention_text == "Ana Ruiz"
    hx("clear_span", quote.pk, version=3, field="cue")
    quote.refresh_from_db()
    assert quote.cue is None


def test_add_and_remove_a_fragment(hx, quote):
    text = quote.article.text
    extra = span(text, "the plan was unaffordable")
    response = hx("add_fragment", quote.pk, version=1, start=extra[0], end=extra[1])
    assert response.status_code == 200
    quote.refresh_from_db()
    assert len(quote.fragments) == 2
    # The editor sees each fragment's words beside its Remove button.
    fragments = response.content.decode().split('aria-label="Content fragments"')[1]
    assert "“the plan was unaffordable”" in fragments.split("</ol>")[0]
    assert quote.content_text.endswith("the plan was unaffordable")
    assert hx("remove_fragment", quote.pk, version=2, fragment=1).status_code == 200
    quote.refresh_from_db()
    assert len(quote.fragments) == 1
    response = hx("remove_fragment", quote.pk, version=3, fragment=0)
    assert response.status_code == 400
    assert "at least one fragment" in response.content.decode()


def test_add_quote_from_selection(hx, article, editor):
    start, end = span(article.text, "the plan was unaffordable")
    response = hx("add_quote", article.pk, start=start, end=end, kind="indirect")
    assert response.status_code == 200
    quote = Quote.objects.get(article=article)
    assert (quote.content, quote.kind, quote.origin, quote.status) == (
        (start, end),
        "indirect",
        "editor",
        "accepted",
    )
    assert f'data-select="{quote.pk}"' in response.content.decode()
    # The same span again collides with the accepted quote: a clear 409, nothing saved.
    again = hx("add_quote", article.pk, start=start, end=end)
    assert again.status_code == 409
    assert "already has the content" in again.content.decode()
    assert Quote.objects.filter(article=article).count() == 1


def test_mark_claim_set_verdict_and_remove(hx, quote):
    start, end = span(quote.article.text, "200 more teachers")
    assert hx("add_claim", quote.pk, start=start, end=end).status_code == 200
    claim = Claim.objects.get(quote=quote)
    assert claim.text == "200 more teachers"
    response = hx("update_claim", claim.pk, verdict="false", note="Budget says 120.")
    assert response.status_code == 200
    claim.refresh_from_db()
    assert (claim.verdict, claim.note) == ("false", "Budget says 120.")
    assert hx("update_claim", claim.pk, verdict="maybe").status_code == 400
    outside = span(quote.article.text, "Critics")
    response = hx("add_claim", quote.pk, start=outside[0], end=outside[1])
    assert response.status_code == 400
    assert "is not inside the quote" in response.content.decode()
    assert hx("delete_claim", claim.pk).status_code == 200
    assert not Claim.objects.filter(pk=claim.pk).exists()


def test_delete_only_editor_made_quotes(hx, quote, article):
    response = hx("delete_quote", quote.pk, version=1)
    assert response.status_code == 403
    assert Quote.objects.filter(pk=quote.pk).exists()
    start, end = span(article.text, "the plan was unaffordable")
    hx("add_quote", article.pk, start=start, end=end)
    mine = Quote.objects.get(origin="editor")
    assert hx("delete_quote", mine.pk, version=1).status_code == 200
    assert not Quote.objects.filter(pk=mine.pk).exists()


def test_editor_cannot_delete_another_editors_quote_but_admin_can(
    client, editor, admin_user, article
):
    start, end = span(article.text, "the plan was unaffordable")
    client.force_login(editor)
    client.post(
        reverse("annotations:add_quote", args=[article.pk]), {"start": start, "end": end}, **HX
    )
    quote = Quote.objects.get(origin="editor")
    other = type(editor).objects.create_user("eddie")
    other.groups.set(editor.groups.all())
    client.force_login(other)
    url = reverse("annotations:delete_quote", args=[quote.pk])
    assert client.post(url, {"version": 1}, **HX).status_code == 403
    client.force_login(admin_user)
    assert client.post(url, {"version": 1}, **HX).status_code == 200


def test_accept_all_then_mark_reviewed(hx, quote, article):
    start, end = span(article.text, "the plan was unaffordable")
    Quote.objects.create(article=article, content_fragments=[[start, end]], origin="model")
    response = hx("mark_reviewed", article.pk)
    assert response.status_code == 400
    assert "2 proposed quotes still need a decision" in response.content.decode()
    response = hx("accept_all", article.pk)
    assert "Accepted 2 remaining proposals" in response.content.decode()
    assert hx("mark_reviewed", article.pk).status_code == 200
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEWED


def test_only_admins_reopen(client, editor, admin_user, article):
    article.status = Article.Status.REVIEWED
    article.save()
    url = reverse("annotations:reopen", args=[article.pk])
    client.force_login(editor)
    response = client.post(url, **HX)
    assert response.status_code == 403
    assert "Only admins" in response.content.decode()
    client.force_login(admin_user)
    assert client.post(url, **HX).status_code == 200
    article.refresh_from_db()
    assert article.status == Article.Status.IN_REVIEW


def test_reopen_button_only_for_admins(client, editor, admin_user, article):
    article.status = Article.Status.REVIEWED
    article.save()
    page = reverse("annotations:review", args=[article.pk])
    client.force_login(editor)
    assert ">Reopen<" not in client.get(page).content.decode()
    client.force_login(admin_user)
    assert ">Reopen<" in client.get(page).content.decode()


def test_users_outside_the_groups_cannot_act(client, quote):
    from django.contrib.auth.models import User

    client.force_login(User.objects.create_user("visitor"))
    response = client.post(reverse("annotations:accept", args=[quote.pk]), {"version": 1}, **HX)
    assert response.status_code == 403
    quote.refresh_from_db()
    assert quote.status == "proposed"


def test_a_reviewed_article_refuses_changes_until_reopened(hx, quote, article):
    hx("accept", quote.pk, version=1)
    assert hx("mark_reviewed", article.pk).status_code == 200
    response = hx("reject", quote.pk, version=2)
    assert response.status_code == 409
    assert "admin must reopen it" in response.content.decode()
    start = article.text.index("Critics")
    assert hx("add_quote", article.pk, start=start, end=start + 7).status_code == 409
    quote.refresh_from_db()
    assert quote.status == Quote.Status.ACCEPTED
