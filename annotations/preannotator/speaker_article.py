"""What one article names, read once before its attributions are resolved: the people
(full names, surnames, namesakes, roles), the organizations and groups, and the discourse
a pronoun is resolved in (``coreference.Discourse``)."""

from spacy.tokens import Doc, Span, Token

from .coreference import (
    Discourse,
    coordinated_people,
    given_names_alone,
    is_main_subject,
    is_subject,
    join_names,
    name_gender,
    tied_pronoun_genders,
)
from .lexicon import doc_text
from .speaker_entities import misread_modal, surnames_alone
from .speaker_organizations import listed_organizations
from .speaker_text import (
    ORG_LABELS,
    described_as_outlet,
    org_name,
    portfolio,
    role_nouns,
    role_word,
    unmarked,
)


class ArticleNames:
    """Mixin of :class:`~.speakers.SpeakerResolver`: who and what the article names."""

    def _add_role(self, offset: int, noun: Token, name: str) -> None:
        """A role someone named at ``offset`` holds, and the words that qualify it."""
        role = role_word(noun)
        self.roles.append((offset, role, name))
        self.role_qualifiers[(offset, role)] = portfolio(noun)

    def _meet(self, doc: Doc) -> None:
        """Read the article's names into the resolver's state (``self.people``,
        ``self.surnames``, ``self.roles``, ``self.discourse`` ...)."""
        self._relabel(doc)
        self._writer_first_person: bool | None = None  # see Pronouns._writer_speaks
        self._unmarked: set[int] = set()  # "I" and "we" read as a speaker's unmarked quote
        self._with_s: dict[str, str] = {}  # see SpeakerResolver._named_with_s
        people: list[tuple[int, str]] = []  # (char offset, full name)
        organizations: list[tuple[int, str]] = []
        in_titles: set[str] = set()  # organizations named in someone's title
        named_organizations: set[str] = set()  # ... and named otherwise
        surnames: dict[str, str] = {}
        self.surnames = surnames
        self.namesakes: dict[str, list[str]] = {}  # surname -> every full name with it
        self.given_first: dict[str, str] = {}  # "ban" -> "Ban Ki-moon"
        self.middle_names: dict[str, str] = {}  # "acosta" -> "Melba Acosta Febo"
        self.ents = list(doc.ents)
        self.lower_words = frozenset({t.text for t in doc if t.is_lower})
        # words the article writes in lower case too ("her agent"): in capitals before a
        # name, a title ("Agent Simon Beresford"), unless they name a kind of organization
        # ("Top Climate Group Will Run Ads", a headline)
        lower_roles = frozenset(
            w
            for w in self.lower_words
            if w not in self.organization_words
            and self.descriptions.get(w) not in {"organization", "collective"}
        )
        alone = surnames_alone(self.ents)
        for ent in self.ents:
            # a surname is the full name given anywhere in the article ("Holt" ... "Lester
            # Holt"), the first such name when several people share it
            words = self._person_name(ent.text).split() if ent.label_ == "PERSON" else []
            if len(words) >= 2:
                self._learn_name(words)
            elif ent.label_ != "PERSON":
                for name in self._names_inside(ent, alone):
                    self._learn_name(name)
        for word, name in [*self.given_first.items(), *self.middle_names.items()]:
            # a family name written first, or in the middle ("Ms. Acosta" for "Melba Acosta
            # Febo"), stands for the full name, unless it is someone's surname ("Obama
            # Legacy", a headline's words, is not "Obama")
            surnames.setdefault(word, name)
        self.nationalities: set[str] = set()
        self.outlet_names: set[str] = set()  # "Family Circle" in "Family Circle magazine"
        self.roles: list[tuple[int, str, str]] = []  # (char offset, role noun, full name)
        # the words that say which such role: "home" of "Home Secretary Charles Clarke"
        self.role_qualifiers: dict[tuple[int, str], frozenset[str]] = {}
        quoted = [(q.start, q.end) for q in doc._.quotations or []]
        self.discourse = discourse = Discourse(
            doc_text(doc), quoted, [sentence.start_char for sentence in doc.sents]
        )
        person_tokens: dict[int, str] = {}
        self.groups = coordinated_people(self.ents)
        # organizations named together ("Sony, Philips and Samsung"): what "the firms" are
        self.organization_groups = listed_organizations(self.ents)
        groups = {run[0].start: run for run in self.groups}
        for ent in self.ents:
            at = unmarked(ent)
            # the owner of a subject is as salient as a subject ("James Comey's news
            # conference, in which he laid out ...")
            owner = ent.root.dep_ == "poss" and ent.root.head.dep_ in {"nsubj", "nsubjpass"}
            anchor = ent.root.head if owner else ent.root
            subject = is_subject(anchor)
            main = is_main_subject(anchor)
            if ent.label_ == "PERSON":
                name = self._person_name(ent.text)
                words = name.split()
                if len(words) == 1 and words[0].lower() in surnames:
                    # "Mrs. Clinton" is Hillary Clinton when Bill Clinton is named too
                    name = self._by_surname(words[0].lower(), name_gender(ent))
                else:
                    name = self._longer_name(name) or name  # "Le Pen": Marine Le Pen
                people.append((ent.start_char, name))
                head = ent.root.head
                if not (
                    ent.root.dep_ == "compound"
                    and head.pos_ == "NOUN"
                    and head.lemma_.lower() not in self.descriptions
                    and (len(ent) > 1 or any(c.dep_ == "det" for c in head.children))
                ):
                    # "the James S. Brady briefing room" names a room, "the Cruise video" a
                    # video, not someone a pronoun can stand for (a headline's "Clinton
                    # gun-control offensive" has no article and is about Clinton)
                    discourse.name(name, "person", at, subject=subject, main=main)
                discourse.learn_gender(name, name_gender(ent))
                if " " not in name and name.lower() not in surnames:
                    # a given name alone, no one's surname in the article nor a common
                    # one ("Melanie said", "Her father, Brad, 39,"; not "Clinton"): its gender
                    discourse.learn_gender(name, given_names_alone().get(name.lower()))
                person_tokens.update((t.i, name) for t in ent)
                for noun in role_nouns(ent, self.titles, self.lower_words, lower_roles):
                    self._add_role(ent.start_char, noun, name)
                if ent.start in groups:
                    run = groups[ent.start]
                    discourse.name(
                        join_names([self._full_name(e) for e in run]),
                        "group",
                        (run[0].start_char, run[-1].end_char),
                        subject=is_subject(run[0].root),
                        main=is_main_subject(run[0].root),
                        plural=True,
                    )
            elif len(ent) == 1 and ent.text.lower() in surnames:
                # a surname alone the tagger took for an organization ("said Pike")
                name = surnames[ent.text.lower()]
                people.append((ent.start_char, name))
                discourse.name(name, "person", at, subject=subject, main=main)
                for noun in role_nouns(ent, self.titles, self.lower_words, lower_roles):
                    # "Roffman, a securities analyst, ..." ... "The securities analyst"
                    self._add_role(ent.start_char, noun, name)
            elif ent.label_ in ORG_LABELS and ent.label_ != "GPE":
                organizations.append((ent.start_char, org_name(ent.text)))
                # "Armed Forces Minister Adam Ingram": an organization in someone's title is
                # not one a later "the group" or "it" stands for
                titled = (
                    ent.end < len(doc)
                    and doc[ent.end].lower_ in self.titles
                    and any(
                        t.ent_type_ == "PERSON" and t.ent_iob_ == "B"
                        for t in doc[ent.end + 1 : ent.end + 3]
                    )
                )
                (in_titles if titled else named_organizations).add(org_name(ent.text))
                if described_as_outlet(ent):
                    self.outlet_names.add(org_name(ent.text))
                # "the Democrats" are a group a later "they" can stand for
                several = ent.label_ == "NORP" and ent.root.tag_ in {"NNS", "NNPS"}
                # a nationality that only modifies a noun ("a former Soviet republic", "the
                # German minister") is no organization "it" can stand for
                modifier = (
                    ent.label_ == "NORP"
                    and not several
                    and ent.root.dep_ in {"amod", "compound"}
                    and not ent.start <= ent.root.head.i < ent.end
                )
                if not modifier and not titled:
                    discourse.name(
                        org_name(ent.text),
                        "group" if several else "organization",
                        at,
                        subject=subject,
                        main=main,
                        plural=several,
                    )
                if ent.label_ == "NORP":
                    self.nationalities.add(org_name(ent.text))
        for token in self._untagged_surnames(doc):
            # "Lynch still has the final say" after "Loretta Lynch": the tagger often misses
            # a surname alone, but a reader knows who it is
            name = surnames[token.lower_]
            people.append((token.idx, name))
            # "Will urged ...": the parser took the name for a modal, not a subject
            modal = misread_modal(token)
            discourse.name(
                name,
                "person",
                (token.idx, token.idx + len(token)),
                subject=is_subject(token) or modal,
                main=is_main_subject(token) or modal,
            )
            person_tokens[token.i] = name
            for noun in role_nouns(doc[token.i : token.i + 1], self.titles):
                self._add_role(token.idx, noun, name)
        people.sort()
        self.roles.sort()
        discourse.named.sort(key=lambda r: r.position)  # in text order for latest_named
        self._described_people(doc)
        discourse.named.sort(key=lambda r: r.position)
        discourse.tied = tied_pronoun_genders(doc, person_tokens)
        self.doc = doc
        self._chunks: list[Span] | None = None
        self._chunk_heads: dict[str, list[Span]] | None = None
        self._unnamed_people(doc)
        discourse.named.sort(key=lambda r: r.position)
        self.people, self.organizations, self.surnames = people, organizations, surnames
        self.title_organizations = in_titles - named_organizations
        self.described: dict[str, tuple[str, str]] = {}
