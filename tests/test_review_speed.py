"""The review page and its decisions stay cheap as articles grow: a bounded number of
queries whatever the number of quotes, and a decision answers with its card only."""

import pytest
from django.urls import reverse

from annotations.models import Article, Claim, Quote, Speaker

HX = {"HTTP_HX_REQUEST": "true"}


def make_article(n_quotes: int) -> Article:
    sentences = [f"“Point number {i} stands,” said Speaker{i} Smith." for i in range(n_quotes)]
    text = "\n\n".join(sentences)
    article = Article.objects.create(title=f"{n_quotes} quotes", text=text)
    at = 0
    for i, sentence in enumerate(sentences):
        content = sentence.index("Point")
        cue = sentence.index("said")
        mention = sentence.index("Speaker")
        quote = Quote.objects.create(
            article=article,
            content_fragments=[[at + content, at + sentence.index(",”")]],
            cue_start=at + cue,
            cue_end=at + cue + 4,
            speaker_mention_start=at + mention,
            speaker_mention_end=at + len(sentence) - 1,
            speaker=Speaker.objects.create(name=f"Speaker{i} Smith"),
            origin=Quote.Origin.MODEL,
            confidence=0.5 + i / (2 * n_quotes),
        )
        Claim.objects.create(quote=quote, start=quote.content_start, end=quote.content_start + 5)
        at += len(sentence) + 2
    return article


def queries_for(client, django_assert_max_num_queries, url, limit, **kwargs):
    with django_assert_max_num_queries(limit) as captured:
        response = client.get(url) if not kwargs else client.post(url, kwargs, **HX)
    assert response.status_code == 200, response.content[:300]
    return len(captured)


@pytest.mark.django_db
def test_review_page_queries_stay_flat_as_quotes_grow(
    client, editor, django_assert_max_num_queries
):
    client.force_login(editor)
    small, large = make_article(2), make_article(25)
    counts = [
        queries_for(
            client,
            django_assert_max_num_queries,
            reverse("annotations:review", args=[a.pk]),
            10,
        )
        for a in (small, large)
    ]
    assert counts[0] == counts[1]


@pytest.mark.django_db
def test_a_decision_costs_the_same_queries_on_a_long_article(
    client, editor, django_assert_max_num_queries
):
    client.force_login(editor)
    counts = []
    for article in (make_article(2), make_article(25)):
        quote = article.quotes.order_by("id").first()
        counts.append(
            queries_for(
                client,
                django_assert_max_num_queries,
                reverse("annotations:accept", args=[quote.pk]),
                15,
                version=quote.version,
            )
        )
    assert counts[0] == counts[1]


@pytest.mark.django_db
def test_a_decision_on_a_long_article_answers_with_one_card(client, editor):
    client.force_login(editor)
    article = make_article(25)
    quote = article.quotes.order_by("id")[3]
    response = client.post(reverse("annotations:reject", args=[quote.pk]), {"version": 1}, **HX)
    html = response.content.decode()
    assert html.count('class="quote-card ') == 1
    assert f'id="quote-{quote.pk}"' in html
    assert "<b>24</b> proposed" in html and "<b>1</b> rejected" in html
    page = client.get(reverse("annotations:review", args=[article.pk])).content
    assert len(html) * 10 < len(page)
