"""extractor_documents: official documents cited, each once, with their parts and later mentions."""

import pytest

from extractor.components.documents import decode

PUBLISHED = "2024-07-31"


def documents(loaded, text):
    return loaded.extract(text, published=PUBLISHED).documents


def only(loaded, text):
    found = documents(loaded, text)
    assert len(found) == 1, [(d.kind, d.number, d.name) for d in found]
    return found[0]


@pytest.mark.parametrize("text, kind, number", [
    # Kind and number, with or without "No." / "Number"; the number as written, without "No.".
    ("The board reviewed Directive No. 12-CT/TW yesterday.", "Directive", "12-CT/TW"),
    ("The council adopted Resolution Number 31/NQ-HDND last week.", "Resolution", "31/NQ-HDND"),
    ("Delegates studied Project No.03-DA/TU closely.", "Project", "03-DA/TU"),
    ("The ministry applied Decree 09/2019/ND-CP strictly.", "Decree", "09/2019/ND-CP"),
    ("The Prime Minister signed Decision 2345/QD-TTg in May.", "Decision", "2345/QD-TTg"),
    ("The district followed Conclusion No. 88-KL/TW closely.", "Conclusion", "88-KL/TW"),
    ("The ministry issued Circular No. 07/2022/TT-BTC last year.", "Circular", "07/2022/TT-BTC"),
    ("The mayor cited Executive Order No. 42 in his speech.", "Executive Order", "42"),
    ("The county's Decision No. 31 on rewards takes effect soon.", "Decision", "31"),
    # Numbers that are not Vietnamese codes.
    ("Officers follow Regional Directive No. ABC/XY/03/2023 closely.", "Directive", "ABC/XY/03/2023"),
    ("Wages follow Notification S.O. 2210(E) now.", "Notification", "S.O. 2210(E)"),
    ("Farmers follow Prakas No. 77 MOC on seeds.", "Prakas", "77 MOC"),
    ("States follow Circular Ref. No. ABC/DE/2023/009 closely.", "Circular", "ABC/DE/2023/009"),
    # The kind as written becomes the canonical kind; qualifiers that make a kind stay.
    ("The province joined Programme 135 early.", "Program", "135"),
    ("The board endorsed Supplemental AIP No. 2 for the year.", "Supplemental AIP", "2"),
    ("Farmers signed up under Sub-Decree No. 88 ANKr.BK last year.", "Sub-Decree", "88 ANKr.BK"),
    # A bare Vietnamese code: its kind comes from the code.
    ("Implementing 35-NQ/TW, the province formed a board.", "Resolution", "35-NQ/TW"),
], ids=["no", "number_word", "no_glued", "decree_code", "decision_code", "conclusion", "circular",
        "executive_order", "plain_number", "letter_code", "series_prefix", "series_suffix", "ref_no",
        "programme", "qualified_kind", "sub_decree", "bare_code"])
def test_kind_and_number(loaded, text, kind, number):
    document = only(loaded, text)
    assert (document.kind, document.number) == (kind, number)


@pytest.mark.parametrize("text", [
    # Years and periods after a kind word are dates, not numbers.
    "The council discussed the Plan 2025 and the Program 2021-2025.",
    # A lowercase kind word needs "No." to cite anything.
    "The committee drew up a plan 2 for the district.",
    # Numbered things that are no documents.
    "Provincial Road No. 5 and Room No. 3 were upgraded.",
    # Plain capitalized words before "Act"/"Law" that name nothing.
    "The Act will help. Act now, he said. The International Law Commission met.",
], ids=["years", "lowercase_kind", "roads_and_rooms", "not_laws"])
def test_not_documents(loaded, text):
    assert documents(loaded, text) == []


@pytest.mark.parametrize("text, name", [
    # National laws cited by name alone: number null.
    ("The reform follows the Law on Investment closely.", "Law on Investment"),
    ("Prices were set under the new Land Law this year.", "Land Law"),
    ("Members must respect the Local Governance Act, 2016 in full.", "Local Governance Act, 2016"),
], ids=["law_on", "word_before_law", "act_with_year"])
def test_named_laws(loaded, text, name):
    document = only(loaded, text)
    assert (document.name, document.number) == (name, None)


@pytest.mark.parametrize("text, name, number", [
    # A sentence opening "The Law on ...": the opener is no part of the name.
    ("The Law on Investment No. 61/2020/QH14 applies to the project.", "Law on Investment", "61/2020/QH14"),
    ("Land is allocated under the Law on Land 2024 (No. 31/2024/QH15).", "Law on Land 2024", "31/2024/QH15"),
], ids=["number_after_name", "number_in_brackets"])
def test_named_laws_with_their_number(loaded, text, name, number):
    document = only(loaded, text)
    assert (document.kind, document.name, document.number) == ("Law", name, number)


