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



# Issue 12: shapes seen in real articles no rule was written for, each on a sentence written here.
UNSEEN = [
    # A role shared by a list of people, each getting it in the singular.
    ("plural_title_before_names",
     "Deputy Prime Ministers Tran Hong Ha and Le Thanh Long attended the conference.",
     {"Tran Hong Ha": [("Deputy Prime Minister", None)], "Le Thanh Long": [("Deputy Prime Minister", None)]}),
    ("plural_title_ends_at_the_next_title",
     "Deputy Prime Ministers Tran Hong Ha and Le Thanh Long, Minister of Finance Ho Duc Phoc attended.",
     {"Tran Hong Ha": [("Deputy Prime Minister", None)], "Le Thanh Long": [("Deputy Prime Minister", None)],
      "Ho Duc Phoc": [("Minister", "Finance")]}),
    ("body_members_colon_list",
     "Present were Standing Board members: Nguyen Van Hai, Director of the Department of Finance; "
     "Tran Thi Lan, Director of the Department of Health.",
     {"Nguyen Van Hai": [("member", "Standing Board"), ("Director", "Department of Finance")],
      "Tran Thi Lan": [("member", "Standing Board"), ("Director", "Department of Health")]}),
    ("colon_list_ends_at_an_entry_with_its_own_title",
     "Also attending were Deputy Ministers: Nguyen Van Phuc, Hoang Minh Son; Chairman of the Trade Union "
     "Nguyen Ngoc An.",
     {"Nguyen Van Phuc": [("Deputy Minister", None)], "Hoang Minh Son": [("Deputy Minister", None)],
      "Nguyen Ngoc An": [("Chairman", "Trade Union")]}),
    ("plural_title_over_a_list_with_initials",
     "Ministers HK Patil, MB Patil, Priyank Kharge and Rahim Khan were present at the meeting.",
     {"HK Patil": [("Minister", None)], "MB Patil": [("Minister", None)], "Priyank Kharge": [("Minister", None)],
      "Rahim Khan": [("Minister", None)]}),
    ("and_other_members_of_body",
     "Tran Van Minh, Le Thi Hoa and other Standing members of the Provincial Party Committee attended.",
     {"Tran Van Minh": [("Standing member", "Provincial Party Committee")],
      "Le Thi Hoa": [("Standing member", "Provincial Party Committee")]}),
    ("who_both_serve_as",
     "Mr. Pham Van Duc and Ms. Vu Thi Mai, who both serve as deputy heads of the Provincial Party "
     "Committee's Organisation Commission, attended.",
     {"Pham Van Duc": [("deputy head", "Provincial Party Committee's Organisation Commission")],
      "Vu Thi Mai": [("deputy head", "Provincial Party Committee's Organisation Commission")]}),
    ("plural_title_after_names_lists_more_people",
     "The meeting was chaired by Vice Governor Vanhphen Keovongsa, heads of provincial departments and others.",
     {"Vanhphen Keovongsa": [("Vice Governor", None)]}),
    ("other_leaders_name_no_body",
     "Chairman of the County CPPCC Li Xiaomei and other county leaders attended the meeting.",
     {"Li Xiaomei": [("Chairman", "County CPPCC")]}),
    # Several titles before one name; a qualifier covers the whole title.
    ("two_titles_before_one_name",
     "Politburo member and Hanoi Party Committee Secretary Dinh Tien Dung chaired the meeting.",
     {"Dinh Tien Dung": [("member", "Politburo"), ("Secretary", "Hanoi Party Committee")]}),
    ("each_title_to_its_name",
     "Chairman Nguyen Van Hung and Vice Chairman of the Provincial People's Committee Le Van Tam attended.",
     {"Nguyen Van Hung": [("Chairman", None)], "Le Van Tam": [("Vice Chairman", "Provincial People's Committee")]}),
    ("former_covers_the_title",
     "Former Deputy Minister of Finance Tran Xuan Ha spoke at the event.",
     {"Tran Xuan Ha": [("Former Deputy Minister", "Finance")]}),
    # Body boundaries.
    ("double_quote_for_apostrophe",
     'Vice Chairman of the Provincial People"s Committee Nguyen Van Phuong attended the event.',
     {"Nguyen Van Phuong": [("Vice Chairman", 'Provincial People"s Committee')]}),
    ("its_body",
     "The Ministry of Finance held the meeting. Nguyen Van Thang, head of its Budget Department, reported.",
     {"Nguyen Van Thang": [("head", "Budget Department")]}),
    ("company_co_ltd",
     "Nguyen Van Long, Director of Hoang Long Construction Co., Ltd., signed the contract.",
     {"Nguyen Van Long": [("Director", "Hoang Long Construction Co., Ltd.")]}),
    ("company_corp",
     "Le Van Binh, General Director of Vietnam Electricity Corp., attended.",
     {"Le Van Binh": [("General Director", "Vietnam Electricity Corp.")]}),
    ("country_in_brackets",
     "Bounchanh Sinthavong, Minister of Finance (Laos), attended the forum.",
     {"Bounchanh Sinthavong": [("Minister", "Finance")]}),
    ("bodies_joined_by_a_dash",
     "Chief of Office of the National Assembly Delegation - People's Council of Nghe An province Bui Duy Son "
     "presented the draft.",
     {"Bui Duy Son": [("Chief", "Office of the National Assembly Delegation - People's Council of Nghe An "
                                "province")]}),
    ("body_closed_by_a_dash",
     "Nguyen Thi Ha - Deputy Head of the Provincial National Assembly Delegation - spoke at the meeting.",
     {"Nguyen Thi Ha": [("Deputy Head", "Provincial National Assembly Delegation")]}),
    ("lowercase_head_after_a_possessive",
     "Ngo Van Tuan, head of the National Assembly deputies’ delegation of Hoa Binh, chaired the event.",
     {"Ngo Van Tuan": [("head", "National Assembly deputies’ delegation of Hoa Binh")]}),
    ("lowercase_body_owning_a_capitalized_one",
     "Le Thi Hong Nhung, Director of the ministry's Planning Department, presented the report.",
     {"Le Thi Hong Nhung": [("Director", "ministry's Planning Department")]}),
    ("the_session",
     "Bui Duy Son, Secretary of the session, presented the draft resolution.",
     {"Bui Duy Son": [("Secretary", "session")]}),
    # A nationality adjective is no body.
    ("nationality_before_title",
     "Chinese Premier Li Qiang met the delegation.",
     {"Li Qiang": [("Premier", None)]}),
    ("nationality_before_title_of_body",
     "Lao Deputy Minister of Industry Somphone Vongsa spoke.",
     {"Somphone Vongsa": [("Deputy Minister", "Industry")]}),
    ("two_word_nationality",
     "South Korean Ambassador Choi Young Sam attended.",
     {"Choi Young Sam": [("Ambassador", None)]}),
    # Title shapes the lexicon lacked.
    ("lowercase_qualifier",
     "Tran Van Son, alternate member of the Party Central Committee, attended.",
     {"Tran Van Son": [("alternate member", "Party Central Committee")]}),
    ("grand_chancellor",
     "Grand Chancellor Rudolph Tan opened the ceremony.",
     {"Rudolph Tan": [("Grand Chancellor", None)]}),
    # Names that collide with word lists.
    ("family_name_that_is_an_english_word",
     "General Secretary To Lam chaired the meeting.",
     {"To Lam": [("General Secretary", None)]}),
    ("month_as_a_given_name",
     "Deputy Director Nguyen Thi Jun attended the meeting.",
     {"Nguyen Thi Jun": [("Deputy Director", None)]}),
    ("month_before_a_day_is_a_date",
     "Deputy Director Nguyen Thi Lan spoke on Jun 5.",
     {"Nguyen Thi Lan": [("Deputy Director", None)]}),
    ("particles_inside_a_name",
     "Mayor Maria de la Cruz opened the forum with Prime Minister Anwar bin Ibrahim.",
     {"Maria de la Cruz": [("Mayor", None)], "Anwar bin Ibrahim": [("Prime Minister", None)]}),
    ("apostrophe_syllable",
     "Vice Chairman of the Provincial People's Committee H'Yim Kđoh attended.",
     {"H'Yim Kđoh": [("Vice Chairman", "Provincial People's Committee")]}),
    ("to_is_no_name_elsewhere",
     "To Hanoi, the delegation brought gifts.",
     {}),
    # Titles written as one: an aide's title, a role given only by a later title mention.
    ("secretary_to_the_minister",
     "Kwame Mensah, Secretary to the Minister of Finance, read the statement.",
     {"Kwame Mensah": [("Secretary to the Minister", "Finance")]}),
    ("role_by_a_later_title_mention",
     "Mr. Nguyen Van Duc chaired the meeting. The provincial Party chief said the province must act.",
     {"Nguyen Van Duc": [("provincial Party chief", None)]}),
    ("no_role_from_a_title_mention_farther_on",
     "Mr. Nguyen Van Duc spoke first. Delegates agreed. The Minister said so.",
     {"Nguyen Van Duc": []}),
    # Names with no title beside them, in the list after an attendance cue.
    ("attendee_list_without_titles",
     "Attending the meeting were Sonexay Siphandone, Kikeo Khaykhamphithoune and Thongsalith Mangnomek.",
     {"Sonexay Siphandone": [], "Kikeo Khaykhamphithoune": [], "Thongsalith Mangnomek": []}),
    ("attendee_list_of_places",
     "Attending were representatives of Quang Nam, Da Nang and Hue; the event was attended by Quang Nam Province.",
     {}),
    # Capitalized strings that are no people.
    ("places_with_figures",
     "The districts with high rates are Tan Phu (3.05%), Cam My (1.7%) and Dinh Quan (1.68%).",
     {}),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in UNSEEN], ids=[c[0] for c in UNSEEN])
def test_people_and_roles_in_unseen_shapes(loaded, text, expected):
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
    ("transliteration_in_a_caption",
     "Prime Minister Phạm Minh Chính (centre) at the event.\n\nPrime Minister Pham Minh Chinh said growth must "
     "reach 8 percent.",
     "Phạm Minh Chính", ["Phạm Minh Chính", "Pham Minh Chinh"]),
    ("nickname_in_quotes",
     'Senator Manny "Pacman" Pacquiao opened the gym. Pacquiao said it was for the youth.',
     'Manny "Pacman" Pacquiao', ['Manny "Pacman" Pacquiao', "Pacquiao"]),
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
