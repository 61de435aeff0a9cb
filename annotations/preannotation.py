"""Store the pre-annotator's proposals as Quote, Speaker and Claim rows.

The rules editors rely on: a run never changes or duplicates a quote an editor touched,
never re-proposes what an editor rejected, and running it twice adds nothing. Proposals
that fail the shared span validation are skipped and counted, never fatal. Each article is
stored in its own transaction, so a long batch that stops half way keeps what it finished.

Callers:
- :func:`preannotate_article` for one article, in-process (the review page, import);
- :func:`preannotate_articles` for batches (the ``preannotate`` command, the background task).
"""

import logging
import math
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.module_loading import import_string
from simple_history.utils import bulk_create_with_history

from .models import Article, Claim, Quote, Speaker, normalize_name, quote_search_text
from .spans import Span, validate_claim_span, validate_spans

logger = logging.getLogger(__name__)

CHANGE_REASON = "pre-annotation"

# Words allowed in lower case inside a proper name ("Center for Strategic and International
# Studies", "Ministry of Defence"); any other lower-case word makes a mention a description
# ("the think tank", "Kremlin spokesman Dmitry Peskov"), which is not recorded as an alias.
NAME_CONNECTORS = frozenset({"of", "for", "and", "the", "de", "del", "da", "van", "von", "bin"})
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"})
MAX_ALIAS_WORDS = 8

ProgressCallback = Callable[[int, int], None]


# ((class path, trained model directory), the pre-annotator built for them)
_current: tuple[tuple[str, str | None], Any] | None = None


def _trained_choice() -> str | None:
    """The trained model directory ``Preannotator()`` would use now (None: the rules alone)."""
    from . import preannotator

    lookup = getattr(preannotator, "default_trained", None)
    return lookup() if lookup is not None else None


def get_preannotator():
    """The process-wide pre-annotator (the class named by ``settings.PREANNOTATOR``): the
    spaCy model is loaded once per process (worker), and the pre-annotator is rebuilt only
    when the trained model to use changes (an admin activated another one, or went back to
    the rules alone)."""
    global _current
    trained = _trained_choice()
    key = (settings.PREANNOTATOR, trained)
    if _current is None or _current[0] != key:
        factory = import_string(settings.PREANNOTATOR)
        _current = (key, factory(trained=trained) if trained else factory())
    return _current[1]


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _fragments_overlap(a: Sequence[Span], b: Sequence[Span]) -> bool:
    return any(_overlaps(x, y) for x in a for y in b)


def _editor_touched(quote: Quote) -> bool:
    return (
        quote.origin == Quote.Origin.EDITOR
        or quote.status != Quote.Status.PROPOSED
        or quote.reviewed_by_id is not None
    )


def looks_like_name(mention: str) -> bool:
    """A mention worth remembering as an alias: a proper name, not a pronoun or description."""
    words = mention.replace("’s", "").replace("'s", "").split()
    if not words or len(words) > MAX_ALIAS_WORDS or words[0].lower() in PRONOUNS:
        return False
    has_capital = False
    for word in words:
        letters = word.strip(".,;:()\"'’‘“”")
        if not letters or not letters[0].isalpha():
            continue
        if letters[0].isupper():
            has_capital = True
        elif letters.lower() not in NAME_CONNECTORS:
            return False
    return has_capital


class _Speakers:
    """Speaker lookups for one article: reuse by name or alias, create when unknown."""

    def __init__(self, stats: Counter) -> None:
        self.by_key: dict[str, Speaker] = {}
        self.stats = stats

    def resolve(self, name: str, kind: str | None, mention: str) -> Speaker:
        name = " ".join(name.split())
        key = normalize_name(name)
        # Only the canonical name is looked up: a bare surname in the mention ("Ortiz") could
        # belong to another speaker of that name, while the canonical name already carries
        # the article's own resolution of it ("Lena Ortiz").
        speaker = self.by_key.get(key) or Speaker.objects.find(name)
        if speaker is None:
            speaker = Speaker(name=name, kind=kind or Speaker.Kind.PERSON)
            speaker._change_reason = CHANGE_REASON
            speaker.save()
            self.stats["speakers_created"] += 1
        self.by_key[key] = speaker
        for alias in (name, mention):
            if looks_like_name(alias) and speaker.add_alias(alias):
                speaker._change_reason = CHANGE_REASON
                speaker.save(update_fields=["aliases", "updated_at"])
                self.stats["aliases_added"] += 1
        return speaker


