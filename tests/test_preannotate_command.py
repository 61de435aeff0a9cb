"""manage.py preannotate: choosing articles, storing proposals, reporting what it did."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django_tasks_db.models import DBTaskResult

from annotations.models import Article, PreannotationJob, Quote, Speaker


def make_article(n: int, status: str = Article.Status.NEW) -> Article:
    return Article.objects.create(
        title=f"Match {n}",
        text=f"The final ended late.\n\n“We played match {n} well,” said Mia Holt. Fans cheered.",
        status=status,
    )


def run(*args: str) -> str:
    out = StringIO()
    call_command("preannotate", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_needs_a_selection(db, fake_preannotator):
    with pytest.raises(CommandError, match="--article ID"):
        run()
    assert fake_preannotator.calls == []


def test_unknown_article_id_is_named_and_nothing_is_done(db, fake_preannotator):
    article = make_article(1)

    with pytest.raises(CommandError, match="No article with id 4242"):
        run("--article", str(article.pk), "4242")

    assert not Quote.objects.exists()


def test_status_selects_only_matching_articles(db, fake_preannotator):
    new = make_article(1)
    in_review = make_article(2, Article.Status.IN_REVIEW)

    output = run("--status", "new")

    assert Quote.objects.filter(article=new).count() == 1
    assert not Quote.objects.filter(article=in_review).exists()
    assert "Pre-annotated 1 article(s): 1 quote(s)" in output
    new.refresh_from_db()
    assert new.status == Article.Status.PROPOSED


def test_articles_by_id_with_batch_options(db, fake_preannotator):
    first, second, third = make_article(1), make_article(2), make_article(3)

    run("--article", str(first.pk), "--article", str(third.pk), "--batch-size", "7")

    assert set(Quote.objects.values_list("article_id", flat=True)) == {first.pk, third.pk}
    assert fake_preannotator.calls == [{"batch_size": 7, "n_process": 1}]
    quote = Quote.objects.filter(article=first).get()
    assert quote.content_text == "We played match 1 well"
    assert (quote.cue_text, quote.speaker_mention_text) == ("said", "Mia Holt")
    assert Speaker.objects.get().name == "Mia Holt"
    assert second.quotes.count() == 0


def test_running_twice_adds_nothing(db, fake_preannotator):
    make_article(1)
    make_article(2)
    run("--all")
    before = list(Quote.objects.values_list("id", "content_start", "content_end"))

    output = run("--all")

    assert list(Quote.objects.values_list("id", "content_start", "content_end")) == before
    assert "0 quote(s)" in output
    assert "2 already proposed" in output


@pytest.mark.parametrize("option", ["--batch-size", "--processes"])
def test_sizes_must_be_positive(db, fake_preannotator, option):
    with pytest.raises(CommandError, match=option.lstrip("-")):
        run("--all", option, "0")


def test_with_the_real_preannotator(db):
    """End to end with the spaCy pipeline on a plain attributed quote."""
    article = Article.objects.create(
        title="Harbour",
        text="The harbour reopened on Friday.\n\n"
        "“The repairs took longer than we hoped,” said harbour master Tom Reyes.\n",
    )

    run("--article", str(article.pk))
    again = run("--article", str(article.pk))

    quote = Quote.objects.get(article=article)
    assert quote.content_text.startswith("The repairs took longer than we hoped")
    assert (quote.status, quote.origin) == ("proposed", "model")
    assert quote.cue_text == "said"
    assert quote.model_version
    assert 0 <= quote.confidence <= 1
    assert "0 quote(s)" in again


class Terminal(StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal(db, fake_preannotator, monkeypatch):
    for n in range(3):
        make_article(n)
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    monkeypatch.setenv("COLUMNS", "100")

    run("--all")

    assert "3/3" in terminal.getvalue()
    assert "article/s" in terminal.getvalue()


def test_no_progress_bar_in_logs(db, fake_preannotator, monkeypatch):
    make_article(1)
    log = StringIO()
    monkeypatch.setattr("sys.stderr", log)

    run("--all")

    assert log.getvalue() == ""


def test_background_queues_a_job_instead(db, fake_preannotator):
    first, second = make_article(1), make_article(2)

    output = run("--status", "new", "--background")

    job = PreannotationJob.objects.get()
    assert job.article_ids == [first.pk, second.pk]
    assert DBTaskResult.objects.filter(pk=job.task_id, status="READY").exists()
    assert f"Queued pre-annotation job {job.pk} for 2 article(s)" in output
    assert f"/jobs/{job.pk}/" in output
    assert fake_preannotator.calls == [] and not Quote.objects.exists()
