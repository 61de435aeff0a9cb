"""The pre-annotator's word lists, kept as data files under ``data/``.

Editors and developers extend the lists without touching control flow: one entry a line,
``#`` starts a comment, tab-separated columns where a list has several.
"""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"


def read_list(name: str) -> list[list[str]]:
    """Rows of a data file: comment and blank lines skipped, columns split on tabs."""
    rows = []
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append([column.strip() for column in line.split("\t")])
    return rows


@cache
def words(name: str) -> frozenset[str]:
    """The first column of a one-word-a-line data file, lower-cased."""
    return frozenset(row[0].lower() for row in read_list(name))


@dataclass(frozen=True)
class CueVerb:
    tier: str  # "speech" | "report" | "attitude" | "act"
    complements: tuple[str, ...]  # "clause", "to", "object", "prep", in order of preference


@dataclass(frozen=True)
class Lexicon:
    cue_verbs: dict[str, CueVerb]
    cue_phrases: tuple[tuple[str, ...], ...]
    opening_marks: frozenset[str]
    closing_marks: frozenset[str]
    descriptions: dict[str, str]
    anonymous_nouns: frozenset[str]
    titles: frozenset[str]
    nominal_cues: frozenset[str]
    documents: frozenset[str]
    organization_words: frozenset[str]


@cache
def lexicon() -> Lexicon:
    marks = read_list("quote_marks.txt")
    return Lexicon(
        cue_verbs={
            row[0].lower(): CueVerb(row[1], tuple(row[2].split(",")))
            for row in read_list("cue_verbs.txt")
        },
        cue_phrases=tuple(tuple(row[0].lower().split()) for row in read_list("cue_phrases.txt")),
        opening_marks=frozenset(row[0] for row in marks),
        closing_marks=frozenset(row[1] for row in marks),
        descriptions={row[0].lower(): row[1] for row in read_list("descriptions.txt")},
        anonymous_nouns=frozenset(row[0].lower() for row in read_list("anonymous.txt")),
        titles=frozenset(row[0].lower() for row in read_list("titles.txt")),
        nominal_cues=frozenset(row[0].lower() for row in read_list("nominal_cues.txt")),
        documents=frozenset(row[0].lower() for row in read_list("documents.txt")),
        organization_words=frozenset(row[0].lower() for row in read_list("organization_words.txt")),
    )


def doc_text(doc) -> str:  # noqa: ANN001 (a spacy Doc; no import here to stay light)
    """``doc.text``, computed once: spaCy joins every token on each access."""
    text = doc.user_data.get("newsdesk_text")
    if text is None:
        text = doc.user_data["newsdesk_text"] = doc.text
    return text
