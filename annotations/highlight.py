"""Split an article's text into highlighted segments for the review page.

The text is cut at every span boundary (content fragments, cues, speaker mentions, claims)
and at paragraph breaks. Each segment knows its ``[start, end)`` offsets and which spans
cover it, so the template can colour it and the browser can map a selection back to
Python ``str`` offsets exactly (``data-start`` is in code points, not UTF-16 units).
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import Quote

_PARAGRAPH_BREAK = re.compile(r"\n+")

# The order in which a segment's roles are listed (its CSS classes), innermost first.
ROLES = ("claim", "cue", "mention", "content")
# A segment covered by quotes in several states shows the most settled one.
_STATUS_RANK = {Quote.Status.ACCEPTED: 0, Quote.Status.PROPOSED: 1, Quote.Status.REJECTED: 2}


@dataclass
class Segment:
    start: int
    end: int
    text: str
    roles: list[str] = field(default_factory=list)
    quote_ids: list[int] = field(default_factory=list)
    status: str = ""

    @property
    def css(self) -> str:
        classes = [f"hl-{role}" for role in self.roles]
        if self.status:
            classes.append(f"is-{self.status}")
        return " ".join(classes)


@dataclass
class Paragraph:
    start: int
    end: int
    segments: list[Segment]


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    role: str
    quote_id: int
    status: str


def quote_spans(quotes: Iterable[Quote]) -> list[_Span]:
    """Every highlighted span of ``quotes`` (claims come from a prefetched ``claims``)."""
    spans = []
    for quote in quotes:
        status = quote.status
        for start, end in quote.content_fragments:
            spans.append(_Span(start, end, "content", quote.pk, status))
        if quote.cue:
            spans.append(_Span(*quote.cue, "cue", quote.pk, status))
        if quote.speaker_mention:
            spans.append(_Span(*quote.speaker_mention, "mention", quote.pk, status))
        for claim in quote.claims.all():
            if claim.status != claim.Status.REJECTED:
                spans.append(_Span(claim.start, claim.end, "claim", quote.pk, status))
    return spans


def paragraphs(text: str, quotes: Iterable[Quote]) -> list[Paragraph]:
    """The article text as paragraphs of segments, cut at every span boundary."""
    spans = quote_spans(quotes)
    cuts = {0, len(text)}
    for span in spans:
        cuts.add(max(0, min(span.start, len(text))))
        cuts.add(max(0, min(span.end, len(text))))
    result = []
    position = 0
    for match in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        if end > position:
            result.append(Paragraph(position, end, []))
        position = match.end() if match else len(text)
    for paragraph in result:
        cuts.add(paragraph.start)
        cuts.add(paragraph.end)

    # Sweep: spans sorted by start enter the active set, leave it once passed.
    ordered_cuts = sorted(cuts)
    by_start = sorted(spans, key=lambda s: s.start)
    active: list[_Span] = []
    next_span = 0
    segments: list[Segment] = []
    for a, b in zip(ordered_cuts, ordered_cuts[1:], strict=False):
        while next_span < len(by_start) and by_start[next_span].start <= a:
            active.append(by_start[next_span])
            next_span += 1
        active = [s for s in active if s.end > a]
        covering = [s for s in active if s.start <= a and s.end >= b]
        segment = Segment(a, b, text[a:b])
        if covering:
            present = {s.role for s in covering}
            segment.roles = [role for role in ROLES if role in present]
            segment.quote_ids = sorted({s.quote_id for s in covering})
            segment.status = min((s.status for s in covering), key=_STATUS_RANK.get)
        segments.append(segment)

    index = 0
    for paragraph in result:
        while index < len(segments) and segments[index].end <= paragraph.start:
            index += 1
        while index < len(segments) and segments[index].end <= paragraph.end:
            paragraph.segments.append(segments[index])
            index += 1
    return result


def paragraphs_html(paragraphs: Iterable[Paragraph]) -> SafeString:
    """The review page's article text: one ``<p>`` per paragraph, one ``<span>`` per segment.

    Built here rather than in the template: a long article has hundreds of segments, and
    the template loop was the slowest part of the page. Text is escaped; offsets and CSS
    classes are the module's own integers and names.
    """
    html = []
    for paragraph in paragraphs:
        html.append(f'<p data-start="{paragraph.start}" data-end="{paragraph.end}">')
        for s in paragraph.segments:
            if s.quote_ids:
                ids = " ".join(map(str, s.quote_ids))
                html.append(
                    f'<span data-start="{s.start}" data-end="{s.end}" class="{s.css}" '
                    f'data-quotes="{ids}">{escape(s.text)}</span>'
                )
            else:
                html.append(
                    f'<span data-start="{s.start}" data-end="{s.end}">{escape(s.text)}</span>'
                )
        html.append("</p>")
    return mark_safe("".join(html))  # noqa: S308 - every piece above is escaped or ours
