"""Canonical speakers: pronouns, descriptions, groups and the antecedent that explains each
choice. One test per rule, on sentences written here."""

import pytest

from annotations.preannotator import Preannotator
from annotations.preannotator.coreference import (
    Discourse,
    first_names,
    gendered_words,
    join_names,
    paragraph_starts,
    pronouns,
    rarer_first_names,
    sentences_within_paragraphs,
    tied_pronoun_genders,
)
from tests.preannotator_helpers import annotate, said, words


@pytest.fixture(scope="module")
def pre() -> Preannotator:
    return Preannotator()


# -- the word lists ------------------------------------------------------------------------


def test_word_lists_give_gender_and_number():
    assert pronouns()["she"].gender == "f"
    assert pronouns()["they"].plural
    assert gendered_words()["mrs"] == "f"
    assert gendered_words()["spokesman"] == "m"
    assert first_names()["margaret"] == "f"
    assert first_names()["george"] == "m"
    assert "jordan" not in first_names()  # given to both: no guess
    assert rarer_first_names()["bernie"] == "m" and "bernie" not in first_names()
    assert "jordan" not in rarer_first_names()
    # words the resolver reads as titles are never given names, whatever the SSA lists say
    assert not {"judge", "general", "author"} & set(rarer_first_names())


def test_paragraphs_are_counted_from_one():
    discourse = Discourse("One.\n\nTwo.\nThree.", [])
    assert paragraph_starts("One.\n\nTwo.") == [0, 6]
    assert [discourse.paragraph(i) for i in (0, 6, 12)] == [1, 2, 3]


def test_join_names():
    assert join_names(["A", "B"]) == "A and B"
    assert join_names(["A", "B", "C", "B"]) == "A, B and C"


# -- pronouns --------------------------------------------------------------------------------


def test_pronoun_gender_with_two_people_alternating(pre):
    text = (
        "Margaret Holloway met George Baxter at the harbour on Monday.\n\n"
        '"The pier needs work," she said. "It can wait," he said.\n\n'
        '"Not for long," she replied. "Maybe," he said.'
    )
    assert said(pre, text, "pier").speaker_name == "Margaret Holloway"
    assert said(pre, text, "It can wait").speaker_name == "George Baxter"
    assert said(pre, text, "Not for long").speaker_name == "Margaret Holloway"
    assert said(pre, text, "Maybe").speaker_name == "George Baxter"


def test_pronoun_gender_from_honorifics_in_the_article(pre):
    # neither first name is in the list: the honorifics say who is who
    text = (
        "Mr. Okonkwo and Ms. Varga inspected the dam on Tuesday.\n\n"
        '"The spillway is sound," she said.'
    )
    assert said(pre, text, "spillway").speaker_name == "Varga"


def test_pronoun_gender_from_a_gendered_role_word(pre):
    text = (
        "Council spokeswoman Dara Quill and Ezo Fenn, a planner, toured the site.\n\n"
        '"We start in May," she said.'
    )
    assert said(pre, text, "start in May").speaker_name == "Dara Quill"


def test_pronoun_gender_from_pronouns_tied_to_the_name(pre):
    text = (
        'Kwame Kline presented his budget on Monday. Tamsin Orr watched.\n\n"It balances," he said.'
    )
    assert said(pre, text, "balances").speaker_name == "Kwame Kline"


def test_pronoun_gender_from_a_first_name_the_census_lists_lack(pre):
    # "Bernie" and "Newt" are not in the 1990 Census lists; the SSA's baby names know them
    text = (
        "Ruth Calder opened the hearing on Monday. Later, Bernie Wexley questioned her plan.\n\n"
        '"The budget holds," she said.\n\n'
        "Newt Arkin, the treasurer, and Ms. Calder spoke after the vote. "
        '"We will see," he said.'
    )
    assert said(pre, text, "budget holds").speaker_name == "Ruth Calder"
    assert said(pre, text, "We will see").speaker_name == "Newt Arkin"


def test_a_rarer_first_name_makes_no_given_name(pre):
    # "Washington" and "Van" are boys' names in the SSA's lists, used here for gender only
    text = (
        "Groups have spent $23 million on the races, according to a Washington Post analysis "
        "of campaign filings.\n\n"
        "The committees raised $287 million by the end of February, The Post found.\n\n"
        "An acre of trees can store 156 tons of carbon, said Chandler Van Voorhis, a founder "
        "of the company.\n\n"
        "The trees will be planted in May, Mr. Van Voorhis said."
    )
    analysis = said(pre, text, "$23 million")
    assert (analysis.speaker_name, analysis.speaker_kind) == ("Washington Post", "organization")
    found = said(pre, text, "$287 million")
    assert (found.speaker_name, found.speaker_kind) == ("Washington Post", "organization")
    assert said(pre, text, "planted in May").speaker_name == "Chandler Van Voorhis"


def test_pronoun_gender_from_a_given_name_alone(pre):
    # "Melanie" alone is a given name, a woman's: "he" is not her ...
    text = (
        'Tom Hale spoke on television.\n\n"I would," Melanie said to the TV.\n\n'
        '"You winning?" he said.'
    )
    assert said(pre, text, "You winning").speaker_name == "Tom Hale"
    # ... "Allison" alone may be a surname too: it says nothing of gender, and the one
    # speaking keeps the quote
    surname = text.replace("Melanie", "Allison")
    assert said(pre, surname, "You winning").speaker_name == "Allison"


def test_current_speaker_beats_a_person_mentioned_in_between(pre):
    text = (
        '"The ferry will run again in June," Robert Hale said on Monday.\n\n'
        "The service was cut last year after a report by Thomas Greer found faults. "
        '"We have fixed every one of them," he said.'
    )
    quote = said(pre, text, "fixed every one")
    assert quote.speaker_name == "Robert Hale"


def test_a_new_subject_in_the_paragraph_takes_over_from_the_current_speaker(pre):
    text = (
        '"The ferry will run again in June," Robert Hale said on Monday.\n\n'
        'Thomas Greer, the union leader, disagreed. "Not before August," he said.'
    )
    assert said(pre, text, "Not before August").speaker_name == "Thomas Greer"


def test_a_quotes_own_content_never_supplies_its_speaker(pre):
    text = (
        "Linda Marsh opened the new clinic on Friday.\n\n"
        '"Ask Susan Pell about the waiting lists," she said.'
    )
    assert said(pre, text, "waiting lists").speaker_name == "Linda Marsh"


def test_a_pronoun_with_nobody_fitting_gets_no_speaker(pre):
    text = 'George Baxter opened the session.\n\n"We are ready," she said.'
    quote = said(pre, text, "We are ready")
    assert quote.speaker_name is None
    assert quote.speaker_antecedent is None


def test_they_after_two_named_people_is_a_group_of_both(pre):
    text = (
        "Margaret Holloway and George Baxter visited the school on Monday.\n\n"
        '"The roof must be fixed," they said.'
    )
    quote = said(pre, text, "roof")
    assert quote.speaker_name == "Margaret Holloway and George Baxter"
    assert quote.speaker_kind == "group"


# -- explanations ----------------------------------------------------------------------------


