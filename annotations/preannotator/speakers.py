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
    Referent,
    is_outlet,
    join_names,
    outlets,
    word_gender,
)
from .lexicon import doc_text, lexicon, read_list
from .rules.records import Attribution
from .speaker_article import ArticleNames
from .speaker_described import DescribedSources
from .speaker_descriptions import AGE, Descriptions
from .speaker_documents import NOT_AUTHORS, Documents
from .speaker_entities import COMPANY_NOUNS, EntityLabels
from .speaker_first_person import FirstPerson
from .speaker_groups import Groups
from .speaker_names import PeopleNames
from .speaker_organizations import Organizations
from .speaker_pronouns import Pronouns
from .speaker_text import (
    CLOSING_MARKS,
    COLLECTIVE_FIRST_WORDS,
    EPITHET_BODIES,
    GROUP_QUANTIFIERS,
    INDEFINITE,
    MEMBERS,
    OPENING_MARKS,
    ORG_LABELS,
    PRINT_OUTLETS,
    RELATIVE_PRONOUNS,
    STRIP_DEPS,
    UNRESOLVED,
    canonical_text,
    clause_tokens,
    counted_crowd,
    counted_one,
    determiner_of,
    looks_like_name,
    org_name,
    proper_name,
    role_word,
    tidy_name,
    unpunctuated_appositive,
)

# the words that open a relative clause
RELATIVE_OPENERS = {*RELATIVE_PRONOUNS, "whom", "whose"}
# the offices a capitalised title gives a person the article goes on about ("the Foreign
# Secretary", "The Labour MP"), not "the Inspector General" nor a newspaper's "Leader"
OFFICES = {"secretary", "minister", "mp", "chancellor", "premier", "senator", "governor", "mayor"}


# the kinds of description that name a source ("the owner of the group involved in ...")
SOURCE_KINDS = {"person", "organization", "relation"}


# offices one person seldom holds together: an epithet naming one is not a holder of another
# (the titled offices above but a member's seat, and offices not given as titles)
SEPARATE_OFFICES = (OFFICES - {"mp"}) | {
    "president",
    "congressman",
    "congresswoman",
    "judge",
    "ambassador",
    "sheriff",
    "commissioner",
}
# ... except these ("the minister" for a secretary of state or the chancellor)
SAME_OFFICE = {
    "minister": {"secretary", "chancellor", "premier"},
    "secretary": {"minister"},
    "premier": {"minister"},
}


# people named by whom they follow or oppose: "Fans of Hillary Clinton said ..." are the
# fans, not Clinton
FOLLOWERS = {
    "fan",
    "supporter",
    "friend",
    "ally",
    "critic",
    "opponent",
    "admirer",
    "follower",
    "backer",
    "detractor",
}


