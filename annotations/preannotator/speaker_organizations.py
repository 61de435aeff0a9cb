"""Organizations named by a description: "the company", "the agency", "the campaign" and
"the union" are the organization the article named before with that noun (or one a vague
noun can stand for), "the transit agency" one it describes without naming, and a short
name is the fullest one."""

import re
from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Span, Token

from .coreference import is_outlet, join_names, outlets
from .lexicon import doc_text
from .speaker_text import (
    BROADER_BODIES,
    COUNTS,
    EPITHET_BODIES,
    GENERIC_BODIES,
    ORG_LABELS,
    OWN_NOUN_BODIES,
    PRINT_OUTLETS,
    canonical_text,
    determiner_of,
    org_name,
)

# "the two companies", up to "the five companies"
WORD_NUMBERS = {**COUNTS, "five": 5, "5": 5}

# the last word of a police force's name ("Aurora Police Department", "Metropolitan Police")
FORCE_WORDS = {"police", "department", "service", "force", "constabulary"}


# what may stand between two names of a list: a comma or "and", after an abbreviation in
# brackets ("Sumitomo Mitsui Financial (SMFG), and Daiwa Securities")
LIST_LINK = re.compile(r"\s*(?:\([^()\s]+\))?\s*(,|,?\s*and)\s*")


def listed_organizations(ents: Iterable[Span]) -> list[list[Span]]:
    """Runs of names listed together with "and" and commas, at least two of them names of
    organizations ("Sony, Philips, Matsushita and Samsung", with "Matsushita" tagged as a
    person): what "the firms" are. The parser seldom joins such lists, so the words between
    the names decide."""
    runs: list[list[Span]] = []
    run: list[Span] = []
    links: list[str] = []

    def close() -> None:
        organizations = sum(e.label_ == "ORG" for e in run)
        if organizations >= 2 and links and "and" in links[-1] and len(run) - organizations <= 1:
            runs.append(list(run))

    for ent in ents:
        text = doc_text(ent.doc)
        bracketed = (
            text[ent.start_char - 1 : ent.start_char] == "("
            and text[ent.end_char : ent.end_char + 1] == ")"
        )
        if ent.label_ not in {"ORG", "PERSON"} or bracketed:
            continue  # an abbreviation in brackets is part of the link
        if run:
            between = text[run[-1].end_char : ent.start_char]
            link = LIST_LINK.fullmatch(between)
            one_word = ent.label_ == "ORG" or len(ent) == 1  # "Matsushita", a person's?
            # not the subject of a clause of its own ("a dereliction of duty by Congress,
            # and Treasury is doing the best it can")
            clause = ent.root.dep_ in {"nsubj", "nsubjpass"} and (
                ent.root.head not in run[0].root.ancestors
            )
            if link is not None and one_word and not clause and run[-1].sent == ent.sent:
                run.append(ent)
                links.append(link.group(1))
                continue
            close()
        run, links = [ent], []
    if run:
        close()
    return runs