def test_explanation_offsets_point_at_the_antecedent(pre):
    text = (
        "Margaret Holloway met George Baxter at the harbour on Monday.\n\n"
        '"The pier needs work," she said.'
    )
    quote = said(pre, text, "pier")
    assert words(text, quote.speaker_mention) == "she"
    assert quote.speaker_antecedent == (0, len("Margaret Holloway"))


def test_a_pronoun_after_a_pronoun_points_at_the_name_not_the_pronoun(pre):
    text = (
        'Margaret Holloway spoke first.\n\n"The pier needs work," she said. "And soon," she added.'
    )
    quote = said(pre, text, "And soon")
    assert words(text, quote.speaker_antecedent) == "Margaret Holloway"


def test_a_name_spelled_in_the_mention_needs_no_explanation(pre):
    text = '"The pier needs work," Margaret Holloway said.'
    assert said(pre, text, "pier").speaker_antecedent is None


# -- descriptions and short names ------------------------------------------------------------


def test_the_newspaper_and_the_post_are_the_outlet_named_before(pre):
    text = (
        "The Riverton Post reported on Tuesday that the ferry operator had been fined.\n\n"
        "Northline Ferries said it would appeal. The newspaper said inspectors found rust.\n\n"
        "The Post said the fine was the largest in a decade."
    )
    assert said(pre, text, "inspectors found rust").speaker_name == "Riverton Post"
    assert said(pre, text, "largest in a decade").speaker_name == "Riverton Post"


def test_a_short_organization_name_is_the_fullest_one(pre):
    text = "Northline Ferries was fined on Monday.\n\nNorthline said that it would appeal."
    assert said(pre, text, "would appeal").speaker_name == "Northline Ferries"


def test_the_company_is_the_organization_speaking_not_one_mentioned_in_between(pre):
    text = (
        "Northline Ferries said it would appeal. The Riverton Post first reported the fine. "
        '"We take safety seriously," the company said.'
    )
    quote = said(pre, text, "safety seriously")
    assert quote.speaker_name == "Northline Ferries"
    assert words(text, quote.speaker_antecedent) == "Northline Ferries"


def test_the_campaign_is_the_campaign_named_before(pre):
    text = (
        "The Hartley campaign faced questions on Friday about its donor list.\n\n"
        '"These claims are false," the campaign said.'
    )
    assert said(pre, text, "claims are false").speaker_name == "Hartley campaign"


def test_a_person_description_is_the_salient_person(pre):
    text = (
        '"We will build the bridge," Robert Hale said on Monday. '
        '"It will be paid for," the businessman added.'
    )
    assert said(pre, text, "paid for").speaker_name == "Robert Hale"


def test_trailing_words_are_not_part_of_a_name(pre):
    text = "Governor Anne Hartley herself said she had never seen the list."
    assert said(pre, text, "never seen").speaker_name == "Anne Hartley"


def test_a_document_qualified_by_an_organization_speaks_for_it(pre):
    text = (
        "The Justice Department opened an inquiry. Justice Department letters sent on Monday "
        "said the campaign had ignored two requests."
    )
    quote = said(pre, text, "ignored two requests")
    assert quote.speaker_name == "Justice Department"


# -- several speakers, groups, anonymous sources ------------------------------------------------


def test_a_mention_naming_several_people_is_one_group_speaker(pre):
    text = (
        "Sens. Ruth Calder, Peter Osei and Hannah Lind said on Wednesday that the agency "
        "had failed the valley."
    )
    quote = said(pre, text, "failed the valley")
    assert quote.speaker_name == "Ruth Calder, Peter Osei and Hannah Lind"
    assert quote.speaker_kind == "group"


def test_unnamed_groups_and_officials(pre):
    text = (
        "Critics say the cleanup has been too slow. An official at the agency, who spoke on "
        "condition of anonymity, said the tests were incomplete."
    )
    critics = said(pre, text, "too slow")
    assert (critics.speaker_name, critics.speaker_kind) == ("Critics", "group")
    official = said(pre, text, "tests were incomplete")
    assert official.speaker_kind == "anonymous"


def test_first_person_in_a_transcript_turn_is_that_turns_speaker():
    text = '"WALLACE: Will she attend?\n\n"PENCE: She will not. I know that.'
    discourse = Discourse(text, [])
    assert discourse.turn_label(text.index("I know")) == "Pence"
    assert discourse.turn_label(text.index("Will")) == "Wallace"
    assert Discourse("Plain text. I know.", []).turn_label(13) is None


# -- no junk speakers ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a nickname in quotation marks
        "“Crooked Hillary” said nothing new, the senator wrote on Tuesday.",
        # a participle phrase as the source
        "Audio obtained by the Riverton Post shows that the mayor knew about the leak.",
    ],
)
def test_junk_mentions_yield_no_speaker(pre, text):
    for proposal in annotate(pre, text):
        mention = words(text, proposal.speaker_mention) or ""
        assert proposal.speaker_name not in {"Crooked Hillary", "Audio", "Audio obtained"}
        assert not mention.startswith("Crooked") or proposal.speaker_name is None


def test_a_lowercase_phrase_is_not_a_persons_name():
    from annotations.preannotator.speaker_text import looks_like_name

    assert looks_like_name("Mike Pence")
    assert looks_like_name("Ursula von der Leyen")
    assert not looks_like_name("Flint flake tool")


def test_an_unresolved_source_lowers_the_confidence(pre):
    resolved = said(pre, 'Margaret Holloway spoke.\n\n"We are ready," she said.', "ready")
    unresolved = said(pre, 'George Baxter spoke.\n\n"We are ready," she said.', "ready")
    assert unresolved.speaker_name is None
    assert unresolved.confidence < resolved.confidence


def test_a_surname_is_the_full_name_even_when_given_later_and_with_a_suffix(pre):
    text = (
        '"Tell that to the janitor," Mr. Biden said on Monday. '
        "Vice President Joseph R. Biden Jr. spoke at the college."
    )
    assert said(pre, text, "janitor").speaker_name == "Joseph R. Biden Jr."


def test_an_acronym_is_the_organization_it_abbreviates(pre):
    text = (
        "The International Monetary Fund cut its forecast on Tuesday. "
        "The IMF said growth would slow."
    )
    quote = said(pre, text, "growth would slow")
    assert quote.speaker_name == "International Monetary Fund"
    assert words(text, quote.speaker_antecedent) == "The International Monetary Fund"


def test_an_appositive_name_beats_the_salient_person(pre):
    text = (
        "The president, Enrique Castillo, met the press on Monday.\n\n"
        "The minister of the economy, Mr. Ruben Salgado, argues there is no point in "
        "responding now."
    )
    assert said(pre, text, "no point").speaker_name == "Ruben Salgado"


# -- salience, "it", and descriptions that name nobody -------------------------------------


@pytest.mark.parametrize(
    ("middle", "speaker"),
    [
        # a person named inside a clause does not take over from the current speaker
        (
            "Vance met workers on Friday after reports that Peter Lund had sold the dock.",
            "Harold Vance",
        ),
        ("Vance met workers on Friday after Peter Lund sold the dock.", "Harold Vance"),
        # the subject of a sentence of its own does
        ("Peter Lund sold the dock on Monday.", "Peter Lund"),
    ],
)
def test_a_person_named_inside_a_clause_does_not_replace_the_speaker(pre, middle, speaker):
    text = (
        '"The yard stays open," Harold Vance said on Friday.\n\n'
        f'{middle} "We will keep every job in this town," he said.'
    )
    assert said(pre, text, "every job").speaker_name == speaker