class SpeakerResolver(
    ArticleNames,
    EntityLabels,
    PeopleNames,
    Pronouns,
    FirstPerson,
    Descriptions,
    DescribedSources,
    Documents,
    Organizations,
    Groups,
):
    """Pipeline component: fills ``speaker_name`` and ``speaker_kind`` on the attributions."""

    def __init__(self) -> None:
        lex = lexicon()
        # the rules' source nouns, and the epithets, institutions and collective nouns only
        # the resolver reads
        self.descriptions = {
            # "the magazine", "the daily": a news outlet named before ("the website" and
            # "the network" are as often something else)
            **dict.fromkeys(PRINT_OUTLETS, "organization"),
            **lex.descriptions,
            **{row[0].lower(): row[1] for row in read_list("speaker_descriptions.txt")},
        }
        self.anonymous = lex.anonymous_nouns
        self.titles = lex.titles
        self.organization_words = lex.organization_words
        self.documents = lex.documents
        self.document_kinds = {row[0].lower(): row[1] for row in read_list("document_kinds.txt")}
        # verb -> how it takes the document: None for its object, or prepositions
        self.authoring_verbs = {
            row[0].lower(): {None} if len(row) == 1 else set(row[1].split(","))
            for row in read_list("authoring_verbs.txt")
        }
        self.cue_verbs = lex.cue_verbs

    def __call__(self, doc: Doc) -> Doc:
        self._meet(doc)
        # the attribution resolved just before (what "the statement" may be)
        self.previous: Attribution | None = None
        speaking: Attribution | None = None  # the latest source not inside others' words
        self.asker: frozenset[str] = frozenset()
        # the attributions resolved so far, by where their source is mentioned
        self.resolved: dict[int, Attribution] = {}
        attributions = doc._.attributions or []
        reported = _reported_by_others(attributions)
        for attribution in sorted(attributions, key=_read_at):
            if attribution.mention is None:
                if attribution.cue is None and speaking is not None:
                    # a quote with no cue goes on with the latest speaker, not with someone
                    # the speaker reported ("Carter said that some critics had predicted
                    # ...", then a quote: Carter's)
                    attribution.speaker_name = speaking.speaker_name
                    attribution.speaker_kind = speaking.speaker_kind
                continue
            # who just asked a question ('"That would be you?" Borger asked. "That would
            # be me," the senator said.'): a description of the next speaker is not them
            previous = self.previous
            self.asker = frozenset(
                [previous.speaker_name]
                if previous is not None and previous.speaker_name and self._asks(previous)
                else []
            )
            name, kind, plural = self.resolve(attribution)
            same = self.resolved.get(attribution.mention[0])
            if (
                same is not None
                and same.mention == attribution.mention
                and same.speaker_name
                and (name is None or (same.speaker_antecedent and self.antecedent is None))
            ):
                # the same words name the source of two quotes ("..., it said, adding that
                # ..."): who the first found named, where the second, read after it, found
                # no one or only the mention's own words
                name, kind = same.speaker_name, same.speaker_kind
                plural, self.antecedent = kind == "group", same.speaker_antecedent
            if name is None:
                # unsure who speaks: no speaker, and say so in the confidence
                attribution.confidence *= UNRESOLVED
            attribution.speaker_name, attribution.speaker_kind = name, kind
            antecedent = self._explain(attribution.mention, name)
            attribution.speaker_antecedent = antecedent
            words = doc_text(doc)[slice(*attribution.mention)].lower()
            if name and words not in RELATIVE_PRONOUNS:
                # a relative clause's source ("Pat Robertson, who had condemned ...") is in
                # the background: the next "he said" is the main clauses' speaker; so is a
                # source inside someone else's words ("Lewandowski said that the candidate
                # was not contradicting ...": the next "he said" is Lewandowski)
                referent = Referent(
                    name, kind or "", antecedent or attribution.mention, 0, 0, plural
                )
                if id(attribution) in reported:
                    self.discourse.reported(referent, attribution.mention)
                else:
                    self.discourse.spoke(referent, attribution.mention)
            self.previous = attribution
            self.resolved[attribution.mention[0]] = attribution
            # a source inside quotation marks is named in someone's words ('"We can't get
            # our money back and the company want double," she said'): not the next speaker
            quoted = self.discourse.is_quoted(attribution.mention[0])
            if id(attribution) not in reported and not quoted:
                speaking = attribution
        self._first_person_quoted(attributions)
        for attribution in attributions:
            # "the operator" said ... before "The operator, Northern Rail Link, says ...":
            # a bare description named later in the article is that name
            bare = (attribution.speaker_name or "").lower()
            if attribution.speaker_kind == "organization" and bare in self.described:
                attribution.speaker_name, attribution.speaker_kind = self.described[bare]
            if attribution.speaker_kind == "organization" and attribution.speaker_name:
                attribution.speaker_name = self._named_with_s(attribution.speaker_name)
        return doc

    def _named_with_s(self, name: str) -> str:
        """An organization's name with the "'s" it always has in the text ("McDonald's has
        apologized", "Sainsbury's said"), which the name's spelling drops as a possessive."""
        if name in self._with_s:
            return self._with_s[name]
        text = doc_text(self.doc)
        if text.count(name) != text.count(f"{name}'s") + text.count(f"{name}’s"):
            self._with_s[name] = name  # written somewhere without it
            return name
        # always with it, and somewhere not as a possessive: "McDonald's has apologized"
        # (not only "the commission's decision")
        found = [m.end() for m in re.finditer(rf"\b{re.escape(name)}\b", text)]
        marks = {t.idx: t for t in self.doc if t.lower_ in {"'s", "’s"}} if found else {}
        named = any(
            end in marks
            and marks[end].i + 1 < len(self.doc)
            and self.doc[marks[end].i + 1].pos_ in {"VERB", "AUX"}
            for end in found
        )
        self._with_s[name] = f"{name}'s" if named else name
        return self._with_s[name]

    def _first_person_quoted(self, attributions: list[Attribution]) -> None:
        """ "I" inside what a person said is that person ('"I pray to God ... I also pray
        ...," the President concluded'), whoever else the text named before."""
        text = doc_text(self.doc)
        for attribution in attributions:
            if attribution.mention is None:
                continue
            start, end = attribution.mention
            if text[start:end].lower() not in {"i", "me"}:
                continue
            owner = next(
                (
                    other
                    for other in attributions
                    if other is not attribution
                    and any(a <= start and end <= b for a, b in other.fragments)
                ),
                None,
            )
            if owner is None or owner.speaker_kind != "person" or not owner.speaker_name:
                continue
            labelled = owner.cue is not None and text[slice(*owner.cue)] == ":"
            if owner.kind != "direct" and not labelled and not self.discourse.is_quoted(start):
                # "Brafman said he had concluded that I was ...": the writer; but "Rubio: I
                # still believe ..." is Rubio
                continue
            attribution.speaker_name, attribution.speaker_kind = owner.speaker_name, "person"
            attribution.speaker_antecedent = owner.speaker_antecedent or owner.mention

    def resolve(self, attribution: Attribution) -> tuple[str | None, str | None, bool]:
        doc = self.doc
        self.antecedent: tuple[int, int] | None = None
        self.exclude = list(attribution.fragments)
        self.direct = attribution.kind == "direct"
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
        root = self._unpunctuated_appositive(span, root)
        name, kind, plural = self._resolve(span, root, start)
        tidy = tidy_name(name)
        return tidy, kind if tidy or not name else None, plural

    def _in_content(self, offset: int) -> bool:
        """Whether ``offset`` falls in the quote's own words."""
        return any(a <= offset < b for a, b in self.exclude)

    def _resolve(self, span: Span, root: Token, start: int) -> tuple[str | None, str | None, bool]:
        doc = self.doc
        share = self._bare_share(span, root, start)
        if share is not None:
            return share
        if self._junk(span, root):
            return None, None, False
        named = self._named_right_before(span, root)
        if named is not None:
            # "Dr Mike Watts head of exploration said": the name just before the role
            self.antecedent = (named.start_char, named.end_char)
            return self._full_name(named), "person", False
        if root.i in self.named_below:
            # "A woman who has accused him said ...", named in the next lines
            named = self.named_below[root.i]
            self.antecedent = (named.start_char, named.end_char)
            return self._full_name(named), "person", False
        found = self._document_source(span, root, start)
        if found is not None:
            return found
        named = self._named_as(root, span)
        if named is not None and named.label_ == "ORG":
            # "a new group called Voters First": the name given
            self.antecedent = (named.start_char, named.end_char)
            return self._fullest_organization(org_name(named.text)), "organization", False
        if named is not None:
            # "a man named John Hale": the name given
            self.antecedent = (named.start_char, named.end_char)
            return self._person_name(named.text), "person", False
        participles = [
            c
            for c in root.children
            if c.dep_ == "acl" and c.tag_ in {"VBN", "VBG"} and span.start <= c.i < span.end
        ]
        # people a participle describes are a source ("officials involved with the groups",
        # "a judge handling the lawsuit", "those surveyed", "Police investigating the
        # murder"); otherwise a participle phrase
        # ("Audio obtained by the Tribune", "a fact sheet lawmakers released Monday") is not
        # a source's name
        people = (
            root.lower_ in GROUP_QUANTIFIERS
            or root.lower_ == "police"
            or (
                (
                    root.lemma_.lower() in self.anonymous
                    # "the body overseeing the vote", "officials involved with the groups"
                    or self.descriptions.get(root.lemma_.lower()) in SOURCE_KINDS
                )
                and all(any(g.dep_ in {"prep", "dobj"} for g in c.children) for c in participles)
            )
        )
        if not root.ent_type_ and participles and not people:
            lead = self._introduced_in_lead(root, start)
            if lead is not None:
                # "A US airline attendant suspended over ... says ...", named next
                return lead, "person", False
            return None, None, False
        if span.text == "A" and self.discourse.is_answer(start):
            return self._interviewee(start)  # "A: ..." answers: the person interviewed
        label = self.discourse.turn_label(start, label=True)
        if label is not None and span.text.title() == label:
            # a transcript's speaker label ("WALLACE: ..."): the person named with that
            # surname, else the label in title case, as "I" in the turn is
            return self._turn_speaker(label), "person", False
        if span.text == "Q" and self.discourse.is_question(start):
            return None, None, False  # "Q: ..." the interviewer, whom the text seldom names
        part_of = self._partitive(root)
        if part_of is not None and part_of.lower_ in {"whom", "which"}:
            # "Sens. A, B and C, all of whom opposed the deal": the people just named
            return self._relative_share(root)
        if part_of is not None and part_of.lower_ in {"them", "us", "you"}:
            # "three-fourths of them": whoever "them" is, the share is too vague to guess
            return None, None, False
        shares = [c for c in root.children if c.dep_ == "conj" and span.start <= c.i < span.end]
        if part_of is not None and shares:
            # "28% of independents and 12% of Democrats": the groups, joined
            wholes = [part_of, *(self._partitive(c) for c in shares)]
            if None not in wholes:
                names = [self._resolve(self._phrase(w), w, start)[0] for w in wholes]
                if None not in names:
                    return join_names(names), "group", True
        if part_of is not None:
            # "some of his supporters", "30 percent of voters": the group they belong to
            whole = self._phrase(part_of)
            cut = [c.i for c in part_of.rights if c.dep_ in {"appos", "punct", "relcl"}]
            if part_of.ent_iob_ == "O" and cut:
                # the group's own words, not an appositive after them ("voters, about
                # two-thirds, ...")
                whole = self.doc[whole.start : min(cut)]
            name, kind, plural = self._resolve(whole, part_of, start)
            if name is None:
                return None, None, False
            if self.antecedent is None and not span.start <= part_of.i < span.end:
                # a share of a group named before ("Some 22 percent said"): where it is named
                self.antecedent = (whole.start_char, whole.end_char)
            if root.lower_ == "one":
                return name, kind if kind != "group" else "anonymous", False
            return name, "group", True
        lower = root.lower_
        plural = root.tag_ in {"NNS", "NNPS"}
        if (
            root.pos_ in {"PRON", "DET"}
            and lower in GROUP_QUANTIFIERS
            and any(
                c.dep_ in {"relcl", "acl"} and span.start <= c.i < span.end for c in root.children
            )
        ):
            # "some who advocate free speech", "those who backed him", "those surveyed":
            # the group its clause describes
            return canonical_text(list(span)), "group", True
        words = [t.lower_ for t in span if not t.is_punct]
        if words in (["both"], ["the", "two"], ["both", "men"], ["both", "women"]):
            # "Trump and Clinton have criticized the move. Both have promised ...": the
            # people named together before
            name, kind = self._latest_group(start)
            if name and " and " in name:
                return name, kind, True
        if root.pos_ == "PRON" and root.text.isupper() and len(root) > 1:
            # "WHO says" after "The World Health Organisation (WHO)": an acronym, not "who"
            name = self._fullest_organization(root.text)
            if name != root.text:
                return name, "organization", False
        if root.pos_ == "PRON":
            return self._pronoun(span, root, start)
        # a relative clause inside the mention names what the source says, not the source
        # ("a new poll that shows more voters view Clinton unfavorably")
        clause = _mention_clauses(span, root)
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
        both = self._conjoined(span, root, start)
        if both is not None:
            return both
        force = self._named_force(root, start) if not inside else None
        if force is not None:
            return force[0], force[1], force[1] == "group"  # "police said": the force before
        outlet = self._outlet_named_before(root)
        if outlet is not None:
            return outlet, "organization", False  # "The Riverton Ledger website said"
        description = self._description(root)
        possessor = next((c for c in root.children if c.dep_ == "poss"), None)
        own = self._our_correspondent(root, possessor, start)
        if own is not None:
            return own, "person", False  # "our correspondent said": the one named before
        if not persons and not plural and root.pos_ in {"NOUN", "PROPN"}:
            found = self._person_with_role(span, root, start, possessor)
            if found is not None:
                return found
        named = [t for t in span if t.dep_ not in STRIP_DEPS and t.lower_ not in self.titles]
        if root.is_title and named == [root] and root.lower_ in self.surnames:
            # a surname alone, whatever the tagger made of it ("said Pike")
            return self.surnames[root.lower_], "person", False
        appositive = self._appositive(root, description, start)
        if appositive is not None:
            return appositive
        # a lowercase word the tagger took for a proper noun ("the business mogul") is a noun
        common = root.pos_ == "NOUN" or (root.pos_ == "PROPN" and root.text.islower())
        if not persons and not plural and (common or description == AGE):
            found = self._epithet(root, start, description)
            if found is not None:
                return found
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
        member = root.ent_type_ == "NORP" and root.tag_ in {"NN", "NNP"}
        if member and root.lower_ in MEMBERS and determiner_of(root) in {"the", "that", "this"}:
            # one party member: "the Kentucky Republican" is the person in mind
            return self._person_in_mind(root, start)
        if member and (root.lower_ in MEMBERS or determiner_of(root) in INDEFINITE):
            # "a New Hampshire Democrat", "Another Muslim who worshiped there": one person
            # the article does not name, not the party, the nation or the faith
            return canonical_text(self._description_tokens(span, root)), "anonymous", False
        speaker = self._speaker_by_surname(root) if len(span) == 1 else None
        if speaker is not None:
            # "Souness said" after "Boss Graeme Souness" spoke, whatever the tagger made of it
            return speaker, "person", False
        if root.ent_type_ in ORG_LABELS and orgs:
            # the name the mention is headed by ("Republicans in Tennessee and Georgia")
            org = next((o for o in orgs if o.start <= root.i < o.end), orgs[-1])
            name = self._fullest_organization(org_name(org.text))
            parties = [o for o in orgs if o.label_ == "NORP" and o.root.tag_ in {"NNS", "NNPS"}]
            joined = any(c.dep_ == "conj" and span.start <= c.i < span.end for c in root.children)
            if org.label_ == "NORP" and plural and len(parties) > 1 and joined:
                # "nearly all congressional Democrats and even some Republicans": both
                return join_names([org_name(o.text) for o in parties]), "group", True
            if org.label_ == "NORP" and plural:
                return name, "group", True
            if description:
                self.described[description] = (name, "organization")
            return name, "organization", False
        if description and orgs and orgs[-1].label_ == "ORG" and orgs[-1].start == root.i + 1:
            # "the think tank Harbour Policy Institute"
            name = org_name(orgs[-1].text)
            self.described[description] = (name, "organization")
            return name, "organization", False
        if description and self.descriptions.get(description) == "organization":
            if possessor is not None:
                key = f"{description}:{possessor.lower_}"
                if key in self.described:
                    return (*self.described[key], False)
                # "Her office" after "Mayor Ingrid Solberg": the mayor's office; the quote's
                # own content may name the owner ("Sanders will not attend the debate,
                # according to his campaign")
                owner = (
                    self._owner(possessor, start) if possessor.lower_ in {"his", "her"} else None
                )
                if owner is not None:
                    return f"{owner}'s {root.lower_}", "organization", False
            # a place or a nationality that only says where a newspaper is ("the
            # Beijing-controlled newspaper", "the Spanish newspaper") does not name it (as
            # it does a government: "the Afghan government"), nor a company's ("the US
            # giant", "the Japanese carmaker")
            outlet = description in PRINT_OUTLETS | EPITHET_BODIES | {"newspaper", "paper"}
            naming = [o for o in orgs if not (outlet and o.label_ in {"GPE", "NORP"})]
            if persons or naming:
                tokens = [t for t in span if t.dep_ not in {"det"}]
                if persons and persons[-1].start > root.i:
                    tokens = [t for t in tokens if t.i < persons[-1].start]
                name = canonical_text(tokens)
                if plural:
                    # "Airlines including British Airways": a group, not what "the airline"
                    # will mean
                    return name, "group", True
                for person in persons:
                    self.described[f"{description}:{person[-1].lower_}"] = (name, "organization")
                self.described[description] = (name, "organization")
                return name, "organization", False
            company = root.lemma_.lower() in COMPANY_NOUNS
            if plural and company and determiner_of(root) in {"the", "these", "both"}:
                # "the firms" after "Sony, Philips and Samsung": all of them, never one (not
                # "the unions" after "Fiat and General Motors")
                together = self._organizations_together(root)
                if together is not None:
                    return together, "group", True
            if description in self.described and not plural:
                return (*self.described[description], False)
            if not plural and (
                doc[root.left_edge.i].lower_ == "the" or determiner_of(root) == "the"
            ):
                latest = self._latest_organization(root, description, start)
                if latest:
                    return latest, "organization", False
            if description in outlets().descriptions:
                if plural:
                    # "news outlets call upon ...": a group in its own words
                    return (
                        canonical_text(self._description_tokens(span, root, plural)),
                        "group",
                        True,
                    )
                if determiner_of(root) in INDEFINITE or counted_one(root):
                    # "one newspaper proclaimed", "a local paper said": an outlet the article
                    # does not name
                    tokens = self._description_tokens(span, root)
                    return canonical_text(tokens) or None, "anonymous", False
                # "the newspaper" with no outlet named before: no speaker to make up
                return None, None, False
            # an institution named by its description ("the regional chamber of commerce")
            tokens = self._description_tokens(span, root, plural)
            return canonical_text(tokens) or None, "group" if plural else "organization", plural
        if lower in self.anonymous or (root.lemma_.lower() in self.anonymous):
            tokens = self._description_tokens(span, root)
            # "his aides", "the senator's advisers", "his spokesman": Bernie Sanders's
            # advisers, Bernie Sanders's spokesman
            owned = self._possessed(tokens, possessor, start)
            if owned is not None:
                return owned, "anonymous", plural
            if plural and (crowd := counted_crowd(root)) is not None:
                # "34,000 people supported Trump", "1,409 teachers said": a crowd counted
                # in figures is a group, named with its count ("two people familiar with
                # the talks" stay anonymous sources)
                return canonical_text(list(self.doc[crowd.i : root.i + 1])), "group", True
            if plural:
                group = self._group_name(root)
                own = canonical_text(tokens)
                return (own if len(own) > len(group) else group), "anonymous", True
            if tokens == [root] and determiner_of(root) in {"the", "that", "this"}:
                # "the aide" after "A Republican committee aide blasted ...": that one
                earlier = self._earlier_description(root, start)
                if earlier:
                    return earlier, "anonymous", False
            if tokens == [root]:
                # "one official": the affiliation the article gave its officials ("US").
                affiliation = self._affiliation(root, start)
                if affiliation:
                    return f"{affiliation} {root.lemma_.lower()}", "anonymous", False
            return canonical_text(tokens), "anonymous", False
        if description and description in self.described and not plural:
            # "the senator" after "the state's senator, Jeanne Shaheen" (but "senators" are
            # not her)
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
                return f"{owner}'s {canonical_text(words).lower()}", "group", True
        modifiers = all(
            p.root.head == root and p.root.dep_ in {"compound", "nmod"} for p in persons
        )
        if persons and root.pos_ == "NOUN" and modifiers and determiner_of(root) in INDEFINITE:
            # "an Abraham Lincoln impersonator": someone described by a name, not its bearer
            return canonical_text(self._description_tokens(span, root)), "anonymous", False
        owners = persons and all(p.root.head == root and p.root.dep_ == "poss" for p in persons)
        if owners and root.pos_ == "NOUN" and (word_gender(root) or self._role_word(root)):
            # "Thomas' sister", "Clinton's lawyer": someone named with whose they are, not
            # the owner
            owned = self._possessed(self._description_tokens(span, root), possessor, start)
            if owned is not None:
                return owned, "anonymous", False
        of = [c for c in root.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > root.i]
        of_people = all(
            any(c.i < p.start and p.end <= c.right_edge.i + 1 for c in of) for p in persons
        )
        if persons and plural and root.lemma_.lower() in FOLLOWERS and of_people:
            # "Fans of Hillary Clinton said": the fans, a group named by their words
            return canonical_text(self._description_tokens(span, root, plural)), "group", True
        if persons:
            return self._full_name(persons[-1]), "person", False
        if root.pos_ == "PROPN" and not common and self._capitalised_title(span, root):
            # "the Foreign Secretary", "The Labour MP", with no one named with that title:
            # the person in mind, as for "the senator" (not a person called "Foreign
            # Secretary")
            named = self._person_in_mind(root, start)
            if named[0] is not None:
                return named
        if root.pos_ == "PROPN" and not common:
            # only the proper name around the head: "Pence himself" -> Pence
            name = self._person_name(canonical_text(proper_name(span, root)))
            if name.lower() in self.documents or root.lemma_.lower() in self.documents:
                # "Poll: ..." or "New Poll Shows ..." in a headline: a document
                return name, None, False
            if not looks_like_name(name):
                return None, None, False
            lowered = name.lower().split()
            if (
                determiner_of(root) == "the"
                and self.descriptions.get(root.lower_) == "person"
                and all(word in self.lower_words for word in lowered)
            ):
                # "The Drag Queen had said ..." where the article writes "the drag queen":
                # that description, in capitals
                return self._person_in_mind(root, start)
            if (
                lowered[-1] in self.organization_words
                or (len(lowered) > 1 and lowered[0] in COLLECTIVE_FIRST_WORDS)
                or is_outlet(name)
            ):
                return name, "organization", False  # "Right Wing Watch", "Team Trump
            one = " " not in name and name.lower() not in self.surnames
            if one and (root.ent_type_ in NOT_AUTHORS or self._role_word(root)):
                return None, None, False  # a headline's "Monday" or "Anchor" names nobody
            if one and name.lower() in self.lower_words and root.ent_type_ != "PERSON":
                return None, None, False  # a headline's "Busted" or "Bombshell", a word the
                # article writes in lower case too
            if one and root.tag_ == "NNPS" and root.ent_type_ != "PERSON":
                return name, "group", True  # "Many Millennials": people, not a person
            owned = any(c.dep_ == "poss" for c in root.children)  # "the group's CEO"
            if one and name.isupper() and len(name) >= 3 and name.isalpha() and not owned:
                return name, "organization", False  # "FDIC", "CTU": an acronym, not a person
            the = determiner_of(root) == "the" and root.ent_type_ != "PERSON"
            if one and the and name.lower() not in self.surnames:
                return name, "organization", False  # "the Left wrote on Twitter"
            full = self.surnames.get(name.lower()) or self._longer_name(name) or name
            return full, "person", False
        if root.pos_ == "NUM" and root.like_num:
            return None, None, False  # "at least 21,000 said ...": a count names nobody
        return self._described_source(
            span,
            root,
            start,
            plural=plural,
            persons=persons,
            description=description,
            possessor=possessor,
        )

    def _capitalised_title(self, span: Span, root: Token) -> bool:
        """Whether a mention is "the" and a title in capitals, with no name: "the Foreign
        Secretary", "The Home Secretary", "The Labour MP"."""
        if determiner_of(root) != "the" or root.lower_ not in OFFICES or root.ent_type_:
            return False
        words = [t for t in span if t.dep_ != "det" and not t.is_punct]
        if any(t.ent_type_ in {"GPE", "LOC"} for t in words):
            return False  # "The New Hampshire Union Leader": a newspaper
        if any(t.lower_ == "prime" for t in words):
            # "The Prime Minister has called the claims nonsense" after a whistleblower's
            # claims about him: the head of government is seldom the person in mind
            return False
        return all(
            t.i <= root.i and t.text[:1].isupper() and t.ent_type_ in {"", "NORP", "ORG"}
            for t in words
        )

    def _named_kin(self, root: Token, possessor: Token | None, start: int) -> str | None:
        """The person an earlier appositive names as the same owner's relative or partner:
        "his father, Johann," before "His father then asked him"; "Trump's wife, Melania,"
        before "his wife said"."""
        if possessor is None or possessor.lower_ == "its":
            return None
        lemma = root.lemma_.lower()
        earlier = [
            e
            for e in self.ents
            if e.label_ == "PERSON"
            and e.end_char <= start
            and e.root.dep_ == "appos"
            and e.root.head.lemma_.lower() == lemma
            and e.root.head.i < e.start
        ]
        if not earlier:
            return None
        owner = self._owner(possessor, start)
        paragraph = self.discourse.paragraph(start)
        for ent in reversed(earlier):
            noun = ent.root.head
            other = next((c for c in noun.children if c.dep_ == "poss"), None)
            if other is None:
                continue
            # the same pronoun in this paragraph or the one before is the same owner,
            # however its own owner reads
            same = (
                other.lower_ == possessor.lower_
                and possessor.pos_ == "PRON"
                and self.discourse.paragraph(other.idx) >= paragraph - 1
            )
            if same or (owner and self._owner(other, noun.idx) == owner):
                self.antecedent = (ent.start_char, ent.end_char)
                return self._full_name(ent)
        return None

    def _person_in_mind(self, root: Token, start: int) -> tuple[str | None, str, bool]:
        """The person an epithet means: the one the reader has in mind (the current speaker,
        else the latest subject) if the gender fits; never the one who just asked a
        question, nor the one whose words hold the epithet."""
        gender = word_gender(root) or "any"
        referent = self.discourse.salient_person(
            start, gender, self.exclude, self.asker | self._reporters(start)
        )
        if referent is not None and referent.name in self._other_office_holders(root):
            # "UK Foreign Secretary Jack Straw has announced ... The chancellor has demanded":
            # someone the article does not name
            return None, "person", False
        if referent is None:
            return None, "person", False
        self.antecedent = referent.named_at
        return referent.name, "person", False

    def _other_office_holders(self, root: Token) -> frozenset[str]:
        """Who the article introduces with another office's title than the one an epithet
        names: "the chancellor" is not "Foreign Secretary Jack Straw" (but "the minister"
        may be a secretary of state, and "the former congressman" a senator now; a title
        given later, "If President Bernie Sanders ...", is no introduction)."""
        office = root.lemma_.lower()
        if office not in SEPARATE_OFFICES or role_word(root) != office:
            return frozenset()
        allowed = {office, *SAME_OFFICE.get(office, ())}
        holders = {name for _, role, name in self.roles if role in allowed}
        introduced: dict[str, str] = {}  # full name -> the title it was first given, or ""
        for ent in self.ents:
            if ent.label_ == "PERSON" and (name := self._full_name(ent)) not in introduced:
                before = self.doc[ent.start - 1] if ent.start else None
                title = before.lemma_.lower() if before is not None and before.is_title else ""
                introduced[name] = title
        return frozenset(
            name
            for name, title in introduced.items()
            if title in SEPARATE_OFFICES and title not in allowed and name not in holders
        )

    def _reporters(self, offset: int) -> frozenset[str]:
        """Whose words ``offset`` is inside: nobody calls themselves "the billionaire real
        estate developer" ("Lewandowski rejected the idea that the developer ...")."""
        return frozenset(
            other.speaker_name
            for other in self.resolved.values()
            if other.speaker_name and any(a <= offset < b for a, b in other.fragments)
        )

    def _speaker_by_surname(self, root: Token) -> str | None:
        """A person already resolved as a source whose surname this one word is."""
        if not root.is_title or root.ent_type_ == "PERSON":
            return None
        found = next(
            (
                a
                for a in self.resolved.values()
                if a.speaker_kind == "person"
                and a.speaker_name
                and " " in a.speaker_name
                and a.speaker_name.split()[-1] == root.text
            ),
            None,
        )
        if found is None:
            return None
        self.antecedent = found.speaker_antecedent or found.mention
        return found.speaker_name

    def _unpunctuated_appositive(self, span: Span, root: Token) -> Token:
        """The noun that ends the mention when the parser hung it on an earlier noun as an
        appositive with no comma between ("The US credit card to travel services giant":
        "giant", not "card"), and only it is a description."""
        last = span[-1]
        if (
            last.head != root
            or not unpunctuated_appositive(last)
            or self._description(root) is not None
            or self._description(last) is None
        ):
            return root
        return last

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
        if [t for t in span if not t.is_punct] == [root] and root.lower_ in self.surnames:
            return False  # "Schilling said", whatever the tagger made of the surname
        text = doc_text(self.doc)
        before = text[: span.start_char].rstrip()[-1:]
        after = text[span.end_char :].lstrip()[:1]
        if before and after and before in OPENING_MARKS and after in CLOSING_MARKS:
            return True
        # a clause ("the meanest he ever got", "Biden rubbished Trump") or a verb is no
        # source's name; a relative clause inside the mention is ("a poll that shows ...")
        if root.pos_ == "ADJ" and self._partitive(root) is None:
            return True
        words = [t for t in span if t.is_alpha]
        capitals = len(words) > 1 and all(t.is_upper for t in words)
        if capitals and self.descriptions.get(root.lower_) == "person":
            return True  # a heading in capitals: "EVEN OZ'S BOSS THINKS ..."
        if determiner_of(root) == "no":
            return True  # "They have no business voting": no one
        described = _mention_clauses(span, root)
        if any(
            t.pos_ == "VERB"
            and t.i not in described
            and any(c.dep_ in SUBJECT_DEPS and span.start <= c.i < span.end for c in t.children)
            for t in span
        ):
            return True
        return root.pos_ in {"VERB", "AUX"} or root.tag_ in {"VBG", "VBN", "VBD", "VBZ", "VBP"}


