"""The first person: who "I" and "we" are outside a quote's own speaker: the writer who
signs a letter or speaks in an opinion piece, the speaker of a transcript's turn, an
interview's interviewee, or the speaker whose quotation marks the text lost."""

import re

from spacy.tokens import Span

from .coreference import is_outlet
from .lexicon import doc_text
from .speaker_text import FIRST_PERSON, INTERVIEW_REACH, INTERVIEW_WITH

# entity labels of words that name no person (not ORG: the tagger calls many names one)
NOT_PEOPLE = {"GPE", "LOC", "NORP", "DATE", "TIME", "FAC", "EVENT", "PRODUCT", "LAW"}
# double quotation marks only: an apostrophe ("'s") quotes nothing
QUOTATION_MARKS = ('"', "“", "”")

# the first-person words a writer who speaks in the first person uses
WRITER_WORDS = {"i", "me", "my", "myself", "we", "us", "our", "ourselves"}


class FirstPerson:
    """Mixin of :class:`~.speakers.SpeakerResolver`: "I" and "we" outside a quote's speaker."""

    def _first_person(self, lower: str, start: int) -> tuple[str | None, str, bool] | None:
        """Who "I" (or "we" in an interview's answer) is when the text says so without a
        quote's speaker: None to resolve it as a pronoun (the current speaker, a group)."""
        if lower in {"we", "us"}:
            if self.discourse.is_answer(start):
                return self._interviewee(start)
            if not self.discourse.is_quoted(start):
                # "we" in the narration: the writer (and the readers, or those the writer
                # speaks for), not a group named: the writer who signs the piece, if any
                if signed := self.discourse.signature(start):
                    self.antecedent = signed[1]
                    return signed[0], "person", False
                return self._speaking_unmarked(start, {"person", "organization"}) or (
                    None,
                    None,
                    False,
                )
            return None
        if lower not in FIRST_PERSON:
            return None
        quoted = self.discourse.is_quoted(start)
        if not quoted and (signed := self.discourse.signature(start)):
            # a letter to the editor: "I" is the writer who signs it
            self.antecedent = signed[1]
            return signed[0], "person", False
        if self.discourse.is_answer(start):
            return self._interviewee(start)
        if label := self.discourse.turn_label(start):
            # a transcript: "PENCE: ... I ..." is the speaker of that turn
            return self._turn_speaker(label), "person", False
        if not quoted:
            # "I" in the narration of an opinion piece or a book: its writer, whom the
            # text does not name; no speaker rather than the latest person quoted
            return self._speaking_unmarked(start, {"person"}) or (None, "person", False)
        return None

    def _speaking_unmarked(self, start: int, kinds: set[str]) -> tuple[str, str, bool] | None:
        """The speaker of this paragraph when "I" or "we" stands outside quotation marks
        right after they spoke, in an article whose writer never speaks in the first
        person: a quote whose marks the text lost ('Sergeant Lee Walkingshaw said: "Our
        enquiries are ongoing." I would also appeal to anyone ...') or whose marks a
        quotation inside it confused. The latest source of the paragraph, if it is a
        person (or, for "we", an organization); None otherwise."""
        if self._writer_speaks():
            return None
        paragraph = self.discourse.paragraph(start)
        latest = next((r for r in reversed(self.discourse.spoken) if r.position < start), None)
        if latest is None or latest.paragraph != paragraph or latest.kind not in kinds:
            return None
        if latest.plural:
            return None
        # quoting: a quotation mark between where they spoke and the pronoun (not the
        # writer's "as we learned in Iowa" after someone's indirect words)
        between = doc_text(self.doc)[latest.position : start]
        chained = latest.position in self._unmarked  # "We hope ... We want ..."
        if not chained and not any(mark in between for mark in QUOTATION_MARKS):
            return None
        self._unmarked.add(start)
        self.antecedent = latest.named_at
        return latest.name, latest.kind, False

    def _writer_speaks(self) -> bool:
        """Whether the writer speaks in the first person: "I", "my", "we" or "our" outside
        quotation marks in the body, before anyone speaks in that paragraph ("In our
        day-to-day lives, we're constantly looking for ways ...")."""
        if self._writer_first_person is None:
            first_source: dict[int, int] = {}
            for attribution in self.doc._.attributions or []:
                at = min(
                    span[0]
                    for span in [attribution.cue, attribution.mention, *attribution.fragments]
                    if span is not None
                )
                paragraph = self.discourse.paragraph(at)
                first_source[paragraph] = min(first_source.get(paragraph, at), at)
            self._writer_first_person = any(
                token.lower_ in WRITER_WORDS
                and token.idx >= self.discourse.body
                and not self.discourse.is_quoted(token.idx)
                and token.idx < first_source.get(self.discourse.paragraph(token.idx), token.idx + 1)
                for token in self.doc
            )
        return self._writer_first_person

    def _interviewee(self, offset: int) -> tuple[str | None, str | None, bool]:
        """The person a question-and-answer interview is with: the one named after "Q&A
        with", "interview with" or "interviews", else the first person named (in the
        headline, when the questions have no "Q:" label)."""
        if not self.people and not self.discourse.unlabelled:
            return None, None, False
        text = doc_text(self.doc)
        named = [
            name
            for at, name in self.people
            if INTERVIEW_WITH.search(text, max(0, at - INTERVIEW_REACH), at)
        ]
        if not named and self.discourse.unlabelled:
            # with no "Q:" and "A:": the person the headline names ("Jack Herrick, wikiHow
            # founder interviewed by Wikinews"), else no one ("An interview with the owners
            # of a dungeon", whatever names the article goes on to give)
            named = [name for at, name in self.people if at < self.discourse.body]
            if not named:
                untagged = self._interviewed_in_headline(self.discourse.body)
                if untagged is None:
                    return None, None, False
                self.antecedent = (untagged.start_char, untagged.end_char)
                return untagged.text, "person", False
        name = named[0] if named else self.people[0][1]
        where = self.discourse.latest_named(name, offset)
        self.antecedent = where.named_at if where else None
        return name, "person", False

    def _interviewed_in_headline(self, end: int) -> Span | None:
        """The name after "interviews" in a headline the tagger found no person in
        ("Wikinews interviews Israeli mathematician and writer Aner Shalev"): the last run
        of two or more capitalised words after it that names no place, date or group (the
        tagger may call it an organization, but not one whose last word says so: "Green
        Party") and whose last word the article uses again."""
        tokens = [t for t in self.doc if t.idx < end]
        cue = next((t.i for t in tokens if t.lower_ in {"interviews", "interview"}), None)
        if cue is None:
            return None
        runs, run = [], []
        for t in tokens[cue + 1 :]:
            if t.is_title and t.is_alpha and t.ent_type_ not in NOT_PEOPLE:
                run.append(t)
                continue
            if len(run) > 1:
                runs.append(run)
            run = []
            if t.lower_ in {"on", "about", "at"} or (t.is_punct and t.text != "-") or t.like_num:
                break
        if len(run) > 1:
            runs.append(run)
        if not runs:
            return None
        name = runs[-1]
        if name[0].i > 0 and self.doc[name[0].i - 1].lower_ == "the":
            return None  # "the International Brotherhood of Magicians": no one's name
        if name[-1].lower_ in self.organization_words or is_outlet(" ".join(t.text for t in name)):
            return None  # "Wikinews interviews the Green Party"
        later = doc_text(self.doc)[end:]
        if re.search(rf"\b{re.escape(name[-1].text)}\b", later) is None:
            return None
        return self.doc[name[0].i : name[-1].i + 1]
