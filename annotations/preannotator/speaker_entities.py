"""Entities as a reader would label them: the tagger's people, organizations, places and
works relabelled where the article says otherwise ("Northline Marine" is a company, "Carly
Fiorina" a person, a headline's "Pastor" nobody), and names it missed or cut (a name read as
nouns, a nickname in quotation marks)."""

import re
from collections import Counter
from collections.abc import Iterable

import numpy
from spacy.attrs import IS_TITLE, ORTH, POS
from spacy.parts_of_speech import NOUN, PROPN
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .coreference import (
    SUBJECT_DEPS,
    first_names,
    is_outlet,
    outlets,
    word_gender,
)
from .lexicon import doc_text, lexicon, words
from .speaker_text import (
    CLOSING_MARKS,
    COLLECTIVE_FIRST_WORDS,
    OPENING_MARKS,
    PLACES,
    described_as_outlet,
)

# what comes before a person's name only (not "Dr", as in "Dr Pepper", nor "Miss." for
# Mississippi)
HONORIFICS = {"mr", "mrs", "ms", "mx"}
# names the tagger may give a label other than a person's or an organization's
NAME_LABELS = {"PRODUCT", "WORK_OF_ART", "FAC", "GPE", "NORP", "LOC", "EVENT", "LAW"}
# labels the tagger gives names of people and organizations it misreads as titles or things
# ("Taras Kremen", "The Securities and Exchange Commission" as works of art)
MISREAD_LABELS = {"PRODUCT", "WORK_OF_ART", "EVENT", "LAW"}
# the last words of names of events the tagger may take for organizations ("the General
# Election", "the World Cup"): no one speaks as one
EVENT_WORDS = {
    "election",
    "elections",
    "referendum",
    "primary",
    "primaries",
    "olympics",
    "cup",
    "championship",
    "championships",
}
# an opening quotation mark before a capitalised word, after a capitalised word
QUOTED_WORD = re.compile(r"(?<=[A-Za-z.] )(?:\"|“|''|‘)(?=[A-Z])")


def proper_at(doc: Doc, i: int) -> bool:
    """Whether the token at ``i`` (if any) is a capitalised proper noun."""
    return 0 <= i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].is_title


def misread_modal(token: Token) -> bool:
    """A capitalised "Will" (or "May") read as a modal verb before a verb no modal takes:
    "Will urged the Republican electorate ...", "Will wrote" (George Will)."""
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    return (
        token.tag_ == "MD"
        and token.is_title
        and following is not None
        and following.tag_ in {"VBD", "VBN", "VBZ"}
    )


def place_before(ent: Span) -> Span | None:
    """A one-word name the tagger took for a place, joined before a name ("Valeska" of
    "Valeska Paris")."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start else None
    if (
        before is None
        or before.ent_type_ not in PLACES
        or not before.is_title
        or before.dep_ != "compound"
        or not ent.start <= before.head.i < ent.end
    ):
        return None
    place = [e for e in doc.ents if e.start <= before.i < e.end]
    return place[0] if place and len(place[0]) == 1 else None


def surnames_as_people(ents: tuple[Span, ...]) -> tuple[Span, ...]:
    """A surname the tagger took for a place, as the subject of a verb, is the person the
    article names with it ("Paris claims ..." after "Valeska Paris, an Australian woman")."""
    surnames = {e[-1].orth for e in ents if e.label_ == "PERSON" and len(e) > 1}
    return tuple(
        Span(e.doc, e.start, e.end, label="PERSON")
        if e.label_ in PLACES
        and len(e) == 1
        and e[0].orth in surnames
        and e[0].dep_ in SUBJECT_DEPS
        else e
        for e in ents
    )


def surnames_alone(ents: Iterable[Span]) -> set[str]:
    """The words the tagger tags alone as a person's name ("Sanders"), lower case."""
    return {e[0].lower_ for e in ents if e.label_ == "PERSON" and len(e) == 1}