def test_it_is_the_organization_speaking(pre):
    text = (
        "Northline Ferries said on Monday that the fares would rise. "
        "It said fuel costs had doubled."
    )
    quote = said(pre, text, "fuel costs")
    assert quote.speaker_name == "Northline Ferries"
    assert words(text, quote.speaker_antecedent) == "Northline Ferries"


def test_it_for_a_thing_is_the_thing_not_an_organization_it_names(pre):
    text = (
        "The lawsuit names the Riverton Port Authority and the city as defendants.\n\n"
        "It says the port ignored repeated warnings about the pier."
    )
    quote = said(pre, text, "ignored repeated warnings")
    # the lawsuit in its own words, as after a lawsuit in the same paragraph
    assert (quote.speaker_name, quote.speaker_kind) == ("Lawsuit", None)


def test_no_speaker_rather_than_an_organization_it_does_not_stand_for(pre):
    # "the newspaper" with no outlet named is no other organization
    text = (
        "The Riverside Chamber of Commerce held a picnic in the park on Sunday.\n\n"
        "The newspaper said inspectors found rust in the pier."
    )
    assert said(pre, text, "inspectors found rust").speaker_name is None


def test_an_outlet_named_with_its_description_is_the_newspaper(pre):
    text = (
        "The Tribune-Ledger newspaper reported the fine on Monday. Northline Ferries said it "
        "would appeal.\n\nThe newspaper said inspectors found rust in the pier."
    )
    assert said(pre, text, "inspectors found rust").speaker_name.startswith("Tribune-Ledger")


def test_an_unnamed_someone_is_anonymous(pre):
    text = (
        "Margaret Holloway thanked the crew for their work.\n\n"
        "A reporter asked whether the pier would reopen this year."
    )
    quote = said(pre, text, "pier would reopen")
    assert (quote.speaker_name, quote.speaker_kind) == ("Reporter", "anonymous")


def test_a_possessive_pronoun_source_is_the_person_it_stands_for(pre):
    text = (
        "Harold Vance toured the yard on Friday.\n\n"
        "His promise that every job would stay drew applause from the workers."
    )
    quote = said(pre, text, "every job would stay")
    assert quote.speaker_name == "Harold Vance"
    assert words(text, quote.speaker_antecedent) == "Harold Vance"


@pytest.mark.parametrize(
    ("first", "again", "author"),
    [
        ("A new Marist poll found that most voters back the plan.", "The poll", "Marist"),
        ("Reuters' report said the port lost money.", "The report", "Reuters"),
    ],
)
def test_a_document_named_again_speaks_for_the_author_named_first(pre, first, again, author):
    text = f"{first}\n\n{again} also found that support for the bridge is falling."
    quote = said(pre, text, "support for the bridge")
    assert quote.speaker_name == author
    assert words(text, quote.speaker_antecedent) == author


def test_a_document_without_an_author_anywhere_keeps_its_words(pre):
    text = (
        "A new poll found that most voters back the plan.\n\n"
        "The poll also found that support for the bridge is falling."
    )
    assert said(pre, text, "support for the bridge").speaker_antecedent is None


# -- names the tagger misses, the same sentence, earlier descriptions, letters --------------


def test_a_surname_the_tagger_reads_as_a_word_still_takes_over(pre):
    text = (
        "Harold Vance and Peter Wade met at the yard on Monday. Vance argued for an hour "
        "that the dock should close.\n\n"
        "Wade himself was delighted by the vote. "
        '"The people who were angry were people we wanted to anger," he later said.'
    )
    quote = said(pre, text, "people we wanted")
    assert quote.speaker_name == "Peter Wade"
    assert words(text, quote.speaker_antecedent) == "Wade"


def test_a_first_name_and_surname_tagged_as_an_organization_is_a_person(pre):
    text = (
        "Carly Fiorano said Monday that the plan would fail.\n\n"
        '"Of course it is fair," Fiorano told reporters. '
        '"But you will not win by attacking the mayor," she said.'
    )
    assert said(pre, text, "it is fair").speaker_name == "Carly Fiorano"
    quote = said(pre, text, "attacking the mayor")
    assert (quote.speaker_name, quote.speaker_kind) == ("Carly Fiorano", "person")


def test_with_no_current_speaker_a_person_named_in_the_same_sentence_comes_first(pre):
    text = (
        "Anna Berg sold the dock on Monday.\n\n"
        "The fine would not hurt Margaret Holloway if she is elected, but she said the "
        "pier must reopen quickly."
    )
    quote = said(pre, text, "pier must reopen")
    assert quote.speaker_name == "Margaret Holloway"


def test_a_main_subject_after_the_speaker_in_the_previous_paragraph_takes_over(pre):
    text = (
        "While Harold Vance has yet to endorse the plan, his deputy, Peter Lund, has thrown "
        "his support behind it.\n\n"
        "And he claims his boss is fine with it."
    )
    assert said(pre, text, "his boss is fine").speaker_name == "Peter Lund"


def test_it_is_an_organization_named_earlier_in_the_same_sentence(pre):
    text = (
        "The Riverton Port Authority fined the operator in May.\n\n"
        "Files from the Harbour Workers Union began circulating after it announced that its "
        "servers had been breached."
    )
    quote = said(pre, text, "servers had been breached")
    assert quote.speaker_name == "Harbour Workers Union"


def test_the_aide_is_the_aide_described_before(pre):
    text = (
        '"The findings stand," a spokesman for the council said.\n\n'
        "A Republican committee aide criticized the statement.\n\n"
        '"It is proof they are playing politics," the aide said in an email.'
    )
    quote = said(pre, text, "playing politics")
    assert (quote.speaker_name, quote.speaker_kind) == ("Republican committee aide", "anonymous")
    assert words(text, quote.speaker_antecedent) == "Republican committee aide"


def test_a_plural_description_of_people_is_a_group_without_its_reflexive(pre):
    text = (
        "The meeting on Tuesday is a rare one that the candidates themselves agreed to hold "
        "when they spoke last week."
    )
    quote = said(pre, text, "to hold")
    assert (quote.speaker_name, quote.speaker_kind) == ("Candidates", "group")


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # a relative pronoun after a document: the document's author
        (
            "The mayor's office linked to the Reuters report, which says that the port lost "
            "money for a decade.",
            "port lost money",
            "Reuters",
        ),
        # ... after an appositive: the person it describes
        (
            "The campaign hired Jennifer Collins, a pollster who said the race was close.",
            "race was close",
            "Jennifer Collins",
        ),
    ],
)
def test_a_relative_pronoun_stands_for_the_source_its_noun_names(pre, text, content, speaker):
    assert said(pre, text, content).speaker_name == speaker


