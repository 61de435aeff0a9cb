from django.urls import reverse

from annotations.models import Article

HX = {"HTTP_HX_REQUEST": "true"}


def test_preannotate_button_for_new_articles_runs_the_preannotator(client, editor, article):
    client.force_login(editor)
    page = client.get(reverse("annotations:review", args=[article.pk])).content.decode()
    assert "Pre-annotate" in page
    response = client.post(reverse("annotations:preannotate", args=[article.pk]), **HX)
    assert response.status_code == 200
    assert "Pre-annotated:" in response.content.decode()
    article.refresh_from_db()
    assert article.status == Article.Status.PROPOSED
    assert article.quotes.filter(origin="model").exists()
    # Not offered, and refused, once the article has moved on.
    page = client.get(reverse("annotations:review", args=[article.pk])).content.decode()
    assert ">Pre-annotate<" not in page
    again = client.post(reverse("annotations:preannotate", args=[article.pk]), **HX)
    assert again.status_code == 409
