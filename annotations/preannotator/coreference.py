"""Coreference: whom a pronoun in a speaker mention stands for, and where that one is named.

An editor reading "she said" looks back for the woman who is speaking. This module does the
same with three things, in this order:

1. **Agreement.** A pronoun's gender and number (``data/pronouns.txt``) must fit its
   antecedent. A person's gender comes from the article itself: an honorific or a gendered
   role word beside the name ("Ms. Ruiz", "spokeswoman Jane Roe", ``data/gendered_words.txt``),
   else the first name (``data/first_names.tsv``, US Census lists; for names those lack,
   ``data/first_name_genders_ssa.tsv``, the SSA's baby names: "Bernie", "Jeb"; a given name
   alone, "Melanie said", when it is no common surname), else the pronouns the article
   already ties to the name ("Lee said his ...", "Lee ... herself"). Unknown gender fits
   both.
2. **Salience.** The current speaker (the source of the latest quote in this paragraph or
   the one before) beats a person merely mentioned in between; a person who becomes the
   subject of a sentence's main clause after that quote, in this paragraph or the one
   before, takes over ("Trump, in Ohio, disagreed. 'No,' he said."). With no current
   speaker, someone named earlier in the same sentence beats the subjects of earlier
   sentences.
3. **Nothing from the quote itself.** Names inside quotation marks and inside the quote's own
   content never supply its speaker. "I" outside quotation marks is the writer who signs the
   letter or column ("Richard Hays Powell." alone in a paragraph after it).

The speaker resolver (``speakers.py``) feeds a :class:`Discourse` the named entities and each
resolved speaker in text order, and asks it for pronouns. Every answer is a :class:`Referent`,
which keeps the offsets of the words that name it, so a proposal can say why ("he → Barack
Obama, named in paragraph 3").
"""

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from .lexicon import doc_text, read_list

Offsets = tuple[int, int]
Names = frozenset[str] | set[str]

SUBJECT_DEPS = {"nsubj", "nsubjpass"}
PARAGRAPH_BREAK = re.compile(r"\n\s*")
# a paragraph that is a name alone, as letters and columns are signed ("Jane Q. Roe.")
SIGNATURE = re.compile(r"(?:[-—–]\s*)?([A-Z][\w'’-]*(?: (?:[A-Z]\.|[A-Z][\w'’-]*)){1,3})\.?\s*")
SIGNATURE_REACH = 6  # paragraphs after the pronoun's
# an opinion piece's closing line about its writer: "Glenn Harlan Reynolds, a University of
# Tennessee law professor, is a member of USA TODAY's Board of Contributors."
TAGLINE = re.compile(
    r"([A-Z][\w'’-]*(?: (?:[A-Z]\.|[A-Z][\w'’-]*)){1,3})(?:, [^.\n]{3,120},)? (?:is|was|has been) "
)
QUESTION = re.compile(r"(?:^|\n)\s*Q:\s")
ANSWER = re.compile(r"(?:^|\n)\s*A:\s")
INTERVIEW = re.compile(r"\binterview", re.IGNORECASE)
TURN_LABEL = re.compile(r"[\"“]?([A-Z][A-Z.'’ -]{1,40}[A-Z]):\s")


# -- 1. the word lists ------------------------------------------------------------------------


@dataclass(frozen=True)
class Pronoun:
    gender: str  # "f" | "m" | "any" | "neuter"
    plural: bool
    person: int  # 1 or 3


@cache
def pronouns() -> dict[str, Pronoun]:
    return {
        row[0].lower(): Pronoun(row[1], row[2] == "plural", int(row[3]))
        for row in read_list("pronouns.txt")
    }


@cache
def gendered_words() -> dict[str, str]:
    return {row[0].lower(): row[1] for row in read_list("gendered_words.txt")}


@cache
def first_names() -> dict[str, str]:
    """Given names (US Census lists): what decides that a word is a first name."""
    return {row[0].lower(): row[1] for row in read_list("first_names.tsv")}


