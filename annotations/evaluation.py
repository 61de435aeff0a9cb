"""Scoring the pre-annotator against gold attributions (PolNeAR brat folders, seed JSON).

Plain functions, so the scoring is tested on tiny hand-made fixtures:
``load_gold(path)`` reads a corpus, ``score(documents)`` compares proposals with gold and
``format_report(report)`` prints the tables of ``manage.py evaluate_preannotator``.

Matching: a proposal matches the gold quote its content overlaps most (one to one, greedy).
"Exact" compares the quote's words (letters and digits), so quotation marks, edge punctuation
and whitespace do not count, nor does a leading complementiser "that" (PolNeAR includes it,
the newsroom convention does not). Speaker mention and cue are right when their words are the
same (both absent is right too), or when the gold only adds what its convention puts in the
span: an appositive or relative clause after the name ("Ana Ruiz, a political scientist
..."), auxiliaries, adverbs and time around the verb ("has long said", "said Monday").
The strict figures (same words, "that" counted) are printed as well.
"""

import csv
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from annotations.preannotator.lexicon import read_list

Span = tuple[int, int]

WORD = re.compile(r"[^\W_]+")
RECORD = re.compile(r"^[TERAMN#]\d*\t")
BANDS = ((0.0, 0.5), (0.5, 0.8), (0.8, 1.01))
KINDS = ("direct", "indirect", "mixed")
SPEAKER_CLASSES = ("name", "pronoun or description", "group", "anonymous")
PRONOUN_WORDS = frozenset(row[0] for row in read_list("pronouns.txt")) | {"who", "which"}
FUNCTION_WORDS = frozenset({"the", "a", "an", "of", "and", "for"})
DOUBLE_MARKS = '“”"«»'


@dataclass
class GoldQuote:
    content: list[Span]
    cue: list[Span] = field(default_factory=list)
    mention: list[Span] = field(default_factory=list)
    kind: str = "indirect"
    speaker: str | None = None  # the canonical speaker, when the gold names one
    speaker_kind: str | None = None


@dataclass
class Document:
    name: str
    text: str
    gold: list[GoldQuote]
    proposals: list = field(default_factory=list)
    date: str = ""  # publication date (ISO) from metadata.tsv, when known


def kind_of(text: str, fragments: Sequence[Span]) -> str:
    """Direct when the content is wholly quoted, mixed when it holds a quotation."""
    pieces = [text[a:b].strip(" .,;:!?\n") for a, b in fragments]
    if all(p and p[0] in DOUBLE_MARKS + "‘" and p[-1] in DOUBLE_MARKS + "’" for p in pieces):
        return "direct"
    if any(mark in text[a:b] for a, b in fragments for mark in DOUBLE_MARKS):
        return "mixed"
    return "indirect"


def parse_brat(ann: str, text: str) -> list[GoldQuote]:
    """Attributions from brat standoff: ``E`` records linking Content, Cue and Source spans."""
    records: list[str] = []
    for line in ann.splitlines():
        if RECORD.match(line) or not records:
            records.append(line)
        else:
            records[-1] += "\n" + line  # the covered text ran over a newline
    spans: dict[str, list[Span]] = {}
    events: list[dict[str, str]] = []
    for record in records:
        parts = record.split("\t")
        if record.startswith("T") and len(parts) >= 2:
            label_and_offsets = parts[1].split(" ", 1)
            if len(label_and_offsets) < 2:
                continue
            fragments = []
            for piece in label_and_offsets[1].split(";"):
                start, end = piece.split()
                fragments.append((int(start), int(end)))
            spans[parts[0]] = sorted(fragments)
        elif record.startswith("E") and len(parts) >= 2:
            roles = {}
            for argument in parts[1].split():
                role, _, target = argument.partition(":")
                roles[re.sub(r"\d+$", "", role)] = roles.get(re.sub(r"\d+$", "", role)) or target
            events.append(roles)
    quotes = []
    for roles in events:
        content = spans.get(roles.get("Content", ""))
        if not content:
            continue
        quotes.append(
            GoldQuote(
                content=content,
                cue=spans.get(roles.get("Cue", ""), []),
                mention=spans.get(roles.get("Source", ""), []),
                kind=kind_of(text, content),
            )
        )
    return quotes