def dateline_end(ent: Span) -> int:
    """Where the name starts in an entity the tagger began with a dateline ("ROME - Bernie
    Sanders": 2), else 0."""
    for i, token in enumerate(ent[:-1]):
        if (
            i
            and token.text in {"-", "--", "—", "–"}
            and token.whitespace_
            and ent[i - 1].whitespace_
        ):
            before = [t for t in ent[:i] if not t.is_punct]
            return i + 1 if before and all(t.is_upper for t in before) else 0
    return 0


# a surname by its shape: "D’Souza", "O'Rourke", "McConnell", "MacArthur"
SURNAME = re.compile(r"(?:[DO]['’]|Mc|Mac)[A-Z][a-z]+$")

POSSESSIVE_MARKS = {"'s", "’s", "'", "’"}


def owner_end(ent: Span) -> int:
    """Where a person's name starts in an entity the tagger began with its owner ("Fox
    News’ Sean Hannity", "CNN's Jake Tapper": after the possessive), else 0."""
    marks = [i for i, token in enumerate(ent[:-2]) if token.lower_ in POSSESSIVE_MARKS]
    if not marks or len(ent) - marks[-1] - 1 != 2:
        return 0
    first, last = ent[marks[-1] + 1], ent[-1]
    named = first.is_title and last.is_title and first.lower_ in first_names()
    return marks[-1] + 1 if named else 0


def joined_name(ent: Span, people: set[str]) -> int:
    """Where the name the article gives starts in an entity the tagger began with other
    capitalised words ("Billionaire Donald Trump", a headline's "Hillary Clinton Slams
    Donald Trump"), else 0: the first given name after a word that is none."""
    return next(
        (
            k
            for k in range(1, len(ent) - 1)
            if ent[k].lower_ in first_names()
            and ent[k - 1].lower_ not in first_names()
            and ent[k:].text in people
        ),
        0,
    )


def after_honorific(ent: Span) -> bool:
    """Whether a name of one to three capitalised words follows "Mr", "Mrs", "Ms" or "Mx"
    ("Mr Callaghan" tagged as an organization, "Mr Allegos" as a place), and does not end
    in a word of organizations' names."""
    doc = ent.doc
    # a hyphenated surname is three tokens: "Mr Kilroy-Silk"
    if (
        ent.start == 0
        or not 1 <= len(ent) <= 3
        or not all(t.is_title or t.text == "-" for t in ent)
    ):
        return False
    last = ent[-1].lower_.rstrip(".")
    return (
        doc[ent.start - 1].lower_.rstrip(".") in HONORIFICS
        and last not in lexicon().organization_words
    )


def within_paragraphs(ent: Span) -> list[Span]:
    """An entity cut where a paragraph ends: the tagger joins a headline's last words to the
    first name of the body ("... Off the Hook\n\nTim Whitehouse")."""
    if "\n" not in ent.text:
        return [ent]
    breaks = [t.i for t in ent if t.is_space and "\n" in t.text]
    edges = [ent.start, *(b for i in breaks for b in (i, i + 1)), ent.end]
    parts = [
        Span(ent.doc, a, b, label=ent.label_) for a, b in zip(edges[::2], edges[1::2], strict=True)
    ]
    return [part for part in parts if len(part) and not part[0].is_space]


def without_dash(ent: Span) -> Span:
    """An entity without a dash the tagger took in after it ("Alan Beith -" of "Alan Beith -
    who chairs the committee - said")."""
    if len(ent) > 1 and ent[-1].text in {"-", "--", "—", "–"}:
        return Span(ent.doc, ent.start, ent.end - 1, label=ent.label_)
    return ent


def written_alone(surname: Token, given: Token) -> bool:
    """Whether the article's body (not its headline) writes ``surname`` somewhere without
    ``given`` before it."""
    doc = surname.doc
    return any(doc[i - 1].text != given.text for i in body_positions(doc).get(surname.text, ()))


