"""Each rule stage on its own: what it leaves in `doc.spans`, on small texts."""

import pytest


def spans(loaded, text, key):
    doc = loaded.nlp(text)  # kept alive: a SpanGroup needs its Doc
    return [s.text for s in doc.spans[key]]


@pytest.mark.parametrize("text, titles", [
    ("The Permanent Vice Chairman spoke.", ["Permanent Vice Chairman"]),
    ("Mr. Lam, vice secretary of the Party Committee, spoke.", ["vice secretary"]),
    ("The Vice-Chairman and the Deputy General Director met.", ["Vice-Chairman", "Deputy General Director"]),
    ("The two Deputy Secretaries attended.", ["Deputy Secretaries"]),
    ("Gov. Santos opened the meeting.", ["Gov."]),
    # Inside a body's name a title names no one.
    ("The Board of Directors of the bank met.", []),
    ("The Office of the Prime Minister issued it.", []),
    # Not inside words.
    ("His chairmanship ended.", []),
], ids=["qualifiers", "lowercase", "hyphenated", "plural", "abbreviation", "board_of_directors",
        "office_of", "inside_a_word"])
def test_titles(loaded, text, titles):
    assert spans(loaded, text, "titles") == titles


@pytest.mark.parametrize("text, honorifics", [
    ("Mr. Tran Van Nam spoke.", ["Mr."]),
    ("Hon. Mrs Ama Boateng spoke.", ["Hon. Mrs"]),
    ("Col. (Rtd) Kofi Mensah spoke.", ["Col. (Rtd)"]),
    ("Comrade Ly Van Son spoke.", ["Comrade"]),
    ("the comrade spoke.", []),
], ids=["mr", "stacked", "bracketed_note", "comrade", "lowercase_comrade"])
def test_honorifics(loaded, text, honorifics):
    assert spans(loaded, text, "honorifics") == honorifics


@pytest.mark.parametrize("text, names, rule", [
    ("Mr. Nghiem Van Hoa spoke.", ["Nghiem Van Hoa"], "names.honorific_name"),
    ("Governor Lee Sang Min arrived.", ["Lee Sang Min"], "names.title_before_name"),
    ("Chairman of the Ethnic Committee Hau A Lenh spoke.", ["Hau A Lenh"], "names.surname_lexicon"),
    ("President of the Lao PDR Khamsay Vongsa spoke.", ["Khamsay Vongsa"], "names.title_body_name"),
    ("Prime Minister Prayoon Chan-o-kit spoke.", ["Prayoon Chan-o-kit"], "names.title_before_name"),
    ("Delegates met in Thai Nguyen and Quang Ninh.", [], None),
    ("The office on Tran Hung Dao Street opened.", [], None),
    ("Photo: TRAN MINH", [], None),
], ids=["honorific", "title", "surname", "body_then_name", "hyphenated", "provinces", "street", "all_caps_byline"])
def test_names(loaded, text, names, rule):
    doc = loaded.nlp(text)
    assert [s.text for s in doc.spans["names"]] == names
    assert all(s._.rule == rule for s in doc.spans["names"])


@pytest.mark.parametrize("text, title, organization, rule", [
    ("Mr. A, Deputy Head of the Provincial National Assembly Delegation (PNAD), spoke.",
     "Deputy Head", "Provincial National Assembly Delegation", "roles.title_of_body"),
    ("Mr. A, Chairman of the provincial People's Committee, spoke.",
     "Chairman", "provincial People's Committee", "roles.title_of_body"),
    ("Mr. A, vice secretary of Hoa Binh province's Party Committee, spoke.",
     "vice secretary", "Hoa Binh province's Party Committee", "roles.title_of_body"),
    ("Party Central Committee member Tran Van Tien spoke.", "member", "Party Central Committee", "roles.body_before_title"),
    ("District Chief Executive for Ajumako District spoke.",
     "District Chief Executive", "Ajumako District", "roles.title_of_body"),
    ("Government spokesman Anan Siriwat said so.", "spokesman", "Government", "roles.body_before_title"),
    ("An Giang Provincial Party Secretary spoke.", "Provincial Party Secretary", "An Giang", "roles.body_before_title"),
    ("Provincial Party Secretary spoke.", "Provincial Party Secretary", None, "roles.bare_title"),
    ("Standing Deputy Secretary of the Provincial Party Committee for the 2015-2020 term.",
     "Standing Deputy Secretary", "Provincial Party Committee", "roles.title_of_body"),
], ids=["acronym_left_out", "lowercase_modifier", "possessive", "body_before_title", "for_body",
        "government_spokesman", "place_before_fused_title", "fused_title", "body_ends_before_lowercase"])
def test_roles(loaded, text, title, organization, rule):
    doc = loaded.nlp(text)
    role, = doc.spans["roles"]
    assert (role._.title, role._.organization, role._.rule) == (title, organization, rule)