def read_polnear(folder: Path) -> list[Document]:
    """A PolNeAR-style folder: ``text/*.txt``, ``attributions/<name>_<annotator>.ann`` and
    ``metadata.tsv`` naming the annotators (the first listed is used)."""
    first_annotator: dict[str, str] = {}
    dates: dict[str, str] = {}
    metadata = folder / "metadata.tsv"
    if metadata.exists():
        with metadata.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                annotators = (row.get("annotators") or "").split("|")
                first_annotator[row["filename"]] = annotators[0]
                dates[row["filename"]] = row.get("publication_date") or ""
    documents = []
    for text_path in sorted((folder / "text").glob("*.txt")):
        name = text_path.stem
        candidates = sorted((folder / "attributions").glob(f"{name}_*.ann"))
        if not candidates:
            continue
        chosen = next(
            (c for c in candidates if c.stem == f"{name}_{first_annotator.get(name)}"),
            candidates[0],
        )
        text = text_path.read_text(encoding="utf-8")
        gold = parse_brat(chosen.read_text(encoding="utf-8"), text)
        documents.append(Document(name, text, gold, date=dates.get(name, "")))
    return documents


def read_seed(path: Path) -> list[Document]:
    """A seed-style JSON: ``article`` (a path relative to the JSON) and ``quotes``; or
    ``articles``, a list of such objects, each with ``article`` or the ``text`` itself."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if "articles" in data:
        return [
            _seed_document(path, item, f"{path.stem}#{n}")
            for n, item in enumerate(data["articles"], 1)
        ]
    return [_seed_document(path, data, path.stem)]


def _seed_document(path: Path, data: dict, name: str) -> Document:
    if "text" in data:
        text = data["text"]
    else:
        text = (path.parent / data["article"]).read_text(encoding="utf-8")
    gold = []
    for quote in data["quotes"]:
        content = quote["content"]
        fragments = (
            [tuple(f) for f in content] if isinstance(content[0], list) else [tuple(content)]
        )
        gold.append(
            GoldQuote(
                content=fragments,
                cue=[tuple(quote["cue"])] if quote.get("cue") else [],
                mention=[tuple(quote["speaker_mention"])] if quote.get("speaker_mention") else [],
                kind=quote.get("kind", "indirect"),
                speaker=quote.get("speaker"),
                speaker_kind=quote.get("speaker_kind"),
            )
        )
    return Document(name, text, gold)


def load_gold(path: str | Path) -> list[Document]:
    path = Path(path)
    if path.is_dir():
        if not (path / "text").is_dir():
            raise ValueError(f"{path} has no text/ folder: not a PolNeAR-style folder.")
        return read_polnear(path)
    if path.suffix == ".json":
        return read_seed(path)
    raise ValueError(f"{path} is neither a PolNeAR-style folder nor a seed-style .json file.")


def words(text: str, spans: Iterable[Span]) -> frozenset[Span]:
    """The word tokens (letters, digits) inside ``spans``, as character offsets."""
    found = set()
    for start, end in spans:
        for match in WORD.finditer(text, start, end):
            found.add((match.start(), match.end()))
    return frozenset(found)


def _overlap(a: Sequence[Span], b: Sequence[Span]) -> int:
    return sum(max(0, min(x[1], y[1]) - max(x[0], y[0])) for x in a for y in b)


def match(gold: Sequence[GoldQuote], proposals: Sequence) -> list[tuple[int, int]]:
    """Pairs (gold index, proposal index), one to one, largest content overlap first."""
    candidates = []
    for g, quote in enumerate(gold):
        for p, proposal in enumerate(proposals):
            overlap = _overlap(quote.content, proposal.content_fragments)
            if overlap > 0:
                candidates.append((overlap, g, p))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_gold, used_proposal, pairs = set(), set(), []
    for _, g, p in candidates:
        if g not in used_gold and p not in used_proposal:
            used_gold.add(g)
            used_proposal.add(p)
            pairs.append((g, p))
    return sorted(pairs)


def same_words(text: str, gold: Sequence[Span], predicted: Span | None) -> bool:
    return words(text, gold) == words(text, [predicted] if predicted else [])


def content_words(text: str, spans: Iterable[Span]) -> frozenset[Span]:
    """The content's words without a leading complementiser "that"."""
    found = sorted(words(text, spans))
    if found and text[found[0][0] : found[0][1]].lower() == "that":
        found = found[1:]
    return frozenset(found)