def _check_proposal(text: str, proposal: Any) -> dict:
    """Validate one proposal against the text; return its cleaned fields.

    Raises ValidationError naming the problem.
    """
    try:
        fragments = getattr(proposal, "content_fragments", None) or [proposal.content]
        fragments, cue, mention = validate_spans(
            text, fragments, proposal.cue, proposal.speaker_mention
        )
    except AttributeError as exc:
        raise ValidationError(f"not a proposal: {exc}") from exc
    kind = getattr(proposal, "kind", None)
    if kind not in Quote.Kind.values:
        raise ValidationError(f"kind {kind!r} is not one of {', '.join(Quote.Kind.values)}")
    confidence = getattr(proposal, "confidence", None)
    if confidence is not None:
        try:
            confidence = float(confidence)
        except (TypeError, ValueError) as exc:
            raise ValidationError(f"confidence {confidence!r} is not a number") from exc
        if not (math.isfinite(confidence) and 0 <= confidence <= 1):
            raise ValidationError(f"confidence {confidence!r} is not between 0 and 1")
    speaker_kind = getattr(proposal, "speaker_kind", None)
    if speaker_kind is not None and speaker_kind not in Speaker.Kind.values:
        raise ValidationError(
            f"speaker_kind {speaker_kind!r} is not one of {', '.join(Speaker.Kind.values)}"
        )
    return {
        "fragments": fragments,
        "cue": cue,
        "mention": mention,
        "antecedent": _antecedent(text, getattr(proposal, "speaker_antecedent", None)),
        "kind": kind,
        "confidence": confidence,
        "speaker_name": getattr(proposal, "speaker_name", None) or "",
        "speaker_kind": speaker_kind,
        "claims": list(getattr(proposal, "claims", None) or []),
    }


def _antecedent(text: str, span: Any) -> tuple[int, int] | None:
    """The proposal's antecedent offsets if they are a valid span of the text, else None
    (an explanation is optional: a bad one is dropped, the proposal kept)."""
    try:
        start, end = (int(v) for v in span)
    except (TypeError, ValueError):
        return None
    return (start, end) if 0 <= start < end <= len(text) else None


def store_proposals(
    article: Article,
    proposals: Iterable[Any],
    model_version: str,
    stats: Counter | None = None,
) -> int:
    """Store one article's proposals in one transaction; return how many quotes were added.

    ``stats`` (a Counter) is incremented with ``quotes``, ``claims``, ``speakers_created``,
    ``aliases_added`` and the skips: ``already_proposed`` (overlaps a proposal already
    stored), ``editor_decided`` (overlaps a quote an editor added, accepted or edited),
    ``rejected_before`` (overlaps a quote an editor rejected), ``invalid`` and
    ``invalid_claims`` (failed span validation), ``text_changed`` (the article text changed
    since it was read, so the offsets no longer fit it), ``reviewed`` (an editor marked the
    article reviewed meanwhile: a reviewed article is settled and gets nothing).

    An article in review only ever gains new proposals: quotes an editor decided are never
    changed, and its status stays "in review".
    """
    stats = Counter() if stats is None else stats
    text = article.text
    proposals = list(proposals)
    with transaction.atomic():
        # Lock the article so two runs on it (two workers, or a worker and the review
        # page) store their proposals one after the other and see each other's rows.
        current = Article.objects.select_for_update().only("text", "status").get(pk=article.pk)
        if current.status == Article.Status.REVIEWED:
            stats["reviewed"] += 1
            return 0
        if current.text != text:
            stats["text_changed"] += 1
            return 0
        existing = [
            (q.fragments, q)
            for q in Quote.objects.filter(article_id=article.pk).only(
                "content_fragments", "status", "origin", "reviewed_by_id"
            )
        ]
        speakers = _Speakers(stats)
        new_quotes: list[tuple[Quote, list[Span]]] = []
        for proposal in proposals:
            try:
                fields = _check_proposal(text, proposal)
            except ValidationError as exc:
                stats["invalid"] += 1
                logger.warning(
                    "Article %s: skipped a proposal: %s", article.pk, "; ".join(exc.messages)
                )
                continue
            fragments = fields["fragments"]
            clash = next((q for frs, q in existing if _fragments_overlap(frs, fragments)), None)
            if clash is not None:
                if clash.status == Quote.Status.REJECTED:
                    stats["rejected_before"] += 1
                elif _editor_touched(clash):
                    stats["editor_decided"] += 1
                else:
                    stats["already_proposed"] += 1
                continue
            claims = []
            for claim in fields["claims"]:
                try:
                    claims.append(validate_claim_span(claim, fragments))
                except ValidationError as exc:
                    stats["invalid_claims"] += 1
                    logger.warning(
                        "Article %s: skipped a claim: %s", article.pk, "; ".join(exc.messages)
                    )
            mention = fields["mention"]
            speaker = None
            if normalize_name(fields["speaker_name"]) and len(fields["speaker_name"]) <= 200:
                mention_text = text[mention[0] : mention[1]] if mention else ""
                speaker = speakers.resolve(
                    fields["speaker_name"], fields["speaker_kind"], mention_text
                )
            quote = Quote(
                article_id=article.pk,
                # bulk_create skips Quote.save(), so the outer bounds are set here.
                content_fragments=[list(f) for f in fragments],
                content_start=fragments[0][0],
                content_end=fragments[-1][1],
                search_text=quote_search_text(text, fragments),
                kind=fields["kind"],
                speaker=speaker,
                status=Quote.Status.PROPOSED,
                origin=Quote.Origin.MODEL,
                confidence=fields["confidence"],
                model_version=model_version[:100],
            )
            quote.cue = fields["cue"]
            quote.speaker_mention = mention
            if speaker is not None and fields["antecedent"]:
                quote.speaker_antecedent_start, quote.speaker_antecedent_end = fields["antecedent"]
            new_quotes.append((quote, claims))
            # A later proposal overlapping this one in the same run is a duplicate too.
            existing.append((fragments, quote))
        if new_quotes:
            bulk_create_with_history(
                [quote for quote, _ in new_quotes], Quote, default_change_reason=CHANGE_REASON
            )
            claims = [
                Claim(
                    quote_id=quote.pk,
                    start=start,
                    end=end,
                    status=Claim.Status.PROPOSED,
                    origin=Quote.Origin.MODEL,
                )
                for quote, spans in new_quotes
                for start, end in spans
            ]
            if claims:
                bulk_create_with_history(claims, Claim, default_change_reason=CHANGE_REASON)
            stats["claims"] += len(claims)
        if current.status == Article.Status.NEW:
            Article.objects.filter(pk=article.pk).update(status=Article.Status.PROPOSED)
            article.status = Article.Status.PROPOSED
    stats["quotes"] += len(new_quotes)
    return len(new_quotes)


