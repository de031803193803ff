"""extractor_statements: who asked whom to do what. Texts written for these tests (not the corpus's
nor the devset's); each row checks speaker, speaker_ref (by the person's name), act, addressee,
content (== the text's slice at the evidence) and quote."""

import pytest

from extractor.components.statements import quotations

Q = "\u201c"   # “
E = "\u201d"   # ”


def statements(loaded, text):
    record = loaded.extract(text, published="2024-07-31")
    out = []
    for s in record.statements:
        assert text[s.evidence.start:s.evidence.end] == s.evidence.text == s.content
        assert s.evidence.rule.startswith("statements.")
        ref = record.people[s.speaker_ref].name if s.speaker_ref is not None else None
        out.append((s.speaker, ref, s.act, s.addressee, s.content, s.quote))
    return out


CASES = [
    # Reported speech: the subject speaks, the "to" clause is asked of the words before it.
    pytest.param(
        "Vice Chairman Nguyen Van Nam requested Party committees and authorities at all levels to strengthen "
        "inspection of land use.",
        [("Vice Chairman Nguyen Van Nam", "Nguyen Van Nam", "request", "Party committees and authorities at all levels",
          "Party committees and authorities at all levels to strengthen inspection of land use", False)],
        id="request-to"),
    pytest.param(
        "Mr. Tran Van Binh, Chairman of the Provincial People's Committee, emphasized that the province must speed "
        "up disbursement and requested the Department of Finance to review the plan.",
        [("Mr. Tran Van Binh", "Tran Van Binh", "emphasize", None, "the province must speed up disbursement", False),
         ("Mr. Tran Van Binh", "Tran Van Binh", "request", "the Department of Finance",
          "the Department of Finance to review the plan", False)],
        id="two-verbs-one-sentence"),
    pytest.param(
        "Minister Le Van Hoa directed the Department of Construction to complete the survey by June.",
        [("Minister Le Van Hoa", "Le Van Hoa", "direct", "the Department of Construction",
          "the Department of Construction to complete the survey by June", False)],
        id="direct"),
    pytest.param(
        "Governor Maria Santos asked whether the bridge would open on time.",
        [("Governor Maria Santos", "Maria Santos", "ask", None, "whether the bridge would open on time", False)],
        id="ask-whether"),
    pytest.param(
        "The school will grow, Mr. Pham Quoc Khanh said.",
        [("Mr. Pham Quoc Khanh", "Pham Quoc Khanh", "note", None, "The school will grow", False)],
        id="reported-before-the-verb"),
    # Pronoun speakers: the person mentioned last.
    pytest.param(
        "Comrade Do Thi Lan chaired the meeting. She urged communes to finish the roads before the rainy season.",
        [("She", "Do Thi Lan", "request", "communes", "communes to finish the roads before the rainy season", False)],
        id="pronoun"),
    # Collective speakers: no person.
    pytest.param(
        "Delegates proposed that the province build more schools in mountain districts.",
        [("Delegates", None, "propose", None, "the province build more schools in mountain districts", False)],
        id="collective"),
    # Direct quotes, attribution after or before; "the comrade" is a mention of the person.
    pytest.param(
        f"Secretary Hoang Minh Tuan visited the site. {Q}We must act now,{E} the comrade said.",
        [("the comrade", "Hoang Minh Tuan", "note", None, "We must act now", True)],
        id="quote-attribution-after"),
    pytest.param(
        f"Director Vu Thanh Son said: {Q}The canal will be dredged this month.{E}",
        [("Director Vu Thanh Son", "Vu Thanh Son", "note", None, "The canal will be dredged this month", True)],
        id="quote-attribution-before"),
    pytest.param(
        '"The budget is tight," said Mr. Ngo Van Hai, "but we will manage."',
        [("Mr. Ngo Van Hai", "Ngo Van Hai", "note", None, 'The budget is tight," said Mr. Ngo Van Hai, "but we will manage',
          True)],
        id="straight-quote-split-by-attribution"),
    # A nested quote stays inside the outer one.
    pytest.param(
        f"Chairman Dang Van Phuc stressed: {Q}We will follow the {chr(0x2018)}three no{chr(0x2019)} rule in every "
        f"commune.{E}",
        [("Chairman Dang Van Phuc", "Dang Van Phuc", "emphasize", None,
          "We will follow the \u2018three no\u2019 rule in every commune", True)],
        id="nested-quote"),
    # A quotation over two paragraphs: the second opens with a quote mark while the first is open.
    pytest.param(
        f"Mayor Ana Reyes said: {Q}We will finish the road.\n\n{Q}Then we build the bridge.{E}\n\nThe council agreed.",
        [("Mayor Ana Reyes", "Ana Reyes", "note", None, f"We will finish the road.\n\n{Q}Then we build the bridge", True)],
        id="quote-across-paragraphs"),
    # Lists of requests: inline after a colon, or bullet lines.
    pytest.param(
        "Mr. Le Quang Hung requested: first, review the budget; second, speed up disbursement. The meeting ended.",
        [("Mr. Le Quang Hung", "Le Quang Hung", "request", None,
          "first, review the budget; second, speed up disbursement", False)],
        id="inline-list"),
    pytest.param(
        "Vice Governor Tran Thi Mai spoke at the meeting. She requested:\n- Strengthening inspection;\n"
        "- Reviewing the budget.\nThe meeting ended.",
        [("She", "Tran Thi Mai", "request", None, "- Strengthening inspection;\n- Reviewing the budget", False)],
        id="bullet-list"),
    # A title with the person's name in apposition: the name, with its honorific, speaks.
    pytest.param(
        "The Director of the Provincial Department of Health, Dr. Nguyen Thi Lan, said the new hospital would "
        "open in May.",
        [("Dr. Nguyen Thi Lan", "Nguyen Thi Lan", "note", None, "the new hospital would open in May", False)],
        id="title-then-named-apposition"),
    # A short form names the person whose name ends with it, and "he" after it is that person too.
    pytest.param(
        "The delegation was led by Vice Chairman Tran Van Phuc. On the district side was Le Phuc Hau, Secretary "
        "of the District Party Committee. Vice Chairman Phuc noted that the roads were late. He requested the "
        "district to finish them by June.",
        [("Vice Chairman Phuc", "Tran Van Phuc", "note", None, "the roads were late", False),
         ("He", "Tran Van Phuc", "request", "the district", "the district to finish them by June", False)],
        id="short-form-last-word"),
    # A sentence framed as a report: its "said" is a report, the framing verb no statement.
    pytest.param(
        "Reporting at the forum, Director Pham Quoc Tuan said that exports rose 9 percent in the first half.",
        [("Director Pham Quoc Tuan", "Pham Quoc Tuan", "report", None, "exports rose 9 percent in the first half",
          False)],
        id="report-frame-reporting"),
    pytest.param(
        "Tabling the budget, Treasurer Mary Wanjiru Kamau said revenue had fallen short by 12 percent.",
        [("Treasurer Mary Wanjiru Kamau", "Mary Wanjiru Kamau", "report", None,
          "revenue had fallen short by 12 percent", False)],
        id="report-frame-tabling"),
    pytest.param(
        "Speaking at the forum, Director Pham Quoc Tuan said that exports rose 9 percent in the first half.",
        [("Director Pham Quoc Tuan", "Pham Quoc Tuan", "note", None, "exports rose 9 percent in the first half",
          False)],
        id="no-frame-said-is-note"),
    # The speaker is the phrase that ends right before the verb, read from tags and punctuation: past
    # an apposition holding commas, a missing closing comma, a date, a bracketed short form.
    pytest.param(
        "Mr. Somchai Inthavong, General Director of Lao Cement Co., Ltd., said the plant would reopen in March.",
        [("Mr. Somchai Inthavong", "Somchai Inthavong", "note", None, "the plant would reopen in March", False)],
        id="apposition-with-commas"),
    pytest.param(
        "Colonel Nguyen Huu Tam, Director of the Provincial Police said traffic accidents fell by 12 percent.",
        [("Colonel Nguyen Huu Tam", "Nguyen Huu Tam", "note", None, "traffic accidents fell by 12 percent", False)],
        id="apposition-unclosed"),
    pytest.param(
        "Governor Ana Reyes on Monday urged mayors to clear the drains before the rains.",
        [("Governor Ana Reyes", "Ana Reyes", "request", "mayors", "mayors to clear the drains before the rains",
          False)],
        id="date-before-the-verb"),
    pytest.param(
        "The District Chief Executive (DCE) for Ketu, Madam Ama Serwaa, said the market would open in May.",
        [("Madam Ama Serwaa", "Ama Serwaa", "note", None, "the market would open in May", False)],
        id="title-with-short-form-then-named-apposition"),
    pytest.param(
        "The Commissioner for Works, Lagos State, Engr. Musa Bello, said the contractor was back on site.",
        [("Engr. Musa Bello", "Musa Bello", "note", None, "the contractor was back on site", False)],
        id="named-apposition-after-commas-and-an-abbreviation"),
    pytest.param(
        "The Ministry of Planning and Investment, which hosted the forum, proposed three measures to cut costs.",
        [("The Ministry of Planning and Investment", None, "propose", None, "three measures to cut costs", False)],
        id="relative-clause-apposition"),
    pytest.param(
        "Delegates at the meeting proposed that the city build two more bridges.",
        [("Delegates at the meeting", None, "propose", None, "the city build two more bridges", False)],
        id="collective-with-its-place"),
    pytest.param(
        "Speaking at the event Minister Ana Cruz said the dam was safe.",
        [("Minister Ana Cruz", "Ana Cruz", "note", None, "the dam was safe", False)],
        id="frame-without-comma"),
    pytest.param(
        "Mr. Kwame Asante has also requested that the districts submit their plans by March.",
        [("Mr. Kwame Asante", "Kwame Asante", "request", "the districts", "the districts submit their plans by March",
          False)],
        id="auxiliary-and-adverb-then-that-clause"),
    # A reported clause before the verb, the speaker after it or a title before the named speaker.
    pytest.param(
        "The bridge will open in June, said Minister Kofi Mensah.",
        [("Minister Kofi Mensah", "Kofi Mensah", "note", None, "The bridge will open in June", False)],
        id="reported-before-speaker-after-the-verb"),
    pytest.param(
        "The road will be finished this year, the Director of the Department of Transport, Mr. Ly Van Hung, said.",
        [("Mr. Ly Van Hung", "Ly Van Hung", "note", None, "The road will be finished this year", False)],
        id="reported-before-title-and-named-apposition"),
    pytest.param(
        "The port will reopen in May, officials said at a briefing in the capital on Friday.",
        [("officials", None, "note", None, "The port will reopen in May", False)],
        id="reported-before-attribution-then-place-and-time"),
    # A verb without its own subject takes the clause's speaker; a verb whose clause opens the content
    # is part of it or shares its object.
    pytest.param(
        "Chairman Pham Duc Long visited the site, stressing that the dyke must be finished before the floods.",
        [("Chairman Pham Duc Long", "Pham Duc Long", "emphasize", None, "the dyke must be finished before the floods",
          False)],
        id="ing-verb-takes-the-clause-speaker"),
    pytest.param(
        "Funds were released to 20 States in June, the Minister added, urging the States to submit reports on time.",
        [("the Minister", None, "request", "the States", "the States to submit reports on time", False)],
        id="ing-verb-after-an-attribution"),
    pytest.param(
        "Chairman Vo Van Hung requested the districts to finish the roads by June; directed the Department of Finance "
        "to pay the contractors; and urged communes to keep the canals clear.",
        [("Chairman Vo Van Hung", "Vo Van Hung", "request", "the districts",
          "the districts to finish the roads by June", False),
         ("Chairman Vo Van Hung", "Vo Van Hung", "direct", "the Department of Finance",
          "the Department of Finance to pay the contractors", False),
         ("Chairman Vo Van Hung", "Vo Van Hung", "request", "communes", "communes to keep the canals clear", False)],
        id="verbs-listed-by-semicolons"),
    pytest.param(
        "Governor Ana Reyes announced that the Ministry had released the funds, and urged mayors to finish the "
        "roads.",
        [("Governor Ana Reyes", "Ana Reyes", "request", "mayors", "mayors to finish the roads", False)],
        id="joined-verb-skips-the-that-clause"),
    pytest.param(
        "Secretary Le Van Thanh acknowledged and highly appreciated the efforts of the district.",
        [("Secretary Le Van Thanh", "Le Van Thanh", "note", None, "the efforts of the district", False),
         ("Secretary Le Van Thanh", "Le Van Thanh", "praise", None, "the efforts of the district", False)],
        id="two-verbs-one-object"),
    pytest.param(
        "Vice Chairman Tran Quoc Bao emphasized that the province commits to support investors.",
        [("Vice Chairman Tran Quoc Bao", "Tran Quoc Bao", "emphasize", None,
          "the province commits to support investors", False)],
        id="reporting-verb-inside-the-content"),
    pytest.param(
        "Mayor Ana Reyes said the roads proposed by the council were costly and the district was asked to pay.",
        [("Mayor Ana Reyes", "Ana Reyes", "note", None,
          "the roads proposed by the council were costly and the district was asked to pay", False)],
        id="passives-inside-the-content"),
    pytest.param(
        "Mayor Ana Reyes said the proposed budget was too small.",
        [("Mayor Ana Reyes", "Ana Reyes", "note", None, "the proposed budget was too small", False)],
        id="participle-before-a-noun"),
    # The object a cue needs, read from the noun phrase after the verb.
    pytest.param(
        "Director Hoang Van Minh presented a short report on the harvest.",
        [("Director Hoang Van Minh", "Hoang Van Minh", "report", None, "a short report on the harvest", False)],
        id="object-head"),
    pytest.param(
        "Director Hoang Van Minh asked the ministry whether the funds would arrive.",
        [("Director Hoang Van Minh", "Hoang Van Minh", "ask", None, "the ministry whether the funds would arrive",
          False)],
        id="opens-after-the-object"),
    # Not statements: a verb inside a quotation, a passive, a subject that cannot speak.
    pytest.param(
        "The project required VND 5 billion. The district was asked to report.",
        [], id="no-speaker"),
    pytest.param(
        "The council approved 12 of the 15 roads proposed by the mayor, as required by law.",
        [], id="passive-participles"),
    pytest.param(
        "Localities have also been requested to report by Friday.",
        [], id="passive-after-auxiliaries"),
    # A participle before or right after a noun modifies it: no statement, nor the end of one.
    pytest.param(
        "The council approved the 12 projects requiring land clearance. The fund kept the minimum required under "
        "the Act.",
        [], id="participles-after-nouns"),
    # An attribution inside a relative clause vouches for it.
    pytest.param(
        "Mr. Kofi Mensah visited the river, which he said had flooded 300 hectares of farmland.",
        [], id="attribution-inside-a-relative-clause"),
    # A verb right after another verb, or a gerund after a preposition, is no statement of its own.
    pytest.param(
        "Chairman Pham Duc Long thanked the delegates for recommending the new budget to the council.",
        [("Chairman Pham Duc Long", "Pham Duc Long", "thank", None,
          "the delegates for recommending the new budget to the council", False)],
        id="gerund-after-a-preposition"),
    pytest.param(
        "The districts should be kept informed of the budget.",
        [], id="verb-after-a-verb"),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_statements(loaded, text, expected):
    assert statements(loaded, text) == expected


def test_a_verb_inside_a_quotation_is_not_a_statement(loaded):
    text = f"{Q}We asked the ministry to help,{E} Mr. Bui Van Tam said."
    assert [s[2] for s in statements(loaded, text)] == ["note"]


@pytest.mark.parametrize("text, inner", [
    (f"a {Q}b{E} c", ["b"]),
    ('a "b" c "d"', ["b", "d"]),
    (f"{Q}one\n\n{Q}two{E}", [f"one\n\n{Q}two"]),
    ('"one\n\n"two"', ['one\n\n"two']),
    (f"{Q}unclosed", []),
], ids=["curly", "straight", "curly-paragraphs", "straight-paragraphs", "unclosed"])
def test_quotations(text, inner):
    assert [text[q.start:q.end] for q in quotations(text)] == inner