@pytest.mark.parametrize(
    ("text", "content", "expected"),
    [
        # a second relative clause joined to the first describes the same person
        (
            "Port vote.\n\nThe plan will pass, said Rep. Ana Ruiz, a council member whose "
            "district backed the mayor but who warned that the port could lose money.",
            "the port could lose money",
            ("Ana Ruiz", "person"),
        ),
        # "named X": the person the description names
        (
            "Port vote.\n\nThe mayor campaigned for a 70-year-old teacher named Tom Hale, who "
            "is running for council and who said the port must reopen.",
            "the port must reopen",
            ("Tom Hale", "person"),
        ),
        # one member of a party or a faith described after a name is that person ...
        (
            'Port vote.\n\n"It will pass," said Lionel Sosa, a media consultant and an '
            "influential Hispanic Republican who said he would vote for the plan.",
            "he would vote for the plan",
            ("Lionel Sosa", "person"),
        ),
        # ... and with no name, someone the article does not name, not an organization
        (
            "Port vote.\n\nAnother Muslim who worshiped at the center said the imam was kind.",
            "the imam was kind",
            ("Muslim", "anonymous"),
        ),
        (
            'Port vote.\n\n"It was not convincing," said one Democrat familiar with the '
            "discussion, who added that the mayor seemed rattled.",
            "the mayor seemed rattled",
            ("One Democrat", "anonymous"),
        ),
        # "the Wisconsin Republican" is the person in mind
        (
            "Port vote.\n\nMark Lowe spoke to reporters on Monday. It was a reversal for the "
            "Wisconsin Republican, who said the port must reopen.",
            "the port must reopen",
            ("Mark Lowe", "person"),
        ),
        # an appositive's noun that names no one ("maverick") still describes its person
        (
            "Port vote.\n\nPeter Thiel, the billionaire tech maverick who said the port must "
            "reopen, is a delegate.",
            "the port must reopen",
            ("Peter Thiel", "person"),
        ),
    ],
)
def test_who_after_a_description_is_the_one_it_describes(pre, text, content, expected):
    (found,) = [p for p in annotate(pre, text) if words(text, p.content) == content]
    assert (found.speaker_name, found.speaker_kind) == expected


def test_i_in_a_letter_is_the_writer_who_signs_it(pre):
    text = (
        "LETTERS.\n\n"
        "When the council closes the pier, I believe the closure is unprecedented.\n\n"
        "Richard Hays Powell.\n\n"
        "Gainesville, Fla."
    )
    quote = said(pre, text, "closure is unprecedented")
    assert quote.speaker_name == "Richard Hays Powell"
    assert words(text, quote.speaker_antecedent) == "Richard Hays Powell"


def test_we_in_a_signed_column_is_its_writer(pre):
    text = (
        "Why the port matters.\n\n"
        "I ran for mayor to fix the harbour. In the past five years, we have added 4,000 jobs "
        "at the port.\n\n"
        "Critics will scoff, but I am glad voters are asking for more. Because until we get "
        "serious about that, we will continue to get more of the same.\n\n"
        "Ana Ruiz is the mayor of Riverton."
    )

    def writers(text: str) -> list[tuple[str | None, str | None]]:
        return [
            (p.speaker_name, words(text, p.speaker_antecedent))
            for p in annotate(pre, text)
            if words(text, p.speaker_mention) == "we"
        ]

    assert writers(text) == [("Ana Ruiz", "Ana Ruiz")] * 2
    # unsigned, "we" in the narration is nobody the text names
    unsigned = text.rsplit("\n\n", 1)[0] + "\n\nAna Ruiz spoke at the port on Monday."
    assert writers(unsigned) == [(None, None)] * 2


def test_a_letter_signature_needs_a_first_name():
    text = "I think the pier should reopen.\n\nSubscribe Now."
    assert Discourse(text, []).signature(0) is None
    signed = "I think the pier should reopen.\n\n— Jane Q. Roe."
    assert Discourse(signed, []).signature(0) == ("Jane Q. Roe", (35, 46))


@pytest.mark.parametrize(
    ("source", "speaker"),
    [
        ("Most of the delegates", "Delegates"),
        ("About 30 percent of voters", "Voters"),
        ("Three in 10 voters", "Voters"),
        ("Half of the residents", "Residents"),
    ],
)
def test_a_part_of_a_group_speaks_for_the_group(pre, source, speaker):
    text = f"{source} said the pier should close this winter."
    quote = said(pre, text, "pier should close")
    assert (quote.speaker_name, quote.speaker_kind) == (speaker, "group")


def test_his_supporters_are_the_supporters_of_the_person_he_stands_for(pre):
    text = (
        "Senator Bernie Sanders endorsed the mayor on Tuesday. But some of his supporters "
        "said they remain reluctant to back her."
    )
    quote = said(pre, text, "remain reluctant")
    assert (quote.speaker_name, quote.speaker_kind) == ("Bernie Sanders's supporters", "group")


def test_answers_of_an_interview_are_the_person_interviewed(pre):
    text = (
        "Q&A with Mayor Joseph Ruiz.\n\n"
        "Mayor Joseph Ruiz spent Thursday at the port.\n\n"
        "Q: Is the pier safe?\n\n"
        "A: No. So I think the pier should close until it is fixed."
    )
    question, answer, opinion = annotate(pre, text)
    assert (words(text, question.speaker_mention), question.speaker_name) == ("Q", None)
    assert (words(text, answer.speaker_mention), answer.speaker_name) == ("A", "Joseph Ruiz")
    assert (words(text, opinion.speaker_mention), opinion.speaker_name) == ("I", "Joseph Ruiz")


def test_a_surname_two_people_share_goes_to_the_one_the_honorific_fits(pre):
    text = (
        "Bill Clinton and Hillary Clinton toured the mill on Monday.\n\n"
        "Mrs. Clinton told voters that the mill would reopen. Later, she said her husband "
        "had to come out of retirement."
    )
    assert said(pre, text, "mill would reopen").speaker_name == "Hillary Clinton"
    assert said(pre, text, "out of retirement").speaker_name == "Hillary Clinton"


def test_a_family_name_written_first_stands_for_the_full_name(pre):
    text = 'Ban Ki-moon spoke in Paris. Ban recalled the summit. "That was hard," he said.'
    assert said(pre, text, "That was hard").speaker_name == "Ban Ki-moon"


def test_they_after_a_plural_group_named_in_the_same_sentence(pre):
    text = "Meanwhile, the Democrats are acting as though they want to lose the race."
    quote = said(pre, text, "lose the race")
    assert (quote.speaker_name, quote.speaker_kind) == ("Democrats", "group")


def test_answers_are_the_person_interviewed_even_without_q_labels(pre):
    text = (
        "Laura Bush wrote the introduction.\n\n"
        "QWhat would have happened?\n\n"
        "A: I think they would have been set back.\n\n"
        "QWhy stay?\n\n"
        "A: It is in our interests, and we don't want to see that now."
    )
    found = {words(text, p.speaker_mention): p.speaker_name for p in annotate(pre, text)}
    assert found == {"A": "Laura Bush", "I": "Laura Bush", "we": "Laura Bush"}


def test_who_after_a_surname_tagged_as_an_organization_is_the_person(pre):
    text = (
        "Carly Fiorano said Monday that the plan would fail.\n\n"
        '"It is over," said Fiorano, who backs the mayor but is not working for her.'
    )
    quote = said(pre, text, "the mayor")
    assert (quote.speaker_name, quote.speaker_kind) == ("Carly Fiorano", "person")


