"""Speakers: the canonical name and kind behind each attribution's speaker mention.

Resolution stays inside one article and uses what the parse and the named entities give:
a surname alone is the full name used before, a pronoun is the latest fitting speaker,
a description ("the think tank", "Kostin's office") is the entity it was introduced with,
and a mention headed by an anonymous noun ("a US intelligence official") is an anonymous
source named by its description.
"""

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .coreference import (
    SUBJECT_DEPS,
    Discourse,
    Referent,
    coordinated_people,
    first_names,
    is_main_subject,
    is_outlet,
    is_subject,
    join_names,
    name_gender,
    outlets,
    pronouns,
    tied_pronoun_genders,
    word_gender,
)
from .lexicon import doc_text, lexicon, read_list
from .lexicon import words as word_list
from .rules.records import Attribution
from .rules.reported import ANONYMITY

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "i", "me"}
FIRST_PERSON = {"i", "me"}
OPENING_MARKS = "\"“‘'"
CLOSING_MARKS = "\"”’'"
NAME_PARTICLES = {
    "de",
    "van",
    "von",
    "der",
    "den",
    "bin",
    "al",
    "la",
    "le",
    "da",
    "del",
    "di",
    "du",
}
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# "Q&A with Vice President Joe Biden", "an interview with Laura Bush"
INTERVIEW_WITH = re.compile(r"\b(?:Q ?& ?A|interview|conversation) with\b[^.\n]*$", re.IGNORECASE)
INTERVIEW_REACH = 60  # characters before the name
UNRESOLVED = 0.75  # confidence factor for a proposal whose source could not be resolved
GROUP_PRONOUNS = {"they", "we", "them", "their"}
THING_PRONOUNS = {"it", "its"}
INDEFINITE = {"a", "an", "one", "another", "some", "any"}
RELATIVE_PRONOUNS = {"who", "which", "that"}
SHORT_TITLES = {"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady"}  # not a role
ORG_LABELS = {"ORG", "GPE", "NORP", "FAC"}
STRIP_DEPS = {"det", "nummod", "poss", "predet", "quantmod"}


ARTICLES = {"the", "a", "an"}
# institution nouns vague enough for any description to refer to ("the think tank" ->
# "Center for ...", "the company" -> "Acme Corporation")
GENERIC_BODIES = {
    "center",
    "centre",
    "institute",
    "foundation",
    "group",
    "organization",
    "organisation",
    "company",
    "firm",
    "corporation",
    "institution",
    "network",
}


def _org_name(text: str) -> str:
    """An organization's name without a leading article or a possessive ("The Water
    Authority's" -> "Water Authority"), so every mention of it is spelled the same."""
    words = text.strip().replace("’", "'")
    words = words.removesuffix("'s") if words.endswith("'s") else words.rstrip("'")
    first, _, rest = words.partition(" ")
    return rest if rest and first.lower() in ARTICLES else words


def _roles(ent: Span, titles: frozenset[str]) -> list[Token]:
    """The nouns that give a named person's role: "Jane Roe, a nurse at the clinic",
    "company engineer Jane Roe", "Mayor Ingrid Solberg", "the port's spokeswoman, Jane Roe"."""
    root = ent.root
    nouns = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    nouns += [
        t
        for t in ent.doc[max(ent.start - 3, 0) : ent.start]
        if (t.pos_ == "NOUN" or (t.pos_ == "PROPN" and t.lower_ in titles))
        and ent.start <= t.head.i < ent.end
    ]
    nouns += [t for t in ent[:-1] if t.lower_ in titles and t.lower_ not in SHORT_TITLES]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i < ent.start:
        nouns.append(root.head)
    return nouns


def _unnamed(root: Token) -> bool:
    """A source whose relative clause grants anonymity ("the analyst, who spoke on condition
    of anonymity", "an aide who was not authorized to speak")."""
    if root.pos_ != "NOUN":
        return False
    clause = " ".join(t.lower_ for c in root.children if c.dep_ == "relcl" for t in c.subtree)
    return bool(ANONYMITY.search(clause)) or "not authori" in clause


def _proper_name(span: Span, root: Token) -> list[Token]:
    """The proper nouns around a name's head, without what the mention adds after it
    ("Pence himself", "Justice Department letters Monday") or articles before it."""
    tokens = [root]
    for token in reversed(span[: root.i - span.start]):
        if token.pos_ != "PROPN" and token.text not in {".", "-"}:
            break
        tokens.insert(0, token)
    for token in span[root.i - span.start + 1 :]:
        if token.pos_ != "PROPN":
            break
        tokens.append(token)
    return tokens


def _determiner(noun: Token) -> str | None:
    """The noun's article or demonstrative, lowercased ("the", "a", "this"), if any."""
    return next((c.lower_ for c in noun.children if c.dep_ == "det"), None)


def _names(token: Token, *, people: bool = True) -> bool:
    """A word of an organization's name, or of a person's (``people``); a proper noun the
    tagger left untyped counts too ("FBI")."""
    labels = {"PERSON", *ORG_LABELS} if people else ORG_LABELS
    return token.ent_type_ in labels or (token.pos_ == "PROPN" and not token.ent_type_)


