"""extractor.evaluate: each matching rule, the pairing of facts, the figures, and `extractor evaluate`.

The agreement with the reference scorer (tools/score beside the devset) is checked by hand, not here:
CI has no ../shared. The corpus run below checks structure and invariants, not figures that change
with every improvement of the extractor.
"""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.evaluate import (
    FIELDS, Gold, GoldAmount, GoldDocument, GoldRole, GoldTarget, Outcome, Report, Score, fold, match_facts, same_amount,
    same_document, same_name, same_number, same_place, same_role, same_target, score_article, total, unit_key,
)
from extractor.records import (
    Amount, ArticleRecord, DateValue, DocumentRef, Event, Person, Role, Source, Span, Target,
)

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
SPAN = Span(start=0, end=1, text="x", rule="test")
runner = CliRunner()


# --- Building records and gold in a line --------------------------------------------------------


def record(**fields) -> ArticleRecord:
    return ArticleRecord(id="sha256:" + "0" * 64, source=Source(), **fields)


def person(name: str, *roles: tuple[str, str | None]) -> Person:
    return Person(name=name, honorific=None, mentions=[SPAN],
                  roles=[Role(title=t, organization=o, evidence=SPAN) for t, o in roles])


def amount(kind: str, value: float, currency: str | None = None) -> Amount:
    return Amount(text="x", kind=kind, value=value, currency=currency, unit=None, approximate=False, evidence=SPAN)


def target(value=None, unit=None, achieved=None, total=None) -> Target:
    return Target(text="x", subject=None, value=value, unit=unit, achieved=achieved, total=total, status=None,
                  period=None, document=None, evidence=SPAN)


def document(kind: str, number: str | None, date: str | None = None) -> DocumentRef:
    return DocumentRef(kind=kind, number=number, name=None, date=date, issuer=None, subject=None, mentions=[SPAN])


def event(kind="conference", date=None, location=None) -> Event:
    value = DateValue(text="x", value=date, evidence=SPAN) if date else None
    return Event(kind=kind, title=None, date=value, location=location, organizer=None, evidence=SPAN)


def counts(outcome: Outcome) -> tuple[int, int, int]:
    return outcome.tp, outcome.fp, outcome.fn


# --- Matching rules -------------------------------------------------------------------------------


def test_fold():
    assert fold("the Ministry of Industry and Trade (MoIT)") == "ministry industry trade"
    assert fold("Đỗ Văn Khiêm") == "do van khiem"
    assert fold(None) == ""
    assert fold("Chaktomuk Hall (Phnom Penh)", keep_brackets=True) == "chaktomuk hall phnom penh"
    assert fold("Nguyen The Anh", keep_ignored_words=True) == "nguyen the anh"


@pytest.mark.parametrize("gold, name, same", [
    # Diacritics, case and punctuation do not count.
    ("Nguyễn Văn Đức", "Nguyen Van Duc", True),
    ("Nguyen Van Duc", "NGUYEN VAN DUC", True),
    ("Nguyen Van Duc", "Nguyen-Van Duc.", True),
    ("Emmanuel “Noy” P. Dalisay", "Emmanuel Noy P Dalisay", True),
    # A typo is forgiven; another name is not.
    ("Nguyen Van Duc", "Nguyen Van Duk", True),
    ("Nguyen Van Duc", "Nguyen Van Dung", False),
    ("Le Hoi", "Le Ho", False),             # a stricter ratio for names than for titles
    # A partial form counts when it keeps two of the name's words, the last among them.
    ("Pham Minh Chinh", "Pham Chinh", True),
    ("Pham Chinh", "Pham Minh Chinh", True),
    ("Rogelio D. Pacquiao", "Rogelio Pacquiao", True),
    ("Pham Minh Chinh", "Chinh", False),
    ("Nguyen Van Thanh", "Nguyen Van", False),
    ("Nguyen Van", "Nguyen Van Thanh", False),
    ("Nguyen Duc", "Nguyen Duc Aa Bb Cc", False),
    ("Nguyen Van Duc", "Tran Van Duc", False),
    # Names keep "the", "of" and "and".
    ("Nguyen The Anh", "Nguyen Hoai Anh", False),
    ("Nguyen The Anh", "Nguyen Anh", True),
], ids=["diacritics", "case", "punctuation", "quotes", "typo", "other_name", "short_name_typo", "shorter",
        "shorter_gold", "middle_initial", "one_word", "without_last_word", "without_last_word_gold",
        "longer_other_last_word", "other_family", "the_is_a_name_word", "the_dropped_keeps_last"])
