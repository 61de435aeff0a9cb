"""Train the pre-annotator's learned component on reviewed articles.

manage.py train_preannotator                                  # the database's reviewed articles
manage.py train_preannotator --data export.jsonl --output /srv/models/m1 --max-minutes 30
manage.py train_preannotator --data ../polnear-train --before 2016-08-01
"""

import datetime
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from annotations.preannotator.examples import ExampleError, from_database, load_examples
from annotations.preannotator.training import TrainingError, format_report, train


def positive_float(value: str) -> float:
    number = float(value)
    if number <= 0:
        raise ValueError(value)
    return number


def fraction(value: str) -> float:
    number = float(value)
    if not 0 < number < 1:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = (
        "Train the pre-annotator's learned component on reviewed articles (the database's, "
        "or --data files: JSONL exports, PolNeAR-style folders) and write a model directory. "
        "Ends with the trained model against the rules alone on held-out articles."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--data",
            action="append",
            default=[],
            metavar="PATH",
            help="a .jsonl export or a PolNeAR-style folder (repeatable); default: database",
        )
        parser.add_argument("--output", metavar="DIR", help="new folder for the model")
        parser.add_argument(
            "--max-minutes", type=positive_float, help="stop training after this many minutes"
        )
        parser.add_argument(
            "--heldout",
            type=fraction,
            default=0.1,
            help="share of the articles (the latest) held out for early stopping and the report",
        )
        parser.add_argument(
            "--before", metavar="YYYY-MM-DD", help="only articles published before this date"
        )
        parser.add_argument("--limit", type=int, help="only the first N articles (by date)")
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument("--max-epochs", type=int, help="stop after this many passes")
        parser.add_argument(
            "--tiny", action="store_true", help="a tiny model (tests and smoke checks only)"
        )

    def handle(
        self, *args, data, output, max_minutes, heldout, before, limit, seed, max_epochs, tiny, **_
    ):
        if before is not None:
            try:
                datetime.date.fromisoformat(before)
            except ValueError:
                raise CommandError(
                    f"--before {before!r} is not a date; write YYYY-MM-DD."
                ) from None
        try:
            examples = load_examples(data) if data else from_database()
        except ExampleError as exc:
            raise CommandError(str(exc)) from exc
        if before:
            examples = [e for e in examples if e.date and e.date < before]
        if limit:
            examples = sorted(examples, key=lambda e: (e.date, e.name))[:limit]
        if output is None:
            output = tempfile.mkdtemp(prefix="preannotator-model-")
        output_path = Path(output)
        source = ", ".join(data) if data else "the database"
        self.stdout.write(f"{len(examples)} reviewed articles from {source}")
        bar = tqdm(total=1, unit="step", dynamic_ncols=True, file=self.stderr._out)

        def progress(done: int, total: int, message: str) -> None:
            bar.total = total
            bar.n = done
            bar.set_description(message, refresh=False)
            bar.refresh()

        try:
            report = train(
                examples,
                output_path,
                max_minutes=max_minutes,
                heldout_fraction=heldout,
                progress=progress,
                seed=seed,
                max_epochs=max_epochs,
                tiny=tiny,
            )
        except TrainingError as exc:
            raise CommandError(str(exc)) from exc
        finally:
            bar.close()
        self.stdout.write(format_report(report))
        self.stdout.write(f"\nmodel written to {output_path}")
        self.stdout.write(
            f"use it: PREANNOTATOR_TRAINED={output_path} manage.py preannotate ..., "
            f"or manage.py evaluate_preannotator --trained {output_path} PATH"
        )
