"""The pre-annotator's detection patterns, one test per pattern, on sentences written here."""

import pytest

from annotations.preannotator import Preannotator, Proposal


@pytest.fixture(scope="module")
def pre() -> Preannotator:
    return Preannotator()


def annotate(pre: Preannotator, text: str) -> list[Proposal]:
    return next(pre.annotate([text]))


def words(text: str, span: tuple[int, int] | None) -> str | None:
    return text[span[0] : span[1]] if span else None


def only(pre: Preannotator, text: str) -> Proposal:
    proposals = annotate(pre, text)
    assert len(proposals) == 1, [(p.kind, p.content) for p in proposals]
    return proposals[0]


# -- direct quotes -------------------------------------------------------------------


def test_direct_quote_in_curly_marks(pre):
    text = "“We will hire 200 teachers by June,” Mayor Ana Ruiz said on Monday."
    quote = only(pre, text)
    assert quote.kind == "direct"
    assert words(text, quote.content) == "We will hire 200 teachers by June,"
    assert words(text, quote.cue) == "said"
    assert words(text, quote.speaker_mention) == "Mayor Ana Ruiz"
    assert quote.speaker_name == "Ana Ruiz"
    assert quote.speaker_kind == "person"


def test_direct_quote_in_straight_marks(pre):
    text = 'The bridge reopened. "Traffic will be lighter now," the transport minister said.'
    quote = only(pre, text)
    assert quote.kind == "direct"
    assert words(text, quote.content) == "Traffic will be lighter now,"
    assert words(text, quote.speaker_mention) == "the transport minister"


def test_nested_single_quotes_stay_inside_the_quote(pre):
    text = "“Nobody here calls it a ‘crisis’ any more,” said Tom Baker, a farmer."
    quote = only(pre, text)
    assert words(text, quote.content) == "Nobody here calls it a ‘crisis’ any more,"
    assert words(text, quote.cue) == "said"
    assert words(text, quote.speaker_mention) == "Tom Baker"


def test_quote_across_sentences_is_one_quote(pre):
    text = "“The plan failed. We need a new one by spring,” the governor said."
    quote = only(pre, text)
    assert quote.content_fragments == [quote.content]
    assert words(text, quote.content) == "The plan failed. We need a new one by spring,"


def test_multi_paragraph_quote_has_one_fragment_per_paragraph(pre):
    text = (
        "Jane Doe, the union leader, said: “Workers have waited years for this deal.\n\n"
        "“They will not wait any longer for the company to act.”\n"
    )
    quote = only(pre, text)
    assert quote.kind == "direct"
    assert [words(text, f) for f in quote.content_fragments] == [
        "Workers have waited years for this deal.",
        "They will not wait any longer for the company to act.",
    ]
    assert words(text, quote.speaker_mention) == "Jane Doe"


def test_interrupted_quote_is_one_quote_with_two_fragments(pre):
    text = "Maria Lopez spoke after the vote. “We are ready,” she said, “and we will win.”"
    quote = only(pre, text)
    assert [words(text, f) for f in quote.content_fragments] == [
        "We are ready,",
        "and we will win.",
    ]
    assert words(text, quote.cue) == "said"
    assert words(text, quote.speaker_mention) == "she"
    assert quote.speaker_name == "Maria Lopez"


@pytest.mark.parametrize(
    "text",
    [
        "The navy unveiled its new ‘tactical nuclear submarine’ at the ceremony.",
        "She starred in “The Long Road Home” before moving to London.",
        "The stadium, known as “the Cauldron” to its fans, was full.",
        "The river flooded the town after three days of heavy rain.",
    ],
)
def test_no_proposal_for_scare_quotes_titles_names_or_plain_narration(pre, text):
    assert annotate(pre, text) == []


# -- indirect and mixed --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "content", "cue", "mention"),
    [
        (
            "The mayor said that the budget would grow next year.",
            "the budget would grow next year",
            "said",
            "The mayor",
        ),
        (
            "Officials told reporters the talks had stalled overnight.",
            "the talks had stalled overnight",
            "told",
            "Officials",
        ),
        (
            "The talks had stalled overnight, officials said.",
            "The talks had stalled overnight",
            "said",
            "officials",
        ),
        (
            "The talks had stalled overnight, said a senior diplomat.",
            "The talks had stalled overnight",
            "said",
            "a senior diplomat",
        ),
        (
            "Prices rose sharply last year, according to the statistics office.",
            "Prices rose sharply last year",
            "according to",
            "the statistics office",
        ),
        (
            "The coach warned that the season could be cancelled.",
            "the season could be cancelled",
            "warned",
            "The coach",
        ),
        (
            "Critics argued that the tax would hurt small shops.",
            "the tax would hurt small shops",
            "argued",
            "Critics",
        ),
        (
            "The company claimed that its drivers were contractors.",
            "its drivers were contractors",
            "claimed",
            "The company",
        ),
    ],
)
def test_indirect_speech(pre, text, content, cue, mention):
    quote = only(pre, text)
    assert quote.kind == "indirect"
    assert words(text, quote.content) == content
    assert words(text, quote.cue) == cue
    assert words(text, quote.speaker_mention) == mention