def _mention_clauses(span: Span, root: Token) -> set[int]:
    """The token indexes of the clauses that describe the source inside its mention: those
    of its head, and the relative clauses of a noun after it that a relative pronoun opens
    ("the boss of the organisation that cleared them", "Levine, who has given money to
    Marco Rubio"; not "the way the statistics are compiled")."""
    found = clause_tokens(root)
    for noun in span:
        if noun.i <= root.i or noun.pos_ not in {"NOUN", "PROPN"}:
            continue
        for clause in noun.children:
            opened = any(t.lower_ in RELATIVE_OPENERS for t in clause.subtree if t.i < clause.i)
            if clause.dep_ == "relcl" and opened:
                found |= {t.i for t in clause.subtree}
    return found


def _read_at(attribution: Attribution) -> int:
    """Where a reader meets an attribution's source: its mention, else its content."""
    return (attribution.mention or attribution.fragments[0])[0]


def _reported_by_others(attributions: list[Attribution]) -> set[int]:
    """The ids of the attributions whose source is named inside what another source said."""
    fragments = sorted((a, b, id(other)) for other in attributions for a, b in other.fragments)
    reported = set()
    for attribution in attributions:
        if attribution.mention is None:
            continue
        start, end = attribution.mention
        for a, b, owner in fragments:
            if a > start:
                break
            if end <= b and owner != id(attribution):
                reported.add(id(attribution))
                break
    return reported


@Language.factory("newsdesk_speakers")
def make_speaker_resolver(nlp: Language, name: str) -> SpeakerResolver:
    return SpeakerResolver()
