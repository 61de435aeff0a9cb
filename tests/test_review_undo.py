"""Undo puts back the state before the editor's last change, one step at a time."""

from django.urls import reverse

from annotations.models import Quote

HX = {"HTTP_HX_REQUEST": "true"}


def post(client, name, obj_id, **data):
    return client.post(reverse(f"annotations:{name}", args=[obj_id]), data, **HX)


def test_undo_steps_back_through_changes(client, editor, quote):
    client.force_login(editor)
    post(client, "accept", quote.pk, version=1)
    post(client, "set_kind", quote.pk, version=2, kind="indirect")
    assert post(client, "undo", quote.article_id).status_code == 200
    quote.refresh_from_db()
    assert (quote.kind, quote.status) == ("direct", "accepted")
    assert quote.version == 4  # an undo is a change too: other editors' forms go stale
    post(client, "undo", quote.article_id)
    quote.refresh_from_db()
    assert (quote.kind, quote.status) == ("direct", "proposed")
    response = post(client, "undo", quote.article_id)
    assert response.status_code == 400
    assert "Nothing to undo" in response.content.decode()


def test_undo_removes_an_added_quote(client, editor, article):
    client.force_login(editor)
    start = article.text.index("the plan")
    post(client, "add_quote", article.pk, start=start, end=start + 8)
    assert Quote.objects.filter(article=article).count() == 1
    post(client, "undo", article.pk)
    assert Quote.objects.filter(article=article).count() == 0


def test_undo_brings_back_a_deleted_quote(client, editor, article):
    client.force_login(editor)
    start = article.text.index("the plan")
    post(client, "add_quote", article.pk, start=start, end=start + 8)
    quote = Quote.objects.get(article=article)
    post(client, "delete_quote", quote.pk, version=1)
    post(client, "undo", article.pk)
    restored = Quote.objects.get(pk=quote.pk)
    assert restored.content == (start, start + 8)


def test_undo_of_accept_all_takes_back_the_batch(client, editor, quote, article):
    start = article.text.index("the plan")
    other = Quote.objects.create(article=article, content_fragments=[[start, start + 8]])
    client.force_login(editor)
    post(client, "accept_all", article.pk)
    post(client, "undo", article.pk)
    assert set(
        Quote.objects.filter(pk__in=[quote.pk, other.pk]).values_list("status", flat=True)
    ) == {"proposed"}


def test_undo_refused_when_someone_else_changed_the_quote_since(client, editor, admin_user, quote):
    client.force_login(editor)
    post(client, "accept", quote.pk, version=1)
    client.force_login(admin_user)
    post(client, "set_kind", quote.pk, version=2, kind="mixed")
    client.force_login(editor)
    response = post(client, "undo", quote.article_id)
    assert response.status_code == 409
    assert "Someone else changed this quote" in response.content.decode()
    quote.refresh_from_db()
    assert (quote.status, quote.kind) == ("accepted", "mixed")