def test_they_stays_with_the_group_speaking_over_a_group_named_in_its_words(pre):
    text = (
        "Democrats say Republicans are looking for a new line of attack because interest "
        "in the audit has waned.\n\n"
        "What's more, many of their best arguments are easily refuted, they say."
    )
    quote = said(pre, text, "easily refuted")
    assert (quote.speaker_name, quote.speaker_kind) == ("Democrats", "group")


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Bernie Sanders spoke in Ohio. The president hopes to win over Sanders’ "
            "supporters who are deeply skeptical of the party.",
            "the party",
            ("Bernie Sanders's supporters", "group"),
        ),
        (
            "Both camps ran slates of national-delegate candidates who pledged their support "
            "on the second vote.",
            "their support",
            ("National-delegate candidates", "group"),
        ),
    ],
)
def test_who_after_a_plural_description_is_the_group_it_describes(pre, text, content, speaker):
    quote = said(pre, text, content)
    assert (quote.speaker_name, quote.speaker_kind) == speaker


def test_an_epithet_is_the_person_speaking(pre):
    text = (
        "Harold Vance, the owner of the yard, listed his favourite show.\n\n"
        '"My favourite show is the news, starring me," the billionaire business mogul told '
        "reporters."
    )
    quote = said(pre, text, "starring me")
    assert (quote.speaker_name, quote.speaker_kind) == ("Harold Vance", "person")


def test_a_main_clause_subject_before_one_inside_a_clause(pre):
    text = (
        "Marco Rubio is launching his campaign in Florida, where Donald Trump leads.\n\n"
        "The Florida senator is telling reporters that he will have many delegates."
    )
    assert said(pre, text, "many delegates").speaker_name == "Marco Rubio"


def test_who_after_an_indefinite_someone_is_that_someone(pre):
    text = (
        "An NBC reporter who has been asking about the tax returns for months got an answer "
        "on Sunday."
    )
    quote = said(pre, text, "tax returns")
    assert (quote.speaker_name, quote.speaker_kind) == ("NBC reporter", "anonymous")


def test_a_name_ending_in_an_organization_word_is_an_organization(pre):
    text = (
        "Pastor Kevin Swanson spoke on his radio show on Friday, Right Wing Watch first reported."
    )
    kinds = {p.speaker_name: p.speaker_kind for p in annotate(pre, text)}
    assert kinds["Right Wing Watch"] == "organization"


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # an adverb is not part of a group's name
        (
            "At the dinner, virtually all the attendees said they back the mayor.",
            "back the mayor",
            ("All attendees", "group"),
        ),
        # a lone quantity names nobody: no speaker rather than "Many"
        ("Many said the mayor should resign.", "should resign", (None, None)),
    ],
)
def test_no_made_up_group_names(pre, text, content, speaker):
    quote = said(pre, text, content)
    assert (quote.speaker_name, quote.speaker_kind) == speaker


def test_a_pronoun_before_the_subject_it_stands_for(pre):
    text = (
        "Councillor Tomas Brandt opened the session.\n\n"
        "Before she left office, Mayor Ana Berg said the pier would reopen in May."
    )
    quote = said(pre, text, "pier would reopen")
    assert quote.speaker_name == "Ana Berg"
    text = "After he blasted the film, Pastor Kevin Swanson said the scouts were next."
    quote = said(pre, text, "the film")
    assert quote.speaker_name == "Kevin Swanson"
    assert words(text, quote.speaker_antecedent) == "Kevin Swanson"


def test_a_group_keeps_its_own_words_over_a_fuller_name_for_other_people(pre):
    text = (
        "American law enforcement officials said the suspect had traveled abroad.\n\n"
        "The agency has not used social media in its checks, federal officials said."
    )
    quote = said(pre, text, "social media")
    assert (quote.speaker_name, quote.speaker_kind) == ("Federal officials", "anonymous")


def test_the_foundation_is_never_the_newspaper_reporting_on_it(pre):
    text = (
        "The Riverton Tribune asked the Harbour Workers Union about its donations. The Tribune "
        "newspaper found no records.\n\n"
        "But the foundation reported that the salary was modest."
    )
    quote = said(pre, text, "salary was modest")
    # not the paper, not the union (another kind of institution): the foundation itself
    assert (quote.speaker_name, quote.speaker_kind) == ("Foundation", "organization")


def test_a_pronoun_never_stands_for_a_person_its_own_clause_names(pre):
    text = (
        "Sean Hannity asked Harold Vance how high the wall would be.\n\n"
        '"I think it could be 35 feet," he told Hannity. "That is a good height," he said.'
    )
    assert said(pre, text, "35 feet").speaker_name == "Harold Vance"
    assert said(pre, text, "good height").speaker_name == "Harold Vance"


def test_a_name_in_a_relative_clause_of_the_mention_is_not_the_source(pre):
    text = (
        "Two candidates would beat the mayor, according to a new poll that shows more voters "
        "view Margaret Holloway unfavorably than support her."
    )
    quote = said(pre, text, "would beat the mayor")
    assert quote.speaker_name != "Margaret Holloway"
    assert quote.speaker_kind != "person"


def test_i_in_the_narration_of_an_opinion_piece_has_no_speaker(pre):
    text = (
        '"We will win," Harold Vance said on Monday.\n\n'
        "Here, among the voters, I learned that politics is very different."
    )
    quote = said(pre, text, "politics is very different")
    assert quote.speaker_name is None


def test_a_clause_taken_for_a_mention_names_no_source(pre):
    resolver = next(c for c in pre.components if type(c).__name__ == "SpeakerResolver")
    doc = resolver(pre.nlp("Biden rubbished Trump's claim to understand the middle class."))
    clause = doc[0:3]  # "Biden rubbished Trump", as a rule may misread it
    assert resolver._junk(clause, doc[2])
    assert not resolver._junk(doc[0:1], doc[0])  # "Biden" alone names a source
    poll = pre.nlp("A new poll that shows voters view Holloway unfavorably was released.")
    resolver(poll)
    assert not resolver._junk(poll[0:9], poll[2])  # a relative clause inside is fine


def test_the_person_interviewed_is_the_one_named_after_q_and_a_with(pre):
    text = (
        "LETTERS.\n\n"
        "When the council closes the pier, I believe the closure will hurt every family.\n\n"
        "Richard Hays Powell.\n\n"
        "Q&A with Mayor Joseph Ruiz.\n\n"
        "Q: Is the pier safe?\n\n"
        "A: No. So I think the pier should close until it is fixed."
    )
    assert said(pre, text, "hurt every family").speaker_name == "Richard Hays Powell"
    answers = [p for p in annotate(pre, text) if words(text, p.speaker_mention) in {"A", "I"}]
    assert {words(text, p.speaker_mention) for p in answers} == {"A", "I"}
    assert {p.speaker_name for p in answers if "fixed" in words(text, p.content)} == {"Joseph Ruiz"}