def _described_as_outlet(ent: Span) -> bool:
    """An organization the text calls a news outlet beside its name: "Family Circle
    magazine", "the newspaper The Advocate", "The Advocate, a daily"."""
    doc = ent.doc
    after = next((t.lower_ for t in doc[ent.end : ent.end + 2] if t.lower_ not in {"'s", "’s"}), "")
    before = doc[ent.start - 1].lower_ if ent.start else ""
    head = ent.root.head.lower_ if ent.root.dep_ in {"compound", "appos"} else ""
    appositives = {c.lemma_.lower() for c in ent.root.children if c.dep_ == "appos"}
    return bool(({after, before, head} | appositives) & outlets().descriptions)


def _surname(words: list[str]) -> str:
    """The family name of a full name, without a generational suffix ("Joseph R. Biden Jr."
    -> "biden")."""
    while len(words) > 2 and words[-1].lower().rstrip(".") in SUFFIXES:
        words = words[:-1]
    return words[-1].lower()


def _looks_like_name(name: str) -> bool:
    """Capitalised words (name particles aside), as a person's name is written."""
    words = name.split()
    return bool(words) and all(
        w[:1].isupper() or w in NAME_PARTICLES or not w[:1].isalpha() for w in words
    )


def _canonical_text(tokens: list[Token]) -> str:
    words = "".join(t.text_with_ws for t in tokens).strip().replace("’", "'")
    return words[:1].upper() + words[1:] if words else words