@pytest.mark.parametrize("text, value, evidence, rule", [
    # "dated <date>", "of <date>", a date without a year (from the reference), "On <date>, <body> issued".
    ("It implements Directive No. 12-CT/TW dated November 22, 2014 closely.", "2014-11-22", "November 22, 2014", "documents.dated"),
    ("It implements Decree 09/2019/ND-CP of 22 November 2014 closely.", "2014-11-22", "22 November 2014", "documents.date_after_number"),
    ("It implements Directive No. 12-CT/TW dated 5th June 2023 closely.", "2023-06-05", "5th June 2023", "documents.dated"),
    ("It implements Decision No. 77/QD-UBND dated March 3 closely.", "2024-03-03", "March 3", "documents.dated"),
    ("On March 5, 2023, the Prime Minister signed Decision No. 300/QD-TTg approving the plan.",
     "2023-03-05", "March 5, 2023", "documents.issued_on"),
], ids=["dated", "of_date", "ordinal_day", "year_from_reference", "issued_on"])
def test_dates(loaded, text, value, evidence, rule):
    document = only(loaded, text)
    assert document.date == value
    assert (document.date_evidence.text, document.date_evidence.rule) == (evidence, rule)
    assert text[document.date_evidence.start:document.date_evidence.end] == evidence


@pytest.mark.parametrize("text, issuer", [
    # "of the <body>", with the body's own "of the" and ordinal; "by the <body>"; after the date.
    ("It follows Directive No. 12-CT/TW of the Secretariat of the 12th Party Central Committee on youth.",
     "Secretariat of the 12th Party Central Committee"),
    ("It follows Decision No. 9/QD-UBND dated May 2, 2020, of the Provincial People's Committee.",
     "Provincial People's Committee"),
    ("It follows Circular No. 07/2022/TT-BTC issued by the Ministry of Finance.", "Ministry of Finance"),
    # A possessive before the citation; "<body> issued" before it.
    ("It follows the National Assembly's Resolution No. 99/NA on audits.", "National Assembly"),
    ("The Politburo issued Conclusion No. 88-KL/TW on cadres.", "Politburo"),
], ids=["of_body", "after_date", "issued_by", "possessive", "body_issued"])
def test_issuer(loaded, text, issuer):
    assert only(loaded, text).issuer == issuer


@pytest.mark.parametrize("text, subject", [
    # "on <subject>" to the end of the clause.
    ("It follows Directive No. 12-CT/TW on strengthening the Party's leadership over youth work.",
     "strengthening the Party's leadership over youth work"),
    ("It follows Resolution No. 5-NQ/TU on rural roads, with a vision to 2030.", "rural roads"),
    # A verb that opens the subject stays in it.
    ("It follows Decision No. 300/QD-TTg approving the master plan.", "approving the master plan"),
    # A finite verb ends it; so does another document it is coordinated with.
    ("Decision No. 31 on rewarding enterprises will be applied soon.", "rewarding enterprises"),
    ("It follows Resolution No. 99/NA on audits and Decree No. 12/G on zones.", "audits"),
    # "No. 40" inside a subject does not end it.
    ("It issued Decision No. 401/QD-TTg on the Plan to implement Directive No. 12-CT/TW of the Secretariat.",
     "the Plan to implement Directive No. 12-CT/TW of the Secretariat"),
], ids=["on", "comma_ends", "approving", "finite_verb_ends", "coordinated_document_ends", "no_inside"])
def test_subject(loaded, text, subject):
    assert documents(loaded, text)[0].subject == subject