def test_a_person_tagged_name_ending_like_a_newspaper_is_the_newspaper(pre):
    text = (
        "About 30 percent of voters said the closure was a mistake, a Riverton Tribune poll found."
    )
    kinds = {p.speaker_name: p.speaker_kind for p in annotate(pre, text)}
    assert kinds.get("Riverton Tribune") == "organization"


def test_the_airline_is_the_airline_named_before(pre):
    text = (
        "Mohamed Assem, the plane's co-pilot, had logged 2,766 flying hours with EgyptAir, "
        "the airline said Thursday."
    )
    quote = said(pre, text, "flying hours")
    assert (quote.speaker_name, quote.speaker_kind) == ("EgyptAir", "organization")


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # a collective noun in the singular is a group
        ("The crowd yelled that the wall must be built.", "wall must be built", ("Crowd", "group")),
        # a participle after the mention is its cue, not part of its name
        (
            "The race is tight, with polls showing that the mayor's lead has evaporated.",
            "lead has evaporated",
            ("Polls", "group"),
        ),
    ],
)
def test_crowds_and_polls_speak_as_groups(pre, text, content, speaker):
    quote = said(pre, text, content)
    assert (quote.speaker_name, quote.speaker_kind) == speaker


def test_descriptions_only_the_resolver_reads_leave_the_rules_unchanged():
    from annotations.preannotator.lexicon import lexicon, read_list

    resolver_only = {row[0].lower() for row in read_list("speaker_descriptions.txt")}
    assert resolver_only and not resolver_only & set(lexicon().descriptions)


def test_a_bare_share_speaks_for_the_group_an_among_phrase_names(pre):
    text = (
        "Among Trump voters, 74 percent said they are set on voting for him, while 22 percent "
        "said they might change their mind. Among Kasich supporters, however, 61 percent said "
        "they have made up their minds."
    )
    found = {words(text, p.speaker_mention): p.speaker_name for p in annotate(pre, text)}
    assert found == {
        "74 percent": "Trump voters",
        "22 percent": "Trump voters",
        "61 percent": "Kasich supporters",
    }


def test_a_group_named_by_among_keeps_its_words_without_an_appositive(pre):
    text = (
        "Among likely GOP primary voters, about two-thirds, 67 percent, said they back the "
        "plan. Just over a quarter, 26 percent, said they oppose it."
    )
    quote = said(pre, text, "they oppose it")
    assert (quote.speaker_name, quote.speaker_kind) == ("Likely GOP primary voters", "group")


def test_a_document_named_again_speaks_for_the_author_it_was_written_by(pre):
    text = (
        "The charge is explained in an affidavit written by Marc Bujnowski, a detective.\n\n"
        "Beyond the footage, the affidavit said that the officer had seen bruises."
    )
    quote = said(pre, text, "had seen bruises")
    assert (quote.speaker_name, quote.speaker_kind) == ("Marc Bujnowski", "person")


def test_bare_experts_are_not_the_experts_named_for_something_else(pre):
    text = (
        "Law enforcement experts said the footage was clear.\n\n"
        "Even so, experts said first-time offenders are rarely jailed."
    )
    quote = said(pre, text, "rarely jailed")
    assert (quote.speaker_name, quote.speaker_kind) == ("Experts", "anonymous")


def test_the_government_is_never_another_organization_named_before(pre):
    text = (
        "The occupiers held the Malheur National Wildlife Refuge for weeks.\n\n"
        "The judge heard clips of the radio show - proof, the government argued, that the "
        "host took part in the occupation."
    )
    quote = said(pre, text, "took part in the occupation")
    assert quote.speaker_name != "Malheur National Wildlife Refuge"


def test_the_magazine_is_the_magazine_named_before_whatever_the_tagger_made_of_it(pre):
    text = (
        "Bill Clinton submitted cookie recipes for Family Circle magazine's cookie poll.\n\n"
        "The magazine said the cookie poll winner has predicted five of the last six races."
    )
    quote = said(pre, text, "predicted five")
    assert (quote.speaker_name, quote.speaker_kind) == ("Family Circle", "organization")


def test_aides_of_a_person_are_named_with_the_person(pre):
    text = (
        "Senator Bernie Sanders lost New York by 16 points.\n\n"
        "The senator's advisers were optimistic that he would do well next week. "
        "His aides said that the campaign has money."
    )
    advisers = said(pre, text, "do well next week")
    aides = said(pre, text, "has money")
    assert advisers.speaker_name == "Bernie Sanders's advisers"
    assert (aides.speaker_name, aides.speaker_kind) == ("Bernie Sanders's aides", "anonymous")


def test_a_role_given_to_a_surname_the_tagger_missed_names_that_person(pre):
    # the small model tags this "Roffman" as an organization
    text = (
        "Marvin Roffman doubted the new casino project, the Grand Palace. Roffman, a "
        "securities analyst for the investment company Janney Montgomery Scott, recalled "
        "many calls with the owner.\n\n"
        "The securities analyst said that he decided to fight back."
    )
    assert said(pre, text, "fight back").speaker_name == "Marvin Roffman"


def test_a_bare_share_speaks_for_the_group_of_the_share_before_it(pre):
    text = (
        "About 40 percent of voters said the economy matters most. "
        "Another 12 percent said that terrorism does."
    )
    quote = said(pre, text, "terrorism does")
    assert (quote.speaker_name, quote.speaker_kind) == ("Voters", "group")


def test_who_after_an_appositive_is_the_person_even_one_tagged_as_a_place(pre):
    # the small model tags "Harlan Crow" as a place here
    text = (
        "Our Principles raised $100,000 from Harlan Crow, a Texas real estate developer, "
        "who had supported Senator Marco Rubio of Florida."
    )
    quote = said(pre, text, "Marco Rubio")
    assert (quote.speaker_name, quote.speaker_kind) == ("Harlan Crow", "person")


def test_who_after_a_share_is_the_group_it_is_part_of(pre):
    text = (
        "Clinton won by almost 60 points among the 30 percent of voters who said Wall Street "
        "does more to help the economy."
    )
    quote = said(pre, text, "Wall Street does more")
    assert (quote.speaker_name, quote.speaker_kind) == ("Voters", "group")


def test_officials_described_by_a_participle_are_anonymous_sources(pre):
    text = "Officials involved with the political groups said that they are raising more money."
    quote = said(pre, text, "raising more money")
    assert quote.speaker_kind == "anonymous"
    assert quote.speaker_name.startswith("Officials involved")


def test_one_activist_is_an_anonymous_source(pre):
    text = 'There was a moment of mayhem. ("I do not want fisticuffs," said one party activist.)'
    quote = said(pre, text, "fisticuffs")
    assert (quote.speaker_name, quote.speaker_kind) == ("Party activist", "anonymous")


def test_we_in_the_narration_is_no_group_named_before(pre):
    text = (
        "Policy makers cannot impose all the pain on the nation's blue-collar workers.\n\n"
        "But now that we know the costs are big, it looks unconscionable."
    )
    assert said(pre, text, "the costs are big").speaker_name is None


def test_a_share_speaks_for_the_group_of_a_share_in_the_paragraph_before(pre):
    text = (
        "But 16 percent of Democratic registered voters still say they do not know Sanders.\n\n"
        "Since December, Sanders has gained on other measures, too. And 64 percent call him "
        "competent."
    )
    quote = said(pre, text, "him competent")
    assert (quote.speaker_name, quote.speaker_kind) == ("Democratic registered voters", "group")