class SpeakerResolver:
    """Pipeline component: fills ``speaker_name`` and ``speaker_kind`` on the attributions."""

    def __init__(self) -> None:
        lex = lexicon()
        # the rules' source nouns, and the epithets, institutions and collective nouns only
        # the resolver reads
        self.descriptions = {
            **lex.descriptions,
            **{row[0].lower(): row[1] for row in read_list("speaker_descriptions.txt")},
        }
        self.anonymous = lex.anonymous_nouns
        self.titles = lex.titles
        self.organization_words = lex.organization_words
        self.documents = lex.documents

    def __call__(self, doc: Doc) -> Doc:
        ents = doc.ents

        def label(e: Span) -> str:
            if e.label_ == "PERSON" and (
                e[-1].lower_.rstrip(".") in self.organization_words or is_outlet(e.text)
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
            if e.label_ == "PERSON" and len(e) == 1 and self._role_word(e[0]):
                return ""  # "Pastor Wants ...": a headline's capitalised title names nobody
            return e.label_

        labels = [label(e) for e in ents]
        fixed = tuple(
            e if new == e.label_ else Span(doc, e.start, e.end, label=new)
            for e, new in zip(ents, labels, strict=True)
            if new
        )
        if fixed != ents:
            doc.ents = fixed
        people: list[tuple[int, str]] = []  # (char offset, full name)
        organizations: list[tuple[int, str]] = []
        surnames: dict[str, str] = {}
        self.surnames = surnames
        self.namesakes: dict[str, list[str]] = {}  # surname -> every full name with it
        self.given_first: dict[str, str] = {}  # "ban" -> "Ban Ki-moon"
        self.ents = list(doc.ents)
        for ent in self.ents:
            # a surname is the full name given anywhere in the article ("Holt" ... "Lester
            # Holt"), the first such name when several people share it
            words = self._person_name(ent.text).split() if ent.label_ == "PERSON" else []
            if len(words) >= 2:
                self._learn_name(words)
        for word, name in self.given_first.items():
            # a family name written first stands for the full name, unless it is someone's
            # surname ("Obama Legacy", a headline's words, is not "Obama")
            surnames.setdefault(word, name)
        self.nationalities: set[str] = set()
        self.outlet_names: set[str] = set()  # "Family Circle" in "Family Circle magazine"
        self.roles: list[tuple[int, str, str]] = []  # (char offset, role noun, full name)
        quoted = [(q.start, q.end) for q in doc._.quotations or []]
        self.discourse = discourse = Discourse(
            doc_text(doc), quoted, [sentence.start_char for sentence in doc.sents]
        )
        person_tokens: dict[int, str] = {}
        self.groups = coordinated_people(self.ents)
        groups = {run[0].start: run for run in self.groups}
        for ent in self.ents:
            at = (ent.start_char, ent.end_char)
            subject = is_subject(ent.root)
            main = is_main_subject(ent.root)
            if ent.label_ == "PERSON":
                name = self._person_name(ent.text)
                words = name.split()
                if len(words) >= 2:
                    self._learn_name(words)
                elif words and words[0].lower() in surnames:
                    # "Mrs. Clinton" is Hillary Clinton when Bill Clinton is named too
                    name = self._by_surname(words[0].lower(), name_gender(ent))
                people.append((ent.start_char, name))
                discourse.name(name, "person", at, subject=subject, main=main)
                discourse.learn_gender(name, name_gender(ent))
                person_tokens.update((t.i, name) for t in ent)
                for noun in _roles(ent, self.titles):
                    self.roles.append((ent.start_char, noun.lemma_.lower(), name))
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
                people.append((ent.start_char, surnames[ent.text.lower()]))
                discourse.name(surnames[ent.text.lower()], "person", at, subject=subject, main=main)
            elif ent.label_ in ORG_LABELS and ent.label_ != "GPE":
                organizations.append((ent.start_char, _org_name(ent.text)))
                if _described_as_outlet(ent):
                    self.outlet_names.add(_org_name(ent.text))
                # "the Democrats" are a group a later "they" can stand for
                several = ent.label_ == "NORP" and ent.root.tag_ in {"NNS", "NNPS"}
                discourse.name(
                    _org_name(ent.text),
                    "group" if several else "organization",
                    at,
                    subject=subject,
                    main=main,
                    plural=several,
                )
                if ent.label_ == "NORP":
                    self.nationalities.add(_org_name(ent.text))
        for token in self._untagged_surnames(doc):
            # "Lynch still has the final say" after "Loretta Lynch": the tagger often misses
            # a surname alone, but a reader knows who it is
            name = surnames[token.lower_]
            people.append((token.idx, name))
            discourse.name(
                name,
                "person",
                (token.idx, token.idx + len(token)),
                subject=is_subject(token),
                main=is_main_subject(token),
            )
            person_tokens[token.i] = name
        people.sort()
        discourse.named.sort(key=lambda r: r.position)
        discourse.tied = tied_pronoun_genders(doc, person_tokens)
        self.doc = doc
        self._chunks: list[Span] | None = None
        self.people, self.organizations, self.surnames = people, organizations, surnames
        self.described: dict[str, tuple[str, str]] = {}
        previous: Attribution | None = None
        for attribution in doc._.attributions or []:
            if attribution.mention is None:
                if attribution.cue is None and previous is not None:
                    attribution.speaker_name = previous.speaker_name
                    attribution.speaker_kind = previous.speaker_kind
                continue
            name, kind, plural = self.resolve(attribution)
            if name is None:
                # unsure who speaks: no speaker, and say so in the confidence
                attribution.confidence *= UNRESOLVED
            attribution.speaker_name, attribution.speaker_kind = name, kind
            antecedent = self._explain(attribution.mention, name)
            attribution.speaker_antecedent = antecedent
            if name:
                discourse.spoke(
                    Referent(name, kind or "", antecedent or attribution.mention, 0, 0, plural),
                    attribution.mention,
                )
            previous = attribution
        for attribution in doc._.attributions or []:
            # "the operator" said ... before "The operator, Northern Rail Link, says ...":
            # a bare description named later in the article is that name
            bare = (attribution.speaker_name or "").lower()
            if attribution.speaker_kind == "organization" and bare in self.described:
                attribution.speaker_name, attribution.speaker_kind = self.described[bare]
        return doc

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

    def resolve(self, attribution: Attribution) -> tuple[str | None, str | None, bool]:
        doc = self.doc
        self.antecedent: tuple[int, int] | None = None
        self.exclude = list(attribution.fragments)
        start, end = attribution.mention
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None, None, False
        if (
            attribution.mention_root is not None
            and span.start <= attribution.mention_root < span.end
        ):
            root = doc[attribution.mention_root]
        else:
            root = span.root
        return self._resolve(span, root, start)

    def _resolve(self, span: Span, root: Token, start: int) -> tuple[str | None, str | None, bool]:
        doc = self.doc
        if self._junk(span, root):
            return None, None, False
        author = self._author(root, span)
        if author is not None:
            # "a study by the Centre for Education Research": the centre speaks
            return self._resolve(self._phrase(author), author, start)
        earlier = self._earlier_author(root, start)
        if earlier is not None:
            # "the summary" after "an FBI summary of its investigation": the FBI speaks
            return earlier
        if not root.ent_type_ and any(
            c.dep_ == "acl" and c.tag_ in {"VBN", "VBG"} and span.start <= c.i < span.end
            for c in root.children
        ):
            # a participle phrase ("Audio obtained by the Tribune"): not a source's name
            return None, None, False
        if span.text == "A" and self.discourse.is_answer(start):
            return self._interviewee(start)  # "A: ..." answers: the person interviewed
        if span.text == "Q" and self.discourse.is_question(start):
            return None, None, False  # "Q: ..." the interviewer, whom the text seldom names
        part_of = self._partitive(root)
        if part_of is not None:
            # "some of his supporters", "30 percent of voters": the group they belong to
            name, kind, plural = self._resolve(self._phrase(part_of), part_of, start)
            if name is None:
                return None, None, False
            if root.lower_ == "one":
                return name, kind if kind != "group" else "anonymous", False
            return name, "group", True
        lower = root.lower_
        plural = root.tag_ in {"NNS", "NNPS"}
        if root.pos_ == "PRON":
            if lower in RELATIVE_PRONOUNS and root.head.dep_ == "relcl":
                return self._antecedent(root.head.head, person=lower == "who")
            if (
                lower in FIRST_PERSON
                and not self.discourse.is_quoted(start)
                and (signed := self.discourse.signature(start))
            ):
                # a letter to the editor: "I" is the writer who signs it
                self.antecedent = signed[1]
                return signed[0], "person", False
            if lower in FIRST_PERSON | {"we", "us"} and self.discourse.is_answer(start):
                return self._interviewee(start)
            if lower in FIRST_PERSON and (label := self.discourse.turn_label(start)):
                # a transcript: "PENCE: ... I ..." is the speaker of that turn
                name = self.surnames.get(label.lower(), label)
                return name, "person", False
            if lower in FIRST_PERSON and not self.discourse.is_quoted(start):
                # "I" in the narration of an opinion piece or a book: its writer, whom the
                # text does not name; no speaker rather than the latest person quoted
                return None, "person", False
            if lower in PERSON_PRONOUNS:
                ahead = self._named_after(root)
                if ahead is not None:
                    return ahead
                referent = self.discourse.person_for(
                    lower, start, self.exclude, self._clause_mates(root)
                )
                if referent is None:
                    return None, "person", False
                self.antecedent = referent.named_at
                return referent.name, "person", False
            if lower in GROUP_PRONOUNS:
                return (*self._latest_group(start), True)
            if lower in THING_PRONOUNS:
                # the organization speaking, or the subject of this or the previous
                # paragraph; "it" more often stands for a thing (a lawsuit, a report)
                referent = self.discourse.salient_organization(start, self.exclude)
                if referent is None:
                    return None, None, False
                self.antecedent = referent.named_at
                return referent.name, "organization", False
            return None, None, False
        # a relative clause inside the mention names what the source says, not the source
        # ("a new poll that shows more voters view Clinton unfavorably")
        clause = {t.i for c in root.children if c.dep_ in {"relcl", "acl"} for t in c.subtree}
        inside = [
            e
            for e in self.ents
            if span.start <= e.start and e.end <= span.end and e.start not in clause
        ]
        persons = [e for e in inside if e.label_ == "PERSON"]
        orgs = [e for e in inside if e.label_ in ORG_LABELS]
        several = next(
            (r for r in self.groups if persons and any(e.start == persons[0].start for e in r)),
            None,
        )
        if several is not None:
            # "Sens. A, B and C", "A and B": one speaker, a group named with all of them
            return join_names([self._full_name(e) for e in several]), "group", True
        description = self._description(root)
        possessor = next((c for c in root.children if c.dep_ == "poss"), None)
        if not persons and not plural and root.pos_ in {"NOUN", "PROPN"}:
            # "the engineer" after "Jane Roe, a company engineer": the person named earlier;
            # a bare title, as in a headline ("Mayor: ..."), the person given that title
            determiner = _determiner(root)
            lemma = root.lower_ if root.pos_ == "PROPN" else root.lemma_.lower()
            earlier = [r[2] for r in self.roles if r[1] == lemma and r[0] < start]
            if determiner in {"the", "that", "this"} and earlier:
                return earlier[-1], "person", False
            bare = determiner is None and len(span) == 1 and lemma in self.titles
            later = [r[2] for r in self.roles if r[1] == lemma and r[0] > start]
            if bare and (earlier or later):
                return (earlier or later)[-1 if earlier else 0], "person", False
        named = [t for t in span if t.dep_ not in STRIP_DEPS and t.lower_ not in self.titles]
        if root.is_title and named == [root] and root.lower_ in self.surnames:
            # a surname alone, whatever the tagger made of it ("said Pike")
            return self.surnames[root.lower_], "person", False
        appositive = self._appositive(root, description, start)
        if appositive is not None:
            return appositive
        # a lowercase word the tagger took for a proper noun ("the business mogul") is a noun
        common = root.pos_ == "NOUN" or (root.pos_ == "PROPN" and root.text.islower())
        if not persons and not plural and common:
            determiner = _determiner(root)
            lemma = root.lemma_.lower()
            if (
                determiner in {"the", "that", "this"}
                and self.descriptions.get(lemma) == "person"
                and lemma not in self.anonymous
            ):
                # "the New York businessman", "the senator": the person the reader has in
                # mind (the current speaker, else the latest subject), if the gender fits
                gender = word_gender(root) or "any"
                referent = self.discourse.salient_person(start, gender, self.exclude)
                if referent is None:
                    return None, "person", False
                self.antecedent = referent.named_at
                return referent.name, "person", False
        if root.ent_type_ == "PERSON" or (
            persons and root.i >= persons[-1].start and root.i < persons[-1].end
        ):
            return self._full_name(persons[-1] if persons else span), "person", False
        if (
            orgs
            and len(orgs[-1]) == 1
            and root.i == orgs[-1].start
            and root.lower_ in self.surnames
        ):
            # "Palin's posts" with "Palin" tagged as an organization: Sarah Palin
            return self.surnames[root.lower_], "person", False
        if root.ent_type_ in ORG_LABELS and orgs:
            org = orgs[-1]
            name = self._fullest_organization(_org_name(org.text))
            if org.label_ == "NORP" and plural:
                return name, "group", True
            if description:
                self.described[description] = (name, "organization")
            return name, "organization", False
        if description and orgs and orgs[-1].label_ == "ORG" and orgs[-1].start == root.i + 1:
            # "the think tank Harbour Policy Institute"
            name = _org_name(orgs[-1].text)
            self.described[description] = (name, "organization")
            return name, "organization", False
        if description and self.descriptions.get(description) == "organization":
            if possessor is not None:
                key = f"{description}:{possessor.lower_}"
                if key in self.described:
                    return (*self.described[key], False)
                owner = None
                if possessor.lower_ in {"his", "her"}:
                    owner = self.discourse.person_for(possessor.lower_, start, self.exclude)
                if owner is not None:
                    # "Her office" after "Mayor Ingrid Solberg": the mayor's office
                    self.antecedent = owner.named_at
                    return f"{owner.name}'s {root.lower_}", "organization", False
            if persons or orgs:
                tokens = [t for t in span if t.dep_ not in {"det"}]
                if persons and persons[-1].start > root.i:
                    tokens = [t for t in tokens if t.i < persons[-1].start]
                name = _canonical_text(tokens)
                for person in persons:
                    self.described[f"{description}:{person[-1].lower_}"] = (name, "organization")
                self.described[description] = (name, "organization")
                return name, "organization", False
            if description in self.described:
                return (*self.described[description], False)
            if doc[root.left_edge.i].lower_ == "the":
                latest = self._latest_organization(root, description, start)
                if latest:
                    return latest, "organization", False
            if description in outlets().descriptions:
                # "the newspaper" with no outlet named before: no speaker to make up
                return None, None, False
            # an institution named by its description ("the regional chamber of commerce")
            tokens = self._description_tokens(span, root, plural)
            return _canonical_text(tokens) or None, "group" if plural else "organization", plural
        if lower in self.anonymous or (root.lemma_.lower() in self.anonymous):
            tokens = self._description_tokens(span, root)
            if plural:
                group = self._group_name(root)
                own = _canonical_text(tokens)
                return (own if len(own) > len(group) else group), "anonymous", True
            if tokens == [root] and _determiner(root) in {"the", "that", "this"}:
                # "the aide" after "A Republican committee aide blasted ...": that one
                earlier = self._earlier_description(root, start)
                if earlier:
                    return earlier, "anonymous", False
            if tokens == [root]:
                # "one official": the affiliation the article gave its officials ("US").
                affiliation = self._affiliation(root, start)
                if affiliation:
                    return f"{affiliation} {root.lemma_.lower()}", "anonymous", False
            return _canonical_text(tokens), "anonymous", False
        if description and description in self.described:
            return (*self.described[description], False)
        named_owner = possessor or next(
            (
                c
                for c in root.children
                if c.dep_ in {"nmod", "compound"} and c.ent_type_ == "PERSON" and c.i < root.i
            ),
            None,
        )
        if plural and named_owner is not None and root.pos_ == "NOUN":
            # "his supporters", "Sanders' supporters": Bernie Sanders's supporters
            owner = self._owner(named_owner, start)
            words = [
                t
                for t in self._description_tokens(span, root, plural)
                if t.i > named_owner.i and not t.is_punct and t.lower_ not in {"'s", "’s"}
            ]
            if owner is not None and words:
                return f"{owner}'s {_canonical_text(words).lower()}", "group", True
        if persons:
            return self._full_name(persons[-1]), "person", False
        if root.pos_ == "PROPN" and not common:
            # only the proper name around the head: "Pence himself" -> Pence
            name = self._person_name(_canonical_text(_proper_name(span, root)))
            if not _looks_like_name(name):
                return None, None, False
            if name.split()[-1].lower() in self.organization_words or is_outlet(name):
                return name, "organization", False  # "Right Wing Watch", untagged
            return self.surnames.get(name.lower(), name), "person", False
        tokens = self._description_tokens(span, root, plural)
        lemma = root.lemma_.lower()
        kind = self.descriptions.get(description or "") or ("group" if plural else None)
        if kind == "collective":
            kind = "group"  # "the crowd", "the audience": a group in the singular
        elif kind == "group" and not plural:
            kind = None
        if kind == "person" and plural:
            kind = "group"  # "most candidates", "the candidates themselves"
        if kind is None and not persons and _unnamed(root):
            kind = "anonymous"
        if kind is None and not plural and root.pos_ == "NOUN" and lemma not in self.documents:
            determiner = _determiner(root)
            if determiner in INDEFINITE:
                # "a reporter asked", "one voter said": someone the article does not name
                return _canonical_text(tokens) or None, "anonymous", False
            # "the magazine", "his late son": no name to give; the editor picks the
            # speaker rather than accept a made-up one (a document without an author, "the
            # new poll", keeps its own words: it is what the article cites)
            return None, None, False
        return _canonical_text(tokens) or None, kind, plural

    def _explain(self, mention: tuple[int, int], name: str | None) -> tuple[int, int] | None:
        """Where the speaker is named, when the mention itself does not spell the name
        ("he", "the newspaper", "Pike" after "Graham Pike"): the antecedent's offsets."""
        if not name:
            return None
        if self.antecedent is not None:
            return self.antecedent
        words = doc_text(self.doc)[mention[0] : mention[1]].lower()
        if name.lower() in words:
            return None
        referent = self.discourse.latest_named(name, mention[0])
        return referent.named_at if referent is not None else None

    def _junk(self, span: Span, root: Token) -> bool:
        """A mention that names no source: a nickname in quotation marks ("“Crooked
        Hillary”"), a clause or a participle phrase."""
        text = doc_text(self.doc)
        before = text[: span.start_char].rstrip()[-1:]
        after = text[span.end_char :].lstrip()[:1]
        if before and after and before in OPENING_MARKS and after in CLOSING_MARKS:
            return True
        # a clause ("the meanest he ever got", "Biden rubbished Trump") or a verb is no
        # source's name; a relative clause inside the mention is ("a poll that shows ...")
        if root.pos_ == "ADJ" and self._partitive(root) is None:
            return True
        described = {t.i for c in root.children if c.dep_ in {"relcl", "acl"} for t in c.subtree}
        if any(
            t.pos_ == "VERB"
            and t.i not in described
            and any(c.dep_ in SUBJECT_DEPS and span.start <= c.i < span.end for c in t.children)
            for t in span
        ):
            return True
        return root.pos_ in {"VERB", "AUX"} or root.tag_ in {"VBG", "VBN", "VBD", "VBZ", "VBP"}

    def _author(self, root: Token, span: Span) -> Token | None:
        """The author of a document named as the source: "a report by X", "a statement
        from X", "a study published on Friday by X"."""
        if root.lemma_.lower() not in self.documents or root.ent_type_:
            return None
        owners = [
            c
            for c in root.children
            if c.dep_ in {"compound", "poss"} and _names(c, people=False) and c.i < root.i
        ]
        if owners:
            # "Justice Department letters", "the agency's report": the organization
            return owners[-1]
        for token in span:
            if token.lower_ not in {"by", "from"} or token.dep_ not in {"prep", "agent"}:
                continue
            head = token.head
            if head == root or (head.dep_ == "acl" and head.head == root):
                return next((c for c in token.children if c.dep_ == "pobj"), None)
        return None

    def _earlier_description(self, root: Token, offset: int) -> str | None:
        """The fuller description of the latest earlier mention with the same noun, in this
        paragraph or the one before ("A Republican committee aide" for "the aide")."""
        paragraph = self.discourse.paragraph(offset)
        lemma = root.lemma_.lower()
        for token in reversed(self.doc[: root.i]):
            if self.discourse.paragraph(token.idx) < paragraph - 1:
                return None
            if token.lemma_.lower() != lemma or token.pos_ != "NOUN" or token.tag_ != root.tag_:
                continue
            if self.discourse.is_quoted(token.idx):
                continue
            words = self._description_tokens(self._phrase(token), token)
            if len(words) > 1:
                self.antecedent = (words[0].idx, words[-1].idx + len(words[-1]))
                return _canonical_text(words)
        return None

    def _owner(self, possessor: Token, offset: int) -> str | None:
        """The person a possessive names or stands for ("his", "Sanders'")."""
        if possessor.lower_ in {"his", "her"}:
            owner = self.discourse.person_for(possessor.lower_, offset, self.exclude)
            if owner is not None:
                self.antecedent = owner.named_at
            return owner.name if owner else None
        ent = next((e for e in self.ents if e.start <= possessor.i < e.end), None)
        if ent is not None and ent.label_ == "PERSON":
            return self._full_name(ent)
        return None

    def _clause_mates(self, pronoun: Token) -> set[str]:
        """The people named as the other arguments of the pronoun's own verb: "he told
        Hannity", "she thanked Ruiz" (a pronoun never stands for them)."""
        verb = pronoun.head
        tokens = [c for c in verb.children if c.dep_ in {"dobj", "dative", "iobj", "attr"}]
        tokens += [
            g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
        ]
        names = set()
        for token in tokens:
            ent = next(
                (e for e in self.ents if e.label_ == "PERSON" and e.start <= token.i < e.end),
                None,
            )
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
        person = next(
            (e for e in self.ents if e.label_ == "PERSON" and e.start <= subject.i < e.end), None
        )
        wanted = pronouns()[pronoun.lower_].gender if pronoun.lower_ in pronouns() else "any"
        if person is None:
            return None
        name = self._full_name(person)
        known = self.discourse.gender(name)
        if known and wanted in {"f", "m"} and known != wanted:
            return None
        self.antecedent = (person.start_char, person.end_char)
        return name, "person", False

    def _role_word(self, token: Token) -> bool:
        """A title or a word for a role or an unnamed source, not a name ("Pastor")."""
        word = token.lower_.rstrip(".")
        return (
            word in self.titles or word in self.anonymous or self.descriptions.get(word) == "person"
        )

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
        named = self.discourse.latest_named(name, offset)
        self.antecedent = named.named_at if named else None
        return name, "person", False

    def _partitive(self, root: Token) -> Token | None:
        """The group a quantity is part of: "voters" in "30 percent of voters", "his
        supporters" in "some of his supporters", "Kasich supporters" in "Among Kasich
        supporters, 61 percent said ..." (an "among" phrase before it, in its sentence or the
        one before in the same paragraph)."""
        quantities = word_list("quantities.txt")
        if not (root.like_num or root.lower_ in quantities or root.lemma_.lower() in quantities):
            return None
        for prep in root.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                return next((c for c in prep.children if c.dep_ == "pobj"), None)
        sentence = root.sent
        start = sentence.start
        if start > 0:
            before = self.doc[start - 1].sent
            if self.discourse.paragraph(before.start_char) == self.discourse.paragraph(
                sentence.start_char
            ):
                start = before.start
        among = [
            c
            for t in self.doc[start : root.i]
            if t.lower_ == "among"
            for c in t.children
            if c.dep_ == "pobj"
        ]
        return among[-1] if among else None

    def _phrase(self, head: Token) -> Span:
        """The words of ``head``'s phrase, with all of the entity it belongs to ("The
        Associated Press report": the article hangs on "report", the name is whole)."""
        start, end = head.left_edge.i, head.right_edge.i + 1
        if head.ent_iob_ != "O":
            ent = next((e for e in self.ents if e.start <= head.i < e.end), None)
            if ent is not None:
                start, end = min(start, ent.start), max(end, ent.end)
        return self.doc[start:end]

    def _earlier_author(self, root: Token, offset: int) -> tuple[str, str, bool] | None:
        """The author of a document named again by its noun alone ("the summary", "the
        poll"): the name that qualified the latest earlier mention of that noun ("an FBI
        summary", "the Marist poll", "Reuters' report")."""
        lemma = root.lemma_.lower()
        if lemma not in self.documents or root.ent_type_:
            return None
        if _determiner(root) not in {"the", "this", "that"} or any(
            c.dep_ in {"compound", "poss", "amod"} and c.ent_type_ for c in root.children
        ):
            return None
        for token in reversed(self.doc[: root.i]):
            if token.idx >= offset or token.lemma_.lower() != lemma or token.pos_ != "NOUN":
                continue
            names = [t for t in token.lefts if t.dep_ in {"compound", "poss"} and _names(t)]
            if not names:
                continue
            words = [t for t in names[-1].subtree if _names(t) and t.dep_ != "case"]
            if not words:
                continue
            self.antecedent = (words[0].idx, words[-1].idx + len(words[-1]))
            text = _canonical_text(words)
            if words[-1].ent_type_ == "PERSON":
                return self._person_name(text), "person", False
            return self._fullest_organization(_org_name(text)), "organization", False
        return None

    def _antecedent(
        self, noun: Token, *, person: bool = False
    ) -> tuple[str | None, str | None, bool]:
        """The speaker a relative pronoun stands for: "Ana Ruiz, ..., who told ..."
        (``person``: the pronoun is "who", so the noun names people)."""
        for ent in self.ents:
            if ent.start <= noun.i < ent.end:
                if ent.label_ == "PERSON" or (len(ent) == 1 and ent.text.lower() in self.surnames):
                    # "said Elmendorf, who ...", whatever the tagger made of the surname
                    return self._full_name(ent), "person", False
                if ent.label_ in ORG_LABELS:
                    return _org_name(ent.text), "organization", False
        if noun.dep_ == "appos":
            # "Yevgeny Kopachko, a pollster who ...": the person the appositive describes
            head = next((e for e in self.ents if e.start <= noun.head.i < e.end), None)
            if head is not None and head.label_ == "PERSON":
                return self._full_name(head), "person", False
        author = self._author(noun, self.doc[noun.left_edge.i : noun.i + 1])
        if author is not None:
            # "the Associated Press report, which notes ...": the report's author
            return self._resolve(self._phrase(author), author, author.idx)
        plural = noun.tag_ in {"NNS", "NNPS"}
        if noun.lemma_.lower() in self.anonymous:
            return (self._group_name(noun) if plural else None), "anonymous", plural
        lemma = noun.lemma_.lower()
        someone = person or lemma in self.anonymous or self.descriptions.get(lemma) == "person"
        if noun.pos_ == "NOUN" and (plural or (someone and _determiner(noun) in INDEFINITE)):
            # "national-delegate candidates who pledged ...": the group its words describe;
            # "an NBC reporter who has been asking": someone the article does not name
            return self._resolve(self.doc[noun.left_edge.i : noun.i + 1], noun, noun.idx)
        return None, "group" if plural else None, plural

    def _description_tokens(self, span: Span, root: Token, plural: bool = False) -> list[Token]:
        """The words that describe a source: no article, number or possessive before the
        head, the modifiers after it, but not a relative clause ("who asked not to ...")."""
        clauses = {
            t.i for c in root.children if c.dep_ == "relcl" and c.i > root.i for t in c.subtree
        }
        # a common-noun possessor describes the source ("Doctors’ groups", "the nurses’
        # union"); a name or pronoun one does not ("Kostin’s office", "its director")
        owners = {
            t.i
            for c in root.children
            if c.dep_ == "poss" and c.pos_ == "NOUN" and c.i < root.i
            for t in c.subtree
            if t.dep_ != "det"
        }
        tokens = [
            t
            for t in span
            if t.i not in clauses
            and (
                t.i > root.i
                or t.i in owners
                or (
                    t.dep_ not in STRIP_DEPS
                    and t.dep_ != "case"
                    and not t.like_num
                    # "virtually all the attendees": the adverb goes with the quantity
                    and not (t.dep_ == "advmod" and t.head.dep_ in STRIP_DEPS)
                )
            )
        ]
        while tokens and tokens[-1].is_punct:
            tokens.pop()
        if tokens == [root] and plural:
            # a bare plural keeps its quantifier ("both sides", "many parents")
            tokens = [
                t
                for t in span
                if t.lower_ not in ARTICLES
                and not t.like_num
                and t.pos_ not in {"ADP", "NUM", "ADV"}
            ]
        # "the candidates themselves": the reflexive is not part of the description
        return [
            t for t in tokens if not (t.pos_ == "PRON" and t.lower_.endswith(("self", "selves")))
        ]

    def _appositive(
        self, root: Token, description: str | None, offset: int
    ) -> tuple[str, str, bool] | None:
        """The name in an appositive is the speaker ("The port operator, Acme Ports, said"):
        its kind comes from the description, else from the named entity."""
        if root.ent_type_ or root.pos_ == "PROPN":
            return None
        for child in root.children:
            if child.dep_ != "appos" or child.pos_ != "PROPN":
                continue
            ent = next((e for e in self.ents if e.start <= child.i < e.end), None)
            if ent is not None:
                text = ent.text
            else:
                lefts = [t for t in child.lefts if t.dep_ in {"compound", "flat"}]
                text = "".join(t.text_with_ws for t in [*lefts, child])
            kind = self.descriptions.get(description or "")
            if kind is None and ent is not None:
                if ent.label_ == "PERSON":
                    kind = "person"
                elif ent.label_ in ORG_LABELS:
                    kind = "organization"
            if kind == "person":
                name = self._person_name(text)
            elif kind == "organization":
                name = _org_name(text)
                self._add_organization(offset, name)
            else:
                continue
            if description:
                self.described[description] = (name, kind)
            return name, kind, False
        return None

    def _add_organization(self, offset: int, name: str) -> None:
        """An organization the tagger missed or took for a person."""
        self.people = [p for p in self.people if p[1] != name]
        self.surnames = {k: v for k, v in self.surnames.items() if v != name}
        self.organizations = sorted([*self.organizations, (offset, name)])

    def _latest_organization(self, root: Token, description: str, offset: int) -> str | None:
        """The organization a description ("the company", "the union") refers back to: the
        latest named with that noun, else the latest not named as another kind of
        institution, unless the description says more than its noun."""
        earlier = [
            name
            for position, name in self.organizations
            if position < offset and name not in self.nationalities
        ]
        if description in outlets().descriptions:
            # "the newspaper", "the daily", "the paper": the news outlet named before, and
            # never another kind of organization
            named_outlets = [n for n in earlier if is_outlet(n) or n in self.outlet_names]
            if not named_outlets:
                return None
            return self._fullest_organization(named_outlets[-1])
        nouns = {root.lower_, root.lemma_.lower(), description}
        extra = {t.lower_ for t in root.children if t.dep_ in {"compound", "amod", "prep"}}
        extra -= set(description.split())
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

        # an institution described earlier with the same noun but never named ("The
        # transit agency's board ..." ... "the agency") before a name with another noun
        unnamed = self._unnamed_institution(root, offset)
        if unnamed is not None:
            return unnamed
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
            if not self._other_institution(n) and not is_outlet(n) and n not in self.outlet_names
        ]
        # never a news outlet: "the foundation" is not the paper that reports on it
        return compatible[-1] if compatible else None

    def _named_description(self, root: Token, offset: int) -> str | None:
        """The latest earlier noun phrase with the same head that a name qualifies ("the
        Clinton campaign", "Trump's campaign"): the name and the noun ("Clinton campaign")."""
        lemma = root.lemma_.lower()
        for token in reversed(self.doc[: root.i]):
            if token.idx >= offset or token.lemma_.lower() != lemma or token.pos_ != "NOUN":
                continue
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

    def _fullest_organization(self, name: str) -> str:
        """The fullest name the article gives an organization: "Post" -> "Riverton Post",
        "Northline" -> "Northline Ferries" (a short name that ends an outlet's name, or
        begins a name that adds only organization words)."""
        words = name.lower().split()
        best = name
        if name.isupper() and 2 <= len(name) <= 6:
            # an acronym: the name whose capitalised words it abbreviates ("IMF")
            for _, other in self.organizations:
                initials = "".join(w[0] for w in other.split() if w[:1].isupper())
                if initials == name and len(other.split()) > 1:
                    return other
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
                and all(t.pos_ in {"NOUN", "ADJ"} and not t.ent_type_ for t in modifiers)
                and any(t.dep_ == "det" and t.lower_ == "the" for t in lefts)
                and token.dep_ != "appos"
                and not any(c.dep_ == "appos" for c in token.children)
                and not (token.i + 1 < len(self.doc) and self.doc[token.i + 1].ent_type_)
            ):
                found = _canonical_text([*modifiers, token])
        return found

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
                and (t.pos_ == "PROPN" or t.ent_type_ in {"NORP", "GPE", "ORG"})
            ]
            if names:
                return "".join(t.text_with_ws for t in names).strip()
        return None

    def chunks(self) -> list[Span]:
        """The doc's noun chunks, computed once and only when a group needs them."""
        if self._chunks is None:
            self._chunks = list(self.doc.noun_chunks)
        return self._chunks

    def _description(self, root: Token) -> str | None:
        compound = " ".join(
            [c.lower_ for c in root.children if c.dep_ == "compound"] + [root.lemma_.lower()]
        )
        if compound in self.descriptions:
            return compound
        lemma = root.lemma_.lower()
        return lemma if lemma in self.descriptions else None

    def _person_name(self, text: str) -> str:
        """The name without possessive and leading titles ("Mayor Ana Ruiz's" -> "Ana Ruiz")."""
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
        key = _surname(words)
        self.surnames.setdefault(key, name)
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

    def _latest_group(self, offset: int) -> tuple[str | None, str | None]:
        """What "they" stands for: the latest plural source named before it (anonymous
        sources, "senior officials"), plural speaker, or several people named together."""
        best: tuple[int, str, str, tuple[int, int]] | None = None
        for chunk in self.chunks():
            if chunk.start_char >= offset:
                break
            root = chunk.root
            if root.tag_ in {"NNS", "NNPS"} and root.lemma_.lower() in self.anonymous:
                at = (chunk.start_char, chunk.end_char)
                best = (chunk.start_char, self._group_name(root), "anonymous", at)
        group = self.discourse.group_for(offset, self.exclude)
        if group is not None and (best is None or group.position >= best[0]):
            best = (group.position, group.name, group.kind, group.named_at)
        if best is None:
            return None, "group"
        self.antecedent = best[3]
        return best[1], best[2]

    def _group_name(self, root: Token) -> str:
        """The fullest description of a group of sources used in the article that keeps this
        mention's own words ("senior officials" -> "senior U.S. officials", but "federal
        officials" are not "law enforcement officials")."""
        own = {t.lower_ for t in root.subtree if t.i < root.i and t.dep_ in {"amod", "compound"}}
        best: list[Token] = []
        for chunk in self.chunks():
            if chunk.root.lower_ == root.lower_ and own <= {t.lower_ for t in chunk}:
                tokens = [
                    t
                    for t in chunk
                    if t.dep_ not in STRIP_DEPS and not t.like_num and not t.is_punct
                ]
                if len(tokens) > len(best):
                    best = tokens
        return _canonical_text(best)

    @staticmethod
    def _latest(entries: list[tuple[int, str]], offset: int) -> str | None:
        found = None
        for position, name in entries:
            if position >= offset:
                break
            found = name
        return found


@Language.factory("newsdesk_speakers")
def make_speaker_resolver(nlp: Language, name: str) -> SpeakerResolver:
    return SpeakerResolver()