@cache
def given_names_alone() -> dict[str, str]:
    """First names that, alone, are a given name rather than someone's surname ("Melanie",
    not "Clinton" or "Keith", which are common surnames too), with their gender."""
    return {
        row[0].lower(): row[1]
        for row in read_list("first_names.tsv")
        if len(row) < 3 or row[2] != "surname"
    }


@cache
def rarer_first_names() -> dict[str, str]:
    """The gender of first names the Census lists lack ("Bernie", "Jeb"), from the SSA's baby
    names. For gender only: these lists hold words that name places and things too
    ("Washington", "Van", "Rock"), so they never make a word a given name."""
    return {row[0].lower(): row[1] for row in read_list("first_name_genders_ssa.tsv")}


@dataclass(frozen=True)
class Outlets:
    descriptions: frozenset[str]  # "newspaper", "daily", "paper"
    name_words: frozenset[str]  # "post", "times", "tribune"


@cache
def outlets() -> Outlets:
    rows = read_list("news_outlets.txt")
    return Outlets(
        frozenset(r[0].lower() for r in rows if r[1] == "description"),
        frozenset(r[0].lower() for r in rows if r[1] == "name"),
    )


def is_outlet(name: str) -> bool:
    """Whether an organization's name is a news outlet's ("The Riverton Post")."""
    words = name.lower().split()
    return bool(words) and words[-1] in outlets().name_words


# -- 2. gender of the people named in the article --------------------------------------------


def word_gender(token: Token) -> str | None:
    """The gender a word beside a name gives ("Ms.", "spokeswoman"), if any."""
    return gendered_words().get(token.lower_.rstrip("."))


def name_gender(ent: Span) -> str | None:
    """The gender the text gives a named person where it names them: an honorific or a role
    word just before the name ("Mrs. Lee", "Congresswoman Ana Ruiz"), or an appositive role
    noun ("Tom Hale, a spokesman for ...")."""
    before = [ent.doc[ent.start - 1]] if ent.start else []
    for token in [*before, *ent[:-1]]:
        if (gender := word_gender(token)) is not None:
            return gender
    for child in ent.root.children:
        if child.dep_ == "appos" and (gender := word_gender(child)) is not None:
            return gender
    return None


def first_name_gender(name: str) -> str | None:
    words = name.split()
    if len(words) < 2:
        return None
    first = words[0].lower()
    return first_names().get(first) or rarer_first_names().get(first)


def sentences_within_paragraphs(doc: Doc) -> Iterator[Span]:
    """The sentences, each cut where a paragraph ends: the tagger joins a headline without a
    full stop to the first sentence below it."""
    text = doc_text(doc)
    for sentence in doc.sents:
        if "\n" not in text[sentence.start_char : sentence.end_char]:
            yield sentence
            continue
        start = sentence.start
        for token in sentence:
            if token.is_space and "\n" in token.text:
                if token.i > start:
                    yield doc[start : token.i]
                start = token.i + 1
        if start < sentence.end:
            yield doc[start : sentence.end]


def tied_pronoun_genders(doc: Doc, names: dict[int, str]) -> dict[str, str]:
    """Genders from pronouns the article ties to a name: in a sentence that names one person,
    as its subject, a reflexive or possessive pronoun after the name refers to that person
    ("Lee said his plan ...", "Ruiz herself ..."). ``names`` maps a token index to the full
    name of the person it belongs to. Each name takes the gender most of its sentences give."""
    votes: dict[str, Counter] = {}
    for sentence in sentences_within_paragraphs(doc):
        named = {names[t.i] for t in sentence if t.i in names}
        if len(named) != 1:
            continue
        (name,) = named
        subject = any(t.i in names and t.dep_ in SUBJECT_DEPS for t in sentence)
        if not subject:
            continue
        first = min(t.i for t in sentence if t.i in names)
        for token in sentence:
            if token.i <= first or token.dep_ not in {"poss", "dobj", "pobj", "npadvmod"}:
                continue
            pronoun = pronouns().get(token.lower_)
            bound = token.dep_ == "poss" or token.lower_.endswith("self")
            if bound and pronoun and not pronoun.plural and pronoun.gender in {"f", "m"}:
                votes.setdefault(name, Counter())[pronoun.gender] += 1
    return {name: counter.most_common(1)[0][0] for name, counter in votes.items()}


