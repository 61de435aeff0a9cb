"""Documents as sources: a poll, a report, an email or an ad speaks for its author, found
where the article names the document first or says who produced it. Sentences written here."""

import pytest

from annotations.preannotator import Preannotator
from tests.preannotator_helpers import annotate, said, words


@pytest.fixture(scope="module")
def pre() -> Preannotator:
    return Preannotator()


def test_another_word_for_the_same_poll_speaks_for_its_pollster(pre):
    text = (
        "Harlan Reed leads the race.\n\n"
        "A Morning Consult poll found that Reed has 41 percent of the vote.\n\n"
        "The survey also shows that turnout will be low."
    )
    survey = said(pre, text, "turnout will be low")
    assert (survey.speaker_name, survey.speaker_kind) == ("Morning Consult", "organization")
    assert words(text, survey.speaker_antecedent) == "Morning Consult"


def test_a_new_poll_is_the_one_the_next_sentence_names(pre):
    text = (
        "Harlan Reed ties Maria Ortiz in the governor's race, according to a new poll.\n\n"
        "A Morning Consult poll found that Reed would draw voters from Ortiz."
    )
    new_poll = said(pre, text, "Harlan Reed ties Maria Ortiz")
    assert new_poll.speaker_name == "Morning Consult"


def test_a_poll_released_by_a_group_speaks_for_it_and_so_does_the_poll_again(pre):
    text = (
        "Reed's views have hurt him, according to a poll of 400 registered voters released "
        "on Friday by Latino Decisions, a public opinion research group.\n\n"
        "Sixty percent of the voters have an unfavorable view of Reed, the poll found."
    )
    first = said(pre, text, "Reed's views have hurt him")
    again = said(pre, text, "unfavorable view")
    assert first.speaker_name == again.speaker_name == "Latino Decisions"
    assert again.speaker_kind == "organization"
    # the explanation points at the name, not at its appositive
    assert words(text, again.speaker_antecedent) == "Latino Decisions"


def test_the_email_speaks_for_who_emailed(pre):
    text = (
        "Huma Abedin, a vice chairwoman of the campaign, emailed supporters on Monday.\n\n"
        "The email said that the campaign needs their help."
    )
    email = said(pre, text, "needs their help")
    assert (email.speaker_name, email.speaker_kind) == ("Huma Abedin", "person")
    assert words(text, email.speaker_antecedent) == "Huma Abedin"


def test_a_statement_speaks_for_who_said_it_in_the_statement(pre):
    text = (
        "Senator Jane Miller said in a statement that the bill was flawed. "
        "The statement added that she would vote against it."
    )
    assert said(pre, text, "vote against it").speaker_name == "Jane Miller"


def test_the_ads_narrator_speaks_for_the_group_that_runs_the_ad(pre):
    text = (
        "The Future45 group is planning to plaster screens with a holiday ad next week.\n\n"
        '"The gifts were all opened: a new server, a mouse," says the ad\'s narrator.'
    )
    narrator = said(pre, text, "The gifts were all opened")
    assert narrator.speaker_name == "Future45 group"
    assert narrator.speaker_kind == "organization"


def test_a_document_someone_only_criticised_is_not_theirs(pre):
    text = "Critics denounced the report. The report said that spending rose by 4 percent."
    report = said(pre, text, "spending rose")
    assert report.speaker_name != "Critics"


def test_a_headline_poll_is_not_a_person(pre):
    text = "Poll shows a tie in the race.\n\nThe race is close, according to a new poll."
    poll = said(pre, text, "a tie")
    assert poll.speaker_kind != "person"


def test_a_newspaper_named_post_is_no_document(pre):
    text = (
        "Senator Ted Cruz spoke to reporters on Monday.\n\n"
        "The Washington Post's Ed O'Keefe said that the senator looked tired."
    )
    quote = said(pre, text, "looked tired")
    assert (quote.speaker_name, quote.speaker_kind) == ("Ed O'Keefe", "person")


def test_who_produced_a_statement_is_only_read_near_it(pre):
    text = (
        "Mayor Ana Ruiz said in a statement that the port would reopen.\n\n"
        "The storm closed three roads.\n\n"
        "Crews worked through the night.\n\n"
        "Schools stayed closed on Tuesday.\n\n"
        "The company confirmed the delay. The statement added that shipping would resume."
    )
    assert said(pre, text, "shipping would resume").speaker_name != "Ana Ruiz"


