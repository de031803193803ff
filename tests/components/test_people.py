"""People and roles: one table row per shape the genre writes (issue 2's list), own sentences."""

import pytest


def people(record):
    """{name: [(title, organization), ...]} of a record, for compact expectations."""
    return {p.name: [(r.title, r.organization) for r in p.roles] for p in record.people}


CASES = [
    # A role after the name, after an honorific.
    ("honorific_then_role",
     "Mr. Hoang Van Minh, Vice Chairman of the Provincial People's Committee, opened the meeting.",
     {"Hoang Van Minh": [("Vice Chairman", "Provincial People's Committee")]}),
    # Attendee lists: ';' between people, ',' or ' - ' between a name and its roles.
    ("semicolon_list",
     "Attending the conference were comrades: Dao Quang Huy, Vice Chairman of the Provincial People's "
     "Committee; Tran Thi Lan, Deputy Head of the Provincial National Assembly Delegation.",
     {"Dao Quang Huy": [("Vice Chairman", "Provincial People's Committee")],
      "Tran Thi Lan": [("Deputy Head", "Provincial National Assembly Delegation")]}),
    ("dash_list",
     "Comrades: Vu Duc Long - Member of the Politburo, Secretary of the Hanoi Party Committee; "
     "Ngo Thi Mai - Director of the Department of Finance chaired the meeting.",
     {"Vu Duc Long": [("Member", "Politburo"), ("Secretary", "Hanoi Party Committee")],
      "Ngo Thi Mai": [("Director", "Department of Finance")]}),
    # The title before the name; ranking words stay in the title.
    ("fused_title_before_name",
     "Provincial Party Secretary Nguyen Thanh Son visited the site.",
     {"Nguyen Thanh Son": [("Provincial Party Secretary", None)]}),
    ("diacritics",
     "State President Lương Văn Tùng received the delegation.",
     {"Lương Văn Tùng": [("State President", None)]}),
    ("qualified_title_before_name",
     "Deputy Prime Minister Tran Quoc Viet chaired the session.",
     {"Tran Quoc Viet": [("Deputy Prime Minister", None)]}),
    ("title_of_body_before_name",
     "Director of the Department of Planning and Investment Ly Thanh Tam said exports grew.",
     {"Ly Thanh Tam": [("Director", "Department of Planning and Investment")]}),
    # Chains of roles, after and before the name.
    ("chain_after_name",
     "Nguyen Xuan Thang, Member of the Party Central Committee, Secretary of the Provincial Party "
     "Committee, and Chairman of the Provincial People's Council, delivered the opening speech.",
     {"Nguyen Xuan Thang": [("Member", "Party Central Committee"), ("Secretary", "Provincial Party Committee"),
                            ("Chairman", "Provincial People's Council")]}),
    ("chain_before_name",
     "Member of the Party Central Committee, Secretary of the Provincial Party Committee, Chairman of "
     "the Provincial People's Council Do Trong Hung chaired the session.",
     {"Do Trong Hung": [("Member", "Party Central Committee"), ("Secretary", "Provincial Party Committee"),
                        ("Chairman", "Provincial People's Council")]}),
    ("body_before_title",
     "Politburo member and Prime Minister Le Minh Khai attended the conference.",
     {"Le Minh Khai": [("member", "Politburo"), ("Prime Minister", None)]}),
    ("role_then_next_name",
     "The delegation led by Governor Kim Sung Ho met Secretary of the Bac Ninh Party Committee Dinh Van Son.",
     {"Kim Sung Ho": [("Governor", None)], "Dinh Van Son": [("Secretary", "Bac Ninh Party Committee")]}),
    # Other countries' forms.
    ("ghana_honorifics",
     "The Western Regional Minister, Hon. Mrs Akosua Mensah Owusu, opened the meeting.",
     {"Akosua Mensah Owusu": [("Western Regional Minister", None)]}),
    ("philippine_nickname",
     "Gov. Ramon “Jun” D. Alcantara presided over the council meeting.",
     {"Ramon “Jun” D. Alcantara": [("Gov.", None)]}),
    ("his_excellency",
     "His Excellency Deputy Prime Minister Somphone Keomany signed the agreement.",
     {"Somphone Keomany": [("Deputy Prime Minister", None)]}),
    ("title_for_body",
     "Rev. Samuel K. Ofori, District Chief Executive for Mfantseman District, said a prayer.",
     {"Samuel K. Ofori": [("District Chief Executive", "Mfantseman District")]}),
    ("military_rank",
     "Col. Nguyen Van Binh, Commander of the Provincial Military Command, reported on security.",
     {"Nguyen Van Binh": [("Commander", "Provincial Military Command")]}),
    ("chinese_municipal",
     "Mr. Wang Jianguo, Secretary of the CPC Kunming Municipal Committee and Mayor of Kunming Municipal "
     "People's Government, delivered a speech.",
     {"Wang Jianguo": [("Secretary", "CPC Kunming Municipal Committee"),
                       ("Mayor", "Kunming Municipal People's Government")]}),
    # Roles given by a verb.
    ("copula",
     "Mr. Pham Van Duc was re-elected as Secretary of the Provincial Party Committee.",
     {"Pham Van Duc": [("Secretary", "Provincial Party Committee")]}),
    ("pronoun_biography",
     "Ms. Vo Thi Hanh spoke first. She used to be Director of the Department of Health.",
     {"Vo Thi Hanh": [("Director", "Department of Health")]}),
    ("plural_title_for_several",
     "The two Deputy Secretaries are Mr. Bui Van Hai and Mr. Dinh Quoc Tuan.",
     {"Bui Van Hai": [("Deputy Secretary", None)], "Dinh Quoc Tuan": [("Deputy Secretary", None)]}),
    ("respectively",
     "Attending were Mr. Dang Van Tho and Ms. Vu Thi Yen, respectively Chairman and Vice Chairwoman of the "
     "Provincial Farmers' Union.",
     {"Dang Van Tho": [("Chairman", "Provincial Farmers' Union")],
      "Vu Thi Yen": [("Vice Chairwoman", "Provincial Farmers' Union")]}),
    ("titles_first_comma_list",
     "Attending were Politburo member Le Van Hai, Party Central Committee member, Secretary of the Provincial "
     "Party Committee Tran Quoc Nam, and local leaders.",
     {"Le Van Hai": [("member", "Politburo")],
      "Tran Quoc Nam": [("member", "Party Central Committee"), ("Secretary", "Provincial Party Committee")]}),
    ("name_in_commas_after_role",
     "The Minister of Budget and Economic Planning, Ibrahim Musa Danjuma, said the plan was ready.",
     {"Ibrahim Musa Danjuma": [("Minister", "Budget and Economic Planning")]}),
    ("country_before_body",
     "Thailand's Commerce Minister Somchai Wongsuwan joined the forum.",
     {"Somchai Wongsuwan": [("Minister", "Commerce")]}),
    ("acronym_inside_body_before_title",
     "Council of Governors (CoG) Chairperson Amina Wanjiru Otieno spoke.",
     {"Amina Wanjiru Otieno": [("Chairperson", "Council of Governors")]}),
    ("portfolio_closes_the_body",
     "Deputy Minister of Agriculture Hendra Kurniawan and Head of the National Food Agency (Bapanas) Arief "
     "Setiawan attended.",
     {"Hendra Kurniawan": [("Deputy Minister", "Agriculture")], "Arief Setiawan": [("Head", "National Food Agency")]}),
    ("nationality_before_title",
     "Lao Deputy Minister of Industry and Commerce Khamphou Vongsavath attended the ceremony.",
     {"Khamphou Vongsavath": [("Deputy Minister", "Industry and Commerce")]}),
    ("body_words_before_title_with_body_after",
     "County Executive Committee Member for Lands Peter Otieno Wafula presented the plan.",
     {"Peter Otieno Wafula": [("County Executive Committee Member", "Lands")]}),
    ("body_in_a_place",
     "Mr. Sakamoto Kenta, Consul General of Japan in Ho Chi Minh City, spoke.",
     {"Sakamoto Kenta": [("Consul General", "Japan in Ho Chi Minh City")]}),
    ("company_closes_the_body",
     "General Director of Hoang Long Infrastructure JSC Vu Thanh Tam signed the agreement.",
     {"Vu Thanh Tam": [("General Director", "Hoang Long Infrastructure JSC")]}),
    ("in_charge_of",
     "Vice Chairman of the Provincial People's Committee in charge of agriculture Phan Van Dinh spoke.",
     {"Phan Van Dinh": [("Vice Chairman", "Provincial People's Committee")]}),
    ("acronym_title", "Nalgonda MLA G. Prasad Goud raised the issue.", {"G. Prasad Goud": [("MLA", "Nalgonda")]}),
    # What is not a person.
    ("places_are_not_people",
     "Quang Ninh province and Thai Nguyen province signed an agreement in Ho Chi Minh City.",
     {}),
    ("streets_are_not_people",
     "The new office on Le Loi Street opened near Tran Phu Bridge.",
     {}),
    ("bodies_are_not_people",
     "The Ho Chi Minh Communist Youth Union and the Vietnam Women's Union held a forum.",
     {}),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_people_and_roles(loaded, text, expected):
    assert people(loaded.extract(text)) == expected


MENTIONS = [
    ("short_form_after_title",
     "State President Lương Cường visited the province. President Cường praised its results.",
     "Lương Cường", ["Lương Cường", "Cường"]),
    ("given_name_after_honorific",
     "Mr. Nguyen Van Hung, Chairman of the Provincial People's Committee, spoke. Mr. Hung asked for faster work.",
     "Nguyen Van Hung", ["Nguyen Van Hung", "Hung"]),
    ("title_without_name",
     "Mr. Le Quoc Bao, Vice Chairman of the Provincial People's Committee, spoke. The Vice Chairman of the "
     "Provincial People's Committee asked departments to act.",
     "Le Quoc Bao", ["Le Quoc Bao", "The Vice Chairman of the Provincial People's Committee"]),
    ("the_comrade_after_a_quote",
     "Ms. Ha Thi Thu, Deputy General Director of the Social Policy Bank, said: \"Credit reached the poor.\" "
     "The comrade also asked for more capital.",
     "Ha Thi Thu", ["Ha Thi Thu", "The comrade"]),
]


@pytest.mark.parametrize("text, name, mentions", [c[1:] for c in MENTIONS], ids=[c[0] for c in MENTIONS])
def test_later_mentions_join_the_same_person(loaded, text, name, mentions):
    record = loaded.extract(text)
    assert [p.name for p in record.people] == [name]
    assert [m.text for m in record.people[0].mentions] == mentions


def test_honorific_is_kept_apart_from_the_name(loaded):
    person, = loaded.extract("Hon. Mrs Abena Serwaa Quaye opened the meeting.").people
    assert (person.name, person.honorific) == ("Abena Serwaa Quaye", "Hon. Mrs")


def test_body_with_acronym_is_an_organization(loaded):
    record = loaded.extract("Mr. Tran Duc Anh, Director of the Vietnam Bank for Social Policies (VBSP), spoke.")
    assert people(record) == {"Tran Duc Anh": [("Director", "Vietnam Bank for Social Policies")]}
    assert [(o.name, o.acronym) for o in record.organizations] == [("Vietnam Bank for Social Policies", "VBSP")]


def test_every_evidence_span_is_the_text_it_points_to(loaded):
    text = ("Attending were: Mr. Dao Quang Huy, Vice Chairman of the Provincial People's Committee;\n"
            "Politburo member and Prime Minister Le Minh Khai. The comrade said: \"We will act.\"")
    record = loaded.extract(text)
    spans = [m for p in record.people for m in p.mentions] + [r.evidence for p in record.people for r in p.roles]
    spans += [m for o in record.organizations for m in o.mentions]
    assert spans
    for span in spans:
        assert text[span.start:span.end] == span.text and span.rule