@pytest.mark.parametrize("text, mentions, aliases", [
    # A bracketed alias, and the short form later.
    ("It reviewed Directive 12-CT/TW (referred to as Directive 12) dated May 2, 2014. Directive 12 works.",
     ["Directive 12-CT/TW", "Directive 12", "Directive 12"], ["Directive 12"]),
    # A short form before the full citation.
    ("Resolution 57 turns one. Resolution No. 57-NQ/TW of the Politburo set the goals.",
     ["Resolution 57", "Resolution No. 57-NQ/TW"], []),
    # "the <Kind>" joins the last document of that kind.
    ("Resolution No. 5-NQ/TU set 17 targets; 14 targets of the Resolution were met.",
     ["Resolution No. 5-NQ/TU", "the Resolution"], []),
    # The same number written twice, once with a diacritic.
    ("Decision No. 21-QĐNS/TW came first. Decision No. 21-QDNS/TW was read again.",
     ["Decision No. 21-QĐNS/TW", "Decision No. 21-QDNS/TW"], []),
    # A named law whose bracketed alias gives its number.
    ("Members must respect the Local Governance Act, 2016 (Act 936) in full.",
     ["Local Governance Act, 2016", "Act 936"], ["Act 936"]),
], ids=["alias", "short_first", "definite", "diacritics", "named_with_number"])
def test_later_mentions_join(loaded, text, mentions, aliases):
    document = only(loaded, text)
    assert [m.text for m in document.mentions] == mentions
    assert document.aliases == aliases


def test_a_short_form_joins_the_document_cited_before_it(loaded):
    text = ("Directive No. 12-CT/TW was issued. Directive No. 12-CT/TU followed. Directive 12 was reviewed.")
    first, second = documents(loaded, text)
    assert [m.text for m in second.mentions] == ["Directive No. 12-CT/TU", "Directive 12"]
    assert len(first.mentions) == 1


def test_a_named_document_takes_the_number_of_its_alias(loaded):
    assert only(loaded, "Members must respect the Local Governance Act, 2016 (Act 936) in full.").number == "936"


@pytest.mark.parametrize("text, warnings", [
    # The code's kind disagrees with the text's: a warning, and the text's kind is kept.
    ("Directive No. 05-NQ/TW on discipline was read.",
     ["document 05-NQ/TW: the text calls it a Directive, its code NQ a Resolution"]),
    # A code with several readings accepts any of them.
    ("Instruction No. 05-HD/TW was read.", []),
    ("Decision No. 2187-QĐNS/TW was read.", []),
], ids=["disagree", "several_readings", "personnel_decision"])
def test_code_kind_warnings(loaded, text, warnings):
    record = loaded.extract(text, published=PUBLISHED)
    assert [w for w in record.warnings if w.startswith("document ")] == warnings


@pytest.mark.parametrize("number, kind, issuer", [
    # Party documents: "<serial>-<kind>/<issuer>".
    ("40-CT/TW", "Directive", "Party Central Committee"),
    ("06-NQ/TU", "Resolution", "Provincial Party Committee"),
    ("05-NQ/HU", "Resolution", "District Party Committee"),
    ("02-DA/TU", "Project", "Provincial Party Committee"),
    ("2187-QĐNS/TW", "Decision", "Party Central Committee"),
    # State documents: "<serial>[/<year>]/<kind>-<issuer>", any case, with or without diacritics.
    ("06/2021/ND-CP", "Decree", "Government"),
    ("1234/QD-TTg", "Decision", "Prime Minister"),
    ("1234/QĐ-TTG", "Decision", "Prime Minister"),
    ("74/2022/NQ-HĐND", "Resolution", "People's Council"),
    ("12/2020/TT-BTC", "Circular", "Ministry of Finance"),
    ("45/CĐ-TTg", "Official Dispatch", "Prime Minister"),
    ("15/KH-UBND", "Plan", "People's Committee"),
    # A law: no kind part, the issuer with its term number.
    ("61/2020/QH14", None, "National Assembly"),
    # The diacritic matters where it tells two bodies apart: TƯ is central, TU provincial.
    ("08-NQ/TƯ", "Resolution", "Party Central Committee"),
    # No Vietnamese code.
    ("26", None, None),
    ("RCC/WR/07/2024", None, None),
    ("S.O. 1192(E)", None, None),
], ids=["party_directive", "provincial_resolution", "district", "project", "personnel_decision",
        "decree", "decision", "decision_diacritic_upper", "council_diacritic", "circular", "dispatch", "plan",
        "law", "central_diacritic", "plain", "foreign_code", "foreign_series"])
def test_decode(number, kind, issuer):
    meaning = decode(number)
    assert (meaning.kind, meaning.issuer) == (kind, issuer)


def test_decode_lists_every_reading_of_an_ambiguous_code():
    assert decode("05-HD/TW").kinds == ("Guidance", "Instruction", "Guideline")


def test_a_document_record_carries_the_decoded_code(loaded):
    document = only(loaded, "It follows Directive No. 12-CT/TW of the Secretariat.")
    assert (document.issuer, document.kind_from_code, document.issuer_from_code) == (
        "Secretariat", "Directive", "Party Central Committee")