def test_the_ad_speaks_for_who_spends_on_it(pre):
    text = (
        "The American Action Network says it will spend nearly $150,000 on a TV ad in the "
        "district. The ad says that the congressman is a conservative."
    )
    ad = said(pre, text, "congressman is a conservative")
    assert (ad.speaker_name, ad.speaker_kind) == ("American Action Network", "organization")


def test_the_legislation_speaks_for_the_senator_whose_bill_it_is(pre):
    text = (
        "Only two Democrats back Sen. Bob Corker's legislation.\n\n"
        "The legislation says that sanctions on Iran must be mandatory."
    )
    assert said(pre, text, "sanctions on Iran").speaker_name == "Bob Corker"


def test_a_lawsuit_and_it_speak_for_the_people_who_filed_it(pre):
    text = (
        "Patricia Smith and Charles Woods, the parents of two Americans killed in the "
        "attacks, have filed a wrongful death lawsuit against the former secretary.\n\n"
        "The lawsuit contends that the deaths were caused by reckless actions. It goes on to "
        "say that her server was compromised."
    )
    lawsuit = said(pre, text, "deaths were caused")
    it = said(pre, text, "server was compromised")
    assert lawsuit.speaker_name == it.speaker_name == "Patricia Smith and Charles Woods"
    assert it.speaker_kind == "group"


def test_a_statement_someone_provided_speaks_for_them(pre):
    text = (
        "Email.\n\n"
        "The Times said Peter Cook provided a written statement in response to the "
        "inquiries.\n\n"
        '"After reviewing his email practices, the secretary believes that his use of '
        'personal email was a mistake," the statement said.'
    )
    assert said(pre, text, "was a mistake").speaker_name == "Peter Cook"


def test_a_new_poll_is_the_poll_the_next_sentence_says_who_released(pre):
    text = (
        "Clinton faces tight primary.\n\n"
        "Hillary Clinton and Bernie Sanders are locked in a tight race in California, a new "
        "statewide poll has found.\n\n"
        "The poll, released on Wednesday night by the Public Policy Institute of California, "
        "showed Mrs. Clinton leading."
    )
    found = said(pre, text, "locked in a tight race")
    assert found.speaker_name == "Public Policy Institute of California"


def test_the_results_of_surveys_speak_for_the_surveys(pre):
    text = (
        "Polls.\n\n"
        "The results of nationwide surveys indicate that Republicans seem to be unifying at a "
        "faster pace."
    )
    assert said(pre, text, "unifying").speaker_name == "Nationwide surveys"


def test_the_organization_a_poll_was_found_in_speaks_for_the_poll(pre):
    text = (
        "Moderates.\n\n"
        "In an online poll of 800 likely Republican primary voters, conducted from Feb. 11 to "
        "Feb. 16, Democracy Corps found that anti-Democrat attitudes are the most potent "
        "driver of Republican primary voters.\n\n"
        "Still, the poll shows that GOP moderates may be pliable."
    )
    assert said(pre, text, "may be pliable").speaker_name == "Democracy Corps"


def test_the_statement_no_sentence_named_is_the_source_just_before(pre):
    text = (
        "Rent.\n\n"
        "The Ridley campaign on Tuesday responded that it had moved into larger offices. "
        '"Mr. Ridley also pays far more than the rent each month," the statement said.'
    )
    found = said(pre, text, "pays far more")
    assert (found.speaker_name, found.speaker_kind) == ("Ridley campaign", "organization")
    assert words(text, found.speaker_antecedent) == "The Ridley campaign"


def test_a_headlines_poll_is_the_poll_the_article_then_names(pre):
    text = (
        "Poll: Ridley and Okafor hold narrow leads in Ohio.\n\n"
        "Three weeks ahead of the primary, Tom Ridley and Dale Okafor are holding on to "
        "single-digit leads, according to the results of the latest Quinnipiac University "
        "poll released Wednesday."
    )
    found = said(pre, text, "hold narrow leads")
    assert (found.speaker_name, found.speaker_kind) == ("Quinnipiac University", "organization")


def test_the_poll_a_story_opens_with_is_the_poll_it_names_later(pre):
    text = (
        "Third parties.\n\n"
        "The new poll of voters in all 50 states revealed wide support for third-party "
        "candidates.\n\n"
        "Johnson wins a slice.\n\n"
        "The Post-SurveyMonkey poll finds Gary Johnson supported by 13 percent of voters."
    )
    found = said(pre, text, "wide support")
    assert (found.speaker_name, found.speaker_kind) == ("Post-SurveyMonkey", "organization")


