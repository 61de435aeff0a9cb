"""Pre-annotation never writes into reviewed work, and only adds proposals to work in review."""

from collections import Counter

import pytest
from django.core.management import call_command
from django.urls import reverse

from annotations.models import Article, PreannotationJob, Quote
from annotations.preannotation import preannotate_article
from annotations.tasks import preannotate_job

TEXT = "“We won the game,” said Mia Holt. Later: “We will win again,” said Ted Lund."


@pytest.fixture
def story(db) -> Article:
    return Article.objects.create(title="Game", text=TEXT)


def mark_reviewed(article: Article, by) -> None:
    Article.objects.filter(pk=article.pk).update(status=Article.Status.REVIEWED, reviewed_by=by)


def test_store_skips_an_article_reviewed_after_it_was_read(story, editor, fake_preannotator):
    fake_preannotator.before_text = lambda text: mark_reviewed(story, editor)
    stats = Counter()
    assert preannotate_article(story, stats) == 0
    assert stats["reviewed"] == 1
    story.refresh_from_db()
    assert story.status == Article.Status.REVIEWED and story.reviewed_by == editor
    assert not story.quotes.exists()


def test_background_job_skips_articles_reviewed_while_queued(story, editor, fake_preannotator):
    other = Article.objects.create(title="Other", text=TEXT.replace("game", "match"))
    job = PreannotationJob.objects.create(article_ids=[story.pk, other.pk], total=2)
    mark_reviewed(story, editor)  # reviewed while the job waited for a worker

    stats = preannotate_job.call(job.pk)

    assert stats["reviewed"] == 1
    assert not story.quotes.exists()
    assert other.quotes.count() == 2
    story.refresh_from_db()
    assert story.status == Article.Status.REVIEWED
    job.refresh_from_db()
    assert job.status == PreannotationJob.Status.DONE
    assert "1 article was reviewed meanwhile" in job.note


def test_command_skips_reviewed_articles_and_says_so(story, editor, fake_preannotator):
    mark_reviewed(story, editor)
    out = __import__("io").StringIO()
    call_command("preannotate", "--all", stdout=out)
    assert not story.quotes.exists()
    assert "Skipped 1 reviewed article(s)" in out.getvalue()


def test_review_page_refuses_when_the_article_was_reviewed_meanwhile(
    client, editor, story, fake_preannotator
):
    fake_preannotator.before_text = lambda text: mark_reviewed(story, editor)
    client.force_login(editor)
    response = client.post(
        reverse("annotations:preannotate", args=[story.pk]), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 409
    assert "reviewed meanwhile" in response.content.decode()
    assert not story.quotes.exists()


def test_an_article_in_review_only_gains_new_proposals(story, editor, fake_preannotator):
    start = TEXT.index("We won the game")
    decided = Quote.objects.create(
        article=story,
        content_fragments=[[start, start + 15]],
        status=Quote.Status.ACCEPTED,
        origin=Quote.Origin.MODEL,
        kind=Quote.Kind.INDIRECT,
        reviewed_by=editor,
    )
    story.start_review(editor)
    before = Quote.objects.filter(pk=decided.pk).values().get()

    assert preannotate_article(story) == 1

    assert Quote.objects.filter(pk=decided.pk).values().get() == before
    new = story.quotes.exclude(pk=decided.pk).get()
    assert new.status == Quote.Status.PROPOSED and "win again" in new.content_text
    story.refresh_from_db()
    assert story.status == Article.Status.IN_REVIEW and story.assignee == editor
