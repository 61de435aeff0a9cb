"""Bring articles in: parse .txt, .html, .jsonl and .csv files and save them with a report.

Every way in (the paste form, the upload page, ``manage.py import_articles``) goes through
:class:`Importer`, so they all normalise text the same way, detect the same duplicates and
word their errors the same way: each problem names the file, the line or row, and the reason.

Plain articles are saved with ``bulk_create`` in chunks, with duplicate checks by batched
lookups of url and text fingerprint. Articles that arrive with annotations (JSONL lines with
``quotes``) are saved one by one, each in its own transaction, so a bad quote never leaves
half an article behind.
"""

import csv
import functools
import io
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import trafilatura
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone

from .models import (
    Article,
    Claim,
    Quote,
    Speaker,
    normalize_name,
    normalize_text,
    text_fingerprint,
)
from .spans import validate_claim_span, validate_spans

SUPPORTED_EXTENSIONS = (".txt", ".html", ".htm", ".jsonl", ".csv")
CSV_COLUMNS = ("title", "text", "outlet", "url", "author", "published")
CSV_REQUIRED = ("title", "text")
# "id" is the exporting database's article id: kept in the file to join with the CSV, not
# reused (the importing database numbers its own articles).
ARTICLE_KEYS = {*CSV_COLUMNS, "id", "status", "speakers", "quotes"}
SPEAKER_KEYS = {"id", "name", "kind", "aliases", "role", "organization"}
QUOTE_KEYS = {
    "id",
    "kind",
    "status",
    "origin",
    "confidence",
    "model_version",
    "content_fragments",
    "content_text",
    "cue",
    "cue_text",
    "speaker_mention",
    "speaker_mention_text",
    "speaker_antecedent",
    "speaker_antecedent_text",
    "speaker_id",
    "reviewed_by",
    "reviewed_at",
    "claims",
}
CLAIM_KEYS = {"id", "start", "end", "text", "status", "origin", "check_worthy", "verdict", "note"}
MAX_LENGTHS = {"title": 500, "outlet": 200, "url": 2000, "author": 300}
CHUNK_SIZE = 500
SAVED_MEANWHILE = "same url or text as an article saved at the same time by another import."

_validate_url = URLValidator()
# How many unknown columns or keys an error names before it just counts the rest: a header
# of a million made-up columns must not become a megabyte of error message.
NAMED_IN_ERRORS = 5
# A JSON escape that decodes to NUL or to half of a surrogate pair (the only ways a decoded
# line can hold characters the database or UTF-8 cannot store).
_RISKY_ESCAPE = re.compile(r"\\u(?:0000|[dD][89a-fA-F][0-9a-fA-F]{2})")
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
# C0 and C1 control characters other than tab, newline, form feed and carriage return.
_CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def can_import(user) -> bool:
    """Editors and admins import articles: both groups hold ``import_articles``."""
    return user.has_perm("annotations.import_articles")


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or skipped, or worth a warning) in one file, line or row."""

    file: str
    where: str
    reason: str

    def __str__(self) -> str:
        place = f"{self.file}, {self.where}" if self.where else self.file
        return f"{place}: {self.reason}"


@dataclass
class ImportReport:
    imported: list[int] = field(default_factory=list)
    duplicates: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        return (
            f"{len(self.imported)} imported, {len(self.duplicates)} skipped as duplicates, "
            f"{len(self.errors)} errors, {len(self.warnings)} warnings"
        )

    def lines(self) -> list[str]:
        """The report as text, for the management command."""
        out = [self.summary()]
        for label, problems in (
            ("Error", self.errors),
            ("Warning", self.warnings),
            ("Duplicate", self.duplicates),
        ):
            out.extend(f"{label}: {problem}" for problem in problems)
        return out


class RecordError(Exception):
    """A line, row or file that cannot become an article; the message says why."""


def name_some(names: Iterable[str], *, quote: bool = True) -> str:
    """The first few names, then how many more: error messages stay short whatever the input."""
    names = list(names)
    shown = [repr(n) if quote else n for n in names[:NAMED_IN_ERRORS]]
    rest = len(names) - len(shown)
    return ", ".join(shown) + (f" and {rest:,} more" if rest else "")


def short_repr(value: object, limit: int = 60) -> str:
    """``repr`` cut to ``limit`` characters, for values quoted back in error messages."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_storable(value: str, what: str) -> None:
    """Refuse NUL characters and lone surrogates: no database or UTF-8 file can hold them."""
    bad = _UNSTORABLE.search(value)
    if bad:
        char = bad.group()
        kind = "a NUL character" if char == "\x00" else f"a lone surrogate (\\u{ord(char):04x})"
        raise RecordError(f"{what} contains {kind}, which cannot be stored.")


