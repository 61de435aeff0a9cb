"""Export quotes as CSV (or their claims) or articles with annotations as JSONL."""

import time

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.template.defaultfilters import pluralize

from annotations import exports


class Command(BaseCommand):
    help = (
        "Export quotes as CSV (one row per quote; --claims for one row per claim) or "
        "articles with their speakers, quotes and claims as JSONL (the import format). "
        "Streams in chunks, so a million quotes need little memory."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", choices=["csv", "jsonl"], default="csv")
        parser.add_argument(
            "--claims", action="store_true", help="CSV of the selected quotes' claims instead"
        )
        parser.add_argument("--status", help="only quotes with this status (e.g. accepted)")
        parser.add_argument("--outlet", help="only articles from this outlet (exact name)")
        parser.add_argument("--since", help="only articles published on or after YYYY-MM-DD")
        parser.add_argument("--until", help="only articles published on or before YYYY-MM-DD")
        parser.add_argument(
            "--speaker", help="only quotes attributed to this speaker (name, alias or id)"
        )
        parser.add_argument("--reviewed", action="store_true", help="only articles marked reviewed")
        parser.add_argument("-o", "--output", help="file to write (default: standard output)")
        parser.add_argument("--bom", action="store_true", help="CSV: start with a UTF-8 BOM")
        parser.add_argument(
            "--raw-formulas",
            action="store_true",
            help="CSV: keep cells starting with = + - @ as they are (exact text, unsafe to "
            "open in a spreadsheet) instead of prefixing them with '",
        )
        parser.add_argument(
            "--chunk-size",
            type=int,
            default=None,
            help=f"rows per query (default {exports.CHUNK_SIZE}; "
            f"articles for JSONL, default {exports.ARTICLE_CHUNK_SIZE})",
        )

    def handle(self, *args, **options) -> None:
        fmt = options["format"]
        if fmt == "jsonl":
            for flag in ("claims", "bom", "raw_formulas"):
                if options[flag]:
                    option = "--" + flag.replace("_", "-")
                    raise CommandError(f"{option} applies to CSV only, not to --format jsonl.")
        if options["chunk_size"] is not None and options["chunk_size"] < 1:
            raise CommandError(f"--chunk-size must be at least 1, got {options['chunk_size']}.")
        try:
            filters = exports.parse_filters(options)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc

        rows = 0

        def count(n: int) -> None:
            nonlocal rows
            rows += n

        if fmt == "jsonl":
            chunks = exports.export_jsonl(filters, chunk_size=options["chunk_size"], progress=count)
            what = "article"
        else:
            export = exports.export_claims_csv if options["claims"] else exports.export_quotes_csv
            chunks = export(
                filters,
                raw_formulas=options["raw_formulas"],
                bom=options["bom"],
                chunk_size=options["chunk_size"],
                progress=count,
            )
            what = "claim" if options["claims"] else "quote"

        started = time.monotonic()
        path = options["output"]
        if path and path != "-":
            try:
                out = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115
            except OSError as exc:
                raise CommandError(f"Cannot write {path}: {exc.strerror}.") from exc
            with out:
                for chunk in chunks:
                    out.write(chunk)
            seconds = time.monotonic() - started
            self.stderr.write(
                f"Exported {rows:,} {what}{pluralize(rows)} to {path} in {seconds:.1f} s."
            )
        else:
            for chunk in chunks:
                self.stdout.write(chunk, ending="")
            self.stdout.flush()
            self.stderr.write(f"Exported {rows:,} {what}{pluralize(rows)}.")