def test_multiword_cue_expressed_concern_with_appositive_speaker(pre):
    text = (
        "Rachel Green, a senior analyst at the Acme Institute, expressed concern that "
        "exports could fall sharply."
    )
    quote = only(pre, text)
    assert words(text, quote.cue) == "expressed concern"
    assert words(text, quote.speaker_mention) == "Rachel Green"
    assert words(text, quote.content) == "exports could fall sharply"


def test_long_noun_phrase_speaker(pre):
    text = "The office of the state attorney general told reporters that the case was closed."
    quote = only(pre, text)
    assert words(text, quote.speaker_mention) == "The office of the state attorney general"
    assert quote.speaker_kind == "organization"


def test_mixed_quote_covers_the_reported_clause(pre):
    text = "The senator said the bill was “a disgrace to the country.”"
    quote = only(pre, text)
    assert quote.kind == "mixed"
    assert words(text, quote.content).startswith("the bill was “a disgrace")
    assert words(text, quote.speaker_mention) == "The senator"


# -- speakers ------------------------------------------------------------------------


def test_pronoun_resolves_to_the_person_named_before(pre):
    text = "Senator Jane Smith spoke in Ohio on Monday. She said the plan would fail."
    quote = only(pre, text)
    assert words(text, quote.speaker_mention) == "She"
    assert quote.speaker_name == "Jane Smith"
    assert quote.speaker_kind == "person"


def test_surname_alone_resolves_to_the_full_name(pre):
    text = "Maria Lopez won the vote in March. Later, Lopez said the result was fair."
    quote = only(pre, text)
    assert words(text, quote.speaker_mention) == "Lopez"
    assert quote.speaker_name == "Maria Lopez"


def test_they_resolves_to_the_group_of_officials(pre):
    text = (
        "The newspaper cited four senior defence officials. "
        "An attack was possible within days, they said."
    )
    quote = only(pre, text)
    assert words(text, quote.speaker_mention) == "they"
    assert quote.speaker_name == "Senior defence officials"
    assert quote.speaker_kind == "anonymous"


def test_description_resolves_to_the_organisation_it_introduced(pre):
    text = (
        "Taxes will rise next year, according to the think tank Institute for Fiscal Studies.\n\n"
        "Spending will also grow, the think tank said."
    )
    first, second = annotate(pre, text)
    assert first.speaker_name == "Institute for Fiscal Studies"
    assert words(text, second.speaker_mention) == "the think tank"
    assert second.speaker_name == "Institute for Fiscal Studies"
    assert second.speaker_kind == "organization"


def test_possessive_office_resolves_to_the_office_named_before(pre):
    text = (
        "The office of Ukraine’s Prosecutor General Andriy Kostin told Reuters that the "
        "shells had failed.\n\n"
        "“Half of them exploded in the air,” Kostin’s office said."
    )
    first, second = annotate(pre, text)
    assert first.speaker_kind == second.speaker_kind == "organization"
    assert words(text, second.speaker_mention) == "Kostin’s office"
    assert second.speaker_name == first.speaker_name
    assert "Kostin" not in first.speaker_name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A US intelligence official said the missiles were old.", "US intelligence official"),
        ("One official said the deal was dead.", "Official"),
        ("French officials met on Monday. One official said the deal was dead.", "French official"),
    ],
)
def test_anonymous_sources(pre, text, name):
    quote = only(pre, text)
    assert quote.speaker_kind == "anonymous"
    assert quote.speaker_name == name


# -- claims --------------------------------------------------------------------------


def test_claims_are_the_clauses_with_checkable_facts(pre):
    text = "“Unemployment fell to 4 percent in May; we are proud of that,” the minister said."
    quote = only(pre, text)
    assert [words(text, c) for c in quote.claims] == ["Unemployment fell to 4 percent in May"]


def test_no_claim_in_a_quote_without_facts(pre):
    text = "“We are very happy with the result,” she said."
    assert only(pre, text).claims == []


def test_quote_continued_after_the_cue_sentence_and_abbreviated_titles(pre):
    text = (
        '"Are we ready? Probably not," Ms. Moore said. "Will we get there? Absolutely."\n\n'
        "''The museum tells the truth,'' Mr. Bush declared."
    )
    first, second = annotate(pre, text)
    assert [words(text, f) for f in first.content_fragments] == [
        "Are we ready? Probably not,",
        "Will we get there? Absolutely.",
    ]
    assert words(text, first.speaker_mention) == "Ms. Moore"
    assert second.kind == "direct"
    assert words(text, second.content) == "The museum tells the truth,"
    assert words(text, second.speaker_mention) == "Mr. Bush"