class Organizations:
    """Mixin of :class:`~.speakers.SpeakerResolver`: organizations and their descriptions."""

    def _add_organization(self, offset: int, name: str) -> None:
        """An organization the tagger missed or took for a person."""
        self.people = [p for p in self.people if p[1] != name]
        self.surnames = {k: v for k, v in self.surnames.items() if v != name}
        self.organizations = sorted([*self.organizations, (offset, name)])

    def _organizations_together(self, root: Token) -> str | None:
        """The organizations named together latest before a plural description of them
        ("Sony, Philips, Matsushita and Samsung ... the firms said"), as many as it counts
        ("the two companies"), joined; None when the article names none together."""
        counted = next((c for c in root.children if c.dep_ == "nummod"), None)
        wanted = WORD_NUMBERS.get(counted.lower_) if counted is not None else None
        for run in reversed(self.organization_groups):
            if run[-1].end > root.left_edge.i:
                continue
            if wanted is not None and len(run) != wanted:
                return None
            self.antecedent = (run[0].start_char, run[-1].end_char)
            return join_names([self._fullest_organization(org_name(e.text)) for e in run])
        return None

    def _outlet_named_before(self, root: Token) -> str | None:
        """The name written before a noun for an outlet ("The Auction Drop website", "the
        Riverton Ledger website", "the Tate website"): what speaks through it."""
        if root.lemma_.lower() not in outlets().descriptions or root.tag_ != "NN":
            return None
        names = [c for c in root.children if c.dep_ == "compound" and c.i < root.i]
        if not names:
            return None
        words = [t for t in self.doc[names[0].left_edge.i : root.i] if t.dep_ != "det"]
        if not words or not all(t.pos_ == "PROPN" and (t.is_title or t.is_upper) for t in words):
            return None
        if any(t.ent_type_ in {"GPE", "NORP"} for t in words):
            return None  # "The US network": where it is, not its name
        if len(words) == 1 and (
            words[0].lower_ in self.lower_words or self.discourse.paragraph(root.idx) == 1
        ):
            return None  # a headline's "Popular Website"
        return self._fullest_organization(org_name(" ".join(t.text for t in words)))

    def _known_organizations(self) -> list[tuple[int, str]]:
        """The organizations named so far, by position: those the tagger found, and sources
        already resolved as organizations where it did not ("according to BT", which it
        took for a place)."""
        text = doc_text(self.doc)
        resolved = [
            (a.mention[0], a.speaker_name)
            for a in self.resolved.values()
            if a.speaker_kind == "organization"
            and a.speaker_name
            # named there in so many words, not described ("the group", "his party")
            and a.speaker_name in text[slice(*a.mention)]
        ]
        return sorted(
            (position, name)
            for position, name in [*self.organizations, *resolved]
            if name not in self.nationalities
        )

    def _latest_organization(self, root: Token, description: str, offset: int) -> str | None:
        """The organization a description ("the company", "the union") refers back to: the
        latest named with that noun, else the latest not named as another kind of
        institution, unless the description says more than its noun."""
        known = self._known_organizations()
        earlier = [name for position, name in known if position < offset]
        if description in outlets().descriptions or description in PRINT_OUTLETS:
            # "the newspaper", "the daily", "the paper": the news outlet named before, and
            # never another kind of organization
            named_outlets = [n for n in earlier if is_outlet(n) or n in self.outlet_names]
            if not named_outlets:
                return None
            return self._fullest_organization(named_outlets[-1])
        nouns = {
            root.lower_,
            root.lemma_.lower(),
            description,
            *BROADER_BODIES.get(description, ()),
        }
        extra = {t.lower_ for t in root.children if t.dep_ in {"compound", "amod", "prep"}}
        extra -= set(description.split())
        if description in EPITHET_BODIES:
            # "Amazon rose $6.20. The online retail giant reported ...": the organization
            # named last, in this paragraph or the one before
            near = [
                name
                for position, name in known
                if position < offset
                and self.discourse.paragraph(position) >= self.discourse.paragraph(offset) - 1
                # not one the quote names ("... raised by CornwallLive," the brand said)
                and not self._in_content(position)
                and not self.discourse.is_quoted(position)
            ]
            return self._fullest_organization(near[-1]) if near else None
        matching = [
            n for n in earlier if nouns & set(n.lower().split()) and extra <= set(n.lower().split())
        ]
        if matching:
            return matching[-1]
        if extra:
            return None
        named = self._named_description(root, offset)
        if named is not None:
            # "the campaign" after "the Clinton campaign"
            return named
        if description == "campaign":
            # "the campaign" with none named: the campaign of the person its sentence names
            # ("Sanders's top advisers said that the campaign would not ..."), else of the
            # one the article has named most so far (not a voter who spoke last)
            start = self.discourse.sentence_start(offset)
            before = [name for at, name in self.people if at < offset]
            here = [name for at, name in self.people if start <= at < offset]
            if here:
                return f"{here[-1]}'s campaign"
            if before:
                counts = Counter(before)
                top = max(counts.values())
                return f"{next(n for n in reversed(before) if counts[n] == top)}'s campaign"
        # an institution described earlier with the same noun but never named ("The
        # transit agency's board ..." ... "the agency") before a name with another noun
        unnamed = self._unnamed_institution(root, offset)
        if unnamed is not None:
            return unnamed
        if description in OWN_NOUN_BODIES:
            return None
        current = self.discourse.current_organization(
            offset, lambda n: not self._other_institution(n) and not is_outlet(n)
        )
        if current is not None:
            # "the company" said ... after "Northline said ...": the organization speaking
            self.antecedent = current.named_at
            return current.name
        compatible = [
            n
            for n in earlier
            if not self._other_institution(n)
            and not is_outlet(n)
            and n not in self.outlet_names
            and n not in self.title_organizations
        ]
        # never a news outlet: "the foundation" is not the paper that reports on it; the
        # latest named as a subject nearby first ("carmaker DaimlerChrysler has sold more
        # cars, as Chrysler sales offset a weak showing for Mercedes. ..., the company said")
        paragraph = self.discourse.paragraph(offset)
        subjects = [
            r.name
            for r in self.discourse.named
            if r.kind == "organization"
            and r.subject
            and r.position < offset
            and r.paragraph >= paragraph - 1
            and r.name in compatible
        ]
        return subjects[-1] if subjects else compatible[-1] if compatible else None

    def _named_description(self, root: Token, offset: int) -> str | None:
        """The latest earlier noun phrase with the same head that a name qualifies ("the
        Clinton campaign", "Trump's campaign"): the name and the noun ("Clinton campaign")."""
        lemma = root.lemma_.lower()
        for token in reversed(self.doc[: root.i]):
            if token.idx >= offset or token.lemma_.lower() != lemma or token.pos_ != "NOUN":
                continue
            named = next(
                (
                    e
                    for c in token.rights
                    if c.dep_ == "appos"
                    and (e := self._entity_at(c)) is not None
                    and e.label_ in ORG_LABELS  # "Mondelez International", tagged GPE
                ),
                None,
            )
            if named is not None:
                # "Nabisco's parent company, Mondelez International": the name it is given
                self.antecedent = (named.start_char, named.end_char)
                return self._fullest_organization(org_name(named.text))
            names = [
                t
                for t in token.lefts
                if t.dep_ in {"compound", "poss"} and t.ent_type_ in {"PERSON", "ORG", "NORP"}
            ]
            if names:
                words = [t.text for t in names[-1].subtree if t.ent_type_ and t.dep_ != "case"]
                self.antecedent = (names[-1].left_edge.idx, token.idx + len(token))
                return " ".join([*words, token.lower_])
        return None

    def _named_force(self, root: Token, offset: int) -> tuple[str, str] | None:
        """ "police said", "the police said" after "The Aurora Police Department said" or
        "Oakland police said": the police force the article named last before, if any, and
        the kind of speaker that mention is (an organization; "Oakland police" a group)."""
        before = [c for c in root.children if c.i < root.i and c.dep_ not in {"det", "punct"}]
        if root.lemma_.lower() == "force":
            # "the force said", "The police force said": the police force named before
            if determiner_of(root) != "the" or any(c.lower_ != "police" for c in before):
                return None
        elif root.lemma_.lower() != "police" or before:
            return None
        for token in reversed(self.doc[: root.i]):
            if token.lower_ != "police" or self.discourse.is_quoted(token.idx):
                continue
            ent = self._entity_at(token)
            force = ent is not None and ent.label_ == "ORG" and ent[-1].lower_ in FORCE_WORDS
            if force and self.discourse.paragraph(ent.start_char) > 1:
                # not a headline's "Suspect Named By Police", tagged as one name
                self.antecedent = (ent.start_char, ent.end_char)
                return self._fullest_organization(org_name(ent.text)), "organization"
            # "Oakland police" (a group), "The Merseyside Police department" (a force)
            head = token.head if token.dep_ == "compound" else token
            head = head if head.lemma_.lower() in FORCE_WORDS else token
            place = [
                c
                for c in [*token.children, *(head.children if head is not token else [])]
                if c.dep_ in {"compound", "amod", "nmod"}
                and (c.ent_type_ in ORG_LABELS or (c.pos_ == "PROPN" and c.is_title))
                and c.i < token.i
            ]
            if place:
                words = [t for t in self.doc[place[0].left_edge.i : head.i + 1] if t.dep_ != "det"]
                self.antecedent = (words[0].idx, head.idx + len(head))
                return canonical_text(words), "group" if head is token else "organization"
        return None

    def _fullest_organization(self, name: str) -> str:
        """The fullest name the article gives an organization: "Post" -> "Riverton Post",
        "Northline" -> "Northline Ferries" (a short name that ends an outlet's name, or
        begins a name that adds only organization words), "Church" -> "Church of
        Scientology" (one word that begins one "... of ..." name)."""
        words = name.lower().split()
        best = name
        if name.isupper() and 2 <= len(name) <= 6:
            # an acronym: the name whose capitalised words it abbreviates ("IMF")
            for _, other in self.organizations:
                initials = "".join(w[0] for w in other.split() if w[:1].isupper())
                if initials == name and len(other.split()) > 1:
                    return other
        if len(words) == 1:
            # "the Church" after "the Church of Scientology": the one name it begins
            heads = {o for _, o in self.organizations if o.lower().split()[:2] == [words[0], "of"]}
            if len(heads) == 1:
                return heads.pop()
        for _, other in self.organizations:
            longer = other.lower().split()
            if len(longer) <= len(words) or len(longer) <= len(best.split()):
                continue
            suffix = longer[-len(words) :] == words and words[-1] in outlets().name_words
            prefix = longer[: len(words)] == words and all(
                w in self.organization_words for w in longer[len(words) :]
            )
            if suffix or prefix:
                best = other
        return best

    def _unnamed_institution(self, root: Token, offset: int) -> str | None:
        """An institution the article describes without naming it ("The transit agency's
        board chair ..." ... "the agency"): the latest such description with that noun."""
        found = None
        lemma = root.lemma_.lower()
        for token in self.doc[: root.i]:
            if token.idx >= offset:
                break
            if token.lemma_.lower() != lemma or token.pos_ != "NOUN" or token.ent_type_:
                continue
            lefts = list(token.lefts)
            modifiers = [t for t in lefts if t.dep_ in {"compound", "amod"}]
            if (
                modifiers
                # "The transit agency", "the Libyan electoral commission" (a nationality
                # says where it is, not what it is called)
                and all(
                    t.pos_ in {"NOUN", "ADJ"} and t.ent_type_ in {"", "NORP"} for t in modifiers
                )
                and any(t.dep_ == "det" and t.lower_ == "the" for t in lefts)
                and token.dep_ != "appos"
                and not any(c.dep_ == "appos" for c in token.children)
                and not (token.i + 1 < len(self.doc) and self.doc[token.i + 1].ent_type_)
                and not (
                    lemma in GENERIC_BODIES
                    and root.tag_ == "NN"
                    and self._compatible_before(token.idx)
                )
            ):
                found = canonical_text([*modifiers, token])
        return found

    def _compatible_before(self, offset: int) -> bool:
        """Whether an organization a vague description could refer back to is named before
        ``offset`` ("Valeant" before "the drug company": not an unnamed institution)."""
        return any(
            position < offset
            and name not in self.nationalities
            and not self._other_institution(name)
            and not is_outlet(name)
            and name not in self.outlet_names
            for position, name in self.organizations
        )

    def _other_institution(self, name: str) -> bool:
        """Whether a name says what specific kind of institution it is ("... Union",
        "Department of ..."), so a different description cannot refer to it."""
        head = name.lower().split(" of ")[0].split(" for ")[0].split()
        return bool(head) and (
            self.descriptions.get(head[-1]) == "organization" and head[-1] not in GENERIC_BODIES
        )

    def _affiliation(self, root: Token, offset: int) -> str | None:
        """The proper-noun modifier ("US", "Pentagon") of the first earlier mention of the
        same kind of source ("US officials fear ...")."""
        for chunk in self.chunks():
            if chunk.start_char >= offset:
                break
            if chunk.root.lemma_.lower() != root.lemma_.lower():
                continue
            names = [
                t
                for t in chunk
                if t.i < chunk.root.i
                # an affiliation, not a person's name ("Donald Trump students")
                and t.ent_type_ != "PERSON"
                and (t.pos_ == "PROPN" or t.ent_type_ in {"NORP", "GPE", "ORG"})
            ]
            if names:
                return "".join(t.text_with_ws for t in names).strip()
        return None

    @staticmethod
    def _latest(entries: list[tuple[int, str]], offset: int) -> str | None:
        found = None
        for position, name in entries:
            if position >= offset:
                break
            found = name
        return found