def mention_matches(text: str, gold: Sequence[Span], predicted: Span | None) -> bool:
    """Same words, or the gold adds an appositive / relative clause / parenthesis after it."""
    expected, got = words(text, gold), words(text, [predicted] if predicted else [])
    if expected == got:
        return True
    if not expected or not got or not got < expected or min(got) != min(expected):
        return False
    return text[max(end for _, end in got) :].lstrip()[:1] in {",", "("}


def cue_matches(text: str, gold: Sequence[Span], predicted: Span | None) -> bool:
    """Same words, or one holds the other ("has long said" / "said", "said Monday")."""
    expected, got = words(text, gold), words(text, [predicted] if predicted else [])
    if expected == got:
        return True
    return bool(expected and got) and (got <= expected or expected <= got)


def speaker_key(name: str | None) -> tuple[str, ...]:
    """A canonical name's words for comparison: case, apostrophes, punctuation and a
    leading "the" do not count."""
    found = WORD.findall((name or "").replace("’", "'").lower())
    return tuple(found[1:] if found[:1] == ["the"] else found)


def speaker_class(text: str, quote: GoldQuote) -> str:
    """How the gold source is worded: a pronoun or a description that does not spell the
    speaker's name ("he", "the newspaper", "Kostin's office" for the prosecutor's office), a
    group, an anonymous source, or a name."""
    mention = " ".join(text[a:b] for a, b in quote.mention)
    mention_words = WORD.findall(mention.replace("’", "'").lower())
    if not mention_words or set(mention_words) <= PRONOUN_WORDS:
        return "pronoun or description"
    if quote.speaker_kind in {"group", "anonymous"}:
        return quote.speaker_kind
    capitalised = {
        w.lower()
        for w in WORD.findall(mention)
        if w[0].isupper() and w.lower() not in FUNCTION_WORDS
    }
    if not capitalised & set(speaker_key(quote.speaker)):
        return "pronoun or description"
    return "name"


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(documents: Iterable[Document]) -> dict:
    """Counts and ratios for the report; proposals follow the ``Preannotator`` contract."""
    counts = {
        "gold": 0,
        "proposed": 0,
        "matched": 0,
        "exact": 0,
        "mention_ok": 0,
        "cue_ok": 0,
        "attribution_ok": 0,
        "strict_exact": 0,
        "strict_mention_ok": 0,
        "strict_cue_ok": 0,
    }
    by_kind = {
        k: {
            "gold": 0,
            "proposed": 0,
            "gold_matched": 0,
            "proposed_matched": 0,
            "gold_exact": 0,
            "attribution_ok": 0,
        }
        for k in KINDS
    }
    bands = {band: {"n": 0, "matched": 0, "attribution_ok": 0} for band in BANDS}
    speakers = {c: {"n": 0, "right": 0} for c in SPEAKER_CLASSES}
    for document in documents:
        text, gold, proposals = document.text, document.gold, document.proposals
        counts["gold"] += len(gold)
        counts["proposed"] += len(proposals)
        for quote in gold:
            by_kind.setdefault(quote.kind, dict.fromkeys(by_kind["direct"], 0))["gold"] += 1
        for proposal in proposals:
            by_kind.setdefault(proposal.kind, dict.fromkeys(by_kind["direct"], 0))["proposed"] += 1
        pairs = dict((p, g) for g, p in match(gold, proposals))
        for p, proposal in enumerate(proposals):
            band = next(b for b in BANDS if b[0] <= proposal.confidence < b[1])
            bands[band]["n"] += 1
            if p not in pairs:
                continue
            quote = gold[pairs[p]]
            exact = content_words(text, quote.content) == content_words(
                text, proposal.content_fragments
            )
            mention_ok = mention_matches(text, quote.mention, proposal.speaker_mention)
            cue_ok = cue_matches(text, quote.cue, proposal.cue)
            counts["strict_exact"] += words(text, quote.content) == words(
                text, proposal.content_fragments
            )
            counts["strict_mention_ok"] += same_words(text, quote.mention, proposal.speaker_mention)
            counts["strict_cue_ok"] += same_words(text, quote.cue, proposal.cue)
            if quote.speaker:
                row = speakers[speaker_class(text, quote)]
                row["n"] += 1
                proposed = speaker_key(getattr(proposal, "speaker_name", None))
                row["right"] += proposed == speaker_key(quote.speaker)
            counts["matched"] += 1
            counts["exact"] += exact
            counts["mention_ok"] += mention_ok
            counts["cue_ok"] += cue_ok
            counts["attribution_ok"] += mention_ok and cue_ok
            by_kind[quote.kind]["gold_matched"] += 1
            by_kind[quote.kind]["gold_exact"] += exact
            by_kind[quote.kind]["attribution_ok"] += mention_ok and cue_ok
            by_kind[proposal.kind]["proposed_matched"] += 1
            bands[band]["matched"] += 1
            bands[band]["attribution_ok"] += mention_ok and cue_ok
    gold_n, proposed_n = counts["gold"], counts["proposed"]
    report = {"counts": counts, "by_kind": by_kind, "bands": bands, "speakers": speakers}
    for name, hits in (
        ("overlap", "matched"),
        ("exact", "exact"),
        ("strict_exact", "strict_exact"),
        ("attribution", "attribution_ok"),
    ):
        precision = _ratio(counts[hits], proposed_n)
        recall = _ratio(counts[hits], gold_n)
        report[name] = {"precision": precision, "recall": recall, "f1": _f1(precision, recall)}
    report["mention_accuracy"] = _ratio(counts["mention_ok"], counts["matched"])
    report["cue_accuracy"] = _ratio(counts["cue_ok"], counts["matched"])
    report["strict_mention_accuracy"] = _ratio(counts["strict_mention_ok"], counts["matched"])
    report["strict_cue_accuracy"] = _ratio(counts["strict_cue_ok"], counts["matched"])
    return report