def test_quote_signed_with_a_dash_and_a_name(pre):
    text = (
        "“We can still fix the schools if we vote.” ― Dana Whitfield\n\n"
        "WASHINGTON ― The council met on Tuesday."
    )
    quote = only(pre, text)
    assert words(text, quote.content) == "We can still fix the schools if we vote."
    assert words(text, quote.cue) == "―"
    assert words(text, quote.speaker_mention) == "Dana Whitfield"


def test_hyphenated_names_stay_whole_in_the_mention(pre):
    text = "Jo-Renee Formicola, a professor of politics, said the talks had failed."
    quote = only(pre, text)
    assert words(text, quote.speaker_mention) == "Jo-Renee Formicola"
    assert quote.speaker_name == "Jo-Renee Formicola"


def test_relative_pronoun_speaker_resolves_to_its_antecedent(pre):
    text = "The plan drew criticism from Marc Morial, who said it was far too weak."
    quote = only(pre, text)
    assert words(text, quote.speaker_mention) == "who"
    assert quote.speaker_name == "Marc Morial"
    assert quote.speaker_kind == "person"


def test_reporting_noun_with_its_possessor_as_source(pre):
    text = "Fact-checkers examined the mayor’s claim that crime fell 12 percent last year."
    quote = only(pre, text)
    assert words(text, quote.cue) == "claim"
    assert words(text, quote.speaker_mention) == "the mayor"
    assert words(text, quote.content) == "crime fell 12 percent last year"
    assert quote.confidence < 0.5  # a claim reported second-hand, not a quote


def test_no_comment_responses(pre):
    text = "The campaign did not immediately respond to requests for comment."
    quote = only(pre, text)
    assert words(text, quote.cue) == "respond to"
    assert words(text, quote.content) == "requests for comment"


def test_mixed_quote_takes_the_whole_complement_before_the_marks(pre):
    text = "The mayor called the new stadium plan “a gift to developers.”"
    quote = only(pre, text)
    assert quote.kind == "mixed"
    assert words(text, quote.content).startswith("the new stadium plan")
    assert words(text, quote.cue) == "called"


def test_object_cues_cite_and_accuse_of(pre):
    text = "The senator cited a survey of rural hospitals."
    quote = only(pre, text)
    assert words(text, quote.content) == "a survey of rural hospitals"
    assert words(text, quote.speaker_mention) == "The senator"
    text = "Union leaders accused the company of hiding its losses."
    quote = only(pre, text)
    assert words(text, quote.content) == "the company of hiding its losses"
    assert words(text, quote.cue) == "accused"


def test_citing_as_evidence_is_not_a_cue(pre):
    text = "The port will close next week, the ministry announced, citing two engineers."
    proposals = annotate(pre, text)
    assert [words(text, p.cue) for p in proposals] == ["announced"]


def test_gerund_complement_of_a_cue(pre):
    text = "The council member proposed closing the bridge at night."
    quote = only(pre, text)
    assert words(text, quote.content) == "closing the bridge at night"
    assert words(text, quote.cue) == "proposed"


def test_participle_after_a_document_takes_it_as_source(pre):
    text = "The union issued a statement saying the strike would end on Friday."
    proposals = annotate(pre, text)
    saying = next(p for p in proposals if words(text, p.cue) == "saying")
    assert words(text, saying.speaker_mention) == "The union"  # who issued the statement
    assert words(text, saying.content) == "the strike would end on Friday"
    text = "On Sunday a new advertisement attacking the mayor appeared on local television."
    attacking = next(p for p in annotate(pre, text) if words(text, p.cue) == "attacking")
    assert words(text, attacking.speaker_mention) == "a new advertisement"
    assert words(text, attacking.content) == "the mayor"
    # after a noun that cannot speak, a participle reports nothing
    text = "The storm left a bridge blocking the road near the river."
    assert annotate(pre, text) == []


def test_cue_in_an_adverbial_by_saying_belongs_to_the_subject(pre):
    text = "The coach defended the decision by saying the team needed rest."
    proposals = annotate(pre, text)
    saying = next(p for p in proposals if words(text, p.cue) == "saying")
    assert words(text, saying.speaker_mention) == "The coach"
    assert words(text, saying.content) == "the team needed rest"


def test_warned_to_and_spoke_out_about(pre):
    text = "Health officials warned residents to boil their water."
    quote = only(pre, text)
    assert words(text, quote.content) == "residents to boil their water"
    text = "The bishop spoke out Sunday about the closing of the shelter."
    quote = only(pre, text)
    assert words(text, quote.content) == "the closing of the shelter"


def test_object_complement_keeps_the_rest_of_the_verb_phrase(pre):
    text = "The governor criticized the council for delaying the vote."
    quote = only(pre, text)
    assert words(text, quote.content) == "the council for delaying the vote"
    text = "The governor criticized the council, and then she left the hall."
    quote = only(pre, text)
    assert words(text, quote.content) == "the council"


def test_speaker_mention_keeps_of_phrase(pre):
    text = "Ms. Alma Reyes of the Harbor Trust said the pier would reopen."
    quote = only(pre, text)
    assert words(text, quote.speaker_mention) == "Ms. Alma Reyes of the Harbor Trust"


