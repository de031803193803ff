"""The committed schema is the models' schema (regenerate with `make schema`)."""

import json
from pathlib import Path

from extractor.records import record_schema

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "schemas" / "record.schema.json"


def test_committed_schema_matches_the_models():
    committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert committed == record_schema(), (
        "schemas/record.schema.json drifted from the models: run `make schema` and commit the result")