def test_a_place_before_a_document_is_not_its_author(pre):
    text = (
        "Caucus.\n\n"
        "But Monday night’s results showed just how weak that establishment is.\n\n"
        "The results also showed the weakness of “establishment” as a label.\n\n"
        "And he’ll score a few endorsements by citing his Iowa results."
    )
    found = said(pre, text, "the weakness of")
    assert words(text, found.speaker_mention) == "The results"
    assert found.speaker_name != "Iowa"


def test_a_title_case_headlines_poll_is_the_poll_the_story_names(pre):
    text = (
        "New Poll Shows Large Gap Emerging Between Presidential Candidates.\n\n"
        "Only days before the convention, a new national poll shows Tom Ridley with his "
        "largest lead to date over Dale Okafor.\n\n"
        "The latest Rasmussen Reports poll shows Ridley leading Okafor 44 percent to 37 "
        "percent."
    )
    found = said(pre, text, "Large Gap")
    assert (found.speaker_name, found.speaker_kind) == ("Rasmussen Reports", "organization")


def test_it_after_a_document_without_an_author_is_the_document_in_its_own_words(pre):
    text = (
        "Ads.\n\n"
        "Mayor Ana Ruiz faces a tough race. A new ad opened on Monday with a picture of the "
        "mayor. It says the mayor failed the city."
    )
    assert said(pre, text, "failed the city").speaker_name == "New ad"


def test_it_after_a_document_the_sentence_before_sent_is_that_document(pre):
    # the sender names no one: the letter in its own words, not "the city"
    text = (
        "Ads.\n\n"
        "The city sent a cease-and-desist letter Thursday. It says the campaign violated "
        "state law."
    )
    found = said(pre, text, "violated state law")
    assert found.speaker_name == "Cease-and-desist letter"
    # with no document in the sentence before, "it" is the organization named there
    named = "Ads.\n\nThe Riverton Harbour Authority met on Thursday. It says the campaign lied."
    assert said(pre, named, "the campaign lied").speaker_name == "Riverton Harbour Authority"


def test_it_is_not_a_plural_document_before_it(pre):
    text = (
        "Labels.\n\n"
        'The results also showed the weakness of "establishment" as a label. While it does '
        "describe the candidates, it doesn't tell voters much about their positions."
    )
    found = [p for p in annotate(pre, text) if words(text, p.speaker_mention) == "it"]
    assert found
    assert all(p.speaker_name is None for p in found)


def test_the_narrator_of_an_ad_speaks_for_the_ads_author(pre):
    text = (
        "Ads.\n\n"
        "Ana Ruiz is also expected to unveil on Monday her second ad of the race. It will "
        "focus on jobs.\n\n"
        '"In Tom Hale\'s city, the middle class gets crushed," says a narrator.\n\n'
        'The narrator continues that "in Ana Ruiz\'s city, families get relief."'
    )
    found = [p for p in annotate(pre, text) if "arrator" in (words(text, p.speaker_mention) or "")]
    assert len(found) == 2
    assert {(p.speaker_name, p.speaker_kind) for p in found} == {("Ana Ruiz", "person")}


def test_a_passage_of_a_book_speaks_for_the_books_author(pre):
    text = (
        "Email advice.\n\n"
        "The Times also cited a new book by the journalist Joe Carver, who described a dinner "
        "party in 2009.\n\n"
        '"Powell told her to use her own email," Carver writes in his book.\n\n'
        '"She had made the decision months earlier," the passage continued.'
    )
    found = said(pre, text, "months earlier")
    assert (found.speaker_name, found.speaker_kind) == ("Joe Carver", "person")


def test_a_memorandum_issued_by_an_agency_speaks_for_the_agency(pre):
    text = (
        "Ban.\n\n"
        "A memorandum issued by the Riverton Immigration Bureau says visitors who disrespect "
        "the city can be blacklisted."
    )
    found = said(pre, text, "can be blacklisted")
    assert (found.speaker_name, found.speaker_kind) == (
        "Riverton Immigration Bureau",
        "organization",
    )