def test_coordinated_attitude_verb_stays_in_the_content(pre):
    text = "The mayor said the company expanded its plant and supports the new tax."
    quote = only(pre, text)
    assert words(text, quote.content) == "the company expanded its plant and supports the new tax"
    text = "The mayor said the company expanded its plant, and warned that taxes would rise."
    contents = sorted(words(text, p.content) for p in annotate(pre, text))
    assert contents == ["taxes would rise", "the company expanded its plant"]


def test_found_with_a_plain_object_is_not_a_report(pre):
    assert annotate(pre, "Researchers found a way to cut costs.") == []
    text = "Researchers found that costs fell."
    assert words(text, only(pre, text).content) == "costs fell"


def test_as_x_put_it_reports_the_main_clause(pre):
    text = "As one economist put it, the tax plan is a gamble."
    quote = only(pre, text)
    assert words(text, quote.content) == "the tax plan is a gamble"
    assert words(text, quote.speaker_mention) == "one economist"
    text = "The tax plan, as the mayor put it last week, is a gamble."
    quote = only(pre, text)
    assert [words(text, f) for f in quote.content_fragments] == ["The tax plan", "is a gamble"]
    # "put" is no cue outside that construction
    assert annotate(pre, "She put the money in a drawer before noon.") == []


def test_dateline_is_not_part_of_the_content(pre):
    text = "SPRINGFIELD ― The bridge will reopen in May, the mayor said on Monday."
    quote = only(pre, text)
    assert words(text, quote.content) == "The bridge will reopen in May"


def test_reporting_noun_with_an_infinitive(pre):
    text = "The court upheld the agency’s decision to close the mine."
    quote = only(pre, text)
    assert words(text, quote.cue) == "decision"
    assert words(text, quote.speaker_mention) == "the agency"
    assert words(text, quote.content) == "to close the mine"
    assert quote.confidence < 0.5
    # a noun that reports nothing takes no infinitive cue
    assert annotate(pre, "The court upheld the agency’s effort to close the mine.") == []


def test_passive_cue_with_an_agent(pre):
    text = "The new curfew is opposed by most shop owners."
    quote = only(pre, text)
    assert words(text, quote.speaker_mention) == "most shop owners"
    assert words(text, quote.content) == "The new curfew"
    # without an agent nobody is named, and nothing is proposed
    assert annotate(pre, "The new curfew is opposed.") == []


def test_coordinated_clause_with_an_attitude_verb_stays_in_the_mixed_quote(pre):
    text = "The senator said fraud is “a big problem” but “nobody wants to fix it.”"
    quote = only(pre, text)
    assert quote.kind == "mixed"
    assert words(text, quote.content).endswith("nobody wants to fix it.”")


def test_trailing_relative_clause_aside_is_not_content(pre):
    text = "The mayor said the tax would fall on Ms. Lee, who owns the mill."
    quote = only(pre, text)
    assert words(text, quote.content) == "the tax would fall on Ms. Lee"
    # a restrictive relative clause stays
    text = "The mayor said the tax would fall on people who own mills."
    quote = only(pre, text)
    assert words(text, quote.content) == "the tax would fall on people who own mills"


def test_that_clause_after_a_prepositional_phrase_is_what_was_said(pre):
    # The small parser hangs the clause on "call" as if it were a relative clause.
    text = (
        "Chief executive Laura Mendel told analysts on a conference call that the company "
        "had lost orders worth about $600 million."
    )
    quote = only(pre, text)
    assert words(text, quote.content) == "the company had lost orders worth about $600 million"
    assert words(text, quote.cue) == "told"
    assert words(text, quote.speaker_mention) == "Chief executive Laura Mendel"


def test_a_real_relative_clause_is_not_taken_for_a_report(pre):
    text = "She spoke about the plan that the council approved on Monday."
    assert all(
        words(text, q.content) != "the council approved on Monday" for q in annotate(pre, text)
    )


# -- canonical speakers ------------------------------------------------------------------


def speakers(pre: Preannotator, text: str) -> dict[str, tuple[str | None, str | None]]:
    return {
        words(text, q.speaker_mention): (q.speaker_name, q.speaker_kind)
        for q in annotate(pre, text)
        if q.speaker_mention
    }


def test_the_name_in_an_appositive_is_the_speaker_and_later_descriptions_refer_to_it(pre):
    text = (
        "The Harbour Builders Union says wages have not kept up with prices. "
        "The ferry operator, Bluewave Crossings, said it had offered a new contract. "
        "In a statement, the company said the dispute was costing it money."
    )
    found = speakers(pre, text)
    assert found["The ferry operator"] == ("Bluewave Crossings", "organization")
    # "the company" is the operator named before, not the union named earlier
    assert found["the company"] == ("Bluewave Crossings", "organization")


def test_a_description_prefers_the_organization_named_with_that_noun(pre):
    text = (
        "The Northfield Transit Authority said fares would rise in May. "
        "Greenline Buses said it would keep its prices. "
        "The authority said the rise was needed to pay for repairs."
    )
    found = speakers(pre, text)
    assert found["The authority"] == ("Northfield Transit Authority", "organization")


