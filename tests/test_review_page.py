import pytest
from django.urls import reverse

from annotations import highlight
from annotations.models import Article, Claim, Quote


def test_review_page_highlights_every_span(client, editor, quote):
    Claim.objects.create(quote=quote, start=quote.content_start, end=quote.content_start + 7)
    client.force_login(editor)
    response = client.get(reverse("annotations:review", args=[quote.article_id]))
    assert response.status_code == 200
    html = response.content.decode()
    for role in ("hl-content", "hl-cue", "hl-mention", "hl-claim"):
        assert f'class="{role}' in html or f" {role}" in html
    assert f'data-quotes="{quote.pk}"' in html
    assert f'id="quote-{quote.pk}"' in html
    assert 'name="version" value="1"' in html
    assert "Mayor Ana Ruiz" in html


@pytest.mark.django_db
def test_segments_carry_code_point_offsets_and_escape_text():
    text = "Intro 🎉 <b>bold</b> & “quoted” words.\n\nSecond para."
    article = Article.objects.create(title="t", text=text)
    start = text.index("quoted")
    quote = Quote.objects.create(article=article, content_fragments=[[start, start + 6]])
    paragraphs = highlight.paragraphs(article.text, [quote])
    assert [(p.start, p.end) for p in paragraphs] == [
        (0, text.index("\n")),
        (text.index("S"), len(text)),
    ]
    segments = paragraphs[0].segments
    assert "".join(s.text for s in segments) == text[: text.index("\n")]
    for s in segments:
        assert text[s.start : s.end] == s.text
    (covered,) = [s for s in segments if s.quote_ids]
    assert covered.text == "quoted"
    assert covered.roles == ["content"]


@pytest.mark.django_db
def test_escapes_article_text(client, editor):
    article = Article.objects.create(
        title="<script>x</script>", text="A <script>alert(1)</script> b"
    )
    client.force_login(editor)
    html = client.get(reverse("annotations:review", args=[article.pk])).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_overlapping_proposals_cover_one_segment(article):
    text = article.text
    s = text.index("We will")
    a = Quote.objects.create(article=article, content_fragments=[[s, s + 20]])
    b = Quote.objects.create(
        article=article, content_fragments=[[s + 8, s + 30]], status=Quote.Status.ACCEPTED
    )
    segments = [seg for p in highlight.paragraphs(text, [a, b]) for seg in p.segments]
    both = [seg for seg in segments if seg.quote_ids == sorted([a.pk, b.pk])]
    assert both and both[0].start == s + 8 and both[-1].end == s + 20
    assert both[0].status == "accepted"


def test_attributions_listed_in_text_order(client, editor, article):
    text = article.text
    later = Quote.objects.create(
        article=article, content_fragments=[[text.index("the plan"), text.index(" was")]]
    )
    first = Quote.objects.create(article=article, content_fragments=[[0, 9]])
    client.force_login(editor)
    response = client.get(reverse("annotations:review", args=[article.pk]))
    assert [q.pk for q in response.context["quotes"]] == [first.pk, later.pk]


def test_unknown_article_is_404(client, editor):
    client.force_login(editor)
    assert client.get(reverse("annotations:review", args=[999999])).status_code == 404


@pytest.mark.parametrize("n_quotes", [5, 200])
def test_review_page_query_count_is_flat(client, editor, django_assert_max_num_queries, n_quotes):
    words = " ".join(f"word{n}" for n in range(n_quotes * 3))
    article = Article.objects.create(title="Long", text=words)
    position = 0
    for n in range(n_quotes):
        start = words.index(f"word{n * 3} ", position)
        end = start + len(f"word{n * 3}")
        quote = Quote.objects.create(
            article=article, content_fragments=[[start, end]], cue_start=end + 1, cue_end=end + 2
        )
        Claim.objects.create(quote=quote, start=start, end=end)
        position = end
    client.force_login(editor)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("annotations:review", args=[article.pk]))
    assert response.status_code == 200
    assert len(response.context["quotes"]) == n_quotes