def body_positions(doc: Doc) -> dict[str, list[int]]:
    """Where each word stands in the article's body (after its headline line), computed
    once per doc."""
    found = doc.user_data.get("newsdesk_body_positions")
    if found is None:
        body = doc_text(doc).find("\n") + 1
        found = {}
        for t in doc:
            if t.i and t.idx >= body:
                found.setdefault(t.text, []).append(t.i)
        doc.user_data["newsdesk_body_positions"] = found
    return found


def surnames_after_given_names(doc: Doc) -> set[str]:
    """The words the article writes after a given name, as a two-word name ("BERLIN (AP) -
    Hans Modrow, who served ..."): a surname, whatever the tagger calls it alone."""
    if len(doc) < 2:
        return set()
    names = first_names()
    words = doc.to_array([POS, IS_TITLE])
    capitalised = (words[:, 0] == PROPN) & (words[:, 1] == 1)
    found = set()
    for i in numpy.flatnonzero(capitalised[1:] & capitalised[:-1]) + 1:
        token, given = doc[int(i)], doc[int(i) - 1]
        if (
            token.tag_ == "NNP"  # not "Bernie Democrats"
            and token.ent_type_ != "NORP"
            and given.lower_ in names
            and given.ent_type_ in {"", "PERSON"}
            and not proper_at(doc, token.i + 1)
            and not proper_at(doc, given.i - 1)
        ):
            found.add(token.text)
    return found


def titled_work(ent: Span) -> bool:
    """Whether a name is set as an appositive beside a work with a title ("his monthly radio
    address Mann ki Baat", "the film Harriet"): the work's title."""
    head = ent.root.head
    return (
        ent.root.dep_ == "appos"
        and ent[0].lower_ not in first_names()  # "the author of the book, Mitchell Zuckoff"
        and head.i < ent.start
        and head.pos_ == "NOUN"
        and head.lemma_.lower() in words("titled_works.txt")
    )


def cut_short(ent: Span) -> Span:
    """An organization's name the tagger ended on "of" or "the" ("the Press Office of the
    President of | the Republic"), taken to the end of the name it leaves out."""
    if ent.label_ != "ORG" or not len(ent) or ent[-1].lower_ not in {"of", "the"}:
        return ent
    last = ent[-1]
    if last.lower_ == "of":
        named = next((c for c in last.children if c.dep_ == "pobj"), None)
    else:
        named = last.head
    doc = ent.doc
    if named is None or named.pos_ != "PROPN" or named.i < ent.end:
        return ent
    between = doc[ent.end : named.i + 1]
    if any(t.ent_iob_ == "B" or not (t.is_title or t.lower_ == "the") for t in between):
        return ent  # another name, or words that are not part of one
    return Span(doc, ent.start, named.i + 1, label=ent.label_)


def asked_modal(ent: Span) -> bool:
    """A question's modal verb the tagger took for a given name: "Will Sanders come down
    off the pique?", "Will Clinton win Ohio?" (a bare verb follows the name; "Will Rogers
    once quipped" keeps its given name)."""
    doc = ent.doc
    return (
        len(ent) >= 2 and ent[0].tag_ == "MD" and ent.end < len(doc) and doc[ent.end].tag_ == "VB"
    )


# nouns for a kind of company after a name ("the Argonaut games group", "the Halford bank")
COMPANY_NOUNS = {
    "group",
    "company",
    "firm",
    "corporation",
    "bank",
    "chain",
    "studio",
    "label",
    "airline",
    "retailer",
    "carrier",
    "maker",
    "manufacturer",
    "developer",
    "publisher",
    "brand",
}