def test_a_surname_alone_is_the_full_name_used_before(pre):
    text = (
        "Campaign chief Oliver Quist told supporters on Friday that the vote would be close. "
        "“We can still win this,” said Quist."
    )
    found = speakers(pre, text)
    assert found["Quist"] == ("Oliver Quist", "person")


def test_an_institution_named_by_its_description_is_an_organization(pre):
    text = "According to the provincial council of teachers, most schools will open late."
    found = speakers(pre, text)
    name, kind = found["the provincial council of teachers"]
    assert kind == "organization"
    assert name == "Provincial council of teachers"


def test_organization_names_drop_a_leading_article(pre):
    text = "The Royal Society of Bakers said bread prices would rise, and it called for aid."
    found = speakers(pre, text)
    assert found["The Royal Society of Bakers"] == ("Royal Society of Bakers", "organization")


def test_anonymous_and_group_sources_keep_their_modifiers(pre):
    text = (
        "Three officials familiar with the budget said the plan would be delayed. "
        "Both parties said no deal was close."
    )
    found = speakers(pre, text)
    assert found["Three officials familiar with the budget"] == (
        "Officials familiar with the budget",
        "anonymous",
    )
    name, kind = found["Both parties"]
    assert name == "Both parties"
    assert kind == "group"


def test_an_organization_named_after_a_person_keeps_the_name(pre):
    text = "The Harlan Brooks campaign said the rally was cancelled."
    found = speakers(pre, text)
    assert found["The Harlan Brooks campaign"] == ("Harlan Brooks campaign", "organization")


def test_a_modified_description_needs_an_organization_with_those_words(pre):
    text = (
        "The Supreme Court ruled on Monday. The U.S. Court of Appeals said the law stood. "
        "Later the appeals court said it would hear the case again."
    )
    found = speakers(pre, text)
    assert found["the appeals court"] == ("U.S. Court of Appeals", "organization")


@pytest.mark.parametrize(
    ("text", "content", "cue", "mention"),
    [
        (
            "The senator proclaimed that the budget crisis was over.",
            "the budget crisis was over",
            "proclaimed",
            "The senator",
        ),
        (
            "Investigators discovered that the records had been altered.",
            "the records had been altered",
            "discovered",
            "Investigators",
        ),
        (
            "Many farmers suspect that the new dam will dry up their wells.",
            "the new dam will dry up their wells",
            "suspect",
            "Many farmers",
        ),
        (
            "The union denounced the closure of the plant.",
            "the closure of the plant",
            "denounced",
            "The union",
        ),
        (
            "The governor ordered an inquiry into the prison fire.",
            "an inquiry into the prison fire",
            "ordered",
            "The governor",
        ),
        (
            "A federal judge ruled that the county map was unconstitutional.",
            "the county map was unconstitutional",
            "ruled",
            "A federal judge",
        ),
        (
            "The candidate railed against the new trade deal.",
            "the new trade deal",
            "railed against",
            "The candidate",
        ),
        (
            "The senator apologized for his remarks about the flood victims.",
            "his remarks about the flood victims",
            "apologized for",
            "The senator",
        ),
        (
            "The mayor made it clear that the library would stay open.",
            "the library would stay open",
            "made it clear",
            "The mayor",
        ),
    ],
)
def test_more_newsroom_cue_verbs_and_phrases(pre, text, content, cue, mention):
    quote = only(pre, text)
    assert words(text, quote.content) == content
    assert words(text, quote.cue) == cue
    assert words(text, quote.speaker_mention) == mention


def test_seeing_something_as_something_is_a_stance(pre):
    text = "Many teachers see the new curriculum as a step backward."
    quote = only(pre, text)
    assert words(text, quote.cue) == "see"
    assert words(text, quote.speaker_mention) == "Many teachers"
    assert words(text, quote.content) == "the new curriculum as a step backward"
    assert quote.confidence < 0.5
    # without an "as" phrase, seeing is only seeing
    assert annotate(pre, "Many teachers saw a sharp rise in absences this winter.") == []


def test_reporting_nouns_of_resolve_and_announcement(pre):
    text = "The mayor’s determination to rebuild the stadium surprised the council."
    quote = only(pre, text)
    assert words(text, quote.cue) == "determination"
    assert words(text, quote.speaker_mention) == "The mayor"
    assert words(text, quote.content) == "to rebuild the stadium"


@pytest.mark.parametrize(
    ("text", "content", "cue", "mention"),
    [
        (
            "Many economists are afraid that the rate cut came too late.",
            "the rate cut came too late",
            "afraid",
            "Many economists",
        ),
        (
            "The two unions were willing to accept a shorter contract.",
            "to accept a shorter contract",
            "willing",
            "The two unions",
        ),
        (
            "The senator is opposed to the new tax on fuel.",
            "the new tax on fuel",
            "opposed to",
            "The senator",
        ),
        (
            "Residents remain skeptical of the new parking rules.",
            "the new parking rules",
            "skeptical of",
            "Residents",
        ),
    ],
)
def test_attitude_adjectives_after_be(pre, text, content, cue, mention):
    quote = only(pre, text)
    assert words(text, quote.content) == content
    assert words(text, quote.cue) == cue
    assert words(text, quote.speaker_mention) == mention
    assert quote.confidence < 0.5