def test_a_document_with_a_possessive_pronoun_speaks_for_whom_the_pronoun_means(pre):
    text = "Senator Ana Ruiz gave a speech on Monday. Her speech praised the workers."
    speech = said(pre, text, "the workers")
    assert (speech.speaker_name, speech.speaker_kind) == ("Ana Ruiz", "person")
    assert words(text, speech.speaker_antecedent) == "Ana Ruiz"


def test_his_document_is_the_subject_of_its_own_clause_when_that_agrees(pre):
    text = (
        "Mark Lee spoke first on Monday. Voters then cheered the senator, Dan Ruiz, who spent "
        "much of his 20-minute speech praising the mayor."
    )
    speech = said(pre, text, "the mayor")
    assert words(text, speech.speaker_mention) == "his 20-minute speech"
    assert (speech.speaker_name, speech.speaker_kind) == ("Dan Ruiz", "person")


@pytest.mark.parametrize(
    ("sentence", "author"),
    [
        (
            "A University of New Hampshire poll out this week shows Holt ahead by nine points.",
            "University of New Hampshire",
        ),
        ("A Reuters rolling poll shows Holt ahead by nine points.", "Reuters"),
    ],
)
def test_an_organization_named_right_before_a_document_is_its_author(pre, sentence, author):
    text = f"Holt leads the race.\n\n{sentence}"
    poll = said(pre, text, "Holt ahead")
    assert (poll.speaker_name, poll.speaker_kind) == (author, "organization")


def test_a_report_in_a_newspaper_speaks_for_the_newspaper(pre):
    text = "Holt is in trouble, according to a report in the Riverton Register."
    report = said(pre, text, "Holt is in trouble")
    assert (report.speaker_name, report.speaker_kind) == ("Riverton Register", "organization")


def test_a_report_in_an_institution_that_is_no_newspaper_is_not_its_words(pre):
    text = "Holt is in trouble, according to a report in the Riverton City Council."
    report = said(pre, text, "Holt is in trouble")
    assert report.speaker_name != "Riverton City Council"


def test_it_opening_a_paragraph_is_the_document_the_paragraph_before_ended_on(pre):
    text = (
        "Mark Reed launched a television ad on Saturday titled “Scam.”\n\n"
        "It slams the mayor for the broken roads."
    )
    ad = said(pre, text, "the broken roads")
    assert (ad.speaker_name, ad.speaker_kind) == ("Mark Reed", "person")


@pytest.mark.parametrize(
    ("poll", "sponsor"),
    [
        ("a CNN/ORC poll", "CNN/ORC"),
        ("a Reuters/Ipsos poll", "Reuters/Ipsos"),
        ("a Wall Street Journal/NBC News poll", "Wall Street Journal/NBC News"),
    ],
)
def test_a_poll_by_sponsors_joined_by_a_slash_speaks_for_both(pre, poll, sponsor):
    text = f"Polls.\n\nVoters like the mayor, according to {poll} in February."
    found = said(pre, text, "Voters like the mayor")
    assert (found.speaker_name, found.speaker_kind) == (sponsor, "organization")


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("A leaked internal letter seen by the Daily Ledger", None),
        ("A memo obtained by Reuters", None),
        ("A report released by the Refugee Council", "Refugee Council"),
    ],
)
def test_whoever_obtained_or_saw_a_document_is_not_its_author(pre, subject, expected):
    text = f"Charity warns on cuts.\n\n{subject} says the charity will close ten shelters."
    assert said(pre, text, "close ten shelters").speaker_name == expected


def test_the_note_and_the_document_speak_for_who_issued_the_note(pre):
    text = (
        "Hospital moves to ministry\n\n"
        "In a note, the Press Office of the President of the Republic informs that the "
        "measure aims to improve care.\n\n"
        "This demand, the note continues, justifies the new wing."
    )
    found = said(pre, text, "justifies the new wing")
    assert found.speaker_name == "Press Office of the President of the Republic"
    assert words(text, found.speaker_antecedent) == (
        "the Press Office of the President of the Republic"
    )


def test_a_statement_according_to_which_someone_warns_is_theirs(pre):
    text = (
        "Warning over border.\n\n"
        "The Group of Seven has warned Borduria of massive consequences if it attacks "
        "Ardenia, according to a draft statement.\n\n"
        '"We reaffirm our commitment to Ardenia\'s sovereignty," the draft said.'
    )
    found = [
        p for p in annotate(pre, text) if words(text, p.speaker_mention) == "a draft statement"
    ]
    assert found and found[0].speaker_name == "Group of Seven"
    assert said(pre, text, "We reaffirm").speaker_name == "Group of Seven"


