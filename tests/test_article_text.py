import pytest
from django.core.exceptions import ValidationError

from annotations.models import Article, normalize_text, text_fingerprint


def test_text_can_change_while_the_article_has_no_quotes(article):
    article.text = article.text + "One more line.\n"
    article.save()
    article.refresh_from_db()
    assert article.text.endswith("One more line.\n")


def test_text_cannot_change_once_the_article_has_quotes(quote):
    article = Article.objects.get(pk=quote.article_id)
    original = article.text
    article.text = "Something else entirely."
    with pytest.raises(ValidationError, match="cannot change once it has quotes"):
        article.save()
    with pytest.raises(ValidationError, match="cannot change once it has quotes"):
        article.full_clean()
    article.refresh_from_db()
    assert article.text == original


def test_other_fields_still_change_when_the_article_has_quotes(quote):
    article = Article.objects.get(pk=quote.article_id)
    article.title = "A better headline"
    article.save()
    assert Article.objects.get(pk=article.pk).title == "A better headline"


def test_text_is_normalised_once_on_save(db):
    decomposed = "Cafe\u0301 owner said:\r\n“Yes.”\r"
    article = Article.objects.create(title="t", text=decomposed)
    assert article.text == "Café owner said:\n“Yes.”\n"
    assert article.text == normalize_text(decomposed)
    assert article.text_hash == text_fingerprint("CAFÉ  owner said: “Yes.”")