def test_an_attitude_adjective_needs_someone_who_holds_it(pre):
    assert annotate(pre, "It is doubtful that the bridge will open before May.") == []


def test_passive_belief_with_an_infinitive_has_no_source(pre):
    text = "The missing ship is believed to have sunk near the coast."
    quote = only(pre, text)
    assert words(text, quote.cue) == "believed"
    assert quote.speaker_mention is None
    assert words(text, quote.content) == "to have sunk near the coast"
    assert quote.confidence < 0.5


def test_debating_a_question_is_a_cue_with_its_object(pre):
    text = "Historians have long debated the causes of the famine."
    quote = only(pre, text)
    assert words(text, quote.cue) == "debated"
    assert words(text, quote.speaker_mention) == "Historians"
    assert words(text, quote.content) == "the causes of the famine"


# -- cues in other parse shapes ----------------------------------------------------------


def test_inserted_cue_clause_with_modifiers_is_cut_out_whole(pre):
    text = "The bridge, the engineers said at a briefing, will open in May."
    quote = only(pre, text)
    assert [words(text, f) for f in quote.content_fragments] == ["The bridge", "will open in May"]
    assert words(text, quote.speaker_mention) == "the engineers"


def test_inserted_as_clause_with_a_cue_phrase(pre):
    text = "The harbor, as one of the engineers pointed out, does not flood in winter."
    quote = only(pre, text)
    assert [words(text, f) for f in quote.content_fragments] == [
        "The harbor",
        "does not flood in winter",
    ]
    assert words(text, quote.speaker_mention) == "one of the engineers"
    assert words(text, quote.cue) == "pointed out"


def test_cue_phrase_with_a_direct_object(pre):
    text = "The union pointed out two errors in the report."
    quote = only(pre, text)
    assert words(text, quote.content) == "two errors in the report"
    assert words(text, quote.speaker_mention) == "The union"


def test_clause_after_the_cue_wins_over_a_clause_before_a_semicolon(pre):
    text = "The game is over; the coach says his team will be back next year."
    quote = only(pre, text)
    assert words(text, quote.content) == "his team will be back next year"
    assert words(text, quote.speaker_mention) == "the coach"


def test_the_subject_nearest_the_cue_speaks(pre):
    # "that" and "the mayor" are both parsed as subjects of "refuses"
    text = "One of the reasons that the mayor refuses to release the report is the cost."
    quote = only(pre, text)
    assert words(text, quote.speaker_mention) == "the mayor"
    assert words(text, quote.content) == "to release the report"


def test_that_clause_hung_on_the_object_of_tell(pre):
    text = (
        "At the meeting, she told a group of local farmers that the dam would be finished by May."
    )
    quote = only(pre, text)
    assert words(text, quote.content) == "the dam would be finished by May"
    # a result clause ("so much ... that") is not what was said
    assert annotate(pre, "The storm added so much water to the river that the town flooded.") == []


def test_reporting_noun_with_a_by_agent(pre):
    text = "Parents protested the decision by the board to close the school."
    quote = only(pre, text)
    assert words(text, quote.cue) == "decision"
    assert words(text, quote.speaker_mention) == "the board"
    assert words(text, quote.content) == "to close the school"
    text = "The claim by the mayor that taxes would fall proved wrong."
    quote = only(pre, text)
    assert words(text, quote.speaker_mention) == "the mayor"
    assert words(text, quote.content) == "taxes would fall"


def test_plural_noun_tag_on_a_cue_verb_with_an_infinitive(pre):
    text = "The Lee campaign plans to hire new staff in the coming weeks."
    quote = only(pre, text)
    assert words(text, quote.cue) == "plans"
    assert words(text, quote.speaker_mention) == "The Lee campaign"
    assert words(text, quote.content) == "to hire new staff in the coming weeks"


def test_infinitive_content_starts_after_the_cue(pre):
    text = "The district needs money, which the board plans to raise through a new levy."
    quote = only(pre, text)
    assert words(text, quote.speaker_mention) == "the board"
    assert words(text, quote.content) == "to raise through a new levy"


def test_call_for_with_a_clause_the_parser_gave_the_verb(pre):
    text = (
        "Though she called the fees “unfair” and called for compensation to be “paid back” "
        "to small firms, the senator said little else."
    )
    quotes = [q for q in annotate(pre, text) if words(text, q.cue) == "called for"]
    assert len(quotes) == 1
    assert words(text, quotes[0].content) == "compensation to be “paid back” to small firms"
    assert words(text, quotes[0].speaker_mention) == "she"


