"""Span validation shared by every write path (models, forms, views, commands, pre-annotator).

A span is a half-open ``[start, end)`` pair of Python ``str`` indices into ``Article.text``.
"""

from collections.abc import Iterable, Sequence

from django.core.exceptions import ValidationError

Span = tuple[int, int]


def as_span(value: object, field: str) -> Span:
    """Turn ``[start, end]`` (list, tuple, strings from a form) into a ``(start, end)`` tuple."""
    try:
        start, end = value  # type: ignore[misc]
        start, end = int(start), int(end)
    except (TypeError, ValueError, OverflowError) as exc:
        raise ValidationError(
            {field: f"{field} must be a pair of integer offsets [start, end], got {value!r}."}
        ) from exc
    return start, end


def _check_span(span: Span, text_length: int, field: str) -> None:
    start, end = span
    if start < 0 or end > text_length:
        raise ValidationError(
            {
                field: f"{field} [{start}, {end}) is outside the article text "
                f"(valid offsets are 0 to {text_length})."
            }
        )
    if start >= end:
        raise ValidationError(
            {field: f"{field} [{start}, {end}) is empty or reversed: start must be before end."}
        )


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def validate_spans(
    text: str,
    content_fragments: Iterable[object],
    cue: object | None = None,
    speaker_mention: object | None = None,
) -> tuple[list[Span], Span | None, Span | None]:
    """Validate a quote's spans against ``text`` and return them normalised to tuples.

    Rules: every span lies inside the text and has start < end; content has at least one
    fragment, fragments are ordered and disjoint; cue and speaker mention lie outside the
    content and do not overlap each other. Errors name the field and the offsets.
    """
    fragments = [as_span(f, "content") for f in content_fragments]
    if not fragments:
        raise ValidationError({"content": "content needs at least one fragment [start, end)."})
    for fragment in fragments:
        _check_span(fragment, len(text), "content")
    for previous, fragment in zip(fragments, fragments[1:], strict=False):
        if fragment[0] < previous[1]:
            raise ValidationError(
                {
                    "content": f"content fragments must be ordered and disjoint: "
                    f"[{fragment[0]}, {fragment[1]}) starts before "
                    f"[{previous[0]}, {previous[1]}) ends."
                }
            )
    checked: dict[str, Span | None] = {}
    for field, value in (("cue", cue), ("speaker_mention", speaker_mention)):
        if value is None:
            checked[field] = None
            continue
        span = as_span(value, field)
        _check_span(span, len(text), field)
        for fragment in fragments:
            if _overlaps(span, fragment):
                raise ValidationError(
                    {
                        field: f"{field} [{span[0]}, {span[1]}) overlaps the content "
                        f"[{fragment[0]}, {fragment[1]}): it must lie outside what was said."
                    }
                )
        checked[field] = span
    cue_span, mention_span = checked["cue"], checked["speaker_mention"]
    if cue_span and mention_span and _overlaps(cue_span, mention_span):
        raise ValidationError(
            {
                "cue": f"cue [{cue_span[0]}, {cue_span[1]}) overlaps the speaker_mention "
                f"[{mention_span[0]}, {mention_span[1]})."
            }
        )
    return fragments, cue_span, mention_span


def validate_claim_span(span: object, content_fragments: Sequence[Span]) -> Span:
    """A claim lies inside one of its quote's content fragments."""
    start, end = as_span(span, "claim")
    if start >= end:
        raise ValidationError(
            {"claim": f"claim [{start}, {end}) is empty or reversed: start must be before end."}
        )
    if not any(f[0] <= start and end <= f[1] for f in content_fragments):
        bounds = ", ".join(f"[{f[0]}, {f[1]})" for f in content_fragments)
        raise ValidationError(
            {"claim": f"claim [{start}, {end}) is not inside the quote's content {bounds}."}
        )
    return start, end


def snap_to_words(text: str, start: int, end: int) -> Span:
    """Widen a selection to whole words and trim surrounding whitespace.

    Browsers hand over selections that start or end mid-word; editors mean whole words.
    """
    start = max(0, min(start, len(text)))
    end = max(0, min(end, len(text)))
    if start > end:
        start, end = end, start
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and end > 0 and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end