def format_report(report: dict, title: str = "") -> str:
    counts = report["counts"]
    lines = []
    if title:
        lines.append(title)
    lines.append(
        f"gold quotes {counts['gold']}, proposed {counts['proposed']}, matched {counts['matched']}"
    )
    lines.append(f"{'':<34}{'precision':>10}{'recall':>8}{'F1':>7}")
    for name, label in (
        ("overlap", "content, overlapping"),
        ("exact", "content, exact words"),
        ("strict_exact", "content, exact words (strict)"),
        ("attribution", "attribution (content+speaker+cue)"),
    ):
        row = report[name]
        lines.append(f"{label:<34}{row['precision']:>10.3f}{row['recall']:>8.3f}{row['f1']:>7.3f}")
    lines.append(
        f"speaker mention accuracy on matched quotes: {report['mention_accuracy']:.3f}"
        f" (strict {report['strict_mention_accuracy']:.3f})"
    )
    lines.append(
        f"cue accuracy on matched quotes:             {report['cue_accuracy']:.3f}"
        f" (strict {report['strict_cue_accuracy']:.3f})"
    )
    speakers = report.get("speakers") or {}
    total = sum(row["n"] for row in speakers.values())
    if total:
        right = sum(row["right"] for row in speakers.values())
        lines.append(
            f"canonical speaker accuracy on matched quotes with a gold speaker: "
            f"{right / total:.3f} ({right}/{total})"
        )
        for name, row in speakers.items():
            if row["n"]:
                lines.append(
                    f"  {name:<24}{row['right'] / row['n']:>7.3f} ({row['right']}/{row['n']})"
                )
    lines.append("")
    lines.append(
        f"{'by kind':<10}{'gold':>6}{'found':>7}{'recall':>8}{'exact R':>9}"
        f"{'attr R':>8}{'proposed':>10}{'precision':>10}"
    )
    for kind, row in report["by_kind"].items():
        lines.append(
            f"{kind:<10}{row['gold']:>6}{row['gold_matched']:>7}"
            f"{_ratio(row['gold_matched'], row['gold']):>8.3f}"
            f"{_ratio(row['gold_exact'], row['gold']):>9.3f}"
            f"{_ratio(row['attribution_ok'], row['gold']):>8.3f}"
            f"{row['proposed']:>10}{_ratio(row['proposed_matched'], row['proposed']):>10.3f}"
        )
    lines.append("")
    lines.append(f"{'confidence':<12}{'proposals':>10}{'precision':>11}{'attr. precision':>17}")
    for (low, high), row in report["bands"].items():
        label = f"{low:.1f}-{min(high, 1.0):.1f}"
        lines.append(
            f"{label:<12}{row['n']:>10}{_ratio(row['matched'], row['n']):>11.3f}"
            f"{_ratio(row['attribution_ok'], row['n']):>17.3f}"
        )
    return "\n".join(lines)
