"""A reviewed article opens read-only: no editing controls, Reopen for admins only
(issue 13, bug 3)."""

from django.urls import reverse

from annotations.models import Article, Claim

HX = {"HTTP_HX_REQUEST": "true"}

EDITING = (
    'data-action="accept"',
    'data-action="reject"',
    "speaker-input",
    "data-kind-select",
    "data-span-action",
    "undo-button",
    "mark-reviewed",
    "accept_confident",
    "claim-form",
    "Clear cue",
)


def page(client, article) -> str:
    return client.get(reverse("annotations:review", args=[article.pk])).content.decode()


def test_an_open_article_shows_the_editing_controls(client, editor, quote):
    Claim.objects.create(quote=quote, start=quote.content_start, end=quote.content_start + 7)
    client.force_login(editor)
    html = page(client, quote.article)
    for control in EDITING:
        if control != "accept_confident":
            assert control in html, control
    assert "accept-confident" in html


def test_a_reviewed_article_shows_no_editing_control(client, editor, quote, admin_user):
    Claim.objects.create(
        quote=quote, start=quote.content_start, end=quote.content_start + 7, note="Checked"
    )
    quote.accept(editor)
    article = quote.article
    article.mark_reviewed(editor)
    client.force_login(editor)
    html = page(client, article)
    for control in EDITING + ("accept-confident",):
        assert control not in html, control
    assert "Read-only: reviewed by edna" in html
    assert ">Reopen<" not in html
    # What was decided is still all there to read.
    assert "We will hire 200 more teachers by September" in html
    assert "Ana Ruiz" in html
    assert "Checked" in html
    client.force_login(admin_user)
    assert ">Reopen<" in page(client, article)


def test_marking_reviewed_swaps_in_the_read_only_view_and_reopen_brings_controls_back(
    client, editor, admin_user, quote
):
    client.force_login(editor)
    quote.accept(editor)
    response = client.post(reverse("annotations:mark_reviewed", args=[quote.article_id]), **HX)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="selection-bar"' in html and "data-read-only" in html
    assert 'data-action="accept"' not in html
    client.force_login(admin_user)
    response = client.post(reverse("annotations:reopen", args=[quote.article_id]), **HX)
    html = response.content.decode()
    assert "data-read-only" not in html
    assert 'data-action="accept"' in html
    assert Article.objects.get(pk=quote.article_id).status == Article.Status.IN_REVIEW
