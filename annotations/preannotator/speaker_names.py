"""People's names in one article: the labels a reader would give the entities, surnames
and namesakes, names the tagger misses, and the people a pronoun's own clause names."""

import re

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .coreference import (
    SUBJECT_DEPS,
    Referent,
    first_names,
    is_main_subject,
    is_outlet,
    name_gender,
    pronouns,
)
from .lexicon import doc_text
from .speaker_text import (
    CLOSING_MARKS,
    FIRST_PERSON,
    INTERVIEW_REACH,
    INTERVIEW_WITH,
    described_as_outlet,
    determiner_of,
    role_word,
    surname_of,
)

# names the tagger may give a label other than a person's or an organization's
NAME_LABELS = {"PRODUCT", "WORK_OF_ART", "FAC", "GPE", "NORP", "LOC", "EVENT", "LAW"}
# an opening quotation mark before a capitalised word, after a capitalised word
QUOTED_WORD = re.compile(r"(?<=[A-Za-z.] )(?:\"|“|''|‘)(?=[A-Z])")
# a nickname in quotation marks inside a name: George "Jay" Keyworth, C.L. ''Butch'' Otter
NICKNAME = re.compile(r"\s+(?:\"|“|''|‘)[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?(?:\"|”|''|’)(?=\s)")