def test_tell_with_an_infinitive(pre):
    text = "Ms. Diaz told the staff to prepare for layoffs."
    quote = only(pre, text)
    assert words(text, quote.content) == "the staff to prepare for layoffs"
    assert words(text, quote.speaker_mention) == "Ms. Diaz"


def test_a_cue_joined_to_what_was_said_keeps_the_first_speaker(pre):
    text = "The mayor said the bridge would open in May and added that tolls would stay low."
    added = [q for q in annotate(pre, text) if words(text, q.cue) == "added"]
    assert len(added) == 1
    assert words(text, added[0].speaker_mention) == "The mayor"
    assert words(text, added[0].content) == "tolls would stay low"


def test_according_to_inside_the_clause(pre):
    text = "The plan, according to two officials familiar with the talks, would cut taxes."
    quote = only(pre, text)
    assert [words(text, f) for f in quote.content_fragments] == ["The plan", "would cut taxes"]
    assert words(text, quote.speaker_mention) == "two officials familiar with the talks"


def test_object_seen_as_something(pre):
    text = "Critics see the program as a giveaway to developers."
    quote = only(pre, text)
    assert words(text, quote.content) == "the program as a giveaway to developers"
    assert words(text, quote.speaker_mention) == "Critics"
    # without "as" a plain object of "see" is no report
    assert annotate(pre, "Critics see the program every day.") == []


def test_gerund_on_the_occasion_of_speaking(pre):
    text = "The minister spoke at a news conference announcing that the port would close."
    quote = only(pre, text)
    assert words(text, quote.cue) == "announcing"
    assert words(text, quote.speaker_mention) == "The minister"
    assert words(text, quote.content) == "the port would close"


def test_an_active_cue_joined_to_a_passive_verb_keeps_its_subject(pre):
    text = "The senator was asked about the vote and said that it was rigged."
    said = [q for q in annotate(pre, text) if words(text, q.cue) == "said"]
    assert len(said) == 1
    assert words(text, said[0].speaker_mention) == "The senator"
    assert words(text, said[0].content) == "it was rigged"


def test_an_estimate_put_at_an_amount(pre):
    text = "Analysts put the cost of the bridge at about $2 million."
    quote = only(pre, text)
    assert words(text, quote.content) == "about $2 million"
    assert words(text, quote.cue) == "put the cost of the bridge at"
    assert words(text, quote.speaker_mention) == "Analysts"
    assert annotate(pre, "She put the money in a drawer at noon.") == []


def test_as_stated_in_a_text_or_by_an_agent(pre):
    text = "As noted in the report, costs rose sharply."
    quote = only(pre, text)
    assert words(text, quote.speaker_mention) == "the report"
    assert words(text, quote.content) == "costs rose sharply"
    text = "The mayor, as reported by the Post, will resign in May."
    quote = only(pre, text)
    assert words(text, quote.speaker_mention) == "the Post"
    assert [words(text, f) for f in quote.content_fragments] == ["The mayor", "will resign in May"]
    # an "as" clause with no source names nobody
    assert annotate(pre, "As expected, costs rose sharply.") == []


def test_a_cue_introducing_a_quotation_has_no_trailing_content(pre):
    text = 'Asked to describe the device, the chief said, "Not going to go into that."'
    said = [q for q in annotate(pre, text) if words(text, q.cue) == "said"]
    assert len(said) == 1
    assert said[0].kind == "direct"
    assert words(text, said[0].content) == "Not going to go into that."


def test_a_clause_before_a_semicolon_is_not_the_cues(pre):
    text = "Rivals condemn the test; the leaders vow a response."
    vows = [q for q in annotate(pre, text) if words(text, q.cue) == "vow"]
    assert all("condemn" not in words(text, q.content) for q in vows)


def test_a_negated_cue_with_a_question_clause(pre):
    text = "The mayor did not say how the city would pay for it."
    quote = only(pre, text)
    assert words(text, quote.content) == "how the city would pay for it"
    assert words(text, quote.speaker_mention) == "The mayor"


def test_stopped_short_of_calling(pre):
    text = "The mayor stopped short of calling the strike illegal."
    quote = only(pre, text)
    assert words(text, quote.cue) == "calling"
    assert words(text, quote.speaker_mention) == "The mayor"
    assert words(text, quote.content) == "the strike illegal"


def test_said_as_much_and_said_so(pre):
    text = "The mayor said as much in an interview on Friday."
    quote = only(pre, text)
    assert words(text, quote.content) == "as much"
    assert words(text, quote.cue) == "said"
    assert words(text, quote.speaker_mention) == "The mayor"
    text = "The coach said so in a radio interview."
    quote = only(pre, text)
    assert words(text, quote.content) == "so"
    text = "He said so far the plan had worked."
    assert words(text, only(pre, text).content) == "so far the plan had worked"


def test_a_name_the_parser_took_for_the_head_of_its_verb(pre):
    text = "Trump refuses to make public his tax returns."
    quote = only(pre, text)
    assert words(text, quote.cue) == "refuses"
    assert words(text, quote.speaker_mention) == "Trump"
    assert words(text, quote.content) == "to make public his tax returns"