def test_same_name(gold, name, same):
    assert same_name(gold, name) is same


@pytest.mark.parametrize("gold, predicted, same", [
    # Title and body both match; null matches null only.
    (("Vice Chairman", "Provincial People's Committee"), ("vice chairman", "the Provincial People's Committee"), True),
    (("Prime Minister", None), ("Prime Minister", None), True),
    (("Chairman", None), ("Chairman", "Committee"), False),
    (("Chairman", "Committee"), ("Chairman", None), False),
    (("Chairman", "Committee (PC)"), ("Chairman", "Committee"), True),
    (("Vice Chairman", None), ("Chairman", None), False),
    (("Permanent Vice Chairman", None), ("Vice Chairman", None), False),
    # A body matches a longer one holding all its words, two at least and half of the longer's.
    (("Minister", "Industry and Trade"), ("Minister", "Ministry of Industry and Trade"), True),
    (("Minister", "Ministry of Industry and Trade"), ("Minister", "Industry and Trade"), True),
    (("Minister", "Trade"), ("Minister", "Ministry of Industry and Trade"), False),
    (("Chairman", "Party Party Committee"), ("Chairman", "Party Committee Office Hanoi Branch"), False),
    (("Vice Chairman", "People's Committee"), ("Vice Chairman", "An Giang Provincial People's Committee Viet"), False),
    # The same words split differently between title and body.
    (("Provincial Party Secretary", "An Giang"), ("An Giang Provincial Party Secretary", None), True),
    (("Member", "Politburo"), ("Politburo member", None), True),
    (("Party Secretary", "Party Committee"), ("Party Secretary Committee", None), False),
    (("Secretary", "An Giang Provincial Party Committee"), ("An Giang Provincial Party Secretary", None), False),
    # Abbreviated titles.
    (("Vice Governor", None), ("Vice Gov.", None), True),
    (("Senator", None), ("Sen.", None), False),
], ids=["title_and_body", "null_null", "null_vs_body", "body_vs_null", "acronym", "other_title", "qualifier",
        "subset", "superset", "one_word_subset", "repeated_words_count_once", "less_than_half", "split",
        "body_before_title", "split_extra_word", "split_other_words", "abbreviation", "not_an_abbreviation"])
def test_same_role(gold, predicted, same):
    assert same_role(GoldRole(title=gold[0], organization=gold[1]), *predicted) is same


@pytest.mark.parametrize("gold, value, same", [
    (1000, 1000, True),
    (1000, 1005, True),      # 0.5% of the gold value
    (1000, 995, True),
    (1000, 1005.01, False),
    (1000, 994.99, False),
    (5075500000000, 5075.5e9, True),
    (0, 0, True),
    (0, 0.001, False),
    (-2, -2.005, True),
    (-2, 2, False),
    (None, None, False),
    (8, None, False),
], ids=["equal", "plus_half_percent", "minus_half_percent", "over", "under", "large", "zero", "near_zero",
        "negative", "sign", "none", "none_predicted"])
def test_same_number(gold, value, same):
    assert same_number(gold, value) is same


@pytest.mark.parametrize("gold, predicted, same", [
    (("money", 1000, "VND"), ("money", 1004, "vnd"), True),
    (("money", 1000, "VND"), ("money", 1000, "USD"), False),
    (("money", 1000, None), ("money", 1000, "VND"), False),
    (("money", 1000, None), ("money", 1000, ""), True),     # an empty code is none
    (("percent", 24, None), ("percent", 24, "VND"), True),    # currency counts for money only
    (("percent", 24, None), ("multiplier", 24, None), False),
], ids=["currency_case", "other_currency", "no_currency", "empty_currency", "percent_currency_ignored",
        "other_kind"])
def test_same_amount(gold, predicted, same):
    kind, value, currency = gold
    assert same_amount(GoldAmount(kind=kind, value=value, currency=currency), *predicted) is same


