"""Training examples for the learned component: reviewed articles with their attributions.

Three sources give the same ``Example`` objects:

- ``from_database()``: every article marked reviewed, its accepted quotes (content fragments,
  cue, speaker mention) as positives; rejected proposals and unmarked text are negatives
  (they are simply not marked in the training targets).
- ``from_jsonl(path)``: the app's JSONL export (``manage.py export_quotes --format jsonl``):
  reviewed articles, or articles without a status that carry quotes (annotated data a newsroom
  brings); accepted quotes (or quotes without a status) are positives.
- ``from_brat_folder(path)``: a PolNeAR-style folder (``text/``, ``attributions/*.ann``,
  ``metadata.tsv``), read exactly as ``manage.py evaluate_preannotator`` reads it.

``load_examples(paths)`` picks the reader by what each path is.
"""

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from annotations.evaluation import GoldQuote, kind_of, load_gold

Span = tuple[int, int]


class ExampleError(ValueError):
    """Training data that cannot be read; the message names the file and the problem."""


@dataclass
class Example:
    name: str
    text: str
    quotes: list[GoldQuote]  # what the editors accepted
    rejected: list[GoldQuote] = field(default_factory=list)  # proposals they rejected
    date: str = ""  # ISO publication date when known (held-out slices take the latest)


def _span(value) -> list[Span]:
    if not value:
        return []
    return [(int(value[0]), int(value[1]))]


def _valid(text: str, spans: Iterable[Span]) -> bool:
    return all(0 <= a < b <= len(text) for a, b in spans)


def _quote(text: str, fragments, cue, mention, kind=None) -> GoldQuote | None:
    fragments = sorted((int(a), int(b)) for a, b in fragments or [])
    cue, mention = _span(cue), _span(mention)
    if not fragments or not _valid(text, [*fragments, *cue, *mention]):
        return None
    return GoldQuote(
        content=fragments, cue=cue, mention=mention, kind=kind or kind_of(text, fragments)
    )


def from_brat_folder(path: str | Path) -> list[Example]:
    """A PolNeAR-style folder; the first annotator in ``metadata.tsv`` is used."""
    try:
        documents = load_gold(path)
    except (OSError, ValueError, KeyError) as exc:
        raise ExampleError(f"Cannot read {path}: {exc}") from exc
    return [Example(d.name, d.text, d.gold, date=d.date) for d in documents]


def from_jsonl(path: str | Path) -> list[Example]:
    """The app's JSONL export: one article per line with its quotes."""
    path = Path(path)
    examples = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ExampleError(f"Cannot read {path}: {exc}") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            article = json.loads(line)
            text = article["text"]
            raw_quotes = article.get("quotes") or []
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ExampleError(f"{path}, line {number}: not an article line ({exc}).") from exc
        status = article.get("status")
        if status != "reviewed" and (status is not None or not raw_quotes):
            continue  # unreviewed: unmarked text there is not known to be a negative
        accepted, rejected = [], []
        for raw in raw_quotes:
            if not isinstance(raw, dict):
                raise ExampleError(f"{path}, line {number}: a quote is not an object.")
            quote = _quote(
                text,
                raw.get("content_fragments"),
                raw.get("cue"),
                raw.get("speaker_mention"),
                raw.get("kind"),
            )
            if quote is None:
                raise ExampleError(
                    f"{path}, line {number}: a quote's spans lie outside the article text."
                )
            quote_status = raw.get("status") or "accepted"
            if quote_status == "accepted":
                accepted.append(quote)
            elif quote_status == "rejected":
                rejected.append(quote)
        name = article.get("url") or article.get("title") or f"{path.name}:{number}"
        examples.append(
            Example(name, text, accepted, rejected, date=str(article.get("published") or ""))
        )
    return examples


def from_database() -> list[Example]:
    """Every reviewed article with its accepted and rejected quotes."""
    from annotations.models import Article, Quote

    examples = []
    articles = Article.objects.filter(status=Article.Status.REVIEWED).order_by("id")
    quotes: dict[int, list[Quote]] = {}
    for quote in Quote.objects.filter(
        article__status=Article.Status.REVIEWED,
        status__in=[Quote.Status.ACCEPTED, Quote.Status.REJECTED],
    ).order_by("article_id", "content_start", "id"):
        quotes.setdefault(quote.article_id, []).append(quote)
    for article in articles.only("id", "title", "text", "published"):
        accepted, rejected = [], []
        for quote in quotes.get(article.id, []):
            gold = _quote(
                article.text,
                quote.content_fragments,
                (quote.cue_start, quote.cue_end) if quote.cue_start is not None else None,
                (quote.speaker_mention_start, quote.speaker_mention_end)
                if quote.speaker_mention_start is not None
                else None,
                quote.kind,
            )
            if gold is None:
                continue
            (accepted if quote.status == Quote.Status.ACCEPTED else rejected).append(gold)
        examples.append(
            Example(
                f"article {article.id}",
                article.text,
                accepted,
                rejected,
                date=article.published.isoformat() if article.published else "",
            )
        )
    return examples


def load_examples(paths: Iterable[str | Path]) -> list[Example]:
    """Examples from folders (PolNeAR-style) and ``.jsonl`` files, in the order given."""
    examples: list[Example] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            examples += from_brat_folder(path)
        elif path.suffix == ".jsonl" and path.is_file():
            examples += from_jsonl(path)
        elif not path.exists():
            raise ExampleError(f"{path} does not exist.")
        else:
            raise ExampleError(
                f"{path} is neither a PolNeAR-style folder nor a .jsonl export file."
            )
    return examples
