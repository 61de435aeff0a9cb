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
        with tqdm(
            total=len(files),
            unit="file",
            desc="Importing",
            disable=no_progress or verbosity == 0,
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
            self._preannotate(report.imported)
        if report.errors:
            raise CommandError(
                f"{len(report.errors)} error{'s' if len(report.errors) != 1 else ''} "
                "(listed above): those files, lines or rows were not imported."
            )

    def _preannotate(self, article_ids: list[int]) -> None:
        try:
            from annotations.preannotation import preannotate_articles
        except ImportError as exc:
            raise CommandError(
                f"--preannotate is not available: the pre-annotation module is missing ({exc})."
            ) from exc
        self.stdout.write(f"Pre-annotating {len(article_ids)} articles ...")
        preannotate_articles(article_ids)
        self.stdout.write(self.style.SUCCESS("Pre-annotation done."))