@pytest.mark.parametrize("gold, predicted, same", [
    ({"achieved": 20, "total": 25}, target(achieved=20, total=25), True),
    ({"achieved": 20, "total": 25}, target(achieved=20, total=None), False),
    ({"achieved": 20, "total": 25}, target(value=20, unit="target"), False),
    ({"value": 8, "unit": "percent"}, target(value=8.03, unit="per cent"), True),
    ({"value": 8, "unit": "percent"}, target(value=8, unit=None), True),    # no unit matches any
    ({"value": 750, "unit": "cooperative"}, target(value=750, unit="cooperatives"), True),
    ({"value": 750, "unit": "cooperative"}, target(value=750, unit="households"), False),
    ({"value": 3e9, "unit": "USD"}, target(value=3e9, unit="VND"), False),
    ({"value": 3, "achieved": 3}, target(value=3), True),     # no total: a goal, by its value
    # "%" is the unit percent, not an absent unit that would match any.
    ({"value": 8, "unit": "%"}, target(value=8, unit="percent"), True),
    ({"value": 8, "unit": "percent"}, target(value=8, unit=" % "), True),
    ({"value": 8, "unit": "%"}, target(value=8, unit="communes"), False),
    ({"value": 8, "unit": "commune"}, target(value=8, unit="%"), False),
    ({"value": 8, "unit": "s"}, target(value=8, unit="commune"), False),
], ids=["attainment", "attainment_no_total", "attainment_as_value", "percent_spelt", "unit_missing", "plural",
        "other_noun", "other_currency", "achieved_without_total", "percent_sign_gold", "percent_sign_predicted",
        "percent_sign_not_a_noun", "noun_not_a_percent_sign", "unit_s_is_a_unit"])
def test_same_target(gold, predicted, same):
    assert same_target(GoldTarget(**gold), predicted) is same


def test_unit_key():
    assert [unit_key(u) for u in ("%", " % ", "per cent", "Per-Cent", "PCT", "Communes", "(%)", None)] == [
        "percent", "percent", "percent", "percent", "percent", "communes", "", ""]


@pytest.mark.parametrize("gold, predicted, same", [
    (("Directive", "40-CT/TW"), ("Directive", "40-CT/TW"), True),
    (("Directive", "40-CT/TW"), ("the directive", "No. 40-ct/tw"), True),
    (("Directive", "40-CT/TW"), ("Decision", "40-CT/TW"), False),
    (("Directive", "40-CT/TW"), ("Directive", "40"), False),
    (("Law", "26"), ("Law", None), False),
    (("Law", "26"), ("Law", "  2 6 "), True),
    (("Law", "No. 26"), ("Law", "No. 26"), False),     # the format writes gold numbers without "No."
    (("Law", " "), ("Law", ""), False),
], ids=["same", "case_no_prefix", "other_kind", "other_number", "no_number", "spaces", "gold_with_no",
        "blank_numbers"])
def test_same_document(gold, predicted, same):
    assert same_document(GoldDocument(kind=gold[0], number=gold[1]), *predicted) is same


@pytest.mark.parametrize("gold, location, same", [
    ("Quang Ninh", "Ha Long City, Quảng Ninh province", True),
    ("Quang Ninh", "Quang Ninh", True),
    ("Quang Ninh Province", "Quang Ninh", False),
    ("Ha Noi", "Hanoi", False),
    # Whole words, in order.
    ("Ha", "Hanoi", False),
    ("Phu Tho", "Phu Tho province", True),
    ("Phu Tho", "Phu Thong district", False),
    ("Phnom Penh", "Penh Phnom", False),
    # Bracketed words count.
    ("Phnom Penh", "Chaktomuk Hall (Phnom Penh)", True),
    ("(Phnom Penh)", "Phnom Penh", True),
    ("()", "Hanoi", False),
], ids=["inside", "equal", "longer_gold", "spelt_otherwise", "part_of_a_word", "whole_words", "word_prefix",
        "other_order", "bracketed_location", "bracketed_gold", "empty_place"])
def test_same_place(gold, location, same):
    assert same_place(gold, location) is same


# --- Pairing and scoring ----------------------------------------------------------------------------


def test_match_facts_pairs_as_many_as_can_be():
    """First fit would give x to a, leaving b (which matches x only) missed and y repeated."""
    edges = {("a", "x"), ("a", "y"), ("b", "x")}
    matching = match_facts(["a", "b"], ["x", "y"], lambda g, p: (g, p) in edges)
    assert matching.pairs == [("a", "y"), ("b", "x")]
    assert (matching.missed, matching.repeated, matching.spurious) == ([], [], [])