class EntityLabels:
    """Mixin of :class:`~.speakers.SpeakerResolver`: the entities of one article."""

    def _relabel(self, doc: Doc) -> None:
        """Entity labels a reader would give: "Northline Marine" is a company, "Riverton
        Tribune" a newspaper, "Carly Fiorina" a person, a headline's "Pastor" nobody."""
        ents = tuple(part for e in doc.ents for part in within_paragraphs(without_dash(e)))
        alone = surnames_alone(ents)
        # surnames the article writes after "Mr", "Ms" ("Ms Brunini"): a two-word name that
        # ends with one is a person's ("Yonca Brunini of Yahoo", tagged as a company)
        honoured = {
            doc[t.i + 1].text
            for t in doc[:-1]
            if t.lower_.rstrip(".") in HONORIFICS and doc[t.i + 1].is_title
        }
        after_given = surnames_after_given_names(doc)
        acronyms = {e.text for e in ents if e.label_ == "ORG" and len(e) == 1 and e.text.isupper()}
        # the initials of organizations' names: "RICS" after "the Royal Institute of
        # Chartered Surveyors"
        acronyms |= {
            "".join(t.text[0] for t in e if t.is_title)
            for e in ents
            if e.label_ == "ORG" and len(e) > 2
        } - {""}
        # the first words of names of places and institutions ("Tate" of "Tate Britain")
        institutions = {
            e[0].text for e in ents if len(e) > 1 and e.label_ in {"ORG", "FAC", *PLACES}
        }

        def company(e: Span) -> bool:
            """A name after a noun for a kind of company: "online lender Prospa"."""
            before = doc[e.start - 1] if e.start else None
            return (
                before is not None
                and before.pos_ == "NOUN"
                and (
                    (before.dep_ == "compound" and e.start <= before.head.i < e.end)
                    or (e.root.dep_ == "appos" and e.root.head == before)
                )
                and self.descriptions.get(before.lemma_.lower()) == "organization"
            )

        # names the article follows with ", which", as it does things, not people:
        # "Laura Ashley, which floated on the London Stock Exchange in 1995", a company
        # the tagger took for a person every time
        # (unless the article gives the name a person's honorific or title elsewhere: "a
        # letter to Obama, which was first reported ..." after "President Obama")
        personal = {
            e.text
            for e in ents
            if e[-1].text in honoured or (e.start and self._role_word(doc[e.start - 1]))
        }
        things = {
            e.text
            for e in ents
            if e.label_ == "PERSON"
            and e.end + 1 < len(doc)
            and doc[e.end].text == ","
            and doc[e.end + 1].lower_ == "which"
        } - personal

        def titled(e: Span) -> bool:
            """A first name and a surname after a word for a person's role, whatever names
            the tagger knows: "Newcastle boss Graeme Souness", "striker Thierry Henry"."""
            before = doc[e.start - 1] if e.start else None
            return (
                len(e) == 2
                and before is not None
                and before.tag_ == "NN"  # "analysts Jupiter Research" name a firm
                and before.dep_ == "compound"
                and e.start <= before.head.i < e.end
                and all(t.is_title and t.pos_ == "PROPN" for t in e)
                and self._role_word(before)
                # "UK broadcaster Virgin Radio"
                and before.lower_ not in outlets().descriptions
                and e[-1].lower_.rstrip(".") not in self.organization_words
                and e[0].lower_ not in COLLECTIVE_FIRST_WORDS
            )

        def label(e: Span) -> str:
            # the last word of the name, not a possessive marker the tagger took with it
            last = e[-2] if len(e) > 1 and e[-1].lower_ in POSSESSIVE_MARKS else e[-1]
            if e.label_ == "PERSON" and (
                last.lower_.rstrip(".") in self.organization_words
                or (len(e) > 1 and e[0].lower_ in COLLECTIVE_FIRST_WORDS)
                or is_outlet(e.text)
            ):
                # "Northline Marine" is a company, "Riverton Tribune" a newspaper, "Team
                # Okafor" a campaign, whatever the tagger said
                return "ORG"
            if (
                e.label_ == "ORG"
                and last.lower_ in EVENT_WORDS
                and not any(t.lower_ in self.organization_words or t.lower_ == "of" for t in e)
            ):
                return "EVENT"  # "the General Election" (not "Illinois Board of Elections")
            # the name without a possessive marker the tagger took with it ("Philip
            # Pullman's His Dark Materials"), when the article writes the surname alone
            # too ("Pullman has denied"; not "France Telecom's", "Fannie Mae's")
            core = e[:-1] if last.i < e[-1].i and written_alone(last, e[0]) else e
            initial = len(core) == 3 and len(core[1].text.rstrip(".")) == 1 and core[1].is_upper
            if e.label_ in MISREAD_LABELS and last.lower_.rstrip(".") in self.organization_words:
                return "ORG"  # "The Securities and Exchange Commission", read as a title
            if (
                e.label_ in {"ORG", *MISREAD_LABELS}
                and (len(core) == 2 or initial)
                and core[0].is_title
                and core[-1].is_title
                and (
                    core[0].lower_ in first_names()
                    # not a slogan: '"Dump Trump."'
                    or (
                        len(e) == 2
                        and e[-1].lower_ in alone
                        and e[0].pos_ == "PROPN"
                        and (e.start_char == 0 or doc.text[e.start_char - 1] not in OPENING_MARKS)
                    )
                )
                and e[0].lower_ not in COLLECTIVE_FIRST_WORDS  # "Team Hale"
                and e[-1].lower_.rstrip(".") not in self.organization_words
            ):
                # "Carly Fiorina", "Aida H Dee": a first name and a surname; "Taras Kremen"
                # where "Kremen" alone is a person
                return "PERSON"
            if (
                e.label_ == "PERSON"
                and len(e) == 1
                and e.start
                and doc[e.start - 1].lower_ == "the"
                and e.root.dep_ not in {"compound", "amod", "nmod", "poss"}
                and not proper_at(doc, e.end)
                and e.text in institutions
            ):
                # "the Tate" where the article names "Tate Britain": the institution (not
                # "The Donald", "the Kennedy" of a typo, or "The Clintons")
                return "ORG"
            if (
                e.label_ in {"ORG", *MISREAD_LABELS}
                and len(e) == 2
                and e[0].is_title
                and e[-1].text in honoured
                and e[0].pos_ == "PROPN"
                # not a slogan: '"Dump Trump"'
                and (e.start_char == 0 or doc.text[e.start_char - 1] not in OPENING_MARKS)
                and e[0].lower_ not in COLLECTIVE_FIRST_WORDS
            ):
                return "PERSON"  # "Yonca Brunini" where the article says "Ms Brunini"
            named = (dateline_end(e) or owner_end(e)) if e.label_ == "ORG" else 0
            if (
                e.label_ == "ORG"
                and len(e) - named == 2
                and (e[named].lower_ in first_names() or e[-1].lower_ in alone)
                and e[named].lower_ not in COLLECTIVE_FIRST_WORDS  # "Team Trump"
            ):
                return "PERSON"  # "ROME - Bernie Sanders": a dateline and a name
            if (e.label_ in {"ORG", "NORP"} and self._described_as_person(e)) or (
                e.label_ in PLACES
                and e.root.dep_ != "pobj"  # "policy toward Israel, the retired surgeon said"
                and e.end < len(doc)
                and doc[e.end].text == ","
                and self._described_as_person(e, gendered=True)
            ):
                # "Reince Priebus, the GOP chairman,", tagged ORG; "Rosette Pambakian, a
                # Tinder spokeswoman," with the surname alone tagged NORP; "Valeska Paris,
                # an Australian woman," tagged as two places
                return "PERSON"
            if e.label_ == "PERSON" and e.text in acronyms:
                return "ORG"  # "The AWBI reneged ...", after "... of India (AWBI)"
            if e.label_ in NAME_LABELS and len(e) == 1 and e.text in after_given:
                return "PERSON"  # "Modrow died ..." after "Hans Modrow", tagged a place
            if e.label_ == "PERSON" and e.text in things:
                return "ORG"  # "Laura Ashley, which ..."
            if e.label_ in {"ORG", *MISREAD_LABELS} and titled(e):
                return "PERSON"  # "Newcastle boss Graeme Souness", tagged a company
            if e.label_ in {"ORG", *NAME_LABELS} and after_honorific(e):
                return "PERSON"  # "Mr Callaghan", "Mr Allegos": an honorific names a person
            if e.label_ in NAME_LABELS and described_as_outlet(e):
                return "ORG"  # "Family Circle magazine", whatever kind of name it seemed
            if e.label_ == "PERSON" and len(e) == 1 and self._role_word(e[0]):
                return ""  # "Pastor Wants ...": a headline's capitalised title names nobody
            if e.start in written_as_company:
                return "ORG"  # "online lender Prospa", "budget airline Flyby": a company
            if e.label_ == "PERSON" and titled_work(e):
                return "WORK_OF_ART"  # "his radio address Mann ki Baat": a title
            if e.label_ == "PERSON" and len(e) == 1 and e[0].tag_ == "VBG":
                return ""  # "Conceding that ...": a verb, not a name
            return e.label_

        people = {e.text for e in ents if e.label_ == "PERSON"}

        def start(e: Span, new: str) -> int:
            if new == "PERSON" and len(e) > 2 and (named := joined_name(e, people)):
                return e.start + named
            if new == "PERSON" and (asked_modal(e) or (len(e) > 2 and e[0].tag_ == "VBG")):
                # "Will Sanders come down ...?": Sanders; "Entrusting Donald Trump with our
                # economic future ...": Donald Trump
                return e.start + 1
            if new == "PERSON" and (named := dateline_end(e) or owner_end(e)):
                return e.start + named  # "ROME - Bernie Sanders", "CNN's Jake Tapper": the name
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
                    e.label_ in {"ORG", "NORP"}
                    or (len(e) >= 2 and before.lower_ in first_names())
                    and e[0].lower_ not in first_names()
                    # "said Hany Farid": a given name the list does not know, alone before
                    # a surname
                    or (
                        len(e) == 1
                        and before.is_alpha
                        and before.tag_ != "NNPS"  # "Senators Rubio and Cruz"
                        and before.lower_ not in COLLECTIVE_FIRST_WORDS  # "Team Trump"
                        and not proper_at(doc, before.i - 1)
                    )
                )
            ):
                return e.start - 1
            return e.start

        written_as_company = {e.start for e in ents if e.label_ == "PERSON" and company(e)}
        # a name written once as a company's ("bakery chain Greggs") is one everywhere
        companies = {
            e.text
            for e in ents
            if e.start in written_as_company and e[0].lower_ not in first_names()
        }
        # a one-word name the tagger also takes for an organization where a noun for a kind
        # of company follows it ("the Argonaut games group went into administration"), part
        # of no person's name in the article nor a given name, is one everywhere ("In August,
        # Argonaut warned", read as a person)
        in_names = {w for e in ents if e.label_ == "PERSON" and len(e) > 1 for w in e.text.split()}
        companies |= {
            e.text
            for e in ents
            if e.label_ == "ORG"
            and len(e) == 1
            and e[0].is_title
            and e.text not in in_names
            and e[0].lower_ not in first_names()
            and not after_honorific(e)
            and any(
                t.lemma_.lower() in COMPANY_NOUNS
                for t in (e.root.head, e.root.head.head)
                if e.root.dep_ == "compound"
            )
        }
        fixed = []
        for e in ents:
            new = label(e)
            if (
                new == "PERSON"
                and e.label_ == "PERSON"
                and e.text in companies
                and not after_honorific(e)
            ):
                new = "ORG"
            if not new:
                continue
            first = start(e, new)
            if new == "PERSON" and new != e.label_ and (given := place_before(e)) is not None:
                first = given.start  # "Valeska Paris": a given name the tagger took for a place
            if new == "PERSON" and (owned := owner_end(e)) and first == e.start + owned:
                # the outlet the name was joined to ("Fox News" of "Fox News’ Sean Hannity")
                fixed.append(Span(doc, e.start, first - 1, label="ORG"))
            fixed.append(
                e if new == e.label_ and first == e.start else Span(doc, first, e.end, label=new)
            )
        fixed = [cut_short(e) for e in fixed]
        fixed = (*fixed, *self._untagged_full_names(doc, fixed))
        # a nickname, or a given name joined to a name, may overlap another entity
        fixed = surnames_as_people(tuple(filter_spans([*self._nicknamed(doc), *fixed])))
        if fixed != doc.ents:
            doc.ents = fixed

    def _untagged_full_names(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """A given name and a surname the tagger left out ("CHICAGO - Rahm Emanuel may
        have ...") when it tags that surname alone as a person elsewhere in the article."""
        tagged = {e[0].orth for e in ents if e.label_ == "PERSON" and len(e) == 1}
        return [
            *self._names_read_as_nouns(doc),
            *(
                Span(doc, t.i - 1, t.i + 1, label="PERSON")
                for t in doc
                if t.orth in tagged
                and not t.ent_type
                and t.i > 0
                and proper_at(doc, t.i)
                and proper_at(doc, t.i - 1)
                and not doc[t.i - 1].ent_type
                and doc[t.i - 1].head == t
                and not self._role_word(doc[t.i - 1])
                and doc[t.i - 1].lower_ not in COLLECTIVE_FIRST_WORDS  # "Team Trump"
                and not proper_at(doc, t.i - 2)
                and not proper_at(doc, t.i + 1)
            ),
        ]

    def _names_read_as_nouns(self, doc: Doc) -> list[Span]:
        """A given name (one the first-name list knows, or any before a surname of a
        surname's shape) and a capitalised surname the tagger read as a common noun, which
        the article writes again ("author Dinesh D’Souza made ... D’Souza replied")."""
        # capitalised common nouns, found without a Python loop over every token
        columns = doc.to_array([POS, IS_TITLE, ORTH])
        nouns = columns[(columns[:, 0] == NOUN) & (columns[:, 1] == 1)]
        repeated = {orth for orth, n in Counter(nouns[:, 2].tolist()).items() if n > 1}
        if not repeated:
            return []
        where = numpy.flatnonzero(numpy.isin(columns[1:, 2], list(repeated))) + 1
        pairs = [(doc[i - 1], doc[i]) for i in where.tolist()]
        return [
            Span(doc, t.i, t.i + 2, label="PERSON")
            for t, surname in pairs
            if t.is_title
            and (t.lower_ in first_names() or (t.pos_ == "PROPN" and SURNAME.match(surname.text)))
            and surname.pos_ == "NOUN"
            and not t.ent_type
            and not surname.ent_type
            and not proper_at(doc, t.i - 1)
            and not (t.i + 2 < len(doc) and doc[t.i + 2].is_title)
            and not self._role_word(surname)
            and surname.lower_ not in self.organization_words
        ]

    def _described_as_person(self, ent: Span, *, gendered: bool = False) -> bool:
        """Whether an appositive gives a name a person's role: "Reince Priebus, the GOP
        chairman," (the tagger said organization), or, with ``gendered``, calls it a man or
        a woman: "Valeska Paris, an Australian woman," (the tagger said two places). An
        owner is not described ("Sanders’ son, 26-year-old Tywanza")."""
        children = list(ent.root.children)
        return not any(c.dep_ == "case" for c in children) and any(
            c.dep_ == "appos"
            and c.pos_ == "NOUN"
            and c.tag_ == "NN"
            and (self._role_word(c) or gendered and word_gender(c) is not None)
            for c in children
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
