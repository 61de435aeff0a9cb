"""Score the pre-annotator against gold data: a PolNeAR-style folder or a seed-style JSON."""

import datetime

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
        parser.add_argument(
            "--trained",
            metavar="DIR",
            help="score the rules with this trained model (manage.py train_preannotator)",
        )
        parser.add_argument(
            "--rules-only",
            action="store_true",
            help="score the rules alone, even when a trained model is configured",
        )
        parser.add_argument(
            "--since",
            metavar="YYYY-MM-DD",
            help="only articles published on or after this date (metadata.tsv)",
        )
        parser.add_argument(
            "--before",
            metavar="YYYY-MM-DD",
            help="only articles published before this date (metadata.tsv)",
        )

    def handle(
        self,
        *args,
        paths,
        batch_size,
        since=None,
        before=None,
        trained=None,
        rules_only=False,
        **options,
    ):
        if trained and rules_only:
            raise CommandError("Give either --trained or --rules-only, not both.")
        for name, value in (("--since", since), ("--before", before)):
            if value is not None:
                try:
                    datetime.date.fromisoformat(value)
                except ValueError:
                    raise CommandError(
                        f"{name} {value!r} is not a date; write it as YYYY-MM-DD."
                    ) from None
        try:
            pre = Preannotator(trained=False if rules_only else trained)
        except (OSError, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"model: {pre.version}")
        for path in paths:
            try:
                documents = load_gold(path)
            except (OSError, ValueError, KeyError) as exc:
                raise CommandError(f"Cannot read gold data from {path}: {exc}") from exc
            if not documents:
                raise CommandError(f"{path} holds no annotated articles.")
            if since or before:
                documents = [
                    d
                    for d in documents
                    if d.date and (not since or d.date >= since) and (not before or d.date < before)
                ]
                if not documents:
                    raise CommandError(
                        f"{path} has no articles with a publication date in that range "
                        "(dates come from metadata.tsv)."
                    )
            texts = [d.text for d in documents]
            for document, proposals in zip(
                documents, pre.annotate(texts, batch_size=batch_size), strict=True
            ):
                document.proposals = proposals
            dates = "".join(
                f", {label} {value}"
                for label, value in (("since", since), ("before", before))
                if value
            )
            title = f"\n== {path} ({len(documents)} articles{dates})"
            self.stdout.write(format_report(score(documents), title=title))