def preannotate_article(article: Article, stats: Counter | None = None) -> int:
    """Pre-annotate one article in this process; return how many quotes were added."""
    pre = get_preannotator()
    proposals = next(iter(pre.annotate([article.text])))
    return store_proposals(article, proposals, pre.version, stats)


def _chunks(ids: Sequence[int], size: int) -> Iterator[list[int]]:
    it = iter(ids)
    while chunk := list(islice(it, size)):
        yield chunk


def preannotate_articles(
    articles_or_ids: Iterable[Article | int],
    batch_size: int = 32,
    n_process: int = 1,
    progress: ProgressCallback | None = None,
) -> Counter:
    """Pre-annotate many articles, streaming their texts through the pipeline.

    Articles are read from the database in chunks and each is stored in its own
    transaction. ``progress(done, total)`` is called after each article. Ids of articles
    that no longer exist are counted as ``missing``. Returns the counts described in
    :func:`store_proposals` plus ``articles``.
    """
    ids = list(dict.fromkeys(a.pk if isinstance(a, Article) else int(a) for a in articles_or_ids))
    total = len(ids)
    stats: Counter = Counter()
    if not ids:
        return stats
    pre = get_preannotator()
    # Each article read, with how many deleted ones came just before it: missing articles are
    # counted when the pipeline reaches their place, so ``done`` always means "the first
    # ``done`` ids are finished" (a resumed job starts right after them).
    pending: deque[tuple[Article, int]] = deque()
    trailing_missing = 0

    def texts() -> Iterator[str]:
        nonlocal trailing_missing
        for chunk in _chunks(ids, max(batch_size, 1) * 4):
            found = Article.objects.only("text", "status").in_bulk(chunk)
            for pk in chunk:
                if pk in found:
                    pending.append((found[pk], trailing_missing))
                    trailing_missing = 0
                    yield found[pk].text
                else:
                    trailing_missing += 1

    for proposals in pre.annotate(texts(), batch_size=batch_size, n_process=n_process):
        article, missing_before = pending.popleft()
        stats["missing"] += missing_before
        store_proposals(article, proposals, pre.version, stats)
        stats["articles"] += 1
        if progress:
            progress(stats["articles"] + stats["missing"], total)
    stats["missing"] += trailing_missing
    if progress and (trailing_missing or not stats["articles"]):
        progress(total, total)
    return stats