class PeopleNames:
    """Mixin of :class:`~.speakers.SpeakerResolver`: who the article names, and how."""

    def _relabel(self, doc: Doc) -> None:
        """Entity labels a reader would give: "Northline Marine" is a company, "Riverton
        Tribune" a newspaper, "Carly Fiorina" a person, a headline's "Pastor" nobody."""
        ents = doc.ents

        def label(e: Span) -> str:
            # the last word of the name, not a possessive marker the tagger took with it
            last = e[-2] if len(e) > 1 and e[-1].lower_ in {"'s", "’s", "'", "’"} else e[-1]
            if e.label_ == "PERSON" and (
                last.lower_.rstrip(".") in self.organization_words or is_outlet(e.text)
            ):
                # "Northline Marine" is a company, "Riverton Tribune" a newspaper, whatever
                # the tagger said
                return "ORG"
            if (
                e.label_ == "ORG"
                and len(e) == 2
                and e[0].is_title
                and e[1].is_title
                and e[0].lower_ in first_names()
                and e[1].lower_.rstrip(".") not in self.organization_words
            ):
                return "PERSON"  # "Carly Fiorina": a first name and a surname
            if e.label_ == "ORG" and self._described_as_person(e):
                return "PERSON"  # "Reince Priebus, the GOP chairman,", tagged ORG
            if e.label_ in NAME_LABELS and described_as_outlet(e):
                return "ORG"  # "Family Circle magazine", whatever kind of name it seemed
            if e.label_ == "PERSON" and len(e) == 1 and self._role_word(e[0]):
                return ""  # "Pastor Wants ...": a headline's capitalised title names nobody
            return e.label_

        def start(e: Span, new: str) -> int:
            # "Marcel Lehel Lazar" when the tagger left out the first of three names: a
            # first name joined to the name (not a title: "Moderator Bret Baier"); any
            # capitalised word joined to a surname the tagger took for an organization
            before = doc[e.start - 1] if e.start else None
            if (
                new == "PERSON"
                and before is not None
                and before.pos_ == "PROPN"
                and not before.ent_type_
                and before.is_title
                and before.dep_ == "compound"
                and e.start <= before.head.i < e.end
                and not self._role_word(before)
                and (
                    e.label_ == "ORG"
                    or (len(e) >= 2 and before.lower_ in first_names())
                    and e[0].lower_ not in first_names()
                )
            ):
                return e.start - 1
            return e.start

        labels = [label(e) for e in ents]
        fixed = tuple(
            e
            if new == e.label_ and start(e, new) == e.start
            else Span(doc, start(e, new), e.end, label=new)
            for e, new in zip(ents, labels, strict=True)
            if new
        )
        nicknamed = self._nicknamed(doc)
        if nicknamed:
            fixed = tuple(filter_spans([*nicknamed, *fixed]))
        if fixed != ents:
            doc.ents = fixed

    def _described_as_person(self, ent: Span) -> bool:
        """Whether an appositive gives a name a person's role: "Reince Priebus, the GOP
        chairman," (the tagger said organization)."""
        return any(
            c.dep_ == "appos" and c.pos_ == "NOUN" and c.tag_ == "NN" and self._role_word(c)
            for c in ent.root.children
        )

    def _nicknamed(self, doc: Doc) -> list[Span]:
        """Names with a nickname in quotation marks, which the tagger splits or leaves
        untagged: George "Jay" Keyworth, Gov. C.L. "Butch" Otter."""
        found = []
        text = doc_text(doc)
        for match in QUOTED_WORD.finditer(text):
            token = doc.char_span(match.start(), match.start() + 1, alignment_mode="expand")
            if token is None:
                continue
            i = token.start
            close = next(
                (
                    j
                    for j in range(i + 2, min(i + 4, len(doc) - 1))
                    if doc[j].text in CLOSING_MARKS or doc[j].text == "''"
                ),
                None,
            )
            if (
                close is None
                or i == 0
                or not all(t.is_title for t in doc[i + 1 : close])
                or doc[i - 1].pos_ != "PROPN"
                or not doc[i - 1].text[:1].isupper()
                or doc[close + 1].pos_ != "PROPN"
                or not doc[close + 1].is_title
            ):
                continue
            start = i - 1
            while start and doc[start - 1].ent_type_ == "PERSON" and doc[start - 1].is_title:
                start -= 1  # the given names the tagger saw ("Marine John": only "John")
            end = close + 2
            while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title:
                end += 1
            found.append(Span(doc, start, end, label="PERSON"))
        return found

    def _entity_at(self, token: Token, label: str | None = None) -> Span | None:
        """The named entity ``token`` belongs to (one with ``label``, when given)."""
        return next(
            (
                e
                for e in self.ents
                if e.start <= token.i < e.end and (label is None or e.label_ == label)
            ),
            None,
        )

    def _untagged_surnames(self, doc: Doc) -> list[Token]:
        """Capitalised proper nouns the tagger left out of every entity that are, alone, the
        surname of a person the article names in full."""

        def proper(i: int) -> bool:
            return 0 <= i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].is_title

        def surname(t: Token) -> bool:
            # the tagger reads some names as words ("Trump himself was delighted"): a
            # capitalised subject counts too
            return proper(t.i) or (t.is_title and t.dep_ in SUBJECT_DEPS)

        return [
            t
            for t in doc
            if t.is_title
            and t.lower_ in self.surnames
            and not t.ent_type_
            and surname(t)
            and not proper(t.i - 1)
            and not proper(t.i + 1)
        ]

    def _person_name(self, text: str) -> str:
        """The name without possessive and leading titles ("Mayor Ana Ruiz's" -> "Ana Ruiz")."""
        text = NICKNAME.sub("", text)  # George "Jay" Keyworth -> George Keyworth
        words = text.strip().replace("’s", "").replace("'s", "").split()
        while len(words) > 1 and words[0].rstrip(".").lower() in self.titles:
            words = words[1:]
        return " ".join(words)

    def _full_name(self, ent: Span) -> str:
        name = self._person_name(ent.text)
        words = name.split()
        if len(words) == 1:
            return self._by_surname(words[0].lower(), name_gender(ent)) or name
        if words and words[0].rstrip(".").lower() in {"mr", "mrs", "ms", "dr"} and len(words) == 2:
            return self._by_surname(words[1].lower(), name_gender(ent)) or name
        return name

    def _learn_name(self, words: list[str]) -> None:
        """A full name the article gives: its surname stands for it (and, for a name whose
        first word is no known given name, that word, "Ban" for "Ban Ki-moon", once every
        surname is known)."""
        name = " ".join(words)
        key = surname_of(words)
        known = self.surnames.get(key)
        if known is None or (
            # "Michael Mukasey" rather than the headline's "AG Mukasey" (an office in
            # capitals, not a given name)
            known.split()[0].isupper() and words[0].lower() in first_names()
        ):
            self.surnames[key] = name
        namesakes = self.namesakes.setdefault(key, [])
        if name not in namesakes:
            namesakes.append(name)
        first = words[0]
        if first.isalpha() and first.istitle() and first.lower() not in first_names():
            self.given_first.setdefault(first.lower(), name)

    def _by_surname(self, key: str, gender: str | None) -> str | None:
        """The full name a surname stands for: of several people sharing it, the first whose
        gender fits the honorific ("Mrs. Clinton"), else the first named."""
        names = self.namesakes.get(key, [])
        if gender in {"f", "m"} and len(names) > 1:
            fitting = [n for n in names if self.discourse.gender(n) == gender]
            if fitting:
                return fitting[0]
        return self.surnames.get(key)

    def _role_word(self, token: Token) -> bool:
        """A title or a word for a role or an unnamed source, not a name ("Pastor")."""
        word = token.lower_.rstrip(".")
        return (
            word in self.titles or word in self.anonymous or self.descriptions.get(word) == "person"
        )

    def _owner(self, possessor: Token, offset: int) -> str | None:
        """The person a possessive names or stands for ("his", "Sanders'"). The quote's
        own content may name the owner: "Sanders will not attend, his spokesman said"."""
        # "the congressman's spokesman" is not the spokesman the article named before
        holders = {name for _, role, name in self.roles if role == role_word(possessor.head)}
        if possessor.lower_ in {"his", "her"}:
            owner = self._content_subject(possessor.lower_, offset) or (
                self.discourse.person_for(possessor.lower_, offset, [], holders)
            )
            if owner is not None and owner.name in holders:
                owner = None
            if owner is not None:
                self.antecedent = owner.named_at
            return owner.name if owner else None
        ent = self._entity_at(possessor)
        if ent is not None and ent.label_ == "PERSON":
            return self._full_name(ent)
        if (
            possessor.pos_ == "NOUN"
            and determiner_of(possessor) in {"the", "this", "that"}
            and self.descriptions.get(possessor.lemma_.lower()) == "person"
        ):
            # "the senator's advisers": the senator the article named
            phrase = self.doc[possessor.left_edge.i : possessor.i + 1]
            name, kind, _ = self._resolve(phrase, possessor, possessor.idx)
            return name if kind == "person" and name not in holders else None
        return None

    def _content_subject(self, word: str, offset: int) -> Referent | None:
        """The person the quote's own content is about, as its subject, in the mention's
        sentence: "Sanders will not attend the debate, his spokesman said"."""
        discourse = self.discourse
        gender = pronouns()[word].gender
        start = discourse.sentence_start(offset)
        return next(
            (
                r
                for r in discourse.named
                if r.subject
                and start <= r.position < offset
                and any(a <= r.position < b for a, b in self.exclude)
                and discourse.fits(r, offset, gender, [])
            ),
            None,
        )

    def _clause_mates(self, pronoun: Token) -> set[str]:
        """The people named as the other arguments of the pronoun's own verb: "he told
        Hannity", "she thanked Ruiz" (a pronoun never stands for them)."""
        verb = pronoun.head
        tokens = [c for c in verb.children if c.dep_ in {"dobj", "dative", "iobj", "attr"}]
        if verb.dep_ == "relcl" and any(t.lower_ in {"whom", "who", "that"} for t in tokens):
            # "Chris Christie, whom he describes as ...": the relative pronoun is the object
            tokens.append(verb.head)
        tokens += [
            g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
        ]
        names = set()
        for token in tokens:
            ent = self._entity_at(token, "PERSON")
            if ent is not None:
                names.add(self._full_name(ent))
            elif token.lower_ in self.surnames:
                names.add(self.surnames[token.lower_])  # whatever the tagger made of it
        return names

    def _named_after(self, pronoun: Token) -> tuple[str, str, bool] | None:
        """A pronoun in a clause before its sentence's subject that stands for that subject
        ("After he blasted the film, Pastor Kevin Swanson set his sights on ...")."""
        verb = pronoun.head
        main = verb.head
        if verb.dep_ != "advcl" or main.dep_ != "ROOT" or verb.i > main.i:
            return None
        subject = next((c for c in main.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None or subject.i < pronoun.i:
            return None
        person = self._entity_at(subject, "PERSON")
        if person is None:
            return None
        wanted = pronouns()[pronoun.lower_].gender if pronoun.lower_ in pronouns() else "any"
        name = self._full_name(person)
        known = self.discourse.gender(name)
        if known and wanted in {"f", "m"} and known != wanted:
            return None
        self.antecedent = (person.start_char, person.end_char)
        return name, "person", False

    def _first_person(self, lower: str, start: int) -> tuple[str | None, str, bool] | None:
        """Who "I" (or "we" in an interview's answer) is when the text says so without a
        quote's speaker: None to resolve it as a pronoun (the current speaker, a group)."""
        if lower in {"we", "us"}:
            if self.discourse.is_answer(start):
                return self._interviewee(start)
            if not self.discourse.is_quoted(start):
                # "we" in the narration: the writer and the readers, not a group named
                return None, None, False
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
            return self.surnames.get(label.lower(), label), "person", False
        if not quoted:
            # "I" in the narration of an opinion piece or a book: its writer, whom the
            # text does not name; no speaker rather than the latest person quoted
            return None, "person", False
        return None

    def _interviewee(self, offset: int) -> tuple[str | None, str | None, bool]:
        """The person a question-and-answer interview is with: the one named after "Q&A
        with" or "interview with", else the first person named."""
        if not self.people:
            return None, None, False
        text = doc_text(self.doc)
        named = [
            name
            for at, name in self.people
            if INTERVIEW_WITH.search(text, max(0, at - INTERVIEW_REACH), at)
        ]
        name = named[0] if named else self.people[0][1]
        where = self.discourse.latest_named(name, offset)
        self.antecedent = where.named_at if where else None
        return name, "person", False

    def _chained_pronoun(self, root: Token, start: int) -> tuple[str, str, bool] | None:
        """With nobody speaking, "he" as the subject right after a sentence whose subject is
        "he" too stands for the same person ("Given Obama's approval rating, he should
        channel Trump. He could do this by ...")."""
        if root.dep_ not in SUBJECT_DEPS or root.lower_ not in {"he", "she"}:
            return None
        if self.discourse.current_speaker(start, "any", self.exclude) is not None:
            return None
        before = self._previous_subject(root)
        if before is None or before.lower_ != root.lower_ or not is_main_subject(before):
            return None
        span = self.doc[before.i : before.i + 1]
        name, kind, plural = self._resolve(span, before, before.idx)
        return (name, kind, plural) if name is not None else None

    def _previous_subject(self, token: Token) -> Token | None:
        """The subject of the main clause of the sentence before ``token``'s, in the same
        paragraph."""
        sentence = token.sent
        if sentence.start == 0:
            return None
        before = self.doc[sentence.start - 1].sent
        if self.discourse.paragraph(before.start_char) != self.discourse.paragraph(token.idx):
            return None
        return next((c for c in before.root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