def test_maximum_matching_in_a_field():
    gold = {"targets": [{"value": 8, "unit": None}, {"value": 8, "unit": "percent"}]}
    predicted = [target(value=8, unit="percent"), target(value=8, unit="communes")]
    assert score(gold, targets=predicted)["targets"] == (2, 0, 0)     # first fit: (1, 0, 1)


def test_match_facts_pairs_in_gold_order_and_sorts_the_rest():
    matching = match_facts([1, 2, 3], [3, 3, 5, 9, 1], lambda g, p: g == p, optional=[9])
    assert matching.pairs == [(1, 1), (3, 3)]
    assert matching.missed == [2]
    assert matching.repeated == [3]
    assert matching.spurious == [5]     # 9 is optional: dropped


def score(gold: dict, **predicted) -> dict[str, tuple[int, int, int]]:
    outcomes = score_article(Gold.model_validate(gold), record(**predicted))
    return {name: counts(outcome) for name, outcome in outcomes.items()}


@pytest.mark.parametrize("second", [
    person("Mr. Nguyen Van Duc"),
    person("Nguyen Duc", ("Chairman", None)),
    person("Nguyen Van Duc", ("Secretary", "Politburo"), ("Chairman", None)),
], ids=["no_roles", "same_role", "other_roles"])
def test_a_repeated_person_and_their_roles_are_forgiven(second):
    gold = {"people": [{"name": "Nguyễn Văn Đức", "roles": [{"title": "Chairman", "organization": None}]}]}
    scored = score(gold, people=[person("Nguyen Van Duc", ("Chairman", None)), second])
    assert (scored["people"], scored["roles"]) == ((1, 0, 0), (1, 0, 0))


def test_roles_of_missed_and_spurious_people():
    gold = {"people": [{"name": "Nguyen Van Duc", "roles": [{"title": "Chairman", "organization": None}]}]}
    scored = score(gold, people=[person("Tran Thi Mai", ("Secretary", None), ("Member", "Politburo"))])
    assert (scored["people"], scored["roles"]) == ((0, 1, 1), (0, 2, 1))


@pytest.mark.parametrize("gold, predicted, name, expected", [
    # Optional facts are neither rewarded nor punished: found, not found, or found twice.
    ({"dates": ["2024"], "dates_optional": ["2023"]}, {"dates": []}, "dates", (0, 0, 1)),
    ({"dates": ["2024"], "dates_optional": ["2023"]},
     {"dates": [DateValue(text=v, value=v, evidence=SPAN) for v in ("2024", "2023", "2023", "2025")]},
     "dates", (1, 1, 0)),
    ({"amounts_optional": [{"kind": "money", "value": 5, "currency": "USD"}]},
     {"amounts": [amount("money", 5, "USD")]}, "amounts", (0, 0, 0)),
    ({"targets_optional": [{"value": 99.9, "unit": "percent"}]},
     {"targets": [target(value=99.9, unit="percent"), target(value=99.9, unit="percent")]}, "targets", (0, 0, 0)),
    ({"people_optional": ["Tran Thi Mai"]}, {"people": [person("Tran Thi Mai", ("Reporter", None))]},
     "roles", (0, 0, 0)),
    # Counts and quantities are not scored as amounts.
    ({}, {"amounts": [amount("count", 602836)]}, "amounts", (0, 0, 0)),
], ids=["optional_date_absent", "optional_date_given", "optional_amount", "optional_target_twice",
        "optional_person_roles", "counts_not_scored"])
def test_optional_facts(gold, predicted, name, expected):
    assert score(gold, **predicted)[name] == expected


@pytest.mark.parametrize("gold_event, predicted, expected", [
    ({"kind": "conference", "date": "2024-08-14", "date_alternatives": ["XXXX-08-14"]},
     event(date="XXXX-08-14"), (1, 0, 0)),
    ({"kind": "conference", "date": "2024-08-14", "date_alternatives": ["XXXX-08-14"]},
     event(date="2024-08-14"), (1, 0, 0)),
    ({"kind": "conference", "date": "2024-08-14"}, event(date="XXXX-08-14"), (0, 1, 1)),
    ({"kind": "conference", "date": "2024-08-14"}, event(), (0, 0, 1)),
    ({"kind": "conference", "date": None}, event(date="2024-08-14"), (0, 1, 0)),
], ids=["alternative", "main", "no_alternative", "none_given", "none_in_gold"])
def test_event_date(gold_event, predicted, expected):
    assert score({"event": gold_event}, event=predicted)["event_date"] == expected