# -- 3. the discourse: who is named and who speaks, in text order -----------------------------


@dataclass(frozen=True)
class Referent:
    name: str
    kind: str  # "person" | "organization" | "group" | "anonymous"
    named_at: Offsets  # the words that name it (a pronoun's antecedent)
    position: int  # where it enters the discourse (a mention, or a speaker's mention)
    paragraph: int
    plural: bool = False
    subject: bool = False  # named as the subject of its clause
    main: bool = False  # ... of its sentence's main clause, not of a clause inside it
    quoted: bool = False  # named inside quotation marks


def paragraph_starts(text: str) -> list[int]:
    """Offsets where each paragraph (a run of text between line breaks) starts."""
    return [0, *(m.end() for m in PARAGRAPH_BREAK.finditer(text))]


class Discourse:
    """The people, organizations and groups of one article as a reader meets them."""

    def __init__(
        self, text: str, quoted: list[Offsets], sentence_starts: list[int] | None = None
    ) -> None:
        self.text = text
        self.starts = paragraph_starts(text)
        self.sentence_starts = sorted(sentence_starts or [0])
        # a question-and-answer interview: "Q:" questions, or several "A:" answers
        self.has_questions = bool(QUESTION.search(text))
        self.has_answers = bool(ANSWER.search(text))
        self.interview = self.has_questions or len(ANSWER.findall(text)) >= 2
        # an interview whose questions are paragraphs of their own, with no "Q:" or "A:"
        # ("Wikinews interviews Aner Shalev" ... "Why did you choose mathematics?"): the
        # paragraphs after a question are the interviewee's answers
        self.asked = [i for i, p in enumerate(self._paragraphs(), 1) if p.endswith("?")]
        # where the body starts, after the headline (the first paragraph)
        self.body = self.starts[1] if len(self.starts) > 1 else len(text)
        self.unlabelled = (
            not self.interview
            and len(self.asked) >= 2
            and bool(INTERVIEW.search(text, 0, self.body))
        )
        self.quoted = sorted(quoted)
        self.named: list[Referent] = []
        self.spoken: list[Referent] = []
        self.unnamed: list[Referent] = []  # "a woman who ...": someone never named
        self.genders: dict[str, str] = {}  # from the words beside a name
        self.tied: dict[str, str] = {}  # from pronouns the article ties to a name

    def paragraph(self, offset: int) -> int:
        """The paragraph number (1 for the first) an offset falls in."""
        return bisect.bisect_right(self.starts, offset)

    def sentence_start(self, offset: int) -> int:
        """Where the sentence holding ``offset`` starts (0 without sentence boundaries)."""
        i = bisect.bisect_right(self.sentence_starts, offset) - 1
        return self.sentence_starts[i] if i >= 0 else 0

    def is_quoted(self, offset: int) -> bool:
        i = bisect.bisect_right(self.quoted, (offset, float("inf"))) - 1
        return i >= 0 and self.quoted[i][0] <= offset < self.quoted[i][1]

    def name(
        self, name: str, kind: str, at: Offsets, *, subject=False, main=False, plural=False
    ) -> None:
        """Someone named in the text (entities arrive in text order)."""
        self.named.append(
            Referent(
                name,
                kind,
                at,
                at[0],
                self.paragraph(at[0]),
                plural=plural,
                subject=subject,
                main=main,
                quoted=self.is_quoted(at[0]),
            )
        )

    def learn_gender(self, name: str, gender: str | None) -> None:
        if gender in {"f", "m"}:
            self.genders.setdefault(name, gender)

    def gender(self, name: str) -> str | None:
        return self.genders.get(name) or first_name_gender(name) or self.tied.get(name)

    def reported(self, referent: Referent, mention: Offsets) -> None:
        """The source of words someone else reports ("Farage said the President did not
        know what he was talking about"): a subject named there, not a current speaker."""
        bisect.insort(self.named, self._at_mention(referent, mention), key=lambda r: r.position)

    def spoke(self, referent: Referent, mention: Offsets) -> None:
        """The speaker of a quote whose mention is at ``mention``: keeps where the speaker
        is named, so a later pronoun points at the name, not at another pronoun."""
        self.spoken.append(self._at_mention(referent, mention))

    def _at_mention(self, referent: Referent, mention: Offsets) -> Referent:
        """``referent`` as the subject that enters the discourse at ``mention``."""
        return replace(
            referent, position=mention[0], paragraph=self.paragraph(mention[0]), subject=True
        )

    def latest_named(self, name: str, before: int) -> Referent | None:
        """The latest place before ``before`` where ``name`` is named, preferring one that
        spells the whole name ("Barack Obama" over a later "Obama")."""
        found = [r for r in self.named if r.name == name and r.position < before]
        whole = [r for r in found if name.lower() in self.text[slice(*r.named_at)].lower()]
        return (whole or found)[-1] if found else None

    # -- 4. resolving a pronoun ---------------------------------------------------------------

    def person_for(
        self, word: str, offset: int, exclude: list[Offsets], avoid: Names = frozenset()
    ) -> Referent | None:
        """The person a singular pronoun at ``offset`` stands for, or None when the article
        offers nobody who fits. ``exclude``: the quote's own content."""
        pronoun = pronouns().get(word.lower())
        if pronoun is None or pronoun.plural or pronoun.gender == "neuter":
            return None
        if pronoun.person == 1:
            # "I" in a quote: whoever is speaking, never someone merely named
            return self.current_speaker(offset, "any", exclude, avoid)
        return self.salient_person(offset, pronoun.gender, exclude, avoid)

    def unnamed_after(
        self,
        chosen: Referent | None,
        word: str,
        offset: int,
        exclude: list[Offsets],
        avoid: Names = frozenset(),
    ) -> Referent | None:
        """Someone the article never names ("A woman who has accused him said ...") who
        is the main subject of an earlier sentence after ``chosen`` (the person otherwise
        found), in this paragraph or the one before, with the pronoun's gender."""
        pronoun = pronouns().get(word.lower())
        if pronoun is None or pronoun.plural or pronoun.person != 3:
            return None
        paragraph = self.paragraph(offset)
        start = self.sentence_start(offset)
        after = chosen.position if chosen is not None else -1
        later = [
            r
            for r in self.unnamed
            if after < r.position < start
            and r.paragraph >= paragraph - 1
            and self.gender(r.name) == pronoun.gender
            and self.fits(r, offset, pronoun.gender, exclude, avoid)
        ]
        return max(later, key=lambda r: r.position) if later else None

    @staticmethod
    def available(r: Referent, offset: int, exclude: list[Offsets]) -> bool:
        """Named before ``offset``, outside quotation marks and outside ``exclude`` (the
        quote's own content): a possible antecedent."""
        return (
            r.position < offset
            and not r.quoted
            and not any(a <= r.position < b for a, b in exclude)
        )

    def fits(
        self,
        r: Referent,
        offset: int,
        gender: str,
        exclude: list[Offsets],
        avoid: Names = frozenset(),
    ) -> bool:
        """A single person available at ``offset`` whose gender (if known) agrees, and who
        is not in ``avoid`` (the people the pronoun's own clause names: "he told Hannity" is
        not Hannity)."""
        if r.kind != "person" or r.plural or r.name in avoid:
            return False
        if not self.available(r, offset, exclude):
            return False
        known = self.gender(r.name)
        return gender == "any" or known is None or known == gender

    def current_speaker(
        self, offset: int, gender: str, exclude: list[Offsets], avoid: Names = frozenset()
    ) -> Referent | None:
        """The person who spoke last, in this paragraph or the one before."""
        paragraph = self.paragraph(offset)
        return next(
            (
                r
                for r in reversed(self.spoken)
                if self.fits(r, offset, gender, exclude, avoid) and r.paragraph >= paragraph - 1
            ),
            None,
        )

    def salient_person(
        self, offset: int, gender: str, exclude: list[Offsets], avoid: Names = frozenset()
    ) -> Referent | None:
        """The person a reader has in mind at ``offset``, in this order:

        1. a new main-clause subject after the current speaker, in this paragraph or the one
           before (not one inside a clause: "X responded to reports that Y planned ..." keeps
           X); with no current speaker, any subject of this paragraph;
        2. the current speaker;
        3. someone named earlier in the same sentence, its subject first ("It wouldn't affect
           Clinton if she's elected, but she'll ...");
        4. the latest subject of this or the previous paragraph, a main-clause one first
           ("Rubio is launching his campaign in Florida, where Trump leads");
        5. the latest person named.
        """
        paragraph = self.paragraph(offset)

        def latest(candidates: list[Referent]) -> Referent | None:
            # a name whose gender the article confirms beats one it says nothing about
            agreeing = [r for r in candidates if self.gender(r.name) == gender]
            candidates = agreeing or candidates
            return max(candidates, key=lambda r: r.position) if candidates else None

        start = self.sentence_start(offset)
        named = [r for r in self.named if self.fits(r, offset, gender, exclude, avoid)]
        current = self.current_speaker(offset, gender, exclude, avoid)
        after = current.position if current else -1
        newer = [
            r
            for r in named
            if r.subject
            and (r.main or current is None)
            and (r.paragraph == paragraph or (current is not None and r.paragraph >= paragraph - 1))
            and r.position > after
        ]
        if newer:
            # "Gov. Chris Christie described Hillary Clinton as a disgrace after she attacked
            # ...": a woman named in this sentence, not a subject whose gender the article
            # does not give (not for "he": many men's given names are on no list, "Barack",
            # "Jeb", and "he" then went to another man named in the sentence)
            confirmed = [r for r in named if r.position >= start and self.gender(r.name) == gender]
            if gender == "f" and confirmed and not any(self.gender(r.name) == "f" for r in newer):
                return latest(confirmed)
            return latest(newer)
        opens = not self.text[start:offset].strip()
        if current is not None and current.paragraph < paragraph and gender in {"f", "m"} and opens:
            # a sentence of a new paragraph opening with "he" or "she" after one that names
            # one person of this gender, a speaker of the paragraph before aside ("Bush offered
            # a retort ... \n\n Clinton sharpened her knife to bloody Sanders. He has
            # attacked ...": Sanders; not '"We fixed them," he said', which goes on a run of
            # quotes)
            before = self.sentence_start(start - 1) if start else 0
            one = {
                r.name
                for r in named
                if before <= r.position < start
                and r.paragraph == paragraph
                and self.gender(r.name) == gender
            }
            if len(one) == 1:
                return latest([r for r in named if r.name in one and r.position < start])
        if current is not None:
            return current
        same = [r for r in named if r.position >= start]
        if same:
            return latest([r for r in same if r.subject] or same)
        everyone = named + [r for r in self.spoken if self.fits(r, offset, gender, exclude, avoid)]
        nearby = [r for r in everyone if r.subject and r.paragraph >= paragraph - 1]
        return latest([r for r in nearby if r.main] or nearby) or latest(everyone)

    def current_organization(self, offset: int, accept) -> Referent | None:  # noqa: ANN001
        """The organization that spoke last, in this paragraph or the one before, if
        ``accept(name)`` ("the company" said ... after "Northline said ...")."""
        paragraph = self.paragraph(offset)
        for r in reversed(self.spoken):
            recent = r.position < offset and r.paragraph >= paragraph - 1
            if recent and r.kind == "organization" and accept(r.name):
                return r
        return None

    def salient_organization(self, offset: int, exclude: list[Offsets]) -> Referent | None:
        """The organization "it" stands for: the one that spoke last in this paragraph, else
        one named earlier in the same sentence, else the latest named as a main subject in
        this paragraph, else the one that spoke in the paragraph before, else the latest
        named as a subject, in this paragraph or the one before; None when none."""
        paragraph = self.paragraph(offset)

        def fits(r: Referent) -> bool:
            return (
                r.kind == "organization"
                and not r.plural
                and r.paragraph >= paragraph - 1
                and self.available(r, offset, exclude)
            )

        speaking = [r for r in self.spoken if fits(r)]
        # "Documents from the Democratic National Committee began circulating after it
        # announced ...": one named earlier in the same sentence, its subject first
        start = self.sentence_start(offset)
        same = [r for r in self.named if fits(r) and r.position >= start]  # (fits: before offset)
        if speaking:
            # one that spoke in an earlier paragraph gives way to another this paragraph
            # names as its main subject ("..., the Beijing News said. / The Three Gorges
            # Corp could face a fine. Last week, it denied ..."), after one the sentence
            # of "it" names ("Atlas said PBS could be at risk if it showed ...")
            here = [
                r
                for r in self.named
                if fits(r) and r.main and r.paragraph == paragraph and r.position < offset
            ]
            if speaking[-1].paragraph < paragraph and same:
                return max([r for r in same if r.subject] or same, key=lambda r: r.position)
            if speaking[-1].paragraph < paragraph and here:
                return max(here, key=lambda r: r.position)
            return speaking[-1]
        if same:
            return max([r for r in same if r.subject] or same, key=lambda r: r.position)
        subjects = [r for r in self.named if fits(r) and r.subject]
        return max(subjects, key=lambda r: r.position) if subjects else None

    def signature(self, offset: int) -> tuple[str, Offsets] | None:
        """The writer who signs the letter or column holding ``offset``: the first of the
        next few paragraphs that is a person's name alone ("Richard Hays Powell.", a first
        name from the list), else the person a closing line says the writer is ("Glenn
        Harlan Reynolds, a law professor, is a member of ..."), and where it is."""
        paragraph = self.paragraph(offset)
        for n in range(paragraph, min(paragraph + SIGNATURE_REACH, len(self.starts))):
            start = self.starts[n]
            end = self.starts[n + 1] if n + 1 < len(self.starts) else len(self.text)
            found = SIGNATURE.fullmatch(self.text, start, end)
            if found and found.group(1).split()[0].lower() in first_names():
                return found.group(1), (found.start(1), found.end(1))
        last = next((p for p in reversed(self.starts) if self.text[p:].strip()), 0)
        found = TAGLINE.match(self.text, last)
        if (
            found
            and len(self.text.rstrip()) - last < 400
            and found.group(1).split()[0].lower() in first_names()
        ):
            return found.group(1), (found.start(1), found.end(1))
        return None

    def is_answer(self, offset: int) -> bool:
        """Whether ``offset`` is in an answer of a question-and-answer interview (a paragraph
        opening "A:" in an article whose questions open "Q:", or with several answers; or,
        in an interview whose questions are paragraphs of their own, any paragraph after a
        question that is not one)."""
        if self.unlabelled:
            paragraph = self.paragraph(offset)
            return paragraph not in self.asked and any(q < paragraph for q in self.asked)
        return self.interview and self._opens(offset, "A:")

    def _paragraphs(self) -> list[str]:
        ends = [*self.starts[1:], len(self.text)]
        return [self.text[a:b].strip() for a, b in zip(self.starts, ends, strict=True)]

    def is_question(self, offset: int) -> bool:
        """Whether ``offset`` is in a question ("Q:") of such an interview."""
        return self.has_answers and self._opens(offset, "Q:")

    def _opens(self, offset: int, label: str) -> bool:
        return self.text.startswith(label, self.starts[self.paragraph(offset) - 1])

    def turn_label(self, offset: int, *, label: bool = False) -> str | None:
        """The speaker label opening the paragraph of a transcript ("PENCE: Well, ..."),
        in title case: for words of the turn after it, or (``label``) for the label."""
        start = self.starts[self.paragraph(offset) - 1]
        found = TURN_LABEL.match(self.text, start)
        if found is None or not (found.end() <= offset or label and offset < found.end()):
            return None
        return found.group(1).title()

    def group_for(self, offset: int, exclude: list[Offsets]) -> Referent | None:
        """The group or several people a plural pronoun stands for, with the salience of
        :meth:`salient_person`: the group speaking in this paragraph or the one before,
        unless a group becomes a main-clause subject after it, or is named in a later
        paragraph than it spoke in; else one named earlier in the
        same sentence; else the latest plural speaker or named group."""
        paragraph = self.paragraph(offset)

        def fits(r: Referent) -> bool:
            return r.plural and self.available(r, offset, exclude)

        def position(r: Referent) -> int:
            return r.position

        current = next(
            (r for r in reversed(self.spoken) if fits(r) and r.paragraph >= paragraph - 1), None
        )
        if current is not None:
            newer = [
                r
                for r in self.named
                if fits(r)
                and ((r.subject and r.main) or r.paragraph > current.paragraph)
                and r.position > current.position
                and r.paragraph >= paragraph - 1
            ]
            return max(newer, key=position) if newer else current
        candidates = [r for r in (*self.named, *self.spoken) if fits(r)]
        start = self.sentence_start(offset)
        same = [r for r in candidates if r.position >= start]
        return max(same or candidates, key=position) if candidates else None