def test_headline_kicker_quoted_after_a_colon(pre):
    text = "Senator Jane Hill Grills Bank Chief: ‘You Should Resign.’\n\nThe hearing ran late."
    quote = only(pre, text)
    assert quote.kind == "direct"
    assert words(text, quote.content) == "You Should Resign."
    assert words(text, quote.cue) == ":"
    assert words(text, quote.speaker_mention) == "Jane Hill"
    text = "Mayor on Housing: Rents Are 'Unbearable.'\n\nThe hearing ran late."
    quote = only(pre, text)
    assert words(text, quote.speaker_mention) == "Mayor"
    assert words(text, quote.content) == "Rents Are 'Unbearable.'"


def test_headline_with_a_colon_and_no_quote_is_no_kicker(pre):
    text = "A Plan to Save the River: Buy Land, Plant Trees.\n\nThe council met on Monday."
    assert annotate(pre, text) == []


def test_a_reporting_noun_and_its_topic(pre):
    text = "Officials doubted the regime's claims about the size of its test."
    claims = [q for q in annotate(pre, text) if words(text, q.cue) == "claims about"]
    assert len(claims) == 1
    assert words(text, claims[0].content) == "the size of its test"
    assert words(text, claims[0].speaker_mention) == "the regime"


def test_a_reporting_noun_with_a_one_word_object_or_no_holder_has_no_topic(pre):
    for text in (
        "The mayor's statement of fact was brief.",
        "The senator's plans for Europe were shelved in May.",
        "Allegations of widespread billing fraud surfaced in May.",
    ):
        cues = [words(text, q.cue) for q in annotate(pre, text)]
        assert not {"statement of", "plans for", "Allegations of"} & set(cues), text


def test_citing_a_reason_is_a_cue(pre):
    text = "The senator backed the deal, citing the release of several jailed reporters."
    citing = [q for q in annotate(pre, text) if words(text, q.cue) == "citing"]
    assert len(citing) == 1
    assert words(text, citing[0].content) == "the release of several jailed reporters"
    assert words(text, citing[0].speaker_mention) == "The senator"


def test_citing_evidence_for_what_was_said_is_not_a_cue(pre):
    text = "The bridge is unsafe, the ministry said, citing a survey of the cracks in its piers."
    assert [words(text, q.cue) for q in annotate(pre, text)] == ["said"]


def test_a_subject_moved_before_the_cue(pre):
    text = "The deal amounted to what the senators said was a giveaway."
    quote = only(pre, text)
    assert [words(text, f) for f in quote.content_fragments] == ["what", "was a giveaway"]
    assert words(text, quote.cue) == "said"
    assert words(text, quote.speaker_mention) == "the senators"
    text = "The levy, which officials said would raise two billion dollars, was dropped."
    quote = only(pre, text)
    assert [words(text, f) for f in quote.content_fragments] == [
        "which",
        "would raise two billion dollars",
    ]


def test_a_cue_with_two_objects_keeps_both(pre):
    text = 'The minister branded the rebels a "gang of thieves."'
    quote = only(pre, text)
    assert quote.kind == "mixed"
    assert words(text, quote.content) == 'the rebels a "gang of thieves."'
    assert words(text, quote.cue) == "branded"


def test_vow_and_threaten_with_an_object(pre):
    text = "The union leaders vowed a long strike over the pension cuts."
    quote = only(pre, text)
    assert words(text, quote.cue) == "vowed"
    assert words(text, quote.content) == "a long strike over the pension cuts"
    assert words(text, quote.speaker_mention) == "The union leaders"


def test_a_possessed_viewpoint_phrase_on_the_clause(pre):
    text = "By his own admission, the budget is far too small."
    quote = only(pre, text)
    assert words(text, quote.content) == "the budget is far too small"
    assert words(text, quote.cue) == "own admission"
    assert words(text, quote.speaker_mention) == "his"
    text = "In her view, the bridge should stay closed."
    assert words(text, only(pre, text).content) == "the bridge should stay closed"


def test_a_viewpoint_noun_without_a_possessor_or_comma_is_no_cue(pre):
    for text in ("In a word, the budget is too small.", "The view from the bridge is wide."):
        assert annotate(pre, text) == [], text


def test_a_passive_stance_verb_holds_its_subject_as_something(pre):
    text = "The bypass was widely considered a failure."
    quote = only(pre, text)
    assert [words(text, f) for f in quote.content_fragments] == ["The bypass", "a failure"]
    assert words(text, quote.cue) == "considered"
    assert quote.speaker_mention is None
    text = "The levy was seen by critics as a giveaway."
    quote = only(pre, text)
    assert [words(text, f) for f in quote.content_fragments] == ["The levy", "as a giveaway"]
    assert words(text, quote.speaker_mention) == "critics"


def test_a_passive_stance_verb_without_a_complement_is_no_cue(pre):
    text = "The proposal was considered on Monday."
    assert annotate(pre, text) == []