def test_event_kind_and_location():
    scored = score({"event": {"kind": "conference", "location": "Quang Ninh"}},
                   event=event(kind="meeting", location="Quảng Ninh province"))
    assert (scored["event_kind"], scored["event_location"]) == ((0, 1, 1), (1, 0, 0))


@pytest.mark.parametrize("gold_event, location, expected", [
    ({"location": "Ha Noi", "location_alternatives": ["Hanoi"]}, "Hanoi capital", (1, 0, 0)),
    ({"location": "Ha Noi", "location_alternatives": ["Hanoi"]}, "Ha Noi", (1, 0, 0)),
    ({"location": "Ha Noi"}, "Hanoi capital", (0, 1, 1)),
    ({"location": "Ha Noi", "location_alternatives": ["Hanoi"]}, "Da Nang", (0, 1, 1)),
    ({"location": None, "location_alternatives": ["Hanoi"]}, "Hanoi", (0, 1, 0)),
], ids=["alternative", "main", "no_alternative", "neither", "none_in_gold"])
def test_event_location_alternatives(gold_event, location, expected):
    scored = score({"event": {"kind": "conference", **gold_event}}, event=event(location=location))
    assert scored["event_location"] == expected


def test_document_dates():
    gold = {"documents": [{"kind": "Directive", "number": "40-CT/TW", "date": "2014-11-22"},
                          {"kind": "Decision", "number": "12", "date": "2020-01-01"},
                          {"kind": "Plan", "number": "7", "date": None},
                          {"kind": "Law", "number": "26", "date": "2023-06-01"}]}
    scored = score(gold, documents=[document("Directive", "40-CT/TW", "2014-11"), document("Plan", "7", "2021-01-01"),
                                    document("Law", "26", "2023-06-01")])
    assert scored["documents"] == (3, 0, 1)
    # Found: the law's. Spurious: the directive's wrong date, and a date the gold does not give the plan.
    # Missed: the directive's date, and the date of the decision not found.
    assert scored["document_dates"] == (1, 2, 2)


def test_documents_without_a_number_are_not_scored():
    gold = {"documents": [{"kind": "Law", "number": "26", "date": None}]}
    scored = score(gold, documents=[document("Law", None, "2023-06-01"), document("Decision", ""),
                                    document("Law", "26")])
    assert (scored["documents"], scored["document_dates"]) == ((1, 0, 0), (0, 0, 0))


@pytest.mark.parametrize("tp, fp, fn, p, r, f1", [
    (8, 2, 2, 0.8, 0.8, 0.8),
    (3, 1, 0, 0.75, 1.0, 6 / 7),
    (0, 0, 0, 1.0, 1.0, 1.0),       # nothing to find, nothing found
    (0, 0, 1, 0.0, 0.0, 0.0),       # nothing found, something missed
    (0, 1, 0, 0.0, 1.0, 0.0),       # nothing to find, something spurious
], ids=["balanced", "no_misses", "empty", "only_missed", "only_spurious"])
def test_score_arithmetic(tp, fp, fn, p, r, f1):
    score = Score(tp, fp, fn)
    assert (score.precision, score.recall, score.f1) == pytest.approx((p, r, f1))


def test_micro_average_sums_counts_over_articles_and_fields():
    assert total([Outcome(1, ("a",)), Outcome(3, (), ("b", "c"))]) == Score(4, 2, 1)
    empty = {name: Outcome() for name in FIELDS}
    report = Report({"a": {**empty, "dates": Outcome(2, ("x",))}, "b": {**empty, "people": Outcome(1, (), ("y",))}})
    scores = report.scores()
    assert list(scores) == [*FIELDS, "all"]
    assert scores["all"] == Score(3, 1, 1)
    assert report.to_json()["fields"]["dates"] == {"p": 1.0, "r": 0.667, "f1": 0.8, "tp": 2, "fp": 0, "fn": 1}


# --- The command line -------------------------------------------------------------------------------

GOLD = {"id": "a", "published": "2024-07-31",
        "event": {"kind": "conference", "date": "2024-07-31", "location": "Quang Ninh"},
        "people": [{"name": "Nguyễn Văn Đức", "roles": [{"title": "Chairman", "organization": None}]}],
        "dates": ["2024-07-31", "2030"], "amounts": [{"kind": "percent", "value": 24}]}