def test_a_statement_on_behalf_of_someone_speaks_for_them(pre):
    text = (
        "Family pays tribute\n\n"
        "Yahya Sharif, 18, was found injured in Coventry Road on Friday, police said.\n\n"
        'A statement released on behalf of his family said: "We cannot believe he is gone."'
    )
    found = said(pre, text, "cannot believe")
    assert (found.speaker_name, found.speaker_kind) == ("Yahya Sharif's family", "group")


def test_a_post_on_a_platform_speaks_for_who_posted_it(pre):
    text = (
        "Bear rescued from culvert\n\n"
        "The state Department of Natural Resources rescued a bear trapped in a ditch. The bear "
        "had hunkered down in a culvert, according to a Facebook post from the department."
    )
    found = said(pre, text, "hunkered down")
    assert (found.speaker_name, found.speaker_kind) == (
        "Department of Natural Resources",
        "organization",
    )


def test_a_persons_posts_speak_for_that_person(pre):
    text = (
        "Palin posts\n\nSarah Palin spoke in Alaska on Monday. Palin's pugnacious posts about "
        "ISIS include one last week saying the danger had been understated."
    )
    found = said(pre, text, "the danger had been understated")
    assert (found.speaker_name, found.speaker_kind) == ("Sarah Palin", "person")


def test_the_author_an_appositive_names_speaks_for_the_survey(pre):
    text = (
        "Blogs.\n\n"
        "The survey, conducted by the Pew Research Center, showed that blog readership "
        "has grown by half."
    )
    assert said(pre, text, "blog readership").speaker_name == "Pew Research Center"


def test_a_phrase_after_a_document_names_no_author_unless_it_wrote_it(pre):
    text = (
        "Attack.\n\n"
        "One message, apparently referring to air strikes by the United States, said: "
        '"You kill innocent people."'
    )
    assert said(pre, text, "You kill innocent").speaker_name != "United States"


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("A poll for mobile firm Intervoice", "Intervoice"),
        ("A report for Oxfam by the environmental group Greenline", "Greenline"),
    ],
)
def test_a_poll_for_someone_speaks_for_them_unless_it_names_its_author(pre, mention, expected):
    text = f"Phones.\n\n{mention} found that most people cannot remember a single number."
    assert said(pre, text, "cannot remember").speaker_name == expected


@pytest.mark.parametrize(
    ("sentence", "content", "expected"),
    [
        (
            "Statistics released by the government's Cabinet Office showed that output fell.",
            "output fell",
            "Cabinet Office",
        ),
        ("Data gathered by Netcraft shows that the block is no attack.", "no attack", "Netcraft"),
    ],
)
def test_data_speak_for_who_released_or_gathered_them(pre, sentence, content, expected):
    text = f"Economy.\n\nThe economy has gone back into recession.\n\n{sentence}"
    assert said(pre, text, content).speaker_name == expected


def test_figures_who_declare_are_people_not_data(pre):
    text = "Plan.\n\nThe council approved the plan.\n\nSome GOP figures declared the plan unfair."
    found = said(pre, text, "the plan unfair")
    assert (found.speaker_name, found.speaker_kind) != ("GOP", "organization")


def test_a_report_whose_author_only_the_next_sentence_names_speaks_for_it(pre):
    text = (
        "Literacy target at risk\n\n"
        "The government will only hit its target for adult literacy if courses are made more "
        "attractive, a report says.\n\n"
        "The National Audit Office praised ministers for reaching the first benchmark. "
        "According to the report, more than half the qualifications went to teenagers.\n\n"
        "The report recommends gathering more details on local needs."
    )
    for content in ("only hit its target", "more than half", "gathering more details"):
        found = said(pre, text, content)
        assert (found.speaker_name, found.speaker_kind) == ("National Audit Office", "organization")
        assert words(text, found.speaker_antecedent) == "The National Audit Office"


def test_research_from_a_lender_the_next_sentence_names_speaks_for_it(pre):
    text = (
        "Homes hit record value\n\n"
        "The value of the housing stock tripled in ten years, a report indicates.\n\n"
        "Research from Halford, the country's biggest mortgage lender, suggests that the value "
        "continues to rise steadily."
    )
    assert said(pre, text, "housing stock tripled").speaker_name == "Halford"
    assert said(pre, text, "continues to rise").speaker_name == "Halford"


