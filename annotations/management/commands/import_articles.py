"""manage.py import_articles PATH ... [--outlet X] [--preannotate]"""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from annotations.imports import collect_paths, import_paths


class Command(BaseCommand):
    help = (
        "Import articles from .txt, .html, .jsonl and .csv files, or folders of them "
        "(searched recursively). Prints a report; exits non-zero if any file had errors."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
        parser.add_argument(
            "--outlet", default="", help="outlet for articles whose file names none"
        )
        parser.add_argument(
            "--preannotate",
            action="store_true",
            help="run the pre-annotator on the imported articles, in this process",
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="no progress bar (for logs and cron)"
        )

    def handle(self, *args, paths, outlet, preannotate, no_progress, verbosity, **options):
        files = collect_paths(paths)
        show_progress = not no_progress and verbosity > 0
        with tqdm(
            total=len(files),
            unit="file",
            desc="Importing",
            disable=not show_progress,
            file=self.stderr._out,
        ) as bar:
            report = import_paths(files, outlet=outlet, progress=lambda path: bar.update())
        for line in report.lines():
            if line.startswith("Error"):
                self.stdout.write(self.style.ERROR(line))
            elif line.startswith("Warning"):
                self.stdout.write(self.style.WARNING(line))
            else:
                self.stdout.write(line)
        if preannotate and report.imported:
            self._preannotate(report.imported, show_progress=show_progress)
        if report.errors:
            raise CommandError(
                f"{len(report.errors)} error{'s' if len(report.errors) != 1 else ''} "
                "(listed above): those files, lines or rows were not imported."
            )

    def _preannotate(self, article_ids: list[int], show_progress: bool) -> None:
        from annotations.preannotation import preannotate_articles

        with tqdm(
            total=len(article_ids),
            unit="article",
            desc="Pre-annotating",
            disable=not show_progress,
            file=self.stderr._out,
        ) as bar:

            def progress(done: int, total: int) -> None:
                bar.update(done - bar.n)

            stats = preannotate_articles(article_ids, progress=progress)
        self.stdout.write(
            self.style.SUCCESS(
                f"Pre-annotated {stats.get('articles', 0)} articles: "
                f"{stats.get('quotes', 0)} quotes and {stats.get('claims', 0)} claims proposed."
            )
        )