def write_set(folder: Path, gold: dict | str = GOLD, predicted: ArticleRecord | None = None) -> Path:
    (folder / "gold").mkdir(parents=True)
    (folder / "gold" / "a.json").write_text(gold if isinstance(gold, str) else json.dumps(gold), encoding="utf-8")
    (folder / "pred").mkdir()
    if predicted is not None:
        (folder / "pred" / "a.json").write_text(predicted.model_dump_json(), encoding="utf-8")
    return folder


PREDICTED = record(
    event=event(date="2024-07-31", location="Ha Long, Quang Ninh"),
    people=[person("Nguyen Van Duc", ("Chairman", None))],
    dates=[DateValue(text="x", value=v, evidence=SPAN) for v in ("2024-07-31", "2025")],
    amounts=[amount("percent", 24.1)],
)


def test_cli_json(tmp_path):
    write_set(tmp_path, predicted=PREDICTED)
    result = runner.invoke(app, ["evaluate", "--gold", str(tmp_path / "gold"), "--pred", str(tmp_path / "pred"),
                                 "--json", "--details"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["articles"] == 1
    assert data["fields"]["dates"] == {"p": 0.5, "r": 0.5, "f1": 0.5, "tp": 1, "fp": 1, "fn": 1}
    assert data["fields"]["all"]["tp"] == 7
    assert data["details"] == {"a": {"dates": {"missed": ["2030"], "spurious": ["2025"]}}}


def test_cli_table(tmp_path):
    write_set(tmp_path, predicted=PREDICTED)
    result = runner.invoke(app, ["evaluate", "--gold", str(tmp_path / "gold"), "--pred", str(tmp_path / "pred"),
                                 "--details"])
    assert result.exit_code == 0, result.output
    for name in [*FIELDS, "all", "dates missed:   2030", "dates spurious: 2025"]:
        assert name in result.stdout


@pytest.mark.parametrize("gold, predicted, message", [
    (None, PREDICTED, "no such folder"),
    ("", PREDICTED, "no gold files"),
    ('{"people": [{"name": "A B", "roles": [{"title": "Chairman"}]}]}', PREDICTED,
     "a.json: people.0.roles.0.organization: Field required"),
    ('{"dates": ["31/07/2024"]}', PREDICTED, "a.json: dates.0: String should match pattern"),
    ('{"peeple": []}', PREDICTED, "a.json: peeple: Extra inputs are not permitted"),
    ('{"dates": [', PREDICTED, "a.json: not JSON"),
    (GOLD, None, "pred/a.json: no such file"),
], ids=["missing_folder", "no_gold_files", "missing_field", "bad_date", "misspelt_key", "not_json", "missing_pred"])
def test_cli_errors(tmp_path, gold, predicted, message):
    write_set(tmp_path, gold if gold is not None else GOLD, predicted)
    if gold is None:
        (tmp_path / "gold" / "a.json").unlink()
        (tmp_path / "gold").rmdir()
    elif gold == "":
        (tmp_path / "gold" / "a.json").unlink()
    result = runner.invoke(app, ["evaluate", "--gold", str(tmp_path / "gold"), "--pred", str(tmp_path / "pred")])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert message in result.stderr
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1


def test_cli_runs_the_extractor_on_the_corpus(loaded):
    result = runner.invoke(app, ["evaluate", "--gold", str(CORPUS), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["articles"] == len(list(CORPUS.glob("*.json")))
    assert list(data["fields"]) == [*FIELDS, "all"]
    for name, figures in data["fields"].items():
        assert all(0 <= figures[key] <= 1 for key in ("p", "r", "f1")), name
        assert figures["tp"] + figures["fn"] > 0, name    # the corpus exercises every field
    overall = data["fields"]["all"]
    assert overall["tp"] == sum(f["tp"] for name, f in data["fields"].items() if name != "all")
    assert overall["f1"] >= 0.8     # a generous floor: a broken pipeline, not a small regression


def test_cli_missing_text_without_pred(tmp_path):
    write_set(tmp_path)
    result = runner.invoke(app, ["evaluate", "--gold", str(tmp_path / "gold")])
    assert result.exit_code == 1
    assert "a.txt: no such file" in result.stderr


# --- Statements (scored apart, only where the gold annotates them) ---------------------------------


def test_statements_are_scored_apart_and_only_where_annotated():
    from extractor.evaluate import evaluate
    from extractor.records import Statement
    said = Statement(speaker="He", speaker_ref=0, act="request", addressee="the district",
                     content="the district to clear the backlog", quote=False, evidence=SPAN)
    collective = Statement(speaker="Delegates", speaker_ref=None, act="propose", addressee=None,
                           content="more schools", quote=False, evidence=SPAN)
    rec = record(people=[person("Phan Van Dinh")], statements=[said, collective])
    gold = Gold.model_validate({"people": [{"name": "Phan Van Dinh"}], "statements": [
        {"speaker": "He", "speaker_name": "Phan Van Dinh", "act": "request", "content": "clear the backlog"},
        {"speaker": "delegates", "act": "propose", "content": "build more schools"},
        {"speaker": "delegates", "act": "note", "content": "nothing of it"}]})
    report = evaluate({"a": gold, "b": Gold()}, {"a": rec, "b": rec})
    data = report.to_json()
    assert list(data["fields"]) == [*FIELDS, "all"]  # not in `all`
    assert (data["statements"]["articles"], data["statements"]["tp"], data["statements"]["fn"]) == (1, 2, 1)
    assert data["statements"]["speaker_links"] == {"linked": 1, "of": 1, "share": 1.0}
    assert data["statements"]["acts"]["note"]["fn"] == 1
    assert report.statement_scores()["overlap"] == pytest.approx((1 + 2 / 3) / 2)


# The gold person a statement's speaker is: a short form of a name the gold people give in full.
@pytest.mark.parametrize("speaker, speaker_name, expected", [
    ("Ms. Hoa", None, "Vo Thi Hoa"),                        # honorific + last word
    ("Vice Chairman Binh", None, "Tran Van Binh"),          # title + last word, not Le Binh Son's middle word
    ("Governor Somsak", None, "Somsak Phommachanh"),        # a given name written first
    ("Director Tran Van Binh", None, "Tran Van Binh"),      # the full name stands in the speaker
    ("He", "Le Binh Son", "Le Binh Son"),                   # speaker_name wins
    ("Mr. Kowalski Nowak", None, "Mr. Kowalski Nowak"),     # a name the gold people lack: itself
    ("delegates", None, None),                              # collective
    ("Mr. Anh", None, None),                                # two people fit: no one
], ids=["honorific", "title_last_word", "given_name_first", "full_name", "speaker_name", "unknown_named",
        "collective", "ambiguous"])
def test_speaker_person(speaker, speaker_name, expected):
    from extractor.evaluate import GoldStatement, speaker_person
    gold = Gold.model_validate({"people": [{"name": n} for n in (
        "Vo Thi Hoa", "Tran Van Binh", "Le Binh Son", "Somsak Phommachanh", "Pham Ngoc Anh", "Do Minh Anh")]})
    statement = GoldStatement(speaker=speaker, speaker_name=speaker_name, act="note", content="x")
    assert speaker_person(gold, statement) == expected


def test_speaker_links_read_a_short_name_as_the_gold_person():
    from extractor.evaluate import evaluate
    from extractor.records import Statement
    said = Statement(speaker="Ms. Hoa", speaker_ref=1, act="note", addressee=None,
                     content="the plan is ready", quote=False, evidence=SPAN)
    wrong = Statement(speaker="Vice Chairman Binh", speaker_ref=0, act="note", addressee=None,
                      content="the road will open", quote=False, evidence=SPAN)
    rec = record(people=[person("Le Binh Son"), person("Vo Thi Hoa")], statements=[said, wrong])
    gold = Gold.model_validate({"people": [{"name": "Le Binh Son"}, {"name": "Vo Thi Hoa"}, {"name": "Tran Van Binh"}],
                                "statements": [
        {"speaker": "Ms. Hoa", "act": "note", "content": "the plan is ready"},
        {"speaker": "Vice Chairman Binh", "act": "note", "content": "the road will open"}]})
    data = evaluate({"a": gold}, {"a": rec}).to_json()
    assert data["statements"]["tp"] == 2  # both speakers are as written
    assert data["statements"]["speaker_links"] == {"linked": 1, "of": 2, "share": 0.5}  # Binh is not Le Binh Son