def test_an_abbreviated_title_is_a_role_a_description_refers_to(pre):
    text = (
        "Sen. Bernie Sanders appeared on CNN on Sunday.\n\n"
        '"That would be you?" host Gloria Borger asked.\n\n'
        '"That would be me, yes," the senator said.'
    )
    assert said(pre, text, "That would be me").speaker_name == "Bernie Sanders"


def test_a_person_and_another_source_joined_by_and_are_one_group(pre):
    text = (
        "Sen. Ted Cruz lost the primary to Trump.\n\n"
        "The senator and his allies said that the front-runner is a liberal. "
        "Paul Singer backs John Faso. Singer and Faso said that the race is close."
    )
    allies = said(pre, text, "front-runner is a liberal")
    both = said(pre, text, "race is close")
    assert (allies.speaker_name, allies.speaker_kind) == ("Ted Cruz and his allies", "group")
    assert (both.speaker_name, both.speaker_kind) == ("Paul Singer and John Faso", "group")


def test_titles_joined_by_and_before_a_name_are_one_person(pre):
    text = (
        "Democratic front-runner and former secretary of state Hillary Clinton said that the "
        "plan would fail."
    )
    assert said(pre, text, "plan would fail").speaker_name == "Hillary Clinton"


def test_the_two_are_the_people_named_together_before(pre):
    text = (
        "Donald Trump and Ted Cruz met on Monday in Houston. "
        "The two said that they would debate again."
    )
    quote = said(pre, text, "debate again")
    assert (quote.speaker_name, quote.speaker_kind) == ("Donald Trump and Ted Cruz", "group")


def test_some_who_a_clause_describes_are_a_group(pre):
    text = "But some who advocate free speech argue that the plan puts companies in a bind."
    quote = said(pre, text, "puts companies in a bind")
    assert (quote.speaker_name, quote.speaker_kind) == ("Some who advocate free speech", "group")


def test_the_organizer_introduced_before_is_an_anonymous_source(pre):
    text = (
        "The couple was greeted by an organizer at a field office.\n\n"
        '"You are the most effective messengers," the organizer told them.'
    )
    quote = said(pre, text, "effective messengers")
    # named in the words that introduced the organizer
    assert (quote.speaker_name, quote.speaker_kind) == ("Organizer at a field office", "anonymous")


def test_the_man_after_one_man_is_that_anonymous_source(pre):
    text = (
        "Bernie Sanders drew big crowds in New Hampshire.\n\n"
        "One man in Manchester, responding to the senator's speech, interrupted him:\n\n"
        '"They stole the country," the man shouted.'
    )
    quote = said(pre, text, "stole the country")
    assert (quote.speaker_name, quote.speaker_kind) == ("Man in Manchester", "anonymous")


def test_i_in_an_opinion_piece_is_the_writer_its_closing_line_names(pre):
    text = (
        "Politicians have a short-term focus.\n\n"
        "This, I predict, will not end well.\n\n"
        "Glenn Harlan Reynolds, a law professor, is a member of the Board of Contributors."
    )
    quote = said(pre, text, "will not end well")
    assert (quote.speaker_name, quote.speaker_kind) == ("Glenn Harlan Reynolds", "person")


def test_the_owner_of_a_subject_is_as_salient_as_a_subject(pre):
    text = (
        '"It is a sad day," said Thomas Krebs, a state commissioner.\n\n'
        "FBI Director James Comey's news conference on Tuesday, in which he said that the "
        "emails were mishandled, was the latest in a series of failures."
    )
    assert said(pre, text, "emails were mishandled").speaker_name == "James Comey"


def test_a_headlines_bare_title_is_the_first_person_the_article_names(pre):
    text = (
        "Win or not, candidate says, campaign aims to transform country.\n\n"
        "The results will force Sen. Bernie Sanders to acknowledge a hard reality."
    )
    assert said(pre, text, "campaign aims").speaker_name == "Bernie Sanders"


def test_news_outlets_in_the_plural_are_a_group(pre):
    text = "After the vote, news outlets said that the result was a surprise."
    quote = said(pre, text, "result was a surprise")
    assert (quote.speaker_name, quote.speaker_kind) == ("News outlets", "group")


def test_the_editorial_board_is_the_newspaper_named_before(pre):
    text = (
        "The Wall Street Journal defended Governor Nikki Haley on Wednesday.\n\n"
        "Haley is an articulate conservative, the editorial board writes."
    )
    quote = said(pre, text, "articulate conservative")
    assert (quote.speaker_name, quote.speaker_kind) == ("Wall Street Journal", "organization")


def test_a_name_that_only_names_a_room_is_no_antecedent(pre):
    text = (
        "Speaking at the White House James S. Brady briefing room Sunday, the president "
        "framed the shooting as a moment of unity.\n\n"
        "He said that the nation must not give in to fear."
    )
    assert said(pre, text, "give in to fear").speaker_name != "James S. Brady"


def test_a_foundation_the_tagger_took_for_a_person_is_no_antecedent(pre):
    # the small model tags "Donald J. Trump Foundation's" as a person here
    text = (
        "In 2008, Trump said, the Donald J. Trump Foundation's donation had made his father "
        'a "presenting sponsor."\n\n'
        '"My father made the donation," he wrote.'
    )
    assert said(pre, text, "My father made").speaker_name != "Donald J. Trump Foundation"


def test_those_surveyed_are_a_group_and_a_share_of_them_no_junk_name(pre):
    text = (
        "By 58%-33%, those surveyed said the funding should not be cut.\n\n"
        "Women make up a majority of the electorate, and as many as three-fourths of them "
        "tell pollsters they have a negative view of him."
    )
    surveyed = said(pre, text, "should not be cut")
    share = said(pre, text, "negative view")
    assert (surveyed.speaker_name, surveyed.speaker_kind) == ("Those surveyed", "group")
    assert share.speaker_name is None or "-fourths" not in share.speaker_name


def test_a_misparsed_participle_phrase_is_still_no_source(pre):
    text = "According to a fact sheet lawmakers released Monday, the bill would cost nothing."
    assert said(pre, text, "cost nothing").speaker_name is None


def test_a_share_of_them_is_too_vague_to_name(pre):
    text = (
        "The closest advisers met on Monday.\n\n"
        "Women make up a majority of the electorate, and as many as three-fourths of them "
        "tell pollsters they have a negative view of him."
    )
    assert said(pre, text, "negative view").speaker_name is None


def test_he_after_a_sentence_whose_subject_is_he_is_the_same_person(pre):
    text = (
        "President Obama's approval rating stands at 53 percent. It has been 150 days since "
        "he nominated Judge Merrick Garland.\n\n"
        "On July 20, Garland broke the record for the longest wait.\n\n"
        "Given Obama's strong rating, he should pressure the Senate. He could say that he will "
        "withdraw the nomination."
    )
    assert said(pre, text, "withdraw the nomination").speaker_name == "Obama"


