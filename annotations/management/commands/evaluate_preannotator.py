"""Score the pre-annotator against gold data: a PolNeAR-style folder or a seed-style JSON."""

from django.core.management.base import BaseCommand, CommandError

from annotations.evaluation import format_report, load_gold, score
from annotations.preannotator import Preannotator


class Command(BaseCommand):
    help = (
        "Score the pre-annotator against gold attributions: PATH is a PolNeAR-style folder "
        "(text/, attributions/*.ann, metadata.tsv) or a seed-style JSON file."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--batch-size", type=int, default=16)

    def handle(self, *args, paths, batch_size, **options):
        pre = Preannotator()
        self.stdout.write(f"model: {pre.version}")
        for path in paths:
            try:
                documents = load_gold(path)
            except (OSError, ValueError, KeyError) as exc:
                raise CommandError(f"Cannot read gold data from {path}: {exc}") from exc
            if not documents:
                raise CommandError(f"{path} holds no annotated articles.")
            texts = [d.text for d in documents]
            for document, proposals in zip(
                documents, pre.annotate(texts, batch_size=batch_size), strict=True
            ):
                document.proposals = proposals
            title = f"\n== {path} ({len(documents)} articles)"
            self.stdout.write(format_report(score(documents), title=title))
