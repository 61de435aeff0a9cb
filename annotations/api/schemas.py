"""The API's shapes: what it answers (…Out) and what it accepts (…In, unknown fields refused).

The input schemas mirror the import format (the JSONL lines ``manage.py import_articles``
reads): they check the JSON types and refuse unknown fields; the importer then applies the
same rules as every other way in (offsets inside the text, known speakers, duplicates).
"""

from datetime import date, datetime
from typing import Annotated, Literal

from ninja import Schema
from pydantic import ConfigDict, Field, StrictBool, StrictFloat, StrictInt, StrictStr

# -- answers ------------------------------------------------------------------------------


class SpanOut(Schema):
    start: int
    end: int
    text: str


class ArticleRef(Schema):
    id: int
    title: str
    url: str
    outlet: str
    published: date | None


class SpeakerRef(Schema):
    id: int
    name: str
    kind: str


class ClaimOut(Schema):
    id: int
    start: int
    end: int
    text: str
    status: str
    origin: str
    check_worthy: bool
    verdict: str
    note: str


class QuoteOut(Schema):
    id: int
    text: str = Field(description="What was said: the fragments' words joined by spaces.")
    fragments: list[SpanOut] = Field(description="[start, end) offsets into the article text.")
    content_start: int
    content_end: int
    cue: SpanOut | None
    speaker_mention: SpanOut | None
    speaker: SpeakerRef | None
    kind: Literal["direct", "indirect", "mixed"]
    status: Literal["proposed", "accepted", "rejected"]
    origin: Literal["model", "editor"]
    confidence: float | None
    model_version: str
    version: int
    reviewed_at: datetime | None
    claims: list[ClaimOut]
    article: ArticleRef
    rank: float | None = Field(None, description="Relevance, when searched with q.")


class Page(Schema):
    count: int
    page: int
    page_size: int
    pages: int
    next: str | None
    previous: str | None


class QuotePage(Page):
    results: list[QuoteOut]


class SpeakerOut(Schema):
    id: int
    name: str
    kind: Literal["person", "organization", "anonymous", "group"]
    aliases: list[str]
    role: str
    organization: str


class SpeakerDetail(SpeakerOut):
    quotes: int
    accepted_quotes: int
    articles: int


class SpeakerPage(Page):
    results: list[SpeakerOut]


class ArticleOut(Schema):
    id: int
    title: str
    text: str
    outlet: str
    url: str
    author: str
    published: date | None
    status: Literal["new", "proposed", "in_review", "reviewed"]
    created_at: datetime
    quotes: list[QuoteOut]


class JobOut(Schema):
    id: int
    status: Literal["queued", "running", "done", "failed"]
    done: int
    total: int
    percent: int
    error: str
    article_ids: list[int]
    created_at: datetime
    finished_at: datetime | None


class ProblemOut(Schema):
    where: str = Field(description="Which item of the request, e.g. 'item 2'.")
    reason: str


class ImportReportOut(Schema):
    summary: str
    imported: list[int] = Field(description="Ids of the new articles.")
    duplicates: list[ProblemOut]
    errors: list[ProblemOut]
    warnings: list[ProblemOut]
    job: JobOut | None = Field(None, description="The pre-annotation job, with ?preannotate=1.")


class ErrorOut(Schema):
    detail: str | list = Field(description="What was wrong: a message, or one entry per field.")


# -- requests -----------------------------------------------------------------------------

Offsets = Annotated[list[StrictInt], Field(min_length=2, max_length=2)]
OptionalText = StrictStr | None


class StrictIn(Schema):
    model_config = ConfigDict(extra="forbid")


class ClaimIn(StrictIn):
    id: StrictInt | StrictStr | None = None
    start: StrictInt
    end: StrictInt
    text: OptionalText = None
    status: OptionalText = None
    origin: OptionalText = None
    check_worthy: StrictBool | None = None
    verdict: OptionalText = None
    note: OptionalText = None


class QuoteIn(StrictIn):
    id: StrictInt | StrictStr | None = None
    kind: OptionalText = None
    status: OptionalText = None
    origin: OptionalText = None
    confidence: StrictFloat | StrictInt | None = None
    model_version: OptionalText = None
    content_fragments: list[Offsets]
    content_text: OptionalText = None
    cue: Offsets | None = None
    cue_text: OptionalText = None
    speaker_mention: Offsets | None = None
    speaker_mention_text: OptionalText = None
    speaker_antecedent: Offsets | None = None
    speaker_antecedent_text: OptionalText = None
    speaker_id: StrictInt | StrictStr | None = None
    reviewed_by: OptionalText = None
    reviewed_at: OptionalText = None
    claims: list[ClaimIn] | None = None


class SpeakerIn(StrictIn):
    id: StrictInt | StrictStr | None = None
    name: StrictStr
    kind: OptionalText = None
    aliases: list[StrictStr] | None = None
    role: OptionalText = None
    organization: OptionalText = None


class ArticleIn(StrictIn):
    """One article in the import format; ``quotes`` (with offsets into ``text``) optional."""

    title: StrictStr
    text: StrictStr
    outlet: OptionalText = None
    url: OptionalText = None
    author: OptionalText = None
    published: OptionalText = Field(None, description="YYYY-MM-DD")
    status: OptionalText = None
    speakers: list[SpeakerIn] | None = None
    quotes: list[QuoteIn] | None = None
