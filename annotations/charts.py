"""Horizontal bar charts as plain data for the SVG template ``annotations/_bar_chart.html``.

Server-side SVG: no chart library, no CDN, readable without JavaScript, and accessible (the
chart has a title and a description, every bar prints its label and its value).
"""

from dataclasses import dataclass, field

# Geometry in SVG user units; the SVG scales to its container's width.
LABEL_WIDTH = 200
BAR_AREA = 300
VALUE_WIDTH = 90
ROW_HEIGHT = 26
BAR_HEIGHT = 16
MAX_LABEL_CHARS = 22


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    display: str
    y: int
    width: float
    short_label: str
    tone: str = ""
    url: str = ""


@dataclass
class BarChart:
    title: str
    slug: str
    description: str = ""
    bars: list[Bar] = field(default_factory=list)

    @property
    def height(self) -> int:
        return max(1, len(self.bars)) * ROW_HEIGHT + 4

    @property
    def width(self) -> int:
        return LABEL_WIDTH + BAR_AREA + VALUE_WIDTH

    @property
    def bar_x(self) -> int:
        return LABEL_WIDTH

    @property
    def label_x(self) -> int:
        return LABEL_WIDTH - 8

    @property
    def bar_height(self) -> int:
        return BAR_HEIGHT

    @property
    def bar_area(self) -> int:
        return BAR_AREA

    @property
    def value_x(self) -> int:
        return LABEL_WIDTH + BAR_AREA + 6


def _shorten(label: str) -> str:
    return label if len(label) <= MAX_LABEL_CHARS else label[: MAX_LABEL_CHARS - 1] + "…"


def bar_chart(
    title: str,
    rows: list[tuple[str, float, str]],
    *,
    slug: str,
    description: str = "",
    scale_max: float | None = None,
    tones: list[str] | None = None,
    urls: list[str] | None = None,
) -> BarChart:
    """A chart of ``rows`` = [(label, value, value as displayed)], one bar per row.

    Bars are scaled to ``scale_max`` (1.0 for shares) or else to the largest value; a bar with
    a value above zero is always at least a sliver wide so it stays visible.
    """
    top = scale_max if scale_max is not None else max((v for _, v, _ in rows), default=0)
    bars = []
    for i, (label, value, display) in enumerate(rows):
        width = BAR_AREA * value / top if top else 0
        if value > 0:
            width = max(width, 2)
        bars.append(
            Bar(
                label=label,
                value=value,
                display=display,
                y=i * ROW_HEIGHT + 2,
                width=round(min(width, BAR_AREA), 1),
                short_label=_shorten(label),
                tone=tones[i] if tones else "",
                url=urls[i] if urls else "",
            )
        )
    return BarChart(title=title, slug=slug, description=description, bars=bars)
