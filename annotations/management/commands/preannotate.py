"""Propose quotes, speakers and claims for articles with the spaCy pre-annotator.

manage.py preannotate --status new
manage.py preannotate --article 12 --article 15
manage.py preannotate --all --batch-size 64 --processes 2
"""

import sys

from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from tqdm import tqdm

from annotations.models import Article
from annotations.preannotation import preannotate_articles
from annotations.tasks import queue_preannotation


def positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = (
        "Pre-annotate articles: store the pre-annotator's proposals as proposed quotes. "
        "Quotes an editor accepted, rejected or edited are never changed or re-proposed, "
        "and running it twice adds nothing."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--article",
            dest="article_ids",
            type=positive_int,
            nargs="+",
            action="extend",
            default=[],
            metavar="ID",
            help="Article id(s) to pre-annotate; may be repeated.",
        )
        parser.add_argument(
            "--status",
            choices=Article.Status.values,
            action="append",
            default=[],
            help="Pre-annotate every article with this status (e.g. new); may be repeated.",
        )
        parser.add_argument("--all", action="store_true", help="Pre-annotate every article.")
        parser.add_argument(
            "--batch-size",
            type=positive_int,
            default=32,
            help="Texts per spaCy batch (default 32).",
        )
        parser.add_argument(
            "--processes",
            type=positive_int,
            default=1,
            help="spaCy worker processes (default 1).",
        )
        parser.add_argument(
            "--background",
            action="store_true",
            help="Queue a pre-annotation job for the workers (manage.py db_worker) and exit.",
        )

    def handle(
        self, *args, article_ids, status, all, batch_size, processes, background, **options
    ) -> None:
        if not (article_ids or status or all):
            raise CommandError(
                "Say which articles to pre-annotate: --article ID ..., --status new, or --all."
            )
        if all:
            ids = list(Article.objects.order_by("id").values_list("id", flat=True))
        else:
            ids = []
            if article_ids:
                found = set(Article.objects.filter(pk__in=article_ids).values_list("id", flat=True))
                missing = [pk for pk in article_ids if pk not in found]
                if missing:
                    raise CommandError(
                        f"No article with id {', '.join(map(str, missing))}. Nothing was done."
                    )
                ids += article_ids
            if status:
                ids += (
                    Article.objects.filter(status__in=status)
                    .order_by("id")
                    .values_list("id", flat=True)
                )
        ids = list(dict.fromkeys(ids))
        if not ids:
            self.stdout.write("No articles to pre-annotate.")
            return
        if background:
            job = queue_preannotation(ids)
            url = reverse("annotations:job_progress", args=[job.pk])
            self.stdout.write(
                f"Queued pre-annotation job {job.pk} for {job.total} article(s); a worker "
                f"(manage.py db_worker) runs it. Progress: {url}"
            )
            return

        # disable=None: a live bar on a terminal, silent in logs and pipes.
        with tqdm(total=len(ids), unit="article", file=sys.stderr, disable=None) as bar:

            def progress(done: int, total: int) -> None:
                bar.update(done - bar.n)

            stats = preannotate_articles(
                ids, batch_size=batch_size, n_process=processes, progress=progress
            )

        self.stdout.write(
            self.style.SUCCESS(
                f"Pre-annotated {stats['articles']} article(s): {stats['quotes']} quote(s) and "
                f"{stats['claims']} claim(s) proposed, {stats['speakers_created']} new "
                f"speaker(s), {stats['aliases_added']} new alias(es)."
            )
        )
        skipped = {
            "already proposed": stats["already_proposed"],
            "decided by an editor": stats["editor_decided"],
            "rejected by an editor before": stats["rejected_before"],
            "invalid spans": stats["invalid"],
        }
        if any(skipped.values()):
            self.stdout.write(
                "Skipped proposals: "
                + ", ".join(f"{count} {why}" for why, count in skipped.items() if count)
                + "."
            )
        if stats["invalid_claims"]:
            self.stdout.write(f"Skipped {stats['invalid_claims']} claim(s) with invalid spans.")
        if stats["reviewed"]:
            self.stdout.write(
                f"Skipped {stats['reviewed']} reviewed article(s): reviewed work is never changed."
            )
        if stats["missing"] or stats["text_changed"]:
            self.stdout.write(
                self.style.WARNING(
                    f"{stats['missing']} article(s) were deleted and {stats['text_changed']} "
                    "changed text while the run was going; they were left alone."
                )
            )