def test_a_reply_in_the_next_sentence_is_not_the_reports_author(pre):
    text = (
        "Schools.\n\n"
        "The Riverton Council has failed to repair its schools, a report says.\n\n"
        "The Riverton Council said that repairs would start in May."
    )
    assert said(pre, text, "failed to repair").speaker_name != "Riverton Council"


def test_an_organizations_own_figures_speak_for_it_but_party_figures_are_people(pre):
    text = (
        "Prices.\n\n"
        "Tim Crawford is an economist.\n\n"
        "Halford's own monthly figures on house sales suggest that the average price rose.\n\n"
        "Some GOP figures declared that the plan was dead."
    )
    figures = said(pre, text, "the average price rose")
    assert (figures.speaker_name, figures.speaker_kind) == ("Halford", "organization")
    assert said(pre, text, "the plan was dead").speaker_name != "Halford"


def test_figures_someone_gathered_speak_for_them_but_figures_they_back_are_people(pre):
    text = (
        "Phone pictures fail to take off\n\n"
        "Figures gathered by Northfield Research show that 36% of camera phone owners have "
        "never sent a picture. Senior figures backed by the union said the plan was unfair."
    )
    figures = said(pre, text, "never sent a picture")
    assert (figures.speaker_name, figures.speaker_kind) == ("Northfield Research", "organization")
    assert said(pre, text, "the plan was unfair").speaker_name != "Northfield Research"


def test_guidance_speaks_for_who_published_it_again_and_by_pronoun(pre):
    text = (
        "Tenants' rights explained\n\n"
        "Landlords who enter a flat without notice can be fined, new guidelines say.\n\n"
        "The leaflet, published by councils and housing charities, aims to end confusion. "
        "Tenants may change the locks after a break-in, the guidance said.\n\n"
        "Deposits must be returned within ten days, said the leaflet published jointly by the "
        "Tenancy Deposit Service (TDS) and the Housing Ombudsman Office (HOO).\n\n"
        "As a rule, repairs are the landlord's duty, it said, adding that tenants should keep "
        "receipts.\n\n"
        "Mary Cole, a tenant in Leeds, called it welcome. Ministers said the law was clear.\n\n"
        "The guidance published on Monday said councils would check every complaint."
    )
    publishers = ("Councils and housing charities", "group")
    for content in ("enter a flat without notice", "change the locks", "check every complaint"):
        found = said(pre, text, content)
        assert (found.speaker_name, found.speaker_kind) == publishers, content
    joint = ("Tenancy Deposit Service and Housing Ombudsman Office", "group")
    for content in ("returned within ten days", "the landlord's duty", "keep receipts"):
        found = said(pre, text, content)
        assert (found.speaker_name, found.speaker_kind) == joint, content


def test_a_letter_from_an_organization_set_off_by_commas_speaks_for_it(pre):
    text = (
        "Passports withheld\n\n"
        "Two men freed last month will not get passports.\n\n"
        'The letter, from the Passport Office, says: "Your application has been refused."'
    )
    found = said(pre, text, "Your application has been refused")
    assert (found.speaker_name, found.speaker_kind) == ("Passport Office", "organization")
    assert words(text, found.speaker_antecedent) == "the Passport Office"


def test_it_after_research_and_a_sentence_about_a_company_is_the_company(pre):
    text = (
        "Microsoft takes on spyware\n\n"
        "Microsoft is to release a free tool that removes viruses from Windows computers.\n\n"
        "Surveys have shown that most PCs are infested with spyware. Research by technology "
        "firms Eastlink and Webroute revealed that 90% of machines carry the malicious "
        "software. Before now Microsoft has left the market for security software to "
        "specialist firms. It said that its cleaning program would not remove the need for "
        "other anti-virus programs."
    )
    found = said(pre, text, "its cleaning program")
    assert (found.speaker_name, found.speaker_kind) == ("Microsoft", "organization")


def test_a_statement_someone_issues_speaks_for_them(pre):
    text = (
        "Star misses premiere\n\n"
        "Jennifer Lopez cancelled an appearance at the premiere of her new film. Lopez issues "
        "a statement apologising for her absence."
    )
    found = said(pre, text, "her absence")
    assert (found.speaker_name, found.speaker_kind) == ("Jennifer Lopez", "person")
    assert words(text, found.speaker_antecedent) == "Lopez"