def test_a_quote_with_no_cue_goes_on_with_the_speaker_not_with_whom_they_reported(pre):
    text = (
        "Defense.\n\n"
        "“We are staying,” Secretary Ana Carter said, adding that for years some critics had "
        "been predicting a withdrawal from the region.\n\n"
        "“We will keep our ships here for decades. Nobody should doubt it.”"
    )
    assert said(pre, text, "keep our ships").speaker_name == "Ana Carter"
    # with nobody reported in between, the quote is still the speaker's
    text = (
        "Defense.\n\n"
        "“We are staying,” Secretary Ana Carter said.\n\n"
        "“We will keep our ships here for decades. Nobody should doubt it.”"
    )
    assert said(pre, text, "keep our ships").speaker_name == "Ana Carter"


def test_the_senators_after_two_named_together_are_both(pre):
    text = (
        "Visa program.\n\n"
        "Senators Ana Ruiz and Tom Hale wrote to the agency in May.\n\n"
        "Ms. Ruiz and Mr. Hale said developers had gamed the rules, which the senators said "
        "was a scandal."
    )
    (found,) = [p for p in annotate(pre, text) if words(text, p.speaker_mention) == "the senators"]
    assert (found.speaker_name, found.speaker_kind) == ("Ana Ruiz and Tom Hale", "group")
    # with no one named together before, the senators stay a group in their own words
    alone = "Visa program.\n\nThe senators said the rules were a scandal."
    assert said(pre, alone, "rules were a scandal").speaker_name == "Senators"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Port study.\n\nResearch suggests that the port lost money. The new research was "
            "paid for by the city.",
            "the port lost money",
        ),
        (
            "Port study.\n\nPlenty of companies said the port lost money, and plenty of "
            "workers agreed.",
            "the port lost money",
        ),
    ],
)
def test_a_capitalised_word_the_article_writes_in_lower_case_is_no_person(pre, text, content):
    found = said(pre, text, content)
    assert (found.speaker_name, found.speaker_kind) == (None, None)


@pytest.mark.parametrize(
    ("text", "content", "acronym"),
    [
        (
            "Hack.\n\nMNSBC suggested that the mayor has to be perfect.",
            "has to be perfect",
            "MNSBC",
        ),
        ("Hack.\n\nCNS reported Monday that the port had closed.", "the port had closed", "CNS"),
    ],
)
def test_an_acronym_alone_is_an_organization_not_a_person(pre, text, content, acronym):
    found = said(pre, text, content)
    assert (found.speaker_name, found.speaker_kind) == (acronym, "organization")


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        ("", "Church of Riverton"),
        # two names it could begin: the short name stays as written
        (' "We knew nothing," the Church of England said.', "Church"),
    ],
)
def test_the_first_word_of_an_of_name_is_that_organization(pre, second, expected):
    text = (
        "Shelter closes.\n\n"
        f'"We will close the shelter," the Church of Riverton said in a statement.{second}\n\n'
        "The Church said the decision was final."
    )
    assert said(pre, text, "the decision was final").speaker_name == expected


def test_an_acronym_that_spells_a_pronoun_is_the_organization_it_abbreviates(pre):
    text = (
        "Iodine levels fall.\n\n"
        "The World Health Organisation (WHO) published a report on Monday.\n\n"
        "WHO says iodine deficiency is preventable."
    )
    found = said(pre, text, "iodine deficiency is preventable")
    assert (found.speaker_name, found.speaker_kind) == ("World Health Organisation", "organization")


INTERVIEW_ANSWERS = (
    "What drew you to mathematics?\n\n"
    "I think it was the beauty of it. My father showed me some puzzles when I was ten.\n\n"
    "Why do many students dislike it?\n\n"
    "I believe they often have bad teachers, which is a problem."
)


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        (
            "Wikinews interviews mathematician Tom Hale\n\n"
            "Tom Hale is a professor in Riverton. He spoke to us about his work.\n\n",
            "Tom Hale",
        ),
        # the headline names no one: not the first person the article names
        (
            "An interview with the owners of a puzzle shop\n\n"
            "The shop opened after Tom Hale, a famous mathematician, praised its puzzles.\n\n",
            None,
        ),
        # rhetorical questions in an article that is no interview: "I" is its writer
        (
            "Why mathematics matters\n\nTom Hale is a professor in Riverton.\n\n",
            None,
        ),
    ],
)
def test_answers_after_questions_of_their_own_are_the_person_interviewed(pre, opening, expected):
    text = opening + INTERVIEW_ANSWERS
    assert said(pre, text, "bad teachers").speaker_name == expected


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("Israeli mathematician and writer Aner Shalev", "Aner Shalev"),
        # a group's name after "the" is no one's
        ("the president of the International Brotherhood of Magicians", None),
    ],
)
def test_the_interviewee_is_the_name_after_interviews_when_the_tagger_missed_it(pre, who, expected):
    text = (
        f"Wikinews interviews {who} Friday, May 2, 2008\n\n"
        "Shalev, who leads the International Brotherhood, spoke to us at a conference in "
        "Italy.\n\n" + INTERVIEW_ANSWERS
    )
    found = said(pre, text, "bad teachers")
    assert found.speaker_name == expected
    if expected:
        assert words(text, found.speaker_antecedent) == expected


def test_a_headline_without_a_full_stop_gives_no_gender_to_the_sentence_below(pre):
    # the tagger joins the headline to the first sentence: "her" below is the country
    doc = pre.nlp(
        "PM Tomas Varga Says Neighbours Tried To Cheat Ardenia\n\n"
        "Neighbours tried to cheat Ardenia despite her attempts at peace."
    )
    pieces = list(sentences_within_paragraphs(doc))
    assert all("\n" not in piece.text for piece in pieces)
    assert [p.text for p in pieces][-1].startswith("Neighbours tried")
    varga = {t.i: "Tomas Varga" for t in doc if t.text in {"Tomas", "Varga"}}
    varga[0] = "Tomas Varga"  # the name as the headline's subject, whatever the parse
    assert "Tomas Varga" not in tied_pronoun_genders(doc, varga)


def test_a_mention_with_no_names_nobody(pre):
    text = "Ruling\n\nNo official commented on the plan, and no company said it would move."
    for content in ["the plan", "it would move"]:
        found = said(pre, text, content)
        assert words(text, found.speaker_mention).lower().startswith("no ")
        assert found.speaker_name is None


def test_a_relative_clause_of_a_noun_after_the_head_is_no_clause_mention(pre):
    text = (
        "Sprinters 'finished'\n\n"
        "The careers of two sprinters are over, says the boss of the body that cleared them "
        "of missing a test.\n\n"
        "Athletics Federation boss Vassili Sevasti told parliament the damage had been done."
    )
    found = said(pre, text, "careers of two sprinters")
    assert (found.speaker_name, found.speaker_kind) == ("Vassili Sevasti", "person")


def test_a_name_in_a_relative_clause_after_the_head_is_not_the_source(pre):
    text = (
        "Delegates\n\n"
        "Ted Cruz spoke in Ohio. The influential delegate and conservative activist, who backs "
        "Ted Cruz, predicted a ferocious battle at the convention."
    )
    assert said(pre, text, "a ferocious battle").speaker_name != "Ted Cruz"