@dataclass(frozen=True)
class BadRecord:
    """A line or row that a parser skipped; the rest of the file still imports."""

    where: str
    reason: str


@dataclass
class ArticleRecord:
    """One parsed article, not yet saved: normalised fields plus any annotations."""

    file: str
    where: str
    fields: dict[str, Any]
    speakers: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] | None = None

    @property
    def label(self) -> str:
        return f"{self.file}, {self.where}" if self.where else self.file


# -- decoding ----------------------------------------------------------------------------


def decode(data: bytes) -> tuple[str, str | None]:
    """Bytes to text: UTF-8 (with or without BOM), else cp1252 with a warning.

    Returns ``(text, warning)``; raises :class:`RecordError` for empty, binary or
    undecodable data.
    """
    if not data.strip():
        raise RecordError("the file is empty.")
    if b"\x00" in data[:65536]:
        raise RecordError(
            "this is not a text file (it contains NUL bytes): binary data, or UTF-16 text, "
            "which is not supported. Save it as UTF-8."
        )
    warning = None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise RecordError(
                f"cannot be decoded: not UTF-8 (byte 0x{data[exc.start]:02x} at offset "
                f"{exc.start}) and not Windows-1252 either. Save it as UTF-8."
            ) from None
        warning = (
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "read as Windows-1252 (cp1252): check accents and quotation marks."
        )
    if not text.strip():
        raise RecordError("the file is empty.")
    sample = text[:65536]
    if len(_CONTROL_CHARACTERS.findall(sample)) > max(8, len(sample) // 100):
        raise RecordError(
            "this looks like a binary file, not text (it is full of control characters)."
        )
    return text, warning


# -- fields ------------------------------------------------------------------------------


def parse_published(value: object) -> date | None:
    """``YYYY-MM-DD`` or a full ISO 8601 datetime (its date is kept); empty means none."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise RecordError(f"published must be a date string YYYY-MM-DD, got {value!r}.")
    value = value.strip()
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        raise RecordError(
            f"published date {value!r} is not an ISO date: use YYYY-MM-DD "
            "(or a full ISO 8601 date and time)."
        ) from None


def clean_fields(raw: dict[str, Any], *, exact: bool = False) -> dict[str, Any]:
    """Check and normalise an article's fields. Text is normalised here, once, for good.

    Text and metadata get NFC and ``\\n`` newlines. Unless ``exact`` (JSONL, whose quote
    offsets point into the text as exported), surrounding whitespace is also trimmed and
    runs of whitespace in the metadata are collapsed.
    """
    fields: dict[str, Any] = {}
    for name in ("title", "outlet", "url", "author"):
        value = raw.get(name)
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise RecordError(f"{name} must be text, got {type(value).__name__}.")
        value = normalize_text(value) if exact else " ".join(normalize_text(value).split())
        if len(value) > MAX_LENGTHS[name]:
            raise RecordError(
                f"{name} is {len(value)} characters long; the limit is {MAX_LENGTHS[name]}."
            )
        fields[name] = value
    if not fields["title"].strip():
        raise RecordError("the title is missing or empty.")
    if fields["url"]:
        try:
            _validate_url(fields["url"])
        except ValidationError:
            raise RecordError(f"url {fields['url']!r} is not a valid web address.") from None
    text = raw.get("text")
    if text is None:
        text = ""
    if not isinstance(text, str):
        raise RecordError(f"text must be text, got {type(text).__name__}.")
    text = normalize_text(text)
    if not exact:
        text = text.strip()
    if not text.strip():
        raise RecordError("the article text is missing or empty.")
    fields["text"] = text
    for name, value in fields.items():
        check_storable(value, "the text" if name == "text" else f"the {name}")
    fields["published"] = parse_published(raw.get("published"))
    return fields


# -- parsers: one per file type, each yields ArticleRecords or raises RecordError ----------


def parse_txt(name: str, text: str) -> Iterator[ArticleRecord | BadRecord]:
    """First non-empty line is the title; the rest is the article text."""
    first, _, body = normalize_text(text).lstrip().partition("\n")
    title = first.strip()
    if len(title) > MAX_LENGTHS["title"]:
        raise RecordError(
            f"the first line (the title) is {len(title)} characters long; the limit is "
            f"{MAX_LENGTHS['title']}. The first line of a .txt file must be the title."
        )
    if not body.strip():
        raise RecordError("there is no article text after the title (the first line is the title).")
    yield ArticleRecord(name, "", clean_fields({"title": title, "text": body}))


CREDITS_FILE = Path(__file__).parent / "data" / "newsroom_credits.txt"


@functools.cache
def newsroom_credit_patterns() -> list[re.Pattern]:
    """The trailing credit and legal lines of news pages (data/newsroom_credits.txt)."""
    lines = CREDITS_FILE.read_text(encoding="utf-8").splitlines()
    return [
        re.compile(line.strip(), re.IGNORECASE)
        for line in lines
        if line.strip() and not line.lstrip().startswith("#")
    ]


def _same_words(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def drop_page_boilerplate(text: str, title: str) -> str:
    """The story without what pages put around it that trafilatura keeps: the headline
    repeated as the first line, and trailing credits ("Additional reporting by ...;
    Editing by ...", "© 2020 ...", "Our Standards: ...")."""
    lines = text.split("\n")
    if len(lines) > 1 and _same_words(lines[0], title):
        lines = lines[1:]  # the headline, repeated at the top of the body
    patterns = newsroom_credit_patterns()
    while len(lines) > 1 and (
        not lines[-1].strip() or any(p.fullmatch(lines[-1].strip()) for p in patterns)
    ):
        lines.pop()
    return "\n".join(lines).strip()


def parse_html(name: str, html: str) -> Iterator[ArticleRecord | BadRecord]:
    """Title and main text extracted by trafilatura; menus, footers and other boilerplate go."""
    try:
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            # Only dates the page states in its metadata: no guessing from copyright lines.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura raises many kinds of parser errors
        raise RecordError(f"could not read the page as HTML ({exc}).") from exc
    if doc is None or not (doc.text or "").strip():
        raise RecordError("no article text found in the page.")
    title = (doc.title or "").strip()
    if not title:
        raise RecordError("no title found in the page (no <title> or headline).")
    text = drop_page_boilerplate(normalize_text(doc.text).strip(), title)
    url = (doc.url or "").strip()
    try:
        _validate_url(url)
    except ValidationError:
        url = ""  # a broken canonical link is not worth rejecting the article
    raw = {
        "title": title,
        "text": text,
        "author": (doc.author or "")[: MAX_LENGTHS["author"]],
        "url": url,
        "published": doc.date or None,
        "outlet": (doc.sitename or "")[: MAX_LENGTHS["outlet"]],
    }
    yield ArticleRecord(name, "", clean_fields(raw))


def parse_csv(name: str, text: str) -> Iterator[ArticleRecord | BadRecord]:
    """One article per row, columns named in :data:`CSV_COLUMNS` (title and text required).

    Rows are numbered as a spreadsheet shows them: the header is row 1.
    """
    csv.field_size_limit(max(csv.field_size_limit(), settings.MAX_UPLOAD_SIZE))
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise RecordError(f"row 1 (the header) is not valid CSV: {exc}.") from None
    if not header or not any(h.strip() for h in header):
        raise RecordError("the header row is missing (the first row names the columns).")
    columns = [h.strip().lower() for h in header]
    documented = ", ".join(CSV_COLUMNS)
    # One pass with a Counter: a header of a million columns is checked in well under a second.
    counts = Counter(columns)
    unknown = [h for h in counts if h not in CSV_COLUMNS]
    missing = [c for c in CSV_REQUIRED if c not in counts]
    repeated = sorted(c for c in CSV_COLUMNS if counts[c] > 1)
    problems = []
    if missing:
        problems.append(
            f"missing required column{'s' if len(missing) > 1 else ''}: " + ", ".join(missing)
        )
    if unknown:
        problems.append(
            f"{len(unknown):,} unknown column{'s' if len(unknown) > 1 else ''}: "
            + name_some(unknown)
        )
    if repeated:
        problems.append(
            "repeated column" + ("s" if len(repeated) > 1 else "") + ": " + ", ".join(repeated)
        )
    if problems:
        raise RecordError("; ".join(problems) + f". The columns are: {documented}.")
    row_number = 1
    while True:
        row_number += 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield BadRecord(f"row {row_number}", f"not valid CSV ({exc}).")
            break
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(columns):
            yield BadRecord(
                f"row {row_number}",
                f"has {len(row)} cells but the header has {len(columns)} columns.",
            )
            continue
        where = f"row {row_number}"
        try:
            fields = clean_fields(dict(zip(columns, row, strict=True)))
        except RecordError as exc:
            yield BadRecord(where, str(exc))
            continue
        yield ArticleRecord(name, where, fields)


def parse_jsonl(name: str, text: str) -> Iterator[ArticleRecord | BadRecord]:
    """One JSON object per line, keys as in the JSONL export (see the README)."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"line {number}"
        try:
            yield parse_jsonl_line(name, where, line)
        except RecordError as exc:
            yield BadRecord(where, str(exc))
        except RecursionError:
            yield BadRecord(where, "the JSON is nested too deeply to read.")
        except (ValueError, OverflowError, UnicodeError, TypeError) as exc:
            # A value no check above foresaw: this line is refused, the others still import.
            reason = f"{type(exc).__name__}: {short_repr(exc, 200)}"
            yield BadRecord(where, f"cannot be read ({reason}).")


def parse_jsonl_line(name: str, where: str, line: str) -> ArticleRecord:
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        raise RecordError(f"malformed JSON ({exc.msg} at column {exc.colno}).") from None
    if not isinstance(raw, dict):
        raise RecordError(f"expected a JSON object, got {type(raw).__name__}.")
    if _RISKY_ESCAPE.search(line):
        _check_strings_storable(raw)
    return parse_article_object(name, where, raw)


def parse_article_object(name: str, where: str, raw: dict[str, Any]) -> ArticleRecord:
    """One article in the import format, already decoded from JSON (a JSONL line, an API
    request); strings are expected to be storable (see _check_strings_storable)."""
    unknown = sorted(set(raw) - ARTICLE_KEYS)
    if unknown:
        raise RecordError(
            f"unknown key{'s' if len(unknown) > 1 else ''}: {name_some(unknown, quote=False)}. "
            f"The keys are: {', '.join(sorted(ARTICLE_KEYS))}."
        )
    for key in ("title", "text"):
        if key not in raw:
            raise RecordError(f"the required key {key!r} is missing.")
    # Offsets in "quotes" point into the text as exported: never strip it.
    fields = clean_fields(raw, exact=True)
    status = raw.get("status") or Article.Status.NEW
    if status not in Article.Status.values:
        raise RecordError(f"status {status!r} is not one of {', '.join(Article.Status.values)}.")
    fields["status"] = status
    record = ArticleRecord(name, where, fields)
    speakers: list[dict[str, Any]] = []
    if raw.get("speakers") is not None:
        speakers = _clean_speakers(raw["speakers"])
    if raw.get("quotes"):
        # Lines without quotes (most of an export) take the fast bulk path.
        record.speakers = speakers
        speaker_ids = {s["id"] for s in record.speakers}
        quotes = raw.get("quotes") or []
        if not isinstance(quotes, list):
            raise RecordError("quotes must be a list.")
        record.quotes = [
            _clean_quote(fields["text"], q, n, speaker_ids) for n, q in enumerate(quotes, 1)
        ]
    return record


def _check_strings_storable(raw: object) -> None:
    """Every key and string in a parsed line, however nested (without recursion)."""
    stack = [raw]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            check_storable(item, f"the value {short_repr(item)}")
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _offset_pair(value: object, what: str) -> object:
    """A JSON span must be two whole numbers: 0.9 or true must not quietly become 0 or 1."""
    if value is None:
        return None
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    ):
        raise RecordError(
            f"{what} must be a pair of whole-number offsets [start, end], got {short_repr(value)}."
        )
    return value


def _identifier(value: object, what: str) -> int | str | None:
    """Speaker ids only link quotes to speakers within one line: a number or a string."""
    if value is None or (isinstance(value, int | str) and not isinstance(value, bool)):
        return value
    raise RecordError(f"{what} must be a number or a string, got {short_repr(value)}.")


def _choice(value: object, choices, what: str, default: str) -> str:
    if value is None:
        return default
    if not isinstance(value, str) or value not in choices.values:
        raise RecordError(f"{what} {short_repr(value)} is not one of {', '.join(choices.values)}.")
    return value  # type: ignore[return-value]


def _check_keys(raw: object, allowed: set[str], what: str) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise RecordError(f"{what}: must be a JSON object.")
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise RecordError(
            f"{what}: unknown key{'s' if len(unknown) > 1 else ''}: "
            + name_some(unknown, quote=False)
            + "."
        )
    return raw


def _clean_speakers(raw: object) -> list[dict[str, Any]]:
    if not isinstance(raw, list):
        raise RecordError("speakers must be a list.")
    speakers = []
    for n, item in enumerate(raw, 1):
        what = f"speaker {n}"
        item = _check_keys(item, SPEAKER_KEYS, what)
        name = item.get("name")
        if not isinstance(name, str) or not normalize_name(name):
            raise RecordError(f"{what} has no name (letters or digits).")
        name = _short_text(name, f"{what} name", 300)
        aliases = item.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise RecordError(f"{what} ({name}): aliases must be a list of names.")
        speakers.append(
            {
                "id": _identifier(item.get("id"), f"{what} id"),
                "name": name,
                "kind": _choice(item.get("kind"), Speaker.Kind, f"{what} kind", "person"),
                "aliases": aliases,
                "role": _short_text(item.get("role"), f"{what} role", 300),
                "organization": _short_text(item.get("organization"), f"{what} organization", 300),
            }
        )
    return speakers


def _short_text(value: object, what: str, limit: int) -> str:
    """An optional string field that must fit its database column."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise RecordError(f"{what} must be text, got {type(value).__name__}.")
    if len(value) > limit:
        raise RecordError(f"{what} is {len(value)} characters long; the limit is {limit}.")
    return value


def _span_text_matches(text: str, spans, expected: object, what: str) -> None:
    if expected is None:
        return
    actual = " ".join(text[s:e] for s, e in spans)
    if actual != expected:
        raise RecordError(
            f"{what} {expected!r} does not match the article text at those offsets "
            f"({actual!r}): the offsets and the text disagree."
        )


def _parse_datetime(value: object, what: str) -> datetime | None:
    if value is None or value == "":
        return None
    try:
        moment = datetime.fromisoformat(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise RecordError(f"{what} {value!r} is not an ISO 8601 date and time.") from None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def _clean_quote(text: str, raw: object, n: int, speaker_ids: set) -> dict[str, Any]:
    label = f"quote {n}"
    if isinstance(raw, dict) and raw.get("id") is not None:
        label += f" (id {raw['id']})"
    raw = _check_keys(raw, QUOTE_KEYS, label)
    try:
        fragments = raw.get("content_fragments") or []
        if not isinstance(fragments, list):
            raise RecordError(f"content_fragments must be a list, got {short_repr(fragments)}.")
        for fragment in fragments:
            _offset_pair(fragment, "each content fragment")
        _offset_pair(raw.get("cue"), "cue")
        _offset_pair(raw.get("speaker_mention"), "speaker_mention")
        antecedent = _offset_pair(raw.get("speaker_antecedent"), "speaker_antecedent")
        if antecedent is not None and not 0 <= antecedent[0] < antecedent[1] <= len(text):
            raise RecordError(
                f"speaker_antecedent {antecedent} is not a span inside the text "
                f"(0 to {len(text)}, start before end)."
            )
    except RecordError as exc:
        raise RecordError(f"{label}: {exc}") from None
    try:
        fragments, cue, mention = validate_spans(
            text, fragments, raw.get("cue"), raw.get("speaker_mention")
        )
    except ValidationError as exc:
        raise RecordError(f"{label}: {' '.join(exc.messages)}") from None
    try:
        _span_text_matches(text, fragments, raw.get("content_text"), "content_text")
        _span_text_matches(text, [cue] if cue else [], raw.get("cue_text"), "cue_text")
        _span_text_matches(
            text,
            [mention] if mention else [],
            raw.get("speaker_mention_text"),
            "speaker_mention_text",
        )
        _span_text_matches(
            text,
            [antecedent] if antecedent else [],
            raw.get("speaker_antecedent_text"),
            "speaker_antecedent_text",
        )
        confidence = raw.get("confidence")
        if confidence is not None and (
            isinstance(confidence, bool)
            or not isinstance(confidence, int | float)
            or not 0 <= confidence <= 1
        ):
            raise RecordError(f"confidence must be a number from 0 to 1, got {confidence!r}.")
        speaker_id = _identifier(raw.get("speaker_id"), "speaker_id")
        if speaker_id is not None and speaker_id not in speaker_ids:
            raise RecordError(f"speaker_id {speaker_id!r} is not among this line's speakers.")
        reviewed_by = raw.get("reviewed_by")
        if reviewed_by is not None and (
            not isinstance(reviewed_by, str) or not 0 < len(reviewed_by) <= 150
        ):
            raise RecordError(f"reviewed_by must be a username, got {reviewed_by!r}.")
        claims = raw.get("claims") or []
        if not isinstance(claims, list):
            raise RecordError("claims must be a list.")
        quote = {
            "content_fragments": [list(f) for f in fragments],
            "cue": cue,
            "speaker_mention": mention,
            "speaker_antecedent": tuple(antecedent) if antecedent else None,
            "kind": _choice(raw.get("kind"), Quote.Kind, "kind", Quote.Kind.DIRECT),
            "status": _choice(raw.get("status"), Quote.Status, "status", Quote.Status.PROPOSED),
            "origin": _choice(raw.get("origin"), Quote.Origin, "origin", Quote.Origin.EDITOR),
            "confidence": confidence,
            "model_version": _short_text(raw.get("model_version"), "model_version", 100),
            "speaker_id": speaker_id,
            "reviewed_by": reviewed_by,
            "reviewed_at": _parse_datetime(raw.get("reviewed_at"), "reviewed_at"),
            "claims": [_clean_claim(text, c, i, fragments) for i, c in enumerate(claims, 1)],
        }
    except RecordError as exc:
        raise RecordError(f"{label}: {exc}") from None
    return quote


def _clean_claim(text: str, raw: object, n: int, fragments) -> dict[str, Any]:
    label = f"claim {n}"
    if isinstance(raw, dict) and raw.get("id") is not None:
        label += f" (id {raw['id']})"
    raw = _check_keys(raw, CLAIM_KEYS, label)
    try:
        _offset_pair([raw.get("start"), raw.get("end")], "start and end")
    except RecordError as exc:
        raise RecordError(f"{label}: {exc}") from None
    try:
        start, end = validate_claim_span((raw.get("start"), raw.get("end")), fragments)
    except ValidationError as exc:
        raise RecordError(f"{label}: {' '.join(exc.messages)}") from None
    try:
        _span_text_matches(text, [(start, end)], raw.get("text"), "text")
        check_worthy = raw.get("check_worthy", True)
        if not isinstance(check_worthy, bool):
            raise RecordError(f"check_worthy must be true or false, got {check_worthy!r}.")
        note = raw.get("note") or ""
        if not isinstance(note, str):
            raise RecordError("note must be text.")
        return {
            "start": start,
            "end": end,
            "status": _choice(raw.get("status"), Claim.Status, "status", Claim.Status.PROPOSED),
            "origin": _choice(raw.get("origin"), Quote.Origin, "origin", Quote.Origin.EDITOR),
            "check_worthy": check_worthy,
            "verdict": _choice(
                raw.get("verdict"), Claim.Verdict, "verdict", Claim.Verdict.UNVERIFIED
            ),
            "note": note,
        }
    except RecordError as exc:
        raise RecordError(f"{label}: {exc}") from None


PARSERS: dict[str, Callable[[str, str], Iterator[ArticleRecord | BadRecord]]] = {
    ".txt": parse_txt,
    ".html": parse_html,
    ".htm": parse_html,
    ".jsonl": parse_jsonl,
    ".csv": parse_csv,
}


# -- saving ------------------------------------------------------------------------------


class Importer:
    """Collects articles from any number of files, saves them, and keeps the report.

    Use :meth:`add_file` (or :meth:`add_record`) as often as needed, then :meth:`finish`.
    Duplicates are detected against the database and within everything added so far.
    """

    def __init__(self, *, outlet: str = "", by=None, chunk_size: int = CHUNK_SIZE):
        self.outlet = " ".join(outlet.split())[: MAX_LENGTHS["outlet"]]
        self.by = by
        self.chunk_size = chunk_size
        self.report = ImportReport()
        self._pending: list[ArticleRecord] = []
        self._seen_urls: dict[str, str] = {}
        self._seen_hashes: dict[str, str] = {}

    # files

    def add_file(self, name: str, size: int, read: Callable[[], bytes]) -> None:
        """Parse and import one file; ``read`` is only called if the size is acceptable."""
        extension = Path(name).suffix.lower()
        parser = PARSERS.get(extension)
        if parser is None:
            self._error(
                name,
                "",
                f"unsupported file type {extension or '(none)'!r}: "
                "import .txt, .html, .jsonl or .csv files.",
            )
            return
        limit = settings.MAX_UPLOAD_SIZE
        if size > limit:
            self._error(
                name, "", f"the file is {_megabytes(size)}, over the limit of {_megabytes(limit)}."
            )
            return
        try:
            data = read()
        except OSError as exc:
            self._error(name, "", f"cannot read the file ({exc.strerror or exc}).")
            return
        try:
            text, warning = decode(data)
            if warning:
                self.report.warnings.append(Problem(name, "", warning))
            for item in parser(name, text):
                if isinstance(item, BadRecord):
                    self._error(name, item.where, item.reason)
                else:
                    self.add_record(item)
        except RecordError as exc:
            self._error(name, "", str(exc))

    def add_path(self, path: Path) -> None:
        try:
            size = path.stat().st_size
        except OSError as exc:
            self._error(str(path), "", f"cannot read the file ({exc.strerror}).")
            return
        self.add_file(str(path), size, path.read_bytes)

    # records

    def add_record(self, record: ArticleRecord) -> None:
        fields = record.fields
        if self.outlet and not fields.get("outlet"):
            fields["outlet"] = self.outlet
        fields["text_hash"] = text_fingerprint(fields["text"])
        if self.by is not None:
            fields["imported_by"] = self.by
        if self._duplicate_in_batch(record):
            return
        if record.quotes is None:
            self._remember(record)
            self._pending.append(record)
            if len(self._pending) >= self.chunk_size:
                self.flush()
        else:
            if self._duplicates_in_db([record]):
                return
            if self._save_annotated(record):
                self._remember(record)

    def flush(self) -> None:
        """Save the pending plain articles: one lookup for duplicates, one bulk insert."""
        chunk, self._pending = self._pending, []
        duplicates = self._duplicates_in_db(chunk)
        chunk = [r for r in chunk if id(r) not in duplicates]
        if not chunk:
            return
        try:
            with transaction.atomic():
                created = Article.objects.bulk_create([Article(**r.fields) for r in chunk])
            self.report.imported.extend(a.pk for a in created)
        except IntegrityError:
            # Someone else saved one of these urls or texts meanwhile: one by one to find it.
            for record in chunk:
                try:
                    with transaction.atomic():
                        article = Article.objects.create(**record.fields)
                    self.report.imported.append(article.pk)
                except IntegrityError:
                    self._duplicate(record, SAVED_MEANWHILE)

    def finish(self) -> ImportReport:
        if self._pending:
            self.flush()
        return self.report

    # helpers

    def _error(self, file: str, where: str, reason: str) -> None:
        self.report.errors.append(Problem(file, where, reason))

    def _duplicate(self, record: ArticleRecord, reason: str) -> None:
        self.report.duplicates.append(Problem(record.file, record.where, reason))

    def _remember(self, record: ArticleRecord) -> None:
        if record.fields["url"]:
            self._seen_urls[record.fields["url"]] = record.label
        self._seen_hashes[record.fields["text_hash"]] = record.label

    def _duplicate_in_batch(self, record: ArticleRecord) -> bool:
        url = record.fields["url"]
        if url and url in self._seen_urls:
            self._duplicate(record, f"same url as {self._seen_urls[url]} in this import.")
            return True
        earlier = self._seen_hashes.get(record.fields["text_hash"])
        if earlier:
            self._duplicate(record, f"same text as {earlier} in this import.")
            return True
        return False

    def _duplicates_in_db(self, records: list[ArticleRecord]) -> set[int]:
        """Report records whose url or text is already saved; return their ``id()``s."""
        urls = {r.fields["url"] for r in records if r.fields["url"]}
        hashes = {r.fields["text_hash"] for r in records}
        by_url = (
            {
                url: (pk, title)
                for url, pk, title in Article.objects.filter(url__in=urls).values_list(
                    "url", "pk", "title"
                )
            }
            if urls
            else {}
        )
        by_hash = {
            text_hash: (pk, title)
            for text_hash, pk, title in Article.objects.filter(text_hash__in=hashes).values_list(
                "text_hash", "pk", "title"
            )
        }
        found = set()
        for record in records:
            if record.fields["url"] in by_url:
                pk, title = by_url[record.fields["url"]]
                self._duplicate(record, f"same url as article #{pk} “{title}”.")
            elif record.fields["text_hash"] in by_hash:
                pk, title = by_hash[record.fields["text_hash"]]
                self._duplicate(record, f"same text as article #{pk} “{title}”.")
            else:
                continue
            found.add(id(record))
        return found

    def _save_annotated(self, record: ArticleRecord) -> bool:
        """Article, speakers, quotes and claims, all or nothing."""
        try:
            with transaction.atomic():
                try:
                    with transaction.atomic():
                        article = Article.objects.create(**record.fields)
                except IntegrityError:
                    self._duplicate(record, SAVED_MEANWHILE)
                    return False
                speakers = {s["id"]: _find_or_create_speaker(s) for s in record.speakers}
                users: dict[str, Any] = {}
                for n, data in enumerate(record.quotes or [], 1):
                    note = _save_quote(article, data, speakers, users, n, self.by)
                    if note:
                        self.report.warnings.append(Problem(record.file, record.where, note))
        except RecordError as exc:
            self._error(record.file, record.where, str(exc))
            return False
        except DatabaseError as exc:  # a value the database refuses; nothing was kept
            self._error(record.file, record.where, f"the database refused it ({exc}).")
            return False
        except (ValueError, TypeError, UnicodeError) as exc:  # rolled back with the rest
            self._error(
                record.file, record.where, f"cannot be saved ({type(exc).__name__}: {exc})."
            )
            return False
        self.report.imported.append(article.pk)
        return True


def _find_or_create_speaker(data: dict[str, Any]) -> Speaker:
    speaker = Speaker.objects.find(data["name"])
    if speaker is None:
        speaker = Speaker.objects.create(
            name=data["name"],
            kind=data["kind"],
            aliases=data["aliases"],
            role=data["role"],
            organization=data["organization"],
        )
    return speaker


def _reviewer(username: str | None, users: dict[str, Any]):
    """The user by username; a missing one becomes an inactive user who cannot log in."""
    if not username:
        return None
    if username not in users:
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username, is_active=False)
            user.set_unusable_password()
            user.save()
        users[username] = user
    return users[username]


def can_import_decisions_of_others(user) -> bool:
    """Admins (and the command line, with no user) may import decisions in others' names."""
    return user is None or user.has_perm("annotations.reopen_article")


def _save_quote(article: Article, data: dict[str, Any], speakers, users, n: int, by) -> str | None:
    """Save one quote and its claims; return a note if its reviewer was replaced."""
    note = None
    reviewed_by = data["reviewed_by"]
    if (
        reviewed_by
        and by is not None
        and reviewed_by != by.get_username()
        and not can_import_decisions_of_others(by)
    ):
        # Only admins may put someone else's name on decisions: the importer answers for them.
        note = (
            f"quote {n}: decided by “{reviewed_by}” in the file; recorded as decided by "
            f"{by.get_username()}, who imported it (only admins import decisions in other "
            "people's names)."
        )
        reviewed_by = by.get_username()
        users.setdefault(reviewed_by, by)
    quote = Quote(
        article=article,
        content_fragments=data["content_fragments"],
        kind=data["kind"],
        status=data["status"],
        origin=data["origin"],
        confidence=data["confidence"],
        model_version=data["model_version"],
        speaker=speakers.get(data["speaker_id"]) if data["speaker_id"] is not None else None,
        reviewed_by=_reviewer(reviewed_by, users),
        reviewed_at=data["reviewed_at"],
    )
    quote.cue = data["cue"]
    quote.speaker_mention = data["speaker_mention"]
    if data["speaker_antecedent"]:
        quote.speaker_antecedent_start, quote.speaker_antecedent_end = data["speaker_antecedent"]
    if by is not None:
        quote._history_user = by
        # The history keeps who imported it, and the name the file gave if it was replaced.
        reason = f"imported by {by.get_username()}" + (
            f"; decided by “{data['reviewed_by']}” in the file" if note else ""
        )
        quote._change_reason = reason[:100]
    try:
        with transaction.atomic():
            quote.save()
    except (IntegrityError, ValidationError) as exc:
        reason = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
        if isinstance(exc, IntegrityError) and data["status"] == Quote.Status.ACCEPTED:
            reason = "another accepted quote in this article has the same content span."
        raise RecordError(f"quote {n}: {reason}") from None
    for claim_data in data["claims"]:
        claim = Claim(quote=quote, **claim_data)
        if by is not None:
            claim._history_user = by
        claim.save()
    return note


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


# -- entry points ----------------------------------------------------------------------------


def import_article(data: dict[str, Any], *, by=None) -> ImportReport:
    """One article from the paste form (already validated by the form)."""
    importer = Importer(by=by)
    try:
        record = ArticleRecord("pasted article", "", clean_fields(data))
    except RecordError as exc:
        importer.report.errors.append(Problem("pasted article", "", str(exc)))
        return importer.report
    importer.add_record(record)
    return importer.finish()


def collect_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named directly, plus supported files found recursively in folders."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file() and p.suffix.lower() in SUPPORTED_EXTENSIONS
                )
            )
        else:
            found.append(path)
    return found


def import_paths(
    paths: Iterable[str | Path],
    *,
    outlet: str = "",
    by=None,
    progress: Callable[[Path], None] | None = None,
) -> ImportReport:
    """Import files and folders (recursively, by extension); ``progress`` is called per file."""
    importer = Importer(outlet=outlet, by=by)
    for path in collect_paths(paths):
        if not path.exists():
            importer.report.errors.append(Problem(str(path), "", "no such file or folder."))
        else:
            importer.add_path(path)
        if progress:
            progress(path)
    return importer.finish()


def import_objects(items: Iterable[dict[str, Any]], *, by=None) -> ImportReport:
    """Articles in the import format, already decoded from JSON (the API's POST /api/articles).

    Each item is checked and saved like a JSONL line; problems name the item ("item 2").
    """
    importer = Importer(by=by)
    for number, raw in enumerate(items, start=1):
        where = f"item {number}"
        try:
            _check_strings_storable(raw)
            record = parse_article_object("request", where, raw)
        except RecordError as exc:
            importer.report.errors.append(Problem("request", where, str(exc)))
            continue
        importer.add_record(record)
    return importer.finish()