def coordinated_people(ents: list[Span]) -> list[list[Span]]:
    """Runs of person names joined by "and" or commas ("Sens. Tom Carper, Dianne Feinstein
    and Jeff Merkley", "James E. Clyburn and G. K. Butterfield"): each run, in text order.
    The parser often reads the middle names of a list as appositives; a run counts when
    at least one of its links is a conjunction."""
    people = [e for e in ents if e.label_ == "PERSON"]
    root_of = {e.root.i: e for e in people}
    runs: list[list[Span]] = []
    seen: set[int] = set()
    for ent in people:
        if ent.root.i in seen:
            continue
        run, joined = [ent], False
        frontier = [ent.root]
        while frontier:
            token = frontier.pop()
            for child in token.children:
                if child.dep_ in {"conj", "appos"} and child.i in root_of:
                    joined = joined or child.dep_ == "conj"
                    run.append(root_of[child.i])
                    frontier.append(child)
        if len(run) >= 2 and joined:
            run.sort(key=lambda e: e.start)
            seen.update(e.root.i for e in run)
            runs.append(run)
    return runs


def is_subject(token: Token) -> bool:
    """The subject of its clause, or joined to it ("Lee and Park met")."""
    while token.dep_ in {"conj", "appos"} and token.head != token:
        token = token.head
    return token.dep_ in SUBJECT_DEPS


def is_main_subject(token: Token) -> bool:
    """The subject of its sentence's main verb (or of a verb joined to it), not of a
    clause inside the sentence."""
    while token.dep_ in {"conj", "appos"} and token.head != token:
        token = token.head
    verb = token.head
    while verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head
    return token.dep_ in SUBJECT_DEPS and verb.dep_ == "ROOT"


def join_names(names: list[str]) -> str:
    """ "A and B", "A, B and C"."""
    unique = list(dict.fromkeys(names))
    if len(unique) <= 2:
        return " and ".join(unique)
    return f"{', '.join(unique[:-1])} and {unique[-1]}"
