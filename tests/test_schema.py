"""The committed schema is the models' schema (regenerate with `make schema`)."""

import json
from pathlib import Path

from extractor.records import record_schema

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "schemas" / "record.schema.json"


def test_committed_schema_matches_the_models():
    committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert committed == record_schema(), (
        "schemas/record.schema.json drifted from the models: run `make schema` and commit the result")


def test_a_record_written_before_the_added_fields_still_validates():
    """Fields added after 1.0 (participation, year_from, min/max, comparator, ...) have defaults."""
    from extractor.records import ArticleRecord

    span = {"start": 0, "end": 3, "text": "Mr.", "rule": "ner"}
    old = {"schema_version": "1.0", "id": "sha256:" + "0" * 64, "source": {},
           "people": [{"name": "A B", "honorific": None, "roles": [], "mentions": [span]}],
           "dates": [{"text": "2023", "value": "2023", "evidence": span}],
           "amounts": [{"text": "24%", "kind": "percent", "value": 24, "currency": None, "unit": None,
                        "approximate": False, "evidence": span}],
           "documents": [{"kind": "Directive", "number": "40-CT/TW", "name": None, "date": None, "issuer": None,
                          "subject": None, "mentions": [span]}],
           "targets": [{"text": "20/25", "subject": None, "value": None, "unit": None, "achieved": 20, "total": 25,
                        "status": None, "period": None, "document": None, "evidence": span}]}
    record = ArticleRecord.model_validate(old)
    assert record.people[0].participation == [] and record.dates[0].year_from is None
