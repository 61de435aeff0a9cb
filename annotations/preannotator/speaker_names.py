"""People's names in one article: full names, surnames and namesakes, titles and trades
before a name, and surnames the tagger missed (entity labels are in ``speaker_entities``,
pronouns in ``speaker_pronouns``)."""

import re

from spacy.tokens import Doc, Span, Token

from .coreference import (
    SUBJECT_DEPS,
    first_names,
    name_gender,
)
from .speaker_entities import misread_modal, proper_at
from .speaker_text import (
    STRAY_MARKS,
    surname_of,
)

# "a man named John Hale", "a voter called Ana Ruiz", "a woman identified as Eva Ruiz"
NAME_GIVING = {"name", "call", "identify"}

# offices written between other words and a name ("French Green MEP Alain Lipietz"): the
# name is what follows (not "CNN Reporter Caught Conspiring" of a headline)
NAME_OFFICES = {"mp", "mep", "msp", "minister", "secretary", "senator", "governor", "mayor"}
# a nickname in quotation marks inside a name: George "Jay" Keyworth, C.L. ''Butch'' Otter
NICKNAME = re.compile(r"\s+(?:\"|“|''|‘)[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?(?:\"|”|''|’)(?=\s)")


class PeopleNames:
    """Mixin of :class:`~.speakers.SpeakerResolver`: who the article names, and how."""

    def _names_inside(self, ent: Span, alone: set[str]) -> list[list[str]]:
        """People's names inside another kind of name: "Rachel Maddow" in "The Rachel Maddow
        Show", when the article names "Maddow" alone as a person."""
        return [
            [first.text, last.text]
            for first, last in zip(ent, ent[1:], strict=False)
            if first.lower_ in first_names() and first.is_title and last.lower_ in alone
        ]

    def _named_right_before(self, span: Span, root: Token) -> Span | None:
        """A person's name written right before a role in lower case, with no comma between
        ("Dr Mike Watts head of exploration said"), or None."""
        if not span.start or not span[0].is_lower or root.pos_ != "NOUN" or root.tag_ == "NNS":
            return None
        if root.lower_ not in self.titles and self.descriptions.get(root.lemma_.lower()) not in {
            "person",
            None,
        }:
            return None
        named = self._entity_at(self.doc[span.start - 1], "PERSON")
        if named is None or named.end != span.start or named.sent != span.sent:
            return None
        return named

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

    def _named_as(self, root: Token, span: Span) -> Span | None:
        """The name a naming participle gives the person described: "a man named John
        Hale", "a voter called Ana Ruiz", "A woman later identified as Eva Ruiz" (which the
        parser reads as the woman identifying), or the organization: "a group called Voters
        First"."""
        # a noun for a kind of source, not a name ("George H.W. Bush calling Ronald
        # Reagan's policies ...")
        described = root.pos_ == "NOUN" and not root.ent_type_
        naming = [
            c
            for c in root.children
            if c.dep_ == "acl"
            and c.lemma_.lower() in NAME_GIVING
            # in the mention, or right after its noun when the mention stops there ("It"
            # after "An umbrella organisation called the Disasters Emergency Committee")
            and (span.start <= c.i < span.end or (described and c.i == root.i + 1))
        ]
        # an organization described by its kind ("a new group called Voters First")
        organization = self.descriptions.get(root.lemma_.lower()) == "organization"
        verb = root.head
        if root.dep_ in {"nsubj", "nsubjpass"} and (
            verb.lemma_.lower() == "identify"
            or (
                # (not "The judges called Guy's My Heart is My Own ...")
                described
                and organization
                and verb.lemma_.lower() in NAME_GIVING
                and any(c.dep_ == "oprd" for c in verb.children)
                # not "Critics called Obama a liar"
                and not any(c.dep_ == "dobj" for c in verb.children)
            )
        ):
            # the parser's "A woman (later) identified as ...", "An umbrella organisation
            # called the Disasters Emergency Committee has been set up ..."
            naming.append(verb)
        for verb in naming:
            named = [
                t
                for c in verb.children
                if c.dep_ in {"oprd", "attr", "prep", "dobj"}
                and (c.dep_ != "prep" or c.lower_ == "as")
                for t in c.subtree
            ]
            person = next(
                (self._entity_at(t, "PERSON") for t in named if t.ent_type_ == "PERSON"), None
            )
            if person is not None:
                return person
            named_organization = next(
                (self._entity_at(t, "ORG") for t in named if t.ent_type_ == "ORG"), None
            )
            if organization and named_organization is not None:
                return named_organization
        return None

    def _turn_speaker(self, label: str) -> str:
        """Who a transcript's speaker label is: the person named with that surname, else
        the label itself ("Wallace")."""
        return self.surnames.get(label.lower(), label)

    def _untagged_surnames(self, doc: Doc) -> list[Token]:
        """Capitalised proper nouns the tagger left out of every entity that are, alone, the
        surname of a person the article names in full."""

        def surname(t: Token) -> bool:
            # the tagger reads some names as words ("Trump himself was delighted"): a
            # capitalised subject counts too
            subject = t.is_title and t.dep_ in SUBJECT_DEPS
            return proper_at(doc, t.i) or subject or misread_modal(t)

        return [
            t
            for t in doc
            if t.is_title
            and t.lower_ in self.surnames
            and not t.ent_type_
            and surname(t)
            # a title before it is no other name: "Lord Callaghan became a clerk"
            and not (proper_at(doc, t.i - 1) and doc[t.i - 1].lower_.rstrip(".") not in self.titles)
            and not proper_at(doc, t.i + 1)
        ]

    def _person_name(self, text: str) -> str:
        """The name without possessive and leading titles ("Mayor Ana Ruiz's" -> "Ana Ruiz")."""
        text = NICKNAME.sub("", text)  # George "Jay" Keyworth -> George Keyworth
        # a quotation mark the tagger took in ("Donald Trump ''" in the New York Times' style)
        text = text.strip().strip(STRAY_MARKS)
        if text.isupper() and len(text.split()) > 1:
            text = text.title()  # a transcript's "JOEL BENENSON" (not "FDIC")
        words = text.strip().replace("’s", "").replace("'s", "").split()
        if words and words[-1][-1:] in {"'", "’"} and words[-1][-2:-1] in {"s", "z"}:
            # "Bernie Sanders'", "Ted Cruz’": a possessive after a final s or z
            words[-1] = words[-1][:-1]
        while len(words) > 1 and words[0].rstrip(".").lower() in self.titles:
            words = words[1:]
        titled = [
            i
            for i, word in enumerate(words[:-2])
            if word.rstrip(".").lower() in NAME_OFFICES
            and words[i + 1][:1].isupper()
            and words[i + 1].rstrip(".").lower() not in self.titles
        ]
        if titled:
            words = words[titled[-1] + 1 :]  # "Green MEP Alain Lipietz", "Labour MP Jane Roe"
        # a trade before a name: "Songwriter Guy Chambers", "Rapper Kanye West", a headline's
        # "Prop Jones" (not "Pastor John"), "Pianist Lang Lang"; not a given name that ends
        # like a trade ("Christian Estrosi", "Adrian Mapp")
        first = words[0].lower() if words else ""
        given = len(words) > 1 and words[1].lower() in first_names()
        if (
            len(words) > 1
            and first not in first_names()
            and (
                (self.descriptions.get(first) == "person" and (len(words) > 2 or not given))
                or (len(words) > 2 and given and first.endswith(("ist", "writer")))
            )
        ):
            words = words[1:]
        return " ".join(words)

    def _full_name(self, ent: Span) -> str:
        name = self._person_name(ent.text)
        words = name.split()
        if len(words) == 1:
            found = self._by_surname(words[0].lower(), name_gender(ent)) or self._longer_name(name)
            given = ent.text.split()
            if found is None and len(given) == 2 and given[0].lower() in first_names():
                # "Dean Baker", no Baker named otherwise: a given name, not the title
                return f"{given[0]} {name}"
            return found or name
        if words and words[0].rstrip(".").lower() in {"mr", "mrs", "ms", "dr"} and len(words) == 2:
            return self._by_surname(words[1].lower(), name_gender(ent)) or name
        return self._longer_name(name) or name

    def _longer_name(self, name: str) -> str | None:
        """The one fuller name the article gives that ends with this one ("Marine Le Pen"
        for "Le Pen", "Bill de Blasio" for "De Blasio"), or, for a given name alone, the
        one full name it begins ("Jane" for Jane Sanders, when no surname is "Jane")."""
        words = name.split()
        if len(words) == 1 and name.lower() in first_names():
            fuller = {
                known
                for names in self.namesakes.values()
                for known in names
                if known.split()[0] == name and len(known.split()) > 1
            }
            return fuller.pop() if len(fuller) == 1 else None
        if len(words) < 2:
            return None
        tail = " " + name.lower()
        longer = {
            known
            for known in self.namesakes.get(surname_of(words), [])
            if known.lower().endswith(tail)
        }
        return longer.pop() if len(longer) == 1 else None

    def _learn_name(self, words: list[str]) -> None:
        """A full name the article gives: its surname stands for it (and, once every surname
        is known, a first word that is no known given name, "Ban" for "Ban Ki-moon", and a
        middle name, "Acosta" for "Melba Acosta Febo")."""
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
        for middle in words[1:-1]:
            # "Ms. Acosta" for "Melba Acosta Febo", "Rodham" for "Hillary Rodham Clinton"
            if middle.isalpha() and middle.istitle() and middle.lower() not in first_names():
                self.middle_names.setdefault(middle.lower(), name)
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
